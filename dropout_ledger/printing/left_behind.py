"""Gathers the 留守儿童档案 (render/forms/left_behind.py): left-behind pupils on the roll.

The paired teacher is the pupil's latest live pairing; the last contact is the latest date of
a pairing log entry, a persuasion visit or a home-teaching session.
"""

from __future__ import annotations

from collections import defaultdict

from dropout_ledger.errors import InputRefused
from dropout_ledger.model import codes
from dropout_ledger.printing.common import (
    Built,
    Context,
    grade_class,
    guardians_text,
    live,
    student_value,
)
from dropout_ledger.render.forms.left_behind import LeftBehindData, LeftBehindLine, draw


def build(ctx: Context) -> Built:
    form, rows = draw(gather(ctx), ctx.imprint)
    return Built(form, rows)


def gather(ctx: Context) -> LeftBehindData:
    queries = ctx.ledger.queries
    teachers: dict[str, str] = {}
    for pairing in sorted(live(queries.records("pairing")),
                          key=lambda p: str(p.get("start_date") or "")):
        teachers[pairing["student_id"]] = str(pairing.get("teacher") or "")
    contact: dict[str, str] = defaultdict(str)
    for kind in ("pairing_log", "visit", "home_teaching"):
        for record in live(queries.records(kind)):
            sid = record["student_id"]
            contact[sid] = max(contact[sid], str(record.get("date") or ""))
    lines, both, one = [], 0, 0
    for row in queries.iter_roster("on-roll"):
        student = queries.student(row.student_id)
        if student is None or student.get("left_behind") not in ("1", "2"):
            continue
        both += student["left_behind"] == "2"
        one += student["left_behind"] == "1"
        guardians = student.get("guardians") or []
        lines.append(LeftBehindLine(
            name=str(student["name"]), sex=student_value(student, "sex"),
            birth_date=str(student.get("birth_date") or ""),
            grade_class=grade_class(student).replace("年级", "年级\n", 1),
            xjh=ctx.xjh(student.get("xjh")),
            kind=codes.label_of(codes.LEFT_BEHIND, student["left_behind"]).replace("外出", ""),
            address=str(student.get("address") or ""),
            guardian="\n".join(g.replace("（", "\n（", 1)
                               for g in guardians_text(student, phones=False)[:1]),
            phone=str(guardians[0].get("phone") or "") if guardians else "",
            teacher=teachers.get(student["id"], ""), last_contact=contact.get(student["id"], "")))
    if not lines:
        raise InputRefused("本校在籍学生中没有登记为留守儿童的学生，没有生成留守儿童档案。")
    return LeftBehindData(school=ctx.imprint.school, as_of=ctx.today, lines=lines, both=both,
                          one=one, paired=sum(1 for line in lines if line.teacher),
                          phone=str(ctx.org.get("phone") or ""))
