"""Filling a county's own Excel template: the county's look kept, our rows in its columns.

The template here is made the way counties make theirs: a merged title, a 填报单位 line, a header
row, one styled first data row, a pre-formatted blank row, and a merged 填表人/校长签字 footer
under the table, with a print area and a repeated header row.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import SCHOOL_CODE, TODAY
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Border, Font, Side
from python_calamine import CalamineWorkbook

from dropout_ledger.clock import FrozenClock
from dropout_ledger.errors import InputRefused, NotFound
from dropout_ledger.exporting import TemplateMapping, export_template
from dropout_ledger.ledger import Ledger
from dropout_ledger.model.identity import is_valid_id_number, mask_id_number
from dropout_ledger.services import demo

THIN = Side(style="thin")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
MAPPING = TemplateMapping(header_row=3, first_row=4, columns={
    "seq": "A", "name": "B", "sex": "C", "id_number": "D", "xjh": "E", "grade": "F",
    "reason": "G", "economic_category": "H"})


def make_template(path: Path) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "辍学学生花名册"
    ws["A1"] = "某某县义务教育阶段辍学学生花名册"
    ws["A1"].font = Font(name="黑体", size=16, bold=True)
    ws.merge_cells("A1:H1")
    ws["A2"] = "填报单位（盖章）："
    ws["G2"] = "填报日期："
    for column, title in zip("ABCDEFGH", ["序号", "姓名", "性别", "身份证号", "学籍号", "年级",
                                          "辍学原因", "家庭类别"], strict=True):
        ws[f"{column}3"] = title
        ws[f"{column}3"].font = Font(bold=True)
        for row in (4, 5):  # the styled first data row and one pre-formatted blank row
            ws[f"{column}{row}"].border = BOX
            ws[f"{column}{row}"].font = Font(name="宋体", size=10)
    ws["B4"] = "（示例）张三"  # a sample the county left in: it must not survive
    ws.row_dimensions[4].height = 20
    ws["A6"] = "填表人："
    ws.merge_cells("A6:C6")
    ws["E6"] = "校长签字："
    ws.merge_cells("E6:F6")
    ws.row_dimensions[6].height = 25
    ws.print_area = "A1:H6"
    ws.print_title_rows = "3:3"
    wb.save(path)
    return path


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "school.sqlite"
    with Ledger.create(path, kind="school", code=SCHOOL_CODE, name="坪坝镇中心学校",
                       county_code="524821", clock=FrozenClock(TODAY)) as ledger:
        demo.populate(ledger, students=900, seed=7)
    return path


@pytest.fixture
def school(demo_file: Path, tmp_path: Path) -> Iterator[Ledger]:
    copy = tmp_path / "school.sqlite"
    shutil.copy(demo_file, copy)
    with Ledger.open(copy, clock=FrozenClock(TODAY)) as ledger:
        yield ledger


@pytest.fixture
def template(tmp_path: Path) -> Path:
    return make_template(tmp_path / "county.xlsx")


def test_template_filled_with_the_view_keeping_its_styles(school, template, tmp_path):
    out = tmp_path / "filled.xlsx"
    result = export_template(school, "all", template, out, mapping=MAPPING)
    n = school.queries.count("all")
    assert result.rows == n == 900 and result.template == template
    assert result.withheld == ("economic_category",)
    assert result.columns == {"seq": "序号", "name": "姓名", "sex": "性别", "id_number": "身份证号",
                              "xjh": "学籍号", "grade": "年级", "reason": "辍学原因",
                              "economic_category": "家庭类别"}
    ws = load_workbook(out).active
    truth = list(school.queries.iter_roster("all"))
    assert ws["A1"].value == "某某县义务教育阶段辍学学生花名册" and "A1:H1" in ws.merged_cells
    assert [ws.cell(row=4 + i, column=2).value for i in range(n)] == [r.name for r in truth]
    assert [ws.cell(row=4 + i, column=1).value for i in range(3)] == [1, 2, 3]
    for i in (0, 1, 500, n - 1):  # every row styled like the template's first data row
        row = 4 + i
        cell = ws.cell(row=row, column=4)
        assert cell.value == mask_id_number(truth[i].id_number)
        assert cell.data_type == "s" and cell.number_format == "@"
        assert ws.cell(row=row, column=8).value is None  # 家庭类别 withheld
        assert ws.cell(row=row, column=1).border.left.style == "thin"
        assert ws.cell(row=row, column=2).font.name == "宋体"
        assert ws.row_dimensions[row].height == 20
    # The footer moved under the data, merged cells and height with it.
    footer = 4 + n
    assert ws.cell(row=footer, column=1).value == "填表人："
    assert ws.cell(row=footer, column=5).value == "校长签字："
    assert f"A{footer}:C{footer}" in ws.merged_cells and f"E{footer}:F{footer}" in ws.merged_cells
    assert "A6:C6" not in ws.merged_cells
    assert ws.row_dimensions[footer].height == 25
    assert ws.print_area.endswith(f"$H${footer}")
    assert ws.print_title_rows == "$3:$3"
    # A second reader sees the same rows and text IDs.
    rows = CalamineWorkbook.from_path(str(out)).get_sheet_by_index(0).to_python()
    assert [r[1] for r in rows[3:3 + n]] == [r.name for r in truth]
    assert all(isinstance(r[3], str) and "*" in r[3] for r in rows[3:3 + n])


def test_a_principal_gets_full_ids_and_restricted_columns(school, template, tmp_path):
    out = tmp_path / "filled.xlsx"
    result = export_template(school, "all", template, out, mapping=MAPPING, role="principal",
                             full_ids=True, restricted=True)
    assert result.withheld == () and result.full_ids and result.restricted
    rows = CalamineWorkbook.from_path(str(out)).get_sheet_by_index(0).to_python()[3:903]
    assert all(is_valid_id_number(r[3]) for r in rows)
    assert {"低保户", "脱贫户（原建档立卡）"} & {r[7] for r in rows}


def test_few_rows_fill_the_preformatted_rows_and_leave_the_footer(school, template, tmp_path):
    out = tmp_path / "filled.xlsx"
    result = export_template(school, "dropped", template, out, mapping=MAPPING)
    assert result.rows == school.queries.count("dropped") == 2
    ws = load_workbook(out).active
    assert ws["A6"].value == "填表人：" and "A6:C6" in ws.merged_cells
    assert ws["G4"].value and ws["G5"].value  # 辍学原因 of both pupils
    assert ws["B4"].value != "（示例）张三"


def test_mapping_is_read_from_the_county_profile(school, template, tmp_path):
    school.settings.set_profile(**MAPPING.profile_values())
    assert TemplateMapping.from_profile(school.settings.profile()) == MAPPING
    result = export_template(school, "suspected", template, tmp_path / "s.xlsx")
    assert result.rows == school.queries.count("suspected")


def test_without_a_mapping_the_template_is_refused(school, template, tmp_path):
    with pytest.raises(InputRefused, match="尚未设置县级模板的列对应"):
        export_template(school, "all", template, tmp_path / "x.xlsx")
    assert not (tmp_path / "x.xlsx").exists()


@pytest.mark.parametrize("columns, header_row, first_row, words", [
    ({"nickname": "B"}, 3, 4, "未知字段“nickname”"),
    ({"name": "1B"}, 3, 4, "不是有效的列字母"),
    ({"name": "B", "sex": "b"}, 3, 4, "B 列同时对应了"),
    ({"name": "B"}, 4, 4, "应在表头"),
])
def test_a_wrong_mapping_is_refused_in_chinese(school, template, tmp_path, columns,
                                               header_row, first_row, words):
    mapping = TemplateMapping(header_row=header_row, first_row=first_row, columns=columns)
    with pytest.raises(InputRefused, match=words):
        export_template(school, "all", template, tmp_path / "x.xlsx", mapping=mapping)


def test_a_header_row_without_headers_is_refused(school, template, tmp_path):
    mapping = TemplateMapping(header_row=5, first_row=7, columns={"name": "B"})
    with pytest.raises(InputRefused, match="没有表头"):
        export_template(school, "all", template, tmp_path / "x.xlsx", mapping=mapping)


def test_bad_template_files_are_refused(school, tmp_path):
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04 this is not really a workbook")
    with pytest.raises(InputRefused, match="无法打开县级模板"):
        export_template(school, "all", broken, tmp_path / "x.xlsx", mapping=MAPPING)
    old = tmp_path / "old.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0")
    with pytest.raises(InputRefused, match="另存为"):
        export_template(school, "all", old, tmp_path / "x.xlsx", mapping=MAPPING)
    with pytest.raises(NotFound, match="找不到县级模板"):
        export_template(school, "all", tmp_path / "missing.xlsx", tmp_path / "x.xlsx",
                        mapping=MAPPING)
    assert not (tmp_path / "x.xlsx").exists()


def test_the_template_itself_is_never_overwritten(school, template):
    before = template.read_bytes()
    with pytest.raises(InputRefused, match="不能覆盖"):
        export_template(school, "all", template, template, mapping=MAPPING)
    assert template.read_bytes() == before


def test_template_rules_follow_the_role(school, template, tmp_path):
    with pytest.raises(InputRefused, match="无权导出学生名单"):
        export_template(school, "all", template, tmp_path / "x.xlsx", mapping=MAPPING,
                        role="class_teacher")
    with pytest.raises(InputRefused, match="完整身份证号"):
        export_template(school, "all", template, tmp_path / "x.xlsx", mapping=MAPPING,
                        full_ids=True)
