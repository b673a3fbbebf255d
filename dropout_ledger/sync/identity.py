"""The county's identity queue: one child on two schools' rolls, and transfers to verify.

sync.md §c.5: the county indexes every pupil by the normalised ID number (or 学籍号,
`sync.persons.person_key`); at most one school may hold a child "在籍". Two cases reach the clerk:

* **重复在籍** (`duplicate`) — the same key on the roll (在籍: any status that keeps 学籍) at two
  schools;
* **转学待核实** (`transfer`) — a pupil recorded 转出 at one school whose key is on the roll at
  another: the transfer out matched to the pupil who appeared there.

The clerk answers each with one of four outcomes (`notices.OUTCOMES`): 确认在甲校, 确认在乙校,
不是同一人, 转学已核实. `decide` writes one county `decision` event naming both schools and both
pupils (it travels to both as a notice) and, when the two records are one child, a `same_as`
event linking them (sync.md §c.2). `same_as` is stored and travels but is not projected yet:
nothing in the ledger merges two student rows, and the queue reads the links from the events.

Until a case is decided the child is counted once in the county's totals,
and the dashboard flags the figures that include such a child (`duplicates`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from dropout_ledger import canonical
from dropout_ledger.errors import InputRefused, NotFound, Problem, ValidationError
from dropout_ledger.ids import new_id
from dropout_ledger.model.changes import Changes
from dropout_ledger.model.status import Status
from dropout_ledger.store import sqlite as sqlite3
from dropout_ledger.sync import notices
from dropout_ledger.sync.persons import person_key

if TYPE_CHECKING:
    from dropout_ledger.ledger import Ledger

ON_ROLL_CODES: frozenset[str] = frozenset(s.value for s in Status if s.is_on_roll)
TRANSFERRED = Status.TRANSFERRED_OUT.value
KINDS = {"duplicate": "重复在籍", "transfer": "转学待核实"}
MAX_NOTE = 500


@dataclass(frozen=True)
class Enrolment:
    """One school's record of the child, as the clerk compares it (ID numbers unmasked here:
    the screen masks them unless the operator may see full IDs)."""

    student_id: str
    org: str
    school_name: str
    name: str
    sex: str
    birth_date: str
    grade: int | None
    class_name: str
    id_number: str
    xjh: str
    status: str
    status_label: str
    status_date: str
    history: tuple[tuple[str, str], ...]
    """(effective date, status code) of every live status fact, oldest first."""
    last_visit: str
    """Date of the newest 劝返 visit, "" if none."""


@dataclass(frozen=True)
class IdentityCase:
    """Two records that look like one child: `a` is 甲校, `b` is 乙校 (for a transfer, `a` is the
    school the child left)."""

    kind: str
    key: str
    a: Enrolment
    b: Enrolment

    @property
    def title(self) -> str:
        return KINDS[self.kind]

    @property
    def pair(self) -> frozenset[str]:
        return frozenset((self.a.student_id, self.b.student_id))

    @property
    def case_id(self) -> str:
        return f"{self.a.student_id}|{self.b.student_id}"


@dataclass(frozen=True)
class _Row:
    sid: str
    org: str
    status: str


_CODES = ", ".join(f"'{c}'" for c in sorted(ON_ROLL_CODES | {TRANSFERRED}))
_LIVE = f"retracted = 0 AND status IN ({_CODES})"
_COLUMNS = "id, coalesce(org, ''), id_number, xjh, status"
# The common case in SQL: an 18-digit ID number held twice. The inner GROUP BY reads only the
# ID-number index (no table rows, ~40 ms at 150,000 pupils); the few numbers it finds are then
# read with their status and school through the same index (left to itself SQLite read every
# live pupil's row through students_live to test the list: 70 ms more).
_SAME_NUMBER = f"""
SELECT {_COLUMNS} FROM students INDEXED BY students_id_number WHERE {_LIVE} AND id_number IN (
    SELECT id_number FROM students WHERE id_number IS NOT NULL
    GROUP BY id_number HAVING count(*) > 1)
