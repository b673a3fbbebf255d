"""Anomaly flags per peer, kept in `local_state` (sync.md §c.10 "anomaly → full package").

Three flags, each about one peer organisation, each local bookkeeping (never an event: they say
what *this* ledger should do with its next package, not anything about pupils):

* `request_full:<org>` — this ledger saw a gap in what `<org>` sent (its stated head is missing
  here). The next manifest to `<org>` carries `request_full: true`; cleared when a package from
  `<org>` arrives marked `full`.
* `send_full:<org>` — `<org>` asked for everything. The next package to it is full; cleared once
  that package is written.
* `fork:<org>` (county) — two branches of one of `<org>`'s replicas arrived (a cloned disk, a
  ledger restored outside the app together with its marker). The next package to the school is
  full and carries a fork notice; cleared once that package is written. The value is the list
  of forked (replica, seq) slots, so the notice can name them.

All writers run inside the caller's transaction.
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from dropout_ledger.store import sqlite as sqlite3

REQUEST_FULL = "request_full"
SEND_FULL = "send_full"
FORK = "fork"


def _key(name: str, org: str) -> str:
    return f"{name}:{org}"


def is_set(conn: sqlite3.Connection, name: str, org: str) -> bool:
    """Whether flag `name` is raised for peer `org`."""
    row = conn.execute("SELECT v FROM local_state WHERE k = ?", (_key(name, org),)).fetchone()
    return row is not None and row[0] not in (None, "", "0")


def raise_flag(conn: sqlite3.Connection, name: str, org: str) -> None:
    conn.execute("INSERT OR REPLACE INTO local_state (k, v) VALUES (?, '1')", (_key(name, org),))


def clear(conn: sqlite3.Connection, name: str, org: str) -> None:
    conn.execute("DELETE FROM local_state WHERE k = ?", (_key(name, org),))


def forks(conn: sqlite3.Connection, org: str) -> list[tuple[str, int]]:
    """The forked (replica, seq) slots of `org` seen here and not yet answered; [] if none."""
    row = conn.execute("SELECT v FROM local_state WHERE k = ?", (_key(FORK, org),)).fetchone()
    if row is None or not row[0]:
        return []
    try:
        return sorted((str(rep), int(seq)) for rep, seq in json.loads(row[0]))
    except (ValueError, TypeError):  # written by this module only; unreadable = none recorded
        return []


def add_forks(conn: sqlite3.Connection, org: str, slots: Iterable[tuple[str, int]]) -> None:
    """Remember forked slots of `org` (added to those already waiting for an answer)."""
    merged = sorted(set(forks(conn, org)) | {(str(r), int(s)) for r, s in slots})
    if merged:
        conn.execute("INSERT OR REPLACE INTO local_state (k, v) VALUES (?, ?)",
                     (_key(FORK, org), json.dumps(merged)))


def orgs_with(conn: sqlite3.Connection, name: str) -> list[str]:
    """Every peer organisation for which flag `name` is raised."""
    rows = conn.execute("SELECT k FROM local_state WHERE k LIKE ? ORDER BY k", (f"{name}:%",))
    return [str(k).split(":", 1)[1] for (k,) in rows]
