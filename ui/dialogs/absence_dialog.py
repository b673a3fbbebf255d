"""缺勤登记 for a whole class at once: tick who is absent, save once.

Why a class sheet rather than one form per pupil: a class teacher takes the register in the
morning and must finish in under a minute. Every pupil of the class who holds 学籍 here is one
row; the keyboard does it all (arrow keys move, space ticks, typing in 缺勤原因 starts editing),
and ticking 已请假 / 已联系家长 or typing a reason ticks 缺勤 too, since nobody notes a reason
for a pupil who was present.

Why one `records.add_many` call: the class's absences are one event transaction, so a refused
row (the core names its row number) leaves nothing half-written, and screens redraw once.
After saving, the dialog stays open showing "已登记 N 名学生缺勤" with the ticks cleared, so the
teacher sees it was written and can register another day without reopening it.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dropout_ledger.ledger import Ledger
from dropout_ledger.model.changes import Changes
from ui.ops import Runner

ABSENT, NAME, EXCUSED, CONTACTED, REASON = range(5)
"""Column numbers of the class sheet."""

_CHECK_COLUMNS = (ABSENT, EXCUSED, CONTACTED)
_CLASS_LIMIT = 1000
"""More pupils than any class has: one page holds the whole class."""


def _tr(text: str) -> str:
    return QCoreApplication.translate("AbsenceDialog", text)


def _checked(item: QTableWidgetItem | None) -> bool:
    return item is not None and item.checkState() == Qt.CheckState.Checked


class _ClassSheet(QTableWidget):
    """The table, with space ticking 缺勤 wherever the cursor is on a row's name."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Space on the name ticks 缺勤 (Qt would do nothing there: the name is not checkable)."""
        index = self.currentIndex()
        if event.key() == Qt.Key.Key_Space and index.isValid() and index.column() == NAME:
            item = self.item(index.row(), ABSENT)
            if item is not None:
                item.setCheckState(
                    Qt.CheckState.Unchecked if _checked(item) else Qt.CheckState.Checked
                )
            return
        super().keyPressEvent(event)


