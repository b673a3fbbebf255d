"""变更学籍状态: one student, one move the transition table allows, saved through the runner.

Why the dialog offers only `TRANSITIONS[current]`: a principal should never be able to pick a
move the core will refuse (在校 → 辍学 skips verification; terminal statuses have no way out).
The core still checks everything again: the dialog only keeps the common refusals from
happening, and any refusal it cannot foresee (a date before the current status date, a reason
the county dictionary dropped) comes back as the core's own Chinese message, shown once by the
runner, with the dialog left open and the input intact so nothing has to be typed again.

Fields appear only when they matter: the dropout reason is enabled for 疑似辍学/辍学, the 销号
fields are shown only when the move strikes a case off. 保存 stays disabled until the form is
complete, and one line under the form says what is still missing.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
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
from dropout_ledger.model.codes import CLOSURE_REASONS
from dropout_ledger.model.status import NEEDS_DROPOUT_REASON, TRANSITIONS, Status, is_closure
from ui.dialogs.entry import EntryDialog
from ui.labels import status_text
from ui.ops import Runner

OTHER_REASON = "99"
"""The dictionary's 其他 entry: it needs a written reason (the core refuses it without one)."""



def _tr(text: str) -> str:
    return QCoreApplication.translate("StatusDialog", text)




def status_label(status: Status) -> str:
    """The translated label of `status` (Chinese unless another language is installed)."""
    return status_text(status.value)


def _load(student_id: str) -> Any:
    """What the dialog needs, read in one call on the worker thread."""

    def read(ledger: Ledger) -> tuple[dict[str, Any] | None, dt.date, list[dict[str, str]]]:
        return (
            ledger.queries.student(student_id),
            ledger.clock.today(),
            list(ledger.settings.profile()["dropout_reasons"]),
        )

    return read


