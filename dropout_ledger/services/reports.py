"""辍学学生情况报告表: the principal's report on one pupil to the township and the county bureau.

When a pupil's unexcused absence reaches the county's `report_form_days`, the school reports in
writing (domain.md §4.2 L3, §4.3). The report is a `report` record; the form it is printed on
also names the case's facts (辍学原因, 去向, 包保教师, 村级责任人, 乡镇责任人), and the principal
usually learns or corrects them while writing it. So one call files the report and amends the
open case together, in one transaction: a refused case field leaves no report behind, and one
undo takes both back.

The summary is drafted here, not in the UI, because it is document content (kept in the
pupil's 学籍 file, printed in Chinese whatever the screen language) built only from the ledger.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from dropout_ledger.errors import Problem, ValidationError
from dropout_ledger.model import codes
from dropout_ledger.model.changes import Changes
from dropout_ledger.model.records import RECORD_KINDS
from dropout_ledger.model.status import Status
from dropout_ledger.services.edits import emit_update
from dropout_ledger.services.records import emit_add
from dropout_ledger.services.today import absence_run, school_days_back

if TYPE_CHECKING:
    from dropout_ledger.ledger import Ledger

DEFAULT_RECIPIENTS = ("township", "bureau")
"""乡镇人民政府 and 县教育局: who receives the 报告表 (domain.md §4.3)."""
CASE_FACTS = ("reason_code", "reason_text", "whereabouts", "teacher", "village_contact",
              "township_contact")
"""The case fields the report form shows, and the only ones `file_report_form` amends."""
OTHER_REASON = "99"
_ABSENCE_LOOKBACK_DAYS = 200
"""How far back an absence run is looked for: longer than any run a report is written for."""


@dataclass(frozen=True)
class ReportFacts:
    """What the ledger knows for one pupil's report: identity, absence, case and visits.

    Dates are ISO strings ("" when unknown); `reason_label` is the county dictionary's label.
    """

    student_id: str
    name: str
    grade: int
    class_name: str
    status: str
    status_date: str
    absence_days: int = 0
    absence_start: str = ""
    case_id: str = ""
    reason_code: str = ""
    reason_label: str = ""
    reason_text: str = ""
    whereabouts: str = ""
    teacher: str = ""
    village_contact: str = ""
    township_contact: str = ""
    visits: int = 0
    last_visit_date: str = ""
    last_visit_mode: str = ""
    last_visit_result: str = ""


def open_case(ledger: Ledger, student_id: str) -> dict[str, Any] | None:
    """The pupil's case that is not struck off (一人一案: at most one), or None."""
    row = ledger.conn.execute(
        "SELECT id FROM rec_case WHERE student_id = ? AND retracted = 0 AND closed_date IS NULL"
        " ORDER BY created_lc DESC LIMIT 1", (student_id,)).fetchone()
    return ledger.queries.record("case", row[0]) if row else None


def report_facts(ledger: Ledger, student_id: str) -> ReportFacts:
    """Everything the report form and its draft summary need, read in a few indexed queries."""
    student = ledger.students.require(student_id)
    profile = ledger.settings.profile()
    days, start = _absence(ledger, student_id, bool(profile["exclude_weekends"]))
    case = open_case(ledger, student_id) or {}
    reasons = {entry["code"]: entry["label"] for entry in profile["dropout_reasons"]}
    visits = _visits(ledger, student_id, str(case.get("id") or ""))
    last = visits[-1] if visits else {}

    def text(key: str) -> str:
        return str(case.get(key) or "")

    return ReportFacts(
        student_id=student_id, name=str(student["name"] or ""), grade=int(student["grade"] or 0),
        class_name=str(student["class_name"] or ""), status=str(student["status"] or ""),
        status_date=str(student["status_date"] or ""), absence_days=days, absence_start=start,
        case_id=text("id"), reason_code=text("reason_code"),
        reason_label=reasons.get(text("reason_code"), ""), reason_text=text("reason_text"),
        whereabouts=text("whereabouts"), teacher=text("teacher"),
        village_contact=text("village_contact"), township_contact=text("township_contact"),
        visits=len(visits), last_visit_date=str(last.get("date") or ""),
        last_visit_mode=codes.label_of(codes.VISIT_MODES, str(last.get("mode") or ""))
        if last else "",
        last_visit_result=str(last.get("result") or ""),
    )


def _absence(ledger: Ledger, student_id: str, exclude_weekends: bool) -> tuple[int, str]:
    """The current run of unexcused absence, in school days, and the day it began."""
    today = ledger.clock.today()
    since = (today - dt.timedelta(days=_ABSENCE_LOOKBACK_DAYS)).isoformat()
    dates = {dt.date.fromisoformat(day) for (day,) in ledger.conn.execute(
        "SELECT date FROM rec_absence WHERE student_id = ? AND retracted = 0 AND excused = 0"
        " AND date >= ?", (student_id, since))}
    run = absence_run(dates, today, exclude_weekends)
    if run == 0:
        return 0, ""
    latest = next(d for d in school_days_back(today, 2, exclude_weekends) if d in dates)
    return run, school_days_back(latest, run, exclude_weekends)[-1].isoformat()


