"""County form templates (sync/templates.py): set once at the county, filled at every school.

The county stores its Excel sheet in its ledger; the next county package carries it to every
school; the school fills it from its own ledger with the column mapping of the county profile,
and the county's look (merged title, bold header, borders, footer) is kept. A file that is not
a workbook is refused in Chinese with the ledger unchanged, and a school cannot write one.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Border, Font, Side

from dropout_ledger.cli import main
from dropout_ledger.errors import NotFound, ValidationError
from dropout_ledger.exporting import TemplateMapping
from dropout_ledger.sync import exporter, importer, templates
from dropout_ledger.sync.errors import PackageRefused
from tests.sync.county_support import (  # noqa: F401 - isolated_markers is an autouse fixture
    COUNTY_CODE,
    County,
    isolated_markers,
    make_county,
)

THIN = Side(style="thin")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
MAPPING = TemplateMapping(header_row=2, first_row=3, columns={
    "seq": "A", "name": "B", "sex": "C", "grade": "D"})


def make_template(path: Path, title: str = "某某县控辍保学学生名单") -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "名单"
    ws["A1"] = title
    ws["A1"].font = Font(name="黑体", size=16, bold=True)
    ws.merge_cells("A1:D1")
    for column, header in zip("ABCD", ["序号", "姓名", "性别", "年级"], strict=True):
        ws[f"{column}2"] = header
        ws[f"{column}2"].font = Font(bold=True)
        ws[f"{column}3"].border = BOX
    ws["A5"] = "填表人："
    ws.merge_cells("A5:B5")
    wb.save(path)
    return path


def dump(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


@pytest.fixture
def world(tmp_path: Path) -> Iterator[County]:
    made = make_county(tmp_path, ("a", "b"), students=12)
    made.round()
    made.county.settings.set_profile(**MAPPING.profile_values())
    yield made
    made.close()


def test_the_county_template_reaches_every_school_which_fills_it_from_the_ledger(
        world: County, tmp_path: Path) -> None:
    a = world.schools["a"]
    with pytest.raises(NotFound, match="县里还没有下发模板"):
        templates.fill(a, "all", tmp_path / "early.xlsx", role="principal")
    data = make_template(tmp_path / "2026春季名单.xlsx").read_bytes()
    stored, new = templates.set_template(world.county, data, "2026春季名单.xlsx")
    assert new and stored.version == 1 and stored.name == templates.DEFAULT_NAME
    assert templates.set_template(world.county, data, "again.xlsx") == (stored, False)
    world.round()

    for school in world.schools.values():
        [held] = templates.available(school)
        assert (held.version, held.sha256, held.data) == (1, stored.sha256, data)
    out = tmp_path / "filled.xlsx"
    result = templates.fill(a, "all", out, role="principal")
    pupils = a.queries.count("all")
    assert result.rows == pupils > 0 and result.template == Path("2026春季名单.xlsx")
    ws = load_workbook(out).active
    assert ws["A1"].value == "某某县控辍保学学生名单" and "A1:D1" in ws.merged_cells
    assert [ws[f"{c}2"].value for c in "ABCD"] == ["序号", "姓名", "性别", "年级"]
    assert ws["B2"].font.bold and ws["A1"].font.size == 16
    assert ws["A3"].value == 1 and ws["B3"].value and ws["B3"].border.left.style == "thin"
    assert ws.cell(row=3 + pupils - 1, column=2).border.left.style == "thin"
    assert ws.cell(row=3 + pupils, column=1).value == "填表人："  # the footer moved down

    newer = make_template(tmp_path / "秋季.xlsx", title="某某县控辍保学学生名单（秋季）").read_bytes()
    assert templates.set_template(world.county, newer, "秋季.xlsx")[0].version == 2
    world.round()
    current = templates.get(a)
    assert (current.version, current.data) == (2, newer)  # the newer version replaces the older
    templates.fill(a, "all", out, role="principal")
    assert load_workbook(out).active["A1"].value == "某某县控辍保学学生名单（秋季）"
    with pytest.raises(NotFound, match="没有下发名为“成绩”的模板"):
        templates.get(a, "成绩")


def test_the_command_line_sets_a_template_and_a_school_fills_it(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    county = tmp_path / "county.sqlite"
    assert main(["init", "--county", COUNTY_CODE, "--county-name", "示例县教育局",
                 "--ledger", str(county)]) == 0
    school = tmp_path / "school.sqlite"
    assert main(["init", "--school-code", "2152482101", "--school-name", "甲村小学",
                 "--county-code", COUNTY_CODE, "--ledger", str(school)]) == 0
    capsys.readouterr()
    code = main(["export-xlsx", "all", "--out", str(tmp_path / "x.xlsx"), "--county-template",
                 "--ledger", str(school)])
    assert code == 2 and "县里还没有下发模板" in capsys.readouterr().err

    template = make_template(tmp_path / "名单模板.xlsx")
    assert main(["county", "set-template", str(template), "--name", "花名册", "--json",
                 "--ledger", str(county)]) == 0
    made = json.loads(capsys.readouterr().out)
    assert (made["name"], made["version"], made["new"]) == ("花名册", 1, True)
    assert main(["county", "set-template", str(template), "--name", "花名册",
                 "--ledger", str(county)]) == 0
    assert "没有改动" in capsys.readouterr().out


@pytest.mark.parametrize(("content", "reason"), [
    (b"just some text, not a workbook", "不是 Excel 工作簿"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500), "旧版 Excel"),
    (b"PK\x03\x04" + bytes(300), "无法打开"),
    (b"", "空文件"),
])
def test_a_file_that_is_not_a_workbook_is_refused_in_chinese_and_nothing_changes(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes, reason: str) -> None:
    county = tmp_path / "county.sqlite"
    assert main(["init", "--county", COUNTY_CODE, "--county-name", "示例县教育局",
                 "--ledger", str(county)]) == 0
    bad = tmp_path / "模板.xlsx"
    bad.write_bytes(content)
    before = dump(county)
    capsys.readouterr()
    assert main(["county", "set-template", str(bad), "--ledger", str(county)]) == 2
    assert reason in capsys.readouterr().err
    assert dump(county) == before


def test_an_oversized_template_and_a_school_setting_one_are_refused(
        world: County, tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="模板最大"):
        templates.set_template(world.county, b"PK\x03\x04" + bytes(templates.MAX_TEMPLATE_BYTES),
                               "big.xlsx")
    data = make_template(tmp_path / "t.xlsx").read_bytes()
    with pytest.raises(Exception, match="只有县教育局的台账可以下发模板"):
        templates.set_template(world.schools["a"], data, "t.xlsx")


def test_a_school_event_touching_a_template_is_refused_as_county_only(
        world: County, tmp_path: Path) -> None:
    a = world.schools["a"]
    data = make_template(tmp_path / "t.xlsx").read_bytes()
    stored, _ = templates.set_template(world.county, data, "t.xlsx")
    world.round()
    with a.write() as w:  # what a tampered or buggy school install might write
        w.emit(templates.KIND, f"{templates.PREFIX}{templates.DEFAULT_NAME}",
               {"name": templates.DEFAULT_NAME, "title": "改过的.xlsx", "version": 9,
                "sha256": stored.sha256, "size": stored.size, "data": ""})
        w.undoable = False
    before = dump(world.county.path)
    [package] = exporter.export(a, world.stick())
    with pytest.raises(PackageRefused) as refused:
        importer.import_file(world.county, package.path)
    assert refused.value.code == "county_only_field"
    assert "县" in refused.value.message
    world.county.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    assert dump(world.county.path) == before
    assert templates.get(world.county).version == 1
