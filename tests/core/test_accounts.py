"""Local accounts: creating, logging in, lockout by the ledger's clock, rehash, administration,
and audit events that never hold a password or a hash."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from argon2 import PasswordHasher

from dropout_ledger.clock import FrozenClock
from dropout_ledger.errors import InputRefused, ValidationError
from dropout_ledger.ledger import Ledger
from dropout_ledger.services import accounts, cipher
from dropout_ledger.store.events import iter_events

PRINCIPAL_PW = "坪坝校长2026"
TEACHER_PW = "banzhuren-5-2"
FAST = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)


@pytest.fixture(autouse=True)
def fast_hashes(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Cheap argon2 parameters: the behaviour is the same, the suite stays quick."""
    monkeypatch.setattr(accounts, "HASHER", FAST)
    monkeypatch.setattr(accounts, "_DUMMY", [])
    yield


@pytest.fixture
def principal(ledger: Ledger) -> accounts.Account:
    """The first account, made at first start and signed in."""
    changes = accounts.create(ledger, name="wangxz", display_name="王校长", role="principal",
                              password=PRINCIPAL_PW)
    return accounts.sign_in(ledger, accounts.account(ledger, changes.created[0]),
                            reason="first_start")


def add_teacher(ledger: Ledger, name: str = "lilaoshi", grade: int = 5,
                class_name: str = "2班") -> accounts.Account:
    changes = accounts.create(ledger, name=name, display_name="李老师", role="class_teacher",
                              password=TEACHER_PW, grade=grade, class_name=class_name)
    return accounts.account(ledger, changes.created[0])


def audits(ledger: Ledger) -> list[dict[str, object]]:
    return [e.body for e in iter_events(ledger.conn) if e.kind == "audit"]


def stored_hash(ledger: Ledger, name: str) -> str:
    row = ledger.conn.execute("SELECT pw_hash FROM accounts WHERE name = ?", (name,)).fetchone()
    return str(row[0])


# --- creating ------------------------------------------------------------------------------


def test_a_new_ledger_has_no_accounts_and_nobody_signed_in(ledger: Ledger) -> None:
    assert not accounts.has_accounts(ledger)
    assert accounts.current(ledger) is None and ledger.operator.role == ""


def test_the_first_account_must_be_the_principal(ledger: Ledger) -> None:
    with pytest.raises(InputRefused, match="第一个账户必须是校长"):
        accounts.create(ledger, name="li", role="registrar", password="abcdef1")
    assert not accounts.has_accounts(ledger)


def test_only_a_signed_in_principal_adds_accounts(
    ledger: Ledger, principal: accounts.Account
) -> None:
    teacher = add_teacher(ledger)
    assert (teacher.role, teacher.grade, teacher.class_name) == ("class_teacher", 5, "2班")
    accounts.login(ledger, "lilaoshi", TEACHER_PW)
    with pytest.raises(InputRefused, match="只有校长可以管理账户"):
        accounts.create(ledger, name="zhao", role="registrar", password="abcdef1")
    accounts.sign_out(ledger)
    with pytest.raises(InputRefused, match="只有校长"):  # nobody signed in: no
        accounts.create(ledger, name="zhao", role="registrar", password="abcdef1")


@pytest.mark.parametrize(("password", "why"), [
    ("12345", "至少要 6 个字符"),
    ("WangXZ", "不能与账户名或姓名相同"),
    ("王校长", "至少要 6 个字符"),
])
def test_weak_passwords_are_refused(
    ledger: Ledger, principal: accounts.Account, password: str, why: str
) -> None:
    with pytest.raises(ValidationError, match=why):
        accounts.create(ledger, name="wangxz2", role="registrar", password=password,
                        display_name="wangxz")
    assert accounts.password_problem("wangxz", "wangxz") == "密码不能与账户名或姓名相同"


def test_names_are_unique_whatever_the_case(
    ledger: Ledger, principal: accounts.Account
) -> None:
    with pytest.raises(ValidationError, match="已经有人用了"):
        accounts.create(ledger, name="WANGXZ", role="registrar", password="abcdef1")


