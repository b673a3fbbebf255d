"""Roster views and statistics as .xlsx, read back by two different readers (openpyxl, calamine).

What a principal relies on: every pupil of the view is there, IDs stay text (never 1.23E+17),
IDs are masked unless a permitted role asks, restricted fields stay out, and the sheet prints
as a 台账 (A4 landscape, one page wide, header repeated, footer with page numbers).
"""

from __future__ import annotations

import datetime as dt
import tracemalloc
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import SCHOOL_CODE, TODAY
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from python_calamine import CalamineWorkbook

from dropout_ledger.clock import FrozenClock
from dropout_ledger.errors import InputRefused
from dropout_ledger.exporting import export_roster, export_stats
from dropout_ledger.exporting.roster import (
    COLUMNS_BY_KEY,
    VIEW_COLUMNS,
    VIEW_TITLES,
    Disclosure,
    roster_columns,
)
from dropout_ledger.exporting.xlsx import HEADING_ROWS, display_width, footer_text, line_count
from dropout_ledger.ledger import Ledger
from dropout_ledger.model.identity import is_valid_id_number, mask_id_number, mask_xjh
from dropout_ledger.model.status import Status
from dropout_ledger.services import demo, stats

SCHOOL = "坪坝镇中心学校"
VIEWS = ("all", "at-risk", "suspected", "dropped", "returned", "home-taught", "suspended")


