"""The command line with accounts: `--user NAME` logs in (password from the environment), the
role decides what a command shows, and a ledger with accounts refuses commands without one."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from argon2 import PasswordHasher

from dropout_ledger.cli import NEW_PASSWORD_ENV, PASSWORD_ENV, main
from dropout_ledger.ledger import Ledger
from dropout_ledger.model.identity import is_valid_id_number
from dropout_ledger.services import accounts, cipher


@pytest.fixture(autouse=True)
def fast_hashes(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(accounts, "HASHER",
                        PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))
    yield


def run(capsys: pytest.CaptureFixture[str], *args: Any) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def school(tmp_path: Path, capsys: pytest.CaptureFixture[str],
           monkeypatch: pytest.MonkeyPatch) -> tuple[Path, tuple[int, str]]:
    """A demo school with a principal and a class teacher of its first class."""
    path = tmp_path / "school.sqlite"
    assert run(capsys, "init", "--ledger", path, "--school-code", "2152482101",
               "--school-name", "坪坝镇中心学校")[0] == 0
    assert run(capsys, "demo", "--students", 120, "--ledger", path)[0] == 0
    monkeypatch.setenv(NEW_PASSWORD_ENV, "xiaozhang-1")
    code, out, err = run(capsys, "account", "add", "wangxz", "--role", "principal",
                         "--display-name", "王校长", "--ledger", path)
    assert code == 0 and "王校长" in out, err
    key = cipher.unlock(path, "wangxz", "xiaozhang-1")  # the first account encrypted it
    with Ledger.open(path, key=key) as ledger:
        grade, class_name, _ = ledger.queries.counts_by("grade", "class_name")[0]
    monkeypatch.setenv(PASSWORD_ENV, "xiaozhang-1")
    monkeypatch.setenv(NEW_PASSWORD_ENV, "banzhuren-1")
    code, _, err = run(capsys, "account", "add", "lilaoshi", "--role", "class_teacher",
                       "--grade", grade, "--class", class_name, "--user", "wangxz",
                       "--ledger", path)
    assert code == 0, err
    return path, (grade, class_name)


def test_a_ledger_with_accounts_needs_a_user(
    school: tuple[Path, tuple[int, str]], capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path, _ = school
    for command in (["list"], ["stats"], ["verify"], ["export-xlsx", "all", "--out", "x.xlsx"]):
        code, out, err = run(capsys, *command, "--ledger", path)
        assert code == 2 and "--user" in err and out == "", command
    code, _, err = run(capsys, "list", "--user", "wangxz", "--ledger", path)
    assert code == 0, err
    monkeypatch.setenv(PASSWORD_ENV, "wrong-password")
    code, _, err = run(capsys, "list", "--user", "wangxz", "--ledger", path)
    assert code == 2 and "账户名或密码不正确" in err
    monkeypatch.delenv(PASSWORD_ENV)  # no password and no terminal to ask at
    code, _, err = run(capsys, "list", "--user", "wangxz", "--ledger", path)
    assert code == 2 and PASSWORD_ENV in err


def test_a_class_teacher_lists_only_her_class_with_masked_ids(
    school: tuple[Path, tuple[int, str]], capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path, (grade, class_name) = school
    code, out, _ = run(capsys, "list", "--json", "--user", "wangxz", "--ledger", path)
    everyone = json.loads(out)
    assert code == 0 and len(everyone) == 120
    assert all(is_valid_id_number(r["id_number"]) for r in everyone)  # the principal: whole
    other = next(r for r in everyone if (r["grade"], r["class"]) != (grade, class_name))

    monkeypatch.setenv(PASSWORD_ENV, "banzhuren-1")
    code, out, _ = run(capsys, "list", "--json", "--user", "lilaoshi", "--ledger", path)
    rows = json.loads(out)
    mine = [r for r in everyone if (r["grade"], r["class"]) == (grade, class_name)]
    assert code == 0 and {r["id"] for r in rows} == {r["id"] for r in mine}
    assert all("*" in r["id_number"] and not is_valid_id_number(r["id_number"]) for r in rows)
    for text in (other["name"], other["id_number"]):
        code, out, _ = run(capsys, "list", "--json", "--search", text, "--user", "lilaoshi",
                           "--ledger", path)
        assert code == 0 and other["id"] not in out
    code, out, _ = run(capsys, "list", "--user", "lilaoshi", "--ledger", path)
    assert f"共 {len(mine)} 名学生" in out and other["name"] not in out
    code, out, _ = run(capsys, "stats", "--json", "--user", "lilaoshi", "--ledger", path)
    data = json.loads(out)
    assert code == 0 and data["total"] == len(mine) and data["rates"] is None


def test_a_class_teacher_cannot_export_or_print_a_list(
    school: tuple[Path, tuple[int, str]], capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
) -> None:
    path, _ = school
    monkeypatch.setenv(PASSWORD_ENV, "banzhuren-1")
    refused = (
        (["export-xlsx", "all", "--out", tmp_path / "a.xlsx"], "无权导出学生名单"),
        (["print", "ledger", "--out", tmp_path / "l.pdf"], "无权打印"),
        (["backup", "--out", tmp_path / "b.sqlite"], "无权"),
        (["account", "add", "zhao", "--role", "registrar"], "只有校长可以管理账户"),
    )
    for command, why in refused:
        code, _, err = run(capsys, *command, "--user", "lilaoshi", "--ledger", path)
        assert code == 2 and why in err, (command, err)
    for name in ("a.xlsx", "l.pdf", "b.sqlite"):
        assert not (tmp_path / name).exists()


def test_accounts_are_managed_from_the_command_line(
    school: tuple[Path, tuple[int, str]], capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path, _ = school
    monkeypatch.setenv(PASSWORD_ENV, "wrong-one")
    for _ in range(5):
        assert run(capsys, "list", "--user", "lilaoshi", "--ledger", path)[0] == 2
    monkeypatch.setenv(PASSWORD_ENV, "xiaozhang-1")
    code, out, _ = run(capsys, "account", "list", "--json", "--user", "wangxz", "--ledger", path)
    listed = {a["name"]: a for a in json.loads(out)}
    assert listed["lilaoshi"]["locked_until"] and "pw_hash" not in out and "argon2" not in out
    assert run(capsys, "account", "unlock", "lilaoshi", "--user", "wangxz",
               "--ledger", path)[0] == 0
    monkeypatch.setenv(NEW_PASSWORD_ENV, "chongshe-22")
    assert run(capsys, "account", "reset", "lilaoshi", "--user", "wangxz",
               "--ledger", path)[0] == 0
    monkeypatch.setenv(PASSWORD_ENV, "chongshe-22")
    assert run(capsys, "list", "--user", "lilaoshi", "--ledger", path)[0] == 0
