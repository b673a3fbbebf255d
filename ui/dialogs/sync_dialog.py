"""U盘同步: find the stick, see what is on it, write our package, import the ones for us.

One dialog for both sides of the exchange (sync.md §c.8–§c.9). It finds the removable drives
(`dropout_ledger.sync.drives`; anything else through 选择文件夹…) and lists the packages on the
chosen one with what each header says — from whom, for whom, when written, how many records —
and what it means here: for us and new, already imported, held until a fingerprint is checked,
written here for the other side, for another unit (`dropout_ledger.sync.listing`). Nothing is
decrypted to list them.

导出到U盘 writes this ledger's package(s) (`exporter.export`: temporary name, fsync, read back,
rename) and then says to wait for the message and use 安全弹出 before pulling the stick;
导入 imports the packages for us (`importer.import_files`), each all or nothing (its own
transaction at a school; at the county its own savepoint, committed 20 at a time). Both
run through the runner off the GUI thread, with its progress box, and the merge report — or
each refusal's Chinese reason and that nothing was changed — is shown in the dialog.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
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

from dropout_ledger.errors import InputRefused
from dropout_ledger.ledger import Ledger
from dropout_ledger.model.changes import Changes
from dropout_ledger.sync import drives, exporter, importer, listing
from dropout_ledger.sync.importer import Outcome
from dropout_ledger.sync.listing import PackageInfo, Situation
from ui.i18n import QT_TRANSLATE_NOOP
from ui.ops import Runner

ERROR_COLOUR = "#b00020"
OK_COLOUR = "#2e7d32"
_MUTED = QColor(110, 110, 110)
_TODO = QColor(21, 101, 192)
_BAD = QColor(176, 0, 32)


def _tr(text: str) -> str:
    return QCoreApplication.translate("SyncDialog", text)


STATE_LABELS: dict[str, str] = {
    listing.NEW: QT_TRANSLATE_NOOP("SyncDialog", "待导入"),
    listing.HELD: QT_TRANSLATE_NOOP("SyncDialog", "待核对指纹"),
    listing.BLOCKED: QT_TRANSLATE_NOOP("SyncDialog", "不能导入"),
    listing.IMPORTED: QT_TRANSLATE_NOOP("SyncDialog", "已导入"),
    listing.OUTGOING: QT_TRANSLATE_NOOP("SyncDialog", "本单位导出"),
    listing.OTHER: QT_TRANSLATE_NOOP("SyncDialog", "发给其他单位"),
    listing.ENROLLMENT: QT_TRANSLATE_NOOP("SyncDialog", "入网文件"),
    listing.UNREADABLE: QT_TRANSLATE_NOOP("SyncDialog", "无法读取"),
}
"""The 状态 column: what a package means for this ledger."""


def size_text(size: int | None) -> str:
    if size is None:
        return ""
    if size >= 1024 ** 3:
        return _tr("剩余 {n} GB").format(n=f"{size / 1024 ** 3:.1f}")
    return _tr("剩余 {n} MB").format(n=max(0, size // (1024 * 1024)))


def drive_text(drive: drives.Drive) -> str:
    """"U盘 E:\\（KINGSTON，剩余 3.2 GB）"."""
    label = "" if drive.label == drive.path.name else drive.label  # Linux: the mount point's name
    details = "，".join(part for part in (label, size_text(drive.free_bytes)) if part)
    if details:
        return _tr("U盘 {path}（{details}）").format(path=drive.path, details=details)
    return _tr("U盘 {path}").format(path=drive.path)


def describe(info: PackageInfo, own_org: str) -> str:
    """The plain-Chinese sentence for one package (the row's tooltip and the detail line)."""
    if info.state == listing.UNREADABLE:
        return _tr("{file}：无法读取。{reason}").format(file=info.path.name, reason=info.reason)
    sender = party(info.from_name, info.from_org, own_org)
    receiver = party(info.to_name, info.to_org, own_org)
    text = _tr("{file}：{sender}于 {time} 写给{receiver}，共 {n} 条记录。").format(
        file=info.path.name, sender=sender, time=info.created, receiver=receiver, n=info.events)
    tail = {
        listing.NEW: _tr("尚未导入，点“导入”导入。"),
        listing.HELD: info.reason,
        listing.BLOCKED: _tr("不能导入：{reason}").format(reason=info.reason),
        listing.IMPORTED: _tr("已于 {time} 导入过，再导入也不会有改动。").format(time=info.done),
        listing.OUTGOING: _tr("本机于 {time} 导出，请交给对方导入。").format(time=info.done)
        if info.done else _tr("本单位另一台电脑导出的文件，请交给对方导入。"),
        listing.OTHER: info.reason  # the county's copy for this school's other computer
        or _tr("不是发给本单位的，本机不导入；请交给收件单位。"),
        listing.ENROLLMENT: _tr("这是入网文件：请用“文件 → 加入县级台账…”打开它。"),
    }[info.state]
    return text + tail


def party(name: str, org: str, own_org: str) -> str:
    """Who a header names: 本单位 for ourselves, else the name and the code."""
    if org == own_org:
        return _tr("本单位")
    code = org[2:] if len(org) > 2 else org
    return _tr("{name}（{code}）").format(name=name, code=code) if name else code


@dataclass
class ImportResult:
    """What an import did: each file's outcome and the text of each saved merge report."""

    outcomes: list[Outcome] = field(default_factory=list)
    reports: dict[str, str] = field(default_factory=dict)
    """Outcome.report path → the report's text, read on the worker thread."""


def import_and_read(ledger: Ledger, files: Sequence[Path], result: ImportResult,
                    run: Callable[[Ledger], list[Outcome]] | None = None) -> Changes:
    """Worker side of 导入: import `files` (or `run`), keep the outcomes and report texts."""
    outcomes = run(ledger) if run is not None else importer.import_files(ledger, files)
    result.outcomes.extend(outcomes)
    for outcome in outcomes:
        if outcome.report:
            try:
                result.reports[outcome.report] = Path(outcome.report).read_text(encoding="utf-8")
            except OSError:
                pass  # the outcome's own headline is shown instead
    new = sum(outcome.new_events for outcome in outcomes)
    touched = new > 0
    return Changes(roster=touched, status=touched, records=touched, profile=touched, events=new)


def outcome_text(result: ImportResult) -> str:
    """The merge report as the dialog shows it: one block per file."""
    blocks = []
    for outcome in result.outcomes:
        if not outcome.accepted:
            blocks.append(_tr("{file}：没有导入。{reason}\n台账没有任何改动。").format(
                file=outcome.file, reason=outcome.reason))
        elif outcome.code == "duplicate":
            blocks.append(_tr("{file}：{reason}").format(file=outcome.file, reason=outcome.reason))
        else:
            body = result.reports.get(outcome.report, "").strip() or "\n".join(
                [outcome.reason] + [_tr("注意：{w}").format(w=w) for w in outcome.warnings])
            where = _tr("（报告已保存：{path}）").format(path=outcome.report) \
                if outcome.report else ""
            blocks.append(_tr("{file}：已导入。{where}\n{body}").format(
                file=outcome.file, where=where, body=body))
    return "\n\n".join(blocks)


@dataclass(frozen=True)
class Listing:
    """What the worker read for the dialog: our side, and the packages in the folder."""

    own_org: str
    situation: Situation
    packages: list[PackageInfo]


class SyncDialog(QDialog):
    """The U盘同步 dialog. `find_drives` is the OS boundary (tests stand in for it)."""

    imported = Signal(object)
    """An import finished: the ImportResult."""
    exported = Signal(object)
    """An export finished: the list of `exporter.Exported`."""

    COLUMNS = (
        QT_TRANSLATE_NOOP("SyncDialog", "状态"),
        QT_TRANSLATE_NOOP("SyncDialog", "来自"),
        QT_TRANSLATE_NOOP("SyncDialog", "发给"),
        QT_TRANSLATE_NOOP("SyncDialog", "写入时间"),
        QT_TRANSLATE_NOOP("SyncDialog", "记录数"),
        QT_TRANSLATE_NOOP("SyncDialog", "文件"),
    )

    def __init__(self, runner: Runner, parent: QWidget | None = None, *,
                 find_drives: Callable[[], list[drives.Drive]] | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.find_drives = find_drives or (lambda: drives.removable_drives())
        self.own_org = ""
        self.situation: Situation | None = None
        self.packages: list[PackageInfo] = []
        self.busy = False
        self.last_report = ""
        self._chosen: list[Path] = []
        self.setWindowTitle(_tr("U盘同步"))
        self.resize(860, 560)
        self._build()
        self.refresh_drives()

    # --- building -----------------------------------------------------------------------------

    def _build(self) -> None:
        self.side_label = QLabel(_tr("正在读取台账…"))
        self.side_label.setWordWrap(True)
        where = self._build_where()
        self._build_table()
        self.detail_label = QLabel()
        self.detail_label.setWordWrap(True)
        self.detail_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.report_box = QPlainTextEdit()
        self.report_box.setReadOnly(True)
        self.report_box.setVisible(False)
        self.report_box.setMinimumHeight(140)
        buttons = self._build_buttons()
        layout = QVBoxLayout(self)
        layout.addWidget(self.side_label)
        layout.addLayout(where)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.detail_label)
        layout.addWidget(self.status_label)
        layout.addWidget(self.report_box, 1)
        layout.addLayout(buttons)
        self._update_buttons()

    def _build_where(self) -> QHBoxLayout:
        self.drive_combo = QComboBox()
        self.drive_combo.setMinimumWidth(340)
        self.drive_combo.currentIndexChanged.connect(self.reload)
        self.refresh_button = QPushButton(_tr("刷新"))
        self.refresh_button.setToolTip(_tr("插入或换了U盘后点这里重新查找"))
        self.refresh_button.clicked.connect(self.refresh_drives)
        self.folder_button = QPushButton(_tr("选择文件夹…"))
        self.folder_button.setToolTip(_tr("U盘没有列出，或要用其他文件夹时，在这里选择"))
        self.folder_button.clicked.connect(self.choose_folder)
        where = QHBoxLayout()
        where.addWidget(QLabel(_tr("U盘：")))
        where.addWidget(self.drive_combo, 1)
        where.addWidget(self.refresh_button)
        where.addWidget(self.folder_button)
        return where

    def _build_table(self) -> None:
        self.table = QTableWidget(0, len(self.COLUMNS))
        self.table.setHorizontalHeaderLabels([_tr(c) for c in self.COLUMNS])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._show_selected)

    def _build_buttons(self) -> QHBoxLayout:
        self.export_button = QPushButton(_tr("导出到U盘"))
        self.export_button.clicked.connect(self.export)
        self.import_button = QPushButton(_tr("导入"))
        self.import_button.clicked.connect(self.import_packages)
        self.receipts_button = QPushButton(_tr("县里回执"))
        self.receipts_button.setToolTip(_tr("县里签名确认已收到本校多少条记录（每次导入县里的同步文件都有一份）"))
        self.receipts_button.clicked.connect(self.show_receipts)
        self.receipts_button.hide()  # a school's, shown once we know which side this is
        self.close_button = QPushButton(_tr("关闭"))
        self.close_button.clicked.connect(self.accept)
        for button in (self.refresh_button, self.folder_button, self.export_button,
                       self.import_button, self.receipts_button):
            button.setAutoDefault(False)
        buttons = QHBoxLayout()
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.receipts_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        return buttons

    # --- the drive ----------------------------------------------------------------------------

    def folder(self) -> Path | None:
        """The chosen stick or folder, or None when there is none."""
        data = self.drive_combo.currentData()
        return Path(data) if data else None

    def refresh_drives(self) -> None:
        """Look for removable drives again, keeping the chosen one if it is still there."""
        kept = self.drive_combo.currentData()
        self.drive_combo.blockSignals(True)
        self.drive_combo.clear()
        for drive in self.find_drives():
            self.drive_combo.addItem(drive_text(drive), str(drive.path))
        for folder in self._chosen:
            if self.drive_combo.findData(str(folder)) < 0:
                self.drive_combo.addItem(_tr("文件夹 {path}").format(path=folder), str(folder))
        if not self.drive_combo.count():
            self.drive_combo.addItem(_tr("没有找到U盘：请插入U盘后点“刷新”，或点“选择文件夹…”"), "")
        index = self.drive_combo.findData(kept) if kept else -1
        self.drive_combo.setCurrentIndex(max(index, 0))
        self.drive_combo.blockSignals(False)
        self.reload()

    def add_folder(self, folder: Path) -> None:
        """Use `folder` (chosen by hand) as the stick, and keep offering it."""
        if folder not in self._chosen:
            self._chosen.append(folder)
        self.refresh_drives()
        self.drive_combo.setCurrentIndex(self.drive_combo.findData(str(folder)))

    def choose_folder(self) -> None:
        """选择文件夹…: any folder (a USB hard disk, a network share) stands in for the stick."""
        chosen = QFileDialog.getExistingDirectory(self, _tr("选择U盘或文件夹"))
        if chosen:
            self.add_folder(Path(chosen))

    # --- the list -----------------------------------------------------------------------------

    def reload(self) -> None:
        """Read our side and the folder's packages again (headers only, on the worker)."""
        folder = self.folder()

        def read(ledger: Ledger) -> Listing:
            found = listing.describe_folder(ledger, folder) if folder is not None else []
            return Listing(ledger.org_id, listing.situation(ledger), found)

        self.runner.query(read, on_done=self._show, parent=self,
                          on_failed=lambda _e: self._show_empty())

    def _show_empty(self) -> None:
        self.packages = []
        self.table.setRowCount(0)
        self._update_buttons()

    def _show(self, read: Listing) -> None:
        self.own_org, self.situation, self.packages = read.own_org, read.situation, read.packages
        self.side_label.setText(self._side_text(read.situation))
        self.receipts_button.setVisible(read.situation.kind == "school")
        self.table.setRowCount(len(self.packages))
        for row, info in enumerate(self.packages):
            self._fill_row(row, info)
        self.detail_label.setText(self._folder_summary())
        self._update_buttons()

    def _side_text(self, side: Situation) -> str:
        if side.peers:
            to = _tr("、").join(side.peers) if len(side.peers) <= 3 else \
                _tr("{n} 所已确认的学校").format(n=len(side.peers))
            text = _tr("{name}：导出的同步文件发给{to}。").format(name=side.org_name, to=to)
        else:
            text = _tr("{name}：{why}").format(name=side.org_name, why=side.not_ready)
        last = _tr("上次导出：{time}。").format(time=side.last_export) if side.last_export \
            else _tr("本机还没有导出过同步文件。")
        return text + last

    def _fill_row(self, row: int, info: PackageInfo) -> None:
        unreadable = info.state == listing.UNREADABLE
        cells = [
            _tr(STATE_LABELS[info.state]),
            "" if unreadable else party(info.from_name, info.from_org, self.own_org),
            "" if unreadable else party(info.to_name, info.to_org, self.own_org),
            info.created,
            "" if unreadable else _tr("{n} 条").format(n=info.events),
            info.path.name,
        ]
        colour = _TODO if info.importable else _BAD if info.state in (
            listing.BLOCKED, listing.UNREADABLE) else _MUTED
        tip = describe(info, self.own_org)
        for column, text in enumerate(cells):
            item = QTableWidgetItem(text)
            item.setToolTip(tip)
            item.setForeground(QBrush(colour))
            if column == 4:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(row, column, item)

    def _folder_summary(self) -> str:
        folder = self.folder()
        if folder is None:
            return ""
        if not self.packages:
            return _tr("{folder} 里没有同步文件。").format(folder=folder)
        todo = len(self.importable())
        if todo:
            return _tr("{folder} 里有 {n} 个同步文件，其中 {todo} 个待导入。选中一行可看详细说明。").format(
                folder=folder, n=len(self.packages), todo=todo)
        return _tr("{folder} 里有 {n} 个同步文件，没有需要本机导入的。选中一行可看详细说明。").format(
            folder=folder, n=len(self.packages))

    def _show_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows and rows[0].row() < len(self.packages):
            self.detail_label.setText(describe(self.packages[rows[0].row()], self.own_org))
        else:
            self.detail_label.setText(self._folder_summary())

    def importable(self) -> list[PackageInfo]:
        return [info for info in self.packages if info.importable]

    def _update_buttons(self) -> None:
        folder = self.folder()
        side = self.situation
        can_export = folder is not None and side is not None and not side.not_ready
        self.export_button.setEnabled(can_export and not self.busy)
        if folder is None:
            self.export_button.setToolTip(_tr("请先插入U盘，或点“选择文件夹…”"))
        elif side is not None and side.not_ready:
            self.export_button.setToolTip(side.not_ready)
        else:
            self.export_button.setToolTip(_tr("把本机的同步文件写到 {folder}").format(folder=folder))
        todo = len(self.importable())
        self.import_button.setText(_tr("导入（{n} 个）").format(n=todo) if todo else _tr("导入"))
        self.import_button.setEnabled(bool(todo) and not self.busy)
        self.import_button.setToolTip(
            _tr("导入U盘上发给本单位、尚未导入的同步文件") if todo
            else _tr("U盘上没有需要本机导入的同步文件"))
        for widget in (self.drive_combo, self.refresh_button, self.folder_button):
            widget.setEnabled(not self.busy)

    def _say(self, text: str, *, error: bool = False) -> None:
        self.status_label.setStyleSheet(f"color: {ERROR_COLOUR if error else OK_COLOUR};")
        self.status_label.setText(text)

    def _report(self, text: str) -> None:
        self.last_report = text
        self.report_box.setPlainText(text)
        self.report_box.setVisible(bool(text))

    # --- the buttons --------------------------------------------------------------------------

    def show_receipts(self) -> None:
        """县里回执: what the county confirmed it holds, from the signed packages kept here."""
        from dropout_ledger.sync import receipts

        def done(found: list[receipts.Receipt]) -> None:
            if not found:
                self._report(_tr("还没有收到县里的同步文件，所以还没有回执。"))
                return
            self._report("\n".join([_tr("县里的签收回执（原件是“同步/收件”中县里签名的同步文件，可交检查时核验）："),
                                     *(receipt.sentence() for receipt in found)]))

        self.runner.query(receipts.receipts, on_done=done, parent=self)

    def export(self) -> None:
        """导出到U盘: write our package(s) to the chosen folder, verified, then say how to unplug."""
        folder = self.folder()
        if folder is None or self.busy:
            return
        written: list[exporter.Exported] = []

        def work(ledger: Ledger) -> Changes:
            written.extend(exporter.export(ledger, folder))
            return Changes(events=len(written))

        def done(_changes: Changes) -> None:
            self.busy = False
            lines = [_tr("{file}（发给{to}，{n} 条记录）").format(
                file=item.path.name, to=item.to_name or item.to_org, n=item.events)
                for item in written]
            self._say(_tr("已写入，请等待提示后再拔U盘；拔出前请使用“安全弹出”。"))
            self._report("\n".join(
                [_tr("已写入 {n} 个同步文件并读回核对无误：").format(n=len(written)), *lines]))
            self.exported.emit(list(written))
            self.reload()

        self._start(_tr("正在写入U盘，请不要拔U盘…"))
        self.runner.op(work, parent=self, initiator=self, on_done=done, on_failed=self._failed)

    def import_packages(self) -> None:
        """导入: import every package for us that is not imported yet, each on its own."""
        files = [info.path for info in self.importable()]
        if not files or self.busy:
            return
        result = ImportResult()

        def done(_changes: Changes) -> None:
            self.busy = False
            accepted = [o for o in result.outcomes if o.accepted]
            refused = len(result.outcomes) - len(accepted)
            if refused:
                self._say(_tr("导入完成：{ok} 个已导入，{bad} 个没有导入（原因见下）。").format(
                    ok=len(accepted), bad=refused), error=True)
            else:
                self._say(_tr("导入完成：{ok} 个同步文件已导入。").format(ok=len(accepted)))
            self._report(outcome_text(result))
            self.imported.emit(result)
            self.reload()

        self._start(_tr("正在导入，请稍候…"))
        self.runner.op(lambda ledger: import_and_read(ledger, files, result), parent=self,
                       initiator=self, on_done=done, on_failed=self._failed)

    def _start(self, text: str) -> None:
        self.busy = True
        self._say(text)
        self._update_buttons()

    def _failed(self, error: Exception) -> None:
        self.busy = False
        message = error.message if isinstance(error, InputRefused) else ""
        self._say(_tr("没有完成。{reason}").format(reason=message), error=True)
        self._update_buttons()
        self.reload()
