"""The operation log: every export, print, import, restore and backup writes one `audit` event,
a failed one writes none, and the log reads back in Chinese with IDs masked, on screen and paper.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path

import pytest
from conftest import TODAY
from reconcile_fixtures import person, write_list
from test_export_template import MAPPING, make_template

from dropout_ledger import exporting, printing
from dropout_ledger.clock import FrozenClock
from dropout_ledger.errors import InputRefused
from dropout_ledger.importing import apply_import, plan_import
from dropout_ledger.ledger import Ledger, restore
from dropout_ledger.reconcile import check_list, export_checked, save_list
from dropout_ledger.services import audit, backups
from dropout_ledger.store.events import decode_row

IMPORT = Path(__file__).resolve().parents[1] / "data" / "import"


def logged(ledger: Ledger) -> list[dict]:
    """Every audit event's body, oldest first."""
    rows = ledger.conn.execute(
        "SELECT eid, hdr, body FROM events WHERE kind = 'audit' ORDER BY lc").fetchall()
    return [decode_row(*row).body for row in rows]


def only_new(ledger: Ledger, before: int) -> dict:
    bodies = logged(ledger)
    assert len(bodies) == before + 1, bodies
    return bodies[-1]


# --- one test per action ---------------------------------------------------------------------


def test_a_roster_export_is_logged_with_what_it_disclosed(ledger, add_student, tmp_path):
    add_student()
    exporting.export_roster(ledger, "all", tmp_path / "all.xlsx", role="principal",
                            full_ids=True, search="")
    body = only_new(ledger, 0)
    assert body == {"action": "export", "view": "all", "rows": 1, "file": "all.xlsx",
                    "full_ids": True, "restricted": False, "search": False}


def test_a_statistics_export_is_logged(ledger, add_student, tmp_path):
    add_student()
    exporting.export_stats(ledger, tmp_path / "stats.xlsx")
    assert only_new(ledger, 0)["view"] == "stats"


def test_a_county_template_export_is_logged(ledger, add_student, tmp_path):
    add_student()
    template = make_template(tmp_path / "county.xlsx")
    exporting.export_template(ledger, "all", template, tmp_path / "filled.xlsx",
                              role="principal", mapping=MAPPING)
    body = only_new(ledger, 0)
    assert body["template"] == "county.xlsx" and body["rows"] == 1


def test_a_checked_list_export_and_its_import_are_logged(ledger, add_student, tmp_path):
    pupil = ledger.queries.student(add_student())
    path = write_list(tmp_path / "village.xlsx", [person(pupil)])
    list_id = save_list(ledger, check_list(ledger, path)).created[0]
    imported = only_new(ledger, 0)
    assert imported["action"] == "import_list" and imported["rows"] == 1
    export_checked(ledger, list_id, tmp_path / "back.xlsx")
    assert only_new(ledger, 1)["view"] == "checked_list"


def test_a_roster_import_is_logged(ledger):
    apply_import(ledger, plan_import(ledger, IMPORT / "clean.xlsx"))
    body = only_new(ledger, 0)
    assert body["action"] == "import_roster" and body["created"] > 0


def test_a_print_is_logged_with_its_selection(ledger, add_student, tmp_path):
    add_student()
    printing.print_form(ledger, printing.PrintRequest(form="ledger", view="all"),
                        tmp_path / "tz.pdf")
    body = only_new(ledger, 0)
    assert (body["action"], body["form"], body["view"]) == ("print", "ledger", "all")
    assert "full_ids" not in body  # only what was chosen is recorded


def test_a_backup_to_a_file_is_logged(ledger, tmp_path):
    ledger.backup(tmp_path / "copy.sqlite")
    assert only_new(ledger, 0) == {"action": "backup", "file": "copy.sqlite"}


def test_a_backup_to_the_stick_is_logged(ledger, tmp_path):
    out = backups.backup_to_folder(ledger, tmp_path)
    assert only_new(ledger, 0)["file"] == out.name


def test_a_backup_now_is_logged(ledger):
    taken = backups.backup_now(ledger)
    assert only_new(ledger, 0) == {"action": "backup_now", "file": taken.name}


def test_a_restore_from_the_command_line_is_logged(ledger, ledger_path, add_student, tmp_path):
    add_student()
    ledger.backup(tmp_path / "b.sqlite")
    ledger.close()
    restore(ledger_path, tmp_path / "b.sqlite")
    with Ledger.open(ledger_path) as again:
        body = logged(again)[-1]
    assert body["action"] == "restore" and body["file"] == "b.sqlite"
    assert isinstance(body["parent_seq"], int)


def test_a_restore_in_the_app_is_logged(ledger, add_student, tmp_path):
    add_student()
    ledger.backup(tmp_path / "b.sqlite")
    backups.restore_from(ledger, tmp_path / "b.sqlite")
    assert logged(ledger)[-1]["action"] == "restore"


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_a_failed_export_is_not_logged(ledger, add_student, tmp_path):
    add_student()
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(InputRefused):
            exporting.export_roster(ledger, "all", folder / "all.xlsx", role="principal")
    finally:
        folder.chmod(0o700)
    assert logged(ledger) == []


def test_an_export_whose_save_fails_is_not_logged(ledger, add_student, tmp_path, monkeypatch):
    """The file is written inside the audit's transaction: no file, no entry (and no file
    under its final name when the disk fills up)."""
    add_student()
    from dropout_ledger.exporting import roster

    def full(workbook, out):
        raise InputRefused("磁盘已满")

    monkeypatch.setattr(roster, "save_workbook", full)
    with pytest.raises(InputRefused):
        exporting.export_roster(ledger, "all", tmp_path / "all.xlsx", role="principal")
    assert logged(ledger) == [] and not (tmp_path / "all.xlsx").exists()


