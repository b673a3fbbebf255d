"""The back-test on a hand-made school history whose every count is worked out by hand.

Period: the 365 days up to Sunday 2026-11-22 (from 2025-11-22); look-back 60 days before each
case. Cases (pupils becoming 疑似辍学 from another status in the period):

  A  absent Mon–Wed 10-05..10-07, suspected 10-20     count ✓ (on an absence day)  run ✓
  B  nothing on record, suspected 11-02               misses everything
  C  双亲外出留守 since registration, suspected 09-10  left_behind ✓
  G  suspected 03-02 (nothing before: a miss), struck off 03-20, absent 05-20 and 05-21,
     suspected again 06-01                            two cases; the second: run ✓, count ✗
  I  absent 07-01..07-03, suspected 09-15             count ✓ only through the window ending on
                                                      the probe's first day (07-17), run ✓
Non-cases (in school in the period, no case opened in it):
  D  absent 06-01..06-03, 双亲外出留守                 count, run, left_behind: false alarms
  Ea Eb Ec nothing
  H  dropped out in 2025-10 (before the period), back 2026-10-01   recent_return: false alarm
Left out: F, registered already as 疑似辍学 (no history before its case).
"""

import datetime as dt

from dropout_ledger.model.status import Status
from dropout_ledger.warning.backtest import COMBINED, backtest, ratio_bp

TODAY = dt.date(2026, 11, 22)
FATHER = [{"name": "张大山", "relation": "father"}]


def _pupil(add_student, name, **fields):
    plain = {"left_behind": "0", "orphan": False, "unsupported": False, "in_difficulty": False,
             "guardians": FATHER}
    return add_student(name=name, **{**plain, **fields})


def _absent(ledger, sid, *days):
    ledger.records.add_many("absence", [{"student_id": sid, "date": d} for d in days])


def _suspect(ledger, sid, day):
    ledger.status.change(sid, Status.SUSPECTED, effective_date=day, reason_code="01")


def _history(ledger, add_student, factory):
    a, b, g, i = (_pupil(add_student, n) for n in "ABGI")
    c = _pupil(add_student, "C", left_behind="2")
    d = _pupil(add_student, "D", left_behind="2")
    for name in ("Ea", "Eb", "Ec"):
        _pupil(add_student, name)
    h = _pupil(add_student, "H")
    ledger.students.add(factory.student(grade=4, name="F"), status=Status.SUSPECTED,
                        effective_date="2025-09-01", reason_code="04")

    _absent(ledger, a, "2026-10-05", "2026-10-06", "2026-10-07")
    _suspect(ledger, a, "2026-10-20")
    _suspect(ledger, b, "2026-11-02")
    _suspect(ledger, c, "2026-09-10")
    _suspect(ledger, g, "2026-03-02")
    ledger.status.change(g, Status.ENROLLED, effective_date="2026-03-20",
                         closure_reason="at_school", closure_evidence="核实在校")
    _absent(ledger, g, "2026-05-20", "2026-05-21")
    _suspect(ledger, g, "2026-06-01")
    _absent(ledger, i, "2026-07-01", "2026-07-02", "2026-07-03")
    _suspect(ledger, i, "2026-09-15")
    _absent(ledger, d, "2026-06-01", "2026-06-02", "2026-06-03")
    _suspect(ledger, h, "2025-10-01")
    ledger.status.change(h, Status.DROPPED_OUT, effective_date="2025-10-10", reason_code="04")
    ledger.status.change(h, Status.RETURNED, effective_date="2026-10-01",
                         closure_reason="returned", closure_evidence="已返校")