def _visits(ledger: Ledger, student_id: str, case_id: str) -> list[dict[str, Any]]:
    """The case's live visits (or, without a case, the pupil's), oldest first."""
    cursor = ledger.conn.execute(
        "SELECT date, mode, result FROM rec_visit WHERE student_id = ? AND retracted = 0"
        " AND (? = '' OR case_id = ?) ORDER BY date, created_lc", (student_id, case_id, case_id))
    return [{"date": d, "mode": m, "result": r} for d, m, r in cursor]


def draft_summary(facts: ReportFacts) -> str:
    """A first draft of 报告内容 in plain official Chinese; the principal edits it before saving."""
    grade = codes.label_of(codes.GRADES, str(facts.grade)) if facts.grade else ""
    parts = [f"{facts.name}，{grade}{facts.class_name}学生。"]
    if facts.absence_days:
        parts.append(f"该生自{_chinese_date(facts.absence_start)}起无故缺课，"
                     f"至今已连续{facts.absence_days}个上学日未到校。")
    elif facts.status in (Status.SUSPECTED.value, Status.DROPPED_OUT.value):
        label = Status(facts.status).label
        parts.append(f"该生自{_chinese_date(facts.status_date)}起为{label}学生。")
    reason = "，".join(p for p in (facts.reason_label, facts.reason_text) if p)
    if reason:
        parts.append(f"主要原因：{reason}。")
    if facts.whereabouts:
        parts.append(f"目前去向：{facts.whereabouts}。")
    if facts.visits:
        result = f"，结果：{facts.last_visit_result.rstrip('。')}" if facts.last_visit_result else ""
        parts.append(f"学校已劝返{facts.visits}次，最近一次为{_chinese_date(facts.last_visit_date)}"
                     f"（{facts.last_visit_mode}）{result}。")
    else:
        parts.append("学校尚未进行劝返。")
    people = [f"{label}{name}" for label, name in (
        ("包保教师", facts.teacher), ("村级责任人", facts.village_contact),
        ("乡镇责任人", facts.township_contact)) if name]
    if people:
        parts.append(f"责任人：{'、'.join(people)}。")
    parts.append("特此报告，请予督促其监护人送子女返校。")
    return "".join(parts)


def _chinese_date(iso: str) -> str:
    """2026-11-02 → 2026年11月2日, as official letters write dates."""
    if not iso:
        return "（日期不详）"
    day = dt.date.fromisoformat(iso)
    return f"{day.year}年{day.month}月{day.day}日"


def file_report_form(
    ledger: Ledger, student_id: str, report_fields: Mapping[str, Any],
    case_fields: Mapping[str, Any] | None = None,
) -> Changes:
    """File the 报告表 as a `report` record and amend the open case with `case_fields`, at once.

    `report_fields` are the report's own fields (date, recipients, summary, period,
    attachments); the student and the open case are filled in here. `case_fields` may hold only
    the keys of CASE_FACTS; a pupil without an open case may file a report but not amend one.
    Every problem in either part is reported together, and nothing is written unless all pass.
    """
    records = ledger.records
    case = open_case(ledger, student_id)
    case_values = dict(case_fields or {})
    problems: list[Problem] = []
    try:
        report = records._checked(RECORD_KINDS["report"], {
            **report_fields, "student_id": student_id, "case_id": case["id"] if case else None})
    except ValidationError as error:
        problems += error.problems
    amended: dict[str, Any] = {}
    if case_values:
        try:
            amended = _case_amendment(ledger, case, case_values)
        except ValidationError as error:
            problems += error.problems
    if problems:
        raise ValidationError(problems)
    with ledger.write() as w:
        emit_add(w, "report", report)
        if case is not None and emit_update(w, f"case:{case['id']}", amended) is not None:
            w.changes.flags.add("records")
        return w.changes.freeze()


def _case_amendment(
    ledger: Ledger, case: dict[str, Any] | None, values: dict[str, Any]
) -> dict[str, Any]:
    """The cleaned case fields; the reason is checked against the county's dictionary, as a
    status change checks it (the record kind's fixed table would refuse a county's own code)."""
    if case is None:
        raise ValidationError(Problem("case_id", "该生没有未销号的辍学个案，不能同时更新个案",
                                      "只保存报告，或先把学生标记为疑似辍学"))
    unknown = sorted(set(values) - set(CASE_FACTS))
    if unknown:
        raise ValidationError(Problem(unknown[0], "报告表不能修改个案的这一项"))
    problems: list[Problem] = []
    reason = values.pop("reason_code", None)
    cleaned: dict[str, Any] = {}
    try:
        cleaned = ledger.records._clean(RECORD_KINDS["case"], values, partial=True)
    except ValidationError as error:
        problems += error.problems
    if reason is not None:
        problems += _reason_problems(ledger, str(reason).strip(),
                                     str(cleaned.get("reason_text", case.get("reason_text"))
                                         or ""))
        cleaned["reason_code"] = str(reason).strip()
    if problems:
        raise ValidationError(problems)
    return cleaned


def _reason_problems(ledger: Ledger, code: str, text: str) -> list[Problem]:
    known = {entry["code"]: entry["label"]
             for entry in ledger.settings.profile()["dropout_reasons"]}
    if code not in known:
        choices = "、".join(f"{c} {label}" for c, label in list(known.items())[:13])
        return [Problem("reason_code", f"辍学原因代码“{code}”无效" if code else "须填写辍学原因",
                        f"可选：{choices}")]
    if code == OTHER_REASON and not text.strip():
        return [Problem("reason_text", "选择“其他”时须写明原因", "请补充原因说明")]
    return []
