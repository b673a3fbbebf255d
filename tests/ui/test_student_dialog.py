"""新增/编辑学生: what the user types is checked as typed, and what is saved is what the ledger holds.

Real demo-school ledgers (copied per test) and the synchronous `ImmediateRunner`; only message
boxes are replaced, because they wait for a person. ID numbers come from `SyntheticFactory`
(a fictional county, so no real person's number).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from boxes import Boxes
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from dropout_ledger.ledger import Ledger
from dropout_ledger.model import identity
from dropout_ledger.model.student import STUDENT_FIELDS
from dropout_ledger.store.events import events_for
from dropout_ledger.synthetic import SyntheticFactory
from ui.dialogs import student_dialog
from ui.dialogs.student_dialog import (
    FIELD_LABELS,
    StudentDialog,
    check_id_number,
    check_xjh,
)
from ui.ops import ImmediateRunner, ThreadRunner


class InfoBoxes:
    """Stands in for QMessageBox in the dialog: records the notes shown after saving."""

    def __init__(self) -> None:
        self.shown: list[str] = []

    def information(self, parent: QWidget | None, title: str, text: str) -> None:
        self.shown.append(text)


@pytest.fixture
def runner(ledger: Ledger) -> ImmediateRunner:
    return ImmediateRunner(ledger)


@pytest.fixture
def notes(monkeypatch: pytest.MonkeyPatch) -> InfoBoxes:
    recorder = InfoBoxes()
    monkeypatch.setattr(student_dialog, "QMessageBox", recorder)
    return recorder


@pytest.fixture
def factory() -> SyntheticFactory:
    return SyntheticFactory(seed=2024)


def event_count(ledger: Ledger) -> int:
    return int(ledger.conn.execute("SELECT count(*) FROM events").fetchone()[0])


def today(ledger: Ledger) -> dt.date:
    return ledger.clock.today()


def open_dialog(qtbot: QtBot, runner: ImmediateRunner, student_id: str | None,
                role: str = "principal") -> StudentDialog:
    dialog = StudentDialog(runner, student_id, role)
    qtbot.addWidget(dialog)
    assert dialog.loaded
    return dialog


def open_dialog_unloaded(qtbot: QtBot, runner: ImmediateRunner, student_id: str) -> StudentDialog:
    dialog = StudentDialog(runner, student_id, "principal")
    qtbot.addWidget(dialog)
    return dialog


def choose(combo: QComboBox, data: Any) -> None:
    index = combo.findData(data)
    assert index >= 0, data
    combo.setCurrentIndex(index)


def commit(widget: QWidget, text: str) -> None:
    """Type `text` the way a Chinese input method does: one committed string."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def pupil_id(ledger: Ledger, factory: SyntheticFactory, grade: int, sex: str,
             *, ending: str | None = None) -> tuple[str, dt.date]:
    """A fresh valid synthetic ID number for a child of `grade` (optionally ending in `ending`)."""
    birth = factory.birth_for_grade(grade, today(ledger))
    while True:
        number = factory.fake_id_number(birth, sex)
        if ending is None or number.endswith(ending):
            return number, birth


def with_wrong_check(number: str) -> str:
    wrong = next(c for c in "0123456789X" if c != number[-1])
    return number[:-1] + wrong


def first_student(ledger: Ledger) -> dict[str, Any]:
    row = ledger.queries.roster("all", limit=1)[0]
    student = ledger.queries.student(row.student_id)
    assert student is not None and student["id_number"]
    return student


def last_update_fields(ledger: Ledger, student_id: str) -> set[str]:
    event = events_for(ledger.conn, f"student:{student_id}")[-1]
    assert event.kind == "update"
    return set(event.body["fields"])


def shown_texts(dialog: QWidget) -> str:
    """Everything the dialog shows as text: fields, placeholders, tooltips, labels, combos."""
    parts: list[str] = []
    for edit in dialog.findChildren(QLineEdit):
        if edit.isVisibleTo(dialog):
            parts += [edit.text(), edit.placeholderText(), edit.toolTip()]
    for label in dialog.findChildren(QLabel):
        if label.isVisibleTo(dialog):
            parts += [label.text(), label.toolTip()]
    for combo in dialog.findChildren(QComboBox):
        if combo.isVisibleTo(dialog):
            parts.append(combo.currentText())
    return "\n".join(parts)


