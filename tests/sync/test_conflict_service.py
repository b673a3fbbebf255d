"""The conflict list as a person reads it, and the resolutions it writes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from sync_helpers import TODAY, conflicts, make_ledgers, sync, wire_events

from dropout_ledger.clock import FrozenClock
from dropout_ledger.errors import NotFound, ValidationError
from dropout_ledger.ledger import Ledger
from dropout_ledger.model.status import Status
from dropout_ledger.store import projections
from dropout_ledger.store.events import Operator
from dropout_ledger.synthetic import SyntheticFactory


@pytest.fixture
def trio(tmp_path: Path) -> Iterator[dict[str, Ledger]]:
    ledgers = make_ledgers(tmp_path, FrozenClock(TODAY))
    yield ledgers
    for ledger in ledgers.values():
        ledger.close()


@pytest.fixture
def pupil(trio: dict[str, Ledger]) -> str:
    fields = SyntheticFactory(9).student(grade=5, today=TODAY.date())
    fields["address"] = "石门村一组"
    sid = trio["A"].students.add(fields, effective_date="2025-09-01").created[0]
    sync(trio["A"], trio["C"])
    return sid


def _clash(trio: dict[str, Ledger], sid: str, field: str, mine: object, theirs: object) -> None:
    trio["A"].students.edit(sid, {field: mine})
    trio["C"].students.edit(sid, {field: theirs})
    sync(trio["C"], trio["A"])
    sync(trio["A"], trio["C"])


def test_a_field_conflict_shows_both_values_with_who_when_where(trio, pupil: str) -> None:
    school = trio["A"]
    _clash(trio, pupil, "address", "石门村二组", "石门村三组")
    [view] = school.conflicts.list()
    assert (view.ent, view.field, view.kind) == (f"student:{pupil}", "address", "field")
    assert (view.label, view.entity_label, view.student_id) == ("家庭住址", "学生", pupil)
    assert view.student_name == school.queries.student(pupil)["name"]
    assert view.base == "石门村一组"
    sides = {(v.org_label, v.operator, v.shown, v.wall) for v in view.values}
    assert sides == {("本校", "王校长", "石门村二组", "2026-11-22 10:00"),
                     ("县教育局", "张科员", "石门村三组", "2026-11-22 10:00")}
    assert [v.winner for v in view.values] == [True, False]
    assert school.queries.student(pupil)["address"] == view.values[0].shown
    assert school.conflicts.count() == 1


def test_resolving_writes_one_update_over_every_head(trio, pupil: str) -> None:
    school, county = trio["A"], trio["C"]
    _clash(trio, pupil, "address", "石门村二组", "石门村三组")
    heads = sorted(v.eid for v in school.conflicts.get(f"student:{pupil}", "address").values)
    changes = school.conflicts.resolve(f"student:{pupil}", "address", "石门村三组")
    assert changes.events == 1 and pupil in changes.students and changes.roster
    last = wire_events(school.conn)[-1]
    assert last.header["kind"] == "update"
    assert last.body_obj == {"fields": {"address": {"value": "石门村三组", "base": heads}}}
    assert school.conflicts.list() == [] and school.queries.student(pupil)["address"] == "石门村三组"
    sync(school, county)
    assert county.conflicts.list() == [] and county.queries.student(pupil)["address"] == "石门村三组"
    with pytest.raises(NotFound, match="已经处理过了"):
        school.conflicts.resolve(f"student:{pupil}", "address", "石门村二组")


def test_a_resolution_value_is_checked_like_any_edit(trio, pupil: str) -> None:
    _clash(trio, pupil, "class_name", "1班", "2班")
    with pytest.raises(ValidationError, match="班级"):
        trio["A"].conflicts.resolve(f"student:{pupil}", "class_name", "九" * 40)
    assert trio["A"].conflicts.count() == 1


def test_id_numbers_are_masked_unless_the_role_may_see_them(trio, pupil: str) -> None:
    school = trio["A"]
    factory = SyntheticFactory(77)
    student = school.queries.student(pupil)
    birth = dt.date.fromisoformat(student["birth_date"])
    numbers = [factory.fake_id_number(birth, student["sex"]) for _ in range(2)]
    _clash(trio, pupil, "id_number", numbers[0], numbers[1])
    shown = {v.shown for v in school.conflicts.get(f"student:{pupil}", "id_number").values}
    assert shown == set(numbers)  # the principal may
    school.operator = Operator(id="t", name="杨老师", role="class_teacher")
    shown = {v.shown for v in school.conflicts.get(f"student:{pupil}", "id_number").values}
    assert shown == {n[:6] + "********" + n[-4:] for n in numbers}


def test_a_record_amendment_conflict_names_the_record_and_its_pupil(trio, pupil: str) -> None:
    school, county = trio["A"], trio["C"]
    record = school.records.add("absence", {"student_id": pupil, "date": TODAY.date()}).created[0]
    sync(school, county)
    school.records.amend("absence", record, {"note": "已电话联系"})
    county.records.amend("absence", record, {"note": "县里抽查：未联系"})
    sync(county, school)
    [view] = school.conflicts.list()
    assert (view.entity_label, view.label, view.student_id) == ("缺勤登记", "备注", pupil)
    assert view.base == ""  # the note was never filled before


def test_a_status_conflict_is_listed_and_resolved_by_retracting_a_branch(trio, pupil) -> None:
    school, county = trio["A"], trio["C"]
    school.status.change(pupil, Status.SUSPECTED, effective_date=TODAY.date(), reason_code="02")
    county.status.change(pupil, Status.TRANSFERRED_OUT, effective_date=TODAY.date())
    sync(county, school)
    sync(school, county)
    ent = f"student:{pupil}"
    for ledger in (school, county):
        assert conflicts(ledger.conn) == {(ent, "status")}
    [view] = school.conflicts.list()
    assert (view.kind, view.label, view.base) == ("status", "状态", "在校")
    assert {(v.org_label, v.shown) for v in view.values} == {
        ("本校", "疑似辍学（生效日期 2026-11-22）"), ("县教育局", "转出（生效日期 2026-11-22）")}
    assert sum(v.winner for v in view.values) == 1
    with pytest.raises(ValidationError, match="状态冲突"):
        school.conflicts.resolve(ent, "status", "enrolled")

    keep = next(v.eid for v in view.values if v.org_label == "本校")
    school.conflicts.resolve_status(ent, keep, "县里误录，该生未转出")
    assert conflicts(school.conn) == set()
    assert school.queries.student(pupil)["status"] == "suspected"
    sync(school, county)
    assert conflicts(county.conn) == set()
    assert county.queries.student(pupil)["status"] == "suspected"


def test_the_same_status_on_both_sides_is_no_conflict(trio, pupil: str) -> None:
    trio["A"].status.change(pupil, Status.SUSPENDED, effective_date=TODAY.date())
    trio["C"].status.change(pupil, Status.SUSPENDED, effective_date=TODAY.date())
    sync(trio["C"], trio["A"])
    assert conflicts(trio["A"].conn) == set()


def test_a_retracted_middle_fact_does_not_revive_the_start_of_the_log(trio, pupil) -> None:
    school = trio["A"]
    school.status.change(pupil, Status.SUSPECTED, effective_date=TODAY.date(), reason_code="02")
    suspected = school.conn.execute(
        "SELECT eid FROM status_facts WHERE code = 'suspected'").fetchone()[0]
    school.status.change(pupil, Status.ENROLLED, effective_date=TODAY.date(),
                         closure_reason="returned", closure_evidence="已返校")
    school.status.retract(suspected, "录错")
    assert conflicts(school.conn) == set()
    assert [code for _, code in projections.status_heads(school.conn, pupil)] == ["enrolled"]
