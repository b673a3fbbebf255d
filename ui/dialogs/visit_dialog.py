"""劝返记录: one contact with a family (phone, home visit, joint visit …), saved through the runner.

Why the case is filled in, not chosen: a visit belongs to the student's open case (一人一案), and
the ledger already knows which one that is; a pupil with no open case (a follow-up of a returned
pupil, an at-risk pupil) gets a visit with no case. Participants are typed the way people write
them on paper, separated by 、 or commas, and stored as a list so each name can be counted.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from dropout_ledger.ledger import Ledger
from dropout_ledger.model.changes import Changes
from dropout_ledger.model.codes import ATTITUDES, VISIT_MODES
from dropout_ledger.model.status import Status
from ui.ops import Runner

_SEPARATORS = re.compile(r"[,，、;；/\n]+")


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark `text` for translation without translating it (lupdate finds it by this name)."""
    return text


def _tr(text: str) -> str:
    return QCoreApplication.translate("VisitDialog", text)


# The core's labels are Chinese only; the same words, marked for translation, keyed by code.
_MODE_LABELS = {
    "phone": QT_TRANSLATE_NOOP("VisitDialog", "电话"),
    "wechat": QT_TRANSLATE_NOOP("VisitDialog", "微信"),
    "home": QT_TRANSLATE_NOOP("VisitDialog", "家访"),
    "joint": QT_TRANSLATE_NOOP("VisitDialog", "联合家访"),
    "legal_delivery": QT_TRANSLATE_NOOP("VisitDialog", "法律文书送达"),
}
_ATTITUDE_LABELS = {
    "cooperative": QT_TRANSLATE_NOOP("VisitDialog", "配合"),
    "hesitant": QT_TRANSLATE_NOOP("VisitDialog", "犹豫"),
    "refusing": QT_TRANSLATE_NOOP("VisitDialog", "拒绝"),
    "unreachable": QT_TRANSLATE_NOOP("VisitDialog", "联系不上"),
}


def split_participants(text: str) -> list[str]:
    """'陈娜、张一梅, 村主任' -> ['陈娜', '张一梅', '村主任'] (blank pieces dropped)."""
    return [part.strip() for part in _SEPARATORS.split(text) if part.strip()]


