"""Recovery (sync.md §c.10, §c.12): restores in and outside the app, forks, request_full.

Each scenario runs through real package files: what a school lost comes back from the county
in one round trip, a fork makes the county's next package full with a notice and the school
start a new replica, and a gap makes the other side send everything.
"""

from __future__ import annotations

import shutil
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from dropout_ledger.clock import FrozenClock
from dropout_ledger.ledger import Ledger, restore
from dropout_ledger.services import county as dashboard
from dropout_ledger.store import marker
from dropout_ledger.sync import enrol, exporter, flags, importer, keys, notices, vectors
from tests.sync.county_support import (  # noqa: F401 - isolated_markers is an autouse fixture
    NOW,
    SCHOOLS,
    County,
    copy_ledger,
    isolated_markers,
    make_county,
    pupil,
)


@pytest.fixture
def world(tmp_path: Path) -> Iterator[County]:
    made = make_county(tmp_path, ("a", "b"), students=20)
    made.round()
    yield made
    made.close()


def _own_events(ledger: Ledger, org: str = "") -> set[str]:
    """Event ids of `org` (default: the ledger's own organisation) held by `ledger`."""
    return {r[0] for r in ledger.conn.execute(
        "SELECT eid FROM events WHERE org = ?", (org or ledger.org_id,))}


def _confirm_new_key(world: County, key: str) -> None:
    """The clerk checks the restored install's new digits; its held package is imported."""
    school = world.schools[key]
    digits = keys.ensure(school).public.fingerprint()
    enrol.confirm_school(world.county, SCHOOLS[key][0], digits)
    outcomes = importer.import_held(world.county, world.org(key))
    assert outcomes and all(o.accepted for o in outcomes)


def _edits(ledger: Ledger, note: str, n: int = 3) -> None:
    for index in range(n):
        ledger.students.edit(pupil(ledger, index)["id"], {"note": f"{note}{index}"})


def test_an_in_app_restore_gets_back_what_it_lost_in_one_round_trip(
        world: County, tmp_path: Path) -> None:
    a = world.schools["a"]
    saved = tmp_path / "backup.sqlite"
    a.backup(saved)
    _edits(a, "备份之后")
    assert all(o.accepted for o in world.up("a"))
    before = _own_events(a)
    path = a.path
    a.close()
    restore(path, saved, clock=world.clock)
    a = world.schools["a"] = Ledger.open(path, clock=world.clock)
    lost = (before - _own_events(a)) & _own_events(world.county, a.org_id)  # less the export's audit
    assert len(lost) >= 4  # the three edits and the backup's audit
    assert a.conn.execute("SELECT reason FROM replicas WHERE rep = ?",
                          (a.replica,)).fetchone()[0] == "restore"

    [held] = world.up("a")
    assert held.code == "key_changed"  # a restored install has new keys: the clerk checks them
    _confirm_new_key(world, "a")
    world.down("a")
    assert lost <= _own_events(a)
    assert [pupil(a, i)["note"] for i in range(3)] == ["备份之后0", "备份之后1", "备份之后2"]