class StatusDialog(EntryDialog):
    """Change one student's status; `saved(changes)` is emitted after the core accepted it."""


    def __init__(self, runner: Runner, student_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.student_id = student_id
        self.current: Status | None = None
        self.loaded = False
        self._saving = False
        self.setWindowTitle(_tr("变更学籍状态"))
        self.setMinimumWidth(460)

        self._build_widgets()
        self._build_layout()

        self.target_combo.currentIndexChanged.connect(self._target_changed)
        self.reason_combo.currentIndexChanged.connect(self._refresh)
        self.reason_text.textChanged.connect(self._refresh)
        self.closure_combo.currentIndexChanged.connect(self._refresh)
        self.closure_evidence.textChanged.connect(self._refresh)

        self.setEnabled(False)  # until the student is read: nothing to act on yet
        self.hint_label.setText(_tr("正在读取学生信息…"))
        self._show_optional_rows(None)
        runner.query(_load(student_id), on_done=self._loaded, parent=self)

    def _build_widgets(self) -> None:
        """Create the fields (split from __init__ only to keep it readable)."""
        self.name_label = QLabel()
        self.current_label = QLabel()
        self.target_combo = QComboBox()
        self.date_edit = QDateEdit()
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.reason_combo = QComboBox()
        self.reason_text = QLineEdit()
        self.reason_text.setPlaceholderText(_tr("选择“其他”时必须填写"))
        self.closure_combo = QComboBox()
        self.closure_combo.addItem(_tr("请选择…"), "")
        for entry in CLOSURE_REASONS:
            self.closure_combo.addItem(entry.label, entry.code)
        self.closure_evidence = QPlainTextEdit()
        self.closure_evidence.setPlaceholderText(
            _tr("例如：接收学校出具的在读证明、派出所证明")
        )
        self.closure_evidence.setFixedHeight(60)
        self.note_edit = QLineEdit()
        self.hint_label = QLabel()
        self.hint_label.setWordWrap(True)
        self.hint_label.setStyleSheet("color: #b00020;")

    def _build_layout(self) -> None:
        """Lay the fields out as one labelled form with the hint above the buttons."""
        self.form = QFormLayout()
        self.form.addRow(_tr("学生："), self.name_label)
        self.form.addRow(_tr("当前状态："), self.current_label)
        self.form.addRow(_tr("变更为："), self.target_combo)
        self.form.addRow(_tr("生效日期："), self.date_edit)
        self.form.addRow(_tr("辍学原因："), self.reason_combo)
        self.form.addRow(_tr("原因说明："), self.reason_text)
        self.form.addRow(_tr("销号原因："), self.closure_combo)
        self.form.addRow(_tr("销号依据："), self.closure_evidence)
        self.form.addRow(_tr("备注："), self.note_edit)

        self.buttons = QDialogButtonBox()
        self.save_button: QPushButton = self.buttons.addButton(
            _tr("保存"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.cancel_button: QPushButton = self.buttons.addButton(
            _tr("取消"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.save_button.setDefault(True)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.hint_label)
        layout.addWidget(self.buttons)

    # -- loading -------------------------------------------------------------------------------

    def _loaded(self, answer: tuple[dict[str, Any] | None, dt.date, list[dict[str, str]]]) -> None:
        student, today, reasons = answer
        if student is None:
            self.setEnabled(True)
            self.target_combo.setEnabled(False)
            self.save_button.setEnabled(False)
            self.hint_label.setText(_tr("找不到这名学生。"))
            return
        self.current = Status(student["status"]) if student.get("status") else None
        self.name_label.setText(str(student.get("name") or ""))
        self.current_label.setText(
            status_label(self.current) if self.current else _tr("资料不全")
        )
        if student.get("status_date"):
            self.current_label.setText(
                _tr("{status}（自 {date} 起）").format(
                    status=self.current_label.text(), date=student["status_date"]
                )
            )
        self.date_edit.setMaximumDate(QDate(today.year, today.month, today.day))
        self.date_edit.setDate(QDate(today.year, today.month, today.day))
        self.reason_combo.addItem(_tr("请选择…"), "")
        for entry in reasons:
            self.reason_combo.addItem(f"{entry['code']} {entry['label']}", entry["code"])
        targets = [s for s in Status if self.current and s in TRANSITIONS[self.current]]
        self.target_combo.addItem(_tr("请选择…"), None)
        for status in targets:
            self.target_combo.addItem(status_label(status), status)
        self.loaded = True
        self.setEnabled(True)
        if not targets:
            self.target_combo.setEnabled(False)
        self._target_changed()

    # -- state ---------------------------------------------------------------------------------

    def target(self) -> Status | None:
        """The chosen target status, or None while 请选择… is showing."""
        value = self.target_combo.currentData()
        return value if isinstance(value, Status) else None

    def needs_reason(self) -> bool:
        target = self.target()
        return target is not None and target in NEEDS_DROPOUT_REASON

    def needs_closure(self) -> bool:
        target = self.target()
        return target is not None and is_closure(self.current, target)

    def missing(self) -> list[str]:
        """What the form still lacks, as short Chinese phrases (empty when it can be saved)."""
        if not self.loaded:
            return [_tr("正在读取学生信息")]
        if self.current is not None and not TRANSITIONS[self.current]:
            return [_tr("“{status}”是终结状态，不能再变更").format(
                status=status_label(self.current))]
        target = self.target()
        if target is None:
            return [_tr("请选择要变更为的状态")]
        lacks: list[str] = []
        if self.needs_reason():
            code = self.reason_combo.currentData()
            if not code:
                lacks.append(_tr("请选择辍学原因"))
            elif code == OTHER_REASON and not self.reason_text.text().strip():
                lacks.append(_tr("选择“其他”时须写明原因"))
        if self.needs_closure():
            if not self.closure_combo.currentData():
                lacks.append(_tr("销号须选择销号原因"))
            if not self.closure_evidence.toPlainText().strip():
                lacks.append(_tr("销号须写明依据"))
        return lacks

    def _show_optional_rows(self, target: Status | None) -> None:
        closure = target is not None and is_closure(self.current, target)
        self.form.setRowVisible(self.closure_combo, closure)
        self.form.setRowVisible(self.closure_evidence, closure)

    def _target_changed(self) -> None:
        self._show_optional_rows(self.target())
        needs = self.needs_reason()
        self.reason_combo.setEnabled(needs)
        self.reason_text.setEnabled(needs)
        self.adjustSize()
        self._refresh()

    def _refresh(self) -> None:
        lacks = self.missing()
        self.hint_label.setText("；".join(lacks))
        self.save_button.setEnabled(not lacks and not self._saving)

    # -- saving --------------------------------------------------------------------------------

    def values(self) -> dict[str, Any]:
        """The keyword arguments for `ledger.status.change`, as the form now holds them."""
        needs_reason, needs_closure = self.needs_reason(), self.needs_closure()
        return {
            "effective_date": self.date_edit.date().toPython(),
            "reason_code": str(self.reason_combo.currentData() or "") if needs_reason else "",
            "reason_text": self.reason_text.text().strip() if needs_reason else "",
            "closure_reason": str(self.closure_combo.currentData() or "") if needs_closure
            else "",
            "closure_evidence": self.closure_evidence.toPlainText().strip() if needs_closure
            else "",
            "note": self.note_edit.text().strip(),
        }

    def save(self) -> None:
        """Write the change through the runner; the dialog closes only if the core accepts it."""
        target = self.target()
        if self.missing() or target is None or self._saving:
            return
        student_id, values = self.student_id, self.values()
        self._saving = True
        self._refresh()

        def change(ledger: Ledger) -> Changes:
            return ledger.status.change(student_id, target, **values)

        self.runner.op(
            change, parent=self, initiator=self, on_done=self._saved, on_failed=self._failed
        )


