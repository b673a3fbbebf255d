"""资助发放 for a class and 结对帮扶: every check reads what the real ledger stored or what is shown.

The ledger is the demo school copied per test (tests/ui/conftest.py), the runner the synchronous
`ImmediateRunner`, and only message boxes are recorded instead of shown.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from boxes import Boxes
from PySide6.QtCore import QDate, Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from dropout_ledger.ledger import Ledger
from dropout_ledger.model.changes import Changes
from dropout_ledger.model.identity import mask_id_number
from dropout_ledger.services import aid
from ui.dialogs.pairing_dialog import NEW, PairingDialog
from ui.dialogs.subsidy_dialog import AMOUNT, ECONOMIC, ID_NUMBER, NAME, PAID, SubsidyDialog
from ui.ops import ImmediateRunner, ThreadRunner

PERIOD = "2026年秋季学期"


@pytest.fixture
def runner(ledger: Ledger) -> ImmediateRunner:
    return ImmediateRunner(ledger)


@pytest.fixture
def junior_class(ledger: Ledger) -> tuple[int, str]:
    """A junior-school class of the demo with at least four pupils."""
    for grade, name in aid.classes(ledger):
        pupils = aid.class_pupils(ledger, grade, name, include_restricted=False)
        if grade >= 7 and len(pupils) >= 4:
            return grade, name
    raise AssertionError("the demo school has no junior class of four")


def choose(combo: Any, data: object) -> None:
    index = combo.findData(data)
    assert index >= 0, data
    combo.setCurrentIndex(index)


def open_sheet(qtbot: QtBot, runner: ImmediateRunner, where: tuple[int, str],
               role: str = "principal", item: str = "local") -> SubsidyDialog:
    dialog = SubsidyDialog(runner, role, *where)
    qtbot.addWidget(dialog)
    dialog.show()
    choose(dialog.item_combo, item)
    dialog.period_edit.setText(PERIOD)
    assert dialog.loaded and dialog.table.rowCount() >= 4
    return dialog


def type_into(widget: Any, text: str) -> None:
    widget.selectAll()
    QTest.keyClicks(widget, text) if text else widget.clear()


def stored(ledger: Ledger, item: str) -> dict[str, dict[str, Any]]:
    """Live subsidy records of `item` for PERIOD, by student."""
    return {r["student_id"]: r for r in ledger.queries.records("subsidy")
            if r["item"] == item and r["period"] == PERIOD and not r["retracted"]}


# -- subsidies ----------------------------------------------------------------------------------


def test_a_whole_class_is_paid_with_exact_fen_and_nothing_for_the_unticked(
    qtbot: QtBot, runner: ImmediateRunner, ledger: Ledger, junior_class: tuple[int, str]
) -> None:
    before = stored(ledger, "living_day")
    dialog = open_sheet(qtbot, runner, junior_class, item="living_day")
    assert dialog.amount_edit.text() == "375"  # junior day pupil: 750 a year, half a term
    assert "375" in dialog.standard_label.text()
    assert not dialog.ticked_rows() and not dialog.save_button.isEnabled()
    saves: list[Changes] = []
    dialog.saved.connect(saves.append)

    dialog.set_row(1, amount="312.29")
    dialog.set_row(3)
    dialog.set_row(2, paid=False)
    assert dialog.ticked_rows() == [1, 3]
    assert "687.29" in dialog.count_label.text()
    assert dialog.save_button.isEnabled(), dialog.status_label.text()
    dialog.table.setFocus()
    QTest.keyClick(dialog.table, Qt.Key.Key_Return)  # Enter saves

    assert len(saves) == 1 and len(saves[0].created) == 2
    after = stored(ledger, "living_day")
    new = {sid: row for sid, row in after.items() if sid not in before}
    ids = [p.student_id for p in dialog.pupils]
    assert set(new) == {ids[1], ids[3]}
    assert new[ids[1]]["amount_fen"] == 31229 and new[ids[3]]["amount_fen"] == 37500
    assert {(r["standard_fen"], r["channel"], r["paid_date"]) for r in new.values()} == {
        (75000, "card", ledger.clock.today().isoformat())}
    assert "2 名学生" in dialog.status_label.text() and not dialog.ticked_rows()


def test_nutrition_is_paid_as_meals_by_default(
    qtbot: QtBot, runner: ImmediateRunner, junior_class: tuple[int, str]
) -> None:
    dialog = open_sheet(qtbot, runner, junior_class, item="nutrition")
    assert dialog.channel_combo.currentData() == "meal"
    assert dialog.amount_edit.text() == "500"
    choose(dialog.item_combo, "disability")  # no national standard: the old one is cleared
    assert dialog.amount_edit.text() == "" and dialog.channel_combo.currentData() == "card"


@pytest.mark.parametrize(("typed", "reason"), [
    ("12.345", "两位小数"), ("-5", "大于 0"), ("abc", "不是数字"), ("0", "大于 0"),
])
def test_an_invalid_amount_disables_save_with_the_reason(
    qtbot: QtBot, runner: ImmediateRunner, ledger: Ledger, junior_class: tuple[int, str],
    typed: str, reason: str,
) -> None:
    dialog = open_sheet(qtbot, runner, junior_class)
    type_into(dialog.amount_edit, "200")
    dialog.set_row(0)
    assert dialog.save_button.isEnabled()
    type_into(dialog.amount_edit, typed)
    assert not dialog.save_button.isEnabled()
    assert reason in dialog.status_label.text()
    assert dialog.table.item(0, AMOUNT).text() == typed  # the rows follow the default

    type_into(dialog.amount_edit, "200")
    dialog.set_row(2, amount=typed)  # one pupil's own amount
    assert not dialog.save_button.isEnabled()
    assert dialog.pupils[2].name in dialog.status_label.text()
    assert reason in dialog.table.item(2, AMOUNT).toolTip()
    dialog.save()
    assert stored(ledger, "local") == {}


def test_a_typed_amount_ticks_the_row_and_space_toggles_it(
    qtbot: QtBot, runner: ImmediateRunner, junior_class: tuple[int, str]
) -> None:
    dialog = open_sheet(qtbot, runner, junior_class)
    dialog.table.item(1, AMOUNT).setText("88")
    assert dialog.ticked_rows() == [1]
    dialog.table.setCurrentCell(2, NAME)
    QTest.keyClick(dialog.table, Qt.Key.Key_Space)
    assert dialog.ticked_rows() == [1, 2]
    QTest.keyClick(dialog.table, Qt.Key.Key_Space)
    assert dialog.ticked_rows() == [1]
    dialog.all_button.click()
    assert dialog.ticked_rows() == list(range(dialog.table.rowCount()))
    dialog.none_button.click()
    assert dialog.ticked_rows() == []


def test_a_second_identical_entry_warns_about_double_payment_but_may_be_saved(
    qtbot: QtBot, runner: ImmediateRunner, ledger: Ledger, junior_class: tuple[int, str]
) -> None:
    dialog = open_sheet(qtbot, runner, junior_class)
    type_into(dialog.amount_edit, "150")
    dialog.set_row(0)
    dialog.set_row(1)
    assert not dialog.warn_label.isVisibleTo(dialog)
    dialog.save()
    assert len(stored(ledger, "local")) == 2
    first = dialog.pupils[0].name
    assert "150" in dialog.table.item(0, PAID).text()  # read back after the save

    again = open_sheet(qtbot, runner, junior_class)
    type_into(again.amount_edit, "150")
    again.set_row(0)
    assert again.warn_label.isVisibleTo(again)
    assert first in again.warn_label.text() and "重复" in again.warn_label.text()
    assert again.save_button.isEnabled()  # a warning, not a block
    again.period_edit.setText("2027年春季学期")
    assert not again.warn_label.isVisibleTo(again)  # another term is no double payment
    again.period_edit.setText(PERIOD)
    choose(again.item_combo, "other")
    assert not again.warn_label.isVisibleTo(again)


@pytest.mark.parametrize("role", ["class_teacher", "", "registrar", "principal"])
def test_ids_and_the_economic_category_follow_the_role(
    qtbot: QtBot, runner: ImmediateRunner, ledger: Ledger, junior_class: tuple[int, str],
    role: str,
) -> None:
    dialog = open_sheet(qtbot, runner, junior_class, role=role)
    full_ids = role in ("registrar", "principal")
    restricted = role == "principal"
    for r, pupil in enumerate(dialog.pupils):
        shown = dialog.table.item(r, ID_NUMBER).text()
        assert shown == (pupil.id_number if full_ids else mask_id_number(pupil.id_number))
        if not restricted:
            assert dialog.table.item(r, ECONOMIC).text() == ""
    assert dialog.table.isColumnHidden(ECONOMIC) is not restricted
    assert dialog.needy_button.isVisibleTo(dialog) is restricted
    assert dialog.ticked_rows() == []  # nothing is ticked by default, whoever looks


def test_the_needy_button_ticks_exactly_the_pupils_with_an_economic_category(
    qtbot: QtBot, runner: ImmediateRunner, ledger: Ledger, junior_class: tuple[int, str]
) -> None:
    dialog = open_sheet(qtbot, runner, junior_class)
    needy_id = dialog.pupils[2].student_id
    ledger.students.edit(needy_id, {"economic_category": "dibao"})
    dialog = open_sheet(qtbot, runner, junior_class)
    dialog.needy_button.click()
    ticked = {dialog.pupils[r].student_id for r in dialog.ticked_rows()}
    assert needy_id in ticked
    assert ticked == {p.student_id for p in dialog.pupils if p.economic_category}
    assert dialog.table.item(2, ECONOMIC).text() == "低保户"


def test_the_sheet_opens_on_the_given_class_with_this_term_and_today(
    qtbot: QtBot, runner: ImmediateRunner, ledger: Ledger, junior_class: tuple[int, str]
) -> None:
    today = ledger.clock.today()
    dialog = SubsidyDialog(runner, "principal", *junior_class)
    qtbot.addWidget(dialog)
    assert dialog.period_edit.text() == aid.term_of(today)
    assert dialog.date_edit.date().toPython() == today == dialog.date_edit.maximumDate().toPython()
    assert (dialog.grade(), dialog.class_combo.currentText()) == junior_class
    on_roll = ledger.queries.roster("on-roll", filters=dict(zip(("grade", "class_name"),
                                                                junior_class, strict=True)))
    assert [p.student_id for p in dialog.pupils] == [r.student_id for r in
                                                      sorted(on_roll, key=lambda r: r.name)]

    choose(dialog.grade_combo, 3)  # another grade: its classes, its pupils, its standard
    assert {p.grade for p in dialog.pupils} == {3}
    assert dialog.amount_edit.text() == "625"  # primary boarder: 1250 a year


def test_a_class_teacher_keeps_to_the_given_class(
    qtbot: QtBot, runner: ImmediateRunner, junior_class: tuple[int, str]
) -> None:
    teacher = open_sheet(qtbot, runner, junior_class, role="class_teacher")
    assert not teacher.grade_combo.isEnabled() and not teacher.class_combo.isEnabled()
    principal = open_sheet(qtbot, runner, junior_class)
    assert principal.grade_combo.isEnabled()
    assert principal.class_combo.currentText() == junior_class[1]


def test_a_refused_row_is_named_by_the_pupil(
    qtbot: QtBot, runner: ImmediateRunner, ledger: Ledger, junior_class: tuple[int, str],
    boxes: Boxes,
) -> None:
    dialog = open_sheet(qtbot, runner, junior_class)
    type_into(dialog.amount_edit, "100")
    dialog.set_row(0)
    dialog.set_row(1)
    dialog.date_edit.setDate(QDate(2001, 1, 1))  # before every pupil was born
    dialog.save()
    assert len(boxes.shown) == 1
    kind, text = boxes.shown[0]
    assert kind == "warning" and dialog.pupils[1].name in text and "第2行" not in text
    assert stored(ledger, "local") == {}
    assert dialog.ticked_rows() == [0, 1] and dialog.save_button.isEnabled()


# -- pairings -----------------------------------------------------------------------------------


def unpaired(ledger: Ledger) -> str:
    for row in ledger.queries.roster("on-roll", limit=50):
        if not aid.pairings(ledger, row.student_id):
            return row.student_id
    raise AssertionError("every pupil of the demo has a pairing")


def open_pairing(qtbot: QtBot, runner: ImmediateRunner, student_id: str) -> PairingDialog:
    dialog = PairingDialog(runner, student_id)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.loaded
    return dialog


def test_a_pairing_is_started_then_logged_and_the_log_is_linked(
    qtbot: QtBot, runner: ImmediateRunner, ledger: Ledger
) -> None:
    sid = unpaired(ledger)
    dialog = open_pairing(qtbot, runner, sid)
    assert dialog.chosen_pairing() is None and dialog.teacher_edit.isVisibleTo(dialog)
    assert not dialog.content_edit.isVisibleTo(dialog)
    assert not dialog.save_button.isEnabled() and "帮扶教师" in dialog.hint_label.text()
    known = aid.teacher_names(ledger)
    completer = dialog.teacher_edit.completer()
    assert completer is not None
    model = completer.model()
    assert [model.index(i, 0).data() for i in range(model.rowCount())] == known
    dialog.teacher_edit.setText("李1")
    assert not dialog.save_button.isEnabled() and "姓名" in dialog.hint_label.text()
    dialog.teacher_edit.setText(known[0])
    choose(dialog.kind_combo, "psychological")
    dialog.goal_edit.setPlainText("每周谈心一次")
    assert dialog.save_button.isEnabled()
    dialog.save_button.click()
    [pairing] = [p for p in ledger.queries.records("pairing", student_id=sid)]
    assert (pairing["teacher"], pairing["kind"], pairing["goal"], pairing["start_date"]) == (
        known[0], "psychological", "每周谈心一次", ledger.clock.today().isoformat())

    log = open_pairing(qtbot, runner, sid)
    assert log.chosen_pairing() is not None
    assert log.chosen_pairing().pairing_id == pairing["id"]  # type: ignore[union-attr]
    assert log.content_edit.isVisibleTo(log) and not log.teacher_edit.isVisibleTo(log)
    assert not log.save_button.isEnabled() and "帮扶内容" in log.hint_label.text()
    log.mode_combo.setCurrentIndex(log.mode_combo.findText("辅导"))
    log.content_edit.setPlainText("补习数学分数运算")
    log.change_edit.setPlainText("作业能按时完成")
    log.next_edit.setPlainText("下周家访")
    assert log.save_button.isEnabled()
    log.save_button.click()
    [entry] = ledger.queries.records("pairing_log", student_id=sid)
    assert entry["pairing_id"] == pairing["id"] and entry["student_id"] == sid
    assert (entry["mode"], entry["content"], entry["change"], entry["next_step"],
            entry["date"]) == ("辅导", "补习数学分数运算", "作业能按时完成", "下周家访",
                               ledger.clock.today().isoformat())


def test_a_second_pairing_can_be_started_and_a_log_goes_to_the_chosen_one(
    qtbot: QtBot, runner: ImmediateRunner, ledger: Ledger
) -> None:
    sid = unpaired(ledger)
    first = ledger.records.add("pairing", {"student_id": sid, "teacher": "陈老师",
                                           "start_date": "2025-09-01"}).created[0]
    dialog = open_pairing(qtbot, runner, sid)
    assert [dialog.target_combo.itemData(i) for i in range(dialog.target_combo.count())] == [
        first, NEW]
    choose(dialog.target_combo, NEW)
    assert dialog.teacher_edit.isVisibleTo(dialog)
    dialog.teacher_edit.setText("刘芳")
    dialog.start_date_edit.setDate(QDate(2025, 10, 1))
    dialog.save()
    assert len(aid.pairings(ledger, sid)) == 2

    dialog = open_pairing(qtbot, runner, sid)
    assert dialog.target_combo.count() == 3
    assert "刘芳" in dialog.target_combo.itemText(0)  # the newest first
    choose(dialog.target_combo, first)
    assert dialog.log_date_edit.minimumDate() == QDate(2025, 9, 1)
    dialog.content_edit.setPlainText("谈心")
    dialog.mode_combo.setEditText("带去文具")
    dialog.save()
    [entry] = ledger.queries.records("pairing_log", student_id=sid)
    assert entry["pairing_id"] == first and entry["mode"] == "带去文具"


def test_the_pairing_dialog_reads_dates_from_the_ledger_clock(
    qtbot: QtBot, runner: ImmediateRunner, ledger: Ledger
) -> None:
    dialog = open_pairing(qtbot, runner, unpaired(ledger))
    today = ledger.clock.today()
    assert dialog.start_date_edit.date().toPython() == today
    assert dialog.start_date_edit.maximumDate().toPython() == today
    assert isinstance(today, dt.date)


def test_both_dialogs_work_when_reads_and_saves_finish_later(
    qtbot: QtBot, ledger: Ledger, junior_class: tuple[int, str]
) -> None:
    """In the app the worker thread answers later: nothing may assume it already has."""
    runner = ThreadRunner(ledger)
    try:
        sheet = SubsidyDialog(runner, "principal", *junior_class)
        qtbot.addWidget(sheet)
        qtbot.waitUntil(lambda: sheet.loaded, timeout=3000)
        choose(sheet.item_combo, "local")
        sheet.amount_edit.setText("99.99")
        sheet.set_row(0)
        with qtbot.waitSignal(sheet.saved, timeout=3000):
            sheet.save_button.click()
        qtbot.waitUntil(lambda: sheet.loaded and "99.99" in sheet.table.item(0, PAID).text(),
                        timeout=3000)
        [paid] = [r for r in ledger.queries.records("subsidy") if r["item"] == "local"]
        assert paid["amount_fen"] == 9999 and paid["student_id"] == sheet.pupils[0].student_id

        pairing = PairingDialog(runner, unpaired(ledger))
        qtbot.addWidget(pairing)
        qtbot.waitUntil(lambda: pairing.loaded, timeout=3000)
        pairing.teacher_edit.setText("陈老师")
        with qtbot.waitSignal(pairing.saved, timeout=3000):
            pairing.save_button.click()
    finally:
        runner.close()
