"""The read side: paged, filtered, sorted roster rows and counts, all in SQL.

Screens and the command line show one page of rows at a time; sorting and filtering happen here,
never in Qt (a proxy model over 150k rows took 30 s to sort, perf-baselines §4).

A class teacher sees only her own class (domain.md §10): `Queries.scope`, set when she logs in
(services/accounts.sign_in), is one more condition on every roster, count and lookup here, so
the screens, the command line, exports and prints all get it from the one place that reads
(docs/decisions/0020-accounts-and-roles.md).
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from dropout_ledger import canonical
from dropout_ledger.model.identity import normalize_code
from dropout_ledger.model.names import INITIALS_KEY, NAME_KEY, fold
from dropout_ledger.model.records import RECORD_KINDS
from dropout_ledger.model.status import Status
from dropout_ledger.store import sqlite as sqlite3

# Holds 学籍 at this school (Status.is_on_roll), as SQL.
ON_ROLL = "status IN ('enrolled','suspended','home_taught','suspected','dropped_out','returned')"

VIEWS: dict[str, str] = {
    "all": "1",
    "on-roll": ON_ROLL,
    "at-risk": f"at_risk != '[]' AND {ON_ROLL}",
    "suspected": "status = 'suspected'",
    "dropped": "status = 'dropped_out'",
    "returned": "status = 'returned'",
    "home-taught": "status = 'home_taught'",
    "suspended": "status = 'suspended'",
}

# Sort keys: a named order, or any displayed column (ties broken by grade, class, name, id).
ORDERS: dict[str, str] = {
    "grade": "grade, class_name, name, id",
    "name": "name, id",
    "status": "status, grade, class_name, name, id",
    "village": "village_name, name, id",
}
SORTABLE = frozenset({"name", "sex", "grade", "class_name", "id_number", "xjh", "village_name",
                      "status", "birth_date", "status_date"})

# Special-group flags as SQL, for filters and statistics.
FLAGS: dict[str, str] = {
    "at_risk": "at_risk != '[]'",
    "left_behind": "left_behind IN ('1', '2')",
    "disability": "disability_type != ''",
    "inclusive": "inclusive = 1",
    "orphan": "orphan = 1",
    "unsupported": "unsupported = 1",
    "in_difficulty": "in_difficulty = 1",
    "migrant": "migrant = 1",
    "boarding": "boarding = 1",
}
FILTERABLE = frozenset({"grade", "class_name", "village_name", "status", "sex"})

# A search with fewer entries than this in its index is answered from the index; a denser one
# by reading the roster (measured at 150k: docs/decisions/0009-search-index.md).
SELECTIVE = 3000
# A dense search in grade order first reads at most this many students in that order: a page of
# "王" (7 % of a county) is among the first 3,000. If the page is not full by then (the matches
# sort late, as one birth cohort of ID numbers does), the whole roster is read instead.
WALK = 20_000
_WALKABLE_VIEWS = frozenset({"all", "on-roll"})

_LIKE_ESCAPE = str.maketrans({"%": "\\%", "_": "\\_", "\\": "\\\\"})


@dataclass(frozen=True)
class ClassScope:
    """The one class an operator may see: a grade (1–9) and a class name as the roster has it."""

    grade: int
    class_name: str

    def clause(self, alias: str = "") -> tuple[str, list[Any]]:
        """The SQL condition on `students` (as `alias`) selecting this class, and its values."""
        prefix = f"{alias}." if alias else ""
        return f"{prefix}grade = ? AND {prefix}class_name = ?", [self.grade, self.class_name]


@dataclass(frozen=True)
class SchoolScope:
    """One school's pupils in a county ledger: the organisation that created each student."""

    org: str

    def clause(self, alias: str = "") -> tuple[str, list[Any]]:
        prefix = f"{alias}." if alias else ""
        return f"{prefix}org = ?", [self.org]


@dataclass(frozen=True)
class RosterRow:
    """One student as lists and tables show them (the ID number is full: mask it on display)."""

    student_id: str
    name: str
    sex: str
    grade: int
    class_name: str
    id_number: str
    xjh: str
    village_name: str
    status: str
    status_label: str
    at_risk: bool


_ROW_COLUMNS = (
    "id, name, sex, grade, class_name, id_number, xjh, village_name, status, at_risk"
)


def _label(code: str | None) -> str:
    if code is None:
        return "资料不全"
    try:
        return Status(code).label
    except ValueError:
        return code


