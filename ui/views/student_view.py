"""The student page (一人一案): everything the ledger knows about one pupil.

One query on the ledger's worker thread gathers the student row, the status timeline, every
record kind and the event history (`_load`); the GUI thread only lays it out. Stored values are
shown through the core's `display` (code labels, 是/否, fen as 元) so this page and the printed
forms read the same. The ID number and 学籍号 are always masked, and the restricted economic
category is a placeholder until roles exist: a page left open on a shared office computer must
not leak what the county forbids class lists to show (domain.md §10).

The 证明材料 tab shows every photo and scan of the pupil as thumbnails — the 证明材料 filed on
their own and those attached to visits, notices, legal documents, reports and the 销号 — because
"show me the evidence for this child" is what an inspector asks, whichever record holds it. It
has its own tab, next to 劝返记录, rather than a section at the foot of a long tab: a principal
looking for the signed 送达回证 should see at a glance, from the tab's count, that there is one.

The page reloads when a write announced on `bus.changed` names this student.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, QRect, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from dropout_ledger.ledger import Ledger
from dropout_ledger.model import codes
from dropout_ledger.model.access import Permission, may
from dropout_ledger.model.changes import Changes
from dropout_ledger.model.fields import FieldSpec
from dropout_ledger.model.identity import mask_id_number, mask_xjh
from dropout_ledger.model.records import RECORD_KINDS
from dropout_ledger.model.student import RESTRICTED_FIELDS, STUDENT_FIELDS, STUDENT_SPECS
from dropout_ledger.services.documents import Evidence, student_evidence
from dropout_ledger.services.escalation import StageDue, next_step
from dropout_ledger.services.history import HistoryEntry, display, student_history
from dropout_ledger.sync import lists
from ui.dialogs.destination_dialog import DestinationDialog
from ui.i18n import QT_TRANSLATE_NOOP
from ui.labels import grade_class_text, status_text
from ui.ops import Runner
from ui.views.today_view import URGENT_COLOUR
from ui.widgets.attachments import AttachmentStrip

_SEXES = {"1": QT_TRANSLATE_NOOP("StudentView", "男"), "2": QT_TRANSLATE_NOOP("StudentView", "女")}
_CASE_STATUSES = frozenset({"suspected", "dropped_out"})

# Record kinds the page shows, loaded in one query.
_KINDS = ("case", "escalation", "visit", "report", "notice", "legal_doc", "subsidy", "pairing",
          "pairing_log", "home_teaching", "destination")
# Fields shown in the 基本信息 grid (at_risk is in the header; guardians get their own table).
_INFO_FIELDS = tuple(s for s in STUDENT_FIELDS if s.name not in ("at_risk", "guardians"))
_RETRACTED_COLOUR = QColor(150, 150, 150)
OFFICIAL_AGREES = "#555555"
OFFICIAL_DISAGREES = "#b26a00"
"""Amber: the county's list and the school's own record of a family's category differ."""
EVIDENCE_TAB = 3
"""Index of the 证明材料 tab: after 劝返记录, whose visits and notices most photos belong to."""


def _tr(text: str) -> str:
    return QCoreApplication.translate("StudentView", text)


def _load(ledger: Ledger, student_id: str, *, restricted: bool = False) -> dict[str, Any]:
    """Worker-thread read: the student and everything recorded about them, in one answer.

    `restricted`: the role may see 家庭经济困难类别, so the county lists' view of the pupil is
    read too (never loaded for a role that may not see it).
    """
    queries = ledger.queries
    student = queries.student(student_id)
    if student is None:
        return {"student": None}
    answer: dict[str, Any] = {
        "student": student,
        "status_history": queries.status_history(student_id),
        "history": student_history(queries, student_id),
        "evidence": student_evidence(queries, student_id),
        "next_stage": None,
        "official": official_view(ledger, student_id, student) if restricted else None,
    }
    case_id = student.get("case_id")
    if case_id:
        answer["next_stage"] = next_step(queries, str(case_id), ledger.settings.profile(),
                                         ledger.clock.today())
    for kind in _KINDS:
        answer[kind] = queries.records(kind, student_id=student_id)
    return answer


@dataclass(frozen=True)
class OfficialView:
    """What the county's lists (脱贫户/低保/特困, sync/lists.py) say about one pupil."""

    labels: str
    """The categories' labels ("低保户、特困供养"), "" when the pupil is on no list."""
    disagrees: bool
    """The school's own 家庭经济困难类别 differs from the lists."""


