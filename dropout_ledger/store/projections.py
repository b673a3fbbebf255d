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

import dataclasses
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


# --- the bulk fold: entities the ledger has never seen ----------------------------------------


class Unsupported(Exception):
    """An event sequence the in-memory fold does not mirror; it goes through `apply` instead."""


@dataclass
class FreshFold:
    """The projection rows of one pupil the ledger has never seen, folded in memory.

    Why: at the county almost every event of a school's package is about a pupil the county has
    never seen, and folding those one by one costs ~12 SQL statements per event (bench_sync:
    two thirds of the merge). This class mirrors the handlers above on Python dicts for the
    shapes such a pupil's history has — its creation, its records' creations, field edits and
    status facts, each after the creation of what it touches — and `write_fresh` inserts the
    resulting rows with one `executemany` per table. Anything else (a retraction, a second
    creation, an edit or status arriving before its entity, an odd type in a sort key) raises
    `Unsupported` and the caller folds that pupil with `apply` as before.

    The caller (sync/merge.py) guarantees the pupil is isolated: the ledger holds nothing about
    it (no events of its entities, no rows naming it, its cases or its events), and no other
    event in the package refers across to it, so reading "the ledger" here means reading these
    dicts. The rows must equal what `apply` writes, byte for byte: tests/sync/test_bulk_fold.py
    compares both on random histories and `merge.self_check` re-folds a sample with `apply`.
    """

    entities: dict[str, tuple[str, int]] = dataclasses.field(default_factory=dict)
    created: dict[str, Event] = dataclasses.field(default_factory=dict)
    rows: dict[str, dict[str, dict[str, Any]]] = dataclasses.field(default_factory=dict)
    heads: dict[tuple[str, str], list[Head]] = dataclasses.field(default_factory=dict)
    base: set[tuple[str, str, str]] = dataclasses.field(default_factory=set)
    """`event_base` rows as (base_eid, key, eid)."""
    based: set[tuple[str, str]] = dataclasses.field(default_factory=set)
    """(base_eid, key) of `base`: what `_superseded` looks up."""
    conflicts: dict[tuple[str, str], str] = dataclasses.field(default_factory=dict)
    facts: dict[str, dict[str, Any]] = dataclasses.field(default_factory=dict)

    def fold(self, event: Event) -> None:
        """Mirror `apply(conn, event)` (search index aside: it is derived from the final row)."""
        if event.kind in ("student_create", "record_add"):
            self._create(event)
        elif event.kind == "update":
            self._update(event)
        elif event.kind == "status":
            self._status(event)
        else:
            raise Unsupported(event.kind)

    # handlers, each the mirror of the SQL one of the same name above

    def _row(self, ent: str) -> tuple[str, dict[str, Any]]:
        target = _target(ent)
        if target is None:
            raise Unsupported(ent)
        row = self.rows.get(target[0], {}).get(target[1])
        if row is None:  # `apply` would leave a placeholder row: not mirrored
            raise Unsupported(ent)
        return target[0], row

    def _create(self, event: Event) -> None:
        fields: dict[str, Any] = event.body.get("fields", {})
        target = _target(event.ent)
        if event.ent in self.entities or target is None:
            raise Unsupported(event.ent)
        table, row_id = target
        if row_id in self.rows.get(table, {}):
            raise Unsupported(event.ent)
        self.entities[event.ent] = (event.eid, event.lc)
        self.created[event.ent] = event
        known = _COLUMNS[table]
        columns = {k: v if v.__class__ in _AS_IS else to_column(v)
                   for k, v in fields.items() if k in known}
        if table != "students":
            columns["student_id"] = fields.get("student_id", "")
        else:
            columns["org"] = event.org
            if "name" in fields:
                columns["name_initials"] = name_initials(fields["name"])
        columns["created_lc"] = event.lc
        columns["updated_lc"] = event.lc
        for name in _COMPARED.intersection(columns):
            _plain(name, columns[name])
        self.rows.setdefault(table, {})[row_id] = columns
        if event.kind == "record_add":
            self._after_record_change(event.ent)

    def _update(self, event: Event) -> None:
        _, row = self._row(event.ent)
        row["updated_lc"] = max(row["updated_lc"], event.lc)
        for name, change in event.body.get("fields", {}).items():
            base = set(change.get("base", []))
            key = f"{event.ent}#{name}"
            for b in base:
                self.base.add((b, key, event.eid))
                self.based.add((b, key))
            heads = [h for h in self._current_heads(event.ent, name) if h.eid not in base]
            if (event.eid, key) not in self.based:
                heads.append(_head(event, name, change["value"]))
            self._set_field(event.ent, name, heads)
        if event.ent.startswith(("escalation:", "case:")):
            self._after_record_change(event.ent)

    def _current_heads(self, ent: str, name: str) -> list[Head]:
        explicit = self.heads.get((ent, name))
        if explicit:
            return list(explicit)
        creation = self.created.get(ent)
        if creation is None:
            return []
        fields = creation.body.get("fields", {})
        if name not in fields or (creation.eid, f"{ent}#{name}") in self.based:
            return []
        return [Head(creation.eid, creation.lc, canonical.encode(fields[name], checked=False)
                     .decode(), authority_rank(ent, name, creation.org))]

    def _set_field(self, ent: str, name: str, heads: list[Head]) -> None:
        if heads:
            self.heads[(ent, name)] = heads
        else:
            self.heads.pop((ent, name), None)
        if len({h.value for h in heads}) > 1:
            self.conflicts[(ent, name)] = canonical.encode(sorted(h.eid for h in heads)).decode()
        else:
            self.conflicts.pop((ent, name), None)
        if heads:
            value = canonical.decode(winner(heads).value.encode(), checked=False)
            table, row = self._row(ent)
            if _known_column(table, name):
                row[name] = _plain(name, to_column(value))
                if table == "students" and name == "name":
                    row["name_initials"] = name_initials(value)

    def _status(self, event: Event) -> None:
        body = event.body
        closure = body.get("closure") or {}
        student_id = _plain("student_id", body["student_id"])
        _plain("effective_date", body["effective_date"])
        _plain("case_id", body.get("case_id") or None)
        for b in body.get("base") or []:
            self.base.add((b, status_key(student_id), event.eid))
            self.based.add((b, status_key(student_id)))
        self.facts[event.eid] = {
            "eid": event.eid, "student_id": student_id, "code": body["code"],
            "effective_date": body["effective_date"], "lc": event.lc,
            "reason_code": body.get("reason_code", ""), "reason_text": body.get("reason_text", ""),
            "case_id": body.get("case_id") or None, "closure_reason": closure.get("reason"),
            "closure_evidence": closure.get("evidence"),
            "attachments": to_column(closure.get("attachments", [])), "note": body.get("note", ""),
            "operator": event.who["name"], "retracted": 0, "retract_reason": None,
        }
        _, row = self._row(f"student:{student_id}")
        row["updated_lc"] = max(row["updated_lc"], event.lc)
        self._refresh_status(student_id)

    def _refresh_status(self, student_id: str) -> None:
        live = sorted((f for f in self.facts.values() if f["student_id"] == student_id),
                      key=lambda f: (f["effective_date"], f["lc"], f["eid"]), reverse=True)
        first = live[0] if live else None
        code = first["code"] if first else None
        _, row = self._row(f"student:{student_id}")
        row["status"] = code
        row["status_date"] = first["effective_date"] if first else None
        row["status_reason"] = first["reason_code"] if first else None
        row["case_id"] = first["case_id"] if first and code in ("suspected", "dropped_out") \
            else None
        for case_id, case in self.rows.get("rec_case", {}).items():
            if case["student_id"] == student_id:
                self._refresh_case_closure(case_id)
        if len(live) > 1:
            self._refresh_status_conflict(student_id, {f["eid"]: f["code"] for f in live})

    def _refresh_status_conflict(self, student_id: str, live: dict[str, str]) -> None:
        ent = f"student:{student_id}"
        heads = self._heads_of(student_id, live) if len(set(live.values())) > 1 else []
        if len({code for _, code in heads}) > 1:
            self.conflicts[(ent, "status")] = canonical.encode(
                sorted(eid for eid, _ in heads)).decode()
        else:
            self.conflicts.pop((ent, "status"), None)

    def _heads_of(self, student_id: str, live: dict[str, str]) -> list[tuple[str, str]]:
        if len(live) < 2:
            return sorted(live.items())
        key = status_key(student_id)
        parents: dict[str, list[str]] = {}
        for base_eid, base_key, child in self.base:
            fact = self.facts.get(base_eid)
            if base_key == key and fact is not None and fact["student_id"] == student_id:
                parents.setdefault(child, []).append(base_eid)
        superseded: set[str] = set()
        stack = [p for eid in live for p in parents.get(eid, [])]
        while stack:
            eid = stack.pop()
            if eid not in superseded:
                superseded.add(eid)
                stack.extend(parents.get(eid, []))
        return sorted((eid, code) for eid, code in live.items() if eid not in superseded)

    def _refresh_case_closure(self, case_id: str) -> None:
        closing = [f for f in self.facts.values()
                   if f["case_id"] == case_id and f["closure_reason"] is not None]
        first = min(closing, key=lambda f: (f["effective_date"], f["lc"], f["eid"]),
                    default=None)
        case = self.rows.get("rec_case", {}).get(case_id)
        if case is not None:
            case["closed_date"] = first["effective_date"] if first else None
            case["closure_reason"] = first["closure_reason"] if first else None
            case["closure_evidence"] = first["closure_evidence"] if first else None

    def _refresh_case_stage(self, case_id: str) -> None:
        steps = [(row_id, step) for row_id, step in self.rows.get("rec_escalation", {}).items()
                 if step.get("case_id") == case_id]
        for _, step in steps:
            if not isinstance(step.get("date"), str):
                raise Unsupported("escalation date")  # NULLs and mixed types sort SQL's way
        latest = max(steps, key=lambda s: (s[1]["date"], s[1]["created_lc"], s[0]), default=None)
        case = self.rows.get("rec_case", {}).get(case_id)
        if case is not None:
            case["stage"] = latest[1].get("stage") if latest else None

    def _after_record_change(self, ent: str) -> None:
        kind, _, record_id = ent.partition(":")
        if kind == "escalation":
            row = self.rows.get("rec_escalation", {}).get(record_id)
            if row and row.get("case_id"):
                self._refresh_case_stage(row["case_id"])
        elif kind == "case":
            self._refresh_case_stage(record_id)
            self._refresh_case_closure(record_id)


