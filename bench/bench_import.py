"""Benchmark the roster import against raw calamine reading and raw sqlite3 inserts (README §5).

Run from the repository root:

    .venv/bin/python bench/bench_import.py [--rows 3000 150000] [--repeat 3] [--big-repeat 1]

For each size it writes a synthetic 学籍-style roster (.xlsx: a title row, the header, one pupil
per row; `SyntheticFactory`, seed 42) and measures, each in a fresh child process so that its
peak RSS is the import's own:

- parse: open the file, find the header, read every mapped cell into its value (readers,
  header, normalise) — no rules, no ledger;
- check (`plan_import`): parse + the core's field rules + file duplicates + matching against an
  empty school ledger; "validate" is check − parse;
- apply (`apply_import`): backup + one transaction registering every pupil (2 events each);
- the pinyin dictionary load, paid once per process by the first name written, shown apart.

Beside them: raw calamine (`get_sheet_by_index(0).to_python()`) and raw sqlite3 (one
`executemany` of the same rows into a 25-column table with the app's 4 student indexes, WAL,
synchronous=FULL, one transaction), each a median after one warm-up run. The table goes to
stdout and to bench/out/import.txt; progress to stderr.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
for _p in (ROOT, BENCH):
    if str(_p) not in sys.path:
        sys.path.insert(0, str(_p))

from protocol import Figure, Options  # noqa: E402

OUT_FILE = ROOT / "bench" / "out" / "import.txt"
TODAY = dt.date(2026, 11, 22)
TARGETS = {3000: 1.5, 150_000: 20.0}
HEADER = ["序号", "姓名", "性别", "出生日期", "民族", "身份证号", "全国学籍号", "年级", "班级", "家庭住址",
          "监护人", "联系电话"]
RAW_KEYS = ("name", "sex", "birth_date", "ethnicity", "id_type", "id_number", "xjh", "grade",
            "class_name", "village_code", "village_name", "address", "boarding", "guardians",
            "left_behind", "orphan", "unsupported", "in_difficulty", "migrant",
            "disability_type", "inclusive", "economic_category", "note")
RAW_COLUMNS = ("id", *RAW_KEYS, "status")  # 25 columns, as bench_ledger.py's raw table
RAW_DDL = (
    "CREATE TABLE students (id TEXT PRIMARY KEY, "
    + ", ".join(f"{k} TEXT" for k in RAW_KEYS) + ", status TEXT)",
    "CREATE INDEX students_id_number ON students(id_number)",
    "CREATE INDEX students_xjh ON students(xjh)",
    "CREATE INDEX students_grade ON students(grade, class_name, name)",
    "CREATE INDEX students_status ON students(status)",
)


def log(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


# --- the roster file ------------------------------------------------------------------------


def make_roster(rows: int, out: Path) -> float:
    """Write the synthetic roster (write-only openpyxl); returns seconds taken."""
    from openpyxl import Workbook

    from dropout_ledger.synthetic import SyntheticFactory

    started = time.perf_counter()
    factory = SyntheticFactory(42)
    book = Workbook(write_only=True)
    sheet = book.create_sheet("学生名单")
    sheet.append(["坪坝镇中心学校学生花名册"])
    sheet.append(HEADER)
    for number in range(1, rows + 1):
        p = factory.student(grade=(number - 1) % 9 + 1, today=TODAY)
        guardian = p["guardians"][0]  # type: ignore[index]
        sheet.append([number, p["name"], "男" if p["sex"] == "1" else "女", p["birth_date"],
                      p["ethnicity"], p["id_number"], p["xjh"], p["grade"], p["class_name"],
                      p["address"], guardian["name"], guardian["phone"]])
    book.save(out)
    return time.perf_counter() - started


# --- the app, measured in a child process -----------------------------------------------------


def child(roster: Path, ledger_path: Path) -> None:
    """Time parse, check and apply in this (fresh) process; print the figures as JSON."""
    from dropout_ledger.clock import FrozenClock
    from dropout_ledger.importing import apply_import, plan_import
    from dropout_ledger.importing.header import SCAN_ROWS, find_header
    from dropout_ledger.importing.normalise import CellProblem, read_cell
    from dropout_ledger.importing.readers import open_workbook
    from dropout_ledger.ledger import Ledger
    from dropout_ledger.model.names import name_initials

    started = time.perf_counter()
    with open_workbook(roster) as book:
        sheet = book.sheet(book.sheet_names[0])
        top = []
        for row in sheet.rows():
            top.append(row)
            if len(top) >= SCAN_ROWS:
                break
        header = find_header(top, first_column=sheet.first_column)
        used = [(c.index, c.field) for c in header.columns if c.field]
        values = 0
        for number, row in enumerate(sheet.rows(), start=1):
            if number <= header.row:
                continue
            for index, field in used:
                if index < len(row) and row[index] not in (None, ""):
                    try:
                        read_cell(field, row[index])
                        values += 1
                    except CellProblem:
                        pass
    parse = time.perf_counter() - started

    started = time.perf_counter()
    name_initials("张三丰")  # loads pypinyin's dictionaries: once per process
    pinyin = time.perf_counter() - started

    clock = FrozenClock(dt.datetime(2026, 11, 22, 10))
    with Ledger.create(ledger_path, kind="school", code="2152482101", name="某某学校",
                       county_code="524821", clock=clock) as ledger:
        started = time.perf_counter()
        plan = plan_import(ledger, roster)
        check = time.perf_counter() - started
        started = time.perf_counter()
        result = apply_import(ledger, plan)
        apply = time.perf_counter() - started
    print(json.dumps({"parse": parse, "check": check, "apply": apply, "pinyin": pinyin,
                      "values": values, "created": result.created, "errors": plan.errors}))


def run_child(roster: Path, workdir: Path) -> dict[str, Any]:
    """One child run; adds its peak RSS (from wait4, so it is the child's own)."""
    ledger = Path(tempfile.mkdtemp(dir=workdir)) / "school.sqlite"
    process = subprocess.Popen(
        [sys.executable, __file__, "--child", str(roster), str(ledger)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8")
    assert process.stdout is not None and process.stderr is not None
    out, err = process.stdout.read(), process.stderr.read()
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"child failed:\n{err}")
    figures: dict[str, Any] = json.loads(out)
    figures["rss_mb"] = usage.ru_maxrss / 1024
    shutil.rmtree(ledger.parent)  # the ledger, its WAL and the backup taken before the import
    return figures


# --- the raw baselines ----------------------------------------------------------------------


def raw_calamine(roster: Path) -> int:
    import python_calamine as calamine

    with calamine.CalamineWorkbook.from_path(str(roster)) as book:
        return len(book.get_sheet_by_index(0).to_python())


def raw_rows(roster: Path) -> list[tuple[Any, ...]]:
    """The roster's pupils as 25-column tuples (built once, outside the timing)."""
    import uuid

    import python_calamine as calamine

    with calamine.CalamineWorkbook.from_path(str(roster)) as book:
        rows = book.get_sheet_by_index(0).to_python()[2:]
    out = []
    for r in rows:
        values = dict.fromkeys(RAW_KEYS, "")
        values.update(name=r[1], sex=r[2], birth_date=r[3], ethnicity=r[4], id_number=r[5],
                      xjh=r[6], grade=int(r[7]), class_name=r[8], address=r[9],
                      guardians=json.dumps([{"name": r[10], "phone": r[11]}]))
        out.append((uuid.uuid4().hex, *values.values(), "enrolled"))
    return out


def raw_insert(rows: list[tuple[Any, ...]], workdir: Path) -> None:
    path = Path(tempfile.mkdtemp(dir=workdir)) / "raw.sqlite"
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("BEGIN IMMEDIATE")
    for statement in RAW_DDL:
        conn.execute(statement)
    marks = ", ".join("?" for _ in RAW_COLUMNS)
    conn.executemany(f"INSERT INTO students ({', '.join(RAW_COLUMNS)}) VALUES ({marks})", rows)
    conn.execute("COMMIT")
    conn.close()
    for leftover in path.parent.iterdir():
        leftover.unlink()
    path.parent.rmdir()


def timed(work: Callable[[], Any], repeat: int) -> list[float]:
    work()  # warm-up
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return times


# --- the report -------------------------------------------------------------------------------


def fmt(seconds: float) -> str:
    return f"{seconds * 1000:,.0f} ms" if seconds < 10 else f"{seconds:,.1f} s"


def cell(values: list[float]) -> str:
    return (f"{fmt(statistics.median(values))} [{fmt(min(values))}–{fmt(max(values))}, "
            f"n={len(values)}]")


def uptime() -> str:
    try:
        return subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()
    except OSError:
        return "(uptime unavailable)"


Samples = dict[str, list[float]]


def measure(rows: int, repeat: int, workdir: Path) -> tuple[list[str], Samples]:
    roster = workdir / f"roster-{rows}.xlsx"
    if not roster.exists():
        log(f"writing a {rows:,}-row roster …")
        made = make_roster(rows, roster)
        log(f"  {made:.1f} s, {roster.stat().st_size / 1e6:.1f} MB")
    log(f"{rows:,} rows: raw calamine …")
    calamine_times = timed(lambda: raw_calamine(roster), repeat)
    tuples = raw_rows(roster)
    log(f"{rows:,} rows: raw sqlite3 inserts …")
    insert_times = timed(lambda: raw_insert(tuples, workdir), repeat)
    log(f"{rows:,} rows: the app, {repeat} child process(es) …")
    runs = [run_child(roster, workdir) for _ in range(repeat)]
    parse = [r["parse"] for r in runs]
    check = [r["check"] for r in runs]
    validate = [r["check"] - r["parse"] for r in runs]
    apply = [r["apply"] for r in runs]
    total = [r["check"] + r["apply"] for r in runs]
    raw_total = statistics.median(calamine_times) + statistics.median(insert_times)

    def ratio(app: list[float], raw: float) -> str:
        return f"{statistics.median(app) / raw:.1f}×"

    target = TARGETS.get(rows)
    verdict = "" if target is None else (
        f"target ≤ {fmt(target)}: {'met' if statistics.median(total) <= target else 'NOT met'}")
    samples = {"parse": parse, "check": check, "apply": apply, "total": total,
               "calamine": calamine_times, "insert": insert_times, "raw_total": [raw_total],
               "rss_mb": [max(r["rss_mb"] for r in runs) * 1.048576]}  # MiB → MB
    return [
        f"#### {rows:,} rows ({roster.stat().st_size / 1e6:.1f} MB .xlsx)",
        "",
        "| work | app | raw | app/raw | note |",
        "|---|---|---|---|---|",
        f"| parse (read + header + normalise) | {cell(parse)} | {cell(calamine_times)} | "
        f"{ratio(parse, statistics.median(calamine_times))} | raw: calamine to_python() |",
        f"| validate (check − parse) | {cell(validate)} | — | — | core field rules, ID checks, "
        "duplicates, matching |",
        f"| check = plan_import | {cell(check)} | {cell(calamine_times)} | "
        f"{ratio(check, statistics.median(calamine_times))} | |",
        f"| apply = apply_import | {cell(apply)} | {cell(insert_times)} | "
        f"{ratio(apply, statistics.median(insert_times))} | raw: one executemany, 4 indexes |",
        f"| **check + apply** | **{cell(total)}** | {fmt(raw_total)} | "
        f"{ratio(total, raw_total)} | {verdict} |",
        f"| pinyin dictionary load (once per process) | {cell([r['pinyin'] for r in runs])} "
        "| — | — | paid by the first name written |",
        f"| peak RSS of the child process | {max(r['rss_mb'] for r in runs):,.0f} MB | — | — | "
        "parse + check + apply, one process |",
        "",
    ], samples


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, nargs="+", default=[3000, 150_000])
    parser.add_argument("--repeat", type=int, default=3, help="runs for sizes up to 10,000")
    parser.add_argument("--big-repeat", type=int, default=1, help="runs for larger sizes")
    parser.add_argument("--workdir", type=Path, default=None)
    parser.add_argument("--out", type=Path, default=OUT_FILE)
    parser.add_argument("--child", nargs=2, metavar=("ROSTER", "LEDGER"), help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def bench(args: argparse.Namespace) -> dict[int, Samples]:
    """Measure each size; print and write the report; the samples per size."""
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="bench-import-"))
    workdir.mkdir(parents=True, exist_ok=True)
    commit = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"],
                            capture_output=True, text=True).stdout.strip()
    lines = [
        "### Roster import benchmark", "",
        f"{dt.datetime.now():%Y-%m-%d %H:%M}, commit {commit}, Python {platform.python_version()},"
        f" SQLite {sqlite3.sqlite_version}, {os.cpu_count()} CPUs, {platform.machine()}",
        f"before: `{uptime()}`", "",
    ]
    found: dict[int, Samples] = {}
    for rows in args.rows:
        text, found[rows] = measure(rows, args.repeat if rows <= 10_000 else args.big_repeat,
                                    workdir)
        lines += text
    lines.append(f"after: `{uptime()}`")
    report = "\n".join(lines) + "\n"
    print(report)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(report, encoding="utf-8")
    return found