class Queries:
    """Read-only questions about the ledger."""

    def __init__(
        self, conn: sqlite3.Connection, *, selective: int = SELECTIVE, walk: int = WALK
    ) -> None:
        self.conn = conn
        self.selective = selective
        self.walk = walk
        self._probed: tuple[tuple[Any, ...], bool] | None = None
        self.scope: ClassScope | SchoolScope | None = None
        """The only class the operator may see (a class teacher); None: the whole school."""

    def in_scope(self, student_id: str) -> bool:
        """Whether the operator may see this student (always, without a class scope)."""
        if self.scope is None:
            return True
        clause, params = self.scope.clause()
        return self.conn.execute(
            f"SELECT 1 FROM students WHERE id = ? AND {clause}", (student_id, *params)
        ).fetchone() is not None

    def scoped_ids(self) -> frozenset[str] | None:
        """The ids of every student (retracted too) the operator may see; None: all of them.

        For lists built by their own SQL (今日待办, warnings) to drop other classes' pupils.
        """
        if self.scope is None:
            return None
        clause, params = self.scope.clause()
        rows = self.conn.execute(f"SELECT id FROM students WHERE {clause}", params)
        return frozenset(row[0] for row in rows)

    def scope_condition(self, column: str = "students.id") -> tuple[str, list[Any]]:
        """SQL true for the rows whose student id `column` the operator may see, and its values.

        "1" without a class scope, so callers can always add it to their WHERE.
        """
        if self.scope is None:
            return "1", []
        clause, params = self.scope.clause()
        return f"{column} IN (SELECT id FROM students WHERE {clause})", params

    def _where(
        self, view: str, search: str, filters: Mapping[str, Any] | None = None
    ) -> _Selection:
        """FROM, WHERE and their parameters for the live students in `view` matching the rest.

        A selective search starts FROM its candidates in the search index (a few primary-key
        lookups); a dense one ("王": 7 % of a county) is a condition on every student read
        (docs/decisions/0009-search-index.md).
        """
        if view not in VIEWS:
            raise KeyError(view)
        clause, params = f"retracted = 0 AND ({VIEWS[view]})", []
        if self.scope is not None:
            scope_clause, scope_params = self.scope.clause()
            clause, params = f"{clause} AND {scope_clause}", scope_params
        plan = search_plan(search) if search.strip() else None
        if plan is not None:
            clause, params = f"{clause} AND {plan.clause}", [*params, *plan.params]
        for key, value in (filters or {}).items():
            if key == "flag":
                clause += f" AND {FLAGS[value]}"
            elif key in FILTERABLE:
                clause, params = f"{clause} AND {key} = ?", [*params, value]
            else:
                raise KeyError(key)
        if plan is None:
            return _Selection("students", clause, params)
        index = " UNION ".join(plan.index)
        index_params = [p for group in plan.index_params for p in group]
        # The index holds exactly the live students, so it alone counts the view of them all.
        # Not a dense UNION (initials or name): SQLite lists all of its first part before LIMIT.
        # Not for a class teacher either: the index holds every class.
        everyone = view == "all" and not filters and self.scope is None
        selective = bool(index) and self._selective(plan)
        counted: tuple[str, list[Any]] = ("", [])
        if everyone and (selective or len(plan.index) == 1):
            counted = (index, index_params)
        if selective:
            source = f"({index}) AS hit CROSS JOIN students ON students.{plan.ref} = hit.ref"
            return _Selection(source, clause, [*index_params, *params], *counted)
        walk = ""
        if view in _WALKABLE_VIEWS and not filters and self.scope is None:
            walk = (f"SELECT rowid, {plan.clause} FROM students"
                    f" WHERE +retracted = 0 AND ({VIEWS[view]})")
        return _Selection("students", clause, params, *counted, dense=True, walk=walk,
                          walk_params=list(plan.params))

    def _selective(self, plan: SearchPlan) -> bool:
        """True if the search has fewer than `selective` entries in its index.

        Dense means more: looking that many students up one by one costs more than reading the
        roster. The answer is kept until the ledger changes, as `roster` and `count` both ask.
        """
        if self.selective <= 0:
            return False
        version = self.conn.execute("PRAGMA data_version").fetchone()[0]
        key = (plan.index, plan.index_params, self.selective, self.conn.total_changes, version)
        if self._probed is not None and self._probed[0] == key:
            return self._probed[1]
        probe = " + ".join(f"(SELECT count(*) FROM ({sql} LIMIT ?))" for sql in plan.index)
        probe_params = [p for params in plan.index_params for p in (*params, self.selective)]
        found = int(self.conn.execute(f"SELECT {probe}", probe_params).fetchone()[0])
        self._probed = (key, found < self.selective)
        return found < self.selective

    def roster(
        self, view: str = "all", *, search: str = "", filters: Mapping[str, Any] | None = None,
        order: str = "grade", descending: bool = False, limit: int = 200, offset: int = 0,
    ) -> list[RosterRow]:
        """One page of students in `view` matching `search` and `filters`, sorted by `order`.

        `filters` maps grade / class_name / village_name / status / sex to a value, or "flag"
        to a key of FLAGS. `order` is a key of ORDERS or a SORTABLE column.
        """
        selection = self._where(view, search, filters)
        order_by = _order_by(order, descending)
        rows = None
        if selection.walk and order == "grade":
            rows = self._walk(selection, order_by, limit, offset)
        where = selection.where
        if (order == "grade" and view in _WALKABLE_VIEWS and not search.strip() and not filters
                and self.scope is None):
            # The plain roster page: `+retracted` keeps SQLite on the grade index, reading the
            # page's 200 rows in order, instead of students_live and a sort of every live
            # student (43 ms → 0.4 ms at 150,000; a status view keeps students_live, which is
            # the selective one there).
            where = "+" + where
        if rows is None:
            rows = self.conn.execute(
                f"SELECT {_ROW_COLUMNS} FROM {selection.source} WHERE {where}"
                f" ORDER BY {order_by} LIMIT ? OFFSET ?",
                (*selection.params, limit, offset),
            ).fetchall()
        return [_roster_row(r) for r in rows]

    def _walk(
        self, selection: _Selection, order_by: str, limit: int, offset: int
    ) -> list[Any] | None:
        """A dense search's page, from at most `walk` students in grade order; None if not found.

        The students are read in the order of the grade index (`+retracted` keeps SQLite on it
        rather than on students_live) with a match flag, and reading stops at the page's last
        match: a page of "王" is among the first 3,000 of 150,000. Past `walk` students without
        a full page (the matches sort late) the caller reads the whole roster instead.
        """
        wanted, found = offset + limit, []
        cursor = self.conn.execute(f"{selection.walk} ORDER BY {order_by}", selection.walk_params)
        try:
            for read, (rowid, match) in enumerate(cursor):
                if read == self.walk:
                    return None
                if match:
                    found.append(rowid)
                    if len(found) == wanted:
                        break
        finally:  # a reader that stopped early may close us after the ledger closed
            with contextlib.suppress(sqlite3.ProgrammingError):
                cursor.close()
        page = found[offset:]
        if not page:
            return []
        marks = ", ".join("?" for _ in page)
        return self.conn.execute(
            f"SELECT {_ROW_COLUMNS} FROM students WHERE rowid IN ({marks}) ORDER BY {order_by}",
            page,
        ).fetchall()

    def iter_roster(
        self, view: str = "all", *, search: str = "", page: int = 5000
    ) -> Iterator[RosterRow]:
        """Every student in `view` in grade order, so a county list never sits in memory.

        One cursor read `page` rows at a time, not LIMIT/OFFSET pages: each such page made
        SQLite sort the whole view again (13 s instead of 1 s for 150,000 students).
        """
        selection = self._where(view, search, None)
        cursor = self.conn.execute(
            f"SELECT {_ROW_COLUMNS} FROM {selection.source} WHERE {selection.where}"
            f" ORDER BY {_order_by('grade', False)}", selection.params)
        try:
            while rows := cursor.fetchmany(page):
                yield from (_roster_row(r) for r in rows)
        finally:  # a reader that stopped early may close us after the ledger closed
            with contextlib.suppress(sqlite3.ProgrammingError):
                cursor.close()

    def count(
        self, view: str = "all", *, search: str = "", filters: Mapping[str, Any] | None = None,
        at_most: int | None = None,
    ) -> int:
        """How many live students `roster` would list, or `at_most` if there are that many.

        `at_most` stops counting early: a dense search ("王" in a county) is counted to the last
        row of the roster, which is most of its cost; a list only needs "1000 or more" at once.
        """
        selection = self._where(view, search, filters)
        if selection.index and (at_most is not None or not selection.dense):
            # From the index alone; but the exact count of a dense search reads the roster:
            # trigram candidates of "524821" (every ID in a county) cost 190 ms to list.
            sql, params = selection.index, selection.index_params
        else:
            sql = f"SELECT 1 FROM {selection.source} WHERE {selection.where}"
            params = selection.params
        if at_most is not None:
            sql, params = f"{sql} LIMIT ?", [*params, at_most]
        row = self.conn.execute(f"SELECT count(*) FROM ({sql})", params)
        return int(row.fetchone()[0])

    def student(self, student_id: str) -> dict[str, Any] | None:
        """Every projected column of one student, lists decoded; None if unknown.

        None too for a student outside the operator's class scope: to a class teacher another
        class's pupil does not exist, on screen, on paper or in a write (services look
        students up here before changing them).
        """
        return self._student(student_id, scoped=True)

    def _student(self, student_id: str, *, scoped: bool) -> dict[str, Any] | None:
        scope, params = ("1", []) if not scoped or self.scope is None else self.scope.clause()
        cursor = self.conn.execute(
            f"SELECT * FROM students WHERE id = ? AND {scope}", (student_id, *params))
        row = cursor.fetchone()
        if row is None:
            return None
        names = [d[0] for d in cursor.description]
        return {name: _decode_list(name, value) for name, value in zip(names, row, strict=True)}

    def find_student(self, *, id_number: str = "", xjh: str = "") -> dict[str, Any] | None:
        """A live (non-retracted) student with this ID number or 学籍号, in any class.

        Not limited by the class scope: it answers "is this number already on the roll?" for
        duplicate checks, which must see the whole school. To show the student, ask `student`.
        """
        for column, value in (("id_number", id_number), ("xjh", xjh)):
            if value:
                row = self.conn.execute(
                    # `+retracted`: keep SQLite on the {column} index, not students_live
                    # (picking that one made every duplicate check scan the roster).
                    f"SELECT id FROM students WHERE {column} = ? AND +retracted = 0", (value,)
                ).fetchone()
                if row:
                    return self._student(row[0], scoped=False)
        return None

    def status_history(self, student_id: str) -> list[dict[str, Any]]:
        """Every status fact of a student in timeline order, retracted ones included."""
        if not self.in_scope(student_id):
            return []
        cursor = self.conn.execute(
            "SELECT * FROM status_facts WHERE student_id = ?"
            " ORDER BY effective_date, lc, eid",
            (student_id,),
        )
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor]

    def records(self, kind: str, *, student_id: str | None = None) -> list[dict[str, Any]]:
        """Records of one kind (optionally for one student), oldest first, retracted included."""
        if kind not in RECORD_KINDS:
            raise KeyError(kind)
        scope, params = self.scope_condition("student_id")
        sql = f"SELECT * FROM rec_{kind} WHERE {scope}"
        if student_id is not None:
            sql, params = sql + " AND student_id = ?", [*params, student_id]
        cursor = self.conn.execute(sql + " ORDER BY created_lc, id", params)
        names = [d[0] for d in cursor.description]
        return [
            {n: _decode_list(n, v) for n, v in zip(names, row, strict=True)} for row in cursor
        ]

    def record(self, kind: str, record_id: str) -> dict[str, Any] | None:
        """One record by id; None if unknown or its student is outside the class scope."""
        scope, params = self.scope_condition("student_id")
        cursor = self.conn.execute(
            f"SELECT * FROM rec_{kind} WHERE id = ? AND {scope}", (record_id, *params))
        row = cursor.fetchone()
        if row is None:
            return None
        names = [d[0] for d in cursor.description]
        return {n: _decode_list(n, v) for n, v in zip(names, row, strict=True)}

    def counts_by(self, *columns: str, view: str = "all") -> list[tuple[Any, ...]]:
        """(column values…, count) groups over live students in `view`, sorted."""
        cols = ", ".join(columns)
        selection = self._where(view, "")
        where, params = selection.where, selection.params
        return [
            tuple(row)
            for row in self.conn.execute(
                f"SELECT {cols}, count(*) FROM students WHERE {where}"
                f" GROUP BY {cols} ORDER BY {cols}",
                params,
            )
        ]


