"""Each early-warning rule on hand-made ledgers: when it holds, what it says, since when.

The frozen today is Sunday 2026-11-22; `add_student` registers pupils from 2025-09-01.
"""

import datetime as dt
import re

import pytest

from dropout_ledger.model import codes
from dropout_ledger.model.profile import PROFILE_DEFAULTS, WARNING_RULE_CODES
from dropout_ledger.model.status import Status
from dropout_ledger.warning.evaluate import evaluate
from dropout_ledger.warning.rules import FORBIDDEN_COLUMNS, RULES, Context

TODAY = dt.date(2026, 11, 22)


def _absent(ledger, sid, *days, excused=False):
    ledger.records.add_many("absence", [
        {"student_id": sid, "date": day, "excused": excused} for day in days])


def _hits(ledger, on=TODAY, **profile):
    """{name: {rule: hit}} for every pupil any rule holds for (flagged or not)."""
    merged = {**ledger.settings.profile(), "warn_background_min": 1, **profile}
    found = {}
    for flag in evaluate(ledger.queries, merged, on).flags:
        found[flag.name] = {hit.rule: hit for hit in flag.hits}
    return found


def _flags(ledger, on=TODAY, **profile):
    merged = {**ledger.settings.profile(), **profile}
    return {f.name: f for f in evaluate(ledger.queries, merged, on).flags}


def test_the_rule_table_matches_the_profile_switches():
    assert [r.code for r in RULES] == [c.code for c in WARNING_RULE_CODES]
    assert [r.label for r in RULES] == [c.label for c in WARNING_RULE_CODES]
    for rule in RULES:
        assert set(rule.params) <= set(PROFILE_DEFAULTS), rule.code


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_no_rule_reads_sex_ethnicity_or_the_economic_category(rule):
    ctx = Context.of(PROFILE_DEFAULTS, TODAY)
    columns = {read.split(".", 1)[1] for read in rule.reads}
    assert not columns & FORBIDDEN_COLUMNS
    assert FORBIDDEN_COLUMNS == {"sex", "ethnicity", "economic_category"}
    for sql in (rule.now_sql(ctx), rule.fired_sql(ctx)):
        words = set(re.findall(r"[a-z_]+", sql.lower()))
        assert not words & FORBIDDEN_COLUMNS, rule.code
        # Every students column the SQL names is declared in `reads`.
        named = set(re.findall(r"\bs\.([a-z_]+)", sql))
        assert named <= columns, (rule.code, named - columns)
    assert "poverty" not in rule.now_sql(ctx)


def test_sex_and_ethnicity_change_no_flag(ledger, add_student):
    girl = add_student(name="甲", sex="2", ethnicity="06", left_behind="2")
    boy = add_student(name="乙", sex="1", ethnicity="01", left_behind="2")
    for sid in (girl, boy):
        _absent(ledger, sid, "2026-11-16", "2026-11-17", "2026-11-18")
    hits = _hits(ledger)
    assert {k: v.detail for k, v in hits["甲"].items()} == {k: v.detail for k, v in hits["乙"].items()}
    ledger.students.edit(girl, {"ethnicity": "01"})
    assert {k: v.detail for k, v in _hits(ledger)["甲"].items()} == {
        k: v.detail for k, v in hits["甲"].items()}


def test_unexcused_absences_in_the_window_say_how_many_and_from_when(ledger, add_student):
    sid = add_student(name="丙")
    _absent(ledger, sid, "2026-11-03", "2026-11-10", "2026-11-19")
    _absent(ledger, sid, "2026-11-12", excused=True)  # a note from home: not counted
    _absent(ledger, sid, "2026-10-01")  # outside the 30 days
    hit = _hits(ledger)["丙"]["absence_count"]
    assert hit.detail == "近30天无故缺课3天（11月3日起）"
    assert hit.since == "2026-11-19"  # the third day in the window made it true
    assert hit.signal and hit.label == "近期多次无故缺课"
    assert "absence_count" not in _hits(ledger, warn_absence_count=4).get("丙", {})
    assert _hits(ledger, warn_absence_window_days=60)["丙"]["absence_count"].detail == (
        "近60天无故缺课4天（10月1日起）")


def test_since_reaches_back_while_the_rule_stayed_true(ledger, add_student):
    sid = add_student(name="丁")
    _absent(ledger, sid, "2026-10-20", "2026-10-22", "2026-10-26", "2026-11-10", "2026-11-18")
    # 10-26 made three in 30 days; 11-10 and 11-18 kept it at three or more until today.
    hit = _hits(ledger)["丁"]["absence_count"]
    assert hit.since == "2026-10-26"
    assert hit.detail == "近30天无故缺课3天（10月26日起）"