def official_view(ledger: Ledger, student_id: str, student: dict[str, Any]) -> OfficialView | None:
    """The county lists' flag for the pupil; None before any list slice reached this school.

    A pupil on a list whose own category is another (or none) disagrees; so does a pupil the
    school records in a list category who is on no list (as `lists.differences` decides).
    """
    if not lists.has_lists(ledger):
        return None
    flag = lists.official_categories(ledger).get(student_id)
    own = str(student.get("economic_category") or "")
    if flag is None:
        return OfficialView("", own in lists.LIST_CATEGORIES)
    return OfficialView(flag.labels, own not in flag.categories)


def _beside(value: QLabel, flag: QLabel) -> QWidget:
    """A grid cell holding a value and, under it, a note about it."""
    holder = QWidget()
    column = QVBoxLayout(holder)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(2)
    column.addWidget(value)
    column.addWidget(flag)
    return holder


def _empty(value: Any) -> bool:
    return value is None or value == "" or value == []


def show_value(spec: FieldSpec | None, value: Any) -> str:
    """A stored value for a table cell: blank when nothing was recorded, else the core's text."""
    if spec is not None and spec.kind == "bool" and value is None:
        return ""
    if _empty(value) and (spec is None or spec.kind != "bool"):
        return ""
    return display(spec, value)


def record_cell(kind: str, row: dict[str, Any], field: str) -> str:
    """One field of one record as the core would print it."""
    return show_value(RECORD_KINDS[kind].spec(field), row.get(field))


def _header_label(kind: str, field: str) -> str:
    spec = RECORD_KINDS[kind].spec(field)
    return spec.label if spec is not None else field


def status_label(code: str | None) -> str:
    """The translated label of a stored status code ("资料不全" when missing)."""
    return status_text(code) if code else _tr("资料不全")


def receipt_state(notice: dict[str, Any]) -> str:
    """Whether a 劝返复学通知书 reached the family: what the county asks about first."""
    if notice.get("receipt_signed"):
        return _tr("回证已签收")
    if notice.get("delivered_date"):
        return _tr("已送达，回证未签收")
    return _tr("未送达")


