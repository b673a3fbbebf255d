"""County packages carry only what is new (receipts), and reach every confirmed install.

Issue 6: a county package leaves out the county's audit trail and other schools' events on
purpose, so the school held the county's chain with holes and stated "nothing" of it; the county
then resent every county event every time. Receipts (sync/coverage.py) say which stretch a
package covered. And a school with two confirmed keys (a disk cloned before its twin was
restored) gets one package per key, so both installs keep receiving.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from dropout_ledger.errors import InputRefused
from dropout_ledger.ledger import Ledger, restore
from dropout_ledger.services import county as dashboard
from dropout_ledger.store import verify
from dropout_ledger.sync import coverage, enrol, exporter, importer, keys, listing, vectors
from dropout_ledger.sync.errors import PackageRefused
from tests.sync.county_support import (  # noqa: F401 - isolated_markers is an autouse fixture
    SCHOOLS,
    County,
    isolated_markers,
    make_county,
    pupil,
)


@pytest.fixture
def world(tmp_path: Path) -> Iterator[County]:
    made = make_county(tmp_path, ("a", "b"), students=15)
    made.round()
    yield made
    made.close()


def _package_for(world: County, written: list[exporter.Exported], key: str,
                 ledger: Ledger | None = None) -> exporter.Exported:
    """The package written for school `key`, encrypted to `ledger`'s (default: its) key."""
    holder = ledger or world.schools[key]
    fingerprint = keys.ensure(holder).public.fingerprint()
    [found] = [e for e in written if e.to_org == world.org(key) and e.enc_key == fingerprint]
    return found


def _county_events(ledger: Ledger, county: str) -> set[str]:
    return {r[0] for r in ledger.conn.execute("SELECT eid FROM events WHERE org = ?", (county,))}


def test_after_a_round_trip_the_county_sends_only_what_is_new(world: County) -> None:
    a = world.schools["a"]
    county = world.county.org_id
    world.county.settings.set_profile(primary_dropout_max_bp=40)  # a county-wide setting
    world.round()
    assert len(_county_events(a, county)) >= 4  # org, profile, receipts

    for _ in range(3):  # nothing new at the county but its own bookkeeping
        assert all(o.accepted for o in world.up("a", "b"))
        written = exporter.export(world.county, world.stick())
        package = _package_for(world, written, "a")
        assert package.events == 0  # not every county event again: nothing at all
        assert importer.import_file(a, package.path).new_events == 0
        assert importer.import_file(world.schools["b"],
                                    _package_for(world, written, "b").path).accepted

    sid = pupil(a)["id"]
    world.county.students.edit(sid, {"name": "张更正"})  # a county correction: one new event
    world.up("a")
    package = _package_for(world, exporter.export(world.county, world.stick()), "a")
    assert package.events == 2  # the correction and the receipt
    assert importer.import_file(a, package.path).new_events == 2
    assert a.queries.student(sid)["name"] == "张更正"

    # What the school states covers the holes: the county's chain up to the last receipt it
    # holds, not up to the first hole.
    world.up("a")
    stated = vectors.peer_have(world.county.conn, a.org_id)
    county_rep = world.county.replica
    last_receipt = world.county.conn.execute(
        "SELECT max(seq) FROM events WHERE ent = ? AND rep = ?",
        (coverage.ent(a.org_id), county_rep)).fetchone()[0]
    assert stated[county_rep]["seq"] == last_receipt
    assert vectors.have(a.conn, [county])[county_rep]["seq"] < last_receipt


