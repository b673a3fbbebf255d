"""The entry dialogs save what the user entered: every check reads the ledger, not a mock.

Message boxes are the one thing patched (the edge where the app waits for a person, as in
tests/ui/test_ops.py); the ledger is a real demo school copied per test, and the runner is the
synchronous `ImmediateRunner`, so each save has finished when the click returns.
"""

from __future__ import annotations

import datetime as dt

import pytest
from boxes import Boxes
from PySide6.QtCore import QDate, Qt
from pytestqt.qtbot import QtBot

from dropout_ledger.ledger import Ledger
from dropout_ledger.model.changes import Changes
from dropout_ledger.model.status import TRANSITIONS, Status
from ui.dialogs.absence_dialog import ABSENT, NAME, AbsenceDialog
from ui.dialogs.status_dialog import StatusDialog, status_label
from ui.dialogs.visit_dialog import NAME_ROLE, VisitDialog, split_participants
from ui.ops import ImmediateRunner, ThreadRunner


@pytest.fixture
def runner(ledger: Ledger) -> ImmediateRunner:
    return ImmediateRunner(ledger)




def event_count(ledger: Ledger) -> int:
    return int(ledger.conn.execute("SELECT count(*) FROM events").fetchone()[0])


def one(ledger: Ledger, view: str) -> str:
    return ledger.queries.roster(view, limit=1)[0].student_id


def choose(combo: object, data: object) -> None:
    index = combo.findData(data)  # type: ignore[attr-defined]
    assert index >= 0, data
    combo.setCurrentIndex(index)  # type: ignore[attr-defined]


def qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


# -- status -------------------------------------------------------------------------------------


@pytest.mark.parametrize("view", ["all", "suspected", "dropped", "returned", "suspended"])
def test_the_status_dialog_offers_exactly_the_allowed_targets(
    qtbot: QtBot, runner: ImmediateRunner, ledger: Ledger, view: str
) -> None:
    student_id = one(ledger, view)
    current = Status(ledger.queries.student(student_id)["status"])  # type: ignore[index]
    dialog = StatusDialog(runner, student_id)
    qtbot.addWidget(dialog)
    offered = [dialog.target_combo.itemData(i) for i in range(1, dialog.target_combo.count())]
    assert set(offered) == set(TRANSITIONS[current]) and len(offered) == len(TRANSITIONS[current])
    labels = [dialog.target_combo.itemText(i) for i in range(1, dialog.target_combo.count())]
    assert labels == [status_label(s) for s in offered]
    assert dialog.target() is None and not dialog.save_button.isEnabled()


def test_the_status_dialog_marks_a_pupil_suspected_with_a_reason(
    qtbot: QtBot, runner: ImmediateRunner, ledger: Ledger
) -> None:
    student_id = one(ledger, "all")
    assert ledger.queries.student(student_id)["status"] == "enrolled"  # type: ignore[index]
    today = ledger.clock.today()
    dialog = StatusDialog(runner, student_id)
    qtbot.addWidget(dialog)
    assert dialog.date_edit.date() == qdate(today)
    assert dialog.date_edit.maximumDate() == qdate(today)
    assert not dialog.reason_combo.isEnabled()

    choose(dialog.target_combo, Status.SUSPECTED)
    assert dialog.reason_combo.isEnabled() and dialog.closure_combo.isHidden()
    assert not dialog.save_button.isEnabled() and "辍学原因" in dialog.hint_label.text()
    choose(dialog.reason_combo, "99")
    assert not dialog.save_button.isEnabled() and "其他" in dialog.hint_label.text()
    dialog.reason_text.setText("随父母外出务工，电话不通")
    assert dialog.save_button.isEnabled() and dialog.hint_label.text() == ""
    dialog.date_edit.setDate(qdate(today - dt.timedelta(days=2)))
    dialog.note_edit.setText("班主任报告")

    saved: list[Changes] = []
    dialog.saved.connect(saved.append)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    student = ledger.queries.student(student_id)
    assert student is not None
    assert student["status"] == "suspected" and student["case_id"]
    assert student["status_date"] == (today - dt.timedelta(days=2)).isoformat()
    fact = ledger.queries.status_history(student_id)[-1]
    assert fact["reason_code"] == "99" and fact["reason_text"] == "随父母外出务工，电话不通"
    assert saved and student_id in saved[0].students
    assert dialog.result() == dialog.DialogCode.Accepted


