"""学校统计 against a real demo ledger: every card shows its figure, convention, target and
达标/未达标 as the core's `met` says; numerator ÷ denominator on hover; the charts draw."""

from __future__ import annotations

from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from dropout_ledger.ledger import Ledger
from dropout_ledger.render.charts import percent
from dropout_ledger.services.stats import rate_report
from ui.ops import ImmediateRunner
from ui.views.dashboard_view import FIGURES, DashboardView, figure_of


def make(qtbot: QtBot, ledger: Ledger) -> DashboardView:
    view = DashboardView(ImmediateRunner(ledger), role="principal")
    qtbot.addWidget(view)
    view.resize(1200, 1000)
    view.show()
    qtbot.waitExposed(view)
    return view


def test_each_figure_shows_value_target_and_met(qtbot: QtBot, ledger: Ledger) -> None:
    view = make(qtbot, ledger)
    report = rate_report(ledger)
    assert view.data is not None and view.data.report == report
    seen_target = False
    for key, _ in FIGURES:
        card, figure = view.cards[key], figure_of(report, key)
        value = percent(figure.value_bp) if figure.value_bp is not None else "无数据"
        assert card.value_label.text() == value
        assert card.convention_label.text() in ("在校生辍学率口径", "两基净减少口径",
                                                "巩固率统计表口径", "台账口径（在籍残疾学生）",
                                                "户籍适龄儿童名单口径", "九年级毕业生去向口径")
        if figure.target_bp is not None:
            seen_target = True
            assert percent(figure.target_bp) in card.target_label.text()
        expected = {None: "", True: "达标", False: "未达标"}[figure.met]
        assert card.status_label.text() == expected
        if figure.met is not None:
            colour = "#2E7D32" if figure.met else "#C62828"
            assert colour in card.status_label.styleSheet()
        if figure.numerator is None:  # 入学率 without the county's list: the reason instead
            assert "没有计算" in card.toolTip() and figure.note in card.toolTip()
        else:
            assert f"分子 {figure.numerator} ÷ 分母 {figure.denominator}" in card.toolTip()
    assert seen_target
    assert view.cards["primary.definitional"].convention_label.text() == "在校生辍学率口径"
    assert view.cards["primary.net_change"].convention_label.text() == "两基净减少口径"


def test_the_charts_draw_and_say_the_numbers_on_hover(qtbot: QtBot, ledger: Ledger) -> None:
    view = make(qtbot, ledger)
    for key, widget in view.chart_widgets.items():
        assert widget.chart is not None, key
        image: QImage = widget.grab().toImage()
        laid = widget.current_layout()
        assert laid is not None
        x, y, w, h = (int(v) for v in laid.plot)
        coloured = sum(
            1 for px in range(x + 2, x + w, 3) for py in range(y, y + h, 3)
            if image.pixelColor(px, py).saturation() > 60)
        if any(b.value for b in widget.chart.bars):
            assert coloured > 20, key  # bars are drawn in colour inside the plot area
    dropout = view.chart_widgets["dropout"]
    left, right = dropout.current_layout().slots[0]  # type: ignore[union-attr]
    tip = dropout.tooltip_at((left + right) / 2)
    figure = view.data.report.dropout["definitional"]["primary"].total  # type: ignore[union-attr]
    assert percent(figure.value_bp) in tip and f"{figure.numerator} ÷ {figure.denominator}" in tip


def test_refresh_reloads_and_names_the_school(qtbot: QtBot, ledger: Ledger) -> None:
    view = make(qtbot, ledger)
    with qtbot.waitSignal(view.loaded, timeout=5000):
        view.refresh()
    assert view.title_label.text() == f"学校统计 · {ledger.org.name}"
