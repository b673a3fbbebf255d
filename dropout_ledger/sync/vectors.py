"""Version vectors: what this ledger holds, what each peer said it holds, and what to send.

`have` is, per replica, the highest seq up to which this ledger holds every event (1..seq, no
gap) and the event id at that seq: a peer can tell from it both what is missing and whether its
copy of a chain is the same one. Peers' statements are kept per peer organisation and replaced
only by a statement with a higher Lamport value (sync.md §c.10): an old package replayed from a
stick cannot make this ledger forget what the peer has acknowledged since.
"""

from __future__ import annotations

import heapq
import json
import re
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from dropout_ledger.errors import InputRefused
from dropout_ledger.store import sqlite as sqlite3

_HEX64 = re.compile(r"[0-9a-f]{64}")


def replicas(conn: sqlite3.Connection) -> dict[str, str]:
    """Every replica this ledger holds events of, with its organisation.

    A skip-scan over the (rep, seq) index: one seek per replica, not a pass over the events,
    which matters at a county holding a million of them.
    """
    rows = conn.execute(
        "WITH RECURSIVE r(rep) AS ("
        " SELECT min(rep) FROM events"
        " UNION ALL SELECT (SELECT min(rep) FROM events WHERE rep > r.rep) FROM r"
        " WHERE r.rep IS NOT NULL)"
        " SELECT rep, (SELECT org FROM events e WHERE e.rep = r.rep ORDER BY seq LIMIT 1)"
        " FROM r WHERE rep IS NOT NULL"
    )
    return {str(rep): str(org) for rep, org in rows}


def _contiguous(conn: sqlite3.Connection, rep: str) -> int:
    """The highest seq n such that seqs 1..n are all held (0 when seq 1 is missing)."""
    top, distinct, low = conn.execute(
        "SELECT max(seq), count(DISTINCT seq), min(seq) FROM events WHERE rep = ?", (rep,)
    ).fetchone()
    if top is None or low != 1:
        return 0
    if top == distinct:
        return int(top)
    gap = conn.execute(
        "SELECT min(e.seq) FROM events e WHERE e.rep = ? AND NOT EXISTS"
        " (SELECT 1 FROM events f WHERE f.rep = e.rep AND f.seq = e.seq + 1)", (rep,)
    ).fetchone()[0]
    return int(gap)


def _head(conn: sqlite3.Connection, rep: str, seq: int) -> str:
    """The event at (rep, seq); the smallest id when a fork left two."""
    row = conn.execute(
        "SELECT min(eid) FROM events WHERE rep = ? AND seq = ?", (rep, seq)).fetchone()
    return str(row[0]) if row and row[0] else ""


def have(conn: sqlite3.Connection, orgs: Iterable[str] | None = None) -> dict[str, dict[str, Any]]:
    """{replica: {"org", "seq", "head"}} for every replica (of `orgs`, if given) held here.

    A replica whose seq 1 has not arrived is listed with seq 0 and head "".
    """
    wanted = set(orgs) if orgs is not None else None
    out: dict[str, dict[str, Any]] = {}
    for rep, org in sorted(replicas(conn).items()):
        if wanted is not None and org not in wanted:
            continue
        seq = _contiguous(conn, rep)
        out[rep] = {"org": org, "seq": seq, "head": _head(conn, rep, seq) if seq else ""}
    return out


def _checked_have(have: Mapping[str, Any]) -> dict[str, dict[str, Any]]:
    """A peer's stated have, type-checked (it comes from outside, although signed)."""
    out: dict[str, dict[str, Any]] = {}
    for rep, entry in have.items():
        ok = isinstance(rep, str) and isinstance(entry, Mapping) and isinstance(
            entry.get("org"), str) and isinstance(entry.get("seq"), int) and not isinstance(
            entry.get("seq"), bool) and entry["seq"] >= 0 and isinstance(entry.get("head"), str) \
            and (entry["head"] == "" or _HEX64.fullmatch(entry["head"]) is not None)
        if not ok:
            raise InputRefused("数据包清单中的“已有记录”（have）格式不对，文件可能不是本软件生成的。")
        out[rep] = {"org": entry["org"], "seq": entry["seq"], "head": entry["head"]}
    return out


