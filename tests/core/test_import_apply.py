"""Roster import, the write: all or nothing, after a backup; the same file twice changes nothing;
a newer roster updates fields as events and never deletes; random bad cells never crash it."""

import datetime as dt
import hashlib
import json
import shutil
from pathlib import Path

import pytest
from conftest import SCHOOL_CODE, TODAY, dump, event_count
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook

from dropout_ledger.errors import InputRefused
from dropout_ledger.importing import (
    ImportCancelled,
    RowsRefused,
    StalePlan,
    apply_import,
    plan_import,
    write_report,
)
from dropout_ledger.importing.header import Header, find_header
from dropout_ledger.importing.plan import _RowChecker
from dropout_ledger.ledger import Ledger
from dropout_ledger.services import undo

DATA = Path(__file__).resolve().parents[1] / "data" / "import"
EXPECTED = json.loads((DATA / "expected.json").read_text(encoding="utf-8"))


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_an_error_in_the_last_row_leaves_the_ledger_byte_identical(ledger, add_student,
                                                                   ledger_path, clock):
    add_student()
    ledger.close()
    before = _sha(ledger_path)
    with Ledger.open(ledger_path, clock=clock) as opened:
        plan = plan_import(opened, DATA / "last_row_error.xlsx")
        assert plan.errors == 1 and plan.rows[-1].action == "error" and plan.count("create") == 19
        with pytest.raises(RowsRefused, match="1 行有错误"):
            apply_import(opened, plan)
    assert _sha(ledger_path) == before
    # Refused before the backup: no import snapshot (the day's snapshot on opening may exist).
    assert not list((ledger_path.parent / "备份").glob("*.import-*"))


def test_skip_invalid_imports_the_valid_rows_after_a_backup(ledger, add_student):
    add_student()
    events = event_count(ledger)
    plan = plan_import(ledger, DATA / "last_row_error.xlsx")
    result = apply_import(ledger, plan, skip_invalid=True)
    assert (result.created, result.updated, result.skipped_errors) == (19, 0, 1)
    assert result.backup is not None and result.backup.exists()
    with Ledger.open(result.backup) as saved:  # the backup is the ledger before the import
        assert saved.queries.count("all") == 1
    assert ledger.queries.count("all") == 20
    assert event_count(ledger) == events + 19 * 2 + 1  # create + status each, one audit event
    audit = ledger.conn.execute("SELECT body FROM events WHERE kind = 'audit'").fetchall()
    assert any(b'"import_roster"' in body for (body,) in audit)


def test_importing_the_same_file_twice_changes_nothing(ledger):
    apply_import(ledger, plan_import(ledger, DATA / "clean.xlsx"))
    before, events = dump(ledger), event_count(ledger)
    plan = plan_import(ledger, DATA / "clean.xlsx")
    assert plan.count("unchanged") == 30 and plan.count("create") == plan.count("update") == 0
    result = apply_import(ledger, plan)
    assert (result.created, result.updated, result.unchanged, result.backup) == (0, 0, 30, None)
    assert event_count(ledger) == events and dump(ledger) == before


@pytest.mark.parametrize("name", ["clean_utf8.csv", "clean_utf16.txt", "roster.ods", "roster.xls"])
def test_the_same_roster_in_another_format_is_the_same_roster(ledger, name):
    apply_import(ledger, plan_import(ledger, DATA / "clean.xlsx"))
    plan = plan_import(ledger, DATA / name)
    assert plan.count("create") == plan.count("update") == plan.errors == 0


def _edited_copy(source: Path, out: Path, edits) -> Path:
    book = load_workbook(source)
    edits(book.active)
    book.save(out)
    return out


