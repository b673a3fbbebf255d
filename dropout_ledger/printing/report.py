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
from collections import defaultdict
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


def gather(ctx: Context, period: str) -> MonthlyReportData:
    first, last = month_of(ctx, period)
    end = min(last, ctx.today)
    start_iso, end_iso = first.isoformat(), end.isoformat()
    queries = ctx.ledger.queries
    reasons = reason_labels(ctx.ledger)

    def in_month(day: str | None) -> bool:
        return bool(day) and start_iso <= str(day) <= end_iso

    cases: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for case in live(queries.records("case")):
        cases[case["student_id"]].append(case)
    visits: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for visit in live(queries.records("visit")):
        if visit["date"] <= end_iso:
            visits[visit["student_id"]].append(visit)
    ordered = set()
    for doc in live(queries.records("legal_doc")):
        if doc["doc_type"] == "deadline_notice" and doc["issued_date"] <= end_iso:
            ordered.add(doc["student_id"])

    counts: dict[str, int] = defaultdict(int)
    concerned: list[tuple[tuple[Any, ...], ReportPupil]] = []
    requests: list[tuple[tuple[Any, ...], str]] = []
    for sid, own_cases in cases.items():
        student = queries.student(sid)
        if student is None or student["retracted"]:
            continue
        facts = [f for f in queries.status_history(sid)
                 if not f["retracted"] and f["effective_date"] <= end_iso]
        moved = [f for f in facts if in_month(f["effective_date"])]
        new_suspected = any(f["code"] == Status.SUSPECTED.value for f in moved)
        new_dropped = any(f["code"] == Status.DROPPED_OUT.value for f in moved)
        returned = any(f["code"] == Status.RETURNED.value for f in moved)
        closed_other = [c for c in own_cases if in_month(c.get("closed_date"))
                        and c.get("closure_reason") != "returned"]
        month_visits = [v for v in visits.get(sid, []) if in_month(v["date"])]
        status = facts[-1]["code"] if facts else ""
        out = status in OUT
        if not (moved or closed_other or month_visits or out):
            continue
        counts["new_suspected"] += new_suspected
        counts["new_dropped"] += new_dropped
        counts["returned"] += returned
        counts["closed_other"] += bool(closed_other)
        counts["visits"] += len(month_visits)
        counts["visited"] += bool(month_visits)
        counts["still_suspected"] += status == Status.SUSPECTED.value
        counts["still_dropped"] += status == Status.DROPPED_OUT.value
        case = _case_at(own_cases, end_iso)
        key = (student.get("grade") or 0, student.get("class_name") or "", student["name"], sid)
        pupil = _pupil(ctx, student, case, status, facts, visits.get(sid, []), month_visits,
                       reasons, new_suspected, new_dropped, returned, bool(closed_other))
        concerned.append((key, pupil))
        if status == Status.DROPPED_OUT.value and sid not in ordered:
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
        requests=[r for _, r in sorted(requests)], phone=str(ctx.org.get("phone") or ""),
        principal="")


def _case_at(cases: list[dict[str, Any]], end_iso: str) -> dict[str, Any] | None:
    """The latest case opened by the month's end (cases are read oldest first)."""
    opened = [c for c in cases if str(c.get("opened_date") or "") <= end_iso]
    return opened[-1] if opened else None


def _pupil(
    ctx: Context, student: dict[str, Any], case: dict[str, Any] | None, status: str,
    facts: list[dict[str, Any]], all_visits: list[dict[str, Any]],
    month_visits: list[dict[str, Any]], reasons: dict[str, str], new_suspected: bool,
    new_dropped: bool, returned: bool, closed_other: bool,
) -> ReportPupil:
    klass = grade_class(student)
    case = case or {}
    in_case = [f for f in facts if case and f["case_id"] == case.get("id")]
    left = next((f["effective_date"] for f in in_case if f["code"] in OUT),
                str(case.get("opened_date") or ""))
    reason = reason_text(reasons, case.get("reason_code"), case.get("reason_text"))
    case_visits = [v for v in all_visits if not case or v.get("case_id") == case.get("id")]
    status_label = Status(status).label if status else ""
    persuasion = ""
    if case_visits:
        last = case_visits[-1]
        result = str(last.get("result") or "").rstrip("。")
        persuasion = (f"累计{len(case_visits)}次，本月{len(month_visits)}次；最近{last['date']}"
                      f"{record_value('visit', last, 'mode')}" + (f"：{result}" if result else ""))
    guardians = student.get("guardians") or []
    events = []
    if new_suspected:
        events.append("本月新增疑似辍学")
    if new_dropped:
        events.append("本月确认辍学")
    if returned:
        events.append("本月已劝返复学")
    if closed_other:
        closure = codes.label_of(codes.CLOSURE_REASONS, str(case.get("closure_reason") or ""))
        events.append(f"本月核实销号（{closure}）" if closure else "本月核实销号")
    summary = f"{student['name']}，{klass}学生"
    if left:
        summary += f"，{_cn(left)}起离校"
    summary += "。" + ("，".join(events) + "。" if events else "")
    if reason:
        summary += f"原因：{reason}。"
    if case.get("whereabouts"):
        summary += f"去向：{case['whereabouts']}。"
    if month_visits:
        summary += f"本月劝返{len(month_visits)}次"
        result = str(month_visits[-1].get("result") or "").rstrip("。")
        summary += f"，最近一次结果：{result}。" if result else "。"
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
