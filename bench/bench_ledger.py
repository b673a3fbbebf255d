"""Benchmark the ledger core against plain sqlite3 doing the same work (design README §5).

Run from the repository root:

    .venv/bin/python bench/bench_ledger.py [--students 3000] [--county 150000] [--repeat 3]

For a school of `--students` and a county-sized ledger of `--county` students (for now one school
ledger filled by `demo.populate`; `--county 0` skips it) it measures building the ledger, its file
size, listing, counting, `stats.counts`, `verify.verify` and the `list --json` command as a whole
process; beside each, plain `sqlite3` doing the same work on a 25-column students table with the
same four indexes. Each figure is the median [min–max, n] after one warm-up run, as in
design/reference/perf-baselines.md §1. bench/README.md explains each row.

The table goes to stdout and to bench/out/ledger.txt; progress goes to stderr.
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import io
import json
import os
import platform
import pstats
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
for _p in (ROOT, BENCH):  # run as a script from a checkout that is not pip-installed
    if str(_p) not in sys.path:
        sys.path.insert(0, str(_p))

from protocol import Figure, Options  # noqa: E402

from dropout_ledger.ledger import Ledger  # noqa: E402
from dropout_ledger.services import demo, stats  # noqa: E402
from dropout_ledger.store import verify  # noqa: E402
from dropout_ledger.synthetic import (  # noqa: E402
    FICTIONAL_COUNTY_CODE,
    STUDENT_KEYS,
    SyntheticFactory,
)

SEED = 42
SCHOOL_CODE = "2152482101"
SCHOOL_NAME = "某某学校"
PAGE = 200
OUT_FILE = ROOT / "bench" / "out" / "ledger.txt"

# --- the raw baseline: one plain table, the app's 4 student indexes ----------------------------

_BOOL_KEYS = frozenset(
    {"boarding", "orphan", "unsupported", "in_difficulty", "migrant", "inclusive"}
)
RAW_COLUMNS = ("id", *STUDENT_KEYS, "status")  # 25 columns
RAW_DDL = (
    "CREATE TABLE students (id TEXT PRIMARY KEY, "
    + ", ".join(
        f"{k} {'INTEGER' if k in _BOOL_KEYS or k == 'grade' else 'TEXT'}" for k in STUDENT_KEYS
    )
    + ", status TEXT)",
    "CREATE INDEX students_id_number ON students(id_number)",
    "CREATE INDEX students_xjh ON students(xjh)",
    "CREATE INDEX students_grade ON students(grade, class_name, name)",
    "CREATE INDEX students_status ON students(status)",
)
RAW_INSERT = (
    f"INSERT INTO students ({', '.join(RAW_COLUMNS)})"
    f" VALUES ({', '.join('?' for _ in RAW_COLUMNS)})"
)
# The columns and order of Queries.roster (at_risk is a projection the raw table does not have).
RAW_ROW_COLUMNS = "id, name, sex, grade, class_name, id_number, xjh, village_name, status"
RAW_ORDER = "ORDER BY grade, class_name, name, id"
RAW_PAGE_SQL = f"SELECT {RAW_ROW_COLUMNS} FROM students {RAW_ORDER} LIMIT {PAGE}"
RAW_ALL_SQL = f"SELECT {RAW_ROW_COLUMNS} FROM students {RAW_ORDER}"
RAW_GROUP_SQL = (
    "SELECT grade, status, count(*) FROM students GROUP BY grade, status ORDER BY grade, status"
)
# What `list --json` does, as a bare process: read every row, print the same JSON shape.
RAW_LIST_SCRIPT = f"""
import json, sqlite3, sys
conn = sqlite3.connect(f"file:{{sys.argv[1]}}?mode=ro", uri=True)
keys = ("id", "name", "sex", "grade", "class", "id_number", "xjh", "village", "status")
rows = conn.execute("{RAW_ALL_SQL}")
print(json.dumps([dict(zip(keys, r)) for r in rows], ensure_ascii=False, sort_keys=True,
                 indent=1))
