from dropout_ledger.model.status import Status
from dropout_ledger.services.history import student_history


def test_the_history_says_who_changed_what_and_when(ledger, add_student):
    sid = add_student(name="周小", class_name="1班")
    ledger.students.edit(sid, {"class_name": "2班", "boarding": True})
    ledger.status.change(sid, Status.SUSPECTED, effective_date="2026-11-02", reason_code="04")
    case = ledger.queries.student(sid)["case_id"]
    visit = ledger.records.add("visit", {"student_id": sid, "case_id": case, "date": "2026-11-03",
                                         "mode": "home", "participants": ["李老师"]}).created[0]
    ledger.records.retract("visit", visit, "记错了学生")
    history = student_history(ledger.queries, sid)
    actions = [h.action for h in history]
    assert actions == ["登记学生", "状态变更为“在校”", "修改学生", "添加辍学个案（一人一案）",
                       "状态变更为“疑似辍学”", "添加劝返记录", "撤销劝返记录"]
    edit = history[2]
    assert "班级：1班 → 2班" in edit.details and "住校：否 → 是" in edit.details
    assert edit.operator == "本机用户" and edit.wall == "2026-11-22 10:00"
    assert edit.computer == ledger.replica[:8]
    assert "方式：家访" in history[5].details
    assert history[-1].details == ("原因：记错了学生",)
    assert any("外出务工" in line for line in history[4].details)


def test_the_history_never_shows_a_whole_id_number(ledger, add_student, factory):
    import datetime as dt
    import re

    sid = add_student(name="周小", grade=3)
    pupil = ledger.queries.student(sid)
    new_number = factory.fake_id_number(dt.date.fromisoformat(pupil["birth_date"]), pupil["sex"])
    assert new_number != pupil["id_number"]
    ledger.students.edit(sid, {"id_number": new_number})
    lines = [line for entry in student_history(ledger.queries, sid) for line in entry.details]
    assert any(new_number[:6] + "********" + new_number[-4:] in line for line in lines)
    assert [line for line in lines if re.search(r"\d{17}[\dX]", line)] == []
