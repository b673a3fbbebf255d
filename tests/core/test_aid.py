"""Class subsidies and pairings: exact money, term names, double payments, named refusals."""

from __future__ import annotations

import datetime as dt

import pytest

from dropout_ledger.errors import ValidationError
from dropout_ledger.services import aid
from dropout_ledger.services.aid import BadAmount, Payment


@pytest.mark.parametrize(("text", "fen"), [
    ("312.5", 31250), ("312.50", 31250), ("625", 62500), ("0.29", 29), ("0.01", 1),
    ("  1250 元", 125000), ("７５０", 75000), ("¥12.3", 1230), ("12.340", 1234),
    ("+8", 800), (".5", 50), ("10000000", 10**9),
])
def test_typed_yuan_become_exact_fen(text: str, fen: int) -> None:
    assert aid.yuan_to_fen(text) == fen


@pytest.mark.parametrize(("text", "kind"), [
    ("", "empty"), ("  ", "empty"), ("元", "empty"), ("abc", "not_number"),
    ("1,250", "not_number"), ("1e3", "not_number"), ("12.3.4", "not_number"),
    ("nan", "not_number"), ("12.345", "decimals"), ("0.001", "decimals"),
    ("-5", "not_positive"), ("0", "not_positive"), ("0.00", "not_positive"),
    ("10000000.01", "too_large"),
])
def test_bad_amounts_are_refused_with_their_kind(text: str, kind: str) -> None:
    with pytest.raises(BadAmount) as refused:
        aid.yuan_to_fen(text)
    assert refused.value.kind == kind
    assert refused.value.problems[0].field == "amount_fen"


def test_fen_read_back_as_yuan() -> None:
    assert [aid.fen_to_yuan(f) for f in (62500, 31250, 29, 0, 1)] == [
        "625", "312.50", "0.29", "0", "0.01"]
    for fen in (1, 29, 31250, 99999):
        assert aid.yuan_to_fen(aid.fen_to_yuan(fen)) == fen


@pytest.mark.parametrize(("day", "term"), [
    ("2026-09-01", "2026年秋季学期"), ("2026-12-31", "2026年秋季学期"),
    ("2027-01-15", "2026年秋季学期"), ("2027-02-01", "2027年春季学期"),
    ("2027-07-31", "2027年春季学期"), ("2027-08-20", "2027年秋季学期"),
])
def test_the_default_period_is_the_term_of_the_day(day: str, term: str) -> None:
    assert aid.term_of(dt.date.fromisoformat(day)) == term


def test_a_term_pays_half_the_yearly_standard_of_the_stage() -> None:
    assert aid.term_standard_fen("living_boarding", 3) == 62500
    assert aid.term_standard_fen("living_boarding", 7) == 75000
    assert aid.term_standard_fen("living_day", 6) == 31250
    assert aid.term_standard_fen("living_day", 9) == 37500
    assert aid.yearly_standard_fen("living_day", 9) == 75000
    assert aid.term_standard_fen("disability", 3) is None
    assert aid.term_standard_fen("living_day", 0) is None


def test_a_class_is_paid_in_one_go_and_read_back_with_what_it_got(ledger, add_student) -> None:
    ids = [add_student(grade=7, class_name="2班") for _ in range(3)]
    add_student(grade=7, class_name="1班")
    assert (7, "2班") in aid.classes(ledger) and (7, "1班") in aid.classes(ledger)
    pupils = aid.class_pupils(ledger, 7, "2班", include_restricted=False)
    assert sorted(p.student_id for p in pupils) == sorted(ids)
    payments = [Payment(p.student_id, p.name, 37500) for p in pupils[:2]]
    changes = aid.pay_class(ledger, payments, item="living_day", period="2026年秋季学期",
                            paid_date=dt.date(2026, 11, 20), channel="card",
                            standard_fen=75000)
    assert len(changes.created) == 2
    stored = {r["student_id"]: r for r in ledger.queries.records("subsidy")}
    assert set(stored) == {p.student_id for p in payments}
    row = stored[payments[0].student_id]
    assert (row["amount_fen"], row["standard_fen"], row["period"], row["paid_date"],
            row["channel"]) == (37500, 75000, "2026年秋季学期", "2026-11-20", "card")
    again = {p.student_id: p for p in aid.class_pupils(ledger, 7, "2班",
                                                       include_restricted=False)}
    assert again[payments[0].student_id].paid("living_day", " 2026年秋季学期") == 37500
    assert again[payments[0].student_id].paid("nutrition", "2026年秋季学期") is None
    assert again[pupils[2].student_id].paid("living_day", "2026年秋季学期") is None


def test_the_economic_category_is_read_only_when_allowed(ledger, add_student) -> None:
    sid = add_student(grade=4, class_name="1班")
    ledger.students.edit(sid, {"economic_category": "dibao", "orphan": True})
    hidden = aid.class_pupils(ledger, 4, "1班", include_restricted=False)[0]
    shown = aid.class_pupils(ledger, 4, "1班", include_restricted=True)[0]
    assert hidden.economic_category == "" and shown.economic_category == "dibao"
    assert "orphan" in hidden.groups


def test_a_refused_row_is_named_by_the_pupil_and_nothing_is_written(ledger, add_student) -> None:
    a, b = add_student(grade=5, class_name="1班"), add_student(grade=5, class_name="1班")
    names = {p.student_id: p.name for p in aid.class_pupils(ledger, 5, "1班",
                                                            include_restricted=False)}
    payments = [Payment(a, names[a], 100), Payment(b, names[b], -1)]
    with pytest.raises(ValidationError) as refused:
        aid.pay_class(ledger, payments, item="local", period="2026年秋季学期",
                      paid_date="2026-11-20", channel="bank", standard_fen=None)
    assert refused.value.message.startswith(f"{names[b]}：")
    assert "第2行" not in refused.value.message
    assert ledger.queries.records("subsidy") == []


def test_pairings_and_teacher_names(ledger, add_student) -> None:
    sid = add_student()
    assert aid.pairings(ledger, sid) == []
    first = ledger.records.add("pairing", {"student_id": sid, "teacher": "陈老师",
                                           "start_date": "2026-09-01", "kind": "academic"})
    second = ledger.records.add("pairing", {"student_id": sid, "teacher": "刘芳",
                                            "start_date": "2026-10-01"})
    for day in ("2026-10-02", "2026-10-09"):
        ledger.records.add("pairing_log", {"pairing_id": first.created[0], "date": day,
                                           "content": "谈心"})
    ledger.settings.add_operator("周校长", "principal")
    found = aid.pairings(ledger, sid)
    assert [p.pairing_id for p in found] == [second.created[0], first.created[0]]
    assert (found[1].logs, found[1].last_log, found[0].logs) == (2, "2026-10-09", 0)
    ledger.records.retract("pairing", second.created[0], "登记错了")
    assert [p.teacher for p in aid.pairings(ledger, sid)] == ["陈老师"]
    assert aid.teacher_names(ledger) == ["周校长", "陈老师"]
