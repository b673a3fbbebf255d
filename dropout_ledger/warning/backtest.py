"""The back-test: on this school's own past cases, how often each rule came first, how often not.

A *case* is a pupil becoming 疑似辍学 or 辍学 from any other status (a pupil registered already
as a case has no history before it and is left out), on a day within the last
`warn_backtest_period_days`. A pupil who dropped out twice is two cases. For each case the rule
*hit* if it held on at least one of the `warn_backtest_days` days before the case opened. Every
other pupil who was in school during that period (no case opened in it) is a *non-case*; the
rule raised a *false alarm* for them if it held on any day of the period.

From these counts: precision (准确率: of the pupils the rule picked, how many became cases) and
recall (检出率: of the cases, how many the rule picked in time), both in basis points, and the
base rate (cases among everyone watched) to compare precision against: a rule right 5 times in
100 is useful in a school where 1 pupil in 200 drops out. Small numbers are said to be small;
a rate from a handful of cases is shown, never dressed up.

Every rule is one SQL statement over a temporary table of probes (pupil, first day, last day),
so a county-sized ledger is one pass per rule, not a query per pupil.

Limits, stated on the page: a field of the student record (留守, 监护人, 出生日期…) is known only
with its current value and the day it was recorded, so a value that changed since is tested as
if it had always been the current one from that day.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from dropout_ledger.store.queries import Queries
from dropout_ledger.warning.rules import RULES, Context, enabled

SMALL_CASES = 20
"""Fewer cases than this: every rate is marked as unreliable."""
SMALL_HITS = 5
"""A rule that picked fewer pupils than this: its precision is marked as unreliable."""
COMBINED = "flag"
"""The code of the last row: the flag as a whole (any signal, or enough background rules)."""

_CASES = ("'suspected'", "'dropped_out'")
_CASE_PROBES = f"""
WITH opened AS MATERIALIZED (
  SELECT DISTINCT student_id FROM status_facts
   WHERE +retracted = 0 AND code IN ({', '.join(_CASES)})
     AND effective_date BETWEEN :period_start AND :on),
facts AS (
  SELECT student_id, code, effective_date,
         lag(code) OVER (PARTITION BY student_id ORDER BY effective_date, lc, eid) AS prev
    FROM status_facts WHERE retracted = 0 AND student_id IN (SELECT student_id FROM opened))