# -- registering ---------------------------------------------------------------------------------


def test_registering_a_pupil_stores_the_number_with_derived_birth_date_and_sex(
    qtbot: QtBot, runner: ImmediateRunner, ledger: Ledger, factory: SyntheticFactory,
    notes: InfoBoxes,
) -> None:
    number, birth = pupil_id(ledger, factory, 3, "2")
    dialog = open_dialog(qtbot, runner, None)
    assert dialog.windowTitle() == "新增学生"
    commit(dialog.name_edit, "王䶮")
    qtbot.keyClicks(dialog.id_edit, number)
    assert dialog.id_message.text() == "号码有效"
    assert dialog.birth_edit.text() == birth.isoformat() and dialog.birth_edit.isReadOnly()
    assert dialog.sex_combo.currentText() == "女" and not dialog.sex_combo.isEnabled()
    assert dialog.derived_label.text() == "由身份证号自动得出"
    assert not dialog.save_button.isEnabled() and "请选择年级" in dialog.save_button.toolTip()
    choose(dialog.grade_combo, 3)
    dialog.class_edit.setText("2班")
    assert dialog.save_button.isEnabled()
    with qtbot.waitSignal(dialog.saved) as saved:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == 1  # accepted
    stored = ledger.queries.find_student(id_number=number)
    assert stored is not None and stored["id"] == saved.args[0].created[0]
    assert (stored["name"], stored["birth_date"], stored["sex"]) == ("王䶮", birth.isoformat(), "2")
    assert (stored["grade"], stored["class_name"], stored["status"]) == (3, "2班", "enrolled")
    assert notes.shown == []


def test_a_wrong_check_digit_disables_save_and_says_the_number_is_wrong(
    qtbot: QtBot, runner: ImmediateRunner, ledger: Ledger, factory: SyntheticFactory,
) -> None:
    number, _ = pupil_id(ledger, factory, 4, "1")
    wrong = with_wrong_check(number)
    dialog = open_dialog(qtbot, runner, None)
    dialog.name_edit.setText("李明")
    choose(dialog.grade_combo, 4)
    qtbot.keyClicks(dialog.id_edit, wrong[:17])
    assert "还差1位" in dialog.id_message.text()
    assert not dialog.id_edit.property("invalid")  # not finished is not wrong
    assert not dialog.save_button.isEnabled()
    qtbot.keyClicks(dialog.id_edit, wrong[17])
    message = dialog.id_message.text()
    assert "校验不通过" in message and "逐位核对" in message
    assert "应为" not in message and number[-1] not in message.replace(wrong, "")
    assert dialog.id_edit.property("invalid") is True
    assert dialog.id_edit.styleSheet()  # the red frame
    assert not dialog.save_button.isEnabled()
    assert "身份证号有误" in dialog.save_button.toolTip()
    assert "身份证号有误" in dialog.hint_label.text()
    assert dialog.birth_edit.text() == "" and dialog.birth_edit.isReadOnly()
    before = event_count(ledger)
    dialog.save()
    qtbot.keyClick(dialog.note_edit, Qt.Key.Key_Return)
    assert event_count(ledger) == before and dialog.result() == 0
    assert ledger.queries.find_student(id_number=wrong) is None


def test_full_width_digits_and_a_lower_case_x_are_folded_as_typed(
    qtbot: QtBot, runner: ImmediateRunner, ledger: Ledger, factory: SyntheticFactory,
) -> None:
    number, birth = pupil_id(ledger, factory, 5, "2", ending="X")
    full_width = "".join(chr(ord(c) + 0xFEE0) for c in number[:17])
    dialog = open_dialog(qtbot, runner, None)
    commit(dialog.id_edit, full_width)
    assert dialog.id_edit.text() == number[:17]
    qtbot.keyClicks(dialog.id_edit, "x")
    assert dialog.id_edit.text() == number
    assert dialog.id_message.text() == "号码有效"
    assert dialog.birth_edit.text() == birth.isoformat()
    commit(dialog.name_edit, "张小雨")
    choose(dialog.grade_combo, 5)
    dialog.save()
    stored = ledger.queries.find_student(id_number=number)
    assert stored is not None and stored["name"] == "张小雨"