def test_a_class_teacher_needs_her_class(ledger: Ledger, principal: accounts.Account) -> None:
    with pytest.raises(ValidationError, match="须指定负责的年级和班级"):
        accounts.create(ledger, name="li", role="class_teacher", password="abcdef1")
    registrar = accounts.create(ledger, name="zhao", role="registrar", password="abcdef1",
                                grade=3, class_name="1班")
    # A role that sees the whole school keeps no class.
    assert accounts.account(ledger, registrar.created[0]).grade is None


# --- logging in ----------------------------------------------------------------------------


def test_login_makes_the_account_the_operator_of_every_event(
    ledger: Ledger, principal: accounts.Account
) -> None:
    add_teacher(ledger)
    accounts.sign_out(ledger)
    teacher = accounts.login(ledger, "LiLaoShi", TEACHER_PW)
    assert ledger.operator.id == teacher.id and ledger.operator.role == "class_teacher"
    assert ledger.queries.scope is not None and ledger.queries.scope.grade == 5
    last = list(iter_events(ledger.conn))[-1]
    assert last.who == {"id": teacher.id, "name": "李老师"}
    assert last.body["action"] == "login"


def test_wrong_password_and_unknown_name_read_the_same(
    ledger: Ledger, principal: accounts.Account
) -> None:
    with pytest.raises(InputRefused) as wrong:
        accounts.login(ledger, "wangxz", "not-it-at-all")
    with pytest.raises(InputRefused) as unknown:
        accounts.login(ledger, "nobody", "not-it-at-all")
    assert wrong.value.message.startswith(accounts.WRONG.format(max=5, minutes=15))
    assert unknown.value.message == accounts.WRONG.format(max=5, minutes=15)
    failed = [a for a in audits(ledger) if a["action"] == "login_failed"]
    assert [a["reason"] for a in failed] == ["password", "unknown_name"]
    # An unknown name is not recorded: people type their password into the name field.
    assert "nobody" not in str(failed[1])


def test_five_failures_lock_for_fifteen_minutes_by_the_ledger_clock(
    ledger: Ledger, clock: FrozenClock, principal: accounts.Account
) -> None:
    add_teacher(ledger)
    accounts.sign_out(ledger)
    for attempt in range(1, 5):
        with pytest.raises(InputRefused, match=f"还可以再试 {5 - attempt} 次"):
            accounts.login(ledger, "lilaoshi", "wrong-password")
    with pytest.raises(InputRefused, match="已锁定 15 分钟"):
        accounts.login(ledger, "lilaoshi", "wrong-password")
    locked = accounts.by_name(ledger, "lilaoshi")
    assert locked.locked(clock.now())
    assert [a["action"] for a in audits(ledger)][-2:] == ["login_failed", "account_locked"]

    clock.advance(minutes=14)
    with pytest.raises(InputRefused, match="请 1 分钟后再试"):  # the right password, still locked
        accounts.login(ledger, "lilaoshi", TEACHER_PW)
    assert ledger.operator.role == ""
    clock.advance(minutes=1)
    assert accounts.login(ledger, "lilaoshi", TEACHER_PW).failed == 0


def test_a_lock_runs_out_and_the_count_starts_again(
    ledger: Ledger, clock: FrozenClock, principal: accounts.Account
) -> None:
    add_teacher(ledger)
    for _ in range(5):
        with pytest.raises(InputRefused):
            accounts.login(ledger, "lilaoshi", "wrong-password")
    clock.advance(minutes=15)
    with pytest.raises(InputRefused, match="还可以再试 4 次"):
        accounts.login(ledger, "lilaoshi", "wrong-password")


def test_a_clock_turned_back_does_not_lock_for_days(
    ledger: Ledger, clock: FrozenClock, principal: accounts.Account
) -> None:
    add_teacher(ledger)
    for _ in range(5):
        with pytest.raises(InputRefused):
            accounts.login(ledger, "lilaoshi", "wrong-password")
    clock.advance(days=-2)  # someone set the laptop's date back
    assert accounts.login(ledger, "lilaoshi", TEACHER_PW).role == "class_teacher"


