"""Merge validated events into the ledger: a set union, folded into the projections.

`merge` runs inside the caller's write transaction (BEGIN IMMEDIATE) and never commits: the
importer wraps it with the backup, the bookkeeping rows and the self-check, and commits once.
Each event is new (inserted and applied), already present (counted, nothing written), or new
but *forked*: another event holds the same replica and seq, or its chain link points past the
event this ledger holds at the previous seq (a disk clone, a ledger restored outside the app).
Forked events are kept like any other (sync.md §c.9.4: no data is ever dropped) and reported,
so the county can flag the school and send what it lost.

`self_check` re-reads what the merge wrote: every event present, every chain link among the
arrived events accounted for, and the touched students' projections equal to a recomputation
from their events alone in (lc, eid) order, in TEMP tables that shadow the real ones for the
moment of the check (sync.md §c.9.7).
"""

from __future__ import annotations

import hashlib
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from dropout_ledger.model.records import RECORD_KINDS
from dropout_ledger.store import projections, schema
from dropout_ledger.store import sqlite as sqlite3
from dropout_ledger.store.events import Event, decode_row
from dropout_ledger.sync.wire import WireEvent

_CHUNK = 500  # SQLite's default limit of host parameters is 32,766; stay far below it


@dataclass
class MergeResult:
    """What one merge did, for the import report and the self-check."""

    new_events: int = 0
    duplicate_events: int = 0
    forks: list[tuple[str, int]] = field(default_factory=list)
    """(replica, seq) where this ledger now holds two branches, sorted."""
    students: set[str] = field(default_factory=set)
    """Students whose rows, statuses or records the new events touched."""
    conflicts_opened: list[tuple[str, str]] = field(default_factory=list)
    """(entity, field) conflicts that exist now and did not before; field "status" for a
    student's status log."""
    conflicts_total: int = 0
    new_eids: list[str] = field(default_factory=list)
    """The inserted events, in the order they were applied ((lc, eid))."""
    lc_max: int = 0
    """The highest Lamport clock among the package's events (0 for none)."""
    bulk_students: set[str] = field(default_factory=set)
    """Students new to the ledger whose whole history arrived here, folded in bulk."""


def merge(conn: sqlite3.Connection, events: Sequence[WireEvent], *, package_sha: str,
          bulk: bool = True, present: Collection[str] | None = None) -> MergeResult:
    """Insert the events this ledger lacks (one `executemany`) and fold them into the projections.

    `events` must have passed `validate.validate`. `package_sha` (the file's SHA-256) is stored
    as each new event's `first_pkg`. Duplicates inside the package count as duplicates.
    Pupils the ledger has never seen are folded in memory and written in bulk (`fold_fresh`);
    every other event goes through `projections.apply` in (lc, eid) order. `bulk=False` folds
    everything one by one: the reference the bulk path is tested and self-checked against.
    `present`: the ids among `events` the ledger holds, when the caller has just looked them up.
    """
    if not conn.in_transaction:
        raise RuntimeError("merge must run inside the importer's write transaction")
    result = MergeResult()
    unique: dict[str, WireEvent] = {}
    for wire in events:
        if wire.eid in unique:
            result.duplicate_events += 1
        else:
            unique[wire.eid] = wire
    held = _present(conn, list(unique)) if present is None else set(present) & set(unique)
    result.duplicate_events += len(held)
    arriving = sorted((e for e in unique.values() if e.eid not in held),
                      key=lambda e: (e.header["lc"], e.eid))
    result.lc_max = max((e.header["lc"] for e in unique.values()), default=0)
    result.forks = _forks(conn, arriving)
    before = _open_conflicts(conn)
    folded = [to_event(arrived) for arrived in arriving]
    # Before the events are stored: `fold_fresh` asks whether the ledger holds any about them.
    folds, rest = fold_fresh(conn, folded) if bulk else ({}, folded)
    conn.executemany(
        "INSERT INTO events (eid, org, rep, seq, lc, kind, ent, prev, hdr, body, body_hash,"
        " first_pkg) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(a.eid, a.header["org"], a.header["rep"], a.header["seq"], a.header["lc"],
          a.header["kind"], a.header["ent"], a.header["prev"], a.hdr, a.body,
          a.header["body_hash"], package_sha) for a in arriving],
    )
    projections.write_fresh(conn, list(folds.values()))
    touched: set[str] = set()
    for event in rest:
        projections.apply(conn, event)
        touched.add(event.ent)
        if event.kind == "retract" and event.body.get("target"):
            touched.update(_status_owner(conn, str(event.body["target"])))
    result.new_eids = [e.eid for e in arriving]
    result.new_events = len(arriving)
    result.bulk_students = set(folds)
    result.students = set(folds) | students_of(conn, touched)
    after = _open_conflicts(conn)
    result.conflicts_opened = sorted(after - before)
    result.conflicts_total = len(after)
    return result


