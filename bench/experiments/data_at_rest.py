"""What protecting the ledger at rest would cost: SQLCipher under the app vs encrypted copies.

Run from the repository root with a SQLCipher binding on the path, never installed into .venv
(decision 0021 explains why it is not a dependency):

    .venv/bin/python -m pip install --no-deps --target /tmp/sqlcipher sqlcipher3-wheels
    PYTHONPATH=/tmp/sqlcipher .venv/bin/python bench/experiments/data_at_rest.py [--students 3000]
    PYTHONPATH=/tmp/sqlcipher .venv/bin/python bench/experiments/data_at_rest.py --ledger FILE

It builds (or copies) a demo school, makes an SQLCipher copy with `sqlcipher_export`, and runs
the app's own code over each — `Ledger.open` + close, a roster page, the full count, `verify`
— by handing the core a connection factory that keys every file it opens: a raw 256-bit key
(what an implementation would use: the key is derived once, at login) and a passphrase (SQLCipher
4's default PBKDF2-HMAC-SHA512, 256,000 iterations, paid by every connection). Beside them,
the other design: AES-256-GCM (the `cryptography` package) over a snapshot file and a 2 MB
attachment. Median [min–max] of `--repeat` runs after one warm-up.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from dropout_ledger.ledger import Ledger  # noqa: E402
from dropout_ledger.services import demo  # noqa: E402
from dropout_ledger.store import backup, db, verify  # noqa: E402
from dropout_ledger.synthetic import FICTIONAL_COUNTY_CODE  # noqa: E402

RAW_KEY = "\"x'" + "2b7e151628aed2a6abf7158809cf4f3c" * 2 + "'\""
PASSPHRASE = "'正确的马电池钉书钉'"


def timed(fn: Callable[[], object], repeat: int) -> str:
    runs = []
    for _ in range(repeat + 1):
        start = time.perf_counter()
        fn()
        runs.append((time.perf_counter() - start) * 1000)
    rest = runs[1:]
    return f"{statistics.median(rest):8.1f} ms [{min(rest):.1f}–{max(rest):.1f}]"


def cipher_module(key: str) -> Any:
    """A stand-in for the `sqlite3` module whose connect() keys every database it opens."""
    from sqlcipher3 import dbapi2

    class Keyed(dbapi2.Connection):  # type: ignore[misc]
        def execute(self, sql: str, *args: Any) -> Any:
            if sql.startswith("ATTACH DATABASE ? AS live"):  # verify's read-only attach
                sql = f"ATTACH DATABASE ? AS live KEY {key}"
            return super().execute(sql, *args)

    class Module:
        def __getattr__(self, name: str) -> Any:
            return getattr(dbapi2, name)

        @staticmethod
        def connect(*args: Any, **kwargs: Any) -> Any:
            conn = dbapi2.connect(*args, factory=Keyed, **kwargs)
            conn.execute(f"PRAGMA key = {key}")
            return conn

    return Module()


@contextmanager
def using(module: Any) -> Iterator[None]:
    """Run the core over `module` instead of the standard library's sqlite3."""
    saved = (db.sqlite3, verify.sqlite3, backup.sqlite3, db.check_file)
    db.sqlite3 = verify.sqlite3 = backup.sqlite3 = module  # snapshots are keyed too
    db.check_file = lambda path: None  # an encrypted file has no "SQLite format 3" header
    try:
        yield
    finally:
        db.sqlite3, verify.sqlite3, backup.sqlite3, db.check_file = saved


def encrypted_copy(plain: Path, out: Path, key: str) -> None:
    from sqlcipher3 import dbapi2

    conn = dbapi2.connect(str(plain))
    conn.execute(f"ATTACH DATABASE '{out}' AS enc KEY {key}")
    conn.execute("SELECT sqlcipher_export('enc')")
    app_id = conn.execute("PRAGMA main.application_id").fetchone()[0]
    conn.execute(f"PRAGMA enc.application_id = {app_id}")
    conn.execute("DETACH DATABASE enc")
    conn.close()


def app_work(path: Path, repeat: int) -> list[str]:
    Ledger.open(path).close()  # today's snapshot taken once, outside the timings

    def page() -> None:
        with Ledger.open(path) as ledger:
            ledger.queries.roster("all", limit=200)

    def count() -> None:
        with Ledger.open(path) as ledger:
            ledger.queries.count("all")

    def check() -> None:
        with Ledger.open(path) as ledger:
            checks = verify.verify(ledger.conn, path)
            assert all(c.ok for c in checks), [c.problems for c in checks]

    return [f"  open + close      {timed(lambda: Ledger.open(path).close(), repeat)}",
            f"  open + roster page{timed(page, repeat)}",
            f"  open + count all  {timed(count, repeat)}",
            f"  open + verify     {timed(check, max(1, repeat // 2))}"]


def copies(snapshot: Path, repeat: int) -> list[str]:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    key = AESGCM.generate_key(bit_length=256)
    data = snapshot.read_bytes()
    photo = os.urandom(2 * 1024 * 1024)
    nonce = bytes(12)
    sealed = AESGCM(key).encrypt(nonce, data, None)
    return [f"  AES-256-GCM seal of the snapshot ({len(data) // 1024} KB)"
            f"{timed(lambda: AESGCM(key).encrypt(nonce, data, None), repeat)}",
            f"  AES-256-GCM open of the snapshot      "
            f"{timed(lambda: AESGCM(key).decrypt(nonce, sealed, None), repeat)}",
            f"  AES-256-GCM seal of a 2 MB photo      "
            f"{timed(lambda: AESGCM(key).encrypt(nonce, photo, None), repeat)}"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, default=3000)
    parser.add_argument("--ledger", type=Path, help="measure a copy of this ledger instead")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    from sqlcipher3 import dbapi2

    with tempfile.TemporaryDirectory(prefix="bench-at-rest-") as folder:
        work = Path(folder)
        plain = work / "plain" / "l.sqlite"
        plain.parent.mkdir()
        if args.ledger:
            shutil.copyfile(args.ledger, plain)
        else:
            with Ledger.create(plain, kind="school", code="2152482101", name="某某学校",
                               county_code=FICTIONAL_COUNTY_CODE) as ledger:
                demo.populate(ledger, students=args.students, seed=42)
        with Ledger.open(plain) as ledger:
            ledger.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        lines = [f"SQLite {sqlite3.sqlite_version}; SQLCipher "
                 f"{dbapi2.connect(':memory:').execute('PRAGMA cipher_version').fetchone()[0]}"
                 f" (SQLite {dbapi2.sqlite_version}); {plain.stat().st_size // 1024} KB ledger",
                 "plain sqlite3 (today):", *app_work(plain, args.repeat)]
        for label, key in (("raw 256-bit key", RAW_KEY), ("passphrase (PBKDF2 256k)",
                                                           PASSPHRASE)):
            enc = work / label.split()[0] / "l.sqlite"
            enc.parent.mkdir()
            encrypted_copy(plain, enc, key)
            with using(cipher_module(key)):
                lines += [f"SQLCipher, {label}:", *app_work(enc, args.repeat)]
        lines += ["encrypted copies instead:", *copies(plain, args.repeat)]
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
