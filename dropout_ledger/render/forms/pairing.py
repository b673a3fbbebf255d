"""结对帮扶记录表: a teacher's support log for one pupil, A4 portrait (domain.md §5.9).

One section per pairing (a pupil may have had several teachers): the header (帮扶教师, 帮扶对象
and class, 结对日期, 帮扶类型, 目标), the log (日期, 方式, 内容, 学生表现/变化, 下一步, 签字) with
blank rows to continue by hand, then the term-end summary and the principal's review to write
in, and the signatures. The form names no family circumstance: template guidance asks for
neutral wording ("特殊家庭背景") and the ledger prints only what the teacher recorded.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from dropout_ledger.render.kit import Column, Form, Imprint, Row, label, value

COLUMNS = (
    Column("日期", 19), Column("方式", 13), Column("内容", 50, "LEFT"),
    Column("学生表现/变化", 38, "LEFT"), Column("下一步", 32, "LEFT"), Column("签字", 18),
)


@dataclass(frozen=True)
class PairingLog:
    date: str
    mode: str
    content: str
    change: str
    next_step: str


@dataclass(frozen=True)
class PairingSection:
    """One teacher's pairing with the pupil and its log, oldest entry first."""

    teacher: str
    start: str
    kind: str
    goal: str
    entries: Sequence[PairingLog]


@dataclass(frozen=True)
class PairingData:
    school: str
    pupil: str
    grade_class: str
    sex: str
    sections: Sequence[PairingSection]
    as_of: dt.date | None = None


def draw(data: PairingData, imprint: Imprint) -> tuple[Form, int]:
    """The 帮扶记录表 as a Form, and how many log entries it lists."""
    form = Form(imprint, title="结对帮扶记录表")
    who = f"{data.pupil}（{data.grade_class}）"
    form.title()
    form.unit_line(data.school, data.as_of, unit_label="学校（盖章）：", date_label="填表日期：")
    count = 0
    for number, section in enumerate(data.sections, start=1):
        if number > 1:
            form.page_break()
            form.title(subtitle=f"（续：第{number}位帮扶教师）")
        form.grid((22, 40, 22, 40), [
            [label("帮扶教师"), value(section.teacher), label("结对日期"), value(section.start)],
            [label("帮扶对象"), value(data.pupil), label("年级班级"), value(data.grade_class)],
            [label("性别"), value(data.sex), label("帮扶类型"), value(section.kind)],
            [label("帮扶目标"), value(section.goal, 3, min_height=12)],
        ], record=who)
        form.heading("帮扶记录")
        count += form.table(COLUMNS, (
            Row([e.date, e.mode, e.content, e.change, e.next_step, ""], who)
            for e in section.entries), blank_rows=3, min_row_mm=10)
        with form.together():
            form.spacer(3)
            form.grid((22, 102), [
                [label("学期帮扶\n小结"), value("", min_height=28)],
                [label("校长评价"), value("", min_height=20)],
            ], record=who)
            form.spacer(4)
            form.signatures([("帮扶教师（签字）", ""), ("校长（签字）", "")])
            form.stamp_block(data.school, None)
    return form, count
