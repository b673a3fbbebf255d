"""The roster table model: pages of `RosterRow` straight from SQL, nothing sorted or filtered here.

The query (view, search, filters and sort order) runs in the core; this model only shows what it
returns. It loads one
page first and the next page when the view scrolls to the end (`canFetchMore`/`fetchMore`), so
the full roster is never read at once. No `QSortFilterProxyModel`: design README §3.

The first answer counts at most `COUNT_CAP` + 1 students: counting every "王" in a county costs
more than finding the first page of them (docs/decisions/0009-search-index.md). When there are
more, the exact count follows in a second fetch and `loaded` is emitted again.

The model never calls the core itself: it hands each fetch to a `PageRunner`, which in the app
runs it on the ledger's worker thread and delivers the answer back on the GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor

from dropout_ledger.model.access import Permission, may
from dropout_ledger.model.identity import mask_id_number, mask_xjh
from ui.i18n import QT_TRANSLATE_NOOP
from ui.labels import grade_text, status_text

_Index = QModelIndex | QPersistentModelIndex



_SEXES = {"1": QT_TRANSLATE_NOOP("RosterModel", "男"), "2": QT_TRANSLATE_NOOP("RosterModel", "女")}
_RISK_COLOUR = QColor(176, 0, 32)


class RosterRow(Protocol):
    """The fields of the core's `RosterRow` this model reads (read-only, as the row is frozen)."""

    @property
    def student_id(self) -> Any: ...
    @property
    def name(self) -> str: ...
    @property
    def sex(self) -> str: ...
    @property
    def grade(self) -> int: ...
    @property
    def class_name(self) -> str: ...
    @property
    def id_number(self) -> str: ...
    @property
    def xjh(self) -> str: ...
    @property
    def village_name(self) -> str: ...
    @property
    def status(self) -> str: ...
    @property
    def status_label(self) -> str: ...
    @property
    def at_risk(self) -> bool: ...


class RosterSource(Protocol):
    """What the model needs from `ledger.queries` (a stub with these two methods works in tests).

    `count(at_most=n)` may stop counting at n.
    """

    def roster(
        self, view: str = "all", *, search: str = "", filters: Mapping[str, Any] | None = None,
        order: str = "grade", descending: bool = False, limit: int = 200, offset: int = 0,
    ) -> Sequence[RosterRow]: ...

    def count(
        self, view: str = "all", *, search: str = "", filters: Mapping[str, Any] | None = None,
        at_most: int | None = None,
    ) -> int: ...


@dataclass(frozen=True)
class RosterQuery:
    """Everything one roster query asks the core: `ledger.queries.roster`'s arguments, bar paging.

    `filters` maps grade / class_name / village_name / status / sex to a value, or "flag" to a
    key of `queries.FLAGS`; `order` is a key of `queries.ORDERS` or a `queries.SORTABLE` column.
    """

    view: str = "all"
    search: str = ""
    filters: Mapping[str, Any] = field(default_factory=dict)
    order: str = "grade"
    descending: bool = False

    def count(self, source: RosterSource, at_most: int | None = None) -> int:
        return source.count(
            self.view, search=self.search, filters=dict(self.filters), at_most=at_most
        )

    def page(self, source: RosterSource, limit: int, offset: int) -> list[RosterRow]:
        return list(source.roster(
            self.view, search=self.search, filters=dict(self.filters), order=self.order,
            descending=self.descending, limit=limit, offset=offset,
        ))


def _tr(text: str) -> str:
    return QCoreApplication.translate("RosterModel", text)


def _sex_text(row: RosterRow) -> str:
    return _tr(_SEXES[row.sex]) if row.sex in _SEXES else row.sex


def _masked_id(row: RosterRow) -> str:
    return mask_id_number(row.id_number) if row.id_number else ""


def _masked_xjh(row: RosterRow) -> str:
    # A 全国学籍号 is usually G + the 18-digit ID number, so it is masked like the ID itself.
    return mask_xjh(row.xjh) if row.xjh else ""


