"""辍学学生情况报告表: the principal's report on one pupil to the township and the county bureau.

A4 portrait, domain.md §4.3: the pupil's identity, class, guardians, address and phone, when the
absence began, the reason, the whereabouts, every persuasion step taken, the people
responsible, the report's text, and the school's opinion with the principal's signature and the
school stamp. It goes to the authorities and into the pupil's 学籍 file, so the guardians'
phones and the address are on it; the ID number is masked unless the operator may and asks to
print it whole.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from dropout_ledger.render.kit import Form, Imprint, label, value

GRID = (24, 35, 20, 30, 22, 44)


@dataclass(frozen=True)
class CaseReportData:
    """Everything the 报告表 prints, as text ("" = blank to fill in)."""

    school: str
    date: dt.date | str | None
    name: str
    sex: str
    birth_date: str
    ethnicity: str
    grade_class: str
    xjh: str
    id_number: str
    guardians: str
    address: str
    absence_start: str
    absence_days: str
    status: str
    reason: str
    whereabouts: str
    steps: Sequence[str]
    """One line per persuasion visit, oldest first."""
    responsible: str
    summary: str
    recipients: str


def draw(data: CaseReportData, imprint: Imprint) -> tuple[Form, int]:
    """The 报告表 as a Form, and the number of persuasion steps it lists."""
    form = Form(imprint, title="辍学学生情况报告表")
    form.title()
    form.unit_line(data.school, data.date, unit_label="报告单位（盖章）：",
                   date_label="报告日期：")
    steps = "\n".join(f"{n}. {step}" for n, step in enumerate(data.steps, start=1))
    form.grid(GRID, [
        [label("学生姓名"), value(data.name), label("性别"), value(data.sex), label("出生日期"),
         value(data.birth_date)],
        [label("民族"), value(data.ethnicity), label("年级班级"), value(data.grade_class),
         label("全国学籍号"), value(data.xjh)],
        [label("身份证号"), value(data.id_number, 3), label("当前状态"), value(data.status)],
        [label("监护人及\n联系电话"), value(data.guardians, 5)],
        [label("家庭住址"), value(data.address, 5)],
        [label("缺勤起始\n日期"), value(data.absence_start), label("连续缺勤\n天数"),
         value(data.absence_days), label("目前去向"), value(data.whereabouts)],
        [label("辍学原因"), value(data.reason, 5)],
        [label("已采取的\n劝返措施"), value(steps, 5, min_height=30)],
        [label("责任人"), value(data.responsible, 5)],
        [label("情况说明"), value(data.summary, 5, min_height=35)],
        [label("学校意见"), value("", 5, min_height=22)],
        [label("报送单位"), value(data.recipients, 5)],
    ], record=f"{data.name}（{data.grade_class}）")
    with form.together():
        form.spacer(6)
        form.signatures([("校长（签字）", ""), ("经办人", imprint.operator)])
        form.stamp_block(data.school, data.date)
    return form, len(data.steps)