def test_no_audit_body_holds_an_id_number_or_a_name(ledger, add_student, tmp_path):
    sid = add_student()
    pupil = ledger.queries.student(sid)
    printing.print_form(ledger, printing.PrintRequest(form="register", student=sid),
                        tmp_path / "r.pdf")
    exporting.export_roster(ledger, "all", tmp_path / "a.xlsx", role="principal",
                            search=pupil["name"])
    for body in logged(ledger):
        text = str(body)
        assert pupil["id_number"] not in text and pupil["name"] not in text
        assert not re.search(r"\d{17}[\dX]", text)


# --- reading the log -------------------------------------------------------------------------


def test_entries_read_back_in_chinese_newest_first_with_ids_masked(ledger, add_student,
                                                                    tmp_path):
    sid = add_student()
    pupil = ledger.queries.student(sid)
    printing.print_form(ledger, printing.PrintRequest(form="register", student=sid),
                        tmp_path / "r.pdf")
    exporting.export_stats(ledger, tmp_path / "s.xlsx")
    found = audit.entries(ledger)
    assert [e.label for e in found] == ["导出Excel", "打印"]
    register = found[1]
    assert register.operator == "本机用户" and register.date == TODAY.date()
    assert pupil["name"] in register.detail and "辍学学生劝返复学登记表" in register.detail
    assert pupil["id_number"] not in register.detail
    assert pupil["id_number"][:6] + "********" in register.detail
    assert audit.actions_present(ledger) == ["export", "print"]


def test_entries_filter_by_date_and_action(ledger_path, ledger, add_student, tmp_path):
    add_student()
    ledger.close()
    for day in (1, 15, 28):
        clock = FrozenClock(dt.datetime(2026, 10, day, 9, 0))
        with Ledger.open(ledger_path, clock=clock) as opened:
            exporting.export_stats(opened, tmp_path / f"s{day}.xlsx")
            opened.backup(tmp_path / f"b{day}.sqlite")
    with Ledger.open(ledger_path) as opened:
        october = audit.entries(opened, start=dt.date(2026, 10, 10),
                                end=dt.date(2026, 10, 28))
        assert [e.date.day for e in october] == [28, 28, 15, 15]
        exports = audit.entries(opened, actions={"export"})
        assert [e.detail for e in exports] == [
            f"统计表，12行，文件 s{d}.xlsx" for d in (28, 15, 1)]


def test_an_unknown_action_from_a_newer_version_is_shown_as_it_is(ledger):
    audit.record(ledger, "quantum_export", file="x.bin")
    entry = audit.entries(ledger)[0]
    assert entry.label == "quantum_export" and entry.detail == "文件 x.bin"


def test_the_form_labels_are_the_printing_labels():
    for name, spec in printing.FORMS.items():
        assert audit.FORM_LABELS.get(name) == spec.label, name


# --- the printed log -------------------------------------------------------------------------


def pdf_text(path: Path) -> str:
    from pypdf import PdfReader

    return "".join(page.extract_text() for page in PdfReader(path).pages)


def test_the_printed_log_lists_the_month_and_is_itself_logged(ledger, add_student, tmp_path):
    sid = add_student()
    pupil = ledger.queries.student(sid)
    printing.print_form(ledger, printing.PrintRequest(form="register", student=sid),
                        tmp_path / "r.pdf")
    exporting.export_stats(ledger, tmp_path / "s.xlsx")
    result = printing.print_form(ledger, printing.PrintRequest(
        form="audit-log", period=TODAY.strftime("%Y-%m")), tmp_path / "log.pdf")
    assert result.rows == 2
    text = pdf_text(tmp_path / "log.pdf")
    assert "操作日志" in text and "导出Excel" in text and pupil["name"] in text
    assert pupil["id_number"] not in text.replace(" ", "")
    assert "核查人" in text
    assert logged(ledger)[-1]["form"] == "audit-log"


def test_a_month_without_operations_prints_a_page_that_says_so(ledger, tmp_path):
    result = printing.print_form(ledger, printing.PrintRequest(
        form="audit-log", period="2026-01"), tmp_path / "log.pdf")
    assert result.rows == 0
    assert "本期间没有" in pdf_text(tmp_path / "log.pdf")


def test_the_command_line_prints_the_log(ledger_path, ledger, tmp_path):
    from dropout_ledger.cli import main

    ledger.backup(tmp_path / "b.sqlite")
    ledger.close()
    out = tmp_path / "log.pdf"
    assert main(["print", "audit-log", "--period", TODAY.strftime("%Y-%m"), "--out", str(out),
                 "--ledger", str(ledger_path)]) == 0
    assert "备份到U盘或文件" in pdf_text(out)
    assert main(["print", "audit-log", "--period", "2026-13", "--out", str(out),
                 "--ledger", str(ledger_path)]) == 2


def test_an_accounts_entry_names_the_operator_and_what_happened(ledger):
    """The codes services/accounts.py writes (merged from the accounts work) read in Chinese."""
    audit.record(ledger, "login_failed", account="a1", name="wangxz", reason="password",
                 failures=3)
    audit.record(ledger, "account_role", account="a1", name="wangxz", role="class_teacher")
    role, failed = audit.entries(ledger)
    assert (failed.label, failed.detail) == ("登录失败", "账户 wangxz，密码错误，连续失败 3 次")
    assert (role.label, role.detail) == ("更改角色", "账户 wangxz，班主任")


def test_the_role_labels_cover_every_role():
    from dropout_ledger.model.access import POLICY

    assert set(audit.ROLE_LABELS) >= set(POLICY)
