"""台账已损坏: shown at start-up when the self-check refuses the ledger, before any window.

The core refused the file (`LedgerDamaged`, store/selfcheck.py): SQLite cannot read it, its
`quick_check` failed, or a recent hash-chain link is broken. Nothing is open, so there is no
runner: the dialog lists the ledger's snapshots itself (each opened read-only) and restores with
`dropout_ledger.ledger.restore`, which keeps the damaged file byte for byte (`.damaged` in the
backup folder) before putting the backup in its place. A backup elsewhere (the USB stick) can be
chosen too. The app then opens the restored ledger as usual; 退出 leaves everything untouched.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
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

from dropout_ledger import ledger as ledger_module
from dropout_ledger.errors import LedgerDamaged, LedgerError
from dropout_ledger.services import backups
from dropout_ledger.store.backup import backup_dir
from ui.dialogs.backup_dialog import ERROR_COLOUR, REASONS, BackupDialog, _size_text
from ui.errors import show_error


def _tr(text: str) -> str:
    return QCoreApplication.translate("DamagedDialog", text)


class DamagedDialog(QDialog):
    """The damage in plain words, the ledger's snapshots, and 从此备份恢复 / 从其他备份文件恢复."""

    def __init__(self, error: LedgerDamaged, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path = Path(path)
        self.key = error.key  # an encrypted ledger's data key: its snapshots need it (0021)
        self.restored: Path | None = None
        """The backup the ledger was restored from, once it was."""
        self.setWindowTitle(_tr("台账已损坏"))
        self.resize(760, 460)

        self.problem = QLabel(error.message)
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet(f"color: {ERROR_COLOUR};")
        self.problem.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.advice = QLabel(_tr(
            "台账没有打开，文件没有任何改动。请从下面选一个损坏之前的备份恢复（一般选最新的一个）。"
            "恢复前，现在这个文件会原样另存到备份文件夹，不会丢失，需要时可交给县教育局检查。"))
        self.advice.setWordWrap(True)

        self.infos = backups.list_backups(self.path, self.key)
        self.table = QTableWidget(len(self.infos), len(BackupDialog.COLUMNS))
        self.table.setHorizontalHeaderLabels(
            [QCoreApplication.translate("BackupDialog", c) for c in BackupDialog.COLUMNS])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self._fill()
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.empty = QLabel(_tr("这台电脑上没有这份台账的备份。如果U盘上有备份，请点“从其他备份文件恢复…”。"))
        self.empty.setWordWrap(True)
        self.empty.setVisible(not self.infos)

        self._build_buttons()
        layout = QVBoxLayout(self)
        layout.addWidget(self.problem)
        layout.addWidget(self.advice)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addLayout(self.buttons)
        self._choose_newest()
        self._update_buttons()

    def _build_buttons(self) -> None:
        self.restore_button = QPushButton(_tr("从此备份恢复…"))
        self.restore_button.clicked.connect(self.restore_selected)
        self.file_button = QPushButton(_tr("从其他备份文件恢复…"))
        self.file_button.clicked.connect(self.restore_from_file)
        self.folder_button = QPushButton(_tr("打开备份文件夹"))
        self.folder_button.clicked.connect(self.open_folder)
        self.quit_button = QPushButton(_tr("退出"))
        self.quit_button.clicked.connect(self.reject)
        self.buttons = QHBoxLayout()
        for button in (self.restore_button, self.file_button):
            button.setAutoDefault(False)
            self.buttons.addWidget(button)
        self.buttons.addStretch(1)
        self.buttons.addWidget(self.folder_button)
        self.buttons.addWidget(self.quit_button)

    def _fill(self) -> None:
        for row, info in enumerate(self.infos):
            reason = REASONS.get(info.reason)
            cells = [
                info.taken_at.strftime("%Y-%m-%d %H:%M"),
                QCoreApplication.translate("BackupDialog", reason) if reason else info.reason,
                "" if info.students is None else str(info.students),
                "" if info.events is None else str(info.events),
                _size_text(info.size),
                _tr("已损坏，不能用来恢复") if info.damaged else _tr("完好"),
            ]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if info.damaged:
                    item.setForeground(Qt.GlobalColor.darkRed)
                    item.setToolTip(info.problem)
                self.table.setItem(row, column, item)

    def _choose_newest(self) -> None:
        """Preselect the newest sound backup: what a principal should almost always pick."""
        for row, info in enumerate(self.infos):
            if not info.damaged:
                self.table.selectRow(row)
                return

    def selected(self) -> backups.BackupInfo | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self.infos):
            return None
        return self.infos[rows[0].row()]

    def _update_buttons(self) -> None:
        chosen = self.selected()
        self.restore_button.setEnabled(chosen is not None and not chosen.damaged)
        if chosen is None:
            self.restore_button.setToolTip(_tr("先在列表中选中一个备份。"))
        elif chosen.damaged:
            self.restore_button.setToolTip(_tr("这个备份已损坏，不能用来恢复。请选择另一个。"))
        else:
            self.restore_button.setToolTip("")
        self.folder_button.setEnabled(backup_dir(self.path).is_dir())

    def confirm(self, name: str) -> bool:
        answer = QMessageBox.warning(
            self, _tr("从备份恢复"),
            _tr("确定用备份 {name} 替换已损坏的台账吗？\n\n备份之后录入的内容不在备份里，需要重新录入。"
                "已损坏的文件会原样保留在备份文件夹中。").format(name=name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def restore_selected(self) -> None:
        info = self.selected()
        if info is not None and not info.damaged and self.confirm(
                info.taken_at.strftime("%Y-%m-%d %H:%M")):
            self.restore(info.path)

    def choose_file(self) -> Path | None:
        chosen, _ = QFileDialog.getOpenFileName(
            self, _tr("选择备份文件"), "", _tr("台账备份 (*.sqlite);;所有文件 (*)"))
        return Path(chosen) if chosen else None

    def restore_from_file(self) -> None:
        chosen = self.choose_file()
        if chosen is not None and self.confirm(chosen.name):
            self.restore(chosen)

    def restore(self, backup_file: Path) -> None:
        """Restore now (a few seconds at most: nothing else is running); accept on success."""
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            ledger_module.restore(self.path, backup_file, key=self.key)
        except (LedgerError, OSError) as error:
            QGuiApplication.restoreOverrideCursor()
            show_error(self, error if isinstance(error, LedgerError) else LedgerError(
                _tr("恢复没有完成（{reason}），台账文件没有改动。请换一个备份再试。").format(
                    reason=error.strerror or error)))
            return
        QGuiApplication.restoreOverrideCursor()
        self.restored = backup_file
        self.accept()

    def open_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(backup_dir(self.path))))


def offer_restore(error: LedgerDamaged, path: Path) -> bool:
    """Show the dialog; True when the ledger was restored and may now be opened."""
    dialog = DamagedDialog(error, path)
    return dialog.exec() == QDialog.DialogCode.Accepted and dialog.restored is not None
