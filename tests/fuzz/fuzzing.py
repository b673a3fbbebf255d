"""What the fuzz tests share: mutations as data, the two properties, and the time limits.

A mutation is a small JSON-able dict applied to the bytes of a real, committed file, so that an
input that once crashed the core is kept in tests/data/fuzz/ as a few hundred bytes of JSON and
replayed by test_fuzz_corpus.py, rather than as a copy of a 500 KB ledger:

    {"base": "ledgers/0.1.0-m001-51307909-school.sqlite",   # under tests/data/
     "flips": [[offset, xor], ...],          # bytes XORed (never 0: a flip changes the byte)
     "truncate": 1234,                        # keep this many bytes (after the flips)
     "entry": "xl/worksheets/sheet1.xml",    # zip files: the entry to replace …
     "entry_hex": "3c3f78…",                  # … by these bytes (hex)
     "wal_hex": "…"}                          # a ledger's -wal file beside it

Fuzz sizes: DROPOUT_FUZZ=deep runs many more examples (`DROPOUT_FUZZ=deep .venv/bin/python -m
pytest tests/fuzz -q`); the default keeps the suite's CI time modest.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import os
import re
import signal
import tempfile
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from dropout_ledger.clock import FrozenClock
from dropout_ledger.errors import LedgerError
from dropout_ledger.ledger import Ledger
from dropout_ledger.store.verify import verify

DATA = Path(__file__).resolve().parents[1] / "data"
CORPUS = DATA / "fuzz"
DEEP = os.environ.get("DROPOUT_FUZZ") == "deep"
CLOCK = FrozenClock(dt.datetime(2027, 3, 1, 8, 0))
HANG_SECONDS = 60
"""No single input may take longer than this (a hang is a failure, not a slow test)."""

_CHINESE = re.compile(r"[\u4e00-\u9fff]")


def examples(default: int) -> int:
    """Hypothesis examples for one fuzz test: `default` in CI, 30× that with DROPOUT_FUZZ=deep."""
    return default * 30 if DEEP else default


def chinese(text: str) -> bool:
    return bool(_CHINESE.search(text))


@contextlib.contextmanager
def time_limit(seconds: int = HANG_SECONDS) -> Iterator[None]:
    """Fail (TimeoutError) instead of hanging; a no-op where SIGALRM does not exist (Windows)."""
    if not hasattr(signal, "SIGALRM"):
        yield
        return

    def expired(signum: int, frame: Any) -> None:
        raise TimeoutError(f"no answer after {seconds} s: a hang")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def mutate(mutation: dict[str, Any]) -> bytes:
    """The bytes a mutation describes, from its base file."""
    data = bytearray((DATA / mutation["base"]).read_bytes())
    if "entry" in mutation:
        data = bytearray(replace_entry(bytes(data), mutation["entry"],
                                       bytes.fromhex(mutation.get("entry_hex", ""))))
    for offset, xor in mutation.get("flips", []):
        if offset < len(data):
            data[offset] ^= xor or 1
    if mutation.get("truncate") is not None:
        del data[mutation["truncate"]:]
    return bytes(data)


def replace_entry(archive: bytes, name: str, content: bytes) -> bytes:
    """The zip `archive` with entry `name` holding `content` (other entries as they were)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(archive)) as source, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(info, content if info.filename == name else source.read(info))
    return out.getvalue()


def entries(path: Path) -> list[str]:
    with zipfile.ZipFile(path) as archive:
        return archive.namelist()


def events_of(path: Path) -> dict[str, bytes]:
    import sqlite3

    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return {str(eid): bytes(hdr) + b"|" + bytes(body or b"")
                for eid, hdr, body in conn.execute("SELECT eid, hdr, body FROM events")}
    finally:
        conn.close()


def check_open(data: bytes, wal: bytes | None, original: dict[str, bytes]) -> str:
    """The opener's property: refused with a Chinese message, or opened and then `verify`
    either finds the damage or finds none because the events are exactly the original ones.
    Returns what happened ("refused", "damage found", "unchanged") for the statistics."""
    with tempfile.TemporaryDirectory(prefix="fuzz-open-") as folder:
        path = Path(folder) / "l.sqlite"
        path.write_bytes(data)
        if wal is not None:
            Path(f"{path}-wal").write_bytes(wal)
        with time_limit():
            try:
                ledger = Ledger.open(path, clock=CLOCK)
            except LedgerError as error:
                assert chinese(error.message), error.message
                return "refused"
            with ledger:
                checks = verify(ledger.conn, path)
            if not all(c.ok for c in checks):
                assert all(chinese(p) for c in checks for p in c.problems)
                return "damage found"
            assert events_of(path) == original, "verify passed a ledger whose events changed"
            return "unchanged"


def check_import(data: bytes, suffix: str, ledger: Ledger) -> str:
    """The importer's property: a plan, or a refusal in Chinese; nothing else, never a hang."""
    from dropout_ledger.importing import plan_import

    with tempfile.TemporaryDirectory(prefix="fuzz-import-") as folder:
        path = Path(folder) / f"花名册{suffix}"
        path.write_bytes(data)
        with time_limit():
            try:
                plan_import(ledger, path)
            except LedgerError as error:
                assert chinese(error.message), error.message
                return "refused"
            return "planned"
