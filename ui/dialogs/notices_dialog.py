"""县里通知: the county's decisions that name this school, to read and acknowledge.

A county decides a child on two rolls, a transfer or a fork (sync/identity.py, notices.py); the
decision reaches the school in the next county package and is listed here, newest first. 知道了
writes the acknowledgement, which travels back to the county with the school's next package.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dropout_ledger.ledger import Ledger
from dropout_ledger.model.changes import Changes
from dropout_ledger.sync import notices
from dropout_ledger.sync.notices import Notice
from ui.i18n import QT_TRANSLATE_NOOP
from ui.ops import Runner


def _tr(text: str) -> str:
    return QCoreApplication.translate("NoticesDialog", text)


_TOPICS = {
    "identity": QT_TRANSLATE_NOOP("NoticesDialog", "身份核查"),
    "fork": QT_TRANSLATE_NOOP("NoticesDialog", "记录分叉"),
    "dispute": QT_TRANSLATE_NOOP("NoticesDialog", "异议答复"),
}
"""The notice topics of sync/notices.py; an unknown one (a newer county) is shown as it is."""


class NoticesDialog(QDialog):
    """The county's notices for this school, unread first; 知道了 acknowledges one."""

    def __init__(self, runner: Runner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.notices: list[Notice] = []
        self.setWindowTitle(_tr("县里通知"))
        self.resize(760, 420)
        self.summary = QLabel()
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels([_tr("日期"), _tr("事项"), _tr("内容"), _tr("状态")])
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setWordWrap(True)
        self.table.horizontalHeader().setStretchLastSection(False)
        self.table.horizontalHeader().setSectionResizeMode(2, self.table.horizontalHeader()
                                                           .ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.ack_button = QPushButton(_tr("知道了"))
        self.ack_button.setEnabled(False)
        self.ack_button.clicked.connect(self.acknowledge)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.ack_button)
        row.addStretch(1)
        row.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        self.reload()

    def reload(self) -> None:
        self.runner.query(notices.notices, on_done=self._loaded, parent=self)

    def _loaded(self, found: list[Notice]) -> None:
        newest = sorted(found, key=lambda n: n.wall, reverse=True)
        self.notices = sorted(newest, key=lambda n: n.acknowledged)  # unread first
        unread = sum(not n.acknowledged for n in self.notices)
        self.summary.setText(_tr("共 {n} 条通知，未读 {unread} 条。").format(
            n=len(self.notices), unread=unread) if self.notices else _tr("县里还没有发来通知。"))
        self.table.setRowCount(len(self.notices))
        for row, notice in enumerate(self.notices):
            state = _tr("已读") if notice.acknowledged else _tr("未读")
            text = notice.text + (f"（{notice.note}）" if notice.note else "")
            topic = _tr(_TOPICS[notice.topic]) if notice.topic in _TOPICS else notice.topic
            for column, value in enumerate((notice.wall[:10], topic, text, state)):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, notice.eid)
                self.table.setItem(row, column, item)
        self.table.resizeRowsToContents()
        self._selection_changed()

    def selected(self) -> Notice | None:
        rows = self.table.selectionModel().selectedRows()
        return self.notices[rows[0].row()] if rows else None

    def _selection_changed(self) -> None:
        notice = self.selected()
        self.ack_button.setEnabled(notice is not None and not notice.acknowledged)

    def acknowledge(self) -> None:
        notice = self.selected()
        if notice is None or notice.acknowledged:
            return
        eid = notice.eid

        def work(ledger: Ledger) -> Changes:
            return notices.acknowledge(ledger, eid)

        self.runner.op(work, parent=self, on_done=lambda _changes: self.reload())
