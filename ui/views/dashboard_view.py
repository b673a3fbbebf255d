"""学校统计: the school's figures against the county's targets, and the charts.

Each headline figure is a card: the value in large type, which convention made it (辍学率 has
two, domain.md §2.4, and a figure without its convention is misread), the target and 达标 in
green or 未达标 in red; the numerator and denominator show on hover, so a principal can recompute
it. Under the cards are the charts of `dropout_ledger.render.charts` — the same ones the `stats`
form prints — drawn by `ui.widgets.charts.ChartWidget`.

Everything is computed by the core (`services.dashboard.dashboard`, one call through the runner);
this page only lays it out, and reloads on any write that can change a figure.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from dropout_ledger.model.changes import Changes
from dropout_ledger.rates import Figure, RateReport
from dropout_ledger.render.charts import charts, percent
from dropout_ledger.services.dashboard import Dashboard, dashboard
from ui.i18n import QT_TRANSLATE_NOOP
from ui.ops import Runner
from ui.widgets.charts import ChartWidget

MET_COLOUR = "#2E7D32"
MISSED_COLOUR = "#C62828"

FIGURES: tuple[tuple[str, str], ...] = (
    ("primary.definitional", QT_TRANSLATE_NOOP("DashboardView", "小学辍学率")),
    ("primary.net_change", QT_TRANSLATE_NOOP("DashboardView", "小学辍学率")),
    ("junior.definitional", QT_TRANSLATE_NOOP("DashboardView", "初中辍学率")),
    ("junior.net_change", QT_TRANSLATE_NOOP("DashboardView", "初中辍学率")),
    ("consolidation.nine_year", QT_TRANSLATE_NOOP("DashboardView", "九年义务教育巩固率")),
    ("consolidation.primary", QT_TRANSLATE_NOOP("DashboardView", "小学巩固率（六年级届）")),
    ("consolidation.junior", QT_TRANSLATE_NOOP("DashboardView", "初中巩固率（九年级届）")),
    ("disability.three_categories", QT_TRANSLATE_NOOP("DashboardView", "三类残疾儿童入学率")),
    ("enrolment.all", QT_TRANSLATE_NOOP("DashboardView", "适龄儿童入学率")),
    ("progression.total", QT_TRANSLATE_NOOP("DashboardView", "初中升学率")),
)
"""The cards, in reading order: (key, title)."""

CONVENTIONS: dict[str, str] = {
    "definitional": QT_TRANSLATE_NOOP("DashboardView", "在校生辍学率口径"),
    "net_change": QT_TRANSLATE_NOOP("DashboardView", "两基净减少口径"),
    "cohort_sheet": QT_TRANSLATE_NOOP("DashboardView", "巩固率统计表口径"),
    "ledger_disability": QT_TRANSLATE_NOOP("DashboardView", "台账口径（在籍残疾学生）"),
    "population": QT_TRANSLATE_NOOP("DashboardView", "户籍适龄儿童名单口径"),
    "progression": QT_TRANSLATE_NOOP("DashboardView", "九年级毕业生去向口径"),
}

CHART_TITLES: dict[str, str] = {
    "dropout": QT_TRANSLATE_NOOP("DashboardView", "辍学率（学年累计）与控制目标"),
    "consolidation": QT_TRANSLATE_NOOP("DashboardView", "巩固率"),
    "by_grade": QT_TRANSLATE_NOOP("DashboardView", "各年级在校生辍学率"),
    "by_month": QT_TRANSLATE_NOOP("DashboardView", "各月辍学人数（本学年）"),
    "by_reason": QT_TRANSLATE_NOOP("DashboardView", "本学年立案的辍学原因"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("DashboardView", text)


def figure_of(report: RateReport, key: str) -> Figure:
    """The figure a card shows, by its key ("primary.definitional", "consolidation.junior")."""
    group, name = key.split(".")
    if group in ("primary", "junior"):
        return report.dropout[name][group].total
    if group == "consolidation":
        return report.consolidation[name]
    if group == "enrolment":
        return report.enrolment[name]
    if group == "progression":
        return report.progression
    return report.disability[name]


class FigureCard(QFrame):
    """One figure: title, large value, convention, target and 达标/未达标."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("FigureCard { background: #FFFFFF; border: 1px solid #D0D0D0;"
                           " border-radius: 4px; }")
        self.title_label = QLabel(title, self)
        self.value_label = QLabel("—", self)
        big = QFont(self.font())
        big.setPointSizeF(big.pointSizeF() * 2.2)
        big.setBold(True)
        self.value_label.setFont(big)
        self.convention_label = QLabel(self)
        self.convention_label.setStyleSheet("color: #666666;")
        self.target_label = QLabel(self)
        self.status_label = QLabel(self)
        bold = QFont(self.font())
        bold.setBold(True)
        self.status_label.setFont(bold)
        layout = QVBoxLayout(self)
        layout.setSpacing(2)
        for label in (self.title_label, self.value_label, self.convention_label,
                      self.target_label, self.status_label):
            label.setWordWrap(True)
            layout.addWidget(label)
        layout.addStretch(1)

    def show_figure(self, figure: Figure) -> None:
        self.value_label.setText(percent(figure.value_bp) if figure.value_bp is not None
                                 else _tr("无数据"))
        self.convention_label.setText(_tr(CONVENTIONS.get(figure.convention, figure.convention)))
        if figure.target_bp is None:
            self.target_label.setText(_tr("无县定目标"))
        elif figure.target_kind == "max":
            self.target_label.setText(_tr("目标：不高于 {value}").format(
                value=percent(figure.target_bp)))
        else:
            self.target_label.setText(_tr("目标：不低于 {value}").format(
                value=percent(figure.target_bp)))
        if figure.met is None:
            self.status_label.setText("")
        else:
            self.status_label.setText(_tr("达标") if figure.met else _tr("未达标"))
            colour = MET_COLOUR if figure.met else MISSED_COLOUR
            self.status_label.setStyleSheet(f"color: {colour};")
            self.value_label.setStyleSheet(f"color: {colour};")
        if figure.numerator is not None and figure.denominator is not None:
            tip = _tr("分子 {n} ÷ 分母 {d}").format(n=figure.numerator, d=figure.denominator)
        else:
            tip = _tr("没有计算")
        if figure.note:
            tip += "\n" + figure.note
        self.setToolTip(tip)


