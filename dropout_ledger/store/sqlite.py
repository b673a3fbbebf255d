"""The one module of the core that imports the SQLite driver: SQLCipher (decision 0021).

Why one module: the ledger is encrypted with SQLCipher, whose binding (`sqlcipher3`) has the
same DB-API as the standard `sqlite3` but *different classes*. An `except sqlite3.Error` written
against the standard module would silently catch nothing, so every module imports the driver
from here (`from dropout_ledger.store import sqlite as sqlite3`) and `tests/test_architecture.py`
forbids the standard module elsewhere in the core. Swapping the driver (for the drop-in
`sqlcipher3-wheels`) is a change to this file.

For mypy the standard module's stubs stand in (sqlcipher3 ships none, and its API is the same),
so `sqlite3.Connection` annotations stay typed; at run time every name is SQLCipher's.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import sqlite3 as _driver
else:
    from sqlcipher3 import dbapi2 as _driver

SQLITE_CANTOPEN = _driver.SQLITE_CANTOPEN
SQLITE_CORRUPT = _driver.SQLITE_CORRUPT
SQLITE_FULL = _driver.SQLITE_FULL
SQLITE_IOERR = _driver.SQLITE_IOERR
SQLITE_NOTADB = _driver.SQLITE_NOTADB
SQLITE_PERM = _driver.SQLITE_PERM
SQLITE_READONLY = _driver.SQLITE_READONLY
Connection = _driver.Connection
Cursor = _driver.Cursor
DatabaseError = _driver.DatabaseError
Error = _driver.Error
IntegrityError = _driver.IntegrityError
OperationalError = _driver.OperationalError
ProgrammingError = _driver.ProgrammingError
Row = _driver.Row
connect = _driver.connect
sqlite_version = _driver.sqlite_version

__all__ = [
    "SQLITE_CANTOPEN", "SQLITE_CORRUPT", "SQLITE_FULL", "SQLITE_IOERR", "SQLITE_NOTADB",
    "SQLITE_PERM", "SQLITE_READONLY",
    "Connection", "Cursor", "DatabaseError", "Error", "IntegrityError", "OperationalError",
    "ProgrammingError", "Row", "connect", "sqlite_version", "key_pragma",
]


def key_pragma(key: bytes) -> str:
    """`PRAGMA key` with a raw 256-bit key: SQLCipher uses it as is, with no PBKDF2 per
    connection (0021 measured ~300 ms per connection for a passphrase)."""
    if len(key) != 32:
        raise ValueError("a ledger data key is 32 bytes")
    return f"PRAGMA key = \"x'{key.hex()}'\""