def test_the_closure_fields_show_only_for_a_closure_and_are_required(
    qtbot: QtBot, runner: ImmediateRunner, ledger: Ledger
) -> None:
    student_id = one(ledger, "suspected")
    dialog = StatusDialog(runner, student_id)
    qtbot.addWidget(dialog)
    dialog.show()

    choose(dialog.target_combo, Status.DROPPED_OUT)  # stays a case: no 销号
    assert not dialog.closure_combo.isVisible() and not dialog.closure_evidence.isVisible()
    assert dialog.reason_combo.isEnabled()

    choose(dialog.target_combo, Status.ENROLLED)  # leaves the case: 销号
    assert dialog.closure_combo.isVisible() and dialog.closure_evidence.isVisible()
    assert not dialog.reason_combo.isEnabled()
    assert not dialog.save_button.isEnabled()
    choose(dialog.closure_combo, "returned")
    assert not dialog.save_button.isEnabled() and "依据" in dialog.hint_label.text()
    dialog.closure_evidence.setPlainText("已返校上课，班主任核实")
    assert dialog.save_button.isEnabled()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    student = ledger.queries.student(student_id)
    assert student is not None and student["status"] == "enrolled"
    fact = ledger.queries.status_history(student_id)[-1]
    assert (fact["closure_reason"], fact["closure_evidence"]) == ("returned", "已返校上课，班主任核实")


def test_a_refused_status_change_keeps_the_dialog_open_and_the_ledger_unchanged(
    qtbot: QtBot, runner: ImmediateRunner, ledger: Ledger, boxes: Boxes
) -> None:
    student_id = one(ledger, "suspected")
    before = ledger.queries.student(student_id)
    assert before is not None
    events = event_count(ledger)
    dialog = StatusDialog(runner, student_id)
    qtbot.addWidget(dialog)
    dialog.show()
    choose(dialog.target_combo, Status.DROPPED_OUT)
    choose(dialog.reason_combo, "02")
    too_early = dt.date.fromisoformat(before["status_date"]) - dt.timedelta(days=1)
    dialog.date_edit.setDate(qdate(too_early))
    assert dialog.save_button.isEnabled()

    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    assert len(boxes.shown) == 1 and boxes.shown[0][0] == "warning"
    assert "早于当前状态的日期" in boxes.shown[0][1]
    assert event_count(ledger) == events
    assert ledger.queries.student(student_id) == before
    assert dialog.isVisible() and dialog.result() != dialog.DialogCode.Accepted
    assert dialog.target() == Status.DROPPED_OUT and dialog.reason_combo.currentData() == "02"
    assert dialog.date_edit.date() == qdate(too_early)
    assert dialog.save_button.isEnabled()  # fix the date and try again


# -- absence ------------------------------------------------------------------------------------


def test_the_absence_dialog_writes_the_class_in_one_transaction(
    qtbot: QtBot, runner: ImmediateRunner, ledger: Ledger
) -> None:
    first = ledger.queries.roster("on-roll", limit=1)[0]
    pupils = ledger.queries.roster(
        "on-roll", filters={"grade": first.grade, "class_name": first.class_name}, limit=500
    )
    dialog = AbsenceDialog(runner, first.grade, first.class_name)
    qtbot.addWidget(dialog)
    assert sorted(dialog.student_ids) == sorted(p.student_id for p in pupils)
    assert len(pupils) >= 3 and not dialog.save_button.isEnabled()
    today = ledger.clock.today()
    assert dialog.date_edit.date() == qdate(today)

    dialog.set_absent(0, reason="发烧")
    dialog.set_absent(2, excused=True, contacted=True)
    assert dialog.save_button.isEnabled()
    events = event_count(ledger)
    had = [len(ledger.queries.records("absence", student_id=dialog.student_ids[r]))
           for r in range(3)]  # the demo school already has some absences
    heard: list[Changes] = []
    runner.bus.changed.connect(lambda changes, _initiator: heard.append(changes))

    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    assert len(heard) == 1  # one op (one add_many transaction), announced once
    assert event_count(ledger) - events == 2  # one event per absent pupil, nothing else
    ill = ledger.queries.records("absence", student_id=dialog.student_ids[0])[had[0]:]
    assert [(r["date"], r["reason"], bool(r["excused"])) for r in ill] == [
        (today.isoformat(), "发烧", False)
    ]
    excused = ledger.queries.records("absence", student_id=dialog.student_ids[2])[had[2]:]
    assert [(bool(r["excused"]), bool(r["contacted"])) for r in excused] == [(True, True)]
    assert len(ledger.queries.records("absence", student_id=dialog.student_ids[1])) == had[1]
    assert dialog.status_label.text() == "已登记 2 名学生缺勤"
    assert dialog.absent_rows() == [] and not dialog.save_button.isEnabled()


