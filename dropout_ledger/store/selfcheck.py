"""The start-up self-check: cheap enough for every open, strict enough to stop on damage.

When a ledger opens, SQLite's `quick_check` looks at every page and the hash chain of the most
recent events of every replica is re-verified: gapless sequence numbers, each `prev` naming the
event before it, `eid` = SHA-256 of the stored header, the indexed columns equal to what the
header says, and the body's hash (sync.md §c.14). A failure raises `LedgerDamaged` with a
plain-Chinese message, and the app offers to restore from a snapshot right there: nothing is
opened silently, nothing is repaired. The full check of every event and of the projections
stays in `verify` (store/verify.py), run on demand.

Why the tail only: an old laptop must open a school ledger in well under a second. Recent
events are where a crash, a pulled stick or a hand edit of the file shows first, and an edit
deep in history is still caught by `verify` and by the county, which holds every exported event.
The per-replica tail shrinks when a county ledger holds many replicas, so the total stays within
`TOTAL_TAIL` events whatever the number of schools.
"""

from __future__ import annotations

import functools
import hashlib
from pathlib import Path

from sqlite_utils import Database

from dropout_ledger.errors import LedgerDamaged
from dropout_ledger.store import schema
from dropout_ledger.store import sqlite as sqlite3
from dropout_ledger.store.events import decode_row

TAIL = 500
"""Events re-verified per replica at open."""

TOTAL_TAIL = 20_000
"""Upper bound on events re-verified at open over all replicas (a county's many schools)."""

MIN_TAIL = 20
"""Never fewer than this per replica, however many replicas there are."""

QUICK_CHECK_MAX_BYTES = 256 * 1024 * 1024
"""Files up to this size get `quick_check` at every open. It reads every page: 8–20 ms for a
3,000-pupil school (15 MB), 0.7–0.9 s for a 150,000-pupil county ledger (750 MB) with the file
in the OS cache and about 8 s without (bench/bench_selfcheck.py). A larger file opens after the
chain check alone and the app runs `quick_check` on its worker thread once the window is up
(`deferred`)."""

TRUTH_TABLES = frozenset({"events", "blobs", "local_state"})
"""The tables every ledger since the first release has (migration m001)."""

_RESTORE = "请不要继续使用这个文件：用一个较早的备份恢复，或联系县教育局。"


def check(conn: sqlite3.Connection, path: Path, *, tail: int | None = None) -> None:
    """Raise `LedgerDamaged` if the file fails `quick_check`, holds schema objects this
    version would never have made, or a recent chain link is broken."""
    if not deferred(path):
        quick_check(conn, path)
    try:
        problem = schema_problem(conn) or chain_problem(
            conn, tail=TAIL if tail is None else tail)
    except (sqlite3.DatabaseError, ValueError, TypeError, KeyError) as error:
        problem = f"读取台账结构时出错（{error}）"
    if problem is not None:
        raise LedgerDamaged(
            f"台账 {path.name} 的数据被改动或已损坏：{problem}。{_RESTORE}", path=path)


def deferred(path: Path) -> bool:
    """True when the file is too big for `quick_check` at open: run it later, off the GUI
    thread (`runner.query(lambda ledger: quick_check(ledger.conn, ledger.path))`)."""
    try:
        return Path(path).stat().st_size > QUICK_CHECK_MAX_BYTES
    except OSError:
        return False


def quick_check(conn: sqlite3.Connection, path: Path) -> None:
    """SQLite's `quick_check` of every page; `LedgerDamaged` in Chinese if it finds anything.

    On an encrypted ledger (decision 0021) `cipher_integrity_check` first verifies the HMAC of
    every page: a flipped bit anywhere, even in a free page `quick_check` never reads, is found.
    """
    try:
        rows: list[str] = []
        if getattr(conn, "data_key", None) is not None:
            rows = [str(r[0]) for r in conn.execute("PRAGMA cipher_integrity_check")]
        rows = rows or [str(r[0]) for r in conn.execute("PRAGMA quick_check(5)")]
    except sqlite3.DatabaseError as error:
        rows = [str(error)]
    if rows != ["ok"]:
        raise LedgerDamaged(
            f"台账 {path.name} 已损坏（SQLite 报告：{'；'.join(rows)[:200]}）。{_RESTORE}",
            path=path)


