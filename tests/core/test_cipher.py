"""Decision 0021: the ledger, its snapshots and backups encrypted with SQLCipher, the data key
released by login and recoverable by the county. Real files, real keys, the standard `sqlite3`
as the outsider who finds the laptop."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from argon2 import PasswordHasher

from dropout_ledger.clock import FrozenClock
from dropout_ledger.errors import InputRefused, LedgerDamaged, LedgerLocked, LedgerOpenError
from dropout_ledger.ledger import Ledger
from dropout_ledger.services import accounts, backups, cipher
from dropout_ledger.store import backup, db, keyfile, verify
from dropout_ledger.sync import enrol
from dropout_ledger.synthetic import FICTIONAL_COUNTY_CODE

PW = "xiaozhang-1"


@pytest.fixture(autouse=True)
def fast_hashes(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(accounts, "HASHER",
                        PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))
    yield


def outsider_reads(path: Path) -> bool:
    """Whether the standard sqlite3 module (no key) can read a table of the file."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return True
    except sqlite3.DatabaseError:
        return False
    finally:
        conn.close()


def principal(ledger: Ledger) -> accounts.Account:
    changes = accounts.create(ledger, name="wangxz", display_name="王校长", role="principal",
                              password=PW)
    return accounts.sign_in(ledger, accounts.account(ledger, changes.created[0]))


def reopen(path: Path, clock: FrozenClock, name: str = "wangxz", password: str = PW) -> Ledger:
    return cipher.open_as(path, name, password, clock=clock)


def test_a_ledger_without_accounts_stays_plaintext(ledger: Ledger, ledger_path: Path) -> None:
    assert ledger.key is None and not cipher.is_encrypted(ledger_path)
    assert not keyfile.exists(ledger_path) and outsider_reads(ledger_path)


def test_the_first_account_encrypts_the_ledger_and_every_snapshot(
    ledger: Ledger, ledger_path: Path, add_student: Any, clock: FrozenClock,
) -> None:
    add_student()
    ledger.daily_snapshot()
    plain_snapshots = backup.snapshots(ledger_path)
    assert plain_snapshots and all(outsider_reads(s.path) for s in plain_snapshots)
    principal(ledger)
    assert ledger.key is not None and cipher.is_encrypted(ledger_path)
    assert keyfile.exists(ledger_path)
    assert not outsider_reads(ledger_path)
    snaps = backup.snapshots(ledger_path)
    assert len(snaps) == len(plain_snapshots) + 1  # the `upgrade` one taken before
    assert all(not outsider_reads(s.path) for s in snaps)
    # The open ledger keeps working on its new connection, and its snapshots list with counts.
    add_student()
    assert ledger.queries.count("all") == 2
    listed = backups.list_backups(ledger_path, ledger.key)
    assert listed and not any(b.damaged for b in listed), [b.problem for b in listed]
    assert all(c.ok for c in verify.verify(ledger.conn, ledger_path))
    ledger.close()
    with reopen(ledger_path, clock) as again:
        assert again.queries.count("all") == 2 and again.operator.role == "principal"


def test_without_a_login_an_encrypted_ledger_is_locked_and_unchanged(
    ledger: Ledger, ledger_path: Path, clock: FrozenClock,
) -> None:
    principal(ledger)
    ledger.close()
    before = ledger_path.read_bytes(), keyfile.path_for(ledger_path).read_bytes()
    with pytest.raises(LedgerLocked, match="已加密"):
        Ledger.open(ledger_path, clock=clock)
    with pytest.raises(InputRefused, match="账户名或密码不正确"):
        reopen(ledger_path, clock, password="wrong-password")
    with pytest.raises(InputRefused, match="账户名或密码不正确"):
        reopen(ledger_path, clock, name="nobody")
    assert ledger_path.read_bytes() == before[0]


def test_five_wrong_passwords_lock_the_name_and_the_next_open_logs_them(
    ledger: Ledger, ledger_path: Path, clock: FrozenClock,
) -> None:
    principal(ledger)
    ledger.close()
    for _ in range(4):
        with pytest.raises(InputRefused, match="账户名或密码不正确"):
            reopen(ledger_path, clock, password="wrong-password")
    with pytest.raises(InputRefused, match="已锁定"):
        reopen(ledger_path, clock, password="wrong-password")
    with pytest.raises(InputRefused, match="已锁定"):
        reopen(ledger_path, clock)  # even the right password, for fifteen minutes
    clock.advance(minutes=16)
    with reopen(ledger_path, clock) as again:
        failed = again.conn.execute(
            "SELECT count(*) FROM events WHERE kind = 'audit' AND body LIKE '%before_open%'"
        ).fetchone()[0]
        assert failed == 1
    assert not keyfile.read(ledger_path).lockouts


