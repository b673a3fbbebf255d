"""County lists (脱贫户 / 低保 / 特困 …): versioned at the county, sliced per school (sync.md §c.5).

The county imports a list of ID numbers with their category as one `list_version` event on
`list:<name>` (county-only, never exported: it names children of every school and children on no
school's roll). A school must see only its own pupils' rows (data minimisation, §c.5), so each
school gets a *slice*: a `list_version` event on `list:<name>@S:<code>` whose rows name that
school's pupils by their student id, with the category and the list version it was cut from.

Why a slice event and not filtering at export: an event is immutable and signed by its hash, so
the rows a school receives must be an event of their own; and a slice made when the package is
written (not when the list is published) also follows pupils who joined the school since — the
exporter calls `refresh_slice` for each school it writes to, which emits a new slice revision
only when the rows differ from the last one the school was sent.

The school derives the official flag from the newest slice of each list (`official_categories`):
no projection table, because the slices are a few hundred rows read on demand. Its own
`economic_category` (家庭自述 / the school's record) stays school-owned and is shown beside it
("县里名单显示为低保户").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from dropout_ledger import canonical
from dropout_ledger.errors import InputRefused, Problem, ValidationError
from dropout_ledger.model import codes
from dropout_ledger.store import sqlite as sqlite3
from dropout_ledger.sync.persons import id_key

if TYPE_CHECKING:
    from dropout_ledger.ledger import Ledger, Writer

KIND = "list_version"
PREFIX = "list:"
SLICE_SEPARATOR = "@"
_NAME = re.compile(r"[a-z][a-z0-9_]{0,29}")
LIST_CATEGORIES: frozenset[str] = codes.codes_of(codes.ECONOMIC_CATEGORIES)
"""The categories a county list row may carry: the economic-category codes (脱贫户, 防返贫监测户,
低保户, 特困供养)."""


@dataclass(frozen=True)
class ListVersion:
    """One published county list: its name, title, version and number of rows."""

    name: str
    title: str
    version: int
    rows: int


@dataclass(frozen=True)
class OfficialFlag:
    """What the county's lists say about one pupil: the categories, each with its list."""

    categories: tuple[str, ...]
    lists: tuple[tuple[str, int], ...]
    """(list title, version) of every list naming the pupil."""

    @property
    def labels(self) -> str:
        """"低保户、特困供养" — the categories' labels, for the student page."""
        return "、".join(codes.label_of(codes.ECONOMIC_CATEGORIES, c) for c in self.categories)

    @property
    def note(self) -> str:
        """The line shown beside the school's own category: 县里名单显示为…"""
        return f"县里名单显示为{self.labels}"


# --- the county: publishing ------------------------------------------------------------------


def _category(value: str) -> str:
    """A category code from a code or its Chinese label ("低保户" → "dibao"); "" if unknown."""
    text = value.strip()
    if text in LIST_CATEGORIES:
        return text
    for entry in codes.ECONOMIC_CATEGORIES:
        if text and (text == entry.label or entry.label.startswith(text)):
            return entry.code
    return ""


