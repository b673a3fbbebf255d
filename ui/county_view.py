"""县级汇总: the county's per-school table, its townships and totals (county ledgers only).

One row per school, the schools furthest from target first (`services.county`): key status,
the last package imported, events held, gaps and forks in its chains, open conflicts, pupils on
the roll, open identity cases, and 小学辍学率, 初中辍学率 and 巩固率 against the county's targets
— red where a target is missed, and the distance from target in the last column. Below, each
township and the county. A button opens the identity queue (重复在籍 and transfers to verify).

`install_county_tab(window)` adds the page to the main window when — and only when — the ledger
is a county's: the main window calls it once; a school's window is left as it is.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dropout_ledger.model.changes import Changes
from dropout_ledger.rates import Figure
from dropout_ledger.render.charts import percent
from dropout_ledger.services.county import CountyDashboard, GroupRow, SchoolRow, county_dashboard
from ui.i18n import QT_TRANSLATE_NOOP
from ui.ops import Runner

if TYPE_CHECKING:
    from ui.main_window import MainWindow

MISSED = QColor("#C62828")
MET = QColor("#2E7D32")
PENDING = QColor("#B26A00")

SCHOOL_COLUMNS: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("CountyView", "学校"),
    QT_TRANSLATE_NOOP("CountyView", "乡镇"),
    QT_TRANSLATE_NOOP("CountyView", "密钥"),
    QT_TRANSLATE_NOOP("CountyView", "最近导入"),
    QT_TRANSLATE_NOOP("CountyView", "记录数"),
    QT_TRANSLATE_NOOP("CountyView", "断档"),
    QT_TRANSLATE_NOOP("CountyView", "分叉"),
    QT_TRANSLATE_NOOP("CountyView", "待核对冲突"),
    QT_TRANSLATE_NOOP("CountyView", "在籍人数"),
    QT_TRANSLATE_NOOP("CountyView", "身份待核"),
    QT_TRANSLATE_NOOP("CountyView", "小学辍学率"),
    QT_TRANSLATE_NOOP("CountyView", "初中辍学率"),
    QT_TRANSLATE_NOOP("CountyView", "巩固率"),
    QT_TRANSLATE_NOOP("CountyView", "入学率"),
    QT_TRANSLATE_NOOP("CountyView", "距目标"),
)
GROUP_COLUMNS: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("CountyView", "乡镇"),
    QT_TRANSLATE_NOOP("CountyView", "学校数"),
    QT_TRANSLATE_NOOP("CountyView", "在籍人数"),
    QT_TRANSLATE_NOOP("CountyView", "待核对冲突"),
    QT_TRANSLATE_NOOP("CountyView", "小学辍学率"),
    QT_TRANSLATE_NOOP("CountyView", "初中辍学率"),
    QT_TRANSLATE_NOOP("CountyView", "巩固率"),
    QT_TRANSLATE_NOOP("CountyView", "入学率"),
    QT_TRANSLATE_NOOP("CountyView", "距目标"),
)
KEY_LABELS: dict[str, str] = {
    "active": QT_TRANSLATE_NOOP("CountyView", "已确认"),
    "pending": QT_TRANSLATE_NOOP("CountyView", "待确认"),
    "revoked": QT_TRANSLATE_NOOP("CountyView", "已注销"),
    "none": QT_TRANSLATE_NOOP("CountyView", "未入网"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("CountyView", text)


def _item(text: str, *, colour: QColor | None = None, tip: str = "", bold: bool = False,
          right: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
    if colour is not None:
        item.setForeground(QBrush(colour))
    if tip:
        item.setToolTip(tip)
    if bold:
        font = item.font()
        font.setBold(True)
        item.setFont(font)
    if right:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


def figure_item(figure: Figure, *, bold: bool = False) -> QTableWidgetItem:
    """A rate: its value, red when its target is missed; numerator, denominator and target on
    hover, so the clerk can recompute it."""
    if figure.value_bp is None:
        return _item(_tr("无数据"), colour=QColor("#888888"), tip=figure.note, right=True)
    tip = _tr("{label}\n分子 {n} ÷ 分母 {d}").format(
        label=figure.label, n=figure.numerator, d=figure.denominator)
    if figure.target_bp is not None:
        rule = _tr("不高于") if figure.target_kind == "max" else _tr("不低于")
        tip += "\n" + _tr("目标：{rule} {value}").format(rule=rule,
                                                       value=percent(figure.target_bp))
    colour = MISSED if figure.met is False else None
    return _item(percent(figure.value_bp), colour=colour, tip=tip, bold=bold, right=True)


def distance_item(distance: int | None, *, bold: bool = False) -> QTableWidgetItem:
    """How far the worst figure is beyond its target (red), or 达标 (green)."""
    if distance is None:
        return _item("—", tip=_tr("没有可与目标比较的数字"), right=True)
    if distance > 0:
        return _item(_tr("差 {value} 个百分点").format(value=percent(distance).rstrip("%")),
                     colour=MISSED, bold=bold, right=True,
                     tip=_tr("最差的一项比县定目标差这么多"))
    return _item(_tr("达标"), colour=MET, bold=bold, right=True,
                 tip=_tr("有数字的各项都达到县定目标，最接近的一项还有 {value} 个百分点余量").format(
                     value=percent(-distance).rstrip("%")))


def _count_item(n: int, *, alarm: bool = False, tip: str = "") -> QTableWidgetItem:
    return _item(str(n), colour=MISSED if alarm and n else None, tip=tip, right=True)


class CountyView(QWidget):
    """The county's per-school table, townships and totals; read-only apart from the queue.

    `refresh()` asks the ledger again; `loaded` is emitted when the answer (or a failure)
    arrived. Any write that can change a figure reloads the page.
    """

    loaded = Signal()

    def __init__(self, runner: Runner, parent: QWidget | None = None, *, role: str = "") -> None:
        super().__init__(parent)
        self.runner = runner
        self.role = role
        self.data: CountyDashboard | None = None

        title = QFont(self.font())
        title.setPointSizeF(title.pointSizeF() * 1.5)
        title.setBold(True)
        self.title_label = QLabel(_tr("县级汇总"), self)
        self.title_label.setFont(title)
        self.summary_label = QLabel(_tr("正在加载…"), self)
        self.summary_label.setWordWrap(True)
        self.identity_button = QPushButton(_tr("身份核查"), self)
        self.identity_button.setToolTip(_tr("同一学生在两所学校在籍、转出与转入待核实"))
        self.identity_button.clicked.connect(self.open_identity_queue)
        self.refresh_button = QPushButton(_tr("刷新"), self)
        self.refresh_button.clicked.connect(self.refresh)
        buttons = QHBoxLayout()
        buttons.addWidget(self.identity_button)
        buttons.addWidget(self.refresh_button)
        buttons.addStretch(1)

        self.table = self._table(SCHOOL_COLUMNS)
        self.groups = self._table(GROUP_COLUMNS)
        self.groups_label = QLabel(_tr("乡镇与全县"), self)
        bold = QFont(self.font())
        bold.setBold(True)
        self.groups_label.setFont(bold)

        layout = QVBoxLayout(self)
        layout.addWidget(self.title_label)
        layout.addWidget(self.summary_label)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 3)
        layout.addWidget(self.groups_label)
        layout.addWidget(self.groups, 1)
        self.runner.bus.changed.connect(self._on_changed)
        self.refresh()

    def _table(self, columns: tuple[str, ...]) -> QTableWidget:
        table = QTableWidget(0, len(columns), self)
        table.setHorizontalHeaderLabels([_tr(c) for c in columns])
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.verticalHeader().setVisible(False)
        table.setAlternatingRowColors(True)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        return table

    # --- loading -----------------------------------------------------------------------------

    def refresh(self) -> None:
        self.runner.query(county_dashboard, on_done=self._show, on_failed=self._on_failed,
                          parent=self)

    def _on_changed(self, changes: Changes, initiator: object) -> None:
        if changes.roster or changes.status or changes.records or changes.profile:
            self.refresh()

    def _on_failed(self, error: Exception) -> None:
        self.summary_label.setText(_tr("县级汇总没有加载成功"))
        self.loaded.emit()

    def _show(self, data: CountyDashboard) -> None:
        self.data = data
        total = data.total
        over = sum(1 for r in data.schools if r.over_target)
        text = _tr("{y}年{m}月{d}日，共 {schools} 所学校、在籍 {children} 人；{over} 所学校未达到"
                   "县定目标，排在最前。辍学率为在校生辍学率口径（学年累计）；鼠标停在数字上可看"
                   "分子、分母和目标。").format(
            y=data.on.year, m=data.on.month, d=data.on.day, schools=total.schools,
            children=total.children, over=over)
        if data.duplicates_merged:
            text += _tr("另有 {n} 名学生同时在两所学校在籍，全县人数已按一人计，待身份核查。"
                        ).format(n=data.duplicates_merged)
        self.summary_label.setText(text)
        self.identity_button.setText(_tr("身份核查（{n}）").format(n=data.identity_open))
        self._fill_schools(data.schools)
        self._fill_groups([*data.townships, total])
        self.loaded.emit()

    def _fill_schools(self, rows: list[SchoolRow]) -> None:
        table = self.table
        table.setRowCount(len(rows))
        for n, row in enumerate(rows):
            key_colour = None if row.key_status == "active" and row.active_keys <= 1 else PENDING
            key_text = _tr(KEY_LABELS.get(row.key_status, row.key_status))
            key_tip = ""
            if row.active_keys > 1:
                key_text = _tr("已确认 {n} 把").format(n=row.active_keys)
                key_tip = _tr("这所学校有 {n} 把已确认的密钥（复制的台账，或恢复备份前的旧密钥），"
                              "每次导出都给每把密钥各写一份完整的同步文件。不再使用的，请在"
                              "“县级 → 注销学校密钥”中注销。").format(n=row.active_keys)
            town = row.township_name or row.township or "—"
            last = row.last_import[:16].replace("T", " ") if row.last_import else _tr("从未导入")
            forks_tip = _tr("同一台电脑的台账被复制或从旧备份恢复；下次导出时将发全部记录和通知") \
                if row.fork_pending else ""
            cells = [
                _item(row.name, tip=_tr("学校标识码 {code}").format(code=row.code)),
                _item(town, tip=row.township),
                _item(key_text, colour=key_colour, tip=key_tip),
                _item(last, tip=_tr("共导入 {n} 个同步文件").format(n=row.packages)),
                _count_item(row.chains.events),
                _count_item(row.chains.gaps, alarm=True,
                            tip=_tr("中间缺少的记录条数；下次同步会自动补齐")),
                _count_item(row.chains.forks, alarm=True, tip=forks_tip),
                _count_item(row.conflicts),
                _count_item(row.pupils, tip=_tr("其中 {n} 人同时在另一所学校在籍").format(
                    n=row.duplicates) if row.duplicates else ""),
                _count_item(row.identity_cases, alarm=True),
                figure_item(row.rates.dropout_primary),
                figure_item(row.rates.dropout_junior),
                figure_item(row.rates.consolidation),
                figure_item(row.rates.enrolment),
                distance_item(row.distance_bp),
            ]
            for column, cell in enumerate(cells):
                table.setItem(n, column, cell)

    def _fill_groups(self, groups: list[GroupRow]) -> None:
        table = self.groups
        table.setRowCount(len(groups))
        for n, group in enumerate(groups):
            last = n == len(groups) - 1
            name = _tr("全县合计") if last else group.name
            cells = [
                _item(name, bold=last),
                _count_item(group.schools),
                _count_item(group.children if last else group.pupils),
                _count_item(group.conflicts),
                figure_item(group.rates.dropout_primary, bold=last),
                figure_item(group.rates.dropout_junior, bold=last),
                figure_item(group.rates.consolidation, bold=last),
                figure_item(group.rates.enrolment, bold=last),
                distance_item(group.rates.distance_bp, bold=last),
            ]
            for column, cell in enumerate(cells):
                table.setItem(n, column, cell)

    # --- the identity queue ---------------------------------------------------------------------

    def open_identity_queue(self) -> None:
        from ui.dialogs.identity_dialog import IdentityQueueDialog

        dialog = IdentityQueueDialog(self.runner, self, role=self.role)
        dialog.open()


def install_county_tab(window: MainWindow) -> None:
    """Add the 县级汇总 page to `window` if its ledger is a county's.

    Asks through the window's runner (the ledger belongs to its worker thread); a school's
    window gets nothing. Calling it twice adds the page once.
    """

    def add(is_county: bool) -> None:
        tabs = window.tabs
        if not is_county or any(isinstance(tabs.widget(i), CountyView)
                                for i in range(tabs.count())):
            return
        tabs.addTab(CountyView(window.runner, window, role=window.role), _tr("县级汇总"))

    window.runner.query(lambda ledger: ledger.org.kind == "county", on_done=add, parent=window)


def county_view_of(window: MainWindow) -> CountyView | None:
    """The window's 县级汇总 page, if it has one."""
    tabs = window.tabs
    for i in range(tabs.count()):
        widget = tabs.widget(i)
        if isinstance(widget, CountyView):
            return widget
    return None
