"""Opening a ledger file: refuse what is not ours, damaged or newer; migrate; set pragmas.

A ledger is never "repaired" silently. A file that is not SQLite, lacks our application id,
fails to read, or records a migration this build does not know is refused with a Chinese
message that says what to do, and the file is left untouched.
"""

from __future__ import annotations

import contextlib
from collections.abc import Generator, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from dropout_ledger.errors import LedgerDamaged, LedgerLocked, LedgerOpenError
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


class LedgerConnection(sqlite3.Connection):
    """A driver connection that remembers the data key it was opened with (None: plaintext),
    so that snapshots, backups and `verify`'s scratch file are keyed like the ledger."""

    data_key: bytes | None = None

    def iterdump(self) -> Generator[str, None, None]:
        """The database as SQL text, like the standard module's `iterdump` (SQLCipher's
        binding lacks it): every schema object, then every table's rows in rowid order.
        Tests compare two dumps to prove that nothing changed."""
        yield "BEGIN TRANSACTION;"
        objects = self.execute(
            "SELECT type, name, sql FROM sqlite_master WHERE sql NOT NULL"
            " ORDER BY type = 'table' DESC, name").fetchall()
        for kind, name, sql in objects:
            yield f"{sql};"
            if kind == "table" and not str(sql).upper().startswith("CREATE VIRTUAL"):
                quoted = '"' + str(name).replace('"', '""') + '"'
                for row in self.execute(f"SELECT * FROM {quoted}"):
                    values = ",".join(_literal(value) for value in row)
                    yield f"INSERT INTO {quoted} VALUES({values});"
        yield "COMMIT;"


def _literal(value: object) -> str:
    if value is None:
        return "NULL"
    if isinstance(value, bytes):
        return f"X'{value.hex()}'"
    if isinstance(value, str):
        return "'" + value.replace("'", "''") + "'"
    return repr(value)


def raw_connect(target: str | Path, key: bytes | None, **kwargs: Any) -> sqlite3.Connection:
    """`connect` through the one seam that keys a file: `PRAGMA key` is the first statement
    (SQLCipher reads nothing before it), then no temporary file may hold decrypted rows."""
    conn = sqlite3.connect(str(target), factory=LedgerConnection, **kwargs)
    try:
        if key is not None:
            conn.execute(sqlite3.key_pragma(key))
            conn.data_key = key
            # A page that fails its HMAC is reported once, in Chinese, by the caller; SQLCipher's
            # own English log line on stderr would only confuse a principal at the console.
            conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute("PRAGMA temp_store=MEMORY")
    except BaseException:
        conn.close()
        raise
    return conn


def key_of(conn: sqlite3.Connection) -> bytes | None:
    """The data key `conn` was opened with; None for a plaintext file."""
    key = getattr(conn, "data_key", None)
    return key if isinstance(key, bytes) else None


def attach_key(key: bytes | None) -> str:
    """The KEY clause of an ATTACH: the same raw key, or an explicit empty key (plaintext;
    without a KEY clause SQLCipher would attach with the main database's key)."""
    return "KEY ''" if key is None else f"KEY \"x'{key.hex()}'\""


def is_encrypted(path: Path) -> bool:
    """True when the file exists and lacks SQLite's plaintext header (an SQLCipher file is
    random bytes from its first page on)."""
    try:
        with Path(path).open("rb") as handle:
            head = handle.read(16)
    except OSError:
        return False
    return len(head) == 16 and head != _SQLITE_MAGIC


