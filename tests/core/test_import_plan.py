"""Roster import, the check: every row's problems with the spreadsheet's row number, the column's
own header and a Chinese reason; pupils matched to the ledger by ID number, then 学籍号."""

import json
import re
from pathlib import Path

import pytest
from conftest import TODAY, dump
from openpyxl import Workbook

from dropout_ledger.importing import command, plan_import
from dropout_ledger.model.identity import parse_id_number
from dropout_ledger.model.status import Status

DATA = Path(__file__).resolve().parents[1] / "data" / "import"
EXPECTED = json.loads((DATA / "expected.json").read_text(encoding="utf-8"))
_CJK = re.compile(r"[\u4e00-\u9fff]")


def _by_row(plan, severity):
    found: dict[str, list[str]] = {}
    for p in plan.problems:
        if p.severity == severity:
            found.setdefault(str(p.row), []).append(p.column)
    return found


def test_the_messy_export_reports_exactly_the_bad_rows(ledger):
    plan = plan_import(ledger, DATA / "messy.xlsx")
    want = EXPECTED["messy"]
    assert plan.header.row == 3 and plan.sheet == "学生基础信息"
    assert _by_row(plan, "error") == want["errors"]
    assert _by_row(plan, "warning") == want["warnings"]
    assert len(plan.rows) == want["rows"] and plan.skipped == len(want["skipped"])
    assert {str(r.row) for r in plan.rows if r.action == "error"} == set(want["errors"])
    assert plan.valid == want["rows"] - len(want["errors"]) == plan.count("create")
    assert not {r.row for r in plan.rows} & set(want["skipped"])  # blank row, total, signatures


def test_every_problem_says_where_and_why_in_chinese(ledger):
    plan = plan_import(ledger, DATA / "messy.xlsx")
    for problem in plan.problems:
        assert problem.row > 3 and problem.column and _CJK.search(problem.reason)
        assert problem.column in {c.header for c in plan.header.columns}


def test_an_id_that_arrived_as_a_number_is_an_error_that_says_so(ledger):
    plan = plan_import(ledger, DATA / "messy.xlsx")
    reasons = {p.row: p.reason for p in plan.problems}
    assert "数字格式" in reasons[15] and "科学计数法" in reasons[16]
    assert "校验" in reasons[13] and "2015-02-30" in reasons[14]


def test_the_quirks_fold_onto_one_value(ledger):
    plan = plan_import(ledger, DATA / "messy.xlsx")
    rows = {r.row: r.values for r in plan.rows}
    assert [rows[n]["grade"] for n in range(4, 9)] == [3, 3, 7, 7, 3]
    assert [rows[n]["class_name"] for n in range(4, 8)] == ["2班"] * 4
    for n in range(4, 9):  # every date spelling gave the date inside the ID number
        info = parse_id_number(rows[n]["id_number"], today=TODAY.date())
        assert rows[n]["birth_date"] == info.birth_date.isoformat()
    assert rows[6]["id_number"].endswith("X") and rows[6]["xjh"] == "G" + rows[6]["id_number"]
    assert rows[7]["boarding"] is True and rows[7]["left_behind"] == "2"
    assert rows[8]["ethnicity"] == "01"
    assert (rows[9]["name"], rows[10]["name"], rows[11]["name"]) == ("王䶮", "𠅤小明", "欧阳娜娜")
    assert rows[20]["birth_date"] != "" and "birth_date" in rows[20]  # the ID's, with a warning


def test_no_full_id_number_is_ever_printed(ledger, add_student):
    add_student()  # on the roll and missing from the file: listed, masked
    plan = plan_import(ledger, DATA / "messy.xlsx")
    outputs = [json.dumps(command.summary(plan, None), ensure_ascii=False),
               command.describe(plan, None)]
    assert plan.missing
    for text in outputs:
        assert not re.search(r"\d{12,}", text), text


def _roster(path: Path, rows: list[list[object]],
            header=("姓名", "身份证号", "全国学籍号", "年级", "班级")) -> Path:
    book = Workbook()
    book.active.append(list(header))
    for row in rows:
        book.active.append(row)
    book.save(path)
    return path


def _row(student: dict, **over) -> list[object]:
    values = {"name": student["name"], "id_number": student["id_number"], "xjh": student["xjh"],
              "grade": student["grade"], "class_name": student["class_name"]} | over
    return [values["name"], values["id_number"], values["xjh"], values["grade"],
            values["class_name"]]


