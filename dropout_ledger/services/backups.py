"""Backups a principal can see and use: the list with dates and counts, one-click copies, restore.

The automatic snapshots themselves (before an import, a migration, a restore; one a day on
opening) are taken by `store/backup.py` at the call sites; this module is what the
备份与恢复 dialog and the command line call. See docs/decisions/0017-backups.md.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import re
import secrets
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from dropout_ledger import ledger as ledger_module
from dropout_ledger.errors import InputRefused, LedgerError, LedgerOpenError
from dropout_ledger.ledger import Ledger
from dropout_ledger.model.access import Permission
from dropout_ledger.model.changes import Changes
from dropout_ledger.services import audit
from dropout_ledger.services.accounts import require_permission
from dropout_ledger.store import backup, db, storage
from dropout_ledger.store import sqlite as sqlite3
from dropout_ledger.store.queries import Queries

MANUAL = "manual"


@dataclass(frozen=True)
class BackupInfo:
    """One snapshot as the list shows it. Counts are None when the file is damaged."""

    path: Path
    reason: str
    taken_at: dt.datetime
    students: int | None
    events: int | None
    size: int
    damaged: bool = False
    problem: str = ""


def list_backups(ledger_path: Path, key: bytes | None = None) -> list[BackupInfo]:
    """Every snapshot of the ledger, newest first, each opened read-only to count what it holds.

    A damaged snapshot is listed as damaged (with the reason) and never raises: the list is what
    a principal looks at when something already went wrong. The check is cheap — header,
    application id, the file's length against its page count (a copy cut short by a pulled stick
    or a full disk) and two counts; restoring runs the full `quick_check`. `key`: the ledger's
    data key (`ledger.key`), which opens its encrypted snapshots.
    """
    return [_inspect(snap, key) for snap in backup.snapshots(Path(ledger_path))]


def _inspect(snap: backup.SnapshotName, key: bytes | None = None) -> BackupInfo:
    path = snap.path
    try:
        size = path.stat().st_size
    except OSError:
        size = 0
    if path.suffix == ".damaged":
        return BackupInfo(path, snap.reason, snap.taken_at, None, None, size, True,
                          "恢复前损坏的台账原样保存的副本")
    try:
        conn = db.open_existing(path, readonly=True, key=key)
    except (LedgerError, OSError, sqlite3.Error):
        return BackupInfo(path, snap.reason, snap.taken_at, None, None, size, True,
                          "文件已损坏，或不是本程序的台账，无法读取")
    try:
        pages = int(conn.execute("PRAGMA page_count").fetchone()[0])
        # int(): on a keyed connection SQLCipher answers `page_size` itself, as text.
        page_size = int(conn.execute("PRAGMA page_size").fetchone()[0])
        if pages * page_size != size:
            return BackupInfo(path, snap.reason, snap.taken_at, None, None, size, True,
                              "文件不完整（可能复制时断电或U盘被拔出）")
        events = int(conn.execute("SELECT count(*) FROM events").fetchone()[0])
        try:
            students = Queries(conn).count("all")
        except sqlite3.Error:  # an older projection shape: count the raw table instead
            students = int(conn.execute("SELECT count(*) FROM students").fetchone()[0])
        return BackupInfo(path, snap.reason, snap.taken_at, students, events, size)
    except sqlite3.Error as error:
        return BackupInfo(path, snap.reason, snap.taken_at, None, None, size, True,
                          f"文件已损坏（{error}）")
    finally:
        conn.close()


def backup_now(ledger: Ledger) -> Path:
    """A snapshot into the backup folder on request (立即备份), rotated with the event ones;
    logged once it is complete."""
    taken = backup.snapshot(ledger.conn, ledger.path, MANUAL, ledger.clock.now())
    audit.record(ledger, "backup_now", file=taken.name)
    return taken


_UNSAFE = re.compile(r'[\\/:*?"<>|\s]+')


def usb_file_name(ledger: Ledger) -> str:
    """`<school name>台账备份-<time>.sqlite`: what a clerk recognises on the stick."""
    name = _UNSAFE.sub("", ledger.org.name) or ledger.path.stem
    return f"{name}台账备份-{ledger.clock.now().strftime('%Y%m%d-%H%M%S')}.sqlite"


def backup_to_folder(ledger: Ledger, folder: Path) -> Path:
    """备份到U盘: one complete copy in `folder` (temp → fsync → rename), recorded as an audit event.

    A read-only, full or pulled stick raises `InputRefused` in Chinese and leaves no file, not
    even a partial one, in `folder`.
    """
    require_permission(ledger, Permission.EXPORT_LISTS,
                       "备份到U盘会复制全校学生的资料，当前账户无权进行。请由校长或学籍管理员备份。")
    folder = Path(folder)
    if not folder.is_dir():
        raise InputRefused(f"找不到文件夹 {folder}。请插好U盘后重新选择。")
    out = folder / usb_file_name(ledger)
    try:
        ledger.backup(out)
    except (OSError, sqlite3.Error) as error:
        raise InputRefused(write_failure(folder, error)) from error
    return out


def write_failure(folder: Path, error: BaseException) -> str:
    """Why a backup to `folder` failed, in Chinese, and that nothing was left there."""
    text = str(error).lower()
    no = getattr(error, "errno", None)
    if no == errno.EFBIG:
        why = storage.reason(error) or "文件太大"
    elif no == errno.ENOSPC or "full" in text:
        why = "U盘或磁盘空间不足"
    elif no in (errno.EACCES, errno.EPERM, errno.EROFS) or "readonly" in text \
            or "read-only" in text or "unable to open" in text:
        why = "这个位置不能写入（可能是只读的，或U盘有写保护开关）"
    else:
        why = f"写入失败（{error}）"
    return f"没有备份成功：{why}。{folder} 中没有留下不完整的文件。请换一个U盘或文件夹再试。"


@contextlib.contextmanager
def _keyed_like(backup_file: Path, key: bytes | None) -> Iterator[Path]:
    """The backup as a file with the ledger's encryption: itself, or for a plaintext backup
    (taken before the ledger was encrypted) an encrypted temporary copy beside the ledger —
    SQLite's backup API copies pages only between files with the same key (decision 0021)."""
    if key is None or db.is_encrypted(backup_file):
        yield backup_file
        return
    temp = backup_file.with_name(f".{backup_file.name}.{secrets.token_hex(4)}.part")
    try:
        source = db.raw_connect(f"file:{backup_file}?mode=ro", None, uri=True,
                                isolation_level=None)
        try:
            db.export_encrypted(source, temp, key)
        finally:
            source.close()
        yield temp
    finally:
        temp.unlink(missing_ok=True)