# (header, cell text) per column, in display order. Headers are translated when shown.
_COLUMNS: tuple[tuple[str, Callable[[RosterRow], str]], ...] = (
    (QT_TRANSLATE_NOOP("RosterModel", "姓名"), lambda row: row.name),
    (QT_TRANSLATE_NOOP("RosterModel", "性别"), _sex_text),
    (QT_TRANSLATE_NOOP("RosterModel", "年级"), lambda row: grade_text(row.grade)),
    (QT_TRANSLATE_NOOP("RosterModel", "班级"), lambda row: row.class_name),
    (QT_TRANSLATE_NOOP("RosterModel", "身份证号"), _masked_id),
    (QT_TRANSLATE_NOOP("RosterModel", "全国学籍号"), _masked_xjh),
    (QT_TRANSLATE_NOOP("RosterModel", "村"), lambda row: row.village_name),
    (QT_TRANSLATE_NOOP("RosterModel", "状态"),
     lambda row: status_text(row.status) or row.status_label),
    (QT_TRANSLATE_NOOP("RosterModel", "预警"), lambda row: _tr("预警") if row.at_risk else ""),
)
COL_NAME, COL_SEX, COL_GRADE, COL_CLASS, COL_ID, COL_XJH, COL_VILLAGE, COL_STATUS, COL_RISK = range(
    len(_COLUMNS)
)
_CENTRED = frozenset({COL_SEX, COL_GRADE})
SORT_KEYS: dict[int, str] = {
    COL_NAME: "name", COL_SEX: "sex", COL_GRADE: "grade", COL_CLASS: "class_name",
    COL_ID: "id_number", COL_XJH: "xjh", COL_VILLAGE: "village_name", COL_STATUS: "status",
}
"""The `order` (a `queries.SORTABLE` column) that sorts by each column; 预警 is not sortable."""


def cell_text(row: RosterRow, column: int) -> str:
    """What one cell shows. ID numbers and 学籍号 (which contains the ID) are always masked."""
    return _COLUMNS[column][1](row) if 0 <= column < len(_COLUMNS) else ""


PageFetch = Callable[[RosterSource], Any]
"""Work on the query source that produces one answer (a page, or a count and a first page)."""

PageRunner = Callable[[PageFetch, Callable[[Any], None], Callable[[], None]], None]
"""`run(fetch, on_done, on_failed)`: run `fetch(source)` somewhere, then call back exactly once.

The main window passes one that goes through the ledger runner (`ui/ops.py`), so SQL never runs
on the GUI thread; `run_now` answers at once, for tests and tools fed by a plain source.
"""


def run_now(source: RosterSource) -> PageRunner:
    """A `PageRunner` that queries `source` synchronously (errors propagate to the caller)."""

    def run(fetch: PageFetch, on_done: Callable[[Any], None], on_failed: Callable[[], None]) -> None:
        on_done(fetch(source))

    return run


