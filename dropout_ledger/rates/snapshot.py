"""Who was where on which day: SQL aggregates over the status history at a snapshot date.

Each student's status facts form a timeline: a fact is in force from its effective date until
the next fact's (in the order of the current status: effective date, Lamport clock, event id),
and each fact is a *movement* from the previous one. From that timeline:

- "in force on day X" is `d <= X < next_d`: exactly one fact per registered student;
- a movement *into* 在校 (attending) or *out of* it is classified by where it came from or
  went to (转入, 复学, 劝返复学 … / 转出, 休学, 死亡, 辍学 …), so 期初 + 增加 − 减少 = 期末
  holds by construction for any group of pupils.

The timeline is compacted once per snapshot (`Snapshot`): a student whose history is a single
fact (most of a roster) needs only the `students` row, so those are grouped into weighted rows;
only students with several facts get a row per fact (window functions). Every count is then
one aggregate query over that small table. Retracted facts and students are left out. Python
sees one row per group (grade × sex × village, month × grade × movement …), never per student.

Grades. The ledger holds each pupil's *current* grade and no grade history (promotion comes
with the roster import). A pupil still holding 学籍 is read as being in that grade in the
snapshot's school year; a pupil who has left is read as having been in it in the school year
they left, one grade lower per year before. From that each pupil gets a nominal grade-1 year
(`e1`), which names their cohort (届) and gives their grade in any school year (0 and below
count as grade 1, 10 and above as grade 9). docs/decisions/0013-rates.md says why.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Mapping
from dataclasses import dataclass

from dropout_ledger.model.identity import school_year_start
from dropout_ledger.model.status import Status
from dropout_ledger.rates.formulas import (
    CohortCounts,
    DisabilityCounts,
    GraduateCounts,
    YearCounts,
)
from dropout_ledger.store import sqlite as sqlite3

# 在校: counted in 在校生数. 疑似辍学 is not yet a dropout; 送教上门 counts as schooled (§2.3).
ATTENDING: frozenset[Status] = frozenset(
    {Status.ENROLLED, Status.HOME_TAUGHT, Status.SUSPECTED, Status.RETURNED}
)
# Kept by a cohort (巩固): attending, or 休学 (keeps 学籍 and is expected back).
RETAINED: frozenset[Status] = ATTENDING | {Status.SUSPENDED}
OFF_ROLL: frozenset[Status] = frozenset(s for s in Status if not s.is_on_roll)
ON_ROLL: frozenset[Status] = frozenset(s for s in Status if s.is_on_roll)
# Leaving 在校 for one of these is dropout under the definitional convention (§2.4).
LOST: tuple[Status, ...] = (Status.DROPPED_OUT, Status.SUSPENDED, Status.OVERAGE_LEFT)


def _sql_set(statuses: frozenset[Status] | tuple[Status, ...]) -> str:
    return "(" + ", ".join(f"'{s.value}'" for s in sorted(statuses, key=lambda s: s.value)) + ")"


_ATT = _sql_set(ATTENDING)

def _in_force(day: str) -> str:
    return f"(d <= {day} AND (next_d IS NULL OR next_d > {day}))"


# A student's columns, from a `students` row or a group of them (`s`); e1 as in the module doc.
_E1 = f"""CASE WHEN s.status IN {_sql_set(OFF_ROLL)}
         THEN CAST(substr(s.status_date, 1, 4) AS INTEGER) - (substr(s.status_date, 6, 2) < '09')
         ELSE :year END - s.grade + 1"""
_STUDENT = f"""{_E1} AS e1, coalesce(s.sex, '') AS sex, coalesce(s.village_name, '') AS village,
    coalesce(s.disability_type, '') AS dis, s.inclusive AS inclusive"""
_GROUPED = "grade, sex, village_name, disability_type, inclusive, status, status_date"
_LIVE = "s.retracted = 0 AND s.grade BETWEEN 1 AND 9 AND (:org = '' OR s.org = :org)"
# The same for a plain table scan (NOT INDEXED): reading the whole table through an index
# visits its pages in random order (measured 10–30 % slower at 150k).
_SCAN = ("retracted = 0 AND grade BETWEEN 1 AND 9 AND status IS NOT NULL"
         " AND (:org = '' OR org = :org)")

# The compact timeline, in three parts. (1) Every live student as if their history were their
# current status alone, grouped into weighted rows. (2) The students with several facts taken
# out again: the same rows with weight −1, so every weighted sum over (1) and (2) cancels for
# them exactly (cheaper than testing 150,000 ids for membership, measured). (3) Those students'
# facts, one row each, with the previous fact's status and the next fact's date.
#
# Then, per row, what the snapshot needs: the grade in the snapshot's school year (g); whether
# the row puts the pupil in the year's 期初 (opens) or 期末 (closes); the movement into or out of
# 在校 the fact makes within the school year to date (kind; NULL: none or outside); and whether
# it is a pupil leaving 在校 for 辍学, 休学 or 超龄离校 (lost). A first fact is an arrival:
# 招收新生 in grades 1 and 7 (the first grade of a stage), 转入 in any other grade, except on
# the first day of the school year: a ledger begun at the start of term registers its whole
# roll that day, and those pupils are the year's 期初, not arrivals.
_COMPACT = f"""
CREATE TEMP TABLE {{name}} AS
WITH multi AS (
    SELECT student_id AS sid FROM status_facts GROUP BY student_id HAVING count(*) > 1
), tl AS (
    SELECT f.student_id AS sid, f.code AS code, f.effective_date AS d,
           lag(f.code) OVER w AS prev, lead(f.effective_date) OVER w AS next_d
    FROM status_facts AS f
    WHERE f.retracted = 0 AND f.student_id IN multi
    WINDOW w AS (PARTITION BY f.student_id ORDER BY f.effective_date, f.lc, f.eid)
), c AS (
    SELECT {_STUDENT}, s.status AS code, s.status_date AS d, NULL AS prev, NULL AS next_d,
           NULL AS sid, s.n AS n
    FROM (SELECT {_GROUPED}, count(*) AS n FROM students NOT INDEXED WHERE {_SCAN}
          GROUP BY {_GROUPED}) AS s
    UNION ALL
    SELECT {_STUDENT}, s.status, s.status_date, NULL, NULL, NULL, -1
    FROM multi JOIN students AS s ON s.id = multi.sid
    WHERE {_LIVE} AND s.status IS NOT NULL
    UNION ALL
    SELECT {_STUDENT}, tl.code, tl.d, tl.prev, tl.next_d, tl.sid, 1
    FROM tl JOIN students AS s ON s.id = tl.sid
    WHERE {_LIVE}
), cg AS (
    SELECT c.*, max(1, min(9, :year - e1 + 1)) AS g FROM c
)
SELECT cg.*,
    ({_in_force(":eve")} AND code IN {_ATT})
        OR (prev IS NULL AND d = :start AND code IN {_ATT} AND g NOT IN (1, 7)) AS opens,
    {_in_force(":on")} AND code IN {_ATT} AS closes,
    CASE WHEN d BETWEEN :start AND :on THEN CASE
        WHEN prev IS NULL THEN CASE WHEN code IN {_ATT} THEN CASE
            WHEN g IN (1, 7) THEN 'intake' WHEN d = :start THEN NULL
            ELSE 'transferred_in' END END
        WHEN prev IN {_ATT} AND code NOT IN {_ATT} THEN CASE code
            WHEN 'transferred_out' THEN 'transferred_out' WHEN 'suspended' THEN 'suspended'
            WHEN 'deceased' THEN 'deceased' WHEN 'dropped_out' THEN 'dropped_out'
            WHEN 'graduated' THEN 'graduated' WHEN 'overage_left' THEN 'overage_left'
            ELSE 'other_out' END
        WHEN prev NOT IN {_ATT} AND code IN {_ATT} THEN CASE prev
            WHEN 'suspended' THEN 'resumed' WHEN 'dropped_out' THEN 'returned'
            WHEN 'transferred_out' THEN 'transferred_in' ELSE 'other_in' END
        END END AS kind,
    d BETWEEN :start AND :on AND prev IN {_ATT} AND code IN {_sql_set(LOST)} AS lost
