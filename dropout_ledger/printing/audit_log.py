"""Gathers the 操作日志 (render/forms/audit_log.py): one month of logged operations.

`--period YYYY-MM` chooses the month (this month by default); the rows are the `audit` events
whose claimed date falls in it, oldest first as an inspector reads them.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections import Counter

from dropout_ledger.printing.common import Built, Context
from dropout_ledger.render.forms.audit_log import AuditLine, AuditLogData, draw
from dropout_ledger.services import audit


def month(period: str, today: dt.date) -> tuple[dt.date, dt.date]:
    """First and last day of `period` (YYYY-MM, checked by the caller), or of this month."""
    year, number = (int(period[:4]), int(period[5:7])) if period else (today.year, today.month)
    return dt.date(year, number, 1), dt.date(year, number, calendar.monthrange(year, number)[1])


def build(ctx: Context, period: str) -> Built:
    """The month's log; a month without operations prints a page that says so."""
    first, last = month(period, ctx.today)
    entries = list(reversed(audit.entries(ctx.ledger, start=first, end=last)))
    lines = [AuditLine(when=e.when.strftime("%Y-%m-%d %H:%M") if e.when else "",
                       operator=e.operator, action=e.label, detail=e.detail) for e in entries]
    tally = Counter(e.label for e in entries)
    data = AuditLogData(school=ctx.imprint.school, first=first, last=last, as_of=ctx.today,
                        lines=lines, counts=sorted(tally.items(), key=lambda kv: -kv[1]))
    form, rows = draw(data, ctx.imprint)
    return Built(form, rows)
