"""The reporting calendar (四个一): what the school must hand in, when, and which form makes it.

The 2024 notice (domain.md §0) fixes the rhythm: the school reports every month, the county
re-checks every quarter and visits at each term start, and counties add their own semester
statistics days (§5.5, §9: "3/15 and 9/25", "3/20 and 9/20"). Every day here comes from the county
profile with a default, so a county that reports on the 20th changes one number.

Five kinds of item:

- ``monthly_report``: the monthly 书面报告 (form ``report``). A report day from the 16th on
  reports the month it falls in (月末报本月); an earlier day reports the month before (月初报上月).
- ``campaign``: the 开学劝返 weeks after the spring and autumn term starts (March, September),
  when the county inspects in person; the school brings its 台账 (form ``ledger``).
- ``semester_stats``: the semester statistics table (form ``stats``) due in March and September.
- ``recheck``: the county's quarterly re-check at the end of March, June, September, December:
  the 台账 must match the pupils in school (人账相符).
- ``notice``: a 劝返复学通知书 whose return deadline is coming (from the ledger, in `agenda`).

`calendar_items` is a pure function of the profile and a date. `agenda` adds what only the
ledger knows: notice deadlines, whether a form was printed since the item opened (every print
is an audit event), and the day the ledger started, so a school that starts using the program
in November is not told its September report is overdue.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

from dropout_ledger.store.queries import Queries

OVERDUE_LOOKBACK_DAYS = 92
"""How far back an unfinished item is still shown as overdue: one quarter."""
MONTHLY_OPENS_DAYS = 7
"""A monthly report printed in the week before its day counts as that month's report."""
RECHECK_OPENS_DAYS = 14
NOTICE_WARNING_DAYS = 3
"""今日待办 lists a notice deadline from three days before it."""

KIND_ORDER = ("notice", "monthly_report", "semester_stats", "campaign", "recheck")


@dataclass(frozen=True)
class CalendarItem:
    """One thing due: what (`title`, `detail`), when (`due`), and how to produce it.

    `form` and `period` are the arguments of `print FORM --period PERIOD` (and of the app's print
    dialog); `command` is that command line as text. `opens` is the first day the work can be
    done: a print of `form` on or after it marks the item `done` (agenda only). `state` is
    "overdue", "today", "open" (between opens and due) or "upcoming". Dates are ISO strings.
    """

    kind: str
    title: str
    detail: str
    due: str
    opens: str
    state: str
    form: str = ""
    period: str = ""
    command: str = ""
    done: str = ""
    student_id: str = ""
    name: str = ""
    grade: int = 0
    class_name: str = ""