def to_event(wire: WireEvent) -> Event:
    """The projection's view of a wire event (header fields from the hashed header)."""
    h = wire.header
    return Event(
        eid=wire.eid, org=h["org"], rep=h["rep"], seq=h["seq"], lc=h["lc"], prev=h["prev"],
        wall=h["wall"], who=h["who"], kind=h["kind"], ent=h["ent"],
        body=wire.body_obj if wire.body_obj is not None else {}, body_hash=h["body_hash"],
    )


# --- the bulk fold: which pupils may be folded in memory ---------------------------------------

_CLUSTER_KINDS = frozenset({"student_create", "record_add", "update", "status"})


def fold_fresh(
    conn: sqlite3.Connection, events: list[Event]
) -> tuple[dict[str, projections.FreshFold], list[Event]]:
    """Fold in memory the pupils whose whole history is in `events` and new to this ledger.

    Returns the folds by student id and the other events, still in (lc, eid) order, for
    `projections.apply`. A pupil qualifies when (1) the package creates it; (2) every event
    about it, its records or its cases is a creation, edit or status fact of its own, naming no
    other pupil's entities, and no other event names its entities, facts or cases; (3) the
    ledger holds nothing about it (`_held_spoilers`); (4) `FreshFold` mirrors its history. Then
    no event outside the pupil reads or writes what its events do, so folding it apart from the
    rest and in bulk gives the rows `apply` would, whatever the order.
    """
    created = {e.ent[8:] for e in events
               if e.kind == "student_create" and e.ent.startswith("student:")}
    owner: dict[str, str] = {}  # record entity -> the pupil its creation names
    for event in events:
        if event.kind == "record_add" and event.ent.partition(":")[0] in RECORD_KINDS:
            sid = event.body.get("fields", {}).get("student_id")
            if isinstance(sid, str) and sid in created:
                owner.setdefault(event.ent, sid)
    facts = {e.eid: e.body.get("student_id") for e in events if e.kind == "status"}
    clusters: dict[str, list[Event]] = {}
    spoiled: set[str] = set()
    for event in events:
        home = _home(event, owner)
        refs = _references(event, owner, facts, created)
        if home is not None and home in created and refs <= {home}:
            clusters.setdefault(home, []).append(event)
        else:
            spoiled |= refs | ({home} if home else set())
    spoiled |= _held_spoilers(conn, {sid: evs for sid, evs in clusters.items()
                                     if sid not in spoiled}, owner)
    folds: dict[str, projections.FreshFold] = {}
    for sid, history in clusters.items():
        if sid in spoiled:
            continue
        fold = projections.FreshFold()
        try:
            for event in history:
                fold.fold(event)
        except projections.Unsupported:
            continue
        folds[sid] = fold
    rest = [e for e in events if _home(e, owner) not in folds]
    return folds, rest


def _home(event: Event, owner: dict[str, str]) -> str | None:
    """The pupil whose in-memory fold would take this event, if any."""
    if event.kind not in _CLUSTER_KINDS:
        return None
    kind, _, rest = event.ent.partition(":")
    sid = rest if kind == "student" else owner.get(event.ent)
    if sid is None:
        return None
    if event.kind == "status" and (kind != "student" or event.body.get("student_id") != sid):
        return None
    if event.kind == "student_create" and kind != "student":
        return None
    if event.kind == "record_add" and kind == "student":
        return None
    return sid


