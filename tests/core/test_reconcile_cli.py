"""`dropout-ledger reconcile`: check and store a county list, refuse bad lists with exit 2 and
the rows in Chinese, never print a whole ID number, and write the county's file back."""

from __future__ import annotations

import json
from pathlib import Path

from openpyxl import load_workbook
from reconcile_fixtures import person, write_list

from dropout_ledger.cli import main
from dropout_ledger.ledger import Ledger
from dropout_ledger.reconcile.export import ADDED


def _run(capsys, *args) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def _school(tmp_path: Path, capsys) -> tuple[Path, list[dict], int]:
    path = tmp_path / "school.sqlite"
    assert _run(capsys, "init", "--ledger", path, "--school-code", "2152482101",
                "--school-name", "坪坝镇中心学校", "--county-code", "524821")[0] == 0
    assert _run(capsys, "demo", "--ledger", path, "--students", 30)[0] == 0
    with Ledger.open(path) as ledger:
        pupils = [ledger.queries.student(r.student_id)
                  for r in ledger.queries.roster("on-roll", limit=3)]
        others = ledger.queries.count("on-roll") - 3
    return path, pupils, others


def test_reconcile_stores_the_list_and_exports_it(tmp_path: Path, capsys) -> None:
    ledger, pupils, others = _school(tmp_path, capsys)
    source = write_list(tmp_path / "村名单.xlsx", [person(p) for p in pupils])
    out = tmp_path / "back.xlsx"
    code, text, err = _run(capsys, "reconcile", source, "--ledger", ledger, "--out", out)
    assert code == 0, err
    assert "身份证号 3" in text and "已对应到本校学生 3 人" in text
    assert f"名单外的在籍学生 {others} 人" in text
    assert not any(p["id_number"] in text for p in pupils)
    header = [c.value for c in load_workbook(out)["名单"][2]]
    assert header[-3:] == list(ADDED)

    code, text, err = _run(capsys, "reconcile", source, "--ledger", ledger, "--json")
    assert code == 2 and "不必重复导入" in err
    data = json.loads(text)
    assert data["saved"] is False and data["accepted"] == 3 and data["matched"] == {"id": 3}
    assert not any(p["id_number"] in text for p in pupils)


def test_a_bad_list_exits_2_and_names_the_rows(tmp_path: Path, capsys) -> None:
    ledger, pupils, _others = _school(tmp_path, capsys)
    rows = [person(pupils[0]), person(pupils[1], id_number=int(pupils[1]["id_number"][:15]))]
    source = write_list(tmp_path / "bad.xlsx", rows)
    code, text, err = _run(capsys, "reconcile", source, "--ledger", ledger)
    assert code == 2
    assert "第4行" in err and "整份名单没有导入" in err and "第4行" in text
    code, text, _err = _run(capsys, "reconcile", source, "--ledger", ledger, "--dry-run",
                            "--json")
    assert code == 0 and json.loads(text)["errors"] == 1
