"""Golden package files made once with fixed synthetic keys: every later version must read them.

`v1/school_to_county.dlpkg` is encrypted (HPKE output is random, so the file is kept, not
re-made); `v1/enrollment.dlpkg` is signed only, and Ed25519 signatures are deterministic, so
it is also rebuilt byte for byte from its parts. Regenerate (only for a new format version!)
with `python -m tests.sync.test_golden`, then update SHA.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from dropout_ledger.sync import envelope
from dropout_ledger.sync.payload import decode_inner, encode_inner
from tests.sync.support import COUNTY, SCHOOL, fixed_pair

HERE = Path(__file__).parent / "data" / "v1"
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


def regenerate() -> None:
    HERE.mkdir(parents=True, exist_ok=True)
    (HERE / "school_to_county.dlpkg").write_bytes(envelope.seal(
        HEADER, _inner(), sender=SCHOOL_KEYS, recipient=COUNTY_KEYS.public))
    (HERE / "enrollment.dlpkg").write_bytes(_enrollment())


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


if __name__ == "__main__":
    regenerate()