"""


# --- timing ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Timing:
    """Samples in seconds; printed as median [min–max, n]."""

    samples: tuple[float, ...]

    @property
    def median(self) -> float:
        return statistics.median(self.samples)

    def __str__(self) -> str:
        values = [s * 1000 for s in self.samples]
        med = statistics.median(values)
        unit = "s" if med >= 10_000 else "ms" if med >= 1 else "µs"
        low, high = min(values), max(values)
        return f"{_num(med, med)} {unit} [{_num(low, med)}–{_num(high, med)}, n={len(values)}]"


def _num(ms: float, median_ms: float) -> str:
    """s with one decimal from 10 s, whole ms from 10 ms, ms with one decimal, else whole µs."""
    if median_ms >= 10_000:
        return f"{ms / 1000:,.1f}"
    if median_ms >= 10:
        return f"{ms:,.0f}"
    return f"{ms:.1f}" if median_ms >= 1 else f"{ms * 1000:,.0f}"


def _timed(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def measure(fn: Callable[[], object], repeat: int, *, slow: float) -> Timing:
    """One warm-up run, then `repeat` timed runs; a warm-up slower than `slow` s is the n=1."""
    first = _timed(fn)
    if first > slow:
        return Timing((first,))
    return Timing(tuple(_timed(fn) for _ in range(repeat)))


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


# --- building ----------------------------------------------------------------------------------


def factory_rows(students: int, today: dt.date) -> list[dict[str, object]]:
    """The same student dicts, in the same order, as `demo.populate` makes for this seed."""
    factory = SyntheticFactory(SEED, county_code=FICTIONAL_COUNTY_CODE)
    return [factory.student(grade=n % 9 + 1, today=today) for n in range(students)]


def build_app(path: Path, students: int) -> tuple[float, float]:
    """Create + populate (timed), then checkpoint and close. Returns (seconds, 0)."""
    start = time.perf_counter()
    ledger = Ledger.create(
        path, kind="school", code=SCHOOL_CODE, name=SCHOOL_NAME, county_code=FICTIONAL_COUNTY_CODE
    )
    demo.populate(ledger, students=students, seed=SEED)
    elapsed = time.perf_counter() - start
    ledger.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    ledger.close()
    return elapsed, 0.0


def _raw_tuple(row: dict[str, object]) -> tuple[object, ...]:
    values: list[object] = [uuid.uuid4().hex]
    for key in STUDENT_KEYS:
        value = row[key]
        if isinstance(value, bool):
            value = int(value)
        elif isinstance(value, list | dict):
            value = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
        values.append(value)
    values.append("enrolled")
    return tuple(values)


def raw_connect(path: Path) -> sqlite3.Connection:
    """Plain sqlite3 with the app's pragmas (WAL, synchronous=FULL)."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    return conn


def build_raw(path: Path, students: int) -> tuple[float, float]:
    """Factory dicts + table + 4 indexes + one executemany in one transaction.

    Returns (total seconds, seconds spent making the factory dicts).
    """
    start = time.perf_counter()
    rows = factory_rows(students, dt.date.today())
    made = time.perf_counter() - start
    conn = raw_connect(path)
    for statement in RAW_DDL:
        conn.execute(statement)
    conn.execute("BEGIN")
    conn.executemany(RAW_INSERT, (_raw_tuple(r) for r in rows))
    conn.execute("COMMIT")
    elapsed = time.perf_counter() - start
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    return elapsed, made