def test_a_missing_key_file_is_a_clear_refusal(
    ledger: Ledger, ledger_path: Path, clock: FrozenClock,
) -> None:
    principal(ledger)
    ledger.close()
    keyfile.path_for(ledger_path).rename(ledger_path.with_name("elsewhere.keys"))
    with pytest.raises(LedgerOpenError, match=r"缺少钥匙文件|\.keys"):
        reopen(ledger_path, clock)
    with pytest.raises(LedgerOpenError, match=r"\.keys"):
        Ledger.open(ledger_path, clock=clock)


def test_a_flipped_byte_in_an_encrypted_page_fails_at_open(
    ledger: Ledger, ledger_path: Path, add_student: Any, clock: FrozenClock,
) -> None:
    for _ in range(5):
        add_student()
    principal(ledger)
    key = ledger.key
    ledger.close()
    data = bytearray(ledger_path.read_bytes())
    page = 4096
    assert len(data) > 3 * page
    data[2 * page + 100] ^= 0x01  # one bit in the third page
    ledger_path.write_bytes(bytes(data))
    with pytest.raises(LedgerDamaged):
        Ledger.open(ledger_path, clock=clock, key=key)


def test_a_usb_backup_is_encrypted_carries_its_key_file_and_restores(
    ledger: Ledger, ledger_path: Path, add_student: Any, tmp_path: Path,
) -> None:
    add_student()
    principal(ledger)
    stick = tmp_path / "stick"
    stick.mkdir()
    out = backups.backup_to_folder(ledger, stick)
    assert not outsider_reads(out) and keyfile.exists(out)
    assert cipher.unlock(out, "wangxz", PW) == ledger.key
    add_student()
    assert ledger.queries.count("all") == 2
    backups.restore_from(ledger, out)
    assert ledger.queries.count("all") == 1 and ledger.key is not None


def test_a_plaintext_backup_restores_into_an_encrypted_ledger(
    ledger: Ledger, ledger_path: Path, add_student: Any, tmp_path: Path,
) -> None:
    add_student()
    old = tmp_path / "old-plain.sqlite"
    ledger.backup(old)
    assert outsider_reads(old)
    principal(ledger)
    add_student()
    backups.restore_from(ledger, old)
    assert ledger.queries.count("all") == 1 and cipher.is_encrypted(ledger_path)


def test_a_password_change_rewraps_and_a_disabled_account_loses_its_wrap(
    ledger: Ledger, ledger_path: Path, clock: FrozenClock,
) -> None:
    principal(ledger)
    changes = accounts.create(ledger, name="lilaoshi", role="registrar", password="xueji-001")
    accounts.change_password(ledger, PW, "new-secret-9")
    assert len(keyfile.read(ledger_path).for_account(ledger.operator.id)) == 1
    with pytest.raises(InputRefused):
        cipher.unlock(ledger_path, "wangxz", PW)
    assert cipher.unlock(ledger_path, "wangxz", "new-secret-9") == ledger.key
    assert cipher.unlock(ledger_path, "lilaoshi", "xueji-001") == ledger.key
    accounts.set_disabled(ledger, changes.created[0])
    with pytest.raises(InputRefused):
        cipher.unlock(ledger_path, "lilaoshi", "xueji-001")
    kinds = ledger.conn.execute(
        "SELECT count(*) FROM events WHERE kind = 'audit' AND body LIKE '%key_change%'"
    ).fetchone()[0]
    assert kinds >= 2


