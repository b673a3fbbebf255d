"""The ledger encrypted at rest: when it is encrypted, how a login opens it, the county's recovery.

Decision 0021. A ledger without accounts has no secret to protect a key with and stays
plaintext (old ledgers, demo schools before their first login, the test suite). Creating the
first account — or the first login on a ledger that already has accounts — encrypts it in
place (`encrypt`): an `upgrade` snapshot, `sqlcipher_export` into a temporary file, fsync, the
key file written, then one rename over the ledger; every plaintext snapshot in `备份/` is then
re-exported encrypted. A kill at any instant leaves the plaintext ledger or the encrypted one
with its key file, never neither; the next login finishes the job (`finish`).

The data key is random and lives wrapped in `<ledger>.keys` (store/keyfile.py): once per
account under its password, once for the county under its pinned encryption key. Login
unwraps it (`unlock`) before the file can be read at all, so a wrong password changes no byte.
A forgotten password is recovered by the county: `county_recovery_file` (county side) opens the
county wrap with the county's private key and issues a signed reset file whose wrap opens with
a one-time code; `reset_with_county_file` (school side) checks the county's signature against
the pinned key, sets a new password and wraps the key for it.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import secrets
import uuid
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from dropout_ledger import canonical
from dropout_ledger.clock import SystemClock
from dropout_ledger.errors import InputRefused, LedgerOpenError
from dropout_ledger.fileio import fsync_dir
from dropout_ledger.ledger import Ledger
from dropout_ledger.store import backup, db, keyfile
from dropout_ledger.store import sqlite as sqlite3

NO_COUNTY_WARNING = "尚未加入县级台账：忘记密码将无法找回"
"""Shown while a school's key file has no county wrap: nobody could recover a lost password."""

WRONG = ("账户名或密码不正确，台账没有打开，文件没有改动。若密码确实没错，可能您的账户还没有这本加密"
         "台账的钥匙（新开或刚恢复启用的账户）：请校长在“账户管理”中为您重设密码。")

ENCRYPT_AT_REST = True
"""Off: ledgers stay plaintext whatever their accounts (the switch for a release that must ship
without encryption; encrypted ledgers still open with a login)."""

RESET_KIND = "account_reset"
RESET_FORMAT = "dropout-ledger-account-reset"
_SIG_CONTEXT = b"dl-account-reset-v1\0"
_CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"  # no 0/O, 1/I/L to misread on the phone


def kdf() -> keyfile.Kdf:
    """The Argon2id parameters of the login hash (tests swap in cheaper ones)."""
    from dropout_ledger.services import accounts

    hasher = accounts._hasher()
    return keyfile.Kdf(hasher.time_cost, hasher.memory_cost, hasher.parallelism)


# --- opening ---------------------------------------------------------------------------------


def is_encrypted(path: Path) -> bool:
    """Whether the ledger at `path` is an SQLCipher file (it needs a login to open)."""
    return db.is_encrypted(Path(path))