class StudentView(QWidget):
    """One pupil's page: a header and six tabs. Call `show_student(id)` to fill it."""

    loaded = Signal()
    """The latest answer arrived (or failed)."""
    requested = Signal(str)
    """A button under the header asks for an entry dialog: one of `ACTIONS`' keys."""

    ACTIONS = (
        ("edit", QT_TRANSLATE_NOOP("StudentView", "编辑信息")),
        ("status", QT_TRANSLATE_NOOP("StudentView", "变更状态")),
        ("visit", QT_TRANSLATE_NOOP("StudentView", "登记劝返")),
        ("stage", QT_TRANSLATE_NOOP("StudentView", "劝返阶段")),
        ("report", QT_TRANSLATE_NOOP("StudentView", "报告表")),
        ("pairing", QT_TRANSLATE_NOOP("StudentView", "结对帮扶")),
        ("print", QT_TRANSLATE_NOOP("StudentView", "打印…")),
    )

    def __init__(self, runner: Runner, parent: QWidget | None = None, *, role: str = "") -> None:
        super().__init__(parent)
        self.runner = runner
        self.role = role
        self.student_id = ""
        self.data: dict[str, Any] = {}
        self.visit_table: QTableWidget | None = None
        self.history_table: QTableWidget | None = None
        self.destination_button: QPushButton | None = None

        font = self.font()
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.setFont(font)

        self.name_label = QLabel(self)
        title = QFont(font)
        title.setPointSizeF(font.pointSizeF() * 1.6)
        title.setBold(True)
        self.name_label.setFont(title)
        self.facts_label = QLabel(self)
        self.facts_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status_label = QLabel(self)
        bold = QFont(font)
        bold.setBold(True)
        self.status_label.setFont(bold)
        self.risk_label = QLabel(self)
        self.risk_label.setWordWrap(True)

        self.tabs = QTabWidget(self)
        self._tab_pages: list[QVBoxLayout] = []
        for title_text in (_tr("基本信息"), _tr("状态与个案"), _tr("劝返记录"), _tr("资助与帮扶"),
                           _tr("修改记录")):
            self._tab_pages.append(self._add_tab(title_text))
        self.evidence_strip = self._add_evidence_tab(EVIDENCE_TAB)

        self.buttons = QWidget(self)
        row = QHBoxLayout(self.buttons)
        row.setContentsMargins(0, 0, 0, 0)
        for key, text in self.ACTIONS:
            button = QPushButton(_tr(text), self.buttons)
            button.clicked.connect(lambda _=False, k=key: self.requested.emit(k))
            row.addWidget(button)
        row.addStretch(1)
        self.buttons.setEnabled(False)

        layout = QVBoxLayout(self)
        layout.addWidget(self.name_label)
        layout.addWidget(self.facts_label)
        layout.addWidget(self.status_label)
        layout.addWidget(self.risk_label)
        layout.addWidget(self.buttons)
        layout.addWidget(self.tabs, 1)
        self.name_label.setText(_tr("学生信息"))
        self.runner.bus.changed.connect(self._on_changed)

    # ---- loading -------------------------------------------------------------------------

    def show_student(self, student_id: str) -> None:
        """Show this pupil; the page fills when the worker thread answers."""
        self.student_id = student_id
        self.refresh()

    def refresh(self) -> None:
        """Read the current pupil again (nothing happens before `show_student`)."""
        if not self.student_id:
            return
        student_id = self.student_id
        restricted = may(self.role, Permission.RESTRICTED)
        self.runner.query(lambda ledger: _load(ledger, student_id, restricted=restricted),
                          on_done=lambda answer: self._show(student_id, answer),
                          on_failed=lambda _error: self.loaded.emit(), parent=self)

    def _on_changed(self, changes: Changes, initiator: object) -> None:
        """Redraw only when the write named this pupil: other pupils' edits cost nothing here."""
        if self.student_id and self.student_id in changes.students:
            self.refresh()

    def _show(self, student_id: str, answer: dict[str, Any]) -> None:
        if student_id != self.student_id:
            return  # a later show_student() superseded this answer
        self.data = answer
        student = answer.get("student")
        self.buttons.setEnabled(student is not None and not student.get("retracted"))
        if student is None:
            self._show_missing()
        else:
            self._show_header(student)
            self._fill_info(student)
            self._fill_status(answer)
            self._fill_persuasion(answer)
            self._fill_evidence(student, answer["evidence"])
            self._fill_support(answer)
            self._fill_history(answer["history"])
            for page in self._tab_pages:
                page.addStretch(1)  # sections sit at the top; the slack goes below them
        self.loaded.emit()

    def _show_missing(self) -> None:
        self.name_label.setText(_tr("找不到这名学生"))
        for label in (self.facts_label, self.status_label, self.risk_label):
            label.setText("")
        for page in self._tab_pages:
            _clear(page)
        self.evidence_strip.set_student("", can_add=False)
        self.evidence_strip.set_items([])
        self.tabs.setTabText(EVIDENCE_TAB, _tr("证明材料"))

    # ---- header --------------------------------------------------------------------------

    def _show_header(self, student: dict[str, Any]) -> None:
        retracted = _tr("（已撤销登记）") if student.get("retracted") else ""
        self.name_label.setText((student.get("name") or "") + retracted)
        sex = _tr(_SEXES[student["sex"]]) if student.get("sex") in _SEXES else ""
        parts = [
            sex,
            grade_class_text(int(student.get("grade") or 0), student.get("class_name") or ""),
            _tr("身份证号 {v}").format(v=self._number("id_number", student)),
            _tr("学籍号 {v}").format(v=self._number("xjh", student)),
        ]
        self.facts_label.setText("　·　".join(p for p in parts if p))
        code = student.get("status")
        self.status_label.setText(_tr("当前状态：{status}").format(status=status_label(code)))
        colour = URGENT_COLOUR.name() if code in _CASE_STATUSES else "#1b5e20"
        self.status_label.setStyleSheet(f"color: {colour};")
        reasons = student.get("at_risk") or []
        if reasons:
            shown = display(STUDENT_SPECS["at_risk"], reasons)
            self.risk_label.setText(_tr("预警原因：{reasons}").format(reasons=shown))
            self.risk_label.setStyleSheet(f"color: {URGENT_COLOUR.name()};")
        else:
            self.risk_label.setText(_tr("预警原因：无"))
            self.risk_label.setStyleSheet("")

    # ---- tabs ----------------------------------------------------------------------------

    def _add_tab(self, title: str) -> QVBoxLayout:
        """A scrolling tab page: sections stack top to bottom, the page scrolls, not each table."""
        scroll = QScrollArea(self.tabs)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        inner = QWidget(scroll)
        layout = QVBoxLayout(inner)
        scroll.setWidget(inner)
        self.tabs.addTab(scroll, title)
        return layout

    def _add_evidence_tab(self, index: int) -> AttachmentStrip:
        """The 证明材料 tab: not a scrolling page, as the thumbnails scroll on their own."""
        page = QWidget(self.tabs)
        layout = QVBoxLayout(page)
        self._section(layout, _tr("证明材料与照片"))
        note = QLabel(_tr("这名学生的全部照片和扫描件：单独添加的证明材料，以及劝返记录、通知书、"
                          "法律文书、书面报告和销号所附的文件。"))
        note.setWordWrap(True)
        note.setStyleSheet("color: #555;")
        layout.addWidget(note)
        strip = AttachmentStrip(self.runner, page)
        layout.addWidget(strip, 1)
        self.tabs.insertTab(index, page, _tr("证明材料"))
        return strip

    def _section(self, page: QVBoxLayout, title: str) -> None:
        label = QLabel(title)
        font = QFont(self.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.1)
        label.setFont(font)
        page.addWidget(label)

    def _table(self, page: QVBoxLayout, headers: Sequence[str],
               rows: Iterable[tuple[Sequence[str], bool]]) -> QTableWidget | None:
        """A read-only table as tall as its rows; (cells, retracted) rows, retracted greyed.

        Returns None (and shows "（无）") when there are no rows: an empty grid reads as broken.
        """
        rows = list(rows)
        if not rows:
            none = QLabel(_tr("（无）"))
            none.setStyleSheet("color: #777;")
            page.addWidget(none)
            return None
        table = QTableWidget(len(rows), len(headers))
        table.setHorizontalHeaderLabels(list(headers))
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setWordWrap(False)  # one line per stored line; long texts elide, full in tooltip
        table.verticalHeader().setVisible(False)
        table.verticalHeader().setMinimumSectionSize(int(table.fontMetrics().height() * 1.7))
        header = table.horizontalHeader()
        bold = QFont(self.font())
        bold.setBold(True)
        header.setFont(bold)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        for r, (cells, retracted) in enumerate(rows):
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)  # long texts are cut at the column's edge
                if retracted:
                    item.setForeground(QBrush(_RETRACTED_COLOUR))
                    item.setToolTip(_tr("此条已撤销"))
                table.setItem(r, c, item)
        table.resizeColumnsToContents()
        metrics = table.fontMetrics()
        widest = metrics.horizontalAdvance("汉" * 30)
        for c in range(len(headers)):
            table.setColumnWidth(c, min(table.columnWidth(c) + 12, widest))
        header.setStretchLastSection(True)
        # Row heights by line count, not resizeRowsToContents: measured before the table is
        # laid out, Qt sized multi-line rows a line short and cut the last line off.
        # Measured with layout, as CJK glyphs come from a fallback font with taller lines.
        room = QRect(0, 0, 100_000, 100_000)
        for r, (cells, _retracted) in enumerate(rows):
            tallest = max((metrics.boundingRect(room, Qt.AlignmentFlag.AlignLeft, text).height()
                           for text in cells if "\n" in text), default=0)
            table.setRowHeight(r, max(tallest + 12, int(metrics.height() * 1.7)))
        height = header.height() + 2 * table.frameWidth() + 4
        height += sum(table.rowHeight(r) for r in range(len(rows)))
        table.setFixedHeight(max(height, header.sizeHint().height() + 8))
        table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        page.addWidget(table)
        return table

    def _record_table(self, page: QVBoxLayout, kind: str, fields: Sequence[str],
                      rows: list[dict[str, Any]],
                      extra: Sequence[tuple[str, Any]] = ()) -> QTableWidget | None:
        """Records of one kind, one column per field, plus `extra` (header, row -> text) columns.

        A "撤销" column appears only when some row was retracted, so the long text columns get
        the width in the usual case.
        """
        headers = [_header_label(kind, f) for f in fields] + [h for h, _ in extra]
        show_retracted = any(row.get("retracted") for row in rows)
        if show_retracted:
            headers.append(_tr("撤销"))
        return self._table(page, headers, (
            ([record_cell(kind, row, f) for f in fields] + [fn(row) for _, fn in extra]
             + ([_retracted_note(row)] if show_retracted else []),
             bool(row.get("retracted")))
            for row in rows))

    def _fill_info(self, student: dict[str, Any]) -> None:
        page = self._tab_pages[0]
        _clear(page)
        self._section(page, _tr("身份与家庭"))
        grid_holder = QWidget()
        grid = QGridLayout(grid_holder)
        grid.setHorizontalSpacing(24)
        half = (len(_INFO_FIELDS) + 1) // 2
        for i, spec in enumerate(_INFO_FIELDS):
            row, col = i % half, (i // half) * 2
            name = QLabel(_tr("{label}：").format(label=spec.label))
            name.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            name.setStyleSheet("color: #555;")
            value = QLabel(self._info_value(spec, student.get(spec.name)))
            value.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            grid.addWidget(name, row, col)
            official = self._official_flag() if spec.name == "economic_category" else None
            grid.addWidget(value if official is None else _beside(value, official),
                           row, col + 1)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        page.addWidget(grid_holder)
        self._section(page, _tr("监护人"))
        self._table(page, (_tr("姓名"), _tr("与学生关系"), _tr("联系电话")), (
            ((g.get("name", ""), codes.label_of(codes.GUARDIAN_RELATIONS, g.get("relation", "")),
              g.get("phone", "")), False)
            for g in student.get("guardians") or []))

    def _official_flag(self) -> QLabel | None:
        """县里名单显示：… beside the school's own category, amber where the two disagree.

        Only for a role that may see restricted fields (the lists name poor families), and only
        once a county list slice reached this school: before that, "not on the list" means
        nothing.
        """
        found = self.data.get("official")
        if not may(self.role, Permission.RESTRICTED) or not isinstance(found, OfficialView):
            return None
        text = (_tr("县里名单显示：{labels}").format(labels=found.labels) if found.labels
                else _tr("县里名单中没有该生"))
        if found.disagrees:
            text += _tr("（与本校记录不一致）")
        label = QLabel(text)
        label.setObjectName("officialFlag")
        label.setWordWrap(True)
        label.setToolTip(_tr("县教育局随同步包下发的脱贫户、低保、特困名单中本校学生的部分。"
                             "本校记录不同时，请与家庭和村里核实后更正，或向县里提出。"))
        label.setStyleSheet(f"color: {OFFICIAL_DISAGREES if found.disagrees else OFFICIAL_AGREES};")
        return label

    def _number(self, field: str, student: dict[str, Any]) -> str:
        """An ID number or 学籍号: whole only for roles that may see it (model/access.py)."""
        value = str(student.get(field) or "")
        if not may(self.role, Permission.FULL_IDS):
            value = mask_id_number(value) if field == "id_number" else mask_xjh(value)
        return value or _tr("（空）")

    def _info_value(self, spec: FieldSpec, value: Any) -> str:
        if spec.name in RESTRICTED_FIELDS and not may(self.role, Permission.RESTRICTED):
            return _tr("（仅校长可见）")
        if spec.name in ("id_number", "xjh"):
            return self._number(spec.name, {spec.name: value})
        if spec.name == "sex":
            return _tr(_SEXES[value]) if value in _SEXES else _tr("（空）")
        if spec.name == "grade":
            return grade_class_text(int(value or 0), "") or _tr("（空）")
        return display(spec, value) if not _empty(value) or spec.kind == "bool" else _tr("（空）")

    @staticmethod
    def _next_stage_label(due: StageDue) -> QLabel:
        """The next escalation step and its deadline, red once it is late."""
        if due.overdue:
            when = _tr("应于 {due} 前完成（已逾期 {n} 天）").format(due=due.due.isoformat(),
                                                          n=-due.days_left)
        else:
            when = _tr("应于 {due} 前完成（还有 {n} 天）").format(due=due.due.isoformat(),
                                                          n=due.days_left)
        label = QLabel(_tr("下一阶段：{stage} {label}，{when}；办理：{actor}").format(
            stage=due.next_stage, label=due.next_label, when=when, actor=due.actor_label))
        label.setWordWrap(True)
        if due.overdue:
            label.setStyleSheet(f"color: {URGENT_COLOUR.name()};")
        return label

    def _fill_status(self, answer: dict[str, Any]) -> None:
        page = self._tab_pages[1]
        _clear(page)
        cases: list[dict[str, Any]] = answer["case"]
        open_case = next((c for c in cases if not c.get("retracted") and not c.get("closed_date")),
                         None)
        self._section(page, _tr("当前个案"))
        if open_case is None:
            page.addWidget(QLabel(_tr("没有未销号的个案")))
        else:
            stage = open_case.get("stage") or ""
            stage_text = (f"{stage} {codes.label_of(codes.ESCALATION_STAGES, stage)}"
                          if stage else _tr("（未记录）"))
            summary = QLabel(_tr("立案日期 {opened}　当前阶段：{stage}").format(
                opened=open_case.get("opened_date") or "", stage=stage_text))
            font = QFont(self.font())
            font.setBold(True)
            summary.setFont(font)
            summary.setStyleSheet(f"color: {URGENT_COLOUR.name()};")
            page.addWidget(summary)
            due: StageDue | None = answer.get("next_stage")
            if due is not None and due.case_id == open_case["id"]:
                page.addWidget(self._next_stage_label(due))
            self._record_table(page, "case", (
                "reason_code", "reason_text", "whereabouts", "teacher", "village_contact",
                "township_contact", "plan"), [open_case])
        self._section(page, _tr("状态变化"))
        self._table(page, (_tr("生效日期"), _tr("状态"), _tr("原因"), _tr("销号"), _tr("备注")), (
            ((fact.get("effective_date") or "", status_label(fact.get("code")),
              _reason_text(fact), _closure_text(fact),
              "；".join(t for t in (fact.get("note") or "", _retracted_note(fact)) if t)),
             bool(fact.get("retracted")))
            for fact in answer["status_history"]))
        student = answer["student"]
        if student.get("status") == "graduated":
            self._fill_destination(page, student, answer["destination"])
        self._section(page, _tr("劝返阶段"))
        self._record_table(page, "escalation", ("date", "stage", "note"), answer["escalation"])
        self._section(page, _tr("全部个案"))
        self._table(page, (_tr("立案日期"), _tr("辍学原因"), _tr("阶段"), _tr("包保教师"),
                           _tr("销号日期"), _tr("销号原因")), (
            ((c.get("opened_date") or "", record_cell("case", c, "reason_code"),
              c.get("stage") or "", c.get("teacher") or "", c.get("closed_date") or "",
              codes.label_of(codes.CLOSURE_REASONS, c["closure_reason"])
              if c.get("closure_reason") else ""), bool(c.get("retracted")))
            for c in cases))

    def _fill_destination(self, page: QVBoxLayout, student: dict[str, Any],
                          rows: list[dict[str, Any]]) -> None:
        """毕业去向 of a graduate (初中升学率's numerator), newest last, and the way to add one."""
        self._section(page, _tr("毕业去向"))
        self._record_table(page, "destination", ("date", "destination", "school", "note"), rows)
        if student.get("grade") == 9:
            self.destination_button = QPushButton(_tr("登记毕业去向…"))
            self.destination_button.setToolTip(
                _tr("升入普通高中、中职、技工学校计入初中升学率；后登记的去向取代先前的"))
            self.destination_button.clicked.connect(self.open_destination_dialog)
            page.addWidget(self.destination_button, 0, Qt.AlignmentFlag.AlignLeft)

    def open_destination_dialog(self) -> DestinationDialog:
        """The 登记毕业去向 dialog for this pupil (shown non-modally; returned for tests)."""
        dialog = DestinationDialog(self.runner, self.student_id, self)
        dialog.show()
        return dialog

    def _fill_persuasion(self, answer: dict[str, Any]) -> None:
        page = self._tab_pages[2]
        _clear(page)
        self._section(page, _tr("劝返记录"))
        self.visit_table = self._record_table(page, "visit", (
            "date", "mode", "participants", "met", "attitude", "result", "next_step"),
            answer["visit"], extra=_files_column(answer["visit"]))
        self._section(page, _tr("劝返复学通知书"))
        self._record_table(page, "notice", (
            "date", "guardian_name", "return_by", "delivered_date", "delivered_to", "deliverer"),
            answer["notice"],
            extra=((_tr("回证"), receipt_state), *_files_column(answer["notice"])))
        self._section(page, _tr("法律文书"))
        self._record_table(page, "legal_doc", (
            "doc_type", "number", "issuer", "issued_date", "served_date", "deadline", "outcome"),
            answer["legal_doc"], extra=_files_column(answer["legal_doc"]))
        self._section(page, _tr("书面报告"))
        self._record_table(page, "report", ("date", "recipients", "period", "summary"),
                           answer["report"], extra=_files_column(answer["report"]))

    def _fill_evidence(self, student: dict[str, Any], evidence: list[Evidence]) -> None:
        self.evidence_strip.set_student(str(student["id"]),
                                        can_add=not student.get("retracted"))
        self.evidence_strip.set_items(evidence)
        self.tabs.setTabText(EVIDENCE_TAB, _tr("证明材料（{n}）").format(n=len(evidence))
                             if evidence else _tr("证明材料"))

    def _fill_support(self, answer: dict[str, Any]) -> None:
        page = self._tab_pages[3]
        _clear(page)
        self._section(page, _tr("资助发放"))
        self._record_table(page, "subsidy", (
            "item", "period", "standard_fen", "amount_fen", "paid_date", "channel",
            "account_last4", "note"), answer["subsidy"])
        self._section(page, _tr("结对帮扶"))
        self._record_table(page, "pairing", ("teacher", "start_date", "kind", "goal"),
                           answer["pairing"])
        teachers = {p["id"]: p.get("teacher") or "" for p in answer["pairing"]}
        self._section(page, _tr("帮扶记录"))
        self._record_table(page, "pairing_log", ("date", "mode", "content", "change",
                                                 "next_step"), answer["pairing_log"],
                           extra=((_tr("帮扶教师"),
                                   lambda log: teachers.get(log.get("pairing_id"), "")),))
        self._section(page, _tr("送教上门记录"))
        self._record_table(page, "home_teaching", (
            "date", "start_time", "end_time", "teachers", "content", "response",
            "guardian_signed"), answer["home_teaching"])

    def _fill_history(self, history: list[HistoryEntry]) -> None:
        page = self._tab_pages[4]
        _clear(page)
        note = QLabel(_tr("时间是当时那台电脑上的时间，电脑时钟不准时可能有出入。"))
        note.setStyleSheet("color: #555;")
        page.addWidget(note)
        self.history_table = self._table(
            page, (_tr("本机时间"), _tr("操作人"), _tr("电脑"), _tr("操作"), _tr("详情")),
            (((e.wall, e.operator, e.computer, e.action, "\n".join(e.details)), False)
             for e in history))


def _files_column(rows: list[dict[str, Any]]) -> tuple[tuple[str, Any], ...]:
    """An 附件 column ("2 份") pointing to the 证明材料 tab, only when some row has files."""
    if not any(row.get("attachments") for row in rows):
        return ()

    def count(row: dict[str, Any]) -> str:
        files = row.get("attachments") or []
        return _tr("{n} 份，见“证明材料”").format(n=len(files)) if files else ""

    return ((_tr("附件"), count),)


def _retracted_note(row: dict[str, Any]) -> str:
    if not row.get("retracted"):
        return ""
    reason = row.get("retract_reason") or ""
    return _tr("已撤销：{reason}").format(reason=reason) if reason else _tr("已撤销")


def _reason_text(fact: dict[str, Any]) -> str:
    code = fact.get("reason_code") or ""
    text = codes.label_of(codes.DROPOUT_REASONS, code) if code else ""
    if fact.get("reason_text"):
        text = f"{text}（{fact['reason_text']}）" if text else str(fact["reason_text"])
    return text


def _closure_text(fact: dict[str, Any]) -> str:
    if not fact.get("closure_reason"):
        return ""
    text = codes.label_of(codes.CLOSURE_REASONS, fact["closure_reason"])
    evidence = fact.get("closure_evidence") or ""
    return _tr("{reason}，依据：{evidence}").format(reason=text, evidence=evidence) if evidence \
        else text


def _clear(layout: QVBoxLayout) -> None:
    """Drop a tab's old sections before redrawing it (deleteLater: Qt may still paint them)."""
    while layout.count():
        item = layout.takeAt(0)
        widget = item.widget() if item is not None else None
        if widget is not None:
            widget.setParent(None)
            widget.deleteLater()
