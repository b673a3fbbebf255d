"""Benchmark the .xlsx exports against raw openpyxl write-only writing the same values.

Run from the repository root:

    .venv/bin/python bench/bench_export.py [--students 3000] [--county 150000] [--repeat 3]

For a school of `--students` and a county-sized ledger of `--county` pupils (one school ledger
filled by `demo.populate`, seed 42, as in bench_ledger.py; `--county 0` skips it) it measures
`export_roster` of the "all" view (its 17 view columns, then every column), the part of that
spent reading and formatting rows, a county-template fill (school size only: the template is
held in memory), the statistics workbook, and the whole `export-xlsx` command as a process with
its peak RSS. Beside each export, raw openpyxl write-only appends the very values the export
wrote (already in a list, so only the writing is timed) and saves. A last row measures the
styling trade-off of decision 0011: raw write-only with a bordered style on every cell.

The ledgers are cached under `--cache` (default /tmp/dropout-ledger-bench): building 150,000
pupils takes minutes. Figures are the median [min–max, n] after one warm-up run; a warm-up
slower than `--slow` seconds is itself the figure (n=1), and the county's secondary rows are
single runs. The table goes to stdout and bench/out/export.txt; progress goes to stderr.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from copy import copy
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
for _p in (ROOT, BENCH):
    if str(_p) not in sys.path:
        sys.path.insert(0, str(_p))

from bench_ledger import (  # noqa: E402
    SEED,
    Timing,
    _cpu_model,
    _git_state,
    common_parser,
    log,
    measure,
)
from openpyxl import Workbook  # noqa: E402
from openpyxl.cell import WriteOnlyCell  # noqa: E402
from openpyxl.styles import Border, Side  # noqa: E402
from protocol import Figure, Options  # noqa: E402

from dropout_ledger.exporting import TemplateMapping, export_roster, export_stats  # noqa: E402
from dropout_ledger.exporting.roster import (  # noqa: E402
    Disclosure,
    roster_columns,
    roster_values,
)
from dropout_ledger.exporting.template import export_template  # noqa: E402
from dropout_ledger.ledger import Ledger  # noqa: E402
from dropout_ledger.services import demo  # noqa: E402
from dropout_ledger.synthetic import FICTIONAL_COUNTY_CODE  # noqa: E402

SCHOOL_CODE = "2152482101"
SCHOOL_NAME = "坪坝镇中心学校"
OUT_FILE = ROOT / "bench" / "out" / "export.txt"
CACHE = Path(tempfile.gettempdir()) / "dropout-ledger-bench"
TEMPLATE_MAPPING = TemplateMapping(header_row=3, first_row=4, columns={
    "seq": "A", "name": "B", "sex": "C", "id_number": "D", "xjh": "E", "grade": "F",
    "class_name": "G", "guardian_phones": "H"})


# --- ledgers (cached) --------------------------------------------------------------------------


def cached_ledger(cache: Path, students: int) -> Path:
    """A demo school of `students` pupils, built once and kept under `cache`."""
    path = cache / f"demo-{students}-seed{SEED}.sqlite"
    if path.exists():
        log(f"using cached ledger {path}")
        return path
    cache.mkdir(parents=True, exist_ok=True)
    building = path.with_name(path.name + ".building")
    for stale in cache.glob(building.name + "*"):
        stale.unlink()
    log(f"building a {students:,}-pupil ledger (cached at {path}) …")
    start = time.perf_counter()
    with Ledger.create(building, kind="school", code=SCHOOL_CODE, name=SCHOOL_NAME,
                       county_code=FICTIONAL_COUNTY_CODE) as ledger:
        demo.populate(ledger, students=students, seed=SEED)
        ledger.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    building.rename(path)
    log(f"built in {time.perf_counter() - start:.0f} s")
    return path


# --- raw openpyxl ------------------------------------------------------------------------------


def raw_write(values: list[list[Any]], header: list[str], out: Path) -> None:
    """Plain openpyxl write-only: one sheet, header + the values, save."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("raw")
    sheet.append(header)
    for row in values:
        sheet.append(row)
    workbook.save(out)


