import hashlib

import pytest

from dropout_ledger import canonical
from dropout_ledger.errors import ValidationError
from dropout_ledger.store import sqlite as sqlite3  # the core's driver (SQLCipher)
from dropout_ledger.store.events import events_for


def test_every_event_is_chained_sequenced_and_content_addressed(ledger, add_student):
    add_student()
    add_student()
    rows = ledger.conn.execute(
        "SELECT eid, rep, seq, lc, prev, hdr, body, body_hash FROM events ORDER BY seq"
    ).fetchall()
    assert [r[2] for r in rows] == list(range(1, len(rows) + 1))
    assert rows[0][4] == ""
    for before, after in zip(rows, rows[1:], strict=False):
        assert after[4] == before[0]
        assert after[3] > before[3]
    for eid, rep, seq, lc, prev, hdr, body, body_hash in rows:
        assert hashlib.sha256(hdr).hexdigest() == eid
        assert hashlib.sha256(body).hexdigest() == body_hash
        header = canonical.decode(hdr)
        assert (header["rep"], header["seq"], header["lc"], header["prev"]) == (rep, seq, lc, prev)
        assert header["who"] == {"id": "local", "name": "本机用户"}
        assert header["wall"] == "2026-11-22T10:00:00+08:00"


def test_events_cannot_be_changed_or_deleted(ledger):
    with pytest.raises(sqlite3.IntegrityError, match="immutable"):
        ledger.conn.execute("UPDATE events SET body = x'00'")
    with pytest.raises(sqlite3.IntegrityError, match="immutable"):
        ledger.conn.execute("DELETE FROM events")


def test_a_students_history_lists_creation_then_status(ledger, add_student):
    sid = add_student()
    kinds = [e.kind for e in events_for(ledger.conn, f"student:{sid}")]
    assert kinds == ["student_create", "status"]


def test_a_failed_write_leaves_no_event_and_no_gap(ledger, add_student, factory):
    add_student()
    before = ledger.conn.execute("SELECT max(seq) FROM events").fetchone()[0]
    bad = factory.student(grade=3)
    bad["id_number"] = bad["id_number"][:-1] + ("0" if bad["id_number"][-1] != "0" else "1")
    with pytest.raises(ValidationError, match="第2行"):
        ledger.students.add_many([factory.student(grade=3), bad])
    assert ledger.conn.execute("SELECT max(seq) FROM events").fetchone()[0] == before
    add_student()
    seqs = [r[0] for r in ledger.conn.execute("SELECT seq FROM events ORDER BY seq")]
    assert seqs == list(range(1, len(seqs) + 1))
