"""Roster import, cell by cell: every spelling a principal's file uses folds onto one value, and
the header is found under titles and group rows."""

import datetime as dt

import pytest

from dropout_ledger.errors import InputRefused
from dropout_ledger.importing import normalise as n
from dropout_ledger.importing.header import column_letter, field_for, find_header


@pytest.mark.parametrize("cell, grade", [
    ("三年级", 3), ("3", 3), (3.0, 3), (3, 3), ("３", 3), ("03", 3), ("小学三年级", 3), ("三", 3),
    ("初一", 7), ("七年级", 7), ("初中二年级", 8), ("初3", 9), ("九年级", 9), ("一年级", 1),
])
def test_grades(cell, grade):
    assert n.grade(cell) == grade


@pytest.mark.parametrize("cell", ["高一", "10", 0, "2021级", "学前班", 3.5])
def test_grades_outside_compulsory_school_are_refused_in_chinese(cell):
    with pytest.raises(n.CellProblem) as refused:
        n.grade(cell)
    assert "年级" in refused.value.reason and refused.value.fix


@pytest.mark.parametrize("cell, name", [
    ("（2）班", "2班"), ("(2)班", "2班"), ("2班", "2班"), ("2", "2班"), (2.0, "2班"), ("02", "2班"),
    ("二班", "2班"), ("三年级（2）班", "2班"), ("3年级2班", "2班"), ("初一(2)班", "2班"),
    ("三(2)班", "2班"), ("12班", "12班"), ("十一班", "11班"), ("火箭班", "火箭班"),
    ("复式班", "复式班"),
])
def test_classes(cell, name):
    assert n.class_name(cell) == name


@pytest.mark.parametrize("cell", [
    "2015-03-02", "20150302", "2015/3/2", "2015.3.2", "2015年3月2日", "２０１５年３月２日",
    dt.date(2015, 3, 2), dt.datetime(2015, 3, 2), 20150302.0, "2015/3/2 0:00", " 2015-3-2 ",
])
def test_dates(cell):
    assert n.date(cell) == "2015-03-02"


def test_an_impossible_date_is_left_for_the_core_to_refuse():
    assert n.date("2015-02-30") == "2015-02-30"  # shaped like a date; the core says it is not one
    with pytest.raises(n.CellProblem):
        n.date(42065.0)  # an Excel serial number in a text column: not guessed


@pytest.mark.parametrize("cell, code", [("男", "1"), ("女", "2"), ("1", "1"), (2.0, "2"),
                                        ("男性", "1"), ("f", "2")])
def test_sex(cell, code):
    assert n.sex(cell) == code


@pytest.mark.parametrize("cell", [
    "５２４８２１２０１５０３０２００１Ｘ", "'52482120150302001X", "524821 20150302 001x",
    " 52482120150302001x", "‘52482120150302001X",
])
def test_id_numbers_are_folded_to_plain_text(cell):
    assert n.id_number(cell) == "52482120150302001X"


@pytest.mark.parametrize("cell", [5.2482120150302e17, 524821201503020000, 5.2e17])
def test_an_id_number_that_arrived_as_a_number_is_an_error_never_fixed(cell):
    with pytest.raises(n.CellProblem) as refused:
        n.id_number(cell)
    assert "数字格式" in refused.value.reason and "文本" in refused.value.fix
    with pytest.raises(n.CellProblem):
        n.xjh(cell)


def test_rare_characters_in_names_are_kept_exactly():
    assert n.name("王䶮") == "王䶮"
    assert n.name(" 𠅤 小明 ") == "𠅤小明"
    assert n.name("欧阳　娜娜") == "欧阳娜娜"  # the ideographic space goes
    assert n.name("阿依古丽·买买提") == "阿依古丽·买买提"


@pytest.mark.parametrize("cell", ["王?", "王？", "王\ufffd"])
def test_a_question_mark_in_a_name_is_a_character_lost_by_gbk(cell):
    with pytest.raises(n.CellProblem) as refused:
        n.name(cell)
    assert "生僻字" in refused.value.reason


