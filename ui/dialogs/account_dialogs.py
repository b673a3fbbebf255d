"""Accounts on screen: 登录, 创建校长账户 (first start), 账户管理 and the password dialogs.

The core decides everything (`dropout_ledger/services/accounts.py`, decision 0020): these
dialogs collect a name and a password, hand them to the core through the runner, and show its
answer. A refused login is shown inside the login dialog, in red under the password, not in a
message box: it is the everyday case, and the box would hide the field to type again.

Like every entry dialog, the OK button stays disabled until the form is complete, and one line
under the form says what is still missing (too short, the two passwords differ, no class for a
class teacher). The core checks the same rules again.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dropout_ledger.errors import InputRefused, LedgerError
from dropout_ledger.ledger import Ledger
from dropout_ledger.model.changes import Changes
from dropout_ledger.services import accounts, cipher
from dropout_ledger.services.accounts import Account
from ui.i18n import QT_TRANSLATE_NOOP
from ui.labels import grade_text
from ui.ops import Runner

ERROR_COLOUR = "#b00020"
HINT_COLOUR = "#555555"


def _tr(text: str) -> str:
    return QCoreApplication.translate("Accounts", text)


ROLE_NAMES: dict[str, str] = {
    "principal": QT_TRANSLATE_NOOP("Accounts", "校长"),
    "registrar": QT_TRANSLATE_NOOP("Accounts", "学籍管理员"),
    "class_teacher": QT_TRANSLATE_NOOP("Accounts", "班主任"),
    "county_clerk": QT_TRANSLATE_NOOP("Accounts", "县教育局工作人员"),
}
"""Each role's name on screen, in the order the role list offers them."""


def role_text(role: str) -> str:
    return _tr(ROLE_NAMES[role]) if role in ROLE_NAMES else role


def class_text(grade: int | None, class_name: str) -> str:
    """"五年级 2班" for a class teacher's class; "全校" for the others."""
    if not grade:
        return _tr("全校")
    return _tr("{grade} {name}").format(grade=grade_text(grade), name=class_name)


def who_text(account: Account) -> str:
    """"王校长（校长）" or "李老师（班主任，五年级 2班）": who is logged in, for the title bar."""
    if account.grade:
        return _tr("{name}（{role}，{cls}）").format(
            name=account.display_name, role=role_text(account.role),
            cls=class_text(account.grade, account.class_name))
    return _tr("{name}（{role}）").format(name=account.display_name,
                                         role=role_text(account.role))


def password_hint(password: str, again: str, *names: str) -> str:
    """What is wrong with a new password as typed so far (translated), or ""."""
    if not password:
        return _tr("请输入密码（至少 {n} 个字符）").format(n=accounts.MIN_PASSWORD)
    if len(password) < accounts.MIN_PASSWORD:
        return _tr("密码至少要 {n} 个字符").format(n=accounts.MIN_PASSWORD)
    if accounts.password_problem(password, *names) is not None:
        return _tr("密码不能与账户名或姓名相同")
    if again != password:
        return _tr("两次输入的密码不一样")
    return ""


def _password_edit(placeholder: str = "") -> QLineEdit:
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setPlaceholderText(placeholder)
    return edit


def _placeholder(combo: QComboBox, text: str) -> None:
    line = combo.lineEdit()
    if line is not None:
        line.setPlaceholderText(text)


def _placeholder_line(edit: QLineEdit, text: str) -> None:
    edit.setPlaceholderText(text)


def _hint_label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setStyleSheet(f"color: {ERROR_COLOUR};")
    return label