def unlock(path: Path, name: str, password: str, *, now: dt.datetime | None = None) -> bytes:
    """The data key of the encrypted ledger at `path`, unwrapped with this account's password.

    Refuses in Chinese (`InputRefused`) a wrong name or password without touching the ledger;
    an unknown name costs one Argon2id derivation like a wrong password. Failures of a known
    name are counted in the key file (the ledger cannot be written before it is open): the
    fifth in a row locks the name for LOCK_MINUTES, as a login does, and the next open moves
    the count into the accounts table and the audit log (`carry_lockouts`). A missing or
    damaged key file is `LedgerOpenError`.
    """
    from dropout_ledger.services import accounts

    path = Path(path)
    now = now or SystemClock().now()
    keys = keyfile.read(path)
    wraps = keys.for_name(name)
    lock = keys.lockouts.get(keyfile.name_key(name), {})
    if wraps and accounts._lock_active(lock.get("locked_until"), now):
        raise InputRefused(f"账户“{name.strip()}”因密码连续输错已锁定，请 {accounts.LOCK_MINUTES} "
                           "分钟后再试，或请校长登录后在“账户管理”中解锁。")
    if not wraps:
        keyfile.dummy_derive(kdf())
    for entry in wraps:
        key = keyfile.unwrap(entry, org=keys.org, password=password)
        if key is not None:
            return key
    if wraps:
        failed = (0 if lock.get("locked_until") else int(lock.get("failed", 0))) + 1
        until = None
        if failed >= accounts.MAX_FAILURES:
            until = (now + dt.timedelta(minutes=accounts.LOCK_MINUTES)).isoformat()
        lockouts = {**keys.lockouts, keyfile.name_key(name): {
            "failed": failed, "locked_until": until, "total": int(lock.get("total", 0)) + 1}}
        with contextlib.suppress(OSError):  # read-only media: refuse all the same
            keyfile.write(path, replace(keys, lockouts=lockouts))
        if until is not None:
            raise InputRefused(f"密码连续输错 {accounts.MAX_FAILURES} 次，账户“{name.strip()}”已锁定 "
                               f"{accounts.LOCK_MINUTES} 分钟。请稍后再试，或请校长解锁。")
    raise InputRefused(WRONG)


def carry_lockouts(ledger: Ledger) -> None:
    """Move failed unlocks counted in the key file into the accounts table and the audit log
    (one `login_failed` per account with the number, and `account_locked` if it locked)."""
    from dropout_ledger.services import accounts

    if ledger.key is None:
        return
    keys = keyfile.read(ledger.path)
    if not keys.lockouts:
        return
    with ledger.write() as w:
        for name, lock in keys.lockouts.items():
            row = w.conn.execute("SELECT id, name FROM accounts WHERE name_key = ?",
                                 (name,)).fetchone()
            if row is None:
                continue
            until = lock.get("locked_until")
            w.conn.execute("UPDATE accounts SET failed = ?, locked_until = ? WHERE id = ?",
                           (int(lock.get("failed", 0)), until, row[0]))
            accounts._audit(w, row[0], "login_failed", name=row[1], reason="password",
                            failures=int(lock.get("total", 1)), before_open=True)
            if until:
                accounts._audit(w, row[0], "account_locked", name=row[1], until=until,
                                minutes=accounts.LOCK_MINUTES)
    keyfile.write(ledger.path, replace(keys, lockouts={}))


def open_as(path: Path, name: str, password: str, **kwargs: Any) -> Ledger:
    """Open the ledger at `path` and log `name` in: what the command line and the login dialog
    do. An encrypted ledger is unlocked first; a plaintext one with accounts is encrypted by
    this login (`accounts.login`)."""
    from dropout_ledger.services import accounts

    clock = kwargs.get("clock") or SystemClock()
    key = unlock(path, name, password, now=clock.now()) if is_encrypted(path) else None
    ledger = Ledger.open(Path(path), key=key, **kwargs)
    try:
        carry_lockouts(ledger)
        accounts.login(ledger, name, password)
    except BaseException:
        ledger.close()
        raise
    return ledger


# --- encrypting in place ---------------------------------------------------------------------


