"""导入学籍名单: the roster import wizard (issue 4), four calm steps over the core's one plan.

Why one QDialog with stacked pages rather than QWizard: three of the four steps wait for the
ledger's worker thread (reading the top of the file, checking up to 200,000 rows, writing them),
and QWizard's synchronous `validatePage`/`isComplete` would either freeze the window or need a
second state machine around it. Our own 上一步 / 下一步 keep one, in `_update_buttons`.

1. 选择文件 — .xlsx, .xls, .ods or .csv; the core reads the format from the bytes.
2. 核对各列 — `guess_header` reads only the top of the sheet: its rows (ID numbers masked unless
   the role may see them) and the header found in them, with the mapping saved in the county
   profile applied. Each column gets a combo (an import field or 不导入). When no header is
   found the person clicks the header row; header rows and mappings are then recomputed here by
   the core's own pure `find_header` on those 30 rows of text, at once. 记住这个对应关系 saves
   in the profile what differs from the automatic mapping, so the next file maps the same.
3. 检查 — `plan_import` on the worker thread, with a progress bar and 停止检查: counts of new /
   updated / unchanged / error rows, every problem (errors red, warnings amber), the 在籍不在校?
   list, and the correctable .xlsx report (`write_report`).
4. 导入 — `apply_import` through `runner.op`. 导入 stays disabled while rows have errors unless
   跳过有错误的行 is ticked. 停止导入 cancels through the core's progress callback (the
   transaction is rolled back and the wizard says the ledger is unchanged); a plan gone stale
   asks for a new check; the last page says what was written and where the backup is.

Progress crosses threads through `_Progress`, a plain object the worker writes and a GUI timer
reads, and whose `cancelled` flag the GUI sets: the worker never touches a widget.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QStandardPaths,
    Qt,
    QTimer,
    QUrl,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QDesktopServices, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from dropout_ledger.errors import InputRefused
from dropout_ledger.importing import (
    FIELDS,
    Header,
    HeaderGuess,
    ImportCancelled,
    ImportPlan,
    ImportResult,
    MissingPupil,
    RowProblem,
    StalePlan,
    apply_import,
    find_header,
    guess_header,
    mapping_to_profile,
    plan_import,
    saved_mapping,
    write_report,
)
from dropout_ledger.importing.header import column_letter
from dropout_ledger.ledger import Ledger
from dropout_ledger.model import identity
from dropout_ledger.model.access import Permission, may
from dropout_ledger.model.changes import Changes
from ui.i18n import QT_TRANSLATE_NOOP
from ui.labels import grade_class_text
from ui.ops import Runner


def _tr(text: str) -> str:
    return QCoreApplication.translate("ImportWizard", text)


ERROR_COLOUR = "#b00020"
WARN_COLOUR = "#8a5a00"
OK_COLOUR = "#2e7d32"
QUIET_COLOUR = "#666666"
FILE_PATTERNS = "*.xlsx *.xls *.ods *.csv"
FILE, MAPPING, CHECK, APPLY = range(4)
"""The pages, in order."""
WRAPPED_PROBLEMS = 2000
"""Up to this many problems are shown with their whole text wrapped; more stay one line each
(measuring every row's height would make a county-sized list lag), the tooltip has the rest."""

# The core's import fields (importing.FIELDS) as the combos show them, translatable.
FIELD_LABELS: dict[str, str] = {
    "name": QT_TRANSLATE_NOOP("ImportWizard", "姓名"),
    "sex": QT_TRANSLATE_NOOP("ImportWizard", "性别"),
    "birth_date": QT_TRANSLATE_NOOP("ImportWizard", "出生日期"),
    "ethnicity": QT_TRANSLATE_NOOP("ImportWizard", "民族"),
    "id_type": QT_TRANSLATE_NOOP("ImportWizard", "身份证件类型"),
    "id_number": QT_TRANSLATE_NOOP("ImportWizard", "身份证号"),
    "xjh": QT_TRANSLATE_NOOP("ImportWizard", "全国学籍号"),
    "grade": QT_TRANSLATE_NOOP("ImportWizard", "年级"),
    "class_name": QT_TRANSLATE_NOOP("ImportWizard", "班级"),
    "enrolled": QT_TRANSLATE_NOOP("ImportWizard", "入学年月"),
    "address": QT_TRANSLATE_NOOP("ImportWizard", "家庭住址"),
    "village_name": QT_TRANSLATE_NOOP("ImportWizard", "村（居）"),
    "village_code": QT_TRANSLATE_NOOP("ImportWizard", "村（居）区划代码"),
    "boarding": QT_TRANSLATE_NOOP("ImportWizard", "是否住校"),
    "boarding_mode": QT_TRANSLATE_NOOP("ImportWizard", "就读方式"),
    "left_behind": QT_TRANSLATE_NOOP("ImportWizard", "留守儿童"),
    "orphan": QT_TRANSLATE_NOOP("ImportWizard", "孤儿"),
    "migrant": QT_TRANSLATE_NOOP("ImportWizard", "随迁子女"),
    "disability_type": QT_TRANSLATE_NOOP("ImportWizard", "残疾类型"),
    "inclusive": QT_TRANSLATE_NOOP("ImportWizard", "随班就读"),
    "guardian1_name": QT_TRANSLATE_NOOP("ImportWizard", "监护人姓名"),
    "guardian1_relation": QT_TRANSLATE_NOOP("ImportWizard", "监护人关系"),
    "guardian1_phone": QT_TRANSLATE_NOOP("ImportWizard", "监护人电话"),
    "guardian2_name": QT_TRANSLATE_NOOP("ImportWizard", "第二监护人姓名"),
    "guardian2_relation": QT_TRANSLATE_NOOP("ImportWizard", "第二监护人关系"),
    "guardian2_phone": QT_TRANSLATE_NOOP("ImportWizard", "第二监护人电话"),
    "note": QT_TRANSLATE_NOOP("ImportWizard", "备注"),
}
STEPS = (
    QT_TRANSLATE_NOOP("ImportWizard", "选择文件"),
    QT_TRANSLATE_NOOP("ImportWizard", "核对各列"),
    QT_TRANSLATE_NOOP("ImportWizard", "检查"),
    QT_TRANSLATE_NOOP("ImportWizard", "导入"),
)
_ID_LIKE = re.compile(r"\d{17}[\dXx]|\d{15}")
_XJH_LIKE = re.compile(r"[GJLgjl]\d{17}[\dXx]")
_LAST_FOLDER: dict[str, Path] = {}
"""The folder the last roster came from: the next one is usually beside it."""


def field_label(key: str) -> str:
    """An import field as people read it, in the app's language."""
    return _tr(FIELD_LABELS[key]) if key in FIELD_LABELS else key


def shown_cell(text: str, full_ids: bool) -> str:
    """A preview cell as shown: an ID number or 学籍号 masked unless the role may see it whole."""
    if full_ids:
        return text
    bare = text.strip().lstrip("'‘’`")
    if _ID_LIKE.fullmatch(bare):
        return identity.mask_id_number(bare.upper())
    if _XJH_LIKE.fullmatch(bare):
        return identity.mask_xjh(bare.upper())
    return text


def documents_folder() -> Path:
    """The person's Documents folder (home when the platform has none)."""
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(found) if found else Path.home()


class _Progress:
    """Shared by the worker (which calls it) and a GUI timer (which reads it).

    Plain attributes written by one thread and read by the other: each assignment is atomic
    under the GIL, and a stale read only shows the bar a moment late.
    """

    def __init__(self) -> None:
        self.done = 0
        self.total = 0
        self.cancelled = False

    def __call__(self, done: int, total: int) -> bool:
        self.done, self.total = done, total
        return not self.cancelled


@dataclass(frozen=True)
class Checked:
    """A plan with what the check page shows, computed on the worker (150,000 rows take time)."""

    plan: ImportPlan
    counts: dict[str, int]
    problems: list[RowProblem]
    names: dict[int, str]

    @classmethod
    def of(cls, plan: ImportPlan) -> Checked:
        counts = {action: 0 for action in ("create", "update", "unchanged", "error")}
        for row in plan.rows:
            counts[row.action] += 1
        counts["warning"] = plan.warnings
        problems = sorted(plan.problems, key=lambda p: (p.row, p.severity != "error"))
        wanted = {p.row for p in problems}
        names = {r.row: r.name for r in plan.rows if r.row in wanted}
        return cls(plan, counts, problems, names)


# --- the two tables of the check page ---------------------------------------------------------


class ProblemModel(QAbstractTableModel):
    """Every problem of the check, one per line: errors red, warnings amber."""

    HEADERS = (
        QT_TRANSLATE_NOOP("ImportWizard", "行"), QT_TRANSLATE_NOOP("ImportWizard", "类别"),
        QT_TRANSLATE_NOOP("ImportWizard", "姓名"), QT_TRANSLATE_NOOP("ImportWizard", "列"),
        QT_TRANSLATE_NOOP("ImportWizard", "问题"), QT_TRANSLATE_NOOP("ImportWizard", "改正方法"),
    )

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.problems: list[RowProblem] = []
        self.names: dict[int, str] = {}

    def set_problems(self, problems: list[RowProblem], names: dict[int, str]) -> None:
        self.beginResetModel()
        self.problems, self.names = problems, names
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.problems)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _tr(self.HEADERS[section])
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        problem = self.problems[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._text(problem, index.column())
        if role == Qt.ItemDataRole.ForegroundRole:
            error = problem.severity == "error"
            return QBrush(QColor(ERROR_COLOUR if error else WARN_COLOUR))
        return None

    def _text(self, problem: RowProblem, column: int) -> str:
        kind = _tr("错误") if problem.severity == "error" else _tr("提醒")
        return (str(problem.row), kind, self.names.get(problem.row, ""), problem.column,
                problem.reason, problem.fix)[column]


class MissingModel(QAbstractTableModel):
    """在籍不在校?: pupils on the roll whom the file does not list (numbers masked by the core)."""

    HEADERS = (
        QT_TRANSLATE_NOOP("ImportWizard", "姓名"), QT_TRANSLATE_NOOP("ImportWizard", "年级班级"),
        QT_TRANSLATE_NOOP("ImportWizard", "身份证号"),
        QT_TRANSLATE_NOOP("ImportWizard", "全国学籍号"), QT_TRANSLATE_NOOP("ImportWizard", "状态"),
    )

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pupils: list[MissingPupil] = []

    def set_pupils(self, pupils: list[MissingPupil]) -> None:
        self.beginResetModel()
        self.pupils = pupils
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.pupils)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _tr(self.HEADERS[section])
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        p = self.pupils[index.row()]
        return (p.name, grade_class_text(p.grade, p.class_name), p.id_masked, p.xjh_masked,
                p.status_label)[index.column()]


