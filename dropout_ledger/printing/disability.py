"""Gathers the 三类残疾儿童统计表 (render/forms/disability.py): disabled pupils on the roll.

Placement: 送教上门 by status; 休学 by status; 疑似辍学/辍学 by status; otherwise at school here —
随班就读 when the pupil is marked so, else 其他在校.
"""

from __future__ import annotations

from dropout_ledger.errors import InputRefused
from dropout_ledger.model import codes
from dropout_ledger.model.status import Status
from dropout_ledger.printing.common import (
    Built,
    Context,
    grade_class,
    guardians_text,
    student_value,
)
from dropout_ledger.render.forms.disability import DisabilityData, DisabledPupil, draw

_GROUPS = {"1": 0, "2": 1, "5": 2}
"""视力, 听力, 智力 by DISABILITY_TYPES code; every other type counts under 其他."""


def build(ctx: Context) -> Built:
    form, rows = draw(gather(ctx), ctx.imprint)
    return Built(form, rows)


def placement(student: dict[str, object]) -> int:
    status = student.get("status")
    if status == Status.HOME_TAUGHT.value:
        return 1
    if status == Status.SUSPENDED.value:
        return 3
    if status in (Status.SUSPECTED.value, Status.DROPPED_OUT.value):
        return 4
    return 0 if student.get("inclusive") else 2


def gather(ctx: Context) -> DisabilityData:
    queries = ctx.ledger.queries
    pupils = []
    for row in queries.iter_roster("on-roll"):
        student = queries.student(row.student_id)
        if student is None or not student.get("disability_type"):
            continue
        code = str(student["disability_type"])
        pupils.append(DisabledPupil(
            name=str(student["name"]), sex=student_value(student, "sex"),
            grade_class=grade_class(student),
            kind=codes.label_of(codes.DISABILITY_TYPES, code), group=_GROUPS.get(code, 3),
            placement=placement(student), status=Status(student["status"]).label,
            guardian="；".join(guardians_text(student, phones=False)[:1]),
            note=str(student.get("note") or "")))
    if not pupils:
        raise InputRefused("本校在籍学生中没有登记残疾类别的学生，没有生成残疾儿童统计表。")
    return DisabilityData(school=ctx.imprint.school, as_of=ctx.today, pupils=pupils,
                          phone=str(ctx.org.get("phone") or ""))
