"""The read side: paged, filtered, sorted roster rows and counts, all in SQL.

Screens and the command line show one page of rows at a time; sorting and filtering happen here,
never in Qt (a proxy model over 150k rows took 30 s to sort, perf-baselines §4).
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from dropout_ledger import canonical
from dropout_ledger.model.identity import normalize_code
from dropout_ledger.model.records import RECORD_KINDS
from dropout_ledger.model.status import Status

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

_LIKE_ESCAPE = str.maketrans({"%": "\\%", "_": "\\_", "\\": "\\\\"})


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

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def _where(
        self, view: str, search: str, filters: Mapping[str, Any] | None = None
    ) -> tuple[str, list[Any]]:
        if view not in VIEWS:
            raise KeyError(view)
        clause = f"retracted = 0 AND ({VIEWS[view]})"
        params: list[Any] = []
        if search.strip():
            sql, found = search_clause(search)
            clause, params = f"{clause} AND {sql}", params + found
        for key, value in (filters or {}).items():
            if key == "flag":
                clause += f" AND {FLAGS[value]}"
            elif key in FILTERABLE:
                clause, params = f"{clause} AND {key} = ?", [*params, value]
            else:
                raise KeyError(key)
        return clause, params

    def roster(
        self, view: str = "all", *, search: str = "", filters: Mapping[str, Any] | None = None,
        order: str = "grade", descending: bool = False, limit: int = 200, offset: int = 0,
    ) -> list[RosterRow]:
        """One page of students in `view` matching `search` and `filters`, sorted by `order`.

        `filters` maps grade / class_name / village_name / status / sex to a value, or "flag"
        to a key of FLAGS. `order` is a key of ORDERS or a SORTABLE column.
        """
        where, params = self._where(view, search, filters)
        rows = self.conn.execute(
            f"SELECT {_ROW_COLUMNS} FROM students WHERE {where}"
            f" ORDER BY {_order_by(order, descending)} LIMIT ? OFFSET ?",
            (*params, limit, offset),
        )
        return [
            RosterRow(
                student_id=r[0], name=r[1] or "", sex=r[2] or "", grade=r[3] or 0,
                class_name=r[4] or "", id_number=r[5] or "", xjh=r[6] or "",
                village_name=r[7] or "", status=r[8] or "", status_label=_label(r[8]),
                at_risk=bool(r[9]) and r[9] != "[]",
            )
            for r in rows
        ]

    def iter_roster(
        self, view: str = "all", *, search: str = "", page: int = 5000
    ) -> Iterator[RosterRow]:
        """Every student in `view`, a page at a time, so a county list never sits in memory."""
        offset = 0
        while rows := self.roster(view, search=search, limit=page, offset=offset):
            yield from rows
            offset += page

    def count(
        self, view: str = "all", *, search: str = "", filters: Mapping[str, Any] | None = None
    ) -> int:
        where, params = self._where(view, search, filters)
        row = self.conn.execute(f"SELECT count(*) FROM students WHERE {where}", params)
        return int(row.fetchone()[0])

    def student(self, student_id: str) -> dict[str, Any] | None:
        """Every projected column of one student, lists decoded; None if unknown."""
        cursor = self.conn.execute("SELECT * FROM students WHERE id = ?", (student_id,))
        row = cursor.fetchone()
        if row is None:
            return None
        names = [d[0] for d in cursor.description]
        return {name: _decode_list(name, value) for name, value in zip(names, row, strict=True)}

    def find_student(self, *, id_number: str = "", xjh: str = "") -> dict[str, Any] | None:
        """A live (non-retracted) student with this ID number or 学籍号."""
        for column, value in (("id_number", id_number), ("xjh", xjh)):
            if value:
                row = self.conn.execute(
                    # `+retracted`: keep SQLite on the {column} index, not students_live
                    # (picking that one made every duplicate check scan the roster).
                    f"SELECT id FROM students WHERE {column} = ? AND +retracted = 0", (value,)
                ).fetchone()
                if row:
                    return self.student(row[0])
        return None

    def status_history(self, student_id: str) -> list[dict[str, Any]]:
        """Every status fact of a student in timeline order, retracted ones included."""
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
        sql = f"SELECT * FROM rec_{kind}"
        params: tuple[str, ...] = ()
        if student_id is not None:
            sql, params = sql + " WHERE student_id = ?", (student_id,)
        cursor = self.conn.execute(sql + " ORDER BY created_lc, id", params)
        names = [d[0] for d in cursor.description]
        return [
            {n: _decode_list(n, v) for n, v in zip(names, row, strict=True)} for row in cursor
        ]

    def record(self, kind: str, record_id: str) -> dict[str, Any] | None:
        cursor = self.conn.execute(f"SELECT * FROM rec_{kind} WHERE id = ?", (record_id,))
        row = cursor.fetchone()
        if row is None:
            return None
        names = [d[0] for d in cursor.description]
        return {n: _decode_list(n, v) for n, v in zip(names, row, strict=True)}

    def counts_by(self, *columns: str, view: str = "all") -> list[tuple[Any, ...]]:
        """(column values…, count) groups over live students in `view`, sorted."""
        cols = ", ".join(columns)
        where, params = self._where(view, "")
        return [
            tuple(row)
            for row in self.conn.execute(
                f"SELECT {cols}, count(*) FROM students WHERE {where}"
                f" GROUP BY {cols} ORDER BY {cols}",
                params,
            )
        ]


def search_clause(text: str) -> tuple[str, list[Any]]:
    """SQL for what a person types into the search box, read by its shape.

    Digits (with a final X): part of an ID number or 学籍号. G/J/L and digits: part of a 学籍号.
    Latin letters: pinyin initials at the start of any reading ("zw" finds 张伟 and 曾伟), or a
    romanised name. Anything else: part of the name, so 1- and 2-character names are found
    (FTS5 trigram finds nothing below three characters, perf-baselines pitfall #3).
    """
    text = normalize_code(text) if text.strip().isascii() else text.strip()
    like = f"%{text.translate(_LIKE_ESCAPE)}%"
    if re.fullmatch(r"[GJL]\d+X?", text):
        return "xjh LIKE ? ESCAPE '\\'", [like]
    if re.fullmatch(r"\d+X?", text):
        return "(id_number LIKE ? ESCAPE '\\' OR xjh LIKE ? ESCAPE '\\')", [like, like]
    if re.fullmatch(r"[A-Z]+", text):
        initials = f"% {text.lower().translate(_LIKE_ESCAPE)}%"
        return ("(' ' || name_initials LIKE ? ESCAPE '\\' OR name LIKE ? ESCAPE '\\')",
                [initials, like])
    return "name LIKE ? ESCAPE '\\'", [like]


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
