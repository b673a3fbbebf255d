"""Gathers the 劝返清单 (render/forms/checklist.py): every open case, from the ledger.

Open cases are the pupils now 疑似辍学 or 辍学 (a case is open until its 销号), suspected first,
each class in order. Returns are counted from the first day of the school year (1 September).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from dropout_ledger.errors import InputRefused
from dropout_ledger.model import codes
from dropout_ledger.model.identity import school_year_start
from dropout_ledger.model.status import Status
from dropout_ledger.printing.common import (
    Built,
    Context,
    grade_class,
    guardians_text,
    live,
    reason_labels,
    reason_text,
    student_value,
)
from dropout_ledger.printing.register import latest_case
from dropout_ledger.render.forms.checklist import CaseLine, ChecklistData, draw


def build(ctx: Context) -> Built:
    """The 劝返清单 of every open case; refused when no case is open."""
    form, rows = draw(gather(ctx), ctx.imprint)
    return Built(form, rows)


def gather(ctx: Context) -> ChecklistData:
    queries = ctx.ledger.queries
    suspected, dropped = queries.count("suspected"), queries.count("dropped")
    if not suspected + dropped:
        raise InputRefused("目前没有疑似辍学或辍学的学生（没有未销号的个案），没有生成劝返清单。")
    year = school_year_start(ctx.today)
    since = dt.date(year, 9, 1).isoformat()
    returned = ctx.ledger.conn.execute(
        "SELECT count(DISTINCT student_id) FROM status_facts WHERE code = ? AND retracted = 0"
        " AND effective_date >= ?", (Status.RETURNED.value, since)).fetchone()[0]
    reasons = reason_labels(ctx.ledger)
    lines = [_line(ctx, student, reasons)
             for view in ("suspected", "dropped") for row in queries.iter_roster(view)
             if (student := queries.student(row.student_id)) is not None]
    return ChecklistData(school=ctx.imprint.school, as_of=ctx.today, suspected=suspected,
                         dropped=dropped, returned_this_year=int(returned or 0),
                         school_year=f"{year}学年", lines=lines)


def _line(ctx: Context, student: dict[str, Any], reasons: dict[str, str]) -> CaseLine:
    sid = student["id"]
    case = latest_case(ctx, student) or {}
    facts = [f for f in ctx.ledger.queries.status_history(sid)
             if not f["retracted"] and case and f["case_id"] == case["id"]]
    suspected = next((f["effective_date"] for f in facts if f["code"] == "suspected"),
                     str(case.get("opened_date") or ""))
    confirmed = next((f["effective_date"] for f in facts if f["code"] == "dropped_out"), "")
    visits = [v for v in live(ctx.ledger.queries.records("visit", student_id=sid))
              if not case or v.get("case_id") == case["id"]]
    stage = str(case.get("stage") or "")
    return CaseLine(
        name=str(student["name"]), sex=student_value(student, "sex"),
        grade_class=grade_class(student).replace("年级", "年级\n", 1),
        village=str(student.get("village_name") or ""),
        guardian="\n".join(g.replace("（", "\n（", 1)
                           for g in guardians_text(student, phones=False)[:1]),
        status=Status(student["status"]).label,
        dates="\n".join(d for d in (suspected, confirmed) if d),
        reason=reason_text(reasons, case.get("reason_code"), case.get("reason_text")),
        whereabouts=str(case.get("whereabouts") or ""),
        visits="\n".join(x for x in (f"{len(visits)}次" if visits else "",
                                     max((v["date"] for v in visits), default="")) if x),
        stage=f"{stage} {codes.label_of(codes.ESCALATION_STAGES, stage)}" if stage else "",
        teacher=str(case.get("teacher") or ""),
        village_contact=str(case.get("village_contact") or ""),
        township_contact=str(case.get("township_contact") or ""),
    )