def export_encrypted(conn: sqlite3.Connection, out: Path, key: bytes) -> None:
    """Write an encrypted copy of the database open on `conn` to `out` (a new file).

    `sqlcipher_export` copies the schema (tables, indexes, triggers, the FTS5 index) and every
    row through SQLCipher; application_id and user_version are set by hand (it leaves them).
    The caller fsyncs and renames (`fileio.durable_path`).
    """
    app_id = conn.execute("PRAGMA main.application_id").fetchone()[0]
    version = conn.execute("PRAGMA main.user_version").fetchone()[0]
    conn.execute(f"ATTACH DATABASE ? AS enc {attach_key(key)}", (str(out),))
    try:
        conn.execute("SELECT sqlcipher_export('enc')")
        conn.execute(f"PRAGMA enc.application_id = {int(app_id)}")
        conn.execute(f"PRAGMA enc.user_version = {int(version)}")
    finally:
        conn.execute("DETACH DATABASE enc")


def connect(path: Path, key: bytes | None = None) -> sqlite3.Connection:
    """A connection in explicit-transaction mode with the ledger's pragmas."""
    conn = raw_connect(path, key, isolation_level=None, check_same_thread=False, timeout=10)
    harden(conn)
    conn.execute("PRAGMA journal_mode=WAL")
    # FULL: a power cut on an old laptop must never lose a committed write (costs ~0 in WAL).
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("PRAGMA foreign_keys=ON")
    # 64 MB of page cache (default 2 MB): a county ledger's indexes then stay in memory, which
    # keeps bulk writes linear; still small beside the 4 GB of an old laptop.
    conn.execute("PRAGMA cache_size=-65536")
    return conn


def check_file(path: Path, key: bytes | None = None) -> None:
    """Refuse a missing, empty or non-SQLite file before SQLite touches it.

    An encrypted ledger has no plaintext header: without a key it is refused as locked (its
    key file beside it says it is ours) or as not ours; with a key, SQLCipher judges it.
    """
    if not path.exists():
        raise LedgerOpenError(f"找不到台账文件：{path}。请检查路径，或先用 init 新建台账。")
    with path.open("rb") as handle:
        head = handle.read(16)
    if head == _SQLITE_MAGIC or (key is not None and len(head) == 16):
        return
    if len(head) == 16 and Path(f"{path}.keys").exists():
        raise LedgerLocked(
            f"台账 {path.name} 已加密：请先用账户名和密码登录再打开（命令行加 --user 账户名）。")
    raise LedgerOpenError(
        f"文件 {path.name} 不是控辍保学台账（不是数据库文件），或是加密的台账却缺少钥匙文件"
        f" {path.name}.keys。请选择正确的台账文件，并把钥匙文件放在台账旁边。"
    )


def open_existing(
    path: Path, *, readonly: bool = False, check: bool = False, key: bytes | None = None
) -> sqlite3.Connection:
    """Open a ledger file that must already be ours, refusing anything else unchanged.

    `readonly` opens it without changing a byte (to check a backup before restoring it).
    `check` runs the start-up self-check (store/selfcheck.py) on the read-only connection,
    before anything is written (WAL mode is set only after it): a damaged or edited file is
    refused with every byte as it was. `key` is the data key of an encrypted ledger (given to
    a plaintext one it is not used: the file is what it is).
    """
    if key is not None and not is_encrypted(path):
        key = None
    check_file(path, key)
    try:
        conn = raw_connect(f"file:{path}?mode=ro", key, uri=True, isolation_level=None)
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
        return connect(path, key)
    except sqlite3.DatabaseError as error:
        why = storage.reason(error)
        if why is not None:  # read-only media, no permission, an I/O error: not damage
            raise LedgerOpenError(
                f"无法打开台账 {path.name}：{why}。文件没有改动。"
                "请把台账复制到这台电脑的硬盘上（例如“文档”文件夹）再打开。"
            ) from error
        if key is not None and getattr(error, "sqlite_errorcode", 0) == sqlite3.SQLITE_NOTADB:
            raise LedgerDamaged(
                f"台账文件 {path.name} 无法用钥匙解密：文件已损坏，或旁边的钥匙文件不是这个台账的"
                f"（{error}）。文件没有改动。请用 restore 从最近的备份恢复，或联系县教育局。",
                path=path,
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
