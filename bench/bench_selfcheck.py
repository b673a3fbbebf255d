"""What the start-up self-check costs (store/selfcheck.py): a school and a county-sized ledger.

Run from the repository root:

    .venv/bin/python bench/bench_selfcheck.py [--students 3000] [--county 150000] [--repeat 5]
    .venv/bin/python bench/bench_selfcheck.py --school-file S.sqlite --county-file C.sqlite

Builds the ledgers as bench_ledger.py does (`Ledger.create` + `demo.populate`; the 150,000 one
takes about 3 minutes), or measures existing files. For each: `Ledger.open` + close as a whole,
and the self-check's parts on an open connection — `quick_check`, the schema check, the chain
check of the last 500 events of every replica. Median [min–max] of `--repeat` runs after one
warm-up run, so the file is in the OS cache; the warm-up itself is shown as "first" (closer to
a cold start, though not a true one: nothing here drops the OS cache).
"""

from __future__ import annotations

import argparse
import contextlib
import io
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from dropout_ledger.ledger import Ledger  # noqa: E402
from dropout_ledger.services import demo  # noqa: E402
from dropout_ledger.store import db, selfcheck  # noqa: E402
from dropout_ledger.synthetic import FICTIONAL_COUNTY_CODE  # noqa: E402


def build(path: Path, students: int) -> Path:
    print(f"building {students} pupils in {path} …", file=sys.stderr)
    with Ledger.create(path, kind="school", code="2152482101", name="某某学校",
                       county_code=FICTIONAL_COUNTY_CODE) as ledger:
        demo.populate(ledger, students=students, seed=42)
        ledger.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path


def timed(fn: Callable[[], object], repeat: int) -> str:
    runs = []
    for _ in range(repeat + 1):
        start = time.perf_counter()
        fn()
        runs.append((time.perf_counter() - start) * 1000)
    first, rest = runs[0], runs[1:]
    return (f"{statistics.median(rest):.1f} ms [{min(rest):.1f}–{max(rest):.1f}], "
            f"first {first:.1f} ms")


def measure(label: str, path: Path, repeat: int) -> list[str]:
    size = path.stat().st_size / 1024 / 1024
    conn = db.open_existing(path)
    selfcheck.check(conn, path)  # the expected schema is built once per process
    events = conn.execute("SELECT count(*) FROM events").fetchone()[0]
    lines = [f"## {label}: {path.name}, {size:.0f} MB, {events} events",
             f"- quick_check: {timed(lambda: selfcheck.quick_check(conn, path), repeat)}",
             f"- schema check: {timed(lambda: selfcheck.schema_problem(conn), repeat)}",
             f"- chain check (last {selfcheck.TAIL} per replica): "
             f"{timed(lambda: selfcheck.chain_problem(conn), repeat)}",
             f"- whole self-check as at open: {timed(lambda: selfcheck.check(conn, path), repeat)}"
             + (" (quick_check deferred: file above the limit)" if selfcheck.deferred(path)
                else "")]
    conn.close()
    lines.append(f"- Ledger.open + close: {timed(lambda: Ledger.open(path).close(), repeat)}")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, default=3000)
    parser.add_argument("--county", type=int, default=150_000, help="0: no county ledger")
    parser.add_argument("--school-file", type=Path)
    parser.add_argument("--county-file", type=Path)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="bench-selfcheck-") as folder:
        school = args.school_file or build(Path(folder) / "school.sqlite", args.students)
        lines = measure("school", school, args.repeat)
        county = args.county_file or (
            build(Path(folder) / "county.sqlite", args.county) if args.county else None)
        if county is not None:
            lines += measure("county-sized", county, args.repeat)
    print("\n".join(lines))
    return 0


def run(options: Any) -> list[Any]:
    """For bench/run_all.py: the same measurement, its table saved as `selfcheck.txt`.

    Its figures are read against the budget in the table itself (≤ 100 ms at open for a
    school); quick sizes: 300 pupils and no county ledger.
    """
    argv = ["--students", "300", "--county", "0", "--repeat", "1"] if options.quick else []
    captured = io.StringIO()
    with contextlib.redirect_stdout(captured):
        main(argv)
    options.out.mkdir(parents=True, exist_ok=True)
    (options.out / "selfcheck.txt").write_text(captured.getvalue(), encoding="utf-8")
    return []


if __name__ == "__main__":
    raise SystemExit(main())