@dataclass(frozen=True)
class _Selection:
    """The students a query reads: FROM, WHERE and their parameters.

    `index`: the search's candidates in the search index, when they alone are the answer (the
    view of all live students, no filters), so a count needs no student row. `dense`: the
    search has too many candidates to look up. `walk`: for a dense search in a view of (nearly)
    everyone without filters, SQL listing each live student's rowid and whether it matches, to
    find a page among the first rows in grade order (`Queries._walk`).
    """

    source: str
    where: str
    params: list[Any]
    index: str = ""
    index_params: list[Any] = field(default_factory=list)
    dense: bool = False
    walk: str = ""
    walk_params: list[Any] = field(default_factory=list)


@dataclass(frozen=True)
class SearchPlan:
    """How one search text is answered: a condition on `students`, and the index that narrows it.

    `clause` alone is the meaning of the search; the index only finds candidates faster (each
    of `index` selects a column `ref` naming `students.<ref>`), so both paths give the same rows.
    """

    clause: str
    params: tuple[Any, ...]
    index: tuple[str, ...] = ()
    index_params: tuple[tuple[Any, ...], ...] = ()
    ref: str = "id"


def _prefix(key: str) -> tuple[str, tuple[Any, ...]]:
    """Index entries of `search_keys` that start with `key`: a range on its primary key.

    The upper bound is `key` + U+10FFFF, the largest code point: in SQLite's byte order every
    text that starts with `key` (and does not go on with that noncharacter) sorts below it.
    """
    return ("SELECT DISTINCT student_id AS ref FROM search_keys WHERE key >= ? AND key < ?",
            (key, key + "\U0010ffff"))


