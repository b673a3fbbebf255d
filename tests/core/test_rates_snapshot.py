"""Rates on real ledgers built with the services, against counts worked out by hand.

The clock stands at 2026-11-22, so the school year is 2026 (from 2026-09-01; its eve is
2026-08-31). Students registered by `add_student` are enrolled since 2025-09-01.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from dropout_ledger.ledger import Ledger
from dropout_ledger.model.status import Status
from dropout_ledger.rates import compute, to_json
from dropout_ledger.rates.snapshot import ATTENDING

CLOSURES = {
    Status.RETURNED: "returned", Status.ENROLLED: "at_school", Status.SUSPENDED: "suspended",
    Status.TRANSFERRED_OUT: "elsewhere_in_province", Status.DECEASED: "deceased",
    Status.HOME_TAUGHT: "home_teaching", Status.OVERAGE_LEFT: "overage",
}
ON = dt.date(2026, 11, 22)


def move(ledger: Ledger, sid: str, to: Status, date: str) -> None:
    """A status change the way a principal records it (reason codes, 销号 evidence)."""
    current = Status(ledger.queries.student(sid)["status"])  # type: ignore[index]
    extra: dict[str, Any] = {}
    if to.is_case:
        extra["reason_code"] = "04"
    if current.is_case and not to.is_case:
        extra |= {"closure_reason": CLOSURES[to], "closure_evidence": "班主任核实，有证明材料"}
    ledger.status.change(sid, to, effective_date=date, **extra)


def drop(ledger: Ledger, sid: str, suspected: str, dropped: str) -> None:
    move(ledger, sid, Status.SUSPECTED, suspected)
    move(ledger, sid, Status.DROPPED_OUT, dropped)


def report(ledger: Ledger, on: dt.date = ON) -> Any:
    return compute(ledger.conn, on, ledger.settings.profile())


@pytest.fixture
def grade5(ledger, add_student, factory):
    """The hand-worked grade 5 of test_rates_formulas.HAND, plus two pupils gone before."""
    ids = {name: add_student(grade=5) for name in "ABCDEFGIJ"}
    move(ledger, ids["B"], Status.SUSPENDED, "2026-10-08")           # 休学
    move(ledger, ids["C"], Status.DECEASED, "2026-10-12")            # 死亡
    move(ledger, ids["D"], Status.TRANSFERRED_OUT, "2026-09-20")     # 转出
    drop(ledger, ids["E"], "2026-09-10", "2026-09-12")               # 辍学 …
    move(ledger, ids["E"], Status.RETURNED, "2026-10-01")            # … 劝返复学 …
    drop(ledger, ids["E"], "2026-10-20", "2026-10-22")               # … and 辍学 again
    drop(ledger, ids["F"], "2026-09-14", "2026-09-15")
    move(ledger, ids["F"], Status.RETURNED, "2026-11-01")
    drop(ledger, ids["G"], "2026-03-01", "2026-03-03")               # dropped out last year
    move(ledger, ids["I"], Status.SUSPENDED, "2026-05-01")           # 休学 last year …
    move(ledger, ids["I"], Status.ENROLLED, "2026-09-15")            # … 复学 this year
    move(ledger, ids["J"], Status.TRANSFERRED_OUT, "2026-04-01")     # 转出 last year …
    move(ledger, ids["J"], Status.ENROLLED, "2026-10-15")            # … and back: 转入
    ids["H"] = register(ledger, factory, "2026-10-05", 5)            # 转入 (new to us)
    return ids


def register(ledger: Ledger, factory: Any, day: str, grade: int) -> str:
    """A pupil who arrived on `day`, recorded in `grade` (the grade now, or when they left)."""
    fields = factory.student(grade=grade, today=ON)
    return ledger.students.add(fields, effective_date=day).created[0]


def test_the_year_of_a_grade_worked_by_hand(ledger, grade5):
    r = report(ledger)
    row = r.year.rows["5"]
    assert (row.opening, row.closing) == (6, 5)  # A–F attending on 08-31; A F H I J now
    assert row.flows["transferred_in"] == 2 and row.flows["resumed"] == 1
    assert row.flows["returned"] == 2 and row.flows["intake"] == 0
    assert row.flows["transferred_out"] == 1 and row.flows["suspended"] == 1
    assert row.flows["deceased"] == 1 and row.flows["dropped_out"] == 3  # E twice, F once
    assert row.balanced

    definitional = r.dropout["definitional"]["primary"].by_grade["5"]
    assert (definitional.numerator, definitional.denominator, definitional.value_bp) == (3, 6, 5000)
    assert definitional.parts == {"dropped_out": 2, "suspended": 1, "overage_left": 0}
    assert definitional.target_bp == 50 and definitional.met is False
    net = r.dropout["net_change"]["primary"].by_grade["5"]
    assert (net.numerator, net.denominator, net.value_bp) == (1, 6, 1667)
    # The grade is the whole primary stage here, and nothing is in the junior stage.
    assert r.dropout["definitional"]["primary"].total.numerator == 3
    assert r.dropout["definitional"]["junior"].total.value_bp is None


def test_a_snapshot_counts_only_what_had_happened_by_its_date(ledger, grade5):
    before = report(ledger, dt.date(2026, 9, 11)).dropout["definitional"]["primary"].total
    assert (before.numerator, before.denominator) == (0, 6)  # E only suspected yet
    on_the_day = report(ledger, dt.date(2026, 9, 12)).dropout["definitional"]["primary"].total
    assert on_the_day.numerator == 1
    # E dropped out twice and F once by 11-22, but they are 2 pupils; B's 休学 makes 3.
    assert report(ledger).dropout["definitional"]["primary"].total.numerator == 3


def test_last_school_year_is_its_own_window(ledger, grade5):
    r = report(ledger, dt.date(2026, 8, 31))
    assert r.school_year == 2025 and r.start == dt.date(2025, 9, 1)
    total = r.dropout["definitional"]["primary"].total
    # Last year: G dropped out and I went on 休学 (J's 转出 is not dropout); 9 started it.
    assert (total.numerator, total.denominator) == (2, 9)
    assert total.parts == {"dropped_out": 1, "suspended": 1, "overage_left": 0}
    net = r.dropout["net_change"]["primary"].total
    assert net.numerator == 3 and net.parts["transferred_out"] == 1


def test_every_month_closes_with_the_pupils_attending_on_its_last_day(ledger, grade5):
    r = report(ledger)
    assert [t.period for t in r.months] == ["2026-09", "2026-10", "2026-11"]
    assert r.months[-1].end == ON
    for table in r.months:
        direct = report(ledger, table.end).year.rows["total"].closing
        assert table.rows["total"].closing == direct == attending_on(ledger, table.end)
        assert all(row.balanced for row in table.rows.values())
    assert r.months[0].rows["5"].opening == r.year.rows["5"].opening
    for a, b in zip(r.months, r.months[1:], strict=False):
        assert b.rows["5"].opening == a.rows["5"].closing


def attending_on(ledger: Ledger, day: dt.date) -> int:
    """The oracle: each student's status on `day` read from their history in Python."""
    count = 0
    for row in ledger.queries.roster(limit=10_000):
        facts = [f for f in ledger.queries.status_history(row.student_id)
                 if not f["retracted"] and f["effective_date"] <= day.isoformat()]
        if facts and Status(facts[-1]["code"]) in ATTENDING:
            count += 1
    return count