class VisitDialog(QDialog):
    """Record one 劝返 contact for a student; `saved(changes)` after the core accepted it."""

    saved = Signal(object)
    """Emitted with the core's `Changes` once the visit is written (then the dialog closes)."""

    def __init__(self, runner: Runner, student_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.student_id = student_id
        self.case_id = ""
        self.loaded = False
        self._saving = False
        self.setWindowTitle(_tr("劝返记录"))
        self.setMinimumWidth(460)

        self._build_widgets()
        self._build_layout()

        self.participants_edit.textChanged.connect(self._refresh)
        self.save_button.setEnabled(False)
        self.hint_label.setText(_tr("正在读取学生信息…"))

        def read(ledger: Ledger) -> tuple[dict[str, Any] | None, dt.date]:
            return ledger.queries.student(student_id), ledger.clock.today()

        runner.query(read, on_done=self._loaded, parent=self)

    def _build_widgets(self) -> None:
        """Create the fields (split from __init__ only to keep it readable)."""
        self.name_label = QLabel()
        self.case_label = QLabel()
        self.date_edit = QDateEdit()
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.mode_combo = QComboBox()
        for entry in VISIT_MODES:
            self.mode_combo.addItem(_tr(_MODE_LABELS.get(entry.code, entry.label)), entry.code)
        self.participants_edit = QLineEdit()
        self.participants_edit.setPlaceholderText(_tr("多人用顿号或逗号分隔，如：张老师、村主任"))
        self.met_edit = QLineEdit()
        self.met_edit.setPlaceholderText(_tr("如：学生母亲"))
        self.attitude_combo = QComboBox()
        self.attitude_combo.addItem(_tr("（未填写）"), "")
        for entry in ATTITUDES:
            self.attitude_combo.addItem(
                _tr(_ATTITUDE_LABELS.get(entry.code, entry.label)), entry.code
            )
        self.result_edit = QPlainTextEdit()
        self.result_edit.setFixedHeight(60)
        self.next_edit = QPlainTextEdit()
        self.next_edit.setFixedHeight(60)
        self.hint_label = QLabel()
        self.hint_label.setWordWrap(True)
        self.hint_label.setStyleSheet("color: #b00020;")

    def _build_layout(self) -> None:
        """Lay the fields out as one labelled form with the hint above the buttons."""
        form = QFormLayout()
        form.addRow(_tr("学生："), self.name_label)
        form.addRow(_tr("个案："), self.case_label)
        form.addRow(_tr("劝返日期："), self.date_edit)
        form.addRow(_tr("方式："), self.mode_combo)
        form.addRow(_tr("参加人员："), self.participants_edit)
        form.addRow(_tr("见到何人："), self.met_edit)
        form.addRow(_tr("家长和学生态度："), self.attitude_combo)
        form.addRow(_tr("承诺或结果："), self.result_edit)
        form.addRow(_tr("下一步："), self.next_edit)

        self.buttons = QDialogButtonBox()
        self.save_button: QPushButton = self.buttons.addButton(
            _tr("保存"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.cancel_button: QPushButton = self.buttons.addButton(
            _tr("取消"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.hint_label)
        layout.addWidget(self.buttons)

    def _loaded(self, answer: tuple[dict[str, Any] | None, dt.date]) -> None:
        student, today = answer
        day = QDate(today.year, today.month, today.day)
        self.date_edit.setMaximumDate(day)
        self.date_edit.setDate(day)
        if student is None:
            self.hint_label.setText(_tr("找不到这名学生。"))
            return
        self.name_label.setText(str(student.get("name") or ""))
        status = student.get("status")
        open_case = bool(status) and Status(status).is_case and bool(student.get("case_id"))
        self.case_id = str(student["case_id"]) if open_case else ""
        self.case_label.setText(
            _tr("本次记录归入该生的辍学个案") if self.case_id else _tr("无（该生没有未销号的个案）")
        )
        self.loaded = True
        self.participants_edit.setFocus()  # the date and mode defaults usually stand
        self._refresh()

    def missing(self) -> list[str]:
        """What the form still lacks (empty when it can be saved)."""
        if not self.loaded:
            return [_tr("正在读取学生信息")]
        if not split_participants(self.participants_edit.text()):
            return [_tr("请填写参加人员")]
        return []

    def _refresh(self) -> None:
        lacks = self.missing()
        self.hint_label.setText("；".join(lacks))
        self.save_button.setEnabled(not lacks and not self._saving)

    def values(self) -> dict[str, Any]:
        """The visit record as the form now holds it, ready for `records.add("visit", …)`."""
        return {
            "student_id": self.student_id,
            "case_id": self.case_id,
            "date": self.date_edit.date().toPython(),
            "mode": str(self.mode_combo.currentData()),
            "participants": split_participants(self.participants_edit.text()),
            "met": self.met_edit.text().strip(),
            "attitude": str(self.attitude_combo.currentData() or ""),
            "result": self.result_edit.toPlainText().strip(),
            "next_step": self.next_edit.toPlainText().strip(),
        }

    def save(self) -> None:
        """Write the visit through the runner; a refusal keeps the dialog open and filled in."""
        if self.missing() or self._saving:
            return
        fields = self.values()
        self._saving = True
        self._refresh()

        def add(ledger: Ledger) -> Changes:
            return ledger.records.add("visit", fields)

        self.runner.op(add, parent=self, initiator=self, on_done=self._saved,
                       on_failed=self._failed)

    def _saved(self, changes: Changes) -> None:
        self._saving = False
        self.saved.emit(changes)
        self.accept()

    def _failed(self, _error: Exception) -> None:
        self._saving = False
        self._refresh()
