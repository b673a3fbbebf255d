"""辍学学生情况报告表: the report and the case amendment are one write. Today is 2026-11-22 (Sun)."""

import pytest
from conftest import event_count

from dropout_ledger.errors import ValidationError
from dropout_ledger.model.status import Status
from dropout_ledger.services.reports import (
    DEFAULT_RECIPIENTS,
    draft_summary,
    file_report_form,
    report_facts,
)
from dropout_ledger.services.undo import undo_last


def _report(**overrides):
    return {"date": "2026-11-22", "recipients": list(DEFAULT_RECIPIENTS),
            "summary": "该生无故缺课三天，请督促返校。", **overrides}


@pytest.fixture
def pupil(ledger, add_student):
    """A fifth-grader absent Wed–Fri, then marked 疑似辍学 with one phone call on the case."""
    sid = add_student(name="甲", class_name="2班")
    for day in (18, 19, 20):
        ledger.records.add("absence", {"student_id": sid, "date": f"2026-11-{day}"})
    ledger.status.change(sid, Status.SUSPECTED, effective_date="2026-11-20", reason_code="04")
    case = ledger.queries.student(sid)["case_id"]
    ledger.records.add("visit", {"student_id": sid, "case_id": case, "date": "2026-11-20",
                                 "mode": "phone", "participants": ["李老师"],
                                 "result": "家长说孩子去了广东。"})
    return sid


def test_the_report_and_the_case_facts_are_written_together(ledger, pupil):
    case = ledger.queries.student(pupil)["case_id"]
    events = event_count(ledger)
    changes = file_report_form(ledger, pupil, _report(), {
        "reason_code": "08", "whereabouts": "随父母在广东东莞", "teacher": "陈娜",
        "village_contact": "杨光明", "township_contact": "吴德"})

    [report] = ledger.queries.records("report", student_id=pupil)
    assert report["recipients"] == ["bureau", "township"] and report["case_id"] == case
    assert report["summary"] == "该生无故缺课三天，请督促返校。"
    stored = ledger.queries.record("case", case)
    assert (stored["reason_code"], stored["whereabouts"], stored["teacher"],
            stored["village_contact"], stored["township_contact"]) == (
        "08", "随父母在广东东莞", "陈娜", "杨光明", "吴德")
    assert event_count(ledger) == events + 2 and pupil in changes.students
    undo_last(ledger)  # one write: one undo takes back both
    assert ledger.queries.records("report", student_id=pupil)[0]["retracted"]
    assert ledger.queries.record("case", case)["teacher"] in (None, "")


def test_a_bad_case_field_writes_nothing_and_every_problem_is_named(ledger, pupil):
    events = event_count(ledger)
    with pytest.raises(ValidationError) as refused:
        file_report_form(ledger, pupil, _report(summary=" "),
                         {"teacher": "陈娜2", "reason_code": "77"})
    assert {p.field for p in refused.value.problems} == {"summary", "teacher", "reason_code"}
    assert event_count(ledger) == events
    with pytest.raises(ValidationError, match="写明原因"):
        file_report_form(ledger, pupil, _report(), {"reason_code": "99"})
    with pytest.raises(ValidationError, match="不能修改"):
        file_report_form(ledger, pupil, _report(), {"plan": "每周家访"})
    assert event_count(ledger) == events
    assert ledger.queries.records("report", student_id=pupil) == []


def test_a_pupil_without_a_case_gets_only_the_report(ledger, add_student):
    sid = add_student(name="乙")
    with pytest.raises(ValidationError, match="没有未销号的辍学个案"):
        file_report_form(ledger, sid, _report(), {"teacher": "陈娜"})
    file_report_form(ledger, sid, _report(recipients=["township"]), {})
    [report] = ledger.queries.records("report", student_id=sid)
    assert report["recipients"] == ["township"] and not report["case_id"]


def test_a_county_s_own_reason_code_is_accepted_as_a_status_change_accepts_it(ledger, pupil):
    reasons = [*ledger.settings.profile()["dropout_reasons"], {"code": "21", "label": "参军"}]
    ledger.settings.set_profile(dropout_reasons=reasons)
    file_report_form(ledger, pupil, _report(), {"reason_code": "21"})
    case = ledger.queries.student(pupil)["case_id"]
    assert ledger.queries.record("case", case)["reason_code"] == "21"
    assert report_facts(ledger, pupil).reason_label == "参军"


def test_the_draft_names_the_absence_run_the_reason_and_the_visits(ledger, pupil):
    ledger.records.amend("case", ledger.queries.student(pupil)["case_id"],
                         {"whereabouts": "广东", "teacher": "陈娜"})
    facts = report_facts(ledger, pupil)
    assert (facts.absence_days, facts.absence_start, facts.visits) == (3, "2026-11-18", 1)
    assert draft_summary(facts) == (
        "甲，五年级2班学生。该生自2026年11月18日起无故缺课，至今已连续3个上学日未到校。"
        "主要原因：外出务工。目前去向：广东。学校已劝返1次，最近一次为2026年11月20日（电话），"
        "结果：家长说孩子去了广东。责任人：包保教师陈娜。特此报告，请予督促其监护人送子女返校。")
