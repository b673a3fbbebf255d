"""The package envelope: exact layout, and every kind of damage refused with its own code.

Each refusal is checked for its code and its Chinese message (support.refused), and the ledger
the package was checked against is unchanged (hash of iterdump before and after).
"""

from __future__ import annotations

import hashlib
import json
import zlib
from collections import Counter
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from dropout_ledger import canonical
from dropout_ledger.ledger import Ledger
from dropout_ledger.sync import check, envelope, trust
from dropout_ledger.sync.errors import PackageRefused
from dropout_ledger.sync.keys import KeyPair, PublicKeys
from dropout_ledger.sync.payload import encode_inner
from tests.sync.support import (
    COUNTY,
    OTHER,
    SCHOOL,
    dump,
    fixed_pair,
    header_span,
    package,
    refused,
)

INNER = encode_inner({"have": {}, "summary": {"students": 0}}, [])


@pytest.fixture
def data(school_keys: KeyPair, county_keys: KeyPair) -> bytes:
    return package(school_keys, county_keys)


class Opener:
    """Opens packages as the county would; `unchanged()` says whether the ledger is as it was
    when the opener was made (or last `rebase`d, after a test changed trust on purpose)."""

    def __init__(self, ledger: Ledger, keys: KeyPair) -> None:
        self.ledger, self.keys = ledger, keys
        self.rebase()

    def rebase(self) -> None:
        self.before = dump(self.ledger)

    def __call__(self, raw: bytes, **options: Any) -> check.Opened:
        return check.open_package(self.ledger.conn, raw, org=COUNTY, keys=[self.keys], **options)

    def unchanged(self) -> bool:
        return dump(self.ledger) == self.before


@pytest.fixture
def opener(trusting_county: Ledger, county_keys: KeyPair) -> Iterator[Opener]:
    """Every test ends by checking that opening (or refusing) packages wrote nothing."""
    made = Opener(trusting_county, county_keys)
    yield made
    assert made.unchanged()


def code_of(opener: Opener, raw: bytes, **options: Any) -> str:
    try:
        opener(raw, **options)
    except PackageRefused as error:
        return error.code
    return "accepted"


def reframe(data: bytes, sign: KeyPair, change: Callable[[dict[str, Any]], None]) -> bytes:
    """The same payload under a changed header, signed again by `sign` (a forger with a key)."""
    start, end = header_span(data)
    header = json.loads(data[start:end])
    change(header)
    payload = data[end + 8:end + 8 + header["payload_len"]]
    return envelope.frame(header, payload, sign.sign)


# --- the layout ------------------------------------------------------------------------------


def test_layout_is_exactly_as_documented(data: bytes, school_keys: KeyPair) -> None:
    start, end = header_span(data)
    size = end - start
    header = canonical.decode(data[start:end])
    payload_len = int.from_bytes(data[end:end + 8], "big")
    assert data[:8] == b"DLPK\r\n\x1a\x01"
    assert payload_len == header["payload_len"] == len(zlib.compress(INNER, 6)) + 48
    assert len(data) == 92 + size + payload_len
    assert data[-8:] == b"DLPKGEND"
    signed = data[:20 + size + payload_len]
    school_keys.sign.public_key().verify(
        data[20 + size + payload_len:-8],
        b"dlpkg-sig-v1\0" + hashlib.sha256(signed).digest())
    payload = data[20 + size:20 + size + payload_len]
    assert hashlib.sha256(payload).hexdigest() == header["payload_sha256"]
    assert header["suite"] == "HPKE-X25519-HKDF-SHA256-AES256GCM+Ed25519"
    assert header["from"]["sign_key"] == school_keys.public.fingerprint()
    assert header["to"] == {"org": COUNTY, "name": "示例县教育局",
                            "enc_key": fixed_pair(COUNTY, 3).public.fingerprint()}
    assert (header["inner_len"], header["events"], header["compression"]) == (len(INNER), 0,
                                                                               "deflate")


