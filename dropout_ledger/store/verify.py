"""Integrity checks: SQLite's own, every hash chain, and projections against a full rebuild.

`verify` never changes the ledger. The rebuild happens in a scratch database beside it, which
reads the live events through ATTACH, so a 150k-student county needs no second copy in memory.
Each finding is a plain-Chinese line a county clerk can act on.
"""

from __future__ import annotations

import hashlib
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from dropout_ledger import canonical
from dropout_ledger.store import db, projections, schema
from dropout_ledger.store import sqlite as sqlite3
from dropout_ledger.store.events import decode_row

MAX_LISTED = 20


@dataclass
class Check:
    """One check: its Chinese name, whether it passed, what was looked at, what was wrong."""

    name: str
    ok: bool = True
    summary: str = ""
    problems: list[str] = field(default_factory=list)

    def fail(self, problem: str) -> None:
        self.ok = False
        if len(self.problems) < MAX_LISTED:
            self.problems.append(problem)


def verify(conn: sqlite3.Connection, path: Path) -> list[Check]:
    """Run every check and return them in order.

    A check that cannot even read what it checks (a damaged page, text that is no longer
    UTF-8, a header that is no longer JSON) fails with that reason instead of raising: `verify`
    is what a clerk runs when something is already wrong.
    """
    return [_guarded(name, check) for name, check in (
        ("数据库完整性（integrity_check）", lambda: _integrity(conn)),
        ("事件哈希链", lambda: _chains(conn)),
        ("附件", lambda: _blobs(conn)),
        ("由事件重建的数据与现有数据一致", lambda: _rebuild(path, db.key_of(conn))),
    )]


def _guarded(name: str, check: Callable[[], Check]) -> Check:
    try:
        return check()
    except (sqlite3.DatabaseError, UnicodeError, ValueError, KeyError, TypeError) as error:
        failed = Check(name, summary="无法读取，文件已损坏")
        failed.fail(f"读取数据时出错（{error}），台账文件已损坏或被改动")
        return failed


def _integrity(conn: sqlite3.Connection) -> Check:
    check = Check("数据库完整性（integrity_check）")
    rows = [r[0] for r in conn.execute("PRAGMA integrity_check")]
    if rows != ["ok"]:
        for row in rows:
            check.fail(f"SQLite 报告：{row}")
    fk = conn.execute("PRAGMA foreign_key_check").fetchall()
    for row in fk:
        check.fail(f"外键不一致：{row}")
    check.summary = "正常" if check.ok else "数据库文件有损坏"
    return check


def _chains(conn: sqlite3.Connection) -> Check:
    """Every replica's events: gapless seq from 1, prev links, eid = hash(header), body hash.

    At a school the county's chains have holes on purpose: a county package carries only the
    county events that concern the school (sync.md §c.5), never its audit trail or other
    schools' pupils. There a hole is no damage; links are checked where seqs are consecutive.
    """
    check = Check("事件哈希链")
    total = 0
    expected_prev: dict[str, str] = {}
    expected_seq: dict[str, int] = {}
    row = conn.execute("SELECT v FROM local_state WHERE k = 'org'").fetchone()
    school = str(row[0] if row else "").startswith("S:")
    for eid, rep, org, seq, lc, kind, ent, prev, hdr, body, body_hash in conn.execute(
        "SELECT eid, rep, org, seq, lc, kind, ent, prev, hdr, body, body_hash FROM events"
        " ORDER BY rep, seq"
    ):
        total += 1
        where = f"本机副本 {rep[:8]} 第 {seq} 条事件"
        expected = expected_seq.get(rep, 0) + 1
        partial = school and str(org).startswith("C:") and seq > expected
        if seq != expected and not partial:
            check.fail(f"{where}：序号不连续（应为第 {expected} 条），有事件缺失")
        if prev != expected_prev.get(rep, "") and not partial:
            check.fail(f"{where}：与上一条事件的链接断开")
        if hashlib.sha256(hdr).hexdigest() != eid:
            check.fail(f"{where}：事件头被改动（哈希不符）")
        elif not _header_matches(eid, hdr, (rep, seq, lc, kind, ent, prev, body_hash)):
            check.fail(f"{where}：索引列与事件头不一致")
        if body is not None and hashlib.sha256(body).hexdigest() != body_hash:
            check.fail(f"{where}：事件内容被改动（哈希不符）")
        expected_seq[rep], expected_prev[rep] = seq, eid
    check.summary = f"{len(expected_seq)} 个副本，共 {total} 条事件" + (
        "，全部衔接完整" if check.ok else "")
    return check