def restore_from(ledger: Ledger, backup_file: Path) -> Changes:
    """从此备份恢复, with the ledger open in the app: the same steps as `ledger.restore`.

    The backup is checked (`quick_check`), the current ledger is snapshotted (reason restore),
    the backup's pages are copied into the open connection with the backup API (so the app keeps
    its one connection and its single-instance lock), migrations and projections are brought up
    to date, and the ledger continues as a new replica naming the backup's replica and last
    sequence number. Returns Changes that make every screen redraw.
    """
    require_permission(ledger, Permission.WHOLE_SCHOOL,
                       "恢复备份会替换全校的台账，当前账户无权进行。请由校长或学籍管理员恢复。")
    backup_file = Path(backup_file)
    if backup_file.resolve() == ledger.path.resolve():
        raise InputRefused("不能用台账本身作为备份来恢复。请选择一个备份文件。")
    key = ledger.key
    ledger_module.check_backup(backup_file, key)
    backup.snapshot(ledger.conn, ledger.path, "restore", ledger.clock.now(), rotate_now=False)
    with _keyed_like(backup_file, key) as keyed:
        source = db.raw_connect(f"file:{keyed}?mode=ro", key if key and db.is_encrypted(keyed)
                                else None, uri=True)
        try:
            source.backup(ledger.conn)
        except sqlite3.Error as error:
            raise LedgerOpenError(f"恢复没有完成（{error}），台账没有改动。") from error
        finally:
            source.close()
    ledger.conn.execute("PRAGMA journal_mode=WAL")
    ledger_module.upgrade(ledger.conn, ledger.path, ledger.clock)
    ledger.org_id = ledger_module.state(ledger.conn, "org")
    ledger_module.start_restored_replica(ledger, backup_file.name)
    backup.rotate(ledger.path, keep=(backup_file,))
    return Changes(roster=True, status=True, records=True, profile=True, events=1)
