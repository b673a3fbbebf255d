"""Benchmark the printed forms against raw reportlab doing the same drawing (design README §5).

Run from the repository root:

    .venv/bin/python bench/bench_pdf.py [--students 3000] [--registers 100] [--repeat 3]

Rows (median [min–max, n] after one warm-up run):

- **ledger, 3,000 rows** — app: `printing.render_form(ledger, "ledger", view="all")`, i.e.
  reading the roster and the case work from the ledger, checking every character, breaking
  lines, laying out and writing the PDF bytes (target ≤ 3 s). Raw: reportlab's canvas drawing
  the *same* pages — the same cell lines (computed by the kit beforehand, outside the timer),
  the same fonts, positions and rules, page footers included — with plain `drawString`,
  `drawCentredString` and `lines`: the least reportlab needs to produce that PDF.
- **ledger, to a file** — `printing.print_form`: the above plus the durable write (fsync,
  rename) and the audit event.
- **`print ledger --view all` as a new process** — the command a person runs: interpreter
  start, imports, font registration and empty caches included.
- **1,000 letters** — app: `render_form(ledger, "letters", view="all")` on a demo school of
  as many pupils (the demo has no siblings, so one letter each): grouping households, reading
  each child's aid, laying out a page per household with its 回执, one PDF (target ≤ 3.5 s and
  ≤ 2× raw). Raw: reportlab's canvas drawing the same pages — the same text lines (broken by
  the kit beforehand, outside the timer), headings, the aid and receipt tables as rules and
  cell strings, the signature and cut lines, the footers — with plain `drawString`,
  `drawCentredString` and `lines`.
- **100 registers** — app: `render_form(ledger, "register", student=…)` for 100 pupils with case
  work, one PDF each. Raw: for each pupil the same data (gathered outside the timer) drawn with
  reportlab platypus `Table`s of pre-broken strings and `drawString` for title, lines and
  signatures, one PDF each.

The machine is shared: the report starts with `uptime`; compare runs on the same machine only.
The table goes to stdout and to bench/out/pdf.txt; progress goes to stderr.
"""

from __future__ import annotations

import argparse
import io
import platform
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
for _p in (ROOT, BENCH):  # run as a script from a checkout that is not pip-installed
    if str(_p) not in sys.path:
        sys.path.insert(0, str(_p))

from protocol import Figure, Options  # noqa: E402
from reportlab.lib.pagesizes import A4, landscape  # noqa: E402
from reportlab.lib.units import mm  # noqa: E402
from reportlab.pdfgen.canvas import Canvas  # noqa: E402
from reportlab.platypus import SimpleDocTemplate, Spacer, Table, TableStyle  # noqa: E402

from dropout_ledger import printing  # noqa: E402
from dropout_ledger.ledger import Ledger  # noqa: E402
from dropout_ledger.printing import PrintRequest, render_form  # noqa: E402
from dropout_ledger.printing import ledger as ledger_form  # noqa: E402
from dropout_ledger.printing import letters as letters_form  # noqa: E402
from dropout_ledger.printing import register as register_form  # noqa: E402
from dropout_ledger.printing.common import context  # noqa: E402
from dropout_ledger.render import cjk, fonts  # noqa: E402
from dropout_ledger.render.forms import ledger as ledger_layout  # noqa: E402
from dropout_ledger.render.forms import letters as letters_layout  # noqa: E402
from dropout_ledger.render.forms import register as register_layout  # noqa: E402
from dropout_ledger.render.kit import PAD, PagedTable  # noqa: E402
from dropout_ledger.services import demo  # noqa: E402

OUT_FILE = ROOT / "bench" / "out" / "pdf.txt"


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def measure(fn: Callable[[], object], repeat: int) -> list[float]:
    fn()  # warm-up
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return times


def show(times: list[float]) -> str:
    return (f"{statistics.median(times):.2f} s [{min(times):.2f}–{max(times):.2f}, "
            f"n={len(times)}]")


# --- raw: the ledger's pages with reportlab's canvas ---------------------------------------