def _references(event: Event, owner: dict[str, str], facts: dict[str, Any],
                created: set[str]) -> set[str]:
    """The package's new pupils this event reads or writes through (ent, ids in its body)."""
    refs: set[str] = set()
    kind, _, rest = event.ent.partition(":")
    if kind == "student" and rest in created:
        refs.add(rest)
    elif event.ent in owner:
        refs.add(owner[event.ent])
    body = event.body
    values: list[Any] = [body.get("student_id"), body.get("case_id")]
    target = body.get("target")
    if isinstance(target, str):
        values += [target, facts.get(target)]
    fields = body.get("fields")
    if isinstance(fields, dict):
        for name in ("student_id", "case_id"):
            value = fields.get(name)
            values.append(value.get("value") if isinstance(value, dict)
                          and event.kind == "update" else value)
    for value in values:
        if not isinstance(value, str) or not value:
            continue
        if value in created:
            refs.add(value)
        for ent in (f"case:{value}", value):
            if ent in owner:
                refs.add(owner[ent])
    return refs


def _held_spoilers(conn: sqlite3.Connection, clusters: dict[str, list[Event]],
                   owner: dict[str, str]) -> set[str]:
    """The pupils of `clusters` about which the ledger already holds something."""
    of_ent = {e.ent: sid for sid, history in clusters.items() for e in history}
    of_eid = {e.eid: sid for sid, history in clusters.items() for e in history}
    of_case = {ent[5:]: sid for ent, sid in owner.items()
               if ent.startswith("case:") and sid in clusters}
    sids = {sid: sid for sid in clusters}
    spoiled: set[str] = set()
    checks: list[tuple[str, dict[str, str]]] = [
        ("SELECT ent FROM events WHERE ent IN ({})", of_ent),
        ("SELECT id FROM students WHERE id IN ({})", sids),
        ("SELECT student_id FROM status_facts WHERE student_id IN ({})", sids),
        ("SELECT case_id FROM status_facts WHERE case_id IN ({})", of_case),
        ("SELECT case_id FROM rec_escalation WHERE case_id IN ({})", of_case),
        ("SELECT target FROM retractions WHERE target IN ({})", {**of_ent, **of_eid}),
        ("SELECT base_eid FROM event_base WHERE base_eid IN ({})", of_eid),
        *((f"SELECT student_id FROM rec_{kind} WHERE student_id IN ({{}})", sids)
          for kind in RECORD_KINDS),
    ]
    for query, mapping in checks:
        keys = list(mapping)
        for chunk in _chunks(keys):
            marks = ", ".join("?" for _ in chunk)
            spoiled.update(mapping[str(row[0])] for row in conn.execute(query.format(marks), chunk))
    return spoiled


def _present(conn: sqlite3.Connection, eids: list[str]) -> set[str]:
    found: set[str] = set()
    for start in range(0, len(eids), _CHUNK):
        chunk = eids[start:start + _CHUNK]
        marks = ", ".join("?" for _ in chunk)
        found.update(row[0] for row in conn.execute(
            f"SELECT eid FROM events WHERE eid IN ({marks})", chunk))
    return found


def _forks(conn: sqlite3.Connection, arriving: list[WireEvent]) -> list[tuple[str, int]]:
    """(rep, seq) of arriving events that make a second branch of their replica.

    Either another event (held or arriving) has the same replica and seq, or the event's `prev`
    is none of the events at the previous seq while there is one: the branch it continues
    forked earlier, and the fork shows here. One range query per replica, not one per event.
    """
    slots = _slots(conn, arriving)
    forks: set[tuple[str, int]] = set()
    for event in arriving:
        rep, seq, prev = event.header["rep"], event.header["seq"], event.header["prev"]
        if len(slots[rep].get(seq, ())) > 1:
            forks.add((rep, seq))
        before = slots[rep].get(seq - 1, set())
        if seq > 1 and before and prev not in before:
            forks.add((rep, seq))
    return sorted(forks)


def _slots(conn: sqlite3.Connection, events: Sequence[WireEvent]) -> dict[str, dict[int, set[str]]]:
    """Per replica, the event ids at each seq the events occupy or follow: held here plus
    the events themselves."""
    slots = _held_around(conn, events)
    for event in events:
        slots[event.header["rep"]].setdefault(event.header["seq"], set()).add(event.eid)
    return slots