def test_hits_and_false_alarms_are_counted_per_rule(ledger, add_student, factory):
    _history(ledger, add_student, factory)
    result = backtest(ledger.queries, ledger.settings.profile(), TODAY)
    assert (result.period_start, result.lookback_days) == ("2025-11-22", 60)
    assert (result.cases, result.non_cases) == (6, 5)
    assert result.base_rate_bp == 5455  # 6 of 11
    rows = {r.rule: r for r in result.rows}
    table = {code: (r.hits, r.alarms, r.precision_bp, r.recall_bp) for code, r in rows.items()}
    assert table == {
        "absence_count": (2, 1, 6667, 3333),
        "absence_run": (3, 1, 7500, 5000),
        "return_window": (0, 0, None, 0),
        "study_behaviour": (0, 0, None, 0),
        "recent_return": (0, 1, 0, 0),
        "left_behind": (1, 1, 5000, 1667),
        "elderly_guardian": (0, 0, None, 0),
        "family_crisis": (0, 0, None, 0),
        "overage": (0, 0, None, 0),
        # Any signal (A, G's second case, I; D, H) — C's one background rule is not enough.
        COMBINED: (3, 2, 6000, 5000),
    }
    assert list(rows)[-1] == COMBINED


def test_a_fact_recorded_after_the_case_opened_is_no_hit(ledger, add_student):
    late = _pupil(add_student, "甲")
    _suspect(ledger, late, "2026-09-10")
    ledger.students.edit(late, {"left_behind": "2"})  # learnt on the home visit, today
    rows = {r.rule: r for r in backtest(ledger.queries, ledger.settings.profile(), TODAY).rows}
    assert (rows["left_behind"].cases, rows["left_behind"].hits) == (1, 0)


def test_small_numbers_are_called_small(ledger, add_student, factory):
    _history(ledger, add_student, factory)
    result = backtest(ledger.queries, ledger.settings.profile(), TODAY)
    rows = {r.rule: r for r in result.rows}
    assert "只有6例个案" in result.note and "例数太少" in result.note
    assert rows["return_window"].note == "检验期内从未触发"
    assert rows["recent_return"].note == "只触发1次，准确率不可靠"
    assert rows["absence_run"].note == "只触发4次，准确率不可靠"
    assert rows[COMBINED].note == "只有6例个案，仅供参考"


def test_the_lookback_and_the_period_are_the_countys(ledger, add_student, factory):
    _history(ledger, add_student, factory)
    profile = ledger.settings.profile()
    short = {r.rule: r for r in backtest(ledger.queries, {**profile, "warn_backtest_days": 10},
                                         TODAY).rows}
    # A's absences (10-05..07) still fill the 30-day window on 10-10, the first of its ten days;
    # G's run reached two days on 05-21, within 30 days of 05-22; I's July days are too old.
    assert (short["absence_run"].hits, short["absence_count"].hits) == (2, 1)
    recent = backtest(ledger.queries, {**profile, "warn_backtest_period_days": 60}, TODAY)
    assert recent.period_start == "2026-09-23"
    assert recent.cases == 2  # A (10-20) and B (11-02); I (09-15) and C (09-10) are older


def test_switched_off_rules_are_scored_but_leave_the_flag(ledger, add_student, factory):
    _history(ledger, add_student, factory)
    profile = {**ledger.settings.profile(), "warn_rules_off": ["absence_run", "recent_return"]}
    rows = {r.rule: r for r in backtest(ledger.queries, profile, TODAY).rows}
    assert not rows["absence_run"].enabled and rows["absence_run"].hits == 3
    assert (rows[COMBINED].hits, rows[COMBINED].alarms) == (2, 1)  # A, I; D


def test_no_cases_means_nothing_to_test(ledger, add_student):
    _pupil(add_student, "甲")
    result = backtest(ledger.queries, ledger.settings.profile(), TODAY)
    assert result.cases == 0 and "无法检验" in result.note
    assert all(r.recall_bp is None and r.note == "没有个案可检验" for r in result.rows)


def test_the_probe_table_is_gone_afterwards(ledger, add_student):
    _pupil(add_student, "甲")
    backtest(ledger.queries, ledger.settings.profile(), TODAY)
    assert ledger.conn.execute(
        "SELECT count(*) FROM sqlite_temp_master WHERE name LIKE 'warn_%'").fetchone()[0] == 0


def test_ratios_round_half_up():
    assert ratio_bp(1, 3) == 3333 and ratio_bp(2, 3) == 6667 and ratio_bp(1, 8) == 1250
    assert ratio_bp(0, 5) == 0 and ratio_bp(5, 0) is None
