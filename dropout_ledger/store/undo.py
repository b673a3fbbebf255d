"""The undo stack: which sequence numbers each recent write of this replica appended.

Kept in `local_state` (it is this computer's own convenience, never synced). Undo itself is
ordinary events — retractions and compensating edits — so the history shows both the change and
its undoing, and other replicas learn of both.
"""

from __future__ import annotations

import json

from dropout_ledger.store import sqlite as sqlite3

DEPTH = 20
# Event kinds a person can take back; backups, attachments and set-up are not.
UNDOABLE = frozenset({"student_create", "record_add", "status", "update"})


def _load(conn: sqlite3.Connection) -> list[list[object]]:
    row = conn.execute("SELECT v FROM local_state WHERE k = 'undo_stack'").fetchone()
    return list(json.loads(row[0])) if row else []


def _save(conn: sqlite3.Connection, stack: list[list[object]]) -> None:
    conn.execute("INSERT OR REPLACE INTO local_state (k, v) VALUES ('undo_stack', ?)",
                 (json.dumps(stack[-DEPTH:]),))


def push(conn: sqlite3.Connection, replica: str, first: int, last: int) -> None:
    """Remember that one write appended seq first..last on `replica`."""
    _save(conn, [*_load(conn), [replica, first, last]])


def peek(conn: sqlite3.Connection, replica: str) -> tuple[int, int] | None:
    """The most recent write of this replica that can still be undone."""
    for rep, first, last in reversed(_load(conn)):
        if rep == replica:
            return int(str(first)), int(str(last))
    return None


def pop(conn: sqlite3.Connection, replica: str) -> None:
    """Forget the top write of this replica (it has just been undone)."""
    stack = _load(conn)
    for index in range(len(stack) - 1, -1, -1):
        if stack[index][0] == replica:
            del stack[index]
            break
    _save(conn, [entry for entry in stack if entry[0] == replica])