def ledger_pages(ledger: Ledger) -> tuple[list[PagedTable], Any]:
    """The kit's own layout of the full-roll 台账, cut into pages (for the raw drawing)."""
    ctx = context(ledger)
    form, _ = ledger_layout.draw(ledger_form.gather(ctx, "all"), ctx.imprint)
    table = next(f for f in form.story if isinstance(f, PagedTable))
    first_room = form.frame_height - sum(f.wrap(form.frame_width, 1e9)[1]
                                         for f in form.story[:form.story.index(table)])
    pages, rest, room = [], table, first_room
    while True:
        parts = rest.split(form.frame_width, room)
        if parts == [rest]:
            pages.append(rest)
            break
        pages.append(parts[0])
        rest, room = parts[1], form.frame_height
    return pages, form


def raw_ledger(pages: list[PagedTable], form: Any) -> bytes:
    """The same table pages drawn with plain canvas calls: text per line, one path of rules."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=landscape(A4), pageCompression=1,
                    initialFontName=fonts.SONG)
    left, _, top, _ = form.margins
    height = landscape(A4)[1]
    for number, page in enumerate(pages, start=1):
        page.wrap(0, 0)
        y0 = height - top - page.height
        edges, leading, size = page.edges, page.leading, page.size
        rules = []
        for x, y, w, h, lines in page.header:
            rules += [(x, page.height - y - h, x + w, page.height - y - h),
                      (x, page.height - y, x, page.height - y - h)]
            canvas.setFont(fonts.HEI, size)
            base = page.height - y - (h - len(lines) * leading) / 2 - leading / 2 - size * .36
            for line in lines:
                canvas.drawCentredString(left + x + w / 2, y0 + base, line)
                base -= leading
        canvas.setFont(fonts.SONG, size)
        y = page.height - page.header_height
        for row_height, cells, _ in page.rows:
            for col, lines in enumerate(cells):
                base = y - (row_height - len(lines) * leading) / 2 - leading / 2 - size * .36
                for line in lines:
                    if page.aligns[col] == "LEFT":
                        canvas.drawString(left + edges[col] + PAD, y0 + base, line)
                    else:
                        canvas.drawCentredString(left + (edges[col] + edges[col + 1]) / 2,
                                                 y0 + base, line)
                    base -= leading
            rules += [(x, y, x, y - row_height) for x in edges[1:-1]]
            y -= row_height
            rules.append((0, y, edges[-1], y))
        canvas.saveState()
        canvas.translate(left, y0)
        canvas.setLineWidth(0.5)
        canvas.lines(rules)
        canvas.rect(0, 0, edges[-1], page.height)
        canvas.restoreState()
        canvas.setFont(fonts.SONG, 7.5)
        canvas.drawString(left, 10 * mm, f"{form.imprint.school} 控辍保学台账 打印人："
                          f"{form.imprint.operator} 数据指纹：{form.imprint.fingerprint}")
        canvas.drawRightString(landscape(A4)[0] - left, 10 * mm,
                               f"第 {number} 页 共 {len(pages)} 页")
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


# --- raw: one register with platypus tables of pre-broken strings ----------------------------


def raw_register(data: register_layout.RegisterData) -> bytes:
    buffer = io.BytesIO()
    style = TableStyle([("FONT", (0, 0), (-1, -1), fonts.SONG, 9), ("GRID", (0, 0), (-1, -1),
                        0.5, "black"), ("VALIGN", (0, 0), (-1, -1), "MIDDLE")])
    grid = Table([
        ["姓名", data.name, "性别", data.sex, "出生日期", data.birth_date],
        ["民族", data.ethnicity, "年级班级", data.grade_class, "全国学籍号", data.xjh],
        ["身份证号", data.id_number, "", "", "特殊群体", data.groups],
        ["户籍地址", data.household, "", "", "", ""], ["现住址", data.address, "", "", "", ""],
        ["监护人", data.guardians, "", "", "", ""],
        ["缺勤起始", data.absence_start, "确认辍学", data.confirmed, "包保教师", data.teacher],
        ["辍学原因", data.reason, "", "", "去向", data.whereabouts],
    ], colWidths=[w * mm for w in register_layout.GRID], style=style)
    visits = Table([[c.title for c in register_layout.VISIT_COLUMNS]] + [
        [str(n), v.date, v.mode, v.participants, v.met, v.attitude, v.result, ""]
        for n, v in enumerate(data.visits, start=1)] + [[""] * 8] * 2,
        colWidths=[c.width * mm for c in register_layout.VISIT_COLUMNS], style=style,
        repeatRows=1)
    measures = Table([["帮扶措施", data.measures]], colWidths=[22 * mm, 153 * mm], style=style)
    legal = Table([[c.title for c in register_layout.LEGAL_COLUMNS]] + [
        [d.document, d.number, d.issuer, d.issued, d.served, d.deadline, d.outcome]
        for d in data.legal] + [[""] * 7],
        colWidths=[c.width * mm for c in register_layout.LEGAL_COLUMNS], style=style)

    def page(canvas: Canvas, _doc: Any) -> None:
        canvas.setFont(fonts.HEI, 18)
        canvas.drawCentredString(A4[0] / 2, A4[1] - 25 * mm, "辍学学生劝返复学登记表")
        canvas.setFont(fonts.SONG, 7.5)
        canvas.drawString(20 * mm, 10 * mm, f"{data.school} 打印日期 第 1 页")

    doc = SimpleDocTemplate(buffer, pagesize=A4, topMargin=32 * mm, pageCompression=1,
                            initialFontName=fonts.SONG)
    doc.build([grid, Spacer(1, 8 * mm), visits, Spacer(1, 8 * mm), measures,
               Spacer(1, 8 * mm), legal], onFirstPage=page, onLaterPages=page)
    return buffer.getvalue()


# --- raw: the letters with reportlab's canvas ----------------------------------------------


def letter_pages(data: letters_layout.LettersData) -> list[list[tuple[str, float, str, str]]]:
    """Each letter's text as (font, size, alignment, line), broken by the kit's rules."""
    width = A4[0] - 38 * mm
    pages = []
    for letter in data.letters:
        names = "、".join(name for name, _ in letter.children)

        def para(text: str, size: float = 10.5, indent: str = "\u3000\u3000") -> list[Any]:
            return [(fonts.SONG, size, "L", line) for line in cjk.break_lines(
                indent + text, width, lambda t, z=size: fonts.width(t, z))]

        lines: list[Any] = [(fonts.HEI, 18, "C", "致家长的一封信"),
                            (fonts.SONG, 10.5, "C", f"（{data.term}学生资助告知书）"),
                            (fonts.SONG, 10.5, "L", f"尊敬的{letter.guardians}：")]
        lines += para(f"您好！您家孩子{names}在我校就读。为让每一个孩子安心上学，国家对义务教育"
                      "阶段学生实行全面资助。现将有关政策和本学期您家孩子获得的资助告知如下，"
                      "请您仔细阅读后在回执上签字，交回班主任。")
        lines += [(fonts.HEI, 10.5, "L", "一、每个学生都享受的政策"), *para(letters_layout.POLICIES),
                  (fonts.HEI, 10.5, "L", "二、您家孩子本学期获得的资助"),
                  ("table", 8.5, "L", [c.title.replace("\n", "") for c in
                                       letters_layout.AID_COLUMNS])]
        lines += [("table", 8.5, "L", [a.child, a.item, a.standard, a.period, a.amount, a.paid,
                                        a.channel]) for a in letter.aid]
        lines += [(fonts.SONG, 9.5, "L", f"本学期合计：{letter.total}元。"),
                  (fonts.HEI, 10.5, "L", "三、家长的责任"), *para(letters_layout.DUTIES),
                  (fonts.HEI, 10.5, "L", "四、联系方式"),
                  ("sign", 9.5, "L", [f"学校：{data.school}", "校长：", "学校电话："]),
                  ("sign", 9.5, "L", ["班主任：", "学校资助专管员：", "县学生资助管理中心："]),
                  (fonts.SONG, 9.5, "R", f"{data.school}（盖章）"),
                  (fonts.SONG, 9.5, "R", f"{data.date.year}年{data.date.month}月{data.date.day}日"),
                  ("cut", 8, "C", "（沿虚线剪下，回执由家长签字后交回班主任）"),
                  (fonts.HEI, 13, "C", "回　执"),
                  (fonts.SONG, 9.5, "L", f"□ 本人已收到并知晓{data.term}我家孩子获得的上述资助项目及金额。"),
                  (fonts.SONG, 9.5, "L", "□ 有异议（请写明）："),
                  ("table", 9, "L", [c.title for c in letters_layout.RECEIPT_COLUMNS]),
                  ("table", 9, "L", [names, "", "", "", "", "年　月　日"])]
        pages.append(lines)
    return pages


def raw_letters(pages: list[list[Any]], school: str) -> bytes:
    """The letters drawn with plain canvas calls, a page each, footers included."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4, pageCompression=1, initialFontName=fonts.SONG)
    left, right = 20 * mm, A4[0] - 18 * mm
    columns = [left + (right - left) * i / 7 for i in range(8)]
    for number, lines in enumerate(pages, start=1):
        y = A4[1] - 20 * mm
        for font, size, align, text in lines:
            y -= size * 1.6
            if font == "table":
                canvas.setFont(fonts.SONG, size)
                canvas.lines([(left, y - 3, right, y - 3), (left, y + size + 2, right, y + size + 2)]
                             + [(x, y - 3, x, y + size + 2) for x in columns[:len(text) + 1]])
                for x, cell in zip(columns, text, strict=False):
                    canvas.drawString(x + 2, y, cell)
            elif font == "sign":
                canvas.setFont(fonts.SONG, size)
                for i, cell in enumerate(text):
                    x = left + (right - left) * i / 3
                    canvas.drawString(x, y, cell)
                    canvas.line(x + fonts.width(cell, size), y - 2, x + (right - left) / 3 - 6 * mm,
                                y - 2)
            elif font == "cut":
                canvas.setDash(4, 3)
                canvas.line(left, y + 3, right, y + 3)
                canvas.setDash()
                canvas.setFont(fonts.SONG, size)
                canvas.drawCentredString((left + right) / 2, y, text)
            else:
                canvas.setFont(font, size)
                if align == "C":
                    canvas.drawCentredString((left + right) / 2, y, text)
                elif align == "R":
                    canvas.drawRightString(right - 10 * mm, y, text)
                else:
                    canvas.drawString(left, y, text)
        canvas.setFont(fonts.SONG, 7.5)
        canvas.line(left, 10 * mm + 12, right, 10 * mm + 12)
        canvas.drawString(left, 10 * mm, f"{school}　致家长的一封信　打印人：本机用户")
        canvas.drawRightString(right, 10 * mm, f"第 {number} 页 共 {len(pages)} 页")
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


