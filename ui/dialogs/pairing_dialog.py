"""结对帮扶: start a teacher pairing for a pupil, or add a 帮扶记录 to one of the pupil's pairings.

Why one dialog for both: the teacher who sits down after a talk with the pupil wants to write it
down, and whether a pairing exists is the ledger's business, not theirs. A pupil with no pairing
gets the form that starts one; a pupil with one (or several: an academic and a family pairing)
gets the log form for the newest, with the others and "新建结对帮扶" in the 记录到 list, so a
second pairing is one choice away. Each log row is the 结对帮扶记录表 of domain §5.9 (日期, 方式,
内容, 学生表现和变化, 下一步), stored with its pairing's id so the printed form can gather them.

Why the teacher's name is offered, not picked: teachers change and helpers from outside the school
pair too, so any name may be typed; the completer offers the names already in the ledger (pairing
and case teachers, operators) so the same person is spelt the same way every time.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDateEdit,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from dropout_ledger.ledger import Ledger
from dropout_ledger.model import codes
from dropout_ledger.model.changes import Changes
from dropout_ledger.model.fields import LONG_TEXT
from dropout_ledger.services import aid
from dropout_ledger.services.aid import Pairing
from ui.dialogs.entry import EntryDialog
from ui.i18n import QT_TRANSLATE_NOOP
from ui.labels import grade_class_text
from ui.ops import Runner

NEW = "new"
"""Item data of the 记录到 entry that starts a new pairing."""
_MODE_MAX = 50
_NAME_MAX = 30


def _tr(text: str) -> str:
    return QCoreApplication.translate("PairingDialog", text)


_KIND_LABELS = {
    "academic": QT_TRANSLATE_NOOP("PairingDialog", "学业"),
    "psychological": QT_TRANSLATE_NOOP("PairingDialog", "心理"),
    "daily_life": QT_TRANSLATE_NOOP("PairingDialog", "生活"),
    "family": QT_TRANSLATE_NOOP("PairingDialog", "家庭"),
}
# The ways of support the 结对帮扶记录表 lists (domain §5.9); stored as these Chinese words.
_MODES = (
    QT_TRANSLATE_NOOP("PairingDialog", "谈心"),
    QT_TRANSLATE_NOOP("PairingDialog", "辅导"),
    QT_TRANSLATE_NOOP("PairingDialog", "家访"),
    QT_TRANSLATE_NOOP("PairingDialog", "电话"),
    QT_TRANSLATE_NOOP("PairingDialog", "物资"),
)


def kind_text(code: str) -> str:
    """A pairing kind as people read it (translated); an unknown code as itself."""
    return _tr(_KIND_LABELS[code]) if code in _KIND_LABELS else code


def pairing_text(pairing: Pairing) -> str:
    """'陈老师 · 学业 · 2026-09-01 起 · 已记录 2 次' for the 记录到 list."""
    parts = [pairing.teacher]
    if pairing.kind:
        parts.append(kind_text(pairing.kind))
    parts.append(_tr("{date} 起").format(date=pairing.start_date))
    parts.append(_tr("已记录 {n} 次").format(n=pairing.logs))
    return " · ".join(parts)


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


class PairingDialog(EntryDialog):
    """Start a pairing or log one support session; `saved(changes)` once the core accepted it."""


    def __init__(self, runner: Runner, student_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.student_id = student_id
        self.pairings: list[Pairing] = []
        self.loaded = False
        self._saving = False
        self.setWindowTitle(_tr("结对帮扶"))
        self.setMinimumWidth(500)

        self._build_widgets()
        self._build_layout()

        self.target_combo.currentIndexChanged.connect(self._target_chosen)
        self.teacher_edit.textChanged.connect(self._refresh)
        self.content_edit.textChanged.connect(self._refresh)
        self.mode_combo.editTextChanged.connect(self._refresh)
        self.save_button.setEnabled(False)
        self.hint_label.setText(_tr("正在读取学生信息…"))

        def read(ledger: Ledger) -> tuple[dict[str, Any] | None, list[Pairing], list[str],
                                          dt.date]:
            return (ledger.queries.student(student_id), aid.pairings(ledger, student_id),
                    aid.teacher_names(ledger), ledger.clock.today())

        runner.query(read, on_done=self._loaded, parent=self)

    # -- building ------------------------------------------------------------------------------

    def _build_widgets(self) -> None:
        """Create the fields (split from __init__ only to keep it readable)."""
        self.name_label = QLabel()
        self.target_combo = QComboBox()
        self.none_label = QLabel(_tr("该生还没有结对帮扶，请先建立结对。"))
        self.none_label.setVisible(False)

        self.log_date_edit = self._date_edit()
        self.mode_combo = QComboBox()
        self.mode_combo.setEditable(True)
        self.mode_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for mode in _MODES:
            self.mode_combo.addItem(_tr(mode), mode)
        self.mode_combo.setCurrentIndex(-1)
        line = self.mode_combo.lineEdit()
        if line is not None:
            line.setPlaceholderText(_tr("如：谈心、辅导、家访"))
        self.content_edit = self._text_edit(70)
        self.change_edit = self._text_edit(50)
        self.next_edit = self._text_edit(50)

        self.teacher_edit = QLineEdit()
        self.teacher_edit.setPlaceholderText(_tr("帮扶教师姓名"))
        self.start_date_edit = self._date_edit()
        self.kind_combo = QComboBox()
        self.kind_combo.addItem(_tr("（未填写）"), "")
        for entry in codes.PAIRING_KINDS:
            self.kind_combo.addItem(kind_text(entry.code), entry.code)
        self.goal_edit = self._text_edit(70)
        self.goal_edit.setPlaceholderText(_tr("如：每周谈心一次，补习数学"))

        self.hint_label = QLabel()
        self.hint_label.setWordWrap(True)
        self.hint_label.setStyleSheet("color: #b00020;")

    @staticmethod
    def _date_edit() -> QDateEdit:
        edit = QDateEdit()
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        return edit

    @staticmethod
    def _text_edit(height: int) -> QPlainTextEdit:
        edit = QPlainTextEdit()
        edit.setFixedHeight(height)
        edit.setTabChangesFocus(True)  # Tab moves on, as in every other field
        return edit

    def _build_layout(self) -> None:
        """One form: the student and 记录到 on top, then the log rows or the new-pairing rows.

        One QFormLayout (rows shown or hidden) rather than two stacked pages keeps every label in
        one column and the dialog no taller than the form it shows.
        """
        target = QWidget()
        target_row = QHBoxLayout(target)
        target_row.setContentsMargins(0, 0, 0, 0)
        target_row.addWidget(self.target_combo, 1)
        target_row.addWidget(self.none_label, 1)
        self.form = QFormLayout()
        self.form.addRow(_tr("学生："), self.name_label)
        self.target_label = QLabel(_tr("记录到："))
        self.form.addRow(self.target_label, target)
        self.log_rows: list[QWidget] = [
            self.log_date_edit, self.mode_combo, self.content_edit, self.change_edit,
            self.next_edit]
        for label, widget in zip(
            (_tr("日期："), _tr("方式："), _tr("帮扶内容："), _tr("学生表现和变化："),
             _tr("下一步：")), self.log_rows, strict=True):
            self.form.addRow(label, widget)
        self.new_rows: list[QWidget] = [
            self.teacher_edit, self.start_date_edit, self.kind_combo, self.goal_edit]
        for label, widget in zip(
            (_tr("帮扶教师："), _tr("结对日期："), _tr("帮扶类型："), _tr("帮扶目标：")),
            self.new_rows, strict=True):
            self.form.addRow(label, widget)

        self.buttons = QDialogButtonBox()
        self.save_button: QPushButton = self.buttons.addButton(
            _tr("保存"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button: QPushButton = self.buttons.addButton(
            _tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.hint_label)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self._show_rows(log=False)

    def _show_rows(self, *, log: bool) -> None:
        for widget in self.log_rows:
            self.form.setRowVisible(widget, log)
        for widget in self.new_rows:
            self.form.setRowVisible(widget, not log)

    # -- loading -------------------------------------------------------------------------------

    def _loaded(
        self, answer: tuple[dict[str, Any] | None, list[Pairing], list[str], dt.date]
    ) -> None:
        student, self.pairings, names, today = answer
        for edit in (self.log_date_edit, self.start_date_edit):
            edit.setMaximumDate(_qdate(today))
            edit.setDate(_qdate(today))
        if student is None:
            self.hint_label.setText(_tr("找不到这名学生。"))
            return
        self.name_label.setText(_tr("{name}（{where}）").format(
            name=student.get("name") or "",
            where=grade_class_text(int(student.get("grade") or 0),
                                   str(student.get("class_name") or ""))))
        completer = QCompleter(names, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.teacher_edit.setCompleter(completer)

        self.target_combo.blockSignals(True)
        for pairing in self.pairings:
            self.target_combo.addItem(pairing_text(pairing), pairing.pairing_id)
        self.target_combo.addItem(_tr("新建结对帮扶"), NEW)
        self.target_combo.setCurrentIndex(0)
        self.target_combo.blockSignals(False)
        self.target_combo.setVisible(bool(self.pairings))
        self.none_label.setVisible(not self.pairings)
        self.target_label.setText(_tr("记录到：") if self.pairings else _tr("结对："))
        self.loaded = True
        self._target_chosen()

    def _target_chosen(self) -> None:
        """Show the form the chosen target needs; a log cannot predate its pairing."""
        pairing = self.chosen_pairing()
        self._show_rows(log=pairing is not None)
        if pairing is not None and pairing.start_date:
            start = dt.date.fromisoformat(pairing.start_date)
            self.log_date_edit.setMinimumDate(_qdate(start))
            self.content_edit.setFocus()
        else:
            self.teacher_edit.setFocus()
        self.setWindowTitle(_tr("新建结对帮扶") if pairing is None else _tr("帮扶记录"))
        self._refresh()
        self.adjustSize()

    def chosen_pairing(self) -> Pairing | None:
        """The pairing a log goes to; None when a new pairing is being started."""
        data = self.target_combo.currentData()
        return next((p for p in self.pairings if p.pairing_id == data), None)

    # -- checks --------------------------------------------------------------------------------

    def mode_value(self) -> str:
        """The 方式 as stored: a listed way in Chinese whatever the language, else as typed."""
        text = self.mode_combo.currentText().strip()
        index = self.mode_combo.findText(text)
        return str(self.mode_combo.itemData(index)) if index >= 0 else text

    def missing(self) -> list[str]:
        """What the form still lacks (empty when it can be saved)."""
        if not self.loaded:
            return [_tr("正在读取学生信息")]
        lacks = []
        if self.chosen_pairing() is None:
            teacher = "".join(self.teacher_edit.text().split())
            if not teacher:
                lacks.append(_tr("请填写帮扶教师"))
            elif len(teacher) > _NAME_MAX or any(ch.isdigit() for ch in teacher):
                lacks.append(_tr("帮扶教师应填写姓名（不含数字，最多 30 字）"))
            if len(self.goal_edit.toPlainText().strip()) > LONG_TEXT:
                lacks.append(_tr("帮扶目标太长"))
            return lacks
        if not self.content_edit.toPlainText().strip():
            lacks.append(_tr("请填写帮扶内容"))
        if len(self.mode_value()) > _MODE_MAX:
            lacks.append(_tr("方式最多 50 字"))
        texts = (self.content_edit, self.change_edit, self.next_edit)
        if any(len(edit.toPlainText().strip()) > LONG_TEXT for edit in texts):
            lacks.append(_tr("内容太长（每栏最多 2000 字）"))
        return lacks

    def _refresh(self) -> None:
        lacks = self.missing()
        self.hint_label.setText(_tr("；").join(lacks))
        self.save_button.setEnabled(not lacks and not self._saving)

    # -- saving --------------------------------------------------------------------------------

    def values(self) -> tuple[str, dict[str, Any]]:
        """(record kind, fields) as the form now holds them, ready for `records.add`."""
        pairing = self.chosen_pairing()
        if pairing is None:
            return "pairing", {
                "student_id": self.student_id,
                "teacher": self.teacher_edit.text().strip(),
                "start_date": self.start_date_edit.date().toPython(),
                "kind": str(self.kind_combo.currentData() or ""),
                "goal": self.goal_edit.toPlainText().strip(),
            }
        return "pairing_log", {
            "student_id": self.student_id,
            "pairing_id": pairing.pairing_id,
            "date": self.log_date_edit.date().toPython(),
            "mode": self.mode_value(),
            "content": self.content_edit.toPlainText().strip(),
            "change": self.change_edit.toPlainText().strip(),
            "next_step": self.next_edit.toPlainText().strip(),
        }

    def save(self) -> None:
        """Write through the runner; a refusal keeps the dialog open and filled in."""
        if self.missing() or self._saving:
            return
        kind, fields = self.values()
        self._saving = True
        self._refresh()

        def add(ledger: Ledger) -> Changes:
            return ledger.records.add(kind, fields)

        self.runner.op(add, parent=self, initiator=self, on_done=self._saved,
                       on_failed=self._failed)


