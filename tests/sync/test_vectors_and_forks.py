"""Have-vectors, peers' statements, what to send; forks kept; the m003 migration."""

from __future__ import annotations

import itertools
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from sync_helpers import (
    TODAY,
    bare,
    make_ledgers,
    merge_package,
    sync,
    wire_events,
)

from dropout_ledger.clock import FrozenClock
from dropout_ledger.errors import InputRefused
from dropout_ledger.ledger import Ledger
from dropout_ledger.store import db, projections, schema, verify
from dropout_ledger.store import sqlite as sqlite3  # the core's driver (SQLCipher)
from dropout_ledger.store.events import EventWriter, Operator
from dropout_ledger.sync import vectors
from dropout_ledger.sync.wire import WireEvent
from dropout_ledger.synthetic import SyntheticFactory


@pytest.fixture
def trio(tmp_path: Path) -> Iterator[dict[str, Ledger]]:
    ledgers = make_ledgers(tmp_path, FrozenClock(TODAY))
    yield ledgers
    for ledger in ledgers.values():
        ledger.close()


_SEEDS = itertools.count(1)


def _work(ledger: Ledger, pupils: int = 2) -> list[str]:
    factory = SyntheticFactory(next(_SEEDS))
    ids = []
    for _ in range(pupils):
        fields = factory.student(grade=3, today=TODAY.date())
        ids += ledger.students.add(fields, effective_date="2025-09-01").created
    return ids


def _by_seq(events: list[WireEvent]) -> dict[int, WireEvent]:
    return {e.header["seq"]: e for e in events}


# --- have -----------------------------------------------------------------------------------


def test_have_names_the_highest_contiguous_seq_of_each_replica(trio, tmp_path: Path) -> None:
    school = trio["A"]
    _work(school, 3)
    mine = vectors.have(school.conn)
    events = _by_seq(wire_events(school.conn))
    top = max(events)
    assert mine == {school.replica: {"org": school.org_id, "seq": top, "head": events[top].eid}}
    assert vectors.have(school.conn, orgs=["C:524821"]) == {}

    county = bare(tmp_path / "gaps.sqlite")
    merge_package(county, [e for s, e in events.items() if s != 4])  # seq 4 lost on the way
    assert vectors.have(county)[school.replica] == {
        "org": school.org_id, "seq": 3, "head": events[3].eid}
    other = bare(tmp_path / "late.sqlite")
    merge_package(other, [e for s, e in events.items() if s != 1])
    assert vectors.have(other)[school.replica]["seq"] == 0
    merge_package(county, [events[4]])
    assert vectors.have(county)[school.replica]["seq"] == top
    county.close()
    other.close()


def test_a_peers_statement_is_replaced_only_by_a_newer_one(trio) -> None:
    county = trio["C"].conn
    statement = {"r" * 32: {"org": "S:2152482101", "seq": 5, "head": "a" * 64}}
    newer = {"r" * 32: {"org": "S:2152482101", "seq": 9, "head": "b" * 64},
             "q" * 32: {"org": "C:524821", "seq": 2, "head": "c" * 64}}
    with db.immediate(county):
        vectors.record_peer_have(county, "S:2152482101", statement, stated_lc=10)
        vectors.record_peer_have(county, "S:2152482101", newer, stated_lc=20)
        vectors.record_peer_have(county, "S:2152482101", statement, stated_lc=15)  # replayed
        vectors.record_peer_have(county, "S:2152482101", statement, stated_lc=20)
    assert vectors.peer_have(county, "S:2152482101") == newer
    assert vectors.peer_stated_lc(county, "S:2152482101") == 20
    assert vectors.peer_have(county, "S:2152482102") == {}
    with pytest.raises(InputRefused, match="格式不对"):
        vectors.record_peer_have(county, "S:2152482101", {"r" * 32: {"seq": "9"}}, 30)


def test_events_to_send_are_those_above_the_peers_have_in_clock_order(trio) -> None:
    school, county = trio["A"], trio["C"]
    _work(school, 2)
    sync(school, county)
    county.students.edit(_ids(county)[0], {"address": "县里更正"})
    _work(school, 1)
    sync(school, county)
    ours = wire_events(county.conn)

    def sent(org_list: list[str]) -> list[bytes]:
        return [hdr for hdr, _ in vectors.events_to_send(county.conn, peer_org=school.org_id,
                                                         orgs=org_list)]

    both = [county.org_id, school.org_id]
    everything = sorted((e for e in ours if e.header["org"] in both),
                        key=lambda e: (e.header["lc"], e.eid))
    assert sent(both) == [e.hdr for e in everything]

    school_have = vectors.have(school.conn)
    with db.immediate(county.conn):
        vectors.record_peer_have(county.conn, school.org_id, school_have, stated_lc=99)
    assert sent([school.org_id]) == []  # the school has all its own events
    county_only = [e.hdr for e in everything if e.header["org"] == county.org_id]
    assert sent(both) == county_only

    stale = {rep: {**entry, "seq": 3} for rep, entry in school_have.items()}
    with db.immediate(county.conn):
        vectors.record_peer_have(county.conn, school.org_id, stale, stated_lc=100)
    assert sent([school.org_id]) == [e.hdr for e in everything if e.header["org"] ==
                                     school.org_id]  # head at seq 3 differs: all of it