def test_a_sound_package_opens(opener: Opener, data: bytes,
                               school_keys: KeyPair) -> None:
    opened = opener(data, name="DL_S2152482101_20261122_1c15.dlpkg")
    assert opened.manifest == {"have": {}, "summary": {"students": 0}} and opened.events == []
    assert opened.sender == school_keys.public and opened.trusted.status == "active"
    assert opened.sha256 == hashlib.sha256(data).hexdigest()


def test_hpke_info_binds_the_header_without_its_payload_hash(data: bytes,
                                                             county_keys: KeyPair) -> None:
    start, end = header_span(data)
    header = json.loads(data[start:end])
    payload = data[end + 8:end + 8 + header["payload_len"]]
    info = b"dlpkg-v1\0" + hashlib.sha256(canonical.encode(
        {k: v for k, v in header.items() if k != "payload_sha256"})).digest()
    assert zlib.decompress(envelope.SUITE.decrypt(payload, county_keys.enc, info=info)) == INNER


def test_package_name() -> None:
    import datetime as dt

    name = envelope.package_name(SCHOOL, dt.date(2025, 3, 1), "3f2a9c1e-0000-4000-8000-000000000000")
    assert name == "DL_S2152482101_20250301_3f2a.dlpkg"


# --- truncation, trailing bytes, flipped bits ------------------------------------------------


