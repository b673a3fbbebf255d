"""Projections: the tables people read, maintained from events and rebuildable from them.

`apply(conn, event)` is the only code that writes projection tables, both while the app works
(one event at a time, inside the write transaction) and during a full rebuild. The result is a
function of the *set* of events: per-field registers keep every concurrent head and show the
one with the highest (authority rank, Lamport clock, event id); statuses are ordered by
(effective date, Lamport clock, event id). That is what makes `verify` meaningful and sync a plain
set union: every handler here must give the same tables whatever order the events arrive in
(tests/sync/test_merge_laws.py applies random permutations of real ledgers' events).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from dropout_ledger import canonical
from dropout_ledger.model.names import name_initials, search_keys
from dropout_ledger.model.records import RECORD_KINDS
from dropout_ledger.model.student import STUDENT_SPECS
from dropout_ledger.store import schema
from dropout_ledger.store import sqlite as sqlite3
from dropout_ledger.store.events import Event, iter_events

# Identity fields where the county's register outranks the school's (sync.md §c.5): when the
# county and a school edit one concurrently, the county's value is shown and the school's is kept
# as overridden. An edit made after seeing the county's value supersedes it as usual.
COUNTY_PRECEDENCE: frozenset[str] = frozenset(
    {"name", "sex", "birth_date", "id_type", "id_number", "xjh"})


def authority_rank(ent: str, field: str, org: str) -> int:
    """1 for a county's value of a student's county-precedence field, else 0."""
    ranked = field in COUNTY_PRECEDENCE and org.startswith("C:") and ent.startswith("student:")
    return 1 if ranked else 0


@dataclass(frozen=True)
class Head:
    """One current value of a field: the event that wrote it, its clock, its canonical JSON, and
    its authority rank (`authority_rank`)."""

    eid: str
    lc: int
    value: str
    rank: int = 0


def create_tables(conn: sqlite3.Connection) -> None:
    for statement in schema.projection_ddl():
        conn.execute(statement)


def drop_tables(conn: sqlite3.Connection) -> None:
    for table in schema.PROJECTION_TABLES:
        conn.execute(f"DROP TABLE IF EXISTS {table}")


def rebuild(conn: sqlite3.Connection, *, drop: bool = True) -> int:
    """Recreate every projection from the events; returns the number of events applied.

    `drop=False` builds into a fresh scratch database whose events live in an attached one.
    """
    if drop:
        drop_tables(conn)
    create_tables(conn)
    count = 0
    for event in iter_events(conn):
        apply(conn, event, search=False)
        count += 1
    index_all(conn)
    return count


def apply(conn: sqlite3.Connection, event: Event, *, search: bool = True) -> None:
    """Fold one event into the projections. Unknown kinds are stored but not projected.

    `search=False` leaves the search index alone, for a rebuild that indexes every student at
    the end (`index_all`): kept event by event it made a 150k rebuild 16 s (38 %) slower, in one
    pass it costs about 5 s.
    """
    handler = _HANDLERS.get(event.kind)
    if handler is None:
        return
    student = _searchable_student(event) if search else ""
    before = _search_row(conn, student) if student else None
    handler(conn, event)
    if student:
        _reindex(conn, student, before)


# --- targets -------------------------------------------------------------------------------


def _target(ent: str) -> tuple[str, str] | None:
    """(table, row id) for entities projected into a row; None for settings entities."""
    prefix, _, rest = ent.partition(":")
    if prefix == "student":
        return "students", rest
    if prefix in RECORD_KINDS:
        return f"rec_{prefix}", rest
    return None


def to_column(value: Any) -> Any:
    """A canonical value as stored in a projection column."""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, list | dict):
        return canonical.encode(value, checked=False).decode()
    return value


def _ensure_row(conn: sqlite3.Connection, table: str, row_id: str, lc: int) -> None:
    """A placeholder row, for edits that arrive (by sync) before the record's creation."""
    student = ", student_id" if table != "students" else ""
    blank = ", ''" if table != "students" else ""
    conn.execute(
        f"INSERT OR IGNORE INTO {table} (id{student}, updated_lc) VALUES (?{blank}, ?)",
        (row_id, lc),
    )


def _touch(conn: sqlite3.Connection, table: str, row_id: str, lc: int) -> None:
    conn.execute(
        f"UPDATE {table} SET updated_lc = max(updated_lc, ?) WHERE id = ?", (lc, row_id)
    )


