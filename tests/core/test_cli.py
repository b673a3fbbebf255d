"""The command-line contract of design README §4: names, exit codes, JSON shapes."""

import json
import os
import subprocess
import sys

import pytest

from dropout_ledger.cli import main
from dropout_ledger.model.identity import is_valid_id_number


def run(capsys, *args):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def school(tmp_path, capsys):
    path = tmp_path / "school.sqlite"
    code, _, err = run(capsys, "init", "--ledger", path, "--school-code", "2152482101",
                       "--school-name", "坪坝镇中心学校", "--county-code", "524821")
    assert code == 0, err
    return path


def test_init_demo_verify_list_stats(school, capsys):
    assert run(capsys, "demo", "--students", 400, "--ledger", school)[0] == 0
    code, out, _ = run(capsys, "verify", "--ledger", school)
    assert code == 0 and out.count("✓") == 4 and "数据指纹" in out
    code, out, _ = run(capsys, "list", "--json", "--ledger", school)
    rows = json.loads(out)
    assert code == 0 and len(rows) == 400
    assert {"id_number", "xjh", "name", "grade", "class", "status"} <= set(rows[0])
    assert all(is_valid_id_number(r["id_number"]) for r in rows)
    code, out, _ = run(capsys, "list", "--view", "dropped", "--ledger", school)
    assert code == 0 and "辍学" in out and "********" in out  # people see masked IDs
    code, out, _ = run(capsys, "stats", "--json", "--ledger", school)
    data = json.loads(out)
    assert data["total"] == 400 and sum(data["by_status"].values()) == 400
    assert data["by_status"]["dropped_out"] >= 1 and data["cases"]["open"] >= 1


def test_verify_json_lists_each_check(school, capsys):
    code, out, _ = run(capsys, "verify", "--json", "--ledger", school)
    data = json.loads(out)
    assert code == 0 and data["ok"] and len(data["checks"]) == 4
    assert all(c["ok"] and c["name"] for c in data["checks"])


def test_two_ledgers_holding_the_same_events_print_the_same_stats(school, capsys, tmp_path):
    run(capsys, "demo", "--students", 120, "--ledger", school)
    copy = tmp_path / "copy.sqlite"
    assert run(capsys, "backup", "--out", copy, "--ledger", school)[0] == 0
    first = run(capsys, "stats", "--json", "--ledger", school)[1]
    second = run(capsys, "stats", "--json", "--ledger", copy)[1]
    assert first == second


@pytest.mark.parametrize("args, words", [
    (["init", "--school-code", "2152482100x", "--school-name", "某校"], "学校标识码"),
    (["init", "--county", "524821"], "county-name"),
    (["init", "--school-code", "2152482101"], "school-name"),
])
def test_refused_input_exits_2_with_chinese_and_creates_nothing(tmp_path, capsys, args, words):
    path = tmp_path / "new.sqlite"
    code, _, err = run(capsys, *args, "--ledger", path)
    assert code == 2 and words in err
    assert not path.exists()


def test_demo_into_a_ledger_with_students_is_refused(school, capsys):
    run(capsys, "demo", "--students", 10, "--ledger", school)
    code, _, err = run(capsys, "demo", "--students", 10, "--ledger", school)
    assert code == 2 and "已有学生" in err


def test_sync_export_before_joining_is_refused(school, capsys):
    code, _, err = run(capsys, "sync", "export", "--out", "x", "--ledger", school)
    assert code == 2 and "尚未加入县级台账" in err


def test_a_county_ledger(tmp_path, capsys):
    path = tmp_path / "county.sqlite"
    code, out, _ = run(capsys, "init", "--county", "524821", "--county-name", "某县教育局",
                       "--json", "--ledger", path)
    assert code == 0 and json.loads(out)["kind"] == "county"
    code, _, err = run(capsys, "demo", "--ledger", path)
    assert code == 2 and "县级台账" in err


def test_backup_and_restore_from_the_command_line(school, capsys, tmp_path):
    run(capsys, "demo", "--students", 30, "--ledger", school)
    backup = tmp_path / "b.sqlite"
    assert run(capsys, "backup", "--out", backup, "--ledger", school)[0] == 0
    code, out, _ = run(capsys, "restore", backup, "--json", "--ledger", school)
    assert code == 0 and json.loads(out)["safety_copy"]
    assert run(capsys, "verify", "--ledger", school)[0] == 0


def test_the_installed_entry_point_runs_as_a_process(tmp_path):
    env = {**os.environ, "DROPOUT_LEDGER_HOME": str(tmp_path)}
    done = subprocess.run([sys.executable, "-m", "dropout_ledger", "list", "--json"],
                          capture_output=True, text=True, env=env, timeout=60)
    assert done.returncode == 2 and "找不到台账文件" in done.stderr
    init = subprocess.run([sys.executable, "-m", "dropout_ledger", "demo", "--students", "20"],
                          capture_output=True, text=True, env=env, timeout=60)
    assert init.returncode == 0, init.stderr
    assert (tmp_path / "ledger.sqlite").exists()


def test_print_help_names_every_form():
    from dropout_ledger.cli import PRINT_FORMS_HELP
    from dropout_ledger.printing import FORMS

    assert [name for name in FORMS if f"{name}（" not in PRINT_FORMS_HELP] == []
