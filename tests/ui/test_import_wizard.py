"""The import wizard takes a roster file through mapping, check and import, checked in the ledger.

A real demo school copied per test, roster files written with openpyxl from synthetic pupils,
the synchronous `ImmediateRunner` (the threaded runner where stopping work mid-way is the
point), file dialogs and message boxes replaced at their edge.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from boxes import Boxes
from openpyxl import Workbook, load_workbook
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QFileDialog
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from dropout_ledger.importing import mapping_from_profile
from dropout_ledger.ledger import Ledger
from dropout_ledger.synthetic import SyntheticFactory
from ui.dialogs.import_wizard import APPLY, CHECK, ERROR_COLOUR, MAPPING, WARN_COLOUR, ImportWizard
from ui.ops import ImmediateRunner, ThreadRunner

GRADES = "一二三四五六七八九"
HEADER = ["序号", "姓名", "性别", "出生日期", "民族", "身份证号", "全国学籍号", "年级", "班级",
          "家庭住址", "监护人", "联系电话"]


@pytest.fixture
def runner(ledger: Ledger) -> ImmediateRunner:
    return ImmediateRunner(ledger)


def pupils(ledger: Ledger, count: int, seed: int = 4404) -> list[dict[str, Any]]:
    """Synthetic pupils of every grade (a seed of their own: none is already in the demo)."""
    factory = SyntheticFactory(seed=seed)
    return [factory.student(grade=n % 9 + 1, today=ledger.clock.today()) for n in range(count)]


def write_roster(path: Path, people: list[dict[str, Any]], header: list[str] = HEADER) -> Path:
    """A roster as a principal keeps it: a merged title, the header in row 2, one pupil a row."""
    book = Workbook()
    sheet = book.active
    sheet.title = "学生名单"
    sheet.append(["坪坝镇中心学校学生花名册（2026年秋季学期）"])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(header))
    sheet.append(header)
    for number, p in enumerate(people, start=1):
        guardian = p["guardians"][0] if p["guardians"] else {"name": "", "phone": ""}
        sheet.append([number, p["name"], "男" if p["sex"] == "1" else "女", p["birth_date"],
                      p["ethnicity"], p["id_number"], p["xjh"],
                      f"{GRADES[int(p['grade']) - 1]}年级", p["class_name"], p["address"],
                      guardian["name"], guardian["phone"]][:len(header)])
    book.save(path)
    return path


def wrong_check_digit(number: str) -> str:
    return number[:-1] + ("0" if number[-1] != "0" else "1")


def on_roll(ledger: Ledger, person: dict[str, Any]) -> bool:
    return ledger.queries.find_student(id_number=person["id_number"]) is not None


def event_count(ledger: Ledger) -> int:
    return int(ledger.conn.execute("SELECT count(*) FROM events").fetchone()[0])


def open_wizard(qtbot: QtBot, runner: ImmediateRunner | ThreadRunner, path: Path | None = None,
                role: str = "principal") -> ImportWizard:
    wizard = ImportWizard(runner, role, str(path) if path else None)
    qtbot.addWidget(wizard)
    wizard.show()
    return wizard


def click(qtbot: QtBot, button: Any) -> None:
    assert button.isVisible() and button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_a_clean_file_is_checked_then_imported_and_its_pupils_are_on_the_roll(
    qtbot: QtBot, runner: ImmediateRunner, ledger: Ledger, tmp_path: Path
) -> None:
    people = pupils(ledger, 12)
    wizard = open_wizard(qtbot, runner, write_roster(tmp_path / "名单.xlsx", people))
    assert wizard.page() == MAPPING and wizard.header is not None and wizard.header.row == 2
    assert wizard.chosen_fields()["身份证号"] == "id_number"
    assert wizard.chosen_fields()["序号"] is None
    assert not any(on_roll(ledger, p) for p in people)  # reading the file wrote nothing

    click(qtbot, wizard.next_button)  # 检查
    assert wizard.page() == CHECK and wizard.next_button.text() == "导入"
    assert wizard.tiles["create"].number.text() == "12"
    assert wizard.tiles["error"].number.text() == "0"
    assert not any(on_roll(ledger, p) for p in people)  # checking wrote nothing

    with qtbot.waitSignal(wizard.imported) as imported:
        click(qtbot, wizard.next_button)  # 导入
    assert wizard.page() == APPLY and wizard.close_button.text() == "完成"
    assert all(on_roll(ledger, p) for p in people)
    result = imported.args[0]
    assert result.created == 12 and result.backup is not None and result.backup.exists()
    assert "新增 12 名学生" in wizard.apply_result.text()
    assert str(result.backup) in wizard.apply_result.text()


def test_an_error_row_blocks_the_import_until_skip_is_ticked_then_only_valid_rows_come_in(
    qtbot: QtBot, runner: ImmediateRunner, ledger: Ledger, tmp_path: Path
) -> None:
    people = pupils(ledger, 6)
    bad = people[3]
    bad["id_number"] = wrong_check_digit(bad["id_number"])
    wizard = open_wizard(qtbot, runner, write_roster(tmp_path / "名单.xlsx", people))
    click(qtbot, wizard.next_button)

    assert wizard.tiles["error"].number.text() == "1"
    assert not wizard.next_button.isEnabled()
    assert "有 1 行有错误" in wizard.import_hint.text()
    model = wizard.problem_model
    first = model.problems.index(next(p for p in model.problems if p.severity == "error"))
    assert model.data(model.index(first, 0)) == "6"  # the spreadsheet's row: title, header, 4th
    assert model.data(model.index(first, 3)) == "身份证号"
    assert "校验" in model.data(model.index(first, 4))
    brush = model.data(model.index(first, 4), Qt.ItemDataRole.ForegroundRole)
    assert brush.color() == QColor(ERROR_COLOUR)
    warnings = [n for n, p in enumerate(model.problems) if p.severity == "warning"]
    for row in warnings:
        brush = model.data(model.index(row, 4), Qt.ItemDataRole.ForegroundRole)
        assert brush.color() == QColor(WARN_COLOUR)

    wizard.skip_check.setChecked(True)
    assert wizard.next_button.isEnabled() and not wizard.import_hint.text()
    click(qtbot, wizard.next_button)
    good = [p for p in people if p is not bad]
    assert all(on_roll(ledger, p) for p in good)
    assert ledger.queries.find_student(xjh=bad["xjh"]) is None
    assert "有错误的 1 行没有导入" in wizard.apply_result.text()


def test_the_check_report_is_saved_where_the_person_says(
    qtbot: QtBot, runner: ImmediateRunner, ledger: Ledger, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch
) -> None:
    people = pupils(ledger, 4)
    people[1]["id_number"] = wrong_check_digit(people[1]["id_number"])
    wizard = open_wizard(qtbot, runner, write_roster(tmp_path / "名单.xlsx", people))
    click(qtbot, wizard.next_button)
    target = tmp_path / "检查结果"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *args, **kwargs: (str(target), ""))
    click(qtbot, wizard.report_button)

    saved = target.with_suffix(".xlsx")
    rows = list(load_workbook(saved, read_only=True).worksheets[0].values)
    header = next(r for r in rows if r and "错误说明" in r)
    errors = [r for r in rows if r and r[header.index("错误说明")]]
    assert len(errors) == 2  # the header and the wrong row
    assert str(saved) in wizard.report_note.text()


def test_a_column_with_an_unknown_header_is_mapped_by_hand_and_remembered(
    qtbot: QtBot, runner: ImmediateRunner, ledger: Ledger, tmp_path: Path
) -> None:
    header = [*HEADER[:5], "学生证件号码", "学籍辅号", *HEADER[7:]]
    first = pupils(ledger, 5)
    wizard = open_wizard(qtbot, runner, write_roster(tmp_path / "一.xlsx", first, header))
    assert wizard.page() == MAPPING and wizard.header is None  # no ID column: no header
    assert wizard.guess_note.isVisible() and not wizard.next_button.isEnabled()

    table = wizard.preview_table
    rect = table.visualItemRect(table.item(1, 1))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert wizard.header is not None and wizard.header.row == 2
    assert "身份证号或全国学籍号" in wizard.mapping_hint.text()
    assert not wizard.next_button.isEnabled()

    combo = dict(wizard.combos)["学生证件号码"]
    combo.setCurrentIndex(combo.findData("id_number"))
    assert not wizard.mapping_hint.text() and wizard.next_button.isEnabled()
    wizard.remember_check.setChecked(True)
    click(qtbot, wizard.next_button)
    assert wizard.tiles["create"].number.text() == "5"
    click(qtbot, wizard.next_button)
    assert all(on_roll(ledger, p) for p in first)
    remembered = mapping_from_profile(ledger.settings.profile()["import_mapping"])
    assert remembered == {"学生证件号码": "id_number"}

    second = pupils(ledger, 3, seed=5505)
    again = open_wizard(qtbot, runner, write_roster(tmp_path / "二.xlsx", second, header))
    assert again.header is not None and again.header.row == 2  # found by the saved mapping
    assert again.chosen_fields()["学生证件号码"] == "id_number"
    click(qtbot, again.next_button)
    click(qtbot, again.next_button)
    assert all(on_roll(ledger, p) for p in second)


def test_the_roster_sheet_is_found_and_another_sheet_can_be_chosen(
    qtbot: QtBot, runner: ImmediateRunner, ledger: Ledger, tmp_path: Path
) -> None:
    path = write_roster(tmp_path / "名单.xlsx", pupils(ledger, 3))
    book = load_workbook(path)
    notes = book.create_sheet("填表说明", 0)
    notes.append(["请按学籍系统导出的格式填写，不要改动表头。"])
    book.save(path)

    wizard = open_wizard(qtbot, runner, path)
    assert wizard.sheet_combo.isVisible()
    assert wizard.sheet_combo.currentText() == "学生名单" and wizard.header is not None
    wizard.sheet_combo.setCurrentText("填表说明")
    wizard.sheet_combo.activated.emit(wizard.sheet_combo.currentIndex())
    assert wizard.guess is not None and wizard.guess.preview.sheet == "填表说明"
    assert wizard.header is None and not wizard.next_button.isEnabled()


def test_ids_in_the_preview_are_masked_for_a_role_without_full_ids(
    qtbot: QtBot, runner: ImmediateRunner, ledger: Ledger, tmp_path: Path
) -> None:
    people = pupils(ledger, 2)
    path = write_roster(tmp_path / "名单.xlsx", people)
    number = people[0]["id_number"]
    column = HEADER.index("身份证号")

    shown = open_wizard(qtbot, runner, path, role="class_teacher")
    cell = shown.preview_table.item(2, column).text()
    assert cell != number and cell.startswith(number[:6]) and cell.endswith(number[-4:])
    assert number not in shown.mapping_table.item(5, 2).text()
    whole = open_wizard(qtbot, runner, path, role="principal")
    assert whole.preview_table.item(2, column).text() == number


def test_a_ledger_changed_after_the_check_asks_for_a_new_check(
    qtbot: QtBot, runner: ImmediateRunner, ledger: Ledger, tmp_path: Path
) -> None:
    people = pupils(ledger, 3)
    wizard = open_wizard(qtbot, runner, write_roster(tmp_path / "名单.xlsx", people))
    click(qtbot, wizard.next_button)
    ledger.settings.set_profile(call_days=2)  # another window writes meanwhile
    before = event_count(ledger)
    click(qtbot, wizard.next_button)

    assert wizard.page() == CHECK and wizard.stale
    assert "重新检查" in wizard.import_hint.text() and not wizard.next_button.isEnabled()
    assert event_count(ledger) == before and not any(on_roll(ledger, p) for p in people)
    click(qtbot, wizard.recheck_button)
    click(qtbot, wizard.next_button)
    assert all(on_roll(ledger, p) for p in people)


def test_a_file_that_cannot_be_read_is_refused_on_the_first_page(
    qtbot: QtBot, runner: ImmediateRunner, boxes: Boxes, tmp_path: Path
) -> None:
    broken = tmp_path / "名单.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really a workbook")
    wizard = open_wizard(qtbot, runner, broken)
    assert wizard.page() == 0 and not wizard.next_button.isEnabled()
    assert boxes.shown and "损坏" in boxes.shown[0][1]


def test_the_check_tables_follow_qt_model_rules(
    qtbot: QtBot, runner: ImmediateRunner, ledger: Ledger, tmp_path: Path,
    qtmodeltester: ModelTester
) -> None:
    people = pupils(ledger, 4)
    people[0]["id_number"] = wrong_check_digit(people[0]["id_number"])
    wizard = open_wizard(qtbot, runner, write_roster(tmp_path / "名单.xlsx", people))
    click(qtbot, wizard.next_button)
    assert wizard.problem_model.rowCount() and wizard.missing_model.rowCount()
    qtmodeltester.check(wizard.problem_model)
    qtmodeltester.check(wizard.missing_model)


def test_stopping_the_check_or_the_import_leaves_the_ledger_unchanged(
    qtbot: QtBot, ledger: Ledger, tmp_path: Path
) -> None:
    people = pupils(ledger, 1200)
    path = write_roster(tmp_path / "名单.xlsx", people)
    before = event_count(ledger)
    runner = ThreadRunner(ledger)
    try:
        wizard = open_wizard(qtbot, runner, path)
        qtbot.waitUntil(lambda: wizard.page() == MAPPING, timeout=10000)
        click(qtbot, wizard.next_button)
        assert wizard.close_button.text() == "停止检查"
        click(qtbot, wizard.close_button)
        qtbot.waitUntil(lambda: not wizard.busy, timeout=20000)
        assert "已停止检查" in wizard.check_status.text() and wizard.isVisible()

        click(qtbot, wizard.recheck_button)
        qtbot.waitUntil(lambda: wizard.checked is not None, timeout=30000)
        click(qtbot, wizard.next_button)
        assert wizard.close_button.text() == "停止导入"
        click(qtbot, wizard.close_button)
        qtbot.waitUntil(lambda: not wizard.busy, timeout=30000)
        assert wizard.page() == APPLY and wizard.import_result is None
        assert "已停止导入，台账没有任何改动" in wizard.apply_status.text()
        assert event_count(ledger) == before
        assert not any(on_roll(ledger, p) for p in people[:3])
    finally:
        qtbot.wait(1)  # a ThreadRunner dropped with a deferred delete pending crashes Qt
        runner.close()
