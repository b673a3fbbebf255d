"""The 报告表 dialog files the report and corrects the case in one write, checked in the ledger.

A real demo school copied per test, the synchronous `ImmediateRunner`, and message boxes
recorded (the one edge where the app waits for a person), as in test_dialogs.py.
"""

from __future__ import annotations

import pytest
from boxes import Boxes
from PySide6.QtCore import QDate, Qt
from pytestqt.qtbot import QtBot

from dropout_ledger.ledger import Ledger
from dropout_ledger.model.changes import Changes
from dropout_ledger.services.today import school_days_back
from ui.dialogs.report_dialog import ReportFormDialog
from ui.ops import ImmediateRunner, ThreadRunner


@pytest.fixture
def runner(ledger: Ledger) -> ImmediateRunner:
    return ImmediateRunner(ledger)


def event_count(ledger: Ledger) -> int:
    return int(ledger.conn.execute("SELECT count(*) FROM events").fetchone()[0])


def absent_pupil(ledger: Ledger, view: str) -> str:
    """A pupil of `view` absent without leave for the last three school days."""
    student_id = ledger.queries.roster(view, limit=1)[0].student_id
    for day in school_days_back(ledger.clock.today(), 3, True):
        ledger.records.add("absence", {"student_id": student_id, "date": day})
    return student_id


def open_dialog(qtbot: QtBot, runner: ImmediateRunner, student_id: str) -> ReportFormDialog:
    dialog = ReportFormDialog(runner, student_id)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_the_form_starts_from_what_the_ledger_knows(
    qtbot: QtBot, runner: ImmediateRunner, ledger: Ledger
) -> None:
    student_id = absent_pupil(ledger, "suspected")
    case = ledger.queries.record("case", ledger.queries.student(student_id)["case_id"])
    assert case is not None
    dialog = open_dialog(qtbot, runner, student_id)
    today = ledger.clock.today()
    start = school_days_back(today, 3, True)[-1]

    assert dialog.date_edit.date() == QDate(today.year, today.month, today.day)
    assert dialog.recipients() == ["township", "bureau"]
    assert dialog.case_box.isVisible() and not dialog.no_case_label.isVisible()
    assert dialog.reason_combo.currentData() == case["reason_code"]
    assert dialog.people_edits["teacher"].text() == case["teacher"]
    assert dialog.whereabouts_edit.text() == case["whereabouts"]
    assert dialog.absence_label.text() == f"已连续无故缺课 3 个上学日（自 {start.isoformat()} 起）"
    summary = dialog.summary_edit.toPlainText()
    assert f"自{start.year}年{start.month}月{start.day}日起无故缺课，至今已连续3个上学日" in summary
    assert f"目前去向：{case['whereabouts']}" in summary and "学校已劝返" in summary
    assert dialog.save_button.isEnabled() and dialog.hint_label.text() == ""


def test_the_report_and_the_corrected_case_are_saved_together(
    qtbot: QtBot, runner: ImmediateRunner, ledger: Ledger
) -> None:
    student_id = absent_pupil(ledger, "suspected")
    case_id = ledger.queries.student(student_id)["case_id"]  # type: ignore[index]
    dialog = open_dialog(qtbot, runner, student_id)

    dialog.whereabouts_edit.setText("随父母在浙江义乌")  # an untouched draft follows the case
    assert "目前去向：随父母在浙江义乌" in dialog.summary_edit.toPlainText()
    dialog.people_edits["teacher"].clear()
    assert not dialog.save_button.isEnabled() and "请填写包保教师" in dialog.hint_label.text()
    dialog.people_edits["teacher"].setText("陈娜")
    dialog.people_edits["village_contact"].setText("杨光明2")
    assert not dialog.save_button.isEnabled()
    assert "村级责任人“杨光明2”不像姓名" in dialog.hint_label.text()
    dialog.people_edits["village_contact"].setText("杨光明")
    dialog.people_edits["township_contact"].setText("吴德")
    dialog.recipient_checks["township"].setChecked(False)
    dialog.recipient_checks["bureau"].setChecked(False)
    assert dialog.hint_label.text() == "请至少选择一个报送单位"
    dialog.recipient_checks["township"].setChecked(True)
    dialog.recipient_checks["bureau"].setChecked(True)
    dialog.summary_edit.setPlainText("校长修改后的报告。")
    dialog.reason_combo.setCurrentIndex(dialog.reason_combo.findData("08"))
    assert dialog.summary_edit.toPlainText() == "校长修改后的报告。"  # edited: left alone
    events = event_count(ledger)
    heard: list[Changes] = []
    runner.bus.changed.connect(lambda changes, _initiator: heard.append(changes))

    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    assert len(heard) == 1 and event_count(ledger) == events + 2  # one write: report + case
    report = ledger.queries.records("report", student_id=student_id)[-1]
    assert report["recipients"] == ["bureau", "township"] and report["case_id"] == case_id
    assert report["summary"] == "校长修改后的报告。"
    assert report["date"] == ledger.clock.today().isoformat()
    case = ledger.queries.record("case", case_id)
    assert case is not None
    assert (case["reason_code"], case["whereabouts"], case["teacher"], case["village_contact"],
            case["township_contact"]) == ("08", "随父母在浙江义乌", "陈娜", "杨光明", "吴德")
    assert dialog.result() == dialog.DialogCode.Accepted