def test_the_principal_unlocks_at_once(
    ledger: Ledger, clock: FrozenClock, principal: accounts.Account
) -> None:
    teacher = add_teacher(ledger)
    for _ in range(5):
        with pytest.raises(InputRefused):
            accounts.login(ledger, "lilaoshi", "wrong-password")
    accounts.login(ledger, "wangxz", PRINCIPAL_PW)
    accounts.unlock(ledger, teacher.id)
    assert not accounts.account(ledger, teacher.id).locked(clock.now())
    assert accounts.login(ledger, "lilaoshi", TEACHER_PW).id == teacher.id
    assert "account_unlock" in [a["action"] for a in audits(ledger)]


def test_a_login_under_old_parameters_rehashes(
    ledger: Ledger, principal: accounts.Account, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = stored_hash(ledger, "wangxz")
    stronger = PasswordHasher(time_cost=2, memory_cost=2048, parallelism=1)
    monkeypatch.setattr(accounts, "HASHER", stronger)
    assert stronger.check_needs_rehash(before)
    accounts.login(ledger, "wangxz", PRINCIPAL_PW)
    after = stored_hash(ledger, "wangxz")
    assert after != before and not stronger.check_needs_rehash(after)
    assert after.startswith("$argon2id$")
    assert "password_rehash" in [a["action"] for a in audits(ledger)]
    accounts.login(ledger, "wangxz", PRINCIPAL_PW)  # and the new hash still verifies
    assert stored_hash(ledger, "wangxz") == after


def test_the_default_hasher_is_argon2id_and_memory_hard() -> None:
    real = PasswordHasher()
    assert accounts.HASHER is FAST  # this module's fixture; the module default is the real one
    assert real.type.name == "ID" and real.memory_cost >= 64 * 1024


def test_disabled_accounts_cannot_log_in(ledger: Ledger, principal: accounts.Account) -> None:
    teacher = add_teacher(ledger)
    accounts.set_disabled(ledger, teacher.id)
    with pytest.raises(InputRefused, match="已停用"):
        accounts.login(ledger, "lilaoshi", TEACHER_PW)
    accounts.set_disabled(ledger, teacher.id, False)
    assert accounts.login(ledger, "lilaoshi", TEACHER_PW).id == teacher.id


# --- administration ------------------------------------------------------------------------


def test_the_last_principal_stays(ledger: Ledger, principal: accounts.Account) -> None:
    with pytest.raises(InputRefused, match="唯一的校长账户"):
        accounts.set_role(ledger, principal.id, "registrar")
    with pytest.raises(InputRefused, match="不能停用自己"):
        accounts.set_disabled(ledger, principal.id)
    second = accounts.create(ledger, name="fuxz", role="principal", password="abcdef1")
    accounts.set_role(ledger, principal.id, "registrar")  # another principal exists now
    assert accounts.account(ledger, principal.id).role == "registrar"
    assert accounts.account(ledger, second.created[0]).role == "principal"


def test_role_changes_are_audited_with_before_and_after(
    ledger: Ledger, principal: accounts.Account
) -> None:
    teacher = add_teacher(ledger)
    accounts.set_role(ledger, teacher.id, "class_teacher", grade=6, class_name="1班")
    change = [a for a in audits(ledger) if a["action"] == "account_role"][-1]
    assert change["grade"] == 6 and change["before"] == {
        "role": "class_teacher", "grade": 5, "class_name": "2班"}


def test_principal_resets_others_but_not_own_password(
    ledger: Ledger, principal: accounts.Account
) -> None:
    teacher = add_teacher(ledger)
    accounts.reset_password(ledger, teacher.id, "new-pass-1")
    with pytest.raises(InputRefused, match="县教育局"):
        accounts.reset_password(ledger, principal.id, "new-pass-1")
    accounts.sign_out(ledger)
    accounts.login(ledger, "lilaoshi", "new-pass-1")
    with pytest.raises(InputRefused, match="只有校长"):
        accounts.reset_password(ledger, principal.id, "new-pass-1")


def test_change_own_password_needs_the_old_one(
    ledger: Ledger, principal: accounts.Account
) -> None:
    with pytest.raises(ValidationError, match="原密码不正确"):
        accounts.change_password(ledger, "guess-guess", "another-1")
    accounts.change_password(ledger, PRINCIPAL_PW, "another-1")
    accounts.sign_out(ledger)
    assert accounts.login(ledger, "wangxz", "another-1").id == principal.id


# --- secrets stay local --------------------------------------------------------------------


def test_no_password_or_hash_is_ever_in_the_event_log(
    ledger: Ledger, principal: accounts.Account, clock: FrozenClock
) -> None:
    teacher = add_teacher(ledger)
    accounts.reset_password(ledger, teacher.id, "reset-pass-77")
    accounts.sign_out(ledger)
    for _ in range(5):
        with pytest.raises(InputRefused):
            accounts.login(ledger, "lilaoshi", "typo-pass-99")
    accounts.login(ledger, "wangxz", PRINCIPAL_PW)
    accounts.change_password(ledger, PRINCIPAL_PW, "changed-pass-88")
    secrets = [PRINCIPAL_PW, TEACHER_PW, "reset-pass-77", "typo-pass-99", "changed-pass-88"]
    hashes = [str(row[0]) for row in ledger.conn.execute("SELECT pw_hash FROM accounts")]
    salts = [h.split("$")[4] for h in hashes]
    kinds = {a["action"] for a in audits(ledger)}
    assert {"account_create", "login", "login_failed", "account_locked", "password_reset",
            "password_change", "logout"} <= kinds
    for secret in [*secrets, *hashes, *salts, "$argon2"]:
        for column in ("hdr", "body"):
            found = ledger.conn.execute(
                f"SELECT count(*) FROM events WHERE instr(CAST({column} AS TEXT), ?) > 0",
                (secret,)).fetchone()[0]
            assert found == 0, (secret, column)


def test_accounts_survive_reopening_and_an_old_ledger_migrates(
    ledger_path: Path, clock: FrozenClock, ledger: Ledger, principal: accounts.Account
) -> None:
    ledger.close()
    key = cipher.unlock(ledger_path, "wangxz", PRINCIPAL_PW)  # encrypted by the first account
    with Ledger.open(ledger_path, clock=clock, key=key) as again:
        assert accounts.has_accounts(again) and again.operator.role == ""  # nobody signed in
        assert accounts.login(again, "wangxz", PRINCIPAL_PW).role == "principal"


def test_a_county_ledger_is_administered_by_its_clerk(tmp_path: Path) -> None:
    clock = FrozenClock(dt.datetime(2026, 11, 22, 10, 0))
    with Ledger.create(tmp_path / "county.sqlite", kind="county", code="524821",
                       name="示例县教育局", clock=clock) as county:
        with pytest.raises(InputRefused, match="第一个账户必须是县教育局工作人员"):
            accounts.create(county, name="li", role="principal", password="abcdef1")
        accounts.create(county, name="clerk", role="county_clerk", password="abcdef1")
        accounts.login(county, "clerk", "abcdef1")
        accounts.create(county, name="zhao", role="county_clerk", password="abcdef2")


def test_a_demo_school_gets_a_demo_principal_with_a_password_shown_once(
    tmp_path: Path, clock: FrozenClock
) -> None:
    from dropout_ledger.services.demo import ensure_demo

    with Ledger.create(tmp_path / "real.sqlite", kind="school", code="2152010201",
                       name="真实学校", county_code="520102", clock=clock) as real:
        with pytest.raises(InputRefused, match="演示台账"):  # a real school chooses its own
            accounts.create_demo_principal(real)
    path = tmp_path / "demo.sqlite"
    ensure_demo(path, students=20)
    with Ledger.open(path) as demo:
        who, password = accounts.create_demo_principal(demo)
        assert who.role == "principal" and demo.operator.id == who.id and len(password) == 8
        accounts.sign_out(demo)
        assert accounts.login(demo, accounts.DEMO_NAME, password).id == who.id
        with pytest.raises(InputRefused):
            accounts.create_demo_principal(demo)
