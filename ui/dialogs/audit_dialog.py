"""操作日志 (查看 → 操作日志): every export, print, import, restore, backup and login, and who did it.

The core reads the log (`dropout_ledger/services/audit.py`): `audit` events of the ledger's own
hash-chained event log, each in Chinese with any pupil named by name and masked ID. The screen
filters by a date range and by kind of operation, and 打印… opens the print dialog on the
printed log (`print audit-log`) for the month of the range's end, for the county's inspection.
Reading scans the events, so it runs through `runner.query` (170 ms on a county ledger).
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dropout_ledger.ledger import Ledger
from dropout_ledger.services import audit
from ui.i18n import QT_TRANSLATE_NOOP
from ui.ops import Runner


def _tr(text: str) -> str:
    return QCoreApplication.translate("AuditDialog", text)


ACTION_LABELS: dict[str, str] = {
    "export": QT_TRANSLATE_NOOP("AuditDialog", "导出Excel"),
    "print": QT_TRANSLATE_NOOP("AuditDialog", "打印"),
    "import_roster": QT_TRANSLATE_NOOP("AuditDialog", "导入花名册"),
    "import_list": QT_TRANSLATE_NOOP("AuditDialog", "导入核查名单"),
    "restore": QT_TRANSLATE_NOOP("AuditDialog", "从备份恢复"),
    "backup": QT_TRANSLATE_NOOP("AuditDialog", "备份到U盘或文件"),
    "backup_now": QT_TRANSLATE_NOOP("AuditDialog", "立即备份"),
    "login": QT_TRANSLATE_NOOP("AuditDialog", "登录"),
    "login_failed": QT_TRANSLATE_NOOP("AuditDialog", "登录失败"),
    "logout": QT_TRANSLATE_NOOP("AuditDialog", "退出登录"),
    "account_create": QT_TRANSLATE_NOOP("AuditDialog", "新建账户"),
    "account_role": QT_TRANSLATE_NOOP("AuditDialog", "更改角色"),
    "account_locked": QT_TRANSLATE_NOOP("AuditDialog", "账户锁定"),
    "account_unlock": QT_TRANSLATE_NOOP("AuditDialog", "解除锁定"),
    "account_disable": QT_TRANSLATE_NOOP("AuditDialog", "停用账户"),
    "account_enable": QT_TRANSLATE_NOOP("AuditDialog", "启用账户"),
    "password_change": QT_TRANSLATE_NOOP("AuditDialog", "修改密码"),
    "password_reset": QT_TRANSLATE_NOOP("AuditDialog", "重置密码"),
    "password_rehash": QT_TRANSLATE_NOOP("AuditDialog", "密码存储升级"),
    "enroll_school": QT_TRANSLATE_NOOP("AuditDialog", "登记学校入网"),
    "confirm_school": QT_TRANSLATE_NOOP("AuditDialog", "确认学校入网"),
    "join": QT_TRANSLATE_NOOP("AuditDialog", "加入县级台账"),
    "key_change": QT_TRANSLATE_NOOP("AuditDialog", "更换密钥"),
    "sync_export": QT_TRANSLATE_NOOP("AuditDialog", "导出同步文件"),
    "sync_import": QT_TRANSLATE_NOOP("AuditDialog", "导入同步文件"),
    "publish_list": QT_TRANSLATE_NOOP("AuditDialog", "发布县级名单"),
    "notice_read": QT_TRANSLATE_NOOP("AuditDialog", "阅读县里通知"),
    "fork_restart": QT_TRANSLATE_NOOP("AuditDialog", "分叉后启用新副本"),
    "dispute": QT_TRANSLATE_NOOP("AuditDialog", "对县里更正提出异议"),
}
"""The core's action names (services/audit.ACTIONS) for translation; a test keeps them equal."""

DEFAULT_DAYS = 31
"""The range shown at first: the last month, what an inspection usually asks about."""


def action_label(code: str) -> str:
    return _tr(ACTION_LABELS[code]) if code in ACTION_LABELS else audit.ACTIONS.get(code, code)


