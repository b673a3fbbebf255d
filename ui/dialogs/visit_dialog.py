"""劝返记录: one contact with a family (phone, home visit, joint visit …), saved through the runner.

Why the case is filled in, not chosen: a visit belongs to the student's open case (一人一案), and
the ledger already knows which one that is; a pupil with no open case (a follow-up of a returned
pupil, an at-risk pupil) gets a visit with no case.

Why participants are picked, not typed: the same teachers, village cadre and township official
go on visit after visit, and a name typed afresh each time drifts ("李老师", "李明", "李 明"),
so the monthly report could not count who did the work. The list offers the people the ledger
knows (`services.people.known_people`: this pupil's case people first, with their role); anyone
new is typed into the line below it (several at once, separated by 、 or commas), checked with
the core's rule for names, and joins the list ticked. At least one participant is required.

下一步日期 is the date promised to the family ("周一核实到校"); when it comes with no later visit,
今日待办 lists the pupil again. It is optional and may lie in the future, but not before the visit.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from dropout_ledger.errors import ValidationError
from dropout_ledger.ledger import Ledger
from dropout_ledger.model.changes import Changes
from dropout_ledger.model.codes import ATTITUDES, VISIT_MODES
from dropout_ledger.model.fields import FieldSpec, clean
from dropout_ledger.model.status import Status
from dropout_ledger.services.people import Person, known_people
from ui.dialogs.entry import EntryDialog
from ui.i18n import QT_TRANSLATE_NOOP
from ui.ops import Runner

_SEPARATORS = re.compile(r"[,，、;；/\n]+")
_NAME = FieldSpec("participants", "参加人员", "name")
"""How the core checks one person's name; a typed participant must pass it."""
NAME_ROLE = Qt.ItemDataRole.UserRole
"""Item data role holding a list row's bare name (its text also shows the role)."""



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
# known_people's role labels, marked for translation (the core speaks Chinese only).
_ROLE_LABELS = {
    text: text for text in (
        QT_TRANSLATE_NOOP("VisitDialog", "包保教师"),
        QT_TRANSLATE_NOOP("VisitDialog", "村级责任人"),
        QT_TRANSLATE_NOOP("VisitDialog", "乡镇责任人"),
        QT_TRANSLATE_NOOP("VisitDialog", "结对教师"),
        QT_TRANSLATE_NOOP("VisitDialog", "校长"),
        QT_TRANSLATE_NOOP("VisitDialog", "学籍管理员"),
        QT_TRANSLATE_NOOP("VisitDialog", "班主任"),
        QT_TRANSLATE_NOOP("VisitDialog", "县教育局工作人员"),
        QT_TRANSLATE_NOOP("VisitDialog", "操作员"),
        QT_TRANSLATE_NOOP("VisitDialog", "曾参加劝返"),
        QT_TRANSLATE_NOOP("VisitDialog", "送教教师"),
        QT_TRANSLATE_NOOP("VisitDialog", "本次添加"),
    )
}
_ADDED = "本次添加"
"""Role shown for a person typed in this dialog."""


def split_participants(text: str) -> list[str]:
    """'陈娜、张一梅, 村主任' -> ['陈娜', '张一梅', '村主任'] (blank pieces dropped)."""
    return [part.strip() for part in _SEPARATORS.split(text) if part.strip()]


def name_problem(name: str) -> str:
    """Why the core would refuse `name` as a person's name ("" when it is fine), translated."""
    try:
        clean(_NAME, name, today=dt.date.today())
    except ValidationError:
        return _tr("“{name}”不像姓名（只能包含汉字、字母和间隔号“·”，不能有数字）").format(
            name=name)
    return ""


def _checked(item: QListWidgetItem | None) -> bool:
    return item is not None and item.checkState() == Qt.CheckState.Checked


