"""学校异议 (county): the schools' disputes of the county's corrections, to answer one by one.

A school that disagrees with a correction (姓名, 身份证号 … the county-precedence fields) writes
提出异议 with its reason; the dispute arrives with the school's next package and waits here,
oldest first, with both values side by side. The clerk writes a reply and chooses 采纳学校的值
or 维持县里的更正 (services/disputes.py): the field is settled and the reply travels back as a
notice in the next package for that school.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dropout_ledger.ledger import Ledger
from dropout_ledger.model.changes import Changes
from dropout_ledger.services import disputes
from dropout_ledger.services.disputes import Dispute
from ui.i18n import QT_TRANSLATE_NOOP
from ui.ops import Runner


def _tr(text: str) -> str:
    return QCoreApplication.translate("DisputesDialog", text)


class DisputesDialog(QDialog):
    """The open disputes; a reply and 采纳 / 维持 answer the selected one."""

    COLUMNS = (
        QT_TRANSLATE_NOOP("DisputesDialog", "收到时间"),
        QT_TRANSLATE_NOOP("DisputesDialog", "学校"),
        QT_TRANSLATE_NOOP("DisputesDialog", "学生"),
        QT_TRANSLATE_NOOP("DisputesDialog", "项目"),
        QT_TRANSLATE_NOOP("DisputesDialog", "县里的更正"),
        QT_TRANSLATE_NOOP("DisputesDialog", "学校认为应是"),
        QT_TRANSLATE_NOOP("DisputesDialog", "学校的理由"),
    )

    def __init__(self, runner: Runner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.disputes: list[Dispute] = []
        self.setWindowTitle(_tr("学校异议"))
        self.resize(900, 460)
        self.summary = QLabel()
        self.table = QTableWidget(0, len(self.COLUMNS))
        self.table.setHorizontalHeaderLabels([_tr(c) for c in self.COLUMNS])
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(len(self.COLUMNS) - 1, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._update)
        self.reply = QPlainTextEdit()
        self.reply.setPlaceholderText(_tr("答复（学校会在“县里通知”中看到），例如：已核对户口本，按学校意见更正。"))
        self.reply.setMaximumHeight(70)
        self.reply.textChanged.connect(self._update)
        self.why_not = QLabel()
        self.why_not.setStyleSheet("color: #8a6d00;")
        self.accept_button = QPushButton(_tr("采纳学校的值"))
        self.accept_button.clicked.connect(lambda: self.answer(accept=True))
        self.uphold_button = QPushButton(_tr("维持县里的更正"))
        self.uphold_button.clicked.connect(lambda: self.answer(accept=False))
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.accept_button)
        row.addWidget(self.uphold_button)
        row.addWidget(self.why_not, 1)
        row.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(QLabel(_tr("答复：")))
        layout.addWidget(self.reply)
        layout.addLayout(row)
        self.reload()

    def reload(self) -> None:
        self.runner.query(disputes.queue, on_done=self._loaded, parent=self)

    def _loaded(self, found: list[Dispute]) -> None:
        self.disputes = found
        self.summary.setText(
            _tr("共 {n} 条异议等待答复（最早的在前）。").format(n=len(found)) if found
            else _tr("没有等待答复的学校异议。"))
        self.table.setRowCount(len(found))
        for row, case in enumerate(found):
            cells = (case.wall, case.school_name, case.student_name, case.label,
                     case.county_value, case.school_value or _tr("（未写明）"), case.note)
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, case.eid)
                self.table.setItem(row, column, item)
        self.table.resizeRowsToContents()
        if found:
            self.table.selectRow(0)
        self._update()

    def selected(self) -> Dispute | None:
        rows = self.table.selectionModel().selectedRows()
        return self.disputes[rows[0].row()] if rows else None

    def _update(self) -> None:
        case = self.selected()
        has_reply = bool(self.reply.toPlainText().strip())
        if case is None:
            why = _tr("请先在上面选一条异议。") if self.disputes else ""
        elif not has_reply:
            why = _tr("请先写答复，再选择采纳或维持。")
        else:
            why = ""
        self.why_not.setText(why)
        ready = case is not None and has_reply
        self.accept_button.setEnabled(ready and bool(case and case.school_value))
        self.uphold_button.setEnabled(ready)

    def answer(self, *, accept: bool) -> None:
        case = self.selected()
        note = self.reply.toPlainText()
        if case is None:
            return
        eid = case.eid

        def work(ledger: Ledger) -> Changes:
            return disputes.answer(ledger, eid, accept=accept, note=note)

        def done(_changes: Changes) -> None:
            self.reply.clear()
            self.reload()

        self.runner.op(work, parent=self, on_done=done)
