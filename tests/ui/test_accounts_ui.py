"""Accounts on screen, against a real demo ledger: 登录, 创建校长账户 (with the demo password
shown once), a class teacher's window (her class only, masked IDs, her name in the title),
账户管理, and 切换用户 opening a new window for the next person."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from argon2 import PasswordHasher
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from dropout_ledger.errors import LedgerDamaged
from dropout_ledger.ledger import Ledger
from dropout_ledger.services import accounts
from dropout_ledger.services.accounts import Account
from dropout_ledger.store import selfcheck
from ui.dialogs import account_dialogs, damaged_dialog
from ui.dialogs.account_dialogs import (
    AccountEditDialog,
    AccountsDialog,
    FirstAccountDialog,
    LoginDialog,
    PasswordDialog,
)
from ui.main_window import MainWindow
from ui.ops import ImmediateRunner
from ui.roster_model import COL_CLASS, COL_GRADE, COL_ID, COL_NAME, COL_XJH
from ui.session import AccountUi, Session, install_account_ui, signed_in

FULL_ID = re.compile(r"\d{17}[\dXx]")
PRINCIPAL_PW = "xiaozhang-1"
TEACHER_PW = "banzhuren-1"


@pytest.fixture(autouse=True)
def fast_hashes(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(accounts, "HASHER",
                        PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))
    yield


@pytest.fixture
def runner(ledger: Ledger) -> ImmediateRunner:
    return ImmediateRunner(ledger)


@pytest.fixture
def her_class(ledger: Ledger) -> tuple[int, str]:
    grade, class_name, _n = ledger.queries.counts_by("grade", "class_name")[0]
    return int(grade), str(class_name)


@pytest.fixture
def staffed(ledger: Ledger, her_class: tuple[int, str]) -> Ledger:
    """The demo school with a principal (signed in) and a class teacher of its first class."""
    accounts.create(ledger, name="wangxz", display_name="王校长", role="principal",
                    password=PRINCIPAL_PW)
    accounts.login(ledger, "wangxz", PRINCIPAL_PW)
    accounts.create(ledger, name="lilaoshi", display_name="李老师", role="class_teacher",
                    password=TEACHER_PW, grade=her_class[0], class_name=her_class[1])
    accounts.sign_out(ledger)
    return ledger


def shown(window: MainWindow, column: int) -> list[str]:
    model = window.model
    return [str(model.index(row, column).data()) for row in range(model.rowCount())]


# --- 登录 ------------------------------------------------------------------------------------


def test_login_dialog_says_why_in_place_and_logs_in(
    qtbot: QtBot, staffed: Ledger, runner: ImmediateRunner
) -> None:
    dialog = LoginDialog(runner)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.school_label.text() == staffed.org.name
    assert not dialog.login_button.isEnabled()  # nothing typed yet
    dialog.name_combo.setEditText("lilaoshi")
    dialog.password_edit.setText("not-her-password")
    assert dialog.login_button.isEnabled()
    dialog.login()
    assert dialog.result() != LoginDialog.DialogCode.Accepted and dialog.account is None
    assert "账户名或密码不正确" in dialog.message_label.text()
    assert "还可以再试 4 次" in dialog.message_label.text()
    assert dialog.password_edit.text() == "" and not dialog.login_button.isEnabled()
    dialog.password_edit.setText(TEACHER_PW)
    dialog.login()
    assert dialog.result() == LoginDialog.DialogCode.Accepted
    assert dialog.account is not None and dialog.account.role == "class_teacher"
    assert staffed.operator.id == dialog.account.id


def test_the_name_list_offers_enabled_accounts_only(
    qtbot: QtBot, staffed: Ledger, runner: ImmediateRunner
) -> None:
    accounts.login(staffed, "wangxz", PRINCIPAL_PW)
    accounts.set_disabled(staffed, accounts.by_name(staffed, "lilaoshi").id)
    dialog = LoginDialog(runner)
    qtbot.addWidget(dialog)
    names = [dialog.name_combo.itemText(i) for i in range(dialog.name_combo.count())]
    assert names == ["wangxz"] and dialog.name_combo.currentText() == "wangxz"


# --- 创建校长账户 ------------------------------------------------------------------------------


def test_first_start_creates_the_principal(
    qtbot: QtBot, ledger: Ledger, runner: ImmediateRunner
) -> None:
    dialog = FirstAccountDialog(runner)
    qtbot.addWidget(dialog)
    dialog.show()
    assert ledger.org.name in dialog.intro_label.text()
    dialog.name_edit.setText("zhangwei")
    dialog.display_edit.setText("张伟")
    dialog.password_edit.setText("zhangwei")
    dialog.again_edit.setText("zhangwei")
    assert not dialog.create_button.isEnabled()
    assert dialog.hint_label.text() == "密码不能与账户名或姓名相同"
    dialog.password_edit.setText("pingba-2026")
    assert dialog.hint_label.text() == "两次输入的密码不一样"
    dialog.again_edit.setText("pingba-2026")
    assert dialog.create_button.isEnabled() and dialog.hint_label.text() == ""
    dialog.create_account()
    assert dialog.result() == FirstAccountDialog.DialogCode.Accepted
    assert dialog.account is not None and dialog.account.role == "principal"
    assert ledger.operator.name == "张伟" and accounts.has_accounts(ledger)


def test_a_demo_school_may_take_a_demo_principal_shown_once(
    qtbot: QtBot, ledger: Ledger, runner: ImmediateRunner
) -> None:
    dialog = FirstAccountDialog(runner)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.demo_button.isVisible()  # the demo school is in the fictional county
    dialog.demo_button.click()
    text = dialog.demo_label.text()
    found = re.search(r"账户名：(\w+)　密码：(\w+)", text)
    assert found is not None and "只显示这一次" in text and dialog.demo_label.isVisible()
    assert dialog.create_button.text() == "进入台账" and not dialog.demo_button.isVisible()
    dialog.grab().save("/tmp/a8-first-account.png")
    dialog.create_button.click()
    assert dialog.result() == FirstAccountDialog.DialogCode.Accepted
    accounts.sign_out(ledger)
    assert accounts.login(ledger, found.group(1), found.group(2)).role == "principal"


# --- a class teacher's window ----------------------------------------------------------------


def teacher_window(qtbot: QtBot, ledger: Ledger) -> tuple[MainWindow, AccountUi]:
    accounts.login(ledger, "lilaoshi", TEACHER_PW)
    who = signed_in(ledger)
    window = MainWindow(ledger, runner=ImmediateRunner(ledger))
    qtbot.addWidget(window)
    return window, install_account_ui(window, who)


def test_a_class_teacher_sees_only_her_class_with_masked_ids(
    qtbot: QtBot, staffed: Ledger, her_class: tuple[int, str]
) -> None:
    everyone = staffed.queries.roster(limit=1000)
    mine = [r for r in everyone if (r.grade, r.class_name) == her_class]
    other = next(r for r in everyone if (r.grade, r.class_name) != her_class)
    window, _ui = teacher_window(qtbot, staffed)
    assert window.model.rowCount() == len(mine) and window.count_label.text() == \
        f"共 {len(mine)} 名学生"
    assert set(shown(window, COL_NAME)) == {r.name for r in mine}
    assert set(shown(window, COL_CLASS)) == {her_class[1]}
    assert len(set(shown(window, COL_GRADE))) == 1
    cells = shown(window, COL_ID) + shown(window, COL_XJH)
    assert cells and all("*" in c for c in cells if c) and not any(FULL_ID.search(c)
                                                                   for c in cells)
    for text in (other.name, other.id_number):  # search finds nobody of another class
        window.search_box.setText(text)
        window.refresh()
        assert other.name not in shown(window, COL_NAME)
    window.open_student(other.student_id)  # even by id, the student page has nobody
    assert window.student.data == {"student": None}
    assert window.grade_filter.count() == 2  # 全部 and her grade only


def test_her_window_names_her_and_hides_school_pages(
    qtbot: QtBot, staffed: Ledger
) -> None:
    window, ui = teacher_window(qtbot, staffed)
    assert "李老师（班主任" in window.windowTitle()
    assert staffed.org.name in window.windowTitle()  # the title the window set is kept
    assert ui.user_label.text().startswith("当前用户：李老师（班主任")
    tabs = window.tabs
    assert not tabs.isTabVisible(tabs.indexOf(window.dashboard))
    assert not tabs.isTabVisible(tabs.indexOf(window.reconcile))
    tabs.setCurrentWidget(window.reconcile)  # Ctrl+6 and the like land on the roster
    assert tabs.currentWidget() is window.table
    assert not hasattr(ui, "accounts_action") and hasattr(ui, "password_action")
    window.resize(1200, 700)
    window.show()
    window.grab().save("/tmp/a8-class-teacher.png")


def test_her_window_exports_and_prints_no_list(
    qtbot: QtBot, staffed: Ledger, boxes: Any, tmp_path: Any
) -> None:
    from ui.dialogs.export_dialog import STATS, ExportDialog
    from ui.dialogs.print_dialog import PrintDialog

    window, _ui = teacher_window(qtbot, staffed)
    export = ExportDialog(window.runner, window.role, "all", "", window)
    qtbot.addWidget(export)
    offered = [export.view_combo.itemData(i) for i in range(export.view_combo.count())]
    assert offered == [STATS] and export.role_note.isVisibleTo(export)
    printer = PrintDialog(window.runner, window.role, None, window)
    qtbot.addWidget(printer)
    printer.select_form("ledger")
    printer._print(tmp_path / "台账.pdf", open_after=False)
    assert len(boxes.shown) == 1 and "无权打印" in boxes.shown[0][1]
    assert not (tmp_path / "台账.pdf").exists()


def test_the_principal_has_account_management(qtbot: QtBot, staffed: Ledger) -> None:
    accounts.login(staffed, "wangxz", PRINCIPAL_PW)
    who = signed_in(staffed)
    window = MainWindow(staffed, runner=ImmediateRunner(staffed))
    qtbot.addWidget(window)
    ui = install_account_ui(window, who)
    assert ui.accounts_action.text() == "账户管理…"
    assert window.tabs.isTabVisible(window.tabs.indexOf(window.dashboard))
    dialog = ui.manage_accounts()
    qtbot.addWidget(dialog)
    assert isinstance(dialog, AccountsDialog) and dialog.table.rowCount() == 2


# --- 账户管理 --------------------------------------------------------------------------------


@pytest.fixture
def manager(qtbot: QtBot, staffed: Ledger, runner: ImmediateRunner) -> AccountsDialog:
    accounts.login(staffed, "wangxz", PRINCIPAL_PW)
    dialog = AccountsDialog(runner)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def cells(dialog: AccountsDialog) -> list[list[str]]:
    table = dialog.table
    return [[table.item(r, c).text() for c in range(table.columnCount())]
            for r in range(table.rowCount())]


def test_accounts_dialog_lists_and_adds(
    qtbot: QtBot, manager: AccountsDialog, staffed: Ledger, runner: ImmediateRunner,
    her_class: tuple[int, str],
) -> None:
    assert ["lilaoshi", "李老师", "班主任"] == cells(manager)[0][:3]
    assert cells(manager)[1][3] == "全校"
    edit = AccountEditDialog(runner, manager.listing.classes if manager.listing else [])
    qtbot.addWidget(edit)
    edit.name_edit.setText("zhao")
    edit.display_edit.setText("赵老师")
    edit.role_combo.setCurrentIndex(edit.role_combo.findData("class_teacher"))
    edit.password_edit.setText("zhao-2026")
    edit.again_edit.setText("zhao-2026")
    assert edit.hint_label.text() == "班主任账户须选择负责的年级和班级"
    assert not edit.save_button.isEnabled()
    edit.grade_combo.setCurrentIndex(edit.grade_combo.findData(her_class[0]))
    offered = [edit.class_combo.itemText(i) for i in range(edit.class_combo.count())]
    assert her_class[1] in offered  # the classes of that grade in the roster
    edit.class_combo.setEditText(her_class[1])
    assert edit.save_button.isEnabled()
    edit.save()
    made = accounts.by_name(staffed, "zhao")
    assert (made.role, made.grade, made.class_name) == ("class_teacher", *her_class)
    manager.refresh()
    assert "zhao" in [row[0] for row in cells(manager)]


def test_unlock_reset_and_disable_from_the_list(
    qtbot: QtBot, manager: AccountsDialog, staffed: Ledger, runner: ImmediateRunner,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for _ in range(5):
        with pytest.raises(accounts.InputRefused):
            accounts.login(staffed, "lilaoshi", "wrong-password")
    accounts.login(staffed, "wangxz", PRINCIPAL_PW)
    manager.refresh()
    assert cells(manager)[0][4] == "已锁定"
    manager.select("lilaoshi")
    assert manager.unlock_button.isEnabled()
    manager.unlock()
    assert cells(manager)[0][4] == "正常"

    manager.select("wangxz")  # one's own account: neither reset nor disabled from here
    assert not manager.reset_button.isEnabled() and not manager.disable_button.isEnabled()
    manager.select("lilaoshi")
    teacher = manager.selected()
    assert teacher is not None
    reset = PasswordDialog(runner, teacher)
    qtbot.addWidget(reset)
    reset.new_edit.setText("chongshe-1")
    reset.again_edit.setText("chongshe-1")
    reset.save()
    assert reset.result() == PasswordDialog.DialogCode.Accepted

    monkeypatch.setattr(account_dialogs.QMessageBox, "question",
                        lambda *a: QMessageBox.StandardButton.Yes)
    manager.toggle_disabled()
    assert cells(manager)[-1][::4] == ["lilaoshi", "已停用"]  # stopped accounts sort last
    assert manager.disable_button.text() == "启用"
    accounts.sign_out(staffed)
    with pytest.raises(accounts.InputRefused, match="已停用"):
        accounts.login(staffed, "lilaoshi", "chongshe-1")


def test_change_my_password(qtbot: QtBot, staffed: Ledger, runner: ImmediateRunner,
                            boxes: Any) -> None:
    accounts.login(staffed, "lilaoshi", TEACHER_PW)
    dialog = PasswordDialog(runner, None, own_name="lilaoshi")
    qtbot.addWidget(dialog)
    dialog.old_edit.setText("wrong-old")
    dialog.new_edit.setText("lilaoshi")
    dialog.again_edit.setText("lilaoshi")
    assert dialog.hint_label.text() == "密码不能与账户名或姓名相同"
    dialog.new_edit.setText("xinmima-1")
    dialog.again_edit.setText("xinmima-1")
    dialog.save()  # the core refuses the old password: one box, the dialog stays open
    assert boxes.shown == [("warning", "原密码不正确（请输入现在使用的密码）")]
    assert dialog.result() != PasswordDialog.DialogCode.Accepted
    dialog.old_edit.setText(TEACHER_PW)
    dialog.save()
    assert dialog.result() == PasswordDialog.DialogCode.Accepted


# --- 切换用户 --------------------------------------------------------------------------------


class FakeApp:
    """The QApplication calls a session makes, recorded (the test has no event loop to end)."""

    def __init__(self) -> None:
        self.quits = True
        self.quit_called = False

    def quitOnLastWindowClosed(self) -> bool:  # noqa: N802 (Qt's name)
        return self.quits

    def setQuitOnLastWindowClosed(self, value: bool) -> None:  # noqa: N802
        self.quits = value

    def quit(self) -> None:
        self.quit_called = True


def test_switch_user_opens_a_new_window_for_the_next_person(
    qtbot: QtBot, staffed: Ledger
) -> None:
    queue = [("wangxz", PRINCIPAL_PW), ("lilaoshi", TEACHER_PW)]

    def ask(ledger: Ledger) -> Account | None:
        if not queue:
            return None
        name, password = queue.pop(0)
        return accounts.login(ledger, name, password)

    def make(ledger: Ledger) -> MainWindow:
        window = MainWindow(ledger, runner=ImmediateRunner(ledger))
        qtbot.addWidget(window)
        return window

    app = FakeApp()
    session = Session(app, staffed, ask=ask, make_window=make)  # type: ignore[arg-type]
    assert session.start()
    first = session.window
    assert first is not None and "王校长" in first.windowTitle()
    session.switch_user()
    second = session.window
    assert second is not None and second is not first and not first.isVisible()
    assert "李老师" in second.windowTitle() and staffed.operator.role == "class_teacher"
    assert app.quits and not app.quit_called
    session.switch_user()  # nobody logs in: the app ends
    assert app.quit_called and session.window is None and staffed.operator.role == ""
    actions = [e.body["action"] for e in _audits(staffed)]
    assert actions[-4:] == ["login", "logout", "login", "logout"]


def _session_on_a_big_ledger(qtbot: QtBot, staffed: Ledger, monkeypatch: pytest.MonkeyPatch
                             ) -> tuple[Session, FakeApp]:
    """A session whose ledger counts as too large for quick_check at open (a county's)."""
    monkeypatch.setattr(selfcheck, "QUICK_CHECK_MAX_BYTES", 1024)

    def make(ledger: Ledger) -> MainWindow:
        window = MainWindow(ledger, runner=ImmediateRunner(ledger))
        qtbot.addWidget(window)
        return window

    app = FakeApp()
    session = Session(app, staffed, make_window=make,  # type: ignore[arg-type]
                      ask=lambda ledger: accounts.login(ledger, "wangxz", PRINCIPAL_PW))
    return session, app


def test_a_big_ledger_is_checked_page_by_page_once_the_window_is_up(
    qtbot: QtBot, staffed: Ledger, monkeypatch: pytest.MonkeyPatch
) -> None:
    checked: list[Path] = []
    real = selfcheck.quick_check
    monkeypatch.setattr(selfcheck, "quick_check",
                        lambda conn, path: (checked.append(path), real(conn, path))[1])
    session, app = _session_on_a_big_ledger(qtbot, staffed, monkeypatch)
    assert session.start()
    assert checked == [staffed.path]  # healthy: the window stays and nothing is said
    assert session.window is not None and session.window.isVisible() and not app.quit_called


def test_damage_found_after_start_closes_the_window_and_offers_the_snapshots(
    qtbot: QtBot, staffed: Ledger, monkeypatch: pytest.MonkeyPatch
) -> None:
    def damaged(conn: Any, path: Path) -> None:
        raise LedgerDamaged(f"台账 {path.name} 已损坏（SQLite 报告：page 7 is never used）", path=path)

    offered: list[str] = []

    def offer(error: LedgerDamaged, path: Path) -> bool:
        # The app let go of the file, so a restore can replace it; the staffed ledger is
        # encrypted (decision 0021) and the damage carries the key its snapshots need.
        assert error.key is not None
        with Ledger.open(path, key=error.key):
            offered.append(error.message)
        return False

    monkeypatch.setattr(selfcheck, "quick_check", damaged)
    monkeypatch.setattr(damaged_dialog, "offer_restore", offer)
    session, app = _session_on_a_big_ledger(qtbot, staffed, monkeypatch)
    session.start()
    assert len(offered) == 1 and "page 7 is never used" in offered[0]
    assert session.window is None and app.quit_called
    session.finish()  # after the event loop: must not touch the released ledger


def _audits(ledger: Ledger) -> list[Any]:
    from dropout_ledger.store.events import iter_events

    return [e for e in iter_events(ledger.conn) if e.kind == "audit"]


# --- the app as a user starts it -------------------------------------------------------------


def test_headless_app_logs_in_from_the_environment(
    staffed: Ledger, ledger_copy: Any, her_class: tuple[int, str]
) -> None:
    """A headless run (--screenshot) on a ledger with accounts: refused without a user."""
    import os

    from subprocesses import run_module

    mine = staffed.queries.count("all", filters={"grade": her_class[0],
                                                 "class_name": her_class[1]})
    staffed.close()  # the app opens the file itself
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", DROPOUT_LEDGER_LANG="zh_CN")
    env.pop("DROPOUT_LEDGER_USER", None)
    shot = Path(str(ledger_copy)).with_suffix(".png")
    refused = run_module("ui", "--ledger", ledger_copy, "--screenshot", shot, env=env)
    assert refused.returncode == 2 and "DROPOUT_LEDGER_USER" in refused.stderr
    assert not shot.exists()
    env.update(DROPOUT_LEDGER_USER="lilaoshi", DROPOUT_LEDGER_PASSWORD=TEACHER_PW)
    result = run_module("ui", "--ledger", ledger_copy, "--screenshot", shot, env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert shot.stat().st_size > 0 and mine > 0