def test_new_pupils_of_grade_1_are_intake_and_count_in_the_base(ledger, factory):
    first = [register(ledger, factory, "2026-09-01", 1) for _ in range(3)]
    drop(ledger, first[0], "2026-10-09", "2026-10-10")
    r = report(ledger)
    assert r.year.rows["1"].flows["intake"] == 3 and r.year.rows["1"].opening == 0
    fig = r.dropout["definitional"]["primary"].by_grade["1"]
    assert (fig.numerator, fig.denominator, fig.value_bp) == (1, 3, 3333)


def test_breakdowns_by_sex_and_village_add_up_to_the_stage(ledger, add_student):
    ids = [add_student(grade=8, sex=sex, village_name=village)
           for sex, village in [("1", "龙潭村"), ("2", "龙潭村"), ("2", "石门村"), ("1", "")]]
    drop(ledger, ids[1], "2026-10-01", "2026-10-02")
    move(ledger, ids[3], Status.TRANSFERRED_OUT, "2026-10-03")
    junior = report(ledger).dropout["definitional"]["junior"]
    assert set(junior.by_grade) == {"7", "8", "9"}
    assert junior.by_sex["2"].numerator == 1 and junior.by_sex["2"].denominator == 2
    assert junior.by_sex["1"].numerator == 0 and junior.by_sex["1"].denominator == 2
    assert set(junior.by_village) == {"龙潭村", "石门村", "unknown"}
    assert junior.by_village["龙潭村"].value_bp == 5000
    assert junior.total.target_bp == 150
    for part in (junior.by_grade, junior.by_sex, junior.by_village):
        assert sum(fig.numerator for fig in part.values()) == junior.total.numerator
        assert sum(fig.denominator for fig in part.values()) == junior.total.denominator