def build_demo(path: Path, students: int) -> Path:
    with Ledger.create(path, kind="school", code=SCHOOL_CODE, name=SCHOOL, county_code="524821",
                       clock=FrozenClock(TODAY)) as ledger:
        demo.populate(ledger, students=students, seed=7)
    return path


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A 900-pupil demo school with cases in every view (built once for this module)."""
    return build_demo(tmp_path_factory.mktemp("demo") / "school.sqlite", 900)


@pytest.fixture
def school(demo_file: Path) -> Iterator[Ledger]:
    with Ledger.open(demo_file, clock=FrozenClock(TODAY)) as ledger:
        yield ledger


def data_rows(path: Path, sheet: str | None = None) -> list[list[object]]:
    """Rows under the header up to the blank row before the signature line, via calamine."""
    book = CalamineWorkbook.from_path(str(path))
    rows = (book.get_sheet_by_name(sheet) if sheet else book.get_sheet_by_index(0)).to_python()
    body = rows[HEADING_ROWS:]
    return body[:next(i for i, row in enumerate(body) if not any(row))]


def header(path: Path) -> list[str]:
    rows = CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()
    return [str(v) for v in rows[HEADING_ROWS - 1]]


@pytest.mark.parametrize("view", VIEWS)
def test_every_view_exports_its_pupils_with_a_printable_layout(school, tmp_path, view):
    out = tmp_path / f"{view}.xlsx"
    result = export_roster(school, view, out)
    expected = school.queries.count(view)
    assert expected > 0, "the demo school has pupils in every view"
    assert result.rows == expected and result.view == view and out.exists()

    rows = data_rows(out)
    assert len(rows) == expected
    assert [row[0] for row in rows] == list(range(1, expected + 1))  # 序号
    names = [r.name for r in school.queries.iter_roster(view)]
    assert [row[1] for row in rows] == names  # same pupils, same order as the roster screen
    columns = roster_columns(view, Disclosure())
    assert header(out) == [c.header for c in columns]

    ws = load_workbook(out).worksheets[0]
    assert ws.title == VIEW_TITLES[view]
    assert SCHOOL in ws["A1"].value and VIEW_TITLES[view] in ws["A1"].value
    last = get_column_letter(len(columns))
    assert f"A1:{last}1" in {str(r) for r in ws.merged_cells.ranges}
    assert ws.freeze_panes == f"C{HEADING_ROWS + 1}"
    assert ws.print_title_rows == f"${HEADING_ROWS}:${HEADING_ROWS}"
    assert ws.page_setup.orientation == "landscape" and str(ws.page_setup.paperSize) == "9"
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.page_setup.fitToWidth == 1 and ws.page_setup.fitToHeight == 0
    assert ws.oddFooter.left.text == SCHOOL
    assert ws.oddFooter.center.text == "第 &P 页 共 &N 页"
    assert "&D" in ws.oddFooter.right.text
    assert ws.auto_filter.ref == f"A{HEADING_ROWS}:{last}{HEADING_ROWS + expected}"
    signature = ws.cell(row=HEADING_ROWS + expected + 2, column=1).value
    assert "填表人" in signature and "校长" in signature


def test_ids_are_text_cells_and_masked_by_default(school, tmp_path):
    out = tmp_path / "all.xlsx"
    export_roster(school, "all", out)
    truth = list(school.queries.iter_roster("all"))
    ws = load_workbook(out).worksheets[0]
    heads = [c.value for c in ws[HEADING_ROWS]]
    id_col, xjh_col = heads.index("身份证号") + 1, heads.index("全国学籍号") + 1
    for offset, row in enumerate(truth[:300]):
        cell = ws.cell(row=HEADING_ROWS + 1 + offset, column=id_col)
        assert cell.data_type == "s" and cell.number_format == "@"
        assert cell.value == mask_id_number(row.id_number) and "********" in cell.value
        xjh = ws.cell(row=HEADING_ROWS + 1 + offset, column=xjh_col)
        assert xjh.data_type == "s" and xjh.value == mask_xjh(row.xjh)
    assert "已隐去" in ws["A2"].value + str(ws.cell(row=2, column=len(heads) // 2 + 1).value)
    # A second reader agrees: strings, not numbers, and no whole ID anywhere in the file.
    rows = data_rows(out)
    assert all(isinstance(row[id_col - 1], str) for row in rows)
    every_cell = {str(v) for row in rows for v in row}
    assert not any(is_valid_id_number(v) for v in every_cell)


def test_a_principal_asking_for_full_ids_gets_them_as_text(school, tmp_path):
    out = tmp_path / "full.xlsx"
    result = export_roster(school, "all", out, role="principal", full_ids=True)
    assert result.full_ids and not result.restricted
    col = header(out).index("身份证号")
    rows = data_rows(out)
    truth = [r.id_number for r in school.queries.iter_roster("all")]
    assert [row[col] for row in rows] == truth  # 18 digits intact, not 5.2e+17
    assert all(isinstance(row[col], str) and is_valid_id_number(row[col]) for row in rows)
    phones = header(out).index("监护人电话")
    assert all(isinstance(row[phones], str) for row in rows)


def test_restricted_column_only_for_a_role_that_may_see_it(school, tmp_path):
    plain = tmp_path / "plain.xlsx"
    export_roster(school, "all", plain, role="registrar", full_ids=True)
    assert "家庭经济困难类别" not in header(plain)
    full = tmp_path / "restricted.xlsx"
    export_roster(school, "all", full, role="principal", restricted=True)
    col = header(full).index("家庭经济困难类别")
    values = {row[col] for row in data_rows(full)}
    assert "低保户" in values or "脱贫户（原建档立卡）" in values


@pytest.mark.parametrize("role, asks, words", [
    ("class_teacher", {}, "无权导出学生名单"),
    ("registrar", {"restricted": True}, "受限信息"),
    (None, {"full_ids": True}, "完整身份证号"),
    ("", {"restricted": True}, "受限信息"),
    ("someone", {}, "无权导出学生名单"),
])
def test_asking_for_more_than_the_role_allows_is_refused_and_writes_nothing(
        school, tmp_path, role, asks, words):
    out = tmp_path / "x.xlsx"
    with pytest.raises(InputRefused) as refused:
        export_roster(school, "all", out, role=role, **asks)
    assert words in refused.value.message and refused.value.exit_code == 2
    assert not out.exists() and list(tmp_path.iterdir()) == []


def test_no_role_yet_exports_the_masked_list(school, tmp_path):
    result = export_roster(school, "dropped", tmp_path / "d.xlsx", role=None)
    assert result.rows == school.queries.count("dropped") and not result.full_ids


@pytest.mark.parametrize("name, words", [
    ("list.xls", ".xlsx"), ("list.csv", ".xlsx"), ("folder", ".xlsx"),
])
def test_unusable_output_names_are_refused(school, tmp_path, name, words):
    with pytest.raises(InputRefused) as refused:
        export_roster(school, "all", tmp_path / name)
    assert words in refused.value.message


def test_the_export_never_overwrites_the_ledger(tmp_path):
    trap = tmp_path / "ledger.xlsx"  # a ledger file someone named .xlsx
    with Ledger.create(trap, kind="school", code=SCHOOL_CODE, name=SCHOOL) as ledger:
        with pytest.raises(InputRefused, match="不能覆盖"):
            export_roster(ledger, "all", trap)
        assert ledger.queries.count("all") == 0


def test_unknown_view_is_refused_in_chinese(school, tmp_path):
    with pytest.raises(InputRefused, match="没有名为“graduated”的名单"):
        export_roster(school, "graduated", tmp_path / "x.xlsx")


def test_a_failed_export_leaves_the_previous_file_and_no_partial_one(school, tmp_path):
    out = tmp_path / "all.xlsx"
    out.write_bytes(b"previous export")
    seen = []

    def stick_pulled_halfway(done: int, total: int) -> None:
        seen.append((done, total, sorted(p.name for p in tmp_path.iterdir())))
        if done >= total // 2:
            raise OSError(5, "Input/output error")

    with pytest.raises(OSError):
        export_roster(school, "all", out, progress=stick_pulled_halfway)
    assert seen[0][:2] == (250, 900) and all(names == ["all.xlsx"] for *_, names in seen)
    assert out.read_bytes() == b"previous export"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["all.xlsx"]


def test_a_new_file_appears_only_when_complete(school, tmp_path):
    out = tmp_path / "new.xlsx"
    calls = []
    export_roster(school, "all", out, progress=lambda done, total: calls.append(
        (done, out.exists())))
    assert [exists for done, exists in calls[:-1]] == [False] * (len(calls) - 1)
    assert calls[-1] == (900, True)


def test_a_write_failure_becomes_a_chinese_refusal(school, tmp_path):
    blocker = tmp_path / "U盘"
    blocker.write_text("not a folder")
    with pytest.raises(InputRefused, match="无法写入"):
        export_roster(school, "dropped", blocker / "台账.xlsx")


def test_search_narrows_the_export_like_the_roster(school, tmp_path):
    first = next(school.queries.iter_roster("all"))
    result = export_roster(school, "all", tmp_path / "one.xlsx", search=first.name)
    assert result.rows == school.queries.count("all", search=first.name) >= 1
    assert first.name in {row[1] for row in data_rows(tmp_path / "one.xlsx")}


def test_case_columns_describe_the_case(school, tmp_path):
    out = tmp_path / "dropped.xlsx"
    export_roster(school, "dropped", out)
    heads = header(out)
    assert "身份证号" not in heads and "全国学籍号" in heads  # the §5.3 list names 学籍号 only
    for row in data_rows(out):
        record = dict(zip(heads, row, strict=True))
        assert record["状态"] == Status.DROPPED_OUT.label
        assert record["辍学原因"] and record["疑似辍学日期"] and record["包保责任人（教师/村/乡镇）"]
        assert isinstance(record["劝返次数"], float) and record["劝返次数"] >= 1
        assert str(record["当前劝返阶段"]).startswith("L")
        assert record["年级"].endswith("年级")
    returned = tmp_path / "returned.xlsx"
    export_roster(school, "returned", returned)
    heads = header(returned)
    for row in data_rows(returned):
        record = dict(zip(heads, row, strict=True))
        assert record["复学日期"] and record["销号日期"] and "劝返复学" in record["销号依据"]


def test_all_columns_gives_every_ledger_column(school, tmp_path):
    out = tmp_path / "wide.xlsx"
    export_roster(school, "suspected", out, all_columns=True)
    assert header(out) == [c.header for c in COLUMNS_BY_KEY.values()
                           if c.key != "economic_category"]
    heads = header(out)
    record = dict(zip(heads, data_rows(out)[0], strict=True))
    assert record["村（居）区划代码"] and len(record["村（居）区划代码"]) == 12


def test_view_columns_name_real_columns():
    for view, keys in VIEW_COLUMNS.items():
        assert set(keys) <= set(COLUMNS_BY_KEY), view
        assert keys[0] == "seq" and "name" in keys and "status" in keys


def test_statistics_workbook_matches_the_counts(school, tmp_path):
    out = tmp_path / "stats.xlsx"
    result = export_stats(school, out)
    data = stats.counts(school.queries)
    assert result.rows == 12 and result.view == "stats"
    book = CalamineWorkbook.from_path(str(out))
    assert book.sheet_names == ["按年级统计", "专项统计"]
    rows = data_rows(out, "按年级统计")
    heads = [str(v) for v in book.get_sheet_by_name("按年级统计").to_python()[HEADING_ROWS - 1]]
    assert heads[:2] == ["年级", "在籍人数"] and heads[-1] == "合计（含离校）"
    assert [row[0] for row in rows] == ["一年级", "二年级", "三年级", "四年级", "五年级", "六年级",
                                        "七年级（初一）", "八年级（初二）", "九年级（初三）",
                                        "小学小计", "初中小计", "合计"]
    total = dict(zip(heads, rows[-1], strict=True))
    assert total["合计（含离校）"] == data["total"] and total["在籍人数"] == data["on_roll"]
    assert total["辍学"] == data["by_status"]["dropped_out"]
    assert rows[9][1] + rows[10][1] == rows[11][1]  # 小学 + 初中 = 合计
    groups = {row[0]: row[1] for row in data_rows(out, "专项统计")}
    assert groups["预警学生"] == data["flags"]["at_risk"]
    assert groups["未销号个案"] == data["cases"]["open"]
    ws = load_workbook(out)["按年级统计"]
    assert ws.freeze_panes == f"B{HEADING_ROWS + 1}" and ws.page_setup.orientation == "landscape"


def test_a_3000_row_export_streams(tmp_path):
    """Memory stays flat: the rows are never all held at once (an openpyxl normal-mode sheet of
    the same rows held in a list peaks at about 14 MB; streaming at about 4 MB)."""
    path = build_demo(tmp_path / "big.sqlite", 3000)
    with Ledger.open(path, clock=FrozenClock(TODAY)) as ledger:
        tracemalloc.start()
        try:
            result = export_roster(ledger, "all", tmp_path / "big.xlsx")
            peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
        assert result.rows == ledger.queries.count("all") == 3000
    assert peak < 8_000_000, f"peak {peak / 1e6:.1f} MB"
    assert len(data_rows(tmp_path / "big.xlsx")) == 3000


def test_wrapped_rows_get_room_for_their_lines(school, tmp_path):
    out = tmp_path / "all.xlsx"
    export_roster(school, "all", out)
    ws = load_workbook(out).worksheets[0]
    heads = [c.value for c in ws[HEADING_ROWS]]
    col = heads.index("监护人（关系）") + 1
    two = next(r for r in range(HEADING_ROWS + 1, ws.max_row)
               if "\n" in str(ws.cell(row=r, column=col).value))
    assert ws.row_dimensions[two].height >= 30
    assert ws.cell(row=two, column=col).alignment.wrap_text


def test_width_helpers():
    assert display_width("张三A1") == 6
    assert line_count("王某（父亲）\n李某（母亲）", 12) == 2
    assert line_count("王某某某某（父亲）", 8) == 3
    assert footer_text("A&B学校") == "A&&B学校"


def test_export_date_is_the_ledger_clock(school, tmp_path):
    out = tmp_path / "d.xlsx"
    export_roster(school, "dropped", out)
    row = CalamineWorkbook.from_path(str(out)).get_sheet_by_index(0).to_python()[1]
    assert any(f"{TODAY.year}年{TODAY.month}月{TODAY.day}日" in str(v) for v in row)
    assert dt.date(TODAY.year, TODAY.month, TODAY.day) == school.clock.today()


def test_an_empty_view_still_gives_a_printable_sheet(ledger, tmp_path):
    out = tmp_path / "empty.xlsx"
    result = export_roster(ledger, "dropped", out)
    assert result.rows == 0
    assert header(out)[:2] == ["序号", "姓名"] and data_rows(out) == []
    ws = load_workbook(out).worksheets[0]
    assert ws.freeze_panes == f"C{HEADING_ROWS + 1}" and ws.auto_filter.ref is None
