"""Backups with SQLite's online backup API: never a copy of the live file (sync.md §c.16)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from dropout_ledger.fileio import durable_path


def backup_to(conn: sqlite3.Connection, out: Path) -> None:
    """Write a consistent snapshot of the open ledger to `out` (durably, via a temp name)."""
    with durable_path(out) as temp:
        target = sqlite3.connect(temp)
        try:
            conn.backup(target)
            target.execute("PRAGMA journal_mode=DELETE")
        finally:
            target.close()


def snapshot_before(conn: sqlite3.Connection, ledger_path: Path, what: str, stamp: str) -> Path:
    """A safety copy next to the ledger before a migration or a restore; returns its path."""
    out = ledger_path.with_name(f"{ledger_path.stem}.before-{what}-{stamp}.sqlite")
    backup_to(conn, out)
    return out