def test_a_pupil_without_an_id_number_gets_a_typed_birth_date_and_sex(
    qtbot: QtBot, runner: ImmediateRunner, ledger: Ledger, factory: SyntheticFactory,
) -> None:
    birth = factory.birth_for_grade(1, today(ledger))
    dialog = open_dialog(qtbot, runner, None)
    assert not dialog.birth_edit.isReadOnly() and dialog.sex_combo.isEnabled()
    dialog.name_edit.setText("陈一鸣")
    qtbot.keyClicks(dialog.birth_edit, birth.isoformat())
    choose(dialog.sex_combo, "1")
    choose(dialog.grade_combo, 1)
    with qtbot.waitSignal(dialog.saved) as saved:
        dialog.save()
    stored = ledger.queries.student(saved.args[0].created[0])
    assert stored is not None
    assert (stored["birth_date"], stored["sex"]) == (birth.isoformat(), "1")
    assert not stored["id_number"]


def test_an_impossible_birth_date_in_the_number_is_refused_before_saving(
    qtbot: QtBot, runner: ImmediateRunner,
) -> None:
    first17 = "52482120150230001"  # 30 February
    dialog = open_dialog(qtbot, runner, None)
    dialog.id_edit.setText(first17 + identity.id_check_char(first17))
    assert "不存在" in dialog.id_message.text()
    assert dialog.id_edit.property("invalid") is True and not dialog.save_button.isEnabled()


def test_age_for_grade_is_noted_before_saving_and_shown_after(
    qtbot: QtBot, runner: ImmediateRunner, ledger: Ledger, factory: SyntheticFactory,
    notes: InfoBoxes,
) -> None:
    number, _ = pupil_id(ledger, factory, 1, "1")
    dialog = open_dialog(qtbot, runner, None)
    dialog.name_edit.setText("杨浩")
    dialog.id_edit.setText(number)
    choose(dialog.grade_combo, 6)
    assert "年龄与年级不符" in dialog.warning_label.text()
    assert dialog.save_button.isEnabled()  # a warning never blocks
    dialog.save()
    assert ledger.queries.find_student(id_number=number) is not None
    assert len(notes.shown) == 1 and "年龄与年级不符" in notes.shown[0]


# -- editing -------------------------------------------------------------------------------------


def test_editing_one_field_writes_only_that_field(
    qtbot: QtBot, runner: ImmediateRunner, ledger: Ledger, notes: InfoBoxes,
) -> None:
    student = first_student(ledger)
    dialog = open_dialog(qtbot, runner, student["id"])
    assert dialog.name_edit.text() == student["name"]
    assert dialog.id_edit.text() == student["id_number"]
    assert dialog.grade_combo.currentData() == student["grade"]
    assert not dialog.save_button.isEnabled() and dialog.hint_label.text() == "还没有改动"
    new_class = "9班" if student["class_name"] != "9班" else "8班"
    dialog.class_edit.setText(new_class)
    assert dialog.changed_values() == {"class_name": new_class}
    dialog.save()
    after = ledger.queries.student(student["id"])
    assert after is not None and after["class_name"] == new_class
    assert last_update_fields(ledger, student["id"]) == {"class_name"}
    same = set(after) - {"class_name", "updated_lc"}
    assert {k: after[k] for k in same} == {k: student[k] for k in same}


def test_a_new_id_number_brings_its_birth_date_and_sex_along(
    qtbot: QtBot, runner: ImmediateRunner, ledger: Ledger, factory: SyntheticFactory,
    notes: InfoBoxes,
) -> None:
    student = first_student(ledger)
    sex = "2" if student["sex"] == "1" else "1"
    number, birth = pupil_id(ledger, factory, student["grade"], sex)
    dialog = open_dialog(qtbot, runner, student["id"])
    dialog.id_edit.setText(number)
    dialog.save()
    after = ledger.queries.student(student["id"])
    assert after is not None
    assert (after["id_number"], after["birth_date"], after["sex"]) == (number, birth.isoformat(), sex)
    assert last_update_fields(ledger, student["id"]) == {"id_number", "birth_date", "sex"}


