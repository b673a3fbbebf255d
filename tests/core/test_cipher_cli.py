"""The command line over encrypted ledgers (decision 0021): `--user` unlocks, a backup restores
onto a new laptop with its key file, and the county's recovery round trip by commands."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from argon2 import PasswordHasher

from dropout_ledger.cli import (
    NEW_PASSWORD_ENV,
    PASSWORD_ENV,
    RECOVERY_CODE_ENV,
    RESET_CODE_ENV,
    main,
)
from dropout_ledger.errors import LedgerDamaged
from dropout_ledger.ledger import Ledger
from dropout_ledger.services import accounts, backups, cipher
from dropout_ledger.store import keyfile

SCHOOL = "2152482101"
COUNTY = "215248"


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
           monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "school" / "school.sqlite"
    assert run(capsys, "init", "--ledger", path, "--school-code", SCHOOL,
               "--school-name", "坪坝镇中心学校", "--county-code", COUNTY)[0] == 0
    assert run(capsys, "demo", "--students", 40, "--ledger", path)[0] == 0
    monkeypatch.setenv(NEW_PASSWORD_ENV, "xiaozhang-1")
    assert run(capsys, "account", "add", "wangxz", "--role", "principal", "--ledger", path)[0] == 0
    monkeypatch.setenv(PASSWORD_ENV, "xiaozhang-1")
    return path


def test_user_opens_an_encrypted_ledger_and_warns_until_the_county_can_recover(
    school: Path, capsys: pytest.CaptureFixture[str],
) -> None:
    assert cipher.is_encrypted(school)
    code, out, err = run(capsys, "list", "--json", "--user", "wangxz", "--ledger", school)
    assert code == 0 and len(json.loads(out)) == 40
    assert "尚未加入县级台账：忘记密码将无法找回" in err
    code, _, err = run(capsys, "list", "--ledger", school)
    assert code == 2 and "--user" in err


def test_a_usb_backup_restores_onto_a_new_laptop_with_its_key_file(
    school: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path,
) -> None:
    stick = tmp_path / "stick" / "backup.sqlite"
    stick.parent.mkdir()
    assert run(capsys, "backup", "--out", stick, "--user", "wangxz", "--ledger", school)[0] == 0
    assert keyfile.exists(stick) and cipher.is_encrypted(stick)
    laptop = tmp_path / "new-laptop" / "school.sqlite"
    code, _, err = run(capsys, "restore", stick, "--ledger", laptop)
    assert code == 2 and "--user" in err and not laptop.exists()
    code, _, err = run(capsys, "restore", stick, "--user", "wangxz", "--ledger", laptop)
    assert code == 0, err
    code, out, err = run(capsys, "list", "--json", "--user", "wangxz", "--ledger", laptop)
    assert code == 0 and len(json.loads(out)) == 40, err


def test_the_county_recovers_a_forgotten_principal_password_by_commands(
    school: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    county = tmp_path / "county" / "county.sqlite"
    assert run(capsys, "init", "--county", COUNTY, "--county-name", "示例县教育局",
               "--ledger", county)[0] == 0
    monkeypatch.setenv(NEW_PASSWORD_ENV, "kezhang-01")
    assert run(capsys, "account", "add", "clerk", "--role", "county_clerk",
               "--ledger", county)[0] == 0
    monkeypatch.setenv(PASSWORD_ENV, "kezhang-01")
    enrolment = tmp_path / "入网文件.dlpkg"
    code, out, err = run(capsys, "county", "enroll-school", "--school-code", SCHOOL,
                         "--school-name", "坪坝镇中心学校", "--out", enrolment, "--json",
                         "--user", "clerk", "--ledger", county)
    assert code == 0, err
    digits = json.loads(out)["fingerprint"]
    monkeypatch.setenv(PASSWORD_ENV, "xiaozhang-1")
    code, _, err = run(capsys, "join", enrolment, "--fingerprint", digits, "--user", "wangxz",
                       "--ledger", school)
    assert code == 0, err
    assert keyfile.read(school).county is not None
    # Every password forgotten: the school's key file goes to the county on a stick.
    reset = tmp_path / "恢复文件.json"
    monkeypatch.setenv(PASSWORD_ENV, "kezhang-01")
    code, out, err = run(capsys, "county", "recover-key", "--school", SCHOOL,
                         "--keys", keyfile.path_for(school), "--out", reset, "--json",
                         "--user", "clerk", "--ledger", county)
    assert code == 0, err
    one_time = json.loads(out)["code"]
    monkeypatch.setenv(RESET_CODE_ENV, one_time)
    monkeypatch.setenv(NEW_PASSWORD_ENV, "xinmima-2026")
    code, _, err = run(capsys, "account", "reset-with-county-file", reset, "--user", "wangxz",
                       "--ledger", school)
    assert code == 0, err
    monkeypatch.setenv(PASSWORD_ENV, "xinmima-2026")
    assert run(capsys, "list", "--user", "wangxz", "--ledger", school)[0] == 0
    code, _, err = run(capsys, "account", "reset-with-county-file", reset, "--user", "wangxz",
                       "--ledger", school)
    assert code == 2 and "已经用过" in err


def test_a_damaged_encrypted_ledger_offers_its_snapshots_with_the_key(
    school: Path, tmp_path: Path,
) -> None:
    key = cipher.unlock(school, "wangxz", "xiaozhang-1")
    with Ledger.open(school, key=key) as ledger:
        backups.backup_now(ledger)
    data = bytearray(school.read_bytes())
    data[3 * 4096 + 50] ^= 0x10
    school.write_bytes(bytes(data))
    with pytest.raises(LedgerDamaged) as damaged:
        Ledger.open(school, key=key)
    assert damaged.value.key == key
    listed = backups.list_backups(school, damaged.value.key)
    assert listed and not any(b.damaged for b in listed)
    snapshot = next(b.path for b in listed)
    shutil.copyfile(snapshot, tmp_path / "copy.sqlite")
    from dropout_ledger.ledger import restore

    restore(school, snapshot, key=key)
    with Ledger.open(school, key=key) as ledger:
        assert ledger.queries.count("all") == 40


def test_a_county_whose_clerk_forgot_the_password_opens_with_the_paper_recovery_code(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
) -> None:
    county = tmp_path / "county" / "county.sqlite"
    assert run(capsys, "init", "--county", COUNTY, "--county-name", "示例县教育局",
               "--ledger", county)[0] == 0
    monkeypatch.setenv(NEW_PASSWORD_ENV, "kezhang-01")
    assert run(capsys, "account", "add", "clerk", "--role", "county_clerk",
               "--ledger", county)[0] == 0
    assert cipher.is_encrypted(county)
    monkeypatch.setenv(PASSWORD_ENV, "kezhang-01")
    code, out, err = run(capsys, "account", "recovery-code", "--json", "--user", "clerk",
                         "--ledger", county)
    assert code == 0, err
    paper = json.loads(out)["recovery_code"]
    assert len(paper.replace("-", "")) == 16

    before = county.read_bytes()
    monkeypatch.setenv(RECOVERY_CODE_ENV, "AAAA-BBBB-CCCC-DDDD")
    monkeypatch.setenv(NEW_PASSWORD_ENV, "xinmima-2026")
    code, _, err = run(capsys, "account", "reset-with-recovery-code", "--user", "clerk",
                       "--ledger", county)
    assert code == 2 and "恢复码不对" in err and county.read_bytes() == before
    monkeypatch.setenv(RECOVERY_CODE_ENV, paper.lower())  # read off paper: case forgiven
    code, _, err = run(capsys, "account", "reset-with-recovery-code", "--user", "clerk",
                       "--ledger", county)
    assert code == 0, err
    monkeypatch.setenv(PASSWORD_ENV, "xinmima-2026")
    code, out, err = run(capsys, "account", "list", "--json", "--user", "clerk",
                         "--ledger", county)
    assert code == 0 and [a["name"] for a in json.loads(out)] == ["clerk"], err
    # A login name is never tried against the code's wrap.
    monkeypatch.setenv(PASSWORD_ENV, paper)
    code, _, err = run(capsys, "list", "--user", "clerk", "--ledger", county)
    assert code == 2
