"""操作日志: the demo ledger's real exports, prints and backups, listed and filtered on screen."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QDate
from pytestqt.qtbot import QtBot

from dropout_ledger import exporting, printing
from dropout_ledger.ledger import Ledger
from dropout_ledger.services import audit
from ui.dialogs import audit_dialog
from ui.dialogs.audit_dialog import AuditDialog
from ui.main_window import MainWindow
from ui.ops import ImmediateRunner


@pytest.fixture
def runner(ledger: Ledger) -> ImmediateRunner:
    return ImmediateRunner(ledger)


@pytest.fixture
def busy(ledger: Ledger, tmp_path: Path) -> Ledger:
    """The demo ledger after an export, a register print and a backup to a file."""
    exporting.export_roster(ledger, "all", tmp_path / "all.xlsx", role="principal")
    pupil = next(ledger.queries.iter_roster("suspected"))
    printing.print_form(ledger, printing.PrintRequest(form="register", student=pupil.student_id),
                        tmp_path / "r.pdf")
    ledger.backup(tmp_path / "b.sqlite")
    return ledger


def open_dialog(qtbot: QtBot, runner: ImmediateRunner) -> AuditDialog:
    dialog = AuditDialog(runner, "principal")
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def cells(dialog: AuditDialog) -> list[list[str]]:
    return [[dialog.table.item(r, c).text() for c in range(dialog.table.columnCount())]
            for r in range(dialog.table.rowCount())]


def test_the_log_lists_every_operation_newest_first(qtbot, runner, busy):
    dialog = open_dialog(qtbot, runner)
    rows = cells(dialog)
    assert [r[2] for r in rows] == ["备份到U盘或文件", "打印", "导出Excel"]
    assert all(r[1] == "本机用户" for r in rows)
    assert "辍学学生劝返复学登记表" in rows[1][3] and "********" in rows[1][3]
    assert rows[2][3].startswith("全部学生，120行")
    assert dialog.count_label.text() == "共 3 条"


def test_the_action_filter_offers_what_the_log_holds_and_filters(qtbot, runner, busy):
    dialog = open_dialog(qtbot, runner)
    offered = [dialog.action_combo.itemText(i) for i in range(dialog.action_combo.count())]
    assert offered == ["全部操作", "导出Excel", "打印", "备份到U盘或文件"]
    dialog.action_combo.setCurrentIndex(offered.index("打印"))
    assert [r[2] for r in cells(dialog)] == ["打印"]


def test_the_date_range_filters(qtbot, runner, busy):
    dialog = open_dialog(qtbot, runner)
    today = busy.clock.today()
    dialog.end_edit.setDate(QDate(today.year, today.month, today.day).addDays(-1))
    assert dialog.table.rowCount() == 0 and dialog.count_label.text() == "共 0 条"
    dialog.start_edit.setDate(QDate(today.year, today.month, today.day))
    dialog.end_edit.setDate(QDate(today.year, today.month, today.day))
    assert dialog.table.rowCount() == 3


def test_a_range_given_backwards_is_read_forwards(qtbot, runner, busy):
    dialog = open_dialog(qtbot, runner)
    dialog.start_edit.setDate(QDate(2030, 1, 1))
    start, end, _ = dialog.selection()
    assert start < end and end == dt.date(2030, 1, 1)


def test_print_opens_the_print_dialog_on_the_log_for_the_month(qtbot, runner, busy,
                                                               monkeypatch):
    opened = []
    from ui.dialogs import print_dialog

    class Spy(print_dialog.PrintDialog):
        def open(self) -> None:
            opened.append(self)

    monkeypatch.setattr(print_dialog, "PrintDialog", Spy)
    dialog = open_dialog(qtbot, runner)
    dialog.print_button.click()
    assert opened and opened[0].form_combo.currentData() == "audit-log"


def test_the_screen_labels_are_the_core_labels():
    assert audit_dialog.ACTION_LABELS == audit.ACTIONS


def test_the_view_menu_opens_the_log(qtbot, runner, busy, monkeypatch):
    window = MainWindow(busy, runner=runner)
    qtbot.addWidget(window)
    shown = []
    monkeypatch.setattr(AuditDialog, "open", lambda self: shown.append(self))
    view_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "查看")
    entry = next(a for a in view_menu.actions() if a.text() == "操作日志…")
    entry.trigger()
    assert shown and shown[0].table.rowCount() == 3