def test_a_long_quiet_tail_is_closed_by_a_receipt(world: County,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(exporter, "RECEIPT_AFTER", 3)
    a = world.schools["a"]
    sizes = []
    for _ in range(4):
        assert all(o.accepted for o in world.up("a", "b"))
        written = exporter.export(world.county, world.stick())
        package = _package_for(world, written, "a")
        sizes.append(package.events)
        assert importer.import_file(a, package.path).accepted
        assert importer.import_file(world.schools["b"],
                                    _package_for(world, written, "b").path).accepted
    assert max(sizes) == 1 and 1 in sizes  # a receipt now and then, never a resend
    world.up("a")
    scanned = list(vectors.events_to_send(world.county.conn, peer_org=a.org_id,
                                          orgs=[world.county.org_id]))
    assert len(scanned) <= 3 + 6  # the tail above the school's mark stays short


def test_receipts_say_what_the_county_received_and_are_county_only(world: County) -> None:
    a = world.schools["a"]
    body = coverage.latest(a.conn, county=world.county.org_id, school=a.org_id)
    assert body is not None and body["school"] == a.org_id
    assert body["have"][a.replica]["seq"] >= 1  # 县里已收到贵校第1至n条
    # Every school gets its own receipts only.
    b_receipts = {r[0] for r in world.schools["b"].conn.execute(
        "SELECT ent FROM events WHERE kind = 'receipt'")}
    assert b_receipts == {coverage.ent(world.org("b"))}


def test_the_dashboard_and_verify_do_not_call_deliberate_omissions_gaps(world: County) -> None:
    world.round()
    world.round()
    rows = dashboard.schools(world.county)
    assert rows and all(r.chains.gaps == 0 for r in rows)
    a = world.schools["a"]
    assert vectors.have(a.conn, [world.county.org_id])  # the school holds the county's chain …
    chains = next(c for c in verify.verify(a.conn, a.path) if c.name == "事件哈希链")
    assert chains.ok, chains  # … with holes the county meant, which are not damage


def test_a_restored_school_does_not_trust_receipts_cut_for_its_old_state(
        world: County, tmp_path: Path) -> None:
    a = world.schools["a"]
    county = world.county.org_id
    saved = tmp_path / "backup.sqlite"
    a.backup(saved)
    sid = pupil(a)["id"]
    world.county.students.edit(sid, {"name": "张更正"})
    world.round("a")  # the correction reaches the school (after the backup)
    correction = {r[0] for r in world.county.conn.execute(
        "SELECT eid FROM events WHERE kind = 'update' AND org = ?", (county,))}
    assert correction <= _county_events(a, county)
    world.up("a")
    late = _package_for(world, exporter.export(world.county, world.stick()), "a")  # cut for
    path = a.path  # the school's state before its restore
    a.close()
    restore(path, saved, clock=world.clock)
    a = world.schools["a"] = Ledger.open(path, clock=world.clock)
    assert not correction & _county_events(a, county)
    assert importer.import_file(a, late.path).accepted  # sent to the old key, which it keeps
    rep = world.county.replica
    seq = world.county.conn.execute("SELECT seq FROM events WHERE eid IN ({})".format(
        ",".join("?" * len(correction))), sorted(correction)).fetchone()[0]
    claimed = coverage.held(a.conn, county=county, school=a.org_id, replica=a.replica)
    assert claimed[rep]["seq"] < seq  # the lost correction is not claimed as held

    assert world.up("a")[0].code == "key_changed"
    digits = keys.ensure(a).public.fingerprint()
    enrol.confirm_school(world.county, SCHOOLS["a"][0], digits)
    assert all(o.accepted for o in importer.import_held(world.county, a.org_id))
    world.down("a")
    assert correction <= _county_events(a, county)
    assert a.queries.student(sid)["name"] == "张更正"


def test_a_clone_made_before_its_twin_was_restored_still_receives(
        world: County, tmp_path: Path) -> None:
    a = world.schools["a"]
    saved = tmp_path / "backup.sqlite"
    a.backup(saved)
    a.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    shutil.copytree(a.path.parent, tmp_path / "clone")  # the twin: same replica, same keys
    twin = Ledger.open(tmp_path / "clone" / a.path.name, clock=world.clock)
    try:
        path = a.path
        a.close()
        restore(path, saved, clock=world.clock)  # the original is restored: new replica, keys
        a = world.schools["a"] = Ledger.open(path, clock=world.clock)
        assert world.up("a")[0].code == "key_changed"
        digits = keys.ensure(a).public.fingerprint()
        enrol.confirm_school(world.county, SCHOOLS["a"][0], digits)
        assert all(o.accepted for o in importer.import_held(world.county, a.org_id))
        assert importer.import_files(world.county, [
            e.path for e in exporter.export(twin, world.stick())])[0].accepted

        sid = pupil(a)["id"]
        world.county.students.edit(sid, {"name": "张更正"})
        written = exporter.export(world.county, world.stick())
        mine = [e for e in written if e.to_org == a.org_id]
        assert len(mine) == 2  # one per confirmed key: the restored install's and the twin's
        assert {e.enc_key for e in mine} == {keys.ensure(a).public.fingerprint(),
                                             keys.ensure(twin).public.fingerprint()}
        for ledger in (a, twin):
            own = _package_for(world, written, "a", ledger)
            assert importer.import_file(ledger, own.path).accepted
            assert ledger.queries.student(sid)["name"] == "张更正"
        # The restored install kept its old key and may open both copies (the second changes
        # nothing); the twin never had the new key: the other copy is not for it …
        again = next(e for e in mine if e.enc_key == keys.ensure(twin).public.fingerprint())
        assert importer.import_file(a, again.path).new_events == 0
        with pytest.raises(PackageRefused) as refused:
            importer.import_file(twin, _package_for(world, written, "a", a).path)
        assert refused.value.code == "wrong_recipient"
        # … and the sync screen says so instead of calling it blocked.
        twin_copy = next(e for e in mine if e.enc_key == keys.ensure(a).public.fingerprint())
        info = listing.describe_file(twin, twin_copy.path)
        assert info.state == listing.OTHER and "另一台电脑" in info.reason

        # Both installs' own events reach each other through the county.
        twin.students.edit(pupil(twin, 1)["id"], {"note": "双胞胎机"})
        a.students.edit(pupil(a, 2)["id"], {"note": "恢复机"})
        assert all(o.accepted for o in importer.import_files(world.county, [
            e.path for ledger in (a, twin) for e in exporter.export(ledger, world.stick())]))
        written = exporter.export(world.county, world.stick())
        for ledger in (a, twin):
            assert importer.import_file(ledger, _package_for(world, written, "a", ledger).path
                                        ).accepted
        for ledger in (a, twin):
            assert pupil(ledger, 1)["note"] == "双胞胎机" and pupil(ledger, 2)["note"] == "恢复机"
    finally:
        twin.close()


def test_the_clerk_revokes_an_old_key_and_the_school_gets_one_package_again(
        world: County, tmp_path: Path) -> None:
    a = world.schools["a"]
    old = keys.ensure(a).public.fingerprint()
    saved = tmp_path / "backup.sqlite"
    a.backup(saved)
    path = a.path
    a.close()
    restore(path, saved, clock=world.clock)  # a new replica and a new key
    a = world.schools["a"] = Ledger.open(path, clock=world.clock)
    world.up("a")
    new = keys.ensure(a).public.fingerprint()
    enrol.confirm_school(world.county, SCHOOLS["a"][0], new)
    importer.import_held(world.county, a.org_id)
    assert len([e for e in exporter.export(world.county, world.stick())
                if e.to_org == a.org_id]) == 2

    def keys_on_dashboard() -> tuple[str, int]:
        [row] = [r for r in dashboard.schools(world.county) if r.org == a.org_id]
        return row.key_status, row.active_keys

    assert keys_on_dashboard() == ("active", 2)  # the clerk is told to revoke one
    with pytest.raises(InputRefused, match="只有县级台账"):
        enrol.revoke_school_key(a, SCHOOLS["a"][0], old)
    assert enrol.revoke_school_key(world.county, SCHOOLS["a"][0], old).events == 1
    assert enrol.active_school_keys(world.county, SCHOOLS["a"][0]) == 1
    statuses = {k.fingerprint: k.status for k in enrol.school_keys(world.county, SCHOOLS["a"][0])}
    assert statuses[old] == "revoked" and statuses[new] == "active"
    assert keys_on_dashboard() == ("active", 1)
    [only] = [e for e in exporter.export(world.county, world.stick()) if e.to_org == a.org_id]
    assert only.enc_key == new
    assert importer.import_file(a, only.path).accepted