def _remove(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", ".lock"):
        Path(str(path) + suffix).unlink(missing_ok=True)


def bench_builds(
    work: Path,
    name: str,
    students: int,
    runs: int,
    *,
    warmup: bool,
    build: Callable[[Path, int], tuple[float, float]],
) -> tuple[Timing, Timing, Path]:
    """Build `runs` fresh files (after an untimed warm-up build if `warmup`); keep the last."""
    totals: list[float] = []
    parts: list[float] = []
    last: Path | None = None
    for run in range(runs + (1 if warmup else 0)):
        path = work / f"{name}-{run}.sqlite"
        total, part = build(path, students)
        log(f"  {name} build {run + 1}/{runs + warmup}: {total:.2f} s")
        if last is not None:
            _remove(last)
        last = path
        if warmup and run == 0:
            continue
        totals.append(total)
        parts.append(part)
    assert last is not None
    return Timing(tuple(totals)), Timing(tuple(parts)), last


# --- whole processes ---------------------------------------------------------------------------


# Spawns the measured command from a small process and reports (exit code, wall seconds, peak RSS
# in KiB). Measured directly from this process, a child's ru_maxrss would never be below this
# process's own peak: Linux keeps the parent's high-water mark across fork/vfork + exec.
_LAUNCHER = """
import os, sys, time
devnull = [(os.POSIX_SPAWN_OPEN, 1, os.devnull, os.O_WRONLY, 0)]
start = time.perf_counter()
pid = os.posix_spawn(sys.argv[1], sys.argv[1:], os.environ, file_actions=devnull)
_, status, usage = os.wait4(pid, 0)
elapsed = time.perf_counter() - start
print(os.waitstatus_to_exitcode(status), elapsed, usage.ru_maxrss)
"""


@dataclass
class ProcessRuns:
    """Wall times (from the launcher, so its own start-up is excluded) and peak RSS of a command."""

    cmd: list[str]
    seconds: list[float] = field(default_factory=list)
    peaks_kib: list[int] = field(default_factory=list)

    def run(self) -> None:
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH")) if p)
        done = subprocess.run(
            [sys.executable, "-c", _LAUNCHER, *self.cmd],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        code, seconds, peak = done.stdout.split()
        if int(code) != 0:
            raise RuntimeError(f"{self.cmd[:4]} exited with {code}: {done.stderr[-2000:]}")
        self.seconds.append(float(seconds))
        self.peaks_kib.append(int(peak))

    def timing(self, repeat: int, slow: float) -> Timing:
        """Like `measure`: one warm-up run, then `repeat` runs; a slow warm-up is the n=1."""
        self.run()
        if self.seconds[0] > slow:
            return Timing((self.seconds[0],))
        for _ in range(repeat):
            self.run()
        return Timing(tuple(self.seconds[1:]))


# --- the report --------------------------------------------------------------------------------


@dataclass
class Row:
    work: str
    app: str
    raw: str
    ratio: float | None = None
    note: str = ""
    app_timing: Timing | None = None
    raw_timing: Timing | None = None


def row(work: str, app: Timing | None, raw: Timing | None, note: str = "") -> Row:
    ratio = app.median / raw.median if app and raw and raw.median > 0 else None
    return Row(work, str(app) if app else "—", str(raw) if raw else "—", ratio, note, app, raw)


@dataclass
class Section:
    title: str
    rows: list[Row] = field(default_factory=list)
    students: int = 0
    sizes: tuple[int, int] = (0, 0)
    """The app's and the raw file's size in bytes, checkpointed."""
    peaks_mb: tuple[float, float] = (0.0, 0.0)
    """Peak RSS of `list --json` and of its raw twin."""

    def lines(self) -> Iterator[str]:
        yield f"### {self.title}"
        yield ""
        yield "| work | app | raw sqlite3 | app/raw | note |"
        yield "|---|---|---|---|---|"
        for r in self.rows:
            ratio = f"{r.ratio:.1f}×" if r.ratio is not None else "—"
            yield f"| {r.work} | {r.app} | {r.raw} | {ratio} | {r.note} |"
        yield ""


def _mb(size: int) -> str:
    return f"{size / 1e6:,.1f} MB"


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "?"


def _git_state(folders: tuple[str, ...] = ("dropout_ledger",)) -> str:
    """The commit measured, and whether `folders` had uncommitted changes."""
    try:
        head = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--", *folders],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown (no git)"
    changed = ", ".join(f"{f}/" for f in folders)
    return head + (f" + uncommitted changes in {changed}" if dirty else "")


def header(args: argparse.Namespace) -> list[str]:
    return [
        f"# bench_ledger — {dt.datetime.now():%Y-%m-%d %H:%M}",
        "",
        f"- machine: {os.cpu_count()} cores ({_cpu_model()}), {platform.system()} "
        f"{platform.release()}",
        f"- Python {platform.python_version()}, SQLite {sqlite3.sqlite_version},"
        f" code at {_git_state()}",
        f"- command: bench/bench_ledger.py --students {args.students} --county {args.county}"
        f" --repeat {args.repeat} --county-build-repeat {args.county_build_repeat}",
        "- figures: median [min–max, n] after one warm-up run (n=1: a single run, no warm-up)",
        "",
    ]


# --- one ledger size ---------------------------------------------------------------------------


@dataclass
class Ctx:
    work: Path
    repeat: int
    slow: float


def bench_size(ctx: Ctx, title: str, students: int, build_runs: int, warm_build: bool) -> Section:
    section = Section(f"{title}: {students:,} students", students=students)
    log(f"{title}: building the app ledger ({students:,} students) …")
    app_build, _, app_path = bench_builds(
        ctx.work, f"{title}-app", students, build_runs, warmup=warm_build, build=build_app
    )
    log(f"{title}: building the raw table …")
    raw_build, made, raw_path = bench_builds(
        ctx.work, f"{title}-raw", students, ctx.repeat, warmup=True, build=build_raw
    )
    section.rows.append(
        row(
            "build (create + populate)",
            app_build,
            raw_build,
            "raw: factory dicts + CREATE + 4 indexes + one executemany; app also writes cases,"
            " visits, subsidies",
        )
    )
    section.rows.append(
        row("… of which making the factory dicts", None, made, "measured inside the raw build")
    )
    app_size, raw_size = app_path.stat().st_size, raw_path.stat().st_size
    section.sizes = (app_size, raw_size)
    section.rows.append(
        Row(
            "file size (checkpointed)",
            f"{_mb(app_size)} ({app_size / students:,.0f} B/student)",
            f"{_mb(raw_size)} ({raw_size / students:,.0f} B/student)",
            app_size / raw_size,
        )
    )
    section.rows += bench_queries(ctx, app_path, raw_path, students)
    cli_row, section.peaks_mb = bench_cli(ctx, app_path, raw_path)
    section.rows.append(cli_row)
    _remove(app_path)
    _remove(raw_path)
    return section


def bench_queries(ctx: Ctx, app_path: Path, raw_path: Path, students: int) -> list[Row]:
    def m(label: str, fn: Callable[[], object]) -> Timing:
        log(f"  {label} …")
        return measure(fn, ctx.repeat, slow=ctx.slow)

    def raw_connect_count() -> None:
        conn = sqlite3.connect(raw_path)
        conn.execute("SELECT count(*) FROM students").fetchone()
        conn.close()

    rows = [
        row(
            "open (Ledger.open + count + close)",
            m("open", lambda: _open_count_close(app_path)),
            m("raw open", raw_connect_count),
            "raw: connect + count(*) + close",
        )
    ]
    ledger = Ledger.open(app_path)
    raw = raw_connect(raw_path)
    try:
        q = ledger.queries
        total = q.count("all")
        assert total == students, (total, students)
        rows += [
            row(
                f"roster page ({PAGE} rows)",
                m("page", lambda: q.roster("all", limit=PAGE)),
                m("raw page", lambda: raw.execute(RAW_PAGE_SQL).fetchall()),
                "RosterRow objects vs tuples",
            ),
            row(
                "roster all (limit=count)",
                m("all", lambda: q.roster("all", limit=total)),
                m("raw all", lambda: raw.execute(RAW_ALL_SQL).fetchall()),
            ),
            row(
                'count("all")',
                m("count", lambda: q.count("all")),
                m("raw count", lambda: raw.execute("SELECT count(*) FROM students").fetchone()),
            ),
            row(
                "counts_by(grade, status)",
                m("counts_by", lambda: q.counts_by("grade", "status")),
                m("raw group", lambda: raw.execute(RAW_GROUP_SQL).fetchall()),
            ),
            row(
                "stats.counts",
                m("stats", lambda: stats.counts(q)),
                m("raw group", lambda: raw.execute(RAW_GROUP_SQL).fetchall()),
                "app runs 10 queries (GROUP BY + 8 flag scans + cases); raw the GROUP BY",
            ),
            row(
                "verify.verify",
                m("verify", lambda: verify.verify(ledger.conn, app_path)),
                m("raw integrity_check", lambda: raw.execute("PRAGMA integrity_check").fetchall()),
                "app: integrity + hash chains + blobs + full rebuild and compare;"
                " raw: PRAGMA integrity_check",
            ),
            row(
                "… of which integrity_check",
                m(
                    "integrity_check",
                    lambda: ledger.conn.execute("PRAGMA integrity_check").fetchall(),
                ),
                None,
                "the app file's own check",
            ),
        ]
    finally:
        ledger.close()
        raw.close()
    return rows


def _open_count_close(path: Path) -> None:
    with Ledger.open(path) as ledger:
        ledger.queries.count("all")


def bench_cli(ctx: Ctx, app_path: Path, raw_path: Path) -> tuple[Row, tuple[float, float]]:
    app = ProcessRuns(
        [sys.executable, "-m", "dropout_ledger", "list", "--ledger", str(app_path), "--json"]
    )
    raw = ProcessRuns([sys.executable, "-c", RAW_LIST_SCRIPT, str(raw_path)])
    log("  list --json (process) …")
    app_time = app.timing(ctx.repeat, ctx.slow)
    log("  raw list --json (process) …")
    raw_time = raw.timing(ctx.repeat, ctx.slow)
    note = (
        f"whole process, stdout to /dev/null; peak RSS {max(app.peaks_kib) / 1024:,.0f} MB"
        f" vs {max(raw.peaks_kib) / 1024:,.0f} MB (raw: python -c, sqlite3 + json)"
    )
    peaks = (max(app.peaks_kib) * 1024 / 1e6, max(raw.peaks_kib) * 1024 / 1e6)  # KiB → MB
    return row("`list --json` (CLI process)", app_time, raw_time, note), peaks


# --- profile -----------------------------------------------------------------------------------


def profile_build(work: Path, students: int, top: int) -> list[str]:
    """cProfile one build; the `top` dropout_ledger entries by cumulative time."""
    path = work / "profile.sqlite"
    profiler = cProfile.Profile()
    profiler.enable()
    build_app(path, students)
    profiler.disable()
    _remove(path)
    stream = io.StringIO()
    stats_ = pstats.Stats(profiler, stream=stream)
    stats_.sort_stats("cumulative").print_stats(r"dropout_ledger[/\\]", top)
    text = stream.getvalue().replace(str(ROOT) + os.sep, "")
    body = text[text.index("ncalls") :].rstrip() if "ncalls" in text else text.strip()
    return [
        f"### cProfile of one {students:,}-student build: top {top} dropout_ledger entries"
        " by cumulative time (profiler overhead included)",
        "",
        "```",
        body,
        "```",
        "",
    ]


# --- main --------------------------------------------------------------------------------------


def common_parser(doc: str | None) -> argparse.ArgumentParser:
    """The options every benchmark here shares: sizes, repeats and the slow-run rule."""
    parser = argparse.ArgumentParser(description=doc.splitlines()[0] if doc else None)
    parser.add_argument("--students", type=int, default=3000, help="school size (default 3000)")
    parser.add_argument(
        "--county",
        type=int,
        default=150_000,
        help="county-sized ledger (default 150000; 0 skips it)",
    )
    parser.add_argument("--repeat", type=int, default=3, help="timed runs after the warm-up")
    parser.add_argument(
        "--slow",
        type=float,
        default=30.0,
        help="a warm-up run slower than this many seconds is reported as n=1",
    )
    return parser


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = common_parser(__doc__)
    parser.add_argument(
        "--county-build-repeat",
        type=int,
        default=1,
        help="county builds, without warm-up (default 1: each takes minutes)",
    )
    parser.add_argument(
        "--profile",
        type=int,
        default=10,
        metavar="N",
        help="cProfile the school build, print the top N entries (0: skip)",
    )
    parser.add_argument(
        "--workdir",
        type=Path,
        default=None,
        help="where the ledger files are built (default: a temp folder)",
    )
    parser.add_argument("--out", type=Path, default=OUT_FILE, help="also write the report here")
    return parser.parse_args(argv)


def bench(args: argparse.Namespace) -> list[Section]:
    """Measure each size; print and write the report; the sections measured."""
    work = Path(tempfile.mkdtemp(prefix="bench-ledger-", dir=args.workdir))
    ctx = Ctx(work=work, repeat=args.repeat, slow=args.slow)
    lines = header(args)
    try:
        sections = [bench_size(ctx, "school", args.students, args.repeat, True)]
        if args.county > 0:
            sections.append(bench_size(ctx, "county", args.county, args.county_build_repeat, False))
        for section in sections:
            lines += section.lines()
        if args.profile > 0:
            log("profiling one school build …")
            lines += profile_build(work, args.students, args.profile)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    lines.append(f"Peak RSS of this benchmark process: {peak:,.0f} MB")
    report = "\n".join(lines) + "\n"
    print(report, end="")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(report, encoding="utf-8")
    log(f"written to {args.out}")
    return sections


# perf-baselines "Proposed goals": DB size ≤ 1.5× raw; school ≤ 10 MB, county ≤ 350 MB.
SIZE_CEILINGS_MB = {3000: 10.0, 150_000: 350.0}
SIZE_FIX = ("store event bodies more compactly (they are most of the file: about 2.3 events per"
            " pupil in the demo) or compress them; the projections and indexes are near raw size")


def run(options: Options) -> list[Figure]:
    """The protocol of bench/run_all.py: a school of 3,000 and a county of 150,000 (quick: 200)."""
    students, county = (200, 0) if options.quick else (3000, 150_000)
    args = parse_args(["--students", str(students), "--county", str(county),
                       "--repeat", str(options.repeat), "--profile", "0" if options.quick else "10",
                       *(["--slow", "0"] if options.quick else []),  # quick: one run, no warm-up
                       "--out", str(options.out / "ledger.txt")])
    figures = []
    for section in bench(args):
        for item in section.rows:
            if item.app_timing is None:
                continue
            figures.append(Figure.of(
                f"{section.title}: {item.work}", item.app_timing.samples,
                raw=item.raw_timing.median if item.raw_timing else None,
                raw_what="plain sqlite3" if item.raw_timing else "", note=item.note))
        app_size, raw_size = (size / 1e6 for size in section.sizes)
        ceiling = SIZE_CEILINGS_MB.get(section.students)
        figures.append(Figure(
            f"{section.title}: ledger file size (checkpointed)", app_size, n=1, unit="MB",
            raw=raw_size, raw_what="one plain table, 4 indexes", target=ceiling,
            target_text=f"≤ {ceiling:g} MB" if ceiling else "",
            source="perf-baselines goals" if ceiling else "", fix=SIZE_FIX))
        figures.append(Figure(
            f"{section.title}: peak RSS of `list --json`", section.peaks_mb[0], n=1, unit="MB",
            raw=section.peaks_mb[1], raw_what="python -c: sqlite3 + json"))
    return figures


def main(argv: list[str] | None = None) -> int:
    bench(parse_args(argv))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