def _header_matches(eid: str, hdr: bytes, columns: tuple[object, ...]) -> bool:
    try:
        event = decode_row(eid, hdr, None, checked=True)  # the body is checked by its hash
    except (ValueError, KeyError):
        return False
    header = (event.rep, event.seq, event.lc, event.kind, event.ent, event.prev, event.body_hash)
    return header == columns


def _blobs(conn: sqlite3.Connection) -> Check:
    check = Check("附件")
    count = 0
    for digest, data in conn.execute(
        "SELECT a.hash, b.data FROM attachments a LEFT JOIN blobs b ON b.hash = a.hash"
    ):
        count += 1
        if data is None:
            check.fail(f"附件 {digest[:12]}… 的文件内容缺失")
        elif hashlib.sha256(data).hexdigest() != digest:
            check.fail(f"附件 {digest[:12]}… 的内容被改动")
    check.summary = f"{count} 个附件" + ("，内容完整" if check.ok else "")
    return check


def _rebuild(path: Path, key: bytes | None = None) -> Check:
    """Rebuild every projection from the events in a scratch file and compare table by table.

    The scratch file holds every projection row: for an encrypted ledger it is keyed with the
    same data key (and `temp_store=MEMORY`), so no decrypted row reaches the disk.
    """
    check = Check("由事件重建的数据与现有数据一致")
    with tempfile.TemporaryDirectory(prefix="ledger-verify-") as folder:
        scratch = db.raw_connect(
            Path(folder) / "rebuild.sqlite", key, isolation_level=None, uri=True
        )
        try:
            # Unqualified `events` then resolves to the live (read-only) ledger's table.
            scratch.execute("PRAGMA cache_size=-65536")
            scratch.execute(f"ATTACH DATABASE ? AS live {db.attach_key(key)}",
                            (f"file:{path}?mode=ro",))
            scratch.execute("BEGIN")
            count = projections.rebuild(scratch, drop=False)
            scratch.execute("COMMIT")
            scratch.text_factory = bytes  # a damaged live value is listed, not a decode error
            for table in schema.PROJECTION_TABLES:
                _compare(scratch, table, check)
        finally:
            scratch.close()
    check.summary = f"重建了 {count} 条事件" + ("，与现有数据完全一致" if check.ok else "")
    return check


def _compare(scratch: sqlite3.Connection, table: str, check: Check) -> None:
    key = scratch.execute(f"SELECT * FROM main.{table} LIMIT 0").description[0][0]
    for side, other, word in (("live", "main", "现有数据多出或不同"), ("main", "live", "现有数据缺少")):
        rows = scratch.execute(
            f"SELECT * FROM {side}.{table} EXCEPT SELECT * FROM {other}.{table} LIMIT ?",
            (MAX_LISTED,),
        ).fetchall()
        for row in rows:
            shown = row[0].decode("utf-8", "replace") if isinstance(row[0], bytes) else row[0]
            check.fail(f"表 {table}（{key} = {str(shown)[:16]}）：{word}")


def fingerprint(conn: sqlite3.Connection) -> str:
    """A short hash over every replica's chain head, for printing on monthly reports."""
    heads = conn.execute(
        "SELECT rep, max(seq), (SELECT eid FROM events e2 WHERE e2.rep = e.rep"
        " ORDER BY seq DESC LIMIT 1) FROM events e GROUP BY rep ORDER BY rep"
    ).fetchall()
    return canonical.sha256_hex(canonical.encode([list(h) for h in heads]))[:12]
