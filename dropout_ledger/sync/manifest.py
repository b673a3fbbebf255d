"""The manifest: line 1 of every package's payload (sync.md §c.6, §c.10).

It says what the sender holds (`have`, the version vector the receiver answers), the sender's
Lamport clock (so statements are ordered by it, never by arrival), and `summary`: the figures
the receiver should see for the school after the import. Comparing them is the "三统一" check
between school and county, done by the software instead of by phone.
"""

from __future__ import annotations

from typing import Any

from dropout_ledger.ledger import Ledger
from dropout_ledger.store import events
from dropout_ledger.store import sqlite as sqlite3
from dropout_ledger.sync import coverage, flags, vectors


def build_manifest(ledger: Ledger, *, peer_org: str, school: str, full: bool = False
                   ) -> dict[str, Any]:
    """What this side holds of the peer's and its own organisation, its clock, and the summary.

    `request_full`: this side saw a gap in what the peer sent and asks it for everything
    (`flags.REQUEST_FULL`, raised by the importer). `full`: this package itself carries
    everything it could (the answer to such a request, or to a fork), so the peer can lower
    its own request flag on import.
    """
    conn = ledger.conn
    have = vectors.have(conn, sorted({peer_org, ledger.org_id}))
    if ledger.org_id.startswith("S:") and peer_org.startswith("C:"):
        # The county's chain reaches a school with holes on purpose: state how far its
        # receipts say we hold it, not where the first hole is (sync/coverage.py).
        have.update(coverage.held(conn, county=peer_org, school=ledger.org_id,
                                      replica=ledger.replica))
    return {
        "have": have,
        "lc": lamport(conn),
        "summary": summary(conn, school),
        "request_full": flags.is_set(conn, flags.REQUEST_FULL, peer_org),
        "full": full,
    }


def lamport(conn: sqlite3.Connection) -> int:
    """This ledger's Lamport clock: the highest value it has seen (events or statements)."""
    return events.lamport(conn)


def summary(conn: sqlite3.Connection, school: str) -> dict[str, Any]:
    """The school's pupils by current status, as this ledger sees them."""
    rows = conn.execute(
        "SELECT coalesce(s.status, ''), count(*) FROM students s"
        " JOIN entities n ON n.ent = 'student:' || s.id"
        " JOIN events e ON e.eid = n.created_eid"
        " WHERE e.org = ? AND s.retracted = 0 GROUP BY 1 ORDER BY 1",
        (school,),
    ).fetchall()
    by_status = {code: n for code, n in rows}
    return {"school": school, "students": sum(by_status.values()), "by_status": by_status}