class DashboardView(QWidget):
    """The school's figures against targets and the charts; read-only.

    `refresh()` asks the ledger again; `loaded` is emitted when the answer (or a failure)
    arrived. Any write that can change a figure reloads the page.
    """

    loaded = Signal()

    def __init__(self, runner: Runner, parent: QWidget | None = None, *, role: str = "") -> None:
        super().__init__(parent)
        self.runner = runner
        self.role = role
        self.data: Dashboard | None = None

        title = QFont(self.font())
        title.setPointSizeF(title.pointSizeF() * 1.5)
        title.setBold(True)
        self.title_label = QLabel(_tr("学校统计"), self)
        # The title names the school: data, in the school's own language, whatever the UI's.
        self.title_label.setProperty("data_text", True)
        self.title_label.setFont(title)
        self.summary_label = QLabel(_tr("正在加载…"), self)
        self.summary_label.setWordWrap(True)

        body = QWidget(self)
        cards = QGridLayout()
        self.cards: dict[str, FigureCard] = {}
        for n, (key, text) in enumerate(FIGURES):
            card = FigureCard(_tr(text), body)
            self.cards[key] = card
            cards.addWidget(card, n // 5, n % 5)
        grid = QGridLayout()
        self.chart_widgets: dict[str, ChartWidget] = {}
        for n, key in enumerate(CHART_TITLES):
            widget = ChartWidget(body)
            self.chart_widgets[key] = widget
            grid.addWidget(widget, n // 2, n % 2)
        column = QVBoxLayout(body)
        column.addLayout(cards)
        column.addSpacing(8)
        column.addLayout(grid, 1)

        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title_label)
        layout.addWidget(self.summary_label)
        layout.addWidget(scroll, 1)
        self.runner.bus.changed.connect(self._on_changed)
        self.refresh()

    def refresh(self) -> None:
        self.runner.query(dashboard, on_done=self._show, on_failed=self._on_failed, parent=self)

    def _on_changed(self, changes: Changes, initiator: object) -> None:
        if changes.roster or changes.status or changes.records or changes.profile:
            self.refresh()

    def _on_failed(self, error: Exception) -> None:
        self.summary_label.setText(_tr("统计数据没有加载成功"))
        self.loaded.emit()

    def _show(self, data: Dashboard) -> None:
        self.data = data
        report = data.report
        on = report.on
        self.title_label.setText(_tr("学校统计 · {school}").format(school=data.school))
        self.summary_label.setText(_tr(
            "{y}年{m}月{d}日，{year}学年累计（自{sy}年9月1日起）。辍学率有两种口径：在校生辍学率"
            "（辍学、休学、超龄离校的学生人数）和“两基”净减少口径（减少减去增加），都除以学年初"
            "在校生数加本学年招收新生数。鼠标停在数字或柱子上可看分子和分母。").format(
                y=on.year, m=on.month, d=on.day, year=report.school_year,
                sy=report.start.year))
        for key, card in self.cards.items():
            card.show_figure(figure_of(report, key))
        for chart in charts(data.report, data.reasons):
            widget = self.chart_widgets.get(chart.key)
            if widget is not None:
                widget.set_chart(chart, _tr(CHART_TITLES[chart.key]))
        self.loaded.emit()
