"""加入县级台账: a school trusts its county's key, checked against the stamped notice.

sync.md §c.13 steps 2–3. The principal chooses the enrolment file the county made for the
school (`enrol.read_enrollment` checks its signature and that it is addressed to this school;
nothing is written). The dialog shows the county's name and the fingerprint of the key in the
file, in six groups, and the principal types the digits printed on the county's stamped notice.
Each group is compared as soon as it is complete: 加入 stays disabled until all thirty digits
match, and a wrong group says to call the county and not to join — a file whose key differs
from the notice may come from someone else.

Joining (`enrol.join` with the typed digits) pins the county's key, takes the county's settings
and makes this school's keys. The dialog then shows the school's own fingerprint and offers to
print the 入网回执, which the principal signs, stamps and hands to the county so the clerk can
confirm the school's key in turn.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from dropout_ledger.errors import InputRefused
from dropout_ledger.ledger import Ledger
from dropout_ledger.model.changes import Changes
from dropout_ledger.services import cipher
from dropout_ledger.sync import enrol
from ui.ops import Runner
from ui.widgets.fingerprint import check_digits, fingerprint_label, grouped

ERROR_COLOUR = "#b00020"
OK_COLOUR = "#2e7d32"


def _tr(text: str) -> str:
    return QCoreApplication.translate("JoinDialog", text)


@dataclass(frozen=True)
class FileRead:
    """An enrolment file that passed its checks, as the dialog shows it."""

    path: Path
    data: bytes
    county_org: str
    county_name: str
    fingerprint: str


@dataclass(frozen=True)
class Joined:
    """After joining: the county's name and this school's fingerprint (for the 入网回执)."""

    county_name: str
    school_fingerprint: str


def read_file(path: Path) -> Callable[[Ledger], FileRead]:
    """Worker side of choosing the file: read it and check it is this school's enrolment file."""

    def read(ledger: Ledger) -> FileRead:
        try:
            data = Path(path).read_bytes()
        except OSError as error:
            raise InputRefused(f"读不出文件 {Path(path).name}（{error.strerror or error}）。"
                               "请检查U盘后重新选择。") from error
        found = enrol.read_enrollment(data, school_org=ledger.org_id)
        return FileRead(Path(path), data, found.county.org, found.county_name,
                        found.county.fingerprint())

    return read


