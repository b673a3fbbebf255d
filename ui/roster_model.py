"""The roster table model: pages of `RosterRow` straight from SQL, nothing sorted or filtered here.

The query (view and search) runs in the core; this model only shows what it returns. It loads one
page first and the next page when the view scrolls to the end (`canFetchMore`/`fetchMore`), so
the full roster is never read at once. No `QSortFilterProxyModel`: design README §3.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Protocol

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from dropout_ledger.model.identity import mask_id_number, mask_xjh

_Index = QModelIndex | QPersistentModelIndex


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark `text` for translation without translating it (lupdate finds it by this name).

    PySide6's own function is typed `-> object`; this typed twin keeps mypy precise.
    """
    return text


_SEXES = {"1": QT_TRANSLATE_NOOP("RosterModel", "男"), "2": QT_TRANSLATE_NOOP("RosterModel", "女")}
_NUMERALS = "一二三四五六七八九"
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
    def status_label(self) -> str: ...
    @property
    def at_risk(self) -> bool: ...


class RosterSource(Protocol):
    """What the model needs from `ledger.queries` (a stub with these two methods works in tests)."""

    def roster(
        self, view: str = "all", *, search: str = "", limit: int = 200, offset: int = 0
    ) -> Sequence[RosterRow]: ...

    def count(self, view: str = "all", *, search: str = "") -> int: ...


def _tr(text: str) -> str:
    return QCoreApplication.translate("RosterModel", text)


def grade_text(grade: int) -> str:
    """1 → 一年级 … 9 → 九年级 (学籍 wording); anything else as plain digits."""
    if 1 <= grade <= len(_NUMERALS):
        return _tr("{n}年级").format(n=_NUMERALS[grade - 1])
    return str(grade)


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
    (QT_TRANSLATE_NOOP("RosterModel", "状态"), lambda row: row.status_label),
    (QT_TRANSLATE_NOOP("RosterModel", "预警"), lambda row: _tr("预警") if row.at_risk else ""),
)
COL_NAME, COL_SEX, COL_GRADE, COL_CLASS, COL_ID, COL_XJH, COL_VILLAGE, COL_STATUS, COL_RISK = range(
    len(_COLUMNS)
)
_CENTRED = frozenset({COL_SEX, COL_GRADE})


def cell_text(row: RosterRow, column: int) -> str:
    """What one cell shows. ID numbers and 学籍号 (which contains the ID) are always masked."""
    return _COLUMNS[column][1](row) if 0 <= column < len(_COLUMNS) else ""


class RosterModel(QAbstractTableModel):
    """One query's rows, loaded a page at a time; `set_query` starts a new query."""

    PAGE_SIZE = 200

    def __init__(self, source: RosterSource, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._source = source
        self._view = "all"
        self._search = ""
        self._rows: list[RosterRow] = []
        self._total = 0

    @property
    def view(self) -> str:
        return self._view

    @property
    def search(self) -> str:
        return self._search

    @property
    def total(self) -> int:
        """How many students match the query (all pages, not just the loaded ones)."""
        return self._total

    def set_query(self, view: str = "all", search: str = "") -> None:
        """Run the query again from its first page (also after the ledger changed)."""
        self.beginResetModel()
        self._view, self._search = view, search
        self._total = self._source.count(view, search=search)
        self._rows = list(self._source.roster(view, search=search, limit=self.PAGE_SIZE, offset=0))
        self.endResetModel()

    def row_at(self, row: int) -> RosterRow:
        return self._rows[row]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 (Qt signature)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 (Qt signature)
        return 0 if parent.isValid() else len(_COLUMNS)

    def canFetchMore(self, parent: _Index) -> bool:
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: _Index) -> None:
        if parent.isValid():
            return
        more = self._source.roster(
            self._view, search=self._search, limit=self.PAGE_SIZE, offset=len(self._rows)
        )
        if not more:
            self._total = len(self._rows)  # the ledger shrank since the count; stop asking
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(more) - 1)
        self._rows.extend(more)
        self.endInsertRows()

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, column = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
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
