"""Counts by grade and status (rates against targets come with issue 7).

The result is a plain dict with sorted keys and no timestamps, so two ledgers holding the same
events give byte-identical `stats --json` output.
"""

from __future__ import annotations

from typing import Any

from dropout_ledger.model.codes import stage_of
from dropout_ledger.model.status import Status
from dropout_ledger.store.queries import FLAGS, ON_ROLL, Queries


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
    return {
        name: int(queries.conn.execute(
            f"SELECT count(*) FROM students WHERE retracted = 0 AND {ON_ROLL} AND {sql}"
        ).fetchone()[0])
        for name, sql in FLAGS.items()
    }


def _cases(queries: Queries) -> dict[str, int]:
    row = queries.conn.execute(
        "SELECT count(*), sum(closed_date IS NULL), sum(closed_date IS NOT NULL)"
        " FROM rec_case WHERE retracted = 0"
    ).fetchone()
    return {"total": row[0] or 0, "open": row[1] or 0, "closed": row[2] or 0}
