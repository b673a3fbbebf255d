"""The ledger's tables: the truth (migrated, never rebuilt) and the projections (rebuildable).

Truth tables change only through named migrations (sqlite-utils `Migrations`), which are never
edited once shipped. Projection tables are generated from the field specs; when their DDL
changes between versions, the ledger drops and rebuilds them from the events at open time
instead of migrating them (docs/decisions/0002-projections-are-rebuilt-not-migrated.md).
"""

from __future__ import annotations

import hashlib

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from dropout_ledger.model.fields import FieldSpec, column_type
from dropout_ledger.model.records import RECORD_KINDS
from dropout_ledger.model.student import STUDENT_FIELDS

# PRAGMA application_id of every ledger file: 'DLGR'. A SQLite file without it is not ours.
APPLICATION_ID = 0x444C4752

USER_VERSION = 0
"""PRAGMA user_version of every ledger this build writes. Schema changes are named migrations;
a release that changes the file so deeply that older builds must not even try to open it sets
a higher number here, and every older build refuses such a file unchanged (store/db.py)."""

migrations = Migrations("dropout_ledger")

_EVENT_STORE = (
    # A rowid table: events are ~800-byte rows, and WITHOUT ROWID tables store rows that large
    # at a third of the density (measured: 3.8 MB for 1 MB of events).
    """CREATE TABLE events (
        eid TEXT NOT NULL UNIQUE,      -- SHA-256 of the canonical header bytes
        org TEXT NOT NULL,             -- authoring organisation, S:<学校标识码> or C:<county code>
        rep TEXT NOT NULL,             -- authoring replica (one per install and per restore)
        seq INTEGER NOT NULL,          -- gapless per replica, from 1
        lc INTEGER NOT NULL,           -- Lamport clock: the only order used for decisions
        kind TEXT NOT NULL,
        ent TEXT NOT NULL,
        prev TEXT NOT NULL,            -- eid of the replica's previous event ('' for seq 1)
        hdr BLOB NOT NULL,             -- canonical header bytes as written (hashed into eid)
        body BLOB,                     -- canonical body bytes (NULL only if redacted)
        body_hash TEXT NOT NULL,
        first_pkg TEXT,                -- sync package it arrived in (NULL: written here)
        UNIQUE (rep, seq)
    )""",
    "CREATE INDEX events_ent ON events(ent)",
    "CREATE INDEX events_lc ON events(lc)",
    # Events are immutable: only a future, county-signed redaction may touch a body.
    """CREATE TRIGGER events_no_update BEFORE UPDATE ON events
       BEGIN SELECT RAISE(ABORT, 'events are immutable'); END""",
    """CREATE TRIGGER events_no_delete BEFORE DELETE ON events
       BEGIN SELECT RAISE(ABORT, 'events are immutable'); END""",
    "CREATE TABLE blobs (hash TEXT PRIMARY KEY, data BLOB NOT NULL) WITHOUT ROWID",
    "CREATE TABLE local_state (k TEXT PRIMARY KEY, v TEXT NOT NULL) WITHOUT ROWID",
)


@migrations()
def m001_event_store(db: Database) -> None:
    """Events, attachment blobs and local state (replica id, organisation)."""
    for statement in _EVENT_STORE:
        db.execute(statement)


def _columns(fields: tuple[FieldSpec, ...]) -> str:
    # A yes/no field left blank is stored as "no": events leave blank fields out.
    return ",\n".join(
        f"    {s.name} {column_type(s)}" + (" NOT NULL DEFAULT 0" if s.kind == "bool" else "")
        for s in fields
    )


_RECORD_TAIL = """
    created_lc INTEGER, updated_lc INTEGER NOT NULL,
    retracted INTEGER NOT NULL DEFAULT 0, retract_reason TEXT"""

_CASE_EXTRA = """,
    closed_date TEXT, closure_reason TEXT, closure_evidence TEXT, stage TEXT"""


def _record_table(kind: str) -> str:
    fields = tuple(s for s in RECORD_KINDS[kind].fields if s.name != "student_id")
    extra = _CASE_EXTRA if kind == "case" else ""
    return (
        f"CREATE TABLE rec_{kind} (\n    id TEXT PRIMARY KEY,\n    student_id TEXT NOT NULL,\n"
        f"{_columns(fields)},{_RECORD_TAIL}{extra}\n)"
    )


