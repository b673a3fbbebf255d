"""End to end through the command line: a county and two demo schools exchange packages.

Everything goes through `dropout-ledger` exactly as the design README §4 spells it, with a
folder standing in for the USB stick: enrolment, join, confirmation, export, import in shuffled
order, duplicates, a county correction travelling back, and the refusals that must leave a
ledger byte-identical.
"""

from __future__ import annotations

import json
import random
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from dropout_ledger.cli import main
from dropout_ledger.ledger import Ledger
from dropout_ledger.sync import folders
from tests.sync.support import COUNTY_CODE

SCHOOLS = {"a": ("2152482101", "甲村小学"), "b": ("2152482102", "乙村小学")}


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, Any]:
    code = main([*args, "--json"])
    out = capsys.readouterr().out
    return code, json.loads(out) if out.strip() else None


def dump(path: Path) -> list[str]:
    """The ledger's logical content (what must not change when a file is refused)."""
    conn = sqlite3.connect(path)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


@dataclass
class World:
    county: Path
    schools: dict[str, Path]
    stick: Path


@pytest.fixture
def world(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> World:
    county = tmp_path / "county" / "county.sqlite"
    assert run(capsys, "init", "--county", COUNTY_CODE, "--county-name", "示例县教育局",
               "--ledger", str(county))[0] == 0
    schools = {}
    for key, (code, name) in SCHOOLS.items():
        path = tmp_path / key / f"{key}.sqlite"
        enrol = tmp_path / f"enrol_{key}.dlpkg"
        _, made = run(capsys, "county", "enroll-school", "--school-code", code, "--school-name",
                      name, "--out", str(enrol), "--ledger", str(county))
        assert run(capsys, "init", "--school-code", code, "--school-name", name,
                   "--county-code", COUNTY_CODE, "--ledger", str(path))[0] == 0
        assert run(capsys, "demo", "--students", "40", "--seed", str(len(schools) + 7),
                   "--ledger", str(path))[0] == 0
        code_, joined = run(capsys, "join", str(enrol), "--fingerprint", made["fingerprint"],
                            "--ledger", str(path))
        assert code_ == 0
        assert run(capsys, "county", "confirm-school", code, "--fingerprint",
                   joined["fingerprint"], "--ledger", str(county))[0] == 0
        schools[key] = path
    stick = tmp_path / "stick"
    stick.mkdir()
    return World(county, schools, stick)


def export(capsys: pytest.CaptureFixture[str], ledger: Path, out: Path) -> list[dict[str, Any]]:
    out.mkdir(exist_ok=True)
    code, written = run(capsys, "sync", "export", "--out", str(out), "--ledger", str(ledger))
    assert code == 0
    return list(written)


def students(path: Path) -> dict[str, tuple[str, str]]:
    with Ledger.open(path) as ledger:
        rows = ledger.conn.execute(
            "SELECT id, name, coalesce(status, '') FROM students WHERE retracted = 0")
        return {sid: (name, status) for sid, name, status in rows}


def test_schools_and_county_converge_in_any_order(world: World, capsys: pytest.CaptureFixture[str],
                                                  tmp_path: Path) -> None:
    files = [Path(e["file"]) for key in SCHOOLS for e in export(capsys, world.schools[key],
                                                                world.stick)]
    random.Random(5).shuffle(files)
    code, outcomes = run(capsys, "sync", "import", *map(str, files), "--ledger", str(world.county))
    assert code == 0 and all(o["accepted"] for o in outcomes)
    assert sum(o["new_events"] for o in outcomes) > 0
    county = students(world.county)
    for key in SCHOOLS:
        assert students(world.schools[key]).items() <= county.items()
    assert len(county) == sum(len(students(p)) for p in world.schools.values())

    for key, (code, _) in SCHOOLS.items():  # "stats --json agrees on every side"
        mine = run(capsys, "stats", "--ledger", str(world.schools[key]))[1]
        seen = run(capsys, "stats", "--school", code, "--ledger", str(world.county))[1]
        assert mine == seen and mine["total"] == 40 and mine["rates"] is not None
    whole = run(capsys, "stats", "--ledger", str(world.county))[1]
    assert whole["total"] == 80

    before = dump(world.county)  # the same files again: recognised, nothing changes
    code, again = run(capsys, "sync", "import", *map(str, reversed(files)), "--ledger",
                      str(world.county))
    assert code == 0 and all(o["code"] == "duplicate" and o["new_events"] == 0 for o in again)
    assert dump(world.county) == before

    # The county corrects a pupil's name; the correction travels back to that school only.
    sid, (name, _) = sorted(students(world.schools["a"]).items())[0]
    with Ledger.open(world.county) as ledger:
        ledger.students.edit(sid, {"name": "欧阳测试"})
    back = export(capsys, world.county, tmp_path / "stick2")
    assert {e["to"] for e in back} == {f"S:{code}" for code, _ in SCHOOLS.values()}
    for e in back:
        key = next(k for k, (c, _) in SCHOOLS.items() if e["to"] == f"S:{c}")
        code, done = run(capsys, "sync", "import", e["file"], "--ledger",
                         str(world.schools[key]))
        assert code == 0 and done[0]["accepted"]
    assert students(world.schools["a"])[sid][0] == "欧阳测试"
    assert sid not in students(world.schools["b"])
    mine = run(capsys, "stats", "--ledger", str(world.schools["a"]))[1]
    assert mine == run(capsys, "stats", "--school", SCHOOLS["a"][0], "--ledger",
                       str(world.county))[1]


def test_a_package_for_another_school_is_refused_and_changes_nothing(
    world: World, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    for key in SCHOOLS:
        export(capsys, world.schools[key], world.stick)
    run(capsys, "sync", "import", *map(str, folders.packages_in(world.stick)), "--ledger",
        str(world.county))
    back = export(capsys, world.county, tmp_path / "back")
    for_b = next(e["file"] for e in back if e["to"] == f"S:{SCHOOLS['b'][0]}")
    before = dump(world.schools["a"])
    code, outcome = run(capsys, "sync", "import", for_b, "--ledger", str(world.schools["a"]))
    assert code == 2
    assert outcome[0]["accepted"] is False and outcome[0]["code"] == "wrong_recipient"
    assert "不是发给本单位的" in outcome[0]["reason"]
    assert dump(world.schools["a"]) == before


def test_a_school_package_before_confirmation_is_held_then_imported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    county = tmp_path / "county" / "county.sqlite"
    school = tmp_path / "school" / "school.sqlite"
    code, name = SCHOOLS["a"]
    run(capsys, "init", "--county", COUNTY_CODE, "--county-name", "示例县教育局", "--ledger",
        str(county))
    _, made = run(capsys, "county", "enroll-school", "--school-code", code, "--school-name", name,
                  "--out", str(tmp_path / "e.dlpkg"), "--ledger", str(county))
    run(capsys, "init", "--school-code", code, "--school-name", name, "--county-code",
        COUNTY_CODE, "--ledger", str(school))
    run(capsys, "demo", "--students", "20", "--ledger", str(school))
    _, joined = run(capsys, "join", str(tmp_path / "e.dlpkg"), "--fingerprint",
                    made["fingerprint"], "--ledger", str(school))
    written = export(capsys, school, tmp_path / "stick")
    result, outcome = run(capsys, "sync", "import", written[0]["file"], "--ledger", str(county))
    assert result == 2 and outcome[0]["held"] and outcome[0]["code"] == "held"
    assert not students(county)
    result, confirmed = run(capsys, "county", "confirm-school", code, "--fingerprint",
                            joined["fingerprint"], "--ledger", str(county))
    assert result == 0 and confirmed["held"][0]["accepted"]
    assert len(students(county)) == len(students(school)) == 20
    assert not folders.packages_in(folders.folder(county, folders.HELD))


def test_export_before_joining_says_what_to_do(tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    school = tmp_path / "s.sqlite"
    run(capsys, "init", "--school-code", SCHOOLS["a"][0], "--school-name", "甲村小学",
        "--ledger", str(school))
    assert main(["sync", "export", "--out", str(tmp_path / "stick"), "--ledger", str(school)]) == 2
    assert "尚未加入县级台账" in capsys.readouterr().err


def test_the_school_keeps_the_countys_signed_receipt(world: World, tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    school = world.schools["a"]
    assert run(capsys, "sync", "receipts", "--ledger", str(school)) == (0, [])
    sent = export(capsys, school, world.stick)
    assert run(capsys, "sync", "import", sent[0]["file"], "--ledger", str(world.county))[0] == 0
    back = [e for e in export(capsys, world.county, tmp_path / "back")
            if e["to"] == f"S:{SCHOOLS['a'][0]}"]
    assert run(capsys, "sync", "import", back[0]["file"], "--ledger", str(school))[0] == 0

    code, found = run(capsys, "sync", "receipts", "--ledger", str(school))
    with Ledger.open(school) as ledger:
        own = ledger.conn.execute("SELECT count(*) FROM events WHERE org = ?",
                                  (ledger.org_id,)).fetchone()[0]
    assert code == 0 and len(found) == 1
    receipt = found[0]
    # Everything the school had sent, less the audit of its own export and the import after it.
    assert 0 < receipt["records"] <= own and receipt["matches"] and receipt["students"] == 40
    assert receipt["package_id"] == back[0]["package_id"]
    assert "示例县教育局确认已收到本校记录" in receipt["text"] and "核对一致" in receipt["text"]

    kept = Path(receipt["file"])  # the signed original in 同步/收件 is the proof: alter it …
    data = bytearray(kept.read_bytes())
    data[-10] ^= 1
    kept.write_bytes(bytes(data))
    code, found = run(capsys, "sync", "receipts", "--ledger", str(school))
    # … and it no longer counts as one, and says why
    assert code == 0 and len(found) == 1 and found[0]["records"] == 0
    assert "被改动过" in found[0]["text"] and not found[0]["matches"]


def test_a_revoked_school_key_is_refused_from_then_on(world: World, tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    code = SCHOOLS["a"][0]
    wrong = "1" * 30
    failed = main(["county", "revoke-key", code, "--fingerprint", wrong,
                   "--ledger", str(world.county)])
    assert failed == 2 and "没有指纹为" in capsys.readouterr().err
    with Ledger.open(world.schools["a"]) as school:
        from dropout_ledger.sync import keys

        digits = keys.ensure(school).public.fingerprint()
    done, said = run(capsys, "county", "revoke-key", code, "--fingerprint", digits,
                     "--ledger", str(world.county))
    assert done == 0 and said == {"school": f"S:{code}", "fingerprint": digits,
                                  "active_keys_left": 0}
    sent = export(capsys, world.schools["a"], world.stick)
    before = dump(world.county)
    refused, outcomes = run(capsys, "sync", "import", sent[0]["file"], "--ledger",
                            str(world.county))
    assert refused == 2 and outcomes[0]["code"] == "revoked"
    assert dump(world.county) == before