def encrypt(ledger: Ledger, account_id: str, name: str, password: str) -> None:
    """Encrypt the open plaintext ledger in place, its data key wrapped for this account.

    A key file left by an interrupted earlier attempt whose wrap this password opens keeps its
    data key (and every other account's wrap); otherwise a new key is made. Order, so that a
    kill anywhere leaves the plaintext ledger or the encrypted one and its key file: snapshot →
    export to a temporary file → fsync → key file written → connection closed → rename.
    """
    if ledger.key is not None or not ENCRYPT_AT_REST:
        return
    path = ledger.path
    key, keys = _reusable_key(path, ledger.org_id, name, password)
    known = {str(r[0]) for r in ledger.conn.execute("SELECT id FROM accounts")}
    keys = replace(keys, wraps=tuple(w for w in keys.wraps if w.account in known))
    keys = keys.adding(keyfile.wrap(key, org=ledger.org_id, account=account_id, name=name,
                                    password=password, kdf=kdf()))
    keys = _with_county(ledger, keys, key)
    stamp = ledger.clock.now()
    if not backup.is_snapshot(path):
        backup.snapshot(ledger.conn, path, "upgrade", stamp)
    temp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.part")
    closed = False
    try:
        db.export_encrypted(ledger.conn, temp, key)
        _fsync(temp)
        keyfile.write(path, keys)
        ledger.conn.close()
        closed = True
        os.replace(temp, path)
        fsync_dir(path.parent)
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink(missing_ok=True)
        if closed:  # still the plaintext file (open_existing ignores a key for it)
            ledger.reconnect(db.open_existing(path, key=key))
        raise
    for leftover in (Path(f"{path}-wal"), Path(f"{path}-shm")):
        leftover.unlink(missing_ok=True)  # the plaintext connection's, gone with its close
    ledger.reconnect(db.open_existing(path, key=key))
    finish(ledger)


def _reusable_key(path: Path, org: str, name: str,
                  password: str) -> tuple[bytes, keyfile.KeyFile]:
    """The data key of a key file left beside a still-plaintext ledger, if this password opens
    it; else a new key and an empty key file."""
    if keyfile.exists(path):
        try:
            keys = keyfile.read(path)
        except LedgerOpenError:
            keys = None
        if keys is not None and keys.org == org:
            for entry in keys.for_name(name):
                key = keyfile.unwrap(entry, org=org, password=password)
                if key is not None:
                    return key, keys
    return keyfile.new_key(), keyfile.KeyFile(org=org)


def _fsync(path: Path) -> None:
    with path.open("rb+") as handle:
        os.fsync(handle.fileno())


def finish(ledger: Ledger) -> list[Path]:
    """Re-export every plaintext snapshot of this (encrypted) ledger encrypted, each through a
    temporary name; returns the snapshots changed. Run after `encrypt` and at each login, so a
    migration cut short by a kill is completed. `.damaged` copies are kept as they are."""
    key = ledger.key
    if key is None:
        return []
    done = []
    for snap in backup.snapshots(ledger.path):
        if snap.path.suffix != ".sqlite" or db.is_encrypted(snap.path):
            continue
        try:
            source = db.raw_connect(f"file:{snap.path}?mode=ro", None, uri=True,
                                    isolation_level=None)
        except sqlite3.Error:
            continue
        try:
            temp = snap.path.with_name(f".{snap.path.name}.{secrets.token_hex(4)}.part")
            try:
                db.export_encrypted(source, temp, key)
                _fsync(temp)
                os.replace(temp, snap.path)
            finally:
                temp.unlink(missing_ok=True)
        except sqlite3.Error:
            continue  # a damaged snapshot stays as it was; the list shows it as damaged
        finally:
            source.close()
        done.append(snap.path)
    if done:
        fsync_dir(backup.backup_dir(ledger.path))
    return done


# --- wraps -----------------------------------------------------------------------------------


def has_wrap(ledger: Ledger, account_id: str) -> bool:
    return ledger.key is not None and bool(keyfile.read(ledger.path).for_account(account_id))


def set_wrap(ledger: Ledger, account_id: str, name: str, password: str, *,
             keep_old: bool = False) -> None:
    """Wrap the open ledger's key for this account's (new) password in the key file.

    `keep_old` keeps the account's previous wrap too: written before a password change is
    committed, so that whichever password the database ends up with still unlocks.
    """
    key = ledger.key
    if key is None:
        return
    keys = keyfile.read(ledger.path)
    keys = keys.adding(keyfile.wrap(key, org=ledger.org_id, account=account_id, name=name,
                                    password=password, kdf=kdf()), keep_old=keep_old)
    keyfile.write(ledger.path, _with_county(ledger, keys, key))


