"""Local accounts: who may open the ledger, with which role, and for a class teacher which class.

A shared office laptop holds the personal data of every child of the school (domain.md §10), so
each person logs in with a name and a password, and the role (model/access.py) decides what
they see. Decisions (docs/decisions/0020-accounts-and-roles.md):

- Accounts live in the local `accounts` table (store/schema.py m004), never in events: events
  travel to the county in sync packages and are kept forever, and a password hash must do
  neither. What happened to an account (created, logged in, failed, locked out, role changed,
  password reset) is an `audit` event naming the account, never carrying a password or hash.
- Passwords are hashed with argon2id (argon2-cffi), memory-hard, with its salt and parameters in
  the stored PHC string; a login with a hash made under older parameters rehashes it.
- Five failed logins lock the account for fifteen minutes by the ledger's clock. An unknown name
  costs the same argon2 verification as a wrong password, so timing does not tell which names
  exist; the refusal does not say which of the two was wrong either.
- Only the principal (on a county ledger: the county clerk) administers accounts, and the very
  first account is one made at first start. Nobody can remove the last administrator. A
  forgotten password never loses data: the principal resets anyone else's, and the principal's
  own is reset by a file the county signs (`reset_with_county_file`).

`login` checks a password and `sign_in` makes the account the ledger's operator: its events
name that person, and `Queries.scope` limits a class teacher to her class everywhere the core
reads.
"""

from __future__ import annotations

import datetime as dt
import secrets
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from dropout_ledger.canonical import nfc
from dropout_ledger.errors import InputRefused, NotFound, Problem, ValidationError
from dropout_ledger.ids import new_id
from dropout_ledger.ledger import DEFAULT_OPERATOR, Ledger, Writer
from dropout_ledger.model.access import POLICY, Permission, may
from dropout_ledger.model.changes import Changes
from dropout_ledger.model.profile import ROLES
from dropout_ledger.services import cipher
from dropout_ledger.store import sqlite as sqlite3
from dropout_ledger.store.events import Operator
from dropout_ledger.store.queries import ClassScope
from dropout_ledger.synthetic import FICTIONAL_COUNTY_CODE

if TYPE_CHECKING:
    from argon2 import PasswordHasher

MIN_PASSWORD = 6
"""Characters a password needs at least (a PIN-like six: these are teachers on old laptops)."""
MAX_PASSWORD = 256
"""Characters at most: argon2 takes any length, but a megabyte typed in is not a password."""
MAX_FAILURES = 5
"""Failed logins in a row that lock an account."""
LOCK_MINUTES = 15
"""How long a locked account refuses every login (the principal may unlock it at once)."""
MAX_NAME = 32

HASHER: PasswordHasher | None = None  # made on first use: argon2 loads only when needed
"""argon2id with argon2-cffi's RFC 9106 low-memory profile (64 MiB, 3 passes, 4 lanes): about
0.1 s on an old laptop. Tests may swap in cheaper parameters; a login under other parameters
than these rehashes the password (`check_needs_rehash`)."""

ROLE_LABELS: dict[str, str] = {code.code: code.label for code in ROLES}
"""The roles' Chinese names: principal 校长, registrar 学籍管理员, class_teacher 班主任, …"""

NO_ACCOUNT = DEFAULT_OPERATOR
"""The operator of a ledger nobody is logged in to: role "", masked data only."""

WRONG = "账户名或密码不正确。请再试一次；连续输错 {max} 次，账户将锁定 {minutes} 分钟。"

_COLUMNS = ("id, name, display_name, role, grade, class_name, failed, locked_until, disabled,"
            " created, changed")


@dataclass(frozen=True)
class Account:
    """One local account as screens list it (never with its hash)."""

    id: str
    name: str
    display_name: str
    role: str
    grade: int | None
    class_name: str
    failed: int
    locked_until: str | None
    disabled: bool
    created: str
    changed: str

    @property
    def role_label(self) -> str:
        return ROLE_LABELS.get(self.role, self.role)

    @property
    def scope(self) -> ClassScope | None:
        """The class a class teacher is limited to; None for roles that see the whole school.

        A role without WHOLE_SCHOOL and no class (never stored: `_check_role` refuses it)
        would see nobody rather than everybody.
        """
        if may(self.role, Permission.WHOLE_SCHOOL):
            return None
        return ClassScope(self.grade or 0, self.class_name)

    def locked(self, now: dt.datetime) -> bool:
        """Whether logins are refused at `now` (see `_lock_active`)."""
        return _lock_active(self.locked_until, now)

    def operator(self) -> Operator:
        return Operator(id=self.id, name=self.display_name, role=self.role)


