"""四查三比对, matching: a county list's rows meet the roll by ID number (15 or 18 digits), then
学籍号, then name + birth date (traditional characters folded, homophones proposed), each match
labelled; anything a person must decide is never accepted on its own."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from conftest import TODAY
from reconcile_fixtures import person, write_list

from dropout_ledger.model.identity import upgrade_legacy_id
from dropout_ledger.reconcile import check_list, fold_name, name_sound
from dropout_ledger.reconcile.match import VARIANTS


def _fields(ledger: Any, student_id: str) -> dict[str, Any]:
    found = ledger.queries.student(student_id)
    assert found is not None
    return found


def _only(plan: Any) -> Any:
    assert len(plan.matches) == 1, plan.problems
    return plan.matches[0]


def test_a_row_with_the_pupils_id_number_matches_by_id(ledger, add_student, tmp_path: Path):
    pupil = _fields(ledger, add_student())
    add_student()
    plan = check_list(ledger, write_list(tmp_path / "l.xlsx", [person(pupil)]))
    match = _only(plan)
    assert (match.method, match.student_id) == ("id", pupil["id"])
    assert plan.header.row == 2 and plan.skipped == 2  # the blank line and the 制表人 footer
    assert not plan.problems


def test_a_legacy_15_digit_id_meets_its_18_digit_form_both_ways(
        ledger, add_student, factory, tmp_path: Path):
    legacy = "524821990315123"
    on_roll = add_student(grade=9, id_number=upgrade_legacy_id(legacy), birth_date="1999-03-15",
                          sex="1")
    row = person(_fields(ledger, on_roll), id_number=legacy)
    match = _only(check_list(ledger, write_list(tmp_path / "a.xlsx", [row])))
    assert (match.method, match.student_id) == ("id15", on_roll)

    legacy_on_roll = add_student(grade=9, id_number="524821980412135", birth_date="1998-04-12",
                                 sex="1", xjh="")
    full = upgrade_legacy_id("524821980412135")
    row = person(_fields(ledger, legacy_on_roll), id_number=full)
    match = _only(check_list(ledger, write_list(tmp_path / "b.xlsx", [row])))
    assert (match.method, match.student_id) == ("id15", legacy_on_roll)


def test_a_list_with_only_xjh_matches_by_xjh(ledger, add_student, tmp_path: Path):
    pupil = _fields(ledger, add_student())
    path = write_list(tmp_path / "x.xlsx", [[pupil["name"], pupil["xjh"]]],
                      header=["序号", "学生姓名", "全国学籍号"])
    match = _only(check_list(ledger, path, kind="suspected"))
    assert (match.method, match.student_id) == ("xjh", pupil["id"])


def test_traditional_characters_in_a_name_match_by_name_and_birth(
        ledger, add_student, tmp_path: Path):
    sid = add_student(name="张伟", birth_date="2016-03-02", sex="1")
    row = person(_fields(ledger, sid), name="張偉", id_number="")
    match = _only(check_list(ledger, write_list(tmp_path / "t.xlsx", [row])))
    assert (match.method, match.student_id) == ("variant", sid)
    exact = person(_fields(ledger, sid), id_number="")
    assert _only(check_list(ledger, write_list(tmp_path / "e.xlsx", [exact]))).method \
        == "name_birth"


def test_a_homophone_is_proposed_never_accepted(ledger, add_student, tmp_path: Path):
    sid = add_student(name="李明", birth_date="2016-05-06", sex="1")
    row = person(_fields(ledger, sid), name="黎铭", id_number="")
    match = _only(check_list(ledger, write_list(tmp_path / "h.xlsx", [row])))
    assert match.method == "homophone" and match.candidates == (sid,)
    assert not match.accepted and match.needs_confirmation


def test_two_pupils_who_fit_are_never_accepted(ledger, add_student, tmp_path: Path):
    one = add_student(name="王芳", birth_date="2016-07-08", sex="2")
    two = add_student(name="王芳", birth_date="2016-07-08", sex="2")
    row = person(_fields(ledger, one), id_number="")
    match = _only(check_list(ledger, write_list(tmp_path / "n.xlsx", [row])))
    assert match.method == "ambiguous" and set(match.candidates) == {one, two}
    assert not match.accepted

    first, second = _fields(ledger, one), _fields(ledger, two)
    path = write_list(tmp_path / "c.xlsx", [[first["name"], first["id_number"], second["xjh"]]],
                      header=["序号", "姓名", "身份证号", "全国学籍号"])
    match = _only(check_list(ledger, path))
    assert match.method == "ambiguous" and match.candidates == (one, two)


def test_same_name_and_birth_with_another_valid_id_needs_a_person(
        ledger, add_student, factory, tmp_path: Path):
    sid = add_student(name="陈静", birth_date="2016-01-09", sex="2")
    other_id = factory.fake_id_number(TODAY.date().replace(year=2016, month=1, day=9), "2")
    row = person(_fields(ledger, sid), id_number=other_id)
    match = _only(check_list(ledger, write_list(tmp_path / "d.xlsx", [row])))
    assert match.method == "id_differs" and match.candidates == (sid,) and not match.accepted


def test_a_wrong_id_is_a_finding_and_the_row_still_matches_by_name(
        ledger, add_student, tmp_path: Path):
    pupil = _fields(ledger, add_student())
    wrong = pupil["id_number"][:17] + ("0" if pupil["id_number"][17] != "0" else "1")
    plan = check_list(ledger, write_list(tmp_path / "w.xlsx", [person(pupil, id_number=wrong)]))
    match = _only(plan)
    assert (match.method, match.student_id) == ("name_birth", pupil["id"])
    assert plan.errors == 0
    assert [p.severity for p in plan.problems] == ["warning"]
    assert "身份证号有误" in plan.problems[0].reason and "校验" in plan.problems[0].reason


def test_unmatched_on_both_sides_are_listed(ledger, add_student, factory, tmp_path: Path):
    listed = _fields(ledger, add_student())
    missing = add_student()
    stranger = factory.student(grade=3, today=TODAY.date())
    plan = check_list(ledger, write_list(tmp_path / "u.xlsx", [person(listed),
                                                              person(stranger)]))
    assert [m.method for m in plan.matches] == ["id", "none"]
    assert (plan.accepted, plan.pending, plan.unmatched) == (1, 0, 1)
    assert [m.student_id for m in plan.missing] == [missing]
    assert "*" in plan.missing[0].id_masked


def test_name_folding_and_sound():
    assert fold_name("張 偉") == "张伟" and fold_name("阿依·木") == fold_name("阿依•木") == "阿依木"
    assert name_sound("黎铭") == name_sound("李明") == "li ming"
    assert fold_name("於") == "於"  # a surname of its own, not folded onto 于
    assert all(len(k) == len(v) == 1 and k != v for k, v in VARIANTS.items())
    assert not set(VARIANTS) & set(VARIANTS.values())


def test_matching_a_list_reads_the_roll_once(ledger, add_student, tmp_path: Path, monkeypatch):
    """Name + birth lookups share one pass over the roll; ID lookups go through the index."""
    pupils = [_fields(ledger, add_student()) for _ in range(6)]
    statements: list[str] = []
    ledger.conn.set_trace_callback(statements.append)
    rows = [person(p, id_number="") for p in pupils] + [person(p) for p in pupils]
    plan = check_list(ledger, write_list(tmp_path / "many.xlsx", rows))
    ledger.conn.set_trace_callback(None)
    assert [m.method for m in plan.matches] == ["name_birth"] * 6 + ["id"] * 6
    scans = [s for s in statements if "FROM students WHERE retracted = 0 AND birth_date" in s]
    assert len(scans) == 1
