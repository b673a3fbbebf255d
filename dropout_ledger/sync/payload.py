"""The inner payload: JSON Lines, a manifest first, then one event per line.

    {"have":…,"summary":…, …}                       line 1: the manifest (any canonical object)
    {"body":{…},"hdr":{…}}                           every further line: one event as stored
    {"body":null,"hdr":{…}}                          a redacted event (header only)

Each line ends with "\\n". Every line must be canonical JSON (restricted JCS, `canonical.py`):
a reader re-encodes it and refuses anything that does not come back byte for byte — other
spacing, key order, repeated keys, floats, non-NFC text. Because the canonical form of an
object is the concatenation of its members' canonical forms, the `hdr` and `body` bytes inside
a line are exactly the bytes the sender stored: the event id is the SHA-256 of `hdr`, and the
header's `body_hash` is checked against `body` (sync.md §c.3, §c.6).
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Iterable
from typing import Any

from dropout_ledger import canonical
from dropout_ledger.errors import Problem
from dropout_ledger.store.events import Operator, build_header
from dropout_ledger.sync.errors import PackageRefused
from dropout_ledger.sync.wire import WireEvent

HEADER_FIELDS = frozenset(canonical.decode(build_header(
    org="", rep="", seq=0, lc=0, prev="", wall="", who=Operator("", ""), kind="", ent="",
    body_hash="")))
"""The members every event header has (store/events.py builds them); extra ones are kept."""


def encode_inner(manifest: dict[str, Any],
                 events: Iterable[tuple[bytes, bytes | None]]) -> bytes:
    """The inner payload from a manifest and (hdr, body) byte pairs as stored in `events`.

    Event lines are assembled from the stored bytes (no decode and re-encode per event): the
    result is the canonical encoding of {"body": …, "hdr": …} because both parts already are.
    """
    parts = [canonical.encode(manifest), b"\n"]
    for hdr, body in events:
        parts += [b'{"body":', b"null" if body is None else body, b',"hdr":', hdr, b"}\n"]
    return b"".join(parts)


def decode_inner(inner: bytes) -> tuple[dict[str, Any], list[WireEvent]]:
    """The manifest and events, every line checked; PackageRefused on the first bad line
    ('noncanonical') or with every bad event listed ('bad_event', rows = line numbers)."""
    if not inner.endswith(b"\n"):
        raise PackageRefused("noncanonical", "内容的最后一行没有换行。")
    lines = inner[:-1].split(b"\n")
    manifest = _line(lines[0], 1)
    if not isinstance(manifest, dict):
        raise PackageRefused("bad_event", "第1行（清单）不是一个对象。")
    events: list[WireEvent] = []
    problems: list[Problem] = []
    for number, raw in enumerate(lines[1:], start=2):
        event = _event(_line(raw, number), raw, number)
        if isinstance(event, Problem):
            problems.append(event)
        else:
            events.append(event)
    if problems:
        raise PackageRefused("bad_event", problems=problems)
    return manifest, events


def _line(raw: bytes, number: int) -> Any:
    try:
        return decode_line(raw)
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise PackageRefused("noncanonical", f"第{number}行不是规范的 JSON。") from None


def decode_line(raw: bytes) -> Any:
    """`canonical.decode(raw)` with the same verdicts, about twice as fast.

    A county imports a million lines. Instead of a checking walk that builds a path string for
    every node, the re-encoding is compared as text; NFC is checked once over the whole line
    (canonical strings are never escaped, and the quotes around them compose with nothing); one
    lean walk checks the integers' range and, for a line with non-ASCII text, the keys.
    tests/sync/test_payload.py holds both decoders to the golden vectors and to odd lines.
    """
    text = raw.decode("utf-8")
    value = json.loads(text, parse_float=_no_float, parse_constant=_no_float)
    again = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"),
                       allow_nan=False)
    if again != text:
        raise canonical.CanonicalError("bytes are not in canonical form")
    ascii_text = text.isascii()
    if not ascii_text and not unicodedata.is_normalized("NFC", text):
        raise canonical.CanonicalError("string is not NFC-normalised")
    _walk(value, ascii_text)
    return value


def _no_float(text: str) -> Any:
    raise canonical.CanonicalError(f"floats are not allowed: {text}")


def _walk(value: Any, ascii_keys: bool) -> None:
    """Integers within ±(2**53 - 1); dict keys ASCII (known already when the line is)."""
    if type(value) is dict:
        if not ascii_keys and not "".join(value).isascii():
            raise canonical.CanonicalError("keys must be ASCII")
        value = value.values()
    elif type(value) is not list:
        if type(value) is int and abs(value) > canonical.MAX_SAFE_INT:
            raise canonical.CanonicalError("integer out of the safe range")
        return
    for item in value:
        if type(item) is dict or type(item) is list or type(item) is int:
            _walk(item, ascii_keys)


_BODY, _HDR = b'{"body":', b',"hdr":'


def _event(value: Any, raw: bytes, number: int) -> WireEvent | Problem:
    if not isinstance(value, dict) or set(value) != {"body", "hdr"}:
        return Problem("event", "不是一条事件（应只有 hdr 和 body 两项）", row=number)
    header, body = value["hdr"], value["body"]
    if not isinstance(header, dict) or not HEADER_FIELDS <= set(header):
        return Problem("hdr", "事件头缺少必需的项", row=number)
    if body is not None and not isinstance(body, dict):
        return Problem("body", "事件内容不是一个对象", row=number)
    # The line is canonical, so it is exactly {"body":<body bytes>,"hdr":<hdr bytes>}: the
    # small header is encoded again and the body is the bytes in between.
    hdr = canonical.encode(header, checked=False)
    body_bytes = raw[len(_BODY):len(raw) - len(hdr) - len(_HDR) - 1]
    if not raw.startswith(_BODY) or raw[len(_BODY) + len(body_bytes):] != _HDR + hdr + b"}":
        raise AssertionError("a canonical event line has another shape")  # cannot happen
    if body is None:
        return WireEvent(eid=canonical.sha256_hex(hdr), hdr=hdr, body=None, header=header,
                         body_obj=None)
    if canonical.sha256_hex(body_bytes) != header["body_hash"]:
        return Problem("body_hash", "事件内容与其校验值不符（内容被改动）", row=number)
    return WireEvent(eid=canonical.sha256_hex(hdr), hdr=hdr, body=body_bytes, header=header,
                     body_obj=body)