def test_a_class_teacher_sees_only_the_masked_number_and_saving_keeps_it(
    qtbot: QtBot, runner: ImmediateRunner, ledger: Ledger, notes: InfoBoxes,
) -> None:
    student = first_student(ledger)
    dialog = open_dialog(qtbot, runner, student["id"], role="class_teacher")
    masked = identity.mask_id_number(student["id_number"])
    assert dialog.id_edit.text() == "" and dialog.xjh_edit.text() == ""
    assert dialog.id_edit.placeholderText() == f"已登记 {masked}；如需更正，请输入完整号码"
    assert dialog.id_message.text() == "留空表示不修改"
    texts = shown_texts(dialog)
    assert student["id_number"] not in texts and student["id_number"][6:14] not in texts
    assert student["xjh"][1:] not in texts
    assert dialog.birth_edit.text() == student["birth_date"] and dialog.birth_edit.isReadOnly()
    dialog.edits["address"].setText("坪坝镇新寨村二组")
    assert dialog.save_button.isEnabled()
    dialog.save()
    after = ledger.queries.student(student["id"])
    assert after is not None and after["address"] == "坪坝镇新寨村二组"
    assert (after["id_number"], after["xjh"]) == (student["id_number"], student["xjh"])
    assert last_update_fields(ledger, student["id"]) == {"address"}


def test_a_class_teacher_may_correct_the_number_by_typing_it_in_full(
    qtbot: QtBot, runner: ImmediateRunner, ledger: Ledger, factory: SyntheticFactory,
    notes: InfoBoxes,
) -> None:
    student = first_student(ledger)
    number, _ = pupil_id(ledger, factory, student["grade"], student["sex"])
    dialog = open_dialog(qtbot, runner, student["id"], role="class_teacher")
    dialog.id_edit.setText(number)
    dialog.save()
    after = ledger.queries.student(student["id"])
    assert after is not None and after["id_number"] == number


@pytest.mark.parametrize("role, shown", [("registrar", False), ("class_teacher", False),
                                         ("principal", True)])
def test_the_economic_category_is_shown_only_to_roles_that_may_see_it(
    qtbot: QtBot, runner: ImmediateRunner, ledger: Ledger, role: str, shown: bool,
    notes: InfoBoxes,
) -> None:
    student = first_student(ledger)
    dialog = open_dialog(qtbot, runner, student["id"], role=role)
    dialog.show()
    assert dialog.economic_combo.isVisible() is shown
    assert ("家庭经济困难类别" in shown_texts(dialog)) is shown
    if shown:
        choose(dialog.economic_combo, "dibao")
    dialog.class_edit.setText("7班")
    dialog.save()
    after = ledger.queries.student(student["id"])
    assert after is not None and after["class_name"] == "7班"
    expected = "dibao" if shown else student["economic_category"]
    assert after["economic_category"] == expected


def test_the_registrar_sees_and_edits_the_full_numbers(
    qtbot: QtBot, runner: ImmediateRunner, ledger: Ledger,
) -> None:
    student = first_student(ledger)
    dialog = open_dialog(qtbot, runner, student["id"], role="registrar")
    assert dialog.id_edit.text() == student["id_number"]
    assert dialog.xjh_edit.text() == student["xjh"]


def test_a_duplicate_id_number_shows_the_core_message_and_writes_nothing(
    qtbot: QtBot, runner: ImmediateRunner, ledger: Ledger, boxes: Boxes,
) -> None:
    other = first_student(ledger)
    dialog = open_dialog(qtbot, runner, None)
    dialog.name_edit.setText("刘芳")
    dialog.id_edit.setText(other["id_number"])
    choose(dialog.grade_combo, other["grade"])
    before = event_count(ledger)
    dialog.save()
    assert event_count(ledger) == before
    assert len(boxes.shown) == 1
    kind, text = boxes.shown[0]
    assert kind == "warning" and "已登记给" in text and other["name"] in text
    assert other["id_number"] not in text  # the core masks it
    assert dialog.result() == 0 and dialog.name_edit.text() == "刘芳"
    assert dialog.save_button.isEnabled()  # fix it and try again


