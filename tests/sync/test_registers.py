"""Field registers across ledgers: causality, identical values, and the county's precedence."""

from __future__ import annotations

import random
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path
from unittest import mock

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sync_helpers import TODAY, conflicts, make_ledgers, sync

from dropout_ledger.clock import FrozenClock
from dropout_ledger.ledger import Ledger
from dropout_ledger.synthetic import SyntheticFactory

VALUES = {"name": ["曾强", "王芳", "欧阳娜娜"], "address": ["一组", "二组", "三组"],
          "class_name": ["1班", "2班"], "left_behind": ["0", "1", "2"]}
FEW = settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.fixture
def trio(tmp_path: Path) -> Iterator[dict[str, Ledger]]:
    ledgers = make_ledgers(tmp_path, FrozenClock(TODAY))
    yield ledgers
    for ledger in ledgers.values():
        ledger.close()


def _pupil(ledgers: dict[str, Ledger], seed: int = 1) -> str:
    """A pupil registered at school A and delivered to the county."""
    fields = SyntheticFactory(seed).student(grade=4, today=TODAY.date())
    sid = ledgers["A"].students.add(fields, effective_date="2025-09-01").created[0]
    sync(ledgers["A"], ledgers["C"])
    return sid


def _shown(ledger: Ledger, sid: str, field: str) -> object:
    student = ledger.queries.student(sid)
    assert student is not None
    return student[field]


def _fresh(seed: int) -> tuple[tempfile.TemporaryDirectory[str], dict[str, Ledger], str]:
    folder = tempfile.TemporaryDirectory()
    ledgers = make_ledgers(Path(folder.name), FrozenClock(TODAY))
    return folder, ledgers, _pupil(ledgers, seed)


@FEW
@given(seed=st.integers(0, 1000), field=st.sampled_from(sorted(VALUES)),
       edits=st.lists(st.tuples(st.sampled_from(["A", "C"]), st.integers(0, 2)),
                      min_size=1, max_size=6))
def test_a_causally_later_edit_always_wins(seed: int, field: str,
                                          edits: list[tuple[str, int]]) -> None:
    ids = random.Random(seed)
    with mock.patch("uuid.uuid4", lambda: uuid.UUID(int=ids.getrandbits(128), version=4)):
        folder, ledgers, sid = _fresh(seed)
        try:
            last = _shown(ledgers["A"], sid, field)
            for where, pick in edits:
                other = "C" if where == "A" else "A"
                value = VALUES[field][pick % len(VALUES[field])]
                ledgers[where].students.edit(sid, {field: value})
                last = _shown(ledgers[where], sid, field)
                sync(ledgers[where], ledgers[other])  # the next edit has seen this one
            for ledger in (ledgers["A"], ledgers["C"]):
                assert _shown(ledger, sid, field) == last
                assert conflicts(ledger.conn) == set()
        finally:
            for ledger in ledgers.values():
                ledger.close()
            folder.cleanup()


@FEW
@given(seed=st.integers(0, 1000), field=st.sampled_from(sorted(VALUES)),
       pick=st.integers(0, 2), extra=st.integers(0, 3))
def test_identical_concurrent_values_are_never_a_conflict(seed: int, field: str, pick: int,
                                                          extra: int) -> None:
    ids = random.Random(seed)
    with mock.patch("uuid.uuid4", lambda: uuid.UUID(int=ids.getrandbits(128), version=4)):
        folder, ledgers, sid = _fresh(seed)
        try:
            value = VALUES[field][pick % len(VALUES[field])]
            for _ in range(extra):  # unrelated work, so the two clocks differ
                ledgers["A"].settings.add_operator("杨老师", "class_teacher")
            for where in ("A", "C"):
                ledgers[where].students.edit(sid, {field: value})
            sync(ledgers["A"], ledgers["C"])
            sync(ledgers["C"], ledgers["A"])
            for ledger in (ledgers["A"], ledgers["C"]):
                assert _shown(ledger, sid, field) == value
                assert conflicts(ledger.conn) == set()
        finally:
            for ledger in ledgers.values():
                ledger.close()
            folder.cleanup()


def test_identical_edits_on_both_sides_leave_two_heads_and_no_conflict(trio) -> None:
    sid = _pupil(trio)
    trio["A"].students.edit(sid, {"address": "石门村五组"})
    trio["C"].students.edit(sid, {"address": "石门村五组"})
    sync(trio["A"], trio["C"])
    heads = trio["C"].conn.execute(
        "SELECT count(*) FROM field_heads WHERE field = 'address'").fetchone()[0]
    assert heads == 2 and conflicts(trio["C"].conn) == set()


def test_the_county_wins_a_tie_on_identity_fields_even_with_a_lower_clock(trio) -> None:
    school, county = trio["A"], trio["C"]
    sid = _pupil(trio)
    county.students.edit(sid, {"name": "曾强"})  # the county's correction
    for _ in range(5):  # the school keeps working: its clock runs ahead of the county's
        school.settings.add_operator("杨老师", "class_teacher")
    school.students.edit(sid, {"name": "王芳"})  # concurrently, not having seen it
    sync(school, county)
    sync(county, school)
    for ledger in (school, county):
        assert _shown(ledger, sid, "name") == "曾强"
        assert conflicts(ledger.conn) == {(f"student:{sid}", "name")}
    view = school.conflicts.get(f"student:{sid}", "name")
    assert view.kind == "override" and view.label == "姓名"
    assert [(v.org_label, v.shown, v.winner) for v in view.values] == [
        ("县教育局", "曾强", True), ("本校", "王芳", False)]

    school.students.edit(sid, {"name": "王芳"})  # after seeing the correction: wins normally
    sync(school, county)
    for ledger in (school, county):
        assert _shown(ledger, sid, "name") == "王芳"
        assert conflicts(ledger.conn) == set()


def test_school_owned_fields_have_no_precedence(trio) -> None:
    school, county = trio["A"], trio["C"]
    sid = _pupil(trio)
    county.students.edit(sid, {"address": "县里填的地址"})
    for _ in range(3):
        school.settings.add_operator("杨老师", "class_teacher")
    school.students.edit(sid, {"address": "学校填的地址"})
    sync(school, county)
    sync(county, school)
    for ledger in (school, county):
        assert _shown(ledger, sid, "address") == "学校填的地址"  # the higher clock
    assert school.conflicts.get(f"student:{sid}", "address").kind == "field"
