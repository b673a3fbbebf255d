"""The identity queue: one child on two rolls, transfers matched, decisions back as notices."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from dropout_ledger.errors import InputRefused, NotFound, ValidationError
from dropout_ledger.ledger import Ledger
from dropout_ledger.model.identity import id_check_char
from dropout_ledger.model.status import Status
from dropout_ledger.services import county as dashboard
from dropout_ledger.sync import identity, notices
from dropout_ledger.sync.persons import person_key
from tests.sync.county_support import (  # noqa: F401 - isolated_markers is an autouse fixture
    County,
    isolated_markers,
    make_county,
)


def _with_id(ledger: Ledger, index: int = 0) -> dict[str, Any]:
    row = ledger.conn.execute(
        "SELECT id FROM students WHERE retracted = 0 AND status = 'enrolled'"
        " AND length(id_number) = 18 ORDER BY id LIMIT 1 OFFSET ?", (index,)).fetchone()
    found = ledger.queries.student(row[0])
    assert found is not None
    return found


def _enrol_copy(ledger: Ledger, child: dict[str, Any], **changes: Any) -> str:
    """Register at another school a pupil with the same identity as `child`."""
    fields = {k: child[k] for k in ("name", "sex", "birth_date", "id_number", "grade",
                                    "class_name") if child.get(k)}
    fields.update(changes)
    made = ledger.students.add({k: v for k, v in fields.items() if v is not None})
    return made.created[0]


@pytest.fixture
def world(tmp_path: Path) -> Iterator[County]:
    made = make_county(tmp_path, ("a", "b", "c"), students=25)
    yield made
    made.close()


def _event_ids(ledger: Ledger, kind: str) -> set[str]:
    return {row[0] for row in ledger.conn.execute("SELECT eid FROM events WHERE kind = ?", (kind,))}


def test_person_key_matches_the_forms_of_one_number() -> None:
    first17 = "52482120150304123"
    full = first17 + id_check_char(first17)
    assert person_key(full, None) == person_key(None, "G" + full) == f"id:{full}"
    assert person_key(full.lower(), "J123") == f"id:{full}"
    legacy = "524821" + "850304" + "123"  # 1985, 15 digits
    first = "524821" + "19850304" + "123"
    assert person_key(legacy, None) == f"id:{first}{id_check_char(first)}"
    assert person_key(None, "J52482120150304123X") == "xjh:J52482120150304123X"
    assert person_key(None, None) == ""


def test_a_child_on_two_rolls_is_queued_counted_once_and_decided_for_both_schools(
        world: County) -> None:
    a, b, c = world.schools["a"], world.schools["b"], world.schools["c"]
    child = _with_id(a)
    twin = _enrol_copy(b, child)
    assert all(o.accepted for o in world.up("a", "b", "c"))

    cases = identity.identity_queue(world.county)
    assert [(x.kind, x.a.student_id, x.b.student_id) for x in cases] == [
        ("duplicate", child["id"], twin)]
    case = cases[0]
    assert case.title == "重复在籍" and case.a.school_name == "甲村小学"
    assert case.b.school_name == "乙村小学" and case.a.history and case.b.status == "enrolled"
    board = dashboard.county_dashboard(world.county)
    assert board.identity_open == 1 and board.duplicates_merged == 1
    assert board.total.children == board.total.pupils - 1 and board.notes
    rows = {r.org: r for r in board.schools}
    assert rows[world.org("a")].duplicates == 1 and rows[world.org("b")].identity_cases == 1
    assert rows[world.org("c")].duplicates == 0

    with pytest.raises(ValidationError):
        identity.decide(world.county, case.case_id, "maybe")
    with pytest.raises(InputRefused):
        identity.decide(a, case.case_id, "at_a")
    changes = identity.decide(world.county, case.case_id, "at_a", "监护人确认在甲校就读")
    assert set(changes.students) == {child["id"], twin}
    assert identity.identity_queue(world.county) == []
    assert identity.links(world.county) == [(child["id"], twin)]
    assert dashboard.county_dashboard(world.county).duplicates_merged == 0
    with pytest.raises(NotFound):
        identity.decide(world.county, case.case_id, "at_b")

    world.round("a", "b", "c")
    decision = _event_ids(world.county, "decision")
    assert decision and decision <= _event_ids(a, "decision") and decision <= _event_ids(b, "decision")
    assert not _event_ids(c, "decision") and not _event_ids(c, "same_as")
    assert _event_ids(world.county, "same_as") <= _event_ids(b, "same_as")
    [for_a] = notices.notices(a)
    [for_b] = notices.notices(b)
    assert notices.notices(c) == []
    assert for_a.student_id == child["id"] and "确认在本校就读" in for_a.text
    assert for_b.student_id == twin and "在甲村小学就读，不在本校" in for_b.text
    assert child["name"] in for_b.text and not for_b.acknowledged
    assert for_b.note == "监护人确认在甲校就读"

    notices.acknowledge(b, for_b.eid)
    assert notices.notices(b)[0].acknowledged
    with pytest.raises(NotFound):
        notices.acknowledge(c, for_b.eid)
    world.up("b")
    assert notices.read_by(world.county)[for_b.eid] == {world.org("b")}


def test_a_transfer_out_matched_to_the_pupil_who_appeared_elsewhere(world: County) -> None:
    a, c = world.schools["a"], world.schools["c"]
    child = _with_id(a, 1)
    a.status.change(child["id"], Status.TRANSFERRED_OUT, reason_code="move",
                    effective_date=world.clock.today())
    arrived = _enrol_copy(c, child, id_number=None, xjh="G" + child["id_number"], grade=7,
                          class_name="1班")
    world.up("a", "c")
    [case] = identity.identity_queue(world.county)
    assert case.kind == "transfer" and case.title == "转学待核实"
    assert (case.a.student_id, case.b.student_id) == (child["id"], arrived)
    assert case.a.status == "transferred_out" and case.b.xjh.startswith("G")
    assert dashboard.county_dashboard(world.county).duplicates_merged == 0  # not two rolls
    identity.decide(world.county, case.case_id, "transfer_verified")
    world.round("a", "c")
    [left] = notices.notices(a)
    [came] = notices.notices(c)
    assert "已转入丙镇中学" in left.text and "由甲村小学转入本校" in came.text


def test_not_the_same_child_leaves_both_records_unlinked(world: County) -> None:
    a, b = world.schools["a"], world.schools["b"]
    child = _with_id(a, 2)
    _enrol_copy(b, child, name="另一人")
    world.up("a", "b")
    [case] = identity.identity_queue(world.county)
    identity.decide(world.county, case.case_id, "not_same", "身份证号录错")
    assert identity.links(world.county) == []
    assert identity.identity_queue(world.county) == []
    world.round("a", "b")
    assert "不是同一人" in notices.notices(b)[0].text
    data = identity.case_json(case)
    assert "*" in data["a"]["id_number"] and data["a"]["id_number"] != child["id_number"]