def test_with_the_app_runner_loading_and_saving_finish_later(
    qtbot: QtBot, ledger: Ledger, notes: InfoBoxes,
) -> None:
    """In the app the read and the save finish later, on the GUI thread: until the pupil is
    read, nothing can be typed or saved."""
    student = first_student(ledger)
    runner = ThreadRunner(ledger)
    try:
        dialog = StudentDialog(runner, student["id"], "principal")
        qtbot.addWidget(dialog)
        qtbot.waitUntil(lambda: dialog.loaded, timeout=2000)
        assert dialog.name_edit.text() == student["name"] and dialog.body.isEnabled()
        dialog.edits["address"].setText("石桥镇白岩村五组")
        with qtbot.waitSignal(dialog.saved, timeout=2000):
            qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        after = ledger.queries.student(student["id"])
        assert after is not None and after["address"] == "石桥镇白岩村五组"
        # Let the runner's deferred deletes run: destroying a ThreadRunner whose progress timer
        # is still queued for deleteLater crashes PySide (reported to the lead, ui/ops.py).
        qtbot.wait(20)
    finally:
        runner.close()


def test_a_withdrawn_pupil_cannot_be_edited(
    qtbot: QtBot, runner: ImmediateRunner, ledger: Ledger,
) -> None:
    student = first_student(ledger)
    ledger.students.retract(student["id"], "重复登记")
    dialog = open_dialog_unloaded(qtbot, runner, student["id"])
    assert "找不到这名学生" in dialog.hint_label.text()
    assert not dialog.body.isEnabled() and not dialog.save_button.isEnabled()
    assert student["name"] not in shown_texts(dialog)


# -- the other fields ----------------------------------------------------------------------------


def test_xjh_is_checked_as_typed_and_a_g_number_unlike_the_id_is_only_a_warning(
    qtbot: QtBot, runner: ImmediateRunner, ledger: Ledger, factory: SyntheticFactory,
    notes: InfoBoxes,
) -> None:
    number, _ = pupil_id(ledger, factory, 2, "1")
    other, _ = pupil_id(ledger, factory, 2, "1")
    dialog = open_dialog(qtbot, runner, None)
    dialog.name_edit.setText("周杰")
    choose(dialog.grade_combo, 2)
    dialog.id_edit.setText(number)
    dialog.xjh_edit.setText("5" + other)
    assert dialog.xjh_edit.property("invalid") is True and not dialog.save_button.isEnabled()
    dialog.xjh_edit.setText("G" + other[:10])
    assert "还差8位" in dialog.xjh_message.text() and not dialog.save_button.isEnabled()
    dialog.xjh_edit.setText("G" + with_wrong_check(other))
    assert "校验不通过" in dialog.xjh_message.text() and "应为" not in dialog.xjh_message.text()
    dialog.xjh_edit.setText("g" + other)
    assert dialog.xjh_edit.text() == "g" + other  # setText is not typing; saving folds it
    assert "不一致" in dialog.xjh_message.text()
    assert dialog.save_button.isEnabled()
    dialog.save()
    stored = ledger.queries.find_student(id_number=number)
    assert stored is not None and stored["xjh"] == "G" + other
    assert any("不一致" in note for note in notes.shown)


def test_guardians_are_edited_as_a_small_table(
    qtbot: QtBot, runner: ImmediateRunner, ledger: Ledger, notes: InfoBoxes,
) -> None:
    student = first_student(ledger)
    dialog = open_dialog(qtbot, runner, student["id"])
    table = dialog.guardians
    assert table.rows_shown() == len(student["guardians"])
    table.add_row()
    row = table.rows_shown() - 1
    table.names[row].setText("罗春梅")
    choose(table.relations[row], "grandmother")
    table.phones[row].setText("1391234")
    assert table.phones[row].property("invalid") is True
    assert "电话无效" in dialog.hint_label.text() and not dialog.save_button.isEnabled()
    table.phones[row].setText("13912345678")
    assert dialog.save_button.isEnabled()
    table.remove_row(0)
    dialog.save()
    after = ledger.queries.student(student["id"])
    assert after is not None
    expected = [*student["guardians"][1:],
                {"name": "罗春梅", "relation": "grandmother", "phone": "13912345678"}]
    assert after["guardians"] == expected
    assert last_update_fields(ledger, student["id"]) == {"guardians"}


def test_flags_and_risk_reasons_are_saved(
    qtbot: QtBot, runner: ImmediateRunner, ledger: Ledger, notes: InfoBoxes,
) -> None:
    student = first_student(ledger)
    dialog = open_dialog(qtbot, runner, student["id"])
    dialog.checks["orphan"].setChecked(not student["orphan"])
    dialog.risks["internet"].setChecked(True)
    dialog.risks["academic"].setChecked(True)
    dialog.save()
    after = ledger.queries.student(student["id"])
    assert after is not None and bool(after["orphan"]) is not bool(student["orphan"])
    assert set(after["at_risk"]) == set(student["at_risk"] or []) | {"internet", "academic"}


