"""Helpers for the sync tests: real ledgers on disk, their events as WireEvents, bare targets.

A WireEvent here is built from a ledger's own `events` row (hdr and body bytes exactly as
stored), which is what a package carries. A *bare* ledger is a file with the ledger's schema and
empty projections but no events of its own: merging one event set into several bare ledgers in
different ways must give byte-identical projection tables.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from dropout_ledger import canonical
from dropout_ledger.clock import FrozenClock
from dropout_ledger.ledger import Ledger
from dropout_ledger.store import db, projections, schema
from dropout_ledger.store.events import Operator
from dropout_ledger.sync import merge, wire
from dropout_ledger.sync.wire import WireEvent

TODAY = dt.datetime(2026, 11, 22, 10, 0)
COUNTY = "524821"
SCHOOL_A, SCHOOL_B = "2152482101", "2152482102"
PRINCIPAL = Operator(id="p-a", name="王校长", role="principal")
PRINCIPAL_B = Operator(id="p-b", name="李校长", role="principal")
CLERK = Operator(id="clerk", name="张科员", role="county_clerk")


def make_ledgers(folder: Path, clock: FrozenClock) -> dict[str, Ledger]:
    """School A, school B and their county, each a real ledger file."""
    return {
        "A": Ledger.create(folder / "a.sqlite", kind="school", code=SCHOOL_A,
                           name="坪坝镇中心学校", county_code=COUNTY, clock=clock,
                           operator=PRINCIPAL),
        "B": Ledger.create(folder / "b.sqlite", kind="school", code=SCHOOL_B,
                           name="石门村小学", county_code=COUNTY, clock=clock,
                           operator=PRINCIPAL_B),
        "C": Ledger.create(folder / "c.sqlite", kind="county", code=COUNTY, name="某县教育局",
                           clock=clock, operator=CLERK),
    }


def wire_events(conn: sqlite3.Connection) -> list[WireEvent]:
    """Every event a ledger holds, as it would travel in a package."""
    rows = conn.execute("SELECT eid, hdr, body FROM events ORDER BY rowid")
    return [wire.from_row(*row) for row in rows]


def eids(conn: sqlite3.Connection) -> set[str]:
    return {row[0] for row in conn.execute("SELECT eid FROM events")}


def merge_package(
    conn: sqlite3.Connection, events: Sequence[WireEvent], sha: str = "0" * 64
) -> merge.MergeResult:
    """Merge one package in its own transaction; the self-check must pass."""
    with db.immediate(conn):
        result = merge.merge(conn, events, package_sha=sha)
        problems = merge.self_check(conn, result, events)
        assert problems == [], problems
    return result


def sync(src: Ledger, dst: Ledger) -> merge.MergeResult:
    """Deliver everything `src` holds that `dst` lacks (a package that arrived)."""
    have = eids(dst.conn)
    return merge_package(dst.conn, [e for e in wire_events(src.conn) if e.eid not in have])


def converge(ledgers: Iterable[Ledger]) -> None:
    """Deliver until every ledger holds every event."""
    group = list(ledgers)
    for src in group:
        for dst in group:
            if src is not dst:
                sync(src, dst)
    for src in group:
        for dst in group:
            if src is not dst:
                sync(src, dst)


def bare(path: Path) -> sqlite3.Connection:
    """A ledger file with schema and empty projections, holding no events."""
    conn = db.create_new(path)
    db.migrate(conn)
    with db.immediate(conn):
        projections.create_tables(conn)
    return conn


def bare_memory() -> sqlite3.Connection:
    """A bare ledger in memory, for trying many arrival orders quickly."""
    conn = sqlite3.connect(":memory:", isolation_level=None)
    db.migrate(conn)
    with db.immediate(conn):
        projections.create_tables(conn)
    return conn


def state(conn: sqlite3.Connection) -> dict[str, list[tuple[Any, ...]]]:
    """Every projection table's rows (sorted): equal states mean equal projections."""
    return {table: sorted(conn.execute(f"SELECT * FROM {table}").fetchall(), key=repr)
            for table in schema.PROJECTION_TABLES}


def conflicts(conn: sqlite3.Connection) -> set[tuple[str, str]]:
    return {(ent, field) for ent, field in conn.execute("SELECT ent, field FROM conflicts")}


def forge(header: dict[str, Any], body: dict[str, Any] | None) -> WireEvent:
    """A well-hashed WireEvent with any header and body (for validation tests)."""
    body_bytes = canonical.encode(body) if body is not None else None
    if body_bytes is not None and "body_hash" not in header:
        header = {**header, "body_hash": canonical.sha256_hex(body_bytes)}
    hdr = canonical.encode(header)
    return WireEvent(eid=canonical.sha256_hex(hdr), hdr=hdr, body=body_bytes, header=header,
                     body_obj=body)


def reheader(event: WireEvent, **changes: Any) -> WireEvent:
    """The same event with some header fields changed (and its id recomputed)."""
    return forge({**event.header, **changes}, event.body_obj)


def rebody(event: WireEvent, body: dict[str, Any]) -> WireEvent:
    """The same header with another body (body_hash recomputed, id too)."""
    header = {k: v for k, v in event.header.items() if k != "body_hash"}
    return forge(header, body)