FIX = ("a bulk path for new pupils: one executemany for their events and a bulk fold into the"
       " projections, instead of two events and ~12 statements per pupil")


def run(options: Options) -> list[Figure]:
    """The protocol of bench/run_all.py: 3,000 and 150,000 rows (quick: 200)."""
    sizes = [200] if options.quick else [3000, 150_000]
    found = bench(parse_args(["--rows", *map(str, sizes), "--repeat", str(options.repeat),
                              "--workdir", str(options.workdir / "import"),
                              "--out", str(options.out / "import.txt")]))
    figures = []
    for rows, samples in found.items():
        goal = {3000: "import-3000", 150_000: "import-150k"}.get(rows, "")
        target = TARGETS.get(rows)
        figures += [
            Figure.of(f"import {rows:,} rows: check + apply", samples["total"],
                      raw=samples["raw_total"][0], raw_what="calamine read + one executemany",
                      target=target, target_text=f"≤ {target:g} s" if target else "",
                      goal=goal, fix=FIX),
            Figure.of(f"import {rows:,} rows: parse", samples["parse"],
                      raw=statistics.median(samples["calamine"]), raw_what="calamine to_python"),
            Figure.of(f"import {rows:,} rows: apply", samples["apply"],
                      raw=statistics.median(samples["insert"]), raw_what="one executemany"),
            Figure.of(f"import {rows:,} rows: peak RSS of the importing process",
                      samples["rss_mb"], unit="MB"),
        ]
    return figures


def main() -> None:
    args = parse_args()
    if args.child:
        child(Path(args.child[0]), Path(args.child[1]))
        return
    bench(args)


if __name__ == "__main__":
    main()