def _row_account(row: sqlite3.Row | tuple[Any, ...]) -> Account:
    return Account(
        id=row[0], name=row[1], display_name=row[2], role=row[3], grade=row[4],
        class_name=row[5] or "", failed=int(row[6]), locked_until=row[7],
        disabled=bool(row[8]), created=row[9], changed=row[10],
    )


# --- reading -------------------------------------------------------------------------------


def has_accounts(ledger: Ledger) -> bool:
    """True once any account exists: from then on the ledger is opened by logging in."""
    return ledger.conn.execute("SELECT 1 FROM accounts LIMIT 1").fetchone() is not None


def list_accounts(ledger: Ledger) -> list[Account]:
    """Every account, enabled first, then by role and name (no hashes)."""
    rows = ledger.conn.execute(
        f"SELECT {_COLUMNS} FROM accounts ORDER BY disabled, role, name_key")
    return [_row_account(row) for row in rows]


def login_names(ledger: Ledger) -> list[str]:
    """The names a login dialog may offer on a shared laptop: enabled accounts only."""
    return [a.name for a in list_accounts(ledger) if not a.disabled]


def account(ledger: Ledger, account_id: str) -> Account:
    found = _by_id(ledger, account_id)
    if found is None:
        raise NotFound("找不到这个账户，可能已被删除。请刷新账户列表。")
    return found


def by_name(ledger: Ledger, name: str) -> Account:
    """The account with this login name (any case), or NotFound."""
    found = _by_name(ledger, name)
    if found is None:
        raise NotFound(f"没有名为“{name.strip()}”的账户。")
    return found[0]


def current(ledger: Ledger) -> Account | None:
    """The account signed in on this ledger, or None (nobody: masked data only)."""
    return _by_id(ledger, ledger.operator.id)


def _by_id(ledger: Ledger, account_id: str) -> Account | None:
    row = ledger.conn.execute(
        f"SELECT {_COLUMNS} FROM accounts WHERE id = ?", (account_id,)).fetchone()
    return _row_account(row) if row else None


def _by_name(ledger: Ledger, name: str) -> tuple[Account, str] | None:
    row = ledger.conn.execute(
        f"SELECT {_COLUMNS}, pw_hash FROM accounts WHERE name_key = ?",
        (_name_key(name),)).fetchone()
    return (_row_account(row), str(row[11])) if row else None


def admin_role(ledger: Ledger) -> str:
    """The role that administers accounts: the principal, or on a county ledger the clerk."""
    return "county_clerk" if ledger.org.kind == "county" else "principal"


# --- checks --------------------------------------------------------------------------------


def _name_key(name: str) -> str:
    return nfc(name.strip()).casefold()


def clean_name(name: str) -> str:
    """A login name: 1–32 characters, no spaces inside (it is typed at every login)."""
    name = nfc(name.strip())
    if not name:
        raise ValidationError(Problem("name", "账户名不能为空", "例如姓名拼音 zhangwei 或姓名 张伟"))
    if len(name) > MAX_NAME or any(ch.isspace() for ch in name):
        raise ValidationError(Problem("name", "账户名不能含空格，最多 32 个字", "例如 zhangwei"))
    return name


def password_problem(password: str, *names: str) -> str | None:
    """Why `password` is refused (Chinese), or None when it may be used."""
    if len(password) < MIN_PASSWORD:
        return f"密码至少要 {MIN_PASSWORD} 个字符"
    if len(password) > MAX_PASSWORD:
        return f"密码最多 {MAX_PASSWORD} 个字符"
    folded = nfc(password.strip()).casefold()
    if any(name and folded == nfc(name.strip()).casefold() for name in names):
        return "密码不能与账户名或姓名相同"
    return None


def _check_password(password: str, *names: str) -> None:
    problem = password_problem(password, *names)
    if problem is not None:
        raise ValidationError(Problem("password", problem, "请换一个别人猜不到的密码"))


