"""The student page against a real demo ledger: masking, records, history, amounts, reloads."""

from __future__ import annotations

import re

import pytest
from PySide6.QtWidgets import QLabel, QTableWidget
from pytestqt.qtbot import QtBot

from dropout_ledger.ledger import Ledger
from ui.ops import ImmediateRunner
from ui.views.student_view import StudentView, record_cell

FULL_ID = re.compile(r"\d{17}[\dXx]")


@pytest.fixture
def dropped_id(ledger: Ledger) -> str:
    rows = ledger.queries.roster("dropped")
    assert rows, "the demo school should have a dropout with a case"
    return rows[0].student_id


@pytest.fixture
def view(qtbot: QtBot, ledger: Ledger, dropped_id: str) -> StudentView:
    made = StudentView(ImmediateRunner(ledger))
    qtbot.addWidget(made)
    made.show_student(dropped_id)
    return made


def texts(view: StudentView) -> list[str]:
    """Every text the page shows: labels, table cells and headers, tab titles."""
    found = [label.text() for label in view.findChildren(QLabel)]
    found += [view.tabs.tabText(i) for i in range(view.tabs.count())]
    for table in view.findChildren(QTableWidget):
        for c in range(table.columnCount()):
            header = table.horizontalHeaderItem(c)
            found.append(header.text() if header else "")
            for r in range(table.rowCount()):
                item = table.item(r, c)
                found.append(item.text() if item else "")
    return found


def table_rows(table: QTableWidget) -> list[list[str]]:
    return [[(table.item(r, c).text() if table.item(r, c) else "")
             for c in range(table.columnCount())] for r in range(table.rowCount())]


def test_header_names_the_pupil_and_masks_the_ids(
    view: StudentView, ledger: Ledger, dropped_id: str
) -> None:
    student = ledger.queries.student(dropped_id)
    assert student is not None and FULL_ID.fullmatch(student["id_number"])
    assert view.name_label.text() == student["name"]
    assert student["id_number"][:6] + "********" + student["id_number"][-4:] \
        in view.facts_label.text()
    assert "辍学" in view.status_label.text()
    leaks = [t for t in texts(view) if FULL_ID.search(t)]
    assert leaks == []


def test_restricted_field_is_a_placeholder(view: StudentView) -> None:
    assert "（仅校长可见）" in texts(view)


def test_visit_rows_match_the_ledger(view: StudentView, ledger: Ledger, dropped_id: str) -> None:
    visits = ledger.queries.records("visit", student_id=dropped_id)
    assert visits
    assert view.visit_table is not None
    shown = table_rows(view.visit_table)
    assert [row[0] for row in shown] == [v["date"] for v in visits]
    assert [row[1] for row in shown] == [record_cell("visit", v, "mode") for v in visits]
    assert [row[2] for row in shown] == ["、".join(v["participants"]) for v in visits]


def test_open_case_shows_its_stage(view: StudentView, ledger: Ledger, dropped_id: str) -> None:
    case = next(c for c in ledger.queries.records("case", student_id=dropped_id)
                if not c["closed_date"])
    assert any(f"当前阶段：{case['stage']} " in t for t in texts(view))


def test_history_starts_with_registration(view: StudentView) -> None:
    assert view.history_table is not None
    assert table_rows(view.history_table)[0][3] == "登记学生"


def test_subsidy_amounts_show_in_yuan_and_the_page_reloads(
    view: StudentView, ledger: Ledger, dropped_id: str
) -> None:
    assert not any("375.00 元" in t for t in texts(view))
    view.runner.op(lambda led: led.records.add("subsidy", {
        "student_id": dropped_id, "item": "living_day", "period": "2026年秋季学期",
        "amount_fen": 37500}), parent=view)
    assert any(t == "375.00 元" for t in texts(view))


def test_changes_to_another_pupil_do_not_reload(
    qtbot: QtBot, view: StudentView, ledger: Ledger, dropped_id: str
) -> None:
    other = next(r.student_id for r in ledger.queries.roster(limit=50)
                 if r.student_id != dropped_id)
    with qtbot.assertNotEmitted(view.loaded):
        view.runner.op(lambda led: led.records.add(
            "absence", {"student_id": other, "date": led.clock.today().isoformat()}),
            parent=view)


def test_unknown_pupil_says_so(view: StudentView) -> None:
    view.show_student("no-such-id")
    assert view.name_label.text() == "找不到这名学生"
