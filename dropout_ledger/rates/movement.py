"""Monthly movement tables (月报 §5.5): 期初, the movements in and out of 在校, 期末.

Pure: built from the opening counts on the eve of the school year and the month-by-month
movements that `snapshot` counts. Each month's 期末 is its 期初 plus arrivals minus departures
and is the next month's 期初, so the table balances by construction; the tests check the other
way round, that every 期末 equals the number of pupils attending on that day counted directly.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field

from dropout_ledger.model.codes import stage_of
from dropout_ledger.rates.formulas import INFLOWS, OUTFLOWS
from dropout_ledger.rates.snapshot import MoveKey, Window

ROW_KEYS: tuple[str, ...] = (*(str(g) for g in range(1, 10)), "primary", "junior", "total")
ROW_LABELS: Mapping[str, str] = {
    **{str(g): f"{'一二三四五六七八九'[g - 1]}年级" for g in range(1, 10)},
    "primary": "小学小计", "junior": "初中小计", "total": "合计",
}


@dataclass(frozen=True)
class MovementRow:
    """One row of the table: 期初 (总/女), each movement, 期末 (总/女)."""

    opening: int = 0
    opening_female: int = 0
    flows: Mapping[str, int] = field(default_factory=dict)
    closing: int = 0
    closing_female: int = 0

    def __add__(self, other: MovementRow) -> MovementRow:
        keys = sorted(set(self.flows) | set(other.flows))
        return MovementRow(
            self.opening + other.opening, self.opening_female + other.opening_female,
            {k: self.flows.get(k, 0) + other.flows.get(k, 0) for k in keys},
            self.closing + other.closing, self.closing_female + other.closing_female,
        )

    @property
    def balanced(self) -> bool:
        """期初 + 增加 − 减少 = 期末."""
        ins = sum(self.flows.get(k, 0) for k in INFLOWS)
        outs = sum(self.flows.get(k, 0) for k in OUTFLOWS)
        return self.opening + ins - outs == self.closing


@dataclass(frozen=True)
class MovementTable:
    """The movements of one period (a month, or the school year to date) by grade and stage."""

    period: str  # "2026-09" for a month, "2026学年" for the school year to date
    start: dt.date
    end: dt.date
    rows: Mapping[str, MovementRow]


def _months(window: Window) -> list[tuple[str, dt.date, dt.date]]:
    """(YYYY-MM, first day, last day) of each month of the school year up to the snapshot."""
    out = []
    first = window.start
    while first <= window.on:
        following = dt.date(first.year + first.month // 12, first.month % 12 + 1, 1)
        out.append((first.strftime("%Y-%m"), first,
                    min(following - dt.timedelta(days=1), window.on)))
        first = following
    return out


def _with_subtotals(by_grade: dict[int, MovementRow]) -> dict[str, MovementRow]:
    rows = {str(g): by_grade.get(g, MovementRow(flows={k: 0 for k in (*INFLOWS, *OUTFLOWS)}))
            for g in range(1, 10)}
    for stage in ("primary", "junior"):
        rows[stage] = _sum([rows[str(g)] for g in range(1, 10) if stage_of(g) == stage])
    rows["total"] = rows["primary"] + rows["junior"]
    return rows


def _sum(rows: list[MovementRow]) -> MovementRow:
    out = MovementRow(flows={k: 0 for k in (*INFLOWS, *OUTFLOWS)})
    for row in rows:
        out = out + row
    return out


def tables(
    on: dt.date, opening: Mapping[tuple[int, bool], int], moves: Mapping[MoveKey, int],
) -> tuple[list[MovementTable], MovementTable]:
    """The monthly tables of the school year up to `on`, and the year-to-date table.

    `opening`: pupils attending on the eve of the year per (grade, female); `moves`: counts
    per (month, grade, female, movement).
    """
    window = Window(on)
    current = dict(opening)
    months: list[MovementTable] = []
    totals: dict[tuple[int, bool], dict[str, int]] = {}
    for month, first, last in _months(window):
        by_grade: dict[int, MovementRow] = {}
        for g in range(1, 10):
            row = MovementRow(flows={k: 0 for k in (*INFLOWS, *OUTFLOWS)})
            for female in (False, True):
                start = current.get((g, female), 0)
                flows = {k: moves.get((month, g, female, k), 0) for k in (*INFLOWS, *OUTFLOWS)}
                end = (start + sum(flows[k] for k in INFLOWS)
                       - sum(flows[k] for k in OUTFLOWS))
                current[(g, female)] = end
                so_far = totals.setdefault((g, female), dict.fromkeys(flows, 0))
                for k, n in flows.items():
                    so_far[k] += n
                row = row + MovementRow(start, start if female else 0, flows, end,
                                        end if female else 0)
            by_grade[g] = row
        months.append(MovementTable(month, first, last, _with_subtotals(by_grade)))
    year_rows: dict[int, MovementRow] = {}
    for g in range(1, 10):
        row = MovementRow(flows={k: 0 for k in (*INFLOWS, *OUTFLOWS)})
        for female in (False, True):
            start, end = opening.get((g, female), 0), current.get((g, female), 0)
            flows = totals.get((g, female), {k: 0 for k in (*INFLOWS, *OUTFLOWS)})
            row = row + MovementRow(start, start if female else 0, flows, end,
                                    end if female else 0)
        year_rows[g] = row
    year = MovementTable(f"{window.year}学年", window.start, on, _with_subtotals(year_rows))
    return months, year
