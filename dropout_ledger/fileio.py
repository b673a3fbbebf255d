"""Durable file writes: temporary name in the same folder, fsync, rename, fsync the folder.

A file under its final name is always complete, even if the laptop loses power or the USB stick
is pulled mid-write (mu-editor's write_and_flush, sync.md §c.8). Every writer of PDFs, Excel
files, backups and sync packages goes through here.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from collections.abc import Iterator
from pathlib import Path


def fsync_dir(folder: Path) -> None:
    """Persist a rename; a no-op where the OS cannot open folders (Windows)."""
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


@contextlib.contextmanager
def durable_path(final: Path) -> Iterator[Path]:
    """Yield a temporary path to write; on success it is fsynced and renamed to `final`."""
    final.parent.mkdir(parents=True, exist_ok=True)
    temp = final.with_name(f".{final.name}.{secrets.token_hex(4)}.part")
    try:
        yield temp
        with temp.open("rb+") as handle:
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, final)
        fsync_dir(final.parent)
    finally:  # on read-only media even this fails: there is then no temporary file either
        with contextlib.suppress(OSError):
            temp.unlink(missing_ok=True)


def write_bytes(final: Path, data: bytes) -> None:
    """Write `data` to `final` durably."""
    with durable_path(final) as temp:
        temp.write_bytes(data)