"""
# The other forms (15-digit numbers, a 学籍号 only) are few: found through the same index (the
# pupils without a number are its NULL range: without INDEXED BY, SQLite read every live pupil's
# row for them, 45 ms at 150,000) and keyed in Python.
_OTHER_FORMS = f"""
SELECT {_COLUMNS} FROM students INDEXED BY students_id_number
WHERE id_number IS NOT NULL AND length(id_number) != 18 AND {_LIVE}
UNION ALL
SELECT {_COLUMNS} FROM students INDEXED BY students_id_number
WHERE id_number IS NULL AND xjh IS NOT NULL AND {_LIVE}
"""


def _keyed(conn: sqlite3.Connection) -> dict[str, list[_Row]]:
    """Live pupils on the roll or transferred out whose person key is held at two schools.

    Stored ID numbers are already normalised at entry (`identity.parse_id_number`), so an
    18-digit number is its own key and the database groups those; the few pupils with another
    form of number go through `person_key`, and are matched to 18-digit pupils by the index.
    """
    groups: dict[str, dict[str, _Row]] = {}

    def add(key: str, sid: str, org: str, status: str) -> None:
        groups.setdefault(key, {})[sid] = _Row(sid, org, status)

    for sid, org, number, _xjh, status in conn.execute(_SAME_NUMBER):
        add(f"id:{number}", str(sid), str(org), str(status))
    for sid, org, number, xjh, status in conn.execute(_OTHER_FORMS).fetchall():
        key = person_key(number, xjh)
        if not key:
            continue
        add(key, str(sid), str(org), str(status))
        if key.startswith("id:"):
            for other, other_org, other_status in conn.execute(
                    f"SELECT id, coalesce(org, ''), status FROM students WHERE id_number = ?"
                    f" AND {_LIVE}", (key[3:],)):
                add(key, str(other), str(other_org), str(other_status))
    return {key: list(rows.values()) for key, rows in groups.items()
            if len({r.org for r in rows.values()}) > 1}


def decided_pairs(conn: sqlite3.Connection) -> set[frozenset[str]]:
    """Pairs of students an identity decision has answered (from the county's events)."""
    pairs: set[frozenset[str]] = set()
    for (body,) in conn.execute(
        "SELECT body FROM events WHERE ent >= ? AND ent < ? AND kind = ? AND body IS NOT NULL",
        (notices.PREFIX, "decision;", notices.KIND),
    ):
        data = canonical.decode(body, checked=False)
        if data.get("topic") == "identity" and len(data.get("students", [])) == 2:
            pairs.add(frozenset(str(s) for s in data["students"]))
    return pairs


def _pairs(groups: dict[str, list[_Row]], decided: set[frozenset[str]]
           ) -> list[tuple[str, str, _Row, _Row]]:
    """(kind, key, a, b) for every undecided cross-school pair worth a clerk's look."""
    found = []
    for key, rows in sorted(groups.items()):
        rows = sorted(rows, key=lambda r: (r.org, r.sid))
        for i, first in enumerate(rows):
            for second in rows[i + 1:]:
                if first.org == second.org or frozenset((first.sid, second.sid)) in decided:
                    continue
                on = (first.status in ON_ROLL_CODES, second.status in ON_ROLL_CODES)
                if on == (True, True):
                    found.append(("duplicate", key, first, second))
                elif on == (False, True) and first.status == TRANSFERRED:
                    found.append(("transfer", key, first, second))
                elif on == (True, False) and second.status == TRANSFERRED:
                    found.append(("transfer", key, second, first))
    return found


@dataclass(frozen=True)
class Duplicates:
    """Undecided 重复在籍 in numbers: what the county's totals subtract and each school holds."""

    extra: int
    """Enrolments beyond the first of each child: subtract to count each child once."""
    by_school: dict[str, int]
    """Per school, its pupils that are in an undecided 重复在籍 case."""


def duplicates(ledger: Ledger) -> Duplicates:
    """Count the undecided 重复在籍 (one pass over the roll, as `identity_queue` does)."""
    return _duplicates(_keyed(ledger.conn), decided_pairs(ledger.conn))


def _duplicates(groups: dict[str, list[_Row]], decided: set[frozenset[str]]) -> Duplicates:
    extra, by_school = 0, dict[str, int]()
    for rows in groups.values():
        live = [r for r in rows if r.status in ON_ROLL_CODES]
        if len({r.org for r in live}) < 2:
            continue
        if all(frozenset((x.sid, y.sid)) in decided
               for x in live for y in live if x.org < y.org):
            continue
        extra += len(live) - 1
        for row in live:
            by_school[row.org] = by_school.get(row.org, 0) + 1
    return Duplicates(extra, by_school)


@dataclass(frozen=True)
class QueueCounts:
    """The identity queue in numbers, for the county dashboard (one pass over the roll)."""

    duplicates: Duplicates
    open_cases: int
    cases_by_school: dict[str, int]


def queue_counts(ledger: Ledger) -> QueueCounts:
    groups = _keyed(ledger.conn)
    decided = decided_pairs(ledger.conn)
    pairs = _pairs(groups, decided)
    by_school: dict[str, int] = {}
    for _kind, _key, a, b in pairs:
        for org in {a.org, b.org}:
            by_school[org] = by_school.get(org, 0) + 1
    return QueueCounts(_duplicates(groups, decided), len(pairs), by_school)


def identity_queue(ledger: Ledger) -> list[IdentityCase]:
    """Every undecided case, 重复在籍 first, then transfers; each pair once."""
    conn = ledger.conn
    pairs = _pairs(_keyed(conn), decided_pairs(conn))
    names = _school_names(ledger)
    cache: dict[str, Enrolment] = {}

    def enrolment(row: _Row) -> Enrolment:
        if row.sid not in cache:
            cache[row.sid] = _enrolment(conn, row.sid, names.get(row.org, row.org))
        return cache[row.sid]

    cases = [IdentityCase(kind, key, enrolment(a), enrolment(b)) for kind, key, a, b in pairs]
    return sorted(cases, key=lambda c: (c.kind != "duplicate", c.a.school_name, c.a.name, c.key))


def _school_names(ledger: Ledger) -> dict[str, str]:
    rows = ledger.conn.execute(
        "SELECT substr(ent, 8), value FROM settings WHERE ent LIKE 'school:S:%' AND field = 'name'")
    names = {str(org): str(canonical.decode(value.encode(), checked=False)) for org, value in rows}
    for org, value in ledger.conn.execute(
            "SELECT substr(ent, 5), value FROM settings WHERE ent LIKE 'org:S:%' AND field = 'name'"):
        names.setdefault(str(org), str(canonical.decode(value.encode(), checked=False)))
    return names


def _enrolment(conn: sqlite3.Connection, sid: str, school_name: str) -> Enrolment:
    row = conn.execute(
        "SELECT id, coalesce(org, ''), coalesce(name, ''), coalesce(sex, ''),"
        " coalesce(birth_date, ''), grade, coalesce(class_name, ''), coalesce(id_number, ''),"
        " coalesce(xjh, ''), coalesce(status, ''), coalesce(status_date, '')"
        " FROM students WHERE id = ?", (sid,)).fetchone()
    history = tuple(
        (str(day), str(code)) for day, code in conn.execute(
            "SELECT effective_date, code FROM status_facts WHERE student_id = ? AND retracted = 0"
            " ORDER BY effective_date, lc, eid", (sid,)))
    visit = conn.execute(
        "SELECT max(date) FROM rec_visit WHERE student_id = ? AND retracted = 0", (sid,)).fetchone()
    return Enrolment(
        student_id=row[0], org=row[1], school_name=school_name, name=row[2], sex=row[3],
        birth_date=row[4], grade=row[5], class_name=row[6], id_number=row[7], xjh=row[8],
        status=row[9], status_label=_label(row[9]), status_date=row[10], history=history,
        last_visit=str(visit[0]) if visit and visit[0] else "")


def _label(code: str | None) -> str:
    try:
        return Status(code).label if code else "资料不全"
    except ValueError:
        return str(code)


def find_case(ledger: Ledger, case_id: str) -> IdentityCase:
    """The open case `a_id|b_id` (as `IdentityCase.case_id` spells it), or NotFound."""
    for case in identity_queue(ledger):
        if case.case_id == case_id:
            return case
    raise NotFound("这一项已经处理过，或两条记录已不再重复（可能学校已更正）。请刷新列表。")


def decide(ledger: Ledger, case_id: str, outcome: str, note: str = "") -> Changes:
    """Answer an identity case: a `decision` event for both schools, and `same_as` if one child.

    Refuses on a school ledger, for an unknown outcome, or when the case is no longer open.
    """
    if not ledger.org_id.startswith("C:"):
        raise InputRefused("重复在籍和转学核实只能由县教育局处理。")
    if outcome not in notices.OUTCOMES:
        raise ValidationError(Problem("outcome", f"未知的处理结果“{outcome}”",
                                      "请选择：确认在甲校、确认在乙校、不是同一人或转学已核实"))
    note = note.strip()
    if len(note) > MAX_NOTE:
        raise ValidationError(Problem("note", f"备注超过 {MAX_NOTE} 字", "请精简备注"))
    case = find_case(ledger, case_id)
    schools = [case.a.org, case.b.org]
    students = [case.a.student_id, case.b.student_id]
    with ledger.write() as w:
        decision = f"{notices.PREFIX}{new_id()}"
        event = w.emit(notices.KIND, decision, {
            "topic": "identity", "case": case.kind, "outcome": outcome,
            "schools": schools, "school_names": [case.a.school_name, case.b.school_name],
            "students": students, "clerk": ledger.operator.name, "note": note,
        })
        if outcome != "not_same":
            w.emit("same_as", f"same_as:{new_id()}", {
                "students": students, "schools": schools, "decision": event.eid})
        w.changes.students.update(students)
        w.changes.flags.add("roster")
        return w.changes.freeze()


def links(ledger: Ledger) -> list[tuple[str, str]]:
    """Every `same_as` link held (pairs of student ids), from the events."""
    out = []
    for (body,) in ledger.conn.execute(
        "SELECT body FROM events WHERE ent >= 'same_as:' AND ent < 'same_as;' AND kind = 'same_as'"
        " AND body IS NOT NULL"
    ):
        data = canonical.decode(body, checked=False)
        pair = [str(s) for s in data.get("students", [])]
        if len(pair) == 2:
            out.append((pair[0], pair[1]))
    return sorted(out)


def case_json(case: IdentityCase) -> dict[str, Any]:
    """A case as plain data (IDs masked), for `--json` and reports."""
    from dropout_ledger.model.identity import mask_id_number, mask_xjh

    def side(e: Enrolment) -> dict[str, Any]:
        return {"student_id": e.student_id, "school": e.org, "school_name": e.school_name,
                "name": e.name, "birth_date": e.birth_date, "grade": e.grade,
                "id_number": mask_id_number(e.id_number), "xjh": mask_xjh(e.xjh),
                "status": e.status}

    return {"case": case.case_id, "kind": case.kind, "title": case.title,
            "a": side(case.a), "b": side(case.b)}