def record_peer_have(
    conn: sqlite3.Connection, peer_org: str, have: Mapping[str, Any], stated_lc: int
) -> None:
    """Keep `peer_org`'s statement of what it holds, if it is newer than the one kept.

    Newer means a higher Lamport value of the statement: a replayed old package, or two packages
    imported out of order, leave the newest statement in place. Inside the caller's transaction.
    """
    checked = _checked_have(have)
    kept = conn.execute(
        "SELECT max(stated_lc) FROM peer_have WHERE peer_org = ?", (peer_org,)).fetchone()[0]
    if kept is not None and stated_lc <= kept:
        return
    conn.execute("DELETE FROM peer_have WHERE peer_org = ?", (peer_org,))
    conn.executemany(
        "INSERT INTO peer_have (peer_org, rep, org, seq, head, stated_lc) VALUES (?, ?, ?, ?, ?, ?)",
        [(peer_org, rep, e["org"], e["seq"], e["head"], stated_lc) for rep, e in checked.items()],
    )


def peer_have(conn: sqlite3.Connection, peer_org: str) -> dict[str, dict[str, Any]]:
    """What `peer_org` last said it holds, {replica: {"org", "seq", "head"}} ({} if nothing)."""
    rows = conn.execute(
        "SELECT rep, org, seq, head FROM peer_have WHERE peer_org = ? ORDER BY rep", (peer_org,))
    return {rep: {"org": org, "seq": seq, "head": head} for rep, org, seq, head in rows}


def peer_stated_lc(conn: sqlite3.Connection, peer_org: str) -> int:
    """The Lamport value of the peer's statement kept (0 when none)."""
    value = conn.execute(
        "SELECT max(stated_lc) FROM peer_have WHERE peer_org = ?", (peer_org,)).fetchone()[0]
    return int(value or 0)


def events_to_send(
    conn: sqlite3.Connection, *, peer_org: str, orgs: Iterable[str], full: bool = False
) -> Iterator[tuple[bytes, bytes | None]]:
    """(hdr, body) of every event of `orgs` the peer has not said it holds, in (lc, eid) order.

    `full`: every event of `orgs`, whatever the peer said (a full package, sync.md §c.10).

    Per replica: the events above the peer's stated seq. The whole replica is sent instead when
    the peer's head at that seq is not the event held here (its copy is another branch), or when
    this ledger holds a fork of the replica (the peer's seq says nothing about the other branch).
    Sending too much is harmless: the import is idempotent.
    """
    streams = [_stream(conn, rep, above)
               for rep, above in send_from(conn, peer_org=peer_org, orgs=orgs, full=full).items()]
    for _lc, _eid, hdr, body in heapq.merge(*streams):
        yield hdr, body


def send_from(
    conn: sqlite3.Connection, *, peer_org: str, orgs: Iterable[str], full: bool = False
) -> dict[str, int]:
    """{replica: seq} of every replica of `orgs`: `events_to_send` sends the events above it.

    A county's receipt (sync/receipts.py) names the same bounds, so the school can tell which
    stretch of the county's chain a package covered.
    """
    stated = peer_have(conn, peer_org)
    wanted = set(orgs)
    return {rep: 0 if full else _above(conn, rep, stated.get(rep))
            for rep, org in sorted(replicas(conn).items()) if org in wanted}


def _above(conn: sqlite3.Connection, rep: str, stated: Mapping[str, Any] | None) -> int:
    if not stated or not stated["seq"]:
        return 0
    seq = int(stated["seq"])
    held = {row[0] for row in conn.execute(
        "SELECT eid FROM events WHERE rep = ? AND seq = ?", (rep, seq))}
    forked = conn.execute(
        "SELECT count(*) > count(DISTINCT seq) FROM events WHERE rep = ?", (rep,)).fetchone()[0]
    if stated["head"] not in held or forked:
        return 0
    return seq


def _stream(
    conn: sqlite3.Connection, rep: str, above: int
) -> Iterator[tuple[int, str, bytes, bytes | None]]:
    # A cursor of its own per replica: heapq.merge interleaves them lazily.
    cursor = conn.cursor()
    cursor.execute(
        "SELECT lc, eid, hdr, body FROM events WHERE rep = ? AND seq > ? ORDER BY lc, eid",
        (rep, above))
    for lc, eid, hdr, body in cursor:
        yield int(lc), str(eid), bytes(hdr), None if body is None else bytes(body)


def have_json(value: Mapping[str, Any]) -> str:
    """A have vector as stored in `exported_packages.have_json` (sorted, compact)."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"))