def keep_only_newest(ledger: Ledger, account_id: str) -> None:
    """After a password change committed: drop the account's older wraps."""
    if ledger.key is None:
        return
    keys = keyfile.read(ledger.path)
    mine = keys.for_account(account_id)
    if len(mine) > 1:
        keyfile.write(ledger.path, keys.without(account_id).adding(mine[-1]))


def drop_wrap(ledger: Ledger, account_id: str) -> None:
    """A disabled account's password no longer opens the file (enabling it again needs a
    password reset by the principal)."""
    if ledger.key is None:
        return
    keys = keyfile.read(ledger.path)
    if keys.for_account(account_id):
        keyfile.write(ledger.path, keys.without(account_id))


def county_key(ledger: Ledger) -> tuple[str, bytes] | None:
    """The county's org and X25519 key this school has pinned (after `join`), or None."""
    from dropout_ledger.sync import trust

    county = ledger.org.county_code
    if ledger.org.kind != "school" or not county:
        return None
    for row in trust.lookup(ledger.conn, f"C:{county}"):
        if row.status == "active" and row.keys is not None:
            return row.org, row.keys.enc_pk
    return None


def _with_county(ledger: Ledger, keys: keyfile.KeyFile, key: bytes) -> keyfile.KeyFile:
    found = county_key(ledger)
    if found is None:
        return keys
    org, enc_pk = found
    if keys.county is not None and keys.county.county == org and keys.county.enc_pk == enc_pk:
        return keys
    wrap = keyfile.wrap_for_county(key, school=ledger.org_id, county=org, enc_pk=enc_pk)
    return replace(keys, county=wrap)


def ensure_county_wrap(ledger: Ledger) -> bool:
    """Add (or renew, after a county key change) the county wrap; True when there is one."""
    if ledger.key is None:
        return False
    keys = keyfile.read(ledger.path)
    updated = _with_county(ledger, keys, ledger.key)
    if updated is not keys:
        keyfile.write(ledger.path, updated)
    return updated.county is not None


def recovery_warning(ledger: Ledger) -> str | None:
    """NO_COUNTY_WARNING while an encrypted school ledger's key cannot be recovered by the
    county (not joined yet); None otherwise."""
    if ledger.key is None or ledger.org.kind != "school":
        return None
    return None if keyfile.read(ledger.path).county is not None else NO_COUNTY_WARNING


# --- county recovery -------------------------------------------------------------------------


@dataclass(frozen=True)
class Recovery:
    """A county-signed reset file and the one-time code that opens it (read out by phone)."""

    data: bytes
    code: str
    school: str


def _code() -> str:
    raw = "".join(secrets.choice(_CODE_ALPHABET) for _ in range(16))
    return "-".join(raw[i:i + 4] for i in range(0, 16, 4))


def _clean_code(code: str) -> str:
    return "".join(ch for ch in code.upper() if ch.isalnum())


