"""Upgrades: a ledger written by every released schema opens, migrates after a backup, keeps every
event and every pupil, and passes `verify` (issue 8 item 6).

The fixtures are committed in tests/data/ledgers/ by tools/make_upgrade_fixture.py, one school
and one county per schema, with manifest.json saying what each holds. Each test works on a COPY
in a temporary folder: the committed files are never opened by the app, and their SHA-256 is
checked before and after.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import shutil
import sqlite3
from pathlib import Path

import pytest
from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from dropout_ledger import __version__
from dropout_ledger.clock import FrozenClock
from dropout_ledger.ledger import Ledger
from dropout_ledger.store import backup, schema
from dropout_ledger.store.verify import verify

LEDGERS = Path(__file__).resolve().parents[1] / "data" / "ledgers"
MANIFEST: dict[str, dict] = json.loads((LEDGERS / "manifest.json").read_text(encoding="utf-8"))
LATER = FrozenClock(dt.datetime(2027, 3, 1, 8, 0))
"""Upgrades happen later than the fixture was written."""


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def copied(name: str, tmp_path: Path) -> Path:
    original = LEDGERS / name
    assert sha256(original) == MANIFEST[name]["sha256"], f"{name} was rewritten"
    target = tmp_path / "school" / name
    target.parent.mkdir()
    shutil.copyfile(original, target)
    return target


def truth(path: Path) -> tuple[dict[str, bytes], dict[str, tuple]]:
    """Every event's stored bytes by id, and every pupil's identity and status, read-only."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        events = {eid: bytes(hdr) + b"|" + bytes(body or b"") for eid, hdr, body in
                  conn.execute("SELECT eid, hdr, body FROM events")}
        pupils = {row[0]: tuple(row[1:]) for row in conn.execute(
            "SELECT id, name, id_number, xjh, grade, class_name, status, retracted"
            " FROM students")}
    finally:
        conn.close()
    return events, pupils


def test_there_is_a_fixture_pair_for_this_version():
    """A release bumps the version: run tools/make_upgrade_fixture.py before it ships."""
    kinds = {entry["kind"] for entry in MANIFEST.values() if entry["app_version"] == __version__}
    assert kinds == {"school", "county"}


def test_the_fixtures_are_small_and_listed():
    files = {p.name for p in LEDGERS.glob("*.sqlite")}
    assert files == set(MANIFEST)
    assert all((LEDGERS / name).stat().st_size < 1024 * 1024 for name in files)


@pytest.mark.parametrize("name", sorted(MANIFEST))
def test_a_released_ledger_opens_keeps_everything_and_verifies(name, tmp_path):
    path = copied(name, tmp_path)
    entry = MANIFEST[name]
    events, pupils = truth(path)
    assert (len(events), len(pupils)) == (entry["events"], entry["students"])
    known = [m.name for m in schema.migrations._migrations]
    with Ledger.open(path, clock=LATER) as ledger:
        assert ledger.org.kind == entry["kind"]
        checks = verify(ledger.conn, path)
        assert all(c.ok for c in checks), [(c.name, c.problems) for c in checks]
    after_events, after_pupils = truth(path)
    assert {eid: after_events.get(eid) for eid in events} == events  # every byte kept
    assert after_pupils == pupils
    upgrades = [s for s in backup.snapshots(path) if s.reason == "upgrade"]
    assert len(upgrades) == (0 if entry["migrations"] == known else 1)
    assert sha256(LEDGERS / name) == entry["sha256"]


@pytest.mark.parametrize("name", sorted(MANIFEST))
def test_a_new_migration_runs_on_each_fixture_after_a_snapshot(name, tmp_path, monkeypatch):
    """What the next release's migration will meet: a snapshot of the old file first, then
    the migration, and the snapshot is the ledger as it was."""
    path = copied(name, tmp_path)
    events, pupils = truth(path)
    future = Migrations("dropout_ledger")
    for migration in schema.migrations._migrations:
        future(name=migration.name)(migration.fn)

    @future()
    def m999_next_release(db: Database) -> None:
        db.execute("CREATE TABLE next_release (k TEXT PRIMARY KEY, v TEXT)")

    monkeypatch.setattr(schema, "migrations", future)
    with Ledger.open(path, clock=LATER) as ledger:
        assert ledger.conn.execute("SELECT count(*) FROM next_release").fetchone() == (0,)
        assert all(c.ok for c in verify(ledger.conn, path))
    [snapshot] = [s for s in backup.snapshots(path) if s.reason == "upgrade"]
    assert truth(snapshot.path) == (events, pupils)
    conn = sqlite3.connect(f"file:{snapshot.path}?mode=ro", uri=True)
    assert conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 'next_release'"
                        ).fetchone() == (0,)
    conn.close()
    assert truth(path) == (events, pupils)


def test_the_fixture_tool_knows_this_schema_has_its_pair():
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))
    try:
        import make_upgrade_fixture
    finally:
        sys.path.pop(0)
    stem = f"{__version__}-{make_upgrade_fixture.schema_id()}"
    if not all(f"{stem}-{kind}.sqlite" in MANIFEST for kind in ("school", "county")):
        pytest.skip(f"schema {stem} has no fixtures yet: run tools/make_upgrade_fixture.py "
                    "before the release")
    assert make_upgrade_fixture.main(["--check"]) == 0
