"""Whose keys this ledger trusts: the county's at a school, each school's at the county.

A key is `pending` (learnt from a first package, or from a new install of a known school: not
used until a person confirms its fingerprint), `active` (confirmed: packages it signs are
accepted) or `revoked` (a lost laptop: refused). Confirmation is by the 30 digits on a stamped
paper or read out on the phone; who confirmed and how is kept (sync.md §c.13).

At the county, enrolling a school adds a row with no keys yet. The clerk may confirm the
school's digits before its first package arrives ("pin by digits"); the first package whose keys
have exactly those digits is then accepted at once.

Every function here works inside the caller's transaction and never commits.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from dropout_ledger.errors import NotFound
from dropout_ledger.store import sqlite as sqlite3
from dropout_ledger.sync.errors import PackageRefused
from dropout_ledger.sync.keys import PublicKeys, normalise_fingerprint

STATUSES = ("pending", "active", "revoked")


@dataclass(frozen=True)
class TrustedKey:
    """One row of `trust`."""

    org: str
    keys: PublicKeys | None
    """None: a school enrolled whose key has not arrived yet (maybe with confirmed digits)."""
    fingerprint: str
    status: str
    confirmed_by: str
    method: str
    pinned: str


_COLUMNS = "org, sign_pk, enc_pk, fingerprint, status, confirmed_by, confirm_method, pinned"


def _row(row: tuple[str, bytes, bytes, str, str, str, str, str]) -> TrustedKey:
    org, sign_pk, enc_pk, fingerprint, status, by, method, pinned = row
    keys = PublicKeys(org, bytes(sign_pk), bytes(enc_pk)) if sign_pk else None
    return TrustedKey(org, keys, fingerprint, status, by, method, pinned)


def _now(wall: str) -> str:
    return wall or dt.datetime.now().astimezone().isoformat(timespec="seconds")


def pin(conn: sqlite3.Connection, keys: PublicKeys, *, status: str, confirmed_by: str,
        method: str, wall: str = "") -> None:
    """Record `keys` for their organisation with `status` (replacing that key's row).

    A digits-only row of the same organisation with these keys' fingerprint is folded into it.
    """
    if status not in STATUSES:
        raise ValueError(f"unknown trust status {status!r}")
    fingerprint = keys.fingerprint()
    conn.execute("DELETE FROM trust WHERE org = ? AND sign_pk = x'' AND fingerprint = ?",
                 (keys.org, fingerprint))
    conn.execute(
        f"INSERT OR REPLACE INTO trust ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (keys.org, keys.sign_pk, keys.enc_pk, fingerprint, status, confirmed_by, method,
         _now(wall)),
    )


def expect(conn: sqlite3.Connection, org: str, *, by: str, wall: str = "") -> None:
    """An enrolled organisation whose key has not arrived: a row with no keys and no digits."""
    if not lookup(conn, org):
        conn.execute(
            f"INSERT INTO trust ({_COLUMNS}) VALUES (?, x'', x'', '', 'pending', ?, 'enrolled', ?)",
            (org, by, _now(wall)),
        )


def hold(conn: sqlite3.Connection, keys: PublicKeys, *, wall: str = "") -> None:
    """Remember a key learnt from a package that was held ('held', 'key_changed'), pending a
    person's confirmation; a key already known keeps its row."""
    known = conn.execute("SELECT 1 FROM trust WHERE org = ? AND sign_pk = ?",
                         (keys.org, keys.sign_pk)).fetchone()
    if known is None:
        pin(conn, keys, status="pending", confirmed_by="", method="first_package", wall=wall)


def lookup(conn: sqlite3.Connection, org: str) -> list[TrustedKey]:
    """Every key row of `org`, newest first."""
    rows = conn.execute(
        f"SELECT {_COLUMNS} FROM trust WHERE org = ? ORDER BY pinned DESC, fingerprint", (org,))
    return [_row(row) for row in rows]


def by_sign_key(conn: sqlite3.Connection, sign_pk: bytes) -> list[TrustedKey]:
    """The rows holding this signing key (normally one; two organisations = a forgery)."""
    rows = conn.execute(f"SELECT {_COLUMNS} FROM trust WHERE sign_pk = ?", (sign_pk,))
    return [_row(row) for row in rows]


def confirm(conn: sqlite3.Connection, org: str, fingerprint: str, *, by: str,
            method: str, wall: str = "") -> PublicKeys | None:
    """A person compared the digits: the matching key becomes active and is returned.

    Before any key of `org` arrived, the digits are pinned instead (returns None) so that the
    first package with those digits is accepted. Digits that match no key learnt are refused
    ('fingerprint_mismatch') and nothing changes.
    """
    digits = normalise_fingerprint(fingerprint)
    rows = lookup(conn, org)
    if not rows:
        raise NotFound(f"{org} 尚未登记。请先登记该单位（county enroll-school），再确认指纹。")
    for row in rows:
        if row.keys is not None and row.fingerprint == digits:
            if row.status == "revoked":
                raise PackageRefused("revoked", f"指纹为 {digits} 的密钥已注销，不能再确认。")
            pin(conn, row.keys, status="active", confirmed_by=by, method=method, wall=wall)
            # Digits pinned earlier that this key does not match are superseded by it.
            conn.execute("DELETE FROM trust WHERE org = ? AND sign_pk = x''", (org,))
            return row.keys
    learnt = [row.fingerprint for row in rows if row.keys is not None and row.status == "pending"]
    if learnt or all(row.keys is not None for row in rows):
        known = "、".join(learnt) or "（无待确认的密钥）"
        raise PackageRefused("fingerprint_mismatch",
                             f"收到的密钥指纹为 {known}；输入的是 {digits}。")
    conn.execute(
        "UPDATE trust SET fingerprint = ?, status = 'active', confirmed_by = ?,"
        " confirm_method = ?, pinned = ? WHERE org = ? AND sign_pk = x''",
        (digits, by, method, _now(wall), org),
    )
    return None


def revoke(conn: sqlite3.Connection, org: str, fingerprint: str) -> None:
    """Refuse from now on every package signed by the key with these digits."""
    digits = normalise_fingerprint(fingerprint)
    changed = conn.execute(
        "UPDATE trust SET status = 'revoked' WHERE org = ? AND fingerprint = ?", (org, digits),
    ).rowcount
    if not changed:
        raise NotFound(f"{org} 没有指纹为 {digits} 的密钥。")


def check_sender(conn: sqlite3.Connection, keys: PublicKeys) -> TrustedKey:
    """The trust row that lets `keys` send to us, or the refusal that says why not.

    other_school: the signing key is pinned for another organisation; revoked; held: the
    organisation is enrolled but no key of it is confirmed yet; key_changed: it has another
    confirmed key (or confirmed digits that differ); unknown_sender: never enrolled. A row
    returned with `keys` None matched by digits only: `pin` the keys as active when importing.
    """
    digits = keys.fingerprint()
    seen = f"此包的密钥指纹为 {digits}。"
    rows = by_sign_key(conn, keys.sign_pk)
    for row in rows:
        if row.org != keys.org:
            raise PackageRefused("other_school", f"包上写的发件单位是 {keys.org}，签名密钥登记在 {row.org} 名下。")
    for row in rows:
        if row.fingerprint == digits:
            if row.status == "revoked":
                raise PackageRefused("revoked", seen)
            if row.status == "active":
                return row
    org_rows = lookup(conn, keys.org)
    if not org_rows:
        raise PackageRefused("unknown_sender", f"发件单位：{keys.org}。")
    for row in org_rows:
        if row.fingerprint == digits and row.status == "revoked":
            raise PackageRefused("revoked", seen)  # digits revoked before its key ever arrived
        if row.keys is None and row.status == "active" and row.fingerprint == digits:
            return row
    if any(row.status == "active" for row in org_rows):
        raise PackageRefused("key_changed", seen)
    raise PackageRefused("held", seen)
