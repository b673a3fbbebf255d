"""Gathers one pupil's 劝返复学通知书 (render/forms/notice.py) from the ledger.

The notice printed is the pupil's latest live `notice` record; a pupil in a case (疑似辍学 or
辍学) without one gets a new notice to fill in, under the next free number.

Numbering: "〔YEAR〕第 N 号", N being the notice's place among every notice record of that
year, in the order they were recorded — retracted ones included, so a number once given is
never given again and a reprint carries the same number. A new notice takes the next number
of this year; it keeps it once it is recorded, since the record is then the next one.
"""

from __future__ import annotations

from typing import Any

from dropout_ledger.errors import InputRefused
from dropout_ledger.model import codes
from dropout_ledger.model.status import Status
from dropout_ledger.printing.common import (
    Built,
    Context,
    grade_class,
    live,
    resolve_student,
)
from dropout_ledger.printing.register import latest_case
from dropout_ledger.render.forms.notice import NoticeData, draw
from dropout_ledger.services.reports import report_facts


def build(ctx: Context, given: str) -> Built:
    """The notice of the pupil named by `given` (id, ID number or 学籍号)."""
    student = resolve_student(ctx.ledger, given)
    form, rows = draw(gather(ctx, student), ctx.imprint)
    return Built(form, rows, student["id"])


def number_of(all_notices: list[dict[str, Any]], notice: dict[str, Any] | None,
              year: int) -> str:
    """"〔2026〕第 3 号" for `notice` (None: the next new one of `year`)."""
    if notice is not None:
        year = int(str(notice["date"])[:4])
    same_year = [n for n in all_notices if str(n["date"]).startswith(f"{year}-")]
    place = (next(i for i, n in enumerate(same_year, start=1) if n["id"] == notice["id"])
             if notice is not None else len(same_year) + 1)
    return f"〔{year}〕第 {place} 号"


def gather(ctx: Context, student: dict[str, Any]) -> NoticeData:
    queries, sid = ctx.ledger.queries, student["id"]
    own = live(queries.records("notice", student_id=sid))
    notice = own[-1] if own else None
    if notice is None and student.get("status") not in (Status.SUSPECTED.value,
                                                        Status.DROPPED_OUT.value):
        raise InputRefused(f"{student['name']}目前不是疑似辍学或辍学学生，也没有登记过劝返复学"
                           "通知书，没有可打印的通知书。")
    case = latest_case(ctx, student)
    facts = report_facts(ctx.ledger, sid)
    visits = [v for v in live(queries.records("visit", student_id=sid))
              if case is None or v.get("case_id") == case["id"]]
    guardians = student.get("guardians") or []
    guardian = next((g for g in guardians if notice and g.get("name") == notice["guardian_name"]),
                    guardians[0] if guardians else {})
    since = facts.absence_start
    if not since and case is not None:
        history = [f for f in queries.status_history(sid)
                   if not f["retracted"] and f["case_id"] == case["id"]]
        since = next((f["effective_date"] for f in history), str(case.get("opened_date") or ""))
    return NoticeData(
        school=ctx.imprint.school,
        number=number_of(queries.records("notice"), notice, ctx.today.year),
        guardian=str(notice["guardian_name"] if notice else guardian.get("name") or ""),
        relation=codes.label_of(codes.GUARDIAN_RELATIONS, str(guardian.get("relation") or ""))
        if guardian else "",
        name=str(student["name"]), grade_class=grade_class(student), absent_since=since,
        visits=len(visits), return_by=str(notice["return_by"]) if notice else "",
        issued=str(notice["date"]) if notice else "",
        teacher=str((case or {}).get("teacher") or ""), phone=str(ctx.org.get("phone") or ""),
        address=str(student.get("address") or ""),
        delivered=str(notice.get("delivered_date") or "") if notice else "",
        deliverers="、".join(notice.get("deliverer") or []) if notice else "",
    )