def _held_around(
    conn: sqlite3.Connection, events: Sequence[WireEvent]
) -> dict[str, dict[int, set[str]]]:
    """Per replica of `events`, the ids this ledger holds at each seq from the lowest of them
    minus one to the highest (one range query per replica)."""
    wanted: dict[str, list[int]] = {}
    for event in events:
        wanted.setdefault(event.header["rep"], []).append(event.header["seq"])
    held: dict[str, dict[int, set[str]]] = {}
    for rep, seqs in wanted.items():
        slots = held.setdefault(rep, {})
        for seq, eid in conn.execute(
                "SELECT seq, eid FROM events WHERE rep = ? AND seq BETWEEN ? AND ?",
                (rep, min(seqs) - 1, max(seqs))):
            slots.setdefault(int(seq), set()).add(str(eid))
    return held


def _open_conflicts(conn: sqlite3.Connection) -> set[tuple[str, str]]:
    return {(str(ent), str(fld)) for ent, fld in conn.execute("SELECT ent, field FROM conflicts")}


def _status_owner(conn: sqlite3.Connection, fact: str) -> list[str]:
    row = conn.execute("SELECT student_id FROM status_facts WHERE eid = ?", (fact,)).fetchone()
    return [f"student:{row[0]}"] if row else []


def students_of(conn: sqlite3.Connection, ents: Iterable[str]) -> set[str]:
    """The students these entities are or belong to (a record's student, once it is known)."""
    students: set[str] = set()
    for ent in ents:
        kind, _, rest = ent.partition(":")
        if kind == "student":
            students.add(rest)
        elif kind in RECORD_KINDS:
            row = conn.execute(f"SELECT student_id FROM rec_{kind} WHERE id = ?",
                               (rest,)).fetchone()
            if row and row[0]:
                students.add(str(row[0]))
    return students


# --- the self-check ------------------------------------------------------------------------


SAMPLE = 16
"""Pupils folded in bulk that the self-check re-folds with `apply` per package (all the others
it touched are re-folded every time): docs/decisions/0023, "The self-check at county size"."""


def self_check(
    conn: sqlite3.Connection, result: MergeResult, events: Sequence[WireEvent], *,
    max_students: int | None = None, summary: Mapping[str, Any] | None = None,
) -> list[str]:
    """Problems (Chinese, for the report and the log) with what `merge` wrote; [] when sound.

    A problem means a bug or a damaged ledger: the importer rolls back and keeps the package.
    Re-read: every event present, every chain break listed as a fork; then the touched pupils
    recomputed from their events alone with `apply` and compared — every pupil that went
    through `apply` or had state before, and of the pupils folded in bulk a sample of `SAMPLE`
    (all of them when the sender's `summary` of its pupils by status differs from ours: the
    bulk rows are then checked one by one before anyone is told something is wrong).
    `max_students` bounds the recomputation (the first ones by id) for very large packages.
    """
    problems: list[str] = []
    eids = [e.eid for e in events]
    missing = set(eids) - _present(conn, eids)
    if missing:
        problems.append(f"合并后缺少 {len(missing)} 条事件（如 {sorted(missing)[0][:12]}…）")
    forks = set(result.forks)
    new = set(result.new_eids)
    slots = _held_around(conn, events)  # what the ledger holds now, nothing assumed
    for event in events:
        rep, seq, prev = event.header["rep"], event.header["seq"], event.header["prev"]
        if (rep, seq) in forks:
            continue
        before = slots[rep].get(seq - 1, set())
        if seq > 1 and before and prev not in before:
            problems.append(f"副本 {rep[:8]} 第 {seq} 条事件与上一条衔接不上，却未记为分叉")
        if event.eid in new and len(slots[rep].get(seq, ())) > 1:
            problems.append(f"副本 {rep[:8]} 第 {seq} 条事件有两个版本，却未记为分叉")
    students = sorted(result.students - result.bulk_students)
    if max_students is not None:
        students = students[:max_students]
    bulk = sorted(result.bulk_students)
    if bulk and (summary is None or _agrees(conn, summary)):  # a sample, the same each time
        salt = result.new_eids[0] if result.new_eids else ""
        bulk = sorted(bulk, key=lambda s: hashlib.sha256(f"{salt}{s}".encode()).digest())
        bulk = sorted(bulk[:SAMPLE])
    problems += recompute_students(conn, students + bulk)
    return problems