class PeopleList(QListWidget):
    """Known people as ticks in a grid; a click anywhere on a name, or space, toggles it.

    Not `uniformItemSizes`: that takes every item's width from the first one, and a short
    first name ("吴德（本次添加）") would then cut the longer ones off.

    The items are not user-checkable in Qt's sense, so the delegate never toggles them itself:
    that way a click on the box and a click on the name do the same thing, exactly once.
    """

    toggled = Signal()
    """Emitted after any tick changes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFlow(QListWidget.Flow.LeftToRight)
        self.setWrapping(True)
        self.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setSpacing(2)
        self.itemClicked.connect(self.toggle)

    def add_person(self, name: str, role: str, *, checked: bool = False, row: int = -1) -> None:
        item = QListWidgetItem(_tr("{name}（{role}）").format(
            name=name, role=_tr(_ROLE_LABELS.get(role, role))))
        item.setData(NAME_ROLE, name)
        item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
        item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        if row < 0:
            self.addItem(item)
        else:
            self.insertItem(row, item)

    def find_name(self, name: str) -> QListWidgetItem | None:
        return next((self.item(r) for r in range(self.count())
                     if self.item(r).data(NAME_ROLE) == name), None)

    def set_checked(self, name: str, checked: bool = True) -> bool:
        """Tick (or untick) `name`; False if nobody of that name is listed."""
        item = self.find_name(name)
        if item is None:
            return False
        item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self.toggled.emit()
        return True

    def checked_names(self) -> list[str]:
        return [str(self.item(r).data(NAME_ROLE)) for r in range(self.count())
                if _checked(self.item(r))]

    def toggle(self, item: QListWidgetItem) -> None:
        item.setCheckState(
            Qt.CheckState.Unchecked if _checked(item) else Qt.CheckState.Checked)
        self.toggled.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Space toggles the current name (Qt would not: the items are not user-checkable)."""
        item = self.currentItem()
        if event.key() == Qt.Key.Key_Space and item is not None:
            self.toggle(item)
            return
        super().keyPressEvent(event)

    def fit_columns(self) -> None:
        """One grid cell per name, as wide as the longest entry, so the names line up."""
        metrics = self.fontMetrics()
        widest = max((metrics.horizontalAdvance(self.item(r).text())
                      for r in range(self.count())), default=80)
        self.setGridSize(QSize(widest + 36, metrics.height() + 10))  # + tick box and margins


