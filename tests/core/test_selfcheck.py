"""The start-up self-check: a damaged or edited ledger is refused at open, in Chinese, untouched.

Each test damages a real ledger the way a person with the file (or a failing disk) could, then
opens it: `LedgerDamaged` names the ledger (so the app can offer its snapshots) and says what
is wrong; the file keeps every byte.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from filelock import FileLock

from dropout_ledger.errors import LedgerDamaged, LedgerOpenError
from dropout_ledger.ledger import Ledger, restore
from dropout_ledger.store import schema, selfcheck

_NO_UPDATE = next(s for s in schema._EVENT_STORE if "events_no_update" in s)
_NO_DELETE = next(s for s in schema._EVENT_STORE if "events_no_delete" in s)


@pytest.fixture
def closed(ledger, ledger_path, add_student) -> Path:
    """A school ledger with a few pupils, closed and checkpointed: the file is the whole truth."""
    for _ in range(6):
        add_student()
    ledger.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    ledger.close()
    return ledger_path


def tamper(path: Path, *statements: str, params: tuple[object, ...] = ()) -> None:
    """Edit the file as someone with a SQLite browser would: triggers off, edit, triggers back."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("DROP TRIGGER events_no_update")
    conn.execute("DROP TRIGGER events_no_delete")
    for statement in statements:
        conn.execute(statement, params if "?" in statement else ())
    conn.execute(_NO_UPDATE)
    conn.execute(_NO_DELETE)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()


def refused(path: Path, match: str) -> LedgerDamaged:
    before = path.read_bytes()
    with pytest.raises(LedgerDamaged, match=match) as caught:
        Ledger.open(path)
    assert caught.value.path == path
    assert caught.value.exit_code == 2
    assert "备份" in caught.value.message  # says what to do
    assert path.read_bytes() == before
    lock = FileLock(str(path) + ".lock")  # released: a restore may now replace the file
    lock.acquire(timeout=0.1)
    lock.release()
    return caught.value


def damage_index_page(path: Path) -> None:
    """Overwrite one index page with garbage, as a failing disk sector would."""
    conn = sqlite3.connect(path)
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    root = conn.execute(
        "SELECT rootpage FROM sqlite_master WHERE name = 'students_grade'").fetchone()[0]
    conn.close()
    data = bytearray(path.read_bytes())
    start = (root - 1) * page_size
    data[start + 8:start + page_size] = bytes([0x5A]) * (page_size - 8)
    path.write_bytes(bytes(data))


def last_seq(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute("SELECT max(seq) FROM events").fetchone()[0])
    finally:
        conn.close()


def test_a_healthy_ledger_passes_the_check(closed):
    with Ledger.open(closed) as ledger:
        selfcheck.check(ledger.conn, closed)
        assert selfcheck.chain_problem(ledger.conn) is None
        assert selfcheck.schema_problem(ledger.conn) is None


def test_an_edited_event_body_is_found(closed):
    seq = last_seq(closed)
    tamper(closed, "UPDATE events SET body = CAST(? AS BLOB) WHERE seq = ?",
           params=(b'{"fields":{"name":"\xe5\xbc\xa0\xe4\xb8\x89"}}', seq - 1))
    refused(closed, "内容被改动")


def test_an_edited_header_is_found(closed):
    seq = last_seq(closed)
    tamper(closed, "UPDATE events SET hdr = CAST(replace(CAST(hdr AS TEXT), '\"v\":1', '\"v\":2')"
                   " AS BLOB) WHERE seq = ?", params=(seq,))
    refused(closed, "事件头被改动")


def test_an_index_column_that_disagrees_with_the_header_is_found(closed):
    seq = last_seq(closed)
    tamper(closed, "UPDATE events SET ent = 'student:someone-else' WHERE seq = ?", params=(seq,))
    refused(closed, "索引列与事件头不一致")


def test_a_deleted_recent_event_is_found(closed):
    seq = last_seq(closed)
    tamper(closed, "DELETE FROM events WHERE seq = ?", params=(seq - 2,))
    refused(closed, "缺少第|链接断开")


