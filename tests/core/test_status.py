import itertools

import pytest
from conftest import dump

from dropout_ledger.errors import InvalidTransition, ValidationError
from dropout_ledger.model.status import INITIAL, TRANSITIONS, Status, allowed, is_closure

S = Status


def _suspect(ledger, sid, date="2026-10-10", reason="04"):
    return ledger.status.change(sid, S.SUSPECTED, effective_date=date, reason_code=reason)


def test_the_transition_table_is_what_entry_enforces(ledger, add_student):
    """Every (from, to) pair: allowed ones succeed, forbidden ones are refused in Chinese."""
    reach = {
        S.ENROLLED: [], S.SUSPECTED: [S.SUSPECTED], S.DROPPED_OUT: [S.SUSPECTED, S.DROPPED_OUT],
        S.RETURNED: [S.SUSPECTED, S.DROPPED_OUT, S.RETURNED], S.SUSPENDED: [S.SUSPENDED],
        S.HOME_TAUGHT: [S.HOME_TAUGHT], S.TRANSFERRED_OUT: [S.TRANSFERRED_OUT],
        S.DECEASED: [S.DECEASED], S.GRADUATED: [S.GRADUATED],
        S.OVERAGE_LEFT: [S.SUSPECTED, S.OVERAGE_LEFT],
    }
    closure = {"closure_reason": "at_school", "closure_evidence": "核实在校"}
    for source, target in itertools.product(Status, Status):
        sid = add_student(grade=8)
        for step, day in zip(reach[source], range(1, 9), strict=False):
            ledger.status.change(sid, step, effective_date=f"2026-10-0{day}", reason_code="01",
                                 **(closure if is_closure(_current(ledger, sid), step) else {}))
        kwargs = {"effective_date": "2026-11-01", "reason_code": "01"}
        if is_closure(source, target):
            kwargs |= closure
        if allowed(source, target):
            ledger.status.change(sid, target, **kwargs)
            assert _current(ledger, sid) == target
        else:
            with pytest.raises(InvalidTransition):
                ledger.status.change(sid, target, **kwargs)
            assert _current(ledger, sid) == source


def _current(ledger, sid):
    return Status(ledger.queries.student(sid)["status"])


def test_terminal_statuses_have_no_way_out_and_initial_ones_are_sensible():
    assert not TRANSITIONS[S.DECEASED] and not TRANSITIONS[S.GRADUATED]
    assert S.DROPPED_OUT not in TRANSITIONS[S.ENROLLED]
    assert S.GRADUATED not in INITIAL and S.TRANSFERRED_OUT not in INITIAL


def test_enrolled_cannot_jump_to_dropped_out_and_the_message_says_what_to_do(ledger, add_student):
    sid = add_student()
    with pytest.raises(InvalidTransition, match="疑似辍学"):
        ledger.status.change(sid, S.DROPPED_OUT, reason_code="01")


def test_suspicion_opens_a_case_that_confirmation_keeps(ledger, add_student):
    sid = add_student()
    _suspect(ledger, sid)
    case_id = ledger.queries.student(sid)["case_id"]
    ledger.status.change(sid, S.DROPPED_OUT, effective_date="2026-10-20", reason_code="04")
    assert ledger.queries.student(sid)["case_id"] == case_id
    case = ledger.queries.record("case", case_id)
    assert (case["opened_date"], case["reason_code"], case["closed_date"]) == ("2026-10-10", "04", None)


def test_returning_closes_the_case_with_reason_and_evidence(ledger, add_student):
    sid = add_student()
    _suspect(ledger, sid)
    case_id = ledger.queries.student(sid)["case_id"]
    ledger.status.change(sid, S.DROPPED_OUT, effective_date="2026-10-20", reason_code="04")
    with pytest.raises(ValidationError, match="销号"):
        ledger.status.change(sid, S.RETURNED, effective_date="2026-11-02")
    with pytest.raises(ValidationError, match="依据"):
        ledger.status.change(sid, S.RETURNED, closure_reason="returned")
    ledger.status.change(sid, S.RETURNED, effective_date="2026-11-02", closure_reason="returned",
                         closure_evidence="已返校上课")
    case = ledger.queries.record("case", case_id)
    assert (case["closed_date"], case["closure_reason"]) == ("2026-11-02", "returned")
    assert ledger.queries.student(sid)["case_id"] is None


def test_a_dropout_reason_is_required_and_other_needs_words(ledger, add_student):
    sid = add_student()
    with pytest.raises(ValidationError, match="辍学原因"):
        ledger.status.change(sid, S.SUSPECTED)
    with pytest.raises(ValidationError, match="写明原因"):
        ledger.status.change(sid, S.SUSPECTED, reason_code="99")
    with pytest.raises(ValidationError, match="无效"):
        ledger.status.change(sid, S.SUSPECTED, reason_code="42")


def test_effective_dates_must_be_real_and_in_order(ledger, add_student):
    sid = add_student()
    before = dump(ledger)
    for bad, words in (("2026-02-30", "不是有效日期"), ("2026-12-25", "在今天之后"),
                       ("2025-08-01", "早于当前状态")):
        with pytest.raises(ValidationError, match=words):
            ledger.status.change(sid, S.SUSPENDED, effective_date=bad)
    assert dump(ledger) == before


def test_retracting_a_wrong_status_restores_the_previous_one(ledger, add_student):
    sid = add_student()
    ledger.status.change(sid, S.DECEASED, effective_date="2026-11-01")
    wrong = ledger.queries.status_history(sid)[-1]["eid"]
    ledger.status.retract(wrong, "录错了学生")
    assert _current(ledger, sid) == S.ENROLLED
    history = ledger.queries.status_history(sid)
    assert [h["retracted"] for h in history] == [0, 1]
    assert history[1]["retract_reason"] == "录错了学生"
    with pytest.raises(InvalidTransition, match="唯一"):
        ledger.status.retract(history[0]["eid"], "x")


def test_retracting_the_closure_reopens_the_case(ledger, add_student):
    sid = add_student()
    _suspect(ledger, sid)
    case_id = ledger.queries.student(sid)["case_id"]
    ledger.status.change(sid, S.ENROLLED, effective_date="2026-10-12",
                         closure_reason="at_school", closure_evidence="班主任核实在校")
    closing = ledger.queries.status_history(sid)[-1]["eid"]
    ledger.status.retract(closing, "核实有误")
    assert ledger.queries.record("case", case_id)["closed_date"] is None
    assert ledger.queries.student(sid)["case_id"] == case_id