def test_truncated_at_every_offset(opener: Opener, data: bytes) -> None:
    codes = Counter(code_of(opener, data[:cut]) for cut in range(len(data)))
    assert codes == Counter({"truncated": len(data)})
    with pytest.raises(PackageRefused) as excinfo:
        opener(data[:len(data) // 2])
    assert "文件不完整（可能拔U盘太早），请在原电脑上重新导出。" in refused("truncated", excinfo).message


@pytest.mark.parametrize("extra", [b"\0", b"\r\n", b"DLPKGEND", b"x" * 1000])
def test_trailing_garbage(opener: Opener, data: bytes,
                          extra: bytes) -> None:
    with pytest.raises(PackageRefused) as excinfo:
        opener(data + extra)
    refused("trailing_garbage", excinfo)


def test_two_packages_glued_together(opener: Opener, data: bytes) -> None:
    with pytest.raises(PackageRefused) as excinfo:
        opener(data + data)
    refused("trailing_garbage", excinfo)


def _flips(data: bytes, start: int, end: int) -> list[bytes]:
    out = []
    for index in range(start, end):
        for bit in range(8):
            changed = bytearray(data)
            changed[index] ^= 1 << bit
            out.append(bytes(changed))
    return out


def test_bit_flips_in_each_region(opener: Opener, data: bytes) -> None:
    start, end = header_span(data)
    payload_len = int.from_bytes(data[end:end + 8], "big")
    sig = end + 8 + payload_len
    regions: dict[str, tuple[int, int, set[str]]] = {
        "magic": (0, 7, {"not_package"}),
        "header length": (8, 12, {"bad_header", "damaged"}),
        "payload length": (end, end + 8, {"damaged"}),
        "payload": (end + 8, sig, {"damaged"}),
        "signature": (sig, sig + 64, {"bad_signature"}),
        "end marker": (sig + 64, len(data), {"damaged"}),
        # a changed header is caught by whichever check the change first breaks; never accepted
        "header": (start, end, {"bad_header", "noncanonical", "newer_format", "wrong_recipient",
                                "damaged", "bad_signature"}),
    }
    for region, (first, last, allowed) in regions.items():
        codes = Counter(code_of(opener, flipped) for flipped in _flips(data, first, last))
        assert set(codes) <= allowed, (region, codes)
    # the format byte: 0x00 is not ours, a higher version asks for an upgrade
    format_flips = [code_of(opener, flipped) for flipped in _flips(data, 7, 8)]
    assert format_flips == ["not_package"] + ["newer_format"] * 7


def _flip_in(data: bytes, text: bytes, bit: int = 0) -> bytes:
    """Flip one bit of the first byte of `text` inside the header."""
    start, end = header_span(data)
    index = data.index(text, start, end)
    changed = bytearray(data)
    changed[index] ^= 1 << bit
    return bytes(changed)


@pytest.mark.parametrize(("where", "bit", "code"), [
    (b"2026-11-22T10", 0, "bad_signature"),   # the claimed time: only the signature notices
    (b'"events":0', 1, "bad_header"),           # ' → % : no longer JSON
    (b'kind":"school', 5, "noncanonical"),      # "Kind": valid JSON, keys out of order
    (b'1,"package_id"', 1, "newer_format"),     # min_reader 1 → 3
    (b"95776", 0, "wrong_recipient"),           # 9 → 8: another recipient key
    (b"HPKE", 5, "bad_signature"),              # suite name changed: signature first
])
def test_targeted_header_flips(opener: Opener, data: bytes, where: bytes,
                               bit: int, code: str) -> None:
    with pytest.raises(PackageRefused) as excinfo:
        opener(_flip_in(data, where, bit))
    refused(code, excinfo)


# --- swapped and changed headers ---------------------------------------------------------------


def test_swapped_headers_between_two_valid_packages(opener: Opener,
                                                    school_keys: KeyPair,
                                                    county_keys: KeyPair) -> None:
    one = package(school_keys, county_keys)
    two = package(school_keys, county_keys, encode_inner({"have": {"x": 1}}, []))
    for first, second in ((one, two), (two, one)):
        start, end = header_span(first)
        s2, e2 = header_span(second)
        swapped = first[:end] + second[e2:]
        with pytest.raises(PackageRefused) as excinfo:
            opener(swapped)
        refused("damaged", excinfo)


def test_a_forger_who_fixes_the_payload_fields_still_lacks_the_signature(
        opener: Opener, school_keys: KeyPair, county_keys: KeyPair) -> None:
    one = package(school_keys, county_keys)
    two = package(school_keys, county_keys, encode_inner({"have": {"x": 1}}, []))
    forger = fixed_pair(OTHER, 9)
    s2, e2 = header_span(two)
    two_header = json.loads(two[s2:e2])

    def take(header: dict[str, Any]) -> None:
        for key in ("payload_len", "payload_sha256", "inner_len"):
            header[key] = two_header[key]

    forged = reframe(two, forger, lambda h: None)  # another key entirely
    with pytest.raises(PackageRefused) as excinfo:
        opener(forged)
    refused("bad_signature", excinfo)
    start, end = header_span(one)
    mixed = json.loads(one[start:end])
    take(mixed)
    body = envelope.MAGIC  # header of one, payload of two, old signature of one
    raw = canonical.encode(mixed)
    payload = two[e2 + 8:e2 + 8 + two_header["payload_len"]]
    mixed_bytes = (body + len(raw).to_bytes(4, "big") + raw + len(payload).to_bytes(8, "big")
                   + payload + one[-72:])
    with pytest.raises(PackageRefused) as excinfo:
        opener(mixed_bytes)
    refused("bad_signature", excinfo)


def test_the_header_is_bound_into_the_encryption(opener: Opener,
                                                 data: bytes, school_keys: KeyPair) -> None:
    """Even the real sender cannot move a payload under another header: decryption fails."""
    moved = reframe(data, school_keys, lambda h: h.update(created_wall="2026-12-01T08:00:00+08:00"))
    with pytest.raises(PackageRefused) as excinfo:
        opener(moved)
    refused("decrypt_failed", excinfo)


def test_changed_to_from_and_min_reader(opener: Opener, data: bytes,
                                        school_keys: KeyPair) -> None:
    cases: list[tuple[Callable[[dict[str, Any]], None], str]] = [
        (lambda h: h["to"].update(org="C:520102"), "wrong_recipient"),
        (lambda h: h["from"].update(org=OTHER), "bad_header"),  # its fingerprint no longer fits
        (lambda h: h.update(min_reader=2), "newer_format"),
        (lambda h: h.update(format=2), "bad_header"),
    ]
    for change, code in cases:
        for signer in (school_keys, fixed_pair(OTHER, 9)):  # re-signed or not, refused the same
            with pytest.raises(PackageRefused) as excinfo:
                opener(reframe(data, signer, change))
            refused(code, excinfo)


# --- recipients and senders --------------------------------------------------------------------


def test_for_another_organisation(opener: Opener,
                                  school_keys: KeyPair) -> None:
    elsewhere = fixed_pair("C:520102", 5)
    with pytest.raises(PackageRefused) as excinfo:
        opener(package(school_keys, elsewhere))
    assert "C:520102" in refused("wrong_recipient", excinfo).message


def test_encrypted_to_a_key_this_install_does_not_hold(opener: Opener,
                                                       school_keys: KeyPair) -> None:
    other_install = fixed_pair(COUNTY, 7)
    with pytest.raises(PackageRefused) as excinfo:
        opener(package(school_keys, other_install))
    refused("wrong_recipient", excinfo)


def test_a_header_naming_our_key_over_a_payload_for_another(
        opener: Opener, school_keys: KeyPair, county_keys: KeyPair) -> None:
    other_install = fixed_pair(COUNTY, 7)
    data = package(school_keys, other_install)
    lied = reframe(data, school_keys,
                   lambda h: h["to"].update(enc_key=county_keys.public.fingerprint()))
    with pytest.raises(PackageRefused) as excinfo:
        opener(lied)
    refused("decrypt_failed", excinfo)


def test_an_unknown_sender(opener: Opener, county_keys: KeyPair) -> None:
    stranger = fixed_pair("S:2152482199", 11)
    with pytest.raises(PackageRefused) as excinfo:
        opener(package(stranger, county_keys))
    assert "发件单位未登记" in refused("unknown_sender", excinfo).message


def test_a_revoked_key(trusting_county: Ledger, opener: Opener,
                       data: bytes, school_keys: KeyPair) -> None:
    with trusting_county.write() as w:
        trust.revoke(w.conn, SCHOOL, school_keys.public.fingerprint())
    opener.rebase()
    with pytest.raises(PackageRefused) as excinfo:
        opener(data)
    refused("revoked", excinfo)


def test_another_schools_key(trusting_county: Ledger, opener: Opener,
                             county_keys: KeyPair) -> None:
    other = fixed_pair(OTHER, 13)
    with trusting_county.write() as w:
        trust.pin(w.conn, other.public, status="active", confirmed_by="张科员", method="fingerprint")
    opener.rebase()
    posing = KeyPair(SCHOOL, other.rep, other.sign, other.enc)  # S:…102's keys, claiming …101
    with pytest.raises(PackageRefused) as excinfo:
        opener(package(posing, county_keys))
    assert OTHER in refused("other_school", excinfo).message


def test_a_new_key_of_a_known_school_and_a_first_package(
        trusting_county: Ledger, opener: Opener,
        county_keys: KeyPair) -> None:
    reinstalled = fixed_pair(SCHOOL, 15)
    data = package(reinstalled, county_keys)
    with pytest.raises(PackageRefused) as excinfo:
        opener(data)
    assert reinstalled.public.fingerprint() in refused("key_changed", excinfo).message
    newcomer = fixed_pair(OTHER, 17)
    with trusting_county.write() as w:
        trust.expect(w.conn, OTHER, by="张科员")
    opener.rebase()
    with pytest.raises(PackageRefused) as excinfo:
        opener(package(newcomer, county_keys))
    refused("held", excinfo)


# --- formats, sizes, names ---------------------------------------------------------------------


def test_newer_formats(opener: Opener, data: bytes,
                       school_keys: KeyPair) -> None:
    newer = bytearray(data)
    newer[7] = 2
    with pytest.raises(PackageRefused) as excinfo:
        opener(bytes(newer))
    assert "升级" in refused("newer_format", excinfo).message
    for change in (lambda h: h.update(suite="SM2-SM3-SM4"),
                   lambda h: h.update(compression="zstd")):
        with pytest.raises(PackageRefused) as excinfo:
            opener(reframe(data, school_keys, change))
        refused("newer_format", excinfo)


@pytest.mark.parametrize("raw", [b"%PDF-1.7\n" + b"x" * 200, b"PK\x03\x04" + b"\0" * 100,
                                 b"SQLite format 3\0" + b"\0" * 100, b"DLPK\n\r\x1a\x01xxxxxx"])
def test_not_a_package(opener: Opener, raw: bytes) -> None:
    with pytest.raises(PackageRefused) as excinfo:
        opener(raw)
    refused("not_package", excinfo)


def test_too_large_before_anything_is_parsed(opener: Opener,
                                             data: bytes) -> None:
    with pytest.raises(PackageRefused) as excinfo:
        opener(data, max_size=len(data) - 1)
    refused("too_large", excinfo)


def test_oversized_header_length(opener: Opener, data: bytes) -> None:
    raw = data[:8] + (65_537).to_bytes(4, "big") + data[12:]
    with pytest.raises(PackageRefused) as excinfo:
        opener(raw)
    refused("bad_header", excinfo)


@pytest.mark.parametrize("name", [
    "DL_S2152482101_20261122_1c15.dlpkg.tmp-0b7c6f9e2d2a4d8e9f5c3b1a2e4d6f80",
    ".DL_S2152482101_20261122_1c15.dlpkg.3fa2b1c0.part",
])
def test_the_leftover_of_an_interrupted_export(opener: Opener,
                                               data: bytes, name: str) -> None:
    with pytest.raises(PackageRefused) as excinfo:
        opener(data, name=name)
    assert "临时文件" in refused("temp_file", excinfo).message


def _bomb(sender: KeyPair, recipient: PublicKeys, inner: bytes, inner_len: int) -> bytes:
    """A signed, encrypted package whose header understates what its payload inflates to."""
    compressed = zlib.compress(inner, 9)
    header: dict[str, Any] = {
        "format": 1, "min_reader": 1, "app": "0.1.0", "kind": "school_to_county",
        "package_id": "5f0c6a52-7f3e-4d8e-9a1b-2c3d4e5f6a7b", "part": [1, 1],
        "from": {**sender.public.to_json(), "rep": sender.rep, "name": "x",
                 "sign_key": sender.public.fingerprint()},
        "to": {"org": recipient.org, "enc_key": recipient.fingerprint()},
        "created_wall": "2026-11-22T10:00:00+08:00", "suite": envelope.SUITE_NAME,
        "compression": "deflate", "events": 0, "chains": {}, "inner_len": inner_len,
        "payload_len": len(compressed) + 48,
    }
    payload = envelope.SUITE.encrypt(compressed, recipient.enc_key(),
                                     info=envelope.info_for(header))
    header["payload_sha256"] = hashlib.sha256(payload).hexdigest()
    return envelope.frame(header, payload, sender.sign)


def test_a_decompression_bomb(opener: Opener, school_keys: KeyPair,
                              county_keys: KeyPair) -> None:
    zeros = b"\0" * (64 * 1024 * 1024)  # 64 MB that deflate to 64 KB
    with pytest.raises(PackageRefused) as excinfo:
        opener(_bomb(school_keys, county_keys.public, zeros, 1000))
    refused("bomb", excinfo)
    honest = _bomb(school_keys, county_keys.public, zeros, len(zeros))
    with pytest.raises(PackageRefused) as excinfo:
        opener(honest, max_inner=16 * 1024 * 1024)
    refused("bomb", excinfo)
    short = _bomb(school_keys, county_keys.public, b"{}\n", 10)
    with pytest.raises(PackageRefused) as excinfo:
        opener(short)
    refused("damaged", excinfo)


def test_an_enrolment_file_must_not_pose_as_a_sync_package(
        opener: Opener, school_keys: KeyPair) -> None:
    plain = envelope.seal({"kind": "enrollment", "to": {"org": COUNTY}}, INNER,
                          sender=school_keys, recipient=None)
    posed = reframe(plain, school_keys, lambda h: h.update(kind="school_to_county"))
    with pytest.raises(PackageRefused) as excinfo:
        opener(posed)
    refused("bad_header", excinfo)  # an unencrypted sync package needs a recipient key
    with pytest.raises(ValueError):
        envelope.seal({"kind": "school_to_county"}, INNER, sender=school_keys, recipient=None)


def test_a_deeply_nested_header(opener: Opener, school_keys: KeyPair) -> None:
    deep = b"[" * 30_000 + b"]" * 30_000
    raw = envelope.MAGIC + len(deep).to_bytes(4, "big") + deep + (0).to_bytes(8, "big")
    raw += b"\0" * 64 + envelope.END
    with pytest.raises(PackageRefused) as excinfo:
        opener(raw)
    refused("bad_header", excinfo)
