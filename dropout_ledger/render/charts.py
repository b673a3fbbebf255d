"""Plain bar charts as data: one model and one layout, drawn by two thin painters.

The dashboard (Qt, `ui/widgets/charts.py`) and the `stats` form (reportlab.graphics,
`render/forms/stats.py`) must show the same charts. So the charts are built here once, as
frozen dataclasses from a `RateReport` (no Qt, no reportlab): `BarChart` says what is drawn
(bars with their value and colour role, each bar's target), and `layout()` says where, as
rectangles, lines and text in a box measured in points from the top-left corner. A painter
only maps those shapes to its canvas (the PDF flips y). Nothing is computed twice, so the
screen and the paper cannot disagree about a scale, a tick or a colour.

Why no charting library: QtCharts is not in PySide6-Essentials and matplotlib would add tens
of megabytes to the bundle for five bar charts (docs/decisions/0016-charts.md).

Values are integers: basis points for rates (`unit="bp"`), pupils for counts
(`unit="pupils"`). A bar whose figure is missing (`value` None) is drawn as "无" with no bar,
never as 0.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from dropout_ledger.rates import Figure, RateReport

Role = Literal["met", "missed", "neutral", "primary", "junior"]
"""A bar's colour role: against its target (met/missed), or plain (neutral, or by stage)."""
Unit = Literal["bp", "pupils"]

COLOURS: Mapping[str, str] = {
    "met": "#2E7D32", "missed": "#C62828", "neutral": "#5B7A99", "primary": "#5B7A99",
    "junior": "#8A6FA8", "target": "#222222", "axis": "#444444", "grid": "#DDDDDD",
    "text": "#222222", "muted": "#777777",
}
"""Hex colours of the roles and of the chart's furniture, shared by both painters."""


@dataclass(frozen=True)
class Bar:
    """One bar: its label under the axis, value (None: no figure), colour, target, hover text."""

    label: str
    value: int | None
    role: Role
    target: int | None = None
    """The target in the chart's unit, drawn as a dashed line across this bar's slot."""
    detail: str = ""
    """Numerator ÷ denominator and the convention, for a tooltip or a footnote."""


@dataclass(frozen=True)
class BarChart:
    """A titled vertical bar chart with an integer axis from 0 to `axis_max`."""

    key: str
    """Stable name ("dropout", "consolidation", "by_grade", "by_month", "by_reason")."""
    title: str
    bars: tuple[Bar, ...]
    unit: Unit
    note: str = ""
    """One line under the chart (the convention used, what a missing bar means)."""

    @property
    def axis_max(self) -> int:
        """The top of the axis: a round step above the largest value or target."""
        top = max([b.value or 0 for b in self.bars] + [b.target or 0 for b in self.bars])
        return nice_ceiling(top, self.unit)

    @property
    def ticks(self) -> tuple[int, ...]:
        """0 and four more evenly spaced axis values up to `axis_max`."""
        step = self.axis_max // 4
        return tuple(step * i for i in range(5))


def nice_ceiling(value: int, unit: Unit) -> int:
    """The smallest "round" axis top ≥ value, divisible by 4 (so ticks stay integers).

    Rates never go above 100 %; an axis for small counts is at least 4 pupils high and one for
    rates at least 1 %, so a year with no dropout does not draw a 0-high axis.
    """
    floor = 100 if unit == "bp" else 4
    value = max(value, floor)
    magnitude = 1
    while magnitude * 10 < value:
        magnitude *= 10
    for step in (1, 2, 4, 5, 8, 10, 12, 20):
        top = step * magnitude
        if top >= value and top % 4 == 0:
            return top
    raise AssertionError("unreachable: 20 × magnitude ≥ value and divisible by 4")


def percent(bp: int | None) -> str:
    """Basis points as a percentage with two decimals ("0.53%"); "无" when there is none."""
    if bp is None:
        return "无"
    return f"{bp // 100}.{bp % 100:02d}%"


def value_text(value: int | None, unit: Unit) -> str:
    """A bar's value as printed above it."""
    if value is None:
        return "无"
    return percent(value) if unit == "bp" else str(value)


def detail(figure: Figure) -> str:
    """"分子 12 ÷ 分母 2,400" and the note, as the tooltip and footnote say it."""
    if figure.numerator is None or figure.denominator is None:
        return figure.note
    text = f"{figure.numerator} ÷ {figure.denominator}"
    return f"{text}（{figure.note}）" if figure.note else text


