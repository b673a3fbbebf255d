"""Opening a ledger file: refuse what is not ours, damaged or newer; migrate; set pragmas.

A ledger is never "repaired" silently. A file that is not SQLite, lacks our application id,
fails to read, or records a migration this build does not know is refused with a Chinese
message that says what to do, and the file is left untouched.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlite_utils import Database

from dropout_ledger.errors import LedgerDamaged, LedgerOpenError
from dropout_ledger.store import schema, selfcheck, storage
from dropout_ledger.store import sqlite as sqlite3

_SQLITE_MAGIC = b"SQLite format 3\x00"


def harden(conn: sqlite3.Connection) -> None:
    """SQLite's advice for database files that may come from anyone (sqlite.org/security.html).

    `trusted_schema=OFF`: triggers, views and defaults in the file may not call functions with
    side effects; `cell_size_check=ON`: a damaged page is reported rather than read past;
    no memory-mapped I/O, so a damaged file is read through checked calls only; defensive mode
    (Python ≥ 3.12) forbids writing the schema table or switching journalling off by pragma.
    """
    conn.execute("PRAGMA trusted_schema=OFF")
    conn.execute("PRAGMA cell_size_check=ON")
    conn.execute("PRAGMA mmap_size=0")
    setconfig = getattr(conn, "setconfig", None)
    defensive = getattr(sqlite3, "SQLITE_DBCONFIG_DEFENSIVE", None)
    if setconfig is not None and defensive is not None:
        setconfig(defensive, True)


def connect(path: Path) -> sqlite3.Connection:
    """A connection in explicit-transaction mode with the ledger's pragmas."""
    conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False, timeout=10)
    harden(conn)
    conn.execute("PRAGMA journal_mode=WAL")
    # FULL: a power cut on an old laptop must never lose a committed write (costs ~0 in WAL).
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("PRAGMA foreign_keys=ON")
    # 64 MB of page cache (default 2 MB): a county ledger's indexes then stay in memory, which
    # keeps bulk writes linear; still small beside the 4 GB of an old laptop.
    conn.execute("PRAGMA cache_size=-65536")
    return conn


def check_file(path: Path) -> None:
    """Refuse a missing, empty or non-SQLite file before SQLite touches it."""
    if not path.exists():
        raise LedgerOpenError(f"找不到台账文件：{path}。请检查路径，或先用 init 新建台账。")
    with path.open("rb") as handle:
        head = handle.read(16)
    if head != _SQLITE_MAGIC:
        raise LedgerOpenError(
            f"文件 {path.name} 不是控辍保学台账（不是数据库文件）。请选择正确的台账文件。"
        )


def open_existing(
    path: Path, *, readonly: bool = False, check: bool = False
) -> sqlite3.Connection:
    """Open a ledger file that must already be ours, refusing anything else unchanged.

    `readonly` opens it without changing a byte (to check a backup before restoring it).
    `check` runs the start-up self-check (store/selfcheck.py) on the read-only connection,
    before anything is written (WAL mode is set only after it): a damaged or edited file is
    refused with every byte as it was.
    """
    check_file(path)
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, isolation_level=None)
        try:
            harden(conn)
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            if app_id != schema.APPLICATION_ID:
                raise LedgerOpenError(
                    f"文件 {path.name} 不是控辍保学台账（是其他软件的数据库）。请选择正确的台账文件。"
                )
            _refuse_unknown_migrations(Database(conn), path)
            if conn.execute("PRAGMA user_version").fetchone()[0] > schema.USER_VERSION:
                raise LedgerOpenError(
                    f"台账 {path.name} 由更新版本的软件写入（文件格式版本更高）。"
                    "请先把软件升级到最新版本再打开，文件未做任何改动。"
                )
            if check:
                selfcheck.check(conn, path)
        except BaseException:
            conn.close()
            raise
        if readonly:
            return conn
        conn.close()
        return connect(path)
    except sqlite3.DatabaseError as error:
        why = storage.reason(error)
        if why is not None:  # read-only media, no permission, an I/O error: not damage
            raise LedgerOpenError(
                f"无法打开台账 {path.name}：{why}。文件没有改动。"
                "请把台账复制到这台电脑的硬盘上（例如“文档”文件夹）再打开。"
            ) from error
        raise LedgerDamaged(
            f"台账文件 {path.name} 已损坏，无法读取（{error}）。"
            "请不要继续使用此文件，用 restore 从最近的备份恢复。", path=path,
        ) from error


def create_new(path: Path) -> sqlite3.Connection:
    """Create a new, empty ledger file stamped with our application id."""
    if path.exists() and path.stat().st_size > 0:
        raise LedgerOpenError(f"文件 {path} 已存在，不能覆盖。请换一个文件名，或直接打开它。")
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = connect(path)
    conn.execute(f"PRAGMA application_id={schema.APPLICATION_ID}")
    return conn


def _refuse_unknown_migrations(db: Database, path: Path) -> None:
    known = {m.name for m in schema.migrations._migrations}
    applied = {m.name for m in schema.migrations.applied(db)}
    newer = sorted(applied - known)
    if newer:
        raise LedgerOpenError(
            f"台账 {path.name} 由更新版本的软件写入（含本版本不认识的升级：{', '.join(newer)}）。"
            "请先把软件升级到最新版本再打开，文件未做任何改动。"
        )


def pending_migrations(conn: sqlite3.Connection) -> list[str]:
    """Names of the migrations this file still needs."""
    return [m.name for m in schema.migrations.pending(Database(conn))]


def migrate(conn: sqlite3.Connection) -> None:
    """Apply every pending migration in one transaction (the caller has backed up first)."""
    db = Database(conn)
    with immediate(conn):
        schema.migrations.apply(db)


@contextmanager
def immediate(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One write transaction (BEGIN IMMEDIATE), or a savepoint inside an open one."""
    if conn.in_transaction:
        with Database(conn).atomic():
            yield conn
        return
    try:
        conn.execute("BEGIN IMMEDIATE")
        yield conn
        conn.execute("COMMIT")
    except BaseException as error:
        if conn.in_transaction:  # SQLite may have rolled back already (a full disk, an I/O error)
            with contextlib.suppress(sqlite3.Error):
                conn.execute("ROLLBACK")
        refused = storage.refusal(error)  # a full disk or read-only media, in Chinese
        if refused is not None:
            raise refused from error
        raise
