"""The bulk fold (sync/merge.fold_fresh + store/projections.FreshFold) equals folding one by one.

At the county most pupils of a package are new, and `merge` folds those in memory and writes
their rows in bulk. That is only allowed if the tables come out byte for byte as
`projections.apply` makes them, event by event. Here the same events are merged into two bare
ledgers, once with the bulk fold and once without (`bulk=False`), as one package and as random
packages with duplicates; every projection table must be equal after every package, and a full
rebuild (`verify`) must equal both.
"""

from __future__ import annotations

import random
import sqlite3
import tempfile
import uuid
from collections.abc import Sequence
from pathlib import Path
from unittest import mock

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sync_helpers import COUNTY, PRINCIPAL, SCHOOL_A, TODAY, bare, state, wire_events
from test_merge_laws import History, packages, union

from dropout_ledger.clock import FrozenClock
from dropout_ledger.errors import LedgerError
from dropout_ledger.ledger import Ledger
from dropout_ledger.services import demo
from dropout_ledger.store import db, projections, verify
from dropout_ledger.sync import merge
from dropout_ledger.sync.manifest import summary
from dropout_ledger.sync.wire import WireEvent
from tests.sync.county_support import (  # noqa: F401 - isolated_markers is an autouse fixture
    isolated_markers,
    make_county,
)
from tests.sync.support import dump

FOLD_SETTINGS = settings(max_examples=20, deadline=None, derandomize=False,
                         suppress_health_check=[HealthCheck.too_slow,
                                                HealthCheck.data_too_large])


def _merge(conn: sqlite3.Connection, events: list[WireEvent], *, bulk: bool,
           sha: str = "0" * 64) -> merge.MergeResult:
    with db.immediate(conn):
        result = merge.merge(conn, events, package_sha=sha, bulk=bulk)
        assert merge.self_check(conn, result, events) == []
    return result


def _same_both_ways(folder: Path, parts: list[list[WireEvent]]) -> set[str]:
    """Merge `parts` in order into a bulk and a one-by-one ledger; returns the bulk pupils."""
    fast, slow = bare(folder / "bulk.sqlite"), bare(folder / "slow.sqlite")
    folded: set[str] = set()
    try:
        for number, part in enumerate(parts):
            sha = f"{number:064x}"
            done = _merge(fast, part, bulk=True, sha=sha)
            reference = _merge(slow, part, bulk=False, sha=sha)
            assert reference.bulk_students == set()
            assert state(fast) == state(slow), number
            assert done.students == reference.students
            assert done.conflicts_opened == reference.conflicts_opened
            folded |= done.bulk_students
    finally:
        fast.close()
        slow.close()
    for name in ("bulk", "slow"):
        check = verify._rebuild(folder / f"{name}.sqlite")
        assert check.ok, check.problems
    return folded


@FOLD_SETTINGS
@given(data=st.data(), seed=st.integers(0, 10_000), steps=st.integers(4, 22))
def test_bulk_fold_equals_one_by_one_on_random_histories(
        data: st.DataObject, seed: int, steps: int) -> None:
    """Concurrent edits, conflicts, statuses and their retractions, records, reinstalls."""
    ids = random.Random(seed)
    fixed_ids = mock.patch("uuid.uuid4", lambda: uuid.UUID(int=ids.getrandbits(128), version=4))
    with tempfile.TemporaryDirectory() as folder, fixed_ids:
        history = History(Path(folder), seed)
        try:
            history.setup(data)
            for _ in range(steps):
                history.step(data)
            events = union(history)
        finally:
            history.close()
        rng = random.Random(seed)
        _same_both_ways(Path(folder) / "whole", [events])
        _same_both_ways(Path(folder) / "parts", packages(events, rng))


