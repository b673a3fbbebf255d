"""Receipt events: which stretch of the county's chain a package to a school covered.

(Not sync/receipts.py, which reads the county's signed package files a school keeps as proof of
reporting; this module is about the `receipt` events that let the county stop resending.)

A county package carries only the county events that concern the school (sync.md §c.5 data
minimisation): never its audit trail, its keys, other schools' pupils or other schools' list
slices. The school therefore holds the county's chain with holes, and a plain have-vector —
"every event 1..n" — stops at the first hole. Left there, the county read "the school holds
nothing of mine" after every exchange and resent all its events every time (issue 6).

The fix states the holes instead of hiding them. Before the events of a package to a school are
read, the county writes one `receipt` event on `receipt:<school>` (a county-only kind, sync.md
§c.3; the "signed receipt" of §c.6 and §c.14) — when the package carries anything for the
school, or when the county's chain above the school's mark has grown long (exporter.RECEIPT_AFTER);
a quiet week's package is empty:

    {"school": "S:…", "covers": {<county replica>: {"from": s, "to": n, "head": <eid at n>}},
     "have": {<school replica>: {"seq": …, "head": …}}}

`covers` says: this package holds every county event of that replica in (s, n] that concerns the
school — s is exactly the bound the exporter streams from (`vectors.send_from`), n the county's
last event before the receipt. `have` is the county's own have-vector of the school ("县里已收到
贵校第1至80条"), which the school keeps as proof of reporting.

The school derives how far it holds the county's chain from its events alone (`held`): start
at the contiguous seq, then repeatedly step over an event it holds or over a receipt's interval
that starts at or below the point reached. Its manifest states that point and the county's event
id there, so the county's next package starts after it and carries only what is new. Derived
from events, the figure survives restores and arrives in any order like everything else.

A receipt's interval is used only when its `have` names the replica the school writes with now.
A school restored from a backup starts a new replica and has lost what came after the backup;
a package the county wrote before it learnt of the restore was cut for the school's old state,
so its receipts must not vouch for the new one. The county learns of the new replica from the
school's next package and from then on names it: one round trip later the receipts count again.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from dropout_ledger import canonical
from dropout_ledger.store import sqlite as sqlite3
from dropout_ledger.sync import vectors

if TYPE_CHECKING:
    from dropout_ledger.ledger import Writer

KIND = "receipt"
PREFIX = "receipt:"
_HEX64 = re.compile(r"[0-9a-f]{64}")


def ent(school: str) -> str:
    """`receipt:S:<code>`: the entity of every receipt for one school."""
    return f"{PREFIX}{school}"


def emit(w: Writer, *, county: str, school: str, full: bool) -> dict[str, Any] | None:
    """County, inside the exporter's write: the receipt for the package about to be read.

    Returns its body, or None when no county event lies above what the school already holds
    (nothing to cover: the package then carries no county event either).
    """
    conn = w.conn
    bounds = vectors.send_from(conn, peer_org=school, orgs=[county], full=full)
    held = vectors.have(conn, [county])
    covers: dict[str, dict[str, Any]] = {}
    for rep, low in bounds.items():
        top = held.get(rep)
        if top is not None and top["seq"] > low:
            covers[rep] = {"from": low, "to": int(top["seq"]), "head": str(top["head"])}
    if not covers:
        return None
    body = {"school": school, "covers": covers,
            "have": {rep: {"seq": v["seq"], "head": v["head"]}
                     for rep, v in vectors.have(conn, [school]).items()}}
    w.emit(KIND, ent(school), body)
    return body


def _intervals(conn: sqlite3.Connection, *, county: str, school: str, replica: str
               ) -> dict[str, list[tuple[int, int, str]]]:
    """Per county replica, the (from, to, head) of every receipt usable by this replica."""
    out: dict[str, list[tuple[int, int, str]]] = {}
    for (body,) in conn.execute(
            "SELECT body FROM events WHERE ent = ? AND kind = ? AND org = ? AND body IS NOT NULL",
            (ent(school), KIND, county)):
        data = canonical.decode(body, checked=False)
        if not isinstance(data, Mapping) or not isinstance(data.get("have"), Mapping) \
                or replica not in data["have"] or not isinstance(data.get("covers"), Mapping):
            continue
        for rep, cover in data["covers"].items():
            if _sound(cover):
                out.setdefault(str(rep), []).append(
                    (int(cover["from"]), int(cover["to"]), str(cover["head"])))
    return out


def _sound(cover: Any) -> bool:
    """A receipt's interval with the types it must have (it came from outside, though signed)."""
    if not isinstance(cover, Mapping):
        return False
    low, top, head = cover.get("from"), cover.get("to"), cover.get("head")
    return (isinstance(low, int) and isinstance(top, int) and not isinstance(low, bool)
            and not isinstance(top, bool) and 0 <= low < top and isinstance(head, str)
            and _HEX64.fullmatch(head) is not None)


def held(conn: sqlite3.Connection, *, county: str, school: str, replica: str
         ) -> dict[str, dict[str, Any]]:
    """School: {county replica: {"org", "seq", "head"}} — how far it holds the county's chain.

    `seq` counts the county's events the school holds and those the county's receipts say it
    left out on purpose; `head` is the county's event id at `seq`, which the county checks
    against its own chain before trusting the figure (`vectors.events_to_send`).
    """
    out = vectors.have(conn, [county])
    intervals = _intervals(conn, county=county, school=school, replica=replica)
    for rep, entry in out.items():
        spans = sorted(intervals.get(rep, []))
        if not spans:
            continue
        held = {int(seq): str(eid) for seq, eid in conn.execute(
            "SELECT seq, min(eid) FROM events WHERE rep = ? GROUP BY seq", (rep,))}
        seq, head = int(entry["seq"]), str(entry["head"])
        moved = True
        while moved:
            moved = False
            for low, top, top_head in spans:
                if low <= seq < top:
                    seq, head, moved = top, top_head, True
            while seq + 1 in held:
                seq, moved = seq + 1, True
                head = held[seq]
        out[rep] = {"org": county, "seq": seq, "head": head}
    return out


def latest(conn: sqlite3.Connection, *, county: str, school: str) -> dict[str, Any] | None:
    """The newest receipt body the school holds (what the county said it had received)."""
    row = conn.execute(
        "SELECT body FROM events WHERE ent = ? AND kind = ? AND org = ? AND body IS NOT NULL"
        " ORDER BY lc DESC, eid DESC LIMIT 1", (ent(school), KIND, county)).fetchone()
    if row is None:
        return None
    data = canonical.decode(row[0], checked=False)
    return dict(data) if isinstance(data, Mapping) else None
