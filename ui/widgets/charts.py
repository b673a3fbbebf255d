"""A bar chart on screen: the core's chart layout (`dropout_ledger.render.charts`) on a QPainter.

The chart and its geometry are computed by the core, the same as for the `stats` PDF; this
widget only maps rectangles, lines and text to QPainter calls at the widget's size and font,
and shows a bar's value, target and numerator ÷ denominator when the mouse rests on it.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QHelpEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from dropout_ledger.render.charts import BarChart, ChartLayout, Line, layout, value_text


def _tr(text: str) -> str:
    return QCoreApplication.translate("ChartWidget", text)


class ChartWidget(QWidget):
    """One `BarChart`, drawn to fill the widget; `set_chart` replaces it and repaints."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chart: BarChart | None = None
        self.title = ""
        """The title as shown (translated by the page); "" keeps the chart's own."""
        self.setMinimumSize(320, 220)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMouseTracking(True)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        return QSize(460, 280)

    def set_chart(self, chart: BarChart, title: str = "") -> None:
        self.chart, self.title = chart, title
        self.setAccessibleName(title or chart.title)
        self.update()

    def current_layout(self) -> ChartLayout | None:
        if self.chart is None:
            return None
        size = self._pixels_per_point() * self.font().pointSizeF() * 0.85  # layout is in pixels
        shown = BarChart(self.chart.key, self.title or self.chart.title, self.chart.bars,
                         self.chart.unit, self.chart.note)
        return layout(shown, float(self.width()), float(self.height()), size)

    def _pixels_per_point(self) -> float:
        return self.logicalDpiY() / 72.0

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("#FFFFFF"))
        laid = self.current_layout()
        if laid is None:
            painter.end()
            return
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        for line in laid.grid:
            self._line(painter, line)
        painter.setPen(Qt.PenStyle.NoPen)
        for r in laid.rects:
            painter.fillRect(QRectF(r.x, r.y, r.w, r.h), QColor(r.colour))
        for line in laid.lines:
            self._line(painter, line)
        base = QFont(self.font())
        for t in laid.texts:
            font = QFont(base)
            font.setPointSizeF(t.size / self._pixels_per_point())
            font.setBold(t.bold)
            painter.setFont(font)
            painter.setPen(QColor(t.colour))
            width = QFontMetricsF(font).horizontalAdvance(t.text)
            x = t.x - (width / 2 if t.anchor == "middle" else width if t.anchor == "end" else 0)
            painter.drawText(QPointF(x, t.y), t.text)
        painter.end()

    @staticmethod
    def _line(painter: QPainter, line: Line) -> None:
        pen = QPen(QColor(line.colour))
        pen.setWidthF(max(line.width * 1.4, 1.0))
        if line.dashed:
            pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.drawLine(QPointF(line.x1, line.y1), QPointF(line.x2, line.y2))

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            text = self.tooltip_at(float(event.pos().x()))
            if text:
                QToolTip.showText(event.globalPos(), text, self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)

    def tooltip_at(self, x: float) -> str:
        """What hovering over the slot at x shows: label, value, target, numerator ÷ denominator."""
        laid = self.current_layout()
        if laid is None or self.chart is None:
            return ""
        for (left, right), bar in zip(laid.slots, self.chart.bars, strict=True):
            if left <= x < right:
                lines = [bar.label.replace("\n", ""),
                         _tr("数值：{value}").format(value=value_text(bar.value, self.chart.unit))]
                if bar.target is not None:
                    lines.append(_tr("目标：{value}").format(
                        value=value_text(bar.target, self.chart.unit)))
                if bar.detail:
                    lines.append(_tr("分子 ÷ 分母：{detail}").format(detail=bar.detail))
                return "\n".join(lines)
        return ""
