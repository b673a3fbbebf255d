"""What protecting the ledger at rest costs: the app's own code over a plaintext and an encrypted
ledger (decision 0021, as implemented), the login's unwrap, and the in-place migration.

Run from the repository root (SQLCipher is a dependency since 0021):

    .venv/bin/python bench/experiments/data_at_rest.py [--students 3000]
    .venv/bin/python bench/experiments/data_at_rest.py --ledger FILE

It builds (or copies) a demo school and measures, with the core exactly as shipped:
`Ledger.open` + close, a roster page, the full count and `verify` on the plaintext file (the
SQLCipher build without a key: what a ledger without accounts costs) and on the same ledger
after its first account encrypted it (`Ledger.open(path, key=...)`, the raw 256-bit data key);
then the first account's creation (argon2 hash + wrap + snapshot + `sqlcipher_export` + rename +
re-encrypting the snapshots) and `cipher.unlock` (one Argon2id derivation with the login
hash's parameters). Beside them, the design not taken: AES-256-GCM (the `cryptography`
package) over a snapshot file and a 2 MB attachment. Median [min–max] of `--repeat` runs
after one warm-up.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from dropout_ledger.ledger import Ledger  # noqa: E402
from dropout_ledger.services import accounts, cipher, demo  # noqa: E402
from dropout_ledger.store import db, verify  # noqa: E402
from dropout_ledger.store import sqlite as sqlite3  # noqa: E402
from dropout_ledger.synthetic import FICTIONAL_COUNTY_CODE  # noqa: E402

PASSWORD = "xiaozhang-2026"


def timed(fn: Callable[[], object], repeat: int) -> str:
    runs = []
    for _ in range(repeat + 1):
        start = time.perf_counter()
        fn()
        runs.append((time.perf_counter() - start) * 1000)
    rest = runs[1:]
    return f"{statistics.median(rest):8.1f} ms [{min(rest):.1f}–{max(rest):.1f}]"


def app_work(path: Path, repeat: int, key: bytes | None = None) -> list[str]:
    Ledger.open(path, key=key).close()  # today's snapshot taken once, outside the timings

    def page() -> None:
        with Ledger.open(path, key=key) as ledger:
            ledger.queries.roster("all", limit=200)

    def count() -> None:
        with Ledger.open(path, key=key) as ledger:
            ledger.queries.count("all")

    def check() -> None:
        with Ledger.open(path, key=key) as ledger:
            checks = verify.verify(ledger.conn, path)
            assert all(c.ok for c in checks), [c.problems for c in checks]

    return [f"  open + close      {timed(lambda: Ledger.open(path, key=key).close(), repeat)}",
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
        cipher_version = db.raw_connect(":memory:", None).execute(
            "PRAGMA cipher_version").fetchone()[0]
        lines = [f"SQLCipher {cipher_version} (SQLite {sqlite3.sqlite_version}); "
                 f"{plain.stat().st_size // 1024} KB ledger",
                 "plaintext (no accounts):", *app_work(plain, args.repeat)]
        migrations = []
        for n in range(max(1, args.repeat // 2) + 1):
            enc = work / f"enc{n}" / "l.sqlite"
            enc.parent.mkdir()
            shutil.copyfile(plain, enc)
            with Ledger.open(enc) as ledger:
                start = time.perf_counter()
                accounts.create(ledger, name="wangxz", role="principal", password=PASSWORD)
                migrations.append((time.perf_counter() - start) * 1000)
        rest = migrations[1:]
        lines.append(f"first account (hash, wrap, snapshot, export, rename)"
                     f"{statistics.median(rest):8.1f} ms [{min(rest):.1f}–{max(rest):.1f}]")
        key = cipher.unlock(enc, "wangxz", PASSWORD)
        lines += [f"unlock (one Argon2id)  {timed(lambda: cipher.unlock(enc, 'wangxz', PASSWORD), args.repeat)}",
                  "encrypted, raw key:", *app_work(enc, args.repeat, key)]
        lines += ["encrypted copies instead:", *copies(plain, args.repeat)]
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
