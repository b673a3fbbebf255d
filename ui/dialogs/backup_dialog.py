"""备份与恢复: the list of automatic snapshots with dates and counts, and three buttons.

The core does the work (`dropout_ledger/services/backups.py`, docs/decisions/0017-backups.md):
listing opens each snapshot read-only, so it runs through `runner.query`; 备份到U盘 writes an
audit event and 从此备份恢复 rewrites the ledger, so both are `runner.op` and announce their
changes (a restore redraws every screen). A restore is confirmed first with a plain warning of
what will disappear, and keeps a snapshot of the current ledger so it can itself be undone.
Damaged snapshots stay in the list, marked, and cannot be chosen for a restore.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QDesktopServices
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

from dropout_ledger.ledger import Ledger
from dropout_ledger.model.changes import Changes
from dropout_ledger.services import backups
from dropout_ledger.store.backup import KEEP_DAILY, KEEP_EVENT, backup_dir
from ui.i18n import QT_TRANSLATE_NOOP
from ui.ops import Runner


def _tr(text: str) -> str:
    return QCoreApplication.translate("BackupDialog", text)


REASONS: dict[str, str] = {
    "daily": QT_TRANSLATE_NOOP("BackupDialog", "每日自动备份"),
    "import": QT_TRANSLATE_NOOP("BackupDialog", "导入名单前"),
    "merge": QT_TRANSLATE_NOOP("BackupDialog", "同步合并前"),
    "restore": QT_TRANSLATE_NOOP("BackupDialog", "恢复前"),
    "upgrade": QT_TRANSLATE_NOOP("BackupDialog", "升级前"),
    "manual": QT_TRANSLATE_NOOP("BackupDialog", "手动备份"),
}
"""Why each snapshot was taken, as the list says it."""

ERROR_COLOUR = "#b00020"
OK_COLOUR = "#2e7d32"


def _size_text(size: int) -> str:
    if size >= 1024 * 1024:
        return _tr("{n} MB").format(n=f"{size / 1024 / 1024:.1f}")
    return _tr("{n} KB").format(n=max(1, round(size / 1024)))


class BackupDialog(QDialog):
    """Lists the ledger's backups; 立即备份, 备份到U盘…, 从此备份恢复…, 打开备份文件夹."""

    COLUMNS = (
        QT_TRANSLATE_NOOP("BackupDialog", "备份时间"),
        QT_TRANSLATE_NOOP("BackupDialog", "原因"),
        QT_TRANSLATE_NOOP("BackupDialog", "学生数"),
        QT_TRANSLATE_NOOP("BackupDialog", "记录数"),
        QT_TRANSLATE_NOOP("BackupDialog", "大小"),
        QT_TRANSLATE_NOOP("BackupDialog", "状态"),
    )

    def __init__(self, runner: Runner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.infos: list[backups.BackupInfo] = []
        self.folder: Path | None = None
        self.setWindowTitle(_tr("备份与恢复"))
        self.resize(760, 440)

        self.intro = QLabel(_tr(
            "台账会自动备份：每次导入名单、恢复之前各备份一次，每天第一次打开时备份一次。"
            "保留最近 {events} 次操作前的备份和最近 {days} 天的每日备份。"
            "备份只在这台电脑上，电脑坏了或丢了也就没了：请定期“备份到U盘”，U盘另外保管。"
        ).format(events=KEEP_EVENT, days=KEEP_DAILY))
        self.intro.setWordWrap(True)

        self.table = QTableWidget(0, len(self.COLUMNS))
        self.table.setHorizontalHeaderLabels([_tr(c) for c in self.COLUMNS])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._update_buttons)

        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.backup_button = QPushButton(_tr("立即备份"))
        self.backup_button.clicked.connect(self.backup_now)
        self.usb_button = QPushButton(_tr("备份到U盘…"))
        self.usb_button.clicked.connect(self.backup_to_usb)
        self.restore_button = QPushButton(_tr("从此备份恢复…"))
        self.restore_button.clicked.connect(self.restore_selected)
        self.folder_button = QPushButton(_tr("打开备份文件夹"))
        self.folder_button.clicked.connect(self.open_folder)
        self.close_button = QPushButton(_tr("关闭"))
        self.close_button.clicked.connect(self.accept)
        for button in (self.backup_button, self.usb_button, self.restore_button,
                       self.folder_button):
            button.setAutoDefault(False)

        buttons = QHBoxLayout()
        for button in (self.backup_button, self.usb_button, self.restore_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.folder_button)
        buttons.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status_label)
        layout.addLayout(buttons)
        self._update_buttons()
        self.reload()

    # --- the list ------------------------------------------------------------------------------

    def reload(self) -> None:
        """Read the list again (each snapshot opened read-only, off the GUI thread)."""

        def load(ledger: Ledger) -> tuple[Path, list[backups.BackupInfo], str | None]:
            return backup_dir(ledger.path), backups.list_backups(ledger.path, ledger.key), \
                ledger.backup_problem

        self.runner.query(load, on_done=self._show, parent=self)

    def _show(self, loaded: tuple[Path, list[backups.BackupInfo], str | None]) -> None:
        self.folder, self.infos, problem = loaded
        self.table.setRowCount(len(self.infos))
        for row, info in enumerate(self.infos):
            reason = REASONS.get(info.reason)
            cells = [
                info.taken_at.strftime("%Y-%m-%d %H:%M"),
                _tr(reason) if reason else info.reason,
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
                if column in (2, 3, 4):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, item)
        if not self.infos:
            self._say(_tr("还没有备份。点“立即备份”备份一次。"))
        if problem:
            self._say(problem, error=True)
        self._update_buttons()

    def selected(self) -> backups.BackupInfo | None:
        """The backup chosen in the list, if any."""
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
        self.folder_button.setEnabled(self.folder is not None)

    def _say(self, text: str, *, error: bool = False) -> None:
        colour = ERROR_COLOUR if error else OK_COLOUR
        self.status_label.setStyleSheet(f"color: {colour};")
        self.status_label.setText(text)

    # --- the buttons ---------------------------------------------------------------------------

    def backup_now(self) -> None:
        """立即备份: one more snapshot in the backup folder."""

        def done(path: Path) -> None:
            self._say(_tr("已备份：{name}").format(name=path.name))
            self.reload()

        self.runner.query(backups.backup_now, on_done=done, parent=self, progress=True)

    def choose_folder(self) -> Path | None:
        """Ask for the USB stick (or any folder); None when the person cancels."""
        chosen = QFileDialog.getExistingDirectory(self, _tr("选择U盘或文件夹"))
        return Path(chosen) if chosen else None

    def backup_to_usb(self) -> None:
        """备份到U盘…: one complete copy in the chosen folder, or a Chinese error and no file."""
        folder = self.choose_folder()
        if folder is None:
            return
        written: list[Path] = []

        def copy(ledger: Ledger) -> Changes:
            written.append(backups.backup_to_folder(ledger, folder))
            return Changes(events=1)

        def done(_changes: Changes) -> None:
            self._say(_tr("已备份到：{path}。请等U盘的指示灯停止闪烁后再拔出。").format(
                path=written[0]))

        self.runner.op(copy, parent=self, on_done=done,
                       on_failed=lambda _e: self._say(_tr("没有备份成功。"), error=True))

    def confirm_restore(self, info: backups.BackupInfo) -> bool:
        """Warn plainly what a restore throws away; the default answer is No."""
        answer = QMessageBox.warning(
            self, _tr("从备份恢复"),
            _tr("确定把台账恢复成 {time} 的备份（{students} 名学生）吗？\n\n"
                "这个时间以后录入的所有内容（学生、缺课、家访、状态变化等）都会从台账中消失。\n"
                "恢复之前，现在的台账会自动再备份一份（原因为“恢复前”），需要时可以从它恢复回来。\n"
                "恢复后本机作为新的副本继续记录，与县里同步时县里能看出这是一次恢复。").format(
                time=info.taken_at.strftime("%Y-%m-%d %H:%M"), students=info.students),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def restore_selected(self) -> None:
        """从此备份恢复…: after the warning, the chosen backup becomes the ledger."""
        info = self.selected()
        if info is None or info.damaged or not self.confirm_restore(info):
            return

        def done(_changes: Changes) -> None:
            self._say(_tr("已恢复到 {time} 的备份。").format(
                time=info.taken_at.strftime("%Y-%m-%d %H:%M")))
            self.reload()

        self.runner.op(lambda ledger: backups.restore_from(ledger, info.path), parent=self,
                       on_done=done)

    def open_folder(self) -> None:
        """Show the backup folder in Explorer (to copy a snapshot by hand)."""
        if self.folder is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.folder)))