class AuditDialog(QDialog):
    """The log as a table (时间, 操作员, 操作, 内容), filtered by 从/到 dates and 操作."""

    COLUMNS = (
        QT_TRANSLATE_NOOP("AuditDialog", "时间"),
        QT_TRANSLATE_NOOP("AuditDialog", "操作员"),
        QT_TRANSLATE_NOOP("AuditDialog", "操作"),
        QT_TRANSLATE_NOOP("AuditDialog", "内容"),
    )

    def __init__(self, runner: Runner, role: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner, self.role = runner, role
        self.entries: list[audit.AuditEntry] = []
        self.setWindowTitle(_tr("操作日志"))
        self.resize(900, 520)
        self._build()
        self.runner.query(lambda ledger: (ledger.clock.today(), audit.actions_present(ledger)),
                          on_done=self._loaded, parent=self)

    def _build(self) -> None:
        self.start_edit, self.end_edit = QDateEdit(), QDateEdit()
        for edit in (self.start_edit, self.end_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.action_combo = QComboBox()
        self.action_combo.addItem(_tr("全部操作"), "")
        self.count_label = QLabel()
        self.table = QTableWidget(0, len(self.COLUMNS))
        self.table.setHorizontalHeaderLabels([_tr(c) for c in self.COLUMNS])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(False)  # one line per operation; the whole text in its tooltip
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.print_button = QPushButton(_tr("打印…"))
        self.print_button.setToolTip(_tr("打印“到”日期所在月份的操作日志，供县里检查。"))
        self.print_button.clicked.connect(self.print_log)
        self.close_button = QPushButton(_tr("关闭"))
        self.close_button.clicked.connect(self.accept)

        filters = QHBoxLayout()
        for text, widget in ((_tr("从"), self.start_edit), (_tr("到"), self.end_edit),
                             (_tr("操作"), self.action_combo)):
            filters.addWidget(QLabel(text))
            filters.addWidget(widget)
        filters.addStretch(1)
        filters.addWidget(self.count_label)
        buttons = QHBoxLayout()
        buttons.addWidget(QLabel(_tr("学生身份证号已隐去中间数字。日志是台账记录的一部分，不能修改或删除。")))
        buttons.addStretch(1)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

    def _loaded(self, loaded: tuple[dt.date, list[str]]) -> None:
        today, actions = loaded
        for code in actions:
            self.action_combo.addItem(action_label(code), code)
        self.end_edit.setDate(QDate(today.year, today.month, today.day))
        start = today - dt.timedelta(days=DEFAULT_DAYS)
        self.start_edit.setDate(QDate(start.year, start.month, start.day))
        for edit in (self.start_edit, self.end_edit):
            edit.dateChanged.connect(self.reload)
        self.action_combo.currentIndexChanged.connect(self.reload)
        self.reload()

    def selection(self) -> tuple[dt.date, dt.date, set[str] | None]:
        """The chosen range (swapped if given backwards) and action (None: all)."""
        start = self.start_edit.date().toPython()
        end = self.end_edit.date().toPython()
        assert isinstance(start, dt.date) and isinstance(end, dt.date)
        code = str(self.action_combo.currentData() or "")
        return min(start, end), max(start, end), ({code} if code else None)

    def reload(self) -> None:
        start, end, actions = self.selection()

        def read(ledger: Ledger) -> list[audit.AuditEntry]:
            return audit.entries(ledger, start=start, end=end, actions=actions)

        self.runner.query(read, on_done=self._show, parent=self)

    def _show(self, entries: list[audit.AuditEntry]) -> None:
        self.entries = entries
        self.table.setRowCount(len(entries))
        for row, entry in enumerate(entries):
            cells = (entry.when.strftime("%Y-%m-%d %H:%M") if entry.when else "",
                     entry.operator, action_label(entry.action), entry.detail)
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(row, column, item)
        self.count_label.setText(_tr("共 {n} 条").format(n=len(entries)))

    def print_log(self) -> None:
        """The print dialog on 操作日志, for the month of the range's end."""
        from ui.dialogs.print_dialog import PrintDialog  # noqa: PLC0415  (loads reportlab)

        end = self.selection()[1]
        dialog = PrintDialog(self.runner, self.role, None, self)
        dialog.select_form("audit-log")
        dialog.select_period(f"{end.year:04d}-{end.month:02d}")
        dialog.open()