def search_plan(text: str) -> SearchPlan:
    """Read what a person types into the search box by its shape.

    Digits (with a final X): part of an ID number or 学籍号. G/J/L and digits: part of a 学籍号.
    Latin letters: pinyin initials at the start of any reading ("zw" finds 张伟 and 曾伟), or a
    romanised name. Anything else: part of the name, so 1- and 2-character names are found
    (FTS5 trigram finds nothing below three characters, perf-baselines pitfall #3; names use
    the `search_keys` B-tree instead, numbers of 3+ characters the `search_codes` trigrams).
    """
    text = normalize_code(text) if text.strip().isascii() else text.strip()
    like = f"%{text.translate(_LIKE_ESCAPE)}%"
    # Numbers: trigrams need 3 characters (1–2 digits match most of a county anyway). These
    # shapes hold no LIKE wildcards, and `codes` is 'id_number xjh': no ID number has a G/J/L.
    codes: tuple[tuple[str, ...], tuple[tuple[Any, ...], ...]] = ((), ())
    if len(text) >= 3:
        codes = (("SELECT rowid AS ref FROM search_codes WHERE codes LIKE ?",), ((like,),))
    if re.fullmatch(r"[GJL]\d+X?", text):
        return SearchPlan("xjh LIKE ? ESCAPE '\\'", (like,), *codes, ref="rowid")
    if re.fullmatch(r"\d+X?", text):
        return SearchPlan("(id_number LIKE ? ESCAPE '\\' OR xjh LIKE ? ESCAPE '\\')",
                          (like, like), *codes, ref="rowid")
    if re.fullmatch(r"[A-Z]+", text):
        initials = f"% {text.lower().translate(_LIKE_ESCAPE)}%"
        ranges = (_prefix(INITIALS_KEY + text.lower()), _prefix(NAME_KEY + text.lower()))
        return SearchPlan(
            "(' ' || name_initials LIKE ? ESCAPE '\\' OR name LIKE ? ESCAPE '\\')",
            (initials, like), tuple(r[0] for r in ranges), tuple(r[1] for r in ranges),
        )
    index, params = _prefix(NAME_KEY + fold(text))
    return SearchPlan("name LIKE ? ESCAPE '\\'", (like,), (index,), (params,))