def _check_role(role: str, grade: int | None, class_name: str) -> tuple[int | None, str]:
    """The class scope a role keeps: a class teacher's grade and class, else none."""
    if role not in POLICY:
        raise ValidationError(Problem("role", f"未知的角色“{role}”",
                                      "可选：" + "、".join(ROLE_LABELS.values())))
    if may(role, Permission.WHOLE_SCHOOL):
        return None, ""
    class_name = nfc((class_name or "").strip())
    if grade is None or not 1 <= int(grade) <= 9 or not class_name:
        raise ValidationError(Problem("class_name", "班主任账户须指定负责的年级和班级",
                                      "例如 五年级 2班；她只能看到这个班的学生"))
    return int(grade), class_name


def _require_admin(ledger: Ledger) -> Account:
    """The signed-in administrator; refuses anybody else (and nobody)."""
    me = current(ledger)
    if me is None or me.disabled or me.role != admin_role(ledger):
        raise InputRefused(f"只有{ROLE_LABELS[admin_role(ledger)]}可以管理账户。请用"
                           f"{ROLE_LABELS[admin_role(ledger)]}账户登录后再操作。")
    return me


def _admins_left(ledger: Ledger, without: str) -> int:
    """Enabled administrators other than account `without`."""
    row = ledger.conn.execute(
        "SELECT count(*) FROM accounts WHERE role = ? AND disabled = 0 AND id != ?",
        (admin_role(ledger), without)).fetchone()
    return int(row[0])


def _now(ledger: Ledger) -> dt.datetime:
    return ledger.clock.now()


def _lock_active(locked_until: str | None, now: dt.datetime) -> bool:
    """Whether a lock holds at `now`.

    A lock further ahead than LOCK_MINUTES means the computer's clock was turned back after it
    was set (rural laptops' clocks are often wrong): it is treated as over rather than locking
    the teacher out for days.
    """
    if not locked_until:
        return False
    until = dt.datetime.fromisoformat(locked_until)
    return now < until <= now + dt.timedelta(minutes=LOCK_MINUTES)


def _hasher() -> PasswordHasher:
    """The hasher (argon2 is imported here, not at start-up: the first window needs none)."""
    global HASHER
    if HASHER is None:
        from argon2 import PasswordHasher

        HASHER = PasswordHasher()
    return HASHER


def _hash(password: str) -> str:
    return _hasher().hash(password)


_DUMMY: list[str] = []


def _dummy_hash() -> str:
    """A hash to verify against when the name is unknown, so that costs the same time."""
    if not _DUMMY or _hasher().check_needs_rehash(_DUMMY[0]):
        _DUMMY[:] = [_hash(new_id())]
    return _DUMMY[0]


def _verify(stored: str, password: str) -> bool:
    from argon2.exceptions import InvalidHashError, VerificationError

    try:
        return _hasher().verify(stored, password)
    except (VerificationError, InvalidHashError):
        return False


def _audit(w: Writer, account_id: str, action: str, **facts: Any) -> None:
    """One audit event about an account; `facts` must never hold a password or a hash."""
    w.emit("audit", f"account:{account_id}" if account_id else "account:",
           {"action": action, "account": account_id, **facts})


# --- creating and logging in ---------------------------------------------------------------


def create(
    ledger: Ledger, *, name: str, password: str, role: str, display_name: str = "",
    grade: int | None = None, class_name: str = "",
) -> Changes:
    """Add an account; its id is in the returned Changes' `created`.

    The very first account of a ledger must be its administrator (the principal; a county
    ledger's clerk), made at first start by whoever installs it; every later one only by a
    signed-in administrator.
    """
    name = clean_name(name)
    display_name = nfc(display_name.strip()) or name
    if len(display_name) > MAX_NAME:
        raise ValidationError(Problem("display_name", "姓名最多 32 个字"))
    first = not has_accounts(ledger)
    if first and role != admin_role(ledger):
        raise InputRefused(f"第一个账户必须是{ROLE_LABELS[admin_role(ledger)]}账户，"
                           "由他（她）再为其他老师开账户。")
    if not first:
        _require_admin(ledger)
    grade, class_name = _check_role(role, grade, class_name)
    _check_password(password, name, display_name)
    if _by_name(ledger, name) is not None:
        raise ValidationError(Problem("name", f"账户名“{name}”已经有人用了", "请换一个账户名"))
    digest = _hash(password)  # before the transaction: argon2 takes a tenth of a second
    account_id = new_id()
    stamp = _now(ledger).isoformat()
    with ledger.write() as w:
        try:
            w.conn.execute(
                "INSERT INTO accounts (id, name, name_key, display_name, role, grade,"
                " class_name, pw_hash, created, changed) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (account_id, name, _name_key(name), display_name, role, grade, class_name,
                 digest, stamp, stamp))
        except sqlite3.IntegrityError:
            raise ValidationError(Problem("name", f"账户名“{name}”已经有人用了",
                                          "请换一个账户名")) from None
        _audit(w, account_id, "account_create", name=name, display_name=display_name,
               role=role, grade=grade, class_name=class_name, first=first)
        w.changes.created.append(account_id)
        changes = w.changes.freeze()
    # Decision 0021: the first account encrypts the ledger; a later one gets its wrap.
    if first:
        cipher.encrypt(ledger, account_id, name, password)
    else:
        cipher.set_wrap(ledger, account_id, name, password)
    return changes