class VisitDialog(EntryDialog):
    """Record one 劝返 contact for a student; `saved(changes)` after the core accepted it."""


    def __init__(self, runner: Runner, student_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.student_id = student_id
        self.case_id = ""
        self.loaded = False
        self._saving = False
        self.setWindowTitle(_tr("劝返记录"))
        self.setMinimumWidth(560)

        self._build_widgets()
        self._build_layout()

        self.people_list.toggled.connect(self._refresh)
        self.participants_edit.textChanged.connect(self._refresh)
        self.participants_edit.returnPressed.connect(self.add_typed_people)
        self.add_person_button.clicked.connect(self.add_typed_people)
        self.date_edit.dateChanged.connect(self._refresh)
        self.next_date_check.toggled.connect(self._next_date_toggled)
        self.next_date_edit.dateChanged.connect(self._refresh)
        self.save_button.setEnabled(False)
        self.hint_label.setText(_tr("正在读取学生信息…"))

        def read(ledger: Ledger) -> tuple[dict[str, Any] | None, dt.date, list[Person]]:
            return (ledger.queries.student(student_id), ledger.clock.today(),
                    known_people(ledger, student_id))

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
        self.people_list = PeopleList()
        self.people_list.setFixedHeight(132)
        self.participants_edit = QLineEdit()
        self.participants_edit.setPlaceholderText(_tr("名单中没有的人：输入姓名，多人用顿号分隔"))
        self.add_person_button = QPushButton(_tr("添加"))
        self.add_person_button.setAutoDefault(False)
        self.picked_label = QLabel()
        self.picked_label.setWordWrap(True)
        self.picked_label.setStyleSheet("color: #555555;")
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
        self.next_date_check = QCheckBox(_tr("约定了日期"))
        self.next_date_edit = QDateEdit()
        self.next_date_edit.setCalendarPopup(True)
        self.next_date_edit.setDisplayFormat("yyyy-MM-dd")
        self.next_date_edit.setEnabled(False)
        self.hint_label = QLabel()
        self.hint_label.setWordWrap(True)
        self.hint_label.setStyleSheet("color: #b00020;")

    def _build_layout(self) -> None:
        """Lay the fields out as one labelled form with the hint above the buttons."""
        people = QVBoxLayout()
        people.setSpacing(4)
        people.addWidget(self.people_list)
        typed = QHBoxLayout()
        typed.addWidget(self.participants_edit, 1)
        typed.addWidget(self.add_person_button)
        people.addLayout(typed)
        people.addWidget(self.picked_label)
        next_date = QHBoxLayout()
        next_date.addWidget(self.next_date_check)
        next_date.addWidget(self.next_date_edit)
        next_date.addStretch(1)

        form = QFormLayout()
        form.addRow(_tr("学生："), self.name_label)
        form.addRow(_tr("个案："), self.case_label)
        form.addRow(_tr("劝返日期："), self.date_edit)
        form.addRow(_tr("方式："), self.mode_combo)
        form.addRow(_tr("参加人员："), people)
        form.addRow(_tr("见到何人："), self.met_edit)
        form.addRow(_tr("家长和学生态度："), self.attitude_combo)
        form.addRow(_tr("承诺或结果："), self.result_edit)
        form.addRow(_tr("下一步："), self.next_edit)
        form.addRow(_tr("下一步日期："), next_date)

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

    def _loaded(self, answer: tuple[dict[str, Any] | None, dt.date, list[Person]]) -> None:
        student, today, people = answer
        day = QDate(today.year, today.month, today.day)
        self.date_edit.setMaximumDate(day)
        self.date_edit.setDate(day)
        self.next_date_edit.setDate(day.addDays(7))
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
        for person in people:
            self.people_list.add_person(person.name, person.role)
        self.people_list.fit_columns()
        self.loaded = True
        self.people_list.setFocus()  # the date and mode defaults usually stand
        if self.people_list.count():
            self.people_list.setCurrentRow(0)
        self._refresh()

    # -- participants ----------------------------------------------------------------------

    def typed_names(self) -> list[str]:
        return split_participants(self.participants_edit.text())

    def participants(self) -> list[str]:
        """Ticked names in list order, then names typed but not yet added; each once."""
        names = self.people_list.checked_names() + self.typed_names()
        return list(dict.fromkeys(names))

    def add_typed_people(self) -> None:
        """Move the typed names into the list, ticked; names the core would refuse stay typed."""
        refused = []
        for name in self.typed_names():
            if name_problem(name):
                refused.append(name)
            elif not self.people_list.set_checked(name):
                self.people_list.add_person(name, _ADDED, checked=True, row=0)
        self.people_list.fit_columns()
        self.people_list.scrollToTop()
        self.participants_edit.setText("、".join(refused))
        self._refresh()

    def _next_date_toggled(self, on: bool) -> None:
        self.next_date_edit.setEnabled(on)
        self._refresh()

    # -- state -----------------------------------------------------------------------------

    def missing(self) -> list[str]:
        """What the form still lacks or gets wrong (empty when it can be saved)."""
        if not self.loaded:
            return [_tr("正在读取学生信息")]
        lacks = [problem for name in self.typed_names() if (problem := name_problem(name))]
        if not self.participants():
            lacks.append(_tr("请勾选或填写参加人员"))
        if (self.next_date_check.isChecked()
                and self.next_date_edit.date() < self.date_edit.date()):
            lacks.append(_tr("下一步日期不能早于劝返日期"))
        return lacks

    def _refresh(self) -> None:
        lacks = self.missing()
        self.hint_label.setText("；".join(lacks))
        self.save_button.setEnabled(not lacks and not self._saving)
        chosen = self.participants()
        self.picked_label.setText(
            _tr("已选 {n} 人：{names}").format(n=len(chosen), names="、".join(chosen))
            if chosen else "")

    def values(self) -> dict[str, Any]:
        """The visit record as the form now holds it, ready for `records.add("visit", …)`."""
        return {
            "student_id": self.student_id,
            "case_id": self.case_id,
            "date": self.date_edit.date().toPython(),
            "mode": str(self.mode_combo.currentData()),
            "participants": self.participants(),
            "met": self.met_edit.text().strip(),
            "attitude": str(self.attitude_combo.currentData() or ""),
            "result": self.result_edit.toPlainText().strip(),
            "next_step": self.next_edit.toPlainText().strip(),
            "next_date": self.next_date_edit.date().toPython()
            if self.next_date_check.isChecked() else "",
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


