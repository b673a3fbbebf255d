"""台账已损坏: a ledger that fails the start-up self-check is offered its snapshots right away.

A real demo ledger is opened once (which takes the daily snapshot), edited behind the app's back
so the self-check refuses it, and then the app's start-up path is exercised: the dialog, the
restore, the ledger opening again; and the headless app saying no with exit code 2.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from subprocesses import run_module

from dropout_ledger.errors import LedgerDamaged
from dropout_ledger.ledger import Ledger
from dropout_ledger.store import schema
from dropout_ledger.store.backup import backup_dir
from ui import app
from ui.dialogs import damaged_dialog
from ui.dialogs.damaged_dialog import DamagedDialog


class Asker:
    """Stands in for QMessageBox.warning: answers Yes and keeps the question."""

    StandardButton = QMessageBox.StandardButton

    def __init__(self) -> None:
        self.asked: list[str] = []

    def warning(self, parent: Any, title: str, text: str, *args: Any) -> Any:
        self.asked.append(text)
        return self.StandardButton.Yes


def damage(path: Path) -> None:
    """Edit an event's body as someone with a SQLite browser would."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("DROP TRIGGER events_no_update")
    conn.execute("UPDATE events SET body = CAST('{}' AS BLOB)"
                 " WHERE seq = (SELECT max(seq) - 1 FROM events)")
    conn.execute(next(s for s in schema._EVENT_STORE if "events_no_update" in s))
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()


@pytest.fixture
def damaged(ledger_copy: Path) -> tuple[Path, int, LedgerDamaged]:
    """A demo ledger with one daily snapshot, then damaged; its pupil count before."""
    with Ledger.open(ledger_copy) as ledger:  # takes today's snapshot
        pupils = ledger.queries.count("all")
    damage(ledger_copy)
    with pytest.raises(LedgerDamaged) as caught:
        Ledger.open(ledger_copy)
    return ledger_copy, pupils, caught.value


def test_the_dialog_says_what_is_wrong_and_preselects_the_newest_backup(
        qtbot: QtBot, damaged: tuple[Path, int, LedgerDamaged]) -> None:
    path, pupils, error = damaged
    dialog = DamagedDialog(error, path)
    qtbot.addWidget(dialog)
    dialog.show()
    assert "被改动" in dialog.problem.text()
    assert dialog.table.rowCount() == 1
    assert dialog.table.item(0, 1).text() == "每日自动备份"
    assert dialog.table.item(0, 2).text() == str(pupils)
    assert dialog.selected() is dialog.infos[0]
    assert dialog.restore_button.isEnabled()
    assert not dialog.empty.isVisible()


def test_restoring_from_the_dialog_gives_back_a_ledger_that_opens(
        qtbot: QtBot, damaged: tuple[Path, int, LedgerDamaged],
        monkeypatch: pytest.MonkeyPatch) -> None:
    path, pupils, error = damaged
    asker = Asker()
    monkeypatch.setattr(damaged_dialog, "QMessageBox", asker)
    dialog = DamagedDialog(error, path)
    qtbot.addWidget(dialog)
    dialog.restore_button.click()
    assert asker.asked and "已损坏的文件会原样保留" in asker.asked[0]
    assert dialog.result() == DamagedDialog.DialogCode.Accepted
    with Ledger.open(path) as ledger:
        assert ledger.queries.count("all") == pupils
    kept = [p for p in backup_dir(path).iterdir() if p.suffix == ".damaged"]
    assert len(kept) == 1  # the damaged bytes are kept for the county to look at


def test_quitting_leaves_the_damaged_file_as_it_was(
        qtbot: QtBot, damaged: tuple[Path, int, LedgerDamaged]) -> None:
    path, _pupils, error = damaged
    before = path.read_bytes()
    dialog = DamagedDialog(error, path)
    qtbot.addWidget(dialog)
    dialog.quit_button.click()
    assert dialog.result() == DamagedDialog.DialogCode.Rejected and dialog.restored is None
    assert path.read_bytes() == before


def test_without_snapshots_the_dialog_points_to_a_backup_file(
        qtbot: QtBot, damaged: tuple[Path, int, LedgerDamaged], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    path, pupils, error = damaged
    stick = tmp_path / "U盘"
    stick.mkdir()
    usb = stick / "台账备份.sqlite"
    for snapshot in backup_dir(path).iterdir():
        snapshot.rename(usb)  # the only snapshot now lives on the stick
    dialog = DamagedDialog(error, path)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.table.rowCount() == 0 and dialog.empty.isVisible()
    assert not dialog.restore_button.isEnabled()
    monkeypatch.setattr(damaged_dialog, "QMessageBox", Asker())
    monkeypatch.setattr(dialog, "choose_file", lambda: usb)
    dialog.file_button.click()
    assert dialog.restored == usb
    with Ledger.open(path) as ledger:
        assert ledger.queries.count("all") == pupils


def test_a_sick_backup_is_refused_and_the_dialog_stays(
        qtbot: QtBot, damaged: tuple[Path, int, LedgerDamaged], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch, boxes: Any) -> None:
    path, _pupils, error = damaged
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"not a ledger at all" * 50)
    monkeypatch.setattr(damaged_dialog, "QMessageBox", Asker())
    dialog = DamagedDialog(error, path)
    qtbot.addWidget(dialog)
    monkeypatch.setattr(dialog, "choose_file", lambda: junk)
    dialog.file_button.click()
    assert dialog.restored is None
    assert boxes.shown and "不是控辍保学台账" in boxes.shown[0][1]


def test_the_app_start_up_restores_then_opens(
        damaged: tuple[Path, int, LedgerDamaged], monkeypatch: pytest.MonkeyPatch) -> None:
    path, pupils, _error = damaged
    offered: list[Path] = []

    def restore_newest(error: LedgerDamaged, where: Path) -> bool:
        offered.append(where)
        from dropout_ledger.ledger import restore  # what the dialog does on 从此备份恢复

        restore(where, next(backup_dir(where).iterdir()))
        return True

    monkeypatch.setattr(app, "offer_restore", restore_newest)
    ledger = app.open_or_recover(path, headless=False)
    assert ledger is not None and offered == [path]
    with ledger:
        assert ledger.queries.count("all") == pupils


def test_the_app_start_up_gives_up_when_the_person_quits(
        damaged: tuple[Path, int, LedgerDamaged], monkeypatch: pytest.MonkeyPatch) -> None:
    path, _pupils, _error = damaged
    monkeypatch.setattr(app, "offer_restore", lambda error, where: False)
    assert app.open_or_recover(path, headless=False) is None


def test_the_headless_app_refuses_a_damaged_ledger_with_exit_code_2(
        damaged: tuple[Path, int, LedgerDamaged]) -> None:
    path, _pupils, _error = damaged
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", DROPOUT_LEDGER_LANG="zh_CN")
    result = run_module("ui", "--ledger", path, "--self-test", env=env)
    assert result.returncode == 2, result.stdout + result.stderr
    assert "被改动" in result.stderr and "Traceback" not in result.stderr