# --- main ------------------------------------------------------------------------------------


Times = list[float]
Rows = list[tuple[str, Times, Times | None]]
"""(work, our samples, the raw library's samples or None)."""


def ratio(app: Times, raw: Times) -> str:
    return f"{statistics.median(app) / statistics.median(raw):.2f}"


def bench_ledger(ledger: Ledger, folder: Path, repeat: int) -> Rows:
    log("ledger, app …")
    request = PrintRequest("ledger", view="all")
    app = measure(lambda: render_form(ledger, request), repeat)
    _, result = render_form(ledger, request)
    pages, form = ledger_pages(ledger)
    log("ledger, raw …")
    raw = measure(lambda: raw_ledger(pages, form), repeat)
    log("ledger to a file …")
    to_file = measure(lambda: printing.print_form(ledger, request, folder / "ledger.pdf"), repeat)
    return [(f"ledger, {result.rows:,} rows, {result.pages} pages", app, raw),
            ("ledger to a file (fsync, audit event)", to_file, None)]


def bench_cold(path: Path, folder: Path, repeat: int) -> Rows:
    log("ledger, cold, as a command …")  # a fresh process: imports, fonts, empty caches
    command = [sys.executable, "-m", "dropout_ledger", "print", "ledger", "--view", "all",
               "--ledger", str(path), "--out", str(folder / "cold.pdf")]
    cold = measure(lambda: subprocess.run(command, check=True, capture_output=True, cwd=ROOT),
                   repeat)
    return [("`print ledger --view all` as a new process", cold, None)]


