"""今日待办 against real ledgers: absences that cross a threshold, the empty state, opening a
pupil, and redrawing after a write (every read through an `ImmediateRunner`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from dropout_ledger.clock import FrozenClock
from dropout_ledger.ledger import Ledger
from dropout_ledger.services.today import school_days_back
from ui.ops import ImmediateRunner
from ui.views.today_view import TodayView

NOW = dt.datetime(2026, 11, 20, 10)  # a Friday


@pytest.fixture
def ledger(ledger_copy: Path) -> Iterator[Ledger]:
    with Ledger.open(ledger_copy, clock=FrozenClock(NOW)) as opened:
        yield opened


@pytest.fixture
def view(qtbot: QtBot, ledger: Ledger) -> TodayView:
    made = TodayView(ImmediateRunner(ledger))
    qtbot.addWidget(made)
    return made


def enrolled_pupil(ledger: Ledger) -> tuple[str, str]:
    """An enrolled pupil with no absences on record, so only the test's absences count."""
    absent = {row["student_id"] for row in ledger.queries.records("absence")}
    row = next(r for r in ledger.queries.roster("on-roll", limit=1000)
               if r.status == "enrolled" and r.student_id not in absent)
    return row.student_id, row.name


def absences(student_id: str, days: int) -> list[dict[str, object]]:
    return [{"student_id": student_id, "date": day.isoformat()}
            for day in school_days_back(NOW.date(), days, True)]


def rows(view: TodayView) -> list[list[str]]:
    table = view.table
    return [[(table.item(r, c).text() if table.item(r, c) else "")
             for c in range(table.columnCount())] for r in range(table.rowCount())]


def row_of(view: TodayView, student_id: str) -> int:
    return next(r for r in range(view.table.rowCount()) if view.student_id_at(r) == student_id)


def test_a_pupil_past_the_suspect_threshold_is_listed_as_urgent(
    qtbot: QtBot, ledger: Ledger
) -> None:
    student_id, name = enrolled_pupil(ledger)
    days = int(ledger.settings.profile()["suspect_days"])
    ledger.records.add_many("absence", absences(student_id, days))
    view = TodayView(ImmediateRunner(ledger))
    qtbot.addWidget(view)

    row = rows(view)[row_of(view, student_id)]
    assert row[0] == "标记疑似辍学"
    assert row[1] == name
    assert f"已连续缺课 {days} 天" in row[3]
    assert "2026年11月20日 星期五" in view.date_label.text()
    assert "今天有" in view.summary_label.text()
    assert rows(view)[0][0].startswith("紧急")
    assert view.stack.currentWidget() is view.table


def test_empty_ledger_shows_that_nothing_is_due(qtbot: QtBot, tmp_path: Path) -> None:
    with Ledger.create(tmp_path / "e.sqlite", kind="school", code="2152482101", name="空学校",
                       clock=FrozenClock(dt.datetime(2026, 11, 10, 10))) as empty:
        view = TodayView(ImmediateRunner(empty))
        qtbot.addWidget(view)
        assert view.items == []
        assert view.stack.currentWidget() is view.empty_label
        assert view.empty_label.text() == "今天没有待办事项"


def test_double_click_and_enter_open_the_pupil(qtbot: QtBot, ledger: Ledger) -> None:
    student_id, _ = enrolled_pupil(ledger)
    ledger.records.add_many("absence", absences(student_id, 1))
    view = TodayView(ImmediateRunner(ledger))
    qtbot.addWidget(view)
    view.resize(1200, 760)
    view.show()
    row = row_of(view, student_id)
    rect = view.table.visualRect(view.table.model().index(row, 1))

    # Qt 6 item views open on a double-click only after a press on the same cell, as a real
    # double-click delivers; mouseDClick alone sends just the second half.
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    with qtbot.waitSignal(view.open_student, timeout=1000) as clicked:
        qtbot.mouseDClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert clicked.args == [student_id]

    view.table.setCurrentCell(row, 0)
    with qtbot.waitSignal(view.open_student, timeout=1000) as entered:
        qtbot.keyClick(view.table, Qt.Key.Key_Return)
    assert entered.args == [student_id]


def test_group_rows_open_nothing(qtbot: QtBot, view: TodayView) -> None:
    assert view.student_id_at(0) == ""
    with qtbot.assertNotEmitted(view.open_student):
        view.table.setCurrentCell(0, 0)
        qtbot.keyClick(view.table, Qt.Key.Key_Return)


def test_list_redraws_after_an_op(view: TodayView, ledger: Ledger) -> None:
    student_id, _ = enrolled_pupil(ledger)
    assert all(item.student_id != student_id for item in view.items)

    view.runner.op(lambda led: led.records.add_many("absence", absences(student_id, 3)),
                   parent=view)

    listed = [item for item in view.items if item.student_id == student_id]
    assert [item.kind for item in listed] == ["report_form"]
    assert rows(view)[row_of(view, student_id)][0] == "报告表"


def test_the_monthly_report_row_asks_to_print_that_month_s_report(
    view: TodayView, ledger: Ledger
) -> None:
    from ui.views.today_view import KIND_ROLE

    ledger.settings.set_profile(monthly_report_day=NOW.day)  # due today
    view.refresh()
    row = next(r for r in range(view.table.rowCount())
               if view.table.item(r, 0) and view.table.item(r, 0).data(KIND_ROLE)
               == "monthly_report")
    asked: list[tuple[str, str]] = []
    view.print_requested.connect(lambda form, period: asked.append((form, period)))
    view._open_row(row)
    assert asked == [("report", "2026-11")]
