"""控辍保学统计表: the movement table by grade, the rates against targets, the 巩固率 cohort
sheet and the dashboard's charts (domain.md §5.5, §5.6, §6).

A4 portrait. 一、学生变动情况: 期初 (总/女), every movement into and out of 在校, 期末 (总/女),
per grade with the primary and junior subtotals and the total, for the school year to date or
one month (`--period`); the table balances by construction (期初 + 增加 − 减少 = 期末).
二、辍学率、巩固率: each figure with its convention, numerator and denominator, the county's
target and 达标/未达标, and the conventions written out. 三、巩固率统计表: each grade's stage
cohort, its intake, transfers, graduates, pupils kept and the rate. 四、统计图: the same charts
as the app's dashboard (`render/charts.py`), drawn with reportlab.graphics in the Song face.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.lib import colors
from reportlab.lib.units import mm

from dropout_ledger.rates import Figure, RateReport
from dropout_ledger.rates.formulas import CONVENTIONS, FLOW_LABELS, INFLOWS, OUTFLOWS
from dropout_ledger.rates.movement import ROW_KEYS, ROW_LABELS, MovementTable
from dropout_ledger.rates.report import CONVENTION_NAMES
from dropout_ledger.render import charts
from dropout_ledger.render.charts import BarChart, percent
from dropout_ledger.render.fonts import HEI, SONG
from dropout_ledger.render.kit import Column, Form, Imprint, Row, chinese_date

SHORT_FLOWS = {**FLOW_LABELS, "resumed": "复学", "other_in": "其他增加",
               "other_out": "其他减少", "overage_left": "超龄离校"}
MOVEMENT_COLUMNS = (
    Column("年级", 15), Column("合计", 9, group="期初"), Column("女", 8, group="期初"),
    *(Column(SHORT_FLOWS[k], 9, group="增加") for k in INFLOWS),
    *(Column(SHORT_FLOWS[k], 9, group="减少") for k in OUTFLOWS),
    Column("合计", 9, group="期末"), Column("女", 8, group="期末"),
)
FIGURE_COLUMNS = (
    Column("指标", 50, "LEFT"), Column("分子", 13), Column("分母", 13), Column("数值", 16),
    Column("目标", 16), Column("达标", 13), Column("说明", 40, "LEFT"),
)
COHORT_COLUMNS = (
    Column("届（本学年所在年级）", 34, "LEFT"), Column("入学年招生", 16), Column("转入", 13),
    Column("转出", 13), Column("已毕业", 13), Column("现有（含毕业）", 19), Column("应有", 13),
    Column("巩固率", 17),
)
CONVENTION_TITLES = {**CONVENTION_NAMES, "cohort_sheet": "巩固率", "ledger_disability": "三类残疾",
                     "population": "入学率", "progression": "升学率"}
"""The conventions the figures of part 二 name, written out under the table."""


@dataclass(frozen=True)
class StatsData:
    school: str
    report: RateReport
    table: MovementTable
    """The movement table printed: the school year to date, or the month asked for."""
    reasons: Sequence[tuple[str, int]]
    """(辍学原因, cases opened this school year), for the chart by reason."""
    phone: str = ""


def target_text(f: Figure) -> str:
    if f.target_bp is None:
        return ""
    return ("≤" if f.target_kind == "max" else "≥") + percent(f.target_bp)


def met_text(f: Figure) -> str:
    return "" if f.met is None else "达标" if f.met else "未达标"


def number(value: int | None) -> str:
    return "" if value is None else str(value)


def figure_row(f: Figure) -> Row:
    shown = percent(f.value_bp) if f.value_bp is not None else "无"
    return Row([f.label, number(f.numerator), number(f.denominator), shown, target_text(f),
                met_text(f), f.note], f.label)


def headline_figures(report: RateReport) -> list[Figure]:
    """The figures of part 二, in the order the county's sheet lists them."""
    out = [report.dropout[convention][stage].total
           for stage in ("primary", "junior", "all")
           for convention in ("definitional", "net_change")]
    out += [report.consolidation[k] for k in ("primary", "junior", "nine_year")]
    out += [report.disability["three_categories"], *report.enrolment.values(),
            report.progression]
    return out


def movement_rows(table: MovementTable) -> list[Row]:
    rows = []
    for key in ROW_KEYS:
        r = table.rows[key]
        cells = [ROW_LABELS[key], str(r.opening), str(r.opening_female),
                 *(str(r.flows.get(k, 0)) for k in (*INFLOWS, *OUTFLOWS)),
                 str(r.closing), str(r.closing_female)]
        rows.append(Row(cells, ROW_LABELS[key]))
    return rows


