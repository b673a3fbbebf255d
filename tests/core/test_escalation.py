"""劝返阶段 due dates, computed by hand from the §4.2 defaults.

The frozen today, 2026-11-22, is a Sunday. November 2026: Mon 16, Tue 17, Wed 18, Thu 19,
Fri 20, Sat 21, Sun 22, Mon 23, Tue 24 … With the default `exclude_weekends`, L0–L4 count
school days and L5–L8 count calendar days with a weekend deadline moved to the Monday.
"""

import datetime as dt

import pytest

from dropout_ledger.errors import ValidationError
from dropout_ledger.model.profile import PROFILE_DEFAULTS, PROFILE_FIELDS, stage_days_field
from dropout_ledger.model.status import Status
from dropout_ledger.services.escalation import (
    add_school_days,
    due_stages,
    escalation_items,
    next_step,
)

TODAY = dt.date(2026, 11, 22)


def d(day: int) -> dt.date:
    return dt.date(2026, 11, day)


@pytest.fixture
def case(ledger, add_student):
    """A pupil suspected from Monday 16 November; returns (student id, case id)."""
    sid = add_student(name="甲")
    ledger.status.change(sid, Status.SUSPECTED, effective_date="2026-11-16", reason_code="04")
    return sid, ledger.queries.student(sid)["case_id"]


def step(ledger, case, stage, day, note=""):
    sid, case_id = case
    ledger.records.add("escalation", {"student_id": sid, "case_id": case_id, "stage": stage,
                                      "date": d(day), "note": note})


def nxt(ledger, case, profile=None, today=TODAY):
    return next_step(ledger, case[1], profile or ledger.settings.profile(), today)


def test_every_stage_has_a_tunable_deadline_with_a_default():
    names = {spec.name for spec in PROFILE_FIELDS}
    for stage in ("L0", "L1", "L2", "L3", "L4", "L5", "L6", "L7", "L8"):
        assert stage_days_field(stage) in names
        assert PROFILE_DEFAULTS[stage_days_field(stage)] >= 0


def test_a_case_without_steps_owes_l0_on_its_opening_day(ledger, case):
    due = nxt(ledger, case)
    assert (due.stage, due.since, due.next_stage, due.due) == ("", d(16), "L0", d(16))
    assert due.overdue and due.days_left == -6
    assert due.next_label == "班主任电话联系" and due.actor == "school"
    assert due.student_id == case[0] and due.case_id == case[1] and due.name == "甲"


@pytest.mark.parametrize("stage, day, following, due", [
    ("L0", 16, "L1", d(17)),   # one school day
    ("L1", 17, "L2", d(18)),
    ("L2", 18, "L3", d(19)),
    ("L3", 19, "L4", d(23)),   # two school days from Thursday: Friday, then Monday
    ("L3", 20, "L4", d(24)),   # from Friday: Monday, Tuesday
    ("L4", 20, "L5", d(27)),   # seven calendar days
    ("L4", 9, "L5", d(16)),
    ("L5", 11, "L6", d(23)),   # ten calendar days end on Saturday 21: moved to Monday
    ("L6", 2, "L7", d(17)),    # fifteen calendar days
    ("L7", 2, "L8", dt.date(2026, 12, 2)),  # thirty
])
def test_the_next_stage_is_due_from_the_latest_step(ledger, case, stage, day, following, due):
    step(ledger, case, stage, day)
    found = nxt(ledger, case)
    assert (found.stage, found.since, found.next_stage, found.due) == (stage, d(day), following, due)
    assert found.overdue == (due < TODAY) and found.days_left == (due - TODAY).days


def test_counting_weekends_when_the_county_does(ledger, case):
    profile = {**ledger.settings.profile(), "exclude_weekends": False}
    step(ledger, case, "L3", 19)
    assert nxt(ledger, case, profile).due == d(21)  # Thursday + 2 days = Saturday
    step(ledger, case, "L5", 20)
    assert nxt(ledger, case, profile).due == dt.date(2026, 11, 30)


def test_a_deadline_of_zero_days_on_a_saturday_moves_to_monday():
    assert add_school_days(d(21), 0, True) == d(23)
    assert add_school_days(d(21), 0, False) == d(21)
    assert add_school_days(d(20), 1, True) == d(23)
    assert add_school_days(d(16), 5, True) == d(23)


def test_a_tuned_profile_changes_the_dates(ledger, case):
    step(ledger, case, "L0", 16)
    assert nxt(ledger, case).due == d(17)
    ledger.settings.set_profile(stage_days_l1=3, stage_days_l5=3)
    assert nxt(ledger, case).due == d(19)
    step(ledger, case, "L4", 17)
    assert nxt(ledger, case).due == d(20)


