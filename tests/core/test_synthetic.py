"""The synthetic factory: deterministic, and every number it makes passes our own checks."""

from __future__ import annotations

from collections import Counter
from datetime import date

import pytest

from dropout_ledger.model import codes
from dropout_ledger.model.identity import (
    expected_grade,
    parse_division_code,
    parse_id_number,
    parse_school_code,
    parse_xjh,
)
from dropout_ledger.synthetic import STUDENT_KEYS, SyntheticFactory

TODAY = date(2026, 11, 22)


@pytest.fixture(scope="module")
def roll() -> list[dict[str, object]]:
    factory = SyntheticFactory(seed=7)
    return [factory.student(today=TODAY) for _ in range(3000)]


def is_rare(char: str) -> bool:
    return 0x3400 <= ord(char) <= 0x4DBF or 0x20000 <= ord(char) <= 0x2A6DF


def test_same_seed_same_students() -> None:
    a, b = SyntheticFactory(seed=3), SyntheticFactory(seed=3)
    assert [a.student() for _ in range(50)] == [b.student() for _ in range(50)]
    assert SyntheticFactory(seed=4).student() != SyntheticFactory(seed=3).student()


def test_students_have_exactly_the_keys(roll: list[dict[str, object]]) -> None:
    assert all(tuple(student) == STUDENT_KEYS for student in roll)


def test_ids_and_xjh_valid_and_consistent(roll: list[dict[str, object]]) -> None:
    forms: Counter[str] = Counter()
    for student in roll:
        info = parse_id_number(str(student["id_number"]), today=TODAY)
        assert info.sex == student["sex"]
        assert info.birth_date.isoformat() == student["birth_date"]
        xjh = parse_xjh(str(student["xjh"]), id_number=info.number)
        assert xjh.warnings == ()
        forms[xjh.form] += 1
    assert len({s["id_number"] for s in roll}) == len(roll)
    assert len({s["xjh"] for s in roll}) == len(roll)
    assert forms["G"] > 2700 and forms["J"] > 30 and forms["L"] > 5


def test_ages_fit_grades(roll: list[dict[str, object]]) -> None:
    gaps: Counter[int] = Counter()
    for student in roll:
        grade = student["grade"]
        assert isinstance(grade, int) and 1 <= grade <= 9
        birth = date.fromisoformat(str(student["birth_date"]))
        gaps[expected_grade(birth, TODAY) - grade] += 1
    assert set(gaps) <= {0, 1}
    assert 0.02 < gaps[1] / len(roll) < 0.07  # about 4% a year older


def test_names_and_rare_characters(roll: list[dict[str, object]]) -> None:
    names = [str(s["name"]) for s in roll]
    assert all(2 <= len(name) <= 3 for name in names)
    assert any(is_rare(char) for name in names for char in name)


def test_codes_come_from_the_tables(roll: list[dict[str, object]]) -> None:
    for student in roll:
        assert student["ethnicity"] in codes.codes_of(codes.ETHNICITY)
        assert student["left_behind"] in codes.codes_of(codes.LEFT_BEHIND)
        assert student["disability_type"] in codes.codes_of(codes.DISABILITY_TYPES) | {""}
        category = student["economic_category"]
        assert category in codes.codes_of(codes.ECONOMIC_CATEGORIES) | {""}
        guardians = student["guardians"]
        assert isinstance(guardians, list) and 1 <= len(guardians) <= 2
        for guardian in guardians:
            assert guardian["relation"] in codes.codes_of(codes.GUARDIAN_RELATIONS)
            assert len(guardian["phone"]) == 11 and guardian["phone"][:2] in ("13", "15", "18")


def test_villages_are_well_formed() -> None:
    factory = SyntheticFactory()
    villages = factory.villages()
    assert len(villages) == 24 and len({v.code for v in villages}) == 24
    for village in villages:
        assert parse_division_code(village.code, lengths=(12,)) == village.code
        assert village.code.startswith(factory.county_code)
        assert 100 <= int(village.code[6:9]) <= 399 and village.code[9] == "2"
    assert villages == SyntheticFactory(seed=99).villages()


def test_overrides_keep_the_id_consistent() -> None:
    factory = SyntheticFactory()
    student = factory.student(grade=3, sex="2", birth_date=date(2018, 5, 6), note="测试")
    info = parse_id_number(str(student["id_number"]), today=TODAY)
    assert (info.sex, info.birth_date) == ("2", date(2018, 5, 6))
    assert student["birth_date"] == "2018-05-06" and student["note"] == "测试"
    fixed = factory.student(id_number="11010519491231002X")
    assert fixed["id_number"] == "11010519491231002X"
    with pytest.raises(TypeError):
        factory.student(nmae="张三")


def test_school_codes_and_names() -> None:
    factory = SyntheticFactory()
    school = parse_school_code(factory.school_code("31"))
    assert school.category == "31" and school.province == factory.county_code[:2]
    assert factory.school_name().endswith(("学校", "小学"))
    assert factory.teacher_name()
