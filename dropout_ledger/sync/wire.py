"""One event as it travels in a package: its exact bytes and their decoded form.

The merge and the validator work on these, never on re-encoded values: the header bytes are what
the event id hashes, and the body bytes are what `body_hash` names, so storing them as received
keeps every chain verifiable. `payload.decode_inner` (S1) produces them from a package; `from_row`
produces them from a ledger's own `events` table (exports, tests).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any

from dropout_ledger import canonical


@dataclass(frozen=True)
class WireEvent:
    """An event's id, canonical header and body bytes, and both decoded.

    `body` and `body_obj` are None only for a redacted event (its header and hash stay).
    """

    eid: str
    hdr: bytes
    body: bytes | None
    header: dict[str, Any]
    body_obj: dict[str, Any] | None


def from_row(eid: str, hdr: bytes, body: bytes | None) -> WireEvent:
    """A WireEvent from a stored `events` row (eid, hdr, body)."""
    header = canonical.decode(bytes(hdr))
    decoded = canonical.decode(bytes(body)) if body is not None else None
    return WireEvent(
        eid=eid, hdr=bytes(hdr), body=None if body is None else bytes(body), header=header,
        body_obj=decoded if isinstance(decoded, dict) else None,
    )


def from_bytes(hdr: bytes, body: bytes | None) -> WireEvent:
    """A WireEvent from header and body bytes alone (the event id is their hash)."""
    return from_row(hashlib.sha256(hdr).hexdigest(), hdr, body)