def projection_ddl() -> list[str]:
    """Every projection table and index, generated from the field specs."""
    ddl = [
        f"""CREATE TABLE students (
    id TEXT PRIMARY KEY,
{_columns(STUDENT_FIELDS)},
    name_initials TEXT NOT NULL DEFAULT '',  -- pinyin initials of every reading: 'zw', 'cj zj'
    status TEXT, status_date TEXT, status_reason TEXT, case_id TEXT,
    created_lc INTEGER, updated_lc INTEGER NOT NULL,
    retracted INTEGER NOT NULL DEFAULT 0, retract_reason TEXT
)""",
        "CREATE INDEX students_id_number ON students(id_number)",
        "CREATE INDEX students_xjh ON students(xjh)",
        "CREATE INDEX students_grade ON students(grade, class_name, name)",
        # Every list and count filters on (retracted, status): counting the live roster then
        # reads this small index instead of the whole table.
        "CREATE INDEX students_live ON students(retracted, status)",
        # The search index (docs/decisions/0009-search-index.md), live students only: every
        # suffix of the name and every pinyin-initials reading (model/names.search_keys), so a
        # name or initials search is a prefix range here instead of a LIKE over the roster.
        """CREATE TABLE search_keys (
    key TEXT NOT NULL, student_id TEXT NOT NULL,
    PRIMARY KEY (key, student_id)) WITHOUT ROWID""",
        # ID number and 学籍号 ('id_number xjh'), trigram-indexed for "any part, 3+ characters".
        # Its rowid is the student's rowid in `students`; `student_id` makes it comparable.
        # As B-tree keys every suffix of both numbers would cost ~1.3 KB per student (measured).
        """CREATE VIRTUAL TABLE search_codes USING fts5(
    codes, student_id UNINDEXED, tokenize = 'trigram', detail = 'none')""",
        """CREATE TABLE status_facts (
    eid TEXT PRIMARY KEY, student_id TEXT NOT NULL, code TEXT NOT NULL,
    effective_date TEXT NOT NULL, lc INTEGER NOT NULL, reason_code TEXT, reason_text TEXT,
    case_id TEXT, closure_reason TEXT, closure_evidence TEXT, attachments TEXT, note TEXT,
    operator TEXT, retracted INTEGER NOT NULL DEFAULT 0, retract_reason TEXT
)""",
        "CREATE INDEX status_facts_student ON status_facts(student_id, effective_date, lc)",
        # Case closure and escalation stage are looked up by case on every status change.
        "CREATE INDEX status_facts_case ON status_facts(case_id)",
        """CREATE TABLE field_heads (
    ent TEXT NOT NULL, field TEXT NOT NULL, eid TEXT NOT NULL, lc INTEGER NOT NULL,
    value TEXT NOT NULL, PRIMARY KEY (ent, field, eid)) WITHOUT ROWID""",
        # Columns in primary-key order: SQLite 3.40's quick_check misreports NULLs in a
        # WITHOUT ROWID table whose key columns are declared in another order.
        """CREATE TABLE event_base (
    base_eid TEXT NOT NULL, key TEXT NOT NULL, eid TEXT NOT NULL,
    PRIMARY KEY (base_eid, key, eid)) WITHOUT ROWID""",
        """CREATE TABLE conflicts (
    ent TEXT NOT NULL, field TEXT NOT NULL, heads TEXT NOT NULL,
    PRIMARY KEY (ent, field)) WITHOUT ROWID""",
        """CREATE TABLE entities (
    ent TEXT PRIMARY KEY, created_eid TEXT NOT NULL, created_lc INTEGER NOT NULL
) WITHOUT ROWID""",
        """CREATE TABLE settings (
    ent TEXT NOT NULL, field TEXT NOT NULL, value TEXT NOT NULL,
    PRIMARY KEY (ent, field)) WITHOUT ROWID""",
        """CREATE TABLE replicas (
    rep TEXT PRIMARY KEY, org TEXT NOT NULL, parent_rep TEXT, parent_seq INTEGER,
    reason TEXT NOT NULL, started_lc INTEGER NOT NULL)""",
        """CREATE TABLE attachments (
    hash TEXT PRIMARY KEY, name TEXT NOT NULL, mime TEXT NOT NULL, size INTEGER NOT NULL,
    lc INTEGER NOT NULL)""",
    ]
    for kind in RECORD_KINDS:
        ddl.append(_record_table(kind))
        ddl.append(f"CREATE INDEX rec_{kind}_student ON rec_{kind}(student_id)")
    ddl.append("CREATE INDEX rec_escalation_case ON rec_escalation(case_id)")
    return ddl


PROJECTION_TABLES: tuple[str, ...] = (
    "students", "search_keys", "search_codes", "status_facts", "field_heads", "event_base",
    "conflicts", "entities", "settings", "replicas", "attachments",
    *(f"rec_{kind}" for kind in RECORD_KINDS),
)


def projection_version() -> str:
    """A short hash of the projection DDL: when it changes, projections are rebuilt."""
    return hashlib.sha256("\n".join(projection_ddl()).encode()).hexdigest()[:16]
