"""The chart model from a hand-made RateReport, and the `stats` form on a real demo school:
its text carries the school, the figures and the movement totals of the RateReport, every font
is embedded, `--period` prints one month, and page 1 renders (docs/forms/stats.png shows it)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from dropout_ledger.errors import InputRefused
from dropout_ledger.ledger import Ledger
from dropout_ledger.printing import FORMS, PrintRequest, print_form
from dropout_ledger.rates import Figure, RateReport
from dropout_ledger.rates.movement import ROW_KEYS, MovementRow, MovementTable
from dropout_ledger.rates.report import Breakdown
from dropout_ledger.render import charts
from dropout_ledger.render.charts import nice_ceiling, percent
from dropout_ledger.services import demo
from dropout_ledger.services.stats import rate_report
from tests.core.test_render_fonts import embedded_fonts
from tests.core.test_render_forms2 import flat, page_one, read


def fig(value: int | None, target: int | None = None, kind: str = "max",
        convention: str = "definitional", n: int = 1, d: int = 100) -> Figure:
    met = None if target is None or value is None else (
        value <= target if kind == "max" else value >= target)
    return Figure("x", convention, value, n, d, target, kind if target else None,  # type: ignore[arg-type]
                  met)


def breakdown(total: Figure, grades: range) -> Breakdown:
    return Breakdown(total, {str(g): fig(12 * g, total.target_bp) for g in grades}, {}, {})


def table(period: str, dropped: int) -> MovementTable:
    flows = {"dropped_out": dropped}
    rows = {k: MovementRow(100, 50, flows, 100 - dropped, 50) for k in ROW_KEYS}
    return MovementTable(period, dt.date(2026, 9, 1), dt.date(2026, 9, 30), rows)


def hand_made() -> RateReport:
    dropout = {
        "definitional": {"primary": breakdown(fig(53, 60), range(1, 7)),
                         "junior": breakdown(fig(210, 180), range(7, 10)),
                         "all": breakdown(fig(100), range(1, 10))},
        "net_change": {"primary": breakdown(fig(20, 60, convention="net_change"), range(1, 7)),
                       "junior": breakdown(fig(None, 180, convention="net_change"),
                                           range(7, 10)),
                       "all": breakdown(fig(0), range(1, 10))},
    }
    return RateReport(
        on=dt.date(2026, 11, 22), school_year=2026, start=dt.date(2026, 9, 1), dropout=dropout,
        consolidation={"primary": fig(9900, convention="cohort_sheet"),
                       "junior": fig(None, convention="cohort_sheet"),
                       "nine_year": fig(9500, 9600, "min", "cohort_sheet")},
        cohorts={}, enrolment={}, progression=fig(None), disability={},
        months=(table("2026-09", 0), table("2026-10", 3), table("2026-11", 1)),
        year=table("2026学年", 4))


def test_dropout_chart_has_both_conventions_with_each_stage_target() -> None:
    chart = charts.dropout_chart(hand_made())
    assert [b.value for b in chart.bars] == [53, 20, 210, None]
    assert [b.target for b in chart.bars] == [60, 60, 180, 180]
    assert [b.role for b in chart.bars] == ["met", "met", "missed", "neutral"]
    assert "在校生口径" in chart.bars[0].label and "两基口径" in chart.bars[1].label
    assert chart.unit == "bp" and chart.axis_max == 400 and chart.ticks == (0, 100, 200, 300, 400)
    assert chart.bars[0].detail == "1 ÷ 100"


def test_consolidation_grade_and_month_charts() -> None:
    report = hand_made()
    consolidation = charts.consolidation_chart(report)
    assert [b.value for b in consolidation.bars] == [9900, None, 9500]
    assert [b.target for b in consolidation.bars] == [None, None, 9600]
    assert consolidation.bars[2].role == "missed" and consolidation.axis_max == 10_000
    grades = charts.grade_chart(report)
    assert [b.value for b in grades.bars] == [12 * g for g in range(1, 10)]
    assert [b.target for b in grades.bars] == [60] * 6 + [180] * 3
    assert [b.role for b in grades.bars] == ["met"] * 5 + ["missed"] + ["met"] * 3  # 72 > 60
    months = charts.month_chart(report)
    assert [(b.label, b.value) for b in months.bars] == [("9月", 0), ("10月", 3), ("11月", 1)]
    assert months.unit == "pupils" and months.axis_max == 4


def test_reason_chart_largest_first_and_the_rest_together() -> None:
    chart = charts.reason_chart([("外出务工", 2), ("厌学", 5), *((f"原因{i}", 1)
                                                          for i in range(8))], limit=3)
    assert [(b.label, b.value) for b in chart.bars] == [
        ("厌学", 5), ("外出务工", 2), ("原因0", 1), ("其他原因", 7)]


def test_layout_puts_bars_and_target_lines_where_the_values_say() -> None:
    chart = charts.dropout_chart(hand_made())
    laid = charts.layout(chart, 400, 300, 8)
    x, top, w, h = laid.plot
    base = top + h
    assert len(laid.rects) == 3  # the missing figure has no bar
    first = laid.rects[0]
    assert first.y + first.h == pytest.approx(base)
    assert first.h == pytest.approx(h * 53 / 400)
    targets = [line for line in laid.lines if line.dashed]
    assert [round(base - t.y1, 6) for t in targets] == [
        round(h * v / 400, 6) for v in (60, 60, 180, 180)]
    assert "无" in [t.text for t in laid.texts] and "0.53%" in [t.text for t in laid.texts]
    assert len(laid.slots) == 4 and laid.slots[0][0] == pytest.approx(x)


@pytest.mark.parametrize(("value", "unit", "top"), [
    (0, "bp", 100), (53, "bp", 100), (260, "bp", 400), (9700, "bp", 10_000), (0, "pupils", 4),
    (9, "pupils", 12), (13, "pupils", 20), (101, "pupils", 200)])
def test_axis_tops_are_round_and_divide_into_four(value: int, unit: str, top: int) -> None:
    assert nice_ceiling(value, unit) == top  # type: ignore[arg-type]
    assert top % 4 == 0


# --- the form --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def demo_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("stats") / "demo.sqlite"
    demo.ensure_demo(path, students=600)
    return path


@pytest.fixture
def school(demo_path: Path) -> Iterator[Ledger]:
    with Ledger.open(demo_path) as ledger:
        yield ledger


def test_stats_form_carries_the_school_figures_and_totals(school: Ledger, tmp_path: Path) -> None:
    assert FORMS["stats"].uses_period and not FORMS["stats"].per_student
    out = tmp_path / "stats.pdf"
    result = print_form(school, PrintRequest("stats"), out)
    reader, text = read(out)
    body = flat(text)
    report = rate_report(school)
    assert result.pages == len(reader.pages) >= 2
    assert school.org.name in body and "控辍保学统计表" in body
    total = report.year.rows["total"]
    assert f"合计{total.opening}{total.opening_female}" in body
    assert f"{total.closing}{total.closing_female}" in body
    for stage in ("primary", "junior"):
        for convention in ("definitional", "net_change"):
            f = report.dropout[convention][stage].total
            assert f"{f.label}{f.numerator}{f.denominator}{percent(f.value_bp)}" in body
    nine = report.consolidation["nine_year"]
    assert f"{percent(nine.value_bp)}≥{percent(nine.target_bp)}" in body
    assert ("达标" if nine.met else "未达标") in body
    for title in ("巩固率统计表", "各年级在校生辍学率", "各月辍学人数", "本学年立案的辍学原因",
                  "校长（签字）", "填报单位（盖章）"):
        assert title in body
    fonts = embedded_fonts(out.read_bytes())
    assert fonts and all(fonts.values()), fonts
    # Into tmp_path: a test must not rewrite a committed file (the footer's fingerprint and date
    # change every run). docs/forms/stats.png is made the same way by hand, and looked at.
    width, height, dark = page_one(out, tmp_path / "stats.png")
    assert width == 827 and height in (1169, 1170) and dark > 10_000


def test_a_period_prints_that_month_and_a_future_one_is_refused(
        school: Ledger, tmp_path: Path) -> None:
    today = school.clock.today()
    period = f"{today.year}-{today.month:02d}"
    out = tmp_path / "month.pdf"
    print_form(school, PrintRequest("stats", period=period), out)
    body = flat(read(out)[1])
    month = rate_report(school).months[-1]
    assert f"{today.year}年{today.month}月（" in body
    assert f"合计{month.rows['total'].opening}{month.rows['total'].opening_female}" in body
    with pytest.raises(InputRefused, match="还没有到"):
        print_form(school, PrintRequest("stats", period=f"{today.year + 1}-01"),
                   tmp_path / "x.pdf")
    assert not (tmp_path / "x.pdf").exists()