def _demo_school(folder: Path, pupils: int, seed: int) -> list[WireEvent]:
    """A demo school's events: pupils with cases, visits, escalations, pairings, subsidies."""
    with Ledger.create(folder / "school.sqlite", kind="school", code=SCHOOL_A, name="示例学校",
                       county_code=COUNTY, clock=FrozenClock(TODAY),
                       operator=PRINCIPAL) as school:
        demo.populate(school, students=pupils, seed=seed)
        rows = school.conn.execute("SELECT id FROM students ORDER BY id").fetchall()
        for number, (sid,) in enumerate(rows[:10]):  # edits on top: registers with a base
            school.students.edit(sid, {"address": f"石门村{number}组"})
            school.students.edit(sid, {"note": "家访约在周末", "address": "石门村一组"})
        return wire_events(school.conn)


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 10_000), cuts=st.integers(1, 5))
def test_a_demo_school_folds_in_bulk_and_equals_one_by_one(seed: int, cuts: int) -> None:
    """A school's first package, the county's common case: every pupil new and folded in bulk."""
    with tempfile.TemporaryDirectory() as folder:
        events = _demo_school(Path(folder), 40, seed)
        pupils = {e.header["ent"][8:] for e in events if e.header["kind"] == "student_create"}
        folded = _same_both_ways(Path(folder) / "whole", [events])
        assert folded == pupils  # nothing about them was held: all folded in bulk
        rng = random.Random(seed)
        shuffled = rng.sample(events, k=len(events))
        marks = sorted(rng.sample(range(1, len(events)), k=cuts))
        parts = [shuffled[a:b] for a, b in zip([0, *marks], [*marks, len(events)], strict=True)]
        _same_both_ways(Path(folder) / "parts", parts)  # later parts find earlier state: mixed


def test_a_pupil_the_ledger_already_knows_is_folded_one_by_one(tmp_path: Path) -> None:
    events = _demo_school(tmp_path, 12, 7)
    first = [e for e in events if e.header["kind"] in ("student_create", "replica_start",
                                                       "entity_create")]
    later = [e for e in events if e not in first]
    conn = bare(tmp_path / "county.sqlite")
    try:
        _merge(conn, first, bulk=True)
        done = _merge(conn, later, bulk=True)
        assert done.bulk_students == set() and done.students
    finally:
        conn.close()


# --- the self-check at county size -------------------------------------------------------------


def _recomputed(monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    """Record which pupils each self-check re-folds with `apply`."""
    calls: list[list[str]] = []
    real = merge.recompute_students

    def spy(conn: sqlite3.Connection, students: Sequence[str]) -> list[str]:
        calls.append(list(students))
        return real(conn, students)

    monkeypatch.setattr(merge, "recompute_students", spy)
    return calls


def test_the_county_self_check_refolds_a_sample_when_the_summary_agrees(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    world = make_county(tmp_path, ("a", "b"), students=40)
    try:
        calls = _recomputed(monkeypatch)
        assert all(o.accepted for o in world.up("a", "b"))
        assert [len(c) for c in calls] == [merge.SAMPLE, merge.SAMPLE]
        for key in ("a", "b"):
            assert summary(world.county.conn, world.org(key)) == \
                summary(world.schools[key].conn, world.org(key))
    finally:
        world.close()


def test_a_wrong_bulk_row_outside_the_sample_is_still_caught_and_nothing_changes(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A bug in the bulk fold that gets one pupil's status wrong: the sender's summary then
    disagrees, every bulk pupil is re-folded, the import is refused and rolled back."""
    world = make_county(tmp_path, ("a",), students=40)
    try:
        real = projections.FreshFold._refresh_status
        spoilt: list[str] = []

        def wrong(self: projections.FreshFold, student_id: str) -> None:
            real(self, student_id)
            if spoilt in ([], [student_id]):
                spoilt[:] = [student_id]
                self.rows["students"][student_id]["status"] = "suspended"

        monkeypatch.setattr(projections.FreshFold, "_refresh_status", wrong)
        monkeypatch.setattr(merge, "SAMPLE", 0)  # only the summary can tell
        calls = _recomputed(monkeypatch)
        before = dump(world.county)
        with pytest.raises(LedgerError, match="自检未通过"):
            world.up("a")
        assert calls == [sorted(calls[0])] and len(calls[0]) == 40
        assert dump(world.county) == before
    finally:
        world.close()
