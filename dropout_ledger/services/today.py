"""今日待办: what the ledger keeper must do today, from the county's thresholds.

Six kinds of work: pupils whose current run of unexcused absence reaches the call, home-visit,
report-form, suspected-dropout or confirm-dropout threshold (domain.md §2.2); notices whose
return deadline passed while the child is still out; visits whose agreed next-step date
(下一步日期: "周一核实到校") has come with no visit since; open cases with no persuasion visit for
too long; and the reporting calendar (services/calendar.py): the monthly report when its day is
near, any report, campaign or re-check whose day passed without its form being printed (so
overdue work opens on start), other calendar items due within a few days, and notices whose
return deadline is coming. Absence runs count school days, so with `exclude_weekends` a Friday
and the next Monday are consecutive.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from dropout_ledger.store.queries import ON_ROLL, Queries

# Absence levels, most urgent first: (profile threshold, action code, Chinese action).
_ABSENCE_LEVELS = (
    ("confirm_days", "confirm", "已达确认辍学天数，请核实后确认辍学并书面报告"),
    ("suspect_days", "suspect", "已达疑似辍学天数，请标记为疑似辍学"),
    ("report_form_days", "report_form", "请填写辍学学生情况报告表并报乡镇、教育局"),
    ("visit_days", "visit", "请今天家访"),
    ("call_days", "call", "请今天电话联系监护人"),
)
# A promise made to a family (visit_next) ranks after today's absence visits, which cannot wait a
# day, and before the generic "no visit for a week" reminder, which it usually explains.
SEVERITY = {"confirm": 0, "suspect": 1, "notice_overdue": 2, "stage_due": 3, "report_form": 4,
            "visit": 5, "visit_next": 6, "case_no_visit": 7, "call": 8, "notice_due": 9,
            "calendar_overdue": 10, "monthly_report": 11, "calendar_due": 12,
            "sync_export": 13}
REPORT_WARNING_DAYS = 5
EXPORT_EVERY_DAYS = 7
"""每周导出同步文件: the reminder shows once the last export is this many days old."""


@dataclass(frozen=True)
class TodayItem:
    """One thing to do: what (`kind`), for whom, why (Chinese `detail`), and by when.

    A calendar item names the print form (and its period) that produces it, so the screen can
    offer to print it in one click.
    """

    kind: str
    detail: str
    student_id: str = ""
    name: str = ""
    grade: int = 0
    class_name: str = ""
    due: str = ""
    form: str = ""
    period: str = ""


def school_days_back(day: dt.date, count: int, exclude_weekends: bool) -> list[dt.date]:
    """`count` school days ending at `day` (inclusive), newest first."""
    days: list[dt.date] = []
    while len(days) < count:
        if not (exclude_weekends and day.weekday() >= 5):
            days.append(day)
        day -= dt.timedelta(days=1)
    return days


def absence_run(dates: set[dt.date], today: dt.date, exclude_weekends: bool) -> int:
    """Consecutive school days of absence ending today or on the last school day before it."""
    recent = school_days_back(today, 2, exclude_weekends)
    start = next((d for d in recent if d in dates), None)
    if start is None:
        return 0
    run = 0
    for day in school_days_back(start, len(dates) + 1, exclude_weekends):
        if day not in dates:
            break
        run += 1
    return run


def today_items(queries: Queries, profile: dict[str, Any], today: dt.date) -> list[TodayItem]:
    """Everything due today, most urgent first."""
    from dropout_ledger.services.escalation import escalation_items  # it imports this module

    items = (escalation_items(queries, profile, today) + _absences(queries, profile, today) + _overdue_notices(queries, today)
             + _next_steps_due(queries, today) + _quiet_cases(queries, profile, today)
             + _monthly_report(profile, today) + _calendar(queries, profile, today)
             + _weekly_export(queries, today))
    visible = queries.scoped_ids()
    if visible is not None:  # a class teacher: her pupils' work only, not the school's reports
        items = [item for item in items if item.student_id in visible]
    return sorted(items, key=lambda i: (SEVERITY[i.kind], i.grade, i.class_name, i.name))


def _student(row: tuple[Any, ...]) -> dict[str, Any]:
    return {"student_id": row[0], "name": row[1], "grade": row[2], "class_name": row[3] or ""}


def _absences(queries: Queries, profile: dict[str, Any], today: dt.date) -> list[TodayItem]:
    since = (today - dt.timedelta(days=int(profile["confirm_days"]) * 2 + 14)).isoformat()
    dates: dict[str, set[dt.date]] = {}
    for student_id, day in queries.conn.execute(
        "SELECT student_id, date FROM rec_absence WHERE retracted = 0 AND excused = 0"
        " AND date >= ?", (since,)
    ):
        dates.setdefault(student_id, set()).add(dt.date.fromisoformat(day))
    runs = {sid: run for sid, days in dates.items()
            if (run := absence_run(days, today, bool(profile["exclude_weekends"])))}
    # One query for the pupils with a run, not one per absent pupil (a county has thousands).
    students = {row[0]: row for row in queries.conn.execute(
        f"SELECT id, name, grade, class_name, status FROM students"
        f" WHERE id IN (SELECT value FROM json_each(?)) AND +retracted = 0 AND {ON_ROLL}",
        (json.dumps(sorted(runs)),))}
    items = []
    for student_id, run in runs.items():
        row = students.get(student_id)
        if row is None or row[4] == "dropped_out":
            continue  # a confirmed dropout's work is its case, listed below
        level = _absence_level(run, row[4], profile)
        if level is not None:
            items.append(TodayItem(kind=level[0], detail=f"已连续缺课 {run} 天：{level[1]}",
                                   due=today.isoformat(), **_student(row)))
    return items


def _absence_level(run: int, status: str, profile: dict[str, Any]) -> tuple[str, str] | None:
    for threshold, kind, text in _ABSENCE_LEVELS:
        if run < int(profile[threshold]):
            continue
        if kind == "suspect" and status not in ("enrolled", "returned"):
            continue  # already a case: the next step is confirmation, not suspicion
        if kind == "confirm" and status != "suspected":
            continue
        return kind, text
    return None


def _overdue_notices(queries: Queries, today: dt.date) -> list[TodayItem]:
    rows = queries.conn.execute(
        "SELECT s.id, s.name, s.grade, s.class_name, n.return_by FROM rec_notice n"
        " JOIN students s ON s.id = n.student_id WHERE n.retracted = 0 AND +s.retracted = 0"
        " AND s.status IN ('suspected', 'dropped_out') AND n.return_by < ?"
        " ORDER BY n.return_by", (today.isoformat(),))
    return [TodayItem(kind="notice_overdue", due=row[4], **_student(row),
                      detail=f"劝返复学通知书限期 {row[4]} 已过，学生仍未返校：请报告乡镇政府")
            for row in rows]


# The latest visit of a pupil whose next-step date has come. A later visit (a later date, or the
# same date entered afterwards) answers it, and so do the visit's case being closed and the
# pupil leaving the roll. A pupil has one open case at a time, so "later visit of the pupil" and
# "later visit of the case" only differ for a closed case, which is left out anyway.
_NEXT_STEPS_DUE = f"""
SELECT s.id, s.name, s.grade, s.class_name, v.next_date, v.next_step FROM rec_visit v
  JOIN students s ON s.id = v.student_id
  LEFT JOIN rec_case c ON c.id = v.case_id
 WHERE v.retracted = 0 AND v.next_date <= :today AND +s.retracted = 0 AND s.{ON_ROLL}
   AND (coalesce(v.case_id, '') = '' OR (c.retracted = 0 AND c.closed_date IS NULL))
   AND NOT EXISTS (
       SELECT 1 FROM rec_visit w WHERE w.student_id = v.student_id AND w.retracted = 0
          AND (w.date, w.created_lc) > (v.date, v.created_lc))
 ORDER BY v.next_date"""


def _next_steps_due(queries: Queries, today: dt.date) -> list[TodayItem]:
    rows = queries.conn.execute(_NEXT_STEPS_DUE, {"today": today.isoformat()})
    return [TodayItem(kind="visit_next", due=row[4], **_student(row),
                      detail=f"劝返约定的下一步日期已到：{_one_line(row[5]) or '请跟进'}")
            for row in rows]


def _one_line(text: str | None, limit: int = 40) -> str:
    """A next step written over several lines, shortened to fit one row of the list."""
    flat = " ".join((text or "").split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def _quiet_cases(queries: Queries, profile: dict[str, Any], today: dt.date) -> list[TodayItem]:
    gap = int(profile["case_visit_gap_days"])
    rows = queries.conn.execute(
        "SELECT s.id, s.name, s.grade, s.class_name, max(c.opened_date, coalesce(("
        "  SELECT max(v.date) FROM rec_visit v WHERE v.case_id = c.id AND v.retracted = 0),"
        "  c.opened_date)) AS last FROM rec_case c JOIN students s ON s.id = c.student_id"
        " WHERE c.retracted = 0 AND c.closed_date IS NULL AND +s.retracted = 0"
        " AND s.case_id = c.id")  # a case whose opening suspicion was withdrawn is not open
    items = []
    for row in rows:
        idle = (today - dt.date.fromisoformat(row[4])).days
        if idle >= gap:
            items.append(TodayItem(kind="case_no_visit", due=today.isoformat(), **_student(row),
                                   detail=f"已 {idle} 天没有劝返记录（最近一次 {row[4]}）：请安排家访"))
    return items


def _monthly_report(profile: dict[str, Any], today: dt.date) -> list[TodayItem]:
    day = min(int(profile["monthly_report_day"]), _month_length(today))
    due = today.replace(day=day)
    left = (due - today).days
    if 0 <= left <= REPORT_WARNING_DAYS:
        when = "今天" if left == 0 else f" {left} 天后（{due.isoformat()}）"
        return [TodayItem(kind="monthly_report", due=due.isoformat(), form="report",
                          period=today.strftime("%Y-%m"), detail=f"本月控辍保学月报{when}截止：请打印、签字盖章后报送")]
    return []


def _month_length(day: dt.date) -> int:
    following = (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return (following - dt.timedelta(days=1)).day


def _calendar(queries: Queries, profile: dict[str, Any], today: dt.date) -> list[TodayItem]:
    """Overdue calendar work, other calendar items due soon, and notice deadlines coming up.

    The monthly report due soon is `_monthly_report`'s (unchanged); here only an overdue one.
    The 开学劝返 campaign is listed on every one of its days: it is the work of those weeks.
    """
    from dropout_ledger.services.calendar import NOTICE_WARNING_DAYS, agenda, cn_date

    items = []
    for entry in agenda(queries, profile, today, horizon_days=REPORT_WARNING_DAYS):
        due = dt.date.fromisoformat(entry.due)
        left = (due - today).days
        how = f"（{entry.command}）" if entry.command else ""
        if entry.kind == "notice":
            if left <= NOTICE_WARNING_DAYS:
                when = "今天" if left == 0 else f" {left} 天后"
                items.append(TodayItem(
                    kind="notice_due", due=entry.due, student_id=entry.student_id,
                    name=entry.name, grade=entry.grade, class_name=entry.class_name,
                    detail=f"劝返复学通知书{when}到期（{cn_date(due)}）：请届时核实是否返校，"
                           "仍未返校的报告乡镇政府"))
        elif entry.done:
            continue
        elif left < 0:
            items.append(TodayItem(
                kind="calendar_overdue", due=entry.due, form=entry.form, period=entry.period,
                detail=f"{entry.title}已逾期 {-left} 天（{cn_date(due)}截止）：{entry.detail}{how}"))
        elif entry.kind == "campaign":
            items.append(TodayItem(
                kind="calendar_due", due=entry.due, form=entry.form, period=entry.period,
                detail=f"{entry.title}：{entry.detail}{how}"))
        elif entry.kind != "monthly_report" and left <= REPORT_WARNING_DAYS:
            when = "今天" if left == 0 else f" {left} 天后（{cn_date(due)}）"
            items.append(TodayItem(
                kind="calendar_due", due=entry.due, form=entry.form, period=entry.period,
                detail=f"{entry.title}{when}截止：{entry.detail}{how}"))
    return items


def _weekly_export(queries: Queries, today: dt.date) -> list[TodayItem]:
    """每周导出同步文件, for a school that trusts its county's key and has not exported for a week.

    Never exported after joining counts as due at once: until the county has the school's first
    package it cannot confirm the school, and nothing of the school is safe off this laptop.
    """
    conn = queries.conn
    org = conn.execute("SELECT v FROM local_state WHERE k = 'org'").fetchone()
    if org is None or not str(org[0]).startswith("S:"):
        return []
    joined = conn.execute(
        "SELECT 1 FROM trust WHERE org LIKE 'C:%' AND status = 'active' AND length(sign_pk) > 0"
        " LIMIT 1").fetchone()
    if joined is None:
        return []
    last = conn.execute("SELECT max(created_wall) FROM exported_packages").fetchone()[0]
    if last is None:
        detail = "每周导出同步文件：本校加入县级台账后还没有导出过。请用“U盘同步”导出，交给县教育局"
    else:
        day = dt.date.fromisoformat(str(last)[:10])
        idle = (today - day).days
        if idle < EXPORT_EVERY_DAYS:
            return []
        detail = (f"每周导出同步文件：已 {idle} 天没有导出（上次 {day.isoformat()}）。"
                  "请用“U盘同步”导出，交给县教育局；U盘上的同步文件也是本校数据的备份")
    return [TodayItem(kind="sync_export", detail=detail, due=today.isoformat())]
