"""Who is at the keyboard: the login at start, the account parts of the main window, 切换用户.

`run_session(app, ledger)` is the desktop app's life once the ledger is open: it asks who is
there (登录, or 创建校长账户 on a ledger without accounts), opens the main window for that
account, and on 切换用户 closes the window, logs out and asks again; the new window is built for
the new role (each screen takes the role when it is made, so a new window is simpler and safer
than re-teaching the old one). Closing the app logs out too. Every login and logout is an audit
event in the core.

`install_account_ui(window, who)` adds what the main window shows of the account: the name
and role in the title bar and the status bar, 文件 → 切换用户… / 注销, 设置 → 账户管理… (the
principal) and 修改我的密码…; for a class teacher it hides the school-wide pages (统计与目标,
名单核查), whose data the core does not give her anyway.

`who` (`signed_in(ledger)`) is read before the window is made: once it exists, its worker thread
owns the ledger connection.

A county ledger too large for `quick_check` at open (store/selfcheck.py `deferred`) is checked
page by page on the worker thread once the window is up; if that finds damage, the window
closes, the ledger is released and the 台账已损坏 dialog offers the snapshots, as it would have
at start-up.

The main window itself knows nothing of accounts: tests and tools that make a `MainWindow` on a
ledger without accounts get the app as it was before accounts existed.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QLabel, QMenu, QMessageBox, QWidget

from dropout_ledger.errors import InputRefused, LedgerDamaged, LedgerError
from dropout_ledger.ledger import Ledger
from dropout_ledger.model.access import Permission, may
from dropout_ledger.services import accounts
from dropout_ledger.services.accounts import Account
from dropout_ledger.store import selfcheck
from dropout_ledger.store.sqlite import DatabaseError
from ui.county_view import install_county_tab
from ui.dialogs.account_dialogs import (
    AccountsDialog,
    FirstAccountDialog,
    LoginDialog,
    PasswordDialog,
    who_text,
)
from ui.main_window import MainWindow
from ui.ops import ThreadRunner
from ui.sync_ui import install_sync_ui

USER_ENV = "DROPOUT_LEDGER_USER"
PASSWORD_ENV = "DROPOUT_LEDGER_PASSWORD"
"""For the headless paths (--screenshot, --self-test) of a ledger with accounts: who logs in."""


def _tr(text: str) -> str:
    return QCoreApplication.translate("Session", text)


Ask = Callable[[Ledger], "Account | None"]


def ask_for_account(ledger: Ledger) -> Account | None:
    """Show 登录 (or 创建校长账户 when the ledger has none); the signed-in account, or None
    when the person chose 退出. The dialog's work runs on a worker thread of its own."""
    runner = ThreadRunner(ledger)
    try:
        # One small read on the GUI thread: no window is open yet to wait for it.
        dialog: LoginDialog | FirstAccountDialog = (
            LoginDialog(runner) if accounts.has_accounts(ledger) else FirstAccountDialog(runner))
        dialog.exec()
        return dialog.account
    finally:
        runner.close()


@dataclass(frozen=True)
class SignedIn:
    """Who is logged in to a ledger, as the window shows it (read before the window exists)."""

    account: Account | None
    admin: bool
    role: str


def signed_in(ledger: Ledger) -> SignedIn:
    """The signed-in account of `ledger` and whether it administers accounts."""
    account = accounts.current(ledger)
    admin = account is not None and account.role == accounts.admin_role(ledger)
    return SignedIn(account, admin, ledger.operator.role)