def cohort_rows(report: RateReport) -> list[Row]:
    rows = []
    for grade, f in report.cohorts.items():
        p = f.parts
        rows.append(Row([f.label, str(p.get("intake", 0)), str(p.get("transferred_in", 0)),
                         str(p.get("transferred_out", 0)), str(p.get("graduated", 0)),
                         number(f.numerator), number(f.denominator),
                         percent(f.value_bp) if f.value_bp is not None else "无"],
                        ROW_LABELS[grade]))
    return rows


def period_text(report: RateReport, table: MovementTable) -> str:
    if table.period.endswith("学年"):
        return (f"{report.school_year}学年（{chinese_date(report.start)}至"
                f"{chinese_date(report.on)}）")
    return f"{table.start.year}年{table.start.month}月（{chinese_date(table.start)}至" \
           f"{chinese_date(table.end)}）"


# --- charts with reportlab.graphics -----------------------------------------------------------


def chart_drawing(chart: BarChart, width: float, height: float, size: float = 7.5) -> Drawing:
    """The chart's layout (render/charts.py) as a reportlab Drawing; y is flipped (PDF is
    bottom-up). Text is in the Song face, titles in Hei, embedded like the rest of the form."""
    laid = charts.layout(chart, width, height, size)
    drawing = Drawing(width, height)
    for ln in laid.grid:
        drawing.add(Line(ln.x1, height - ln.y1, ln.x2, height - ln.y2,
                         strokeColor=colors.HexColor(ln.colour), strokeWidth=ln.width))
    for r in laid.rects:
        drawing.add(Rect(r.x, height - r.y - r.h, r.w, r.h, fillColor=colors.HexColor(r.colour),
                         strokeColor=None))
    for ln in laid.lines:
        drawing.add(Line(ln.x1, height - ln.y1, ln.x2, height - ln.y2,
                         strokeColor=colors.HexColor(ln.colour), strokeWidth=ln.width,
                         strokeDashArray=[3, 2] if ln.dashed else None))
    for t in laid.texts:
        drawing.add(String(t.x, height - t.y, t.text, fontName=HEI if t.bold else SONG,
                           fontSize=t.size, fillColor=colors.HexColor(t.colour),
                           textAnchor=t.anchor))
    return drawing


def add_charts(form: Form, chart_list: Sequence[BarChart]) -> None:
    """Two charts a row across the page width; a row is never split over two pages."""
    gap = 6 * mm
    width = (form.frame_width - gap) / 2
    height = 62 * mm
    for i in range(0, len(chart_list), 2):
        pair = chart_list[i:i + 2]
        row = Drawing(form.frame_width, height + 4 * mm, initialFontName=SONG)
        # (reportlab's renderer would otherwise select Times-Roman, an unembedded font)
        for k, chart in enumerate(pair):
            drawing = chart_drawing(chart, width, height)
            drawing.translate(k * (width + gap), 0)
            row.add(drawing)
        form.keep_room(height / mm + 8)
        form.story.append(row)


def draw(data: StatsData, imprint: Imprint) -> tuple[Form, int]:
    report, table = data.report, data.table
    form = Form(imprint, title="控辍保学统计表", margins_mm=(15, 12, 12, 12))
    form.title(subtitle=f"统计期间：{period_text(report, table)}")
    form.unit_line(data.school, report.on)
    form.heading("一、学生变动情况（人）")
    form.table(MOVEMENT_COLUMNS, movement_rows(table), size=7.5, min_row_mm=6)
    form.text("注：期初＋增加－减少＝期末。复学指休学后复学，劝返复学指辍学后经劝返回校。",
              size=8, first_indent=0)
    form.heading("二、辍学率、巩固率、入学率、升学率与目标")
    count = form.table(FIGURE_COLUMNS, (figure_row(f) for f in headline_figures(report)),
                       size=8, min_row_mm=6)
    form.text("\n".join(f"{name}：{CONVENTIONS[k]}" for k, name in CONVENTION_TITLES.items()),
              size=7.5, first_indent=0)
    form.keep_room(70)
    form.heading("三、巩固率统计表（各届，自入学年起至统计日）")
    form.table(COHORT_COLUMNS, cohort_rows(report), size=8, min_row_mm=6)
    form.keep_room(80)
    form.heading("四、统计图")
    add_charts(form, charts.charts(report, data.reasons))
    with form.together():
        form.spacer(4)
        form.signatures([("校长（签字）", ""), ("填表人", imprint.operator),
                         ("联系电话", data.phone)])
        form.stamp_block(data.school, report.on)
    return form, count
