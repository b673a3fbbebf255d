"""`dropout-ledger export-xlsx VIEW --out FILE` (design README §4): JSON, exit codes, privacy flags,
and a round trip through LibreOffice where it is installed."""

from __future__ import annotations

import csv
import json
import shutil
import subprocess
from pathlib import Path

import pytest
from openpyxl import Workbook
from python_calamine import CalamineWorkbook

from dropout_ledger.cli import main
from dropout_ledger.exporting import TemplateMapping
from dropout_ledger.exporting.xlsx import HEADING_ROWS
from dropout_ledger.ledger import Ledger
from dropout_ledger.model.identity import is_valid_id_number


def run(capsys, *args):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cli") / "school.sqlite"
    assert main(["init", "--ledger", str(path), "--school-code", "2152482101",
                 "--school-name", "坪坝镇中心学校", "--county-code", "524821"]) == 0
    assert main(["demo", "--ledger", str(path), "--students", "450"]) == 0
    return path


@pytest.fixture
def school(demo_file: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "school.sqlite"
    shutil.copy(demo_file, copy)
    return copy


def count(path: Path, view: str) -> int:
    with Ledger.open(path) as ledger:
        return ledger.queries.count(view)


def sheet_rows(path: Path) -> list[list[object]]:
    rows = CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()
    body = rows[HEADING_ROWS:]
    return body[:next(i for i, row in enumerate(body) if not any(row))]


def test_json_names_the_file_rows_and_view(school, tmp_path, capsys):
    out = tmp_path / "at-risk.xlsx"
    code, stdout, err = run(capsys, "export-xlsx", "at-risk", "--out", out, "--json",
                            "--ledger", school)
    assert code == 0, err
    data = json.loads(stdout)
    assert data == {"file": str(out), "rows": count(school, "at-risk"), "view": "at-risk",
                    "full_ids": False, "restricted": False}
    assert len(sheet_rows(out)) == data["rows"]


def test_plain_output_says_ids_are_masked(school, tmp_path, capsys):
    code, stdout, _ = run(capsys, "export-xlsx", "all", "--out", tmp_path / "a.xlsx",
                          "--ledger", school)
    assert code == 0 and f"已导出 {count(school, 'all')} 行" in stdout and "隐去" in stdout


def test_full_ids_and_restricted_flags(school, tmp_path, capsys):
    out = tmp_path / "full.xlsx"
    code, stdout, _ = run(capsys, "export-xlsx", "all", "--out", out, "--full-ids",
                          "--restricted", "--all-columns", "--json", "--ledger", school)
    data = json.loads(stdout)
    assert code == 0 and data["full_ids"] and data["restricted"]
    header = CalamineWorkbook.from_path(str(out)).get_sheet_by_index(0).to_python()[
        HEADING_ROWS - 1]
    ids = header.index("身份证号")
    assert "家庭经济困难类别" in header and "家庭住址" in header
    assert all(is_valid_id_number(row[ids]) for row in sheet_rows(out))


def test_statistics(school, tmp_path, capsys):
    code, stdout, _ = run(capsys, "export-xlsx", "stats", "--out", tmp_path / "s.xlsx",
                          "--json", "--ledger", school)
    assert code == 0 and json.loads(stdout)["view"] == "stats"


@pytest.mark.parametrize("args, words", [
    (["export-xlsx", "graduated", "--out", "x.xlsx"], "没有名为“graduated”的名单"),
    (["export-xlsx", "all", "--out", "x.xls"], ".xlsx 结尾"),
    (["export-xlsx", "stats", "--out", "x.xlsx", "--template", "t.xlsx"], "统计表不能填入"),
    (["export-xlsx", "all", "--out", "x.xlsx", "--template", "missing.xlsx"], "找不到县级模板"),
])
def test_refusals_exit_2_in_chinese_and_write_nothing(school, tmp_path, capsys, monkeypatch,
                                                      args, words):
    monkeypatch.chdir(tmp_path)
    before = school.read_bytes()
    code, stdout, err = run(capsys, *args, "--ledger", school)
    assert code == 2 and words in err and stdout == ""
    assert not (tmp_path / "x.xlsx").exists() and not (tmp_path / "x.xls").exists()
    assert school.read_bytes() == before


def test_unknown_view_is_refused_before_the_ledger_is_opened(tmp_path, capsys):
    code, _, err = run(capsys, "export-xlsx", "nope", "--out", tmp_path / "x.xlsx",
                       "--ledger", tmp_path / "no-such-ledger.sqlite")
    assert code == 2 and "没有名为“nope”的名单" in err and "stats（统计表）" in err


def test_county_template_from_the_profile(school, tmp_path, capsys):
    template = tmp_path / "county.xlsx"
    wb = Workbook()
    wb.active.append(["某某县疑似辍学学生名单"])
    wb.active.append(["序号", "姓名", "全国学籍号", "家庭类别"])
    wb.save(template)
    mapping = TemplateMapping(header_row=2, first_row=3, columns={
        "seq": "A", "name": "B", "xjh": "C", "economic_category": "D"})
    with Ledger.open(school) as ledger:
        ledger.settings.set_profile(**mapping.profile_values())
    out = tmp_path / "filled.xlsx"
    code, stdout, err = run(capsys, "export-xlsx", "suspected", "--template", template,
                            "--out", out, "--json", "--ledger", school)
    assert code == 0, err
    data = json.loads(stdout)
    assert data["rows"] == count(school, "suspected") and data["template"] == str(template)
    assert data["withheld"] == ["economic_category"]
    assert data["columns"] == {"seq": "序号", "name": "姓名", "xjh": "全国学籍号",
                               "economic_category": "家庭类别"}
    rows = CalamineWorkbook.from_path(str(out)).get_sheet_by_index(0).to_python()
    assert rows[2][0] == 1 and rows[2][2].startswith("G") and "*" in rows[2][2]


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) not installed")
def test_libreoffice_reads_the_export_back_with_ids_intact(school, tmp_path, capsys):
    """`soffice --headless --convert-to csv` round-trips an export: every pupil, IDs as text."""
    xlsx = tmp_path / "all.xlsx"
    assert run(capsys, "export-xlsx", "all", "--out", xlsx, "--full-ids", "--ledger",
               school)[0] == 0
    done = subprocess.run(
        ["soffice", f"-env:UserInstallation={(tmp_path / 'lo').as_uri()}", "--headless",
         "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1", "--outdir",
         str(tmp_path / "csv"), str(xlsx)],
        capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stderr
    with (tmp_path / "csv" / "all.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    header = rows[HEADING_ROWS - 1]
    body = rows[HEADING_ROWS:HEADING_ROWS + count(school, "all")]
    ids, phones = header.index("身份证号"), header.index("监护人电话")
    with Ledger.open(school) as ledger:
        truth = [r.id_number for r in ledger.queries.iter_roster("all")]
    assert [row[ids] for row in body] == truth  # not 5.24821E+17
    assert all(row[phones].replace("\n", "").isdigit() for row in body if row[phones])
    assert rows[HEADING_ROWS + len(truth) + 1][0].startswith("填表人")
