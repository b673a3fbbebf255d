"""Run every benchmark in bench/ and write bench/RESULTS.md: one command for all of them.

    .venv/bin/python bench/run_all.py            # realistic sizes: a 3,000-pupil school and a
                                                 # 150,000-pupil county; ~30–60 min on 2 cores
    .venv/bin/python bench/run_all.py --quick    # a smoke run at tiny sizes (< 30 s); writes
                                                 # bench/out/RESULTS-quick.md, not RESULTS.md
    .venv/bin/python bench/run_all.py --only bench_pdf bench_rates

Every `bench/bench_*.py` with a `run(options) -> list[Figure]` (bench/protocol.py) is run in a
child process of its own, one after another, so one benchmark's memory and imports do not
colour the next, and one failing does not stop the others (RESULTS.md says which failed and
why). Each figure is printed as it arrives: the median with its spread, the raw library doing
the same work and the ratio, the target and whether it is met. RESULTS.md then lists every
target of design README §5 — met, or by how much it misses and what would fix it — followed by
every figure. The detailed report of each benchmark is in bench/out/<name>.txt.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import json
import os
import platform
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
for _p in (ROOT, BENCH):
    if str(_p) not in sys.path:
        sys.path.insert(0, str(_p))

from protocol import (  # noqa: E402
    GOALS,
    GOALS_MEASURED_BY,
    Collected,
    Figure,
    Options,
    from_json,
)

RESULTS = BENCH / "RESULTS.md"
QUICK_RESULTS = BENCH / "out" / "RESULTS-quick.md"


def discover(only: list[str] | None = None) -> list[str]:
    """The module names of bench/bench_*.py, in name order (or those of `only`)."""
    found = sorted(p.stem for p in BENCH.glob("bench_*.py"))
    if only:
        unknown = sorted(set(only) - set(found))
        if unknown:
            raise SystemExit(f"no such benchmark: {', '.join(unknown)} (have: {', '.join(found)})")
        found = [name for name in found if name in only]
    return found


# --- one benchmark in a child process ---------------------------------------------------------


def child(module: str, options_json: str, out_json: str) -> int:
    """In the child: import the module, run it, write its figures as JSON."""
    data = json.loads(options_json)
    options = Options(quick=data["quick"], repeat=data["repeat"], workdir=Path(data["workdir"]),
                      out=Path(data["out"]),
                      bundle=Path(data["bundle"]) if data["bundle"] else None)
    loaded = importlib.import_module(module)
    run = getattr(loaded, "run", None)
    if run is None:
        figures: list[Figure] = []
        print(f"{module} has no run(options): skipped", file=sys.stderr)
    else:
        figures = run(options)
    Path(out_json).write_text(json.dumps([f.as_json() for f in figures], ensure_ascii=False),
                              encoding="utf-8")
    return 0


def run_one(module: str, options: Options) -> Collected:
    """Run `module` in a child; its figures, wall time and peak RSS (from wait4)."""
    collected = Collected(module)
    with tempfile.TemporaryDirectory(prefix="bench-figures-") as folder:
        out = Path(folder) / "figures.json"
        payload = json.dumps({"quick": options.quick, "repeat": options.repeat,
                              "workdir": str(options.workdir), "out": str(options.out),
                              "bundle": str(options.bundle) if options.bundle else ""})
        started = time.perf_counter()
        process = subprocess.Popen(
            [sys.executable, __file__, "--child", module, payload, str(out)],
            cwd=ROOT, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE, text=True, encoding="utf-8", errors="replace")
        assert process.stderr is not None
        tail: list[str] = []
        for line in process.stderr:  # the benchmark's progress, passed through
            sys.stderr.write(f"  [{module}] {line}")
            tail = (tail + [line.rstrip()])[-15:]
        _, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
        collected.seconds = time.perf_counter() - started
        collected.peak_mb = usage.ru_maxrss / 1024
        if process.returncode != 0 or not out.exists():
            collected.error = f"exit code {process.returncode}: " + " / ".join(tail[-6:])
            return collected
        collected.figures = [from_json(f) for f in json.loads(out.read_text(encoding="utf-8"))]
    return collected


# --- printing and RESULTS.md --------------------------------------------------------------------


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def line(figure: Figure) -> str:
    """One figure on one line for the terminal."""
    parts = [f"{figure.name}: {figure.value_text()}"]
    if figure.raw is not None:
        parts.append(f"raw {figure.raw_text()}, ratio {figure.ratio_text()}")
    if figure.target_text:
        parts.append(f"target {figure.target_text}: {figure.verdict()}")
    if figure.median is None and figure.note:
        parts.append(figure.note)
    return "  " + " | ".join(parts)


def goal_rows(collected: list[Collected]) -> list[str]:
    """The table of design README §5: every target, with the figures held to it."""
    by_goal: dict[str, list[Figure]] = {}
    for result in collected:
        for figure in result.figures:
            if figure.goal:
                by_goal.setdefault(figure.goal, []).append(figure)
    rows = ["| work (design README §5) | target | measured | verdict | what would fix a miss |",
            "|---|---|---|---|---|"]
    for key, (what, target) in GOALS.items():
        figures = [f for f in by_goal.get(key, []) if f.median is not None]
        if not figures:
            missing = by_goal.get(key, [])
            later = GOALS_MEASURED_BY.get(key)
            if missing:
                why = missing[0].note
            elif later and not (BENCH / later).exists():
                why = f"not measured yet: {later} does not exist (it comes with sync)"
            else:
                why = "not measured in this run (a quick run's sizes, or --only)"
            rows.append(f"| {what} | {target} | — | not measured | {_cell(why)} |")
            continue
        worst = max(figures, key=lambda f: (f.met is False, (f.median or 0) / (f.target or 1)))
        misses = [f for f in figures if f.met is False]
        if len(figures) == 1:
            measured = worst.value_text()
        else:
            measured = f"worst of {len(figures)}: {worst.name} {worst.value_text()}"
        if misses:
            verdict = worst.verdict() + (f" ({len(misses)} of {len(figures)} miss)"
                                         if len(figures) > 1 else "")
            fix = worst.fix or "—"
        else:
            verdict = worst.verdict() if len(figures) == 1 else \
                f"all {len(figures)} met (the worst {worst.verdict().removeprefix('met (')}"
            fix = ""
        rows.append(f"| {what} | {target} | {_cell(measured)} | {_cell(verdict)} | {_cell(fix)} |")
    return rows


def other_targets(collected: list[Collected]) -> list[str]:
    """Figures with a target from elsewhere than §5 (perf-baselines, an issue)."""
    rows = ["| figure | target (source) | measured | verdict | what would fix a miss |",
            "|---|---|---|---|---|"]
    for result in collected:
        for f in result.figures:
            if f.goal or (f.target is None and f.max_ratio is None):
                continue
            rows.append(f"| {_cell(f.name)} | {f.target_text} ({f.source}) | {f.value_text()} |"
                        f" {f.verdict()} | {_cell(f.fix) if f.met is False else ''} |")
    return rows if len(rows) > 2 else []


def figure_tables(collected: list[Collected]) -> list[str]:
    lines: list[str] = []
    for result in collected:
        lines += [f"### {result.module}", "",
                  f"{result.seconds:,.0f} s, peak RSS of the benchmark process "
                  f"{result.peak_mb:,.0f} MB; details in bench/out/"
                  f"{result.module.removeprefix('bench_')}.txt", ""]
        if result.error:
            lines += [f"**Failed**: {_cell(result.error)}", ""]
            continue
        lines += ["| figure | median [min–max, n] | raw library | ratio | target | verdict |"
                  " note |", "|---|---|---|---|---|---|---|"]
        for f in result.figures:
            lines.append(f"| {_cell(f.name)} | {f.value_text()} | {_cell(f.raw_text())} |"
                         f" {f.ratio_text()} | {f.target_text or '—'} | {f.verdict()} |"
                         f" {_cell(f.note)} |")
        lines.append("")
    return lines


def git_state() -> str:
    try:
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT,
                              capture_output=True, text=True, check=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--", "dropout_ledger", "ui",
                                "resources", "build.spec"], cwd=ROOT, capture_output=True,
                               text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown (no git)"
    return head + (" + uncommitted changes" if dirty else "")


def cpu_model() -> str:
    try:
        for text in Path("/proc/cpuinfo").read_text().splitlines():
            if text.startswith("model name"):
                return text.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "?"


def load() -> str:
    return " / ".join(f"{x:.2f}" for x in os.getloadavg())


def report(collected: list[Collected], args: argparse.Namespace, started: dt.datetime,
           load_before: str, code: str, load_after: str, minutes: float) -> str:
    command = "python bench/run_all.py" + (" --quick" if args.quick else "") + (
        f" --only {' '.join(args.only)}" if args.only else "")
    lines = [
        "# Benchmark results" + (" (quick smoke run: tiny sizes, figures mean nothing)"
                                 if args.quick else ""),
        "",
        f"Measured {started:%Y-%m-%d %H:%M} at commit {code} with `{command}` "
        f"({minutes:.0f} min in all).",
        f"Machine: {os.cpu_count()} cores ({cpu_model()}), {platform.system()} "
        f"{platform.release()}, Python {platform.python_version()}, SQLite "
        f"{sqlite3.sqlite_version}; load average (1 / 5 / 15 min) {load_before} at the start,"
        f" {load_after} at the end. The machine is shared: a figure moves by ±20–30 % between "
        "sessions (perf-baselines §1), so read the ratios to the raw library first.",
        "",
        "Each figure is the median [min–max, n] after one warm-up run (n=1: a single run);"
        " \"raw library\" is the same work done by the library alone (plain sqlite3, calamine,"
        " openpyxl, reportlab, a hello-world Qt window) and the ratio is ours ÷ raw. Sizes are"
        " MB = 10⁶ bytes. bench/README.md says how each is measured.",
        "",
        "## Targets of design README §5",
        "",
        *goal_rows(collected),
        "",
    ]
    others = other_targets(collected)
    if others:
        lines += ["## Other targets (from the design's perf-baselines and the issues)", "",
                  *others, ""]
    lines += ["## Every figure", "", *figure_tables(collected)]
    return "\n".join(lines) + "\n"


def save(collected: list[Collected], path: Path, header: dict[str, str]) -> None:
    """Every figure as JSON (bench/out/figures.json), for comparing runs or `--report-from`."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({**header, "benchmarks": [
        {"module": r.module, "seconds": r.seconds, "peak_mb": r.peak_mb, "error": r.error,
         "figures": [f.as_json() for f in r.figures]} for r in collected]},
        ensure_ascii=False, indent=1), encoding="utf-8")


