"""The 劝返阶段 dialog records steps into the real demo ledger and shows the next deadline.

The confirmation box for a step back is the one thing replaced (the edge where the app waits
for a person); the ledger is a real demo school copied per test and the runner is synchronous.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from boxes import Boxes
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from dropout_ledger.ledger import Ledger
from dropout_ledger.model.codes import ESCALATION_STAGES
from dropout_ledger.services.escalation import STAGE_ACTORS, next_step
from ui.dialogs import escalation_dialog
from ui.dialogs.escalation_dialog import (
    ACTOR_LABELS,
    SCHOOL_TASKS,
    STAGE_LABELS,
    EscalationDialog,
)
from ui.ops import ImmediateRunner


class Asker:
    """Stands in for QMessageBox.question: answers as told and keeps what it was asked."""

    StandardButton = QMessageBox.StandardButton

    def __init__(self, yes: bool) -> None:
        self.answer = self.StandardButton.Yes if yes else self.StandardButton.No
        self.asked: list[str] = []

    def question(self, parent: Any, title: str, text: str, *args: Any) -> Any:
        self.asked.append(text)
        return self.answer


@pytest.fixture
def runner(ledger: Ledger) -> ImmediateRunner:
    return ImmediateRunner(ledger)


def case_pupil(ledger: Ledger) -> tuple[str, str]:
    """A dropped-out demo pupil whose case has reached at least L1: (student id, case id)."""
    for row in ledger.queries.roster("dropped"):
        case_id = ledger.queries.student(row.student_id)["case_id"]  # type: ignore[index]
        if (ledger.queries.record("case", case_id) or {}).get("stage") not in (None, "L0"):
            return row.student_id, case_id
    raise AssertionError("the demo school has no dropped-out pupil past L0")


def stage_of(ledger: Ledger, case_id: str) -> str:
    return str(ledger.queries.record("case", case_id)["stage"])  # type: ignore[index]


def steps(ledger: Ledger, case_id: str) -> list[dict[str, Any]]:
    return [r for r in ledger.queries.records("escalation")
            if r["case_id"] == case_id and not r["retracted"]]


def choose(dialog: EscalationDialog, stage: str) -> None:
    dialog.stage_combo.setCurrentIndex(dialog.stage_combo.findData(stage))


def qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def open_dialog(qtbot: QtBot, runner: ImmediateRunner, student_id: str) -> EscalationDialog:
    dialog = EscalationDialog(runner, student_id)
    qtbot.addWidget(dialog)
    assert dialog.loaded
    return dialog


def test_the_dialog_shows_the_steps_and_the_next_deadline(
    qtbot: QtBot, runner: ImmediateRunner, ledger: Ledger
) -> None:
    student_id, case_id = case_pupil(ledger)
    dialog = open_dialog(qtbot, runner, student_id)
    recorded = steps(ledger, case_id)
    assert dialog.steps_table.rowCount() == len(recorded)
    shown = {dialog.steps_table.item(r, 0).text() for r in range(len(recorded))}
    assert shown == {r["date"] for r in recorded}
    due = next_step(ledger, case_id, ledger.settings.profile(), ledger.clock.today())
    assert due is not None
    assert dialog.next_label.text().startswith(due.next_stage)
    assert due.due.isoformat() in dialog.due_label.text()
    assert ("已逾期" in dialog.due_label.text()) == due.overdue
    assert dialog.stage() == due.next_stage and dialog.save_button.isEnabled()


def test_saving_records_the_step_and_moves_the_case_on(
    qtbot: QtBot, runner: ImmediateRunner, ledger: Ledger, boxes: Boxes
) -> None:
    student_id, case_id = case_pupil(ledger)
    before = stage_of(ledger, case_id)
    dialog = open_dialog(qtbot, runner, student_id)
    following = dialog.stage()
    dialog.note_edit.setPlainText("校长与村主任联合家访，填报报告表")
    with qtbot.waitSignal(dialog.saved):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert boxes.shown == []
    newest = steps(ledger, case_id)[-1]
    assert (newest["stage"], newest["date"], newest["note"]) == (
        following, ledger.clock.today().isoformat(), "校长与村主任联合家访，填报报告表")
    assert stage_of(ledger, case_id) == following != before
    assert dialog.result() == EscalationDialog.DialogCode.Accepted


def test_skipping_forward_needs_no_confirmation(
    qtbot: QtBot, runner: ImmediateRunner, ledger: Ledger, monkeypatch: pytest.MonkeyPatch
) -> None:
    asker = Asker(yes=False)
    monkeypatch.setattr(escalation_dialog, "QMessageBox", asker)
    student_id, case_id = case_pupil(ledger)
    dialog = open_dialog(qtbot, runner, student_id)
    choose(dialog, "L8")
    assert "将跳过" in dialog.info_label.text() and "法律文书" in dialog.info_label.text()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert asker.asked == [] and stage_of(ledger, case_id) == "L8"


@pytest.mark.parametrize("yes", [False, True])
def test_stepping_back_asks_first(
    qtbot: QtBot, runner: ImmediateRunner, ledger: Ledger, monkeypatch: pytest.MonkeyPatch,
    yes: bool,
) -> None:
    asker = Asker(yes=yes)
    monkeypatch.setattr(escalation_dialog, "QMessageBox", asker)
    student_id, case_id = case_pupil(ledger)
    before, count = stage_of(ledger, case_id), len(steps(ledger, case_id))
    dialog = open_dialog(qtbot, runner, student_id)
    choose(dialog, "L0")
    assert "重新计算" in dialog.info_label.text()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert len(asker.asked) == 1 and before in asker.asked[0]
    assert stage_of(ledger, case_id) == ("L0" if yes else before)
    assert len(steps(ledger, case_id)) == count + yes
    assert (dialog.result() == EscalationDialog.DialogCode.Accepted) == yes


def test_a_step_dated_before_the_current_one_is_history(
    qtbot: QtBot, runner: ImmediateRunner, ledger: Ledger, monkeypatch: pytest.MonkeyPatch
) -> None:
    asker = Asker(yes=False)
    monkeypatch.setattr(escalation_dialog, "QMessageBox", asker)
    student_id, case_id = case_pupil(ledger)
    before = stage_of(ledger, case_id)
    first = dt.date.fromisoformat(steps(ledger, case_id)[0]["date"])
    dialog = open_dialog(qtbot, runner, student_id)
    choose(dialog, "L0")
    dialog.date_edit.setDate(qdate(first - dt.timedelta(days=1)))
    assert "补记" in dialog.info_label.text()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert asker.asked == [] and stage_of(ledger, case_id) == before
    assert (first - dt.timedelta(days=1)).isoformat() in {s["date"] for s in steps(ledger, case_id)}


def test_the_same_stage_twice_on_one_day_is_refused_live(
    qtbot: QtBot, runner: ImmediateRunner, ledger: Ledger
) -> None:
    student_id, case_id = case_pupil(ledger)
    last = steps(ledger, case_id)[-1]
    dialog = open_dialog(qtbot, runner, student_id)
    choose(dialog, last["stage"])
    dialog.date_edit.setDate(qdate(dt.date.fromisoformat(last["date"])))
    assert not dialog.save_button.isEnabled()
    assert "无需重复记录" in dialog.hint_label.text()
    dialog.date_edit.setDate(qdate(ledger.clock.today()))
    assert dialog.hint_label.text() == ""


def test_a_pupil_without_an_open_case_cannot_get_a_step(
    qtbot: QtBot, runner: ImmediateRunner, ledger: Ledger
) -> None:
    enrolled = ledger.queries.roster("all", filters={"status": "enrolled"}, limit=1)[0]
    count = len(ledger.queries.records("escalation"))
    dialog = EscalationDialog(runner, enrolled.student_id)
    qtbot.addWidget(dialog)
    assert not dialog.save_button.isEnabled() and not dialog.stage_combo.isEnabled()
    assert "没有未销号的个案" in dialog.hint_label.text()
    dialog.save()
    assert len(ledger.queries.records("escalation")) == count


def test_the_translated_tables_match_the_core() -> None:
    """The dialog's translatable copies of the core's Chinese must not drift from it."""
    assert {c.code: c.label for c in ESCALATION_STAGES} == STAGE_LABELS
    assert {k: v[1] for k, v in STAGE_ACTORS.items()} == ACTOR_LABELS
    assert {k: v[2] for k, v in STAGE_ACTORS.items()} == SCHOOL_TASKS
