"""The one module of the core that imports the SQLite driver.

Why one module: decision 0021 encrypts the ledger with SQLCipher, whose binding (`sqlcipher3`)
has the same DB-API as the standard `sqlite3` but *different classes*. An `except sqlite3.Error`
left anywhere in the core would then silently catch nothing, so every module imports the driver
from here (`from dropout_ledger.store import sqlite as sqlite3`) and `tests/test_architecture.py`
forbids the standard module elsewhere in the core. Swapping the driver is a change to this file.
"""

from __future__ import annotations

from sqlite3 import (
    SQLITE_CANTOPEN,
    SQLITE_FULL,
    SQLITE_IOERR,
    SQLITE_PERM,
    SQLITE_READONLY,
    Connection,
    Cursor,
    DatabaseError,
    Error,
    IntegrityError,
    OperationalError,
    ProgrammingError,
    Row,
    connect,
    sqlite_version,
)

__all__ = [
    "SQLITE_CANTOPEN", "SQLITE_FULL", "SQLITE_IOERR", "SQLITE_PERM", "SQLITE_READONLY",
    "Connection", "Cursor", "DatabaseError", "Error", "IntegrityError", "OperationalError",
    "ProgrammingError", "Row", "connect", "sqlite_version",
]
