"""身份核查: the county's identity queue, both records side by side, and the four decisions.

sync.md §c.11: one case at a time — 重复在籍 (the same child on two schools' rolls) or 转学待核实
(a pupil recorded 转出 at one school and on another's roll) — with both schools' records next to
each other: school, name, sex, birth date, ID number and 学籍号 (masked unless the operator may
see full numbers), class, status and its history, last home visit. The clerk answers with
确认在甲校, 确认在乙校, 不是同一人 or 转学已核实 (the last only for a transfer) and may add a note;
the answer is one county decision that the next export carries to both schools as a notice
(`sync.identity.decide`). The case then leaves the list.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from dropout_ledger.model.access import Permission, may
from dropout_ledger.model.changes import Changes
from dropout_ledger.model.identity import mask_id_number, mask_xjh
from dropout_ledger.sync import identity
from dropout_ledger.sync.identity import Enrolment, IdentityCase
from ui.i18n import QT_TRANSLATE_NOOP
from ui.labels import grade_text, status_text
from ui.ops import Runner

KINDS: dict[str, str] = {
    "duplicate": QT_TRANSLATE_NOOP("IdentityDialog", "重复在籍"),
    "transfer": QT_TRANSLATE_NOOP("IdentityDialog", "转学待核实"),
}
OUTCOMES: tuple[tuple[str, str], ...] = (
    ("at_a", QT_TRANSLATE_NOOP("IdentityDialog", "确认在甲校")),
    ("at_b", QT_TRANSLATE_NOOP("IdentityDialog", "确认在乙校")),
    ("not_same", QT_TRANSLATE_NOOP("IdentityDialog", "不是同一人")),
    ("transfer_verified", QT_TRANSLATE_NOOP("IdentityDialog", "转学已核实")),
)
SEXES = {"1": QT_TRANSLATE_NOOP("IdentityDialog", "男"),
         "2": QT_TRANSLATE_NOOP("IdentityDialog", "女")}
FIELDS: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("IdentityDialog", "学校"),
    QT_TRANSLATE_NOOP("IdentityDialog", "姓名"),
    QT_TRANSLATE_NOOP("IdentityDialog", "性别"),
    QT_TRANSLATE_NOOP("IdentityDialog", "出生日期"),
    QT_TRANSLATE_NOOP("IdentityDialog", "身份证号"),
    QT_TRANSLATE_NOOP("IdentityDialog", "学籍号"),
    QT_TRANSLATE_NOOP("IdentityDialog", "年级班级"),
    QT_TRANSLATE_NOOP("IdentityDialog", "当前状态"),
    QT_TRANSLATE_NOOP("IdentityDialog", "状态记录"),
    QT_TRANSLATE_NOOP("IdentityDialog", "最近家访"),
)


def _tr(text: str) -> str:
    return QCoreApplication.translate("IdentityDialog", text)


class RecordPanel(QGroupBox):
    """One school's record of the child (甲校 or 乙校)."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.values: dict[str, QLabel] = {}
        form = QFormLayout(self)
        for field in FIELDS:
            label = QLabel("", self)
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.values[field] = label
            form.addRow(_tr(field), label)

    def show_record(self, record: Enrolment, *, full_ids: bool) -> None:
        number = record.id_number if full_ids else mask_id_number(record.id_number)
        xjh = record.xjh if full_ids else mask_xjh(record.xjh)
        grade = grade_text(record.grade) if record.grade else ""
        history = _tr("；").join(f"{day} {status_text(code)}" for day, code in record.history[-4:])
        shown = {
            "学校": record.school_name, "姓名": record.name,
            "性别": _tr(SEXES[record.sex]) if record.sex in SEXES else "",
            "出生日期": record.birth_date, "身份证号": number or "—", "学籍号": xjh or "—",
            "年级班级": _tr("{grade}{class_name}").format(grade=grade, class_name=record.class_name),
            "当前状态": _tr("{status}（{day}）").format(
                status=status_text(record.status), day=record.status_date),
            "状态记录": history, "最近家访": record.last_visit or _tr("无"),
        }
        for field, label in self.values.items():
            label.setText(shown[field])


