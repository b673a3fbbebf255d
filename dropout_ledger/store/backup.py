"""Backups with SQLite's online backup API: never a copy of the live file (sync.md §c.16).

Automatic snapshots all go to one folder next to the ledger, `<ledger folder>/备份/`, named
`<ledger stem>.<reason>-<YYYYMMDD-HHMMSS>.sqlite` so a principal can find them by eye and the
app can list them without opening each one. The folder is Chinese because the principal opens
it in Explorer; the reason codes in the name stay ASCII so parsing never depends on a code page.
Several ledgers in one folder share the backup folder: each one's snapshots carry its stem.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from dropout_ledger.fileio import durable_path
from dropout_ledger.store import db
from dropout_ledger.store import sqlite as sqlite3

BACKUP_DIR_NAME = "备份"
"""The folder next to the ledger that holds every automatic snapshot."""

DAILY = "daily"
EVENT_REASONS = ("import", "merge", "restore", "upgrade", "manual")
"""Snapshots taken before something that rewrites much of the ledger, or on request."""

KEEP_EVENT = 10
"""Event snapshots kept (all reasons together). Ten imports back is weeks of roster work, and a
school ledger is a few MB, so ten copies cost less than one photo folder on the same laptop."""

KEEP_DAILY = 7
"""Daily snapshots kept: one school week and a weekend, so a mistake found on Monday can still
be undone from the previous Monday."""

_NAME = re.compile(
    r"^(?P<stem>.+)\.(?P<reason>[a-z]+)-(?P<stamp>\d{8}-\d{6})(?:-(?P<n>\d+))?"
    r"\.(?P<ext>sqlite|damaged)$"
)


@dataclass(frozen=True)
class SnapshotName:
    """What a snapshot's file name says: whose, why and when (the clock's claim)."""

    path: Path
    reason: str
    taken_at: dt.datetime


def backup_dir(ledger_path: Path) -> Path:
    """The folder holding the automatic snapshots of the ledger at `ledger_path`."""
    return Path(ledger_path).parent / BACKUP_DIR_NAME


def is_snapshot(path: Path) -> bool:
    """True for a file inside a backup folder: opening one must not snapshot it again."""
    return Path(path).parent.name == BACKUP_DIR_NAME


def backup_to(conn: sqlite3.Connection, out: Path) -> None:
    """Write a consistent snapshot of the open ledger to `out` (durably, via a temp name).

    On any failure (read-only folder, disk full, stick pulled) nothing is left under `out`
    nor under the temporary name, and the error propagates. The copy is keyed with the
    ledger's own data key (decision 0021): a snapshot of an encrypted ledger is encrypted, and
    SQLite's backup API copies pages between two connections with the same key.
    """
    with durable_path(out) as temp:
        try:
            target = db.raw_connect(temp, db.key_of(conn))
            try:
                conn.backup(target)
                target.execute("PRAGMA journal_mode=DELETE")
            finally:
                target.close()
        finally:  # a failed write may leave SQLite's rollback journal next to the temp file
            with contextlib.suppress(OSError):
                Path(f"{temp}-journal").unlink(missing_ok=True)


def parse_name(path: Path, stem: str) -> SnapshotName | None:
    """The reason and time in a snapshot's name, or None if it is not one of `stem`'s."""
    match = _NAME.match(path.name)
    if match is None or match["stem"] != stem:
        return None
    try:
        taken = dt.datetime.strptime(match["stamp"], "%Y%m%d-%H%M%S")
    except ValueError:
        return None
    return SnapshotName(path, match["reason"], taken)


def snapshots(ledger_path: Path) -> list[SnapshotName]:
    """Every snapshot of this ledger in its backup folder, newest first."""
    folder = backup_dir(ledger_path)
    if not folder.is_dir():
        return []
    found = [
        name for p in folder.iterdir()
        if p.is_file() and (name := parse_name(p, Path(ledger_path).stem)) is not None
    ]
    return sorted(found, key=lambda s: (s.taken_at, s.path.name), reverse=True)


def _free_name(ledger_path: Path, reason: str, when: dt.datetime, ext: str = "sqlite") -> Path:
    """A new file name; a second snapshot within the same second gets a counter."""
    base = f"{Path(ledger_path).stem}.{reason}-{when.strftime('%Y%m%d-%H%M%S')}"
    folder = backup_dir(ledger_path)
    out, n = folder / f"{base}.{ext}", 1
    while out.exists():
        n += 1
        out = folder / f"{base}-{n}.{ext}"
    return out


def snapshot(
    conn: sqlite3.Connection, ledger_path: Path, reason: str, when: dt.datetime, *,
    rotate_now: bool = True,
) -> Path:
    """Take one automatic snapshot into the backup folder, then rotate; returns its path."""
    out = _free_name(ledger_path, reason, when)
    backup_to(conn, out)
    if rotate_now:
        rotate(ledger_path, keep=(out,))
    return out


def damaged_name(ledger_path: Path, reason: str, when: dt.datetime) -> Path:
    """Where raw bytes of a damaged ledger are kept (listed, never rotated away)."""
    out = _free_name(ledger_path, reason, when, ext="damaged")
    out.parent.mkdir(parents=True, exist_ok=True)
    return out


def rotate(ledger_path: Path, keep: tuple[Path, ...] = ()) -> list[Path]:
    """Delete the oldest snapshots beyond KEEP_DAILY daily and KEEP_EVENT event ones.

    Only files whose names this module wrote are touched; a `.damaged` copy and anything else in
    the folder are left alone. Paths in `keep` are never deleted (the one just taken, the one
    being restored from). Returns what was deleted.
    """
    protected = {p.resolve() for p in keep}
    daily: list[SnapshotName] = []
    event: list[SnapshotName] = []
    for snap in snapshots(ledger_path):
        if snap.path.suffix != ".sqlite":
            continue
        (daily if snap.reason == DAILY else event).append(snap)
    deleted = []
    for group, limit in ((daily, KEEP_DAILY), (event, KEEP_EVENT)):
        for snap in group[limit:]:
            if snap.path.resolve() not in protected:
                snap.path.unlink(missing_ok=True)
                deleted.append(snap.path)
    return deleted


def has_daily(ledger_path: Path, day: dt.date) -> bool:
    """True when today's daily snapshot was already taken."""
    return any(s.reason == DAILY and s.taken_at.date() == day for s in snapshots(ledger_path))


def snapshot_before(conn: sqlite3.Connection, ledger_path: Path, what: str, stamp: str) -> Path:
    """A safety copy in the backup folder before a migration or a restore; returns its path."""
    return snapshot(conn, ledger_path, what, dt.datetime.strptime(stamp, "%Y%m%d-%H%M%S"))
