"""Roster search, filters and sorting, all in SQL (design README §3)."""

import pytest

from dropout_ledger.model.names import name_initials


@pytest.fixture
def named(ledger, add_student):
    ids = {}
    for name, grade in (("张伟", 3), ("曾强", 5), ("王", 2), ("李天䶮", 7), ("欧阳娜娜", 9),
                        ("张伟强", 4)):
        ids[name] = add_student(name=name, grade=grade)
    return ids


def names(rows):
    return sorted(r.name for r in rows)


def test_one_and_two_character_names_are_found(ledger, named):
    assert names(ledger.queries.roster(search="王")) == ["王"]
    assert names(ledger.queries.roster(search="张伟")) == ["张伟", "张伟强"]
    assert names(ledger.queries.roster(search="䶮")) == ["李天䶮"]


def test_pinyin_initials_find_every_reading(ledger, named):
    assert names(ledger.queries.roster(search="zw")) == ["张伟", "张伟强"]
    assert names(ledger.queries.roster(search="ZWQ")) == ["张伟强"]
    assert "曾强" in names(ledger.queries.roster(search="zq"))  # 曾 read zeng
    assert "曾强" in names(ledger.queries.roster(search="cq"))  # or ceng
    assert names(ledger.queries.roster(search="oynn")) == ["欧阳娜娜"]


def test_id_numbers_and_student_numbers_are_found_by_any_part(ledger, named):
    student = ledger.queries.student(named["曾强"])
    assert names(ledger.queries.roster(search=student["id_number"][-6:])) == ["曾强"]
    assert names(ledger.queries.roster(search=student["xjh"][:10])) != []
    assert ledger.queries.count(search=student["id_number"]) == 1
    assert ledger.queries.count(search="１２３４５６７８９０１２３４５６７８") == 0  # full-width ok


def test_like_wildcards_typed_by_a_person_are_literal(ledger, named):
    assert ledger.queries.count(search="%") == 0
    assert ledger.queries.count(search="_") == 0


def test_filters_and_sorting_happen_in_sql(ledger, named):
    assert names(ledger.queries.roster(filters={"grade": 3})) == ["张伟"]
    ledger.students.edit(named["王"], {"at_risk": ["absence"]})
    assert names(ledger.queries.roster(filters={"flag": "at_risk"})) == ["王"]
    by_grade_desc = ledger.queries.roster(order="grade", descending=True)
    assert [r.grade for r in by_grade_desc] == sorted((r.grade for r in by_grade_desc),
                                                      reverse=True)
    by_name = [r.name for r in ledger.queries.roster(order="name")]
    assert by_name == sorted(by_name)
    with pytest.raises(KeyError):
        ledger.queries.roster(order="id_number; DROP TABLE students")
    with pytest.raises(KeyError):
        ledger.queries.roster(filters={"retracted": 1})


def test_initials_follow_a_renamed_student(ledger, named):
    ledger.students.edit(named["王"], {"name": "黄"})
    assert names(ledger.queries.roster(search="h")) == ["黄"]
    assert name_initials("黄") == "h"


def test_duplicate_checks_use_the_id_number_index_not_a_roster_scan(ledger, named):
    """A wrong index here made every registration scan the roster (150k build: minutes → hours)."""
    student = ledger.queries.student(named["张伟"])
    for column in ("id_number", "xjh"):
        seen: list[str] = []
        ledger.conn.set_trace_callback(seen.append)
        ledger.queries.find_student(**{column: student[column]})
        ledger.conn.set_trace_callback(None)
        lookup = next(sql for sql in seen if f"WHERE {column} = " in sql)
        plan = ledger.conn.execute(f"EXPLAIN QUERY PLAN {lookup}").fetchall()
        assert f"students_{column}" in plan[0][3], plan
