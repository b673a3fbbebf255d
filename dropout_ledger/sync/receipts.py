"""The county's signed receipts, as the school keeps them (sync.md §c.10 "plus a signed receipt",
§c.14 "县里已收到贵校第1至80条").

Every county → school package states, in its signed manifest, what the county holds of the
school: per replica the last contiguous seq and the hash of that event (`have`), and the pupils
by status as the county sees them (`summary`). The package file itself is the receipt: it is
kept in 同步/收件 as it arrived, its Ed25519 signature covers every byte, so it can be shown to
an inspector years later. Nothing is copied out of it into the ledger: this module re-reads the
kept files when asked (a school has a few dozen), checks the signature against a county key the
school pinned at some time (a later key change must not void old receipts), and says in one
sentence what the county confirmed — and whether that matches the school's own chain, which is
the point: a matching head hash proves the county holds exactly these records, unaltered.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dropout_ledger.errors import InputRefused
from dropout_ledger.ledger import Ledger
from dropout_ledger.sync import envelope, folders, keys
from dropout_ledger.sync.payload import decode_inner


@dataclass(frozen=True)
class Receipt:
    """What one county package confirmed about this school."""

    package_id: str
    file: str
    """The kept package in 同步/收件 (the signed original)."""
    county: str
    """The county's name as signed in the package header."""
    fingerprint: str
    """The county signing key's 30 digits, to compare with the stamped key sheet."""
    created_wall: str
    """When the county wrote the package (its clock): the date the receipt speaks for."""
    imported_wall: str
    records: int
    """This school's records the county holds, contiguous from the first of each replica."""
    matches: bool
    """Whether the county's hash of its last record equals this ledger's event at that place."""
    students: int | None
    """Pupils of this school in the county's ledger, when the package says."""
    problem: str = ""
    """Why the kept file no longer verifies ('' when it does): then it proves nothing."""

    def sentence(self) -> str:
        """The receipt in one Chinese sentence, as printed and shown."""
        if self.problem:
            return f"{Path(self.file).name}：{self.problem}"
        day = self.created_wall[:10]
        text = f"{day} {self.county}确认已收到本校记录 {self.records:,} 条"
        if self.students is not None:
            text += f"，县级台账中本校学生 {self.students:,} 人"
        if self.records == 0:
            return text + "。"
        return text + ("；与本校台账逐条核对一致（县里签名已核验）。" if self.matches else
                       "；县里所存最后一条与本校台账不一致，请联系县教育局核对。")

    def to_json(self) -> dict[str, Any]:
        return {"package_id": self.package_id, "file": self.file, "county": self.county,
                "fingerprint": self.fingerprint, "created_wall": self.created_wall,
                "imported_wall": self.imported_wall, "records": self.records,
                "matches": self.matches, "students": self.students, "problem": self.problem,
                "text": self.sentence()}


def receipts(ledger: Ledger) -> list[Receipt]:
    """The county's receipts this school holds, newest first.

    Raises InputRefused on a county ledger: receipts are what a school keeps.
    """
    if not ledger.org_id.startswith("S:"):
        raise InputRefused("回执是学校保存的县里签收凭证；县级台账没有回执。")
    imported = ledger.conn.execute(
        "SELECT file_sha256, package_id, imported_wall FROM imported_packages"
        " WHERE kind = 'county_to_school' ORDER BY imported_wall DESC, package_id DESC"
    ).fetchall()
    by_digest, by_id = _kept_files(ledger, {str(row[0]) for row in imported},
                                   {str(row[1]) for row in imported})
    own_keys = keys.own_keys(ledger)
    found = []
    for digest, package_id, imported_wall in imported:
        if (path := by_digest.get(str(digest))) is not None:
            found.append(_read(ledger, path, str(imported_wall), own_keys))
        elif (path := by_id.get(str(package_id))) is not None:
            found.append(_unverified(path, str(imported_wall),
                                     "文件已不是导入时的样子（被改动过），不能作为回执。"))
    return found


def _kept_files(ledger: Ledger, digests: set[str], package_ids: set[str]
                ) -> tuple[dict[str, Path], dict[str, Path]]:
    """The inbox's imported package files by SHA-256; and files whose bytes changed since,
    recognised by the package id in their header."""
    by_digest: dict[str, Path] = {}
    by_id: dict[str, Path] = {}
    for path in folders.packages_in(folders.folder(ledger.path, folders.INBOX)):
        try:
            data = path.read_bytes()
        except OSError:
            continue
        digest = hashlib.sha256(data).hexdigest()
        if digest in digests:
            by_digest[digest] = path
            continue
        try:
            package_id = str(envelope.read_header(data).get("package_id", ""))
        except InputRefused:
            continue
        if package_id in package_ids:
            by_id[package_id] = path
    return by_digest, by_id


def _read(ledger: Ledger, path: Path, imported_wall: str,
          own_keys: list[keys.KeyPair]) -> Receipt:
    """The receipt in one kept package, or one saying why it no longer verifies here (the
    file was altered, or was encrypted to a key this install no longer has)."""
    try:
        data = path.read_bytes()
        header = envelope.read_header(data)
        sender = envelope.sender_keys(header)
        if not _pinned(ledger, sender):
            raise InputRefused("签名的密钥不是本校登记过的县级密钥。")
        recipient = envelope.check_recipient(header, org=ledger.org_id, keys=own_keys)
        manifest, _events = decode_inner(envelope.open_payload(
            data, header, sender_sign_pk=sender.sign_pk, recipient=recipient))
    except OSError as error:
        return _unverified(path, imported_wall, f"读不出文件（{error.strerror or error}）")
    except InputRefused as refused:
        return _unverified(path, imported_wall, "无法核验，不能作为回执：" + refused.message)
    records, matches = _confirmed(ledger, manifest.get("have"))
    summary = manifest.get("summary")
    students = summary.get("students") if isinstance(summary, dict) else None
    return Receipt(
        package_id=str(header["package_id"]), file=str(path), county=str(
            header["from"].get("name", "") or sender.org), fingerprint=sender.fingerprint(),
        created_wall=str(header.get("created_wall", "")), imported_wall=imported_wall,
        records=records, matches=matches,
        students=students if isinstance(students, int) else None)


def _unverified(path: Path, imported_wall: str, problem: str) -> Receipt:
    return Receipt(package_id="", file=str(path), county="", fingerprint="", created_wall="",
                   imported_wall=imported_wall, records=0, matches=False, students=None,
                   problem=problem)


def _pinned(ledger: Ledger, sender: keys.PublicKeys) -> bool:
    """Whether this school ever trusted `sender` as its county (revoked since counts: a receipt
    signed before a key change stays a receipt)."""
    row = ledger.conn.execute(
        "SELECT 1 FROM trust WHERE org = ? AND sign_pk = ? AND org LIKE 'C:%'",
        (sender.org, sender.sign_pk)).fetchone()
    return row is not None


def _confirmed(ledger: Ledger, have: Any) -> tuple[int, bool]:
    """(records of this school the county states it holds, whether each replica's stated head
    hash is this ledger's event at that seq)."""
    if not isinstance(have, dict):
        return 0, False
    records, matches = 0, True
    for rep, held in have.items():
        if not isinstance(held, dict) or held.get("org") != ledger.org_id:
            continue
        seq = held.get("seq")
        if not isinstance(seq, int) or seq <= 0:
            continue
        records += seq
        ours = ledger.conn.execute(
            "SELECT 1 FROM events WHERE rep = ? AND seq = ? AND eid = ?",
            (str(rep), seq, str(held.get("head", "")))).fetchone()
        matches = matches and ours is not None
    return records, matches and records > 0
