"""Opening a package for import: every check of sync.md §c.7, in its order, nothing written.

size cap → magic → header length and parse → exact file length → format and min_reader
(`envelope.read_header`) → recipient (`envelope.check_recipient`) → sender pinned and not
revoked (`trust.check_sender`) → payload SHA-256 → signature → HPKE decryption → bounded
decompression (`envelope.open_payload`) → every line canonical, body hashes, event ids
(`payload.decode_inner`). Event validation and merging come after (sync/validate.py, merge.py).
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import PurePath
from typing import Any

from dropout_ledger.store import sqlite as sqlite3
from dropout_ledger.sync import envelope, trust
from dropout_ledger.sync.keys import KeyPair, PublicKeys
from dropout_ledger.sync.payload import decode_inner
from dropout_ledger.sync.wire import WireEvent


@dataclass(frozen=True)
class Opened:
    """A package that passed every check, ready for validation and merge."""

    header: dict[str, Any]
    sender: PublicKeys
    trusted: trust.TrustedKey
    """The trust row that admitted the sender; `keys` None = matched by pinned digits only,
    so the importer pins `sender` as active in its transaction (`trust.pin`)."""
    manifest: dict[str, Any]
    events: list[WireEvent]
    sha256: str
    """SHA-256 of the whole file: the idempotence key of `imported_packages`."""


def open_package(conn: sqlite3.Connection, data: bytes, *, org: str, keys: Sequence[KeyPair],
                 name: str | PurePath = "", max_size: int = envelope.MAX_FILE,
                 max_inner: int = envelope.MAX_INNER) -> Opened:
    """Verify `data` (read from the file called `name`) for this ledger (`org`, own `keys`).

    Raises PackageRefused with the code of the first check that fails. For 'held' and
    'key_changed' the importer may remember the key with `trust.hold` (in its own transaction)
    so that the clerk can confirm it.
    """
    if name:
        envelope.check_name(name)
    header = envelope.read_header(data, max_size=max_size)
    recipient = envelope.check_recipient(header, org=org, keys=keys)
    sender = envelope.sender_keys(header)
    trusted = trust.check_sender(conn, sender)
    inner = envelope.open_payload(data, header, sender_sign_pk=sender.sign_pk,
                                  recipient=recipient, max_inner=max_inner)
    manifest, events = decode_inner(inner)
    return Opened(header=header, sender=sender, trusted=trusted, manifest=manifest,
                  events=events, sha256=hashlib.sha256(data).hexdigest())
