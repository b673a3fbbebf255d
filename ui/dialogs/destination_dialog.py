"""登记毕业去向: where a grade-9 graduate went (升入普通高中、中职、技工学校、就业、未升学、其他).

The answer is a `destination` record (services/destinations.py), the numerator of 初中升学率;
a later answer replaces an earlier one, so the summer's 未升学 can become 升入技工学校 in
September without editing anything. The dialog offers only what the core accepts: the date
starts at today and cannot go before the graduation date; 其他 needs a few words. 保存 stays
disabled until the form is complete, and one line says what is still missing.
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
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from dropout_ledger.ledger import Ledger
from dropout_ledger.model.changes import Changes
from dropout_ledger.model.codes import GRADUATE_DESTINATIONS
from dropout_ledger.services.destinations import Destination, latest_destination, record_destination
from ui.dialogs.entry import EntryDialog
from ui.ops import Runner

OTHER = "other"


def _tr(text: str) -> str:
    return QCoreApplication.translate("DestinationDialog", text)


def _load(student_id: str) -> Any:
    def read(ledger: Ledger) -> tuple[dict[str, Any] | None, dt.date, Destination | None]:
        return (ledger.queries.student(student_id), ledger.clock.today(),
                latest_destination(ledger.conn, student_id))
    return read


class DestinationDialog(EntryDialog):
    """Record one graduate's destination; `saved(changes)` after the core accepted it."""

    def __init__(self, runner: Runner, student_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.student_id = student_id
        self.loaded = False
        self.setWindowTitle(_tr("登记毕业去向"))
        self.setMinimumWidth(440)

        self.name_label = QLabel()
        self.graduated_label = QLabel()
        self.previous_label = QLabel()
        self.previous_label.setWordWrap(True)
        self.destination_combo = QComboBox()
        self.destination_combo.addItem(_tr("请选择…"), "")
        for entry in GRADUATE_DESTINATIONS:
            self.destination_combo.addItem(entry.label, entry.code)
        self.date_edit = QDateEdit()
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.school_edit = QLineEdit()
        self.school_edit.setPlaceholderText(_tr("例如：县第一中学（可不填）"))
        self.note_edit = QLineEdit()
        self.note_edit.setPlaceholderText(_tr("选择“其他”时必须填写"))
        self.hint_label = QLabel()
        self.hint_label.setWordWrap(True)
        self.hint_label.setStyleSheet("color: #b00020;")
        self._build_layout()

        self.destination_combo.currentIndexChanged.connect(self._refresh)
        self.note_edit.textChanged.connect(self._refresh)
        self.setEnabled(False)
        self.hint_label.setText(_tr("正在读取学生信息…"))
        runner.query(_load(student_id), on_done=self._loaded, parent=self)

    def _build_layout(self) -> None:
        """The labelled form, the hint line and the buttons (split from __init__ to read)."""
        form = QFormLayout()
        form.addRow(_tr("学生："), self.name_label)
        form.addRow(_tr("毕业日期："), self.graduated_label)
        form.addRow(_tr("已登记："), self.previous_label)
        form.addRow(_tr("毕业去向："), self.destination_combo)
        form.addRow(_tr("登记日期："), self.date_edit)
        form.addRow(_tr("升入学校："), self.school_edit)
        form.addRow(_tr("说明："), self.note_edit)
        self.buttons = QDialogButtonBox()
        self.save_button: QPushButton = self.buttons.addButton(
            _tr("保存"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button: QPushButton = self.buttons.addButton(
            _tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        self.save_button.setDefault(True)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.hint_label)
        layout.addWidget(self.buttons)

    def _loaded(self, answer: tuple[dict[str, Any] | None, dt.date, Destination | None]) -> None:
        student, today, previous = answer
        self.setEnabled(True)
        self.loaded = student is not None and student.get("status") == "graduated" \
            and student.get("grade") == 9
        if student is None:
            self.hint_label.setText(_tr("找不到这名学生。"))
            self.save_button.setEnabled(False)
            return
        self.name_label.setText(str(student.get("name") or ""))
        graduated = str(student.get("status_date") or "")
        self.graduated_label.setText(graduated)
        self.previous_label.setText(
            _tr("{label}（{date}）").format(label=previous.label, date=previous.date)
            if previous is not None else _tr("（无）"))
        self.date_edit.setMaximumDate(QDate(today.year, today.month, today.day))
        if graduated:
            day = dt.date.fromisoformat(graduated)
            self.date_edit.setMinimumDate(QDate(day.year, day.month, day.day))
        self.date_edit.setDate(QDate(today.year, today.month, today.day))
        self._refresh()

    def missing(self) -> list[str]:
        """What still keeps 保存 disabled, in Chinese."""
        if not self.loaded:
            return [_tr("只有已毕业的九年级学生才能登记毕业去向")]
        lacks = []
        code = str(self.destination_combo.currentData() or "")
        if not code:
            lacks.append(_tr("请选择毕业去向"))
        if code == OTHER and not self.note_edit.text().strip():
            lacks.append(_tr("毕业去向为“其他”时请在“说明”中写明"))
        return lacks

    def _refresh(self) -> None:
        lacks = self.missing()
        self.hint_label.setText("；".join(lacks))
        self.save_button.setEnabled(not lacks and not self._saving)

    def values(self) -> dict[str, Any]:
        return {"destination": str(self.destination_combo.currentData() or ""),
                "date": self.date_edit.date().toPython(),
                "school": self.school_edit.text().strip(), "note": self.note_edit.text().strip()}

    def save(self) -> None:
        if self.missing() or self._saving:
            return
        student_id, values = self.student_id, self.values()
        self._saving = True
        self._refresh()

        def add(ledger: Ledger) -> Changes:
            return record_destination(ledger, student_id, values["destination"],
                                      date=values["date"], school=values["school"],
                                      note=values["note"])

        self.runner.op(add, parent=self, initiator=self, on_done=self._saved,
                       on_failed=self._failed)