def test_a_wrong_village_code_is_marked_with_the_core_reason(
    qtbot: QtBot, runner: ImmediateRunner, ledger: Ledger,
) -> None:
    dialog = open_dialog(qtbot, runner, first_student(ledger)["id"])
    dialog.edits["village_code"].setText("524821000201")
    assert dialog.edits["village_code"].property("invalid") is True
    assert "行政区划代码" in dialog.hint_label.text() and not dialog.save_button.isEnabled()


# -- keyboard ------------------------------------------------------------------------------------


def test_enter_moves_on_and_saves_from_the_last_field_and_escape_cancels(
    qtbot: QtBot, runner: ImmediateRunner, ledger: Ledger, factory: SyntheticFactory,
    notes: InfoBoxes,
) -> None:
    number, _ = pupil_id(ledger, factory, 7, "1")
    dialog = open_dialog(qtbot, runner, None)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    dialog.name_edit.setFocus()
    commit(dialog.name_edit, "吴宇轩")
    qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Return)
    assert dialog.focusWidget() is not dialog.name_edit
    assert dialog.result() == 0 and dialog.isVisible()
    dialog.id_edit.setText(number)
    choose(dialog.grade_combo, 7)
    dialog.note_edit.setFocus()
    with qtbot.waitSignal(dialog.saved):
        qtbot.keyClick(dialog.note_edit, Qt.Key.Key_Return)
    assert ledger.queries.find_student(id_number=number) is not None

    cancelled = open_dialog(qtbot, runner, None)
    cancelled.show()
    qtbot.waitExposed(cancelled)
    cancelled.name_edit.setText("吴宇")
    with qtbot.waitSignal(cancelled.rejected):
        qtbot.keyClick(cancelled.name_edit, Qt.Key.Key_Escape)


def test_tab_goes_through_the_fields_top_to_bottom(qtbot: QtBot, runner: ImmediateRunner) -> None:
    dialog = open_dialog(qtbot, runner, None)
    chain = [w for w in dialog.focus_chain() if w.isVisibleTo(dialog) and w.isEnabled()]
    chain = [w for w in chain if w.focusPolicy() & Qt.FocusPolicy.TabFocus]
    widget = chain[0]
    for expected in chain[1:]:
        widget = widget.nextInFocusChain()
        while not (widget.isVisibleTo(dialog) and widget.isEnabled()
                   and widget.focusPolicy() & Qt.FocusPolicy.TabFocus):
            widget = widget.nextInFocusChain()
        assert widget is expected


# -- the pure checks and the labels --------------------------------------------------------------


def test_the_dialog_labels_are_the_core_field_labels() -> None:
    assert set(FIELD_LABELS) == {spec.label for spec in STUDENT_FIELDS}


def test_a_15_digit_legacy_number_is_accepted() -> None:
    verdict, info = check_id_number("524821850101123", dt.date(2026, 1, 1))
    assert not verdict.blocks and info is not None and info.legacy
    assert info.birth_date == dt.date(1985, 1, 1) and "1985" in verdict.text


def test_fifteen_digits_on_the_way_to_eighteen_are_not_an_error() -> None:
    verdict, info = check_id_number("524821201405031", dt.date(2026, 1, 1))
    assert verdict.level == "pending" and info is None and "还差3位" in verdict.text


@pytest.mark.parametrize("text, level", [
    ("", ""), ("52482", "pending"), ("５２４８２", "pending"), ("5248x", "error"),
    ("5" * 19, "error"), ("52482１2014050312", "pending"),
])
def test_id_verdicts_while_typing(text: str, level: str) -> None:
    assert check_id_number(text, dt.date(2026, 1, 1))[0].level == level


def test_xjh_letters_are_judged_as_typed() -> None:
    assert check_xjh("L52482120140503", None)[0].level == "pending"
    assert check_xjh("L5248212014050312X", None)[0].level == "error"
    assert check_xjh("A", None)[0].level == "error"
    assert check_xjh("L524821201405031234", None)[0].level == "ok"