def search_clause(text: str) -> tuple[str, list[Any]]:
    """The condition on `students` a search text means (see `search_plan`)."""
    plan = search_plan(text)
    return plan.clause, list(plan.params)


def _roster_row(r: Sequence[Any]) -> RosterRow:
    return RosterRow(
        student_id=r[0], name=r[1] or "", sex=r[2] or "", grade=r[3] or 0,
        class_name=r[4] or "", id_number=r[5] or "", xjh=r[6] or "",
        village_name=r[7] or "", status=r[8] or "", status_label=_label(r[8]),
        at_risk=bool(r[9]) and r[9] != "[]",
    )


def _order_by(order: str, descending: bool) -> str:
    if order in ORDERS:
        keys = ORDERS[order]
    elif order in SORTABLE:
        keys = f"{order}, grade, class_name, name, id"
    else:
        raise KeyError(order)
    if not descending:
        return keys
    return ", ".join(f"{key} DESC" for key in keys.split(", "))


_LIST_COLUMNS = frozenset(
    {"guardians", "at_risk", "participants", "recipients", "deliverer", "teachers",
     "attachments"}
)


def _decode_list(name: str, value: Any) -> Any:
    if name in _LIST_COLUMNS and isinstance(value, str):
        return canonical.decode(value.encode())
    return value