class IdentityQueueDialog(QDialog):
    """The open cases on the left, the chosen one's two records, a note and the decisions.

    `decided(changes)` is emitted after each decision the core accepted.
    """

    decided = Signal(object)

    def __init__(self, runner: Runner, parent: QWidget | None = None, *, role: str = "") -> None:
        super().__init__(parent)
        self.runner = runner
        self.full_ids = may(role, Permission.FULL_IDS)
        self.cases: list[IdentityCase] = []
        self.setWindowTitle(_tr("身份核查"))
        self.resize(1060, 560)

        self.case_list = QListWidget(self)
        self.case_list.setMinimumWidth(280)
        self.case_list.setSpacing(3)
        self.case_list.currentRowChanged.connect(self._show_case)
        self.kind_label = QLabel("", self)
        self.kind_label.setWordWrap(True)
        self.panel_a = RecordPanel(_tr("甲校"), self)
        self.panel_b = RecordPanel(_tr("乙校"), self)
        self.note_edit = QPlainTextEdit(self)
        self.note_edit.setPlaceholderText(_tr("备注（可不填）：如何核实的，例如“已电话联系监护人”"))
        self.note_edit.setMaximumHeight(70)
        self.hint_label = QLabel("", self)
        self.hint_label.setWordWrap(True)
        self.buttons: dict[str, QPushButton] = {}
        row = QHBoxLayout()
        for outcome, text in OUTCOMES:
            button = QPushButton(_tr(text), self)
            button.clicked.connect(lambda _=False, o=outcome: self.decide(o))
            self.buttons[outcome] = button
            row.addWidget(button)
        row.addStretch(1)
        close = QPushButton(_tr("关闭"), self)
        close.clicked.connect(self.reject)
        row.addWidget(close)

        sides = QHBoxLayout()
        sides.addWidget(self.panel_a)
        sides.addWidget(self.panel_b)
        right = QVBoxLayout()
        right.addWidget(self.kind_label)
        right.addLayout(sides, 1)
        right.addWidget(self.note_edit)
        right.addWidget(self.hint_label)
        right.addLayout(row)
        body = QHBoxLayout(self)
        body.addWidget(self.case_list)
        body.addLayout(right, 1)
        self.refresh()

    # --- loading -----------------------------------------------------------------------------

    def refresh(self) -> None:
        self.runner.query(identity.identity_queue, on_done=self._show_cases, parent=self)

    def _show_cases(self, cases: list[IdentityCase]) -> None:
        self.cases = cases
        self.case_list.clear()
        for case in cases:
            text = _tr("{kind}：{name}\n{a} / {b}").format(
                kind=_tr(KINDS[case.kind]), name=case.a.name, a=case.a.school_name,
                b=case.b.school_name)
            QListWidgetItem(text, self.case_list)
        if cases:
            self.case_list.setCurrentRow(0)
        else:
            self._show_case(-1)

    @property
    def case(self) -> IdentityCase | None:
        row = self.case_list.currentRow()
        return self.cases[row] if 0 <= row < len(self.cases) else None

    def _show_case(self, row: int) -> None:
        case = self.case
        for button in self.buttons.values():
            button.setEnabled(case is not None)
        if case is None:
            self.kind_label.setText(_tr("没有待核查的学生。"))
            self.hint_label.setText("")
            self.panel_a.setEnabled(False)
            self.panel_b.setEnabled(False)
            return
        self.panel_a.setEnabled(True)
        self.panel_b.setEnabled(True)
        self.panel_a.setTitle(_tr("甲校：{school}").format(school=case.a.school_name))
        self.panel_b.setTitle(_tr("乙校：{school}").format(school=case.b.school_name))
        self.panel_a.show_record(case.a, full_ids=self.full_ids)
        self.panel_b.show_record(case.b, full_ids=self.full_ids)
        if case.kind == "duplicate":
            self.kind_label.setText(_tr(
                "重复在籍：同一身份证号（或学籍号）在两所学校都是在籍学生。请与两校和监护人核实孩子实际"
                "在哪所学校就读。"))
        else:
            self.kind_label.setText(_tr(
                "转学待核实：甲校已登记转出，乙校有同一身份证号（或学籍号）的在籍学生。请核实转学手续。"))
        transfer = case.kind == "transfer"
        self.buttons["transfer_verified"].setEnabled(transfer)
        self.buttons["transfer_verified"].setToolTip(
            "" if transfer else _tr("只有甲校已登记转出的学生才能核实为转学"))
        if transfer:
            self.hint_label.setText(_tr("处理结果会在下次导出同步文件时通知两所学校。"))
        else:
            self.hint_label.setText(_tr(
                "处理结果会在下次导出同步文件时通知两所学校；在此之前全县在籍人数按一人计。"))

    # --- deciding ------------------------------------------------------------------------------

    def decide(self, outcome: str) -> None:
        case = self.case
        if case is None:
            return
        note = self.note_edit.toPlainText()
        for button in self.buttons.values():
            button.setEnabled(False)
        self.runner.op(lambda ledger: identity.decide(ledger, case.case_id, outcome, note),
                       parent=self, on_done=self._decided, on_failed=self._failed)

    def _decided(self, changes: Changes) -> None:
        self.note_edit.clear()
        self.decided.emit(changes)
        self.refresh()

    def _failed(self, _error: Exception) -> None:
        self.refresh()