def county_recovery_file(county: Ledger, school_keys: bytes, school_code: str) -> Recovery:
    """County side: open the school's county wrap and issue a signed reset file.

    `school_keys` is the school's key file (`<ledger>.keys`, brought on a stick). The data key
    is re-wrapped under a fresh one-time code (Argon2id), the file signed with the county's
    Ed25519 key; the code is printed for the clerk to give the principal by phone or on paper,
    never inside the file. Recorded as a `key_recovery` audit event (no key, no code).
    """
    from dropout_ledger.services import audit
    from dropout_ledger.sync import keys as sync_keys

    if county.org.kind != "county":
        raise InputRefused("只有县级台账可以出具恢复文件。请在县教育局的台账上运行本命令。")
    try:
        keys = keyfile.KeyFile.from_bytes(school_keys)
    except (ValueError, KeyError, TypeError, AttributeError):
        raise InputRefused("给出的文件不是学校台账的钥匙文件（.keys）。请让学校把台账旁边的"
                           "“台账文件名.keys”复制到U盘。") from None
    school = f"S:{school_code.strip()}"
    if keys.org != school:
        raise InputRefused(f"这个钥匙文件属于 {keys.org}，不是 {school}。请核对学校标识码。")
    wrap = keys.county
    if wrap is None:
        raise InputRefused("这个钥匙文件里没有给县教育局的钥匙（学校加入县级台账之前加密的台账，"
                           "或加入后还没有人登录过）。县里无法找回。")
    if wrap.county != county.org_id:
        raise InputRefused(f"这个钥匙文件是交给 {wrap.county} 保管的，不是本县。")
    pairs = sync_keys.own_keys(county)
    key = next((k for p in pairs
                if (k := keyfile.unwrap_for_county(wrap, p.enc)) is not None), None)
    if key is None:
        raise InputRefused("本县的密钥打不开这个钥匙文件（可能是用县里以前的密钥加密的，"
                           "而那把密钥已不在本机）。")
    signer = sync_keys.ensure(county)
    code = _code()
    reset_id = str(uuid.uuid4())
    issued = county.clock.now().isoformat(timespec="seconds")
    code_wrap = keyfile.wrap(key, org=school, account=reset_id, name=reset_id,
                             password=_clean_code(code), kdf=kdf())
    body = {"format": RESET_FORMAT, "kind": RESET_KIND, "version": 1, "school": school,
            "county": county.org_id, "reset_id": reset_id, "issued": issued,
            "sign_pk": signer.public.sign_pk.hex(), "wrap": code_wrap.to_json()}
    signature = signer.sign.sign(_SIG_CONTEXT + canonical.encode(body))
    data = json.dumps({"body": body, "signature": signature.hex()}, ensure_ascii=False,
                      indent=1, sort_keys=True).encode() + b"\n"
    audit.record(county, "key_recovery", school=school, reset_id=reset_id)
    return Recovery(data, code, school)


def _read_reset(data: bytes) -> tuple[dict[str, Any], bytes]:
    refusal = InputRefused("这个文件不是县教育局出具的账户恢复文件，或已损坏。请向县里重新要一份。")
    try:
        outer = json.loads(data.decode("utf-8"))
        body, signature = outer["body"], bytes.fromhex(outer["signature"])
    except (ValueError, KeyError, TypeError, AttributeError):
        raise refusal from None
    if not isinstance(body, dict) or body.get("format") != RESET_FORMAT \
            or body.get("kind") != RESET_KIND:
        raise refusal
    return body, signature


def reset_with_county_file(path: Path, data: bytes, name: str, code: str, new_password: str,
                           **kwargs: Any) -> Ledger:
    """School side: set a new password for `name` with the county's reset file and code.

    The one-time code opens the data key in the file; with it the ledger opens, and only then
    can the county's signature be checked against the county key pinned inside it — a file not
    signed by that key, for another school, or already used changes nothing. The account gets
    the new password (hash and wrap; unlocked), audited as `key_change` (reason county). Returns
    the ledger opened and signed in as that account.
    """
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    from dropout_ledger.services import accounts, audit
    from dropout_ledger.sync import trust

    body, signature = _read_reset(data)
    try:
        wrap = keyfile.Wrap.from_json(body["wrap"])
        school, county = str(body["school"]), str(body["county"])
    except (ValueError, KeyError, TypeError, AttributeError):
        raise InputRefused("账户恢复文件已损坏。请向县里重新要一份。") from None
    key = keyfile.unwrap(wrap, org=school, password=_clean_code(code))
    if key is None:
        raise InputRefused("恢复码不对（或恢复文件不是给这个台账的）。请核对县教育局给的 16 位恢复码，"
                           "台账没有改动。")
    ledger = Ledger.open(Path(path), key=key if is_encrypted(path) else None, **kwargs)
    try:
        if ledger.org_id != school:
            raise InputRefused(f"这个恢复文件是给 {school} 的，本台账是 {ledger.org_id}。")
        pinned = [row.keys.sign_pk for row in trust.lookup(ledger.conn, county)
                  if row.status == "active" and row.keys is not None]
        ok = False
        for sign_pk in pinned:
            with contextlib.suppress(InvalidSignature, ValueError):
                Ed25519PublicKey.from_public_bytes(sign_pk).verify(
                    signature, _SIG_CONTEXT + canonical.encode(body))
                ok = True
        if not ok:
            raise InputRefused("恢复文件的签名不是本校已核对的县教育局密钥签的，不能使用。"
                               "台账没有改动。请向县教育局核实。")
        used = ledger.conn.execute(
            "SELECT 1 FROM events WHERE kind = 'audit' AND body LIKE ?",
            (f'%"reset_id":"{body["reset_id"]}"%'.encode(),)).fetchone()
        if used is not None:
            raise InputRefused("这个恢复文件已经用过了。如还需重设，请向县教育局重新申请。")
        who = accounts.by_name(ledger, name)
        problem = accounts.password_problem(new_password, who.name, who.display_name)
        if problem is not None:
            raise InputRefused(f"新密码不能用：{problem}。")
        accounts.set_password_by_county(ledger, who, new_password)
        audit.record(ledger, "key_change", account=who.id, name=who.name, reason="county_reset",
                     county=county, reset_id=str(body["reset_id"]))
        accounts.sign_in(ledger, accounts.account(ledger, who.id), reason="county_reset")
    except BaseException:
        ledger.close()
        raise
    return ledger


