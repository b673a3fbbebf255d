"""The main window: 今日待办 (the start page), the roster, and the student page, as tabs.

The roster is a view selector, filters (年级, 班级, 村, 特殊群体) and a search box over the table,
and a count; a click on a column header sorts by that column (again: the other way round). The 操作 menu and
its shortcuts open the entry dialogs for the selected student; Ctrl+Z undoes this computer's
last change through new events.

Thin on purpose: the view, search text, filters and sort order go to `ledger.queries` (SQL does
the filtering and sorting), and the table shows what comes back. No business logic lives here.

The window never queries the ledger itself: every read goes through the runner (`ui/ops.py`),
so SQL runs on the ledger's worker thread and the window stays responsive on a county-sized
ledger. It redraws when `bus.changed` says the roster or a status changed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import QEventLoop, QModelIndex, QSignalBlocker, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QSizePolicy,
    QTableView,
    QTabWidget,
    QToolBar,
    QWidget,
)

from dropout_ledger.ledger import Ledger
from dropout_ledger.model.changes import Changes
from dropout_ledger.services.undo import undo_last
from ui.labels import grade_text
from ui.ops import Runner, ThreadRunner
from ui.roster_model import COL_GRADE, SORT_KEYS, PageFetch, RosterModel
from ui.settings_menu import build_settings_menu
from ui.views.student_view import StudentView
from ui.views.today_view import TodayView

if TYPE_CHECKING:  # built when first shown; the first screen needs none of them (start-up)
    from ui.views.dashboard_view import DashboardView
    from ui.views.reconcile_view import ReconcileView
    from ui.views.warning_view import WarningView

SEARCH_DELAY_MS = 150
"""Wait this long after the last keystroke before querying, so fast typing runs one query."""

LOADING_HINT_MS = 300
"""Say "正在加载…" only when a new answer takes longer than this; quick ones do not flicker."""

# Sample text per column: each column starts as wide as its sample (the last one stretches).
_COLUMN_SAMPLES = (
    "欧阳晓明明",
    "性别",
    "九年级",
    "七年级(10)班",
    "110101********1234",
    "G110101********1234",
    "某某某某村委会",
    "复学跟踪中",
    "预警",
)


_TASK_DIALOGS: dict[str, str] = {
    "visit": "visit", "case_no_visit": "visit", "call": "visit", "visit_next": "visit",
    "suspect": "status", "confirm": "status", "stage_due": "escalation",
    "report_form": "report_form",
    "notice_overdue": "escalation",  # the deadline passed: the next step is the township's
}
"""The dialog a 今日待办 row of each kind opens (the others open only the student page)."""

LATER_PAGES = ("dashboard", "warning", "reconcile")
"""The tabs built when first shown: not on the first screen, and their first queries (rates,
the warning list, the list checks) would otherwise run on the one worker thread before the
roster's first page (design README §5: a usable window within 1 s)."""


def _student_dialog(name: str) -> Callable[[Runner, str, QWidget], QDialog]:
    """An entry dialog for one student, imported when first opened (start-up needs none).

    Plain import statements, not importlib, so that PyInstaller still finds them.
    """
    if name == "visit":
        from ui.dialogs.visit_dialog import VisitDialog

        return VisitDialog
    if name == "status":
        from ui.dialogs.status_dialog import StatusDialog

        return StatusDialog
    if name == "escalation":
        from ui.dialogs.escalation_dialog import EscalationDialog

        return EscalationDialog
    if name == "pairing":
        from ui.dialogs.pairing_dialog import PairingDialog

        return PairingDialog
    from ui.dialogs.report_dialog import ReportFormDialog

    return ReportFormDialog

_Choices = tuple[list[int], list[tuple[int, str]], list[str]]
"""What the filters offer: grades, (grade, class) pairs and villages present in the ledger."""


