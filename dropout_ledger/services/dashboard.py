"""The school dashboard's data: the rates at a date and the cases by reason.

Here rather than in `printing/`, which the `stats` form shares it with, so the dashboard tab can
be built at start-up without loading reportlab (the forms' PDF library). The charts are drawn
from these figures by `render.charts`, on screen and in the PDF alike.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from dropout_ledger.ledger import Ledger
from dropout_ledger.model import codes
from dropout_ledger.rates import RateReport
from dropout_ledger.services.stats import rate_report
from dropout_ledger.store import sqlite as sqlite3


def reason_counts(conn: sqlite3.Connection, start: dt.date, on: dt.date) -> list[tuple[str, int]]:
    """Cases opened from `start` to `on` by 辍学原因 (label, count); a blank reason is 未填."""
    rows = conn.execute(
        "SELECT coalesce(reason_code, ''), count(*) FROM rec_case WHERE retracted = 0"
        " AND opened_date BETWEEN ? AND ? GROUP BY 1",
        (start.isoformat(), on.isoformat())).fetchall()
    out = []
    for code, n in rows:
        label = codes.label_of(codes.DROPOUT_REASONS, code) if code else "未填原因"
        out.append((label.split("（")[0], int(n)))
    return out


@dataclass(frozen=True)
class Dashboard:
    """What the dashboard shows: the school, the rates, and the cases by reason (label, n)."""

    school: str
    report: RateReport
    reasons: list[tuple[str, int]]


def dashboard(ledger: Ledger, on: dt.date | None = None) -> Dashboard:
    """The dashboard's data at `on` (default today): runs on the runner's worker thread."""
    report = rate_report(ledger, on)
    reasons = reason_counts(ledger.conn, report.start, report.on)
    return Dashboard(ledger.org.name, report, reasons)