_COMPARED = frozenset({"student_id", "case_id", "effective_date", "date", "name", "id_number",
                       "xjh"})
"""Columns the fold compares, sorts or indexes in Python: only text (or NULL) is mirrored, as
SQLite compares other types by its own rules (NULL first, numbers before text)."""


def _plain(name: str, value: Any) -> Any:
    if name in _COMPARED and value is not None and not isinstance(value, str):
        raise Unsupported(name)
    return value


_AS_IS = frozenset({str, int, float, type(None)})
"""Value classes `to_column` returns unchanged (bool is its own class: it becomes 0 or 1)."""

_FACT_COLUMNS = ("eid", "student_id", "code", "effective_date", "lc", "reason_code",
                 "reason_text", "case_id", "closure_reason", "closure_evidence", "attachments",
                 "note", "operator", "retracted", "retract_reason")


def write_fresh(conn: sqlite3.Connection, folds: list[FreshFold]) -> None:
    """Insert the rows of folded pupils: one `executemany` per table and column set.

    Plain INSERTs: a row that exists already is a broken isolation guarantee and must fail the
    import, not be skipped. The search index is written from each pupil's final row, which is
    what `_reindex` converges to and what `index_all` writes on a rebuild.
    """
    grouped: dict[tuple[str, tuple[str, ...]], list[tuple[Any, ...]]] = {}
    students: list[dict[str, Any]] = []
    for fold in folds:
        for table, rows in fold.rows.items():
            for row_id, row in rows.items():
                if table == "students":
                    students.append({"id": row_id, **row})
                    continue
                names = ("id", *sorted(row))
                grouped.setdefault((table, names), []).append((row_id, *(row[n] for n in
                                                                         names[1:])))
    first = int(conn.execute("SELECT coalesce(max(rowid), 0) FROM students").fetchone()[0])
    students.sort(key=lambda r: (r["created_lc"], r["id"]))
    keys: list[tuple[str, str]] = []
    codes: list[tuple[int, str, str]] = []
    for number, row in enumerate(students, start=first + 1):
        names = ("rowid", *sorted(row))
        row["rowid"] = number
        grouped.setdefault(("students", names), []).append(tuple(row[n] for n in names))
        searchable: _SearchRow = (number, row.get("name"), row.get("name_initials", ""),
                                  row.get("id_number"), row.get("xjh"))
        keys += [(key, row["id"]) for key in search_keys(searchable[1] or "", searchable[2])]
        if _codes(searchable):
            codes.append((number, _codes(searchable), row["id"]))
    for (table, names), values in grouped.items():
        marks = ", ".join("?" for _ in names)
        conn.executemany(f"INSERT INTO {table} ({', '.join(names)}) VALUES ({marks})", values)
    conn.executemany("INSERT INTO entities (ent, created_eid, created_lc) VALUES (?, ?, ?)",
                     [(ent, *made) for f in folds for ent, made in f.entities.items()])
    conn.executemany(
        f"INSERT INTO status_facts ({', '.join(_FACT_COLUMNS)})"
        f" VALUES ({', '.join('?' for _ in _FACT_COLUMNS)})",
        [tuple(fact[n] for n in _FACT_COLUMNS) for f in folds for fact in f.facts.values()])
    conn.executemany(
        "INSERT INTO field_heads (ent, field, eid, lc, value, rank) VALUES (?, ?, ?, ?, ?, ?)",
        [(ent, name, h.eid, h.lc, h.value, h.rank)
         for f in folds for (ent, name), heads in f.heads.items() for h in heads])
    conn.executemany("INSERT INTO event_base (base_eid, key, eid) VALUES (?, ?, ?)",
                     [row for f in folds for row in f.base])
    conn.executemany("INSERT INTO conflicts (ent, field, heads) VALUES (?, ?, ?)",
                     [(*where, heads) for f in folds for where, heads in f.conflicts.items()])
    conn.executemany("INSERT INTO search_keys (key, student_id) VALUES (?, ?)", keys)
    conn.executemany("INSERT INTO search_codes (rowid, codes, student_id) VALUES (?, ?, ?)",
                     codes)
