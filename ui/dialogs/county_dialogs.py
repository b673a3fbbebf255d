"""The county clerk's 入网 work: enrol a school, confirm its key (sync.md §c.13).

登记学校（制作入网文件）: the school's 10-digit 学校标识码 and name, and where to save the signed
enrolment file (`enrol.enroll_school`); afterwards the county's fingerprint is shown, to be
printed on the stamped notice that goes to the school with the file.

确认学校密钥: the clerk types the thirty digits from the school's stamped 入网回执 (or as the
principal reads them on the phone). The core compares them with the key the school's first
package brought (`enrol.confirm_school`), or pins them until that package comes; the packages
held for the school are then imported (`importer.import_held`) and their reports shown. The
dialog never shows the digits it expects: the clerk must read them from the paper.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from dropout_ledger.errors import InputRefused, LedgerError
from dropout_ledger.fileio import write_bytes
from dropout_ledger.ledger import Ledger
from dropout_ledger.model import identity
from dropout_ledger.model.changes import Changes
from dropout_ledger.sync import drives, enrol, importer, listing
from dropout_ledger.sync.listing import School
from ui.dialogs.sync_dialog import ImportResult, import_and_read, outcome_text
from ui.i18n import QT_TRANSLATE_NOOP
from ui.ops import Runner
from ui.widgets.fingerprint import DIGITS, digits_of, fingerprint_label, grouped

ERROR_COLOUR = "#b00020"
OK_COLOUR = "#2e7d32"


def _tr(text: str) -> str:
    return QCoreApplication.translate("CountyDialogs", text)


SCHOOL_STATES = {
    listing.WAITING: QT_TRANSLATE_NOOP("CountyDialogs", "待学校加入"),
    listing.PINNED: QT_TRANSLATE_NOOP("CountyDialogs", "已核对指纹，待收到同步文件"),
    listing.PENDING: QT_TRANSLATE_NOOP("CountyDialogs", "已收到同步文件，待核对指纹"),
    listing.ACTIVE: QT_TRANSLATE_NOOP("CountyDialogs", "已确认"),
    listing.REVOKED: QT_TRANSLATE_NOOP("CountyDialogs", "密钥已注销"),
}


def default_folder() -> Path:
    """The first USB stick if one is plugged in, else 文档."""
    found = drives.removable_drives()
    if found:
        return found[0].path
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents) if documents else Path.home()


def school_code_problem(text: str) -> str:
    """Why `text` is not a 学校标识码 ("" when it is one)."""
    try:
        identity.parse_school_code(text)
    except LedgerError as error:
        return error.message
    return ""


class EnrollSchoolDialog(QDialog):
    """登记学校（制作入网文件）."""

    enrolled = Signal(str)
    """A school was enrolled: its org id."""

    def __init__(self, runner: Runner, parent: QWidget | None = None, *,
                 folder: Path | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.folder = folder if folder is not None else default_folder()
        self.busy = False
        self.chosen_path: Path | None = None
        self.setWindowTitle(_tr("登记学校（制作入网文件）"))
        self.setMinimumWidth(600)
        form = self._build_form()
        self.hint_label = QLabel()
        self.hint_label.setWordWrap(True)
        self.hint_label.setStyleSheet(f"color: {ERROR_COLOUR};")
        self.done_label = QLabel()
        self.done_label.setWordWrap(True)
        self.done_label.setVisible(False)
        self.fingerprint = fingerprint_label("")
        self.fingerprint.setVisible(False)
        self.after_label = QLabel(_tr(
            "请确认盖章通知上印的就是这六组数字。学校入网后，收到学校的入网回执时，"
            "请用“县级 → 确认学校密钥”核对学校的指纹。"))
        self.after_label.setWordWrap(True)
        self.after_label.setVisible(False)
        self.make_button = QPushButton(_tr("制作入网文件"))
        self.make_button.setDefault(True)
        self.make_button.clicked.connect(self.make)
        close = QPushButton(_tr("关闭"))
        close.setAutoDefault(False)
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.make_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        for widget in (self.hint_label, self.done_label, self.fingerprint, self.after_label):
            layout.addWidget(widget)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self.code_edit.textChanged.connect(self._refresh)
        self.name_edit.textChanged.connect(self._refresh)
        self._refresh()

    def _build_form(self) -> QVBoxLayout:
        intro = QLabel(_tr(
            "为一所学校制作入网文件。把入网文件（可放在U盘上）和加盖公章、印有本县密钥指纹的"
            "通知一起交给学校；学校加入后会打印入网回执交回。"))
        intro.setWordWrap(True)
        self.code_edit = QLineEdit()
        self.code_edit.setPlaceholderText(_tr("10 位学校标识码"))
        self.code_edit.setMaxLength(12)
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(_tr("学校全称，与学籍系统一致"))
        self.path_edit = QLineEdit()
        self.path_edit.setReadOnly(True)
        self.path_button = QPushButton(_tr("选择…"))
        self.path_button.setAutoDefault(False)
        self.path_button.clicked.connect(self.choose_path)
        where = QHBoxLayout()
        where.addWidget(self.path_edit, 1)
        where.addWidget(self.path_button)
        form = QFormLayout()
        form.addRow(_tr("学校标识码："), self.code_edit)
        form.addRow(_tr("学校名称："), self.name_edit)
        form.addRow(_tr("保存到："), where)
        box = QVBoxLayout()
        box.addWidget(intro)
        box.addLayout(form)
        return box

    def default_path(self) -> Path:
        code = "".join(ch for ch in self.code_edit.text() if ch.isdigit())
        name = self.name_edit.text().strip()
        return self.folder / _tr("入网文件-{code}-{name}.dlpkg").format(code=code, name=name)

    def path(self) -> Path:
        return self.chosen_path or self.default_path()

    def choose_path(self) -> None:
        chosen, _filter = QFileDialog.getSaveFileName(
            self, _tr("保存入网文件"), str(self.path()), _tr("入网文件 (*.dlpkg)"))
        if chosen:
            path = Path(chosen)
            self.chosen_path = path if path.suffix == ".dlpkg" else path.with_name(
                path.name + ".dlpkg")
            self._refresh()

    def missing(self) -> list[str]:
        lacks = []
        code = self.code_edit.text().strip()
        if not code:
            lacks.append(_tr("请填写学校标识码"))
        elif problem := school_code_problem(code):
            lacks.append(problem)
        if not self.name_edit.text().strip():
            lacks.append(_tr("请填写学校名称"))
        return lacks

    def _refresh(self) -> None:
        self.path_edit.setText(str(self.path()))
        lacks = self.missing()
        self.hint_label.setText("；".join(lacks))
        self.make_button.setEnabled(not lacks and not self.busy)

    def make(self) -> None:
        """Enrol the school and write its enrolment file."""
        if self.missing() or self.busy:
            return
        code, name, path = self.code_edit.text().strip(), self.name_edit.text().strip(), self.path()
        made: list[str] = []

        def work(ledger: Ledger) -> Changes:
            data, fingerprint = enrol.enroll_school(ledger, code, name)
            try:
                write_bytes(path, data)
            except OSError as error:
                raise InputRefused(
                    f"学校已登记，但入网文件没有写入 {path.parent}（{error.strerror or error}）。"
                    "请换一个位置，再点一次“制作入网文件”。") from error
            made.append(fingerprint)
            return Changes(profile=True, events=1)

        def done(_changes: Changes) -> None:
            self.busy = False
            self.done_label.setText(_tr("已登记{name}（{code}），入网文件已保存：{path}\n"
                                        "本县的密钥指纹是：").format(name=name, code=code, path=path))
            self.fingerprint.setText(grouped(made[0]))
            for widget in (self.done_label, self.fingerprint, self.after_label):
                widget.setVisible(True)
            self.enrolled.emit(f"S:{code}")
            self._refresh()

        def failed(_error: Exception) -> None:
            self.busy = False
            self._refresh()

        self.busy = True
        self._refresh()
        self.runner.op(work, parent=self, initiator=self, on_done=done, on_failed=failed)


@dataclass
class Confirmed:
    """What 确认学校密钥 did: the school, whether its key was known, the held imports."""

    school: str = ""
    key_known: bool = False
    held: ImportResult = field(default_factory=ImportResult)


class ConfirmSchoolDialog(QDialog):
    """确认学校密钥: the digits of the school's 入网回执, then the held packages imported."""

    confirmed = Signal(object)
    """A school's key (or digits) was confirmed: a `Confirmed`."""

    def __init__(self, runner: Runner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.schools: list[School] = []
        self.busy = False
        self.setWindowTitle(_tr("确认学校密钥"))
        self.setMinimumWidth(620)
        intro = QLabel(_tr(
            "请按学校交回的盖章入网回执（或电话里校长逐组读出的数字）输入学校的 30 位密钥指纹。"
            "数字一致，才会导入这所学校的同步文件。"))
        intro.setWordWrap(True)
        self.school_combo = QComboBox()
        self.digits_edit = QLineEdit()
        self.digits_edit.setPlaceholderText(_tr("例如 12345 67890 12345 67890 12345 67890"))
        form = QFormLayout()
        form.addRow(_tr("学校："), self.school_combo)
        form.addRow(_tr("回执上的指纹："), self.digits_edit)
        self.hint_label = QLabel()
        self.hint_label.setWordWrap(True)
        self.done_label = QLabel()
        self.done_label.setWordWrap(True)
        self.done_label.setStyleSheet(f"color: {OK_COLOUR};")
        self.report_box = QPlainTextEdit()
        self.report_box.setReadOnly(True)
        self.report_box.setVisible(False)
        self.confirm_button = QPushButton(_tr("确认"))
        self.confirm_button.setDefault(True)
        self.confirm_button.clicked.connect(self.confirm)
        close = QPushButton(_tr("关闭"))
        close.setAutoDefault(False)
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.confirm_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.hint_label)
        layout.addWidget(self.done_label)
        layout.addWidget(self.report_box, 1)
        layout.addLayout(buttons)
        self.school_combo.currentIndexChanged.connect(self._refresh)
        self.digits_edit.textChanged.connect(self._refresh)
        self._refresh()
        self.reload()

    def reload(self) -> None:
        self.runner.query(listing.schools, on_done=self._show, parent=self)

    def _show(self, schools: list[School]) -> None:
        kept = self.school_combo.currentData()
        self.schools = schools
        self.school_combo.blockSignals(True)
        self.school_combo.clear()
        self.school_combo.addItem(_tr("请选择学校…"), "")
        for school in schools:
            self.school_combo.addItem(_tr("{name}（{code}）— {state}").format(
                name=school.name, code=school.code, state=_tr(SCHOOL_STATES[school.state])),
                school.code)
        self.school_combo.setCurrentIndex(max(self.school_combo.findData(kept), 0))
        self.school_combo.blockSignals(False)
        self._refresh()

    def select(self, code: str) -> None:
        self.school_combo.setCurrentIndex(max(self.school_combo.findData(code), 0))

    def missing(self) -> list[str]:
        lacks = []
        if not self.school_combo.currentData():
            lacks.append(_tr("请选择学校") if self.schools else
                         _tr("还没有登记学校：请先用“登记学校（制作入网文件）”"))
        digits, bad = digits_of(self.digits_edit.text())
        if bad:
            lacks.append(_tr("指纹只能输入数字（组与组之间可以留空格）"))
        elif not digits:
            lacks.append(_tr("请输入回执上的 30 位数字"))
        elif len(digits) != DIGITS:
            lacks.append(_tr("指纹应为 30 位数字，现在是 {n} 位").format(n=len(digits)))
        return lacks

    def _refresh(self) -> None:
        lacks = self.missing()
        typed = bool(self.digits_edit.text().strip())
        # Nothing typed yet is not a mistake: say what is missing in grey, mistakes in red.
        self.hint_label.setStyleSheet(f"color: {ERROR_COLOUR if typed else '#555555'};")
        self.hint_label.setText("；".join(lacks))
        self.confirm_button.setEnabled(not lacks and not self.busy)

    def confirm(self) -> None:
        """Compare the digits (in the core), then import what was held for the school."""
        if self.missing() or self.busy:
            return
        code, digits = str(self.school_combo.currentData()), self.digits_edit.text()
        outcome = Confirmed(school=code)

        def work(ledger: Ledger) -> Changes:
            outcome.key_known = enrol.confirm_school(ledger, code, digits) is not None
            changes = import_and_read(ledger, [], outcome.held,
                                      run=lambda led: importer.import_held(led, f"S:{code}"))
            return changes | Changes(profile=True, events=1)

        def done(_changes: Changes) -> None:
            self.busy = False
            self._done(outcome)

        def failed(_error: Exception) -> None:
            self.busy = False
            self._refresh()

        self.busy = True
        self.done_label.clear()
        self._refresh()
        self.runner.op(work, parent=self, initiator=self, on_done=done, on_failed=failed)

    def _done(self, outcome: Confirmed) -> None:
        name = next((s.name for s in self.schools if s.code == outcome.school), outcome.school)
        if outcome.key_known:
            text = _tr("已确认{name}的密钥，今后收到的该校同步文件会直接导入。").format(name=name)
        else:
            text = _tr("已记下{name}的指纹。该校的第一个同步文件到达时，密钥与这些数字一致就会直接导入。"
                       ).format(name=name)
        held = outcome.held.outcomes
        if held:
            text += _tr("暂存的 {n} 个同步文件已处理，结果见下。").format(n=len(held))
        self.done_label.setText(text)
        report = outcome_text(outcome.held)
        self.report_box.setPlainText(report)
        self.report_box.setVisible(bool(report))
        self.digits_edit.clear()
        self.confirmed.emit(outcome)
        self.reload()
