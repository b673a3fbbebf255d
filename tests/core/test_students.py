import pytest
from conftest import dump, event_count

from dropout_ledger.errors import DuplicateStudent, NotFound, ValidationError
from dropout_ledger.model.identity import is_valid_id_number


def test_a_registered_student_has_fields_status_and_derived_identity(ledger, factory):
    fields = factory.student(grade=4)
    del fields["sex"], fields["birth_date"]
    changes = ledger.students.add(fields, effective_date="2025-09-01")
    sid = changes.created[0]
    student = ledger.queries.student(sid)
    assert student["name"] == fields["name"]
    assert is_valid_id_number(student["id_number"])
    assert student["sex"] == ("1" if int(fields["id_number"][16]) % 2 else "2")
    assert student["birth_date"].replace("-", "") == fields["id_number"][6:14]
    assert student["status"] == "enrolled" and student["status_date"] == "2025-09-01"
    assert student["guardians"] == fields["guardians"]
    assert changes.students == {sid} and changes.roster and changes.status


def test_an_invalid_id_number_is_refused_by_field_and_nothing_changes(ledger, factory):
    before = dump(ledger)
    fields = factory.student(grade=2)
    fields["id_number"] = fields["id_number"][:10] + "1332" + fields["id_number"][14:]
    with pytest.raises(ValidationError) as refused:
        ledger.students.add(fields)
    assert refused.value.field == "id_number"
    assert "身份证" in refused.value.message
    assert dump(ledger) == before


def test_a_sex_that_contradicts_the_id_number_is_refused(ledger, factory):
    fields = factory.student(grade=2)
    fields["sex"] = "2" if fields["sex"] == "1" else "1"
    with pytest.raises(ValidationError, match="性别与身份证号"):
        ledger.students.add(fields)


def test_every_problem_of_one_student_is_reported_at_once(ledger, factory):
    fields = factory.student(grade=2) | {"grade": 12, "ethnicity": "88", "boarding": "也许"}
    with pytest.raises(ValidationError) as refused:
        ledger.students.add(fields)
    assert {p.field for p in refused.value.problems} == {"grade", "ethnicity", "boarding"}


def test_the_same_id_number_twice_in_one_school_is_refused(ledger, factory, add_student):
    sid = add_student()
    twin = factory.student(grade=5)
    twin["id_number"] = ledger.queries.student(sid)["id_number"]
    twin["xjh"] = "G" + twin["id_number"]
    twin.pop("sex"), twin.pop("birth_date")
    before = event_count(ledger)
    with pytest.raises(DuplicateStudent, match="已登记给") as refused:
        ledger.students.add(twin)
    assert twin["id_number"][6:14] not in refused.value.message  # the message masks the ID
    assert event_count(ledger) == before


def test_a_duplicate_inside_one_batch_is_refused_whole(ledger, factory):
    first = factory.student(grade=3)
    with pytest.raises(DuplicateStudent):
        ledger.students.add_many([first, dict(first)])
    assert ledger.queries.count() == 0


def test_age_that_does_not_fit_the_grade_warns_but_registers(ledger, factory):
    fields = factory.student(grade=1)
    fields["grade"] = 6
    changes = ledger.students.add(fields)
    assert changes.created
    assert any("年龄与年级不符" in w for w in changes.warnings)


def test_an_edit_records_only_real_changes(ledger, add_student):
    sid = add_student()
    before = event_count(ledger)
    unchanged = ledger.students.edit(sid, {"class_name": ledger.queries.student(sid)["class_name"]})
    assert unchanged.events == 0 and event_count(ledger) == before
    changed = ledger.students.edit(sid, {"class_name": "9班", "left_behind": "2"})
    assert changed.events == 1
    student = ledger.queries.student(sid)
    assert (student["class_name"], student["left_behind"]) == ("9班", "2")


def test_an_edit_keeps_history_instead_of_overwriting(ledger, add_student):
    sid = add_student()
    ledger.students.edit(sid, {"address": "坪坝镇石门村一组"})
    ledger.students.edit(sid, {"address": "坪坝镇石门村二组"})
    bodies = [r[0] for r in ledger.conn.execute(
        "SELECT body FROM events WHERE ent = ? AND kind = 'update' ORDER BY seq", (f"student:{sid}",))]
    assert len(bodies) == 2
    assert "一组".encode() in bodies[0] and "二组".encode() in bodies[1]


def test_a_retracted_student_leaves_the_roster_but_not_the_log(ledger, add_student):
    sid = add_student()
    add_student()
    ledger.students.retract(sid, "重复录入")
    assert ledger.queries.count() == 1
    with pytest.raises(NotFound):
        ledger.students.edit(sid, {"note": "x"})
    with pytest.raises(ValidationError, match="撤销原因"):
        ledger.students.retract(ledger.queries.roster()[0].student_id, " ")


def test_a_g_number_that_differs_from_the_id_warns(ledger, factory):
    fields = factory.student(grade=3)
    other = factory.student(grade=3)
    fields["xjh"] = other["xjh"] if other["xjh"].startswith("G") else fields["xjh"]
    changes = ledger.students.add(fields)
    if fields["xjh"] != "G" + fields["id_number"]:
        assert any("学籍号" in w for w in changes.warnings)
