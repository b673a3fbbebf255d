"""The trust table: pinning, confirming by digits, revoking, and who may send."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from dropout_ledger.errors import NotFound
from dropout_ledger.ledger import Ledger
from dropout_ledger.sync import trust
from dropout_ledger.sync.errors import PackageRefused
from dropout_ledger.sync.keys import KeyPair
from tests.sync.support import OTHER, SCHOOL, dump, fixed_pair, refused


def _status(ledger: Ledger, org: str) -> list[tuple[str, str, str]]:
    return [(row.fingerprint, row.status, row.method) for row in trust.lookup(ledger.conn, org)]


def test_the_migration_adds_the_table_to_an_older_ledger(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    Ledger.create(path, kind="school", code="2152482101", name="坪坝镇中心学校").close()
    conn = sqlite3.connect(path)
    conn.execute("DROP TABLE trust")
    conn.execute("DELETE FROM _sqlite_migrations WHERE name = 'm002_trust'")
    conn.commit()
    conn.close()
    with Ledger.open(path) as ledger:
        assert trust.lookup(ledger.conn, SCHOOL) == []
        names = [r[0] for r in ledger.conn.execute("SELECT name FROM _sqlite_migrations")]
        assert "m002_trust" in names


def test_pin_lookup_and_check(county: Ledger, school_keys: KeyPair) -> None:
    with county.write() as w:
        trust.pin(w.conn, school_keys.public, status="active", confirmed_by="张科员",
                  method="fingerprint", wall="2026-11-22T10:00:00+08:00")
    [row] = trust.lookup(county.conn, SCHOOL)
    assert row.keys == school_keys.public and row.status == "active"
    assert (row.confirmed_by, row.method, row.pinned) == ("张科员", "fingerprint",
                                                          "2026-11-22T10:00:00+08:00")
    assert trust.check_sender(county.conn, school_keys.public) == row
    with pytest.raises(ValueError):
        trust.pin(county.conn, school_keys.public, status="trusted", confirmed_by="", method="")


def test_confirm_a_key_learnt_from_a_first_package(county: Ledger,
                                                   school_keys: KeyPair) -> None:
    with county.write() as w:
        trust.expect(w.conn, SCHOOL, by="张科员")
    with pytest.raises(PackageRefused) as excinfo:
        trust.check_sender(county.conn, school_keys.public)
    refused("held", excinfo)
    with county.write() as w:  # what the importer does with a held package's key
        trust.hold(w.conn, school_keys.public)
        trust.hold(w.conn, school_keys.public)
    fingerprint = school_keys.public.fingerprint()
    assert ("", "pending", "enrolled") in _status(county, SCHOOL)
    assert (fingerprint, "pending", "first_package") in _status(county, SCHOOL)
    before = dump(county)
    with pytest.raises(PackageRefused) as excinfo, county.write() as w:
        trust.confirm(w.conn, SCHOOL, "12345 67890 12345 67890 12345 67890", by="张科员",
                      method="phone")
    assert fingerprint in refused("fingerprint_mismatch", excinfo).message
    assert dump(county) == before
    with county.write() as w:
        keys = trust.confirm(w.conn, SCHOOL, fingerprint.replace(" ", "-"), by="张科员",
                             method="phone")
    assert keys == school_keys.public
    assert _status(county, SCHOOL) == [(fingerprint, "active", "phone")]
    assert trust.check_sender(county.conn, school_keys.public).status == "active"


def test_pin_by_digits_before_the_first_package(county: Ledger, school_keys: KeyPair) -> None:
    fingerprint = school_keys.public.fingerprint()
    with county.write() as w:
        trust.expect(w.conn, SCHOOL, by="张科员")
        assert trust.confirm(w.conn, SCHOOL, fingerprint, by="张科员", method="fingerprint") is None
    row = trust.check_sender(county.conn, school_keys.public)
    assert row.keys is None and row.fingerprint == fingerprint and row.status == "active"
    impostor = fixed_pair(SCHOOL, 21)
    with pytest.raises(PackageRefused) as excinfo:
        trust.check_sender(county.conn, impostor.public)
    assert impostor.public.fingerprint() in refused("key_changed", excinfo).message
    with county.write() as w:  # the importer completes the pin when it imports
        trust.pin(w.conn, school_keys.public, status="active", confirmed_by=row.confirmed_by,
                  method=row.method)
    assert _status(county, SCHOOL) == [(fingerprint, "active", "fingerprint")]


def test_revoke_and_refusals(county: Ledger, school_keys: KeyPair) -> None:
    fingerprint = school_keys.public.fingerprint()
    with pytest.raises(NotFound):
        trust.confirm(county.conn, SCHOOL, fingerprint, by="x", method="phone")
    with pytest.raises(PackageRefused) as excinfo:
        trust.check_sender(county.conn, school_keys.public)
    refused("unknown_sender", excinfo)
    with county.write() as w:
        trust.pin(w.conn, school_keys.public, status="active", confirmed_by="x", method="y")
        trust.revoke(w.conn, SCHOOL, fingerprint)
    with pytest.raises(PackageRefused) as excinfo:
        trust.check_sender(county.conn, school_keys.public)
    refused("revoked", excinfo)
    with pytest.raises(PackageRefused) as excinfo:
        trust.confirm(county.conn, SCHOOL, fingerprint, by="x", method="phone")
    refused("revoked", excinfo)
    with pytest.raises(NotFound):
        trust.revoke(county.conn, OTHER, fingerprint)
    replacement = fixed_pair(SCHOOL, 23)  # the new install after a lost laptop: held, not changed
    with pytest.raises(PackageRefused) as excinfo:
        trust.check_sender(county.conn, replacement.public)
    refused("held", excinfo)


def test_a_key_pinned_for_one_school_cannot_speak_for_another(county: Ledger) -> None:
    one = fixed_pair(SCHOOL, 25)
    with county.write() as w:
        trust.pin(w.conn, one.public, status="active", confirmed_by="x", method="y")
        trust.expect(w.conn, OTHER, by="x")
    posing = KeyPair(OTHER, one.rep, one.sign, one.enc).public
    with pytest.raises(PackageRefused) as excinfo:
        trust.check_sender(county.conn, posing)
    refused("other_school", excinfo)