def test_codes_and_small_tables():
    assert n.ethnicity("汉") == n.ethnicity("汉族") == n.ethnicity(1.0) == "01"
    assert n.ethnicity("苗族") == "06"
    assert n.id_type("居民身份证") == n.id_type("1") == n.id_type(1.0) == "1"
    assert n.boarding_mode("住校") is True and n.boarding_mode("1") is False
    assert n.boolean("是") is True and n.boolean("否") is False and n.boolean("√") is True
    assert n.left_behind("双亲留守") == "2" and n.left_behind("非留守") == "0"
    assert n.disability("无") == "" and n.disability("肢体残疾") == "4"
    assert n.relation("奶奶") == "grandmother" and n.relation("邻居") == "other"
    assert n.month("201509") == n.month("2015年9月") == n.month(dt.date(2015, 9, 7)) == "2015-09-01"
    with pytest.raises(n.CellProblem):
        n.left_behind("是")  # which parent is away? not guessed


def test_phones_survive_as_numbers_only_when_nothing_was_lost():
    assert n.phone(13812345678.0) == "13812345678"
    assert n.phone("0854－1234567") == "0854-1234567"
    with pytest.raises(n.CellProblem):
        n.phone(8541234567.0)  # a landline that lost its leading 0


# --- the header ----------------------------------------------------------------------------


def test_header_aliases_tolerate_stars_brackets_and_format_hints():
    assert field_for("姓名★") == field_for("*姓名") == field_for("姓名（必填）") == "name"
    assert field_for("出生日期(YYYYMMDD)") == "birth_date"
    assert field_for("身份证件号") == field_for("身份证号码") == "id_number"
    assert field_for("村（居）") == "village_name"
    assert field_for("学籍辅号") is None and field_for("错误说明") is None


def test_the_header_is_found_under_a_merged_title_and_a_note():
    rows = [["某某学校学生花名册", "", ""], ["填报日期：2026年9月1日", "", ""],
            ["姓名", "身份证号", "年级"], ["张三", "x", "3"]]
    header = find_header(rows, first_column=1)
    assert header.row == 3
    assert [(c.letter, c.field) for c in header.columns] == [
        ("B", "name"), ("C", "id_number"), ("D", "grade")]


def test_a_group_row_tells_the_two_name_columns_apart():
    rows = [["基本信息", "", "", "", "监护人", ""],
            ["姓名", "身份证号", "年级", "班级", "姓名", "电话"]]
    header = find_header(rows)
    assert [c.field for c in header.columns] == [
        "name", "id_number", "grade", "class_name", "guardian1_name", "guardian1_phone"]
    assert header.columns[4].header == "监护人姓名"


def test_a_mapping_overrides_the_automatic_choice():
    rows = [["学生", "证号", "年级", "学籍号"]]
    with pytest.raises(InputRefused):
        find_header(rows)
    header = find_header(rows, mapping={"学生": "name", "证号": "id_number"})
    assert [c.field for c in header.columns] == ["name", "id_number", "grade", "xjh"]
    header = find_header(rows, mapping={"学生": "name", "证号": None})
    assert header.column_for("id_number") is None and header.column_for("xjh") is not None


def test_a_mapping_cannot_give_one_field_two_columns():
    with pytest.raises(InputRefused, match="两列"):
        find_header([["姓名", "学生", "身份证号", "年级"]], mapping={"学生": "name", "姓名": "name"})


def test_without_a_grade_column_the_file_is_refused_by_name():
    with pytest.raises(InputRefused, match="年级"):
        find_header([["姓名", "身份证号", "性别"]])


def test_column_letters():
    assert [column_letter(i) for i in (0, 25, 26, 27, 701, 702)] == [
        "A", "Z", "AA", "AB", "ZZ", "AAA"]


@pytest.mark.parametrize("module", ["readers", "header", "normalise"])
def test_the_file_side_of_the_import_knows_nothing_of_the_ledger(module):
    """readers, header and normalise turn bytes into values: no store, services or ledger."""
    import ast
    from pathlib import Path

    import dropout_ledger.importing as package

    source = (Path(package.__file__).parent / f"{module}.py").read_text(encoding="utf-8")
    imported = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom) and node.module:
            imported.add(node.module)
        elif isinstance(node, ast.Import):
            imported.update(alias.name for alias in node.names)
    forbidden = ("dropout_ledger.store", "dropout_ledger.services", "dropout_ledger.ledger",
                 "dropout_ledger.importing.plan", "dropout_ledger.importing.apply")
    assert not {m for m in imported if m.startswith(forbidden)}