def test_a_gap_older_than_the_tail_is_found_by_the_count(closed, monkeypatch):
    """An event taken out before the re-hashed tail leaves the tail's chain whole: the count
    of the replica's events against its last sequence number still betrays it."""
    monkeypatch.setattr(selfcheck, "TAIL", 3)
    tamper(closed, "DELETE FROM events WHERE seq = 2")
    refused(closed, "序号不连续")


def test_a_planted_trigger_is_refused(closed):
    conn = sqlite3.connect(closed)
    conn.execute("CREATE TRIGGER hide AFTER INSERT ON events BEGIN DELETE FROM students; END")
    conn.commit()
    conn.close()
    refused(closed, "触发器")


def test_a_rewritten_trigger_of_ours_is_refused(closed):
    conn = sqlite3.connect(closed)
    conn.execute("DROP TRIGGER events_no_delete")
    conn.execute("CREATE TRIGGER events_no_delete BEFORE DELETE ON events BEGIN SELECT 1; END")
    conn.commit()
    conn.close()
    refused(closed, "触发器")


def test_a_planted_view_is_refused(closed):
    conn = sqlite3.connect(closed)
    conn.execute("CREATE VIEW everyone AS SELECT * FROM students")
    conn.commit()
    conn.close()
    refused(closed, "视图")


def test_a_reshaped_projection_table_is_refused(closed):
    conn = sqlite3.connect(closed)
    conn.execute("ALTER TABLE students ADD COLUMN planted TEXT DEFAULT 'x'")
    conn.commit()
    conn.close()
    refused(closed, "结构被改动")


def test_a_projection_table_of_an_older_shape_is_rebuilt_not_refused(closed):
    conn = sqlite3.connect(closed)
    conn.execute("ALTER TABLE students ADD COLUMN planted TEXT")
    conn.execute("UPDATE local_state SET v = 'older' WHERE k = 'projection_version'")
    conn.commit()
    conn.close()
    with Ledger.open(closed) as ledger:
        assert ledger.queries.count("all") == 6


def test_a_damaged_index_page_fails_quick_check(closed):
    damage_index_page(closed)
    refused(closed, "损坏")


def test_a_file_sqlite_cannot_read_is_damaged_with_its_path(closed):
    data = bytearray(closed.read_bytes())
    data[100:] = bytes(len(data) - 100)
    closed.write_bytes(bytes(data))
    error = refused(closed, "损坏")
    assert isinstance(error, LedgerOpenError)


def test_a_replica_marker_of_another_organisation_is_refused(closed):
    conn = sqlite3.connect(closed)
    conn.execute("UPDATE local_state SET v = 'S:9999999999' WHERE k = 'org'")
    conn.commit()
    conn.close()
    refused(closed, "另一个单位")


def test_a_backup_with_a_broken_chain_is_not_restored(closed, tmp_path):
    with Ledger.open(closed) as ledger:
        ledger.backup(tmp_path / "copy.sqlite")
    copy = tmp_path / "copy.sqlite"
    tamper(copy, "UPDATE events SET body = CAST('{}' AS BLOB) WHERE seq = 3")
    before = closed.read_bytes()
    with pytest.raises(LedgerDamaged, match="被改动"):
        restore(closed, copy)
    assert closed.read_bytes() == before


def test_the_tail_bounds_the_work_at_open(closed):
    """Only the last `tail` events per replica are re-hashed: a link broken further back is
    left to `verify` (this is what keeps the check fast on a county ledger)."""
    tamper(closed, "UPDATE events SET body = CAST('{}' AS BLOB) WHERE seq = 3")
    conn = sqlite3.connect(closed)
    try:
        assert selfcheck.chain_problem(conn, tail=3) is None
        assert "被改动" in str(selfcheck.chain_problem(conn, tail=500))
    finally:
        conn.close()


