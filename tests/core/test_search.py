"""Roster search, filters and sorting, all in SQL (design README §3).

Every search test runs three times: answered from the search index (a selective search, as in
these small ledgers), as a dense search in a county is (the first rows in grade order, then the
whole roster), and with too short a first read, so the whole roster is always read.
"""

import sqlite3

import pytest

from dropout_ledger.model.names import name_initials, search_keys

NAMES = (("张伟", 3), ("曾强", 5), ("王", 2), ("李天䶮", 7), ("欧阳娜娜", 9), ("张伟强", 4))


@pytest.fixture(params=["index", "dense", "dense, short walk"])
def named(request, ledger, add_student):
    """The students of NAMES by name; dense: every search counts as dense (no index used)."""
    if request.param.startswith("dense"):
        ledger.queries.selective = 0
    if request.param == "dense, short walk":
        ledger.queries.walk = 1
    return {name: add_student(name=name, grade=grade) for name, grade in NAMES}


@pytest.fixture
def indexed(ledger, add_student):
    """The students of NAMES, searched as the app does (selective searches use the index)."""
    return {name: add_student(name=name, grade=grade) for name, grade in NAMES}


def names(rows):
    return sorted(r.name for r in rows)


def test_one_and_two_character_names_are_found(ledger, named):
    assert names(ledger.queries.roster(search="王")) == ["王"]
    assert names(ledger.queries.roster(search="张伟")) == ["张伟", "张伟强"]
    assert names(ledger.queries.roster(search="䶮")) == ["李天䶮"]


def test_a_character_beyond_the_basic_plane_is_found(ledger, named, add_student):
    add_student(name="吴𠮷")  # U+20BB7, Extension B: 4 bytes in UTF-8
    assert names(ledger.queries.roster(search="𠮷")) == ["吴𠮷"]
    assert names(ledger.queries.roster(search="吴𠮷")) == ["吴𠮷"]


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


def test_the_sqlite_in_use_has_fts5_with_the_trigram_tokenizer():
    """ID-number search needs it (SQLite ≥ 3.34 built with FTS5): a bundle without it cannot
    even create a ledger, so fail here first (docs/decisions/0009-search-index.md)."""
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE VIRTUAL TABLE t USING fts5(codes, tokenize = 'trigram')")
    conn.execute("INSERT INTO t VALUES ('524821201203051234 G524821201203051234')")
    assert conn.execute("SELECT count(*) FROM t WHERE codes LIKE '%0305%'").fetchone()[0] == 1


def test_search_keys_are_every_suffix_and_every_reading():
    assert search_keys("曾强", "cj cq zj zq") == {"n曾强", "n强", "pcj", "pcq", "pzj", "pzq"}
    assert search_keys("Ali", "") == {"nali", "nli", "ni"}  # as LIKE folds ASCII letters


def test_numbers_follow_an_edit_and_a_retracted_student_is_not_found(ledger, named):
    student = ledger.queries.student(named["张伟"])
    old_tail = student["id_number"][-6:]
    ledger.students.edit(named["张伟"], {"xjh": "J987654321012345678"})  # a J-form 学籍号
    assert names(ledger.queries.roster(search="87654321012")) == ["张伟"]
    assert names(ledger.queries.roster(search="J98765")) == ["张伟"]
    assert ledger.queries.count(search=student["xjh"]) == 0
    assert names(ledger.queries.roster(search=old_tail)) == ["张伟"]  # the ID number is unchanged
    ledger.students.retract(named["张伟"], "重复录入")
    assert ledger.queries.count(search=old_tail) == 0
    assert names(ledger.queries.roster(search="zw")) == ["张伟强"]
    assert ledger.conn.execute(
        "SELECT count(*) FROM search_keys WHERE student_id = ?", (named["张伟"],)
    ).fetchone()[0] == 0


def test_a_lowercase_x_or_a_two_digit_part_is_still_found(ledger, named):
    student = ledger.queries.student(named["欧阳娜娜"])
    assert names(ledger.queries.roster(search=student["id_number"][-2:])) != []
    assert "欧阳娜娜" in names(ledger.queries.roster(search=student["id_number"][-2:]))
    assert names(ledger.queries.roster(search=student["id_number"][-3:].lower())) != []


def test_a_count_from_the_index_alone_agrees_with_the_roster(ledger, named, add_student):
    """Counting "all students" needs no student row: the index holds exactly the live ones."""
    add_student(name="王王", grade=1)  # two keys of one student start with 王
    ledger.students.retract(named["张伟强"], "重复录入")
    student = ledger.queries.student(named["曾强"])
    for text in ("王", "张伟", "zw", "z", "q", student["id_number"][-5:], student["xjh"][:9], "12"):
        listed = len(ledger.queries.roster(search=text, limit=1000))
        assert ledger.queries.count(search=text) == listed, text
        assert ledger.queries.count(search=text, at_most=1) == min(listed, 1), text
        assert ledger.queries.count("on-roll", search=text) == listed, text  # read from rows


