"""四查三比对, storing a list: one transaction or nothing; bad rows refused row by row in Chinese;
the same file twice refused; an undone import leaves no list; the ledger still verifies."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import TODAY, dump, event_count
from openpyxl import Workbook
from reconcile_fixtures import HEADER, person, write_list

from dropout_ledger.errors import InputRefused
from dropout_ledger.importing.apply import StalePlan
from dropout_ledger.reconcile import (
    ListRefused,
    check_list,
    list_rows,
    save_list,
    stored_list,
    stored_lists,
)
from dropout_ledger.services.undo import undo_last
from dropout_ledger.store.verify import verify


def _pupil(ledger, add_student, **overrides):
    return ledger.queries.student(add_student(**overrides))


def test_a_list_is_stored_with_every_row_and_its_match(ledger, add_student, factory,
                                                       tmp_path: Path):
    pupil = _pupil(ledger, add_student)
    stranger = factory.student(grade=4, today=TODAY.date())
    path = write_list(tmp_path / "石门村.xlsx", [person(pupil), person(stranger)])
    plan = check_list(ledger, path, kind="household", title="石门村户籍儿童")
    changes = save_list(ledger, plan)
    list_id = changes.created[0]
    assert changes.students == {pupil["id"]}

    info = stored_list(ledger, list_id)
    assert (info.title, info.kind, info.file_name, info.rows) == \
        ("石门村户籍儿童", "household", "石门村.xlsx", 2)
    assert info.header_row == 2 and info.text_columns == ("E",)
    assert [s.list_id for s in stored_lists(ledger)] == [list_id]

    rows = list_rows(ledger, list_id)
    assert [(r.list_row, r.name, r.method) for r in rows] == [
        (3, pupil["name"], "id"), (4, stranger["name"], "none")]
    assert rows[0].pupil is not None and rows[0].pupil.student_id == pupil["id"]
    assert rows[1].pupil is None and rows[1].id_number == stranger["id_number"]
    assert all(check.ok for check in verify(ledger.conn, ledger.path))


def test_a_list_with_bad_rows_is_refused_row_by_row_and_stores_nothing(
        ledger, add_student, tmp_path: Path):
    good = _pupil(ledger, add_student)
    bad_id = _pupil(ledger, add_student)
    book = Workbook()
    sheet = book.active
    sheet.append(["坪坝镇石门村2026年户籍适龄儿童名单"])
    sheet.append(HEADER)
    sheet.append([1, *person(good)])
    sheet.append([2, *person(bad_id, id_number=int(bad_id["id_number"][:15]) * 1000)])
    sheet.append([3, None, "男", "2016-03-02", "", "石门村三组", "李四", ""])
    sheet.append([4, "刘洋", "男", "2016年13月40日", "", "石门村三组", "李四", ""])
    path = tmp_path / "bad.xlsx"
    book.save(path)
    before = dump(ledger)

    plan = check_list(ledger, path)
    assert plan.errors == 3
    errors = {p.row: (p.column, p.reason) for p in plan.problems if p.severity == "error"}
    assert errors[4][0] == "身份证号" and "数字格式" in errors[4][1]
    assert errors[5] == ("姓名", "姓名是空的")
    assert errors[6][0] == "出生日期" and "2016年13月40日" in errors[6][1]
    with pytest.raises(ListRefused) as refused:
        save_list(ledger, plan)
    message = refused.value.message
    assert "整份名单没有导入" in message
    assert message.index("第4行") < message.index("第5行") < message.index("第6行")
    assert "“身份证号”列" in message and "姓名是空的" in message
    assert dump(ledger) == before


def test_the_same_file_twice_is_refused(ledger, add_student, tmp_path: Path):
    path = write_list(tmp_path / "l.xlsx", [person(_pupil(ledger, add_student))])
    save_list(ledger, check_list(ledger, path))
    count = event_count(ledger)
    with pytest.raises(InputRefused, match="已于2026-11-22导入"):
        save_list(ledger, check_list(ledger, path))
    assert event_count(ledger) == count


def test_a_plan_checked_before_another_write_must_be_checked_again(
        ledger, add_student, tmp_path: Path):
    plan = check_list(ledger, write_list(tmp_path / "l.xlsx",
                                         [person(_pupil(ledger, add_student))]))
    add_student()
    with pytest.raises(StalePlan):
        save_list(ledger, plan)


def test_undo_takes_a_whole_list_back(ledger, add_student, tmp_path: Path):
    path = write_list(tmp_path / "l.xlsx", [person(_pupil(ledger, add_student))])
    list_id = save_list(ledger, check_list(ledger, path)).created[0]
    undo_last(ledger)
    assert stored_lists(ledger) == [] and list_rows(ledger, list_id) == []


def test_a_list_without_a_usable_header_is_refused_in_chinese(ledger, tmp_path: Path):
    path = write_list(tmp_path / "h.xlsx", [["张三", "男"]], header=["序号", "姓名", "性别"])
    with pytest.raises(InputRefused, match="找不到名单的表头"):
        check_list(ledger, path)
    with pytest.raises(InputRefused, match="名单类别"):
        check_list(ledger, path, kind="roster")


def test_a_gbk_csv_list_and_list_only_headers(ledger, add_student, tmp_path: Path):
    pupil = _pupil(ledger, add_student)
    path = tmp_path / "低保.csv"
    path.write_bytes(("儿童姓名,儿童身份证号,户主\n"
                      f"{pupil['name']},{pupil['id_number']},王大山\n").encode("gb18030"))
    plan = check_list(ledger, path, kind="poverty")
    assert plan.file_kind == "csv" and plan.encoding == "gb18030"
    assert [(m.method, m.student_id) for m in plan.matches] == [("id", pupil["id"])]
    assert {c.header: c.field for c in plan.header.columns}["儿童身份证号"] == "id_number"