def _note_label(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setStyleSheet(f"color: {HINT_COLOUR};")
    return label


# --- 登录 ------------------------------------------------------------------------------------


def _forgot_note() -> QLabel:
    return _note_label(_tr(
        "忘记密码：请校长在“设置 → 账户管理”中重设。校长忘记密码，请县教育局出具重设文件，"
        "台账中的资料不会丢失。"))


def _link_button(text: str) -> QPushButton:
    """A flat, underlined button that reads as a link (the 忘记密码？ ways out)."""
    button = QPushButton(text)
    button.setFlat(True)
    button.setStyleSheet("text-decoration: underline; color: palette(link);")
    button.setCursor(Qt.CursorShape.PointingHandCursor)
    return button


def _login_facts(ledger: Ledger) -> tuple[str, list[str]]:
    return ledger.org.name, accounts.login_names(ledger)


def _attempt(name: str, password: str) -> Any:
    """The login on the worker thread; a refusal comes back as its message, not as an error,
    because the dialog shows it in place."""

    def work(ledger: Ledger) -> Account | str:
        try:
            return accounts.login(ledger, name, password)
        except InputRefused as refused:
            return refused.message

    return work


class LoginDialog(QDialog):
    """登录: account name and password. `account` is the signed-in account after `accept`."""

    def __init__(self, runner: Runner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.account: Account | None = None
        self._busy = False
        self.setWindowTitle(_tr("登录 — 控辍保学台账"))
        self.setMinimumWidth(420)

        self.school_label = QLabel()
        title = QFont(self.font())
        title.setPointSizeF(title.pointSizeF() * 1.3)
        title.setBold(True)
        self.school_label.setFont(title)
        self.name_combo = QComboBox()
        self.name_combo.setEditable(True)
        self.name_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        _placeholder(self.name_combo, _tr("例如 zhangwei"))
        self.password_edit = _password_edit()
        self.message_label = _hint_label()
        self.forgot_label = _forgot_note()

        form = QFormLayout()
        form.addRow(_tr("账户名："), self.name_combo)
        form.addRow(_tr("密码："), self.password_edit)
        self.buttons = QDialogButtonBox()
        self.login_button: QPushButton = self.buttons.addButton(
            _tr("登录"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(_tr("退出"), QDialogButtonBox.ButtonRole.RejectRole)
        self.login_button.setDefault(True)
        self.buttons.accepted.connect(self.login)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.school_label)
        layout.addLayout(form)
        layout.addWidget(self.message_label)
        layout.addWidget(self.forgot_label)
        layout.addWidget(self.buttons)

        self.name_combo.editTextChanged.connect(self._refresh)
        self.password_edit.textChanged.connect(self._refresh)
        self._refresh()
        runner.query(_login_facts, on_done=self._loaded, parent=self)

    def _loaded(self, facts: tuple[str, list[str]]) -> None:
        school, names = facts
        self.school_label.setText(school)
        typed = self.name_combo.currentText()
        self.name_combo.addItems(names)
        self.name_combo.setEditText(typed if typed else (names[0] if len(names) == 1 else ""))
        (self.password_edit if self.name_combo.currentText() else self.name_combo).setFocus()

    def _refresh(self) -> None:
        ready = bool(self.name_combo.currentText().strip()) and bool(self.password_edit.text())
        self.login_button.setEnabled(ready and not self._busy)

    def login(self) -> None:
        """Ask the core; on success close, else say why under the password and let them retry."""
        if not self.login_button.isEnabled():
            return
        self._busy = True
        self._refresh()
        self.message_label.setText(_tr("正在登录…"))
        self.runner.query(_attempt(self.name_combo.currentText(), self.password_edit.text()),
                          on_done=self._answered,
                          on_failed=lambda _error: self._answered(""), parent=self)

    def _answered(self, answer: Account | str) -> None:
        self._busy = False
        if isinstance(answer, Account):
            self.account = answer
            self.message_label.clear()
            self.accept()
            return
        self.message_label.setText(answer)
        self.password_edit.clear()
        self.password_edit.setFocus()
        self._refresh()


class UnlockDialog(QDialog):
    """登录 before an encrypted ledger can be read (decision 0021): the password unwraps the
    ledger's key from its key file. `unlocked` is (key, name, password) after `accept`; the
    caller opens the ledger with the key and logs the same person in.

    Runs on the GUI thread: there is no ledger (and no worker) yet, and one Argon2id
    derivation is a tenth of a second. Only strings of LoginDialog, already translated.
    """

    def __init__(self, path: Path, names: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path = path
        self.unlocked: tuple[bytes, str, str] | None = None
        self.setWindowTitle(_tr("登录 — 控辍保学台账"))
        self.setMinimumWidth(420)
        self.name_combo = QComboBox()
        self.name_combo.setEditable(True)
        self.name_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        _placeholder(self.name_combo, _tr("例如 zhangwei"))
        self.name_combo.addItems(names)
        self.name_combo.setEditText(names[0] if len(names) == 1 else "")
        self.password_edit = _password_edit()
        self.message_label = _hint_label()
        form = QFormLayout()
        form.addRow(_tr("账户名："), self.name_combo)
        form.addRow(_tr("密码："), self.password_edit)
        self.buttons = QDialogButtonBox()
        self.login_button: QPushButton = self.buttons.addButton(
            _tr("登录"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(_tr("退出"), QDialogButtonBox.ButtonRole.RejectRole)
        self.login_button.setDefault(True)
        self.buttons.accepted.connect(self.login)
        self.buttons.rejected.connect(self.reject)
        self.forgot_button = _link_button(_tr("忘记密码？用县里的恢复文件…"))
        self.forgot_button.clicked.connect(self.use_county_file)
        self.paper_button = _link_button(_tr("忘记密码？用保险柜里的恢复码…"))
        self.paper_button.clicked.connect(self.use_recovery_code)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message_label)
        layout.addWidget(_forgot_note())
        layout.addWidget(self.forgot_button, alignment=Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.paper_button, alignment=Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.buttons)
        self.name_combo.editTextChanged.connect(self._refresh)
        self.password_edit.textChanged.connect(self._refresh)
        self._refresh()
        (self.password_edit if self.name_combo.currentText() else self.name_combo).setFocus()

    def _refresh(self) -> None:
        ready = bool(self.name_combo.currentText().strip()) and bool(self.password_edit.text())
        self.login_button.setEnabled(ready)

    def login(self) -> None:
        """Unwrap the key; on a refusal say why under the password and let them retry."""
        if not self.login_button.isEnabled():
            return
        name, password = self.name_combo.currentText(), self.password_edit.text()
        try:
            key = cipher.unlock(self.path, name, password)
        except LedgerError as refused:
            self.message_label.setText(refused.message)
            self.password_edit.clear()
            self.password_edit.setFocus()
            return
        self.unlocked = (key, name, password)
        self.accept()

    def use_county_file(self) -> None:
        """忘记密码？: the county's recovery file sets a new password, then the ledger opens."""
        self._reset(paper=False)

    def use_recovery_code(self) -> None:
        """忘记密码？: the ledger's own paper recovery code from the safe does the same."""
        self._reset(paper=True)

    def _reset(self, *, paper: bool) -> None:
        dialog = CountyResetDialog(self.path, self.name_combo.currentText(), parent=self,
                                   paper=paper)
        if dialog.exec() and dialog.unlocked is not None:
            self.unlocked = dialog.unlocked
            self.accept()


class CountyResetDialog(QDialog):
    """用县里的恢复文件重设密码 (decision 0021): the file the county signed, the one-time code
    it gave by phone or on paper, and a new password. On success `unlocked` is (key, name,
    new password), as UnlockDialog's."""

    def __init__(self, path: Path, name: str = "", parent: QWidget | None = None, *,
                 paper: bool = False) -> None:
        """`paper`: the ledger's own recovery code from the safe instead of a county file
        (a county ledger, which has nobody above it)."""
        super().__init__(parent)
        self.path = path
        self.paper = paper
        self.unlocked: tuple[bytes, str, str] | None = None
        self.setWindowTitle(_tr("用保险柜里的恢复码重设密码") if paper
                            else _tr("用县里的恢复文件重设密码"))
        self.setMinimumWidth(480)
        self.file_edit = QLineEdit()
        self.file_edit.setPlaceholderText(_tr("县教育局出具的恢复文件"))
        choose = QPushButton(_tr("选择…"))
        choose.clicked.connect(self._choose)
        row = QHBoxLayout()
        row.addWidget(self.file_edit, 1)
        row.addWidget(choose)
        self.name_edit = QLineEdit(name)
        _placeholder_line(self.name_edit, _tr("例如 zhangwei"))
        self.code_edit = QLineEdit()
        self.code_edit.setPlaceholderText(_tr("16 位，例如 AB12-CD34-EF56-GH78"))
        self.new_edit = _password_edit()
        self.again_edit = _password_edit()
        form = QFormLayout()
        if not paper:
            form.addRow(_tr("恢复文件："), row)
        else:
            choose.hide()
            self.file_edit.hide()
        form.addRow(_tr("账户名："), self.name_edit)
        form.addRow(_tr("恢复码："), self.code_edit)
        form.addRow(_tr("新密码："), self.new_edit)
        form.addRow(_tr("再输入一次："), self.again_edit)
        self.hint_label = _hint_label()
        self.buttons = QDialogButtonBox()
        self.ok_button: QPushButton = self.buttons.addButton(
            _tr("重设密码并打开台账"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(_tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.reset)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(_note_label(_tr(
            "请输入制作恢复码时抄在纸上、锁在保险柜里的 16 位恢复码。") if paper else _tr(
            "请县教育局用本校的钥匙文件（台账旁边的“.keys”文件）出具恢复文件，恢复码由县里另行"
            "告知校长本人。恢复文件只能用一次。")))
        layout.addLayout(form)
        layout.addWidget(self.hint_label)
        layout.addWidget(self.buttons)
        for edit in (self.file_edit, self.name_edit, self.code_edit, self.new_edit,
                     self.again_edit):
            edit.textChanged.connect(self._refresh)
        self._refresh()

    def _choose(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        chosen, _filter = QFileDialog.getOpenFileName(self, _tr("选择县里的恢复文件"))
        if chosen:
            self.file_edit.setText(chosen)

    def _missing(self) -> str:
        if not self.paper and not self.file_edit.text().strip():
            return _tr("请选择县教育局出具的恢复文件")
        if not self.name_edit.text().strip():
            return _tr("请输入要重设密码的账户名")
        if len("".join(ch for ch in self.code_edit.text() if ch.isalnum())) != 16:
            return _tr("请输入 16 位恢复码") if self.paper else _tr("请输入县里给的 16 位恢复码")
        return password_hint(self.new_edit.text(), self.again_edit.text(),
                             self.name_edit.text())

    def _refresh(self) -> None:
        missing = self._missing()
        self.hint_label.setText(missing)
        self.ok_button.setEnabled(not missing)

    def reset(self) -> None:
        """Check the file and code, set the new password; a refusal is shown in place."""
        if not self.ok_button.isEnabled():
            return
        name, new = self.name_edit.text().strip(), self.new_edit.text()
        try:
            if self.paper:
                ledger = cipher.reset_with_recovery_code(self.path, self.code_edit.text(), name,
                                                         new)
            else:
                data = Path(self.file_edit.text().strip()).read_bytes()
                ledger = cipher.reset_with_county_file(self.path, data, name,
                                                       self.code_edit.text(), new)
        except LedgerError as refused:
            self.hint_label.setText(refused.message)
            return
        except OSError as error:
            self.hint_label.setText(_tr("无法读取恢复文件：{reason}").format(
                reason=error.strerror or error))
            return
        key = ledger.key
        ledger.close()
        if key is None:  # a plaintext ledger: nothing to unlock, the password is set
            self.hint_label.setText(_tr("密码已重设。请用新密码登录。"))
            return
        self.unlocked = (key, name, new)
        self.accept()


# --- 创建校长账户 ------------------------------------------------------------------------------


@dataclass(frozen=True)
class _FirstFacts:
    school: str
    demo: bool
    admin_role: str


def _first_facts(ledger: Ledger) -> _FirstFacts:
    return _FirstFacts(ledger.org.name, accounts.is_demo(ledger), accounts.admin_role(ledger))


def _create_first(name: str, display_name: str, password: str, role: str) -> Any:
    def work(ledger: Ledger) -> Account:
        changes = accounts.create(ledger, name=name, display_name=display_name,
                                  password=password, role=role)
        return accounts.sign_in(ledger, accounts.account(ledger, changes.created[0]),
                                reason="first_start")
    return work


class FirstAccountDialog(QDialog):
    """创建校长账户: the first account of a ledger that has none, made at first start.

    On a demo school a second button makes a demo principal with a random password, shown once
    here. `account` is the signed-in account after `accept`.
    """

    def __init__(self, runner: Runner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.account: Account | None = None
        self.role = "principal"
        self._busy = False
        self.setWindowTitle(_tr("创建校长账户"))
        self.setMinimumWidth(480)

        self.intro_label = QLabel()
        self.intro_label.setWordWrap(True)
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(_tr("登录时输入，例如 zhangwei"))
        self.display_edit = QLineEdit()
        self.display_edit.setPlaceholderText(_tr("例如 张伟"))
        self.password_edit = _password_edit(
            _tr("至少 {n} 个字符").format(n=accounts.MIN_PASSWORD))
        self.again_edit = _password_edit()
        self.hint_label = _hint_label()
        self.note_label = _note_label(_tr(
            "请记住这个密码。校长可以为其他老师开账户、重设他们的密码；校长本人忘记密码时，"
            "需要县教育局出具重设文件。"))
        self.demo_label = QLabel()
        self.demo_label.setWordWrap(True)
        self.demo_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.demo_label.hide()

        self.form = QFormLayout()
        self.form.addRow(_tr("账户名："), self.name_edit)
        self.form.addRow(_tr("姓名："), self.display_edit)
        self.form.addRow(_tr("密码："), self.password_edit)
        self.form.addRow(_tr("再次输入密码："), self.again_edit)
        self.buttons = QDialogButtonBox()
        self.create_button: QPushButton = self.buttons.addButton(
            _tr("创建并登录"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.demo_button: QPushButton = self.buttons.addButton(
            _tr("使用演示校长账户"), QDialogButtonBox.ButtonRole.ActionRole)
        self.demo_button.hide()
        self.quit_button = self.buttons.addButton(_tr("退出"),
                                                  QDialogButtonBox.ButtonRole.RejectRole)
        self.create_button.setDefault(True)
        self.buttons.accepted.connect(self.create_account)
        self.buttons.rejected.connect(self.reject)
        self.demo_button.clicked.connect(self.create_demo)

        layout = QVBoxLayout(self)
        layout.addWidget(self.intro_label)
        layout.addLayout(self.form)
        layout.addWidget(self.hint_label)
        layout.addWidget(self.note_label)
        layout.addWidget(self.demo_label)
        layout.addWidget(self.buttons)
        for edit in (self.name_edit, self.display_edit, self.password_edit, self.again_edit):
            edit.textChanged.connect(self._refresh)
        self._refresh()
        runner.query(_first_facts, on_done=self._loaded, parent=self)

    def _loaded(self, facts: _FirstFacts) -> None:
        self.role = facts.admin_role
        self.intro_label.setText(_tr(
            "“{school}”的台账还没有账户。请先为{role}创建账户：以后每次打开台账都要登录，"
            "班主任只能看到本班学生。").format(school=facts.school, role=role_text(self.role)))
        if self.role != "principal":
            self.setWindowTitle(_tr("创建管理员账户"))
        self.demo_button.setVisible(facts.demo)

    def missing(self) -> str:
        """What keeps 创建 disabled (translated), or ""."""
        if not self.name_edit.text().strip():
            return _tr("请填写账户名")
        if any(ch.isspace() for ch in self.name_edit.text().strip()):
            return _tr("账户名不能含空格")
        return password_hint(self.password_edit.text(), self.again_edit.text(),
                             self.name_edit.text(), self.display_edit.text())

    def _refresh(self) -> None:
        missing = self.missing()
        self.hint_label.setText(missing)
        self.create_button.setEnabled(not missing and not self._busy)

    def create_account(self) -> None:
        if self.account is not None:  # the demo account was made: this button now enters
            self.accept()
            return
        if self.missing() or self._busy:
            return
        self._busy = True
        self._refresh()
        self.runner.query(
            _create_first(self.name_edit.text(), self.display_edit.text(),
                          self.password_edit.text(), self.role),
            on_done=self._created, on_failed=self._failed, parent=self, progress=True)

    def _failed(self, _error: Exception) -> None:
        self._busy = False
        self._refresh()

    def _created(self, account: Account) -> None:
        self._busy = False
        self.account = account
        self.accept()

    def create_demo(self) -> None:
        self._busy = True
        self._refresh()
        self.runner.query(accounts.create_demo_principal, on_done=self._demo_created,
                          on_failed=self._failed, parent=self, progress=True)

    def _demo_created(self, answer: tuple[Account, str]) -> None:
        """Show the demo password once, and turn the dialog into "进入台账"."""
        self._busy = False
        self.account, password = answer
        for edit in (self.name_edit, self.display_edit, self.password_edit, self.again_edit):
            edit.setEnabled(False)
        self.hint_label.clear()
        self.demo_label.setText(_tr(
            "已创建演示校长账户。账户名：{name}　密码：{password}\n"
            "密码只显示这一次，请记下来：下次打开台账时要用。").format(
                name=self.account.name, password=password))
        self.demo_label.setStyleSheet("font-weight: bold; color: #1b5e20;")
        self.demo_label.show()
        self.demo_button.hide()
        self.quit_button.hide()
        self.create_button.setText(_tr("进入台账"))
        self.create_button.setEnabled(True)
        self.create_button.setFocus()


# --- 修改密码 / 重设密码 -------------------------------------------------------------------------


class PasswordDialog(QDialog):
    """A new password, typed twice: one's own (with the old one) or, for the principal,
    someone else's (重设密码). Saved through the runner; `saved` after the core accepted it."""

    def __init__(self, runner: Runner, account: Account | None,
                 parent: QWidget | None = None, *, own_name: str = "") -> None:
        super().__init__(parent)
        self.runner = runner
        self.target = account
        self.own = account is None
        self.names: tuple[str, ...] = (own_name,) if account is None \
            else (account.name, account.display_name)
        self._busy = False
        self.setWindowTitle(_tr("修改我的密码") if self.own else _tr("重设密码"))
        self.setMinimumWidth(420)
        self.old_edit = _password_edit()
        self.new_edit = _password_edit(_tr("至少 {n} 个字符").format(n=accounts.MIN_PASSWORD))
        self.again_edit = _password_edit()
        self.hint_label = _hint_label()
        form = QFormLayout()
        if self.own:
            form.addRow(_tr("原密码："), self.old_edit)
        else:
            assert account is not None
            form.addRow(_tr("账户："), QLabel(f"{account.name}（{account.display_name}）"))
        form.addRow(_tr("新密码："), self.new_edit)
        form.addRow(_tr("再次输入："), self.again_edit)
        self.buttons = QDialogButtonBox()
        self.save_button: QPushButton = self.buttons.addButton(
            _tr("保存"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(_tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.hint_label)
        if not self.own:
            layout.addWidget(_note_label(_tr("请把新密码当面告诉本人，并请他（她）登录后自己再改一次。")))
        layout.addWidget(self.buttons)
        for edit in (self.old_edit, self.new_edit, self.again_edit):
            edit.textChanged.connect(self._refresh)
        self._refresh()

    def missing(self) -> str:
        if self.own and not self.old_edit.text():
            return _tr("请输入原密码")
        return password_hint(self.new_edit.text(), self.again_edit.text(), *self.names)

    def _refresh(self) -> None:
        missing = self.missing()
        self.hint_label.setText(missing)
        self.save_button.setEnabled(not missing and not self._busy)

    def save(self) -> None:
        if self.missing() or self._busy:
            return
        self._busy = True
        self._refresh()
        old, new = self.old_edit.text(), self.new_edit.text()
        target = self.target

        def work(ledger: Ledger) -> Changes:
            if target is None:
                return accounts.change_password(ledger, old, new)
            return accounts.reset_password(ledger, target.id, new)

        self.runner.op(work, parent=self, on_done=lambda _c: self.accept(),
                       on_failed=self._failed)

    def _failed(self, _error: Exception) -> None:
        self._busy = False
        self._refresh()


# --- 新增账户 / 角色与班级 ----------------------------------------------------------------------


class AccountEditDialog(QDialog):
    """新增账户, or 修改角色与班级 of `account`: role, and a class teacher's grade and class."""

    def __init__(self, runner: Runner, classes: list[tuple[int, str]],
                 account: Account | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.account = account
        self.classes = classes
        self._busy = False
        self.setWindowTitle(_tr("新增账户") if account is None else _tr("修改角色与班级"))
        self.setMinimumWidth(460)
        self._build_widgets()
        self._build_layout()
        if account is not None:
            self.role_combo.setCurrentIndex(max(0, self.role_combo.findData(account.role)))
            if account.grade:
                self.grade_combo.setCurrentIndex(max(0, self.grade_combo.findData(account.grade)))
        self._fill_classes()
        if account is not None and account.class_name:
            self.class_combo.setEditText(account.class_name)
        self.role_combo.currentIndexChanged.connect(self._refresh)
        self.grade_combo.currentIndexChanged.connect(self._fill_classes)
        self.class_combo.editTextChanged.connect(self._refresh)
        for edit in (self.name_edit, self.display_edit, self.password_edit, self.again_edit):
            edit.textChanged.connect(self._refresh)
        self._refresh()

    def _build_widgets(self) -> None:
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(_tr("登录时输入，例如 lihua"))
        self.display_edit = QLineEdit()
        self.display_edit.setPlaceholderText(_tr("例如 李华"))
        self.role_combo = QComboBox()
        for role, label in ROLE_NAMES.items():
            self.role_combo.addItem(_tr(label), role)
        self.grade_combo = QComboBox()
        self.grade_combo.addItem(_tr("请选择…"), None)
        for grade in sorted({g for g, _ in self.classes} | set(range(1, 10))):
            self.grade_combo.addItem(grade_text(grade), grade)
        self.class_combo = QComboBox()
        self.class_combo.setEditable(True)
        _placeholder(self.class_combo, _tr("例如 2班"))
        self.password_edit = _password_edit(
            _tr("至少 {n} 个字符").format(n=accounts.MIN_PASSWORD))
        self.again_edit = _password_edit()
        self.hint_label = _hint_label()

    def _build_layout(self) -> None:
        account = self.account
        adding = account is None
        self.form = QFormLayout()
        if account is None:
            self.form.addRow(_tr("账户名："), self.name_edit)
            self.form.addRow(_tr("姓名："), self.display_edit)
        else:
            self.form.addRow(_tr("账户："), QLabel(f"{account.name}（{account.display_name}）"))
        self.form.addRow(_tr("角色："), self.role_combo)
        self.form.addRow(_tr("负责年级："), self.grade_combo)
        self.form.addRow(_tr("负责班级："), self.class_combo)
        if adding:
            self.form.addRow(_tr("初始密码："), self.password_edit)
            self.form.addRow(_tr("再次输入："), self.again_edit)
        self.buttons = QDialogButtonBox()
        self.save_button: QPushButton = self.buttons.addButton(
            _tr("保存"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(_tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(_note_label(_tr(
            "班主任只能看到、登记本班学生，身份证号隐去中间部分，不能导出或打印名单。")))
        layout.addWidget(self.hint_label)
        layout.addWidget(self.buttons)

    def _fill_classes(self) -> None:
        grade = self.grade_combo.currentData()
        typed = self.class_combo.currentText()
        self.class_combo.clear()
        self.class_combo.addItems(sorted(name for g, name in self.classes if g == grade))
        self.class_combo.setEditText(typed)
        self._refresh()

    def needs_class(self) -> bool:
        return str(self.role_combo.currentData()) == "class_teacher"

    def missing(self) -> str:
        if self.account is None:
            name = self.name_edit.text().strip()
            if not name:
                return _tr("请填写账户名")
            if any(ch.isspace() for ch in name):
                return _tr("账户名不能含空格")
        if self.needs_class() and (self.grade_combo.currentData() is None
                                   or not self.class_combo.currentText().strip()):
            return _tr("班主任账户须选择负责的年级和班级")
        if self.account is None:
            return password_hint(self.password_edit.text(), self.again_edit.text(),
                                 self.name_edit.text(), self.display_edit.text())
        return ""

    def _refresh(self) -> None:
        class_row = self.needs_class()
        self.grade_combo.setEnabled(class_row)
        self.class_combo.setEnabled(class_row)
        missing = self.missing()
        self.hint_label.setText(missing)
        self.save_button.setEnabled(not missing and not self._busy)

    def save(self) -> None:
        if self.missing() or self._busy:
            return
        self._busy = True
        self._refresh()
        role = str(self.role_combo.currentData())
        grade = self.grade_combo.currentData() if self.needs_class() else None
        class_name = self.class_combo.currentText().strip() if self.needs_class() else ""
        name, display = self.name_edit.text(), self.display_edit.text()
        password, target = self.password_edit.text(), self.account

        def work(ledger: Ledger) -> Changes:
            if target is None:
                return accounts.create(ledger, name=name, display_name=display, role=role,
                                       password=password, grade=grade, class_name=class_name)
            return accounts.set_role(ledger, target.id, role, grade=grade,
                                     class_name=class_name)

        self.runner.op(work, parent=self, on_done=lambda _c: self.accept(),
                       on_failed=self._failed)

    def _failed(self, _error: Exception) -> None:
        self._busy = False
        self._refresh()


# --- 账户管理 --------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Listing:
    accounts: list[Account]
    classes: list[tuple[int, str]]
    me: str
    now: dt.datetime


def _listing(ledger: Ledger) -> _Listing:
    classes = [(int(g), str(c)) for g, c, _n in ledger.queries.counts_by("grade", "class_name")
               if g and c]
    return _Listing(accounts.list_accounts(ledger), classes, ledger.operator.id,
                    ledger.clock.now())


class AccountsDialog(QDialog):
    """账户管理 (the principal): every account with its role, class and state; add one, change
    its role or class, reset its password, unlock it, stop or allow its logins."""

    COLUMNS = (
        QT_TRANSLATE_NOOP("Accounts", "账户名"),
        QT_TRANSLATE_NOOP("Accounts", "姓名"),
        QT_TRANSLATE_NOOP("Accounts", "角色"),
        QT_TRANSLATE_NOOP("Accounts", "负责班级"),
        QT_TRANSLATE_NOOP("Accounts", "状态"),
    )

    def __init__(self, runner: Runner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.listing: _Listing | None = None
        self.setWindowTitle(_tr("账户管理"))
        self.resize(720, 420)
        self.table = QTableWidget(0, len(self.COLUMNS), self)
        self.table.setHorizontalHeaderLabels([_tr(c) for c in self.COLUMNS])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)

        self.add_button = QPushButton(_tr("新增账户…"))
        self.role_button = QPushButton(_tr("角色与班级…"))
        self.reset_button = QPushButton(_tr("重设密码…"))
        self.unlock_button = QPushButton(_tr("解锁"))
        self.disable_button = QPushButton(_tr("停用"))
        self.recovery_button = QPushButton(_tr("制作恢复码…"))
        self.recovery_button.setToolTip(_tr(
            "所有密码都忘了时用来打开台账的 16 位恢复码：抄在纸上锁进保险柜。重新制作后旧的作废。"))
        self.close_button = QPushButton(_tr("关闭"))
        row = QHBoxLayout()
        for button in (self.add_button, self.role_button, self.reset_button, self.unlock_button,
                       self.disable_button, self.recovery_button):
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(_note_label(_tr(
            "每位老师用自己的账户登录。登录、登录失败、锁定和角色变更都记入台账的审计记录；"
            "密码只保存在本机，不会同步到县里。")))
        layout.addWidget(self.table, 1)
        layout.addLayout(row)

        self.add_button.clicked.connect(self.add_account)
        self.role_button.clicked.connect(self.change_role)
        self.reset_button.clicked.connect(self.reset_password)
        self.unlock_button.clicked.connect(self.unlock)
        self.disable_button.clicked.connect(self.toggle_disabled)
        self.recovery_button.clicked.connect(self.make_recovery_code)
        self.close_button.clicked.connect(self.accept)
        self.table.itemSelectionChanged.connect(self._refresh_buttons)
        self.refresh()

    def refresh(self) -> None:
        self.runner.query(_listing, on_done=self._show, parent=self)

    def make_recovery_code(self) -> None:
        """制作恢复码: a new paper code (the old one stops working), shown once to copy down."""
        made: list[str] = []

        def work(ledger: Ledger) -> Changes:
            made.append(cipher.make_recovery_code(ledger))
            return Changes(profile=True)

        self.runner.op(work, parent=self, on_done=lambda _changes: self.show_recovery_code(
            made[0]))

    def show_recovery_code(self, code: str) -> None:
        box = QMessageBox(self)
        box.setWindowTitle(_tr("恢复码"))
        box.setTextFormat(Qt.TextFormat.RichText)
        box.setText("<p style='font-size: 16pt;'><b>{}</b></p>".format(
            _tr("恢复码：{code}").format(code=code)))
        box.setStyleSheet("QLabel { min-width: 460px; }")
        box.setInformativeText(_tr(
            "请抄在纸上，两人签字后锁进保险柜。所有密码都忘了时，在登录窗口点“忘记密码？用保险柜里的"
            "恢复码”，用它重设密码。恢复码只显示这一次；重新制作后旧的作废。"))
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.last_box = box
        box.open()

    def _show(self, listing: _Listing) -> None:
        chosen = self.selected()
        self.listing = listing
        self.table.setRowCount(len(listing.accounts))
        for row, account in enumerate(listing.accounts):
            state = _tr("已停用") if account.disabled else _tr("已锁定") \
                if account.locked(listing.now) else _tr("正常")
            values = (account.name, account.display_name, role_text(account.role),
                      class_text(account.grade, account.class_name), state)
            for column, text in enumerate(values):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, account.id)
                self.table.setItem(row, column, item)
            if chosen is not None and account.id == chosen.id:
                self.table.selectRow(row)
        self._refresh_buttons()

    def selected(self) -> Account | None:
        if self.listing is None:
            return None
        rows = {index.row() for index in self.table.selectionModel().selectedRows()}
        return self.listing.accounts[min(rows)] if rows else None

    def select(self, name: str) -> None:
        """Select the account with this login name (tests, and after adding one)."""
        for row, account in enumerate(self.listing.accounts if self.listing else []):
            if account.name == name:
                self.table.selectRow(row)

    def _refresh_buttons(self) -> None:
        chosen = self.selected()
        mine = chosen is not None and self.listing is not None and chosen.id == self.listing.me
        for button in (self.role_button, self.reset_button):
            button.setEnabled(chosen is not None)
        self.reset_button.setEnabled(chosen is not None and not mine)
        self.unlock_button.setEnabled(chosen is not None and self.listing is not None
                                      and (chosen.locked(self.listing.now) or chosen.failed > 0))
        self.disable_button.setEnabled(chosen is not None and not mine)
        self.disable_button.setText(_tr("启用") if chosen is not None and chosen.disabled
                                    else _tr("停用"))

    def _classes(self) -> list[tuple[int, str]]:
        return self.listing.classes if self.listing else []

    def add_account(self) -> None:
        dialog = AccountEditDialog(self.runner, self._classes(), None, self)
        dialog.accepted.connect(self.refresh)
        dialog.open()

    def change_role(self) -> None:
        chosen = self.selected()
        if chosen is not None:
            dialog = AccountEditDialog(self.runner, self._classes(), chosen, self)
            dialog.accepted.connect(self.refresh)
            dialog.open()

    def reset_password(self) -> None:
        chosen = self.selected()
        if chosen is not None:
            dialog = PasswordDialog(self.runner, chosen, self)
            dialog.accepted.connect(self.refresh)
            dialog.open()

    def unlock(self) -> None:
        chosen = self.selected()
        if chosen is not None:
            self.runner.op(lambda ledger: accounts.unlock(ledger, chosen.id), parent=self,
                           on_done=lambda _c: self.refresh())

    def toggle_disabled(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        if not chosen.disabled and QMessageBox.question(
                self, _tr("停用账户"),
                _tr("停用“{name}”后，这个账户不能再登录；它做过的记录都保留。确定停用吗？").format(
                    name=chosen.name)) != QMessageBox.StandardButton.Yes:
            return
        disabled = not chosen.disabled
        self.runner.op(lambda ledger: accounts.set_disabled(ledger, chosen.id, disabled),
                       parent=self, on_done=lambda _c: self.refresh())