def test_the_absence_sheet_works_from_the_keyboard(
    qtbot: QtBot, runner: ImmediateRunner, ledger: Ledger
) -> None:
    first = ledger.queries.roster("on-roll", limit=1)[0]
    dialog = AbsenceDialog(runner, first.grade, first.class_name)
    qtbot.addWidget(dialog)
    dialog.show()
    table = dialog.table
    table.setFocus()
    table.setCurrentCell(0, NAME)
    qtbot.keyClick(table, Qt.Key.Key_Space)
    assert dialog.absent_rows() == [0]
    qtbot.keyClick(table, Qt.Key.Key_Down)
    qtbot.keyClick(table, Qt.Key.Key_Left)
    assert (table.currentRow(), table.currentColumn()) == (1, ABSENT)
    qtbot.keyClick(table, Qt.Key.Key_Space)
    assert dialog.absent_rows() == [0, 1]
    qtbot.keyClick(table, Qt.Key.Key_Space)
    assert dialog.absent_rows() == [0]
    assert "已勾选 1 名学生缺勤" in dialog.status_label.text()


def test_ticking_leave_or_typing_a_reason_marks_the_pupil_absent(
    qtbot: QtBot, runner: ImmediateRunner, ledger: Ledger
) -> None:
    first = ledger.queries.roster("on-roll", limit=1)[0]
    dialog = AbsenceDialog(runner, first.grade, first.class_name)
    qtbot.addWidget(dialog)
    dialog.table.item(1, 2).setCheckState(Qt.CheckState.Checked)  # 已请假
    dialog.table.item(2, 4).setText("家中有事")  # 缺勤原因
    assert dialog.absent_rows() == [1, 2]


# -- visit --------------------------------------------------------------------------------------


def click_person(qtbot: QtBot, dialog: VisitDialog, name: str) -> None:
    """Click a name in the pick list, the way a principal ticks it."""
    item = dialog.people_list.find_name(name)
    assert item is not None, name
    rect = dialog.people_list.visualItemRect(item)
    qtbot.mouseClick(dialog.people_list.viewport(), Qt.MouseButton.LeftButton,
                     pos=rect.center())


def test_the_visit_dialog_stores_a_home_visit_on_the_open_case(
    qtbot: QtBot, runner: ImmediateRunner, ledger: Ledger
) -> None:
    student_id = one(ledger, "suspected")
    case_id = ledger.queries.student(student_id)["case_id"]  # type: ignore[index]
    teacher = ledger.queries.record("case", case_id)["teacher"]  # type: ignore[index]
    before = len(ledger.queries.records("visit", student_id=student_id))
    dialog = VisitDialog(runner, student_id)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.case_id == case_id and not dialog.save_button.isEnabled()
    assert dialog.people_list.item(0).text() == f"{teacher}（包保教师）"
    assert "参加人员" in dialog.hint_label.text()

    choose(dialog.mode_combo, "home")
    assert dialog.mode_combo.currentText() == "家访"
    click_person(qtbot, dialog, teacher)
    other = str(dialog.people_list.item(2).data(NAME_ROLE))
    click_person(qtbot, dialog, other)
    click_person(qtbot, dialog, other)  # a second click unticks
    dialog.people_list.setCurrentRow(2)
    qtbot.keyClick(dialog.people_list, Qt.Key.Key_Space)  # and space ticks again
    assert dialog.people_list.checked_names() == [teacher, other]
    dialog.participants_edit.setText("吴村主任， ")
    assert dialog.picked_label.text() == f"已选 3 人：{teacher}、{other}、吴村主任"
    dialog.met_edit.setText("学生父亲")
    choose(dialog.attitude_combo, "hesitant")
    dialog.result_edit.setPlainText("答应下周一送回学校")
    dialog.next_edit.setPlainText("周一核实到校")
    dialog.next_date_check.setChecked(True)
    monday = ledger.clock.today() + dt.timedelta(days=3)
    dialog.next_date_edit.setDate(qdate(monday))
    assert dialog.save_button.isEnabled()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    visits = ledger.queries.records("visit", student_id=student_id)
    assert len(visits) == before + 1
    visit = visits[-1]
    assert visit["mode"] == "home" and visit["case_id"] == case_id
    assert visit["participants"] == [teacher, other, "吴村主任"]
    assert (visit["met"], visit["attitude"], visit["result"], visit["next_step"]) == (
        "学生父亲", "hesitant", "答应下周一送回学校", "周一核实到校"
    )
    assert visit["date"] == ledger.clock.today().isoformat()
    assert visit["next_date"] == monday.isoformat()
    assert dialog.result() == dialog.DialogCode.Accepted