# --- the paper recovery code -----------------------------------------------------------------

RECOVERY_ACCOUNT = "recovery-code"
RECOVERY_NAME = "\x00恢复码"
"""The key file's wrap for the paper code: no login name can hold a control character, so no
password typed at 登录 is ever tried against it."""


def make_recovery_code(ledger: Ledger) -> str:
    """A new 16-character recovery code for this ledger, replacing any earlier one.

    The county's answer to "who recovers the top": nobody holds a county ledger's key above the
    county, so the clerk prints this code and locks it in the office safe (a school before
    joining may do the same). The data key is wrapped under the code with Argon2id like a
    password; the code itself is shown once and stored nowhere. Administrator only; audited as
    `key_change` (no code in it).
    """
    from dropout_ledger.services import accounts, audit

    if ledger.key is None:
        raise InputRefused("台账还没有加密（还没有账户），不需要恢复码。")
    accounts._require_admin(ledger)
    code = _code()
    keys = keyfile.read(ledger.path).adding(keyfile.wrap(
        ledger.key, org=ledger.org_id, account=RECOVERY_ACCOUNT, name=RECOVERY_NAME,
        password=_clean_code(code), kdf=kdf()))
    keyfile.write(ledger.path, keys)
    audit.record(ledger, "key_change", reason="recovery_code")
    return code


def reset_with_recovery_code(path: Path, code: str, name: str, new_password: str,
                             **kwargs: Any) -> Ledger:
    """Open the ledger with the paper recovery code and give `name` a new password.

    A wrong code changes nothing. Returns the ledger opened and signed in as that account;
    audited as `key_change` (reason recovery_code).
    """
    from dropout_ledger.services import accounts, audit

    keys = keyfile.read(Path(path))
    key = next((k for entry in keys.for_account(RECOVERY_ACCOUNT)
                if (k := keyfile.unwrap(entry, org=keys.org, password=_clean_code(code)))
                is not None), None)
    if key is None:
        raise InputRefused("恢复码不对，或这本台账没有做过恢复码。请核对保险柜里的恢复码，台账没有改动。")
    ledger = Ledger.open(Path(path), key=key, **kwargs)
    try:
        who = accounts.by_name(ledger, name)
        problem = accounts.password_problem(new_password, who.name, who.display_name)
        if problem is not None:
            raise InputRefused(f"新密码不能用：{problem}。")
        accounts.set_password_by_county(ledger, who, new_password)
        audit.record(ledger, "key_change", account=who.id, name=who.name,
                     reason="recovery_code")
        accounts.sign_in(ledger, accounts.account(ledger, who.id), reason="recovery_code")
    except BaseException:
        ledger.close()
        raise
    return ledger
