"""Golden package files made once with fixed synthetic keys: every later version must read them.

In tests/fixtures/packages/v1/ (sync.md §c.17 item 7). Two hand-made envelopes pin the byte
layout: `school_to_county.dlpkg` is encrypted (HPKE output is random, so the file is kept, not
re-made); `enrollment.dlpkg` is signed only, and Ed25519 signatures are deterministic, so it is
also rebuilt byte for byte from its parts. Three packages written by real ledgers
(`tools/make_golden_packages.py`, never regenerated once released) pin the whole import: each
is imported into a fresh ledger and must project exactly what `expected.json` says — pupils,
names, statuses, records, conflicts, and how many events of each kind arrived.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from dropout_ledger.sync import envelope, importer
from dropout_ledger.sync.payload import decode_inner, encode_inner
from tests.sync import golden
from tests.sync.support import COUNTY, SCHOOL, dump, fixed_pair

HERE = golden.V1
EXPECTED = json.loads((HERE / "expected.json").read_text(encoding="utf-8"))
BODY = b'{"fields":{"phone":{"base":[],"value":"0851-0000000"}}}'
HDR = (b'{"body_hash":"' + hashlib.sha256(BODY).hexdigest().encode() + b'",'
       b'"ent":"org:S:2152482101","kind":"update","lc":3,"org":"S:2152482101","prev":"",'
       b'"rep":"r1","seq":1,"v":1,"wall":"2026-11-22T10:00:00+08:00",'
       b'"who":{"id":"local","name":"local"}}')
SHA = {"school_to_county.dlpkg": "3e6d6ce0394ea32a64b4459b8ae27145654f87066c1a248743d6ede98ace0148",
       "enrollment.dlpkg": "6c8e716d1abf64ec29051d524b1e3021108fb1d24fd95a98a53588b99ac17387"}
SCHOOL_KEYS, COUNTY_KEYS = fixed_pair(SCHOOL, 1), fixed_pair(COUNTY, 3)
HEADER = {"kind": "school_to_county", "package_id": "0f0e0d0c-0b0a-4908-8706-050403020100",
          "created_wall": "2026-11-22T10:00:00+08:00", "app": "0.1.0",
          "from": {"name": "坪坝镇中心学校"}, "to": {"name": "示例县教育局"},
          "chains": {"r1": {"seq": 1, "head": "x"}}}


def _inner() -> bytes:
    return encode_inner({"have": {"r1": {"org": SCHOOL, "seq": 1}}, "summary": {}},
                        [(HDR, BODY)])


def _enrollment() -> bytes:
    return envelope.seal({**HEADER, "kind": "enrollment", "to": {"org": SCHOOL, "name": "x"},
                          "package_id": "1f0e0d0c-0b0a-4908-8706-050403020100"},
                         encode_inner({"kind": "enrollment"}, []), sender=COUNTY_KEYS,
                         recipient=None)


def test_the_encrypted_golden_package_still_opens() -> None:
    data = (HERE / "school_to_county.dlpkg").read_bytes()
    assert hashlib.sha256(data).hexdigest() == SHA["school_to_county.dlpkg"]
    header = envelope.read_header(data)
    assert envelope.check_recipient(header, org=COUNTY, keys=[COUNTY_KEYS]) is COUNTY_KEYS
    assert envelope.sender_keys(header) == SCHOOL_KEYS.public
    inner = envelope.open_payload(data, header, sender_sign_pk=SCHOOL_KEYS.public.sign_pk,
                                  recipient=COUNTY_KEYS)
    assert inner == _inner()
    manifest, [event] = decode_inner(inner)
    assert manifest["have"]["r1"]["seq"] == 1 and event.body == BODY
    assert event.eid == hashlib.sha256(HDR).hexdigest()


def test_the_enrolment_golden_file_is_rebuilt_byte_for_byte() -> None:
    golden = (HERE / "enrollment.dlpkg").read_bytes()
    assert hashlib.sha256(golden).hexdigest() == SHA["enrollment.dlpkg"]
    assert _enrollment() == golden
    header = envelope.read_header(golden)
    inner = envelope.open_payload(golden, header, sender_sign_pk=COUNTY_KEYS.public.sign_pk,
                                  recipient=None)
    assert decode_inner(inner) == ({"kind": "enrollment"}, [])



@pytest.mark.parametrize("name", sorted(EXPECTED["sha256"]))
def test_the_written_golden_packages_are_the_released_bytes(name: str) -> None:
    data = (HERE / name).read_bytes()
    assert hashlib.sha256(data).hexdigest() == EXPECTED["sha256"][name], \
        f"{name} changed: released golden files are never regenerated"


def test_the_school_package_projects_the_same_pupils_in_a_fresh_county(tmp_path: Path) -> None:
    got = golden.import_school_package(tmp_path)
    want = EXPECTED[golden.SCHOOL_PACKAGE]
    assert got["accepted"] and got["new_events"] == want["new_events"] > 70
    assert got["students"] == want["students"]  # id → name, status, withdrawn
    assert got == want


def test_the_county_package_projects_the_same_corrections_in_a_fresh_school(
        tmp_path: Path) -> None:
    got = golden.import_county_package(tmp_path)
    want = EXPECTED[golden.COUNTY_PACKAGE]
    assert got["accepted"] and "欧阳测试" in {name for name, _, _ in got["students"].values()}
    assert got == want


def test_a_golden_package_imported_twice_changes_nothing_the_second_time(tmp_path: Path) -> None:
    with golden.fresh_county(tmp_path) as county:
        path = HERE / golden.SCHOOL_PACKAGE
        assert importer.import_file(county, path).accepted
        before = dump(county)
        again = importer.import_file(county, path)
        assert again.accepted and again.code == "duplicate" and again.new_events == 0
        assert dump(county) == before
