"""Gathers the monthly 书面报告 (render/forms/report.py) for one month from the ledger.

The pupils concerned in month M are those whose case moved in M (a 疑似辍学 or 辍学 status
fact, a return, a 销号 for another reason), those visited in M, and those still out at the end
of M (their status on the month's last day, or today for the current month, was 疑似辍学 or
辍学). Only pupils who ever had a case can be concerned, so the school's case records are read
once and the roll is never scanned. With nobody concerned the report is a 零报告.

The school asks the township to act for every pupil still 辍学 at the month's end for whom no
限期复学通知书 is on file yet: that is the next step of domain.md §4.2 (L5), and the school may
only ask for it, never issue it.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Any

from dropout_ledger.errors import InputRefused
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
    student_value,
)
from dropout_ledger.render.forms.report import MonthFigures, MonthlyReportData, ReportPupil, draw

OUT = (Status.SUSPECTED.value, Status.DROPPED_OUT.value)


def month_of(ctx: Context, period: str) -> tuple[dt.date, dt.date]:
    """The first and last day of `period` (YYYY-MM; "" is this month); a future month is refused."""
    if period:
        year, month = (int(part) for part in period.split("-"))
    else:
        year, month = ctx.today.year, ctx.today.month
    first = dt.date(year, month, 1)
    if first > ctx.today:
        raise InputRefused(f"{year}年{month}月还没有到，不能报告。请选择本月或以前的月份。")
    last = (first + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
    return first, last


def build(ctx: Context, period: str) -> Built:
    """The report of `period`; a month with nothing to report prints as a 零报告."""
    form, rows = draw(gather(ctx, period), ctx.imprint)
    return Built(form, rows)


@dataclass(frozen=True)
class _Moves:
    """What happened to one pupil in the month, and where the month left them."""

    facts: list[dict[str, Any]]
    """Live status facts up to the month's end, in timeline order."""
    status: str
    new_suspected: bool
    new_dropped: bool
    returned: bool
    closed_other: bool
    visits: list[dict[str, Any]]
    """The pupil's visits up to the month's end."""
    month_visits: list[dict[str, Any]]

    @property
    def concerned(self) -> bool:
        return (self.new_suspected or self.new_dropped or self.returned or self.closed_other
                or bool(self.month_visits) or self.status in OUT)


def gather(ctx: Context, period: str) -> MonthlyReportData:
    first, last = month_of(ctx, period)
    start_iso, end_iso = first.isoformat(), min(last, ctx.today).isoformat()
    queries = ctx.ledger.queries
    reasons = reason_labels(ctx.ledger)
    cases: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for case in live(queries.records("case")):
        cases[case["student_id"]].append(case)
    visits: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for visit in live(queries.records("visit")):
        if visit["date"] <= end_iso:
            visits[visit["student_id"]].append(visit)
    ordered = {doc["student_id"] for doc in live(queries.records("legal_doc"))
               if doc["doc_type"] == "deadline_notice" and doc["issued_date"] <= end_iso}

    counts: Counter[str] = Counter()
    concerned: list[tuple[tuple[Any, ...], ReportPupil]] = []
    requests: list[tuple[tuple[Any, ...], str]] = []
    for sid, own_cases in cases.items():
        student = queries.student(sid)
        if student is None or student["retracted"]:
            continue
        moves = _moves(ctx, sid, own_cases, visits.get(sid, []), start_iso, end_iso)
        if not moves.concerned:
            continue
        counts.update({"new_suspected": moves.new_suspected, "new_dropped": moves.new_dropped,
                       "returned": moves.returned, "closed_other": moves.closed_other,
                       "visits": len(moves.month_visits), "visited": bool(moves.month_visits),
                       "still_suspected": moves.status == Status.SUSPECTED.value,
                       "still_dropped": moves.status == Status.DROPPED_OUT.value})
        key = (student.get("grade") or 0, student.get("class_name") or "", student["name"], sid)
        pupil = _pupil(ctx, student, _case_at(own_cases, end_iso), moves, reasons)
        concerned.append((key, pupil))
        if moves.status == Status.DROPPED_OUT.value and sid not in ordered:
            requests.append((key, pupil.record))
    figures = MonthFigures(
        on_roll=queries.count("on-roll"), new_suspected=counts["new_suspected"],
        new_dropped=counts["new_dropped"], returned=counts["returned"],
        closed_other=counts["closed_other"], visits=counts["visits"], visited=counts["visited"],
        still_out=counts["still_suspected"] + counts["still_dropped"],
        still_suspected=counts["still_suspected"], still_dropped=counts["still_dropped"])
    return MonthlyReportData(
        school=ctx.imprint.school, year=first.year, month=first.month, date=ctx.today,
        figures=figures, pupils=[p for _, p in sorted(concerned, key=lambda item: item[0])],
        requests=[r for _, r in sorted(requests)], phone=str(ctx.org.get("phone") or ""))


