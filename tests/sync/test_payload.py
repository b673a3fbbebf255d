"""The inner payload: canonical JSON Lines, body hashes, event ids, row-level refusals."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path
from typing import Any

import pytest

from dropout_ledger import canonical
from dropout_ledger.ledger import Ledger
from dropout_ledger.sync import check, envelope
from dropout_ledger.sync.errors import PackageRefused
from dropout_ledger.sync.keys import KeyPair
from dropout_ledger.sync.payload import HEADER_FIELDS, decode_inner, decode_line, encode_inner
from dropout_ledger.synthetic import SyntheticFactory
from tests.sync.support import COUNTY, dump, package, refused, school_events

HDR = (b'{"body_hash":"44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a",'
       b'"ent":"org:S:2152482101","kind":"update","lc":3,"org":"S:2152482101","prev":"",'
       b'"rep":"r1","seq":1,"v":1,"wall":"2026-11-22T10:00:00+08:00",'
       b'"who":{"id":"local","name":"\xe6\x9c\xac\xe6\x9c\xba\xe7\x94\xa8\xe6\x88\xb7"}}')
BODY = b"{}"
GOLDEN_INNER = (b'{"have":{},"summary":{"students":0}}\n'
                b'{"body":{},"hdr":' + HDR + b'}\n')


def test_golden_inner_payload() -> None:
    assert hashlib.sha256(BODY).hexdigest() in HDR.decode()
    inner = encode_inner({"summary": {"students": 0}, "have": {}}, [(HDR, BODY)])
    assert inner == GOLDEN_INNER
    manifest, events = decode_inner(inner)
    assert manifest == {"have": {}, "summary": {"students": 0}}
    [event] = events
    assert event.hdr == HDR and event.body == BODY and event.body_obj == {}
    assert event.eid == hashlib.sha256(HDR).hexdigest()
    assert event.header["seq"] == 1 and event.header["who"]["name"] == "本机用户"


def test_header_fields_follow_the_event_store() -> None:
    assert HEADER_FIELDS == {"v", "org", "rep", "seq", "lc", "prev", "wall", "who", "kind",
                             "ent", "body_hash"}


def test_a_real_ledgers_events_round_trip_byte_for_byte(school: Ledger) -> None:
    factory = SyntheticFactory(seed=3)
    for _ in range(5):
        school.students.add(factory.student(grade=4), effective_date="2025-09-01")
    stored = school_events(school)
    manifest, events = decode_inner(encode_inner({"have": {}}, stored))
    assert [(e.hdr, e.body) for e in events] == stored
    eids = [row[0] for row in school.conn.execute(
        "SELECT eid FROM events WHERE org = ? ORDER BY rep, seq", (school.org_id,))]
    assert [e.eid for e in events] == eids


def test_a_redacted_body_travels_as_null() -> None:
    manifest, [event] = decode_inner(encode_inner({}, [(HDR, None)]))
    assert event.body is None and event.body_obj is None


@pytest.mark.parametrize(("line", "why"), [
    (b'{"body":{}, "hdr":' + HDR + b"}", "a space"),
    (b'{"hdr":' + HDR + b',"body":{}}', "keys out of order"),
    (b'{"body":{},"body":{},"hdr":' + HDR + b"}", "a repeated key"),
    (b'{"body":{"x":1.5},"hdr":' + HDR + b"}", "a float"),
    (b'{"body":{"name":"e\xcc\x81"},"hdr":' + HDR + b"}", "text not in NFC"),
    (b'{"body":{},"hdr":' + HDR + b"", "cut short"),
    (b"", "an empty line"),
    (b'{"body":{},"hdr":' + HDR + b"}\r", "a CR"),
])
def test_non_canonical_lines_are_refused(line: bytes, why: str) -> None:
    inner = b'{"have":{}}\n' + line + b"\n"
    with pytest.raises(PackageRefused) as excinfo:
        decode_inner(inner)
    assert "第2行" in refused("noncanonical", excinfo).message, why


def test_a_duplicate_key_in_the_manifest() -> None:
    with pytest.raises(PackageRefused) as excinfo:
        decode_inner(b'{"have":{},"have":{}}\n')
    assert "第1行" in refused("noncanonical", excinfo).message


def test_a_missing_final_newline() -> None:
    with pytest.raises(PackageRefused) as excinfo:
        decode_inner(GOLDEN_INNER[:-1])
    refused("noncanonical", excinfo)


def test_bad_events_are_listed_row_by_row() -> None:
    tampered = HDR.replace(b'"seq":1', b'"seq":2')  # the header changes, the body stays
    other_body = b'{"fields":{}}'
    no_kind = canonical.encode({k: v for k, v in canonical.decode(HDR).items() if k != "kind"})
    inner = encode_inner({}, [(HDR, BODY), (HDR, other_body), (tampered, BODY), (no_kind, BODY)])
    inner += b'{"body":{},"hdr":{},"x":1}\n[1,2]\n'
    with pytest.raises(PackageRefused) as excinfo:
        decode_inner(inner)
    error = refused("bad_event", excinfo)
    assert [(p.row, p.field) for p in error.problems] == [
        (3, "body_hash"), (5, "hdr"), (6, "event"), (7, "event")]
    assert "第3行 事件内容与其校验值不符（内容被改动）" in error.message


def test_noncanonical_and_duplicate_lines_inside_a_sealed_package(
        trusting_county: Ledger, school_keys: KeyPair, county_keys: KeyPair) -> None:
    before = dump(trusting_county)
    for line in (b'{"body":{}, "hdr":' + HDR + b"}", b'{"body":{},"body":{},"hdr":' + HDR + b"}"):
        data = package(school_keys, county_keys, b'{"have":{}}\n' + line + b"\n")
        with pytest.raises(PackageRefused) as excinfo:
            check.open_package(trusting_county.conn, data, org=COUNTY, keys=[county_keys])
        refused("noncanonical", excinfo)
    assert dump(trusting_county) == before


# --- privacy ---------------------------------------------------------------------------------

ID_LIKE = re.compile(rb"(?<!\d)\d{17}[\dXx](?!\d)")


def test_no_personal_data_and_no_key_material_in_a_package(
        school: Ledger, school_keys: KeyPair, county_keys: KeyPair) -> None:
    factory = SyntheticFactory(seed=5)
    pupils = [factory.student(grade=g) for g in (3, 5, 7, 8)]
    for pupil in pupils:
        school.students.add(pupil, effective_date="2025-09-01")
    inner = encode_inner({"have": {}}, school_events(school))
    assert ID_LIKE.search(inner) and str(pupils[0]["name"]).encode() in inner  # they are inside
    data = package(school_keys, county_keys, inner)
    assert not ID_LIKE.search(data)
    for pupil in pupils:
        for field in ("name", "id_number", "xjh"):
            assert str(pupil[field]).encode() not in data
    for pair in (school_keys, county_keys):
        for secret in (pair.sign.private_bytes_raw(), pair.enc.private_bytes_raw()):
            assert secret not in data and secret.hex().encode() not in data
    assert b"PRIVATE" not in data
    header = envelope.read_header(data)
    assert set(header) >= {"from", "to", "kind", "payload_sha256"}
    assert "学生" not in canonical.encode(header).decode()


def test_two_seals_of_the_same_data_differ(school_keys: KeyPair, county_keys: KeyPair) -> None:
    inner = encode_inner({"have": {}}, [(HDR, BODY)])
    one = package(school_keys, county_keys, inner, package_id="5f0c6a52-7f3e-4d8e-9a1b-2c3d4e5f6a7b")
    two = package(school_keys, county_keys, inner, package_id="5f0c6a52-7f3e-4d8e-9a1b-2c3d4e5f6a7b")
    assert one != two
    end_one = 12 + int.from_bytes(one[8:12], "big")
    end_two = 12 + int.from_bytes(two[8:12], "big")
    assert one[end_one + 8:end_one + 40] != two[end_two + 8:end_two + 40]  # fresh HPKE keys


# --- the fast line decoder agrees with canonical.decode ----------------------------------------

VECTORS = json.loads((Path(__file__).parents[1] / "data" / "canonical_vectors.json").read_text())
ODD_LINES = [
    b'{"a":1}', b'{"a": 1}', b'{"b":1,"a":2}', b'{"a":1,"a":1}', b'{"a":1.0}', b'{"a":1e3}',
    b'{"a":NaN}', b'{"a":Infinity}', b'{"a":-Infinity}', b'{"a":9007199254740991}',
    b'{"a":9007199254740992}', b'[-9007199254740992]', '{"键":1}'.encode(),
    '{"a":"é"}'.encode(), '{"a":"e\u0301"}'.encode(), '{"a":"\u0301"}'.encode(),
    b'{"a":"\\u00e9"}', b'{"a":"\\ud800"}', b'{"a":"\\n"}', b'{"a":"\n"}', b'"x"', b"null",
    b"true", b"7", b"[1,[2,[3,{}]]]", b'{"a":[true,false,null]}', b"\xff", b"", b" {}",
    '{"name":"王䶮𠅤"}'.encode(), b'{"a":"\\/"}', b'{"a":"/"}', b'{"a":"\\u001f"}',
]


def _verdict(decoder: Any, raw: bytes) -> Any:
    try:
        return ("ok", decoder(raw))
    except (UnicodeDecodeError, ValueError):
        return ("refused", None)


@pytest.mark.parametrize("raw", [bytes.fromhex(v["utf8_hex"]) for v in VECTORS] + ODD_LINES)
def test_decode_line_agrees_with_canonical_decode(raw: bytes) -> None:
    assert _verdict(decode_line, raw) == _verdict(canonical.decode, raw)


def test_deeply_nested_lines_are_refused_not_crashed() -> None:
    deep = b"[" * 100_000 + b"]" * 100_000
    with pytest.raises(PackageRefused) as excinfo:
        decode_inner(b'{"have":{}}\n' + deep + b"\n")
    refused("noncanonical", excinfo)
