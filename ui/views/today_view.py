"""今日待办: the principal's start page — what must be done today, most urgent first.

The list itself is computed by the core (`dropout_ledger.services.today.today_items`) from the
county's thresholds; this view only groups it (紧急 before the rest), labels each kind in plain
Chinese, and opens a pupil's page on double-click or Enter. Reading goes through the runner, so
the query runs on the ledger's worker thread, and any write announced on `bus.changed` reloads
the list: a visit just recorded should make its "劝返跟进" row disappear at once.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dropout_ledger.ledger import Ledger
from dropout_ledger.model.changes import Changes
from dropout_ledger.services.today import SEVERITY, TodayItem, today_items
from ui.i18n import QT_TRANSLATE_NOOP
from ui.labels import grade_class_text
from ui.ops import Runner

# Kind labels, in the order of the core's SEVERITY (most urgent first).
KIND_LABELS: dict[str, str] = {
    "confirm": QT_TRANSLATE_NOOP("TodayView", "确认辍学"),
    "suspect": QT_TRANSLATE_NOOP("TodayView", "标记疑似辍学"),
    "notice_overdue": QT_TRANSLATE_NOOP("TodayView", "通知书逾期"),
    "stage_due": QT_TRANSLATE_NOOP("TodayView", "劝返阶段到期"),
    "report_form": QT_TRANSLATE_NOOP("TodayView", "报告表"),
    "visit": QT_TRANSLATE_NOOP("TodayView", "家访"),
    "case_no_visit": QT_TRANSLATE_NOOP("TodayView", "劝返跟进"),
    "visit_next": QT_TRANSLATE_NOOP("TodayView", "约定复访"),
    "call": QT_TRANSLATE_NOOP("TodayView", "电话"),
    "notice_due": QT_TRANSLATE_NOOP("TodayView", "通知书到期"),
    "calendar_overdue": QT_TRANSLATE_NOOP("TodayView", "逾期报送"),
    "monthly_report": QT_TRANSLATE_NOOP("TodayView", "月报"),
    "calendar_due": QT_TRANSLATE_NOOP("TodayView", "报送事项"),
    "sync_export": QT_TRANSLATE_NOOP("TodayView", "U盘同步"),
}
URGENT_KINDS = frozenset({"confirm", "suspect", "notice_overdue"})
"""Kinds that carry a legal deadline or a status decision: shown first, in red."""

_WEEKDAYS = (
    QT_TRANSLATE_NOOP("TodayView", "星期一"), QT_TRANSLATE_NOOP("TodayView", "星期二"),
    QT_TRANSLATE_NOOP("TodayView", "星期三"), QT_TRANSLATE_NOOP("TodayView", "星期四"),
    QT_TRANSLATE_NOOP("TodayView", "星期五"), QT_TRANSLATE_NOOP("TodayView", "星期六"),
    QT_TRANSLATE_NOOP("TodayView", "星期日"),
)
URGENT_COLOUR = QColor(176, 0, 32)
_GROUP_BACKGROUND = QColor(238, 238, 238)
STUDENT_ID_ROLE = Qt.ItemDataRole.UserRole
"""Item data role holding a row's student id ("" for group rows and the monthly report)."""
KIND_ROLE = Qt.ItemDataRole.UserRole + 1
"""Item data role holding a row's kind of task ("visit", "suspect", …)."""
FORM_ROLE = Qt.ItemDataRole.UserRole + 2
"""Item data role holding (form, period) of a reporting row: what printing it takes."""


def _tr(text: str) -> str:
    return QCoreApplication.translate("TodayView", text)


def date_text(day: dt.date) -> str:
    """"2026年11月20日 星期五": the form a principal reads on a paper calendar."""
    return _tr("{y}年{m}月{d}日 {weekday}").format(
        y=day.year, m=day.month, d=day.day, weekday=_tr(_WEEKDAYS[day.weekday()]))


def _load(ledger: Ledger) -> tuple[dt.date, list[TodayItem]]:
    """Worker-thread read: today's date by the ledger's clock and what is due today."""
    today = ledger.clock.today()
    return today, today_items(ledger.queries, ledger.settings.profile(), today)


