"""Gathers the 控辍保学统计表 (render/forms/stats.py): every rate at a date and the movements.

Without `--period` the snapshot is today and the movement table is the school year to date
(学年累计, the semester statistics); with `--period YYYY-MM` the snapshot is the month's last
day (today for this month) and the table is that month's (the monthly report's table). The
rates are always 学年累计 at the snapshot, as `stats --json` gives them for the same date.

`dashboard(ledger, on)` is what the app's dashboard loads through the runner: the same report,
the reason counts and the charts, so the screen and the paper show the same numbers.
"""

from __future__ import annotations

import datetime as dt

from dropout_ledger.errors import InputRefused
from dropout_ledger.printing.common import Built, Context
from dropout_ledger.render.forms.stats import StatsData, draw
from dropout_ledger.services.dashboard import reason_counts
from dropout_ledger.services.stats import rate_report


def build(ctx: Context, period: str) -> Built:
    form, rows = draw(gather(ctx, period), ctx.imprint)
    return Built(form, rows)


def snapshot_day(today: dt.date, period: str) -> dt.date:
    """The day the figures are taken: the month's last day, today for this month or none."""
    if not period:
        return today
    year, month = (int(part) for part in period.split("-"))
    first = dt.date(year, month, 1)
    if first > today:
        raise InputRefused(f"{year}年{month}月还没有到，不能统计。请选择本月或以前的月份。")
    last = (first + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
    return min(last, today)


def gather(ctx: Context, period: str) -> StatsData:
    on = snapshot_day(ctx.today, period)
    report = rate_report(ctx.ledger, on)
    table = report.months[-1] if period else report.year
    return StatsData(school=ctx.imprint.school, report=report, table=table,
                     reasons=reason_counts(ctx.ledger.conn, report.start, on),
                     phone=str(ctx.org.get("phone") or ""))
