"""The main window: a view selector and a search box over the roster table, and a count.

Thin on purpose: the view and the search text go to `ledger.queries` (SQL does the filtering),
and the table shows what comes back. No business logic lives here.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QSizePolicy,
    QTableView,
    QToolBar,
    QWidget,
)

from dropout_ledger.errors import LedgerError
from dropout_ledger.ledger import Ledger
from ui.errors import show_error
from ui.roster_model import RosterModel

SEARCH_DELAY_MS = 150
"""Wait this long after the last keystroke before querying, so fast typing runs one query."""

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


class MainWindow(QMainWindow):
    """The roster of one ledger. The window uses the ledger but does not own or close it."""

    def __init__(self, ledger: Ledger, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ledger = ledger
        self.setWindowTitle(self.tr("控辍保学台账 — {name}").format(name=ledger.org.name))
        self.resize(1200, 760)

        self.view_selector = self._make_view_selector()
        self.search_box = self._make_search_box()
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.refresh)
        self.addToolBar(self._make_toolbar())

        self.model = RosterModel(ledger.queries, self)
        self.table = self._make_table()
        self.setCentralWidget(self.table)
        self.count_label = QLabel(self)
        self.statusBar().addWidget(self.count_label)

        self.view_selector.currentIndexChanged.connect(self.refresh)
        self.search_box.textChanged.connect(self._search_timer.start)
        self.search_box.returnPressed.connect(self.refresh)
        self.refresh()

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
        spacer = QWidget(bar)
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        bar.addWidget(spacer)
        bar.addWidget(self.search_box)
        return bar

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
        metrics = table.fontMetrics()
        for column, sample in enumerate(_COLUMN_SAMPLES):
            table.setColumnWidth(column, metrics.horizontalAdvance(sample) + 24)
        return table

    def current_view(self) -> str:
        """The selected view key, as `ledger.queries` spells it ("all", "suspected", …)."""
        return str(self.view_selector.currentData())

    def refresh(self) -> None:
        """Query the ledger again with the selected view and search text, and show the count."""
        self._search_timer.stop()
        try:
            self.model.set_query(self.current_view(), self.search_box.text().strip())
        except LedgerError as error:
            show_error(self, error)
            return
        self.count_label.setText(self.tr("共 {n} 名学生").format(n=self.model.total))
