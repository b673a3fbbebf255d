"""The sync parts of the main window (issue 6): menus, the ⚠ 待核对 button, county mode.

`install_sync_ui(window)` adds, without the main window knowing about sync:

- 文件 → U盘同步… (Ctrl+Shift+U): the SyncDialog; and for a school 文件 → 加入县级台账…;
- 查看 → 同步冲突与更正…, and a "⚠ 待核对 N" button in the status bar while any conflict is
  open (recounted after every write);
- for a county ledger, a 县级 menu: 登记学校（制作入网文件）…, 确认学校密钥…, 注销学校密钥…, 学校异议…,
  打印县级密钥说明单…;
- the 今日待办 row 每周导出同步文件 opens the SyncDialog.

Menus are found by their titles, as `ui/session.py` finds 文件, so this works whichever of the
two is installed first. The ledger's kind (school or county) is read through the runner; with
the app's thread runner the kind-specific menus appear a moment after the window.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QUrl
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence
from PySide6.QtWidgets import QLabel, QMenu, QPushButton, QWidget

from dropout_ledger.ledger import Ledger
from dropout_ledger.model.changes import Changes
from ui.main_window import MainWindow

if TYPE_CHECKING:
    from ui.dialogs.conflict_dialog import ConflictDialog
    from ui.dialogs.county_dialogs import ConfirmSchoolDialog, EnrollSchoolDialog
    from ui.dialogs.join_dialog import JoinDialog
    from ui.dialogs.sync_dialog import SyncDialog

SYNC_SHORTCUT = "Ctrl+Shift+U"
EXPORT_TASK = "sync_export"
"""The 今日待办 kind (services/today.py) whose row opens the SyncDialog."""


def _tr(text: str) -> str:
    return QCoreApplication.translate("SyncUi", text)


def _main(text: str) -> str:
    """A title as the main window translated it (its menus' context is MainWindow)."""
    return QCoreApplication.translate("MainWindow", text)


def open_in_viewer(path: Path) -> bool:
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


class SyncUi(QObject):
    """The sync menus and button of one main window (see the module docstring)."""

    def __init__(self, window: MainWindow, kind: str | None = None) -> None:
        super().__init__(window)
        self.window = window
        self.runner = window.runner
        self.kind = ""
        self.open_file: Callable[[Path], bool] = open_in_viewer
        """How a printed PDF is shown (tests stand in for the system's viewer)."""
        self.join_action: QAction | None = None
        self.notices_action: QAction | None = None
        self.county_menu: QMenu | None = None
        self.last_dialog: QWidget | None = None

        self.sync_action = QAction(_tr("U盘同步…"), window)
        self.sync_action.setShortcut(QKeySequence(SYNC_SHORTCUT))
        self.sync_action.setToolTip(_tr("把同步文件写到U盘，或导入U盘上的同步文件"))
        self.sync_action.triggered.connect(self.open_sync)
        self.conflicts_action = QAction(_tr("同步冲突与更正…"), window)
        self.conflicts_action.triggered.connect(self.open_conflicts)
        files = self._menu(_main("文件"))
        if files is not None:
            _insert_after(files, _main("备份与恢复…"), [self.sync_action])
        views = self._menu(_main("查看"))
        if views is not None:
            views.addSeparator()
            views.addAction(self.conflicts_action)

        self.conflict_button = QPushButton(window)
        self.conflict_button.setObjectName("conflict_button")
        self.conflict_button.setFlat(True)
        self.conflict_button.setStyleSheet("color: #a05a00; font-weight: bold;")
        self.conflict_button.setToolTip(_tr("本校和县教育局对同一项填了不同的内容：点这里核对"))
        self.conflict_button.clicked.connect(self.open_conflicts)
        self.conflict_button.setVisible(False)
        window.statusBar().addPermanentWidget(self.conflict_button)
        self.recovery_label = QLabel(window)
        self.recovery_label.setObjectName("recovery_label")
        self.recovery_label.setStyleSheet("color: #a05a00;")
        self.recovery_label.setToolTip(_tr(
            "台账已加密，钥匙只由各账户的密码和县教育局保管。加入县级台账后，"
            "忘记密码时县里可以帮您找回；在那之前，所有密码都忘了台账就再也打不开。"))
        self.recovery_label.setVisible(False)
        window.statusBar().addPermanentWidget(self.recovery_label)

        window.bus.changed.connect(self._on_changed)
        window.today.open_task.connect(self._on_task)
        self.recount()
        self.recheck_recovery()
        if kind is None:
            self.runner.query(lambda ledger: ledger.org.kind, on_done=self._set_kind,
                              parent=window)
        else:
            self._set_kind(kind)

    def _menu(self, title: str) -> QMenu | None:
        for action in self.window.menuBar().actions():
            menu = action.menu()
            if isinstance(menu, QMenu) and menu.title() == title:
                return menu
        return None

    def _set_kind(self, kind: str) -> None:
        """The parts only a school or only a county has."""
        self.kind = kind
        if kind == "county":
            self._add_county_menu()
            return
        self.join_action = QAction(_tr("加入县级台账…"), self.window)
        self.join_action.setToolTip(_tr("用县教育局发来的入网文件加入县级台账"))
        self.join_action.triggered.connect(self.open_join)
        files = self._menu(_main("文件"))
        if files is not None:
            _insert_after(files, self.sync_action.text(), [self.join_action])
        self.notices_action = QAction(_tr("县里通知…"), self.window)
        self.notices_action.setToolTip(_tr("县教育局对本校学生所作的核查决定"))
        self.notices_action.triggered.connect(self.open_notices)
        views = self._menu(_main("查看"))
        if views is not None:
            views.addAction(self.notices_action)

    def _add_county_menu(self) -> None:
        menu = QMenu(_tr("县级"), self.window)
        menu.setObjectName("county_menu")
        self.enroll_action = menu.addAction(_tr("登记学校（制作入网文件）…"))
        self.enroll_action.triggered.connect(self.enroll_school)
        self.confirm_action = menu.addAction(_tr("确认学校密钥…"))
        self.confirm_action.triggered.connect(self.confirm_school)
        self.revoke_action = menu.addAction(_tr("注销学校密钥…"))
        self.revoke_action.triggered.connect(self.revoke_key)
        self.disputes_action = menu.addAction(_tr("学校异议…"))
        self.disputes_action.triggered.connect(self.open_disputes)
        menu.addSeparator()
        self.keysheet_action = menu.addAction(_tr("打印县级密钥说明单…"))
        self.keysheet_action.triggered.connect(self.print_keysheet)
        before = self.window.findChild(QMenu, "settings_menu")
        if before is not None:
            self.window.menuBar().insertMenu(before.menuAction(), menu)
        else:
            self.window.menuBar().addMenu(menu)
        self.county_menu = menu

    # --- the ⚠ 待核对 button ---------------------------------------------------------------

    def recount(self) -> None:
        self.runner.query(lambda ledger: ledger.conflicts.count(), on_done=self._show_count,
                          parent=self.window)

    def recheck_recovery(self) -> None:
        """The warning while an encrypted school ledger has no county wrap of its key."""
        self.runner.query(_recovery_warning, on_done=self._show_recovery, parent=self.window)

    def _show_recovery(self, warning: str | None) -> None:
        self.recovery_label.setText(_tr("⚠ 尚未加入县级台账：忘记密码将无法找回"))
        self.recovery_label.setVisible(warning is not None)

    def _show_count(self, count: int) -> None:
        self.conflict_button.setText(_tr("⚠ 待核对 {n}").format(n=count))
        self.conflict_button.setVisible(count > 0)

    def _on_changed(self, changes: Changes, initiator: object) -> None:
        self.recount()

    def _on_task(self, kind: str, _student_id: str) -> None:
        if kind == EXPORT_TASK:
            self.open_sync()

    # --- dialogs -----------------------------------------------------------------------------

    def _opened(self, dialog: QWidget) -> QWidget:
        self.last_dialog = dialog
        dialog.show()
        return dialog

    def open_sync(self) -> SyncDialog:
        from ui.dialogs.sync_dialog import (
            SyncDialog,  # the sync core (cryptography) loads on first use
        )

        dialog = SyncDialog(self.runner, self.window)
        dialog.exported.connect(lambda _written: self.window.today.refresh())
        self._opened(dialog)
        return dialog

    def open_join(self) -> JoinDialog:
        from ui.dialogs.join_dialog import (
            JoinDialog,  # the sync core (cryptography) loads on first use
        )

        dialog = JoinDialog(self.runner, self.window)
        dialog.print_receipt.connect(lambda: self.window.print_forms(form="join-receipt"))
        dialog.joined.connect(lambda _joined: self.window.today.refresh())
        dialog.joined.connect(lambda _joined: self.recheck_recovery())
        self._opened(dialog)
        return dialog

    def open_notices(self) -> QWidget:
        from ui.dialogs.notices_dialog import NoticesDialog  # the sync core loads on first use

        return self._opened(NoticesDialog(self.runner, self.window))

    def open_conflicts(self) -> ConflictDialog:
        from ui.dialogs.conflict_dialog import (
            ConflictDialog,  # the sync core (cryptography) loads on first use
        )

        dialog = ConflictDialog(self.runner, self.window)
        self._opened(dialog)
        return dialog

    def revoke_key(self) -> QWidget:
        from ui.dialogs.revoke_dialog import RevokeDialog  # the sync core loads on first use

        return self._opened(RevokeDialog(self.runner, self.window))

    def open_disputes(self) -> QWidget:
        from ui.dialogs.disputes_dialog import DisputesDialog  # the sync core loads on first use

        return self._opened(DisputesDialog(self.runner, self.window))

    def enroll_school(self) -> EnrollSchoolDialog:
        from ui.dialogs.county_dialogs import (
            EnrollSchoolDialog,  # the sync core (cryptography) loads on first use
        )

        dialog = EnrollSchoolDialog(self.runner, self.window)
        self._opened(dialog)
        return dialog

    def confirm_school(self) -> ConfirmSchoolDialog:
        from ui.dialogs.county_dialogs import (
            ConfirmSchoolDialog,  # the sync core (cryptography) loads on first use
        )

        dialog = ConfirmSchoolDialog(self.runner, self.window)
        self._opened(dialog)
        return dialog

    def print_keysheet(self, folder: Path | None = None) -> None:
        """打印县级密钥说明单: the PDF in the system's viewer (print it from there)."""
        target = (folder or Path(tempfile.mkdtemp(prefix="dropout-ledger-print-"))) \
            / _tr("县级密钥说明单.pdf")
        from dropout_ledger.printing import PrintRequest, PrintResult, print_form  # reportlab

        printed: list[PrintResult] = []

        def work(ledger: Ledger) -> Changes:
            printed.append(print_form(ledger, PrintRequest(form="county-keysheet"), target))
            return Changes(events=1)

        def done(_changes: Changes) -> None:
            shown = self.open_file(printed[0].file)
            self.window.statusBar().showMessage(
                _tr("已打开县级密钥说明单，请从 PDF 阅读器打印。") if shown else
                _tr("无法打开 PDF 阅读器。文件在：{file}").format(file=printed[0].file), 8000)

        self.runner.op(work, parent=self.window, on_done=done)


def _insert_after(menu: QMenu, anchor: str, actions: list[QAction]) -> None:
    """Put `actions` right after the action titled `anchor` (at the end if there is none)."""
    items = menu.actions()
    index = next((i for i, a in enumerate(items) if a.text() == anchor), None)
    following = items[index + 1] if index is not None and index + 1 < len(items) else None
    for action in actions:
        if following is None:
            menu.addAction(action)
        else:
            menu.insertAction(following, action)


def _recovery_warning(ledger: Ledger) -> str | None:
    from dropout_ledger.services import cipher  # the key file is read on the worker

    return cipher.recovery_warning(ledger)


def install_sync_ui(window: MainWindow, kind: str | None = None) -> SyncUi:
    """Add the sync menus, the ⚠ 待核对 button and county mode to `window` (see SyncUi).

    `kind` ("school" / "county") may be given when known; else it is read through the runner.
    """
    return SyncUi(window, kind)