class RosterModel(QAbstractTableModel):
    """One query's rows, loaded a page at a time; `set_query` starts a new query.

    Answers may arrive later (through the runner). The rows shown stay until the new answer
    arrives, so the table never flashes empty; an answer to a query that has since been replaced
    is dropped (each query has a generation number).
    """

    PAGE_SIZE = 200
    COUNT_CAP = 1000
    """The first answer to a query counts up to this many students and says "more" beyond."""

    loaded = Signal()
    """A query's count and first page arrived and are shown; again when an exact count arrives."""
    failed = Signal()
    """A query could not be answered (the runner has already shown why)."""

    def __init__(
        self,
        source: RosterSource | None = None,
        parent: QObject | None = None,
        *,
        run: PageRunner | None = None,
        role: str = "",
    ) -> None:
        super().__init__(parent)
        # Whole numbers only for roles that may see them (model/access.py); masked otherwise.
        self.full_ids = may(role, Permission.FULL_IDS)
        if run is None:
            if source is None:
                raise TypeError("RosterModel needs a source or a run function")
            run = run_now(source)
        self._run = run
        self._query = RosterQuery()
        self._wanted = RosterQuery()
        self._rows: list[RosterRow] = []
        self._total = 0
        self._total_exact = True
        self._generation = 0
        self._loading = False
        self._fetching = False

    @property
    def query(self) -> RosterQuery:
        """The query of the rows shown (a newer query may still be loading)."""
        return self._query

    @property
    def view(self) -> str:
        """The view of the rows shown (a newer query may still be loading)."""
        return self._query.view

    @property
    def search(self) -> str:
        """The search text of the rows shown (a newer query may still be loading)."""
        return self._query.search

    @property
    def filters(self) -> dict[str, Any]:
        """The filters of the rows shown (a newer query may still be loading)."""
        return dict(self._query.filters)

    @property
    def order(self) -> str:
        """The sort key of the rows shown (a newer query may still be loading)."""
        return self._query.order

    @property
    def descending(self) -> bool:
        """True if the rows shown are sorted in descending order."""
        return self._query.descending

    @property
    def total(self) -> int:
        """How many students match the query (all pages, not just the loaded ones).

        While `total_exact` is False this is `COUNT_CAP` + 1, meaning "more than COUNT_CAP".
        """
        return self._total

    @property
    def total_exact(self) -> bool:
        """False from a first answer with more than `COUNT_CAP` matches until the exact count."""
        return self._total_exact

    @property
    def loading(self) -> bool:
        """True from `set_query`/`reload` until its answer (or failure) arrives."""
        return self._loading

    def set_query(
        self, view: str = "all", search: str = "", *, filters: Mapping[str, Any] | None = None,
        order: str = "grade", descending: bool = False,
    ) -> None:
        """Run the query from its first page; `loaded` says when its answer is shown.

        Filtering and sorting happen in SQL (`ledger.queries.roster`), never in this model.
        """
        query = RosterQuery(view, search, dict(filters or {}), order, descending)
        self._start(query, self.PAGE_SIZE)

    def reload(self) -> None:
        """Run the latest query again (the ledger changed), keeping as many rows as are loaded.

        Reloading all loaded rows, not just the first page, keeps the user's scroll position.
        """
        self._start(self._wanted, max(self.PAGE_SIZE, len(self._rows)))

    def _start(self, query: RosterQuery, limit: int) -> None:
        self._generation += 1
        generation = self._generation
        self._wanted = query
        self._loading, self._fetching = True, False

        def fetch(source: RosterSource) -> tuple[int, list[RosterRow]]:
            return query.count(source, at_most=self.COUNT_CAP + 1), query.page(source, limit, 0)

        self._run(
            fetch,
            lambda answer: self._show(generation, query, answer),
            lambda: self._load_failed(generation),
        )

    def _show(
        self, generation: int, query: RosterQuery, answer: tuple[int, list[RosterRow]]
    ) -> None:
        if generation != self._generation:
            return
        self.beginResetModel()
        self._query = query
        self._total, self._rows = answer
        self._total_exact = self._total <= self.COUNT_CAP
        self._loading = False
        self.endResetModel()
        self.loaded.emit()
        if not self._total_exact:
            self._count_exactly(generation, query)

    def _count_exactly(self, generation: int, query: RosterQuery) -> None:
        """Count every match, unless a newer query has started by the time the worker gets here."""

        def fetch(source: RosterSource) -> int | None:
            return query.count(source) if generation == self._generation else None

        self._run(fetch, lambda total: self._exact(generation, total), lambda: None)

    def _exact(self, generation: int, total: int | None) -> None:
        if generation != self._generation or total is None:
            return
        self._total, self._total_exact = max(total, len(self._rows)), True
        self.loaded.emit()

    def _load_failed(self, generation: int) -> None:
        if generation == self._generation:
            self._loading = False
            self.failed.emit()

    def row_at(self, row: int) -> RosterRow:
        return self._rows[row]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 (Qt signature)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 (Qt signature)
        return 0 if parent.isValid() else len(_COLUMNS)

    def canFetchMore(self, parent: _Index) -> bool:
        return (
            not parent.isValid()
            and not self._loading
            and not self._fetching
            and (len(self._rows) < self._total or not self._total_exact)
        )

    def fetchMore(self, parent: _Index) -> None:
        if parent.isValid() or self._fetching:
            return
        generation, offset = self._generation, len(self._rows)
        query, limit = self._query, self.PAGE_SIZE
        self._fetching = True
        self._run(
            lambda source: query.page(source, limit, offset),
            lambda more: self._append(generation, offset, more),
            lambda: self._fetch_failed(generation),
        )

    def _append(self, generation: int, offset: int, more: list[RosterRow]) -> None:
        if generation != self._generation or offset != len(self._rows):
            return  # an answer to a query that has been replaced since
        self._fetching = False
        if not more:
            # The ledger shrank since the count, or a capped count was passed: stop asking.
            self._total, self._total_exact = len(self._rows), True
            return
        self.beginInsertRows(QModelIndex(), offset, offset + len(more) - 1)
        self._rows.extend(more)
        self.endInsertRows()

    def _fetch_failed(self, generation: int) -> None:
        if generation == self._generation:
            self._fetching = False
            # Do not ask again: one error dialog is enough.
            self._total, self._total_exact = len(self._rows), True

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, column = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if self.full_ids and column in (COL_ID, COL_XJH):
                return row.id_number if column == COL_ID else row.xjh
            return cell_text(row, column)
        if role == Qt.ItemDataRole.UserRole:
            return row.student_id
        if role == Qt.ItemDataRole.TextAlignmentRole and column in _CENTRED:
            return Qt.AlignmentFlag.AlignCenter
        if role == Qt.ItemDataRole.ForegroundRole and column == COL_RISK and row.at_risk:
            return QBrush(_RISK_COLOUR)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(_COLUMNS)
        ):
            return _tr(_COLUMNS[section][0])
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