def month_length(year: int, month: int) -> int:
    following = dt.date(year + month // 12, month % 12 + 1, 1)
    return (following - dt.timedelta(days=1)).day


def day_in_month(year: int, month: int, day: int) -> dt.date:
    """`day` of the month, or the month's last day if it is shorter (31 → 30 June, 28/29 Feb)."""
    return dt.date(year, month, min(day, month_length(year, month)))


def profile_date(profile: Mapping[str, Any], field: str, year: int, month: int, day: int) -> dt.date:
    """A county-set date if it falls in `year`, else the usual `month`/`day` of that year."""
    value = str(profile.get(field) or "")
    if value:
        try:
            chosen = dt.date.fromisoformat(value)
        except ValueError:
            chosen = None
        if chosen is not None and chosen.year == year:
            return chosen
    return dt.date(year, month, day)


def term_starts(profile: Mapping[str, Any], year: int) -> tuple[dt.date, dt.date]:
    """(spring, autumn) term start of a calendar year."""
    return (profile_date(profile, "spring_term_start", year, 3, 1),
            profile_date(profile, "autumn_term_start", year, 9, 1))


RETURN_LABELS = ("春季开学", "劳动节后返校", "秋季开学", "国庆节后返校")


def return_starts(profile: Mapping[str, Any], year: int) -> list[tuple[str, dt.date]]:
    """The days school resumes after a long break in `year`, with their names, in date order.

    The winter break holds the Spring Festival, so the spring term start is its return day.
    """
    spring, autumn = term_starts(profile, year)
    days = (spring, profile_date(profile, "may_day_return", year, 5, 6), autumn,
            profile_date(profile, "national_day_return", year, 10, 8))
    return sorted(zip(RETURN_LABELS, days, strict=True), key=lambda pair: pair[1])


def school_days_from(start: dt.date, count: int, exclude_weekends: bool) -> list[dt.date]:
    """The first `count` school days from `start` (inclusive), oldest first."""
    days: list[dt.date] = []
    day = start
    while len(days) < count:
        if not (exclude_weekends and day.weekday() >= 5):
            days.append(day)
        day += dt.timedelta(days=1)
    return days


def return_windows(
    profile: Mapping[str, Any], first: dt.date, last: dt.date
) -> list[tuple[str, list[dt.date]]]:
    """Each post-break window (name, its school days) that overlaps `first`..`last`."""
    count = int(profile["warn_return_school_days"])
    if count <= 0:
        return []
    windows = []
    for year in range(first.year - 1, last.year + 1):
        for label, start in return_starts(profile, year):
            days = school_days_from(start, count, bool(profile["exclude_weekends"]))
            if days[-1] >= first and days[0] <= last:
                windows.append((f"{year}年{label}", days))
    return windows


def cn_date(day: dt.date | str, *, year: bool = False) -> str:
    """"11月3日" (or "2026年11月3日"): how a date reads in a sentence."""
    day = dt.date.fromisoformat(day) if isinstance(day, str) else day
    text = f"{day.month}月{day.day}日"
    return f"{day.year}年{text}" if year else text


def _state(opens: dt.date, due: dt.date, today: dt.date) -> str:
    if due < today:
        return "overdue"
    if due == today:
        return "today"
    return "open" if opens <= today else "upcoming"


def _item(kind: str, title: str, detail: str, opens: dt.date, due: dt.date, today: dt.date, *,
          form: str, period: str = "", command: str = "") -> CalendarItem:
    opens = min(opens, due)
    return CalendarItem(kind=kind, title=title, detail=detail, due=due.isoformat(),
                        opens=opens.isoformat(), state=_state(opens, due, today), form=form,
                        period=period, command=command)


def _monthly(profile: Mapping[str, Any], year: int, month: int, today: dt.date) -> CalendarItem:
    day = int(profile["monthly_report_day"])
    due = day_in_month(year, month, day)
    period_year, period_month = (year, month) if day >= 16 else (
        (year, month - 1) if month > 1 else (year - 1, 12))
    period = f"{period_year}-{period_month:02d}"
    return _item(
        "monthly_report", f"{period_year}年{period_month}月控辍保学月报",
        "把本月新增的疑似辍学、辍学学生登记入账，打印书面报告，签字盖章后报乡镇政府和县教育局"
        "（没有新增也要零报告）",
        due - dt.timedelta(days=MONTHLY_OPENS_DAYS), due, today,
        form="report", period=period, command=f"print report --period {period}")


def _term_items(profile: Mapping[str, Any], year: int, today: dt.date) -> list[CalendarItem]:
    items = []
    spring, autumn = term_starts(profile, year)
    campaign_days = int(profile["campaign_days"])
    for term, start, stats_month, stats_field in (("春季", spring, 3, "spring_stats_day"),
                                                   ("秋季", autumn, 9, "autumn_stats_day")):
        if campaign_days > 0:
            end = start + dt.timedelta(days=campaign_days - 1)
            items.append(_item(
                "campaign", f"{year}年{term}开学劝返集中行动",
                f"开学{campaign_days}天内（{cn_date(start)}至{cn_date(end)}）逐班核对到校情况：未报到的"
                "学生当天电话联系、家访，仍未返校的登记缺勤、按规定标记疑似辍学；县里开学时实地督查，"
                "请备好台账",
                start, end, today, form="ledger", command="print ledger"))
        due = day_in_month(year, stats_month, int(profile[stats_field]))
        period = f"{year}-{stats_month:02d}"
        items.append(_item(
            "semester_stats", f"{year}年{term}学期控辍保学统计",
            "学期统计表（各年级在校生、增减变动、疑似辍学和辍学人数、辍学率）报县教育局",
            start, due, today, form="stats", period=period,
            command=f"print stats --period {period}"))
    for quarter, month in enumerate((3, 6, 9, 12), start=1):
        due = day_in_month(year, month, int(profile["recheck_day"]))
        items.append(_item(
            "recheck", f"{year}年第{quarter}季度县级复核",
            "县教育局每季度复核台账：核对在校学生与台账人账相符，疑似辍学和辍学学生逐一有劝返记录，"
            "销号材料齐全（可先用“检查台账”核对数据）",
            due - dt.timedelta(days=RECHECK_OPENS_DAYS), due, today,
            form="ledger", period="", command="print ledger --view all"))
    return items


def calendar_items(
    profile: Mapping[str, Any], today: dt.date, horizon_days: int = 31
) -> list[CalendarItem]:
    """Items due from `OVERDUE_LOOKBACK_DAYS` before `today` to `horizon_days` after it, plus
    any that are open today, in date order. Pure: nothing here knows what was already done."""
    first = today - dt.timedelta(days=OVERDUE_LOOKBACK_DAYS)
    last = today + dt.timedelta(days=horizon_days)
    candidates: list[CalendarItem] = []
    month = dt.date(first.year, first.month, 1)
    while month <= last + dt.timedelta(days=31):
        candidates.append(_monthly(profile, month.year, month.month, today))
        month = day_in_month(month.year + month.month // 12, month.month % 12 + 1, 1)
    for year in range(first.year, last.year + 1):
        candidates.extend(_term_items(profile, year, today))
    chosen = [item for item in candidates
              if first.isoformat() <= item.due <= last.isoformat()
              or item.opens <= today.isoformat() <= item.due]
    return sorted(chosen, key=lambda i: (i.due, KIND_ORDER.index(i.kind), i.title))


# --- what only the ledger knows ------------------------------------------------------------


def ledger_started(queries: Queries) -> dt.date | None:
    """The claimed day of the ledger's first event (None for a ledger with no events)."""
    row = queries.conn.execute(
        "SELECT json_extract(CAST(hdr AS TEXT), '$.wall') FROM events ORDER BY rowid LIMIT 1"
    ).fetchone()
    return dt.date.fromisoformat(str(row[0])[:10]) if row and row[0] else None


def printed_forms(queries: Queries) -> list[tuple[str, dt.date]]:
    """(form, day) of every print recorded in the ledger (audit events), oldest first."""
    rows = queries.conn.execute(
        "SELECT CAST(body AS TEXT), json_extract(CAST(hdr AS TEXT), '$.wall') FROM events"
        " WHERE ent >= 'audit:' AND ent < 'audit;' ORDER BY lc")
    found = []
    for body, wall in rows:
        data = json.loads(body) if body else {}
        if data.get("action") == "print" and wall:
            found.append((str(data.get("form", "")), dt.date.fromisoformat(str(wall)[:10])))
    return found


def notice_items(queries: Queries, today: dt.date, horizon_days: int) -> list[CalendarItem]:
    """Notices whose return deadline falls from today to `horizon_days` ahead, child still out.

    Overdue notices are 今日待办's `notice_overdue` already; these are the ones about to fall due.
    """
    rows = queries.conn.execute(
        "SELECT s.id, s.name, s.grade, s.class_name, n.return_by, n.date FROM rec_notice n"
        " JOIN students s ON s.id = n.student_id WHERE n.retracted = 0 AND +s.retracted = 0"
        " AND s.status IN ('suspected', 'dropped_out') AND n.return_by BETWEEN ? AND ?"
        " ORDER BY n.return_by, s.name",
        (today.isoformat(), (today + dt.timedelta(days=horizon_days)).isoformat()))
    items = []
    for sid, name, grade, class_name, return_by, issued in rows:
        due = dt.date.fromisoformat(return_by)
        items.append(CalendarItem(
            kind="notice", title=f"{name}的劝返复学通知书限期",
            detail=f"{cn_date(issued)}发出的劝返复学通知书限期{cn_date(due)}返校：到期当天核实是否返校，"
                   "仍未返校的报告乡镇政府",
            due=return_by, opens=issued, state=_state(due, due, today), student_id=sid,
            name=name or "", grade=int(grade or 0), class_name=class_name or ""))
    return items


def agenda(
    queries: Queries, profile: Mapping[str, Any], today: dt.date, horizon_days: int = 31
) -> list[CalendarItem]:
    """The calendar as this ledger sees it: `calendar_items` without those due before the ledger
    started, each marked `done` (the day its form was printed) when it was, plus notice deadlines.

    A print counts for an item if it falls between the item's `opens` and the next item of the
    same kind opening: the audit event does not say which month a report was for.
    """
    started = ledger_started(queries)
    items = [item for item in calendar_items(profile, today, horizon_days)
             if started is None or item.due >= started.isoformat()]
    prints = printed_forms(queries)
    marked = []
    for item in items:
        later = [o.opens for o in items if o.kind == item.kind and o.opens > item.opens]
        until = min(later) if later else "9999-12-31"
        done = next((day.isoformat() for form, day in prints
                     if form == item.form and item.opens <= day.isoformat() < until), "")
        marked.append(replace(item, done=done) if done else item)
    marked.extend(notice_items(queries, today, horizon_days))
    return sorted(marked, key=lambda i: (i.due, KIND_ORDER.index(i.kind), i.title))
