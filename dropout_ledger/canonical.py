"""Canonical JSON: the one byte encoding every event is hashed and stored in.

Two machines that hold the same event must produce the same bytes, or hash chains and sync
break. The rule is RFC 8785 (JCS) restricted to our types: objects with ASCII keys sorted,
no insignificant whitespace, UTF-8, integers only (money is in fen, never floats), strings in
Unicode NFC. Anything outside that is refused rather than silently coerced; golden vectors in
tests/data/canonical_vectors.json pin the output.
"""

from __future__ import annotations

import hashlib
import json
import unicodedata
from typing import Any

JsonValue = None | bool | int | str | list[Any] | dict[str, Any]

# JSON integers above 2**53 lose precision in other readers (JavaScript, Excel); refuse them.
MAX_SAFE_INT = 2**53 - 1


class CanonicalError(ValueError):
    """A value that has no canonical encoding (a float, a non-NFC string, a non-ASCII key)."""


def _check(value: Any, path: str) -> None:
    if value is None or isinstance(value, bool):
        return
    if isinstance(value, int):
        if abs(value) > MAX_SAFE_INT:
            raise CanonicalError(f"{path}: integer out of the safe range")
        return
    if isinstance(value, str):
        if unicodedata.normalize("NFC", value) != value:
            raise CanonicalError(f"{path}: string is not NFC-normalised")
        return
    if isinstance(value, list):
        for i, item in enumerate(value):
            _check(item, f"{path}[{i}]")
        return
    if isinstance(value, dict):
        for key, item in value.items():
            if not isinstance(key, str) or not key.isascii():
                raise CanonicalError(f"{path}: keys must be ASCII strings, got {key!r}")
            _check(item, f"{path}.{key}")
        return
    raise CanonicalError(f"{path}: {type(value).__name__} has no canonical form")


def encode(value: JsonValue, *, checked: bool = True) -> bytes:
    """Return the canonical bytes of `value`; raise CanonicalError for values outside our subset.

    `checked=False` skips the type walk for values that came out of canonical bytes already
    (projections re-encode list columns of every event during a rebuild).
    """
    if checked:
        _check(value, "$")
    return json.dumps(
        value, ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False
    ).encode("utf-8")


def decode(data: bytes, *, checked: bool = True) -> Any:
    """Parse canonical bytes, refusing anything that would not re-encode to the same bytes.

    `checked=False` trusts bytes this ledger already holds (their hashes are verified by
    `verify`); anything arriving from outside is decoded checked.
    """
    value = json.loads(data.decode("utf-8"), parse_float=_refuse_float)
    if checked and encode(value) != data:
        raise CanonicalError("bytes are not in canonical form")
    return value


def _refuse_float(text: str) -> Any:
    raise CanonicalError(f"floats are not allowed: {text}")


def sha256_hex(data: bytes) -> str:
    """Hex SHA-256, the content address used for events, bodies and attachments."""
    return hashlib.sha256(data).hexdigest()


def nfc(text: str) -> str:
    """Normalise user input to NFC at the edge, so the encoder never has to refuse it."""
    return unicodedata.normalize("NFC", text)