def publish_list(
    ledger: Ledger, name: str, rows: Iterable[tuple[str, str]], *, title: str = ""
) -> ListVersion:
    """Store a new version of the county list `name` from (ID number, category) rows.

    Categories may be codes or their labels (低保户, 特困供养 …). Every row is checked before
    anything is written: an unreadable ID number or an unknown category refuses the whole list
    with each bad row named, as the roster import does. Only a county ledger publishes lists.
    """
    if not ledger.org_id.startswith("C:"):
        raise InputRefused("县级名单只能由县教育局的台账导入。")
    if not _NAME.fullmatch(name):
        raise ValidationError(Problem("name", f"名单代号“{name}”不对", "请用小写英文字母和数字，如 poverty"))
    clean: dict[str, str] = {}
    problems: list[Problem] = []
    for line, (number, category) in enumerate(rows, start=1):
        key, code = id_key(number), _category(category)
        if not key:
            problems.append(Problem("id_number", "身份证号无法识别", "请核对这一行的身份证号", line))
        if not code:
            problems.append(Problem("category", f"类别“{category}”不是脱贫户、监测户、低保户或特困供养",
                                    "请改为这四类之一", line))
        if key and code:
            clean[key] = code
    if problems:
        raise ValidationError(problems)
    version = latest_version(ledger.conn, f"{PREFIX}{name}") + 1
    title = title.strip() or name
    body = {"name": name, "title": title, "version": version,
            "rows": [{"id_number": k, "category": clean[k]} for k in sorted(clean)]}
    with ledger.write() as w:
        w.emit(KIND, f"{PREFIX}{name}", body)
        w.emit("audit", "ledger", {"action": "publish_list", "list": name, "version": version,
                                   "rows": len(clean)})
        w.changes.flags.add("profile")
    return ListVersion(name, title, version, len(clean))


def _bodies(conn: sqlite3.Connection, ent: str) -> list[dict[str, Any]]:
    """Every list_version body of one entity, oldest first by (version, revision, lc)."""
    rows = conn.execute(
        "SELECT lc, body FROM events WHERE ent = ? AND kind = ? AND body IS NOT NULL",
        (ent, KIND)).fetchall()
    bodies = [(canonical.decode(body, checked=False), lc) for lc, body in rows]
    bodies.sort(key=lambda b: (int(b[0].get("version", 0)), int(b[0].get("revision", 0)), b[1]))
    return [b for b, _ in bodies]


def latest(conn: sqlite3.Connection, ent: str) -> dict[str, Any] | None:
    """The newest list_version body of `ent` (versions only move up); None if there is none."""
    found = _bodies(conn, ent)
    return found[-1] if found else None


def latest_version(conn: sqlite3.Connection, ent: str) -> int:
    body = latest(conn, ent)
    return int(body["version"]) if body else 0


def _list_ents(conn: sqlite3.Connection) -> list[str]:
    """Every `list:` entity held (a range on the entity index, not a pass over the events)."""
    rows = conn.execute("SELECT DISTINCT ent FROM events WHERE ent >= ? AND ent < ? AND kind = ?",
                        (PREFIX, "list;", KIND))
    return sorted(str(ent) for (ent,) in rows)


def full_lists(conn: sqlite3.Connection) -> dict[str, dict[str, Any]]:
    """The county's own lists (not slices): name → newest body."""
    out = {}
    for ent in _list_ents(conn):
        if SLICE_SEPARATOR not in ent:
            body = latest(conn, ent)
            if body is not None:
                out[ent[len(PREFIX):]] = body
    return out


def slice_ent(name: str, school: str) -> str:
    return f"{PREFIX}{name}{SLICE_SEPARATOR}{school}"


def slice_school(ent: str) -> str:
    """The school a slice entity is for; "" for a county's full list."""
    _, sep, school = ent.partition(SLICE_SEPARATOR)
    return school if sep else ""


def _pupil_ids(conn: sqlite3.Connection, school: str) -> dict[str, str]:
    """Normalised ID number → student id, for the school's live pupils."""
    out: dict[str, str] = {}
    for sid, number, xjh in conn.execute(
            "SELECT id, id_number, xjh FROM students WHERE org = ? AND retracted = 0", (school,)):
        key = id_key(number) or (id_key(xjh[1:]) if xjh and str(xjh).upper().startswith("G") else "")
        if key:
            out[key] = str(sid)
    return out


def slice_rows(full: Mapping[str, Any], pupils: Mapping[str, str]) -> list[dict[str, str]]:
    """The rows of a full list naming these pupils, by student id (no ID numbers travel)."""
    rows = [{"student_id": pupils[row["id_number"]], "category": row["category"]}
            for row in full.get("rows", []) if row.get("id_number") in pupils]
    return sorted(rows, key=lambda r: (r["student_id"], r["category"]))


