"""The main window against a real demo ledger: rows, masking, views, search, filters, sorting.

Most tests use an `ImmediateRunner`, so each answer is shown before the next line runs (as in
Anki's tests); the last ones use the window's own worker thread, as the app does.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QPoint, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QComboBox, QDialog
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from dropout_ledger.ledger import Ledger
from dropout_ledger.model.changes import Changes
from dropout_ledger.store import queries
from dropout_ledger.store.queries import RosterRow
from ui.dialogs.absence_dialog import AbsenceDialog
from ui.dialogs.backup_dialog import BackupDialog
from ui.dialogs.escalation_dialog import EscalationDialog
from ui.dialogs.export_dialog import ExportDialog
from ui.dialogs.import_wizard import ImportWizard
from ui.dialogs.pairing_dialog import PairingDialog
from ui.dialogs.print_dialog import PrintDialog
from ui.dialogs.report_dialog import ReportFormDialog
from ui.dialogs.status_dialog import StatusDialog
from ui.dialogs.student_dialog import StudentDialog
from ui.dialogs.subsidy_dialog import SubsidyDialog
from ui.dialogs.visit_dialog import VisitDialog
from ui.main_window import MainWindow
from ui.ops import ImmediateRunner, ThreadRunner
from ui.roster_model import COL_GRADE, COL_ID, COL_NAME, COL_RISK, COL_VILLAGE

FULL_ID = re.compile(r"\d{17}[\dXx]")


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


@pytest.mark.parametrize("role", ["principal", "registrar"])
def test_roles_that_may_see_whole_ids_see_them_in_the_roster(
    qtbot: QtBot, ledger_copy: Path, role: str
) -> None:
    from dropout_ledger.ledger import DEFAULT_OPERATOR
    from dropout_ledger.store.events import Operator

    operator = Operator(DEFAULT_OPERATOR.id, DEFAULT_OPERATOR.name, role)
    with Ledger.open(ledger_copy, operator=operator) as ledger:
        win = MainWindow(ledger, runner=ImmediateRunner(ledger))
        qtbot.addWidget(win)
        first = win.model.row_at(0)
        assert win.model.index(0, COL_ID).data() == first.id_number
        assert FULL_ID.fullmatch(first.id_number)
        win.close()


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


def test_search_takes_chinese_from_an_input_method_commit(
    qtbot: QtBot, window: MainWindow, ledger: Ledger
) -> None:
    """A pinyin IME first shows a preedit string, then commits the characters: only the commit
    is text (the preedit "zh" must not be searched for)."""
    name = window.model.row_at(0).name[:2]
    box = window.search_box
    box.setFocus()
    composing = QInputMethodEvent("zh", [])
    QCoreApplication.sendEvent(box, composing)
    assert box.text() == ""
    commit = QInputMethodEvent()
    commit.setCommitString(name)
    QCoreApplication.sendEvent(box, commit)
    assert box.text() == name
    qtbot.waitUntil(lambda: window.model.search == name, timeout=3000)
    assert window.model.total == ledger.queries.count(search=name) >= 1
    assert all(name in window.model.row_at(i).name for i in range(window.model.rowCount()))


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


# --- filters and sorting (all in SQL) -------------------------------------------------------------


def choose(combo: QComboBox, value: object) -> None:
    index = combo.findData(value)
    assert index >= 0, value
    combo.setCurrentIndex(index)


def shown_rows(window: MainWindow) -> list[RosterRow]:
    return [window.model.row_at(i) for i in range(window.model.rowCount())]


def test_filters_offer_what_the_ledger_holds(window: MainWindow, ledger: Ledger) -> None:
    def values(combo: QComboBox) -> list[object]:
        return [combo.itemData(i) for i in range(combo.count())]

    assert values(window.grade_filter) == [None, *(g for g, _ in ledger.queries.counts_by("grade"))]
    assert values(window.class_filter) == [
        None, *(c for c, _ in ledger.queries.counts_by("class_name"))
    ]
    assert values(window.village_filter) == [
        None, *(v for v, _ in ledger.queries.counts_by("village_name"))
    ]
    assert set(values(window.flag_filter)) == {None, *queries.FLAGS}
    assert window.grade_filter.itemText(0) == "全部"
    assert window.grade_filter.itemText(3) == "三年级"


def test_grade_filter_shows_only_that_grade(window: MainWindow, ledger: Ledger) -> None:
    choose(window.grade_filter, 3)
    shown = shown_rows(window)
    expected = ledger.queries.count(filters={"grade": 3})
    assert 0 < expected < ledger.queries.count()
    assert {row.grade for row in shown} == {3}
    assert len(shown) == window.model.total == expected
    assert window.count_label.text() == f"共 {expected} 名学生"
    choose(window.grade_filter, None)
    assert window.model.total == ledger.queries.count()


def test_class_filter_follows_the_grade_and_combines_with_it(
    window: MainWindow, ledger: Ledger
) -> None:
    choose(window.grade_filter, 2)
    classes = [c for g, c, _ in ledger.queries.counts_by("grade", "class_name") if g == 2]
    offered = [window.class_filter.itemData(i) for i in range(1, window.class_filter.count())]
    assert offered == classes
    choose(window.class_filter, classes[0])
    shown = shown_rows(window)
    assert {(row.grade, row.class_name) for row in shown} == {(2, classes[0])}
    filters = {"grade": 2, "class_name": classes[0]}
    assert window.model.filters == filters
    assert window.count_label.text() == f"共 {ledger.queries.count(filters=filters)} 名学生"


def test_village_filter_combines_with_the_view(window: MainWindow, ledger: Ledger) -> None:
    village = ledger.queries.counts_by("village_name")[0][0]
    choose(window.village_filter, village)
    assert {row.village_name for row in shown_rows(window)} == {village}
    select_view(window, "at-risk")
    filters = {"village_name": village}
    expected = ledger.queries.roster("at-risk", filters=filters, limit=1000)
    assert [row.student_id for row in shown_rows(window)] == [row.student_id for row in expected]
    assert window.model.total == ledger.queries.count("at-risk", filters=filters)


def test_left_behind_filter_shows_only_left_behind_pupils(
    window: MainWindow, ledger: Ledger
) -> None:
    choose(window.flag_filter, "left_behind")
    assert window.flag_filter.currentText() == "留守"
    shown = shown_rows(window)
    assert shown, "the demo school should have left-behind pupils"
    for row in shown:
        student = ledger.queries.student(str(row.student_id))
        assert student is not None and student["left_behind"] in ("1", "2")
    expected = ledger.queries.count(filters={"flag": "left_behind"})
    assert window.model.total == expected < ledger.queries.count()
    assert window.count_label.text() == f"共 {expected} 名学生"


def click_header(qtbot: QtBot, window: MainWindow, column: int) -> None:
    header = window.table.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(x, header.height() // 2))


def test_clicking_the_name_header_sorts_by_name_in_sql(
    qtbot: QtBot, window: MainWindow, ledger: Ledger
) -> None:
    window.tabs.setCurrentWidget(window.table)
    window.show()
    qtbot.waitExposed(window)
    header = window.table.horizontalHeader()
    assert not window.table.isSortingEnabled() and header.isSortIndicatorShown()
    assert header.sortIndicatorSection() == COL_GRADE
    limit = window.model.PAGE_SIZE

    def ids(rows: Sequence[RosterRow]) -> list[object]:
        return [row.student_id for row in rows]

    click_header(qtbot, window, COL_NAME)
    assert (window.model.order, window.model.descending) == ("name", False)
    assert ids(shown_rows(window)) == ids(ledger.queries.roster(order="name", limit=limit))
    assert header.sortIndicatorSection() == COL_NAME
    assert header.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder

    click_header(qtbot, window, COL_NAME)
    assert (window.model.order, window.model.descending) == ("name", True)
    expected = ledger.queries.roster(order="name", descending=True, limit=limit)
    assert ids(shown_rows(window)) == ids(expected)
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder

    click_header(qtbot, window, COL_RISK)  # not sortable: nothing changes
    assert (window.model.order, window.model.descending) == ("name", True)
    assert header.sortIndicatorSection() == COL_NAME


def test_sorting_keeps_the_filters(window: MainWindow, ledger: Ledger) -> None:
    choose(window.grade_filter, 5)
    window._sort_by_column(COL_VILLAGE)
    expected = ledger.queries.roster(filters={"grade": 5}, order="village_name", limit=1000)
    assert [row.student_id for row in shown_rows(window)] == [r.student_id for r in expected]


def test_filtered_window_model_follows_qt_model_rules(
    window: MainWindow, qtmodeltester: ModelTester
) -> None:
    choose(window.grade_filter, 4)
    window._sort_by_column(COL_NAME)
    qtmodeltester.check(window.model)


@pytest.mark.parametrize(("kind", "dialog"), [
    ("visit", VisitDialog), ("call", VisitDialog), ("case_no_visit", VisitDialog),
    ("suspect", StatusDialog), ("confirm", StatusDialog), ("stage_due", EscalationDialog),
    ("visit_next", VisitDialog), ("report_form", ReportFormDialog),
    ("notice_overdue", EscalationDialog),
])
def test_a_today_row_opens_the_matching_dialog(
    window: MainWindow, kind: str, dialog: type[QDialog]
) -> None:
    window._start_task(kind, window.model.row_at(0).student_id)
    assert [type(d) for d in window.findChildren(QDialog)] == [dialog]


@pytest.mark.parametrize(("action", "dialog"), [
    ("record_visit", VisitDialog), ("change_status", StatusDialog),
    ("record_stage", EscalationDialog), ("record_subsidies", SubsidyDialog),
    ("record_pairing", PairingDialog), ("record_absences", AbsenceDialog),
    ("edit_student", StudentDialog), ("file_report_form", ReportFormDialog),
    ("add_student", StudentDialog), ("import_roster", ImportWizard),
    ("export_xlsx", ExportDialog), ("print_forms", PrintDialog), ("backups", BackupDialog),
])
def test_each_menu_action_opens_its_dialog_for_the_selected_student(
    window: MainWindow, action: str, dialog: type[QDialog]
) -> None:
    window.table.setCurrentIndex(window.model.index(0, 0))
    getattr(window, action)()
    assert [type(d) for d in window.findChildren(QDialog)] == [dialog]


def test_a_reporting_row_opens_the_print_dialog_on_its_form_and_month(
    window: MainWindow,
) -> None:
    window.today.print_requested.emit("report", "2026-10")
    (dialog,) = window.findChildren(PrintDialog)
    assert dialog.form() == "report"
    assert dialog.request().period == "2026-10"


def test_a_today_row_without_a_dialog_opens_none(window: MainWindow) -> None:
    window._start_task("no_such_kind", window.model.row_at(0).student_id)
    assert window.findChildren(QDialog) == []


def test_a_newly_registered_pupil_opens_on_the_student_page(
    window: MainWindow, ledger: Ledger
) -> None:
    from dropout_ledger.synthetic import SyntheticFactory

    changes = ledger.students.add(SyntheticFactory(seed=7).student(grade=3))
    window._open_created(changes)
    assert window.tabs.currentWidget() is window.student
    assert window.student.data["student"]["id"] == changes.created[0]


@pytest.mark.parametrize(("key", "dialog"), [
    ("edit", StudentDialog), ("status", StatusDialog), ("visit", VisitDialog),
    ("stage", EscalationDialog), ("report", ReportFormDialog), ("pairing", PairingDialog),
    ("print", PrintDialog),
])
def test_the_student_page_buttons_open_dialogs_for_that_pupil(
    window: MainWindow, key: str, dialog: type[QDialog]
) -> None:
    window.open_student(window.model.row_at(3).student_id)
    window.student.requested.emit(key)
    assert [type(d) for d in window.findChildren(QDialog)] == [dialog]
