"""名单核查 (四查三比对): a county or village list beside the roll, one answer per row.

The page shows one stored list at a time: every row in the county's order with how it matched
the roll (身份证号, 学籍号, 姓名+出生日期, 繁简, 同音…), the pupil it is, and the school's
answer; a second tab lists the on-roll pupils the list does not name. Selecting a row opens its
answer below the table: confirm or reject a proposed pupil (同音, 多人, 号码不同 are never
accepted without a person), choose the outcome, name the school for a transfer, write the
evidence, add scans, save. All reading and writing is the core's (`dropout_ledger.reconcile`)
through the runner; the page only lays it out.

ID numbers on the list are masked unless the operator's role may see them whole: the list's
own numbers are children's numbers like any other.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from dropout_ledger.importing import MissingPupil
from dropout_ledger.ledger import Ledger
from dropout_ledger.model.access import Permission, may
from dropout_ledger.model.changes import Changes
from dropout_ledger.model.identity import mask_id_number, mask_xjh
from dropout_ledger.model.records import LIST_KINDS, LIST_OUTCOMES, OUTCOMES_WITH_SCHOOL
from dropout_ledger.reconcile import (
    CheckRow,
    StoredList,
    check_list,
    confirm_match,
    export_checked,
    list_rows,
    mark_matched_by_status,
    progress_of,
    record_outcome,
    reject_match,
    save_list,
    stored_lists,
)
from dropout_ledger.reconcile.lists import missing_count, missing_pupils
from ui.i18n import QT_TRANSLATE_NOOP
from ui.labels import grade_class_text
from ui.ops import Runner

PENDING_COLOUR = QColor(176, 96, 0)
UNMATCHED_COLOUR = QColor(150, 150, 150)
ROW_ROLE = Qt.ItemDataRole.UserRole
"""Item data role holding a table row's list_check record id (or a missing pupil's id)."""
_MAX_FILE_NAMES = 3
MISSING_SHOWN = 2000
"""Pupils listed on the 名单外 tab; a county roll has 150,000, the count says how many in all."""


def _tr(text: str) -> str:
    return QCoreApplication.translate("ReconcileView", text)


# The core's list kinds and outcomes (model/records.py), registered for translation: the combo
# boxes show `_tr(code.label)`. tests/ui/test_i18n.py fails if a label changes without this.
_CORE_LABELS = (
    QT_TRANSLATE_NOOP("ReconcileView", "户籍适龄儿童名单"),
    QT_TRANSLATE_NOOP("ReconcileView", "脱贫户、低保户适龄儿童名单"),
    QT_TRANSLATE_NOOP("ReconcileView", "疑似辍学学生名单"),
    QT_TRANSLATE_NOOP("ReconcileView", "其他核查名单"),
    QT_TRANSLATE_NOOP("ReconcileView", "核实在本校就读"),
    QT_TRANSLATE_NOOP("ReconcileView", "在校就读但无学籍"),
    QT_TRANSLATE_NOOP("ReconcileView", "在省内其他学校就读"),
    QT_TRANSLATE_NOOP("ReconcileView", "在省外学校就读"),
    QT_TRANSLATE_NOOP("ReconcileView", "转入特殊教育学校"),
    QT_TRANSLATE_NOOP("ReconcileView", "办理休学"),
    QT_TRANSLATE_NOOP("ReconcileView", "因病因残送教上门"),
    QT_TRANSLATE_NOOP("ReconcileView", "劝返复学"),
    QT_TRANSLATE_NOOP("ReconcileView", "延缓入学"),
    QT_TRANSLATE_NOOP("ReconcileView", "超过义务教育年龄"),
    QT_TRANSLATE_NOOP("ReconcileView", "出国（境）"),
    QT_TRANSLATE_NOOP("ReconcileView", "死亡"),
    QT_TRANSLATE_NOOP("ReconcileView", "户籍或身份信息有误（空挂户、重复户籍、错号）"),
    QT_TRANSLATE_NOOP("ReconcileView", "不属实或非本校学生"),
    QT_TRANSLATE_NOOP("ReconcileView", "已辍学（立案劝返）"),
    QT_TRANSLATE_NOOP("ReconcileView", "其他（须注明）"),
)


@dataclass(frozen=True)
class Loaded:
    """One answer of the worker: the lists, the one shown, its rows and the pupils it omits."""

    lists: list[StoredList]
    current: str
    rows: list[CheckRow]
    missing: list[MissingPupil]  # the first MISSING_SHOWN of them
    missing_total: int
    today: dt.date
    reasons: list[dict[str, str]]


def _load(list_id: str) -> Any:
    def read(ledger: Ledger) -> Loaded:
        lists = stored_lists(ledger)
        current = list_id if any(s.list_id == list_id for s in lists) else \
            (lists[0].list_id if lists else "")
        rows = list_rows(ledger, current) if current else []
        named = {r.pupil.student_id for r in rows if r.pupil is not None}
        named |= {c.student_id for r in rows if r.needs_confirmation for c in r.candidates}
        missing = missing_pupils(ledger, named, MISSING_SHOWN) if current else []
        total = missing_count(ledger, named) if current else 0
        return Loaded(lists, current, rows, missing, total, ledger.clock.today(),
                      list(ledger.settings.profile()["dropout_reasons"]))

    return read


class ReconcileView(QWidget):
    """The 名单核查 page. The main window connects `open_student` to the student page."""

    open_student = Signal(str)
    loaded = Signal()
    """The latest answer arrived (or failed): tests and the main window may wait on it."""

    COLUMNS = (
        QT_TRANSLATE_NOOP("ReconcileView", "行号"),
        QT_TRANSLATE_NOOP("ReconcileView", "名单姓名"),
        QT_TRANSLATE_NOOP("ReconcileView", "出生日期"),
        QT_TRANSLATE_NOOP("ReconcileView", "身份证号"),
        QT_TRANSLATE_NOOP("ReconcileView", "匹配方式"),
        QT_TRANSLATE_NOOP("ReconcileView", "本校学生"),
        QT_TRANSLATE_NOOP("ReconcileView", "核查结果"),
        QT_TRANSLATE_NOOP("ReconcileView", "核查说明"),
    )
    MISSING_COLUMNS = (
        QT_TRANSLATE_NOOP("ReconcileView", "学生"),
        QT_TRANSLATE_NOOP("ReconcileView", "年级班级"),
        QT_TRANSLATE_NOOP("ReconcileView", "身份证号"),
        QT_TRANSLATE_NOOP("ReconcileView", "学籍号"),
        QT_TRANSLATE_NOOP("ReconcileView", "台账状态"),
    )

    def __init__(self, runner: Runner, parent: QWidget | None = None, *, role: str = "") -> None:
        super().__init__(parent)
        self.runner = runner
        self.role = role
        self.data: Loaded | None = None
        self.current_row: CheckRow | None = None
        self.files: list[tuple[str, bytes]] = []
        self._saving = False
        self._build_top()
        self._build_tables()
        self._build_editor()
        self._build_layout()
        self.runner.bus.changed.connect(self._on_changed)
        self.refresh()

    # -- building ------------------------------------------------------------------------------

    def _build_top(self) -> None:
        self.title_label = QLabel(_tr("名单核查（四查三比对）"))
        title = QFont(self.font())
        title.setPointSizeF(title.pointSizeF() * 1.4)
        title.setBold(True)
        self.title_label.setFont(title)
        self.list_combo = QComboBox()
        self.list_combo.setMinimumContentsLength(28)
        self.list_combo.activated.connect(lambda _i: self.refresh(self.selected_list()))
        self.kind_combo = QComboBox()
        for kind in LIST_KINDS:
            self.kind_combo.addItem(_tr(kind.label), kind.code)
        self.import_button = QPushButton(_tr("导入名单…"))
        self.import_button.clicked.connect(self.choose_file)
        self.auto_button = QPushButton(_tr("按台账状态填写已对应的学生"))
        self.auto_button.setToolTip(_tr(
            "已对应到本校、尚未填写结果的学生：在校的填“核实在本校就读”，送教上门、休学的照填；"
            "疑似辍学、辍学和已离校的留给您逐个核查"))
        self.auto_button.clicked.connect(self.fill_from_status)
        self.export_button = QPushButton(_tr("导出核查结果…"))
        self.export_button.clicked.connect(self.choose_export)
        self.summary_label = QLabel(_tr("正在加载…"))
        self.summary_label.setWordWrap(True)
        bold = QFont(self.font())
        bold.setBold(True)
        self.summary_label.setFont(bold)

    def _table(self, columns: tuple[str, ...]) -> QTableWidget:
        table = QTableWidget(0, len(columns), self)
        table.setHorizontalHeaderLabels([_tr(c) for c in columns])
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().setVisible(False)
        table.horizontalHeader().setDefaultAlignment(
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        table.horizontalHeader().setStretchLastSection(True)
        return table

    def _build_tables(self) -> None:
        self.table = self._table(self.COLUMNS)
        metrics = self.table.fontMetrics()
        for column, sample in enumerate(("0000", "欧阳晓明明", "2016-03-02", "524821********1234",
                                         "同音姓名+出生日期，待确认确认", "欧阳晓明 九年级 10班 在校",
                                         "在省内其他学校就读")):
            self.table.setColumnWidth(column, metrics.horizontalAdvance(sample) + 24)
        self.table.itemSelectionChanged.connect(self._row_selected)
        self.missing_table = self._table(self.MISSING_COLUMNS)
        self.missing_table.doubleClicked.connect(self._open_missing)
        for column, sample in enumerate(("欧阳晓明明", "九年级 10班", "524821********1234",
                                         "G524821********1234")):
            self.missing_table.setColumnWidth(column, metrics.horizontalAdvance(sample) + 24)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.table, _tr("名单"))
        self.tabs.addTab(self.missing_table, _tr("名单外的在籍学生"))

    def _build_editor(self) -> None:
        self.editor = QGroupBox(_tr("核查这一行"))
        self.row_label = QLabel()
        self.row_label.setWordWrap(True)
        self.match_label = QLabel()
        self.match_label.setWordWrap(True)
        self.note_label = QLabel()
        self.note_label.setWordWrap(True)
        self.note_label.setStyleSheet("color: #8a5a00;")
        self.candidate_combo = QComboBox()
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(_tr("查找本校学生：输入姓名、身份证号或学籍号，按回车"))
        self.search_edit.returnPressed.connect(self.search)
        self.confirm_button = QPushButton(_tr("确认是此学生"))
        self.confirm_button.clicked.connect(self.confirm)
        self.reject_button = QPushButton(_tr("不是此学生"))
        self.reject_button.clicked.connect(self.reject)
        self.outcome_combo = QComboBox()
        self.outcome_combo.addItem(_tr("请选择…"), "")
        for outcome in LIST_OUTCOMES:
            self.outcome_combo.addItem(_tr(outcome.label), outcome.code)
        self.school_edit = QLineEdit()
        self.school_edit.setPlaceholderText(_tr("例如：石桥镇中心学校"))
        self.reason_combo = QComboBox()
        self.reason_combo.setProperty("data_choices", True)  # the county's own reason list
        self.date_edit = QDateEdit()
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.evidence_edit = QPlainTextEdit()
        self.evidence_edit.setPlaceholderText(
            _tr("写明依据，例如：班主任核实在校；接收学校出具的在读证明；派出所证明"))
        self.evidence_edit.setFixedHeight(int(self.fontMetrics().height() * 3.6))
        self.files_button = QPushButton(_tr("添加证明材料…"))
        self.files_button.clicked.connect(self.choose_evidence)
        self.files_label = QLabel()
        self.hint_label = QLabel()
        self.hint_label.setWordWrap(True)
        self.hint_label.setStyleSheet("color: #b00020;")
        metrics = self.fontMetrics()
        wide = metrics.horizontalAdvance("户籍或身份信息有误（空挂户、重复户籍、错号）") + 48
        for field in (self.outcome_combo, self.school_edit, self.reason_combo):
            field.setMaximumWidth(wide)
        self.date_edit.setMaximumWidth(metrics.horizontalAdvance("2026-11-20") + 64)
        self.save_button = QPushButton(_tr("保存核查结果"))
        self.save_button.clicked.connect(self.save)
        for signal in (self.outcome_combo.currentIndexChanged, self.reason_combo.currentIndexChanged,
                       self.school_edit.textChanged, self.evidence_edit.textChanged):
            signal.connect(self._refresh_editor)

    def _build_layout(self) -> None:
        top = QHBoxLayout()
        top.addWidget(QLabel(_tr("名单：")))
        top.addWidget(self.list_combo, 1)
        top.addWidget(self.auto_button)
        top.addWidget(self.export_button)
        top.addSpacing(16)
        top.addWidget(QLabel(_tr("新名单类别：")))
        top.addWidget(self.kind_combo)
        top.addWidget(self.import_button)

        self.candidate_row = candidates = QHBoxLayout()
        candidates.addWidget(self.candidate_combo, 1)
        candidates.addWidget(self.confirm_button)
        candidates.addWidget(self.reject_button)
        files = QHBoxLayout()
        files.addWidget(self.files_button)
        files.addWidget(self.files_label, 1)
        self.form = QFormLayout()
        self.form.addRow(_tr("名单中："), self.row_label)
        self.form.addRow(_tr("匹配："), self.match_label)
        self.form.addRow(_tr("读取提示："), self.note_label)
        self.form.addRow(_tr("指定学生："), self.search_edit)
        self.form.addRow(_tr("候选学生："), candidates)
        self.form.addRow(_tr("核查结果："), self.outcome_combo)
        self.form.addRow(_tr("就读学校："), self.school_edit)
        self.form.addRow(_tr("辍学原因："), self.reason_combo)
        self.form.addRow(_tr("核查日期："), self.date_edit)
        self.form.addRow(_tr("核查说明："), self.evidence_edit)
        self.form.addRow(_tr("证明材料："), files)
        buttons = QHBoxLayout()
        buttons.addWidget(self.hint_label, 1)
        buttons.addWidget(self.save_button)
        inner = QVBoxLayout(self.editor)
        inner.addLayout(self.form)
        inner.addLayout(buttons)

        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.tabs)
        split.addWidget(self.editor)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title_label)
        layout.addLayout(top)
        layout.addWidget(self.summary_label)
        layout.addWidget(split, 1)
        self._show_row(None)

    # -- loading -------------------------------------------------------------------------------

    def selected_list(self) -> str:
        return str(self.list_combo.currentData() or "")

    def refresh(self, list_id: str = "") -> None:
        """Ask the ledger again (for `list_id`, or the list shown, or the newest)."""
        wanted = list_id or (self.data.current if self.data else "")
        self.runner.query(_load(wanted), on_done=self._show, on_failed=self._failed, parent=self)

    def _on_changed(self, changes: Changes, initiator: object) -> None:
        if changes.records or changes.status or changes.roster:
            self.refresh()

    def _failed(self, _error: Exception) -> None:
        self.summary_label.setText(_tr("名单没有加载成功"))
        self.loaded.emit()

    def _show(self, data: Loaded) -> None:
        chosen = self.current_row.record_id if self.current_row else ""
        self.data = data
        self.list_combo.clear()
        for info in data.lists:
            self.list_combo.addItem(_tr("{title}（{kind}，{date}导入）").format(
                title=info.title, kind=info.kind_label, date=info.imported), info.list_id)
        self.list_combo.setCurrentIndex(max(0, self.list_combo.findData(data.current)))
        self.reason_combo.clear()
        self.reason_combo.addItem(_tr("请选择…"), "")
        for entry in data.reasons:
            self.reason_combo.addItem(f"{entry['code']} {entry['label']}", entry["code"])
        today = QDate(data.today.year, data.today.month, data.today.day)
        self.date_edit.setMaximumDate(today)
        self.date_edit.setDate(today)
        has_list = bool(data.current)
        self.auto_button.setEnabled(has_list)
        self.export_button.setEnabled(has_list)
        self.summary_label.setText(self._summary())
        self._fill_rows()
        self._fill_missing()
        self.tabs.setTabText(0, _tr("名单（{n}人）").format(n=len(data.rows)))
        self.tabs.setTabText(1, _tr("名单外的在籍学生（{n}人）").format(n=data.missing_total))
        self.select_record(chosen)
        self.loaded.emit()

    def _summary(self) -> str:
        assert self.data is not None
        if not self.data.current:
            return _tr("还没有导入名单。选择名单类别，再点“导入名单…”，"
                       "选择县里或村里发来的 Excel 或 CSV 文件。")
        p = progress_of(self.data.rows)
        return _tr("共 {rows} 人：已对应到本校学生 {accepted} 人，待人工确认 {pending} 人，"
                   "未找到 {unmatched} 人；已填写核查结果 {answered} 人，还有 {left} 人未填。"
                   ).format(rows=p.rows, accepted=p.accepted, pending=p.pending,
                            unmatched=p.unmatched, answered=p.answered,
                            left=p.rows - p.answered)

    def _id_text(self, number: str) -> str:
        return number if may(self.role, Permission.FULL_IDS) else mask_id_number(number)

    def _xjh_text(self, number: str) -> str:
        return number if may(self.role, Permission.FULL_IDS) else mask_xjh(number)

    def _fill_rows(self) -> None:
        assert self.data is not None
        self.table.setRowCount(0)
        self.table.setRowCount(len(self.data.rows))
        for index, row in enumerate(self.data.rows):
            pupil = row.pupil
            texts = [
                str(row.list_row), row.name, row.birth_date, self._id_text(row.id_number),
                self._match_text(row),
                " ".join(p for p in (pupil.name, grade_class_text(pupil.grade, pupil.class_name),
                                     pupil.status_label) if p) if pupil else "",
                row.outcome_text(), row.evidence,
            ]
            colour = PENDING_COLOUR if row.needs_confirmation else \
                UNMATCHED_COLOUR if pupil is None and not row.outcome else None
            for column, text in enumerate(texts):
                cell = QTableWidgetItem(text)
                cell.setData(ROW_ROLE, row.record_id)
                if colour is not None and column in (4, 5):
                    cell.setForeground(QBrush(colour))
                if column >= 4 and text:
                    cell.setToolTip(text)  # the columns are narrower than a long explanation
                self.table.setItem(index, column, cell)
        self.table.horizontalHeader().setSectionResizeMode(7, QHeaderView.ResizeMode.Stretch)

    def _match_text(self, row: CheckRow) -> str:
        if row.needs_confirmation:
            return _tr("{method}，待确认").format(method=row.method_label)
        if row.pupil is not None and row.method in ("homophone", "id_differs", "ambiguous"):
            return _tr("{method}，已确认").format(method=row.method_label)
        return row.method_label

    def _fill_missing(self) -> None:
        assert self.data is not None
        self.missing_table.setRowCount(0)
        self.missing_table.setRowCount(len(self.data.missing))
        for index, pupil in enumerate(self.data.missing):
            texts = [pupil.name, grade_class_text(pupil.grade, pupil.class_name),
                     pupil.id_masked, pupil.xjh_masked, pupil.status_label]
            for column, text in enumerate(texts):
                cell = QTableWidgetItem(text)
                cell.setData(ROW_ROLE, pupil.student_id)
                cell.setToolTip(_tr("双击打开学生页面"))
                self.missing_table.setItem(index, column, cell)

    def _open_missing(self, index: Any) -> None:
        item = self.missing_table.item(index.row(), 0)
        if item is not None:
            self.open_student.emit(str(item.data(ROW_ROLE)))

    # -- one row ---------------------------------------------------------------------------

    def select_record(self, record_id: str) -> None:
        """Select the table row of a list_check record (none: clear the editor)."""
        for index in range(self.table.rowCount()):
            item = self.table.item(index, 0)
            if item is not None and item.data(ROW_ROLE) == record_id:
                self.table.selectRow(index)
                return
        self.table.clearSelection()
        self._show_row(None)

    def _row_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or self.data is None:
            self._show_row(None)
            return
        item = self.table.item(rows[0].row(), 0)
        record_id = str(item.data(ROW_ROLE)) if item is not None else ""
        self._show_row(next((r for r in self.data.rows if r.record_id == record_id), None))

    def _show_row(self, row: CheckRow | None) -> None:
        self.current_row = row
        self.files = []
        self.editor.setEnabled(row is not None)
        self.candidate_combo.clear()
        if row is None:
            self.editor.setTitle(_tr("核查这一行（请先在上面的名单中选一行）"))
            for label in (self.row_label, self.match_label, self.note_label, self.files_label):
                label.clear()
            self.outcome_combo.setCurrentIndex(0)
            self.evidence_edit.clear()
            self._refresh_editor()
            return
        self.editor.setTitle(_tr("核查第{n}行").format(n=row.list_row))
        self.row_label.setText("  ".join(t for t in (
            row.name, row.birth_date, self._id_text(row.id_number), self._xjh_text(row.xjh))
            if t))
        self.match_label.setText(self._match_line(row))
        self.note_label.setText(row.note)
        self.form.setRowVisible(self.note_label, bool(row.note))
        pupils = list(row.candidates) or ([row.pupil] if row.pupil else [])
        for pupil in pupils:
            self.candidate_combo.addItem(" ".join(p for p in (
                pupil.name, grade_class_text(pupil.grade, pupil.class_name), pupil.birth_date,
                pupil.status_label) if p), pupil.student_id)
        self.form.setRowVisible(self.candidate_row, bool(pupils) or row.pupil is None)
        self.form.setRowVisible(self.search_edit, row.pupil is None)
        self.search_edit.clear()
        self.outcome_combo.setCurrentIndex(max(0, self.outcome_combo.findData(row.outcome)))
        self.school_edit.setText(row.school)
        self.evidence_edit.setPlainText(row.evidence)
        if row.date:
            day = dt.date.fromisoformat(row.date)
            self.date_edit.setDate(QDate(day.year, day.month, day.day))
        self.files_label.setText(_tr("已有 {n} 个文件").format(n=len(row.attachments))
                                 if row.attachments else "")
        self._refresh_editor()

    def _match_line(self, row: CheckRow) -> str:
        if row.pupil is not None:
            return _tr("{method}：{name}（{where}，{status}）").format(
                method=self._match_text(row), name=row.pupil.name,
                where=grade_class_text(row.pupil.grade, row.pupil.class_name),
                status=row.pupil.status_label)
        if row.needs_confirmation:
            return _tr("{method}：有 {n} 名可能的学生，请核对后确认，或选“不是此学生”").format(
                method=row.method_label, n=len(row.candidates))
        return _tr("未在本校学籍中找到此人")

    def _refresh_editor(self) -> None:
        row = self.current_row
        outcome = str(self.outcome_combo.currentData() or "")
        can_confirm = row is not None and row.pupil is None and self.candidate_combo.count() > 0
        self.candidate_combo.setEnabled(can_confirm)
        self.confirm_button.setEnabled(can_confirm and not self._saving)
        self.reject_button.setEnabled(row is not None and (row.pupil is not None
                                                           or row.needs_confirmation)
                                      and not self._saving)
        self.form.setRowVisible(self.school_edit, outcome in OUTCOMES_WITH_SCHOOL)
        self.form.setRowVisible(self.reason_combo, outcome == "dropped_out")
        lacks = self.missing()
        self.hint_label.setText(_tr("；").join(lacks))
        self.save_button.setEnabled(row is not None and not lacks and not self._saving)

    def missing(self) -> list[str]:
        """What the answer still lacks, as short Chinese phrases (empty: it can be saved)."""
        row = self.current_row
        if row is None:
            return []
        outcome = str(self.outcome_combo.currentData() or "")
        lacks = []
        if not outcome:
            lacks.append(_tr("请选择核查结果"))
        if outcome in OUTCOMES_WITH_SCHOOL and not self.school_edit.text().strip():
            lacks.append(_tr("请填写就读学校"))
        if outcome == "dropped_out":
            if row.pupil is None:
                lacks.append(_tr("标为辍学前须先确认是本校哪名学生"))
            if not self.reason_combo.currentData():
                lacks.append(_tr("请选择辍学原因"))
        if not self.evidence_edit.toPlainText().strip():
            lacks.append(_tr("请写明核查说明（依据）"))
        return lacks

    # -- actions -------------------------------------------------------------------------------

    def _op(self, fn: Any, *, on_done: Any = None) -> None:
        self._saving = True
        self._refresh_editor()

        def done(changes: Changes) -> None:
            self._saving = False
            if on_done is not None:
                on_done(changes)
            self._refresh_editor()

        def failed(_error: Exception) -> None:
            self._saving = False
            self._refresh_editor()

        self.runner.op(fn, parent=self, initiator=self, on_done=done, on_failed=failed)

    def confirm(self) -> None:
        row, student_id = self.current_row, str(self.candidate_combo.currentData() or "")
        if row is None or not student_id:
            return
        record_id = row.record_id
        self._op(lambda ledger: confirm_match(ledger, record_id, student_id))

    def search(self) -> None:
        """Find pupils of the roll to name for this row by hand (匹配方式: 人工指定)."""
        text = self.search_edit.text().strip()
        if not text or self.current_row is None:
            return

        def find(ledger: Ledger) -> list[tuple[str, str]]:
            return [(" ".join(p for p in (r.name, grade_class_text(r.grade, r.class_name),
                                          r.status_label) if p), r.student_id)
                    for r in ledger.queries.roster("all", search=text, limit=30)]

        self.runner.query(find, on_done=self._found, parent=self)

    def _found(self, found: list[tuple[str, str]]) -> None:
        self.candidate_combo.clear()
        for label, student_id in found:
            self.candidate_combo.addItem(label, student_id)
        if not found:
            self.hint_label.setText(_tr("没有找到“{text}”").format(text=self.search_edit.text()))
            return
        self._refresh_editor()

    def reject(self) -> None:
        row = self.current_row
        if row is None:
            return
        record_id = row.record_id
        self._op(lambda ledger: reject_match(ledger, record_id))

    def save(self) -> None:
        """Write the answer for the selected row (the editor keeps its text if refused)."""
        row = self.current_row
        if row is None or self.missing() or self._saving:
            return
        record_id, files = row.record_id, list(self.files)
        outcome = str(self.outcome_combo.currentData())
        evidence = self.evidence_edit.toPlainText().strip()
        school = self.school_edit.text().strip()
        day = self.date_edit.date().toString("yyyy-MM-dd")
        reason = str(self.reason_combo.currentData() or "")
        self._op(lambda ledger: record_outcome(
            ledger, record_id, outcome, evidence=evidence, school=school, date=day,
            files=files, reason_code=reason))

    def fill_from_status(self) -> None:
        list_id = self.selected_list()
        if list_id:
            self._op(lambda ledger: mark_matched_by_status(ledger, list_id))

    def choose_evidence(self) -> None:
        paths, _chosen = QFileDialog.getOpenFileNames(
            self, _tr("选择照片或扫描件"), str(Path.home()),
            _tr("照片或扫描件 (*.jpg *.jpeg *.png *.pdf)"))
        self.add_evidence(paths)

    def add_evidence(self, paths: list[str]) -> None:
        """Files to store with the next 保存 (read now; checked by the core when saved)."""
        self.files += [(Path(p).name, Path(p).read_bytes()) for p in paths]
        names = [name for name, _data in self.files]
        shown = "、".join(names[:_MAX_FILE_NAMES])
        if len(names) > _MAX_FILE_NAMES:
            shown += _tr(" 等 {n} 个文件").format(n=len(names))
        self.files_label.setText(shown)

    def choose_file(self) -> None:
        path, _chosen = QFileDialog.getOpenFileName(
            self, _tr("选择县里或村里发来的名单"), str(Path.home()),
            _tr("表格文件 (*.xlsx *.xls *.ods *.csv);;所有文件 (*)"))
        if path:
            self.import_file(Path(path))

    def import_file(self, path: Path) -> None:
        """Check and store a list in one step; bad rows come back as one Chinese message."""
        kind = str(self.kind_combo.currentData())

        def store(ledger: Ledger) -> Changes:
            return save_list(ledger, check_list(ledger, path, kind=kind))

        self._op(store, on_done=lambda changes: self.refresh(changes.created[0]))

    def choose_export(self) -> None:
        info = next((s for s in (self.data.lists if self.data else [])
                     if s.list_id == self.selected_list()), None)
        if info is None:
            return
        suggested = str(Path.home() / f"{Path(info.file_name).stem}（核查结果）.xlsx")
        path, _chosen = QFileDialog.getSaveFileName(
            self, _tr("导出核查结果"), suggested, _tr("Excel 文件 (*.xlsx)"))
        if path:
            self.export_to(Path(path))

    def export_to(self, path: Path) -> None:
        list_id = self.selected_list()
        self.runner.query(lambda ledger: export_checked(ledger, list_id, path),
                          on_done=lambda result: self.summary_label.setText(
                              self._summary() + _tr(" 已导出到 {file}").format(
                                  file=result.file)),
                          parent=self, progress=True)