def test_a_run_counts_friday_and_monday_as_consecutive(ledger, add_student):
    sid = add_student(name="戊")
    _absent(ledger, sid, "2026-11-13", "2026-11-16")  # Friday, Monday
    hit = _hits(ledger)["戊"]["absence_run"]
    assert hit.detail == "11月13日至11月16日连续无故缺课2天"
    assert hit.since == "2026-11-16"
    assert "absence_run" not in _hits(ledger, exclude_weekends=False).get("戊", {})
    assert "absence_run" not in _hits(ledger, warn_absence_run=3).get("戊", {})


def test_the_longest_run_in_the_window_is_named(ledger, add_student):
    sid = add_student(name="己")
    _absent(ledger, sid, "2026-11-02", "2026-11-03", "2026-11-04", "2026-11-18", "2026-11-19")
    hit = _hits(ledger)["己"]["absence_run"]
    assert hit.detail == "11月2日至11月4日连续无故缺课3天"
    assert hit.since == "2026-11-03"


def test_absence_in_the_first_days_after_a_holiday_weighs_more(ledger, add_student):
    sid, other = add_student(name="庚"), add_student(name="辛")
    _absent(ledger, sid, "2026-10-12")  # the 3rd school day after 国庆 (10-08 is a Thursday)
    _absent(ledger, other, "2026-10-15")  # the 6th: outside the window
    on = dt.date(2026, 10, 20)
    hits = _hits(ledger, on)
    assert hits["庚"]["return_window"].detail == "国庆节后返校头5个上学日内无故缺课1天（10月12日）"
    assert hits["庚"]["return_window"].since == "2026-10-12"
    assert "辛" not in hits
    # The county moved this year's return day: the window moves with it.
    moved = _hits(ledger, on, national_day_return="2026-10-12")
    assert "return_window" in moved["辛"]
    assert "辛" not in _hits(ledger, on, warn_return_school_days=0)


def test_spring_term_start_is_a_return_window(ledger, add_student):
    sid = add_student(name="壬")
    _absent(ledger, sid, "2026-03-02")
    hits = _hits(ledger, dt.date(2026, 3, 10))
    assert hits["壬"]["return_window"].detail == "春季开学头5个上学日内无故缺课1天（3月2日）"


def test_teacher_marks_for_study_and_behaviour_but_not_poverty(ledger, add_student, clock):
    sid, poor = add_student(name="癸"), add_student(name="子")
    ledger.students.edit(sid, {"at_risk": ["academic", "internet", "poverty"]})
    ledger.students.edit(poor, {"at_risk": ["poverty"]})
    hit = _hits(ledger)["癸"]["study_behaviour"]
    assert hit.detail == "班主任标记：学业困难、沉迷网络"
    assert hit.since == "2026-11-22"  # the day it was marked
    assert "子" not in _hits(ledger)
    clock.advance(days=-10)
    ledger.students.edit(poor, {"at_risk": ["poverty", "discipline"]})
    assert _hits(ledger)["子"]["study_behaviour"].since == "2026-11-12"  # the day it was marked
    assert "子" not in _hits(ledger, dt.date(2026, 11, 11))  # not known yet


def test_a_recent_return_from_dropout(ledger, add_student):
    sid = add_student(name="丑")
    ledger.status.change(sid, Status.SUSPECTED, effective_date="2026-09-07", reason_code="04")
    ledger.status.change(sid, Status.DROPPED_OUT, effective_date="2026-09-14", reason_code="04")
    ledger.status.change(sid, Status.RETURNED, effective_date="2026-10-09",
                         closure_reason="returned", closure_evidence="已返校")
    hit = _hits(ledger)["丑"]["recent_return"]
    assert hit.detail == "10月9日复学（曾辍学），仍在180天复学跟踪期内"
    assert hit.since == "2026-10-09"
    assert "丑" not in _hits(ledger, returned_followup_days=30)


def test_family_situation_rules_are_background(ledger, add_student):
    add_student(name="寅", left_behind="2",
                guardians=[{"name": "王奶奶", "relation": "grandmother"},
                           {"name": "王爷爷", "relation": "maternal_grandfather"}])
    add_student(name="卯", left_behind="1",
                guardians=[{"name": "李妈", "relation": "mother"},
                           {"name": "李奶奶", "relation": "grandmother"}])
    crisis = add_student(name="辰", orphan=True)
    ledger.students.edit(crisis, {"at_risk": ["family_crisis"]})
    hits = _hits(ledger)
    assert hits["寅"]["left_behind"].detail == "双亲外出留守"
    assert hits["寅"]["left_behind"].since == "2025-09-01"  # given when registered
    assert hits["寅"]["elderly_guardian"].detail == "监护人只有外祖父、祖母（隔代监护）"
    assert not hits["寅"]["elderly_guardian"].signal
    assert set(hits["卯"]) == {"left_behind"}  # a parent at home: not 隔代监护
    assert hits["辰"]["family_crisis"].detail == "孤儿、班主任标记家庭变故"
    assert hits["辰"]["family_crisis"].since == "2025-09-01"  # the earliest of its facts
    # Background alone flags nobody at the default of three rules together.
    assert _flags(ledger) == {}


