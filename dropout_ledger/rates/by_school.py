"""Every school's counts in one pass: the county dashboard's rates without 200 snapshots.

`rates.compute(conn, on, profile, org)` gives one school's figures from a compact timeline of
that school's pupils; on a county ledger of 200 schools, calling it per school would scan the
roll 200 times. `SchoolsSnapshot` builds the same compact timeline once for the whole county
with the school (`students.org`) as one more grouping column, and answers the year counts and
cohort counts per school with one GROUP BY each. The SQL is `snapshot`'s own, with that column
added (the replacements are checked, so a change there fails loudly here), and
tests/sync/test_county.py proves that each school's figures equal `rates.compute` for it.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable, Mapping

from dropout_ledger.rates import snapshot
from dropout_ledger.rates.formulas import INFLOWS, OUTFLOWS, CohortCounts, YearCounts
from dropout_ledger.rates.snapshot import LOST, Window
from dropout_ledger.store import sqlite as sqlite3

# The dashboard needs no sex, village or disability breakdown: grouping by them as well as by
# school would multiply the compact table's rows (measured 3× slower at 200 schools), so the
# pupil's columns are the cohort year and the school only, and the groups grade × status ×
# status date × school.
#
# The groups are read in the order of the covering index `students_tally` (org, grade, status,
# status_date …, live pupils only): one pass over the index, grouped as it streams, instead of a
# scan of the whole table and a sort (measured 459 → 148 ms for the compact table at 150,000).
_STUDENT = f"{snapshot._E1} AS e1, '' AS sex, '' AS village, '' AS dis, 0 AS inclusive, s.org AS org"
_GROUPED = "org, grade, status, status_date"
_SCAN = "students NOT INDEXED"
_TALLY = "students INDEXED BY students_tally"


def _with_org(sql: str) -> str:
    """snapshot's compact-timeline SQL with the pupil's school carried through every branch."""
    grouped = sql.replace(snapshot._GROUPED, _GROUPED)
    carried = grouped.replace(snapshot._STUDENT, _STUDENT)
    indexed = carried.replace(_SCAN, _TALLY)
    if (grouped.count(_GROUPED) != 2 or carried.count("s.org AS org") != 3
            or indexed.count(_TALLY) != 1):
        raise RuntimeError("rates.snapshot changed shape: update rates/by_school.py")
    return indexed


_COMPACT = _with_org(snapshot._COMPACT)

# One row per (school, grade) with every movement summed in SQL: Python then builds ~1,800
# YearCounts instead of folding ~15,000 (school, grade, movement) rows into dicts.
_FLOWS = (*INFLOWS, *OUTFLOWS)
_YEAR_SQL = f"""
SELECT org, g, sum(n * opens), sum(n * closes),
       {", ".join(f"sum(CASE WHEN kind = '{k}' THEN n ELSE 0 END)" for k in _FLOWS)}
FROM {{name}}
GROUP BY org, g
"""

_LOST_SQL = f"""
SELECT org, g, count(*), {", ".join(f"sum(was_{s.value})" for s in LOST)}
FROM (SELECT org, g, sid,
             {", ".join(f"max(code = '{s.value}') AS was_{s.value}" for s in LOST)}
      FROM {{name}} WHERE lost GROUP BY org, g, sid)
GROUP BY org, g
"""

_COHORT_SQL = f"""
WITH b (e1, p_start, p_eve, p_end, j_start, j_eve, j_end) AS (VALUES {{bounds}})
SELECT c.org, c.e1, {snapshot._cohort_columns("p")}, {snapshot._cohort_columns("j")}
FROM {{name}} AS c JOIN b ON b.e1 = c.e1
GROUP BY c.org, c.e1
"""

SchoolGrade = tuple[str, int]  # (school org, grade in the snapshot's school year)


class SchoolsSnapshot:
    """The whole county's status history compacted once, per school; use it in a `with` block."""

    def __init__(self, conn: sqlite3.Connection, on: dt.date) -> None:
        self.conn, self.window = conn, Window(on)
        self._name = f"temp.rates_by_school_{uuid.uuid4().hex}"
        self._params = {**self.window.params(), "org": ""}
        conn.execute(_COMPACT.format(name=self._name), self._params)

    def __enter__(self) -> SchoolsSnapshot:
        return self

    def __exit__(self, *exc: object) -> None:
        self.conn.execute(f"DROP TABLE IF EXISTS {self._name}")

    def _rows(self, sql: str) -> sqlite3.Cursor:
        return self.conn.execute(sql.format(name=self._name), self._params)

    def year_counts(self) -> dict[SchoolGrade, YearCounts]:
        """Per (school, grade): 期初, 期末, movements and pupils lost, as `Snapshot.year_counts`
        gives them per (grade, sex, village) for one school."""
        sums: dict[SchoolGrade, dict[str, int]] = {}
        for org, g, opens, closes, *flows in self._rows(_YEAR_SQL):
            group = sums.setdefault((str(org), int(g)), {})
            group["opening"], group["closing"] = int(opens), int(closes)
            group.update(zip(_FLOWS, map(int, flows), strict=True))
        for org, g, lost, *parts in self._rows(_LOST_SQL):
            group = sums.setdefault((str(org), int(g)), {})
            group["lost"] = int(lost)
            group.update({f"lost_{s.value}": int(v) for s, v in zip(LOST, parts, strict=True)})
        return {key: YearCounts(**group) for key, group in sums.items()}

    def cohort_counts(self, grades: Iterable[int] = range(1, 10)
                      ) -> dict[str, dict[tuple[int, str], CohortCounts]]:
        """Per school, each cohort now in `grades` (default 1–9) keyed as
        `Snapshot.cohort_counts` keys it. The dashboard asks for grades 6 and 9 only: the other
        cohorts would be summed and never shown."""
        year = self.window.year
        bounds = ", ".join(
            f"({e1}, '{e1:04d}-09-01', '{e1:04d}-08-31', '{e1 + 1:04d}-08-31',"
            f" '{e1 + 6:04d}-09-01', '{e1 + 6:04d}-08-31', '{e1 + 7:04d}-08-31')"
            for e1 in sorted(year - g + 1 for g in set(grades))
        )
        out: dict[str, dict[tuple[int, str], CohortCounts]] = {}
        for row in self._rows(_COHORT_SQL.replace("{bounds}", bounds)):
            org, e1 = str(row[0]), int(row[1])
            first = CohortCounts(*(int(v or 0) for v in row[2:7]))
            second = CohortCounts(*(int(v or 0) for v in row[7:12]))
            grade = year - e1 + 1
            mine = out.setdefault(org, {})
            if grade <= 6:
                mine[(grade, "primary")] = first
            else:
                mine[(grade, "junior")] = second
                mine[(grade, "nine_year")] = first
        return out


def add_cohorts(*parts: Mapping[tuple[int, str], CohortCounts]) -> dict[tuple[int, str], CohortCounts]:
    """The sum of several schools' cohort counts (a township's, the county's)."""
    out: dict[tuple[int, str], CohortCounts] = {}
    for part in parts:
        for key, counts in part.items():
            out[key] = out.get(key, CohortCounts()) + counts
    return out
