"""四查三比对, export: the county's own file back — its title, header, rows and order kept — with
核查结果 / 匹配方式 / 核查说明 added, ID numbers as text, from any format the list came in."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import TODAY
from openpyxl import load_workbook
from reconcile_fixtures import HEADER, TITLE, person, write_list

from dropout_ledger.errors import InputRefused
from dropout_ledger.reconcile import (
    check_list,
    export_checked,
    list_rows,
    record_outcome,
    save_list,
)
from dropout_ledger.reconcile.export import ADDED


def _checked(ledger, add_student, factory, tmp_path: Path, path: Path | None = None):
    pupils = [ledger.queries.student(add_student()) for _ in range(3)]
    stranger = factory.student(grade=3, today=TODAY.date())
    rows = [person(pupils[2]), person(stranger), person(pupils[0]), person(pupils[1])]
    path = path or write_list(tmp_path / "county.xlsx", rows)
    list_id = save_list(ledger, check_list(ledger, path)).created[0]
    stored = list_rows(ledger, list_id)
    record_outcome(ledger, stored[0].record_id, "at_school", evidence="班主任核实在校")
    record_outcome(ledger, stored[1].record_id, "elsewhere_out_of_province",
                   evidence="随父母在浙江就读", school="宁波市某小学")
    return list_id, rows


def test_the_export_keeps_the_countys_rows_in_order_with_three_columns_added(
        ledger, add_student, factory, tmp_path: Path):
    list_id, rows = _checked(ledger, add_student, factory, tmp_path)
    out = tmp_path / "checked.xlsx"
    result = export_checked(ledger, list_id, out)
    assert (result.rows, result.answered) == (4, 2)

    sheet = load_workbook(out)["名单"]
    values = [[c.value for c in r] for r in sheet.iter_rows()]
    assert values[0][0] == TITLE and "A1:H1" in {str(m) for m in sheet.merged_cells.ranges}
    assert values[1] == [*HEADER, *ADDED]
    names = [r[1] for r in values[2:6]]
    assert names == [r[0] for r in rows]
    assert [r[4] for r in values[2:6]] == [r[3] for r in rows]  # ID numbers as they were
    assert values[2][8] == "核实在本校就读"
    assert values[2][9].startswith("身份证号（本校")
    assert values[2][10] == f"{TODAY.date()} 班主任核实在校"
    assert values[3][8:10] == ["在省外学校就读：宁波市某小学", "未匹配"]
    assert values[4][8] is None and values[4][9].startswith("身份证号")
    assert values[7][0] == "制表人：李会计" and values[7][8] is None  # the footer is kept as is
    for row in range(3, 7):
        cell = sheet.cell(row, 5)
        assert isinstance(cell.value, str) and cell.number_format == "@"
    assert not list(tmp_path.glob(".checked.xlsx.*"))  # written to a temporary name, renamed


def test_a_csv_list_comes_back_as_xlsx_with_the_same_rows(ledger, add_student, factory,
                                                        tmp_path: Path):
    pupil = ledger.queries.student(add_student())
    path = tmp_path / "list.csv"
    path.write_text("序号,姓名,身份证号,户主\n"
                    f"1,{pupil['name']},{pupil['id_number']},王大山\n", encoding="utf-8-sig")
    list_id = save_list(ledger, check_list(ledger, path)).created[0]
    out = tmp_path / "back.xlsx"
    export_checked(ledger, list_id, out)
    sheet = load_workbook(out).active
    values = [[c.value for c in r] for r in sheet.iter_rows()]
    assert values[0] == ["序号", "姓名", "身份证号", "户主", *ADDED]
    assert values[1][:4] == ["1", pupil["name"], pupil["id_number"], "王大山"]
    assert sheet.cell(2, 3).number_format == "@"
    assert values[1][5].startswith("身份证号")


def test_a_list_sent_round_again_fills_its_existing_columns(ledger, add_student, factory,
                                                            tmp_path: Path):
    list_id, _rows = _checked(ledger, add_student, factory, tmp_path)
    first = tmp_path / "first.xlsx"
    export_checked(ledger, list_id, first)
    again = save_list(ledger, check_list(ledger, first)).created[0]
    second = tmp_path / "second.xlsx"
    export_checked(ledger, again, second)
    header = [c.value for c in load_workbook(second)["名单"][2]]
    assert header == [*HEADER, *ADDED]


def test_only_xlsx_is_written(ledger, add_student, factory, tmp_path: Path):
    list_id, _rows = _checked(ledger, add_student, factory, tmp_path)
    with pytest.raises(InputRefused, match=".xlsx"):
        export_checked(ledger, list_id, tmp_path / "out.pdf")
