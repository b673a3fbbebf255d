"""劝返阶段: a case's escalation steps so far, the next one and its deadline, and a new step.

Why the dialog takes a student, not a case: every screen that opens it (今日待办, the student
page) knows the student, and a student has at most one open case (一人一案), which the ledger
already knows. A student without an open case gets an explanation and no 保存.

Which stage may be recorded (docs/decisions/0008-escalation-deadlines.md): any. The default is
the next stage; skipping forward is normal (the township may act before the school's report is
on file). Going back to the current or an earlier stage is real too (a family promises a return
after the township's notice, and the school starts visiting again), but it restarts the
deadlines from that stage, so saving asks once for confirmation. A step dated before the current
stage's date fills in history and leaves the current stage as it is; the dialog says so.

From L5 on the township and the court act, not the school: the dialog names who acts and what the
school must do, and reminds that their documents are recorded as 法律文书.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dropout_ledger.ledger import Ledger
from dropout_ledger.model.changes import Changes
from dropout_ledger.services.escalation import (
    STAGE_ORDER,
    StageDue,
    due_date,
    next_stage_of,
    next_step,
)
from ui.dialogs.entry import EntryDialog
from ui.i18n import QT_TRANSLATE_NOOP
from ui.labels import grade_class_text
from ui.ops import Runner
from ui.views.today_view import URGENT_COLOUR


def _tr(text: str) -> str:
    return QCoreApplication.translate("EscalationDialog", text)


# The core's stage names, actors and school tasks are Chinese only (model/codes.py,
# services/escalation.py STAGE_ACTORS); the same words, marked for translation, keyed by stage.
STAGE_LABELS = {
    "L0": QT_TRANSLATE_NOOP("EscalationDialog", "班主任电话联系"),
    "L1": QT_TRANSLATE_NOOP("EscalationDialog", "班主任家访"),
    "L2": QT_TRANSLATE_NOOP("EscalationDialog", "学校第二次家访并登记"),
    "L3": QT_TRANSLATE_NOOP("EscalationDialog", "校长与村委联合家访、报告表"),
    "L4": QT_TRANSLATE_NOOP("EscalationDialog", "书面报告乡镇与教育局"),
    "L5": QT_TRANSLATE_NOOP("EscalationDialog", "乡镇下达限期复学通知书"),
    "L6": QT_TRANSLATE_NOOP("EscalationDialog", "行政处罚决定与催告"),
    "L7": QT_TRANSLATE_NOOP("EscalationDialog", "申请强制执行或提起诉讼"),
    "L8": QT_TRANSLATE_NOOP("EscalationDialog", "法院调解或判决"),
}
ACTOR_LABELS = {
    "L0": QT_TRANSLATE_NOOP("EscalationDialog", "班主任"),
    "L1": QT_TRANSLATE_NOOP("EscalationDialog", "班主任"),
    "L2": QT_TRANSLATE_NOOP("EscalationDialog", "年级主任或分管领导与班主任"),
    "L3": QT_TRANSLATE_NOOP("EscalationDialog", "校长与村（居）委会"),
    "L4": QT_TRANSLATE_NOOP("EscalationDialog", "学校"),
    "L5": QT_TRANSLATE_NOOP("EscalationDialog", "乡镇人民政府"),
    "L6": QT_TRANSLATE_NOOP("EscalationDialog", "乡镇人民政府"),
    "L7": QT_TRANSLATE_NOOP("EscalationDialog", "乡镇人民政府或检察院"),
    "L8": QT_TRANSLATE_NOOP("EscalationDialog", "人民法院"),
}
SCHOOL_TASKS = {
    "L0": QT_TRANSLATE_NOOP("EscalationDialog", "电话联系监护人，区分请假与无故缺课"),
    "L1": QT_TRANSLATE_NOOP("EscalationDialog", "家访，当天交家访记录"),
    "L2": QT_TRANSLATE_NOOP("EscalationDialog", "第二次家访，学校登记个案"),
    "L3": QT_TRANSLATE_NOOP(
        "EscalationDialog", "制定劝返方案，联合家访，校长签署辍学学生情况报告表"),
    "L4": QT_TRANSLATE_NOOP("EscalationDialog", "向中心校、乡镇人民政府和县教育局书面报告"),
    "L5": QT_TRANSLATE_NOOP(
        "EscalationDialog", "报请乡镇政府下达限期复学通知书，收到后登记文书"),
    "L6": QT_TRANSLATE_NOOP(
        "EscalationDialog", "报告乡镇政府限期已过仍未返校，请其处罚并催告，登记文书"),
    "L7": QT_TRANSLATE_NOOP(
        "EscalationDialog", "提请乡镇政府申请强制执行或起诉（检察院可支持起诉），登记文书"),
    "L8": QT_TRANSLATE_NOOP("EscalationDialog", "配合法院调解或审理，登记调解书或判决书"),
}
FIRST_OUTSIDE_STAGE = "L5"
"""From here on others act; the school records their documents (domain.md §4.2)."""


def stage_text(code: str) -> str:
    """"L3 校长与村委联合家访、报告表" (translated); "" for no stage."""
    return f"{code} {_tr(STAGE_LABELS[code])}" if code in STAGE_LABELS else code


def timing_text(days_left: int) -> str:
    """How far off a deadline is, in words."""
    if days_left < 0:
        return _tr("已逾期 {days} 天").format(days=-days_left)
    if days_left == 0:
        return _tr("今天到期")
    return _tr("还有 {days} 天").format(days=days_left)


@dataclass(frozen=True)
class _Case:
    """What the dialog reads once, on the worker thread."""

    student: dict[str, Any] | None
    case: dict[str, Any] | None
    steps: list[dict[str, Any]]
    due: StageDue | None
    profile: dict[str, Any]
    today: dt.date


def _load(student_id: str) -> Any:
    def read(ledger: Ledger) -> _Case:
        today, profile = ledger.clock.today(), ledger.settings.profile()
        student = ledger.queries.student(student_id)
        case_id = (student or {}).get("case_id") or ""
        case = ledger.queries.record("case", case_id) if case_id else None
        if case is None or case["retracted"] or case["closed_date"]:
            return _Case(student, None, [], None, profile, today)
        steps = [r for r in ledger.queries.records("escalation", student_id=student_id)
                 if r["case_id"] == case_id and not r["retracted"]]
        steps.sort(key=lambda r: (r["date"], r["created_lc"] or 0, r["id"]))
        return _Case(student, case, steps, next_step(ledger, case_id, profile, today),
                     profile, today)

    return read


class EscalationDialog(EntryDialog):
    """Record one escalation step of a student's open case; `saved(changes)` after the core
    accepted it."""


    def __init__(self, runner: Runner, student_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.student_id = student_id
        self.case_id = ""
        self.current = ""
        self.since: dt.date | None = None
        self.steps: list[dict[str, Any]] = []
        self.profile: dict[str, Any] = {}
        self.today = dt.date.today()  # replaced by the ledger's clock once loaded
        self.loaded = False
        self.problem = ""
        self._saving = False
        self.setWindowTitle(_tr("劝返阶段"))
        self.setMinimumWidth(560)

        self._build_widgets()
        self._build_layout()

        self.stage_combo.currentIndexChanged.connect(self._refresh)
        self.date_edit.dateChanged.connect(self._refresh)
        self._refresh()
        runner.query(_load(student_id), on_done=self._loaded, parent=self)

    def _build_widgets(self) -> None:
        """Create the fields (split from __init__ only to keep it readable)."""
        self.name_label = QLabel()
        self.case_label = QLabel()
        self.steps_table = QTableWidget(0, 3)
        self.steps_table.setHorizontalHeaderLabels([_tr("日期"), _tr("阶段"), _tr("说明")])
        self.steps_table.verticalHeader().setVisible(False)
        self.steps_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.steps_table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.steps_table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.steps_table.setWordWrap(False)
        header = self.steps_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.steps_count_label = QLabel(_tr("（尚未记录任何阶段）"))
        self.next_label = QLabel()
        self.next_label.setWordWrap(True)
        self.due_label = QLabel()
        self.due_label.setWordWrap(True)
        self.task_label = QLabel()
        self.task_label.setWordWrap(True)

        self.stage_combo = QComboBox()
        for code in STAGE_ORDER:
            self.stage_combo.addItem(stage_text(code), code)
        self.date_edit = QDateEdit()
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.note_edit = QPlainTextEdit()
        self.note_edit.setPlaceholderText(_tr("如：已向乡镇政府报送书面报告，文号……"))
        self.note_edit.setFixedHeight(60)
        self.info_label = QLabel()
        self.info_label.setWordWrap(True)
        self.info_label.setStyleSheet("color: #555555;")
        self.hint_label = QLabel()
        self.hint_label.setWordWrap(True)
        self.hint_label.setStyleSheet("color: #b00020;")

    def _build_layout(self) -> None:
        """The case (who, steps so far, what is next) above the form for the new step."""
        rule = QFrame()
        rule.setFrameShape(QFrame.Shape.HLine)
        rule.setFrameShadow(QFrame.Shadow.Sunken)

        # One form, so every label lines up; the steps table and the rule span both columns.
        self.form = QFormLayout()
        self.form.addRow(_tr("学生："), self.name_label)
        self.form.addRow(_tr("个案："), self.case_label)
        self.form.addRow(_tr("已记录阶段："), self.steps_count_label)
        self.form.addRow(self.steps_table)
        self.form.addRow(_tr("下一阶段："), self.next_label)
        self.form.addRow(_tr("期限："), self.due_label)
        self.form.addRow(_tr("办理："), self.task_label)
        self.form.addRow(rule)
        self.form.addRow(_tr("记录阶段："), self.stage_combo)
        self.form.addRow(_tr("日期："), self.date_edit)
        self.form.addRow(_tr("说明："), self.note_edit)

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

        self.main_layout = QVBoxLayout(self)
        self.main_layout.addLayout(self.form)
        self.main_layout.addWidget(self.info_label)
        self.main_layout.addWidget(self.hint_label)
        self.main_layout.addWidget(self.buttons)
        self.form.setRowVisible(self.steps_table, False)

    # -- loading -------------------------------------------------------------------------------

    def _loaded(self, answer: _Case) -> None:
        today = answer.today
        self.today, self.profile = today, answer.profile
        day = QDate(today.year, today.month, today.day)
        self.date_edit.setMaximumDate(day)
        self.date_edit.setDate(day)
        student = answer.student
        if student is None:
            self._no_case(_tr("找不到这名学生。"))
            return
        where = grade_class_text(int(student.get("grade") or 0), student.get("class_name") or "")
        name = str(student.get("name") or "")
        self.name_label.setText(_tr("{name}（{where}）").format(name=name, where=where)
                                if where else name)
        if answer.case is None:
            self._no_case(_tr("该生没有未销号的个案，不能记录劝返阶段。"))
            return
        self.case_id = str(answer.case["id"])
        self.case_label.setText(_tr("立案日期 {date}").format(date=answer.case["opened_date"]))
        self.steps = answer.steps
        self.current = str(answer.case.get("stage") or "")
        # The current stage is the latest step by date (store/projections.py), reached then.
        self.since = max((dt.date.fromisoformat(s["date"]) for s in self.steps),
                         default=dt.date.fromisoformat(answer.case["opened_date"]))
        self._show_steps()
        self._show_next(answer.due)
        default = answer.due.next_stage if answer.due else (self.current or STAGE_ORDER[0])
        self.stage_combo.setCurrentIndex(self.stage_combo.findData(default))
        self.loaded = True
        self.note_edit.setFocus()  # the stage and date defaults usually stand
        self._refresh()

    def _no_case(self, text: str) -> None:
        self.case_label.setText(_tr("无"))
        for label in (self.next_label, self.due_label, self.task_label):
            label.setText("—")
        for widget in (self.stage_combo, self.date_edit, self.note_edit):
            widget.setEnabled(False)
        self.problem = text
        self._refresh()

    def _show_steps(self) -> None:
        if not self.steps:
            return
        self.steps_count_label.setText(_tr("共 {count} 次").format(count=len(self.steps)))
        self.form.setRowVisible(self.steps_table, True)
        self.steps_table.setRowCount(len(self.steps))
        for row, step in enumerate(self.steps):
            for column, text in enumerate((step["date"], stage_text(step["stage"]),
                                           step.get("note") or "")):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.steps_table.setItem(row, column, item)
        rows = min(len(self.steps), 5)
        height = (self.steps_table.horizontalHeader().height()
                  + sum(self.steps_table.rowHeight(r) for r in range(rows))
                  + 2 * self.steps_table.frameWidth())
        self.steps_table.setFixedHeight(height)
        self.steps_table.scrollToBottom()

    def _show_next(self, due: StageDue | None) -> None:
        if due is None:
            self.next_label.setText(_tr("已到最后阶段 L8，没有下一阶段"))
            self.due_label.setText("—")
            self.task_label.setText("—")
            return
        self.next_label.setText(stage_text(due.next_stage))
        self.due_label.setText(_tr("应于 {date} 前完成（{timing}）").format(
            date=due.due.isoformat(), timing=timing_text(due.days_left)))
        if due.days_left <= 2:
            self.due_label.setStyleSheet(f"color: {URGENT_COLOUR.name()}; font-weight: bold;")
        actor = _tr(ACTOR_LABELS[due.next_stage])
        task = _tr(SCHOOL_TASKS[due.next_stage])
        if due.actor == "school":
            self.task_label.setText(_tr("{actor}：{task}").format(actor=actor, task=task))
        else:
            self.task_label.setText(_tr("由{actor}办理；学校须{task}").format(
                actor=actor, task=task))

    # -- state ---------------------------------------------------------------------------------

    def stage(self) -> str:
        """The stage chosen for the new step."""
        return str(self.stage_combo.currentData() or "")

    def day(self) -> dt.date:
        """The date typed for the new step."""
        day = self.date_edit.date()
        return dt.date(day.year(), day.month(), day.day())

    def steps_back(self) -> bool:
        """True when the new step would make an earlier (or the same) stage current again."""
        if not self.current or self.since is None or self.day() < self.since:
            return False
        return STAGE_ORDER.index(self.stage()) <= STAGE_ORDER.index(self.current)

    def missing(self) -> list[str]:
        """What stops saving, as short Chinese phrases (empty when it can be saved)."""
        if self.problem:
            return [self.problem]
        if not self.loaded:
            return [_tr("正在读取个案信息…")]
        stage, day = self.stage(), self.day().isoformat()
        if any(s["stage"] == stage and s["date"] == day for s in self.steps):
            return [_tr("{date} 已记录过 {stage}，无需重复记录").format(date=day, stage=stage)]
        return []

    def notes(self) -> list[str]:
        """What the new step will do, for the grey line under the form."""
        if not self.loaded:
            return []
        stage, day = self.stage(), self.day()
        texts: list[str] = []
        if self.current and self.since is not None and day < self.since:
            texts.append(_tr("该日期早于当前阶段 {stage} 的日期 {date}：作为补记保存，当前阶段不变")
                         .format(stage=self.current, date=self.since.isoformat()))
        elif self.steps_back():
            texts.append(_tr("当前已是 {current}：退回到 {stage} 后，期限从该阶段重新计算，"
                             "保存时请确认").format(current=self.current, stage=stage))
        else:
            expected = next_stage_of(self.current)
            if expected and STAGE_ORDER.index(stage) > STAGE_ORDER.index(expected):
                skipped = STAGE_ORDER[STAGE_ORDER.index(expected):STAGE_ORDER.index(stage)]
                texts.append(_tr("将跳过 {stages}").format(stages="、".join(skipped)))
            following = next_stage_of(stage)
            if following is not None:
                due = due_date(following, day, self.profile)
                texts.append(_tr("保存后下一阶段 {stage} 应于 {date} 前完成").format(
                    stage=following, date=due.isoformat()))
        if STAGE_ORDER.index(stage) >= STAGE_ORDER.index(FIRST_OUTSIDE_STAGE):
            texts.append(_tr("此阶段由乡镇政府或法院办理；学校不出具责令、处罚文书，"
                             "只登记收到的法律文书"))
        return texts

    def _refresh(self) -> None:
        lacks = self.missing()
        self.hint_label.setText("；".join(lacks))
        self.info_label.setText("\n".join(self.notes()))
        self.info_label.setVisible(bool(self.info_label.text()))
        self.save_button.setEnabled(self.loaded and not lacks and not self._saving)
        self._fit_height()

    def _fit_height(self) -> None:
        """Grow to fit wrapped notes: Qt does not enlarge a shown window for word-wrapped text."""
        layout = self.main_layout
        needed = layout.totalHeightForWidth(self.width()) if layout.hasHeightForWidth() else -1
        if needed > self.height():
            self.resize(self.width(), needed)

    # -- saving --------------------------------------------------------------------------------

    def values(self) -> dict[str, Any]:
        """The step as the form now holds it, ready for `records.add("escalation", …)`."""
        return {
            "student_id": self.student_id,
            "case_id": self.case_id,
            "stage": self.stage(),
            "date": self.day(),
            "note": self.note_edit.toPlainText().strip(),
        }

    def confirm_step_back(self) -> bool:
        """Ask before a step that restarts the deadlines from an earlier stage."""
        answer = QMessageBox.question(
            self, _tr("退回到较早阶段"),
            _tr("该个案当前已是 {current}。确定记录 {stage} 吗？\n"
                "记录后当前阶段变为 {stage}，以后各阶段的期限从 {date} 起重新计算。").format(
                current=stage_text(self.current), stage=stage_text(self.stage()),
                date=self.day().isoformat()),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def save(self) -> None:
        """Write the step through the runner; a refusal keeps the dialog open and filled in."""
        if not self.loaded or self.missing() or self._saving:
            return
        if self.steps_back() and not self.confirm_step_back():
            return
        fields = self.values()
        self._saving = True
        self._refresh()

        def add(ledger: Ledger) -> Changes:
            return ledger.records.add("escalation", fields)

        self.runner.op(add, parent=self, initiator=self, on_done=self._saved,
                       on_failed=self._failed)