def role_of(figure: Figure, plain: Role = "neutral") -> Role:
    """Green when the target is met, red when missed, `plain` when there is no target."""
    if figure.met is None:
        return plain
    return "met" if figure.met else "missed"


def _bar(label: str, figure: Figure, plain: Role = "neutral") -> Bar:
    return Bar(label, figure.value_bp, role_of(figure, plain), figure.target_bp,
               detail(figure))


# --- the charts of a RateReport -------------------------------------------------------------


def dropout_chart(report: RateReport) -> BarChart:
    """辍学率 of primary and junior under both conventions, each against its stage's target."""
    bars = []
    for stage, name in (("primary", "小学"), ("junior", "初中")):
        for convention, short in (("definitional", "在校生口径"), ("net_change", "两基口径")):
            bars.append(_bar(f"{name}\n{short}", report.dropout[convention][stage].total))
    return BarChart("dropout", "辍学率（学年累计）与控制目标", tuple(bars), "bp",
                    "虚线为县定目标（不高于）；绿色达标，红色未达标")


def consolidation_chart(report: RateReport) -> BarChart:
    """巩固率 of the grade-6, grade-9 and nine-year cohorts; only nine-year has a target."""
    c = report.consolidation
    bars = (_bar("小学\n六年级届", c["primary"]), _bar("初中\n九年级届", c["junior"]),
            _bar("九年义务教育\n九年级届", c["nine_year"]))
    return BarChart("consolidation", "巩固率", bars, "bp",
                    "九年巩固率的虚线为县定目标（不低于）；“无”为台账中没有该届入学记录")


def grade_chart(report: RateReport, convention: str = "definitional") -> BarChart:
    """辍学率 per grade (one convention), each grade against its stage's target."""
    bars = []
    for stage in ("primary", "junior"):
        for grade, figure in report.dropout[convention][stage].by_grade.items():
            bars.append(_bar(f"{grade}年级", figure, stage))
    name = "在校生辍学率" if convention == "definitional" else "两基口径辍学率"
    return BarChart("by_grade", f"各年级{name}", tuple(bars), "bp",
                    "虚线为各学段目标；绿色达标，红色未达标")


def month_chart(report: RateReport, flow: str = "dropped_out") -> BarChart:
    """Pupils who left 在校 for 辍学 in each month of the school year (from the movement tables)."""
    bars = tuple(
        Bar(f"{int(t.period[5:])}月", t.rows["total"].flows.get(flow, 0), "neutral")
        for t in report.months)
    return BarChart("by_month", "各月辍学人数（本学年）", bars, "pupils",
                    "每月由在校转为辍学的人次（月报变动表“辍学”栏合计）")


def reason_chart(reasons: Sequence[tuple[str, int]], limit: int = 8) -> BarChart:
    """Cases opened this school year by 辍学原因, largest first; the rest under 其他."""
    ordered = sorted(reasons, key=lambda item: (-item[1], item[0]))
    shown = list(ordered[:limit])
    rest = sum(n for _, n in ordered[limit:])
    if rest:
        shown.append(("其他原因", rest))
    bars = tuple(Bar(label, n, "neutral") for label, n in shown)
    return BarChart("by_reason", "本学年立案的辍学原因", bars, "pupils",
                    "按个案登记的辍学原因计；本学年没有立案时为空" if not bars else
                    "按个案登记的辍学原因计（人）")


def charts(report: RateReport, reasons: Sequence[tuple[str, int]] | None = None
           ) -> tuple[BarChart, ...]:
    """The dashboard's and the form's charts, in reading order."""
    out = [dropout_chart(report), consolidation_chart(report), grade_chart(report),
           month_chart(report)]
    if reasons is not None:
        out.append(reason_chart(reasons))
    return tuple(out)


# --- layout ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Rect:
    x: float
    y: float
    w: float
    h: float
    colour: str


@dataclass(frozen=True)
class Line:
    x1: float
    y1: float
    x2: float
    y2: float
    colour: str
    width: float = 0.5
    dashed: bool = False


@dataclass(frozen=True)
class Text:
    """One line of text; (x, y) is the baseline point, `anchor` "start" | "middle" | "end"."""

    x: float
    y: float
    text: str
    size: float
    anchor: str = "middle"
    colour: str = COLOURS["text"]
    bold: bool = False


