"""Counts by grade and status now, and every rate at a snapshot date against its target.

The results are plain dicts with sorted keys, integers only and no timestamps, so two ledgers
holding the same events give byte-identical `stats --json` output for the same date. The rates
themselves live in `dropout_ledger.rates` (pure formulas over SQL aggregates).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from dropout_ledger import rates
from dropout_ledger.model.codes import stage_of
from dropout_ledger.model.status import Status
from dropout_ledger.store.queries import FLAGS, ON_ROLL, ClassScope, Queries, SchoolScope

if TYPE_CHECKING:
    from dropout_ledger.ledger import Ledger


def counts(queries: Queries) -> dict[str, Any]:
    """Students by status, by grade × status, special-group flags and case totals."""
    by_status = {s.value: 0 for s in Status}
    by_grade: dict[str, dict[str, int]] = {}
    for grade, status, number in queries.counts_by("grade", "status"):
        if status is None:
            continue
        by_status[status] += number
        row = by_grade.setdefault(str(grade), {"total": 0})
        row[status] = row.get(status, 0) + number
        row["total"] += number
    on_roll = sum(n for code, n in by_status.items() if Status(code).is_on_roll)
    return {
        "total": sum(by_status.values()),
        "on_roll": on_roll,
        "by_status": by_status,
        "by_grade": dict(sorted(by_grade.items(), key=lambda item: int(item[0]))),
        "by_stage": _by_stage(by_grade),
        "flags": _flags(queries),
        "cases": _cases(queries),
    }


def _by_stage(by_grade: dict[str, dict[str, int]]) -> dict[str, dict[str, int]]:
    stages: dict[str, dict[str, int]] = {"primary": {}, "junior": {}}
    for grade, row in by_grade.items():
        target = stages[stage_of(int(grade))]
        for key, number in row.items():
            target[key] = target.get(key, 0) + number
    return {name: dict(sorted(row.items())) for name, row in stages.items()}


def _flags(queries: Queries) -> dict[str, int]:
    """Pupils on the roll with each special-group flag: one pass over the roster for all."""
    sums = ", ".join(f"coalesce(sum({sql}), 0)" for sql in FLAGS.values())
    scope, params = queries.scope_condition("id")
    row = queries.conn.execute(
        f"SELECT {sums} FROM students WHERE retracted = 0 AND {ON_ROLL} AND {scope}",
        params).fetchone()
    return {name: int(n) for name, n in zip(FLAGS, row, strict=True)}


def _cases(queries: Queries) -> dict[str, int]:
    scope, params = queries.scope_condition("student_id")
    row = queries.conn.execute(
        "SELECT count(*), sum(closed_date IS NULL), sum(closed_date IS NOT NULL)"
        f" FROM rec_case WHERE retracted = 0 AND {scope}", params
    ).fetchone()
    return {"total": row[0] or 0, "open": row[1] or 0, "closed": row[2] or 0}


def rate_report(ledger: Ledger, on: dt.date | None = None) -> rates.RateReport:
    """Every rate at `on` (default: the ledger clock's today), with the county's targets.

    Under a school scope (a county looking at one school) the figures are that school's and
    the targets those in force at the school, so they equal what the school's own ledger says.
    """
    scope = ledger.queries.scope
    org = scope.org if isinstance(scope, SchoolScope) else ""
    profile = ledger.settings.profile(for_org=org) if org else ledger.settings.profile()
    return rates.compute(ledger.conn, on or ledger.clock.today(), profile, org)


def statistics(ledger: Ledger, on: dt.date | None = None) -> dict[str, Any]:
    """What `stats --json` prints: the counts of today plus, under "rates", every figure at `on`.

    The counts are the ledger's current state (as the roster shows it); the rates are at the
    snapshot date, which the "rates" object names. A class teacher's counts are her class's,
    and "rates" is None: the school's rates are the principal's to report.
    """
    scope = ledger.queries.scope
    if isinstance(scope, SchoolScope):
        school = ledger.settings.entity(f"school:{scope.org}")
        who = {"kind": "school", "code": scope.org[2:], "name": str(school.get("name", ""))}
    else:
        org = ledger.org
        who = {"kind": org.kind, "code": org.code, "name": org.name}
    return {
        "org": who,
        **counts(ledger.queries),
        "rates": None if isinstance(scope, ClassScope)
        else rates.to_json(rate_report(ledger, on)),
    }
