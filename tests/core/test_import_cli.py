"""`import-roster` as a principal runs it: the JSON contract of design README §4, exit codes,
refusals in Chinese on stderr, and a ledger that is byte-identical after any refusal."""

import hashlib
import json
import os
import re
import shutil
from pathlib import Path

import pytest
from subprocesses import run_module

from dropout_ledger.ledger import Ledger

DATA = Path(__file__).resolve().parents[1] / "data" / "import"
EXPECTED = json.loads((DATA / "expected.json").read_text(encoding="utf-8"))
CONTRACT = {"rows", "valid", "errors", "warnings", "created", "updated", "unchanged", "problems"}


@pytest.fixture
def school(tmp_path) -> Path:
    path = tmp_path / "school.sqlite"
    Ledger.create(path, kind="school", code="2152482101", name="坪坝镇中心学校",
                  county_code="524821").close()
    return path


def _cli(school: Path, *args):
    env = {**os.environ, "DROPOUT_LEDGER_HOME": str(school.parent)}
    return run_module("dropout_ledger", *args, "--ledger", school, env=env)


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_messy_roster_refused_then_imported_with_skip_invalid(school, tmp_path):
    before = _sha(school)
    done = _cli(school, "import-roster", DATA / "messy.xlsx", "--json")
    assert done.returncode == 2 and "行有错误" in done.stderr
    data = json.loads(done.stdout)
    assert CONTRACT <= set(data) and data["applied"] is False
    assert data["errors"] == len(EXPECTED["messy"]["errors"]) and data["rows"] == 28
    assert {str(p["row"]) for p in data["problems"] if p["severity"] == "error"} == set(
        EXPECTED["messy"]["errors"])
    assert all({"row", "column", "reason"} <= set(p) for p in data["problems"])
    assert not re.search(r"\d{12,}", done.stdout + done.stderr)  # no full ID number anywhere
    assert _sha(school) == before

    report = tmp_path / "检查报告.xlsx"
    done = _cli(school, "import-roster", DATA / "messy.xlsx", "--skip-invalid", "--json",
                "--report", report)
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert (data["created"], data["applied"], data["errors"]) == (18, True, 10)
    assert report.exists() and Path(data["backup"]).exists()

    listed = json.loads(_cli(school, "list", "--json").stdout)
    assert {r["name"] for r in listed} >= {"王䶮", "𠅤小明", "欧阳娜娜"}
    assert len(listed) == 18


def test_dry_run_then_import_then_the_same_file_again(school):
    before = _sha(school)
    done = _cli(school, "import-roster", DATA / "clean.xlsx", "--dry-run")
    assert done.returncode == 0 and "新增 30" in done.stdout and "台账没有任何改动" in done.stdout
    assert _sha(school) == before

    done = _cli(school, "import-roster", DATA / "clean.xlsx", "--json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["created"] == 30

    events = _events(school)
    done = _cli(school, "import-roster", DATA / "clean.xlsx", "--json")
    data = json.loads(done.stdout)
    assert (data["created"], data["updated"], data["unchanged"]) == (0, 0, 30)
    assert _events(school) == events

    listed = {r["id_number"]: r for r in json.loads(_cli(school, "list", "--json").stdout)}
    for pupil in EXPECTED["clean"]:  # the round trip: what was in the file is what is listed
        row = listed[pupil["id_number"]]
        assert (row["name"], row["xjh"], row["grade"], row["class"], row["sex"]) == (
            pupil["name"], pupil["xjh"], pupil["grade"], pupil["class_name"], pupil["sex"])
    assert _cli(school, "verify").returncode == 0


def _events(path: Path) -> int:
    with Ledger.open(path) as ledger:
        return int(ledger.conn.execute("SELECT count(*) FROM events").fetchone()[0])


@pytest.mark.parametrize("name, words", [("encrypted.xlsx", "密码"), ("wrong_sheet.xlsx", "表头"),
                                         ("corrupt.xlsx", "损坏")])
def test_a_bad_file_exits_2_in_chinese_and_changes_nothing(school, tmp_path, name, words):
    before = _sha(school)
    copy = tmp_path / name
    shutil.copyfile(DATA / name, copy)
    done = _cli(school, "import-roster", copy, "--json")
    assert done.returncode == 2 and words in done.stderr and done.stdout == ""
    assert _sha(school) == before


def test_the_mapping_saved_in_the_wizard_is_used_by_the_command_line(school, tmp_path):
    """A county's odd header ("学生证件号码") mapped once in the app maps the same here."""
    from openpyxl import load_workbook

    sheet = tmp_path / "odd.xlsx"
    shutil.copyfile(DATA / "clean.xlsx", sheet)
    book = load_workbook(sheet)
    rows = book.active
    header_row = next(r for r in rows.iter_rows() if any(c.value == "身份证号" for c in r))
    id_cell = next(c for c in header_row if c.value == "身份证号")
    id_cell.value = "学生证件号码"
    book.save(sheet)

    unmapped = json.loads(_cli(school, "import-roster", sheet, "--dry-run", "--json").stdout)
    with Ledger.open(school) as ledger:
        ledger.settings.set_profile(import_mapping=[{"code": "学生证件号码", "label": "id_number"}])
    mapped = json.loads(_cli(school, "import-roster", sheet, "--dry-run", "--json").stdout)
    assert mapped["valid"] == mapped["rows"] > 0
    assert any(c.get("field") == "id_number" for c in mapped["columns"])
    assert not any(c.get("field") == "id_number" for c in unmapped["columns"])