class JoinDialog(QDialog):
    """Choose the enrolment file, check the digits, join; then print the 入网回执."""

    joined = Signal(object)
    """The school joined: a `Joined`."""
    print_receipt = Signal()
    """打印入网回执 was clicked (the window opens its print dialog on form join-receipt)."""

    def __init__(self, runner: Runner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.file: FileRead | None = None
        self.outcome: Joined | None = None
        self.busy = False
        self.setWindowTitle(_tr("加入县级台账"))
        self.setMinimumWidth(620)
        self.pages = QStackedWidget()
        self.pages.addWidget(self._build_check_page())
        self.pages.addWidget(self._build_done_page())
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)
        self._refresh()
        runner.query(_current, on_done=self._show_current, parent=self)

    # --- page 1: the file and the digits -----------------------------------------------------

    def _build_check_page(self) -> QWidget:
        page = QWidget()
        self.current_label = QLabel()
        self.current_label.setWordWrap(True)
        self.current_label.setVisible(False)
        intro = QLabel(_tr(
            "县教育局会给本校一个入网文件（.dlpkg，通常在U盘上）和一份盖章的通知。"
            "通知上印有县教育局的 30 位密钥指纹。"))
        intro.setWordWrap(True)
        self.file_edit = QLineEdit()
        self.file_edit.setReadOnly(True)
        self.file_edit.setPlaceholderText(_tr("请选择县教育局发来的入网文件"))
        self.choose_button = QPushButton(_tr("选择入网文件…"))
        self.choose_button.setAutoDefault(False)
        self.choose_button.clicked.connect(self.choose_file)
        row = QHBoxLayout()
        row.addWidget(self.file_edit, 1)
        row.addWidget(self.choose_button)
        self._build_digits()

        self.join_button = QPushButton(_tr("加入县级台账"))
        self.join_button.setDefault(True)
        self.join_button.clicked.connect(self.join)
        cancel = QPushButton(_tr("取消"))
        cancel.setAutoDefault(False)
        cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.join_button)
        buttons.addWidget(cancel)

        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.current_label)
        layout.addWidget(intro)
        layout.addLayout(row)
        for widget in (self.county_label, self.file_fingerprint, self.compare_label,
                       self.digits_edit, self.hint_label):
            layout.addWidget(widget)
        layout.addStretch(1)
        layout.addLayout(buttons)
        return page

    def _build_digits(self) -> None:
        """The county, the fingerprint in the file, and where the notice's digits are typed."""
        self.county_label = QLabel()
        self.county_label.setWordWrap(True)
        self.file_fingerprint = fingerprint_label("")
        self.compare_label = QLabel(_tr(
            "请拿出县教育局盖章的通知，逐组核对上面的数字，并把通知上的数字输入下面（不要照抄屏幕）："))
        self.compare_label.setWordWrap(True)
        self.digits_edit = QLineEdit()
        self.digits_edit.setPlaceholderText(_tr("例如 12345 67890 12345 67890 12345 67890"))
        font = self.file_fingerprint.font()
        font.setPointSizeF(font.pointSizeF() * 0.8)
        self.digits_edit.setFont(font)
        self.digits_edit.textChanged.connect(self._refresh)
        self.hint_label = QLabel()
        self.hint_label.setWordWrap(True)

    def _show_current(self, current: tuple[str, str] | None) -> None:
        if current is not None:
            self.current_label.setText(_tr(
                "本校已加入{name}（指纹 {fingerprint}）。县教育局更换密钥时，"
                "可以用新的入网文件重新加入。").format(name=current[0], fingerprint=current[1]))
        self.current_label.setVisible(current is not None)

    def choose_file(self) -> None:
        """选择入网文件…: pick the file; it is read and checked on the worker."""
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.HomeLocation)
        chosen, _filter = QFileDialog.getOpenFileName(
            self, _tr("选择入网文件"), folder, _tr("入网文件 (*.dlpkg)"))
        if chosen:
            self.open_file(Path(chosen))

    def open_file(self, path: Path) -> None:
        """Read and check `path` as this school's enrolment file."""
        self.file = None
        self.file_edit.setText(str(path))
        self._refresh()
        self.runner.query(read_file(path), on_done=self._file_read, parent=self,
                          on_failed=lambda _e: self._refresh())

    def _file_read(self, found: FileRead) -> None:
        self.file = found
        self.file_fingerprint.setText(grouped(found.fingerprint))
        self.county_label.setText(_tr(
            "入网文件来自：{name}（代码 {code}）。文件中县教育局的密钥指纹是：").format(
            name=found.county_name, code=found.county_org[2:]))
        self._refresh()
        self.digits_edit.setFocus()

    def _refresh(self) -> None:
        have_file = self.file is not None
        for widget in (self.county_label, self.file_fingerprint, self.compare_label,
                       self.digits_edit, self.hint_label):
            widget.setVisible(have_file)
        if self.file is None:
            self.join_button.setEnabled(False)
            self.join_button.setToolTip(_tr("请先选择入网文件"))
            return
        check = check_digits(self.digits_edit.text(), self.file.fingerprint)
        bad = check.bad_characters or bool(check.wrong_group) or check.typed > 30
        colour = ERROR_COLOUR if bad else OK_COLOUR if check.complete else "#555555"
        self.hint_label.setStyleSheet(f"color: {colour};")
        self.hint_label.setText(check.message())
        self.join_button.setEnabled(check.complete and not self.busy)
        self.join_button.setToolTip("" if check.complete else _tr("30 位数字全部一致后才能加入"))

    def join(self) -> None:
        """加入县级台账, with the digits typed (the core compares them again)."""
        found = self.file
        if found is None or self.busy or not check_digits(
                self.digits_edit.text(), found.fingerprint).complete:
            return
        digits = self.digits_edit.text()
        joined: list[Joined] = []

        def work(ledger: Ledger) -> Changes:
            own = enrol.join(ledger, found.data, digits)
            cipher.ensure_county_wrap(ledger)  # from now on the county can recover a password
            joined.append(Joined(found.county_name, own))
            return Changes(profile=True, events=1)

        def failed(_error: Exception) -> None:
            self.busy = False
            self._refresh()

        self.busy = True
        self._refresh()
        self.runner.op(work, parent=self, initiator=self, on_done=lambda _c: self._joined(
            joined[0]), on_failed=failed)

    # --- page 2: the school's fingerprint and the receipt -------------------------------------

    def _build_done_page(self) -> QWidget:
        page = QWidget()
        self.done_label = QLabel()
        self.done_label.setWordWrap(True)
        self.own_fingerprint = fingerprint_label("")
        after = QLabel(_tr(
            "请打印入网回执，校长签字、加盖公章后交县教育局（或电话读出这六组数字）。"
            "县教育局核对这些数字后，才会导入本校的同步文件。"
            "之后请每周用“文件 → U盘同步”导出一次同步文件交给县教育局。"))
        after.setWordWrap(True)
        self.print_button = QPushButton(_tr("打印入网回执…"))
        self.print_button.clicked.connect(self.print_receipt.emit)
        close = QPushButton(_tr("关闭"))
        close.setAutoDefault(False)
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.print_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.done_label)
        layout.addWidget(self.own_fingerprint)
        layout.addWidget(after)
        layout.addStretch(1)
        layout.addLayout(buttons)
        return page

    def _joined(self, joined: Joined) -> None:
        self.busy = False
        self.outcome = joined
        self.done_label.setText(_tr("本校已加入{county}的控辍保学台账。本校的密钥指纹是：").format(
            county=joined.county_name))
        self.own_fingerprint.setText(grouped(joined.school_fingerprint))
        self.pages.setCurrentIndex(1)
        self.print_button.setDefault(True)
        self.joined.emit(joined)


def _current(ledger: Ledger) -> tuple[str, str] | None:
    """(name, fingerprint) of the county this school already trusts, or None."""
    county = enrol.county_status(ledger)
    if county is None:
        return None
    return str(ledger.settings.entity(f"org:{county.org}").get("name") or county.org), \
        county.fingerprint
