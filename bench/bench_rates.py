"""Benchmark the rates (issue 7): every figure of a county-sized ledger at one snapshot date.

Run from the repository root:

    .venv/bin/python bench/bench_rates.py [--students 150000] [--repeat 5] [--cache DIR]

Target (issue 7): all county figures for 150,000 students in ≤ 0.5 s, measured beside the raw
SQL aggregate. The ledger is `demo.populate` with a clock standing at 2026-06-15 (so the whole
demo case history falls in one school year), built once and cached under `--cache` (default
/tmp/dropout_ledger_bench_rates): building 150,000 students takes about two minutes.

Rows:
- `rates.compute`: every figure (both dropout conventions per stage, grade, sex and village,
  cohort 巩固率, disability, the monthly movement tables), from an open ledger connection;
- `stats --json` body: `stats.statistics` (today's counts + all rates) and `json.dumps`;
- raw aggregate: one plain `GROUP BY grade, sex, village, status` over `students`, the least
  any per-group statistics must read (it knows nothing of the history);
- raw history: one window function over every status fact (what reading the whole history
  pupil by pupil in SQL costs), for scale.

Each figure is the median [min–max, n] after one warm-up run. The machine's load (`uptime`)
is printed with the table, because the CPUs may be shared.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import sqlite3
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
for _p in (ROOT, BENCH):  # run as a script from a checkout that is not pip-installed
    if str(_p) not in sys.path:
        sys.path.insert(0, str(_p))

from protocol import Figure, Options  # noqa: E402

from dropout_ledger import rates  # noqa: E402
from dropout_ledger.clock import FrozenClock  # noqa: E402
from dropout_ledger.ledger import Ledger  # noqa: E402
from dropout_ledger.services import demo, stats  # noqa: E402
from dropout_ledger.synthetic import FICTIONAL_COUNTY_CODE  # noqa: E402

SEED = 42
DAY = dt.date(2026, 6, 15)
OUT_FILE = ROOT / "bench" / "out" / "rates.txt"
RAW_AGGREGATE = ("SELECT grade, sex, village_name, status, count(*) FROM students"
                 " WHERE retracted = 0 GROUP BY grade, sex, village_name, status")
RAW_HISTORY = ("SELECT count(*), sum(prev IS NULL) FROM (SELECT lag(code) OVER"
               " (PARTITION BY student_id ORDER BY effective_date, lc, eid) AS prev"
               " FROM status_facts WHERE retracted = 0)")


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def ledger_file(cache: Path, students: int) -> Path:
    """The cached demo ledger for this size, built (about 2 min for 150k) if missing."""
    path = cache / f"demo-{students}-seed{SEED}-{DAY.isoformat()}.sqlite"
    if path.exists():
        return path
    cache.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".building")
    for leftover in (partial, Path(f"{partial}-wal"), Path(f"{partial}-shm")):
        leftover.unlink(missing_ok=True)
    log(f"building a demo ledger of {students:,} students in {cache} (cached for next time)")
    start = time.perf_counter()
    clock = FrozenClock(dt.datetime.combine(DAY, dt.time(9, 0)))
    with Ledger.create(partial, kind="school", code="2152482101", name="某某学校",
                       county_code=FICTIONAL_COUNTY_CODE, clock=clock) as ledger:
        demo.populate(ledger, students=students, seed=SEED)
        ledger.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    partial.rename(path)
    log(f"built in {time.perf_counter() - start:.0f} s")
    return path


def measure(work: dict[str, Callable[[], object]], repeat: int) -> dict[str, list[float]]:
    """One warm-up run of each, then `repeat` rounds running each once in turn.

    Interleaving puts the app and the raw baseline under the same load from other processes
    (the CPUs are shared), so their ratio means more than either figure alone.
    """
    for fn in work.values():
        fn()
    samples: dict[str, list[float]] = {name: [] for name in work}
    for _ in range(repeat):
        for name, fn in work.items():
            start = time.perf_counter()
            fn()
            samples[name].append(time.perf_counter() - start)
    return samples


def show(samples: list[float]) -> str:
    ms = [s * 1000 for s in samples]
    return f"{statistics.median(ms):,.0f} ms [{min(ms):,.0f}–{max(ms):,.0f}, n={len(ms)}]"


APP_ROW = "rates.compute (every figure)"
RAW_ROW = "raw aggregate (GROUP BY over students)"
TARGET_S = 0.5


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--students", type=int, default=150_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--cache", type=Path, default=Path("/tmp/dropout_ledger_bench_rates"))
    parser.add_argument("--out", type=Path, default=OUT_FILE)
    return parser.parse_args(argv)


def run(options: Options) -> list[Figure]:
    """The protocol of bench/run_all.py: the county's rates (quick: 500 pupils)."""
    students = 500 if options.quick else 150_000
    args = parse_args(["--students", str(students), "--repeat", str(options.repeat),
                       "--cache", str(options.workdir / "rates"),
                       "--out", str(options.out / "rates.txt")])
    timings = bench(args)
    app, raw = timings[APP_ROW], timings[RAW_ROW]
    return [
        Figure.of(f"rates.compute, every figure, {students:,} pupils", app,
                  raw=statistics.median(raw), raw_what="one GROUP BY over students",
                  target=TARGET_S if students >= 150_000 else None,
                  target_text="≤ 0.5 s" if students >= 150_000 else "", source="issue 7",
                  fix="read the status history once per snapshot (one window query) instead of"
                      " per figure"),
        Figure.of(f"stats --json body (counts + rates + json), {students:,} pupils",
                  timings["stats --json body (counts + rates + json.dumps)"]),
    ]


