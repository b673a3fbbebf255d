"""The roster model alone, fed by a stub query object: masking, wording, paging, Qt's rules."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from pytestqt.modeltest import ModelTester

from ui.roster_model import COL_GRADE, COL_ID, COL_RISK, COL_SEX, COL_XJH, RosterModel


@dataclass(frozen=True)
class Row:
    student_id: int
    name: str = "王小明"
    sex: str = "1"
    grade: int = 7
    class_name: str = "七年级(1)班"
    id_number: str = "524821201201011234"
    xjh: str = "G524821201201011234"
    village_name: str = "新寨村"
    status: str = "enrolled"
    status_label: str = "在校"
    at_risk: bool = False


class StubQueries:
    """Answers like `ledger.queries`, from a list, and records each page asked for."""

    def __init__(self, rows: list[Row]) -> None:
        self.rows = rows
        self.pages: list[tuple[int, int]] = []
        self.asked: list[dict[str, Any]] = []
        self.counted: list[int | None] = []  # the `at_most` of every count asked for

    def _matching(self, search: str, filters: Mapping[str, Any] | None) -> list[Row]:
        return [
            row for row in self.rows
            if search in row.name
            and all(getattr(row, key) == value for key, value in (filters or {}).items())
        ]

    def roster(
        self, view: str = "all", *, search: str = "", filters: Mapping[str, Any] | None = None,
        order: str = "grade", descending: bool = False, limit: int = 200, offset: int = 0,
    ) -> list[Row]:
        self.pages.append((limit, offset))
        self.asked.append({"filters": filters, "order": order, "descending": descending})
        matching = self._matching(search, filters)
        if order != "grade":
            matching.sort(key=lambda row: getattr(row, order), reverse=descending)
        return matching[offset : offset + limit]

    def count(
        self, view: str = "all", *, search: str = "", filters: Mapping[str, Any] | None = None,
        at_most: int | None = None,
    ) -> int:
        self.counted.append(at_most)
        found = len(self._matching(search, filters))
        return found if at_most is None else min(found, at_most)


def text(model: RosterModel, row: int, column: int) -> str:
    return str(model.index(row, column).data())


def test_model_follows_qt_model_rules(qtmodeltester: ModelTester) -> None:
    model = RosterModel(StubQueries([Row(i, at_risk=i % 2 == 0) for i in range(5)]))
    model.set_query()
    qtmodeltester.check(model)


def test_id_number_and_xjh_are_masked() -> None:
    model = RosterModel(StubQueries([Row(1)]))
    model.set_query()
    assert text(model, 0, COL_ID) == "524821********1234"
    assert "201201" not in text(model, 0, COL_XJH)
    assert text(model, 0, COL_XJH).endswith("1234")


def test_codes_are_shown_in_chinese() -> None:
    model = RosterModel(StubQueries([Row(1, sex="2", grade=9, at_risk=True), Row(2)]))
    model.set_query()
    assert [text(model, 0, COL_SEX), text(model, 1, COL_SEX)] == ["女", "男"]
    assert text(model, 0, COL_GRADE) == "九年级"
    assert [text(model, 0, COL_RISK), text(model, 1, COL_RISK)] == ["预警", ""]
    assert model.index(0, COL_RISK).data(Qt.ItemDataRole.ForegroundRole) is not None


def test_pages_load_only_when_the_view_asks_for_more() -> None:
    queries = StubQueries([Row(i) for i in range(RosterModel.PAGE_SIZE * 2 + 5)])
    model = RosterModel(queries)
    model.set_query()
    assert model.rowCount() == RosterModel.PAGE_SIZE
    assert model.total == len(queries.rows)
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    assert model.rowCount() == len(queries.rows)
    assert [offset for _, offset in queries.pages] == [0, 200, 400]


def test_filters_and_order_go_to_the_query_and_to_every_page() -> None:
    queries = StubQueries(
        [Row(i, name=f"学生{i:03d}", grade=7 + i % 2) for i in range(RosterModel.PAGE_SIZE * 3)]
    )
    model = RosterModel(queries)
    model.set_query("all", "", filters={"grade": 8}, order="name", descending=True)
    assert model.total == RosterModel.PAGE_SIZE * 3 // 2
    assert (model.filters, model.order, model.descending) == ({"grade": 8}, "name", True)
    model.fetchMore(QModelIndex())
    assert queries.asked == [{"filters": {"grade": 8}, "order": "name", "descending": True}] * 2
    names = [model.row_at(i).name for i in range(model.rowCount())]
    assert names == sorted(names, reverse=True)
    assert {model.row_at(i).grade for i in range(model.rowCount())} == {8}


def test_reload_keeps_filters_and_order() -> None:
    queries = StubQueries([Row(1, grade=7), Row(2, grade=8)])
    model = RosterModel(queries)
    model.set_query(filters={"grade": 8}, order="name")
    model.reload()
    assert [model.row_at(i).student_id for i in range(model.rowCount())] == [2]
    assert queries.asked[-1] == {"filters": {"grade": 8}, "order": "name", "descending": False}


def test_filtered_model_follows_qt_model_rules(qtmodeltester: ModelTester) -> None:
    model = RosterModel(StubQueries([Row(i, grade=7 + i % 3) for i in range(9)]))
    model.set_query(filters={"grade": 8}, order="name", descending=True)
    qtmodeltester.check(model)


def test_search_text_goes_to_the_query() -> None:
    queries = StubQueries([Row(1, name="王芳"), Row(2, name="李伟"), Row(3, name="王伟")])
    model = RosterModel(queries)
    model.set_query(search="王")
    assert [model.row_at(i).student_id for i in range(model.rowCount())] == [1, 3]
    assert model.total == 2


class LaterRunner:
    """A `PageRunner` that keeps each fetch until the test answers it, in any order."""

    def __init__(self, source: StubQueries) -> None:
        self.source = source
        self.waiting: list[tuple[Callable[[Any], Any], Callable[[Any], None]]] = []

    def __call__(
        self, fetch: Callable[[Any], Any], on_done: Callable[[Any], None], on_failed: Any
    ) -> None:
        self.waiting.append((fetch, on_done))

    def answer(self, index: int) -> None:
        fetch, on_done = self.waiting.pop(index)
        on_done(fetch(self.source))


def test_an_answer_to_a_replaced_query_is_dropped() -> None:
    later = LaterRunner(StubQueries([Row(1, name="王芳"), Row(2, name="李伟")]))
    model = RosterModel(run=later)
    model.set_query(search="王")
    model.set_query(search="李")
    assert model.loading and model.rowCount() == 0
    later.answer(1)  # the newer query answers first …
    later.answer(0)  # … and the older answer, arriving late, must not replace it
    assert not model.loading
    assert (model.search, [model.row_at(0).name]) == ("李", ["李伟"])


def test_rows_stay_shown_while_the_next_query_loads() -> None:
    later = LaterRunner(StubQueries([Row(i) for i in range(3)]))
    model = RosterModel(run=later)
    model.set_query()
    later.answer(0)
    model.set_query(search="没有这个人")
    assert model.rowCount() == 3 and model.loading  # no flash of an empty table
    later.answer(0)
    assert model.rowCount() == 0 and model.total == 0


def test_a_large_answer_shows_its_first_page_before_the_exact_count() -> None:
    """Counting every "王" in a county costs more than its first page (bench/README.md)."""
    later = LaterRunner(StubQueries([Row(i, name="王芳") for i in range(12)]))
    model = RosterModel(run=later)
    model.COUNT_CAP = 5
    loaded: list[tuple[int, bool]] = []
    model.loaded.connect(lambda: loaded.append((model.total, model.total_exact)))
    model.set_query(search="王")
    later.answer(0)
    assert model.rowCount() == 12 and loaded == [(6, False)]  # "more than 5"
    assert later.source.counted == [6]
    later.answer(0)
    assert loaded == [(6, False), (12, True)]
    assert later.source.counted == [6, None]


def test_the_exact_count_of_a_replaced_query_is_not_run() -> None:
    rows = [Row(i, name="王芳") for i in range(12)] + [Row(99, name="李伟")]
    later = LaterRunner(StubQueries(rows))
    model = RosterModel(run=later)
    model.COUNT_CAP = 5
    model.set_query(search="王")
    later.answer(0)
    model.set_query(search="李")  # typed on before the worker reached the exact count
    later.answer(0)  # the exact count of "王": skipped
    later.answer(0)
    assert later.source.counted == [6, 6]
    assert (model.total, model.total_exact, model.rowCount()) == (1, True, 1)


def test_pages_go_on_past_a_capped_count() -> None:
    queries = StubQueries([Row(i) for i in range(RosterModel.PAGE_SIZE + 7)])
    later = LaterRunner(queries)
    model = RosterModel(run=later)
    model.COUNT_CAP = 3
    model.set_query()
    later.answer(0)
    later.waiting.clear()  # the exact count never arrives (say, the worker is busy)
    assert model.total == 4 and not model.total_exact
    assert model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    later.answer(0)
    assert model.rowCount() == len(queries.rows)
    model.fetchMore(QModelIndex())
    later.answer(0)  # an empty page: now the total is known
    assert (model.total, model.total_exact) == (len(queries.rows), True)
    assert not model.canFetchMore(QModelIndex())