_COLUMNS: dict[str, frozenset[str]] = {
    "students": frozenset(STUDENT_SPECS),
    **{f"rec_{k}": frozenset(f.name for f in kind.fields) for k, kind in RECORD_KINDS.items()},
}


def _known_column(table: str, field: str) -> bool:
    return field in _COLUMNS[table]


# --- field registers -----------------------------------------------------------------------


def current_heads(conn: sqlite3.Connection, ent: str, field: str) -> list[Head]:
    """The field's concurrent values; the creating event is the implicit head until edited."""
    rows = conn.execute(
        "SELECT eid, lc, value, rank FROM field_heads WHERE ent = ? AND field = ?", (ent, field)
    ).fetchall()
    if rows:
        return [Head(*row) for row in rows]
    created = _created_value(conn, ent, field)
    return [created] if created is not None else []


def _created_value(conn: sqlite3.Connection, ent: str, field: str) -> Head | None:
    row = conn.execute(
        "SELECT e.eid, e.lc, e.body, e.org FROM entities n JOIN events e ON e.eid = n.created_eid"
        " WHERE n.ent = ?",
        (ent,),
    ).fetchone()
    if row is None or row[2] is None:
        return None
    fields = canonical.decode(row[2], checked=False).get("fields", {})
    if field not in fields or _superseded(conn, row[0], ent, field):
        return None
    return Head(row[0], row[1], canonical.encode(fields[field], checked=False).decode(),
                authority_rank(ent, field, row[3]))


def _superseded(conn: sqlite3.Connection, eid: str, ent: str, field: str) -> bool:
    found = conn.execute(
        "SELECT 1 FROM event_base WHERE base_eid = ? AND key = ?", (eid, f"{ent}#{field}")
    ).fetchone()
    return found is not None


def winner(heads: list[Head]) -> Head:
    """The head shown to people: highest authority rank, then Lamport clock, then event id.

    The rank is 0 everywhere except a county's value of a county-precedence field, so the county
    wins a tie with a school there, and (lc, eid) decides everything else.
    """
    return max(heads, key=lambda h: (h.rank, h.lc, h.eid))


def _set_field(conn: sqlite3.Connection, ent: str, field: str, heads: list[Head]) -> None:
    conn.execute("DELETE FROM field_heads WHERE ent = ? AND field = ?", (ent, field))
    conn.executemany(
        "INSERT INTO field_heads (ent, field, eid, lc, value, rank) VALUES (?, ?, ?, ?, ?, ?)",
        [(ent, field, h.eid, h.lc, h.value, h.rank) for h in heads],
    )
    if len({h.value for h in heads}) > 1:
        listed = canonical.encode(sorted(h.eid for h in heads)).decode()
        conn.execute(
            "INSERT OR REPLACE INTO conflicts (ent, field, heads) VALUES (?, ?, ?)",
            (ent, field, listed),
        )
    else:
        conn.execute("DELETE FROM conflicts WHERE ent = ? AND field = ?", (ent, field))
    if heads:
        _write_value(conn, ent, field, canonical.decode(winner(heads).value.encode(), checked=False))


def _write_value(conn: sqlite3.Connection, ent: str, field: str, value: Any) -> None:
    target = _target(ent)
    if target is None:
        conn.execute(
            "INSERT OR REPLACE INTO settings (ent, field, value) VALUES (?, ?, ?)",
            (ent, field, canonical.encode(value, checked=False).decode()),
        )
    elif _known_column(target[0], field):
        conn.execute(
            f"UPDATE {target[0]} SET {field} = ? WHERE id = ?", (to_column(value), target[1])
        )
        if target[0] == "students" and field == "name":
            conn.execute("UPDATE students SET name_initials = ? WHERE id = ?",
                         (name_initials(value), target[1]))


# --- handlers ------------------------------------------------------------------------------


def _head(event: Event, field: str, value: Any) -> Head:
    """The head `event` writes for `field`."""
    return Head(event.eid, event.lc, canonical.encode(value, checked=False).decode(),
                authority_rank(event.ent, field, event.org))


