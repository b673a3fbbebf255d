"""四查三比对, answers: each row's outcome with evidence is an event; a changed outcome is a new
event; confirming a proposal accepts it; 已辍学 opens a case; nothing is stored without evidence."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import TODAY, event_count
from reconcile_fixtures import person, write_list

from dropout_ledger.errors import InvalidTransition, ValidationError
from dropout_ledger.model.status import Status
from dropout_ledger.reconcile import (
    check_list,
    confirm_match,
    list_row,
    list_rows,
    mark_matched_by_status,
    progress_of,
    record_outcome,
    reject_match,
    retract_list,
    save_list,
)
from dropout_ledger.services.history import student_history
from dropout_ledger.services.undo import undo_last
from dropout_ledger.store.events import events_for
from dropout_ledger.store.verify import verify

PNG = b"\x89PNG\r\n\x1a\n" + b"0" * 64


def _saved(ledger, tmp_path: Path, rows) -> list:
    list_id = save_list(ledger, check_list(ledger, write_list(tmp_path / "l.xlsx", rows))) \
        .created[0]
    return list_rows(ledger, list_id)


def test_an_outcome_is_stored_and_a_changed_outcome_is_a_new_event(
        ledger, add_student, tmp_path: Path):
    pupil = ledger.queries.student(add_student())
    row = _saved(ledger, tmp_path, [person(pupil)])[0]
    record_outcome(ledger, row.record_id, "at_school", evidence="班主任核实在校")
    first = list_row(ledger, row.record_id)
    assert (first.outcome, first.outcome_label, first.evidence, first.date) == \
        ("at_school", "核实在本校就读", "班主任核实在校", TODAY.date().isoformat())

    record_outcome(ledger, row.record_id, "在省内其他学校就读", evidence="对方学校出具在读证明",
                   school="石桥镇中心学校", files=[("在读证明.png", PNG)])
    second = list_row(ledger, row.record_id)
    assert (second.outcome, second.school) == ("elsewhere_in_province", "石桥镇中心学校")
    assert second.outcome_text() == "在省内其他学校就读：石桥镇中心学校"
    assert len(second.attachments) == 1
    updates = [e for e in events_for(ledger.conn, f"list_check:{row.record_id}")
               if e.kind == "update"]
    assert [u.body["fields"]["outcome"]["value"] for u in updates] == \
        ["at_school", "elsewhere_in_province"]
    assert any(entry.action == "修改名单核查" for entry in student_history(ledger.queries,
                                                                      pupil["id"]))
    undo_last(ledger)
    assert list_row(ledger, row.record_id).outcome == "at_school"


def test_an_answer_without_evidence_or_school_stores_nothing(ledger, add_student, tmp_path):
    row = _saved(ledger, tmp_path, [person(ledger.queries.student(add_student()))])[0]
    count = event_count(ledger)
    with pytest.raises(ValidationError, match="核查说明不能为空"):
        record_outcome(ledger, row.record_id, "at_school", evidence="  ")
    with pytest.raises(ValidationError, match="须写明就读学校"):
        record_outcome(ledger, row.record_id, "elsewhere_out_of_province", evidence="家长说")
    with pytest.raises(ValidationError, match="不在代码表中"):
        record_outcome(ledger, row.record_id, "gone", evidence="家长说")
    assert event_count(ledger) == count


def test_a_homophone_is_accepted_only_when_a_person_confirms_it(ledger, add_student, tmp_path):
    sid = add_student(name="李明", birth_date="2016-05-06", sex="1")
    row = _saved(ledger, tmp_path, [person(ledger.queries.student(sid), name="黎铭",
                                           id_number="")])[0]
    assert row.needs_confirmation and row.pupil is None
    assert [c.student_id for c in row.candidates] == [sid]
    assert row.match_text() == "同音姓名+出生日期，待确认（1名候选）"
    confirm_match(ledger, row.record_id, sid)
    confirmed = list_row(ledger, row.record_id)
    assert confirmed.pupil is not None and confirmed.pupil.student_id == sid
    assert confirmed.method == "homophone" and not confirmed.needs_confirmation
    assert confirmed.match_text().startswith("同音姓名+出生日期，已人工确认（本校")
    reject_match(ledger, row.record_id)
    rejected = list_row(ledger, row.record_id)
    assert rejected.pupil is None and rejected.method == "rejected" and not rejected.candidates


def test_an_unmatched_row_can_be_given_a_pupil_by_hand(ledger, add_student, factory, tmp_path):
    sid = add_student()
    stranger = factory.student(grade=2, today=TODAY.date())
    row = _saved(ledger, tmp_path, [person(stranger)])[0]
    confirm_match(ledger, row.record_id, sid)
    picked = list_row(ledger, row.record_id)
    assert picked.method == "manual" and picked.pupil is not None


def test_dropped_out_opens_a_case_in_the_same_write(ledger, add_student, tmp_path):
    pupil = ledger.queries.student(add_student())
    row = _saved(ledger, tmp_path, [person(pupil)])[0]
    with pytest.raises(ValidationError, match="辍学原因"):
        record_outcome(ledger, row.record_id, "dropped_out", evidence="家访核实已外出务工")
    record_outcome(ledger, row.record_id, "dropped_out", evidence="家访核实已外出务工",
                   reason_code="04")
    after = ledger.queries.student(pupil["id"])
    assert after["status"] == Status.DROPPED_OUT.value and after["case_id"]
    codes = [f["code"] for f in ledger.queries.status_history(pupil["id"])]
    assert codes[-2:] == ["suspected", "dropped_out"]
    case = ledger.queries.record("case", after["case_id"])
    assert case is not None and case["reason_code"] == "04"
    assert list_row(ledger, row.record_id).outcome == "dropped_out"
    assert all(check.ok for check in verify(ledger.conn, ledger.path))  # rebuild == projections


def test_dropped_out_is_refused_for_a_child_not_ours_or_a_pupil_who_left(
        ledger, add_student, factory, tmp_path):
    left = add_student()
    ledger.status.change(left, Status.DECEASED, effective_date="2026-10-01")
    stranger = factory.student(grade=2, today=TODAY.date())
    rows = _saved(ledger, tmp_path, [person(stranger), person(ledger.queries.student(left))])
    with pytest.raises(ValidationError, match="还没有对应到本校学生"):
        record_outcome(ledger, rows[0].record_id, "dropped_out", evidence="x", reason_code="04")
    with pytest.raises(InvalidTransition, match="死亡"):
        record_outcome(ledger, rows[1].record_id, "dropped_out", evidence="x", reason_code="04")
    record_outcome(ledger, rows[0].record_id, "not_ours", evidence="户籍在本村，就读于外县学校")
    assert list_row(ledger, rows[0].record_id).outcome_label == "不属实或非本校学生"


def test_matched_pupils_are_answered_from_their_status_in_one_step(
        ledger, add_student, factory, tmp_path):
    enrolled = ledger.queries.student(add_student())
    home = add_student()
    ledger.status.change(home, Status.HOME_TAUGHT, effective_date="2026-10-01")
    suspected = add_student()
    ledger.status.change(suspected, Status.SUSPECTED, effective_date="2026-10-01",
                         reason_code="01")
    stranger = factory.student(grade=2, today=TODAY.date())
    rows = _saved(ledger, tmp_path, [
        person(enrolled), person(ledger.queries.student(home)),
        person(ledger.queries.student(suspected)), person(stranger)])
    list_id = _list_id(ledger, rows[0].record_id)
    mark_matched_by_status(ledger, list_id)
    answered = list_rows(ledger, list_id)
    assert [r.outcome for r in answered] == ["at_school", "home_teaching", "", ""]
    assert "台账状态为“在校”" in answered[0].evidence
    progress = progress_of(answered)
    assert (progress.rows, progress.accepted, progress.unmatched, progress.answered) == \
        (4, 3, 1, 2)


def _list_id(ledger, record_id: str) -> str:
    record = ledger.queries.record("list_check", record_id)
    return str(record["list_id"])


def test_a_list_can_be_withdrawn_with_a_reason(ledger, add_student, tmp_path):
    rows = _saved(ledger, tmp_path, [person(ledger.queries.student(add_student()))])
    list_id = _list_id(ledger, rows[0].record_id)
    with pytest.raises(ValidationError):
        retract_list(ledger, list_id, " ")
    retract_list(ledger, list_id, "导错了文件")
    assert list_rows(ledger, list_id) == []
