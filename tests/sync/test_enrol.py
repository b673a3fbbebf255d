"""入网 from the command line, in real ledgers: county → school → county, and every refusal
leaves the ledger it was aimed at unchanged."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from dropout_ledger.cli import main
from dropout_ledger.ledger import Ledger
from dropout_ledger.sync import check, envelope, keys, trust
from dropout_ledger.sync.errors import MESSAGES, PackageRefused
from dropout_ledger.sync.payload import encode_inner
from tests.subprocesses import run_module
from tests.sync.support import (
    COUNTY,
    COUNTY_CODE,
    OTHER_CODE,
    SCHOOL,
    SCHOOL_CODE,
    dump_file,
    header_span,
    refused,
    school_events,
)

CaptureFixture = pytest.CaptureFixture[str]


def cli(capsys: CaptureFixture, *args: object) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def places(tmp_path: Path, capsys: CaptureFixture) -> dict[str, Path]:
    """A county ledger and a school ledger, each in its own folder, made by `init`."""
    county = tmp_path / "县" / "county.sqlite"
    school = tmp_path / "校" / "school.sqlite"
    assert cli(capsys, "init", "--ledger", county, "--county", COUNTY_CODE,
               "--county-name", "示例县教育局")[0] == 0
    with Ledger.open(county) as ledger:  # the county's profile travels with the enrolment
        ledger.settings.set_profile(call_days=2, visit_days=4)
    assert cli(capsys, "init", "--ledger", school, "--school-code", SCHOOL_CODE,
               "--school-name", "坪坝镇中心学校")[0] == 0
    return {"county": county, "school": school, "file": tmp_path / "U盘" / "入网.dlpkg"}


def enroll(capsys: CaptureFixture, places: dict[str, Path], code: str = SCHOOL_CODE,
           name: str = "坪坝镇中心学校") -> str:
    rc, out, err = cli(capsys, "county", "enroll-school", "--school-code", code,
                       "--school-name", name, "--out", places["file"], "--ledger",
                       places["county"], "--json")
    assert rc == 0, err
    return str(json.loads(out)["fingerprint"])


def first_package(places: dict[str, Path]) -> bytes:
    """What the school's first export will be: its events, sealed to the county's key."""
    with Ledger.open(places["school"]) as school:
        own = keys.load(school)
        assert own is not None
        county = next(r.keys for r in trust.lookup(school.conn, COUNTY) if r.keys)
        inner = encode_inner({"have": {}}, school_events(school))
        return envelope.seal({"kind": "school_to_county", "from": {"name": "坪坝镇中心学校"}},
                             inner, sender=own, recipient=county)


def county_opens(places: dict[str, Path], data: bytes) -> check.Opened:
    with Ledger.open(places["county"]) as county:
        return check.open_package(county.conn, data, org=COUNTY, keys=keys.own_keys(county))


def test_enrol_join_confirm(places: dict[str, Path], capsys: CaptureFixture) -> None:
    county_fp = enroll(capsys, places)
    assert places["file"].exists()
    with Ledger.open(places["county"]) as county:
        assert county.settings.entity(f"school:{SCHOOL}")["name"] == "坪坝镇中心学校"
        assert [(r.status, r.method) for r in trust.lookup(county.conn, SCHOOL)] == [
            ("pending", "enrolled")]
        assert keys.ensure(county).public.fingerprint() == county_fp

    # The principal types the digits from the stamped notice, with dashes and full-width digits.
    typed = county_fp.replace(" ", "-").replace("0", "０")
    rc, out, err = cli(capsys, "join", places["file"], "--fingerprint", typed,
                       "--ledger", places["school"], "--json")
    assert rc == 0, err
    joined = json.loads(out)
    assert joined["county_fingerprint"] == county_fp and joined["verified"] is True
    with Ledger.open(places["school"]) as school:
        own = keys.load(school)
        assert own is not None and joined["fingerprint"] == own.public.fingerprint()
        assert school.org.county_code == COUNTY_CODE
        [row] = trust.lookup(school.conn, COUNTY)
        assert (row.status, row.method, row.fingerprint) == ("active", "fingerprint", county_fp)
        assert school.settings.profile()["call_days"] == 2  # the county's rules arrived
        assert school.settings.entity(f"org:{COUNTY}")["name"] == "示例县教育局"
        actions = [json.loads(b)["action"] for (b,) in school.conn.execute(
            "SELECT body FROM events WHERE kind = 'audit'")]
        assert "join" in actions

    # The school's first package is held until the clerk confirms the receipt's digits.
    data = first_package(places)
    with pytest.raises(PackageRefused) as excinfo:
        county_opens(places, data)
    refused("held", excinfo)
    with Ledger.open(places["county"]) as county, county.write() as w:
        trust.hold(w.conn, envelope.sender_keys(envelope.read_header(data)))

    before = dump_file(places["county"])
    rc, _, err = cli(capsys, "county", "confirm-school", SCHOOL_CODE, "--fingerprint",
                     "12345 67890 12345 67890 12345 67890", "--ledger", places["county"])
    assert rc == 2 and err.startswith(MESSAGES["fingerprint_mismatch"])
    assert joined["fingerprint"] in err
    assert dump_file(places["county"]) == before

    rc, out, err = cli(capsys, "county", "confirm-school", SCHOOL_CODE, "--fingerprint",
                       joined["fingerprint"], "--ledger", places["county"], "--json")
    assert rc == 0, err
    assert json.loads(out) == {"fingerprint": joined["fingerprint"], "school": SCHOOL,
                               "key_known": True, "held": []}
    opened = county_opens(places, data)
    with Ledger.open(places["school"]) as school:
        sent = school_events(school)
    assert opened.trusted.status == "active" and [(e.hdr, e.body) for e in opened.events] == sent


def test_a_wrong_fingerprint_leaves_the_school_unchanged(places: dict[str, Path],
                                                         capsys: CaptureFixture) -> None:
    county_fp = enroll(capsys, places)
    cli(capsys, "verify", "--ledger", places["school"])  # today's automatic snapshot, first
    before = dump_file(places["school"])
    wrong = county_fp[:-1] + ("1" if county_fp[-1] != "1" else "2")
    rc, out, err = cli(capsys, "join", places["file"], "--fingerprint", wrong,
                       "--ledger", places["school"])
    assert rc == 2 and out == ""
    assert err.startswith("指纹数字不一致，台账没有改动。") and county_fp in err
    assert dump_file(places["school"]) == before
    assert not (places["school"].parent / "密钥").exists()
    rc, _, err = cli(capsys, "join", places["file"], "--fingerprint", "12345",
                     "--ledger", places["school"])
    assert rc == 2 and "30 位数字" in err
    assert dump_file(places["school"]) == before


def test_joining_without_digits_warns_and_can_be_confirmed_later(
        places: dict[str, Path], capsys: CaptureFixture) -> None:
    county_fp = enroll(capsys, places)
    rc, out, err = cli(capsys, "join", places["file"], "--ledger", places["school"])
    assert rc == 0
    assert "（未核对）" in out and county_fp in out
    assert "还没有核对" in err and "盖章通知" in err
    with Ledger.open(places["school"]) as school:
        [row] = trust.lookup(school.conn, COUNTY)
        assert (row.status, row.method) == ("active", "unverified")
        first = keys.load(school)
    rc, out, err = cli(capsys, "join", places["file"], "--fingerprint", county_fp,
                       "--ledger", places["school"], "--json")
    assert rc == 0 and err == "" and json.loads(out)["verified"] is True
    with Ledger.open(places["school"]) as school:
        [row] = trust.lookup(school.conn, COUNTY)
        assert row.method == "fingerprint"
        again = keys.load(school)
        assert first is not None and again is not None and again.public == first.public


def test_pin_by_digits_before_the_first_package(places: dict[str, Path],
                                                capsys: CaptureFixture) -> None:
    enroll(capsys, places)
    rc, out, _ = cli(capsys, "join", places["file"], "--ledger", places["school"], "--json")
    school_fp = json.loads(out)["fingerprint"]
    rc, out, _ = cli(capsys, "county", "confirm-school", SCHOOL_CODE, "--fingerprint", school_fp,
                     "--ledger", places["county"], "--json")
    assert rc == 0 and json.loads(out)["key_known"] is False
    opened = county_opens(places, first_package(places))
    assert opened.trusted.keys is None and opened.trusted.fingerprint == school_fp


def test_refusals_of_enrolment_files(places: dict[str, Path], capsys: CaptureFixture,
                                     tmp_path: Path) -> None:
    enroll(capsys, places, OTHER_CODE, "另一所小学")  # a file made for another school
    before = dump_file(places["school"])
    rc, _, err = cli(capsys, "join", places["file"], "--ledger", places["school"])
    assert rc == 2 and err.startswith(MESSAGES["wrong_recipient"]) and OTHER_CODE in err
    enroll(capsys, places)
    data = places["file"].read_bytes()
    inside = header_span(data)[1] + 10  # a byte of the payload
    cases: list[tuple[bytes, str]] = [
        (data[:-100], "truncated"), (data + b"\0", "trailing_garbage"),
        (data[:inside] + bytes([data[inside] ^ 4]) + data[inside + 1:], "damaged"),
        (data[:-40] + bytes([data[-40] ^ 1]) + data[-39:], "bad_signature"),
    ]
    for raw, code in cases:
        places["file"].write_bytes(raw)
        rc, _, err = cli(capsys, "join", places["file"], "--ledger", places["school"])
        assert rc == 2 and err.startswith(MESSAGES[code]), (code, err)
    leftover = places["file"].with_name("入网.dlpkg.tmp-0b7c6f9e2d2a4d8e9f5c3b1a2e4d6f80")
    leftover.write_bytes(data)
    rc, _, err = cli(capsys, "join", leftover, "--ledger", places["school"])
    assert rc == 2 and err.startswith(MESSAGES["temp_file"])
    rc, _, err = cli(capsys, "join", tmp_path / "没有.dlpkg", "--ledger", places["school"])
    assert rc == 2 and "找不到文件" in err
    assert dump_file(places["school"]) == before
    # the county cannot join, the school cannot enrol
    places["file"].write_bytes(data)
    rc, _, err = cli(capsys, "join", places["file"], "--ledger", places["county"])
    assert rc == 2 and "只有学校台账" in err
    rc, _, err = cli(capsys, "county", "enroll-school", "--school-code", SCHOOL_CODE,
                     "--school-name", "x", "--out", tmp_path / "x.dlpkg", "--ledger",
                     places["school"])
    assert rc == 2 and "只有县级台账" in err
    rc, _, err = cli(capsys, "county", "enroll-school", "--school-code", "123",
                     "--school-name", "x", "--out", tmp_path / "x.dlpkg", "--ledger",
                     places["county"])
    assert rc == 2 and "学校标识码" in err
    rc, _, err = cli(capsys, "county", "confirm-school", "2152482199", "--fingerprint",
                     "1" * 30, "--ledger", places["county"])
    assert rc == 2 and "尚未登记" in err


def test_a_school_of_another_county_and_a_sync_package(places: dict[str, Path],
                                                       capsys: CaptureFixture,
                                                       tmp_path: Path) -> None:
    enroll(capsys, places)
    elsewhere = tmp_path / "别县" / "school.sqlite"
    cli(capsys, "init", "--ledger", elsewhere, "--school-code", SCHOOL_CODE, "--school-name",
        "坪坝镇中心学校", "--county-code", "520102")
    rc, _, err = cli(capsys, "join", places["file"], "--ledger", elsewhere)
    assert rc == 2 and err.startswith(MESSAGES["other_county"]) and "520102" in err
    cli(capsys, "join", places["file"], "--ledger", places["school"])
    places["file"].write_bytes(first_package(places))
    rc, _, err = cli(capsys, "join", places["file"], "--ledger", places["school"])
    assert rc == 2 and err.startswith(MESSAGES["not_enrollment"])


def test_a_changed_county_key_needs_the_new_digits(places: dict[str, Path],
                                                   capsys: CaptureFixture) -> None:
    old_fp = enroll(capsys, places)
    cli(capsys, "join", places["file"], "--fingerprint", old_fp, "--ledger", places["school"])
    with Ledger.open(places["county"]) as county:  # the county PC was replaced: new keys
        keys.key_file(county.path, county.replica).unlink()
    new_fp = enroll(capsys, places)
    assert new_fp != old_fp
    before = dump_file(places["school"])
    rc, _, err = cli(capsys, "join", places["file"], "--ledger", places["school"])
    assert rc == 2 and err.startswith(MESSAGES["key_changed"])
    assert dump_file(places["school"]) == before
    rc, _, err = cli(capsys, "join", places["file"], "--fingerprint", new_fp,
                     "--ledger", places["school"])
    assert rc == 0, err
    with Ledger.open(places["school"]) as school:
        rows = {r.fingerprint: r.status for r in trust.lookup(school.conn, COUNTY)}
    assert rows == {old_fp: "revoked", new_fp: "active"}


def test_join_as_a_real_process(places: dict[str, Path], capsys: CaptureFixture) -> None:
    county_fp = enroll(capsys, places)
    done = run_module("dropout_ledger", "join", places["file"], "--fingerprint", county_fp,
                      "--ledger", places["school"], "--json")
    assert done.returncode == 0, done.stderr
    result: dict[str, Any] = json.loads(done.stdout)
    assert len(result["fingerprint"].replace(" ", "")) == 30
