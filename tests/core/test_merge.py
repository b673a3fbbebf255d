"""Per-field registers: concurrent edits are kept, a winner is shown, and the result does not
depend on the order events arrive in (the foundation USB sync stands on, sync.md §c.5)."""

import itertools
import sqlite3

from dropout_ledger.store import db, projections, schema
from dropout_ledger.store.events import EventWriter, Operator

OTHER = Operator(id="county", name="县教育局")


def _foreign_update(ledger, rep, ent, field, value, base):
    """An edit written on another replica (as if it arrived on a USB stick)."""
    with db.immediate(ledger.conn):
        writer = EventWriter(ledger.conn, org="C:524821", rep=rep, operator=OTHER,
                             clock=ledger.clock)
        event = writer.append("update", ent, {"fields": {field: {"value": value, "base": base}}})
        projections.apply(ledger.conn, event)
    return event


def _projection_in_order(ledger, events):
    """Apply `events` in the given order to a scratch database; return its projections."""
    scratch = sqlite3.connect(":memory:", isolation_level=None, uri=True)
    scratch.execute("ATTACH DATABASE ? AS live", (f"file:{ledger.path}?mode=ro",))
    projections.create_tables(scratch)
    for event in events:
        projections.apply(scratch, event)
    tables = {t: sorted(scratch.execute(f"SELECT * FROM main.{t}").fetchall(), key=repr)
              for t in schema.PROJECTION_TABLES}
    scratch.close()
    return tables


def test_concurrent_edits_are_kept_as_a_conflict_and_a_winner_is_shown(ledger, add_student):
    sid = add_student()
    ent = f"student:{sid}"
    create = projections.current_heads(ledger.conn, ent, "address")[0].eid
    ledger.students.edit(sid, {"address": "石门村一组"})
    mine = projections.current_heads(ledger.conn, ent, "address")[0]
    theirs = _foreign_update(ledger, "b" * 32, ent, "address", "石门村三组", [create])

    heads = projections.current_heads(ledger.conn, ent, "address")
    assert {h.eid for h in heads} == {mine.eid, theirs.eid}
    shown = projections.winner(heads)
    assert ledger.queries.student(sid)["address"] == ("石门村一组" if shown.eid == mine.eid
                                                      else "石门村三组")
    assert ledger.conn.execute("SELECT count(*) FROM conflicts").fetchone()[0] == 1

    ledger.students.edit(sid, {"address": "石门村二组"})  # a person resolves it
    assert len(projections.current_heads(ledger.conn, ent, "address")) == 1
    assert ledger.conn.execute("SELECT count(*) FROM conflicts").fetchone()[0] == 0


def test_identical_concurrent_values_are_not_a_conflict(ledger, add_student):
    sid = add_student()
    ent = f"student:{sid}"
    create = projections.current_heads(ledger.conn, ent, "class_name")[0].eid
    ledger.students.edit(sid, {"class_name": "7班"})
    _foreign_update(ledger, "c" * 32, ent, "class_name", "7班", [create])
    assert len(projections.current_heads(ledger.conn, ent, "class_name")) == 2
    assert ledger.conn.execute("SELECT count(*) FROM conflicts").fetchone()[0] == 0


def test_the_projection_does_not_depend_on_arrival_order(ledger, add_student):
    sid = add_student()
    ent = f"student:{sid}"
    create = projections.current_heads(ledger.conn, ent, "address")[0].eid
    a = _foreign_update(ledger, "a" * 32, ent, "address", "一组", [create])
    b = _foreign_update(ledger, "b" * 32, ent, "address", "二组", [create])
    c = _foreign_update(ledger, "a" * 32, ent, "address", "三组", [a.eid])  # after seeing a
    from dropout_ledger.store.events import iter_events

    everything = list(iter_events(ledger.conn))
    fixed = [e for e in everything if e.eid not in {a.eid, b.eid, c.eid}]
    creation = next(e for e in fixed if e.kind == "student_create")
    others = [e for e in fixed if e is not creation]
    results = []
    for order in itertools.permutations([creation, a, b, c]):
        results.append(_projection_in_order(ledger, others + list(order)))
    assert all(result == results[0] for result in results)
    heads = {row[2] for row in results[0]["field_heads"] if row[1] == "address"}
    assert heads == {b.eid, c.eid}  # a was superseded by c, even when c arrived first
