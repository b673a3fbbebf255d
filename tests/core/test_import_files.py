"""Roster import, file by file: every format reads the same roster, and every bad file is refused
in Chinese before the ledger is touched."""

import json
import shutil
from pathlib import Path

import pytest
from conftest import dump

from dropout_ledger.errors import InputRefused
from dropout_ledger.importing import plan_import, readers

DATA = Path(__file__).resolve().parents[1] / "data" / "import"
EXPECTED = json.loads((DATA / "expected.json").read_text(encoding="utf-8"))


def _names(plan):
    return [r.name for r in plan.rows]


@pytest.mark.parametrize("name, expected, encoding", [
    ("clean.xlsx", "clean", ""),
    ("clean_utf8.csv", "clean", "utf-8"),
    ("clean_utf8_bom.csv", "clean", "utf-8-sig"),
    ("clean_gbk.csv", "clean_no_rare", "gb18030"),
    ("clean_utf16.txt", "clean", "utf-16"),
])
def test_every_encoding_reads_the_same_roster_without_being_asked(ledger, name, expected,
                                                                  encoding):
    plan = plan_import(ledger, DATA / name)
    assert plan.encoding == encoding
    assert plan.errors == 0 and plan.count("create") == len(EXPECTED[expected])
    assert _names(plan) == [p["name"] for p in EXPECTED[expected]]
    first = plan.rows[0].values
    want = EXPECTED[expected][0]
    assert {k: first[k] for k in want} == want


def test_ods_and_xls_read_like_xlsx(ledger):
    ods = plan_import(ledger, DATA / "roster.ods")
    xls = plan_import(ledger, DATA / "roster.xls")
    want = [p["name"] for p in EXPECTED["clean"][:10]]
    assert (ods.kind, xls.kind) == ("ods", "xls")
    assert _names(ods) == _names(xls) == want
    assert ods.errors == xls.errors == 0
    assert [r.values for r in ods.rows] == [r.values for r in xls.rows]
    assert ods.header.row == xls.header.row == 2


def test_the_format_is_read_from_the_bytes_not_the_name(ledger, tmp_path):
    renamed = tmp_path / "名单.xls"  # really an .xlsx, as principals' files often are
    shutil.copyfile(DATA / "clean.xlsx", renamed)
    assert plan_import(ledger, renamed).kind == "xlsx"
    text = tmp_path / "名单.xlsx"  # really a CSV
    shutil.copyfile(DATA / "clean_utf8.csv", text)
    assert plan_import(ledger, text).kind == "csv"


def test_the_sheet_with_the_roster_is_found_behind_a_notes_sheet(ledger):
    plan = plan_import(ledger, DATA / "two_sheets.xlsx")
    assert plan.sheet == "学生名单" and plan.count("create") == 8


def test_a_two_row_header_maps_the_guardian_columns(ledger):
    plan = plan_import(ledger, DATA / "group_header.xlsx")
    assert plan.header.row == 2 and plan.errors == 0
    guardians = plan.rows[0].values["guardians"]
    assert guardians and guardians[0]["name"] and guardians[0]["phone"]


def test_a_rare_character_lost_by_gbk_is_an_error_on_that_row(ledger):
    plan = plan_import(ledger, DATA / "rare_lost_gbk.csv")
    assert [(p.row, p.column) for p in plan.problems] == [(4, "姓名")]
    assert "生僻字" in plan.problems[0].reason


@pytest.mark.parametrize("name, words", [
    ("encrypted.xlsx", "密码"),
    ("corrupt.xlsx", "已损坏"),
    ("empty.csv", "空的"),
    ("empty_book.xlsx", "空的"),
    ("header_only.xlsx", "没有学生"),
    ("wrong_sheet.xlsx", "找不到表头"),
    ("formulas.xlsx", "公式"),
])
def test_bad_files_are_refused_in_chinese_and_change_nothing(ledger, add_student, name, words):
    add_student()
    before = dump(ledger)
    with pytest.raises(InputRefused) as refused:
        plan_import(ledger, DATA / name)
    assert words in refused.value.message
    assert dump(ledger) == before


def test_a_missing_file_and_a_binary_file_are_refused(ledger, tmp_path):
    with pytest.raises(InputRefused, match="找不到文件"):
        plan_import(ledger, tmp_path / "nothing.xlsx")
    junk = tmp_path / "junk.csv"
    junk.write_bytes(bytes(range(256)) * 40)
    with pytest.raises(InputRefused, match="无法读取"):
        plan_import(ledger, junk)


def test_a_word_document_is_not_a_roster(ledger, tmp_path):
    import zipfile

    doc = tmp_path / "名单.docx"
    with zipfile.ZipFile(doc, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    with pytest.raises(InputRefused, match="Word"):
        plan_import(ledger, doc)


def test_a_huge_csv_is_refused_before_it_is_checked(ledger, tmp_path):
    huge = tmp_path / "huge.csv"
    row = "张三,524821201503020011,G524821201503020011,3,2班\n"
    huge.write_text("姓名,身份证号,全国学籍号,年级,班级\n" + row * (readers.MAX_ROWS + 200),
                    encoding="utf-8")
    before = dump(ledger)
    with pytest.raises(InputRefused, match="上限"):
        plan_import(ledger, huge)
    assert dump(ledger) == before


def test_a_huge_sheet_is_refused(ledger, monkeypatch):
    monkeypatch.setattr(readers, "MAX_ROWS", 5)
    with pytest.raises(InputRefused, match="上限"):
        plan_import(ledger, DATA / "clean.xlsx")


def test_a_formula_in_one_cell_is_that_rows_error(ledger, tmp_path, factory):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["姓名", "身份证号", "年级"])
    for grade in (3, 4):
        p = factory.student(grade=grade)
        sheet.append([p["name"], p["id_number"], grade])
    sheet.append(['="王"&"五"', factory.student(grade=5)["id_number"], 5])
    book.save(tmp_path / "f.xlsx")
    plan = plan_import(ledger, tmp_path / "f.xlsx")
    assert plan.count("create") == 2
    assert [(p.row, p.column) for p in plan.problems] == [(4, "姓名")]
    assert "公式" in plan.problems[0].reason


def test_a_county_ledger_does_not_import_a_school_roster(tmp_path, clock):
    from dropout_ledger.ledger import Ledger

    with Ledger.create(tmp_path / "c.sqlite", kind="county", code="524821", name="某县教育局",
                       clock=clock) as county, pytest.raises(InputRefused, match="县级"):
        plan_import(county, DATA / "clean.xlsx")


def test_a_wizard_can_preview_a_file_and_name_the_header_itself(ledger):
    from dropout_ledger.importing import preview_file

    shown = preview_file(DATA / "wrong_sheet.xlsx")
    assert shown.sheet == "期末成绩" and shown.rows[1] == ["学号", "语文", "数学", "英语"]
    shown = preview_file(DATA / "messy.xlsx")
    assert shown.rows[0][0].startswith("坪坝镇") and shown.rows[2][1] == "姓名★"
    plan = plan_import(ledger, DATA / "messy.xlsx", header_row=3,
                       mapping={"序号": None, "备注": None, "民族": None})
    assert plan.header.row == 3 and plan.header.column_for("ethnicity") is None
    assert plan.mapping["姓名★"] == "name" and plan.mapping["民族"] is None