INSERT INTO temp.warn_probe (student_id, is_case, t0, t1)
SELECT f.student_id, 1, date(f.effective_date, :n_back), date(f.effective_date, '-1 day')
  FROM facts f CROSS JOIN students s ON s.id = f.student_id
 WHERE s.retracted = 0 AND f.code IN ({', '.join(_CASES)}) AND f.prev IS NOT NULL
   AND f.prev NOT IN ({', '.join(_CASES)}) AND f.effective_date BETWEEN :period_start AND :on"""
"""One probe per case opened in the period: the look-back days before it."""

_OTHER_PROBES = f"""
INSERT INTO temp.warn_probe (student_id, is_case, t0, t1)
SELECT s.id, 0, :period_start, :on FROM students s
 WHERE +s.retracted = 0
   AND (+s.status IN ('enrolled', 'returned')
        OR (s.status_date >= :period_start AND +s.status NOT IN ({', '.join(_CASES)})))
   AND s.id NOT IN (SELECT student_id FROM temp.warn_probe)"""
"""One probe per other pupil in school during the period: the whole period."""


@dataclass(frozen=True)
class RuleScore:
    """One row of the back-test table. Rates are basis points (万分之一), None when undefined."""

    rule: str
    label: str
    signal: bool
    enabled: bool
    cases: int
    hits: int
    non_cases: int
    alarms: int
    precision_bp: int | None
    recall_bp: int | None
    note: str


@dataclass(frozen=True)
class Backtest:
    """The table and what it rests on: the period, the look-back, the numbers of pupils."""

    on: str
    period_start: str
    lookback_days: int
    cases: int
    non_cases: int
    base_rate_bp: int | None
    rows: tuple[RuleScore, ...]
    note: str


def ratio_bp(part: int, whole: int) -> int | None:
    """part / whole in basis points, rounded half up; None when whole is 0."""
    if whole <= 0:
        return None
    return (2 * part * 10000 + whole) // (2 * whole)


def backtest(queries: Queries, profile: Mapping[str, Any], on: dt.date) -> Backtest:
    """Score every rule (switched off or not) and the flag as a whole on past cases."""
    period = int(profile["warn_backtest_period_days"])
    lookback = int(profile["warn_backtest_days"])
    start = on - dt.timedelta(days=period)
    first = start - dt.timedelta(days=lookback)
    ctx = Context.of(profile, on, first)
    params = ctx.params(back_days=(on - first).days + ctx.window)
    conn = queries.conn
    conn.execute("DROP TABLE IF EXISTS temp.warn_probe")
    try:
        conn.execute("CREATE TEMP TABLE warn_probe (pid INTEGER PRIMARY KEY, student_id TEXT"
                     " NOT NULL, is_case INTEGER NOT NULL, t0 TEXT NOT NULL, t1 TEXT NOT NULL)")
        dates = {"period_start": start.isoformat(), "on": on.isoformat(),
                 "n_back": f"-{lookback} days"}
        conn.execute(_CASE_PROBES, dates)
        conn.execute(_OTHER_PROBES, dates)
        conn.execute("CREATE INDEX temp.warn_probe_student ON warn_probe (student_id)")
        case_pids = {pid for (pid,) in conn.execute(
            "SELECT pid FROM temp.warn_probe WHERE is_case = 1")}
        non_cases = int(conn.execute(
            "SELECT count(*) FROM temp.warn_probe WHERE is_case = 0").fetchone()[0])
        fired = {rule.code: {pid for (pid,) in conn.execute(rule.fired_sql(ctx), params)}
                 for rule in RULES}
    finally:
        conn.execute("DROP TABLE IF EXISTS temp.warn_probe")
    cases = len(case_pids)
    in_force = {rule.code for rule in enabled(profile)}
    rows = [_score(rule.code, rule.label, rule.signal, rule.code in in_force, fired[rule.code],
                   case_pids, cases, non_cases) for rule in RULES]
    flagged = _combined(fired, in_force, int(profile["warn_background_min"]))
    rows.append(_score(COMBINED, "预警（以上规则合起来）", True, True, flagged, case_pids, cases,
                       non_cases))
    return Backtest(
        on=on.isoformat(), period_start=start.isoformat(), lookback_days=lookback, cases=cases,
        non_cases=non_cases, base_rate_bp=ratio_bp(cases, cases + non_cases), rows=tuple(rows),
        note=_overall_note(cases, period))


def _combined(fired: dict[str, set[int]], in_force: set[str], minimum: int) -> set[int]:
    signals = [fired[r.code] for r in RULES if r.signal and r.code in in_force]
    background = [fired[r.code] for r in RULES if not r.signal and r.code in in_force]
    flagged: set[int] = set().union(*signals) if signals else set()
    if minimum > 0:
        counts: dict[int, int] = {}
        for pids in background:
            for pid in pids:
                counts[pid] = counts.get(pid, 0) + 1
        flagged |= {pid for pid, n in counts.items() if n >= minimum}
    return flagged


def _score(code: str, label: str, signal: bool, on: bool, fired: set[int], case_pids: set[int],
           cases: int, non_cases: int) -> RuleScore:
    hits = len(fired & case_pids)
    alarms = len(fired) - hits
    return RuleScore(
        rule=code, label=label, signal=signal, enabled=on, cases=cases, hits=hits,
        non_cases=non_cases, alarms=alarms, precision_bp=ratio_bp(hits, hits + alarms),
        recall_bp=ratio_bp(hits, cases), note=_row_note(cases, hits, alarms))


def _row_note(cases: int, hits: int, alarms: int) -> str:
    if cases == 0:
        return "没有个案可检验"
    if hits + alarms == 0:
        return "检验期内从未触发"
    if hits + alarms < SMALL_HITS:
        return f"只触发{hits + alarms}次，准确率不可靠"
    if cases < SMALL_CASES:
        return f"只有{cases}例个案，仅供参考"
    return ""


def _overall_note(cases: int, period: int) -> str:
    if cases == 0:
        return f"近{period}天没有新立案的疑似辍学或辍学个案，无法检验规则。"
    if cases < SMALL_CASES:
        return (f"近{period}天只有{cases}例个案：例数太少，下面的比例会随一两个学生大幅变化，"
                "只能看出大致方向。")
    return f"近{period}天共{cases}例个案。"