def _load_choices(ledger: Ledger) -> _Choices:
    """Runs on the worker thread: the values the 年级 / 班级 / 村 filters can take."""
    queries = ledger.queries
    grades = [int(row[0]) for row in queries.counts_by("grade") if row[0]]
    classes = [(int(row[0] or 0), str(row[1])) for row in queries.counts_by("grade", "class_name")
               if row[1]]
    villages = [str(row[0]) for row in queries.counts_by("village_name") if row[0]]
    return grades, classes, villages


class MainWindow(QMainWindow):
    """The roster of one ledger. The window uses the ledger but does not own or close it.

    `runner` defaults to a `ThreadRunner` the window makes, owns and closes with itself; tests
    pass an `ImmediateRunner` (their own) so answers arrive before the next line runs.
    """

    loaded = Signal()
    """The answer to the latest roster query arrived (or failed): nothing is loading now."""

    def __init__(
        self, ledger: Ledger, parent: QWidget | None = None, *, runner: Runner | None = None
    ) -> None:
        super().__init__(parent)
        self._owns_runner = runner is None
        self.runner: Runner = runner if runner is not None else ThreadRunner(ledger, parent=self)
        self.bus = self.runner.bus
        self.role = ledger.operator.role  # `model.access`; "" until accounts exist: all masked
        self.setWindowTitle(self.tr("控辍保学台账"))
        self.resize(1200, 760)

        self.view_selector = self._make_view_selector()
        self.search_box = self._make_search_box()
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.refresh)
        self.roster_bar = self._make_toolbar()
        self.addToolBar(self.roster_bar)

        self.model = RosterModel(parent=self, run=self._run_page, role=self.role)
        self.table = self._make_table()
        self.tabs = self._make_pages()
        self.setCentralWidget(self.tabs)
        self._make_actions()
        self.count_label = QLabel(self.tr("正在加载…"), self)
        self.statusBar().addWidget(self.count_label)
        self._loading_hint = QTimer(self)
        self._loading_hint.setSingleShot(True)
        self._loading_hint.setInterval(LOADING_HINT_MS)
        self._loading_hint.timeout.connect(self._show_loading)
        self._keep_scroll: int | None = None

        self.model.loaded.connect(self._on_loaded)
        self.model.failed.connect(self._on_load_failed)
        self.view_selector.currentIndexChanged.connect(self.refresh)
        self.search_box.textChanged.connect(self._search_timer.start)
        self.search_box.returnPressed.connect(self.refresh)
        self.bus.changed.connect(self._on_changed)
        self.table.doubleClicked.connect(self._open_row)
        self.tabs.currentChanged.connect(self._on_tab_changed)
        self._on_tab_changed()
        self.runner.query(lambda ledger: ledger.org.name, on_done=self._show_title, parent=self)
        self.refresh()
        # After the first page: at 150k today's items take ~230 ms and the filter lists'
        # GROUP BY scans ~270 ms, and the one worker thread answers in order, so rows show
        # that much sooner.
        self.today.refresh()
        self._reload_choices()

    def _make_pages(self) -> QTabWidget:
        """今日待办, the roster, the student page, figures, warnings and list checks (Ctrl+1…6).

        The last three (LATER_PAGES) start as empty placeholders and are built when first shown
        or first asked for (`self.dashboard`, …).
        """
        self.today = TodayView(self.runner, self, load=False)  # after the roster's first page
        self.student = StudentView(self.runner, self, role=self.role)
        tabs = QTabWidget(self)
        tabs.addTab(self.today, self.tr("今日待办"))
        tabs.addTab(self.table, self.tr("学生名单"))
        tabs.addTab(self.student, self.tr("学生详情"))
        labels = (self.tr("统计与目标"), self.tr("预警名单"), self.tr("名单核查"))
        self._placeholders: dict[str, QWidget] = {}
        self._pages: dict[str, QWidget] = {}
        for name, label in zip(LATER_PAGES, labels, strict=True):
            self._placeholders[name] = QWidget(tabs)
            tabs.addTab(self._placeholders[name], label)
        self.today.open_student.connect(self.open_student)
        self.today.open_task.connect(self._start_task)
        self.today.print_requested.connect(
            lambda form, period: self.print_forms(form=form, period=period))
        return tabs

    @property
    def dashboard(self) -> DashboardView:
        return cast("DashboardView", self._page("dashboard"))

    @property
    def warning(self) -> WarningView:
        return cast("WarningView", self._page("warning"))

    @property
    def reconcile(self) -> ReconcileView:
        return cast("ReconcileView", self._page("reconcile"))

    def _page(self, name: str) -> QWidget:
        """The page `name` of LATER_PAGES, built on first use in place of its placeholder."""
        page = self._pages.get(name)
        if page is not None:
            return page
        page = self._pages[name] = self._build_page(name)
        placeholder = self._placeholders.pop(name)
        index = self.tabs.indexOf(placeholder)
        with QSignalBlocker(self.tabs):
            current = self.tabs.currentIndex()
            label = self.tabs.tabText(index)
            self.tabs.removeTab(index)
            self.tabs.insertTab(index, page, label)
            self.tabs.setCurrentIndex(current)
        placeholder.deleteLater()
        return page

    def _build_page(self, name: str) -> QWidget:
        if name == "dashboard":
            from ui.views.dashboard_view import DashboardView

            return DashboardView(self.runner, self, role=self.role)
        if name == "warning":
            from ui.views.warning_view import WarningView

            page: WarningView | ReconcileView = WarningView(self.runner, self, role=self.role)
        else:
            from ui.views.reconcile_view import ReconcileView

            page = ReconcileView(self.runner, self, role=self.role)
        page.open_student.connect(self.open_student)
        return page

    def _make_view_selector(self) -> QComboBox:
        combo = QComboBox(self)
        views = (
            ("all", self.tr("全部学生")),
            ("at-risk", self.tr("预警")),
            ("suspected", self.tr("疑似辍学")),
            ("dropped", self.tr("辍学")),
            ("returned", self.tr("劝返复学")),
            ("home-taught", self.tr("送教上门")),
            ("suspended", self.tr("休学")),
        )
        for key, label in views:
            combo.addItem(label, key)
        combo.setToolTip(self.tr("选择要查看的学生名单"))
        return combo

    def _make_search_box(self) -> QLineEdit:
        box = QLineEdit(self)
        box.setPlaceholderText(self.tr("按姓名、身份证号或学籍号搜索"))
        box.setClearButtonEnabled(True)
        box.setMinimumWidth(260)
        return box

    def _make_toolbar(self) -> QToolBar:
        bar = QToolBar(self.tr("名单"), self)
        bar.setMovable(False)
        bar.setFloatable(False)
        bar.addWidget(QLabel(self.tr("查看："), bar))
        bar.addWidget(self.view_selector)
        self.grade_filter = self._make_filter(bar, self.tr("年级："), self.tr("按年级筛选"))
        self.class_filter = self._make_filter(bar, self.tr("班级："), self.tr("按班级筛选"))
        self.village_filter = self._make_filter(bar, self.tr("村："), self.tr("按村筛选"))
        for combo in (self.class_filter, self.village_filter):
            combo.setProperty("data_choices", True)  # items after 全部 are the ledger's own names
        self.flag_filter = self._make_filter(bar, self.tr("特殊群体："), self.tr("按特殊群体筛选"))
        flags = (
            ("at_risk", self.tr("预警")),
            ("left_behind", self.tr("留守")),
            ("disability", self.tr("残疾")),
            ("inclusive", self.tr("随班就读")),
            ("orphan", self.tr("孤儿")),
            ("unsupported", self.tr("事实无人抚养")),
            ("in_difficulty", self.tr("困境")),
            ("migrant", self.tr("随迁")),
            ("boarding", self.tr("住校")),
        )
        for key, label in flags:
            self.flag_filter.addItem(label, key)
        self._choices: _Choices = ([], [], [])
        self.grade_filter.currentIndexChanged.connect(self._on_grade_chosen)
        for combo in (self.class_filter, self.village_filter, self.flag_filter):
            combo.currentIndexChanged.connect(self.refresh)
        self.bus.changed.connect(self._on_changed_choices)
        spacer = QWidget(bar)
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        bar.addWidget(spacer)
        bar.addWidget(self.search_box)
        return bar

    def _make_filter(self, bar: QToolBar, label: str, tip: str) -> QComboBox:
        """A filter: 全部 (no filter, data None) first; the values are added as they are known."""
        combo = QComboBox(bar)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        combo.addItem(self.tr("全部"), None)
        combo.setToolTip(tip)
        bar.addSeparator()
        bar.addWidget(QLabel(label, bar))
        bar.addWidget(combo)
        return combo

    def _reload_choices(self) -> None:
        """Ask the worker which grades, classes and villages there are (to fill the filters)."""
        self.runner.query(_load_choices, on_done=self._show_choices, parent=self)

    def _on_changed_choices(self, changes: Changes, initiator: object) -> None:
        if changes.roster:
            self._reload_choices()

    def _show_choices(self, choices: _Choices) -> None:
        """Refill the filters, keeping each choice that is still there (else back to 全部)."""
        self._choices = choices
        grades, _classes, villages = choices
        before = self.current_filters()
        with QSignalBlocker(self.grade_filter), QSignalBlocker(self.village_filter):
            _fill(self.grade_filter, [(grade_text(grade), grade) for grade in grades])
            _fill(self.village_filter, [(village, village) for village in villages])
        self._fill_classes()
        if self.current_filters() != before:
            self.refresh()

    def _fill_classes(self) -> None:
        """The 班级 filter offers the classes of the chosen grade (all classes for 全部)."""
        grade = self.grade_filter.currentData()
        names = sorted({name for g, name in self._choices[1] if grade is None or g == grade})
        with QSignalBlocker(self.class_filter):
            _fill(self.class_filter, [(name, name) for name in names])

    def _on_grade_chosen(self) -> None:
        self._fill_classes()
        self.refresh()

    def current_filters(self) -> dict[str, Any]:
        """The chosen filters, as `ledger.queries.roster(filters=…)` takes them."""
        chosen = (
            ("grade", self.grade_filter),
            ("class_name", self.class_filter),
            ("village_name", self.village_filter),
            ("flag", self.flag_filter),
        )
        return {key: combo.currentData() for key, combo in chosen
                if combo.currentData() is not None}

    def _make_table(self) -> QTableView:
        table = QTableView(self)
        table.setModel(self.model)
        table.setSortingEnabled(False)  # sorting belongs in SQL (design README §3)
        table.setAlternatingRowColors(True)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setWordWrap(False)
        table.verticalHeader().setVisible(False)
        header = table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        # A header click sorts in SQL (`_sort_by_column`), not in the view: sorting stays off.
        self._sort_column: int = COL_GRADE
        self._descending: bool = False
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        header.setSortIndicator(COL_GRADE, Qt.SortOrder.AscendingOrder)
        header.sectionClicked.connect(self._sort_by_column)
        metrics = table.fontMetrics()
        for column, sample in enumerate(_COLUMN_SAMPLES):
            table.setColumnWidth(column, metrics.horizontalAdvance(sample) + 24)
        return table

    def _sort_by_column(self, column: int) -> None:
        """A header click: sort by that column in SQL; the same column again reverses it."""
        if column in SORT_KEYS:
            self._descending = column == self._sort_column and not self._descending
            self._sort_column = column
            self.refresh()
        order = Qt.SortOrder.DescendingOrder if self._descending else Qt.SortOrder.AscendingOrder
        self.table.horizontalHeader().setSortIndicator(self._sort_column, order)

    def _make_actions(self) -> None:
        """The 操作 menu; every frequent action has a shortcut (the desktop issue, item 1)."""
        menu = self.menuBar().addMenu(self.tr("操作"))
        entries = (
            (self.tr("新增学生"), QKeySequence.StandardKey.New, self.add_student),
            (self.tr("编辑学生信息"), "Ctrl+E", self.edit_student),
            (self.tr("缺勤登记（本班）"), "Ctrl+K", self.record_absences),
            (self.tr("变更状态"), "Ctrl+T", self.change_status),
            (self.tr("登记劝返记录"), "Ctrl+R", self.record_visit),
            (self.tr("登记劝返阶段"), "Ctrl+L", self.record_stage),
            (self.tr("填写辍学学生情况报告表"), "Ctrl+G", self.file_report_form),
            (self.tr("资助发放（整班）"), "Ctrl+M", self.record_subsidies),
            (self.tr("结对帮扶"), "Ctrl+B", self.record_pairing),
            (self.tr("撤销上一步"), QKeySequence.StandardKey.Undo, self.undo),
        )
        for text, keys, slot in entries:
            action = QAction(text, self)
            action.setShortcut(QKeySequence(keys))
            action.triggered.connect(slot)
            menu.addAction(action)
        files = self.menuBar().addMenu(self.tr("文件"))
        for text, keys, slot in (
            (self.tr("导入学籍花名册…"), "Ctrl+I", self.import_roster),
            (self.tr("导出到 Excel…"), "Ctrl+Shift+E", self.export_xlsx),
            (self.tr("备份与恢复…"), "Ctrl+Shift+B", self.backups),
        ):
            action = QAction(text, self)
            action.setShortcut(QKeySequence(keys))
            action.triggered.connect(slot)
            files.addAction(action)
        paper = self.menuBar().addMenu(self.tr("打印"))
        action = QAction(self.tr("打印表格…"), self)
        action.setShortcut(QKeySequence(QKeySequence.StandardKey.Print))
        action.triggered.connect(lambda: self.print_forms())
        paper.addAction(action)
        report = QAction(self.tr("本月书面报告…"), self)
        report.triggered.connect(lambda: self.print_forms(form="report"))
        paper.addAction(report)
        views = self.menuBar().addMenu(self.tr("查看"))
        for number, text in enumerate((self.tr("今日待办"), self.tr("学生名单"),
                                       self.tr("学生详情"), self.tr("统计与目标"),
                                       self.tr("预警名单"),
                                       self.tr("名单核查")), start=1):
            action = QAction(text, self)
            action.setShortcut(QKeySequence(f"Ctrl+{number}"))
            action.triggered.connect(lambda _=False, i=number - 1: self.tabs.setCurrentIndex(i))
            views.addAction(action)
        log = QAction(self.tr("操作日志…"), self)
        log.triggered.connect(self.audit_log)
        views.addAction(log)
        build_settings_menu(self)
        pages: dict[str, Callable[[], None]] = {"edit": self.edit_student, "status": self.change_status,
                 "visit": self.record_visit, "stage": self.record_stage,
                 "report": self.file_report_form, "pairing": self.record_pairing,
                 "print": self.print_forms}  # on the student page: for that pupil
        self.student.requested.connect(lambda key: pages[key]())  # the page's own buttons

    def selected_student(self) -> tuple[str, int, str] | None:
        """(id, grade, class) of the student in hand: the student page's, else the roster's."""
        if self.tabs.currentWidget() is self.student and self.student.data.get("student"):
            info = self.student.data["student"]
            return str(info["id"]), int(info["grade"] or 0), str(info["class_name"] or "")
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        row = self.model.row_at(index.row())
        return str(row.student_id), row.grade, row.class_name

    def open_student(self, student_id: str) -> None:
        self.student.show_student(student_id)
        self.tabs.setCurrentWidget(self.student)

    def _on_tab_changed(self) -> None:
        """The view selector and search box belong to the roster: show them only there.

        A page not built yet (LATER_PAGES) is built as its tab is first shown.
        """
        shown = self.tabs.currentWidget()
        for name, placeholder in list(self._placeholders.items()):
            if shown is placeholder:
                self._page(name)
        self.roster_bar.setVisible(self.tabs.currentWidget() is self.table)

    def _start_task(self, kind: str, student_id: str) -> None:
        """A 今日待办 row opens the student page and, where one fits, the dialog for the task."""
        dialog = _TASK_DIALOGS.get(kind)
        if dialog is not None:
            _student_dialog(dialog)(self.runner, student_id, self).open()


    def _open_row(self, index: QModelIndex) -> None:
        self.open_student(str(self.model.row_at(index.row()).student_id))

    def _need_student(self) -> tuple[str, int, str] | None:
        chosen = self.selected_student()
        if chosen is None:
            self.statusBar().showMessage(self.tr("请先在学生名单中选中一名学生"), 5000)
        return chosen

    def record_absences(self) -> None:
        chosen = self._need_student()
        if chosen is not None:
            from ui.dialogs.absence_dialog import AbsenceDialog

            AbsenceDialog(self.runner, chosen[1], chosen[2], self).open()

    def change_status(self) -> None:
        chosen = self._need_student()
        if chosen is not None:
            _student_dialog("status")(self.runner, chosen[0], self).open()

    def record_visit(self) -> None:
        chosen = self._need_student()
        if chosen is not None:
            _student_dialog("visit")(self.runner, chosen[0], self).open()

    def add_student(self) -> None:
        from ui.dialogs.student_dialog import StudentDialog

        dialog = StudentDialog(self.runner, None, self.role, self)
        dialog.saved.connect(self._open_created)
        dialog.open()

    def _open_created(self, changes: Changes) -> None:
        """After registering a pupil, show the new pupil's page."""
        if changes.created:
            self.open_student(changes.created[0])

    def edit_student(self) -> None:
        chosen = self._need_student()
        if chosen is not None:
            from ui.dialogs.student_dialog import StudentDialog

            StudentDialog(self.runner, chosen[0], self.role, self).open()

    def file_report_form(self) -> None:
        chosen = self._need_student()
        if chosen is not None:
            _student_dialog("report_form")(self.runner, chosen[0], self).open()

    # The next three import their dialogs when first used: those pull in openpyxl, calamine and
    # reportlab (~0.6 s), which the first screen does not need (start-up target: 1 s).
    def import_roster(self) -> None:
        from ui.dialogs.import_wizard import ImportWizard  # noqa: PLC0415

        ImportWizard(self.runner, self.role, None, self).open()

    def backups(self) -> None:
        from ui.dialogs.backup_dialog import BackupDialog

        BackupDialog(self.runner, self).open()

    def audit_log(self) -> None:
        """查看 → 操作日志: who exported, printed, imported, restored or backed up, and when."""
        from ui.dialogs.audit_dialog import AuditDialog  # noqa: PLC0415

        AuditDialog(self.runner, self.role, self).open()

    def export_xlsx(self) -> None:
        """Export what the roster shows: its view, and its search when there is one."""
        from ui.dialogs.export_dialog import ExportDialog  # noqa: PLC0415

        ExportDialog(self.runner, self.role, self.current_view(),
                     self.search_box.text().strip(), self).open()

    def print_forms(self, student_id: str | None = None, form: str = "", period: str = "") -> None:
        """The print dialog; for the pupil in hand when there is one (a per-pupil form)."""
        from ui.dialogs.print_dialog import PrintDialog  # noqa: PLC0415

        if student_id is None:
            chosen = self.selected_student() if self.tabs.currentWidget() is self.student \
                else None
            student_id = chosen[0] if chosen is not None else None
        dialog = PrintDialog(self.runner, self.role, student_id, self)
        if form:
            dialog.select_form(form)
        if period:
            dialog.select_period(period)
        dialog.open()

    def record_stage(self) -> None:
        chosen = self._need_student()
        if chosen is not None:
            _student_dialog("escalation")(self.runner, chosen[0], self).open()

    def record_subsidies(self) -> None:
        """For the class of the student in hand, or a class chosen in the dialog."""
        chosen = self.selected_student()
        grade, class_name = (chosen[1], chosen[2]) if chosen is not None else (None, None)
        from ui.dialogs.subsidy_dialog import SubsidyDialog

        SubsidyDialog(self.runner, self.role, grade, class_name, self).open()

    def record_pairing(self) -> None:
        chosen = self._need_student()
        if chosen is not None:
            _student_dialog("pairing")(self.runner, chosen[0], self).open()

    def undo(self) -> None:
        """Take back this computer's last change (new events: the history keeps both)."""
        self.runner.op(undo_last, parent=self, on_done=lambda _changes: self.statusBar()
                       .showMessage(self.tr("已撤销上一步操作"), 5000))

    def current_view(self) -> str:
        """The selected view key, as `ledger.queries` spells it ("all", "suspected", …)."""
        return str(self.view_selector.currentData())

    @property
    def is_loaded(self) -> bool:
        """True when the table shows the answer to the latest query (or that query failed)."""
        return not self.model.loading

    def refresh(self) -> None:
        """Query the ledger again with the selected view, search text, filters and sort order.

        The answer comes later (through the runner).
        """
        if not hasattr(self, "model"):
            return  # the toolbar is filled before the table exists; __init__ refreshes then
        self._search_timer.stop()
        self._keep_scroll = None
        self._loading_hint.start()
        self.model.set_query(
            self.current_view(),
            self.search_box.text().strip(),
            filters=self.current_filters(),
            order=SORT_KEYS[self._sort_column],
            descending=self._descending,
        )

    def wait_until_loaded(self, timeout_ms: int = 10_000) -> bool:
        """Process events until the latest query is answered; False if `timeout_ms` passed.

        For the headless paths (`--screenshot`, `--self-test`), which must see rows, and tests.
        """
        if self.is_loaded:
            return True
        loop = QEventLoop(self)
        self.loaded.connect(loop.quit)
        QTimer.singleShot(timeout_ms, loop.quit)
        loop.exec()
        self.loaded.disconnect(loop.quit)
        return self.is_loaded

    def closeEvent(self, event: QCloseEvent) -> None:
        """Join the worker thread we own before the caller closes the ledger under it."""
        if self._owns_runner:
            self.runner.close()
        super().closeEvent(event)

    def _run_page(
        self, fetch: PageFetch, on_done: Callable[[Any], None], on_failed: Callable[[], None]
    ) -> None:
        """The roster model's fetches go through the runner, on the ledger's worker thread."""
        self.runner.query(
            lambda ledger: fetch(ledger.queries),
            on_done=on_done,
            on_failed=lambda _error: on_failed(),
            parent=self,
        )

    def _show_title(self, org_name: str) -> None:
        self.setWindowTitle(self.tr("控辍保学台账 — {name}").format(name=org_name))

    def _on_changed(self, changes: Changes, initiator: object) -> None:
        """Redraw the roster when a write touched it; keep the scroll position."""
        if changes.roster or changes.status:
            self._search_timer.stop()
            self._keep_scroll = self.table.verticalScrollBar().value()
            self._loading_hint.start()
            self.model.reload()

    def _on_loaded(self) -> None:
        self._loading_hint.stop()
        if self.model.total_exact:
            self.count_label.setText(self.tr("共 {n} 名学生").format(n=self.model.total))
        else:  # a county-sized answer: rows first, the exact count follows
            self.count_label.setText(self.tr("{n} 名以上学生，正在计数…").format(
                n=self.model.COUNT_CAP))
        if self._keep_scroll is not None:
            self.table.verticalScrollBar().setValue(self._keep_scroll)
            self._keep_scroll = None
        self.loaded.emit()

    def _on_load_failed(self) -> None:
        self._loading_hint.stop()
        self.count_label.setText(self.tr("名单没有加载成功"))
        self.loaded.emit()

    def _show_loading(self) -> None:
        if self.model.loading:
            self.count_label.setText(self.tr("正在加载…"))


def _fill(combo: QComboBox, items: list[tuple[str, Any]]) -> None:
    """Replace the items after 全部 (the first), keeping the chosen value if it is still there."""
    chosen = combo.currentData()
    while combo.count() > 1:
        combo.removeItem(combo.count() - 1)
    for text, value in items:
        combo.addItem(text, value)
    combo.setCurrentIndex(max(0, combo.findData(chosen)) if chosen is not None else 0)
