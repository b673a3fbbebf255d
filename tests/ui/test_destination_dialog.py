"""登记毕业去向 on a real demo ledger: only for a graduated grade-9 pupil, 其他 needs a note,
the record lands in the ledger and on the student page, and 初中升学率 counts it."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel, QTableWidget
from pytestqt.qtbot import QtBot

from dropout_ledger.ledger import Ledger
from dropout_ledger.model.status import Status
from dropout_ledger.services.destinations import latest_destination
from dropout_ledger.services.stats import rate_report
from ui.dialogs.destination_dialog import DestinationDialog
from ui.ops import ImmediateRunner
from ui.views.student_view import StudentView


@pytest.fixture
def graduate(ledger: Ledger) -> str:
    sid = ledger.queries.roster("on-roll", filters={"grade": 9}, limit=1)[0].student_id
    ledger.status.change(sid, Status.GRADUATED, effective_date=ledger.clock.today())
    return sid


def _dialog(qtbot: QtBot, ledger: Ledger, sid: str) -> DestinationDialog:
    dialog = DestinationDialog(ImmediateRunner(ledger), sid)
    qtbot.addWidget(dialog)
    return dialog


def _choose(dialog: DestinationDialog, code: str) -> None:
    dialog.destination_combo.setCurrentIndex(dialog.destination_combo.findData(code))


def test_a_destination_is_saved_and_counted(qtbot: QtBot, ledger: Ledger, graduate: str) -> None:
    dialog = _dialog(qtbot, ledger, graduate)
    assert not dialog.save_button.isEnabled() and "请选择毕业去向" in dialog.hint_label.text()
    _choose(dialog, "other")
    assert not dialog.save_button.isEnabled() and "说明" in dialog.hint_label.text()
    _choose(dialog, "vocational")
    dialog.school_edit.setText("县职业中学")
    assert dialog.save_button.isEnabled() and dialog.hint_label.text() == ""
    with qtbot.waitSignal(dialog.saved):
        dialog.save_button.click()
    found = latest_destination(ledger.conn, graduate)
    assert found is not None and (found.destination, found.school) == ("vocational", "县职业中学")
    progression = rate_report(ledger).progression
    assert progression.numerator == 1 and progression.parts["vocational"] == 1


def test_a_pupil_who_has_not_graduated_cannot_be_given_one(
        qtbot: QtBot, ledger: Ledger) -> None:
    sid = ledger.queries.roster("on-roll", filters={"grade": 9}, limit=1)[0].student_id
    dialog = _dialog(qtbot, ledger, sid)
    _choose(dialog, "senior_high")
    assert not dialog.save_button.isEnabled()
    assert "已毕业的九年级学生" in dialog.hint_label.text()


def test_the_student_page_shows_destinations_and_opens_the_dialog(
        qtbot: QtBot, ledger: Ledger, graduate: str) -> None:
    view = StudentView(ImmediateRunner(ledger))
    qtbot.addWidget(view)
    view.show_student(graduate)
    assert view.destination_button is not None
    dialog = view.open_destination_dialog()
    qtbot.addWidget(dialog)
    _choose(dialog, "senior_high")
    with qtbot.waitSignal(view.loaded):  # the write names the pupil: the page reloads
        dialog.save_button.click()
    labels = view.tabs.widget(1).findChildren(QLabel)
    assert any(label.text() == "毕业去向" for label in labels)
    tables = view.tabs.widget(1).findChildren(QTableWidget)
    shown = {t.item(r, c).text() for t in tables for r in range(t.rowCount())
             for c in range(t.columnCount()) if t.item(r, c) is not None}
    assert "升入普通高中" in shown
