"""Gathers one pupil's 辍学学生情况报告表 (render/forms/case_report.py) from the ledger.

The facts come from `services.reports.report_facts`, the same the 报告表 dialog shows. When a
report was filed (a `report` record), its date, recipients and text are printed; otherwise the
form carries today's date and the drafted summary, for the principal to sign as it stands or
to correct by hand.
"""

from __future__ import annotations

from typing import Any

from dropout_ledger.model import codes
from dropout_ledger.model.status import Status
from dropout_ledger.printing.common import (
    Built,
    Context,
    grade_class,
    guardians_text,
    live,
    record_value,
    resolve_student,
    student_value,
)
from dropout_ledger.printing.register import latest_case
from dropout_ledger.render.forms.case_report import CaseReportData, draw
from dropout_ledger.services.reports import DEFAULT_RECIPIENTS, draft_summary, report_facts


def build(ctx: Context, given: str) -> Built:
    """The 报告表 of the pupil named by `given` (id, ID number or 学籍号)."""
    student = resolve_student(ctx.ledger, given)
    form, rows = draw(gather(ctx, student), ctx.imprint)
    return Built(form, rows, student["id"])


def gather(ctx: Context, student: dict[str, Any]) -> CaseReportData:
    queries, sid = ctx.ledger.queries, student["id"]
    facts = report_facts(ctx.ledger, sid)
    case = latest_case(ctx, student)
    reports = live(queries.records("report", student_id=sid))
    report = reports[-1] if reports else None
    recipients = report["recipients"] if report else list(DEFAULT_RECIPIENTS)
    visits = [v for v in live(queries.records("visit", student_id=sid))
              if not facts.case_id or v["case_id"] == facts.case_id]
    people = [f"{title}：{name}" for title, name in (
        ("包保教师", facts.teacher), ("村级责任人", facts.village_contact),
        ("乡镇责任人", facts.township_contact)) if name]
    return CaseReportData(
        school=ctx.imprint.school, date=report["date"] if report else ctx.today,
        name=facts.name, sex=student_value(student, "sex"),
        birth_date=student.get("birth_date") or "",
        ethnicity=student_value(student, "ethnicity"), grade_class=grade_class(student),
        xjh=ctx.xjh(student.get("xjh")), id_number=ctx.id_number(student.get("id_number")),
        guardians="；".join(guardians_text(student, phones=True)),
        address=student.get("address") or "",
        absence_start=facts.absence_start or str((case or {}).get("opened_date") or ""),
        absence_days=f"{facts.absence_days}天" if facts.absence_days else "",
        status=Status(facts.status).label if facts.status else "",
        reason="，".join(x for x in (facts.reason_label, facts.reason_text) if x),
        whereabouts=facts.whereabouts,
        steps=[_step(v) for v in visits],
        responsible="　".join(people),
        summary=report["summary"] if report else draft_summary(facts),
        recipients="、".join(codes.label_of(codes.REPORT_RECIPIENTS, r) for r in recipients),
    )


def _step(visit: dict[str, Any]) -> str:
    who = "、".join(visit.get("participants") or [])
    result = record_value("visit", visit, "result")
    return (f"{visit['date']} {record_value('visit', visit, 'mode')}"
            + (f"（{who}）" if who else "") + (f"：{result}" if result else ""))
