"""辍学学生情况报告表: the principal's written report on one pupil, from a 今日待办 报告表 row.

When a pupil's unexcused absence reaches the county's `report_form_days`, the school must report
to the township government and the county bureau. The dialog files that report as a `report`
record (`services.reports.file_report_form`) with both recipients ticked and today's date, and
a summary drafted from the ledger (class, absence run, reason, whereabouts, visits so far) that
the principal reads and edits: nobody should have to type out what the ledger already knows.

Why the case facts are on the same form: the paper form asks for the reason, the pupil's
whereabouts and the responsible people on both lines (包保教师, 村级责任人, 乡镇责任人), and
writing the report is when the principal finds out or corrects them. They are saved into the
open case in the same transaction as the report, so the case and the report never disagree and
one undo takes both back. A pupil with no open case gets the report alone.

Until the summary is edited by hand, changing a case fact redrafts it; after that, 重新生成草稿
does it on request. 保存 stays disabled, with the reason under the form, until the report has a
recipient, a summary, a reason and a 包保教师, and every name passes the core's name rule.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from dropout_ledger.errors import ValidationError
from dropout_ledger.ledger import Ledger
from dropout_ledger.model.changes import Changes
from dropout_ledger.model.codes import REPORT_RECIPIENTS
from dropout_ledger.model.fields import FieldSpec, clean
from dropout_ledger.services.reports import (
    DEFAULT_RECIPIENTS,
    OTHER_REASON,
    ReportFacts,
    draft_summary,
    file_report_form,
    report_facts,
)
from ui.dialogs.entry import EntryDialog
from ui.i18n import QT_TRANSLATE_NOOP
from ui.labels import grade_class_text
from ui.ops import Runner

_NAME = FieldSpec("name", "姓名", "name")



def _tr(text: str) -> str:
    return QCoreApplication.translate("ReportFormDialog", text)


_RECIPIENT_LABELS = {
    "township": QT_TRANSLATE_NOOP("ReportFormDialog", "乡镇人民政府"),
    "bureau": QT_TRANSLATE_NOOP("ReportFormDialog", "县教育局"),
    "central_school": QT_TRANSLATE_NOOP("ReportFormDialog", "乡镇中心校"),
}
# The responsible people, as (case field, label): each must read as a person's name.
_PEOPLE = (
    ("teacher", QT_TRANSLATE_NOOP("ReportFormDialog", "包保教师")),
    ("village_contact", QT_TRANSLATE_NOOP("ReportFormDialog", "村级责任人")),
    ("township_contact", QT_TRANSLATE_NOOP("ReportFormDialog", "乡镇责任人")),
)

Loaded = tuple[ReportFacts | None, dt.date, list[dict[str, str]]]


def _is_name(text: str) -> bool:
    try:
        clean(_NAME, text, today=dt.date.today())
    except ValidationError:
        return False
    return True


class ReportFormDialog(EntryDialog):
    """File one pupil's 辍学学生情况报告表; `saved(changes)` after the core accepted it."""


    def __init__(self, runner: Runner, student_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.student_id = student_id
        self.facts: ReportFacts | None = None
        self.loaded = False
        self._saving = False
        self._drafting = False
        self.summary_edited = False
        self.setWindowTitle(_tr("辍学学生情况报告表"))
        self.setMinimumWidth(600)

        self._build_widgets()
        self._build_layout()
        self._connect()

        self.save_button.setEnabled(False)
        self.hint_label.setText(_tr("正在读取学生信息…"))

        def read(ledger: Ledger) -> Loaded:
            facts = report_facts(ledger, student_id) if ledger.queries.student(
                student_id) else None
            reasons = list(ledger.settings.profile()["dropout_reasons"])
            return facts, ledger.clock.today(), reasons

        runner.query(read, on_done=self._loaded, parent=self)

    # -- building ----------------------------------------------------------------------------

    def _build_widgets(self) -> None:
        """Create the fields (split from __init__ only to keep it readable)."""
        self.name_label = QLabel()
        self.absence_label = QLabel()
        self.absence_label.setWordWrap(True)
        self.date_edit = QDateEdit()
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.recipient_checks: dict[str, QCheckBox] = {}
        for entry in REPORT_RECIPIENTS:
            check = QCheckBox(_tr(_RECIPIENT_LABELS.get(entry.code, entry.label)))
            check.setChecked(entry.code in DEFAULT_RECIPIENTS)
            # Never squeezed: a cut-off recipient is worse than a wider dialog.
            check.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
            self.recipient_checks[entry.code] = check
        self.case_box = QGroupBox(_tr("个案情况（保存时一并更新该生的辍学个案）"))
        self.no_case_label = QLabel(_tr("该生没有未销号的辍学个案：只保存报告。"))
        self.no_case_label.setWordWrap(True)
        self.reason_combo = QComboBox()
        self.reason_text = QLineEdit()
        self.reason_text.setPlaceholderText(_tr("选择“其他”时必须填写"))
        self.whereabouts_edit = QLineEdit()
        self.whereabouts_edit.setPlaceholderText(_tr("如：在家、外出务工（广东东莞）、去向不明"))
        self.people_edits: dict[str, QLineEdit] = {field: QLineEdit() for field, _ in _PEOPLE}
        self.summary_edit = QPlainTextEdit()
        self.summary_edit.setMinimumHeight(150)
        self.redraft_button = QPushButton(_tr("重新生成草稿"))
        self.redraft_button.setAutoDefault(False)
        self.draft_note = QLabel(_tr("草稿由台账生成，请核对、修改后保存。"))
        self.draft_note.setStyleSheet("color: #555555;")
        self.hint_label = QLabel()
        self.hint_label.setWordWrap(True)
        self.hint_label.setStyleSheet("color: #b00020;")

    def _build_layout(self) -> None:
        """The report's own fields, the case box, then the summary, the hint and the buttons."""
        recipients = QHBoxLayout()
        for check in self.recipient_checks.values():
            recipients.addWidget(check)
        recipients.addStretch(1)

        case_form = QFormLayout(self.case_box)
        case_form.addRow(_tr("辍学原因："), self.reason_combo)
        case_form.addRow(_tr("原因说明："), self.reason_text)
        case_form.addRow(_tr("去向："), self.whereabouts_edit)
        for field, label in _PEOPLE:
            case_form.addRow(_tr("{label}：").format(label=_tr(label)), self.people_edits[field])

        note = QHBoxLayout()
        note.addWidget(self.draft_note, 1)
        note.addWidget(self.redraft_button)

        form = QFormLayout()
        form.addRow(_tr("学生："), self.name_label)
        form.addRow(_tr("缺课情况："), self.absence_label)
        form.addRow(_tr("报告日期："), self.date_edit)
        form.addRow(_tr("报送单位："), recipients)

        self.buttons = QDialogButtonBox()
        self.save_button: QPushButton = self.buttons.addButton(
            _tr("保存"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button: QPushButton = self.buttons.addButton(
            _tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.case_box)
        layout.addWidget(self.no_case_label)
        layout.addWidget(QLabel(_tr("报告内容：")))
        layout.addWidget(self.summary_edit, 1)
        layout.addLayout(note)
        layout.addWidget(self.hint_label)
        layout.addWidget(self.buttons)
        self.case_box.hide()
        self.no_case_label.hide()

    def _connect(self) -> None:
        """Every edit re-checks the form; a case fact also redrafts an untouched summary."""
        for check in self.recipient_checks.values():
            check.toggled.connect(self._refresh)
        self.reason_combo.currentIndexChanged.connect(self._case_changed)
        for edit in (self.reason_text, self.whereabouts_edit, *self.people_edits.values()):
            edit.textChanged.connect(self._case_changed)
        self.summary_edit.textChanged.connect(self._summary_changed)
        self.redraft_button.clicked.connect(self.redraft)
        self.date_edit.dateChanged.connect(self._refresh)

    # -- loading -----------------------------------------------------------------------------

    def _loaded(self, answer: Loaded) -> None:
        facts, today, reasons = answer
        day = QDate(today.year, today.month, today.day)
        self.date_edit.setMaximumDate(day)
        self.date_edit.setDate(day)
        if facts is None:
            self.hint_label.setText(_tr("找不到这名学生。"))
            return
        self.facts = facts
        self.name_label.setText(_tr("{name}（{grade_class}）").format(
            name=facts.name, grade_class=grade_class_text(facts.grade, facts.class_name)))
        self.absence_label.setText(
            _tr("已连续无故缺课 {days} 个上学日（自 {start} 起）").format(
                days=facts.absence_days, start=facts.absence_start)
            if facts.absence_days else _tr("目前没有连续的无故缺课记录"))
        self.reason_combo.addItem(_tr("请选择…"), "")
        for entry in reasons:
            self.reason_combo.addItem(f"{entry['code']} {entry['label']}", entry["code"])
        self._fill_case(facts)
        self.case_box.setVisible(bool(facts.case_id))
        self.no_case_label.setVisible(not facts.case_id)
        self.loaded = True
        self.redraft()
        self.summary_edit.setFocus()
        self.adjustSize()

    def _fill_case(self, facts: ReportFacts) -> None:
        self._drafting = True  # filling in is not an edit: keep the draft automatic
        index = self.reason_combo.findData(facts.reason_code)
        self.reason_combo.setCurrentIndex(max(index, 0))
        self.reason_text.setText(facts.reason_text)
        self.whereabouts_edit.setText(facts.whereabouts)
        for field, _ in _PEOPLE:
            self.people_edits[field].setText(str(getattr(facts, field)))
        self._drafting = False

    # -- state -------------------------------------------------------------------------------

    def has_case(self) -> bool:
        return self.facts is not None and bool(self.facts.case_id)

    def recipients(self) -> list[str]:
        return [code for code, check in self.recipient_checks.items() if check.isChecked()]

    def case_values(self) -> dict[str, Any]:
        """The case facts as the form holds them ({} for a pupil without an open case)."""
        if not self.has_case():
            return {}
        return {
            "reason_code": str(self.reason_combo.currentData() or ""),
            "reason_text": self.reason_text.text().strip(),
            "whereabouts": self.whereabouts_edit.text().strip(),
            **{field: edit.text().strip() for field, edit in self.people_edits.items()},
        }

    def report_values(self) -> dict[str, Any]:
        return {"date": self.date_edit.date().toPython(), "recipients": self.recipients(),
                "summary": self.summary_edit.toPlainText().strip()}

    def current_facts(self) -> ReportFacts | None:
        """The ledger's facts with the case box's edits applied: what the draft should say."""
        if self.facts is None:
            return None
        values = self.case_values()
        if not values:
            return self.facts
        label = self.reason_combo.currentText().partition(" ")[2] if values["reason_code"] else ""
        return dataclasses.replace(self.facts, reason_label=label, **values)

    def missing(self) -> list[str]:
        """What the form still lacks or gets wrong, as short Chinese phrases."""
        if not self.loaded:
            return [_tr("正在读取学生信息")]
        lacks: list[str] = []
        if not self.recipients():
            lacks.append(_tr("请至少选择一个报送单位"))
        if self.has_case():
            lacks += self._case_lacks()
        if not self.summary_edit.toPlainText().strip():
            lacks.append(_tr("请填写报告内容"))
        return lacks

    def _case_lacks(self) -> list[str]:
        values = self.case_values()
        lacks: list[str] = []
        if not values["reason_code"]:
            lacks.append(_tr("请选择辍学原因"))
        elif values["reason_code"] == OTHER_REASON and not values["reason_text"]:
            lacks.append(_tr("选择“其他”时须写明原因"))
        if not values["teacher"]:
            lacks.append(_tr("请填写包保教师"))
        for field, label in _PEOPLE:
            if values[field] and not _is_name(values[field]):
                lacks.append(_tr("{label}“{name}”不像姓名").format(
                    label=_tr(label), name=values[field]))
        return lacks

    def _refresh(self) -> None:
        lacks = self.missing()
        self.hint_label.setText("；".join(lacks))
        self.save_button.setEnabled(not lacks and not self._saving)

    def redraft(self) -> None:
        """Replace the summary with a fresh draft from the ledger and the case box."""
        facts = self.current_facts()
        if facts is None:
            return
        self._drafting = True
        self.summary_edit.setPlainText(draft_summary(facts))
        self._drafting = False
        self.summary_edited = False
        self._refresh()

    def _case_changed(self) -> None:
        if self.loaded and not self._drafting and not self.summary_edited:
            self.redraft()
        else:
            self._refresh()

    def _summary_changed(self) -> None:
        if not self._drafting:
            self.summary_edited = True
        self._refresh()

    # -- saving ------------------------------------------------------------------------------

    def save(self) -> None:
        """File the report (and amend the case) through the runner, in one transaction."""
        if self.missing() or self._saving:
            return
        student_id, report, case = self.student_id, self.report_values(), self.case_values()
        self._saving = True
        self._refresh()

        def file(ledger: Ledger) -> Changes:
            return file_report_form(ledger, student_id, report, case)

        self.runner.op(file, parent=self, initiator=self, on_done=self._saved,
                       on_failed=self._failed)