@dataclass(frozen=True)
class ChartLayout:
    """Everything to draw, in points from the top-left of a `width` × `height` box."""

    width: float
    height: float
    grid: tuple[Line, ...]
    """Grid lines, drawn first (under the bars)."""
    rects: tuple[Rect, ...]
    lines: tuple[Line, ...]
    """Axes and target lines, drawn over the bars."""
    texts: tuple[Text, ...]
    plot: tuple[float, float, float, float]
    """The plot area (x, y, w, h): where the bars stand, for tests and hit-testing."""
    slots: tuple[tuple[float, float], ...]
    """Each bar's slot as (left, right) x; a tooltip finds its bar with it."""


def text_width(text: str, size: float) -> float:
    """An estimate good enough to wrap and leave room: Han characters 1 em, the rest 0.6 em."""
    return sum(size if ord(ch) > 0x2E80 else size * 0.6 for ch in text)


def wrap(text: str, width: float, size: float, max_lines: int = 3) -> list[str]:
    """Break a label at its own newlines, then by width (Chinese breaks between characters)."""
    lines: list[str] = []
    for part in text.split("\n"):
        line = ""
        for ch in part:
            if line and text_width(line + ch, size) > width:
                lines.append(line)
                line = ""
            line += ch
        lines.append(line)
    if len(lines) > max_lines:
        lines = [*lines[:max_lines - 1], lines[max_lines - 1][:-1] + "…"]
    return lines


def layout(chart: BarChart, width: float, height: float, size: float = 8.0) -> ChartLayout:
    """Place the title, axis, ticks, bars, targets, values and labels in the given box."""
    rects: list[Rect] = []
    grid: list[Line] = []
    lines: list[Line] = []
    texts: list[Text] = [Text(0, size * 1.4, chart.title, size * 1.25, "start", bold=True)]
    n = max(len(chart.bars), 1)
    tick_labels = [value_text(t, chart.unit) for t in chart.ticks]
    left = max(text_width(t, size) for t in tick_labels) + size * 0.8
    top = size * 3.2
    slot_width = (width - left - size * 0.5) / n
    label_lines = max([len(wrap(b.label, slot_width - 2, size)) for b in chart.bars] or [1])
    bottom = size * 1.3 * label_lines + size * 0.6 + (size * 1.6 if chart.note else 0)
    plot_h = max(height - top - bottom, size * 3)
    plot_w = width - left - size * 0.5
    base = top + plot_h
    scale = plot_h / chart.axis_max

    for tick, text in zip(chart.ticks, tick_labels, strict=True):
        y = base - tick * scale
        grid.append(Line(left, y, left + plot_w, y, COLOURS["grid"], 0.4))
        texts.append(Text(left - size * 0.4, y + size * 0.35, text, size * 0.9, "end",
                          COLOURS["muted"]))
    lines.append(Line(left, top, left, base, COLOURS["axis"], 0.6))
    lines.append(Line(left, base, left + plot_w, base, COLOURS["axis"], 0.6))

    slots = []
    for i, bar in enumerate(chart.bars):
        x0 = left + i * slot_width
        slots.append((x0, x0 + slot_width))
        centre = x0 + slot_width / 2
        bar_w = min(slot_width * 0.6, size * 5)
        if bar.value is not None:
            h = min(bar.value, chart.axis_max) * scale
            rects.append(Rect(centre - bar_w / 2, base - h, bar_w, h, COLOURS[bar.role]))
            label_y = base - h - size * 0.4
        else:
            label_y = base - size * 0.4
        texts.append(Text(centre, label_y, value_text(bar.value, chart.unit), size * 0.9,
                          colour=COLOURS["missed" if bar.role == "missed" else "text"]))
        if bar.target is not None:
            y = base - min(bar.target, chart.axis_max) * scale
            lines.append(Line(x0, y, x0 + slot_width, y, COLOURS["target"], 1.0, dashed=True))
        for k, line in enumerate(wrap(bar.label, slot_width - 2, size)):
            texts.append(Text(centre, base + size * (1.3 * k + 1.3), line, size))
    if not chart.bars:
        texts.append(Text(left + plot_w / 2, top + plot_h / 2, "（无数据）", size,
                          colour=COLOURS["muted"]))
    if chart.note:
        texts.append(Text(0, height - size * 0.4, chart.note, size * 0.85, "start",
                          COLOURS["muted"]))
    return ChartLayout(width, height, tuple(grid), tuple(rects), tuple(lines), tuple(texts),
                       (left, top, plot_w, plot_h), tuple(slots))