def _on_create(conn: sqlite3.Connection, event: Event) -> None:
    """student_create, record_add, entity_create: a new entity with its initial fields."""
    fields: dict[str, Any] = event.body.get("fields", {})
    inserted = conn.execute(
        "INSERT OR IGNORE INTO entities (ent, created_eid, created_lc) VALUES (?, ?, ?)",
        (event.ent, event.eid, event.lc),
    ).rowcount
    if not inserted:  # created before, by another event (each event is applied once)
        _on_second_create(conn, event, fields)
        return
    target = _target(event.ent)
    if target is not None:
        _insert_row(conn, target, event, fields)
    explicit: dict[str, list[Head]] = {}
    for field, *head in conn.execute(
        "SELECT field, eid, lc, value, rank FROM field_heads WHERE ent = ?", (event.ent,)
    ):
        explicit.setdefault(field, []).append(Head(*head))
    for field, value in fields.items():
        if field in explicit:  # edits arrived first: the creation is one more head unless superseded
            heads = explicit[field]
            if not _superseded(conn, event.eid, event.ent, field):
                heads.append(_head(event, field, value))
            _set_field(conn, event.ent, field, heads)
        elif target is None:
            _write_value(conn, event.ent, field, value)
    if event.kind == "record_add":
        _after_record_change(conn, event.ent)


def _on_second_create(conn: sqlite3.Connection, event: Event, fields: dict[str, Any]) -> None:
    """Another creation of an entity that exists (a reinstalled school's `org:` entity).

    Both creations are concurrent writes of every field they name: each field of either becomes
    an explicit register with both values as heads, and the entity's creation is the earlier one
    by (lc, eid). Whichever of them arrives first, the tables end up the same.
    """
    first = conn.execute(
        "SELECT e.body, n.created_lc, n.created_eid FROM entities n"
        " JOIN events e ON e.eid = n.created_eid WHERE n.ent = ?",
        (event.ent,),
    ).fetchone()
    first_fields = canonical.decode(first[0], checked=False).get("fields", {}) if first and \
        first[0] is not None else {}
    earlier = (first[1], first[2]) if first else (event.lc, event.eid)
    for field in sorted(set(first_fields) | set(fields)):
        heads = current_heads(conn, event.ent, field)  # the earlier creation's, explicit now
        if field in fields and not _superseded(conn, event.eid, event.ent, field):
            heads.append(_head(event, field, fields[field]))
        _set_field(conn, event.ent, field, heads)
    if (event.lc, event.eid) < earlier:
        conn.execute("UPDATE entities SET created_eid = ?, created_lc = ? WHERE ent = ?",
                     (event.eid, event.lc, event.ent))
    target = _target(event.ent)
    if target is not None:
        conn.execute(
            f"UPDATE {target[0]} SET created_lc = min(coalesce(created_lc, ?), ?),"
            " updated_lc = max(updated_lc, ?) WHERE id = ?",
            (event.lc, event.lc, event.lc, target[1]),
        )
    if event.kind == "record_add":
        _after_record_change(conn, event.ent)


def _insert_row(
    conn: sqlite3.Connection, target: tuple[str, str], event: Event, fields: dict[str, Any]
) -> None:
    """One statement: insert the row, or fill the placeholder an earlier edit left."""
    table, row_id = target
    columns = {k: to_column(v) for k, v in fields.items() if _known_column(table, k)}
    if table != "students":
        columns["student_id"] = fields.get("student_id", "")
    else:
        columns["org"] = event.org
        if "name" in fields:
            columns["name_initials"] = name_initials(fields["name"])
    columns["created_lc"] = event.lc
    names = ", ".join(columns)
    marks = ", ".join("?" for _ in columns)
    updates = ", ".join(f"{name} = excluded.{name}" for name in columns)
    conn.execute(
        f"INSERT INTO {table} (id, {names}, updated_lc) VALUES (?, {marks}, ?)"
        f" ON CONFLICT (id) DO UPDATE SET {updates},"
        f" updated_lc = max({table}.updated_lc, excluded.updated_lc)",
        (row_id, *columns.values(), event.lc),
    )


def _on_update(conn: sqlite3.Connection, event: Event) -> None:
    """Field edits: each field's new heads are the old heads minus `base`, plus this edit."""
    target = _target(event.ent)
    if target is not None:
        _ensure_row(conn, *target, event.lc)
        _touch(conn, *target, event.lc)
    for field, change in event.body.get("fields", {}).items():
        base = set(change.get("base", []))
        key = f"{event.ent}#{field}"
        conn.executemany(
            "INSERT OR IGNORE INTO event_base (eid, key, base_eid) VALUES (?, ?, ?)",
            [(event.eid, key, b) for b in base],
        )
        heads = [h for h in current_heads(conn, event.ent, field) if h.eid not in base]
        if not _superseded(conn, event.eid, event.ent, field):
            heads.append(_head(event, field, change["value"]))
        _set_field(conn, event.ent, field, heads)
    if event.ent.startswith(("escalation:", "case:")):
        _after_record_change(conn, event.ent)