def raw_bordered(values: list[list[Any]], header: list[str], out: Path) -> None:
    """Raw write-only with a thin border on every cell (the grid drawn by cell styles)."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("raw")
    side = Side(style="thin")
    proto = WriteOnlyCell(sheet)
    proto.border = Border(left=side, right=side, top=side, bottom=side)
    style = proto._style
    sheet.append(header)
    for row in values:
        cells = []
        for value in row:
            cell = WriteOnlyCell(sheet, value)
            cell._style = copy(style)
            cells.append(cell)
        sheet.append(cells)
    workbook.save(out)


def make_template(path: Path) -> Path:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["某某县学生名单"])
    sheet.append(["填报单位："])
    sheet.append(["序号", "姓名", "性别", "身份证号", "学籍号", "年级", "班级", "联系电话"])
    side = Side(style="thin")
    for column in "ABCDEFGH":
        sheet[f"{column}4"].border = Border(left=side, right=side, top=side, bottom=side)
    sheet["A6"] = "填表人："
    workbook.save(path)
    return path


# --- the report --------------------------------------------------------------------------------


@dataclass
class Line:
    work: str
    app: Timing | None
    raw: Timing | None
    note: str = ""


@dataclass
class Section:
    title: str
    lines: list[Line] = field(default_factory=list)

    def text(self) -> Iterator[str]:
        yield f"### {self.title}"
        yield ""
        yield "| work | app | raw openpyxl write-only | app/raw | note |"
        yield "|---|---|---|---|---|"
        for line in self.lines:
            ratio = (f"{line.app.median / line.raw.median:.2f}×"
                     if line.app and line.raw and line.raw.median > 0 else "—")
            yield (f"| {line.work} | {line.app or '—'} | {line.raw or '—'} | {ratio} |"
                   f" {line.note} |")
        yield ""


def process_run(args: list[str]) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of one child process."""
    start = time.perf_counter()
    process = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise RuntimeError(f"{' '.join(args)} exited {process.returncode}")
    return elapsed, usage.ru_maxrss / 1024


@dataclass
class Ctx:
    work: Path
    repeat: int
    slow: float


def bench_size(ctx: Ctx, title: str, path: Path, students: int, *, county: bool) -> Section:
    """Every row for one ledger; for a county's, the side rows are single runs."""
    section = Section(f"{title}: {students:,} pupils")
    once = 0.0 if county else ctx.slow  # slow=0: the warm-up run is the figure (n=1)
    out = ctx.work / "export.xlsx"
    with Ledger.open(path) as ledger:
        count = ledger.queries.count("all")
        for all_columns, label in ((False, "17 view columns"), (True, "every column (32)")):
            disclosure = Disclosure()
            columns = roster_columns("all", disclosure, all_columns=all_columns)
            log(f"{title}: export_roster all, {label} …")
            app = measure(lambda a=all_columns: export_roster(ledger, "all", out, all_columns=a),
                          ctx.repeat, slow=ctx.slow if not all_columns else once)
            size = out.stat().st_size
            log(f"{title}: materialising the same values for raw openpyxl …")
            # The values as the file holds them: an empty cell is no cell, not "".
            values = [[None if v == "" else v for v in row]
                      for row in roster_values(ledger, "all", disclosure, columns)]
            header = [c.header for c in columns]
            raw_out = ctx.work / "raw.xlsx"
            log(f"{title}: raw write-only, {label} …")
            raw = measure(lambda v=values, h=header, o=raw_out: raw_write(v, h, o), ctx.repeat,
                          slow=ctx.slow if not all_columns else once)
            section.lines.append(Line(
                f"export_roster(\"all\"), {label}", app, raw,
                f"{count:,} rows; file {size / 1e6:,.1f} MB (raw {raw_out.stat().st_size / 1e6:,.1f}"
                " MB); app: query, labels, masking, text-styled IDs, print setup, fsync+rename"))
            if not all_columns:
                log(f"{title}: reading and formatting only …")
                reading = measure(
                    lambda c=columns, d=disclosure: sum(
                        1 for _ in roster_values(ledger, "all", d, c)),
                    ctx.repeat, slow=once)
                section.lines.append(Line("… of which reading + formatting the rows", reading,
                                          None, "roster_values() consumed, nothing written"))
                log(f"{title}: raw write-only with a border on every cell …")
                bordered = measure(lambda v=values, h=header, o=raw_out: raw_bordered(v, h, o),
                                   ctx.repeat, slow=once)
                section.lines.append(Line(
                    "trade-off: raw with a bordered style on every cell", bordered, raw,
                    "what drawing the grid with cell borders would cost (app prints gridlines)"))
            del values
        if not county:
            template = make_template(ctx.work / "county.xlsx")
            log(f"{title}: county template fill …")
            filled = measure(lambda: export_template(ledger, "all", template, out,
                                                     mapping=TEMPLATE_MAPPING),
                             ctx.repeat, slow=ctx.slow)
            section.lines.append(Line("export_template(\"all\"), 8 mapped columns", filled, None,
                                      "openpyxl normal mode: keeps the template's styles"))
        log(f"{title}: statistics …")
        stats_t = measure(lambda: export_stats(ledger, ctx.work / "stats.xlsx"), ctx.repeat,
                          slow=ctx.slow)
        section.lines.append(Line("export_stats()", stats_t, None, "two small sheets"))
    log(f"{title}: the export-xlsx command as a process …")
    cli = [sys.executable, "-m", "dropout_ledger", "export-xlsx", "all", "--out",
           str(ctx.work / "cli.xlsx"), "--ledger", str(path)]
    wall, rss = process_run(cli)
    section.lines.append(Line("`export-xlsx all` process", Timing((wall,)), None,
                              f"peak RSS {rss:,.0f} MB (n=1, cold process)"))
    return section