def test_pupils_are_matched_by_id_number_then_by_xjh(ledger, add_student, tmp_path):
    a = ledger.students.require(add_student(grade=4, class_name="1班"))
    b = ledger.students.require(add_student(grade=4, class_name="1班"))
    c = ledger.students.require(add_student(grade=4, class_name="1班"))
    path = _roster(tmp_path / "r.xlsx", [
        _row(a, class_name="2班"),             # by ID: class changed
        _row(b, id_number=""),                 # by 学籍号 only
        _row(c),                               # nothing changed
    ])
    plan = plan_import(ledger, path)
    actions = [(r.action, r.student_id) for r in plan.rows]
    assert actions == [("update", a["id"]), ("unchanged", b["id"]), ("unchanged", c["id"])]
    assert plan.rows[0].values == {"class_name": "2班"}
    assert plan.missing == []


def test_an_id_of_one_pupil_with_the_xjh_of_another_is_an_error(ledger, add_student, tmp_path):
    a = ledger.students.require(add_student())
    b = ledger.students.require(add_student())
    path = _roster(tmp_path / "r.xlsx", [_row(a, xjh=b["xjh"])])
    plan = plan_import(ledger, path)
    assert plan.errors == 1 and plan.problems[0].column == "全国学籍号"
    assert a["name"] in plan.problems[0].reason and b["name"] in plan.problems[0].reason


def test_pupils_on_the_roll_missing_from_the_file_are_listed_not_removed(
        ledger, add_student, tmp_path):
    kept = ledger.students.require(add_student())
    gone = ledger.students.require(add_student(grade=6))
    left = add_student(grade=6)
    ledger.status.change(left, Status.TRANSFERRED_OUT, effective_date="2026-10-01")
    before = dump(ledger)
    plan = plan_import(ledger, _roster(tmp_path / "r.xlsx", [_row(kept)]))
    assert [m.student_id for m in plan.missing] == [gone["id"]]  # not the one who left
    missing = plan.missing[0]
    assert missing.name == gone["name"] and "*" in missing.id_masked
    assert missing.id_masked[:6] == gone["id_number"][:6] and missing.status_label == "在校"
    assert dump(ledger) == before


def test_a_pupil_who_left_but_is_still_in_the_file_is_a_warning(ledger, add_student, tmp_path):
    left = add_student()
    ledger.status.change(left, Status.TRANSFERRED_OUT, effective_date="2026-10-01")
    plan = plan_import(ledger, _roster(tmp_path / "r.xlsx", [_row(ledger.students.require(left))]))
    assert plan.rows[0].action == "unchanged" and plan.warnings == 1
    assert "转出" in plan.problems[0].reason and plan.problems[0].severity == "warning"


def test_a_birth_date_column_that_disagrees_with_the_id_is_a_warning(ledger, factory, tmp_path):
    p = factory.student(grade=3, today=TODAY.date())
    path = _roster(tmp_path / "r.xlsx", [[p["name"], p["id_number"], 3, "2000-01-01"]],
                   header=("姓名", "身份证号", "年级", "出生日期"))
    plan = plan_import(ledger, path)
    assert plan.rows[0].action == "create" and plan.rows[0].values["birth_date"] == p["birth_date"]
    assert [(x.column, x.severity) for x in plan.problems] == [("出生日期", "warning")]


def test_a_sex_that_contradicts_the_id_is_the_cores_error(ledger, factory, tmp_path):
    p = factory.student(grade=3, today=TODAY.date(), sex="1")
    path = _roster(tmp_path / "r.xlsx", [[p["name"], p["id_number"], 3, "女"]],
                   header=("姓名", "身份证号", "年级", "性别"))
    plan = plan_import(ledger, path)
    assert plan.errors == 1 and "第17位" in plan.problems[0].reason


@pytest.mark.parametrize("header", [("姓名", "身份证号", "年级"), ("姓名", "全国学籍号", "年级")])
def test_one_number_is_enough_to_match(ledger, add_student, tmp_path, header):
    s = ledger.students.require(add_student(grade=5))
    key = s["id_number"] if header[1] == "身份证号" else s["xjh"]
    plan = plan_import(ledger, _roster(tmp_path / "r.xlsx", [[s["name"], key, 5]], header=header))
    assert [(r.action, r.student_id) for r in plan.rows] == [("unchanged", s["id"])]


def test_a_header_repeated_on_every_printed_page_is_skipped(ledger, factory, tmp_path):
    rows: list[list[object]] = []
    for page in range(3):
        if page:
            rows.append(["姓名", "身份证号", "全国学籍号", "年级", "班级"])
        for _ in range(4):
            p = factory.student(grade=2, today=TODAY.date())
            rows.append([p["name"], p["id_number"], p["xjh"], 2, p["class_name"]])
    plan = plan_import(ledger, _roster(tmp_path / "r.xlsx", rows))
    assert plan.count("create") == 12 and plan.skipped == 2 and plan.errors == 0