def refresh_slice(w: Writer, school: str, lists: Mapping[str, Mapping[str, Any]] | None = None
                  ) -> int:
    """Emit a new slice of every county list for `school` whose rows changed; returns how many.

    Inside the exporter's write transaction. `lists` (from `full_lists`) may be passed in by a
    caller writing many schools' packages, so the full lists are decoded once.
    """
    conn = w.conn
    lists = full_lists(conn) if lists is None else lists
    if not lists:
        return 0
    pupils = _pupil_ids(conn, school)
    made = 0
    for name, full in sorted(lists.items()):
        ent = slice_ent(name, school)
        rows = slice_rows(full, pupils)
        last = latest(conn, ent)
        if last is not None and last.get("rows") == rows and last.get("version") == full["version"]:
            continue  # the school holds exactly this already
        revision = int(last.get("revision", 0)) + 1 if last else 1
        w.emit(KIND, ent, {"name": name, "title": full.get("title", name),
                           "version": int(full["version"]), "revision": revision,
                           "school": school, "rows": rows})
        made += 1
    return made


# --- the school: what the county's lists say -----------------------------------------------


def official_categories(ledger: Ledger) -> dict[str, OfficialFlag]:
    """Student id → what the county's lists (this school's slices) say about the pupil.

    Pupils on no list are absent. On a county ledger: every school's slices together.
    """
    conn = ledger.conn
    found: dict[str, dict[str, set[Any]]] = {}
    for ent in _list_ents(conn):
        school = slice_school(ent)
        if not school or (ledger.org_id.startswith("S:") and school != ledger.org_id):
            continue
        body = latest(conn, ent)
        if body is None:
            continue
        title, version = str(body.get("title", "")), int(body.get("version", 0))
        for row in body.get("rows", []):
            entry = found.setdefault(str(row["student_id"]), {"categories": set(), "lists": set()})
            entry["categories"].add(str(row["category"]))
            entry["lists"].add((title, version))
    return {sid: OfficialFlag(tuple(sorted(e["categories"])), tuple(sorted(e["lists"])))
            for sid, e in found.items()}


def has_lists(ledger: Ledger) -> bool:
    """Whether any county list slice for this school has arrived (else nothing is compared)."""
    return any(slice_school(ent) == ledger.org_id for ent in _list_ents(ledger.conn))


@dataclass(frozen=True)
class ListDifference:
    """A pupil whose own economic category differs from what the county's list says."""

    student_id: str
    name: str
    own: str
    """The school's own economic_category code ("" for none)."""
    official: str
    """The county lists' categories joined by "、" as labels ("" for none)."""
    text: str


def differences(ledger: Ledger) -> list[ListDifference]:
    """Pupils on the roll where the school's record and the county's lists disagree.

    Only once a slice has arrived: before that, "not on the list" means nothing. A pupil on the
    list whose school record has another (or no) category, and a pupil the school records in a
    list category who is on none of the county's lists, are both differences (§c.5: "县里名单显示
    为建档立卡户，本校记录不同").
    """
    if not has_lists(ledger):
        return []
    official = official_categories(ledger)
    out = []
    for sid, name, own in ledger.conn.execute(
            "SELECT id, coalesce(name, ''), coalesce(economic_category, '') FROM students"
            " WHERE org = ? AND retracted = 0 ORDER BY grade, class_name, name", (ledger.org_id,)):
        flag = official.get(sid)
        if flag is not None and own not in flag.categories:
            mine = codes.label_of(codes.ECONOMIC_CATEGORIES, own) if own else "未填"
            out.append(ListDifference(sid, name, own, flag.labels,
                                      f"{flag.note}，本校记录为{mine}"))
        elif flag is None and own in LIST_CATEGORIES:
            mine = codes.label_of(codes.ECONOMIC_CATEGORIES, own)
            out.append(ListDifference(sid, name, own, "",
                                      f"本校记录为{mine}，县里名单中没有该生"))
    return out