def test_a_newer_roster_updates_fields_as_events_and_never_deletes(ledger, tmp_path):
    apply_import(ledger, plan_import(ledger, DATA / "clean.xlsx"))
    pupils = EXPECTED["clean"]

    def edits(sheet):
        sheet["I3"] = "9班"          # row 3 = first pupil: class changed
        sheet["H4"] = "九年级"       # second pupil: grade changed (an age warning too)
        sheet["K5"] = ""             # third pupil: a blank cell never clears a value
        sheet.delete_rows(6)         # fourth pupil: no longer in the file

    newer = _edited_copy(DATA / "clean.xlsx", tmp_path / "newer.xlsx", edits)
    plan = plan_import(ledger, newer)
    assert (plan.count("update"), plan.count("unchanged"), plan.count("create")) == (2, 27, 0)
    assert [m.name for m in plan.missing] == [pupils[3]["name"]]
    events = event_count(ledger)
    result = apply_import(ledger, plan)
    assert (result.created, result.updated) == (0, 2)
    assert event_count(ledger) == events + 2 + 1  # one update event per changed pupil, one audit
    first = ledger.queries.find_student(id_number=pupils[0]["id_number"])
    second = ledger.queries.find_student(id_number=pupils[1]["id_number"])
    third = ledger.queries.find_student(id_number=pupils[2]["id_number"])
    fourth = ledger.queries.find_student(id_number=pupils[3]["id_number"])
    assert first["class_name"] == "9班" and second["grade"] == 9
    assert third["guardians"]  # kept although its cell was blank
    assert fourth is not None and fourth["status"] == "enrolled"  # never deleted
    kinds = [k for (k,) in ledger.conn.execute(
        "SELECT kind FROM events WHERE ent = ? ORDER BY lc", (f"student:{first['id']}",))]
    assert kinds == ["student_create", "status", "update"]


def test_undo_takes_back_a_whole_import(ledger):
    apply_import(ledger, plan_import(ledger, DATA / "clean.xlsx"))
    assert ledger.queries.count("all") == 30
    undo.undo_last(ledger)
    assert ledger.queries.count("all") == 0


def test_a_plan_is_applied_only_to_the_ledger_it_was_checked_against(ledger, add_student):
    plan = plan_import(ledger, DATA / "clean.xlsx")
    add_student()
    before = dump(ledger)
    with pytest.raises(StalePlan, match="重新检查"):
        apply_import(ledger, plan)
    assert dump(ledger) == before


def test_cancelling_rolls_the_whole_import_back(ledger, tmp_path, factory):
    rows = [[p["name"], p["id_number"], p["grade"]]
            for p in (factory.student(grade=3, today=TODAY.date()) for _ in range(1200))]
    book = Workbook()
    book.active.append(["姓名", "身份证号", "年级"])
    for row in rows:
        book.active.append(row)
    book.save(tmp_path / "big.xlsx")
    plan = plan_import(ledger, tmp_path / "big.xlsx")
    before = dump(ledger)
    seen = []

    def progress(done, total):
        seen.append(done)
        return done < 1000

    with pytest.raises(ImportCancelled):
        apply_import(ledger, plan, progress=progress)
    assert seen == [500, 1000] and dump(ledger) == before


def test_the_report_explains_each_row_and_can_be_corrected_and_imported_again(ledger, tmp_path):
    plan = plan_import(ledger, DATA / "messy.xlsx")
    out = write_report(plan, tmp_path / "检查报告.xlsx")
    book = load_workbook(out)
    sheet = book["导入检查"]
    header = [c.value for c in sheet[1]]
    assert header[-2:] == ["错误说明", "原行号"] and header[1] == "姓名★"
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert len(rows) == len(plan.rows)
    by_source = {r[-1]: r for r in rows}
    assert by_source[13][-2].startswith("错误：【身份证件号】")
    assert by_source[20][-2].startswith("提醒：【出生日期】")
    assert by_source[4][-2] is None
    id_cells = [sheet.cell(row=i, column=7) for i in range(2, sheet.max_row + 1)]
    assert all(c.data_type == "s" and c.number_format == "@" for c in id_cells if c.value)
    assert book.sheetnames == ["导入检查", "在籍不在校"]

    # The principal fixes the file: she deletes the rows in error and imports the report.
    errors = [i for i, r in enumerate(rows, start=2) if r[-2] and r[-2].startswith("错误")]
    for index in reversed(errors):
        sheet.delete_rows(index)
    book.save(tmp_path / "改正后.xlsx")
    again = plan_import(ledger, tmp_path / "改正后.xlsx")
    assert again.errors == 0 and again.count("create") == plan.count("create")
    assert [c.field for c in again.header.columns][-2:] == [None, None]