class TodayView(QWidget):
    """今日待办: a header with today's date and counts, then the due items grouped by urgency.

    Read-only: it never writes. The main window connects `open_student` to the student page.
    """

    open_student = Signal(str)
    """A row naming a pupil was double-clicked or Enter was pressed on it (the student id)."""
    open_task = Signal(str, str)
    """(kind, student id) of the row opened, so the window can offer the matching dialog."""
    print_requested = Signal(str, str)
    """(form, period) of a reporting row opened: the window opens the print dialog on it."""

    loaded = Signal()
    """The latest answer arrived (or failed): tests and the main window may wait on it."""

    COLUMNS = (
        QT_TRANSLATE_NOOP("TodayView", "事项"),
        QT_TRANSLATE_NOOP("TodayView", "学生"),
        QT_TRANSLATE_NOOP("TodayView", "年级班级"),
        QT_TRANSLATE_NOOP("TodayView", "说明"),
        QT_TRANSLATE_NOOP("TodayView", "期限"),
    )

    def __init__(self, runner: Runner, parent: QWidget | None = None, *,
                 load: bool = True) -> None:
        """`load=False`: the owner calls `refresh` when its own first query has been asked
        (the worker answers in order, and the roster's first page must not wait for this)."""
        super().__init__(parent)
        self.runner = runner
        self.items: list[TodayItem] = []
        self.today: dt.date | None = None

        font = self.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)  # principals read this at arm's length
        self.setFont(font)

        self.date_label = QLabel(self)
        title = QFont(font)
        title.setPointSizeF(font.pointSizeF() * 1.5)
        title.setBold(True)
        self.date_label.setFont(title)
        self.summary_label = QLabel(self)
        summary = QFont(font)
        summary.setBold(True)
        self.summary_label.setFont(summary)
        self.summary_label.setWordWrap(True)

        self.table = self._make_table()
        self.empty_label = QLabel(_tr("今天没有待办事项"), self)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        empty_font = QFont(title)
        empty_font.setBold(False)
        self.empty_label.setFont(empty_font)
        self.empty_label.setStyleSheet("color: #2e7d32;")
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty_label)

        layout = QVBoxLayout(self)
        layout.addWidget(self.date_label)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.stack, 1)

        self.date_label.setText(_tr("今日待办"))
        self.summary_label.setText(_tr("正在加载…"))
        self.runner.bus.changed.connect(self._on_changed)
        if load:
            self.refresh()

    def _make_table(self) -> QTableWidget:
        table = QTableWidget(0, len(self.COLUMNS), self)
        table.setHorizontalHeaderLabels([_tr(c) for c in self.COLUMNS])
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setWordWrap(True)
        table.verticalHeader().setVisible(False)
        # Room for two lines of 说明 without measuring every row (measuring before the table
        # is laid out wraps the stretch column at its initial width and makes rows huge).
        table.verticalHeader().setDefaultSectionSize(int(table.fontMetrics().height() * 2.2))
        header = table.horizontalHeader()
        bold = QFont(self.font())
        bold.setBold(True)
        header.setFont(bold)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        metrics = table.fontMetrics()
        for column, sample in enumerate(("标记疑似辍学", "欧阳晓明明", "八年级 10班")):
            table.setColumnWidth(column, metrics.horizontalAdvance(sample) + 32)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        table.setColumnWidth(4, metrics.horizontalAdvance("2026-11-20") + 32)
        table.doubleClicked.connect(lambda index: self._open_row(index.row()))
        table.installEventFilter(self)
        return table

    def refresh(self) -> None:
        """Ask the ledger again; the answer replaces the list when it arrives."""
        self.runner.query(_load, on_done=self._show, on_failed=self._on_failed, parent=self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Enter on a row opens its pupil, as double-click does (keyboard users, no mouse)."""
        if watched is self.table and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._open_row(self.table.currentRow())
                return True
        return super().eventFilter(watched, event)

    def student_id_at(self, row: int) -> str:
        """The student id a table row stands for ("" for group headings and school-wide rows)."""
        item = self.table.item(row, 0)
        return str(item.data(STUDENT_ID_ROLE) or "") if item is not None else ""

    def _open_row(self, row: int) -> None:
        item = self.table.item(row, 0) if row >= 0 else None
        if item is None:
            return
        if student_id := self.student_id_at(row):
            self.open_student.emit(student_id)
            self.open_task.emit(str(item.data(KIND_ROLE) or ""), student_id)
        elif form := item.data(FORM_ROLE):
            self.print_requested.emit(*form)
        elif kind := item.data(KIND_ROLE):  # school-wide work with no form: 每周导出同步文件
            self.open_task.emit(str(kind), "")

    def _on_changed(self, changes: Changes, initiator: object) -> None:
        """Any write may add or clear a due item (an absence, a visit, a status, a threshold)."""
        if changes.roster or changes.status or changes.records or changes.profile:
            self.refresh()

    def _on_failed(self, error: Exception) -> None:
        self.summary_label.setText(_tr("待办事项没有加载成功"))
        self.loaded.emit()

    def _show(self, answer: tuple[dt.date, list[TodayItem]]) -> None:
        self.today, self.items = answer
        self.date_label.setText(_tr("今日待办 · {date}").format(date=date_text(self.today)))
        self.summary_label.setText(self._summary())
        self._fill()
        self.stack.setCurrentWidget(self.empty_label if not self.items else self.table)
        self.loaded.emit()

    def _summary(self) -> str:
        if not self.items:
            return _tr("按县里定的标准，今天没有需要跟进的学生。")
        counts: dict[str, int] = {}
        for item in self.items:
            counts[item.kind] = counts.get(item.kind, 0) + 1
        parts = [_tr("{kind} {n} 件").format(kind=_tr(KIND_LABELS.get(kind, kind)), n=n)
                 for kind, n in sorted(counts.items(), key=lambda kv: SEVERITY.get(kv[0], 99))]
        head = _tr("今天有 {n} 件事要办").format(n=len(self.items))
        urgent = sum(n for kind, n in counts.items() if kind in URGENT_KINDS)
        if urgent:
            head += _tr("，其中紧急 {n} 件").format(n=urgent)
        return head + _tr("：") + _tr("、").join(parts)

    def _fill(self) -> None:
        self.table.setRowCount(0)
        urgent = [i for i in self.items if i.kind in URGENT_KINDS]
        other = [i for i in self.items if i.kind not in URGENT_KINDS]
        for title, items in ((_tr("紧急"), urgent), (_tr("今天要办"), other)):
            if items:
                self._add_group_row(title, len(items), red=items is urgent)
                for item in items:
                    self._add_item_row(item)
        group_height = int(self.table.fontMetrics().height() * 1.6)
        for row in range(self.table.rowCount()):
            if not self.student_id_at(row) and self.table.columnSpan(row, 0) > 1:
                self.table.setRowHeight(row, group_height)
        if self.table.rowCount() > 1:
            # Enter works at once, but no row is highlighted: the blue would hide the red.
            self.table.setCurrentCell(1, 0)
            self.table.clearSelection()

    def _add_group_row(self, title: str, count: int, *, red: bool) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        cell = QTableWidgetItem(_tr("{title}（{n} 件）").format(title=title, n=count))
        font = QFont(self.font())
        font.setBold(True)
        cell.setFont(font)
        cell.setBackground(QBrush(_GROUP_BACKGROUND))
        if red:
            cell.setForeground(QBrush(URGENT_COLOUR))
        cell.setFlags(Qt.ItemFlag.ItemIsEnabled)
        self.table.setItem(row, 0, cell)
        self.table.setSpan(row, 0, 1, len(self.COLUMNS))

    def _add_item_row(self, item: TodayItem) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        texts: list[Any] = [
            _tr(KIND_LABELS.get(item.kind, item.kind)),
            item.name,
            grade_class_text(item.grade, item.class_name),
            item.detail,
            item.due,
        ]
        urgent = item.kind in URGENT_KINDS
        for column, text in enumerate(texts):
            cell = QTableWidgetItem(str(text))
            cell.setData(STUDENT_ID_ROLE, item.student_id)
            cell.setData(KIND_ROLE, item.kind)
            if item.form:
                cell.setData(FORM_ROLE, (item.form, item.period))
            if urgent:
                cell.setForeground(QBrush(URGENT_COLOUR))
            if column == 0:
                font = QFont(self.font())
                font.setBold(True)
                cell.setFont(font)
            if item.student_id:
                cell.setToolTip(_tr("双击或按回车键打开学生页面"))
            elif item.form:
                cell.setToolTip(_tr("双击或按回车键打印"))
            else:
                cell.setToolTip(_tr("双击或按回车键办理"))
            self.table.setItem(row, column, cell)
