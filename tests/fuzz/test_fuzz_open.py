"""Hostile ledger files: mutated real ledgers, other programs' databases, planted schema.

Every input ends in a `LedgerError` with a Chinese message, or opens — and then `verify` either
reports the damage or finds the events exactly as they were (the flipped byte was in unused
space). Never another exception, never a hang. The bases are the committed upgrade fixtures
(tests/data/ledgers/): a 40-pupil school with two replicas and a county.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from fuzzing import CLOCK, DATA, check_open, chinese, events_of, examples, mutate
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from dropout_ledger.errors import LedgerDamaged, LedgerError, LedgerOpenError
from dropout_ledger.ledger import Ledger

SCHOOL = "ledgers/0.1.0-m001-51307909-school.sqlite"
COUNTY = "ledgers/0.1.0-m001-51307909-county.sqlite"
PAGE = 4096
_SIZES = {base: (DATA / base).stat().st_size for base in (SCHOOL, COUNTY)}
_EVENTS = {base: events_of(DATA / base) for base in (SCHOOL, COUNTY)}
FUZZ = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                      HealthCheck.data_too_large])


def _flips(limit: int) -> st.SearchStrategy[list[tuple[int, int]]]:
    return st.lists(st.tuples(st.integers(0, limit - 1), st.integers(1, 255)),
                    min_size=1, max_size=6)


@st.composite
def mutations(draw: st.DrawFn) -> dict:
    base = draw(st.sampled_from((SCHOOL, COUNTY)))
    size = _SIZES[base]
    where = draw(st.sampled_from(("header", "first pages", "anywhere", "truncate")))
    if where == "truncate":
        return {"base": base, "truncate": draw(st.integers(0, size - 1))}
    limit = {"header": 100, "first pages": 8 * PAGE, "anywhere": size}[where]
    mutation: dict = {"base": base, "flips": [list(f) for f in draw(_flips(limit))]}
    if draw(st.booleans()) and where == "anywhere":
        mutation["truncate"] = draw(st.integers(size // 2, size))
    return mutation


@settings(FUZZ, max_examples=examples(60))
@given(mutation=mutations())
def test_mutated_ledgers_are_refused_or_verified(mutation):
    event(check_open(mutate(mutation), None, _EVENTS[mutation["base"]]))


@pytest.fixture(scope="module")
def with_wal(tmp_path_factory) -> tuple[bytes, bytes, dict]:
    """The school fixture with uncheckpointed writes: the database file and its -wal, copied
    while the ledger is open (what a power cut leaves on disk)."""
    folder = tmp_path_factory.mktemp("wal")
    path = folder / "l.sqlite"
    shutil.copyfile(DATA / SCHOOL, path)
    ledger = Ledger.open(path, clock=CLOCK)
    ledger.conn.execute("PRAGMA wal_autocheckpoint=0")
    ledger.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    ledger.settings.set_profile(visit_days=3)
    ledger.settings.update_org(phone="0851-7777777")
    data, wal = path.read_bytes(), Path(f"{path}-wal").read_bytes()
    events = {eid: b for eid, b in _events_open(ledger.conn).items()}
    ledger.close()
    return data, wal, events


def _events_open(conn: sqlite3.Connection) -> dict[str, bytes]:
    return {str(eid): bytes(hdr) + b"|" + bytes(body or b"")
            for eid, hdr, body in conn.execute("SELECT eid, hdr, body FROM events")}


@settings(FUZZ, max_examples=examples(25),
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(flips=st.lists(st.tuples(st.integers(0, 10_000), st.integers(1, 255)), max_size=4),
       cut=st.one_of(st.none(), st.integers(0, 20_000)))
def test_a_damaged_wal_beside_the_ledger_is_refused_or_verified(with_wal, flips, cut):
    data, wal, events = with_wal
    damaged = bytearray(wal)
    for offset, xor in flips:
        if offset < len(damaged):
            damaged[offset] ^= xor
    if cut is not None:
        del damaged[cut:]
    # A frame whose checksum fails ends the WAL there: the ledger is then the original state or
    # the state of a committed prefix — both are events this test knows.
    try:
        check_open(data, bytes(damaged), events)
    except AssertionError as error:
        if "events changed" not in str(error):
            raise
        check_open(data, bytes(damaged), _EVENTS[SCHOOL])


# --- hostile files that are valid SQLite -----------------------------------------------------


def refused(path: Path, kind: type[LedgerError] = LedgerOpenError) -> LedgerError:
    before = path.read_bytes()
    with pytest.raises(kind) as caught:
        Ledger.open(path, clock=CLOCK)
    assert chinese(caught.value.message)
    assert path.read_bytes() == before
    return caught.value


def copy_of(base: str, tmp_path: Path) -> Path:
    path = tmp_path / "l.sqlite"
    shutil.copyfile(DATA / base, path)
    return path


def edit(path: Path, *statements: str) -> None:
    conn = sqlite3.connect(path, isolation_level=None)
    for statement in statements:
        conn.execute(statement)
    conn.close()


def test_another_programs_database_is_refused(tmp_path):
    path = tmp_path / "l.sqlite"
    edit(path, "CREATE TABLE t (x)", "INSERT INTO t VALUES (1)")
    assert "其他软件" in refused(path).message


def test_our_application_id_on_someone_elses_tables_is_refused(tmp_path):
    path = tmp_path / "l.sqlite"
    edit(path, "PRAGMA application_id=1145849682", "CREATE TABLE t (x)")
    refused(path)


def test_a_newer_user_version_is_refused(tmp_path):
    path = copy_of(SCHOOL, tmp_path)
    edit(path, "PRAGMA user_version=7")
    assert "更新版本" in refused(path).message


def test_a_migration_from_the_future_is_refused(tmp_path):
    path = copy_of(COUNTY, tmp_path)
    edit(path, "INSERT INTO _sqlite_migrations (migration_set, name, applied_at)"
               " VALUES ('dropout_ledger', 'm900_future', '2030-01-01')")
    assert "更新版本" in refused(path).message


@pytest.mark.parametrize("statement", [
    "CREATE TRIGGER wipe AFTER INSERT ON events BEGIN DELETE FROM students; END",
    "CREATE TEMP TRIGGER IF NOT EXISTS x AFTER INSERT ON t BEGIN SELECT 1; END",
    "CREATE VIEW v AS SELECT * FROM students",
    "CREATE VIRTUAL TABLE planted USING fts5(x)",
    "CREATE TRIGGER fn AFTER UPDATE ON local_state BEGIN SELECT load_extension('x'); END",
])
def test_planted_schema_is_refused(tmp_path, statement):
    path = copy_of(SCHOOL, tmp_path)
    if "TEMP" in statement:  # a temp trigger lives in the connection, never in the file
        edit(path, "CREATE TABLE t (x)", statement)
        with Ledger.open(path, clock=CLOCK) as ledger:
            assert ledger.queries.count("all") > 0
        return
    edit(path, statement)
    refused(path, LedgerDamaged)


def test_a_students_table_replaced_by_a_view_is_refused(tmp_path):
    path = copy_of(SCHOOL, tmp_path)
    edit(path, "ALTER TABLE students RENAME TO students_old",
         "CREATE VIEW students AS SELECT * FROM students_old")
    refused(path, LedgerDamaged)


def test_journal_mode_off_or_writable_schema_tricks_do_not_reach_the_file(tmp_path):
    """A file whose header asks for a legacy journal still opens in WAL with full sync."""
    path = copy_of(COUNTY, tmp_path)
    edit(path, "PRAGMA journal_mode=DELETE")
    with Ledger.open(path, clock=CLOCK) as ledger:
        assert ledger.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert ledger.conn.execute("PRAGMA trusted_schema").fetchone()[0] == 0
        assert ledger.conn.execute("PRAGMA cell_size_check").fetchone()[0] == 1
        if hasattr(ledger.conn, "getconfig"):  # Python 3.12+: defensive mode is on
            assert ledger.conn.getconfig(sqlite3.SQLITE_DBCONFIG_DEFENSIVE)
            with pytest.raises(sqlite3.DatabaseError):
                ledger.conn.execute("PRAGMA writable_schema=ON")
                ledger.conn.execute("UPDATE sqlite_master SET sql = '' WHERE name = 'events'")


def test_a_zero_length_and_a_header_only_file_are_refused(tmp_path):
    path = tmp_path / "l.sqlite"
    path.write_bytes(b"")
    refused(path)
    path.write_bytes((DATA / SCHOOL).read_bytes()[:100])
    refused(path)