FROM cg
"""

_YEAR_SQL = """
SELECT g, sex, village, kind, sum(n), sum(n * opens), sum(n * closes)
FROM {name}
GROUP BY g, sex, village, kind
"""

# Pupils, not events: one row per pupil who left (however often), then counted per group.
_LOST_SQL = f"""
SELECT g, sex, village, count(*), {", ".join(f"sum(was_{s.value})" for s in LOST)}
FROM (SELECT g, sex, village, sid,
             {", ".join(f"max(code = '{s.value}') AS was_{s.value}" for s in LOST)}
      FROM {{name}} WHERE lost GROUP BY g, sex, village, sid)
GROUP BY g, sex, village
"""

_MONTHS_SQL = """
SELECT substr(d, 1, 7) AS month, g, sex = '2' AS female, kind, sum(n)
FROM {name}
WHERE kind IS NOT NULL
GROUP BY month, g, female, kind
"""


def _cohort_columns(p: str) -> str:
    """Sums for the cohorts whose stage began on {p}_start (their entry year's first day).

    招生: attending on the eve of the entry year, or registered during it; 转入: registered
    after it, or back from 转出; 转出: every move to 转出 since the entry year began; kept: 在籍
    and not dropped out on the snapshot date, or graduated since the entry year began.
    """
    start, eve, end = f"b.{p}_start", f"b.{p}_eve", f"b.{p}_end"
    return f"""
    sum(n * (({_in_force(eve)} AND code IN {_ATT})
             OR (prev IS NULL AND d BETWEEN {start} AND min({end}, :on)))),
    sum(n * ((prev IS NULL AND d > {end} AND d <= :on)
             OR (prev = 'transferred_out' AND d BETWEEN {start} AND :on))),
    sum(n * (code = 'transferred_out' AND prev IS NOT NULL AND d BETWEEN {start} AND :on)),
    sum(n * ({_in_force(":on")} AND (code IN {_sql_set(RETAINED)}
             OR (code = 'graduated' AND d >= {start})))),
    sum(n * ({_in_force(":on")} AND code = 'graduated' AND d >= {start}))"""


# {bounds}: one row per cohort (e1) with the first day, eve and last day of the school year it
# entered grade 1 (p_…) and grade 7 (j_…), made in Python from the snapshot's year.
_COHORT_SQL = f"""
WITH b (e1, p_start, p_eve, p_end, j_start, j_eve, j_end) AS (VALUES {{bounds}})
SELECT c.e1, {_cohort_columns("p")}, {_cohort_columns("j")}
FROM {{name}} AS c JOIN b ON b.e1 = c.e1
GROUP BY c.e1
"""

_DISABILITY_SQL = f"""
SELECT dis, code, inclusive, sum(n)
FROM {{name}}
WHERE dis != '' AND {_in_force(":on")} AND code IN {_sql_set(ON_ROLL)}
GROUP BY dis, code, inclusive
"""

# This school year's grade-9 graduates (a move from 在校 to 毕业 is always a multi-fact row, so
# it carries its student id) with the newest live 毕业去向 dated on or before the snapshot.
_GRADUATES_SQL = """
WITH grads AS (SELECT DISTINCT sid FROM {name} WHERE kind = 'graduated' AND g = 9)
SELECT dest, count(*) FROM (
    SELECT (SELECT r.destination FROM rec_destination AS r
            WHERE r.student_id = grads.sid AND r.retracted = 0 AND r.date <= :on
            ORDER BY r.date DESC, r.created_lc DESC, r.id DESC LIMIT 1) AS dest
    FROM grads)
GROUP BY dest
"""

GroupKey = tuple[int, str, str]  # (grade in the snapshot's school year, sex code, village)
MoveKey = tuple[str, int, bool, str]  # (YYYY-MM, grade, female, movement kind)
CohortKey = tuple[int, str]  # (grade in the snapshot's school year, "primary"|"junior"|"nine_year")


@dataclass(frozen=True)
class Window:
    """The school year to date: from 1 September (its eve is 31 August) to the snapshot date."""

    on: dt.date

    @property
    def year(self) -> int:
        return school_year_start(self.on)

    @property
    def start(self) -> dt.date:
        return dt.date(self.year, 9, 1)

    @property
    def eve(self) -> dt.date:
        return self.start - dt.timedelta(days=1)

    def params(self) -> dict[str, object]:
        return {"year": self.year, "on": self.on.isoformat(), "start": self.start.isoformat(),
                "eve": self.eve.isoformat()}


class Snapshot:
    """The ledger's status history compacted for one snapshot date; use it in a `with` block.

    The compact timeline is a TEMP table (private to this connection, never written to the
    ledger file) made by one pass over `students` plus the few multi-fact histories, so every
    count reads the same state even if the ledger changes meanwhile. Dropped on leaving.
    """

    def __init__(self, conn: sqlite3.Connection, on: dt.date, org: str = "") -> None:
        self.conn, self.window = conn, Window(on)
        self._name = f"temp.rates_{uuid.uuid4().hex}"
        self._params = {**self.window.params(), "org": org}
        conn.execute(_COMPACT.format(name=self._name), self._params)

    def __enter__(self) -> Snapshot:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.conn.execute(f"DROP TABLE IF EXISTS {self._name}")

    def _rows(self, sql: str) -> sqlite3.Cursor:
        return self.conn.execute(sql.format(name=self._name), self._params)

    def year_counts(self) -> dict[GroupKey, YearCounts]:
        """The school year to date per (grade, sex, village): 期初, 期末, movements, lost."""
        sums: dict[GroupKey, dict[str, int]] = {}
        for g, sex, village, kind, n, opens, closes in self._rows(_YEAR_SQL):
            group = sums.setdefault((int(g), sex, village), {})
            group["opening"] = group.get("opening", 0) + int(opens)
            group["closing"] = group.get("closing", 0) + int(closes)
            if kind is not None:
                group[kind] = group.get(kind, 0) + int(n)
        for g, sex, village, lost, *parts in self._rows(_LOST_SQL):
            group = sums.setdefault((int(g), sex, village), {})
            group["lost"] = int(lost)
            group.update({f"lost_{s.value}": int(v) for s, v in zip(LOST, parts, strict=True)})
        return {key: YearCounts(**group) for key, group in sums.items()}

    def monthly_moves(self) -> dict[MoveKey, int]:
        """Movements into and out of 在校 in the school year to date per month, grade, sex."""
        return {
            (month, int(g), bool(female), kind): int(n)
            for month, g, female, kind, n in self._rows(_MONTHS_SQL)
        }

    def cohort_counts(self) -> dict[CohortKey, CohortCounts]:
        """Each cohort now in grades 1–9, from the year it entered its stage to the snapshot.

        Grades 1–6: the primary stage, entered in grade 1. Grades 7–9: the junior stage,
        entered in grade 7, and the nine-year span from grade 1 (九年义务教育巩固率).
        """
        year = self.window.year
        bounds = ", ".join(
            f"({e1}, '{e1:04d}-09-01', '{e1:04d}-08-31', '{e1 + 1:04d}-08-31',"
            f" '{e1 + 6:04d}-09-01', '{e1 + 6:04d}-08-31', '{e1 + 7:04d}-08-31')"
            for e1 in range(year - 8, year + 1)
        )
        sql = _COHORT_SQL.replace("{bounds}", bounds)
        out: dict[CohortKey, CohortCounts] = {}
        for row in self._rows(sql):
            e1 = int(row[0])
            first = CohortCounts(*(int(v or 0) for v in row[1:6]))
            second = CohortCounts(*(int(v or 0) for v in row[6:11]))
            grade = year - e1 + 1
            if grade <= 6:
                out[(grade, "primary")] = first
            else:
                out[(grade, "junior")] = second
                out[(grade, "nine_year")] = first
        return out

    def graduate_counts(self) -> GraduateCounts:
        """This school year's grade-9 graduates to date by recorded 毕业去向."""
        found: dict[str, int] = {}
        unrecorded = 0
        for dest, n in self._rows(_GRADUATES_SQL):
            if dest:
                found[str(dest)] = int(n)
            else:
                unrecorded = int(n)
        return GraduateCounts(dict(sorted(found.items())), unrecorded)

    def disability_counts(self) -> dict[str, DisabilityCounts]:
        """Disabled pupils holding 学籍 here on the snapshot date, by disability type code."""
        out: dict[str, DisabilityCounts] = {}
        for dis, code, inclusive, n in self._rows(_DISABILITY_SQL):
            attending = Status(code) in ATTENDING
            part = DisabilityCounts(
                on_roll=n, enrolled=n if attending else 0,
                home_taught=n if code == Status.HOME_TAUGHT.value else 0,
                inclusive=n if attending and inclusive else 0,
            )
            out[dis] = out.get(dis, DisabilityCounts()) + part
        return out


def opening_by_grade(counts: Mapping[GroupKey, YearCounts]) -> dict[tuple[int, bool], int]:
    """期初 (attending on the eve of the year) per (grade, female), from `year_counts`."""
    out: dict[tuple[int, bool], int] = {}
    for (g, sex, _village), c in counts.items():
        key = (g, sex == "2")
        out[key] = out.get(key, 0) + c.opening
    return out