def test_count_can_stop_early(ledger, indexed):
    assert ledger.queries.count() == 6
    assert ledger.queries.count(at_most=4) == 4
    assert ledger.queries.count(search="张伟", at_most=1) == 1
    assert ledger.queries.count(search="张伟", at_most=5) == 2


def _reads(ledger, action) -> list[str]:
    """Every SELECT on `students` that `action` runs, parameters inlined."""
    seen: list[str] = []
    ledger.conn.set_trace_callback(seen.append)
    try:
        action()
    finally:
        ledger.conn.set_trace_callback(None)
    return [sql for sql in seen if sql.startswith("SELECT") and "students" in sql]


def _plans(ledger, action) -> list[str]:
    """EXPLAIN QUERY PLAN details of every SELECT on `students` that `action` runs."""
    return [row[3] for sql in _reads(ledger, action)
            for row in ledger.conn.execute(f"EXPLAIN QUERY PLAN {sql}")]


@pytest.mark.parametrize("typed", ["王", "张伟", "zw", "oynn", "NUMBER", "G"])
def test_selective_searches_start_from_the_index_not_a_roster_scan(ledger, indexed, typed):
    """At 150k a LIKE scan of the roster cost 100–170 ms per keystroke (bench/README.md)."""
    student = ledger.queries.student(indexed["曾强"])
    text = {"NUMBER": student["id_number"][-4:], "G": student["xjh"][:8]}.get(typed, typed)
    details = _plans(ledger, lambda: (ledger.queries.roster(search=text),
                                      ledger.queries.count(search=text, at_most=1001),
                                      ledger.queries.roster("at-risk", search=text,
                                                            filters={"grade": 5}, order="name")))
    assert not [d for d in details if d.startswith("SCAN students")], details
    index = "search_codes" if typed in ("NUMBER", "G") else "search_keys"
    assert any(index in d for d in details), details
    assert any("USING INDEX sqlite_autoindex_students_1 (id=?)" in d
               or "USING INTEGER PRIMARY KEY (rowid=?)" in d for d in details), details


def test_a_dense_search_reads_the_first_rows_in_grade_order(ledger, indexed, add_student):
    """"王" is 7 % of a county: a page of it is among the first few thousand rows in grade order
    (about 2 ms at 150k, against 40 ms to read every student)."""
    for grade in (1, 1, 2, 9):
        add_student(name="王小" + "一二三四"[grade % 4], grade=grade)
    ledger.queries.selective = 0

    def plan(sql):
        return " / ".join(row[3] for row in ledger.conn.execute(f"EXPLAIN QUERY PLAN {sql}"))

    reads = _reads(ledger, lambda: ledger.queries.roster(search="王", limit=2))
    assert len(reads) == 2, reads  # the first rows in grade order, then the page by rowid
    assert "SCAN students USING INDEX students_grade" in plan(reads[0])
    assert "USING INTEGER PRIMARY KEY (rowid=?)" in plan(reads[1])
    assert [r.grade for r in ledger.queries.roster(search="王", limit=2)] == [1, 1]
    assert [r.grade for r in ledger.queries.roster(search="王", descending=True)] == [9, 2, 2, 1, 1]
    assert [r.grade for r in ledger.queries.roster(search="王", offset=3)] == [2, 9]

    ledger.queries.walk = 2  # 3 matches are not among the first 2 students: read them all
    reads = _reads(ledger, lambda: ledger.queries.roster(search="王", limit=3))
    assert len(reads) == 2 and "rowid IN" not in reads[1], reads
    assert [r.grade for r in ledger.queries.roster(search="王", limit=3)] == [1, 1, 2]


def test_the_plain_roster_page_reads_the_grade_index_in_order(ledger, add_student):
    """At 150,000 pupils the first page sorted every live student (43 ms, 2.4 s cold) when
    SQLite chose students_live; `+retracted` keeps it on the grade index (0.4 ms). A status
    view still uses students_live: there it is the selective index."""
    for grade in (3, 1, 2):
        add_student(grade=grade)

    def plan(action) -> str:
        reads = [sql for sql in _reads(ledger, action) if "LIMIT" in sql]
        assert len(reads) == 1, reads
        return " / ".join(row[3] for row in ledger.conn.execute(f"EXPLAIN QUERY PLAN {reads[0]}"))

    for view in ("all", "on-roll"):
        assert "USING INDEX students_grade" in plan(lambda v=view: ledger.queries.roster(v))
        assert [r.grade for r in ledger.queries.roster(view)] == [1, 2, 3]
    assert "students_live" in plan(lambda: ledger.queries.roster("suspected"))
    assert "students_grade" not in plan(lambda: ledger.queries.roster(filters={"status": "x"}))