class AccountUi(QObject):
    """The account parts of one main window (see the module docstring)."""

    switch_requested = Signal()
    """切换用户: close this window, log out, ask who is there."""
    logout_requested = Signal()
    """注销: log out and close the program."""

    def __init__(self, window: MainWindow, who: SignedIn) -> None:
        super().__init__(window)
        self.window = window
        self.account, self.admin = who.account, who.admin
        self.suffix = _tr(" — 当前用户：{who}").format(who=who_text(self.account)) \
            if self.account is not None else ""
        text = _tr("当前用户：{who}").format(who=who_text(self.account)) \
            if self.account is not None else _tr("未登录（身份证号隐去中间部分）")
        self.user_label = QLabel(text, window)
        self.user_label.setObjectName("user_label")
        window.statusBar().addPermanentWidget(self.user_label)
        window.windowTitleChanged.connect(self._add_user_to_title)
        self._add_user_to_title(window.windowTitle())
        self._add_actions()
        if who.role and not may(who.role, Permission.WHOLE_SCHOOL):
            self._hide_school_pages()

    def _add_user_to_title(self, title: str) -> None:
        if self.suffix and not title.endswith(self.suffix):
            self.window.setWindowTitle(title + self.suffix)

    def _menu(self, object_name: str, title: str) -> QMenu | None:
        found = self.window.findChild(QMenu, object_name)
        if found is not None:
            return found
        for action in self.window.menuBar().actions():
            menu = action.menu()
            if isinstance(menu, QMenu) and menu.title() == title:
                return menu
        return None

    def _add_actions(self) -> None:
        files = self._menu("file_menu", QCoreApplication.translate("MainWindow", "文件"))
        if files is not None and self.account is not None:
            files.addSeparator()
            self.switch_action = QAction(_tr("切换用户…"), self.window)
            self.switch_action.setShortcut(QKeySequence("Ctrl+Shift+L"))
            self.switch_action.triggered.connect(self.switch_requested.emit)
            self.logout_action = QAction(_tr("注销"), self.window)
            self.logout_action.setToolTip(_tr("退出登录并关闭台账"))
            self.logout_action.triggered.connect(self.logout_requested.emit)
            files.addAction(self.switch_action)
            files.addAction(self.logout_action)
        settings = self._menu("settings_menu", "")
        if settings is not None and self.account is not None:
            settings.addSeparator()
            if self.admin:
                self.accounts_action = QAction(_tr("账户管理…"), self.window)
                self.accounts_action.triggered.connect(self.manage_accounts)
                settings.addAction(self.accounts_action)
            self.password_action = QAction(_tr("修改我的密码…"), self.window)
            self.password_action.triggered.connect(self.change_password)
            settings.addAction(self.password_action)

    def _hide_school_pages(self) -> None:
        """A class teacher's window: no school-wide figures or county list checks."""
        tabs = self.window.tabs
        hidden = [tabs.indexOf(page) for page in (self.window.dashboard, self.window.reconcile)]
        for index in hidden:
            tabs.setTabVisible(index, False)
        tabs.currentChanged.connect(
            lambda index: tabs.setCurrentWidget(self.window.table) if index in hidden else None)

    def manage_accounts(self) -> QWidget:
        dialog = AccountsDialog(self.window.runner, self.window)
        dialog.open()
        return dialog

    def change_password(self) -> QWidget:
        name = self.account.name if self.account is not None else ""
        dialog = PasswordDialog(self.window.runner, None, self.window, own_name=name)
        dialog.accepted.connect(lambda: self.window.statusBar().showMessage(
            _tr("密码已修改"), 5000))
        dialog.open()
        return dialog


def install_account_ui(window: MainWindow, who: SignedIn) -> AccountUi:
    """Show who is logged in on `window` and add the account menus (see AccountUi).

    `who` is `signed_in(ledger)`, read before `window` was made (its worker owns the ledger)."""
    return AccountUi(window, who)


