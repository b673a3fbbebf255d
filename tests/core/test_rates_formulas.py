"""The pure formulas of dropout_ledger.rates.formulas, against numbers worked out by hand."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dropout_ledger.rates import formulas as f
from dropout_ledger.rates.formulas import CohortCounts, YearCounts


@pytest.mark.parametrize("numerator, denominator, bp", [
    (1, 200, 50),        # 0.5 %
    (1, 3, 3333),        # 33.333… %
    (2, 3, 6667),        # 66.666… % rounds up
    (1, 6, 1667),        # 16.666… %
    (1, 8000, 1),        # 0.0125 % = 1.25 bp → 1
    (1, 20000, 1),       # 0.5 bp: half rounds up
    (0, 7, 0),
    (7, 7, 10000),
])
def test_ratio_is_rounded_half_up_in_integers(numerator, denominator, bp):
    assert f.ratio_bp(numerator, denominator) == bp


def test_a_zero_denominator_gives_no_figure_and_says_why():
    fig = f.figure("小学辍学率", "definitional", 0, 0, target=(50, "max"))
    assert fig.value_bp is None and fig.met is None and fig.target_bp == 50
    assert "分母为0" in fig.note


def test_met_compares_the_displayed_value_with_the_target():
    # 1/200 = 0.50 % exactly: at the limit is met; 0.505 % rounds to 51 bp: not met.
    assert f.figure("x", "definitional", 1, 200, target=(50, "max")).met is True
    assert f.figure("x", "definitional", 101, 20000, target=(50, "max")).met is False
    assert f.figure("x", "cohort_sheet", 96, 100, target=(9600, "min")).met is True
    assert f.figure("x", "cohort_sheet", 95, 100, target=(9600, "min")).met is False
    assert f.figure("x", "cohort_sheet", 95, 100).met is None


def test_values_outside_0_100_percent_are_clamped_and_say_so():
    negative = f.figure("x", "net_change", -3, 100)
    assert negative.value_bp == 0 and negative.numerator == -3 and "按0计" in negative.note
    over = f.figure("x", "cohort_sheet", 12, 10)
    assert over.value_bp == 10000 and over.numerator == 12 and "100%" in over.note


# A grade of 6 pupils on the eve of the year (worked through in test_rates_snapshot.py):
# B 休学, C 死亡, D 转出, E 辍学 twice and back once, F 辍学 and back; arrivals: H 转入 (new),
# J 转入 (back from 转出), I 复学 after 休学.
HAND = YearCounts(
    opening=6, closing=5, transferred_in=2, resumed=1, returned=2, transferred_out=1,
    suspended=1, deceased=1, dropped_out=3, lost=3, lost_dropped_out=2, lost_suspended=1,
)


def test_definitional_counts_each_pupil_once_and_includes_suspension():
    fig = f.dropout_definitional(HAND, "五年级辍学率", (50, "max"))
    assert (fig.numerator, fig.denominator, fig.value_bp) == (3, 6, 5000)
    assert fig.parts == {"dropped_out": 2, "suspended": 1, "overage_left": 0}
    assert fig.convention == "definitional" and fig.met is False


def test_net_change_is_losses_minus_gains_and_equals_the_head_count_change():
    fig = f.dropout_net_change(HAND, "五年级辍学率")
    # (转出1 + 休学1 + 死亡1 + 辍学3) − (转入2 + 复学1 + 劝返复学2) = 1; 1/6 = 16.67 %
    assert (fig.numerator, fig.denominator, fig.value_bp) == (1, 6, 1667)
    assert fig.numerator == HAND.opening + HAND.intake - HAND.graduated - HAND.closing
    assert fig.parts["deceased"] == 1 and fig.parts["returned"] == 2


def test_a_net_gain_is_shown_as_zero_not_negative():
    counts = YearCounts(opening=10, closing=12, transferred_in=3, transferred_out=1)
    fig = f.dropout_net_change(counts, "x")
    assert fig.numerator == -2 and fig.value_bp == 0


def test_consolidation_caps_at_100_and_refuses_zero_intake():
    fig = f.consolidation(CohortCounts(intake=4, transferred_in=1, transferred_out=1,
                                       retained=3), "巩固率", (9600, "min"))
    assert (fig.numerator, fig.denominator, fig.value_bp, fig.met) == (3, 4, 7500, False)
    capped = f.consolidation(CohortCounts(intake=2, retained=3), "巩固率")
    assert capped.value_bp == 10000
    none = f.consolidation(CohortCounts(intake=0, transferred_in=5, retained=5), "巩固率",
                           (9600, "min"))
    assert none.value_bp is None and none.met is None and "招生数为0" in none.note
    assert none.denominator == 5  # still shown: the reader sees what the ledger does hold


def test_a_figure_the_ledger_cannot_give_names_the_reason():
    fig = f.unavailable("初中升学率", "progression", "没有毕业生去向", target=(9000, "min"),
                        denominator=12)
    assert fig.value_bp is None and fig.met is None and fig.denominator == 12
    assert fig.target_bp == 9000 and fig.note == "没有毕业生去向"


counts_strategy = st.builds(
    YearCounts, **{fld.name: st.integers(0, 500) for fld in dataclasses.fields(YearCounts)}
)


@given(counts_strategy)
def test_every_dropout_figure_stays_within_0_and_100_percent(counts):
    for rule in (f.dropout_definitional, f.dropout_net_change):
        fig = rule(counts, "x", (50, "max"))
        assert fig.value_bp is None or 0 <= fig.value_bp <= 10000
        assert (fig.value_bp is None) == (counts.base == 0)


@given(st.builds(CohortCounts, *(st.integers(0, 300) for _ in range(5))))
def test_every_consolidation_figure_stays_within_0_and_100_percent(counts):
    fig = f.consolidation(counts, "x", (9600, "min"))
    assert fig.value_bp is None or 0 <= fig.value_bp <= 10000


@given(st.lists(counts_strategy, min_size=1, max_size=6))
def test_counts_of_groups_add_up(groups):
    whole = f.total(groups)
    for fld in dataclasses.fields(YearCounts):
        assert getattr(whole, fld.name) == sum(getattr(g, fld.name) for g in groups)
    assert f.dropout_net_change(whole, "x").numerator == sum(
        f.dropout_net_change(g, "x").numerator or 0 for g in groups)
