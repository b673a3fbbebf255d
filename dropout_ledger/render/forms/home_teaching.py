"""送教上门记录: the home-teaching sessions of one pupil, A4 portrait (domain.md §5.10).

The header names the pupil, the disability (the reason for 送教), the guardian and the address
the teachers go to; the log lists every session (date, start and end, minutes, teachers,
content, the pupil's response, whether the guardian signed) with blank rows for the next ones;
the totals compare this term with the local minimum (at least two visits a month and ten
30-minute lessons a term, domain.md §5.10 — set locally, so printed as the reference used).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from dropout_ledger.render.kit import Column, Form, Imprint, Row, label, value

COLUMNS = (
    Column("次数", 8), Column("日期", 19), Column("起止时间", 21), Column("时长\n（分钟）", 16),
    Column("送教教师", 24), Column("送教内容", 36, "LEFT"), Column("学生反应", 34, "LEFT"),
    Column("家长签字", 17),
)
LESSON_MINUTES = 30
MIN_VISITS_PER_MONTH = 2
MIN_LESSONS_PER_TERM = 10


@dataclass(frozen=True)
class Session:
    date: str
    times: str
    minutes: str
    teachers: str
    content: str
    response: str
    signed: str


@dataclass(frozen=True)
class HomeTeachingData:
    school: str
    name: str
    sex: str
    grade_class: str
    birth_date: str
    disability: str
    guardian: str
    address: str
    teachers: str
    since: str
    """When 送教上门 began (the status date), "" when unknown."""
    sessions: Sequence[Session]
    term: str
    term_sessions: int
    term_minutes: int
    months: Sequence[tuple[str, int]]
    """("9月", visits) for each month of the term so far; the current one is "11月（至今）"."""
    as_of: dt.date | None = None


def totals(data: HomeTeachingData) -> str:
    """The term's totals against the reference minimum, in one paragraph."""
    if not data.sessions:
        return (f"尚无送教记录。参考要求：每月不少于{MIN_VISITS_PER_MONTH}次，每学期不少于"
                f"{MIN_LESSONS_PER_TERM}课时（每课时{LESSON_MINUTES}分钟）。")
    lessons = data.term_minutes // LESSON_MINUTES
    months = "、".join(f"{month}{n}次" for month, n in data.months) or "无"
    short = [month for month, n in data.months
             if n < MIN_VISITS_PER_MONTH and "至今" not in month]  # a month not over yet
    text = (f"{data.term}送教{data.term_sessions}次，合计{data.term_minutes}分钟，折合{lessons}"
            f"课时（每课时{LESSON_MINUTES}分钟）。按月：{months}。参考要求：每月不少于"
            f"{MIN_VISITS_PER_MONTH}次，每学期不少于{MIN_LESSONS_PER_TERM}课时。")
    if short:
        text += f"少于每月{MIN_VISITS_PER_MONTH}次的月份：{'、'.join(short)}。"
    return text


def draw(data: HomeTeachingData, imprint: Imprint) -> tuple[Form, int]:
    """The 送教上门记录 as a Form, and how many sessions it lists."""
    form = Form(imprint, title="送教上门记录")
    who = f"{data.name}（{data.grade_class}）"
    form.title()
    form.unit_line(data.school, data.as_of, unit_label="学校（盖章）：", date_label="填表日期：")
    form.grid((22, 36, 19, 30, 22, 46), [
        [label("学生姓名"), value(data.name), label("性别"), value(data.sex), label("出生日期"),
         value(data.birth_date)],
        [label("年级班级"), value(data.grade_class), label("残疾类别"), value(data.disability),
         label("送教起始"), value(data.since)],
        [label("监护人及\n联系电话"), value(data.guardian, 5)],
        [label("送教地址"), value(data.address, 5)],
        [label("送教教师"), value(data.teachers, 5)],
    ], record=who)
    form.heading("送教记录")
    count = form.table(COLUMNS, (
        Row([str(n), s.date, s.times, s.minutes, s.teachers, s.content, s.response, s.signed],
            who) for n, s in enumerate(data.sessions, start=1)),
        blank_rows=3 if data.sessions else 10, min_row_mm=9)
    with form.together():
        form.heading("本学期小结")
        form.text(totals(data), size=9.5)
        form.spacer(4)
        form.signatures([("送教教师（签字）", ""), ("家长（签字）", ""), ("校长（签字）", "")])
        form.stamp_block(data.school, None)
    return form, count
