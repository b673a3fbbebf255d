"""Backups before an import at county size (docs/decisions/0023, "Backups at county size").

A ledger above `importer.SNAPSHOT_LIMIT` is not copied again before an import when a snapshot
of it was taken that day: that snapshot and the packages imported since, each kept byte for
byte in 同步/收件 before it was read, are the undo point. These tests shrink the limit to 0 so
that a small county counts as large, and check both halves of the promise: no copy is made,
and restoring the day's snapshot and importing the kept packages again gives the same ledger.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from dropout_ledger.clock import FrozenClock
from dropout_ledger.ledger import Ledger
from dropout_ledger.store import backup
from dropout_ledger.sync import folders, importer
from tests.sync import golden
from tests.sync.county_support import isolated_markers  # noqa: F401 - an autouse fixture
from tests.sync.test_import_batch import _three_packages


def _state(path: Path) -> list[object]:
    conn = sqlite3.connect(path)
    try:
        return [sorted(conn.execute("SELECT eid FROM events WHERE kind != 'audit'").fetchall()),
                sorted(conn.execute("SELECT * FROM students").fetchall(), key=repr),
                sorted(conn.execute("SELECT file_sha256 FROM imported_packages").fetchall())]
    finally:
        conn.close()


def _merges(county: Ledger) -> list[backup.SnapshotName]:
    return [s for s in backup.snapshots(county.path) if s.reason == "merge"]


def test_a_large_ledger_snapshotted_today_is_not_copied_again_and_can_be_replayed(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(importer, "SNAPSHOT_LIMIT", 0)
    county = golden.fresh_county(tmp_path / "county")
    files = _three_packages(tmp_path, county)
    daily = county.daily_snapshot()  # what opening the ledger first thing in the day takes
    assert daily is not None
    clock = county.clock
    assert isinstance(clock, FrozenClock)
    for path in files:  # three single imports during the day
        clock.advance(seconds=1)
        assert importer.import_file(county, path).new_events
    assert _merges(county) == []
    kept = folders.packages_in(folders.folder(county.path, folders.INBOX))
    assert sorted(p.read_bytes() for p in kept) == sorted(p.read_bytes() for p in files)
    county.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    after = _state(county.path)
    county.close()

    # The clerk's way back: the day's snapshot, then the kept packages again (in any order).
    restored = tmp_path / "restored" / "county.sqlite"
    restored.parent.mkdir()
    shutil.copyfile(daily, restored)
    shutil.copytree(tmp_path / "county" / "密钥", restored.parent / "密钥")
    with Ledger.open(restored, clock=FrozenClock(golden.TODAY)) as again:
        outcomes = importer.import_files(again, list(reversed(kept)))
        assert all(o.accepted for o in outcomes)
        again.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    assert _state(restored) == after


def test_a_large_ledger_without_a_snapshot_today_still_takes_one(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(importer, "SNAPSHOT_LIMIT", 0)
    county = golden.fresh_county(tmp_path / "county")
    first, second, _ = _three_packages(tmp_path, county)
    county.daily_snapshot()
    clock = county.clock
    assert isinstance(clock, FrozenClock)
    clock.advance(days=1)  # yesterday's snapshot does not count
    importer.import_file(county, first)
    assert len(_merges(county)) == 1
    clock.advance(seconds=1)
    importer.import_file(county, second)  # today's merge snapshot covers it
    assert len(_merges(county)) == 1
    county.close()


def test_a_small_ledger_still_takes_a_snapshot_before_each_import(tmp_path: Path) -> None:
    county = golden.fresh_county(tmp_path / "county")
    first, second, _ = _three_packages(tmp_path, county)
    county.daily_snapshot()
    clock = county.clock
    assert isinstance(clock, FrozenClock)
    importer.import_file(county, first)
    clock.advance(seconds=1)
    importer.import_file(county, second)
    assert len(_merges(county)) == 2
    county.close()
