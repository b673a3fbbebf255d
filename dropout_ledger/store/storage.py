"""Storage failures in plain Chinese: a full disk, read-only media, a stick pulled mid-write.

SQLite reports them as error codes (SQLITE_FULL, SQLITE_READONLY, SQLITE_IOERR…), the operating
system as errno values (ENOSPC, EROFS, EFBIG…). Both become one sentence a principal can act on,
and a write transaction that fails for such a reason becomes an `InputRefused` (exit code 2)
that says nothing was changed — which is true: the transaction was rolled back (store/db.py).
"""

from __future__ import annotations

import errno

from dropout_ledger.errors import InputRefused
from dropout_ledger.store import sqlite as sqlite3

_FULL = "磁盘或U盘空间已满"
_READ_ONLY = "这个位置是只读的（写保护的U盘、光盘，或没有写入权限的文件夹）"
_IO = "读写磁盘出错（磁盘可能已满、U盘可能被拔出，或硬盘有故障）"
_TOO_BIG = "文件太大，这个磁盘放不下（U盘若是 FAT32 格式，单个文件不能超过 4 GB）"

_ERRNO = {
    errno.ENOSPC: _FULL, errno.EDQUOT: _FULL, errno.EROFS: _READ_ONLY, errno.EACCES: _READ_ONLY,
    errno.EPERM: _READ_ONLY, errno.EFBIG: _TOO_BIG, errno.EIO: _IO, errno.ENXIO: _IO,
    errno.ENODEV: _IO,
}
_SQLITE = {
    sqlite3.SQLITE_FULL: _FULL, sqlite3.SQLITE_READONLY: _READ_ONLY,
    sqlite3.SQLITE_CANTOPEN: _READ_ONLY, sqlite3.SQLITE_PERM: _READ_ONLY,
    sqlite3.SQLITE_IOERR: _IO,
}


def reason(error: BaseException) -> str | None:
    """Why a write failed, in Chinese, when it is a storage failure; None otherwise."""
    if isinstance(error, sqlite3.Error):
        code = getattr(error, "sqlite_errorcode", None)
        return _SQLITE.get(code & 0xFF) if isinstance(code, int) else None
    if isinstance(error, OSError):
        return _ERRNO.get(error.errno or 0)
    return None


def refusal(error: BaseException, doing: str = "保存") -> InputRefused | None:
    """The refusal for a write transaction that failed on storage: nothing was changed."""
    why = reason(error)
    if why is None:
        return None
    return InputRefused(f"没有{doing}成功：{why}。台账没有任何改动。请腾出磁盘空间或换一个位置后重试。")