def bench_registers(ledger: Ledger, count: int, repeat: int) -> Rows:
    pupils = [r.student_id for view in ("dropped", "suspected", "returned", "all")
              for r in ledger.queries.iter_roster(view)]
    pupils = list(dict.fromkeys(pupils))[:count]
    log(f"{len(pupils)} registers, app …")
    app = measure(lambda: [render_form(ledger, PrintRequest("register", student=s))
                           for s in pupils], repeat)
    ctx = context(ledger)
    gathered = [register_form.gather(ctx, ledger.queries.student(s) or {}) for s in pupils]
    log(f"{len(pupils)} registers, raw …")
    raw = measure(lambda: [raw_register(d) for d in gathered], repeat)
    log(f"{len(pupils)} registers, kit layout only …")
    kit = measure(lambda: [register_layout.draw(d, ctx.imprint)[0].render() for d in gathered],
                  repeat)
    return [(f"{len(pupils)} registers, one PDF each", app, raw),
            ("… the kit's layout and PDF only (data gathered)", kit, raw)]


def bench_letters(ledger: Ledger, repeat: int) -> Rows:
    request = PrintRequest("letters", view="all")
    log("letters, app …")
    app = measure(lambda: render_form(ledger, request), repeat)
    _, result = render_form(ledger, request)
    ctx = context(ledger)
    gathered = letters_form.gather(ctx, "all", "")
    data = letters_layout.LettersData(
        school=gathered.school, term=gathered.term, date=gathered.date,
        letters=list(gathered.letters), phone=gathered.phone, principal=gathered.principal)
    log("letters, kit layout only …")
    kit = measure(lambda: letters_layout.draw(data, ctx.imprint)[0].render(), repeat)
    pages = letter_pages(data)
    log("letters, raw …")
    raw = measure(lambda: raw_letters(pages, data.school), repeat)
    return [(f"{result.rows:,} letters, one PDF ({result.pages:,} pages)", app, raw),
            ("… the kit's layout and PDF only (data gathered)", kit, raw)]


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--students", type=int, default=3000)
    parser.add_argument("--registers", type=int, default=100)
    parser.add_argument("--letters", type=int, default=1000,
                        help="pupils of the letters' demo school (one household each)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--out", type=Path, default=OUT_FILE)
    return parser.parse_args(argv)


