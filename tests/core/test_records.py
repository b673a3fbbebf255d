import pytest

from dropout_ledger.errors import NotFound, ValidationError
from dropout_ledger.model.status import Status


@pytest.fixture
def case(ledger, add_student):
    sid = add_student()
    ledger.status.change(sid, Status.SUSPECTED, effective_date="2026-10-10", reason_code="04")
    return sid, ledger.queries.student(sid)["case_id"]


def test_a_visit_is_recorded_with_every_field(ledger, case):
    sid, case_id = case
    changes = ledger.records.add("visit", {
        "student_id": sid, "case_id": case_id, "date": "2026-10-11", "mode": "家访",
        "participants": "李老师、王主任", "met": "学生祖母", "attitude": "hesitant",
        "result": "答应周一返校", "next_step": "周一核实到校"})
    visit = ledger.queries.record("visit", changes.created[0])
    assert visit["mode"] == "home"
    assert visit["participants"] == ["李老师", "王主任"]
    assert visit["student_id"] == sid and visit["case_id"] == case_id


def test_missing_and_unknown_fields_are_refused_together(ledger, case):
    sid, _ = case
    with pytest.raises(ValidationError) as refused:
        ledger.records.add("visit", {"student_id": sid, "date": "2026-10-11", "weather": "雨"})
    assert {p.field for p in refused.value.problems} == {"mode", "participants", "weather"}


def test_a_record_for_an_unknown_student_or_foreign_case_is_refused(ledger, case, add_student):
    sid, case_id = case
    with pytest.raises(NotFound):
        ledger.records.add("absence", {"student_id": "0" * 32, "date": "2026-10-01"})
    other = add_student()
    with pytest.raises(ValidationError, match="不属于"):
        ledger.records.add("report", {"student_id": other, "case_id": case_id,
                                      "date": "2026-10-12", "recipients": ["township"],
                                      "summary": "报告"})


def test_a_notice_gets_its_delivery_receipt_later(ledger, case):
    sid, case_id = case
    notice = ledger.records.add("notice", {
        "student_id": sid, "case_id": case_id, "date": "2026-10-12", "guardian_name": "张大山",
        "return_by": "2026-12-01"}).created[0]
    ledger.records.amend("notice", notice, {"delivered_date": "2026-10-13",
                                            "delivered_to": "张大山", "receipt_signed": True})
    row = ledger.queries.record("notice", notice)
    assert (row["delivered_date"], row["receipt_signed"], row["return_by"]) == (
        "2026-10-13", 1, "2026-12-01")
    with pytest.raises(ValidationError, match="不能修改"):
        ledger.records.amend("notice", notice, {"student_id": sid})


def test_the_case_stage_follows_its_latest_live_escalation(ledger, case):
    sid, case_id = case
    steps = [ledger.records.add("escalation", {"case_id": case_id, "stage": stage, "date": day})
             .created[0] for stage, day in (("L1", "2026-10-11"), ("L3", "2026-10-14"))]
    assert ledger.queries.record("case", case_id)["stage"] == "L3"
    ledger.records.retract("escalation", steps[1], "阶段登记错误")
    assert ledger.queries.record("case", case_id)["stage"] == "L1"


def test_pairing_logs_belong_to_their_pairing_and_student(ledger, add_student):
    sid = add_student()
    pairing = ledger.records.add("pairing", {"student_id": sid, "teacher": "罗老师",
                                             "start_date": "2026-09-10", "kind": "心理"}).created[0]
    log = ledger.records.add("pairing_log", {"pairing_id": pairing, "date": "2026-10-01",
                                             "content": "谈心"}).created[0]
    assert ledger.queries.record("pairing_log", log)["student_id"] == sid


def test_money_is_kept_in_fen_and_never_as_a_float(ledger, add_student):
    sid = add_student()
    ledger.records.add("subsidy", {"student_id": sid, "item": "living_day", "period": "2026秋",
                                   "amount_fen": 37500, "standard_fen": 75000})
    assert ledger.queries.records("subsidy", student_id=sid)[0]["amount_fen"] == 37500
    with pytest.raises(ValidationError, match="分"):
        ledger.records.add("subsidy", {"student_id": sid, "item": "living_day",
                                       "period": "2026秋", "amount_fen": 375.0})


def test_a_record_dated_before_the_birth_is_refused(ledger, add_student):
    sid = add_student(grade=1)
    with pytest.raises(ValidationError, match="早于学生出生日期"):
        ledger.records.add("absence", {"student_id": sid, "date": "2001-01-01"})


def test_attachments_are_stored_once_by_content(ledger, case):
    sid, case_id = case
    scan = b"%PDF-1.4 synthetic scan"
    digest, first = ledger.records.add_attachment(scan, name="回执.pdf", mime="application/pdf")
    again, second = ledger.records.add_attachment(scan, name="回执副本.pdf",
                                                  mime="application/pdf")
    assert digest == again and first.events == 1 and second.events == 0
    assert ledger.records.attachment(digest) == scan
    ledger.records.add("report", {"student_id": sid, "case_id": case_id, "date": "2026-10-12",
                                  "recipients": "township,bureau", "summary": "情况报告",
                                  "attachments": [digest]})
    with pytest.raises(NotFound):
        ledger.records.add("report", {"student_id": sid, "date": "2026-10-12",
                                      "recipients": ["bureau"], "summary": "x",
                                      "attachments": ["f" * 64]})
    with pytest.raises(ValidationError, match="类型"):
        ledger.records.add_attachment(b"MZ", name="virus.exe", mime="application/x-msdownload")


def test_cases_are_opened_by_status_changes_only(ledger, add_student):
    sid = add_student()
    with pytest.raises(ValidationError, match="自动建立"):
        ledger.records.add("case", {"student_id": sid, "opened_date": "2026-10-01"})


def test_a_whole_class_of_absences_is_all_or_nothing(ledger, add_student):
    class_ = [add_student(grade=4) for _ in range(3)]
    rows = [{"student_id": sid, "date": "2026-11-20"} for sid in class_]
    rows[1]["date"] = "2026-11-31"
    with pytest.raises(ValidationError, match="第2行"):
        ledger.records.add_many("absence", rows)
    assert ledger.queries.records("absence") == []
    rows[1]["date"] = "2026-11-19"
    assert len(ledger.records.add_many("absence", rows).created) == 3
