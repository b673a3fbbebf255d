"""名单核查 page against real ledgers: import a county list, see how each row matched and who is
missing, confirm a homophone, save an answer with evidence, refuse a bad list in Chinese, export.
Every read and write goes through an `ImmediateRunner`; Chinese is typed with `setText`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook, load_workbook
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from dropout_ledger.clock import FrozenClock
from dropout_ledger.ledger import Ledger
from dropout_ledger.reconcile import list_rows, stored_lists
from dropout_ledger.reconcile.export import ADDED
from dropout_ledger.synthetic import SyntheticFactory
from ui.app import load_cjk_font
from ui.ops import ImmediateRunner
from ui.views.reconcile_view import ReconcileView

NOW = dt.datetime(2026, 11, 20, 10)
HEADER = ["序号", "姓名", "性别", "出生日期", "身份证号", "户籍地址"]


@pytest.fixture
def ledger(ledger_copy: Path) -> Iterator[Ledger]:
    with Ledger.open(ledger_copy, clock=FrozenClock(NOW)) as opened:
        yield opened


@pytest.fixture
def view(qtbot: QtBot, ledger: Ledger) -> ReconcileView:
    made = ReconcileView(ImmediateRunner(ledger))
    qtbot.addWidget(made)
    made.resize(1200, 820)
    return made


def _pupils(ledger: Ledger, n: int) -> list[dict[str, Any]]:
    rows = [r for r in ledger.queries.roster("on-roll", limit=200) if r.status == "enrolled"]
    found = [ledger.queries.student(r.student_id) for r in rows[:n]]
    return [p for p in found if p is not None]


def _write(path: Path, rows: list[list[Any]]) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.title = "名单"
    sheet.append(["石门村户籍适龄儿童名单"])
    sheet.append(HEADER)
    for number, row in enumerate(rows, start=1):
        sheet.append([number, *row])
    book.save(path)
    return path


def _row(p: dict[str, Any], *, name: str | None = None, id_number: str | None = None
         ) -> list[Any]:
    return [name or p["name"], "男" if p["sex"] == "1" else "女", p["birth_date"],
            p["id_number"] if id_number is None else id_number, "坪坝镇石门村"]


def _homophone(name: str) -> str:
    """Another spelling of the same sound: 李明 → 黎明 (surnames with a common homophone)."""
    swaps = {"李": "黎", "王": "汪", "张": "章", "刘": "留", "陈": "沉", "杨": "羊", "黄": "皇"}
    return swaps.get(name[0], "") + name[1:] if name[0] in swaps else ""


def _texts(table: Any) -> list[list[str]]:
    return [[table.item(r, c).text() if table.item(r, c) else ""
             for c in range(table.columnCount())] for r in range(table.rowCount())]


def _import(view: ReconcileView, ledger: Ledger, tmp_path: Path) -> dict[str, Any]:
    pupils = _pupils(ledger, 40)
    sound = next(p for p in pupils[1:] if _homophone(p["name"]))
    stranger = SyntheticFactory(seed=99).student(grade=3, today=NOW.date())
    path = _write(tmp_path / "石门村.xlsx", [
        _row(pupils[0]), _row(sound, name=_homophone(sound["name"]), id_number=""),
        _row(stranger)])
    view.import_file(path)
    return {"first": pupils[0], "sound": sound, "stranger": stranger}


def test_an_imported_list_shows_each_match_and_the_pupils_it_misses(
        view: ReconcileView, ledger: Ledger, tmp_path: Path, boxes: Any) -> None:
    people = _import(view, ledger, tmp_path)
    assert not boxes.shown
    rows = _texts(view.table)
    assert [r[1] for r in rows] == [people["first"]["name"], _homophone(people["sound"]["name"]),
                                    people["stranger"]["name"]]
    assert rows[0][4] == "身份证号" and rows[0][5].startswith(people["first"]["name"])
    assert rows[1][4] == "同音姓名+出生日期，待确认" and rows[1][5] == ""
    assert rows[2][4] == "未匹配"
    assert "*" in rows[0][3] and people["first"]["id_number"] not in rows[0][3]
    assert "待人工确认 1 人" in view.summary_label.text()
    on_roll = ledger.queries.count("on-roll")
    assert view.missing_table.rowCount() == on_roll - 2  # the ID match and the proposal
    assert view.tabs.tabText(1) == f"名单外的在籍学生（{on_roll - 2}人）"


def test_confirming_a_homophone_and_saving_an_answer(
        view: ReconcileView, ledger: Ledger, tmp_path: Path, boxes: Any) -> None:
    people = _import(view, ledger, tmp_path)
    list_id = stored_lists(ledger)[0].list_id
    view.table.selectRow(1)
    assert view.candidate_combo.count() == 1 and view.confirm_button.isEnabled()
    assert not view.save_button.isEnabled() and "请选择核查结果" in view.hint_label.text()
    view.confirm()
    assert list_rows(ledger, list_id)[1].pupil.student_id == people["sound"]["id"]
    assert _texts(view.table)[1][4] == "同音姓名+出生日期，已确认"

    view.table.selectRow(1)
    view.outcome_combo.setCurrentIndex(view.outcome_combo.findData("elsewhere_in_province"))
    view.evidence_edit.setPlainText("家长出示在读证明")
    assert view.form.isRowVisible(view.school_edit)
    assert "请填写就读学校" in view.hint_label.text() and not view.save_button.isEnabled()
    view.school_edit.setText("石桥镇中心学校")
    assert view.save_button.isEnabled()
    view.save()
    stored = list_rows(ledger, list_id)[1]
    assert (stored.outcome, stored.school, stored.evidence) == \
        ("elsewhere_in_province", "石桥镇中心学校", "家长出示在读证明")
    assert _texts(view.table)[1][6] == "在省内其他学校就读：石桥镇中心学校"
    assert not boxes.shown


def test_dropped_out_asks_for_a_reason_and_a_pupil(
        view: ReconcileView, ledger: Ledger, tmp_path: Path) -> None:
    _import(view, ledger, tmp_path)
    view.table.selectRow(2)  # the child who is not on the roll
    view.outcome_combo.setCurrentIndex(view.outcome_combo.findData("dropped_out"))
    view.evidence_edit.setPlainText("村委会说已外出")
    assert view.form.isRowVisible(view.reason_combo)
    assert "须先确认是本校哪名学生" in view.hint_label.text()
    assert "请选择辍学原因" in view.hint_label.text()
    assert not view.save_button.isEnabled()


def test_an_unmatched_row_can_be_given_a_pupil_by_search(
        view: ReconcileView, ledger: Ledger, tmp_path: Path) -> None:
    _import(view, ledger, tmp_path)
    pupil = _pupils(ledger, 40)[5]
    view.table.selectRow(2)
    assert view.form.isRowVisible(view.search_edit) and not view.confirm_button.isEnabled()
    view.search_edit.setText(pupil["id_number"])
    view.search()
    assert view.candidate_combo.currentData() == pupil["id"] and view.confirm_button.isEnabled()
    view.confirm()
    row = list_rows(ledger, stored_lists(ledger)[0].list_id)[2]
    assert row.method == "manual" and row.pupil is not None and row.pupil.student_id == pupil["id"]
    assert _texts(view.table)[2][4] == "人工指定"


def test_a_bad_list_is_refused_in_one_chinese_message(
        view: ReconcileView, ledger: Ledger, tmp_path: Path, boxes: Any) -> None:
    pupil = _pupils(ledger, 1)[0]
    path = _write(tmp_path / "bad.xlsx", [_row(pupil, id_number=int(pupil["id_number"][:15])),
                                          ["", "男", "2016-01-01", "", "石门村"]])
    view.import_file(path)
    assert stored_lists(ledger) == []
    [(_kind, text)] = boxes.shown
    assert "第3行" in text and "第4行" in text and "整份名单没有导入" in text


def test_fill_from_status_and_export(view: ReconcileView, ledger: Ledger,
                                     tmp_path: Path) -> None:
    people = _import(view, ledger, tmp_path)
    view.fill_from_status()
    assert _texts(view.table)[0][6] == "核实在本校就读"
    out = tmp_path / "back.xlsx"
    view.export_to(out)
    values = [[c.value for c in r] for r in load_workbook(out)["名单"].iter_rows()]
    assert values[1] == [*HEADER, *ADDED]
    assert values[2][1] == people["first"]["name"] and values[2][6] == "核实在本校就读"
    assert "已导出到" in view.summary_label.text()


def test_render_the_page(view: ReconcileView, ledger: Ledger, tmp_path: Path) -> None:
    """Not an assertion of looks: the PNG is for a person (CJK font loaded as the app does)."""
    load_cjk_font(QApplication.instance())
    _import(view, ledger, tmp_path)
    view.table.selectRow(1)
    view.show()
    QApplication.processEvents()
    image = view.grab()
    assert image.width() >= 1000
    image.save(str(Path(tempfile_dir()) / "reconcile_view.png"))


def tempfile_dir() -> str:
    import tempfile

    return tempfile.gettempdir()