def test_a_refused_case_fact_writes_neither_and_keeps_the_form(
    qtbot: QtBot, runner: ImmediateRunner, ledger: Ledger, boxes: Boxes
) -> None:
    student_id = absent_pupil(ledger, "suspected")
    case_id = ledger.queries.student(student_id)["case_id"]  # type: ignore[index]
    before = ledger.queries.record("case", case_id)
    reports = len(ledger.queries.records("report", student_id=student_id))
    dialog = open_dialog(qtbot, runner, student_id)
    dialog.people_edits["teacher"].setText("陈娜")
    dialog.whereabouts_edit.setText("外" * 201)  # the core allows 200 characters
    events = event_count(ledger)

    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    assert len(boxes.shown) == 1 and "去向太长" in boxes.shown[0][1]
    assert event_count(ledger) == events
    assert len(ledger.queries.records("report", student_id=student_id)) == reports
    assert ledger.queries.record("case", case_id) == before
    assert dialog.isVisible() and dialog.people_edits["teacher"].text() == "陈娜"
    dialog.whereabouts_edit.setText("外出务工")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert len(ledger.queries.records("report", student_id=student_id)) == reports + 1


def test_a_pupil_without_a_case_gets_the_report_alone(
    qtbot: QtBot, runner: ImmediateRunner, ledger: Ledger
) -> None:
    student_id = absent_pupil(ledger, "all")
    dialog = open_dialog(qtbot, runner, student_id)
    assert not dialog.case_box.isVisible() and dialog.no_case_label.isVisible()
    assert dialog.case_values() == {}
    dialog.summary_edit.clear()
    assert not dialog.save_button.isEnabled() and dialog.hint_label.text() == "请填写报告内容"
    dialog.redraft_button.click()
    assert "无故缺课" in dialog.summary_edit.toPlainText() and dialog.save_button.isEnabled()
    events = event_count(ledger)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert event_count(ledger) == events + 1
    [report] = ledger.queries.records("report", student_id=student_id)
    assert not report["case_id"] and report["recipients"] == ["bureau", "township"]


def test_the_dialog_works_with_the_app_s_threaded_runner(qtbot: QtBot, ledger: Ledger) -> None:
    runner = ThreadRunner(ledger)
    try:
        student_id = absent_pupil(ledger, "dropped")
        dialog = ReportFormDialog(runner, student_id)
        qtbot.addWidget(dialog)
        assert not dialog.save_button.isEnabled()
        qtbot.waitUntil(lambda: dialog.loaded, timeout=2000)
        assert dialog.summary_edit.toPlainText()
        with qtbot.waitSignal(dialog.saved, timeout=2000):
            qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        assert ledger.queries.records("report", student_id=student_id)[-1]["date"] == (
            ledger.clock.today().isoformat())
    finally:
        qtbot.wait(1)  # a ThreadRunner dropped with a deferred delete pending crashes Qt
        runner.close()
