"""Property tests: random pupil histories, written through the services, against an oracle.

The oracle reads each pupil's status history in Python (`queries.status_history`), one pupil at
a time, which is exactly what the SQL must not do at county size; on a handful of pupils it is
an independent second implementation to compare with.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dropout_ledger.clock import FrozenClock
from dropout_ledger.ledger import Ledger
from dropout_ledger.model.identity import school_year_start
from dropout_ledger.model.status import TRANSITIONS, Status
from dropout_ledger.rates import compute, to_json
from dropout_ledger.rates.snapshot import ATTENDING, LOST, OFF_ROLL, Snapshot
from dropout_ledger.synthetic import FICTIONAL_COUNTY_CODE, SyntheticFactory

TODAY = dt.datetime(2026, 11, 22, 10, 0)  # as tests/core/conftest.py
CLOSURES = {
    Status.RETURNED: "returned", Status.ENROLLED: "at_school", Status.SUSPENDED: "suspended",
    Status.TRANSFERRED_OUT: "elsewhere_in_province", Status.DECEASED: "deceased",
    Status.HOME_TAUGHT: "home_teaching", Status.OVERAGE_LEFT: "overage",
}
CASE_PATH = frozenset({Status.SUSPECTED, Status.DROPPED_OUT, Status.RETURNED, Status.ENROLLED})
DATES = ("2025-09-01", "2026-02-10", "2026-06-30", "2026-08-31", "2026-09-01", "2026-09-02",
         "2026-09-30", "2026-10-01", "2026-10-20", "2026-11-22")
SNAPSHOTS = (dt.date(2026, 3, 15), dt.date(2026, 8, 31), dt.date(2026, 9, 1),
             dt.date(2026, 10, 1), dt.date(2026, 11, 22))


@st.composite
def histories(draw: Any) -> list[dict[str, Any]]:
    """Pupils: a grade, a registration date, then moves allowed by the transition table."""
    pupils = []
    for _ in range(draw(st.integers(1, 7))):
        start = draw(st.integers(0, len(DATES) - 1))
        status = Status.ENROLLED
        moves = []
        day = start
        for _ in range(draw(st.integers(0, 6))):
            choices = sorted(TRANSITIONS[status], key=lambda s: s.value)
            if not choices or day >= len(DATES) - 1 and draw(st.booleans()):
                break
            # Lean towards the dropout path, where most of the rules are.
            likely = [s for s in choices if s in CASE_PATH]
            if likely and draw(st.booleans()):
                choices = likely
            status = draw(st.sampled_from(choices))
            day = draw(st.integers(day, len(DATES) - 1))
            moves.append((status, DATES[day]))
        pupils.append({"grade": draw(st.integers(1, 9)), "sex": draw(st.sampled_from("12")),
                       "registered": DATES[start], "moves": moves,
                       "retract_last": draw(st.booleans()) and len(moves) > 0})
    return pupils


def move(ledger: Ledger, sid: str, to: Status, date: str) -> None:
    """A status change with the reason code and 销号 evidence the services ask for."""
    current = Status(ledger.queries.student(sid)["status"])  # type: ignore[index]
    extra: dict[str, Any] = {"reason_code": "04"} if to.is_case else {}
    if current.is_case and not to.is_case:
        extra |= {"closure_reason": CLOSURES[to], "closure_evidence": "班主任核实，有证明材料"}
    ledger.status.change(sid, to, effective_date=date, **extra)


def build(path: Any, pupils: list[dict[str, Any]]) -> Ledger:
    ledger = Ledger.create(path, kind="school", code="2152482101", name="某某学校",
                           county_code=FICTIONAL_COUNTY_CODE, clock=FrozenClock(TODAY))
    factory = SyntheticFactory(seed=3)
    for pupil in pupils:
        fields = factory.student(grade=pupil["grade"], sex=pupil["sex"], today=TODAY.date())
        sid = ledger.students.add(fields, effective_date=pupil["registered"]).created[0]
        for status, day in pupil["moves"]:
            move(ledger, sid, status, day)
        if pupil["retract_last"]:
            ledger.status.retract(ledger.queries.status_history(sid)[-1]["eid"], "录入错误")
    return ledger


def oracle(ledger: Ledger, on: dt.date) -> dict[str, Any]:
    """期初, 期末 and pupils lost in the school year of `on`, pupil by pupil, per grade."""
    year = school_year_start(on)
    start, eve = dt.date(year, 9, 1).isoformat(), dt.date(year, 8, 31).isoformat()
    out: dict[str, Any] = {"opening": {}, "closing": {}, "lost": {}}
    for row in ledger.queries.roster(limit=1000):
        student = ledger.queries.student(row.student_id)
        assert student is not None
        facts = [f for f in ledger.queries.status_history(row.student_id) if not f["retracted"]]
        current = Status(student["status"])
        left = school_year_start(dt.date.fromisoformat(student["status_date"]))
        grade = max(1, min(9, student["grade"] + year - (left if current in OFF_ROLL else year)))

        def at(day: str, facts: list[dict[str, Any]] = facts) -> Status | None:
            known = [f for f in facts if f["effective_date"] <= day]
            return Status(known[-1]["code"]) if known else None

        first = facts[0]
        opens = at(eve) in ATTENDING or (
            first["effective_date"] == start and Status(first["code"]) in ATTENDING
            and grade not in (1, 7))
        lost = any(
            start <= b["effective_date"] <= on.isoformat() and Status(a["code"]) in ATTENDING
            and Status(b["code"]) in LOST for a, b in zip(facts, facts[1:], strict=False))
        for key, yes in (("opening", opens), ("closing", at(on.isoformat()) in ATTENDING),
                         ("lost", lost)):
            out[key][grade] = out[key].get(grade, 0) + int(yes)
    return out


def walk_figures(node: Any) -> list[dict[str, Any]]:
    if isinstance(node, dict):
        found = [node] if "value_bp" in node else []
        return found + [f for v in node.values() for f in walk_figures(v)]
    if isinstance(node, list):
        return [f for v in node for f in walk_figures(v)]
    return []


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pupils=histories(), on=st.sampled_from(SNAPSHOTS))
def test_random_histories_agree_with_the_oracle_and_add_up(tmp_path_factory, pupils, on):
    with build(tmp_path_factory.mktemp("rates") / "school.sqlite", pupils) as ledger:
        report = compute(ledger.conn, on, ledger.settings.profile())
        expected = oracle(ledger, on)
        with Snapshot(ledger.conn, on) as snap:  # 期末 counted directly, not by movements
            direct = snap.year_counts()
        for g in range(1, 10):
            row = report.year.rows[str(g)]
            assert row.opening == expected["opening"].get(g, 0), g
            assert row.closing == expected["closing"].get(g, 0), g
            assert row.closing == sum(c.closing for k, c in direct.items() if k[0] == g), g
            assert row.balanced
        everyone = report.dropout["definitional"]["all"]
        assert everyone.total.numerator == sum(expected["lost"].values())
        # Counts add up across grades, stages, sexes; the net change is the head-count change.
        for convention in ("definitional", "net_change"):
            stages = report.dropout[convention]
            for b in stages.values():
                for part in (b.by_grade, b.by_sex, b.by_village):
                    assert sum(f.numerator or 0 for f in part.values()) == b.total.numerator
                    assert sum(f.denominator or 0 for f in part.values()) == b.total.denominator
            assert (stages["primary"].total.denominator + stages["junior"].total.denominator
                    == stages["all"].total.denominator)
        total = report.year.rows["total"]
        assert report.dropout["net_change"]["all"].total.numerator == (
            total.opening + total.flows["intake"] - total.flows["graduated"] - total.closing)
        # Every month closes with the pupils attending on its last day, and chains on.
        for before, after in zip(report.months, report.months[1:], strict=False):
            assert before.rows["total"].closing == after.rows["total"].opening
        assert report.months[-1].rows["total"].closing == total.closing
        # No figure outside 0–100 %, no float anywhere.
        for fig in walk_figures(to_json(report)):
            assert fig["value_bp"] is None or 0 <= fig["value_bp"] <= 10000
            assert fig["met"] is None or fig["target_bp"] is not None