def test_an_old_ledger_with_accounts_is_encrypted_at_its_first_login(
    ledger: Ledger, ledger_path: Path, clock: FrozenClock, monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(cipher, "ENCRYPT_AT_REST", False)  # a ledger from before 0021
    principal(ledger)
    assert ledger.key is None
    ledger.close()
    monkeypatch.setattr(cipher, "ENCRYPT_AT_REST", True)
    with reopen(ledger_path, clock) as again:
        assert again.key is not None
    assert not outsider_reads(ledger_path)


def test_the_demo_principal_encrypts_the_demo_school(tmp_path: Path, clock: FrozenClock) -> None:
    from dropout_ledger.services import demo

    path = tmp_path / "demo.sqlite"
    with Ledger.create(path, kind="school", code="2152482101", name="演示学校",
                       county_code=FICTIONAL_COUNTY_CODE, clock=clock) as ledger:
        demo.populate(ledger, students=20, seed=3)
        _, password = accounts.create_demo_principal(ledger)
        assert ledger.key is not None
    assert not outsider_reads(path)
    with reopen(path, clock, accounts.DEMO_NAME, password) as again:
        assert again.queries.count("all") == 20
        assert cipher.recovery_warning(again) == cipher.NO_COUNTY_WARNING


# --- the county's recovery path --------------------------------------------------------------


@pytest.fixture
def county(tmp_path: Path, clock: FrozenClock) -> Iterator[Ledger]:
    with Ledger.create(tmp_path / "county" / "county.sqlite", kind="county",
                       code=FICTIONAL_COUNTY_CODE, name="示例县教育局", clock=clock) as opened:
        yield opened


def joined(ledger: Ledger, county: Ledger) -> None:
    data, digits = enrol.enroll_school(county, ledger.org.code, ledger.org.name)
    enrol.join(ledger, data, digits)


def test_the_county_recovers_a_ledger_whose_passwords_are_all_forgotten(
    ledger: Ledger, ledger_path: Path, county: Ledger, clock: FrozenClock, add_student: Any,
) -> None:
    add_student()
    principal(ledger)
    assert cipher.recovery_warning(ledger) == cipher.NO_COUNTY_WARNING
    joined(ledger, county)
    assert cipher.ensure_county_wrap(ledger) and cipher.recovery_warning(ledger) is None
    ledger.close()
    school_keys = keyfile.path_for(ledger_path).read_bytes()
    recovery = cipher.county_recovery_file(county, school_keys, "2152482101")
    assert recovery.code.replace("-", "") not in recovery.data.decode()
    # A wrong code changes nothing.
    before = ledger_path.read_bytes()
    with pytest.raises(InputRefused, match="恢复码不对"):
        cipher.reset_with_county_file(ledger_path, recovery.data, "wangxz", "AAAA-BBBB-CCCC-DDDD",
                                      "brand-new-1", clock=clock)
    assert ledger_path.read_bytes() == before
    with cipher.reset_with_county_file(ledger_path, recovery.data, "wangxz",
                                       recovery.code.lower(), "brand-new-1",
                                       clock=clock) as again:
        assert again.queries.count("all") == 1 and again.operator.role == "principal"
        reasons = again.conn.execute(
            "SELECT count(*) FROM events WHERE kind = 'audit' AND body LIKE '%county_reset%'"
        ).fetchone()[0]
        assert reasons >= 1
    with pytest.raises(InputRefused):
        cipher.unlock(ledger_path, "wangxz", PW)
    with reopen(ledger_path, clock, password="brand-new-1"):
        pass
    with pytest.raises(InputRefused, match="已经用过"):
        cipher.reset_with_county_file(ledger_path, recovery.data, "wangxz", recovery.code,
                                      "brand-new-2", clock=clock).close()


def test_a_reset_file_not_signed_by_the_pinned_county_is_refused(
    ledger: Ledger, ledger_path: Path, county: Ledger, clock: FrozenClock, tmp_path: Path,
) -> None:
    principal(ledger)
    joined(ledger, county)
    cipher.ensure_county_wrap(ledger)
    ledger.close()
    recovery = cipher.county_recovery_file(
        county, keyfile.path_for(ledger_path).read_bytes(), "2152482101")
    import json

    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    outer = json.loads(recovery.data)
    outer["signature"] = Ed25519PrivateKey.generate().sign(b"x").hex()
    forged = json.dumps(outer).encode()
    before = ledger_path.read_bytes()
    with pytest.raises(InputRefused, match="签名"):
        cipher.reset_with_county_file(ledger_path, forged, "wangxz", recovery.code,
                                      "brand-new-1", clock=clock)
    assert cipher.unlock(ledger_path, "wangxz", PW)  # the old password still works
    assert db.is_encrypted(ledger_path) and len(before) > 0


def test_another_countys_or_schools_key_file_is_refused(
    ledger: Ledger, ledger_path: Path, county: Ledger,
) -> None:
    principal(ledger)
    with pytest.raises(InputRefused, match="没有给县教育局的钥匙"):
        cipher.county_recovery_file(county, keyfile.path_for(ledger_path).read_bytes(),
                                    "2152482101")
    with pytest.raises(InputRefused, match="不是"):
        cipher.county_recovery_file(county, keyfile.path_for(ledger_path).read_bytes(),
                                    "2152482102")
    with pytest.raises(InputRefused, match="钥匙文件"):
        cipher.county_recovery_file(county, b"not json", "2152482101")
