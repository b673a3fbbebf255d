"""Arrival order never matters: the spots that depended on it, each in every order.

Each scenario is written by real ledgers through the services; its events are then merged into
bare ledgers one at a time in every order (or many random ones) and must give the same tables.
"""

from __future__ import annotations

import itertools
import random
from collections.abc import Iterator
from pathlib import Path

import pytest
from sync_helpers import (
    COUNTY,
    PRINCIPAL,
    SCHOOL_A,
    TODAY,
    bare_memory,
    make_ledgers,
    merge_package,
    state,
    sync,
    wire_events,
)

from dropout_ledger.clock import FrozenClock
from dropout_ledger.ledger import Ledger
from dropout_ledger.model.status import Status
from dropout_ledger.sync.wire import WireEvent
from dropout_ledger.synthetic import SyntheticFactory


@pytest.fixture
def trio(tmp_path: Path) -> Iterator[dict[str, Ledger]]:
    ledgers = make_ledgers(tmp_path, FrozenClock(TODAY))
    yield ledgers
    for ledger in ledgers.values():
        ledger.close()


def _pupil(ledger: Ledger) -> str:
    fields = SyntheticFactory(4).student(grade=2, today=TODAY.date())
    return ledger.students.add(fields, effective_date="2025-09-01").created[0]


def _new_since(ledger: Ledger, known: set[str]) -> list[WireEvent]:
    return [e for e in wire_events(ledger.conn) if e.eid not in known]


def _every_order_agrees(base: list[WireEvent], moving: list[WireEvent]) -> dict[str, list]:
    """Merge `base` first, then `moving` one event at a time in every (or many) orders."""
    orders = list(itertools.permutations(moving)) if len(moving) <= 5 else [
        random.Random(n).sample(moving, k=len(moving)) for n in range(60)]
    states = []
    for order in orders:
        conn = bare_memory()
        merge_package(conn, base)
        for event in order:
            merge_package(conn, [event])
        states.append(state(conn))
        conn.close()
    assert all(s == states[0] for s in states)
    return states[0]


def test_a_retraction_that_arrives_before_its_status_still_retracts_it(trio) -> None:
    school, county = trio["A"], trio["C"]
    sid = _pupil(school)
    base = wire_events(school.conn)
    school.status.change(sid, Status.SUSPENDED, effective_date=TODAY.date())
    sync(school, county)
    fact = school.conn.execute(
        "SELECT eid FROM status_facts WHERE code = 'suspended'").fetchone()[0]
    school.status.retract(fact, "录错了")
    county.status.retract(fact, "县里核实：未休学")  # both retract it: one reason is shown
    sync(county, school)
    moving = _new_since(school, {e.eid for e in base})
    tables = _every_order_agrees(base, moving)
    [student] = tables["students"]
    assert student[tables_index("students", "status")] == "enrolled"
    retractions = sorted((e.header["lc"], e.eid, e.body_obj["reason"]) for e in moving
                         if e.header["kind"] == "retract")
    facts = {row[0]: row for row in tables["status_facts"]}
    assert len(retractions) == 2 and facts[fact][-2:] == (1, retractions[0][2])


def tables_index(table: str, column: str) -> int:
    conn = bare_memory()
    names = [d[0] for d in conn.execute(f"SELECT * FROM {table} LIMIT 0").description]
    conn.close()
    return names.index(column)


def test_record_amendments_and_retraction_before_the_record(trio) -> None:
    school, county = trio["A"], trio["C"]
    sid = _pupil(school)
    record = school.records.add("absence", {"student_id": sid, "date": TODAY.date()}).created[0]
    base = [e for e in wire_events(school.conn) if not e.header["ent"].startswith("absence:")]
    sync(school, county)
    school.records.amend("absence", record, {"note": "已电话联系", "excused": True})
    county.records.amend("absence", record, {"note": "县里抽查"})
    county.records.retract("absence", record, "重复登记")
    sync(county, school)
    moving = [e for e in wire_events(school.conn) if e.header["ent"] == f"absence:{record}"]
    tables = _every_order_agrees(base, moving)
    [row] = tables["rec_absence"]
    assert row[tables_index("rec_absence", "retracted")] == 1
    assert row[tables_index("rec_absence", "excused")] == 1
    assert [(r[0], r[1]) for r in tables["conflicts"]] == [(f"absence:{record}", "note")]


def test_a_forked_status_log_is_a_conflict_in_every_order(trio) -> None:
    school, county = trio["A"], trio["C"]
    sid = _pupil(school)
    sync(school, county)
    base = wire_events(county.conn)
    school.status.change(sid, Status.SUSPECTED, effective_date=TODAY.date(), reason_code="02")
    county.status.change(sid, Status.SUSPENDED, effective_date=TODAY.date())
    sync(school, county)
    moving = _new_since(county, {e.eid for e in base})
    tables = _every_order_agrees(base, moving)
    assert [(r[0], r[1]) for r in tables["conflicts"]] == [(f"student:{sid}", "status")]


def test_an_organisation_created_twice_is_two_heads_in_every_order(tmp_path: Path) -> None:
    clock = FrozenClock(TODAY)
    first = Ledger.create(tmp_path / "1.sqlite", kind="school", code=SCHOOL_A, name="坪坝镇中心学校",
                          county_code=COUNTY, clock=clock, operator=PRINCIPAL)
    again = Ledger.create(tmp_path / "2.sqlite", kind="school", code=SCHOOL_A, name="坪坝镇中心完小",
                          county_code=COUNTY, clock=clock, operator=PRINCIPAL)
    try:
        first.settings.update_org(phone="0851-1234567")
        moving = wire_events(first.conn) + wire_events(again.conn)
        tables = _every_order_agrees([], moving)
    finally:
        first.close()
        again.close()
    assert [(r[0], r[1]) for r in tables["conflicts"]] == [(f"org:S:{SCHOOL_A}", "name")]
    settings = {(r[0], r[1]): r[2] for r in tables["settings"]}
    assert settings[(f"org:S:{SCHOOL_A}", "phone")] == '"0851-1234567"'


def test_one_file_attached_twice_under_two_names(trio) -> None:
    scan = b"\x89PNG\r\n\x1a\nsame-scan"
    trio["A"].records.add_attachment(scan, name="回执.png")
    trio["C"].records.add_attachment(scan, name="送达回证.png")
    moving = [e for ledger in (trio["A"], trio["C"]) for e in wire_events(ledger.conn)
              if e.header["kind"] == "attachment_add"]
    tables = _every_order_agrees([], moving)
    assert len(tables["attachments"]) == 1