DEMO_NAME = "xiaozhang"
_READABLE = "abcdefghjkmnpqrstuvwxyz23456789"  # no 0/o, 1/l/i to misread off a screen


def is_demo(ledger: Ledger) -> bool:
    """A demo school (services/demo.py): synthetic pupils in the fictional county."""
    org = ledger.org
    return org.kind == "school" and org.county_code == FICTIONAL_COUNTY_CODE


def create_demo_principal(ledger: Ledger) -> tuple[Account, str]:
    """The first account of a demo school, with a random password to show once; signed in.

    Only for a demo ledger without accounts: a real school chooses its principal's password.
    """
    if not is_demo(ledger) or has_accounts(ledger):
        raise InputRefused("只有还没有账户的演示台账可以自动创建演示校长账户。")
    password = "".join(secrets.choice(_READABLE) for _ in range(8))
    changes = create(ledger, name=DEMO_NAME, display_name="演示校长", role="principal",
                     password=password)
    return sign_in(ledger, account(ledger, changes.created[0]), reason="demo"), password


def login(ledger: Ledger, name: str, password: str) -> Account:
    """Check a name and password and sign the account in; refuse (InputRefused) otherwise.

    Every attempt is an audit event: a login, or a failure naming the account when the name
    exists (an unknown name is not recorded: people type their password into the name field).
    The fifth failure in a row locks the account for LOCK_MINUTES; while locked, even the right
    password is refused. The refusal is raised after the failure was written.
    """
    now = _now(ledger)
    found = _by_name(ledger, name) if name.strip() else None
    stored = found[1] if found else _dummy_hash()
    matches = _verify(stored, password)  # always one verification: unknown names cost the same
    if found is None:
        with ledger.write() as w:
            _audit(w, "", "login_failed", reason="unknown_name")
        raise InputRefused(WRONG.format(max=MAX_FAILURES, minutes=LOCK_MINUTES))
    who = found[0]
    if _lock_active(who.locked_until, now):
        with ledger.write() as w:
            _audit(w, who.id, "login_failed", name=who.name, reason="locked")
        raise InputRefused(_locked_message(who, now))
    if matches and who.disabled:
        with ledger.write() as w:
            _audit(w, who.id, "login_failed", name=who.name, reason="disabled")
        raise InputRefused("这个账户已停用。如需恢复，请找校长。")
    if not matches:
        _failed(ledger, who, now)
    if _hasher().check_needs_rehash(stored):
        _store_hash(ledger, who.id, _hash(password), now)
    signed = sign_in(ledger, who, reason="password")
    _keep_key(ledger, who, password)
    return signed


def _keep_key(ledger: Ledger, who: Account, password: str) -> None:
    """After a good password (decision 0021): encrypt a plaintext ledger that has accounts,
    else give this account a wrap if it lacks one, renew the county wrap, and finish a
    migration a kill cut short."""
    if ledger.key is None:
        cipher.encrypt(ledger, who.id, who.name, password)
        return
    if not cipher.has_wrap(ledger, who.id):
        cipher.set_wrap(ledger, who.id, who.name, password)
    cipher.ensure_county_wrap(ledger)
    cipher.finish(ledger)