def _moves(ctx: Context, sid: str, cases: list[dict[str, Any]], visits: list[dict[str, Any]],
           start_iso: str, end_iso: str) -> _Moves:
    def in_month(day: Any) -> bool:
        return bool(day) and start_iso <= str(day) <= end_iso

    facts = [f for f in ctx.ledger.queries.status_history(sid)
             if not f["retracted"] and f["effective_date"] <= end_iso]
    moved = {f["code"] for f in facts if in_month(f["effective_date"])}
    return _Moves(
        facts=facts, status=facts[-1]["code"] if facts else "",
        new_suspected=Status.SUSPECTED.value in moved,
        new_dropped=Status.DROPPED_OUT.value in moved, returned=Status.RETURNED.value in moved,
        closed_other=any(in_month(c.get("closed_date")) and c.get("closure_reason") != "returned"
                         for c in cases),
        visits=visits, month_visits=[v for v in visits if in_month(v["date"])])


def _case_at(cases: list[dict[str, Any]], end_iso: str) -> dict[str, Any] | None:
    """The latest case opened by the month's end (cases are read oldest first)."""
    opened = [c for c in cases if str(c.get("opened_date") or "") <= end_iso]
    return opened[-1] if opened else None


def _pupil(ctx: Context, student: dict[str, Any], case: dict[str, Any] | None, moves: _Moves,
           reasons: dict[str, str]) -> ReportPupil:
    klass = grade_class(student)
    case = case or {}
    status = moves.status
    in_case = [f for f in moves.facts if case and f["case_id"] == case.get("id")]
    left = next((f["effective_date"] for f in in_case if f["code"] in OUT),
                str(case.get("opened_date") or ""))
    reason = reason_text(reasons, case.get("reason_code"), case.get("reason_text"))
    case_visits = [v for v in moves.visits if not case or v.get("case_id") == case.get("id")]
    status_label = Status(status).label if status else ""
    persuasion = ""
    if case_visits:
        last = case_visits[-1]
        result = str(last.get("result") or "").rstrip("。")
        persuasion = (f"累计{len(case_visits)}次，本月{len(moves.month_visits)}次；最近"
                      f"{last['date']}{record_value('visit', last, 'mode')}"
                      + (f"：{result}" if result else ""))
    guardians = student.get("guardians") or []
    events = [text for flag, text in ((moves.new_suspected, "本月新增疑似辍学"),
                                      (moves.new_dropped, "本月确认辍学"),
                                      (moves.returned, "本月已劝返复学")) if flag]
    if moves.closed_other:
        closure = codes.label_of(codes.CLOSURE_REASONS, str(case.get("closure_reason") or ""))
        events.append(f"本月核实销号（{closure}）" if closure else "本月核实销号")
    summary = f"{student['name']}，{klass}学生" + (f"，{_cn(left)}起离校" if left else "")
    summary += "。" + ("，".join(events) + "。" if events else "")
    if reason:
        summary += f"原因：{reason}。"
    if case.get("whereabouts"):
        summary += f"去向：{case['whereabouts']}。"
    if moves.month_visits:
        result = str(moves.month_visits[-1].get("result") or "").rstrip("。")
        summary += f"本月劝返{len(moves.month_visits)}次" + (
            f"，最近一次结果：{result}。" if result else "。")
    elif status in OUT:
        summary += "本月未开展劝返。"
    if status:
        summary += f"目前状态：{status_label}。"
    return ReportPupil(
        name=str(student["name"]), sex=student_value(student, "sex"), grade_class=klass,
        xjh=ctx.xjh(student.get("xjh")),
        guardian="\n".join(g.replace("（", "\n（", 1)
                           for g in guardians_text(student, phones=False)[:2]),
        address=str(student.get("address") or ""),
        phone="\n".join(str(g.get("phone")) for g in guardians[:2] if g.get("phone")),
        left_date=left, reason=reason, persuasion=persuasion, status=status_label,
        responsible=str(case.get("teacher") or ""), summary=summary)


def _cn(iso: str) -> str:
    day = dt.date.fromisoformat(iso)
    return f"{day.year}年{day.month}月{day.day}日"