def test_a_cohort_worked_by_hand(ledger, factory):
    """The grade 6 of 2026 entered grade 1 in 2021: 4 came, 1 left, 1 arrived, 1 dropped out."""
    def registered(day: str, grade: int) -> str:
        return register(ledger, factory, day, grade)

    stay = [registered("2021-09-01", 6) for _ in range(2)]
    dropper = registered("2021-09-01", 6)
    leaver = registered("2021-09-01", 2)  # left in 2022–23, in grade 2: its grade then
    move(ledger, leaver, Status.TRANSFERRED_OUT, "2023-03-01")
    newcomer = registered("2024-09-01", 6)
    drop(ledger, dropper, "2026-10-01", "2026-10-02")
    r = report(ledger)
    fig = r.consolidation["primary"]
    assert fig.parts == {"intake": 4, "transferred_in": 1, "transferred_out": 1, "graduated": 0}
    assert (fig.numerator, fig.denominator, fig.value_bp) == (3, 4, 7500)
    assert (r.cohorts["6"].numerator, r.cohorts["6"].denominator) == (3, 4)
    assert stay and newcomer


def test_a_cohort_the_ledger_did_not_see_enter_has_no_figure(ledger, add_student):
    """Grade 9 of 2026 entered junior school in 2024; these pupils are on the ledger since 2025."""
    for _ in range(3):
        add_student(grade=9)
    r = report(ledger)
    for key in ("junior", "nine_year"):
        fig = r.consolidation[key]
        assert fig.value_bp is None and fig.met is None and "招生数为0" in fig.note
        assert fig.parts["transferred_in"] == 3
    assert r.consolidation["nine_year"].target_bp == 9600
    assert r.cohorts["1"].value_bp is None  # nobody in grade 1 at all


def test_graduates_are_kept_by_their_cohort_and_are_the_progression_denominator(
    ledger, factory
):
    ids = [register(ledger, factory, "2024-09-01", 9) for _ in range(2)]
    move(ledger, ids[0], Status.GRADUATED, "2026-11-20")
    r = report(ledger)
    assert r.consolidation["junior"].numerator == 2 and r.consolidation["junior"].value_bp == 10000
    assert r.consolidation["junior"].parts["graduated"] == 1
    assert (r.progression.numerator, r.progression.denominator) == (0, 1)
    assert r.progression.parts == {"unrecorded": 1}
    assert r.progression.target_bp == 9000 and "1名毕业生未登记毕业去向" in r.progression.note
    assert r.year.rows["9"].flows["graduated"] == 1


def test_three_category_disability_counts_pupils_holding_xueji(ledger, add_student):
    seeing = add_student(grade=3, disability_type="1", inclusive=True)
    learning = add_student(grade=3, disability_type="5")
    add_student(grade=3, disability_type="4")  # 肢体: not one of the three categories
    add_student(grade=3, disability_type="")
    drop(ledger, learning, "2026-10-01", "2026-10-02")
    r = report(ledger)
    three = r.disability["three_categories"]
    assert (three.numerator, three.denominator, three.value_bp) == (1, 2, 5000)
    assert three.parts == {"home_taught": 0, "inclusive": 1, "not_enrolled": 1}
    assert r.disability["4"].value_bp == 10000 and "1" in r.disability
    assert seeing


def test_enrolment_needs_the_county_list(ledger, add_student):
    add_student()
    r = report(ledger)
    assert set(r.enrolment) == {"primary", "junior", "all"}
    assert all(f.value_bp is None and f.numerator is None and "户籍适龄儿童名单" in f.note
               and f.target_bp == 9500 for f in r.enrolment.values())


def test_retracted_facts_and_students_do_not_count(ledger, add_student):
    kept, gone = add_student(grade=4), add_student(grade=4)
    drop(ledger, kept, "2026-10-01", "2026-10-02")
    wrong = ledger.queries.status_history(kept)[-1]["eid"]
    ledger.status.retract(wrong, "录入错误")
    ledger.students.retract(gone, "重复登记")
    fig = report(ledger).dropout["definitional"]["primary"].total
    assert (fig.numerator, fig.denominator) == (0, 1)


def test_targets_come_from_the_county_profile(ledger, add_student):
    add_student(grade=2)
    ledger.settings.set_profile(primary_dropout_max_bp=60, consolidation_min_bp=9500)
    r = report(ledger)
    assert r.dropout["net_change"]["primary"].total.target_bp == 60
    assert r.consolidation["nine_year"].target_bp == 9500
    assert r.dropout["definitional"]["all"].total.target_bp is None


def test_json_has_integers_only_and_every_figure_its_convention(ledger, grade5):
    data = to_json(report(ledger))

    def walk(node: Any) -> None:
        assert not isinstance(node, float)
        if isinstance(node, dict):
            if "value_bp" in node:
                assert node["convention"] in data["conventions"]
                assert {"numerator", "denominator", "target_bp", "met"} <= set(node)
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(data)
    assert data["date"] == "2026-11-22" and data["period"]["start"] == "2026-09-01"
    assert data["movement"]["year"]["rows"]["5"]["dropped_out"] == 3
