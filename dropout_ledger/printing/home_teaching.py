"""Gathers one pupil's 送教上门记录 (render/forms/home_teaching.py) from the ledger.

Every live session is listed, oldest first; the totals count this term's (the term of today,
as aid.term_of names it: autumn from August to January, spring from February to July).
A session's minutes come from its start and end times ("09:00"–"10:30"); a session without
both counts as a visit with no minutes.

A pupil with no session yet (送教 about to begin, or not yet entered) gets the blank sheet: the
header filled in and empty rows for the teachers to write in, as the 登记表 prints with no
visits. The sessions are the form's rows, not its subject, so there is nothing to refuse.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any

from dropout_ledger.model import codes
from dropout_ledger.model.status import Status
from dropout_ledger.printing.common import (
    Built,
    Context,
    grade_class,
    guardians_text,
    live,
    resolve_student,
    student_value,
)
from dropout_ledger.render.forms.home_teaching import HomeTeachingData, Session, draw
from dropout_ledger.services.aid import term_of


def build(ctx: Context, given: str) -> Built:
    student = resolve_student(ctx.ledger, given)
    form, rows = draw(gather(ctx, student), ctx.imprint)
    return Built(form, rows, student["id"])


def term_bounds(day: dt.date) -> tuple[dt.date, dt.date]:
    """First and last day of the term `day` is in (the months aid.term_of assigns)."""
    if 2 <= day.month <= 7:
        return dt.date(day.year, 2, 1), dt.date(day.year, 7, 31)
    year = day.year if day.month >= 8 else day.year - 1
    return dt.date(year, 8, 1), dt.date(year + 1, 1, 31)


def minutes(start: str | None, end: str | None) -> int | None:
    """Minutes between "09:00" and "10:30"; None when either is missing or unreadable."""
    try:
        a = dt.datetime.strptime(str(start), "%H:%M")
        b = dt.datetime.strptime(str(end), "%H:%M")
    except ValueError:
        return None
    span = int((b - a).total_seconds() // 60)
    return span if span > 0 else None


def gather(ctx: Context, student: dict[str, Any]) -> HomeTeachingData:
    sid = student["id"]
    records = sorted(live(ctx.ledger.queries.records("home_teaching", student_id=sid)),
                     key=lambda r: (str(r["date"]), str(r.get("start_time") or "")))
    taught = student.get("status") == Status.HOME_TAUGHT.value
    first, last = term_bounds(ctx.today)
    sessions, teachers = [], dict.fromkeys(t for r in records for t in r.get("teachers") or [])
    month_counts: Counter[str] = Counter()
    term_sessions = term_minutes = 0
    for record in records:
        span = minutes(record.get("start_time"), record.get("end_time"))
        times = "–".join(str(t) for t in (record.get("start_time"), record.get("end_time")) if t)
        sessions.append(Session(
            date=str(record["date"]), times=times, minutes=str(span) if span else "",
            teachers="、".join(record.get("teachers") or []),
            content=str(record.get("content") or ""), response=str(record.get("response") or ""),
            signed="已签字" if record.get("guardian_signed") else ""))
        day = dt.date.fromisoformat(str(record["date"]))
        if first <= day <= last:
            term_sessions += 1
            term_minutes += span or 0
            month_counts[f"{day.year:04d}-{day.month:02d}"] += 1
    months = []
    began = (str(records[0]["date"]) if records else
             str(student.get("status_date") or "") if taught else "") or ctx.today.isoformat()
    month = max(first, dt.date.fromisoformat(began).replace(day=1))  # from the first session
    while month <= min(last, ctx.today):
        key = f"{month.year:04d}-{month.month:02d}"
        if month.month != 8:  # August is the summer holiday
            so_far = "（至今）" if (month.year, month.month) == (ctx.today.year,
                                                              ctx.today.month) else ""
            months.append((f"{month.month}月{so_far}", month_counts[key]))
        month = (month + dt.timedelta(days=32)).replace(day=1)
    disability = student.get("disability_type") or ""
    return HomeTeachingData(
        school=ctx.imprint.school, name=str(student["name"]), sex=student_value(student, "sex"),
        grade_class=grade_class(student), birth_date=str(student.get("birth_date") or ""),
        disability=codes.label_of(codes.DISABILITY_TYPES, disability) if disability else "",
        guardian="；".join(guardians_text(student, phones=True)),
        address=str(student.get("address") or ""), teachers="、".join(teachers),
        since=str(student.get("status_date") or "") if taught else "",
        sessions=sessions, term=term_of(ctx.today), term_sessions=term_sessions,
        term_minutes=term_minutes, months=months, as_of=ctx.today)