def status_key(student_id: str) -> str:
    """The `event_base` key of a student's status log (each fact's `base` is the tip it saw)."""
    return f"status:{student_id}"


def _on_status(conn: sqlite3.Connection, event: Event) -> None:
    body = event.body
    closure = body.get("closure") or {}
    student_id = body["student_id"]
    if body.get("base"):
        conn.executemany(
            "INSERT OR IGNORE INTO event_base (eid, key, base_eid) VALUES (?, ?, ?)",
            [(event.eid, status_key(student_id), b) for b in body["base"]],
        )
    # A retraction may have arrived before its target: it is applied as the fact lands.
    conn.execute(
        "INSERT INTO status_facts (eid, student_id, code, effective_date, lc, reason_code,"
        " reason_text, case_id, closure_reason, closure_evidence, attachments, note, operator,"
        " retracted, retract_reason)"
        " VALUES (?1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
        " EXISTS (SELECT 1 FROM retractions WHERE target = ?1),"
        " (SELECT reason FROM retractions WHERE target = ?1 ORDER BY lc, eid LIMIT 1))",
        (
            event.eid, student_id, body["code"], body["effective_date"], event.lc,
            body.get("reason_code", ""), body.get("reason_text", ""), body.get("case_id") or None,
            closure.get("reason"), closure.get("evidence"),
            to_column(closure.get("attachments", [])), body.get("note", ""), event.who["name"],
        ),
    )
    _ensure_row(conn, "students", student_id, event.lc)
    _touch(conn, "students", student_id, event.lc)
    refresh_status(conn, student_id)


def _retraction(conn: sqlite3.Connection, target: str) -> str | None:
    """The reason of the earliest (lc, eid) retraction of `target`; None if not retracted.

    Several people may retract one thing; the first retraction's reason is shown, whatever
    order they arrive in.
    """
    row = conn.execute(
        "SELECT reason FROM retractions WHERE target = ? ORDER BY lc, eid LIMIT 1", (target,)
    ).fetchone()
    return None if row is None else str(row[0])


def _on_retract(conn: sqlite3.Connection, event: Event) -> None:
    """A retraction hides a status fact (by event id) or a whole student or record.

    Every retraction is kept in `retractions`, so a status fact or record that arrives after
    its retraction is hidden as it lands, and the reason shown does not depend on arrival order.
    """
    target_eid = event.body.get("target", "")
    conn.execute(
        "INSERT OR IGNORE INTO retractions (target, eid, lc, reason) VALUES (?, ?, ?, ?)",
        (target_eid or event.ent, event.eid, event.lc, event.body.get("reason", "")),
    )
    reason = _retraction(conn, target_eid or event.ent)
    if target_eid:
        row = conn.execute(
            "SELECT student_id FROM status_facts WHERE eid = ?", (target_eid,)
        ).fetchone()
        conn.execute(
            "UPDATE status_facts SET retracted = 1, retract_reason = ? WHERE eid = ?",
            (reason, target_eid),
        )
        if row:
            refresh_status(conn, row[0], retracting=True)
        return
    target = _target(event.ent)
    if target is None:
        return
    _ensure_row(conn, *target, event.lc)
    conn.execute(
        f"UPDATE {target[0]} SET retracted = 1, retract_reason = ? WHERE id = ?",
        (reason, target[1]),
    )
    _touch(conn, *target, event.lc)
    _after_record_change(conn, event.ent)


def _on_replica_start(conn: sqlite3.Connection, event: Event) -> None:
    body = event.body
    conn.execute(
        "INSERT OR REPLACE INTO replicas (rep, org, parent_rep, parent_seq, reason, started_lc)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        (event.rep, event.org, body.get("parent_rep"), body.get("parent_seq"),
         body.get("reason", ""), event.lc),
    )


def _on_attachment(conn: sqlite3.Connection, event: Event) -> None:
    body = event.body
    # Two computers may add the same file under different names: keep the earliest by
    # (lc, name, mime, size), so the row does not depend on which arrived first.
    conn.execute(
        "INSERT INTO attachments (hash, name, mime, size, lc) VALUES (?, ?, ?, ?, ?)"
        " ON CONFLICT (hash) DO UPDATE SET name = excluded.name, mime = excluded.mime,"
        " size = excluded.size, lc = excluded.lc"
        " WHERE (excluded.lc, excluded.name, excluded.mime, excluded.size)"
        " < (attachments.lc, attachments.name, attachments.mime, attachments.size)",
        (body["sha256"], body["name"], body["mime"], body["size"], event.lc),
    )