def main(argv: list[str] | None = None) -> int:
    bench(parse_args(argv))
    return 0


def bench(args: argparse.Namespace) -> dict[str, list[float]]:
    """Measure, print and write the report; the samples of each row."""
    path = ledger_file(args.cache, args.students)
    clock = FrozenClock(dt.datetime.combine(DAY, dt.time(9, 0)))
    with Ledger.open(path, clock=clock) as ledger:
        conn, profile = ledger.conn, ledger.settings.profile()
        facts = conn.execute("SELECT count(*) FROM status_facts").fetchone()[0]
        raw = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        raw.execute("PRAGMA cache_size=-65536")  # the ledger's own setting, for fairness
        log("measuring")
        timings = measure({
            APP_ROW: lambda: rates.compute(conn, DAY, profile),
            "stats --json body (counts + rates + json.dumps)": lambda: json.dumps(
                stats.statistics(ledger, DAY), ensure_ascii=False, sort_keys=True, indent=1),
            RAW_ROW: lambda: raw.execute(RAW_AGGREGATE).fetchall(),
            "raw history (window over all status facts)": lambda: raw.execute(
                RAW_HISTORY).fetchall(),
        }, args.repeat)
        raw.close()
    app = statistics.median(timings[APP_ROW])
    base = statistics.median(timings[RAW_ROW])
    load = os.getloadavg()
    lines = [
        f"# Rates benchmark — {dt.datetime.now():%Y-%m-%d %H:%M}",
        "",
        f"- ledger: demo, {args.students:,} students, {facts:,} status facts, snapshot {DAY}",
        f"- machine: {platform.machine()}, {os.cpu_count()} CPUs (shared), Python "
        f"{platform.python_version()}, SQLite {sqlite3.sqlite_version}",
        f"- load average (uptime) at the end: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}",
        "",
        "| work | median [min–max, n] |",
        "|---|---|",
        *(f"| {name} | {show(samples)} |" for name, samples in timings.items()),
        "",
        f"rates.compute / raw aggregate: {app / base:.1f}×; target ≤ 0.5 s: "
        f"{'met' if app <= 0.5 else 'NOT met'} ({app * 1000:,.0f} ms)",
    ]
    text = "\n".join(lines)
    print(text)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text + "\n", encoding="utf-8")
    return timings


if __name__ == "__main__":
    raise SystemExit(main())