def header_lines(args: argparse.Namespace) -> list[str]:
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    return [
        f"# bench_export — {dt.datetime.now():%Y-%m-%d %H:%M}",
        "",
        f"- machine: {os.cpu_count()} cores ({_cpu_model()}), {platform.system()} "
        f"{platform.release()}; load average at start {load} (`uptime`)",
        f"- Python {platform.python_version()}, code at {_git_state()}",
        f"- command: bench/bench_export.py --students {args.students} --county {args.county}"
        f" --repeat {args.repeat} --slow {args.slow}",
        "- figures: median [min–max, n] after one warm-up run (n=1: a single run, no warm-up)",
        "",
    ]


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = common_parser(__doc__)
    parser.add_argument("--cache", type=Path, default=CACHE,
                        help=f"where the demo ledgers are kept between runs (default {CACHE})")
    parser.add_argument("--out", type=Path, default=OUT_FILE, help="also write the report here")
    return parser.parse_args(argv)


def bench(args: argparse.Namespace) -> list[Section]:
    """Measure each size; print and write the report; the sections measured."""
    lines = header_lines(args)
    with tempfile.TemporaryDirectory(prefix="bench-export-") as work:
        ctx = Ctx(work=Path(work), repeat=args.repeat, slow=args.slow)
        sections = [bench_size(ctx, "school", cached_ledger(args.cache, args.students),
                               args.students, county=False)]
        if args.county > 0:
            sections.append(bench_size(ctx, "county-sized", cached_ledger(args.cache, args.county),
                                       args.county, county=True))
    for section in sections:
        lines += section.text()
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    lines.append(f"Load average at the end {load}. Peak RSS of this benchmark process (it holds"
                 f" the raw values in lists): {peak:,.0f} MB")
    report = "\n".join(lines) + "\n"
    print(report, end="")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(report, encoding="utf-8")
    log(f"written to {args.out}")
    return sections


# perf-baselines "Proposed goals": export 3,000 rows ≤ 1 s; 150,000 rows ≤ 60 s (background).
CEILINGS = {3000: 1.0, 150_000: 60.0}


def run(options: Options) -> list[Figure]:
    """The protocol of bench/run_all.py: a school of 3,000 and a county of 150,000 (quick: 200)."""
    students, county = (200, 0) if options.quick else (3000, 150_000)
    sections = bench(parse_args(["--students", str(students), "--county", str(county),
                                 "--repeat", str(options.repeat),
                                 *(["--slow", "0"] if options.quick else []),  # one run
                                 "--cache", str(options.workdir / "export"),
                                 "--out", str(options.out / "export.txt")]))
    figures = []
    for section, size in zip(sections, (students, county), strict=False):
        for item in section.lines:
            if item.app is None:
                continue
            ceiling = CEILINGS.get(size) if item.work.endswith("17 view columns") else None
            figures.append(Figure(
                f"{section.title}: {item.work}", item.app.median, min(item.app.samples),
                max(item.app.samples), len(item.app.samples),
                raw=item.raw.median if item.raw else None,
                raw_what="openpyxl write-only" if item.raw else "", note=item.note,
                target=ceiling, target_text=f"≤ {ceiling:g} s" if ceiling else "",
                source="perf-baselines goals" if ceiling else "",
                fix="fewer Python calls per cell (one styled row template); openpyxl write-only"
                    " alone is the floor (the raw column)"))
    return figures


def main(argv: list[str] | None = None) -> int:
    bench(parse_args(argv))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
