"""备份与恢复: the list shows each snapshot's date, reason and counts; 立即备份, 备份到U盘 and
restoring from the list (after a warning) act on the real demo ledger through a synchronous runner."""

from __future__ import annotations

import contextlib
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from boxes import Boxes
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from dropout_ledger.ledger import Ledger
from dropout_ledger.synthetic import SyntheticFactory
from ui.dialogs import backup_dialog
from ui.dialogs.backup_dialog import BackupDialog
from ui.ops import ImmediateRunner


class Asker:
    """Stands in for QMessageBox.warning: answers as told and keeps what it was asked."""

    StandardButton = QMessageBox.StandardButton

    def __init__(self, yes: bool) -> None:
        self.answer = self.StandardButton.Yes if yes else self.StandardButton.No
        self.asked: list[str] = []

    def warning(self, parent: Any, title: str, text: str, *args: Any) -> Any:
        self.asked.append(text)
        return self.answer


@pytest.fixture
def runner(ledger: Ledger) -> ImmediateRunner:
    return ImmediateRunner(ledger)


def open_dialog(qtbot: QtBot, runner: ImmediateRunner) -> BackupDialog:
    dialog = BackupDialog(runner)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def row_texts(dialog: BackupDialog, row: int) -> list[str]:
    return [dialog.table.item(row, c).text() for c in range(dialog.table.columnCount())]


def add_pupil(ledger: Ledger) -> str:
    fields = SyntheticFactory(seed=99).student(grade=3, today=ledger.clock.today())
    return ledger.students.add(fields, effective_date="2025-09-01").created[0]


def test_the_list_shows_today_s_daily_backup_with_its_counts(qtbot: QtBot, runner, ledger):
    dialog = open_dialog(qtbot, runner)
    assert dialog.table.rowCount() == 1  # opening the demo ledger took today's snapshot
    texts = row_texts(dialog, 0)
    assert texts[1] == "每日自动备份" and texts[2] == str(ledger.queries.count("all"))
    assert texts[5] == "完好"
    assert not dialog.restore_button.isEnabled()  # nothing chosen yet


def test_backup_now_adds_a_row(qtbot: QtBot, runner, ledger):
    dialog = open_dialog(qtbot, runner)
    qtbot.mouseClick(dialog.backup_button, Qt.MouseButton.LeftButton)
    assert dialog.table.rowCount() == 2
    assert {row_texts(dialog, r)[1] for r in range(2)} == {"每日自动备份", "手动备份"}
    assert "已备份" in dialog.status_label.text()


def test_backup_to_usb_writes_one_whole_file(qtbot: QtBot, runner, ledger, tmp_path, boxes):
    stick = tmp_path / "U盘"
    stick.mkdir()
    dialog = open_dialog(qtbot, runner)
    dialog.choose_folder = lambda: stick  # type: ignore[method-assign]
    qtbot.mouseClick(dialog.usb_button, Qt.MouseButton.LeftButton)
    (written,) = list(stick.iterdir())
    assert written.suffix == ".sqlite" and boxes.shown == []
    assert str(written) in dialog.status_label.text()
    with Ledger.open(written) as copy:
        assert copy.queries.count("all") == ledger.queries.count("all")


@pytest.fixture
def readonly_folder(tmp_path: Path) -> Iterator[Path]:
    folder = tmp_path / "写保护U盘"
    folder.mkdir()
    if os.geteuid() == 0:
        if subprocess.run(["chattr", "+i", str(folder)], capture_output=True).returncode:
            pytest.skip("cannot make a read-only folder here")
    else:
        folder.chmod(0o555)
    yield folder
    with contextlib.suppress(Exception):
        subprocess.run(["chattr", "-i", str(folder)], capture_output=True)
    folder.chmod(0o755)


def test_backup_to_a_read_only_stick_says_so_in_chinese(qtbot: QtBot, runner, readonly_folder,
                                                        boxes: Boxes):
    dialog = open_dialog(qtbot, runner)
    dialog.choose_folder = lambda: readonly_folder  # type: ignore[method-assign]
    qtbot.mouseClick(dialog.usb_button, Qt.MouseButton.LeftButton)
    assert len(boxes.shown) == 1 and "没有备份成功" in boxes.shown[0][1]
    assert "不能写入" in boxes.shown[0][1]
    assert list(readonly_folder.iterdir()) == []
    assert "没有备份成功" in dialog.status_label.text()


@pytest.mark.parametrize("yes", [False, True])
def test_restoring_from_the_list_asks_first_then_brings_the_old_data_back(
    qtbot: QtBot, runner, ledger, monkeypatch: pytest.MonkeyPatch, yes: bool
):
    asker = Asker(yes=yes)
    monkeypatch.setattr(backup_dialog, "QMessageBox", asker)
    before = ledger.queries.count("all")
    replica = ledger.replica
    later = add_pupil(ledger)
    dialog = open_dialog(qtbot, runner)
    dialog.table.selectRow(0)  # today's daily snapshot, taken before `later` was added
    assert dialog.restore_button.isEnabled()
    redraws: list[Any] = []
    runner.bus.changed.connect(lambda changes, _i: redraws.append(changes))
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert len(asker.asked) == 1 and "都会从台账中消失" in asker.asked[0]
    if not yes:
        assert ledger.queries.student(later) is not None and ledger.replica == replica
        return
    assert ledger.queries.student(later) is None and ledger.queries.count("all") == before
    assert ledger.replica != replica and redraws and redraws[0].roster
    assert "已恢复" in dialog.status_label.text()
    reasons = {row_texts(dialog, r)[1] for r in range(dialog.table.rowCount())}
    assert reasons == {"每日自动备份", "恢复前"}


def test_a_damaged_backup_is_marked_and_cannot_be_restored(qtbot: QtBot, runner, ledger):
    daily = next((ledger.path.parent / "备份").iterdir())
    cut = daily.with_name(f"{ledger.path.stem}.import-20200101-080000.sqlite")
    cut.write_bytes(daily.read_bytes()[:5000])
    dialog = open_dialog(qtbot, runner)
    row = next(r for r in range(dialog.table.rowCount()) if row_texts(dialog, r)[1] == "导入名单前")
    assert row_texts(dialog, row)[5].startswith("已损坏")
    dialog.table.selectRow(row)
    assert not dialog.restore_button.isEnabled()
