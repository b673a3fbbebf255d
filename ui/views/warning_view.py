"""预警名单: the pupils the county's early-warning rules flag, why, since when, and how often
each rule proved right on this school's own past cases.

Everything is computed by the core (`dropout_ledger.warning`): `evaluate` for the flagged pupils
and the subsidy checks, `backtest` for the rule table. This page only lays them out. Each flag is
one row per rule that holds, so the class teacher reads the facts ("近30天无故缺课4天（11月3日
起）") and the day the rule became true side by side; background rules (family, age) are grey,
because they explain a flag rather than raise it.

The subsidy checks read the restricted economic category, so they are asked for only when the
operator's role may see it (`model.access`); for anyone else the tab lists only pupils a teacher
marked 家庭经济困难. Reads go through the runner; any write on `bus.changed` reloads the page.
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
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from dropout_ledger.ledger import Ledger
from dropout_ledger.model.access import Permission, may
from dropout_ledger.model.changes import Changes
from dropout_ledger.warning.backtest import (
    COMBINED,
    SMALL_CASES,
    SMALL_HITS,
    Backtest,
    RuleScore,
    backtest,
)
from dropout_ledger.warning.evaluate import Flag, Warnings, evaluate
from dropout_ledger.warning.rules import RULES, describe
from ui.i18n import QT_TRANSLATE_NOOP
from ui.labels import grade_class_text
from ui.ops import Runner

RULE_LABELS: dict[str, str] = {
    "absence_count": QT_TRANSLATE_NOOP("WarningView", "近期多次无故缺课"),
    "absence_run": QT_TRANSLATE_NOOP("WarningView", "连续无故缺课"),
    "return_window": QT_TRANSLATE_NOOP("WarningView", "开学或节后返校期缺课"),
    "study_behaviour": QT_TRANSLATE_NOOP("WarningView", "学习或行为问题"),
    "recent_return": QT_TRANSLATE_NOOP("WarningView", "辍学后复学不久"),
    "left_behind": QT_TRANSLATE_NOOP("WarningView", "留守儿童"),
    "elderly_guardian": QT_TRANSLATE_NOOP("WarningView", "隔代监护"),
    "family_crisis": QT_TRANSLATE_NOOP("WarningView", "家庭变故或困境"),
    "overage": QT_TRANSLATE_NOOP("WarningView", "超龄"),
    COMBINED: QT_TRANSLATE_NOOP("WarningView", "预警（以上规则合起来）"),
}
"""Rule names as screens show them (the core's labels are Chinese only)."""

STUDENT_ID_ROLE = Qt.ItemDataRole.UserRole
"""Item data role holding a row's student id."""
BACKGROUND_COLOUR = QColor(110, 110, 110)
"""Text of a background rule's row: context for a flag, not its cause."""
OFF_COLOUR = QColor(150, 150, 150)
STRIPE = QColor(245, 245, 240)
"""Every other pupil's rows, so a pupil's several rules read as one block."""


def _tr(text: str) -> str:
    return QCoreApplication.translate("WarningView", text)


def rule_label(code: str) -> str:
    return _tr(RULE_LABELS[code]) if code in RULE_LABELS else code


def percent(bp: int | None) -> str:
    """Basis points as a percentage with two decimals ("33.33%"); "—" when undefined."""
    if bp is None:
        return "—"
    return f"{bp // 100}.{bp % 100:02d}%"


def date_text(iso: str) -> str:
    day = dt.date.fromisoformat(iso)
    return _tr("{y}年{m}月{d}日").format(y=day.year, m=day.month, d=day.day)


def _load_flags(restricted: bool) -> Any:
    def load(ledger: Ledger) -> Warnings:
        return evaluate(ledger.queries, ledger.settings.profile(), ledger.clock.today(),
                        restricted=restricted)
    return load


def _load_backtest(ledger: Ledger) -> tuple[Backtest, dict[str, str]]:
    profile = ledger.settings.profile()
    return (backtest(ledger.queries, profile, ledger.clock.today()),
            {rule.code: describe(rule, profile) for rule in RULES})


def _table(parent: QWidget, columns: tuple[str, ...]) -> QTableWidget:
    table = QTableWidget(0, len(columns), parent)
    table.setHorizontalHeaderLabels([_tr(c) for c in columns])
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setWordWrap(True)
    table.verticalHeader().setVisible(False)
    header = table.horizontalHeader()
    bold = QFont(parent.font())
    bold.setBold(True)
    header.setFont(bold)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    return table


class WarningView(QWidget):
    """Three tabs: the flagged pupils, the subsidy checks, and the rules with their back-test.

    Read-only. The main window connects `open_student` to the student page.
    """

    open_student = Signal(str)
    """A row naming a pupil was double-clicked or Enter was pressed on it (the student id)."""
    loaded = Signal()
    """Both answers arrived (or one failed): tests and the main window may wait on it."""

    FLAG_COLUMNS = (
        QT_TRANSLATE_NOOP("WarningView", "学生"),
        QT_TRANSLATE_NOOP("WarningView", "年级班级"),
        QT_TRANSLATE_NOOP("WarningView", "规则"),
        QT_TRANSLATE_NOOP("WarningView", "事实"),
        QT_TRANSLATE_NOOP("WarningView", "起始日期"),
    )
    CHECK_COLUMNS = (
        QT_TRANSLATE_NOOP("WarningView", "学生"),
        QT_TRANSLATE_NOOP("WarningView", "年级班级"),
        QT_TRANSLATE_NOOP("WarningView", "需要核实"),
    )
    SCORE_COLUMNS = (
        QT_TRANSLATE_NOOP("WarningView", "规则"),
        QT_TRANSLATE_NOOP("WarningView", "何时成立"),
        QT_TRANSLATE_NOOP("WarningView", "立案前命中"),
        QT_TRANSLATE_NOOP("WarningView", "误报"),
        QT_TRANSLATE_NOOP("WarningView", "准确率"),
        QT_TRANSLATE_NOOP("WarningView", "检出率"),
        QT_TRANSLATE_NOOP("WarningView", "说明"),
    )

    def __init__(self, runner: Runner, parent: QWidget | None = None, *, role: str = "") -> None:
        super().__init__(parent)
        self.runner = runner
        self.role = role
        self.warnings: Warnings | None = None
        self.result: Backtest | None = None
        self._pending = 0

        title = QFont(self.font())
        title.setPointSizeF(title.pointSizeF() * 1.5)
        title.setBold(True)
        self.title_label = QLabel(_tr("预警名单"), self)
        self.title_label.setFont(title)
        self.summary_label = QLabel(_tr("正在加载…"), self)
        self.summary_label.setWordWrap(True)

        self.flag_table = _table(self, self.FLAG_COLUMNS)
        self.check_table = _table(self, self.CHECK_COLUMNS)
        self.score_table = _table(self, self.SCORE_COLUMNS)
        self.check_label = QLabel(self)
        self.check_label.setWordWrap(True)
        self.score_label = QLabel(self)
        self.score_label.setWordWrap(True)
        self._size_columns()
        for table in (self.flag_table, self.check_table):
            table.doubleClicked.connect(lambda index, t=table: self._open_row(t, index.row()))
            table.installEventFilter(self)

        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.flag_table, _tr("需关注的学生"))
        self.tabs.addTab(self._page(self.check_label, self.check_table), _tr("资助核实"))
        self.tabs.addTab(self._page(self.score_label, self.score_table), _tr("规则和回溯检验"))

        layout = QVBoxLayout(self)
        layout.addWidget(self.title_label)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.tabs, 1)
        self.runner.bus.changed.connect(self._on_changed)
        self.refresh()

    def _page(self, label: QLabel, table: QTableWidget) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addWidget(label)
        layout.addWidget(table, 1)
        return page

    def _size_columns(self) -> None:
        metrics = self.flag_table.fontMetrics()
        for table, samples in ((self.flag_table, ("欧阳晓明明", "八年级 10班", "开学或节后返校期缺课")),
                               (self.check_table, ("欧阳晓明明", "八年级 10班"))):
            for column, sample in enumerate(samples):
                table.setColumnWidth(column, metrics.horizontalAdvance(sample) + 28)
        self.flag_table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.flag_table.setColumnWidth(4, metrics.horizontalAdvance("2026年11月22日") + 28)
        self.check_table.horizontalHeader().setSectionResizeMode(
            2, QHeaderView.ResizeMode.Stretch)
        score = self.score_table
        score.setColumnWidth(0, metrics.horizontalAdvance("开学或节后返校期缺课（信号）") + 28)
        score.setColumnWidth(1, metrics.horizontalAdvance("近30天内，开学或劳动节、国庆节后返校") + 28)
        for column in (2, 3):
            score.setColumnWidth(column, metrics.horizontalAdvance("立案前命中") + 40)
        for column in (4, 5):
            score.setColumnWidth(column, metrics.horizontalAdvance("100.00%") + 36)
        score.horizontalHeader().setSectionResizeMode(6, QHeaderView.ResizeMode.Stretch)
        score.verticalHeader().setDefaultSectionSize(int(metrics.height() * 2.6))

    # --- loading -------------------------------------------------------------------------

    def refresh(self) -> None:
        """Ask the ledger again; each answer replaces its part of the page when it arrives."""
        self._pending = 2
        restricted = may(self.role, Permission.RESTRICTED)
        self.runner.query(_load_flags(restricted), on_done=self._show_flags,
                          on_failed=self._on_failed, parent=self)
        self.runner.query(_load_backtest, on_done=self._show_backtest,
                          on_failed=self._on_failed, parent=self)

    def _on_changed(self, changes: Changes, initiator: object) -> None:
        if changes.roster or changes.status or changes.records or changes.profile:
            self.refresh()

    def _on_failed(self, error: Exception) -> None:
        self.summary_label.setText(_tr("预警名单没有加载成功"))
        self._answered()

    def _answered(self) -> None:
        self._pending -= 1
        if self._pending <= 0:
            self.loaded.emit()

    # --- the flagged pupils --------------------------------------------------------------

    def _show_flags(self, warnings: Warnings) -> None:
        self.warnings = warnings
        self.title_label.setText(_tr("预警名单 · {date}").format(date=date_text(warnings.on)))
        self.summary_label.setText(_tr(
            "在校学生 {watched} 名，按县里定的 {rules} 条规则，需关注 {n} 名。每条写明依据的事实和"
            "起始日期；规则只看出勤、班主任标记、复学经历、家庭情况和年龄，不看性别和民族；"
            "家庭经济困难只用于核实资助，不算预警。").format(
                watched=warnings.watched, rules=len(warnings.rules), n=len(warnings.flags)))
        self.tabs.setTabText(0, _tr("需关注的学生（{n}）").format(n=len(warnings.flags)))
        self.tabs.setTabText(1, _tr("资助核实（{n}）").format(n=len(warnings.subsidy_checks)))
        self._fill_flags(warnings.flags)
        self._fill_checks(warnings)
        self._answered()

    def _fill_flags(self, flags: tuple[Flag, ...]) -> None:
        table = self.flag_table
        table.setUpdatesEnabled(False)  # a county lists thousands of rows: draw once at the end
        table.setRowCount(0)
        table.clearSpans()
        table.setRowCount(sum(len(flag.hits) for flag in flags))
        line = int(table.fontMetrics().height() * 1.7)
        row = 0
        for number, flag in enumerate(flags):
            first = row
            for hit in flag.hits:
                texts = ("", "", rule_label(hit.rule), hit.detail, date_text(hit.since))
                for column, text in enumerate(texts):
                    cell = QTableWidgetItem(text)
                    cell.setData(STUDENT_ID_ROLE, flag.student_id)
                    cell.setToolTip(_tr("双击或按回车键打开学生页面"))
                    if not hit.signal:
                        cell.setForeground(QBrush(BACKGROUND_COLOUR))
                    if number % 2:
                        cell.setBackground(QBrush(STRIPE))
                    table.setItem(row, column, cell)
                table.setRowHeight(row, line)
                row += 1
            bold = QFont(self.font())
            bold.setBold(True)
            for column, text in ((0, flag.name), (1, grade_class_text(flag.grade, flag.class_name))):
                who = table.item(first, column)
                assert who is not None  # every cell of the block was set above
                who.setText(text)
                who.setForeground(QBrush(Qt.GlobalColor.black))
                if column == 0:
                    who.setFont(bold)
                who.setTextAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
                if len(flag.hits) > 1:
                    table.setSpan(first, column, len(flag.hits), 1)
        table.setCurrentCell(-1, -1)  # Enter works after a click; no row starts highlighted
        table.setUpdatesEnabled(True)

    def _fill_checks(self, warnings: Warnings) -> None:
        if may(self.role, Permission.RESTRICTED):
            self.check_label.setText(_tr(
                "家庭经济困难学生（含县里名单上的类别）本学期还没有生活补助发放记录的，请核实资助"
                "是否已落实。这里只是提醒核实，不是预警。"))
        else:
            self.check_label.setText(_tr(
                "班主任标记家庭经济困难、本学期还没有生活补助发放记录的学生，请核实资助是否已落实。"
                "家庭经济困难类别只有校长和县教育局工作人员能看到。"))
        table = self.check_table
        table.setRowCount(0)
        line = int(table.fontMetrics().height() * 1.7)
        for check in warnings.subsidy_checks:
            row = table.rowCount()
            table.insertRow(row)
            for column, text in enumerate((check.name, grade_class_text(check.grade,
                                                                         check.class_name),
                                           check.detail)):
                cell = QTableWidgetItem(text)
                cell.setData(STUDENT_ID_ROLE, check.student_id)
                table.setItem(row, column, cell)
            table.setRowHeight(row, line)
        table.setCurrentCell(-1, -1)

    # --- the rules and their back-test ---------------------------------------------------

    def _show_backtest(self, answer: tuple[Backtest, dict[str, str]]) -> None:
        self.result, holds = answer
        result = self.result
        base = percent(result.base_rate_bp)
        self.score_label.setText(_tr(
            "回溯检验：{start}至{end}，本校共 {cases} 名学生成为疑似辍学或辍学（个案），另有 {others} "
            "名学生期间在校、没有立案。命中：个案立案前 {days} 天内规则成立；误报：没有立案的学生"
            "期间规则成立过。准确率 = 命中 ÷（命中 + 误报），检出率 = 命中 ÷ 个案数。全校个案比例为 "
            "{base}，准确率明显高于它，规则才有用。{note}").format(
                start=date_text(result.period_start), end=date_text(result.on),
                cases=result.cases, others=result.non_cases, days=result.lookback_days,
                base=base, note=_overall_note(result)))
        table = self.score_table
        table.setRowCount(0)
        for score in result.rows:
            self._add_score_row(score, holds.get(score.rule, ""))
        table.setCurrentCell(-1, -1)
        self._answered()

    def _add_score_row(self, score: RuleScore, holds: str) -> None:
        table = self.score_table
        row = table.rowCount()
        table.insertRow(row)
        kind = _tr("信号") if score.signal else _tr("背景")
        name = rule_label(score.rule)
        if score.rule != COMBINED:
            name = _tr("{name}（{kind}）").format(name=name, kind=kind)
        if not score.enabled:
            name = _tr("{name}，未使用").format(name=name)
        texts = (name, holds,
                 _tr("{hits} / {cases}").format(hits=score.hits, cases=score.cases),
                 _tr("{alarms} / {others}").format(alarms=score.alarms, others=score.non_cases),
                 percent(score.precision_bp), percent(score.recall_bp), _row_note(score))
        for column, text in enumerate(texts):
            cell = QTableWidgetItem(text)
            cell.setToolTip(text)
            if column in (2, 3, 4, 5):
                cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if not score.enabled:
                cell.setForeground(QBrush(OFF_COLOUR))
            if score.rule == COMBINED:
                font = QFont(self.font())
                font.setBold(True)
                cell.setFont(font)
            table.setItem(row, column, cell)

    # --- opening a pupil -----------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Enter on a row opens its pupil, as double-click does."""
        if watched in (self.flag_table, self.check_table) and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                assert isinstance(watched, QTableWidget)
                self._open_row(watched, watched.currentRow())
                return True
        return super().eventFilter(watched, event)

    def student_id_at(self, table: QTableWidget, row: int) -> str:
        item = table.item(row, 2) or table.item(row, 0)
        return str(item.data(STUDENT_ID_ROLE) or "") if item is not None else ""

    def _open_row(self, table: QTableWidget, row: int) -> None:
        if row >= 0 and (student_id := self.student_id_at(table, row)):
            self.open_student.emit(student_id)


# The back-test's caveats, worded here (not the core's Chinese `note`) so English shows English.
def _row_note(score: RuleScore) -> str:
    fired = score.hits + score.alarms
    if score.cases == 0:
        return _tr("没有个案可检验")
    if fired == 0:
        return _tr("检验期内从未触发")
    if fired < SMALL_HITS:
        return _tr("只触发{n}次，准确率不可靠").format(n=fired)
    if score.cases < SMALL_CASES:
        return _tr("只有{n}例个案，仅供参考").format(n=score.cases)
    return ""


def _overall_note(result: Backtest) -> str:
    period = (dt.date.fromisoformat(result.on) - dt.date.fromisoformat(result.period_start)).days
    if result.cases == 0:
        return _tr("近{days}天没有新立案的疑似辍学或辍学个案，无法检验规则。").format(days=period)
    if result.cases < SMALL_CASES:
        return _tr("近{days}天只有{n}例个案：例数太少，下面的比例会随一两个学生大幅变化，"
                   "只能看出大致方向。").format(days=period, n=result.cases)
    return _tr("近{days}天共{n}例个案。").format(days=period, n=result.cases)