def test_the_report_has_every_missing_pupil_masked(ledger, add_student, tmp_path):
    add_student()
    plan = plan_import(ledger, DATA / "clean.xlsx")
    book = load_workbook(write_report(plan, tmp_path / "r.xlsx"))
    missing = list(book["在籍不在校"].iter_rows(min_row=2, values_only=True))
    assert len(missing) == 1 and "*" in missing[0][3]


def test_the_report_refuses_to_overwrite_the_roster(ledger, tmp_path):
    copy = tmp_path / "名单.xlsx"
    shutil.copyfile(DATA / "clean.xlsx", copy)
    plan = plan_import(ledger, copy)
    with pytest.raises(InputRefused, match="覆盖"):
        write_report(plan, copy)


# --- random bad cells never crash the importer ------------------------------------------------

_TRICKY = st.sampled_from([
    "5.2E+17", "5.24821E+17", "2015-02-30", "20151301", "初十", "（２）班", "'", "’", "G", "J" * 19,
    "L" + "9" * 18, "52482120150302001X", "524821201503020010", "男女", "?", "\ufffd", "䶮",
    "𠅤", "０", "-1", "1e308", "NaN", "TRUE", "#N/A", "=1+1", "\u3000", "2015年13月1日", "99班",
])
_CELL = st.one_of(
    st.none(), _TRICKY, st.text(max_size=25),
    st.floats(allow_nan=True, allow_infinity=True), st.integers(min_value=-10**20,
                                                                 max_value=10**20),
    st.booleans(), st.dates(), st.datetimes(), st.times(), st.timedeltas(),
)
_HEADER = ["姓名", "性别", "出生日期", "民族", "身份证件类型", "身份证号", "全国学籍号", "年级", "班级",
           "入学年月", "就读方式", "是否留守儿童", "监护人姓名", "监护人关系", "联系电话", "是否孤儿",
           "残疾类型", "村（居）区划代码", "备注"]


def _checker(ledger: Ledger) -> tuple[_RowChecker, Header]:
    header = find_header([_HEADER])
    return _RowChecker(ledger, header, 0, set()), header


@settings(max_examples=300, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=st.lists(st.lists(_CELL, min_size=0, max_size=len(_HEADER) + 2), min_size=1,
                     max_size=4))
def test_random_cells_never_crash_the_check(ledger, rows):
    checker, _ = _checker(ledger)
    for number, cells in enumerate(rows, start=2):
        checker.check(number, cells)
    for planned in checker.rows:
        assert planned.action in ("create", "update", "unchanged", "error")
        if planned.action == "error":
            assert any(p.row == planned.row and p.severity == "error" for p in checker.problems)
    for problem in checker.problems:
        assert problem.reason


_TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=20)
_XLSX_CELL = st.one_of(st.none(), _TRICKY, _TEXT, st.floats(allow_nan=False,
                                                             allow_infinity=False),
                       st.integers(min_value=-10**15, max_value=10**15), st.booleans(),
                       st.dates(min_value=dt.date(1900, 3, 1)))


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=st.lists(st.lists(_XLSX_CELL, min_size=len(_HEADER), max_size=len(_HEADER)),
                     min_size=1, max_size=5),
       title=st.booleans())
def test_random_spreadsheets_are_planned_and_applied_or_refused_never_crash(
        ledger, tmp_path_factory, factory, rows, title):
    path = tmp_path_factory.mktemp("h") / "random.xlsx"
    book = Workbook()
    if title:
        book.active.append(["随机名单"])
    book.active.append(_HEADER)
    good = factory.student(grade=4, today=TODAY.date())
    book.active.append([good["name"], "", "", "", "", good["id_number"], good["xjh"], 4])
    for row in rows:
        book.active.append(row)
    book.save(path)
    try:
        plan = plan_import(ledger, path)
        apply_import(ledger, plan, skip_invalid=True)
    except InputRefused as refused:  # ValidationError is one of these
        assert refused.message
    assert ledger.queries.count("all") >= 0


def test_a_ledger_made_by_import_verifies(ledger):
    from dropout_ledger.store import verify

    apply_import(ledger, plan_import(ledger, DATA / "messy.xlsx"), skip_invalid=True)
    checks = verify.verify(ledger.conn, ledger.path)
    assert all(c.ok for c in checks), [c.problems for c in checks]
    assert ledger.org.code == SCHOOL_CODE
