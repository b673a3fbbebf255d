"""Gathers one pupil's 辍学学生劝返复学登记表 (render/forms/register.py) from the ledger.

The case shown is the pupil's open case, else the latest one; the visit log is every live
visit of the pupil (the 2024 rule: record each persuasion), oldest first. The form is the
school's own per-pupil file, so it carries the address and the guardians' phones; the family's
economic category only for an operator allowed to see it.
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
    reason_labels,
    reason_text,
    record_value,
    resolve_student,
    special_groups,
    student_value,
)
from dropout_ledger.render.forms.register import LegalLine, RegisterData, VisitLine, draw
from dropout_ledger.services.reports import report_facts


def build(ctx: Context, given: str) -> Built:
    """The 登记表 of the pupil named by `given` (id, ID number or 学籍号)."""
    student = resolve_student(ctx.ledger, given)
    form, rows = draw(gather(ctx, student), ctx.imprint)
    return Built(form, rows, student["id"])


def latest_case(ctx: Context, student: dict[str, Any]) -> dict[str, Any] | None:
    """The pupil's open case, else the most recent one, else None."""
    cases = live(ctx.ledger.queries.records("case", student_id=student["id"]))
    open_case = next((c for c in cases if c["id"] == student.get("case_id")), None)
    return open_case or (cases[-1] if cases else None)


def gather(ctx: Context, student: dict[str, Any]) -> RegisterData:
    queries, sid = ctx.ledger.queries, student["id"]
    case = latest_case(ctx, student)
    facts = report_facts(ctx.ledger, sid)
    history = [f for f in queries.status_history(sid) if not f["retracted"]]
    in_case = [f for f in history if case and f["case_id"] == case["id"]]
    confirmed = next((f["effective_date"] for f in in_case if f["code"] == "dropped_out"), "")
    returned = next((f["effective_date"] for f in in_case if f["code"] == "returned"), "")
    return RegisterData(
        school=ctx.imprint.school, as_of=ctx.today, name=student.get("name") or "",
        sex=student_value(student, "sex"), birth_date=student.get("birth_date") or "",
        ethnicity=student_value(student, "ethnicity"), grade_class=grade_class(student),
        xjh=ctx.xjh(student.get("xjh")), id_number=ctx.id_number(student.get("id_number")),
        groups="、".join(special_groups(student)),
        household=" ".join(x for x in (student.get("village_name"),
                                       student.get("village_code")) if x),
        address=student.get("address") or "",
        guardians="；".join(guardians_text(student, phones=True)),
        economic_category=student_value(student, "economic_category")
        if ctx.restricted else None,
        absence_start=facts.absence_start or (case or {}).get("opened_date") or "",
        confirmed=confirmed,
        teacher=record_value("case", case, "teacher"),
        reason=reason_text(reason_labels(ctx.ledger), (case or {}).get("reason_code"),
                           (case or {}).get("reason_text")),
        whereabouts=record_value("case", case, "whereabouts"),
        village_contact=record_value("case", case, "village_contact"),
        township_contact=record_value("case", case, "township_contact"),
        visits=[_visit(v) for v in live(queries.records("visit", student_id=sid))],
        measures=_measures(ctx, sid, case),
        legal=_legal(ctx, sid),
        returned=returned,
        placement=f"回校就读（{grade_class(student)}）" if returned else "",
        closed=(case or {}).get("closed_date") or "",
        closure="，".join(x for x in (
            codes.label_of(codes.CLOSURE_REASONS, (case or {}).get("closure_reason") or ""),
            (case or {}).get("closure_evidence") or "") if x),
    )


def _visit(visit: dict[str, Any]) -> VisitLine:
    result = record_value("visit", visit, "result")
    if visit.get("next_step"):
        result += f"\n下一步：{visit['next_step']}" + (
            f"（{visit['next_date']}）" if visit.get("next_date") else "")
    return VisitLine(
        date=visit["date"], mode=record_value("visit", visit, "mode"),
        participants="、".join(visit.get("participants") or []),
        met=record_value("visit", visit, "met"),
        attitude=record_value("visit", visit, "attitude"), result=result.strip())


def _measures(ctx: Context, sid: str, case: dict[str, Any] | None) -> str:
    lines = []
    if case and case.get("plan"):
        lines.append(f"帮扶计划：{case['plan']}")
    for pairing in live(ctx.ledger.queries.records("pairing", student_id=sid)):
        kind = record_value("pairing", pairing, "kind")
        goal = f"，目标：{pairing['goal']}" if pairing.get("goal") else ""
        lines.append(f"结对帮扶：{pairing['teacher']}老师，自{pairing['start_date']}起"
                     f"{'（' + kind + '）' if kind else ''}{goal}")
    if (ctx.ledger.queries.student(sid) or {}).get("status") == Status.HOME_TAUGHT.value:
        lines.append("送教上门")
    return "\n".join(lines)


def _legal(ctx: Context, sid: str) -> list[LegalLine]:
    queries = ctx.ledger.queries
    lines = [LegalLine(
        document=record_value("legal_doc", d, "doc_type"), number=d.get("number") or "",
        issuer=d.get("issuer") or "", issued=d.get("issued_date") or "",
        served=d.get("served_date") or "", deadline=d.get("deadline") or "",
        outcome=d.get("outcome") or "") for d in live(queries.records("legal_doc", student_id=sid))]
    for notice in live(queries.records("notice", student_id=sid)):
        signed = "已签收送达回证" if notice.get("receipt_signed") else ""
        lines.append(LegalLine(
            document="劝返复学通知书（学校）", number="", issuer=ctx.imprint.school,
            issued=notice["date"], served=notice.get("delivered_date") or "",
            deadline=notice.get("return_by") or "", outcome=signed))
    return sorted(lines, key=lambda line: line.issued)