def _failed(ledger: Ledger, who: Account, now: dt.datetime) -> None:
    """Count a wrong password (a lock that has run out starts the count again), then refuse."""
    failed = (0 if who.locked_until else who.failed) + 1
    lock = failed >= MAX_FAILURES
    until = (now + dt.timedelta(minutes=LOCK_MINUTES)).isoformat() if lock else None
    with ledger.write() as w:
        w.conn.execute("UPDATE accounts SET failed = ?, locked_until = ? WHERE id = ?",
                       (0 if lock else failed, until, who.id))
        _audit(w, who.id, "login_failed", name=who.name, reason="password", failures=failed)
        if lock:
            _audit(w, who.id, "account_locked", name=who.name, until=until,
                   minutes=LOCK_MINUTES)
    if lock:
        raise InputRefused(f"密码连续输错 {MAX_FAILURES} 次，账户“{who.name}”已锁定 "
                           f"{LOCK_MINUTES} 分钟。请稍后再试，或请校长解锁。")
    left = MAX_FAILURES - failed
    raise InputRefused(WRONG.format(max=MAX_FAILURES, minutes=LOCK_MINUTES)
                       + f"（还可以再试 {left} 次）")


def _locked_message(who: Account, now: dt.datetime) -> str:
    until = dt.datetime.fromisoformat(str(who.locked_until))
    minutes = max(1, -(-int((until - now).total_seconds()) // 60))
    return (f"账户“{who.name}”因密码连续输错已锁定，请 {minutes} 分钟后再试，"
            "或请校长在“设置 → 账户管理”中解锁。")


def _store_hash(ledger: Ledger, account_id: str, digest: str, now: dt.datetime) -> None:
    with ledger.write() as w:
        w.conn.execute("UPDATE accounts SET pw_hash = ?, changed = ? WHERE id = ?",
                       (digest, now.isoformat(), account_id))
        _audit(w, account_id, "password_rehash")


def sign_in(ledger: Ledger, who: Account, *, reason: str = "password") -> Account:
    """Make `who` the ledger's operator (events name them; a class teacher sees her class).

    Called by `login` after the password matched, and by the app right after the first
    principal account was made. Clears failed attempts; records the login.
    """
    ledger.operator = who.operator()
    ledger.queries.scope = who.scope
    with ledger.write() as w:
        w.conn.execute("UPDATE accounts SET failed = 0, locked_until = NULL WHERE id = ?",
                       (who.id,))
        _audit(w, who.id, "login", name=who.name, role=who.role, reason=reason)
    return account(ledger, who.id)


def sign_out(ledger: Ledger) -> None:
    """Back to nobody (masked data only), recording the logout of whoever was signed in."""
    me = current(ledger)
    if me is not None:
        with ledger.write() as w:
            _audit(w, me.id, "logout", name=me.name)
    ledger.operator = NO_ACCOUNT
    ledger.queries.scope = None


# --- changing accounts ---------------------------------------------------------------------


def change_password(ledger: Ledger, old: str, new: str) -> Changes:
    """The signed-in person changes their own password (the old one proves it is them)."""
    me = current(ledger)
    if me is None:
        raise InputRefused("请先登录，再修改自己的密码。")
    found = _by_name(ledger, me.name)
    if found is None or not _verify(found[1], old):
        raise ValidationError(Problem("old_password", "原密码不正确", "请输入现在使用的密码"))
    _check_password(new, me.name, me.display_name)
    return _set_password(ledger, me, new, "password_change")


def reset_password(ledger: Ledger, account_id: str, new: str) -> Changes:
    """The administrator sets a new password for someone who forgot theirs (and unlocks it).

    Not for the administrator's own account: that is `change_password`, or when forgotten, the
    county's signed reset file (`reset_with_county_file`).
    """
    me = _require_admin(ledger)
    who = account(ledger, account_id)
    if who.id == me.id:
        raise InputRefused("不能用“重设密码”改自己的密码：请用“修改我的密码”。"
                           "忘记校长密码时，请县教育局出具重设文件。")
    _check_password(new, who.name, who.display_name)
    return _set_password(ledger, who, new, "password_reset")


def _set_password(ledger: Ledger, who: Account, new: str, action: str,
                  **facts: Any) -> Changes:
    """New hash and, on an encrypted ledger, a new wrap of the data key (`key_change`).

    The new wrap is written beside the old one before the hash changes and the old one dropped
    after: a kill in between leaves a key file that both passwords open, never neither.
    """
    digest = _hash(new)
    stamp = _now(ledger).isoformat()
    encrypted = ledger.key is not None
    if encrypted:
        cipher.set_wrap(ledger, who.id, who.name, new, keep_old=True)
    with ledger.write() as w:
        w.conn.execute(
            "UPDATE accounts SET pw_hash = ?, failed = 0, locked_until = NULL, changed = ?"
            " WHERE id = ?", (digest, stamp, who.id))
        _audit(w, who.id, action, name=who.name, **facts)
        if encrypted:
            _audit(w, who.id, "key_change", name=who.name, reason=action)
        changes = w.changes.freeze()
    cipher.keep_only_newest(ledger, who.id)
    return changes


def set_password_by_county(ledger: Ledger, who: Account, new: str) -> Changes:
    """A new password set with the county's reset file (services/cipher.py checked it)."""
    _check_password(new, who.name, who.display_name)
    return _set_password(ledger, who, new, "password_reset", by="county")


def set_role(
    ledger: Ledger, account_id: str, role: str, *, grade: int | None = None,
    class_name: str = "",
) -> Changes:
    """Change an account's role and, for a class teacher, her class (administrator only).

    Takes effect at that person's next login. The last enabled administrator keeps the role.
    """
    _require_admin(ledger)
    who = account(ledger, account_id)
    grade, class_name = _check_role(role, grade, class_name)
    if who.role == admin_role(ledger) and role != who.role and not who.disabled \
            and _admins_left(ledger, who.id) == 0:
        raise InputRefused(f"“{who.name}”是唯一的{ROLE_LABELS[admin_role(ledger)]}账户，"
                           "不能改为其他角色。请先为新校长开账户。")
    stamp = _now(ledger).isoformat()
    with ledger.write() as w:
        w.conn.execute("UPDATE accounts SET role = ?, grade = ?, class_name = ?, changed = ?"
                       " WHERE id = ?", (role, grade, class_name, stamp, who.id))
        _audit(w, who.id, "account_role", name=who.name, role=role, grade=grade,
               class_name=class_name, before={"role": who.role, "grade": who.grade,
                                              "class_name": who.class_name})
        return w.changes.freeze()


def set_disabled(ledger: Ledger, account_id: str, disabled: bool = True) -> Changes:
    """Stop (or allow again) an account's logins; its history stays (administrator only)."""
    me = _require_admin(ledger)
    who = account(ledger, account_id)
    if disabled and who.id == me.id:
        raise InputRefused("不能停用自己正在使用的账户。")
    if disabled and who.role == admin_role(ledger) and _admins_left(ledger, who.id) == 0:
        raise InputRefused(f"“{who.name}”是唯一的{ROLE_LABELS[admin_role(ledger)]}账户，不能停用。")
    stamp = _now(ledger).isoformat()
    with ledger.write() as w:
        w.conn.execute("UPDATE accounts SET disabled = ?, changed = ? WHERE id = ?",
                       (int(disabled), stamp, who.id))
        _audit(w, who.id, "account_disable" if disabled else "account_enable", name=who.name)
        if disabled and ledger.key is not None:
            _audit(w, who.id, "key_change", name=who.name, reason="account_disable")
        changes = w.changes.freeze()
    if disabled:  # her password no longer opens the file; enabling again needs a reset
        cipher.drop_wrap(ledger, who.id)
    return changes


def unlock(ledger: Ledger, account_id: str) -> Changes:
    """Lift a lockout at once and forget the failed attempts (administrator only)."""
    _require_admin(ledger)
    who = account(ledger, account_id)
    with ledger.write() as w:
        w.conn.execute("UPDATE accounts SET failed = 0, locked_until = NULL WHERE id = ?",
                       (who.id,))
        _audit(w, who.id, "account_unlock", name=who.name)
        return w.changes.freeze()


# --- what the signed-in operator may do ----------------------------------------------------


def require_permission(ledger: Ledger, permission: Permission, refusal: str) -> None:
    """Refuse (exit 2, `refusal` in Chinese) an operator whose role lacks `permission`.

    Nobody logged in (a ledger without accounts, role "") keeps what the app did before
    accounts existed; once a ledger has accounts every reader is logged in.
    """
    role = ledger.operator.role
    if role and not may(role, permission):
        raise InputRefused(refusal)
