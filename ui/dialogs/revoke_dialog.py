"""注销学校密钥 (county): retire one of a school's keys.

Each install of a school has its own key (decision 0018). After a restore, or when a laptop is
lost or replaced, the county still holds the old key as confirmed, and writes one package per
confirmed key; a lost laptop's key must stop being trusted at once. The clerk picks the school,
sees its keys with their 30 digits, status and who confirmed them when, and revokes one after a
second question (`enrol.revoke_school_key`): that key's packages are refused from then on and no
county package is encrypted to it.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dropout_ledger.ledger import Ledger
from dropout_ledger.model.changes import Changes
from dropout_ledger.sync import enrol, listing
from dropout_ledger.sync.listing import School
from dropout_ledger.sync.trust import TrustedKey
from ui.dialogs.county_dialogs import OK_COLOUR
from ui.i18n import QT_TRANSLATE_NOOP
from ui.ops import Runner


def _tr(text: str) -> str:
    return QCoreApplication.translate("RevokeDialog", text)


STATUSES = {
    "active": QT_TRANSLATE_NOOP("RevokeDialog", "已确认"),
    "pending": QT_TRANSLATE_NOOP("RevokeDialog", "待确认"),
    "revoked": QT_TRANSLATE_NOOP("RevokeDialog", "已注销"),
}


class RevokeDialog(QDialog):
    """A school's keys; 注销所选密钥 revokes the selected one after a second question."""

    COLUMNS = (
        QT_TRANSLATE_NOOP("RevokeDialog", "密钥指纹"),
        QT_TRANSLATE_NOOP("RevokeDialog", "状态"),
        QT_TRANSLATE_NOOP("RevokeDialog", "登记时间"),
        QT_TRANSLATE_NOOP("RevokeDialog", "确认人"),
    )

    def __init__(self, runner: Runner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.keys: list[TrustedKey] = []
        self.setWindowTitle(_tr("注销学校密钥"))
        self.setMinimumWidth(640)
        intro = QLabel(_tr(
            "学校的电脑丢失、不再使用，或恢复备份后换了新密钥时，请注销旧密钥：此后用它签名的同步文件一律拒收，"
            "县里也不再给它写同步文件。"))
        intro.setWordWrap(True)
        self.school_combo = QComboBox()
        self.school_combo.currentIndexChanged.connect(self._load_keys)
        form = QFormLayout()
        form.addRow(_tr("学校："), self.school_combo)
        self.table = QTableWidget(0, len(self.COLUMNS))
        self.table.setHorizontalHeaderLabels([_tr(c) for c in self.COLUMNS])
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._update)
        self.done_label = QLabel()
        self.done_label.setWordWrap(True)
        self.done_label.setStyleSheet(f"color: {OK_COLOUR};")
        self.revoke_button = QPushButton(_tr("注销所选密钥…"))
        self.revoke_button.clicked.connect(self.revoke)
        close = QPushButton(_tr("关闭"))
        close.setAutoDefault(False)
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(self.revoke_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.done_label)
        layout.addLayout(buttons)
        self._update()
        self.runner.query(listing.schools, on_done=self._show_schools, parent=self)

    def _show_schools(self, schools: list[School]) -> None:
        self.school_combo.blockSignals(True)
        self.school_combo.clear()
        self.school_combo.addItem(_tr("请选择学校…"), "")
        for school in schools:
            self.school_combo.addItem(_tr("{name}（{code}）").format(
                name=school.name, code=school.code), school.code)
        self.school_combo.blockSignals(False)
        self._load_keys()

    def select(self, code: str) -> None:
        self.school_combo.setCurrentIndex(max(self.school_combo.findData(code), 0))

    def _load_keys(self) -> None:
        code = str(self.school_combo.currentData() or "")
        if not code:
            self._show_keys([])
            return
        self.runner.query(lambda ledger: enrol.school_keys(ledger, code),
                          on_done=self._show_keys, parent=self)

    def _show_keys(self, found: list[TrustedKey]) -> None:
        self.keys = [key for key in found if key.fingerprint]
        self.table.setRowCount(len(self.keys))
        for row, key in enumerate(self.keys):
            status = _tr(STATUSES[key.status]) if key.status in STATUSES else key.status
            for column, text in enumerate((key.fingerprint, status,
                                           key.pinned[:16].replace("T", " "),
                                           key.confirmed_by)):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self._update()

    def selected(self) -> TrustedKey | None:
        rows = self.table.selectionModel().selectedRows()
        return self.keys[rows[0].row()] if rows else None

    def _update(self) -> None:
        key = self.selected()
        self.revoke_button.setEnabled(key is not None and key.status != "revoked")

    def confirm(self, key: TrustedKey) -> bool:
        """The second question (a test answers it)."""
        answer = QMessageBox.question(self, _tr("注销学校密钥"), _tr(
            "注销指纹为 {digits} 的密钥？\n注销后不能恢复；用这把密钥签名的同步文件将一律拒收。").format(
                digits=key.fingerprint))
        return answer == QMessageBox.StandardButton.Yes

    def revoke(self) -> None:
        key = self.selected()
        code = str(self.school_combo.currentData() or "")
        if key is None or not code or not self.confirm(key):
            return
        digits = key.fingerprint

        def work(ledger: Ledger) -> Changes:
            return enrol.revoke_school_key(ledger, code, digits)

        def counted(left: int) -> None:
            self.done_label.setText(
                _tr("已注销。该校还有 {n} 把已确认的密钥。").format(n=left) if left else
                _tr("已注销。该校已没有已确认的密钥：学校重新导出后，请按新的入网回执确认。"))
            self._load_keys()

        def done(_changes: Changes) -> None:
            self.runner.query(lambda ledger: enrol.active_school_keys(ledger, code),
                              on_done=counted, parent=self)

        self.runner.op(work, parent=self, on_done=done)
