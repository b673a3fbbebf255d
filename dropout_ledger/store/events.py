"""The event log: appending immutable, hash-chained events, and reading them back.

Each event's header names its organisation, replica, gapless sequence number, Lamport clock,
the hash of the same replica's previous event, the operator, the claimed wall time, its kind and
entity, and the hash of its body. The event id is the SHA-256 of the canonical header, so a
changed byte anywhere breaks the chain (sync.md §c.3).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from dropout_ledger import canonical
from dropout_ledger.clock import Clock
from dropout_ledger.store import sqlite as sqlite3

EVENT_FORMAT = 1


@dataclass(frozen=True)
class Operator:
    """Who is at the keyboard; recorded in every event they cause."""

    id: str
    name: str
    role: str = ""
    """A code of `model.access.ROLES`; "" (no login yet) may see only masked data."""


@dataclass(frozen=True)
class Event:
    """One immutable event, with its decoded header and body."""

    eid: str
    org: str
    rep: str
    seq: int
    lc: int
    prev: str
    wall: str
    who: dict[str, str]
    kind: str
    ent: str
    body: dict[str, Any]
    body_hash: str


def build_header(
    *, org: str, rep: str, seq: int, lc: int, prev: str, wall: str, who: Operator, kind: str,
    ent: str, body_hash: str,
) -> bytes:
    """The canonical header bytes; their SHA-256 is the event id."""
    return canonical.encode({
        "v": EVENT_FORMAT, "org": org, "rep": rep, "seq": seq, "lc": lc, "prev": prev,
        "wall": wall, "who": {"id": who.id, "name": who.name}, "kind": kind, "ent": ent,
        "body_hash": body_hash,
    })


class EventWriter:
    """Appends events for one replica inside the caller's write transaction.

    Sequence, Lamport clock and chain head are read once when the transaction starts (BEGIN
    IMMEDIATE holds the write lock, so nobody else can allocate them meanwhile).
    """

    def __init__(
        self, conn: sqlite3.Connection, *, org: str, rep: str, operator: Operator, clock: Clock
    ) -> None:
        self.conn, self.org, self.rep, self.operator = conn, org, rep, operator
        self.wall = clock.now().isoformat()
        last = conn.execute(
            "SELECT seq, eid FROM events WHERE rep = ? ORDER BY seq DESC LIMIT 1", (rep,)
        ).fetchone()
        self.seq: int = last[0] if last else 0
        self.prev: str = last[1] if last else ""
        self.lc: int = lamport(conn)

    def append(self, kind: str, ent: str, body: dict[str, Any]) -> Event:
        """Write one event and return it (the caller applies it to the projections)."""
        body_bytes = canonical.encode(body)
        body_hash = canonical.sha256_hex(body_bytes)
        self.seq += 1
        self.lc += 1
        header = build_header(
            org=self.org, rep=self.rep, seq=self.seq, lc=self.lc, prev=self.prev,
            wall=self.wall, who=self.operator, kind=kind, ent=ent, body_hash=body_hash,
        )
        eid = canonical.sha256_hex(header)
        self.conn.execute(
            "INSERT INTO events (eid, org, rep, seq, lc, kind, ent, prev, hdr, body, body_hash)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (eid, self.org, self.rep, self.seq, self.lc, kind, ent, self.prev, header,
             body_bytes, body_hash),
        )
        event = Event(
            eid=eid, org=self.org, rep=self.rep, seq=self.seq, lc=self.lc, prev=self.prev,
            wall=self.wall, who={"id": self.operator.id, "name": self.operator.name},
            kind=kind, ent=ent, body=body, body_hash=body_hash,
        )
        self.prev = eid
        return event


LAMPORT_FLOOR = "lamport_floor"
"""local_state key: the highest Lamport value a peer's manifest stated (sync.md §c.10).

A package may carry no event above our clock and still state a higher clock; advancing past it
is what lets a restored peer's new statements outrank the ones it made before the restore."""


def lamport(conn: sqlite3.Connection) -> int:
    """This ledger's Lamport clock: the highest value in its events or stated to it."""
    return int(conn.execute(
        "SELECT max(coalesce((SELECT max(lc) FROM events), 0),"
        " coalesce((SELECT CAST(v AS INTEGER) FROM local_state WHERE k = ?), 0))",
        (LAMPORT_FLOOR,),
    ).fetchone()[0])


def advance_lamport(conn: sqlite3.Connection, stated: int) -> None:
    """Move the clock's floor up to a Lamport value a peer stated (never down)."""
    if stated > lamport(conn):
        conn.execute("INSERT OR REPLACE INTO local_state (k, v) VALUES (?, ?)",
                     (LAMPORT_FLOOR, str(stated)))


_SELECT = "SELECT eid, hdr, body FROM events"


def decode_row(eid: str, hdr: bytes, body: bytes | None, *, checked: bool = False) -> Event:
    """Rebuild an Event from its stored bytes (header fields come from the hashed header)."""
    header = canonical.decode(hdr, checked=checked)
    return Event(
        eid=eid, org=header["org"], rep=header["rep"], seq=header["seq"], lc=header["lc"],
        prev=header["prev"], wall=header["wall"], who=header["who"], kind=header["kind"],
        ent=header["ent"],
        body=canonical.decode(body, checked=checked) if body is not None else {},
        body_hash=header["body_hash"],
    )


def iter_events(conn: sqlite3.Connection) -> Iterator[Event]:
    """Every event in the order projections apply them: Lamport clock, then event id."""
    for eid, hdr, body in conn.execute(_SELECT + " ORDER BY lc, eid"):
        yield decode_row(eid, hdr, body)


def events_for(conn: sqlite3.Connection, ent: str) -> list[Event]:
    """The history of one entity, oldest first."""
    rows = conn.execute(_SELECT + " WHERE ent = ? ORDER BY lc, eid", (ent,))
    return [decode_row(*row) for row in rows]