class AbsenceDialog(QDialog):
    """Register absences for one class on one date; `saved(changes)` after each save."""

    saved = Signal(object)
    """Emitted with the core's `Changes` after a save (the dialog stays open)."""

    def __init__(
        self, runner: Runner, grade: int, class_name: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.runner = runner
        self.grade = grade
        self.class_name = class_name
        self.student_ids: list[str] = []
        self.loaded = False
        self._saving = False
        self._filling = False
        self.setWindowTitle(_tr("缺勤登记"))
        self.resize(560, 520)

        self._build_widgets()
        self._build_layout()

        self.save_button.setEnabled(False)
        self.status_label.setText(_tr("正在读取本班名单…"))
        filters = {"grade": grade, "class_name": class_name}

        def read(ledger: Ledger) -> tuple[list[Any], dt.date]:
            rows = ledger.queries.roster("on-roll", filters=filters, order="name",
                                         limit=_CLASS_LIMIT)
            return rows, ledger.clock.today()

        runner.query(read, on_done=self._loaded, parent=self)

    def _build_widgets(self) -> None:
        """Create the fields (split from __init__ only to keep it readable)."""
        self.class_label = QLabel(
            _tr("{grade}年级 {class_name}").format(grade=self.grade, class_name=self.class_name)
        )
        self.date_edit = QDateEdit()
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.table = _ClassSheet(0, 5)
        self.table.setHorizontalHeaderLabels(
            [_tr("缺勤"), _tr("姓名"), _tr("已请假"), _tr("已联系家长"), _tr("缺勤原因")]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.table.setTabKeyNavigation(False)  # Tab leaves the table for 保存
        header = self.table.horizontalHeader()
        for column in (ABSENT, EXCUSED, CONTACTED):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(REASON, QHeaderView.ResizeMode.Stretch)
        self.table.itemChanged.connect(self._item_changed)

        self.hint_label = QLabel(_tr("方向键移动，空格勾选；在“缺勤原因”一栏直接输入。"))
        self.hint_label.setWordWrap(True)
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)

        self.buttons = QDialogButtonBox()
        self.save_button: QPushButton = self.buttons.addButton(
            _tr("保存"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.close_button: QPushButton = self.buttons.addButton(
            _tr("关闭"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.save_button.setAutoDefault(False)  # Enter in the table must not save by accident
        self.close_button.setAutoDefault(False)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

    def _build_layout(self) -> None:
        """Lay the fields out as one labelled form with the hint above the buttons."""
        form = QFormLayout()
        form.addRow(_tr("班级："), self.class_label)
        form.addRow(_tr("缺勤日期："), self.date_edit)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.hint_label)
        layout.addWidget(self.status_label)
        layout.addWidget(self.buttons)

    # -- loading -------------------------------------------------------------------------------

    def _loaded(self, answer: tuple[list[Any], dt.date]) -> None:
        rows, today = answer
        day = QDate(today.year, today.month, today.day)
        self.date_edit.setMaximumDate(day)
        self.date_edit.setDate(day)
        self._filling = True
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            self.student_ids.append(row.student_id)
            for column in _CHECK_COLUMNS:
                item = QTableWidgetItem()
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                              | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Unchecked)
                self.table.setItem(r, column, item)
            name = QTableWidgetItem(row.name)
            name.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            self.table.setItem(r, NAME, name)
            self.table.setItem(r, REASON, QTableWidgetItem(""))
        self._filling = False
        self.loaded = True
        if rows:
            self.table.setCurrentCell(0, ABSENT)
            self.table.setFocus()
            self.status_label.setText("")
        else:
            self.status_label.setText(_tr("本班没有在籍学生。"))
        self._refresh()

    # -- editing -------------------------------------------------------------------------------

    def _item_changed(self, item: QTableWidgetItem) -> None:
        """A note about a pupil (leave, contact, reason) means that pupil was absent."""
        if self._filling:
            return
        column = item.column()
        noted = (column in (EXCUSED, CONTACTED) and _checked(item)) or (
            column == REASON and item.text().strip()
        )
        absent = self.table.item(item.row(), ABSENT)
        if noted and absent is not None and not _checked(absent):
            absent.setCheckState(Qt.CheckState.Checked)  # re-enters here, then refreshes
            return
        self._refresh()

    def absent_rows(self) -> list[int]:
        """Row numbers ticked 缺勤."""
        return [r for r in range(self.table.rowCount()) if _checked(self.table.item(r, ABSENT))]

    def set_absent(self, row: int, absent: bool = True, *, excused: bool = False,
                   contacted: bool = False, reason: str = "") -> None:
        """Fill one row as a person would (tests and scripted entry use this)."""
        for column, on in ((ABSENT, absent), (EXCUSED, excused), (CONTACTED, contacted)):
            cell = self.table.item(row, column)
            if cell is not None:
                cell.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
        reason_item = self.table.item(row, REASON)
        if reason_item is not None:
            reason_item.setText(reason)

    def entries(self) -> list[dict[str, Any]]:
        """The absence records the ticked rows describe, ready for `records.add_many`."""
        date = self.date_edit.date().toPython()
        found: list[dict[str, Any]] = []
        for r in self.absent_rows():
            reason = self.table.item(r, REASON)
            found.append({
                "student_id": self.student_ids[r],
                "date": date,
                "excused": _checked(self.table.item(r, EXCUSED)),
                "reason": reason.text().strip() if reason is not None else "",
                "contacted": _checked(self.table.item(r, CONTACTED)),
            })
        return found

    def _refresh(self) -> None:
        count = len(self.absent_rows())
        self.save_button.setEnabled(self.loaded and count > 0 and not self._saving)
        if count:
            self.status_label.setText(_tr("已勾选 {n} 名学生缺勤").format(n=count))
            self.status_label.setStyleSheet("")

    # -- saving --------------------------------------------------------------------------------

    def save(self) -> None:
        """Write every ticked row in one `add_many` call; nothing is written if one is refused."""
        entries = self.entries()
        if not entries or self._saving:
            return
        self._saving = True
        self._refresh()

        def add(ledger: Ledger) -> Changes:
            return ledger.records.add_many("absence", entries)

        self.runner.op(
            add, parent=self, initiator=self,
            on_done=lambda changes: self._saved(changes, len(entries)),
            on_failed=self._failed,
        )

    def _saved(self, changes: Changes, count: int) -> None:
        self._saving = False
        self._filling = True
        for r in range(self.table.rowCount()):
            self.set_absent(r, False)
        self._filling = False
        self._refresh()
        self.status_label.setText(_tr("已登记 {n} 名学生缺勤").format(n=count))
        self.status_label.setStyleSheet("color: #1b5e20;")
        self.saved.emit(changes)

    def _failed(self, _error: Exception) -> None:
        """The runner has shown which row was refused; the ticks stay so it can be fixed."""
        self._saving = False
        self._refresh()
