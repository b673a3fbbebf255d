"""Keys and fingerprints: golden vectors from fixed keys, key files, the key_publish event."""

from __future__ import annotations

import hashlib
import os
import stat

import pytest

from dropout_ledger import canonical
from dropout_ledger.errors import ValidationError
from dropout_ledger.ledger import Ledger
from dropout_ledger.sync import keys
from dropout_ledger.sync.errors import PackageRefused
from dropout_ledger.sync.keys import KeyPair, PublicKeys, normalise_fingerprint
from tests.sync.support import COUNTY, SCHOOL, fixed_pair

# Ed25519 public key of the private key 0x01 * 32 (an independent, widely published value).
SIGN_PK_01 = "8a88e3dd7409f195fd52db2d3cba5d72ca6709bf1d94121bf3748801b40f6f5c"
ENC_PK_02 = "ce8d3ad1ccb633ec7b70c17814a5c76ecd029685050d344745ba05870e587d59"
GOLDEN = [
    (SCHOOL, 1, b'{"enc_pk":"ce8d3ad1ccb633ec7b70c17814a5c76ecd029685050d344745ba05870e587d59",'
                b'"org":"S:2152482101","sign_pk":"8a88e3dd7409f195fd52db2d3cba5d72ca6709bf1d9412'
                b'1bf3748801b40f6f5c"}', "05003 63078 95740 76864 04334 89083"),
    (COUNTY, 3, b'{"enc_pk":"ac01b2209e86354fb853237b5de0f4fab13c7fcbf433a61c019369617fecf10b",'
                b'"org":"C:524821","sign_pk":"ed4928c628d1c2c6eae90338905995612959273a5c63f93636'
                b'c14614ac8737d1"}', "95776 22576 66656 94578 27742 85804"),
]


@pytest.mark.parametrize(("org", "seed", "record", "fingerprint"), GOLDEN)
def test_golden_record_and_fingerprint(org: str, seed: int, record: bytes,
                                       fingerprint: str) -> None:
    public = fixed_pair(org, seed).public
    assert public.record() == record
    assert public.fingerprint() == fingerprint
    # The same digits by hand: five bytes of SHA-256 per group, mod 100000.
    digest = hashlib.sha256(record).digest()
    by_hand = " ".join(f"{int.from_bytes(digest[i:i + 5], 'big') % 100000:05d}"
                       for i in range(0, 30, 5))
    assert by_hand == fingerprint


def test_the_fixed_keys_are_the_published_ones() -> None:
    public = fixed_pair(SCHOOL, 1).public
    assert public.sign_pk.hex() == SIGN_PK_01 and public.enc_pk.hex() == ENC_PK_02


def test_the_organisation_is_part_of_the_fingerprint() -> None:
    pair = fixed_pair(SCHOOL, 1)
    other = PublicKeys("S:2152482102", pair.public.sign_pk, pair.public.enc_pk)
    assert other.fingerprint() != pair.public.fingerprint()


def test_public_keys_json_round_trip_and_refusals() -> None:
    public = fixed_pair(SCHOOL, 1).public
    assert PublicKeys.from_json(public.to_json()) == public
    assert canonical.encode(public.to_json()) == public.record()
    for bad in ({**public.to_json(), "org": "X:1"}, {**public.to_json(), "sign_pk": "ab"},
                {**public.to_json(), "enc_pk": SIGN_PK_01.upper()}, {"org": SCHOOL}, []):
        with pytest.raises(PackageRefused) as excinfo:
            PublicKeys.from_json(bad)  # type: ignore[arg-type]
        assert excinfo.value.code == "bad_header"


@pytest.mark.parametrize("typed", [
    "05003 63078 95740 76864 04334 89083", "050036307895740768640433489083",
    "05003-63078-95740-76864-04334-89083", "０５００３　６３０７８　９５７４０　７６８６４　０４３３４　８９０８３",
    " 05003 63078\n95740 76864 04334 89083 ",
])
def test_normalise_fingerprint_accepts_what_people_type(typed: str) -> None:
    assert normalise_fingerprint(typed) == "05003 63078 95740 76864 04334 89083"


@pytest.mark.parametrize("typed", ["", "0500363078", "05003 63078 95740 76864 04334 8908X",
                                   "05003 63078 95740 76864 04334 890831"])
def test_normalise_fingerprint_refuses_wrong_lengths_in_chinese(typed: str) -> None:
    with pytest.raises(ValidationError) as excinfo:
        normalise_fingerprint(typed)
    assert "30 位数字" in excinfo.value.message


def test_pem_round_trip() -> None:
    pair = fixed_pair(SCHOOL, 1)
    again = KeyPair.from_pem(SCHOOL, pair.rep, pair.to_pem())
    assert again.public == pair.public
    assert pair.to_pem().count(b"-----BEGIN PRIVATE KEY-----") == 2
    with pytest.raises(ValueError):
        KeyPair.from_pem(SCHOOL, pair.rep, pair.to_pem()[:200])


def _publishes(ledger: Ledger) -> list[dict[str, object]]:
    rows = ledger.conn.execute(
        "SELECT ent, body FROM events WHERE kind = 'key_publish' ORDER BY seq").fetchall()
    return [{"ent": ent, **canonical.decode(body)} for ent, body in rows]


def test_ensure_makes_saves_and_announces_keys_once(school: Ledger) -> None:
    path = keys.key_file(school.path, school.replica)
    assert path == school.path.parent / "密钥" / f"{school.replica}.pem"
    assert keys.load(school) is None
    pair = keys.ensure(school)
    assert path.exists() and stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert [p.name for p in path.parent.iterdir()] == [path.name]  # no temporary file left
    published = _publishes(school)
    assert published == [{"ent": f"replica:{school.replica}", "sign_pk": pair.public.sign_pk.hex(),
                          "enc_pk": pair.public.enc_pk.hex(),
                          "fingerprint": pair.public.fingerprint()}]
    again = keys.ensure(school)
    assert again.public == pair.public and len(_publishes(school)) == 1
    assert [k.public for k in keys.own_keys(school)] == [pair.public]


def test_private_keys_never_enter_the_ledger_file(school: Ledger) -> None:
    pair = keys.ensure(school)
    school.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    raw = school.path.read_bytes()
    for secret in (pair.sign.private_bytes_raw(), pair.enc.private_bytes_raw()):
        assert secret not in raw
    assert b"PRIVATE KEY" not in raw
    assert pair.public.sign_pk in raw or pair.public.sign_pk.hex().encode() in raw


def test_a_lost_key_file_means_new_keys_announced_again(school: Ledger) -> None:
    first = keys.ensure(school)
    os.remove(keys.key_file(school.path, school.replica))
    second = keys.ensure(school)
    assert second.public != first.public
    assert [p["fingerprint"] for p in _publishes(school)] == [
        first.public.fingerprint(), second.public.fingerprint()]


def test_a_restored_ledger_has_a_new_replica_and_keeps_the_old_key_for_late_packages(
        school: Ledger, tmp_path: object) -> None:
    from dropout_ledger.ledger import start_restored_replica

    old = keys.ensure(school)
    start_restored_replica(school, "backup.sqlite")
    assert keys.load(school) is None
    new = keys.ensure(school)
    assert new.public != old.public
    assert [k.public for k in keys.own_keys(school)] == [new.public, old.public]