def rewrite(args: argparse.Namespace) -> int:
    """RESULTS.md again from a saved run: same figures, same header facts."""
    data = json.loads(args.report_from.read_text(encoding="utf-8"))
    collected = [Collected(b["module"], [from_json(f) for f in b["figures"]], b["seconds"],
                           b["peak_mb"], b["error"]) for b in data["benchmarks"]]
    args.quick = data["quick"]
    args.only = data["only"]
    text = report(collected, args, dt.datetime.fromisoformat(data["started"]),
                  data["load_before"], data["code"], data["load_after"], data["minutes"])
    target = args.results or (QUICK_RESULTS if args.quick else RESULTS)
    target.write_text(text, encoding="utf-8")
    print(f"written {target}")
    return 0


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="tiny sizes: a smoke run (< 30 s)")
    parser.add_argument("--only", nargs="+", metavar="BENCH", help="run only these (bench_pdf …)")
    parser.add_argument("--repeat", type=int, default=None,
                        help="timed runs after the warm-up (default 3; 1 with --quick)")
    parser.add_argument("--workdir", type=Path, default=None,
                        help="where ledgers and bundles are built and kept (default: "
                             "<temp>/dropout-ledger-bench; a fresh temp folder with --quick)")
    parser.add_argument("--bundle", type=Path, default=None,
                        help="measure this built bundle folder instead of building one")
    parser.add_argument("--results", type=Path, default=None,
                        help="where to write the results (default bench/RESULTS.md; "
                             "bench/out/RESULTS-quick.md with --quick)")
    parser.add_argument("--out", type=Path, default=BENCH / "out",
                        help="where each benchmark writes its detailed report")
    parser.add_argument("--report-from", type=Path, metavar="FIGURES_JSON",
                        help="write RESULTS.md again from a run's bench/out/figures.json"
                             " (after changing only how it is presented)")
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.child:
        return child(*args.child)
    if args.report_from:
        return rewrite(args)
    modules = discover(args.only)
    started, load_before, code = dt.datetime.now(), load(), git_state()
    with tempfile.TemporaryDirectory(prefix="bench-quick-") as scratch:
        workdir = args.workdir or (Path(scratch) if args.quick
                                   else Path(tempfile.gettempdir()) / "dropout-ledger-bench")
        workdir.mkdir(parents=True, exist_ok=True)
        options = Options(quick=args.quick, repeat=args.repeat or (1 if args.quick else 3),
                          workdir=workdir, out=args.out, bundle=args.bundle)
        collected = []
        for module in modules:
            print(f"{module} …", flush=True)
            result = run_one(module, options)
            for figure in result.figures:
                print(line(figure), flush=True)
            if result.error:
                print(f"  FAILED: {result.error}", flush=True)
            print(f"  ({result.seconds:,.0f} s, peak RSS {result.peak_mb:,.0f} MB)", flush=True)
            collected.append(result)
    minutes, load_after = (dt.datetime.now() - started).total_seconds() / 60, load()
    text = report(collected, args, started, load_before, code, load_after, minutes)
    save(collected, args.out / ("figures-quick.json" if args.quick else "figures.json"),
         {"started": started.isoformat(), "load_before": load_before, "load_after": load_after,
          "code": code, "minutes": minutes, "quick": args.quick, "only": args.only})
    target = args.results or (QUICK_RESULTS if args.quick else RESULTS)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    print(f"written {target}")
    missed = sum(1 for r in collected for f in r.figures if f.met is False)
    failed = [r.module for r in collected if r.error]
    print(f"{len(collected)} benchmarks, {sum(len(r.figures) for r in collected)} figures, "
          f"{missed} targets missed" + (f", FAILED: {', '.join(failed)}" if failed else ""))
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())