def _table_view(model: QAbstractTableModel) -> QTableView:
    """A read-only, row-selecting table with fixed row heights (fast for 150,000 lines)."""
    view = QTableView()
    view.setModel(model)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    view.horizontalHeader().setStretchLastSection(True)
    return view


def _heading(text: str) -> QLabel:
    label = QLabel(text)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 1.25)
    font.setBold(True)
    label.setFont(font)
    return label


def _note(colour: str = QUIET_COLOUR) -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setStyleSheet(f"color: {colour};")
    return label


class _CountTile(QFrame):
    """One number of the check (新增 12) in a quiet box; red or amber when it needs attention."""

    def __init__(self, caption: str) -> None:
        super().__init__()
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.number = QLabel("0")
        font = self.number.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.number.setFont(font)
        self.number.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.caption = QLabel(caption)
        self.caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 6, 12, 6)
        layout.addWidget(self.number)
        layout.addWidget(self.caption)

    def set(self, count: int, colour: str = "") -> None:
        self.number.setText(str(count))
        self.number.setStyleSheet(f"color: {colour};" if colour and count else "")


# --- the wizard ---------------------------------------------------------------------------------


class ImportWizard(QDialog):
    """Import a 学籍 roster file: choose, map the columns, check, import (see module docstring)."""

    imported = Signal(object)
    """Emitted with the core's `ImportResult` once rows were written."""

    def __init__(self, runner: Runner, role: str, path: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.role = role
        self.full_ids = may(role, Permission.FULL_IDS)
        self.path: Path | None = None
        self.guess: HeaderGuess | None = None
        self.saved: dict[str, str | None] = {}
        self.header: Header | None = None
        self.auto: Header | None = None
        self.combos: list[tuple[str, QComboBox]] = []
        self.checked: Checked | None = None
        self.import_result: ImportResult | None = None
        self.busy = ""  # "reading", "checking", "applying" or ""
        self.stale = False
        self.stopped = False
        self._progress = _Progress()
        self._timer = QTimer(self)
        self._timer.setInterval(100)
        self._timer.timeout.connect(self._show_progress)
        self.setWindowTitle(_tr("导入学籍名单"))
        self.resize(960, 680)

        self.pages = QStackedWidget()
        self.steps = [QLabel(f"{n} {_tr(text)}") for n, text in enumerate(STEPS, start=1)]
        self.pages.addWidget(self._file_page())
        self.pages.addWidget(self._mapping_page())
        self.pages.addWidget(self._check_page())
        self.pages.addWidget(self._apply_page())
        self._build_layout()
        self._go(FILE)
        if path:
            self.open_file(path)

    # -- building ----------------------------------------------------------------------------

    def _build_layout(self) -> None:
        steps = QHBoxLayout()
        for number, label in enumerate(self.steps):
            if number:
                arrow = QLabel("›")
                arrow.setStyleSheet(f"color: {QUIET_COLOUR};")
                steps.addWidget(arrow)
            steps.addWidget(label)
        steps.addStretch(1)
        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)

        self.back_button = QPushButton(_tr("上一步"))
        self.next_button = QPushButton(_tr("下一步"))
        self.next_button.setDefault(True)
        self.close_button = QPushButton(_tr("取消"))
        for button in (self.back_button, self.next_button, self.close_button):
            button.setAutoDefault(False)
        self.back_button.clicked.connect(self._back)
        self.next_button.clicked.connect(self._next)
        self.close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.next_button)
        buttons.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addLayout(steps)
        layout.addWidget(line)
        layout.addWidget(self.pages, 1)
        layout.addLayout(buttons)

    def _file_page(self) -> QWidget:
        page = QWidget()
        self.file_edit = QLineEdit()
        self.file_edit.setReadOnly(True)
        self.file_edit.setPlaceholderText(_tr("还没有选择文件"))
        self.choose_button = QPushButton(_tr("选择文件…"))
        self.choose_button.setAutoDefault(False)
        self.choose_button.clicked.connect(self.choose_file)
        row = QHBoxLayout()
        row.addWidget(self.file_edit, 1)
        row.addWidget(self.choose_button)
        intro = _note("")
        intro.setText(_tr(
            "可以导入从全国中小学生学籍信息管理系统导出的名单，也可以导入学校自己整理的名单：\n"
            "Excel 或 WPS 表格（.xlsx、.xls）、LibreOffice 表格（.ods）或 CSV 文件。\n\n"
            "导入分三步：先核对各列的含义，再检查整个文件，最后导入。"
            "检查时台账不会有任何改动；导入前会先备份台账。"
            "已在台账中的学生只更新有变化的资料，不会删除任何学生。"))
        self.file_status = _note()
        layout = QVBoxLayout(page)
        layout.addWidget(_heading(_tr("选择学籍名单文件")))
        layout.addWidget(intro)
        layout.addSpacing(12)
        layout.addLayout(row)
        layout.addWidget(self.file_status)
        layout.addStretch(1)
        return page

    def _mapping_page(self) -> QWidget:
        page = QWidget()
        self.sheet_label = QLabel(_tr("工作表："))
        self.sheet_combo = QComboBox()
        self.sheet_combo.activated.connect(self._sheet_chosen)
        self.header_spin = QSpinBox()
        self.header_spin.setSpecialValueText(_tr("未找到"))
        self.header_spin.valueChanged.connect(self._header_row_chosen)
        where = QHBoxLayout()
        where.addWidget(self.sheet_label)
        where.addWidget(self.sheet_combo)
        where.addSpacing(16)
        where.addWidget(QLabel(_tr("表头所在的行：")))
        where.addWidget(self.header_spin)
        where.addStretch(1)
        self.guess_note = _note(WARN_COLOUR)
        self.preview_table = QTableWidget()
        self.preview_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.preview_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.preview_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.preview_table.setWordWrap(False)
        self.preview_table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.preview_table.cellClicked.connect(lambda row, _column: self.header_spin.setValue(row + 1))
        self.mapping_table = QTableWidget(0, 4)
        self.mapping_table.setHorizontalHeaderLabels(
            [_tr("列"), _tr("表头"), _tr("第一行的内容"), _tr("导入为")])
        self.mapping_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.mapping_table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.mapping_table.verticalHeader().hide()
        self.mapping_table.horizontalHeader().setSectionResizeMode(
            2, QHeaderView.ResizeMode.Stretch)
        self.remember_check = QCheckBox(_tr(
            "记住这个对应关系（保存到县级配置，以后导入同样表头的名单时自动使用）"))
        self.mapping_hint = _note(ERROR_COLOUR)
        layout = QVBoxLayout(page)
        layout.addWidget(_heading(_tr("核对各列的含义")))
        intro = _note("")
        intro.setText(_tr("下面是文件的前几行，表头所在的行以蓝色标出；不对时点一下真正的表头行。"
                          "再在下方的“导入为”中核对每一列：认错或没认出的列请选一下，"
                          "不需要的列选“不导入”。"))
        layout.addWidget(intro)
        layout.addLayout(where)
        layout.addWidget(self.guess_note)
        layout.addWidget(self.preview_table, 2)
        layout.addWidget(self.mapping_table, 3)
        layout.addWidget(self.remember_check)
        layout.addWidget(self.mapping_hint)
        return page

    def _check_page(self) -> QWidget:
        page = QWidget()
        self.check_info = _note()
        self.check_status = QLabel()
        self.check_bar = QProgressBar()
        self.tiles = {key: _CountTile(_tr(caption)) for key, caption in (
            ("create", QT_TRANSLATE_NOOP("ImportWizard", "新增学生")),
            ("update", QT_TRANSLATE_NOOP("ImportWizard", "更新资料")),
            ("unchanged", QT_TRANSLATE_NOOP("ImportWizard", "没有变化")),
            ("error", QT_TRANSLATE_NOOP("ImportWizard", "有错误的行")),
            ("warning", QT_TRANSLATE_NOOP("ImportWizard", "有提醒的行")),
        )}
        tiles = QHBoxLayout()
        for tile in self.tiles.values():
            tiles.addWidget(tile)
        tiles.addStretch(1)
        self.tiles_box = QWidget()
        self.tiles_box.setLayout(tiles)
        tiles.setContentsMargins(0, 0, 0, 0)
        self.problem_model = ProblemModel(self)
        self.problem_view = _table_view(self.problem_model)
        self.missing_model = MissingModel(self)
        self.missing_view = _table_view(self.missing_model)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._with_note(self.problem_view, "problems"), "")
        self.tabs.addTab(self._with_note(self.missing_view, "missing"), "")
        self.report_button = QPushButton(_tr("保存检查结果（.xlsx）…"))
        self.report_button.setAutoDefault(False)
        self.report_button.clicked.connect(self.save_report)
        self.report_note = _note()
        self.recheck_button = QPushButton(_tr("重新检查"))
        self.recheck_button.setAutoDefault(False)
        self.recheck_button.clicked.connect(self.check)
        report = QHBoxLayout()
        report.addWidget(self.report_button)
        report.addWidget(self.report_note, 1)
        report.addStretch()
        report.addWidget(self.recheck_button)
        self.check_filler = QWidget()  # holds the page together while the tables are hidden
        self.skip_check = QCheckBox()
        self.skip_check.toggled.connect(self._update_buttons)
        self.import_hint = _note(ERROR_COLOUR)
        layout = QVBoxLayout(page)
        layout.addWidget(_heading(_tr("检查结果")))
        layout.addWidget(self.check_info)
        layout.addWidget(self.check_status)
        layout.addWidget(self.check_bar)
        layout.addWidget(self.tiles_box)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.check_filler, 1)
        layout.addLayout(report)
        layout.addWidget(self.skip_check)
        layout.addWidget(self.import_hint)
        return page

    def _with_note(self, view: QTableView, which: str) -> QWidget:
        box = QWidget()
        note = _note()
        if which == "problems":
            self.problems_note = note
        else:
            self.missing_note = note
        note.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(box)
        layout.addWidget(note)
        layout.addWidget(view, 1)
        return box

    def _apply_page(self) -> QWidget:
        page = QWidget()
        self.apply_status = QLabel()
        self.apply_bar = QProgressBar()
        self.apply_result = QLabel()
        self.apply_result.setWordWrap(True)
        self.apply_result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.backup_button = QPushButton(_tr("打开备份所在的文件夹"))
        self.backup_button.setAutoDefault(False)
        self.backup_button.clicked.connect(self._open_backup_folder)
        row = QHBoxLayout()
        row.addWidget(self.backup_button)
        row.addStretch(1)
        layout = QVBoxLayout(page)
        layout.addWidget(_heading(_tr("导入")))
        layout.addWidget(self.apply_status)
        layout.addWidget(self.apply_bar)
        layout.addWidget(self.apply_result)
        layout.addLayout(row)
        layout.addStretch(1)
        return page

    # -- navigation --------------------------------------------------------------------------

    def _go(self, page: int) -> None:
        self.pages.setCurrentIndex(page)
        for number, label in enumerate(self.steps):
            font = label.font()
            font.setBold(number == page)
            label.setFont(font)
            label.setStyleSheet("" if number <= page else f"color: {QUIET_COLOUR};")
        self._update_buttons()

    def page(self) -> int:
        return self.pages.currentIndex()

    def _back(self) -> None:
        if self.page() > FILE and not self.busy:
            self._go(CHECK if self.page() == APPLY else self.page() - 1)

    def _next(self) -> None:
        if self.busy:
            return
        if self.page() == FILE and self.guess is not None:
            self._go(MAPPING)
        elif self.page() == MAPPING and not self.mapping_lacks():
            self.check()
        elif self.page() == CHECK and not self.import_lacks():
            self.start_import()

    def _update_buttons(self) -> None:
        page, busy = self.page(), bool(self.busy)
        done = page == APPLY and self.import_result is not None
        self.back_button.setVisible(page != FILE)
        self.back_button.setEnabled(not busy)
        self.next_button.setVisible(page != APPLY)
        self.next_button.setText({FILE: _tr("下一步"), MAPPING: _tr("检查"),
                                  CHECK: _tr("导入")}.get(page, ""))
        ready = {FILE: self.guess is not None, MAPPING: not self.mapping_lacks(),
                 CHECK: not self.import_lacks()}.get(page, False)
        self.next_button.setEnabled(ready and not busy)
        self.choose_button.setEnabled(not busy)
        self.close_button.setText({"checking": _tr("停止检查"), "applying": _tr("停止导入")}.get(
            self.busy, _tr("完成") if done else _tr("关闭") if self.stopped else _tr("取消")))
        if page == MAPPING:
            # Without a header row the amber note above the rows already says what to do.
            self.mapping_hint.setText(self.mapping_lacks() if self.header is not None else "")
        if page == CHECK:
            lacks = self.import_lacks()
            self.import_hint.setText("" if busy or self.checked is None else lacks)
            colour = WARN_COLOUR if self.stale else ERROR_COLOUR
            self.import_hint.setStyleSheet(f"color: {colour};")

    def reject(self) -> None:
        """Cancel, Esc and the window's close button stop running work first; then close."""
        if self.busy in ("checking", "applying"):
            self._progress.cancelled = True
            self.close_button.setEnabled(False)
            return
        super().reject()

    # -- step 1: the file --------------------------------------------------------------------

    def choose_file(self) -> None:
        """Ask for the roster file, then read its top."""
        start = _LAST_FOLDER.get("open", documents_folder())
        path, _chosen = QFileDialog.getOpenFileName(
            self, _tr("选择学籍名单文件"), str(start),
            ";;".join((_tr("表格文件 ({patterns})").format(patterns=FILE_PATTERNS),
                       _tr("所有文件 (*)"))))
        if path:
            _LAST_FOLDER["open"] = Path(path).parent
            self.open_file(path)

    def open_file(self, path: str | Path, sheet: str | None = None) -> None:
        """Read the top of `path` (or of its sheet `sheet`) on the worker, then show the columns."""
        chosen = Path(path)
        self.path = chosen
        self.file_edit.setText(str(chosen))
        self.file_status.setText(_tr("正在读取文件…"))
        self.busy = "reading"
        self._update_buttons()

        def read(ledger: Ledger) -> tuple[HeaderGuess, dict[str, str | None]]:
            if ledger.org.kind != "school":
                raise InputRefused(_tr("县级台账不能导入学校的学籍名单：学生名单由各校导入后同步上来。"))
            saved = saved_mapping(ledger)
            return guess_header(chosen, saved or None, sheet=sheet), saved

        self.runner.query(read, on_done=self._read, on_failed=self._read_failed, parent=self)

    def _read(self, answer: tuple[HeaderGuess, dict[str, str | None]]) -> None:
        self.busy = ""
        self.guess, self.saved = answer
        self.file_status.setText("")
        self.checked = None
        self._fill_sheets(self.guess)
        self._fill_preview(self.guess)
        found = self.guess.header
        self.header_spin.blockSignals(True)
        self.header_spin.setRange(0, len(self.guess.preview.rows))
        self.header_spin.setValue(found.row if found is not None else 0)
        self.header_spin.blockSignals(False)
        self._header_row_chosen(self.header_spin.value())
        self._go(MAPPING)

    def _read_failed(self, _error: Exception) -> None:
        """The runner has shown why; stay on the first page so another file can be chosen."""
        self.busy = ""
        self.guess = None
        self.file_status.setText(_tr("这个文件无法导入，请选择别的文件。"))
        self._go(FILE)

    def _sheet_chosen(self, index: int) -> None:
        name = self.sheet_combo.itemText(index)
        if self.path is not None and self.guess is not None and name != self.guess.preview.sheet:
            self.open_file(self.path, sheet=name)

    def _fill_sheets(self, guess: HeaderGuess) -> None:
        names = guess.preview.sheet_names
        self.sheet_combo.clear()
        self.sheet_combo.addItems(names)
        self.sheet_combo.setCurrentText(guess.preview.sheet)
        several = len(names) > 1
        self.sheet_label.setVisible(several)
        self.sheet_combo.setVisible(several)

    # -- step 2: the columns -----------------------------------------------------------------

    def _fill_preview(self, guess: HeaderGuess) -> None:
        rows = guess.preview.rows
        width = max((len(r) for r in rows), default=0)
        table = self.preview_table
        table.clear()
        table.setRowCount(len(rows))
        table.setColumnCount(width)
        table.setHorizontalHeaderLabels(
            [column_letter(guess.preview.first_column + i) for i in range(width)])
        table.setVerticalHeaderLabels([str(n) for n in range(1, len(rows) + 1)])
        for r, cells in enumerate(rows):
            for c, text in enumerate(cells):
                table.setItem(r, c, QTableWidgetItem(shown_cell(text, self.full_ids)))

    def _size_preview(self, header_row: int) -> None:
        """Columns as wide as the header and the rows under it: a merged title is left cut."""
        table = self.preview_table
        metrics = table.fontMetrics()
        bold = QFont(table.font())
        bold.setBold(True)
        first = max(header_row - 1, 0)
        for c in range(table.columnCount()):
            texts = [item.text() for r in range(first, table.rowCount())
                     if (item := table.item(r, c)) is not None]
            wide = max((metrics.horizontalAdvance(t) for t in texts), default=0)
            table.setColumnWidth(c, min(max(wide + 18, 36), 240))

    def _header_row_chosen(self, row: int) -> None:
        """A header row was chosen (0: none): recompute the columns from the preview's text."""
        self.header = self._header_at(row, self.saved) if row else None
        self.auto = self._header_at(row, None) if row else None
        self.guess_note.setText("" if row else _tr(
            "没有找到表头（同时写着“姓名”和“身份证号”或“全国学籍号”的一行）。"
            "请在下面的表格中点一下表头所在的行，再指定各列的含义。"))
        self.guess_note.setVisible(not row)
        self._mark_header_row(row)
        self._size_preview(row)
        self._fill_mapping()
        self._update_buttons()

    def _header_at(self, row: int, mapping: Mapping[str, str | None] | None) -> Header | None:
        if self.guess is None:
            return None
        preview = self.guess.preview
        for wanted in (mapping or None, None):
            try:
                return find_header(preview.rows, first_column=preview.first_column,
                                   mapping=wanted, header_row=row, require=False)
            except InputRefused:
                continue
        return None

    def _mark_header_row(self, row: int) -> None:
        table = self.preview_table
        bold = QFont(table.font())
        bold.setBold(True)
        for r in range(table.rowCount()):
            for c in range(table.columnCount()):
                item = table.item(r, c)
                if item is None:
                    continue
                is_header = r == row - 1
                item.setBackground(QBrush(QColor("#d6e6fb")) if is_header else QBrush())
                item.setFont(bold if is_header else table.font())
                item.setForeground(QBrush(QColor(QUIET_COLOUR)) if r < row - 1 else QBrush())
        if row:
            table.scrollToItem(table.item(row - 1, 0) or QTableWidgetItem())

    def _fill_mapping(self) -> None:
        table = self.mapping_table
        table.setRowCount(0)
        self.combos = []
        if self.header is None or self.guess is None:
            return
        rows = self.guess.preview.rows
        sample = rows[self.header.row] if self.header.row < len(rows) else []
        for column in self.header.columns:
            if not column.header:
                continue  # a column without header text cannot be named in a mapping
            line = table.rowCount()
            table.insertRow(line)
            value = sample[column.index] if column.index < len(sample) else ""
            for number, text in enumerate((column.letter, column.header,
                                           shown_cell(value, self.full_ids))):
                table.setItem(line, number, QTableWidgetItem(text))
            combo = self._field_combo(column.field)
            table.setCellWidget(line, 3, combo)
            self.combos.append((column.header, combo))
        table.resizeColumnsToContents()
        table.setColumnWidth(1, min(max(table.columnWidth(1), 140), 260))
        table.setColumnWidth(3, 220)
        self._grey_unused()

    def _grey_unused(self) -> None:
        """Columns that will not be imported read quieter than the ones that will."""
        quiet = QBrush(QColor(QUIET_COLOUR))
        for line, (_header, combo) in enumerate(self.combos):
            for number in range(3):
                item = self.mapping_table.item(line, number)
                if item is not None:
                    item.setForeground(QBrush() if combo.currentData() else quiet)

    def _field_combo(self, field: str | None) -> QComboBox:
        combo = QComboBox()
        combo.addItem(_tr("不导入"), None)
        for info in FIELDS:
            combo.addItem(field_label(info.key), info.key)
        combo.setCurrentIndex(max(combo.findData(field), 0) if field else 0)
        combo.setMaxVisibleItems(16)
        combo.currentIndexChanged.connect(lambda _index, chosen=combo: self._field_chosen(chosen))
        return combo

    def _field_chosen(self, chosen: QComboBox) -> None:
        """One field, one column: choosing a field takes it away from the column that had it."""
        field = chosen.currentData()
        if field:
            for _header, combo in self.combos:
                if combo is not chosen and combo.currentData() == field:
                    combo.blockSignals(True)
                    combo.setCurrentIndex(0)
                    combo.blockSignals(False)
        self._grey_unused()
        self._update_buttons()

    def chosen_fields(self) -> dict[str, str | None]:
        """{header text: field or None} as the combos say."""
        return {header: combo.currentData() or None for header, combo in self.combos}

    def mapping(self) -> dict[str, str | None]:
        """What differs from the automatic mapping: what the check needs and the profile keeps.

        Only differences, because a file may repeat a header text (two 备注 columns) and the
        core maps by text: naming an unchanged column would give the field to both.
        """
        auto = self.auto.mapping if self.auto is not None else {}
        return {header: field for header, field in self.chosen_fields().items()
                if auto.get(header) != field}

    def mapping_lacks(self) -> str:
        """Why the mapping cannot be checked yet ("" when it can)."""
        if self.header is None:
            return _tr("请在上面的表格中点一下表头所在的行。")
        chosen = set(self.chosen_fields().values())
        missing = [field_label(key) for key in ("name", "grade") if key not in chosen]
        if not chosen & {"id_number", "xjh"}:
            missing.append(_tr("身份证号或全国学籍号"))
        if missing:
            return _tr("还没有指定哪一列是：{fields}。请在“导入为”中选出这一列。").format(
                fields=_tr("、").join(missing))
        return ""

    def _profile_mapping(self) -> dict[str, str | None] | None:
        """The saved mapping with this header's choices in it; None when nothing would change."""
        texts = set(self.chosen_fields())
        merged = {k: v for k, v in self.saved.items() if k not in texts} | self.mapping()
        return None if merged == self.saved else merged

    # -- step 3: the check -------------------------------------------------------------------

    def check(self) -> None:
        """Remember the mapping if asked, then check the whole file on the worker thread."""
        if self.path is None or self.guess is None or self.header is None or self.busy:
            return
        path, sheet, row = self.path, self.guess.preview.sheet, self.header.row
        mapping = self.mapping()
        remembered = self._profile_mapping() if self.remember_check.isChecked() else None
        if remembered is not None:  # before the check: a write after it would make it stale
            stored = mapping_to_profile(remembered)
            self.runner.op(lambda ledger: ledger.settings.set_profile(import_mapping=stored),
                           parent=self, initiator=self, progress=False)
            self.saved = remembered
        progress = self._start("checking")

        def run(ledger: Ledger) -> Checked | None:
            try:
                plan = plan_import(ledger, path, mapping or None, sheet=sheet, header_row=row,
                                   progress=progress)
            except ImportCancelled:
                return None
            return Checked.of(plan)

        self.checked, self.stale, self.import_result = None, False, None
        self._show_checking()
        self._go(CHECK)
        self.runner.query(run, on_done=self._checked, on_failed=self._check_failed, parent=self)

    def _show_checking(self) -> None:
        self.check_info.setText(_tr("文件：{name}　工作表：{sheet}　表头：第 {row} 行").format(
            name=self.path.name if self.path else "", sheet=self.guess.preview.sheet
            if self.guess else "", row=self.header.row if self.header else ""))
        self.check_status.setText(_tr("正在检查整个文件，台账不会有任何改动…"))
        for widget in (self.tiles_box, self.tabs, self.report_button, self.report_note,
                       self.recheck_button, self.skip_check):
            widget.hide()
        self.check_filler.show()
        self.check_status.show()
        self.check_bar.show()

    def _checked(self, checked: Checked | None) -> None:
        self._finish()
        if checked is None:
            self.check_status.setText(_tr("已停止检查，台账没有任何改动。"))
            self.check_bar.hide()
            self.recheck_button.show()
            self._update_buttons()
            return
        self.checked = checked
        self._show_checked(checked)
        self._update_buttons()

    def _check_failed(self, _error: Exception) -> None:
        """The runner has shown the core's refusal; go back to the columns to fix or leave."""
        self._finish()
        self._go(MAPPING)

    def _show_checked(self, checked: Checked) -> None:
        plan, counts = checked.plan, checked.counts
        self.check_status.setText(_tr("共 {rows} 行学生（另有 {skipped} 行空行、表尾或重复的表头，已跳过）。").format(
            rows=len(plan.rows), skipped=plan.skipped) if plan.skipped else
            _tr("共 {rows} 行学生。").format(rows=len(plan.rows)))
        self.check_bar.hide()
        for key, tile in self.tiles.items():
            colour = {"error": ERROR_COLOUR, "warning": WARN_COLOUR}.get(key, "")
            tile.set(counts[key], colour)
        self.problem_model.set_problems(checked.problems, checked.names)
        self._size_problems(len(checked.problems))
        self.problem_view.setVisible(bool(checked.problems))
        self.problems_note.setText(_tr("没有发现问题。") if not checked.problems else _tr(
            "红色是错误：这一行不能导入。琥珀色是提醒：这一行可以导入，但请核对。"))
        self.missing_view.setVisible(bool(plan.missing))
        self.missing_model.set_pupils(plan.missing)
        self.missing_view.resizeColumnsToContents()
        self.missing_note.setText(_tr(
            "这些学生在台账中在籍，但这份名单里没有。导入不会删除他们，也不会改变他们的状态："
            "请逐一核实（转学、辍学，还是名单漏登）。") if plan.missing else
            _tr("台账中在籍的学生都在这份名单里。"))
        self.tabs.setTabText(0, _tr("问题（{count}）").format(count=len(checked.problems)))
        self.tabs.setTabText(1, _tr("在籍不在校？（{count}）").format(count=len(plan.missing)))
        self.skip_check.setText(_tr("跳过有错误的 {errors} 行，只导入其余 {valid} 行").format(
            errors=plan.errors, valid=plan.valid))
        self.skip_check.setChecked(False)
        self.skip_check.setVisible(plan.errors > 0)
        self.report_note.setText("")
        for widget in (self.tiles_box, self.tabs, self.report_button, self.report_note):
            widget.show()
        self.check_filler.hide()

    def _size_problems(self, count: int) -> None:
        """Reasons wrap to their full text, unless there are so many that measuring would lag."""
        view = self.problem_view
        for column in range(4):
            view.resizeColumnToContents(column)
        view.setColumnWidth(4, 380)
        wrap = count <= WRAPPED_PROBLEMS
        view.setWordWrap(wrap)
        if wrap:
            view.resizeRowsToContents()

    def import_lacks(self) -> str:
        """Why 导入 is disabled ("" when it is not)."""
        plan = self.checked.plan if self.checked is not None else None
        if plan is None:
            return _tr("请先检查文件。")
        if self.import_result is not None:
            return _tr("这份名单已经导入。")
        if self.stale:
            return _tr("检查这个文件之后，台账又有了改动（例如在别的窗口中修改了学生）。"
                       "请点“重新检查”，再导入。")
        skip = self.skip_check.isChecked()
        if plan.errors and not skip:
            return _tr("有 {errors} 行有错误，整个文件不能导入。请保存检查结果、按“错误说明”改正后"
                       "重新导入，或勾选“跳过有错误的行”。").format(errors=plan.errors)
        if not plan.has_writes(skip_invalid=skip):
            return _tr("名单中的学生都已在台账中，资料也没有变化：不需要导入。")
        return ""

    def save_report(self) -> None:
        """Write the check report (the file's rows with 错误说明) where the person says."""
        if self.checked is None:
            return
        plan = self.checked.plan
        default = plan.path.with_name(_tr("{stem}-检查结果.xlsx").format(stem=plan.path.stem))
        target, _chosen = QFileDialog.getSaveFileName(
            self, _tr("保存检查结果"), str(default), _tr("Excel 表格 (*.xlsx)"))
        if not target:
            return
        out = Path(target if target.lower().endswith(".xlsx") else target + ".xlsx")

        def write(_ledger: Ledger) -> Path:
            return write_report(plan, out)

        self.runner.query(write, on_done=self._report_saved, parent=self, progress=True)

    def _report_saved(self, out: Path) -> None:
        self.report_note.setText(_tr("已保存到 {path}").format(path=out))

    # -- step 4: the import ------------------------------------------------------------------

    def start_import(self) -> None:
        """Apply the checked plan through the runner; the worker keeps the result for us."""
        if self.checked is None or self.import_lacks() or self.busy:
            return
        plan, skip = self.checked.plan, self.skip_check.isChecked()
        outcome: dict[str, Any] = {}
        progress = self._start("applying")

        def write(ledger: Ledger) -> Changes:
            try:
                result = apply_import(ledger, plan, skip_invalid=skip, progress=progress)
            except ImportCancelled:
                outcome["stopped"] = True
                return Changes()
            except StalePlan:
                outcome["stale"] = True
                return Changes()
            outcome["result"] = result
            return result.changes

        self.import_result, self.stopped = None, False
        self.apply_status.setText(_tr("正在导入，请稍候…"))
        self.apply_status.setStyleSheet("")
        self.apply_status.show()
        self.apply_bar.show()
        self.apply_result.setText("")
        self.backup_button.hide()
        self._go(APPLY)
        self.runner.op(write, parent=self, initiator=self, progress=False,
                       on_done=lambda _changes: self._applied(outcome),
                       on_failed=self._apply_failed)

    def _applied(self, outcome: Mapping[str, Any]) -> None:
        self._finish()
        self.apply_bar.hide()
        if outcome.get("stale"):
            self.stale = True
            self.recheck_button.show()
            self._go(CHECK)
            return
        if outcome.get("stopped"):
            self.stopped = True
            self.apply_status.setText(_tr("已停止导入，台账没有任何改动。"
                                          "点“上一步”可以回到检查结果，重新导入。"))
            self._update_buttons()
            return
        result: ImportResult = outcome["result"]
        self.import_result = result
        self.apply_status.setText(_tr("导入完成。"))
        self.apply_status.setStyleSheet(f"color: {OK_COLOUR}; font-weight: bold;")
        self.apply_result.setText(self._result_text(result))
        self.backup_button.setVisible(result.backup is not None)
        self._update_buttons()
        self.imported.emit(result)

    def _apply_failed(self, _error: Exception) -> None:
        """The runner has shown why; the core rolled back, so the check page is still true."""
        self._finish()
        self._go(CHECK)

    def _result_text(self, result: ImportResult) -> str:
        lines = [_tr("新增 {created} 名学生，更新了 {updated} 名学生的资料，{unchanged} 名没有变化。").format(
            created=result.created, updated=result.updated, unchanged=result.unchanged)]
        if result.skipped_errors:
            lines.append(_tr("有错误的 {errors} 行没有导入：请按检查结果改正后，再导入一次这个文件。").format(
                errors=result.skipped_errors))
        missing = len(self.checked.plan.missing) if self.checked is not None else 0
        if missing:
            lines.append(_tr("另有 {count} 名在籍学生不在这份名单中，请逐一核实：点“上一步”可以"
                             "查看检查结果中的“在籍不在校？”名单，也可以把检查结果保存为 .xlsx。"
                             ).format(count=missing))
        if result.backup is not None:
            lines.append(_tr("导入前的台账已备份为：{path}").format(path=result.backup))
        return "\n\n".join(lines)

    def _open_backup_folder(self) -> None:
        if self.import_result is not None and self.import_result.backup is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.import_result.backup.parent)))

    # -- progress ----------------------------------------------------------------------------

    def _start(self, what: str) -> _Progress:
        self.busy = what
        self._progress = _Progress()
        bar = self.check_bar if what == "checking" else self.apply_bar
        bar.setRange(0, 0)  # busy until the core's first report
        self._timer.start()
        self.close_button.setEnabled(True)
        self._update_buttons()
        return self._progress

    def _finish(self) -> None:
        self._timer.stop()
        self.busy = ""
        self.close_button.setEnabled(True)
        self._update_buttons()

    def _show_progress(self) -> None:
        progress = self._progress
        if not progress.total:
            return
        bar = self.check_bar if self.busy == "checking" else self.apply_bar
        bar.setRange(0, progress.total)
        bar.setValue(progress.done)
        text = _tr("已检查 {done} / {total} 行…") if self.busy == "checking" else \
            _tr("已导入 {done} / {total} 名学生…")
        label = self.check_status if self.busy == "checking" else self.apply_status
        label.setText(text.format(done=progress.done, total=progress.total))


__all__ = ["FIELD_LABELS", "Checked", "ImportWizard", "MissingModel", "ProblemModel",
           "field_label", "shown_cell"]
