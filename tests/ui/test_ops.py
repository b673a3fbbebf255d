"""The ledger runner: work on one worker thread, answers on the GUI thread, errors as one dialog.

Message boxes are the one thing patched: they are the edge where the app waits for a person.
Everything else is real: a demo ledger on disk, the worker thread, the change bus, the window.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from boxes import Boxes
from PySide6.QtCore import QCoreApplication, QThread
from pytestqt.qtbot import QtBot

from dropout_ledger.errors import ValidationError
from dropout_ledger.ledger import Ledger
from dropout_ledger.model.changes import Changes
from dropout_ledger.paths import HOME_ENV
from ui.logging_setup import LOG_FILE, close_error_log
from ui.main_window import MainWindow
from ui.ops import ImmediateRunner, ThreadRunner


@pytest.fixture
def runner(ledger: Ledger) -> Iterator[ThreadRunner]:
    made = ThreadRunner(ledger)
    yield made
    made.close()


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """`DROPOUT_LEDGER_HOME` points here, so the error log is written inside the test folder."""
    folder = tmp_path / "home"
    monkeypatch.setenv(HOME_ENV, str(folder))
    yield folder
    close_error_log()




def event_count(ledger: Ledger) -> int:
    return int(ledger.conn.execute("SELECT count(*) FROM events").fetchone()[0])


def test_a_query_runs_on_the_worker_and_answers_on_the_gui_thread(
    qtbot: QtBot, runner: ThreadRunner
) -> None:
    gui = QCoreApplication.instance().thread()  # type: ignore[union-attr]
    seen: dict[str, object] = {}

    def count(ledger: Ledger) -> int:
        seen["worker"] = QThread.currentThread() is gui
        return ledger.queries.count()

    def done(total: int) -> None:
        seen["gui"] = QThread.currentThread() is gui
        seen["total"] = total

    runner.query(count, on_done=done)
    qtbot.waitUntil(lambda: "total" in seen, timeout=2000)
    assert seen == {"worker": False, "gui": True, "total": 120}


def test_all_work_runs_on_one_thread_in_order(qtbot: QtBot, runner: ThreadRunner) -> None:
    threads: list[int] = []
    answers: list[int] = []
    for n in range(5):
        runner.query(
            lambda _ledger, n=n: threads.append(threading.get_ident()) or n,
            on_done=answers.append,
        )
    qtbot.waitUntil(lambda: len(answers) == 5, timeout=2000)
    assert answers == [0, 1, 2, 3, 4]
    assert len(set(threads)) == 1 and threads[0] != threading.get_ident()


def test_an_op_announces_its_changes_and_the_roster_redraws(
    qtbot: QtBot, ledger: Ledger
) -> None:
    window = MainWindow(ledger)  # the window's own ThreadRunner, as in the app
    qtbot.addWidget(window)
    assert window.wait_until_loaded(2000)
    student = window.model.row_at(0)
    assert "测试改名" not in {window.model.row_at(i).name for i in range(window.model.rowCount())}

    with qtbot.waitSignal(window.bus.changed, timeout=2000) as blocker:
        window.runner.op(
            lambda led: led.students.edit(student.student_id, {"name": "测试改名"}),
            parent=window,
            initiator="test",
        )
    changes, initiator = blocker.args or ()
    assert isinstance(changes, Changes) and changes.roster
    assert changes.students == {student.student_id} and initiator == "test"
    qtbot.waitUntil(lambda: window.is_loaded, timeout=2000)
    names = {window.model.row_at(i).student_id: window.model.row_at(i).name
             for i in range(window.model.rowCount())}
    assert names[student.student_id] == "测试改名"


def test_an_immediate_runner_announces_before_it_returns(ledger: Ledger) -> None:
    runner = ImmediateRunner(ledger)
    student_id = ledger.queries.roster(limit=1)[0].student_id
    heard: list[tuple[Changes, object]] = []
    done: list[Changes] = []
    runner.bus.changed.connect(lambda changes, initiator: heard.append((changes, initiator)))
    runner.op(
        lambda led: led.students.edit(student_id, {"name": "立即改名"}),
        parent=None,
        initiator=runner,
        on_done=done.append,
    )
    assert [initiator for _, initiator in heard] == [runner]
    assert done == [heard[0][0]] and done[0].students == {student_id}


def test_a_refused_op_shows_one_dialog_and_changes_nothing(
    qtbot: QtBot, runner: ThreadRunner, ledger: Ledger, boxes: Boxes
) -> None:
    student = ledger.queries.roster(limit=1)[0]
    before = event_count(ledger)
    heard: list[object] = []
    failures: list[Exception] = []
    runner.bus.changed.connect(lambda *args: heard.append(args))

    runner.op(
        lambda led: led.students.edit(student.student_id, {"id_number": "123"}),
        parent=None,
        on_done=lambda _changes: pytest.fail("a refused op must not call on_done"),
        on_failed=failures.append,
    )
    qtbot.waitUntil(lambda: bool(failures), timeout=2000)

    assert isinstance(failures[0], ValidationError)
    assert boxes.shown == [("warning", failures[0].message)]
    assert "身份证号" in boxes.shown[0][1]
    assert heard == []
    assert event_count(ledger) == before
    assert ledger.queries.roster(limit=1)[0] == student


def test_a_bug_is_logged_with_its_traceback_and_shown_as_one_dialog(
    qtbot: QtBot, runner: ThreadRunner, ledger: Ledger, boxes: Boxes, home: Path
) -> None:
    before = event_count(ledger)
    failures: list[Exception] = []

    def broken_edit(led: Ledger) -> Changes:
        return Changes(events=1 // 0)

    runner.op(broken_edit, parent=None, on_failed=failures.append)
    qtbot.waitUntil(lambda: bool(failures), timeout=2000)

    log = home / "logs" / LOG_FILE
    assert boxes.shown == [
        ("critical", f"程序内部错误：操作没有完成，台账没有改动。详情已记录在日志文件 {log}。")
    ]
    text = log.read_text(encoding="utf-8")
    assert "Traceback" in text and "ZeroDivisionError" in text and "broken_edit" in text
    assert event_count(ledger) == before


def test_a_slow_op_shows_progress_and_a_fast_one_does_not(
    qtbot: QtBot, runner: ThreadRunner
) -> None:
    shown: list[bool] = []
    runner.progress_shown.connect(lambda: shown.append(True))
    done: list[str] = []

    runner.op(lambda _ledger: Changes(), parent=None, on_done=lambda _: done.append("fast"))
    qtbot.waitUntil(lambda: done == ["fast"], timeout=2000)
    assert shown == [] and runner.progress_dialog is None

    def slow(_ledger: Ledger) -> Changes:
        time.sleep(0.8)  # on the worker thread: the GUI thread keeps running
        return Changes()

    with qtbot.waitSignal(runner.progress_shown, timeout=2000):
        runner.op(slow, parent=None, on_done=lambda _: done.append("slow"))
    dialog = runner.progress_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.labelText() == "正在处理，请稍候…"
    qtbot.waitUntil(lambda: done == ["fast", "slow"], timeout=2000)
    assert runner.progress_dialog is None and shown == [True]


def test_closing_waits_for_the_running_call_and_drops_queued_ones(
    qtbot: QtBot, ledger: Ledger
) -> None:
    runner = ThreadRunner(ledger)
    started = threading.Event()
    workers: list[threading.Thread] = []
    ran: list[str] = []

    def first(_ledger: Ledger) -> None:
        workers.append(threading.current_thread())
        started.set()
        time.sleep(0.2)
        ran.append("first")

    runner.query(first, on_done=lambda _: None)
    runner.query(lambda _ledger: ran.append("queued"), on_done=lambda _: None)
    assert started.wait(2)
    runner.close()
    assert ran == ["first"]
    assert not workers[0].is_alive()