# --- the search index ----------------------------------------------------------------------

# What a student is found by, as stored in `students`: rowid, name, initials, ID number, 学籍号.
_SearchRow = tuple[int, str | None, str, str | None, str | None]


def _searchable_student(event: Event) -> str:
    """The student whose name, numbers or retraction this event may change ('' for none)."""
    prefix, _, student_id = event.ent.partition(":")
    if prefix == "student" and event.kind in ("student_create", "update", "retract"):
        return student_id
    return ""


def _search_row(conn: sqlite3.Connection, student_id: str) -> _SearchRow | None:
    """The searchable columns of a live student; None if retracted or not (yet) there."""
    row = conn.execute(
        "SELECT rowid, name, name_initials, id_number, xjh FROM students"
        " WHERE id = ? AND retracted = 0",
        (student_id,),
    ).fetchone()
    return None if row is None else (row[0], row[1], row[2], row[3], row[4])


def _codes(row: _SearchRow | None) -> str:
    return " ".join(code for code in (row[3], row[4]) if code) if row else ""


def index_all(conn: sqlite3.Connection, batch: int = 10_000) -> None:
    """Fill the empty search index from every live student (a rebuild's last step).

    The same keys and codes as `_reindex` writes one student at a time, so `verify` also checks
    the incremental upkeep against this one.
    """
    rows = conn.execute(
        "SELECT rowid, name, name_initials, id_number, xjh, id FROM students WHERE retracted = 0"
    )
    while chunk := rows.fetchmany(batch):
        conn.executemany(
            "INSERT INTO search_keys (key, student_id) VALUES (?, ?)",
            [(key, r[5]) for r in chunk for key in search_keys(r[1] or "", r[2])],
        )
        conn.executemany(
            "INSERT INTO search_codes (rowid, codes, student_id) VALUES (?, ?, ?)",
            [(r[0], _codes(r[:5]), r[5]) for r in chunk if _codes(r[:5])],
        )


def _reindex(conn: sqlite3.Connection, student_id: str, before: _SearchRow | None) -> None:
    """Bring the student's search keys and codes from `before` to what the row holds now.

    Only the difference is written, so editing an address costs two primary-key reads. The
    index depends on the row alone, never on the order events arrived in (verify compares it).
    """
    after = _search_row(conn, student_id)
    if after == before:
        return
    old = search_keys(before[1] or "", before[2]) if before else set()
    new = search_keys(after[1] or "", after[2]) if after else set()
    conn.executemany(
        "DELETE FROM search_keys WHERE key = ? AND student_id = ?",
        [(key, student_id) for key in old - new],
    )
    conn.executemany(
        "INSERT OR IGNORE INTO search_keys (key, student_id) VALUES (?, ?)",
        [(key, student_id) for key in new - old],
    )
    if _codes(before) != _codes(after) or (before and after and before[0] != after[0]):
        if before and _codes(before):
            conn.execute("DELETE FROM search_codes WHERE rowid = ?", (before[0],))
        if after and _codes(after):
            conn.execute(
                "INSERT INTO search_codes (rowid, codes, student_id) VALUES (?, ?, ?)",
                (after[0], _codes(after), student_id),
            )


# --- derived state: current status, cases, escalation stage ---------------------------------


def refresh_status(conn: sqlite3.Connection, student_id: str, *, retracting: bool = False) -> None:
    """Current status = the last non-retracted fact by (effective date, clock, id).

    Also keeps the student's status conflict (a fork of the log whose tips disagree) up to date;
    `retracting` says a fact has just been hidden, so a conflict may have ended.
    """
    live = conn.execute(
        "SELECT eid, code, effective_date, reason_code, case_id FROM status_facts"
        " WHERE student_id = ? AND retracted = 0"
        " ORDER BY effective_date DESC, lc DESC, eid DESC",
        (student_id,),
    ).fetchall()
    code, date, reason, case_id = live[0][1:] if live else (None, None, None, None)
    open_case = case_id if code in ("suspected", "dropped_out") else None
    conn.execute(
        "UPDATE students SET status = ?, status_date = ?, status_reason = ?, case_id = ?"
        " WHERE id = ?",
        (code, date, reason, open_case, student_id),
    )
    for (case,) in conn.execute(
        "SELECT id FROM rec_case WHERE student_id = ?", (student_id,)
    ).fetchall():
        _refresh_case_closure(conn, case)
    if len(live) > 1 or retracting:  # one live fact cannot be in conflict, nor have been
        _refresh_status_conflict(conn, student_id, {row[0]: row[1] for row in live})