def bench(args: argparse.Namespace) -> Rows:
    """Measure every row; print and write the report."""
    lines = [f"# PDF forms benchmark, {time.strftime('%Y-%m-%d %H:%M')}",
             f"machine: {platform.machine()} {platform.processor() or ''}, "
             f"python {platform.python_version()}",
             "uptime: " + subprocess.run(["uptime"], capture_output=True, text=True,
                                         check=False).stdout.strip(), ""]
    with tempfile.TemporaryDirectory(prefix="bench-pdf-") as name:
        folder = Path(name)
        path = folder / "school.sqlite"
        log(f"building a demo school of {args.students} …")
        demo.ensure_demo(path, students=args.students, seed=42)
        fonts.ensure_registered()
        with Ledger.open(path) as ledger:
            rows = bench_ledger(ledger, folder, args.repeat)
        rows += bench_cold(path, folder, args.repeat)
        with Ledger.open(path) as ledger:
            rows += bench_registers(ledger, args.registers, args.repeat)
        if args.letters:
            families = folder / "letters.sqlite"
            log(f"building a demo school of {args.letters} for the letters …")
            demo.ensure_demo(families, students=args.letters, seed=43)
            with Ledger.open(families) as ledger:
                rows += bench_letters(ledger, args.repeat)
    lines += ["| work | app | raw reportlab | app/raw |", "|---|---|---|---|"]
    lines += [f"| {work} | {show(app)} | {show(raw) if raw else '—'} |"
              f" {ratio(app, raw) if raw else '—'} |" for work, app, raw in rows]
    lines += ["", "Targets (design README §5): 3,000-row ledger ≤ 3 s; 1,000 letters ≤ 3.5 s and "
                  "≤ 2× raw."]
    report = "\n".join(lines)
    print(report)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(report + "\n", encoding="utf-8")
    return rows


def run(options: Options) -> list[Figure]:
    """The protocol of bench/run_all.py: 3,000-row ledger, 100 registers, 1,000 letters."""
    students, registers, letters = (60, 3, 30) if options.quick else (3000, 100, 1000)
    rows = bench(parse_args(["--students", str(students), "--registers", str(registers),
                             "--letters", str(letters), "--repeat", str(options.repeat),
                             "--out", str(options.out / "pdf.txt")]))
    figures = []
    for work, app, raw in rows:
        more: dict[str, object] = {}
        if work.startswith("ledger, ") and students >= 3000:
            more = {"target": 3.0, "target_text": "≤ 3 s", "goal": "ledger-pdf-3000",
                    "fix": "lay out the LongTable per page as the raw drawing does"}
        elif "letters, one PDF" in work and letters >= 1000:
            more = {"target": 3.5, "target_text": "≤ 3.5 s and ≤ 2× raw", "max_ratio": 2.0,
                    "goal": "letters-1000",
                    "fix": "cache the broken lines of the text shared by every letter"}
        figures.append(Figure.of(work, app, raw=statistics.median(raw) if raw else None,
                                 raw_what="reportlab alone" if raw else "", **more))
    return figures


def main() -> None:
    bench(parse_args())


if __name__ == "__main__":
    main()