def chain_problem(conn: sqlite3.Connection, *, tail: int = TAIL) -> str | None:
    """The first broken link among the last `tail` events of each replica, in Chinese; or None."""
    try:
        replicas = _replicas(conn)
        org_row = conn.execute("SELECT v FROM local_state WHERE k = 'org'").fetchone()
        per = min(tail, max(MIN_TAIL, TOTAL_TAIL // max(1, len(replicas))))
        for rep in replicas:
            problem = _replica_problem(conn, rep, per)
            if problem is not None:
                return problem
        return _marker_problem(conn, None if org_row is None else str(org_row[0]))
    except (sqlite3.DatabaseError, ValueError, TypeError, KeyError) as error:
        return f"读取事件时出错（{error}）"


@functools.cache
def _expected_schema() -> dict[tuple[str, str], str]:
    """(type, name) → SQL of every object a ledger of this version has, from a scratch copy."""
    scratch = sqlite3.connect(":memory:", isolation_level=None)
    try:
        schema.migrations.apply(Database(scratch))
        for statement in schema.projection_ddl():
            scratch.execute(statement)
        return {(str(kind), str(name)): str(sql) for kind, name, sql in scratch.execute(
            "SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL")}
    finally:
        scratch.close()


def schema_problem(conn: sqlite3.Connection) -> str | None:
    """Triggers, views or virtual tables this version never creates, in Chinese; or None.

    A trigger or view runs SQL each time the app writes or reads: one planted in the file (by
    hand or by a hostile program) could rewrite history or hide pupils, so only the exact
    objects the migrations make are accepted. Projection tables whose shape differs from the
    one their recorded version promises were edited too (an older version is rebuilt instead).
    """
    expected = _expected_schema()
    present = {str(r[0]) for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table'")}
    missing = sorted(TRUTH_TABLES - present)
    if missing:
        return f"缺少台账的基本数据表（{'、'.join(missing)}）"
    version = conn.execute("SELECT v FROM local_state WHERE k = 'projection_version'").fetchone()
    current = version is not None and version[0] == schema.projection_version()
    projection = set(schema.PROJECTION_TABLES)
    for kind, name, sql in conn.execute(
        "SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL"
    ):
        known = expected.get((kind, name))
        if kind in ("trigger", "view") and known != sql:
            what = "触发器" if kind == "trigger" else "视图"
            return f"文件中有本程序不会建立的{what}“{name}”"
        if kind == "table" and str(sql).upper().startswith("CREATE VIRTUAL") and known != sql:
            return f"文件中有本程序不会建立的虚拟表“{name}”"
        if kind == "table" and current and name in projection and known != sql:
            return f"表“{name}”的结构被改动"
    return None


def _replicas(conn: sqlite3.Connection) -> list[str]:
    """Every replica id, by skipping along the (rep, seq) index: a few lookups per replica
    rather than a scan of every event."""
    found: list[str] = []
    row = conn.execute("SELECT min(rep) FROM events").fetchone()
    while row is not None and row[0] is not None:
        found.append(row[0])
        row = conn.execute("SELECT min(rep) FROM events WHERE rep > ?", (row[0],)).fetchone()
    return found


def _replica_problem(conn: sqlite3.Connection, rep: str, tail: int) -> str | None:
    """The newest `tail` events of one replica.

    Every event is checked on its own (eid, indexed columns, body hash). The chain links and the
    gapless numbering are checked among the events written *here* (`first_pkg` NULL): events
    that arrived in sync packages were checked by the import, and may legitimately leave a gap
    (a package still to come) or hold a second branch of a forked replica (a cloned disk, a
    ledger restored outside the app; sync.md §c.9), which must not make the ledger unopenable.
    """
    rows = conn.execute(
        "SELECT eid, org, rep, seq, lc, kind, ent, prev, hdr, body, body_hash, first_pkg"
        " FROM events WHERE rep = ? ORDER BY seq DESC LIMIT ?", (rep, tail),
    ).fetchall()
    newer_prev: str | None = None  # the `prev` of the next local event (walking back)
    newer_seq: int | None = None
    for eid, org, rep_, seq, lc, kind, ent, prev, hdr, body, body_hash, package in rows:
        where = f"副本 {str(rep)[:8]} 第 {seq} 条事件"
        if not isinstance(hdr, bytes) or hashlib.sha256(hdr).hexdigest() != eid:
            return f"{where}的事件头被改动（哈希不符）"
        event = decode_row(eid, hdr, None, checked=True)
        if (event.org, event.rep, event.seq, event.lc, event.kind, event.ent, event.prev,
                event.body_hash) != (org, rep_, seq, lc, kind, ent, prev, body_hash):
            return f"{where}的索引列与事件头不一致"
        if body is not None and (not isinstance(body, bytes)
                                 or hashlib.sha256(body).hexdigest() != body_hash):
            return f"{where}的内容被改动（哈希不符）"
        if package is not None:  # arrived in a package: its place in the chain was checked then
            continue
        if newer_seq is not None and seq != newer_seq - 1:
            missing = f"{seq + 1}" + (f" 至 {newer_seq - 1}" if newer_seq - 1 > seq + 1 else "")
            return f"{where}之后缺少第 {missing} 条事件"
        if newer_prev is not None and newer_prev != eid:
            return f"{where}与下一条事件的链接断开"
        if seq == 1 and prev != "":
            return f"{where}是第一条，却链接到更早的事件"
        newer_prev, newer_seq = prev, seq
    return _numbering_problem(conn, rep) if rows else None


def _numbering_problem(conn: sqlite3.Connection, rep: str) -> str | None:
    """The replica's events written here are numbered 1…n without a gap.

    First the index alone (count against the last number: one range read); only when the two
    differ — events from packages in the replica, or a hole — are the local ones counted.
    """
    count, last = conn.execute(
        "SELECT count(*), max(seq) FROM events WHERE rep = ?", (rep,)).fetchone()
    if count == last:
        return None
    count, last = conn.execute(
        "SELECT count(*), coalesce(max(seq), 0) FROM events WHERE rep = ? AND first_pkg IS NULL",
        (rep,)).fetchone()
    if count != last:
        return f"副本 {rep[:8]} 有 {count} 条本机事件，最后一条却是第 {last} 条：序号不连续"
    return None


def _marker_problem(conn: sqlite3.Connection, org: str | None) -> str | None:
    """This install's replica marker must name a replica of this organisation."""
    row = conn.execute("SELECT v FROM local_state WHERE k = 'replica'").fetchone()
    if row is None or org is None:
        return "缺少本机副本标记"
    foreign = conn.execute(  # the newest event of this replica: one index lookup
        "SELECT org FROM events WHERE rep = ? ORDER BY seq DESC LIMIT 1", (str(row[0]),),
    ).fetchone()
    if foreign is not None and foreign[0] != org:
        return f"本机副本的事件属于另一个单位（{foreign[0]}）"
    return None
