"""known_people: the visit dialog's pick list, from what the ledger already records."""

from dropout_ledger.model.status import Status
from dropout_ledger.services.people import Person, known_people


def _visit(ledger, sid, *participants, case=None):
    return ledger.records.add("visit", {
        "student_id": sid, "case_id": case, "date": "2026-11-20", "mode": "home",
        "participants": list(participants)}).created[0]


def _school(ledger, add_student):
    """Pupil 甲 with an open case; 乙 and 丙 with the school's other work."""
    ledger.settings.update_org(principal="王建国")
    ledger.settings.add_operator("赵敏", "registrar")
    pupil, other, taught = add_student(name="甲"), add_student(name="乙"), add_student(name="丙")
    ledger.status.change(pupil, Status.SUSPECTED, effective_date="2026-11-02", reason_code="01")
    case = ledger.queries.student(pupil)["case_id"]
    ledger.records.amend("case", case, {"teacher": "陈娜", "village_contact": "杨光明",
                                        "township_contact": "吴德"})
    ledger.records.add("pairing", {"student_id": pupil, "teacher": "郑佑",
                                   "start_date": "2026-10-01"})
    ledger.records.add("pairing", {"student_id": other, "teacher": "李涛",
                                   "start_date": "2026-10-01"})
    _visit(ledger, pupil, "陈娜", "林娜琳", case=case)
    _visit(ledger, other, "张小俊", "林娜琳", "王建国")
    _visit(ledger, other, "张小俊")
    wrong = _visit(ledger, other, "孙错", "张小俊")
    ledger.records.retract("visit", wrong, "登记错了学生")
    ledger.records.add("notice", {"student_id": other, "date": "2026-11-10",
                                  "guardian_name": "乙父", "return_by": "2026-11-17",
                                  "deliverer": ["张小俊"]})
    ledger.records.add("home_teaching", {"student_id": taught, "date": "2026-11-11",
                                         "teachers": ["刘艳"], "content": "识字"})
    return pupil, other


def test_the_pupil_s_case_people_come_first_then_visitors_staff_and_frequency(
    ledger, add_student
):
    pupil, _ = _school(ledger, add_student)
    assert known_people(ledger, pupil) == [
        Person("陈娜", "包保教师", 1), Person("杨光明", "村级责任人", 0),
        Person("吴德", "乡镇责任人", 0), Person("郑佑", "结对教师", 1),
        Person("林娜琳", "曾参加劝返", 2),  # visited this pupil before
        Person("王建国", "校长", 1), Person("赵敏", "学籍管理员", 0),
        Person("张小俊", "曾参加劝返", 3),  # two visits and a notice delivery; not the retracted one
        Person("刘艳", "送教教师", 1), Person("李涛", "结对教师", 1),
    ]


def test_each_name_appears_once_under_its_most_telling_role(ledger, add_student):
    pupil, other = _school(ledger, add_student)
    ledger.records.add("pairing", {"student_id": other, "teacher": "陈娜",
                                   "start_date": "2026-10-02"})
    ledger.settings.add_operator("陈娜", "class_teacher")
    people = known_people(ledger, pupil)
    names = [p.name for p in people]
    assert len(names) == len(set(names)) and "孙错" not in names
    assert people[0] == Person("陈娜", "包保教师", 2)  # case role beats operator and pairing

    for_other = known_people(ledger, other)  # 陈娜 is 乙's pairing teacher, not 包保教师
    assert for_other[:2] == [Person("陈娜", "结对教师", 2), Person("李涛", "结对教师", 1)]
    ledger.settings.add_operator("郑佑", "class_teacher")  # 甲's pairing, to 乙 an operator
    assert {p.name: p.role for p in known_people(ledger, other)}["郑佑"] == "班主任"
    assert len(known_people(ledger, pupil, limit=3)) == 3


def test_a_closed_case_s_people_are_no_longer_put_first(ledger, add_student):
    pupil, _ = _school(ledger, add_student)
    ledger.status.change(pupil, Status.ENROLLED, effective_date="2026-11-21",
                         closure_reason="returned", closure_evidence="已返校")
    names = [p.name for p in known_people(ledger, pupil)]
    assert "杨光明" not in names and names[:2] == ["郑佑", "林娜琳"]


def test_the_query_reads_the_pupil_s_rows_through_indexes(ledger, add_student):
    """Only the counting may read whole record tables; never the roster."""
    from dropout_ledger.services.people import _KNOWN_PEOPLE_SQL

    plan = " | ".join(row[3] for row in ledger.conn.execute(
        "EXPLAIN QUERY PLAN " + _KNOWN_PEOPLE_SQL, {"sid": "x", "extra": "[]", "limit": 5}))
    assert "SEARCH rec_case USING INDEX rec_case_student" in plan
    assert "students" not in plan and "SCAN rec_case" not in plan
