"""A full rebuild from the events must equal the incrementally maintained projections."""

import datetime as dt

from conftest import SCHOOL_CODE, TODAY
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule

from dropout_ledger.clock import FrozenClock
from dropout_ledger.errors import InputRefused
from dropout_ledger.ledger import Ledger
from dropout_ledger.model.status import Status
from dropout_ledger.store import verify
from dropout_ledger.synthetic import SyntheticFactory


def rebuild_matches(ledger: Ledger) -> verify.Check:
    return verify._rebuild(ledger.path)


class LedgerMachine(RuleBasedStateMachine):
    """Random sequences of the operations a principal performs, refusals included."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: list[str] = []
        self.records: list[tuple[str, str]] = []

    @initialize(seed=st.integers(0, 10_000))
    def open(self, seed: int) -> None:
        import tempfile
        from pathlib import Path

        self.folder = tempfile.TemporaryDirectory()
        self.clock = FrozenClock(TODAY)
        self.factory = SyntheticFactory(seed)
        self.ledger = Ledger.create(Path(self.folder.name) / "l.sqlite", kind="school",
                                    code=SCHOOL_CODE, name="测试学校", clock=self.clock)

    def teardown(self) -> None:
        self.ledger.close()
        self.folder.cleanup()

    @rule(grade=st.integers(1, 9))
    def add_student(self, grade: int) -> None:
        fields = self.factory.student(grade=grade, today=TODAY.date())
        self.ids.extend(self.ledger.students.add(fields, effective_date="2025-09-01").created)

    @rule(data=st.data(), field=st.sampled_from(["class_name", "address", "left_behind",
                                                 "at_risk", "boarding", "note", "name"]))
    def edit(self, data: st.DataObject, field: str) -> None:
        if not self.ids:
            return
        sid = data.draw(st.sampled_from(self.ids))
        value = {"class_name": data.draw(st.sampled_from(["1班", "2班", ""])),
                 "address": data.draw(st.sampled_from(["一组", "二组"])),
                 "left_behind": data.draw(st.sampled_from(["0", "1", "2"])),
                 "at_risk": data.draw(st.sampled_from([[], ["absence"], ["poverty", "other"]])),
                 "boarding": data.draw(st.booleans()), "note": "备注",
                 "name": data.draw(st.sampled_from(["曾强", "王", "欧阳娜娜"]))}[field]
        self._try(lambda: self.ledger.students.edit(sid, {field: value}))

    @rule(data=st.data(), to=st.sampled_from(list(Status)), days=st.integers(0, 5))
    def change_status(self, data: st.DataObject, to: Status, days: int) -> None:
        if not self.ids:
            return
        sid = data.draw(st.sampled_from(self.ids))
        self.clock.advance(days=days)
        self._try(lambda: self.ledger.status.change(
            sid, to, effective_date=self.clock.today(), reason_code="02",
            closure_reason="other", closure_evidence="核实"))

    @rule(data=st.data())
    def add_visit_or_escalation(self, data: st.DataObject) -> None:
        cases = [r["id"] for r in self.ledger.queries.records("case")]
        if not cases:
            return
        case = self.ledger.queries.record("case", data.draw(st.sampled_from(cases)))
        kind = data.draw(st.sampled_from(["visit", "escalation"]))
        fields = {"student_id": case["student_id"], "case_id": case["id"],
                  "date": self.clock.today().isoformat()}
        fields |= ({"mode": "home", "participants": ["李老师"]} if kind == "visit"
                   else {"stage": data.draw(st.sampled_from(["L0", "L2", "L5"]))})
        changes = self.ledger.records.add(kind, fields)
        self.records.append((kind, changes.created[0]))

    @rule(data=st.data())
    def retract_a_student(self, data: st.DataObject) -> None:
        """Also takes the student out of the search index (rebuilt in one pass at the end)."""
        if self.ids:
            sid = data.draw(st.sampled_from(self.ids))
            self._try(lambda: self.ledger.students.retract(sid, "重复录入"))

    @rule(data=st.data())
    def retract_something(self, data: st.DataObject) -> None:
        if self.records and data.draw(st.booleans()):
            kind, record = data.draw(st.sampled_from(self.records))
            self._try(lambda: self.ledger.records.retract(kind, record, "录入错误"))
        elif self.ids:
            sid = data.draw(st.sampled_from(self.ids))
            eid = self.ledger.queries.status_history(sid)[-1]["eid"]
            self._try(lambda: self.ledger.status.retract(eid, "录入错误"))

    @invariant()
    def rebuild_equals_incremental(self) -> None:
        if hasattr(self, "ledger"):
            check = rebuild_matches(self.ledger)
            assert check.ok, check.problems

    @staticmethod
    def _try(action) -> None:  # type: ignore[no-untyped-def]
        try:
            action()
        except InputRefused:
            pass  # a refusal must leave the projections consistent too


LedgerMachine.TestCase.settings = settings(
    max_examples=12, stateful_step_count=12, deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
TestLedgerMachine = LedgerMachine.TestCase


def test_a_demo_school_rebuilds_to_exactly_its_projections(ledger):
    from dropout_ledger.services import demo

    demo.populate(ledger, students=300, seed=3)
    check = rebuild_matches(ledger)
    assert check.ok, check.problems
    assert "与现有数据完全一致" in check.summary


def test_the_search_index_is_rebuilt_to_what_edits_left(ledger, add_student):
    """Edits keep the index one student at a time; a rebuild fills it in one pass: same rows."""
    sid = add_student(name="张伟")
    other = add_student(name="曾强")
    ledger.students.edit(sid, {"name": "王芳", "xjh": "J987654321012345678"})
    ledger.students.retract(other, "重复录入")
    keys = ledger.conn.execute("SELECT * FROM search_keys ORDER BY 1, 2").fetchall()
    assert ("n王芳", sid) in keys and not [k for k in keys if k[1] == other]
    check = rebuild_matches(ledger)
    assert check.ok, check.problems


def test_status_order_follows_effective_dates_not_entry_order(ledger, add_student):
    sid = add_student()
    ledger.status.change(sid, Status.SUSPENDED, effective_date=dt.date(2026, 11, 1))
    assert ledger.queries.student(sid)["status"] == "suspended"
    assert [h["code"] for h in ledger.queries.status_history(sid)] == ["enrolled", "suspended"]