def status_heads(conn: sqlite3.Connection, student_id: str) -> list[tuple[str, str]]:
    """The tips of a student's status log as (eid, code): live facts no live fact descends from.

    Each fact's `base` names the tip its author saw. A fact is superseded when a non-retracted
    fact reaches it through `base` links (through retracted facts too: retracting the middle of
    a log does not revive its start). Two tips are two branches written without seeing each
    other, on two computers.
    """
    live = dict(conn.execute(
        "SELECT eid, code FROM status_facts WHERE student_id = ? AND retracted = 0",
        (student_id,),
    ).fetchall())
    return _heads_of(conn, student_id, live)


def _heads_of(
    conn: sqlite3.Connection, student_id: str, live: dict[str, str]
) -> list[tuple[str, str]]:
    if len(live) < 2:
        return sorted(live.items())
    parents: dict[str, list[str]] = {}
    for child, parent in conn.execute(
        "SELECT b.eid, b.base_eid FROM status_facts f"
        " JOIN event_base b ON b.base_eid = f.eid AND b.key = ? WHERE f.student_id = ?",
        (status_key(student_id), student_id),
    ):
        parents.setdefault(child, []).append(parent)
    superseded: set[str] = set()
    stack = [p for eid in live for p in parents.get(eid, [])]
    while stack:
        eid = stack.pop()
        if eid not in superseded:
            superseded.add(eid)
            stack.extend(parents.get(eid, []))
    return sorted((eid, code) for eid, code in live.items() if eid not in superseded)


def _refresh_status_conflict(
    conn: sqlite3.Connection, student_id: str, live: dict[str, str]
) -> None:
    """A "状态冲突": the log's tips disagree on the status (same status twice is no conflict)."""
    ent = f"student:{student_id}"
    heads = _heads_of(conn, student_id, live) if len(set(live.values())) > 1 else []
    if len({code for _, code in heads}) > 1:
        listed = canonical.encode(sorted(eid for eid, _ in heads)).decode()
        conn.execute(
            "INSERT OR REPLACE INTO conflicts (ent, field, heads) VALUES (?, 'status', ?)",
            (ent, listed),
        )
    else:
        conn.execute("DELETE FROM conflicts WHERE ent = ? AND field = 'status'", (ent,))


def _refresh_case_closure(conn: sqlite3.Connection, case_id: str) -> None:
    """A case is closed (销号) by its first non-retracted status fact carrying a closure."""
    row = conn.execute(
        "SELECT effective_date, closure_reason, closure_evidence FROM status_facts"
        " WHERE case_id = ? AND retracted = 0 AND closure_reason IS NOT NULL"
        " ORDER BY effective_date, lc, eid LIMIT 1",
        (case_id,),
    ).fetchone()
    conn.execute(
        "UPDATE rec_case SET closed_date = ?, closure_reason = ?, closure_evidence = ?"
        " WHERE id = ?",
        (*(row or (None, None, None)), case_id),
    )


def _refresh_case_stage(conn: sqlite3.Connection, case_id: str) -> None:
    """The escalation stage (L0–L8) of a case is that of its latest non-retracted step."""
    row = conn.execute(
        "SELECT stage FROM rec_escalation WHERE case_id = ? AND retracted = 0"
        " ORDER BY date DESC, created_lc DESC, id DESC LIMIT 1",
        (case_id,),
    ).fetchone()
    conn.execute("UPDATE rec_case SET stage = ? WHERE id = ?", (row[0] if row else None, case_id))


def _after_record_change(conn: sqlite3.Connection, ent: str) -> None:
    kind, _, record_id = ent.partition(":")
    if kind == "escalation":
        row = conn.execute(
            "SELECT case_id FROM rec_escalation WHERE id = ?", (record_id,)
        ).fetchone()
        if row and row[0]:
            _refresh_case_stage(conn, row[0])
    elif kind == "case":
        _refresh_case_stage(conn, record_id)
        _refresh_case_closure(conn, record_id)


_HANDLERS: dict[str, Callable[[sqlite3.Connection, Event], None]] = {
    "student_create": _on_create,
    "record_add": _on_create,
    "entity_create": _on_create,
    "update": _on_update,
    "status": _on_status,
    "retract": _on_retract,
    "replica_start": _on_replica_start,
    "attachment_add": _on_attachment,
}