def _ids(ledger: Ledger) -> list[str]:
    return [r[0] for r in ledger.conn.execute("SELECT id FROM students ORDER BY id")]


# --- forks ----------------------------------------------------------------------------------


def test_a_cloned_ledger_forks_and_both_branches_are_kept(trio, tmp_path: Path) -> None:
    school, county = trio["A"], trio["C"]
    sid = _work(school, 1)[0]
    school.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    shutil.copyfile(school.path, tmp_path / "clone.sqlite")  # the disk cloned, lock and all
    clone = Ledger.open(tmp_path / "clone.sqlite", clock=school.clock, operator=school.operator)
    try:
        school.students.edit(sid, {"address": "原机填写"})
        clone.students.edit(sid, {"address": "克隆机填写"})
        fork_seq = vectors.have(school.conn)[school.replica]["seq"]
        assert vectors.have(clone.conn)[school.replica]["seq"] == fork_seq
        sync(school, county)
        result = sync(clone, county)
        assert result.forks == [(school.replica, fork_seq)]
        assert county.conn.execute(
            "SELECT count(*) FROM events WHERE rep = ? AND seq = ?",
            (school.replica, fork_seq)).fetchone()[0] == 2
        assert (f"student:{sid}", "address") in {
            (v.ent, v.field) for v in county.conflicts.list()}

        clone.students.edit(sid, {"note": "克隆机继续"})  # continues its own branch
        assert sync(clone, county).forks == []
        sync(county, school)  # the original receives the clone's branch back
        school.students.edit(sid, {"class_name": "3班"})
        seqs = [r[0] for r in school.conn.execute(
            "SELECT seq FROM events WHERE rep = ? ORDER BY seq", (school.replica,))]
        assert seqs[-1] == max(seqs[:-1]) + 1  # the writer keeps counting past the fork
    finally:
        clone.close()


# --- the migration --------------------------------------------------------------------------


def test_m003_rebuilds_events_without_unique_seq_keeping_rows_and_guards(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    conn = db.create_new(path)
    from sqlite_utils import Database

    with db.immediate(conn):
        schema.migrations.apply(Database(conn), stop_before="m003_sync")
        projections.create_tables(conn)
        writer = EventWriter(conn, org="S:2152482101", rep="a" * 32,
                             operator=Operator("x", "某人"), clock=FrozenClock(TODAY))
        for n in range(3):
            projections.apply(conn, writer.append("audit", "ledger", {"n": n}))
    before = conn.execute("SELECT rowid, * FROM events ORDER BY rowid").fetchall()
    with pytest.raises(sqlite3.IntegrityError):
        with db.immediate(conn):
            conn.execute("INSERT INTO events SELECT * FROM events WHERE seq = 1")
    db.migrate(conn)
    assert db.pending_migrations(conn) == []
    assert conn.execute("SELECT rowid, * FROM events ORDER BY rowid").fetchall() == before
    indexes = {r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'events'")}
    assert {"events_rep_seq", "events_ent", "events_lc"} <= indexes
    for table in ("peer_have", "imported_packages", "exported_packages"):
        conn.execute(f"SELECT * FROM {table}")
    with pytest.raises(sqlite3.IntegrityError, match="immutable"):
        conn.execute("UPDATE events SET kind = 'x'")
    with pytest.raises(sqlite3.IntegrityError, match="immutable"):
        conn.execute("DELETE FROM events")
    with db.immediate(conn):  # a second event at one (rep, seq): a fork, now storable
        conn.execute(
            "INSERT INTO events (eid, org, rep, seq, lc, kind, ent, prev, hdr, body, body_hash)"
            " SELECT 'fork-' || eid, org, rep, seq, lc, kind, ent, prev, hdr, body,"
            " body_hash FROM events WHERE seq = 2")
    conn.close()
    check = verify._rebuild(path)
    assert check.ok, check.problems