def test_a_ledger_restored_outside_the_app_starts_a_new_replica_at_open(
        world: County, tmp_path: Path) -> None:
    a = world.schools["a"]
    old = copy_ledger(a, tmp_path / "copied-by-hand.sqlite")
    _edits(a, "复制之后")
    world.up("a")
    before, replica, path = _own_events(a), a.replica, a.path
    found = marker.read(path)
    assert found is not None and found.replica == replica
    assert marker.marker_file(path).parent == marker.folder() == tmp_path / "markers"
    assert path.parent not in marker.marker_file(path).parents
    a.close()
    for suffix in ("-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    shutil.copyfile(old, path)  # what a technician's file manager does

    a = world.schools["a"] = Ledger.open(path, clock=world.clock)
    assert a.replica != replica and a.replica_notice and "新的副本" in a.replica_notice
    reason, parent = a.conn.execute(
        "SELECT reason, parent_rep FROM replicas WHERE rep = ?", (a.replica,)).fetchone()
    assert (reason, parent) == ("restored_outside", replica)
    again = world.reopen("a")
    assert again.replica == a.replica and again.replica_notice is None  # once only

    assert world.up("a")[0].code == "key_changed"
    _confirm_new_key(world, "a")
    world.down("a")
    assert before & _own_events(world.county, a.org_id) <= _own_events(world.schools["a"])
    assert pupil(world.schools["a"], 2)["note"] == "复制之后2"


def test_the_marker_ignores_another_ledger_at_the_same_path_and_an_in_app_restore(
        tmp_path: Path) -> None:
    clock = FrozenClock(NOW)
    path = tmp_path / "s.sqlite"
    with Ledger.create(path, kind="school", code="2152482101", name="甲", clock=clock) as first:
        first.settings.update_org(phone="13800000000")
    path.unlink()
    with Ledger.create(path, kind="school", code="2152482101", name="甲", clock=clock):
        pass
    with Ledger.open(path, clock=clock) as reopened:
        assert reopened.replica_notice is None
        assert reopened.conn.execute("SELECT count(*) FROM replicas").fetchone()[0] == 1
        saved = tmp_path / "b.sqlite"
        reopened.backup(saved)
        reopened.settings.update_org(phone="13900000000")
    restore(path, saved, clock=clock)
    with Ledger.open(path, clock=clock) as restored:
        reasons = [r[0] for r in restored.conn.execute("SELECT reason FROM replicas")]
        assert sorted(reasons) == ["install", "restore"] and restored.replica_notice is None


def test_writing_the_marker_is_cheap(tmp_path: Path) -> None:
    start = time.perf_counter()
    for seq in range(200):
        marker.write(tmp_path / "x.sqlite", origin="o", replica="r", seq=seq, head="h")
    assert (time.perf_counter() - start) / 200 < 0.005
    found = marker.read(tmp_path / "x.sqlite")
    assert found is not None and found.seq == 199
    marker.marker_file(tmp_path / "x.sqlite").write_text("{broken")
    assert marker.read(tmp_path / "x.sqlite") is None


def test_a_fork_makes_the_next_county_package_full_with_a_notice(
        world: County, tmp_path: Path) -> None:
    a = world.schools["a"]
    a.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    shutil.copytree(a.path.parent, tmp_path / "clone")  # a cloned disk: keys, replica, all
    clone = Ledger.open(tmp_path / "clone" / a.path.name, clock=world.clock)
    try:
        assert clone.replica == a.replica and clone.replica_notice is None
        _edits(a, "原机")
        _edits(clone, "克隆机")
        stick = world.stick()
        files = [e.path for e in (*exporter.export(a, stick / "1"),
                                  *exporter.export(clone, stick / "2"))]
        outcomes = importer.import_files(world.county, files)
        assert all(o.accepted for o in outcomes)
        assert flags.forks(world.county.conn, world.org("a"))
        row = {r.org: r for r in dashboard.schools(world.county)}[world.org("a")]
        assert row.fork_pending and row.chains.forks >= 1

        written = exporter.export(world.county, world.stick())
        package = next(e for e in written if e.to_org == world.org("a"))
        county_side = world.county.conn.execute(
            "SELECT count(*) FROM events WHERE org = ?", (world.org("a"),)).fetchone()[0]
        assert package.events >= county_side  # everything of the school, both branches
        assert not flags.forks(world.county.conn, world.org("a"))
        assert not any(r.fork_pending for r in dashboard.schools(world.county))

        forked = a.replica
        done = importer.import_file(a, package.path)
        assert done.accepted and any("分叉" in w for w in done.warnings)
        assert a.replica != forked
        assert a.conn.execute("SELECT reason FROM replicas WHERE rep = ?",
                              (a.replica,)).fetchone()[0] == "fork"
        [notice] = notices.notices(a)
        assert notice.topic == "fork" and "分叉" in notice.text
        assert importer.import_file(clone, package.path).accepted
        assert clone.replica not in (forked, a.replica)
        edits = "SELECT eid FROM events WHERE kind = 'update' AND org = ?"
        assert {r[0] for r in clone.conn.execute(edits, (a.org_id,))} <= \
            {r[0] for r in a.conn.execute(edits, (a.org_id,))}  # both branches' edits, kept
    finally:
        clone.close()


def test_a_gap_makes_the_other_side_send_everything(world: County) -> None:
    a = world.schools["a"]
    county_org = world.county.org_id
    _edits(a, "丢失的")
    with a.write() as w:  # a's idea of what the county holds goes wrong: these never travel
        vectors.record_peer_have(w.conn, county_org, {
            **vectors.peer_have(a.conn, county_org),
            **vectors.have(a.conn, [a.org_id])}, stated_lc=10**6)
        w.undoable = False
    [outcome] = world.up("a")
    assert outcome.accepted and outcome.new_events == 0
    assert any("补发" in w for w in outcome.warnings)
    assert flags.is_set(world.county.conn, flags.REQUEST_FULL, a.org_id)

    world.down("a")  # the county's manifest asks; the school remembers to send everything
    assert flags.is_set(a.conn, flags.SEND_FULL, county_org)
    assert exporter.is_full(a, county_org)
    assert world.up("a")[0].accepted
    assert not flags.is_set(a.conn, flags.SEND_FULL, county_org)
    assert not flags.is_set(world.county.conn, flags.REQUEST_FULL, a.org_id)
    have = vectors.have(world.county.conn, [a.org_id])[a.replica]
    assert have["seq"] == _own_seq(a) - 1  # the whole chain but the last export's audit
    assert world.county.queries.student(pupil(a)["id"])["note"] == "丢失的0"


def _own_seq(ledger: Ledger) -> int:
    return int(ledger.conn.execute("SELECT max(seq) FROM events WHERE rep = ?",
                                   (ledger.replica,)).fetchone()[0])
