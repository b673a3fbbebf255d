"""Helpers for the sync tests: fixed synthetic keys, packages, and "nothing changed" checks."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from dropout_ledger.ledger import Ledger
from dropout_ledger.sync import envelope
from dropout_ledger.sync.errors import MESSAGES, PackageRefused
from dropout_ledger.sync.keys import KeyPair
from dropout_ledger.sync.payload import encode_inner

COUNTY_CODE = "524821"
COUNTY = f"C:{COUNTY_CODE}"
SCHOOL_CODE = "2152482101"
SCHOOL = f"S:{SCHOOL_CODE}"
OTHER_CODE = "2152482102"
OTHER = f"S:{OTHER_CODE}"


def fixed_pair(org: str, seed: int, rep: str = "") -> KeyPair:
    """Keys derived from fixed bytes (never random): golden vectors stay the same forever."""
    return KeyPair(org, rep or f"{seed:032x}", Ed25519PrivateKey.from_private_bytes(bytes([seed]) * 32),
                   X25519PrivateKey.from_private_bytes(bytes([seed + 1]) * 32))


def school_events(ledger: Ledger) -> list[tuple[bytes, bytes | None]]:
    """A ledger's own events as stored, in sequence order (what an exporter would send)."""
    rows = ledger.conn.execute(
        "SELECT hdr, body FROM events WHERE org = ? ORDER BY rep, seq", (ledger.org_id,))
    return [(bytes(hdr), None if body is None else bytes(body)) for hdr, body in rows]


def package(sender: KeyPair, recipient: KeyPair, inner: bytes | None = None,
            **header: Any) -> bytes:
    """A school → county package (small, unless `inner` says otherwise)."""
    if inner is None:
        inner = encode_inner({"have": {}, "summary": {"students": 0}}, [])
    head = {"kind": "school_to_county", "from": {"name": "坪坝镇中心学校"},
            "to": {"name": "示例县教育局"}, "created_wall": "2026-11-22T10:00:00+08:00"}
    head.update(header)
    return envelope.seal(head, inner, sender=sender, recipient=recipient.public)


def refused(code: str, excinfo: pytest.ExceptionInfo[PackageRefused]) -> PackageRefused:
    """The refusal has this code and a message starting with that code's Chinese sentence."""
    error = excinfo.value
    assert error.code == code, f"{error.code}: {error.message}"
    assert error.message.startswith(MESSAGES[code])
    assert error.exit_code == 2
    return error


def dump(ledger: Ledger) -> str:
    """The ledger's whole logical content: equal hashes mean nothing changed."""
    return hashlib.sha256("\n".join(ledger.conn.iterdump()).encode()).hexdigest()


def dump_file(path: Path) -> str:
    """Like `dump`, for a closed ledger file (opened read-only, not through Ledger.open)."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return hashlib.sha256("\n".join(conn.iterdump()).encode()).hexdigest()
    finally:
        conn.close()


def header_span(data: bytes) -> tuple[int, int]:
    """(start, end) of the header bytes inside a package."""
    size = int.from_bytes(data[8:12], "big")
    return 12, 12 + size
