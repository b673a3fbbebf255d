"""The main window against a real demo ledger: rows, masking, views, search, count.

Most tests use an `ImmediateRunner`, so each answer is shown before the next line runs (as in
Anki's tests); the last ones use the window's own worker thread, as the app does.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from dropout_ledger.ledger import Ledger
from dropout_ledger.model.changes import Changes
from dropout_ledger.services.demo import ensure_demo
from ui.main_window import MainWindow
from ui.ops import ImmediateRunner, ThreadRunner

FULL_ID = re.compile(r"\d{17}[\dXx]")


@pytest.fixture(scope="module")
def demo_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One demo school per module; the tests only read it."""
    path = tmp_path_factory.mktemp("ledger") / "l.sqlite"
    assert ensure_demo(path, students=120)
    return path


@pytest.fixture
def ledger(demo_path: Path) -> Iterator[Ledger]:
    with Ledger.open(demo_path) as opened:
        yield opened


@pytest.fixture
def window(qtbot: QtBot, ledger: Ledger) -> MainWindow:
    win = MainWindow(ledger, runner=ImmediateRunner(ledger))
    qtbot.addWidget(win)
    return win


def shown_cells(window: MainWindow) -> list[list[str]]:
    model = window.model
    return [
        [str(model.index(row, col).data()) for col in range(model.columnCount())]
        for row in range(model.rowCount())
    ]


def select_view(window: MainWindow, view: str) -> None:
    index = window.view_selector.findData(view)
    assert index >= 0, view
    window.view_selector.setCurrentIndex(index)


def test_table_shows_the_first_page_of_students(window: MainWindow, ledger: Ledger) -> None:
    total = ledger.queries.count()
    assert total > 0
    assert window.model.rowCount() == min(total, window.model.PAGE_SIZE)


def test_no_cell_shows_a_full_id_number(window: MainWindow, ledger: Ledger) -> None:
    raw = ledger.queries.roster(limit=window.model.PAGE_SIZE)
    assert any(FULL_ID.fullmatch(row.id_number) for row in raw), "demo has no 18-digit IDs"
    leaks = [cell for row in shown_cells(window) for cell in row if FULL_ID.search(cell)]
    assert leaks == []


def test_title_names_the_school(window: MainWindow, ledger: Ledger) -> None:
    assert ledger.org.name
    assert ledger.org.name in window.windowTitle()


def test_suspected_view_shows_only_suspected_students(window: MainWindow, ledger: Ledger) -> None:
    expected = ledger.queries.roster("suspected", limit=1000)
    assert expected, "the demo school should have suspected dropouts"
    select_view(window, "suspected")
    shown = [window.model.row_at(i) for i in range(window.model.rowCount())]
    assert [row.student_id for row in shown] == [row.student_id for row in expected]
    assert {row.status for row in shown} == {"suspected"}


def test_search_by_surname_filters_the_table(
    qtbot: QtBot, window: MainWindow, ledger: Ledger
) -> None:
    surname = window.model.row_at(0).name[0]
    window.search_box.setText(surname)  # never keyClicks: non-ASCII aborts (design §6)
    qtbot.waitUntil(lambda: window.model.search == surname, timeout=3000)
    shown = [window.model.row_at(i) for i in range(window.model.rowCount())]
    assert shown
    assert all(surname in row.name for row in shown)
    assert window.model.total == ledger.queries.count(search=surname) < ledger.queries.count()


@pytest.mark.parametrize("view", ["all", "at-risk", "suspected", "dropped"])
def test_status_bar_counts_the_students_in_the_view(
    window: MainWindow, ledger: Ledger, view: str
) -> None:
    select_view(window, view)
    assert window.count_label.text() == f"共 {ledger.queries.count(view)} 名学生"


@pytest.mark.parametrize(
    ("changes", "reloads"),
    [
        (Changes(roster=True), 1),
        (Changes(status=True), 1),
        (Changes(records=True), 0),
        (Changes(profile=True), 0),
    ],
)
def test_the_roster_reloads_only_for_changes_that_touch_it(
    window: MainWindow, changes: Changes, reloads: int
) -> None:
    heard: list[bool] = []
    window.model.loaded.connect(lambda: heard.append(True))
    window.bus.changed.emit(changes, None)
    assert len(heard) == reloads


def test_the_window_says_loading_until_the_worker_answers(qtbot: QtBot, ledger: Ledger) -> None:
    window = MainWindow(ledger)  # its own ThreadRunner, as in the app
    qtbot.addWidget(window)
    assert isinstance(window.runner, ThreadRunner)
    assert window.count_label.text() == "正在加载…"
    assert window.wait_until_loaded(5000)
    assert window.model.rowCount() == min(ledger.queries.count(), window.model.PAGE_SIZE)
    assert window.count_label.text() == f"共 {ledger.queries.count()} 名学生"
    assert ledger.org.name in window.windowTitle()


def test_a_newer_query_wins_over_an_older_one(qtbot: QtBot, ledger: Ledger) -> None:
    window = MainWindow(ledger)
    qtbot.addWidget(window)
    select_view(window, "suspected")
    select_view(window, "dropped")  # both queries are queued; only the last may be shown
    qtbot.waitUntil(lambda: window.is_loaded and window.model.view == "dropped", timeout=5000)
    assert window.count_label.text() == f"共 {ledger.queries.count('dropped')} 名学生"


def test_closing_the_window_joins_its_worker(qtbot: QtBot, ledger: Ledger) -> None:
    window = MainWindow(ledger)
    qtbot.addWidget(window)
    window.close()
    with pytest.raises(RuntimeError):
        window.runner.query(lambda ledger: None, on_done=lambda _: None)


def test_the_start_page_is_today_and_a_double_click_opens_the_student(
    window: MainWindow, ledger: Ledger
) -> None:
    assert window.tabs.currentWidget() is window.today
    window.tabs.setCurrentWidget(window.table)
    first = window.model.row_at(0)
    window._open_row(window.model.index(0, 0))
    assert window.tabs.currentWidget() is window.student
    assert window.student.student_id == first.student_id
    assert window.selected_student() == (first.student_id, first.grade, first.class_name)


def test_undo_from_the_window_takes_back_the_last_edit(window: MainWindow, ledger: Ledger) -> None:
    row = window.model.row_at(0)
    window.runner.op(lambda lg: lg.students.edit(row.student_id, {"note": "测试"}), parent=window)
    assert ledger.queries.student(row.student_id)["note"] == "测试"
    window.undo()
    assert ledger.queries.student(row.student_id)["note"] == ""