def test_deadlines_are_checked_like_other_thresholds(ledger):
    with pytest.raises(ValidationError):
        ledger.settings.set_profile(stage_days_l3=-1)
    with pytest.raises(ValidationError):
        ledger.settings.set_profile(stage_days_l3=400)


def test_skipping_forward_and_stepping_back(ledger, case):
    step(ledger, case, "L0", 16)
    step(ledger, case, "L5", 17)  # the township acted early: forward skips are fine
    assert (nxt(ledger, case).next_stage, nxt(ledger, case).due) == ("L6", d(27))
    step(ledger, case, "L1", 19)  # a new home visit after the notice restarts from L1
    assert (nxt(ledger, case).stage, nxt(ledger, case).next_stage) == ("L1", "L2")
    assert nxt(ledger, case).due == d(20)
    step(ledger, case, "L0", 18)  # filled in later with an earlier date: the stage stands
    assert nxt(ledger, case).stage == "L1"


def test_a_retracted_step_no_longer_counts(ledger, case):
    step(ledger, case, "L0", 16)
    step(ledger, case, "L1", 17)
    latest = ledger.queries.records("escalation", student_id=case[0])[-1]["id"]
    ledger.records.retract("escalation", latest, "日期记错")
    assert (nxt(ledger, case).stage, nxt(ledger, case).due) == ("L0", d(17))


def test_the_last_stage_has_no_next_one(ledger, case):
    step(ledger, case, "L8", 20)
    assert nxt(ledger, case) is None
    assert due_stages(ledger, ledger.settings.profile(), TODAY) == []


def test_closed_and_withdrawn_cases_have_no_due_stage(ledger, add_student, case):
    other = add_student(name="乙")
    ledger.status.change(other, Status.SUSPECTED, effective_date="2026-11-18", reason_code="01")
    other_case = ledger.queries.student(other)["case_id"]
    assert {s.case_id for s in due_stages(ledger, ledger.settings.profile(), TODAY)} == {
        case[1], other_case}
    ledger.status.change(case[0], Status.ENROLLED, effective_date="2026-11-20",
                         closure_reason="at_school", closure_evidence="核实在本校就读，班主任点名")
    assert nxt(ledger, case) is None
    suspicion = ledger.queries.status_history(other)[-1]["eid"]
    ledger.status.retract(suspicion, "误标")
    assert next_step(ledger, other_case, ledger.settings.profile(), TODAY) is None
    assert due_stages(ledger, ledger.settings.profile(), TODAY) == []
    assert next_step(ledger, "0" * 32, ledger.settings.profile(), TODAY) is None


def test_today_lists_stages_due_within_two_days_or_overdue(ledger, add_student, case):
    step(ledger, case, "L3", 20)  # L4 due Tuesday 24: in two days
    late = add_student(name="乙")
    ledger.status.change(late, Status.SUSPECTED, effective_date="2026-11-16", reason_code="01")
    ledger.records.add("escalation", {"student_id": late, "stage": "L2", "date": "2026-11-17",
                                      "case_id": ledger.queries.student(late)["case_id"]})
    calm = add_student(name="丙")
    ledger.status.change(calm, Status.SUSPECTED, effective_date="2026-11-16", reason_code="01")
    ledger.records.add("escalation", {"student_id": calm, "stage": "L4", "date": "2026-11-20",
                                      "case_id": ledger.queries.student(calm)["case_id"]})
    items = escalation_items(ledger.queries, ledger.settings.profile(), TODAY)
    assert [(i.name, i.kind, i.due) for i in items] == [
        ("乙", "stage_due", "2026-11-18"), ("甲", "stage_due", "2026-11-24")]
    assert items[0].detail == "劝返阶段 L3 校长与村委联合家访、报告表 应于 11月18日 前完成（已逾期 4 天）"
    assert items[1].detail == "劝返阶段 L4 书面报告乡镇与教育局 应于 11月24日 前完成（还有 2 天）"
    later = escalation_items(ledger.queries, ledger.settings.profile(), d(27))
    assert [i.name for i in later] == ["乙", "甲", "丙"]
    assert "今天到期" in later[2].detail
    assert "由乡镇人民政府办理，学校须报请乡镇政府下达限期复学通知书" in later[2].detail


def test_open_cases_are_read_without_scanning_the_roster(ledger, case):
    seen: list[str] = []
    ledger.conn.set_trace_callback(seen.append)
    due_stages(ledger, ledger.settings.profile(), TODAY)
    ledger.conn.set_trace_callback(None)
    sql = next(s for s in seen if "rec_case" in s)
    plan = " | ".join(row[3] for row in ledger.conn.execute(f"EXPLAIN QUERY PLAN {sql}"))
    assert "SCAN s" not in plan and "SEARCH s USING INDEX sqlite_autoindex_students_1" in plan, plan
    assert "rec_escalation_case" in plan, plan