def test_typed_people_join_the_list_ticked_and_bad_names_block_saving(
    qtbot: QtBot, runner: ImmediateRunner, ledger: Ledger
) -> None:
    student_id = one(ledger, "suspected")
    dialog = VisitDialog(runner, student_id)
    qtbot.addWidget(dialog)
    known = str(dialog.people_list.item(3).data(NAME_ROLE))
    count = dialog.people_list.count()
    dialog.participants_edit.setText(f"张3、杨光明、{known}")
    assert not dialog.save_button.isEnabled()
    assert "“张3”不像姓名" in dialog.hint_label.text()
    qtbot.keyClick(dialog.participants_edit, Qt.Key.Key_Return)  # adds what it can
    assert dialog.participants_edit.text() == "张3"  # the refused name stays to be fixed
    assert dialog.people_list.count() == count + 1  # the known name was ticked, not repeated
    assert dialog.people_list.item(0).text() == "杨光明（本次添加）"
    assert dialog.people_list.checked_names() == ["杨光明", known]
    assert not dialog.save_button.isEnabled()
    dialog.participants_edit.clear()
    assert dialog.save_button.isEnabled() and dialog.hint_label.text() == ""
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    visit = ledger.queries.records("visit", student_id=student_id)[-1]
    assert visit["participants"] == ["杨光明", known] and not visit["next_date"]


def test_a_next_step_date_before_the_visit_is_refused(
    qtbot: QtBot, runner: ImmediateRunner, ledger: Ledger
) -> None:
    student_id = one(ledger, "suspected")
    dialog = VisitDialog(runner, student_id)
    qtbot.addWidget(dialog)
    events = event_count(ledger)
    today = ledger.clock.today()
    dialog.participants_edit.setText("张老师")
    assert not dialog.next_date_edit.isEnabled()
    dialog.date_edit.setDate(qdate(today - dt.timedelta(days=2)))
    dialog.next_date_edit.setDate(qdate(today - dt.timedelta(days=3)))
    assert dialog.save_button.isEnabled()  # no date agreed: the date box does not count
    dialog.next_date_check.setChecked(True)
    assert dialog.next_date_edit.isEnabled() and not dialog.save_button.isEnabled()
    assert dialog.hint_label.text() == "下一步日期不能早于劝返日期"
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert event_count(ledger) == events
    dialog.next_date_edit.setDate(qdate(today - dt.timedelta(days=2)))  # the same day is fine
    assert dialog.save_button.isEnabled()
    dialog.next_date_edit.setDate(qdate(today + dt.timedelta(days=30)))  # and so is the future
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    visit = ledger.queries.records("visit", student_id=student_id)[-1]
    assert visit["next_date"] == (today + dt.timedelta(days=30)).isoformat()


def test_a_visit_to_a_pupil_without_a_case_has_no_case_and_needs_participants(
    qtbot: QtBot, runner: ImmediateRunner, ledger: Ledger
) -> None:
    student_id = one(ledger, "all")
    dialog = VisitDialog(runner, student_id)
    qtbot.addWidget(dialog)
    assert dialog.case_id == ""
    dialog.participants_edit.setText(" 、 ")
    assert not dialog.save_button.isEnabled() and "参加人员" in dialog.hint_label.text()
    dialog.participants_edit.setText("张老师")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    visit = ledger.queries.records("visit", student_id=student_id)[-1]
    assert visit["participants"] == ["张老师"] and not visit["case_id"]
    assert visit["mode"] == "phone"


def test_participants_split_on_chinese_and_western_separators() -> None:
    assert split_participants("陈娜、张一梅,李四，王五；赵六") == ["陈娜", "张一梅", "李四", "王五",
                                                                 "赵六"]
    assert split_participants("  ") == []


def test_the_dialogs_work_with_the_app_s_threaded_runner(
    qtbot: QtBot, ledger: Ledger
) -> None:
    """In the app the reads and the save finish later, on the GUI thread: nothing may assume
    they have already happened."""
    runner = ThreadRunner(ledger)
    try:
        student_id = one(ledger, "suspected")
        dialog = VisitDialog(runner, student_id)
        qtbot.addWidget(dialog)
        qtbot.waitUntil(lambda: dialog.loaded, timeout=2000)
        dialog.participants_edit.setText("张老师")
        with qtbot.waitSignal(dialog.saved, timeout=2000):
            qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        assert ledger.queries.records("visit", student_id=student_id)[-1]["participants"] == [
            "张老师"
        ]
        status = StatusDialog(runner, student_id)
        qtbot.addWidget(status)
        qtbot.waitUntil(lambda: status.loaded, timeout=2000)
        assert status.isEnabled() and status.target_combo.count() == 1 + len(
            TRANSITIONS[Status.SUSPECTED]
        )
    finally:
        runner.close()
