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
    org TEXT,  -- the school that created the student (a county ledger holds ~200 schools)
    created_lc INTEGER, updated_lc INTEGER NOT NULL,
    retracted INTEGER NOT NULL DEFAULT 0, retract_reason TEXT
)""",
        "CREATE INDEX students_id_number ON students(id_number)",
        "CREATE INDEX students_xjh ON students(xjh)",
        "CREATE INDEX students_grade ON students(grade, class_name, name)",
        # Every list and count filters on (retracted, status): counting the live roster then
        # reads this small index instead of the whole table.
        "CREATE INDEX students_live ON students(retracted, status)",
        "CREATE INDEX students_org ON students(org, retracted, status)",
        # The county dashboard (decision 0022) reads the live roll from these two indexes
        # alone, each in the order it groups by, so nothing is sorted: the rates by school,
        # grade, status and its date (160 ms → 27 ms at 150,000 pupils: a few MB of index
        # instead of the ~80 MB table), the roll and townships by school and village (70 → 28).
        "CREATE INDEX students_tally ON students(org, grade, status, status_date)"
        " WHERE retracted = 0",
        "CREATE INDEX students_town ON students(org, village_code, status) WHERE retracted = 0",
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
        # rank: 1 for a county's head of a county-precedence field (projections.authority_rank).
        """CREATE TABLE field_heads (
    ent TEXT NOT NULL, field TEXT NOT NULL, eid TEXT NOT NULL, lc INTEGER NOT NULL,
    value TEXT NOT NULL, rank INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (ent, field, eid)) WITHOUT ROWID""",
        # Columns in primary-key order: SQLite 3.40's quick_check misreports NULLs in a
        # WITHOUT ROWID table whose key columns are declared in another order.
        """CREATE TABLE event_base (
    base_eid TEXT NOT NULL, key TEXT NOT NULL, eid TEXT NOT NULL,
    PRIMARY KEY (base_eid, key, eid)) WITHOUT ROWID""",
        # Every retraction by its target (a status fact's eid, or an entity), so a target that
        # arrives after its retraction is hidden as it lands.
        """CREATE TABLE retractions (
    target TEXT NOT NULL, eid TEXT NOT NULL, lc INTEGER NOT NULL, reason TEXT NOT NULL,
    PRIMARY KEY (target, eid)) WITHOUT ROWID""",
        # field: a register's field name, or 'status' for a student's status log.
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
    "conflicts", "retractions", "entities", "settings", "replicas", "attachments",
    *(f"rec_{kind}" for kind in RECORD_KINDS),
)


def projection_version() -> str:
    """A short hash of the projection DDL: when it changes, projections are rebuilt."""
    return hashlib.sha256("\n".join(projection_ddl()).encode()).hexdigest()[:16]


@migrations()
def m002_trust(db: Database) -> None:
    """Pinned public keys of the other side (sync.md §c.13): who may send us packages.

    One row per (organisation, signing key). A school enrolled at the county before any of its
    packages arrived has a row with empty keys: its fingerprint digits once the clerk has
    confirmed them from the stamped receipt, else ''. Local bookkeeping, never synced.
    """
    db.execute("""CREATE TABLE trust (
        org TEXT NOT NULL,             -- S:<学校标识码> or C:<county code>
        sign_pk BLOB NOT NULL,         -- raw Ed25519 public key (x'' until the key is known)
        enc_pk BLOB NOT NULL,          -- raw X25519 public key (x'' until the key is known)
        fingerprint TEXT NOT NULL,     -- "12345 67890 12345 67890 12345 67890", or ''
        status TEXT NOT NULL CHECK (status IN ('pending', 'active', 'revoked')),
        confirmed_by TEXT NOT NULL DEFAULT '',
        confirm_method TEXT NOT NULL DEFAULT '',   -- fingerprint, phone, unverified, enrolled…
        pinned TEXT NOT NULL,          -- local time the row was written
        PRIMARY KEY (org, sign_pk)
    ) WITHOUT ROWID""")
    db.execute("CREATE INDEX trust_sign_pk ON trust(sign_pk)")


# Local accounts (docs/decisions/0020-accounts-and-roles.md). A truth table of this computer
# only, like local_state: never an event, never in a sync package, so a password hash cannot
# travel to the county or sit in the append-only log. Who logged in, failed or was locked out
# is recorded as `audit` events instead, without the hash.
_ACCOUNTS = (
    """CREATE TABLE accounts (
        id TEXT PRIMARY KEY,             -- random (ids.new_id), named in audit events
        name TEXT NOT NULL,              -- the login name as chosen (NFC, trimmed)
        name_key TEXT NOT NULL UNIQUE,   -- casefolded login name: 'Zhang' and 'zhang' are one
        display_name TEXT NOT NULL,      -- shown in the title bar and printed imprints
        role TEXT NOT NULL,              -- a key of model.access.POLICY
        grade INTEGER,                   -- a class teacher's class: grade 1-9 ...
        class_name TEXT NOT NULL DEFAULT '',  -- ... and class name, as the roster spells them
        pw_hash TEXT NOT NULL,           -- argon2id, PHC string (parameters and salt inside)
        failed INTEGER NOT NULL DEFAULT 0,    -- failed logins since the last success or unlock
        locked_until TEXT,               -- ISO time (ledger clock) until which logins are refused
        disabled INTEGER NOT NULL DEFAULT 0,
        created TEXT NOT NULL,
        changed TEXT NOT NULL
    )""",
)

_EVENT_COLUMNS = "eid, org, rep, seq, lc, kind, ent, prev, hdr, body, body_hash, first_pkg"

_SYNC = (
    # `events` again, without UNIQUE (rep, seq): a forked replica (a cloned disk, a ledger
    # restored outside the app) has two events at one seq, and both are kept (sync.md §c.9).
    """CREATE TABLE events_m003 (
        eid TEXT NOT NULL UNIQUE,      -- SHA-256 of the canonical header bytes
        org TEXT NOT NULL,             -- authoring organisation, S:<学校标识码> or C:<county code>
        rep TEXT NOT NULL,             -- authoring replica (one per install and per restore)
        seq INTEGER NOT NULL,          -- gapless per replica, from 1 (two events: a fork)
        lc INTEGER NOT NULL,           -- Lamport clock: the only order used for decisions
        kind TEXT NOT NULL,
        ent TEXT NOT NULL,
        prev TEXT NOT NULL,            -- eid of the replica's previous event ('' for seq 1)
        hdr BLOB NOT NULL,             -- canonical header bytes as written (hashed into eid)
        body BLOB,                     -- canonical body bytes (NULL only if redacted)
        body_hash TEXT NOT NULL,
        first_pkg TEXT                 -- sync package it arrived in (NULL: written here)
    )""",
    f"INSERT INTO events_m003 (rowid, {_EVENT_COLUMNS}) SELECT rowid, {_EVENT_COLUMNS} FROM events",
    # Dropping a table fires no DELETE trigger; its triggers and indexes go with it.
    "DROP TABLE events",
    "ALTER TABLE events_m003 RENAME TO events",
    "CREATE INDEX events_rep_seq ON events(rep, seq)",
    "CREATE INDEX events_ent ON events(ent)",
    "CREATE INDEX events_lc ON events(lc)",
    """CREATE TRIGGER events_no_update BEFORE UPDATE ON events
       BEGIN SELECT RAISE(ABORT, 'events are immutable'); END""",
    """CREATE TRIGGER events_no_delete BEFORE DELETE ON events
       BEGIN SELECT RAISE(ABORT, 'events are immutable'); END""",
    # What each peer organisation said it holds, per replica: the latest statement by its
    # Lamport value wins, so a replayed old package cannot lower it (sync.md §c.10).
    """CREATE TABLE peer_have (
        peer_org TEXT NOT NULL, rep TEXT NOT NULL, org TEXT NOT NULL, seq INTEGER NOT NULL,
        head TEXT NOT NULL, stated_lc INTEGER NOT NULL,
        PRIMARY KEY (peer_org, rep)) WITHOUT ROWID""",
    # Every package imported, by the SHA-256 of the whole file: the idempotence key.
    """CREATE TABLE imported_packages (
        file_sha256 TEXT PRIMARY KEY, package_id TEXT NOT NULL, from_org TEXT NOT NULL,
        kind TEXT NOT NULL, imported_wall TEXT NOT NULL, new_events INTEGER NOT NULL,
        dup_events INTEGER NOT NULL, report TEXT NOT NULL DEFAULT '')""",
    """CREATE TABLE exported_packages (
        package_id TEXT PRIMARY KEY, file_sha256 TEXT NOT NULL, to_org TEXT NOT NULL,
        have_json TEXT NOT NULL, created_wall TEXT NOT NULL)""",
)


@migrations()
def m003_sync(db: Database) -> None:
    """Events may hold a forked replica's two events at one seq; sync bookkeeping tables."""
    for statement in _SYNC:
        db.execute(statement)


@migrations()
def m004_accounts(db: Database) -> None:
    """Local accounts with argon2id password hashes, lockout state and a class scope."""
    for statement in _ACCOUNTS:
        db.execute(statement)
