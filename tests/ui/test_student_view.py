"""The student page against a real demo ledger: masking, records, history, amounts, reloads."""

from __future__ import annotations

import re
from pathlib import Path

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


def _png(width: int, height: int) -> bytes:
    from PySide6.QtCore import QBuffer, QIODevice
    from PySide6.QtGui import QColor, QImage

    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("#90caf9"))
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    assert image.save(buffer, "PNG")
    return bytes(buffer.data())


def test_the_evidence_tab_shows_every_file_with_the_record_it_came_from(
    view: StudentView, ledger: Ledger, dropped_id: str
) -> None:
    from dropout_ledger.services.documents import add_document
    from ui.views.student_view import EVIDENCE_TAB

    before = {(item.title, item.source) for item in view.evidence_strip.items}
    assert view.tabs.tabText(EVIDENCE_TAB) == f"证明材料（{len(before)}）"
    assert view.evidence_strip.add_button.isEnabled()
    case_id = ledger.queries.student(dropped_id)["case_id"]
    today = ledger.clock.today()
    view.runner.op(lambda led: led.records.add_with_files("visit", {
        "student_id": dropped_id, "case_id": case_id, "date": today, "mode": "home",
        "participants": ["李老师"]}, [("家访.png", _png(300, 200))]), parent=view)
    view.runner.op(lambda led: add_document(led, dropped_id, "在读证明", today,
                                            [("证明.png", _png(200, 300))]), parent=view)
    assert view.tabs.tabText(EVIDENCE_TAB) == f"证明材料（{len(before) + 2}）"
    strip = view.evidence_strip
    assert {(item.title, item.source) for item in strip.items} - before == {
        ("在读证明", "证明材料"), ("劝返记录（家访）", "劝返记录（家访）")}
    assert all(strip.thumbnail(item.digest) is not None for item in strip.items)
    tiles = {strip.list.item(r).text(): strip.list.item(r).toolTip()
             for r in range(strip.list.count())}
    assert "来自：证明材料" in tiles["在读证明"] and "证明.png" in tiles["在读证明"]
    assert "家访.png" in tiles["劝返记录（家访）"]
    assert view.visit_table is not None
    headers = [view.visit_table.horizontalHeaderItem(c).text()
               for c in range(view.visit_table.columnCount())]
    assert headers[-1] == "附件"
    assert table_rows(view.visit_table)[-1][-1] == "1 份，见“证明材料”"


def test_a_photo_added_on_the_page_appears_there(
    view: StudentView, ledger: Ledger, dropped_id: str, tmp_path: Path
) -> None:
    from ui.views.student_view import EVIDENCE_TAB

    photo = tmp_path / "送达回证.png"
    photo.write_bytes(_png(400, 300))
    before = len(view.evidence_strip.items)
    dialog = view.evidence_strip.add_files([str(photo)])
    assert dialog.title_edit.text() == "送达回证"
    dialog.save()
    assert view.tabs.tabText(EVIDENCE_TAB) == f"证明材料（{before + 1}）"
    doc = next(d for d in ledger.queries.records("document", student_id=dropped_id)
               if d["title"] == "送达回证")
    assert view.evidence_strip.items[0].record_id == doc["id"]  # newest first
    view.show_student("no-such-id")
    assert view.tabs.tabText(EVIDENCE_TAB) == "证明材料"
    assert not view.evidence_strip.add_button.isEnabled() and view.evidence_strip.items == []


@pytest.mark.parametrize(("role", "whole_id", "category_shown"), [
    ("", False, False), ("class_teacher", False, False),
    ("registrar", True, False), ("principal", True, True),
])
def test_the_role_decides_what_the_page_shows(
    qtbot: QtBot, ledger: Ledger, dropped_id: str, role: str, whole_id: bool,
    category_shown: bool,
) -> None:
    page = StudentView(ImmediateRunner(ledger), role=role)
    qtbot.addWidget(page)
    page.show_student(dropped_id)
    student = ledger.queries.student(dropped_id)
    assert student is not None
    shown = texts(page)
    assert any(student["id_number"] in text for text in shown) is whole_id
    assert any(FULL_ID.search(text) for text in shown) is whole_id
    assert ("（仅校长可见）" in shown) is not category_shown


def test_an_open_case_shows_its_next_stage_and_deadline(view: StudentView) -> None:
    due = view.data["next_stage"]
    assert due is not None, "a demo dropout's case has a next stage"
    line = next(t for t in texts(view) if t.startswith("下一阶段："))
    assert due.next_stage in line and due.due.isoformat() in line
    assert ("已逾期" in line) is due.overdue


def test_the_page_buttons_ask_for_the_entry_dialogs(qtbot: QtBot, view: StudentView) -> None:
    from PySide6.QtWidgets import QPushButton

    asked: list[str] = []
    view.requested.connect(asked.append)
    for button in view.buttons.findChildren(QPushButton):
        button.click()
    assert asked == [key for key, _text in view.ACTIONS]