def test_many_replicas_share_one_budget(monkeypatch):
    monkeypatch.setattr(selfcheck, "TOTAL_TAIL", 100)
    seen: list[int] = []
    monkeypatch.setattr(selfcheck, "_replica_problem",
                        lambda conn, rep, per: seen.append(per))
    monkeypatch.setattr(selfcheck, "_replicas", lambda conn: [f"r{i}" for i in range(50)])
    monkeypatch.setattr(selfcheck, "_marker_problem", lambda conn, org: None)
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE local_state (k, v)")
    assert selfcheck.chain_problem(conn) is None
    assert seen == [selfcheck.MIN_TAIL] * 50


def test_a_file_too_big_for_quick_check_at_open_is_checked_later(closed, monkeypatch):
    """A county-sized file opens on the chain check alone; `quick_check` then runs off the GUI
    thread and finds the same damage."""
    damage_index_page(closed)
    monkeypatch.setattr(selfcheck, "QUICK_CHECK_MAX_BYTES", 1024)
    assert selfcheck.deferred(closed)
    with Ledger.open(closed) as ledger, pytest.raises(LedgerDamaged, match="损坏"):
        selfcheck.quick_check(ledger.conn, ledger.path)


def test_verify_still_lists_everything_on_a_ledger_the_self_check_refuses(closed, capsys):
    from dropout_ledger.cli import main

    seq = last_seq(closed)
    tamper(closed, "UPDATE events SET body = CAST('{}' AS BLOB) WHERE seq = ?", params=(seq,))
    before = closed.read_bytes()
    assert main(["verify", "--ledger", str(closed)]) == 2
    out = capsys.readouterr().out
    assert "✗ 启动自检" in out and "事件内容被改动" in out
    assert closed.read_bytes() == before


def _received(conn: sqlite3.Connection, rep: str, seqs: list[int], prev_of_first: str) -> None:
    """Events of another school's replica as a sync import stores them (first_pkg set)."""
    from dropout_ledger import canonical
    from dropout_ledger.store.events import Operator, build_header

    lc = conn.execute("SELECT max(lc) FROM events").fetchone()[0]
    prev = prev_of_first
    for seq in seqs:
        body = canonical.encode({"fields": {"phone": f"0851-{seq:07d}"}})
        body_hash = canonical.sha256_hex(body)
        lc += 1
        header = build_header(org="S:2152482199", rep=rep, seq=seq, lc=lc, prev=prev,
                              wall="2026-11-01T08:00:00+08:00", who=Operator("o", "某老师"),
                              kind="update", ent="org:S:2152482199", body_hash=body_hash)
        eid = canonical.sha256_hex(header)
        conn.execute(
            "INSERT INTO events (eid, org, rep, seq, lc, kind, ent, prev, hdr, body, body_hash,"
            " first_pkg) VALUES (?, 'S:2152482199', ?, ?, ?, 'update', 'org:S:2152482199', ?,"
            " ?, ?, ?, 'package-1')", (eid, rep, seq, lc, prev, header, body, body_hash))
        prev = eid


def test_events_from_packages_may_leave_a_gap_or_a_fork_branch(closed):
    """A county holding seq 5–7 of a school's replica whose 1–4 are still on their way, the
    first linking to an event it does not have (another branch): the ledger opens."""
    conn = sqlite3.connect(closed)
    _received(conn, "other-school-replica", [5, 6, 7], prev_of_first="f" * 64)
    conn.commit()
    conn.close()
    with Ledger.open(closed) as ledger:
        assert selfcheck.chain_problem(ledger.conn) is None


def test_an_edited_event_from_a_package_is_still_found(closed):
    conn = sqlite3.connect(closed)
    _received(conn, "other-school-replica", [1, 2, 3], prev_of_first="")
    conn.commit()
    conn.close()
    tamper(closed, "UPDATE events SET body = CAST('{}' AS BLOB)"
                   " WHERE rep = 'other-school-replica' AND seq = 2")
    refused(closed, "内容被改动")