def _agrees(conn: sqlite3.Connection, summary: Mapping[str, Any]) -> bool:
    """Whether this ledger sees the sender's pupils by status as the sender says it does."""
    rows = conn.execute(
        "SELECT coalesce(status, ''), count(*) FROM students"
        " WHERE org = ? AND retracted = 0 AND created_lc IS NOT NULL GROUP BY 1",
        (summary.get("school", ""),),
    ).fetchall()
    by_status = {str(code): int(n) for code, n in rows}
    return by_status == summary.get("by_status") and sum(by_status.values()) == summary.get(
        "students")


def _ddl(statement: str) -> str | None:
    """A projection table's DDL as a TEMP table; None for indexes and the search index."""
    if not statement.startswith("CREATE TABLE ") or statement.startswith(
            ("CREATE TABLE search_keys", "CREATE TABLE search_codes")):
        return None
    return statement.replace("CREATE TABLE ", "CREATE TEMP TABLE ", 1)


# Tables compared for each student, and the column naming the student or entity.
_BY_STUDENT = ("students", "status_facts", *(f"rec_{kind}" for kind in RECORD_KINDS))
_BY_ENTITY = ("field_heads", "conflicts")


def recompute_students(conn: sqlite3.Connection, students: Sequence[str]) -> list[str]:
    """Rebuild these students' projections from their events alone and compare with the ledger.

    The recomputation happens in TEMP tables named like the projection tables, which shadow
    them for unqualified names while they exist; `events` stays the ledger's own.
    """
    if not students:
        return []
    ents = _entities_of(conn, students)
    tables = [stmt for stmt in map(_ddl, schema.projection_ddl()) if stmt]
    names = [stmt.split()[3] for stmt in tables]
    try:
        for statement in tables:
            conn.execute(statement)
        for event in _events_of(conn, ents, students):
            projections.apply(conn, event, search=False)
        return _differences(conn, students, ents)
    finally:
        for name in names:
            conn.execute(f"DROP TABLE IF EXISTS temp.{name}")


def _entities_of(conn: sqlite3.Connection, students: Sequence[str]) -> list[str]:
    ents = [f"student:{s}" for s in students]
    for kind in RECORD_KINDS:
        for chunk in _chunks(students):
            marks = ", ".join("?" for _ in chunk)
            ents += [f"{kind}:{row[0]}" for row in conn.execute(
                f"SELECT id FROM main.rec_{kind} WHERE student_id IN ({marks})", chunk)]
    return ents


def _events_of(conn: sqlite3.Connection, ents: list[str], students: Sequence[str]) -> list[Event]:
    """Every event about these entities, plus retractions of their status facts, by (lc, eid)."""
    rows: dict[str, tuple[Any, ...]] = {}
    for chunk in _chunks(ents):
        marks = ", ".join("?" for _ in chunk)
        for row in conn.execute(
                f"SELECT eid, hdr, body FROM events WHERE ent IN ({marks})", chunk):
            rows[row[0]] = row
    for chunk in _chunks(students):
        marks = ", ".join("?" for _ in chunk)
        for row in conn.execute(
            "SELECT e.eid, e.hdr, e.body FROM main.status_facts f"
            " JOIN main.retractions r ON r.target = f.eid JOIN events e ON e.eid = r.eid"
            f" WHERE f.student_id IN ({marks})", chunk,
        ):
            rows[row[0]] = row
    events = [decode_row(*row) for row in rows.values()]
    return sorted(events, key=lambda e: (e.lc, e.eid))


def _differences(conn: sqlite3.Connection, students: Sequence[str], ents: list[str]) -> list[str]:
    problems = []
    for table in (*_BY_STUDENT, *_BY_ENTITY):
        column = "id" if table == "students" else "ent" if table in _BY_ENTITY else "student_id"
        keys = ents if table in _BY_ENTITY else list(students)
        for chunk in _chunks(keys):
            marks = ", ".join("?" for _ in chunk)
            query = f"SELECT * FROM {{}}.{table} WHERE {column} IN ({marks})"
            live = sorted(conn.execute(query.format("main"), chunk).fetchall(), key=repr)
            fresh = sorted(conn.execute(query.format("temp"), chunk).fetchall(), key=repr)
            if live != fresh:
                problems.append(f"表 {table}：合并后的数据与按事件重新计算的结果不一致")
                break
    return problems


def _chunks(items: Sequence[str]) -> Iterable[list[str]]:
    for start in range(0, len(items), _CHUNK):
        yield list(items[start:start + _CHUNK])