class Session(QObject):
    """The desktop app from the first login to the last logout (see the module docstring)."""

    def __init__(self, app: QApplication, ledger: Ledger, *, ask: Ask = ask_for_account,
                 make_window: Callable[[Ledger], MainWindow] = MainWindow) -> None:
        super().__init__()
        self.app, self.ledger, self.ask, self.make_window = app, ledger, ask, make_window
        self.window: MainWindow | None = None
        self.account_ui: AccountUi | None = None
        self.released = False
        """True once a damaged ledger was closed for a restore: nothing may touch it again."""

    def start(self) -> bool:
        """Ask who is there and open their window; False when they chose 退出. Whoever unlocked
        an encrypted ledger is signed in already (ui/app.py) and not asked twice."""
        if accounts.current(self.ledger) is None and self.ask(self.ledger) is None:
            return False
        self._open_window()
        return True

    def _open_window(self) -> None:
        who = signed_in(self.ledger)
        self.window = self.make_window(self.ledger)
        self.account_ui = install_account_ui(self.window, who)
        self.account_ui.switch_requested.connect(self.switch_user)
        self.account_ui.logout_requested.connect(self.log_out)
        install_sync_ui(self.window)
        install_county_tab(self.window)
        self.window.show()
        if self.ledger.replica_notice:
            QMessageBox.information(self.window, _tr("台账已改用新副本"), self.ledger.replica_notice)
        if selfcheck.deferred(self.ledger.path):
            self.window.runner.query(_page_damage, on_done=self._pages_checked,
                                     parent=self.window)

    def _pages_checked(self, damage: LedgerDamaged | None) -> None:
        """The deferred page check's answer: nothing to do, or stop and offer the snapshots
        (the file must be closed before a backup can take its place)."""
        if damage is None or self.window is None:
            return
        from ui.dialogs.damaged_dialog import offer_restore  # only a damaged ledger needs it

        quits = self.app.quitOnLastWindowClosed()
        self.app.setQuitOnLastWindowClosed(False)
        try:
            self._close_damaged_window()
            if offer_restore(damage, self.ledger.path):
                QMessageBox.information(None, _tr("台账已恢复"), _tr(
                    "台账已从备份恢复，损坏的文件保存在备份文件夹里。请重新打开程序。"))
        finally:
            self.app.setQuitOnLastWindowClosed(quits)
            self.app.quit()

    def _close_window(self) -> None:
        """Close the window (joining its worker thread) and log out."""
        window, self.window = self.window, None
        if window is not None:
            window.close()
            window.deleteLater()
        accounts.sign_out(self.ledger)

    def _close_damaged_window(self) -> None:
        """Close the window and release the file; the logout is recorded if the file still
        takes a write (a damaged page may refuse it, which must not stop the restore)."""
        window, self.window = self.window, None
        if window is not None:
            window.close()
            window.deleteLater()
        try:
            accounts.sign_out(self.ledger)
        except (LedgerError, DatabaseError):
            pass
        self.ledger.close()
        self.released = True

    def switch_user(self) -> None:
        """切换用户: the next person logs in to a new window; 退出 at the login ends the app."""
        quits = self.app.quitOnLastWindowClosed()
        self.app.setQuitOnLastWindowClosed(False)  # no window for a moment: not the end
        try:
            self._close_window()
            if self.ask(self.ledger) is None:
                self.app.quit()
                return
            self._open_window()
        finally:
            self.app.setQuitOnLastWindowClosed(quits)

    def log_out(self) -> None:
        """注销: log out and close the program (a shared laptop left at the login)."""
        self._close_window()
        self.app.quit()

    def finish(self) -> None:
        """After the event loop: log out whoever is still logged in."""
        if not self.released and accounts.current(self.ledger) is not None:
            accounts.sign_out(self.ledger)


def _page_damage(ledger: Ledger) -> LedgerDamaged | None:
    """SQLite's `quick_check` of every page, on the worker thread: the damage, or None."""
    try:
        selfcheck.quick_check(ledger.conn, ledger.path)
    except LedgerDamaged as damage:
        damage.key = ledger.key  # an encrypted ledger's snapshots open with its key (0021)
        return damage
    return None


def run_session(app: QApplication, ledger: Ledger) -> int:
    """Log in, run the main window until the app quits, log out; the exit code."""
    session = Session(app, ledger)
    if not session.start():
        return 0
    try:
        return app.exec()
    finally:
        if session.window is not None:
            session.window.close()
        session.finish()


def missing_login_message() -> str:
    """Why a headless run of a ledger with accounts stopped: no user in the environment."""
    return _tr("这个台账已设置账户：请用环境变量 {user} 和 {password} 指定登录的账户和密码。") \
        .format(user=USER_ENV, password=PASSWORD_ENV)


def sign_in_headless(ledger: Ledger) -> bool:
    """For --screenshot and --self-test: log in as DROPOUT_LEDGER_USER with
    DROPOUT_LEDGER_PASSWORD when the ledger has accounts. False (the reason printed) when it
    has accounts and no one could log in; nobody logs in to a ledger without accounts."""
    if not accounts.has_accounts(ledger) or accounts.current(ledger) is not None:
        return True  # no accounts; or signed in already, by the unlock of an encrypted ledger
    name, password = os.environ.get(USER_ENV, ""), os.environ.get(PASSWORD_ENV)
    if not name or password is None:
        print(missing_login_message(), file=sys.stderr)
        return False
    try:
        accounts.login(ledger, name, password)
    except InputRefused as refused:
        print(refused.message, file=sys.stderr)
        return False
    return True
