import pytest

from dropout_ledger.errors import InputRefused
from dropout_ledger.model.status import Status
from dropout_ledger.services.history import student_history
from dropout_ledger.services.undo import describe_last, undo_last
from dropout_ledger.store import verify


def test_undo_reverses_an_edit_with_a_new_event(ledger, add_student):
    sid = add_student(class_name="1班")
    ledger.students.edit(sid, {"class_name": "3班"})
    assert describe_last(ledger) == "修改学生"
    undo_last(ledger)
    assert ledger.queries.student(sid)["class_name"] == "1班"
    assert [h.action for h in student_history(ledger.queries, sid)][-2:] == ["修改学生", "修改学生"]


def test_undo_of_a_suspicion_removes_the_status_and_its_case(ledger, add_student):
    sid = add_student()
    ledger.status.change(sid, Status.SUSPECTED, effective_date="2026-11-02", reason_code="04")
    case = ledger.queries.student(sid)["case_id"]
    assert describe_last(ledger) == "状态变更为“疑似辍学”"
    undo_last(ledger)
    student = ledger.queries.student(sid)
    assert (student["status"], student["case_id"]) == ("enrolled", None)
    assert ledger.queries.record("case", case)["retracted"] == 1


def test_undo_goes_back_step_by_step_and_then_stops(ledger, add_student):
    sid = add_student()
    ledger.students.edit(sid, {"note": "一"})
    ledger.students.edit(sid, {"note": "二"})
    undo_last(ledger)
    assert ledger.queries.student(sid)["note"] == "一"
    undo_last(ledger)
    assert ledger.queries.student(sid)["note"] == ""
    undo_last(ledger)  # the registration itself
    assert ledger.queries.count() == 0
    with pytest.raises(InputRefused, match="没有可以撤销"):
        for _ in range(5):
            undo_last(ledger)
    assert all(c.ok for c in verify.verify(ledger.conn, ledger.path))


def test_a_backup_in_between_does_not_block_undo(ledger, add_student, tmp_path):
    sid = add_student()
    ledger.students.edit(sid, {"note": "备注"})
    ledger.backup(tmp_path / "b.sqlite")
    undo_last(ledger)
    assert ledger.queries.student(sid)["note"] == ""