def test_background_flags_alone_only_when_enough_hold_together(ledger, add_student):
    add_student(name="巳", left_behind="2", orphan=True,
                guardians=[{"name": "赵奶奶", "relation": "grandmother"}])
    add_student(name="午", left_behind="2")
    flags = _flags(ledger)
    assert set(flags) == {"巳"}
    assert [h.rule for h in flags["巳"].hits] == ["left_behind", "elderly_guardian",
                                                  "family_crisis"]
    assert _flags(ledger, warn_background_min=0) == {}
    assert set(_flags(ledger, warn_background_min=1)) == {"巳", "午"}


def test_a_signal_lists_the_background_beside_it(ledger, add_student):
    sid = add_student(name="未", left_behind="2")
    _absent(ledger, sid, "2026-11-19", "2026-11-20")
    flag = _flags(ledger)["未"]
    assert [h.rule for h in flag.hits] == ["absence_run", "left_behind"]
    assert flag.since == "2026-11-20" and flag.signals == 1


def test_overage_by_birth_date(ledger, add_student, factory):
    birth = factory.birth_for_grade(7, TODAY)  # a seventh grader's age
    add_student(name="申", grade=5, birth_date=birth.isoformat())
    add_student(name="酉", grade=5)
    hits = _hits(ledger)
    assert hits["申"]["overage"].detail == "按出生日期应读7年级，现读5年级（大2岁）"
    assert "酉" not in hits
    assert "overage" not in _hits(ledger, warn_overage_years=3).get("申", {})


def test_a_county_switches_a_rule_off(ledger, add_student):
    sid = add_student(name="戌")
    _absent(ledger, sid, "2026-11-18", "2026-11-19", "2026-11-20")
    assert set(_hits(ledger)["戌"]) == {"absence_count", "absence_run"}
    ledger.settings.set_profile(warn_rules_off=["absence_run"])
    assert set(_hits(ledger)["戌"]) == {"absence_count"}
    assert "absence_run" not in evaluate(ledger.queries, ledger.settings.profile(), TODAY).rules


def test_only_pupils_in_class_are_watched(ledger, add_student):
    sid = add_student(name="亥")
    _absent(ledger, sid, "2026-11-18", "2026-11-19", "2026-11-20")
    ledger.status.change(sid, Status.SUSPECTED, effective_date="2026-11-20", reason_code="01")
    assert "亥" not in _hits(ledger)  # a case already: its work is the case, not a warning


def test_poverty_is_a_subsidy_check_never_a_flag(ledger, add_student):
    sid = add_student(name="甲乙", economic_category="dibao")
    add_student(name="丙丁", economic_category="")
    result = evaluate(ledger.queries, ledger.settings.profile(), TODAY, restricted=True)
    assert result.flags == ()
    [check] = result.subsidy_checks
    assert check.name == "甲乙"
    assert check.detail == "低保户：2026年秋季学期尚无生活补助发放记录，请核实资助是否已落实"
    # Without the right to see the category, the check is not even computed from it.
    assert evaluate(ledger.queries, ledger.settings.profile(), TODAY).subsidy_checks == ()
    ledger.records.add("subsidy", {"student_id": sid, "item": "living_day",
                                   "period": "2026年秋季学期", "amount_fen": 37500})
    assert evaluate(ledger.queries, ledger.settings.profile(), TODAY,
                    restricted=True).subsidy_checks == ()


def test_a_teachers_poverty_mark_is_a_subsidy_check_for_anyone(ledger, add_student):
    ledger.students.edit(add_student(name="戊己"), {"at_risk": ["poverty"]})
    [check] = evaluate(ledger.queries, ledger.settings.profile(), TODAY).subsidy_checks
    assert check.detail.startswith("班主任标记家庭经济困难：") and "请核实资助是否已落实" in check.detail


def test_labels_come_from_the_code_tables():
    assert codes.label_of(codes.LEFT_BEHIND, "2") == "双亲外出留守"
    assert {r.code for r in RULES if r.signal} == {
        "absence_count", "absence_run", "return_window", "study_behaviour", "recent_return"}
