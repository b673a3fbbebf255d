"""The Ledger facade: open or create a ledger file, and the services hung off it.

The desktop app and the command line hold one `Ledger` and pass it explicitly; there is no
module-level global. Every write goes through `write()`: one BEGIN IMMEDIATE transaction that
appends events, folds each into the projections, and yields the `Changes` to return.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from filelock import FileLock, Timeout

from dropout_ledger.canonical import nfc
from dropout_ledger.clock import Clock, SystemClock
from dropout_ledger.errors import (
    InputRefused,
    LedgerBusy,
    LedgerDamaged,
    LedgerOpenError,
    Problem,
    ValidationError,
)
from dropout_ledger.fileio import durable_path
from dropout_ledger.ids import new_id
from dropout_ledger.model import identity
from dropout_ledger.model.changes import ChangeCollector
from dropout_ledger.services.conflicts import ConflictService
from dropout_ledger.services.records import RecordService
from dropout_ledger.services.settings import SettingsService
from dropout_ledger.services.status import StatusService
from dropout_ledger.services.students import StudentService
from dropout_ledger.store import backup, db, keyfile, marker, projections, schema, storage, undo
from dropout_ledger.store import sqlite as sqlite3
from dropout_ledger.store.events import Event, EventWriter, Operator
from dropout_ledger.store.queries import Queries

DEFAULT_OPERATOR = Operator(id="local", name="本机用户")


@dataclass(frozen=True)
class OrgInfo:
    """Whose ledger this is: a school (S:<学校标识码>) or a county (C:<6-digit code>)."""

    kind: str
    code: str
    name: str
    county_code: str

    @property
    def org_id(self) -> str:
        return f"{'S' if self.kind == 'school' else 'C'}:{self.code}"


class Writer:
    """What a service sees inside one write transaction."""

    def __init__(self, conn: sqlite3.Connection, events: EventWriter, today: Any) -> None:
        self.conn = conn
        self.today = today
        self._events = events
        self.changes = ChangeCollector()
        self.undoing = False  # an undo is not itself pushed on the undo stack
        self.undoable = False  # whether anything written here can be undone

    def emit(self, kind: str, ent: str, body: dict[str, Any]) -> Event:
        """Append one event and fold it into the projections at once."""
        event = self._events.append(kind, ent, body)
        projections.apply(self.conn, event)
        self.undoable = self.undoable or kind in undo.UNDOABLE
        self.changes.events += 1
        return event


class Ledger:
    """One open ledger file. Close it (or use `with`) to release the single-instance lock."""

    def __init__(
        self, path: Path, conn: sqlite3.Connection, lock: FileLock, *, clock: Clock,
        operator: Operator,
    ) -> None:
        self.path, self.conn, self._lock = path, conn, lock
        self.clock, self.operator = clock, operator
        self.replica = _state(conn, "replica")
        self.org_id = _state(conn, "org")
        self.queries = Queries(conn)
        self.settings = SettingsService(self)
        self.students = StudentService(self)
        self.status = StatusService(self)
        self.records = RecordService(self)
        self.conflicts = ConflictService(self)
        self.backup_problem: str | None = None
        """Why the last automatic snapshot failed (Chinese), for the app to show; else None."""
        self.replica_notice: str | None = None
        """Set at open when the ledger was found restored outside the app (Chinese), for the
        app to show; else None (`store.marker`)."""

    # --- opening ---------------------------------------------------------------------------

    @classmethod
    def open(
        cls, path: Path, *, clock: Clock | None = None, operator: Operator | None = None,
        key: bytes | None = None,
    ) -> Ledger:
        """Open an existing ledger, migrating (after a backup) and rebuilding if needed.

        `key`: the data key of an encrypted ledger, unwrapped by a login
        (`services.cipher.unlock`); without it an encrypted ledger is `LedgerLocked`.
        """
        path = Path(path)
        lock = _acquire(path)
        try:
            try:
                conn = db.open_existing(path, check=True, key=key)
            except LedgerDamaged as damaged:
                damaged.key = key  # its snapshots open with the same key
                raise
            _upgrade(conn, path, clock or SystemClock())
            ledger = cls(path, conn, lock, clock=clock or SystemClock(),
                         operator=operator or DEFAULT_OPERATOR)
            ledger.check_marker()
            ledger.daily_snapshot()
            return ledger
        except BaseException:
            lock.release()
            raise

    @classmethod
    def create(
        cls, path: Path, *, kind: str, code: str, name: str, county_code: str = "",
        clock: Clock | None = None, operator: Operator | None = None,
    ) -> Ledger:
        """Create a new ledger file for a school or a county; never touches an existing file."""
        path = Path(path)
        fields = org_fields(kind, code, name, county_code)
        lock = _acquire(path)
        conn = None
        try:
            conn = db.create_new(path)
            db.migrate(conn)
            org_id = f"{'S' if kind == 'school' else 'C'}:{fields['code']}"
            with db.immediate(conn):
                projections.create_tables(conn)
                _set_state(conn, "projection_version", schema.projection_version())
                _set_state(conn, "org", org_id)
                _set_state(conn, "replica", new_id())
            ledger = cls(path, conn, lock, clock=clock or SystemClock(),
                         operator=operator or DEFAULT_OPERATOR)
            with ledger.write() as w:
                w.emit("replica_start", f"replica:{ledger.replica}", {"reason": "install"})
                w.emit("entity_create", f"org:{org_id}", {"fields": fields})
            return ledger
        except BaseException:
            if conn is not None:  # we made this file: leave nothing half-made behind
                conn.close()
                for leftover in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
                    leftover.unlink(missing_ok=True)
            lock.release()
            raise

    def close(self) -> None:
        self.conn.close()
        self._lock.release()

    @property
    def key(self) -> bytes | None:
        """The data key this ledger is open with (decision 0021); None: a plaintext file."""
        return db.key_of(self.conn)

    def reconnect(self, conn: sqlite3.Connection) -> None:
        """Continue on a new connection to the same file (after it was encrypted in place);
        the lock, the operator and the class scope stay."""
        scope = self.queries.scope
        self.conn = conn
        self.queries = Queries(conn)
        self.queries.scope = scope

    def __enter__(self) -> Ledger:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- writing ---------------------------------------------------------------------------

    @contextmanager
    def write(self) -> Iterator[Writer]:
        """One write transaction: everything in it is applied, or nothing is."""
        with db.immediate(self.conn):
            events = EventWriter(
                self.conn, org=self.org_id, rep=self.replica, operator=self.operator,
                clock=self.clock,
            )
            first = events.seq + 1
            writer = Writer(self.conn, events, self.clock.today())
            yield writer
            if writer.undoable and not writer.undoing:
                undo.push(self.conn, self.replica, first, events.seq)
        if events.seq >= first:  # committed: remember the newest event outside the ledger
            marker.write(self.path, origin=marker.origin(self.conn, self.org_id),
                         replica=self.replica, seq=events.seq, head=events.prev)

    def check_marker(self) -> bool:
        """Start a new replica if this ledger is behind what this computer last wrote to it.

        That happens when the file was restored (or copied back) outside the app: its next
        events would reuse seq numbers the county may already hold with other contents. Sets
        `replica_notice` for the app; returns whether a new replica was started.
        """
        found = marker.read(self.path)
        if found is None or not marker.behind(self.conn, self.org_id, found):
            return False
        try:
            start_restored_replica(self, "", reason="restored_outside",
                                   detail={"marker_rep": found.replica, "marker_seq": found.seq})
        except sqlite3.Error as error:  # read-only media: still open, and say so
            self.replica_notice = (f"台账文件比本机上次保存的旧（可能在软件之外从备份恢复过），"
                                   f"但无法写入（{error}）。请把台账复制到可写的位置再使用。")
            return False
        self.replica_notice = (
            "台账文件比本机上次保存的旧（可能在软件之外从备份恢复或复制过）。为免与县里已有的记录"
            "混淆，本机已改用新的副本编号继续记录；下次与县教育局同步时，县里会发回备份之后的记录。")
        return True

    # --- reading ---------------------------------------------------------------------------

    @property
    def org(self) -> OrgInfo:
        values = self.settings.entity(f"org:{self.org_id}")
        return OrgInfo(
            kind=str(values.get("kind", "school")), code=str(values.get("code", "")),
            name=str(values.get("name", "")), county_code=str(values.get("county_code", "")),
        )

    def is_empty(self) -> bool:
        """True when the ledger holds no students yet (a demo school may be made)."""
        return self.queries.count("all") == 0

    def backup(self, out: Path) -> None:
        """A consistent copy of the ledger at `out`, recorded as an audit event.

        The copy is written first and the audit event only once it is complete: a backup to a
        full or read-only stick must not leave a record saying it happened.
        """
        if Path(out).resolve() == self.path.resolve():
            raise InputRefused("备份文件不能覆盖台账本身。请选择另一个位置，例如 U 盘。")
        backup.backup_to(self.conn, Path(out))
        if self.key is not None:  # the copy opens elsewhere only with its key file (0021)
            keyfile.write(Path(out), keyfile.read(self.path))
        with self.write() as w:
            w.emit("audit", "ledger", {"action": "backup", "file": Path(out).name})

    def daily_snapshot(self) -> Path | None:
        """Take today's automatic snapshot if none was taken yet today; returns it, or None.

        Best effort: a ledger on read-only media or a full disk still opens (refusing to open
        would be worse than a missing snapshot); `backup_problem` says why, for the app to show.
        Snapshots themselves are never snapshotted again.
        """
        if backup.is_snapshot(self.path) or backup.has_daily(self.path, self.clock.today()):
            return None
        try:
            taken = backup.snapshot(self.conn, self.path, backup.DAILY, self.clock.now())
        except (OSError, sqlite3.Error) as error:
            self.backup_problem = f"今天的自动备份没有成功（{error}）。请检查磁盘空间，或手动备份到U盘。"
            return None
        self.backup_problem = None
        return taken


def org_fields(kind: str, code: str, name: str, county_code: str = "") -> dict[str, str]:
    """Validate a new organisation: a school's 10-digit 学校标识码 or a county's 6-digit code."""
    if not name.strip():
        raise ValidationError(Problem("name", "名称不能为空", "请填写学校或教育局的全称"))
    if kind == "school":
        code = identity.parse_school_code(code).code
        if county_code:
            county_code = identity.parse_division_code(county_code, lengths=(6,), field="county")
    elif kind == "county":
        code = county_code = identity.parse_division_code(code, lengths=(6,), field="county")
    else:
        raise ValidationError(Problem("kind", f"未知的台账类型“{kind}”"))
    return {"kind": kind, "code": code, "name": nfc(name.strip()), "county_code": county_code}


def _acquire(path: Path) -> FileLock:
    lock = FileLock(str(path) + ".lock")
    try:
        lock.acquire(timeout=0.2)
    except Timeout:
        raise LedgerBusy(
            f"台账 {path.name} 已在另一个窗口或程序中打开。请先关闭它，再重试。"
        ) from None
    except OSError as error:  # read-only media: the lock file cannot even be made
        raise LedgerOpenError(f"无法打开台账 {path.name}：{storage.reason(error) or error}。"
                              "请把台账复制到这台电脑的硬盘上再打开。") from None
    return lock


def _state(conn: sqlite3.Connection, key: str) -> str:
    row = conn.execute("SELECT v FROM local_state WHERE k = ?", (key,)).fetchone()
    if row is None:
        raise LedgerOpenError(f"台账缺少本机信息（{key}），文件可能已损坏。请用备份恢复。")
    return str(row[0])


def _set_state(conn: sqlite3.Connection, key: str, value: str) -> None:
    conn.execute("INSERT OR REPLACE INTO local_state (k, v) VALUES (?, ?)", (key, value))


def _upgrade(conn: sqlite3.Connection, path: Path, clock: Clock) -> None:
    """Back up, then migrate the truth tables and rebuild projections whose shape changed."""
    stamp = clock.now().strftime("%Y%m%d-%H%M%S")
    if db.pending_migrations(conn):
        backup.snapshot_before(conn, path, "upgrade", stamp)
        db.migrate(conn)
    row = conn.execute("SELECT v FROM local_state WHERE k = 'projection_version'").fetchone()
    if row is None or row[0] != schema.projection_version():
        with db.immediate(conn):
            projections.rebuild(conn)
            _set_state(conn, "projection_version", schema.projection_version())


def restore(
    path: Path, backup_file: Path, *, clock: Clock | None = None,
    operator: Operator | None = None, key: bytes | None = None,
) -> Path | None:
    """Replace the ledger at `path` with a backup, keeping a safety copy of the current one.

    The restored ledger continues as a *new replica* whose first event names the backup's
    replica and last sequence number: events written after the backup was taken are never
    silently reused, and the county can tell a restore from a fork (sync.md §c.2, §c.12).
    Returns the safety copy's path (None when there was no ledger to keep). `key`: the data key
    of an encrypted ledger and its backups (the same key: a backup keeps the ledger's key).
    """
    clock = clock or SystemClock()
    path, backup_file = Path(path), Path(backup_file)
    _check_backup(backup_file, key)
    lock = _acquire(path)
    try:
        safety = _safety_copy(path, clock, key) if path.exists() else None
        for suffix in ("-wal", "-shm"):
            Path(str(path) + suffix).unlink(missing_ok=True)
        if db.is_encrypted(backup_file) and not keyfile.exists(path) \
                and keyfile.exists(backup_file):  # a new laptop: the backup's key file too
            keyfile.write(path, keyfile.read(backup_file))
        with durable_path(path) as temp:
            shutil.copyfile(backup_file, temp)
    finally:
        lock.release()
    backup.rotate(path, keep=(backup_file,))
    marker.forget(path)  # the restore below starts the new replica; the open must not as well
    with Ledger.open(path, clock=clock, operator=operator, key=key) as ledger:
        start_restored_replica(ledger, backup_file.name)
    return safety


def start_restored_replica(
    ledger: Ledger, backup_name: str, *, reason: str = "restore",
    detail: dict[str, Any] | None = None,
) -> None:
    """Continue a just-restored ledger as a new replica naming the backup's replica and seq.

    `reason`: "restore" (in the app), "restored_outside" (found at open by the marker), "fork"
    (the county saw this replica twice); `detail` adds what the reason knows (the marker).
    """
    parent = _state(ledger.conn, "replica")
    last = ledger.conn.execute(
        "SELECT coalesce(max(seq), 0) FROM events WHERE rep = ?", (parent,)
    ).fetchone()[0]
    body: dict[str, Any] = {"reason": reason, "parent_rep": parent, "parent_seq": last,
                            **(detail or {})}
    if reason == "restore" or backup_name:
        body["file"] = backup_name
    ledger.replica = new_id()
    with ledger.write() as w:
        _set_state(w.conn, "replica", ledger.replica)
        w.emit("replica_start", f"replica:{ledger.replica}", body)
        w.emit("audit", f"audit:{new_id()}", {
            "action": "restore" if reason != "fork" else "fork_restart", "file": backup_name,
            "parent_seq": last, **({"reason": reason} if reason != "restore" else {})})


def upgrade(conn: sqlite3.Connection, path: Path, clock: Clock) -> None:
    """Bring a ledger's tables up to this version (after a snapshot if anything migrates)."""
    _upgrade(conn, path, clock)


def state(conn: sqlite3.Connection, key: str) -> str:
    """One value of the ledger's local state (org, replica, ...)."""
    return _state(conn, key)


def check_backup(backup_file: Path, key: bytes | None = None) -> None:
    """Refuse (LedgerOpenError, in Chinese) a file that is not a sound ledger backup."""
    _check_backup(backup_file, key)


def _check_backup(backup_file: Path, key: bytes | None = None) -> None:
    conn = db.open_existing(backup_file, readonly=True, check=True, key=key)
    try:
        result = conn.execute("PRAGMA quick_check").fetchone()[0]
        if result != "ok":
            raise LedgerOpenError(f"备份文件 {backup_file.name} 已损坏（{result}），不能用来恢复。")
        _state(conn, "replica")
    finally:
        conn.close()


def _safety_copy(path: Path, clock: Clock, key: bytes | None = None) -> Path:
    try:
        conn = db.open_existing(path, check=True, key=key)
    except LedgerOpenError:  # a damaged ledger is kept byte for byte
        out = backup.damaged_name(path, "restore", clock.now())
        shutil.copyfile(path, out)
        return out
    try:  # rotated only after the restore: it may be the oldest snapshot being restored from
        return backup.snapshot(conn, path, "restore", clock.now(), rotate_now=False)
    finally:
        conn.close()
