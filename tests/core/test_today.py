"""今日待办 from the county thresholds. The frozen today, 2026-11-22, is a Sunday."""

import datetime as dt

import pytest

from dropout_ledger.model.status import Status
from dropout_ledger.services.today import SEVERITY, absence_run, today_items

TODAY = dt.date(2026, 11, 22)


def _absent(ledger, sid, *days, excused=False):
    for day in days:
        ledger.records.add("absence", {"student_id": sid, "date": f"2026-11-{day:02d}",
                                       "excused": excused})


def _items(ledger):
    return today_items(ledger.queries, ledger.settings.profile(), TODAY)


@pytest.mark.parametrize("dates, weekends, run", [
    ({20}, True, 1), ({19}, True, 1), ({18}, True, 0),
    ({16, 17, 18, 19, 20}, True, 5), ({13, 16, 17}, True, 0), ({20, 23}, True, 1),
    ({19, 20, 21, 22}, False, 4), ({13, 16, 17, 18, 19, 20}, True, 6),
])
def test_absence_runs_count_school_days(dates, weekends, run):
    days = {dt.date(2026, 11, d) for d in dates}
    assert absence_run(days, TODAY, weekends) == run


def test_thresholds_decide_the_action(ledger, add_student):
    one, three, five = add_student(name="甲"), add_student(name="乙"), add_student(name="丙")
    _absent(ledger, one, 20)
    _absent(ledger, three, 18, 19, 20)
    _absent(ledger, five, 16, 17, 18, 19, 20)
    kinds = {i.name: i.kind for i in _items(ledger)}
    assert kinds == {"甲": "visit", "乙": "report_form", "丙": "suspect"}
    suspect = next(i for i in _items(ledger) if i.name == "丙")
    assert "连续缺课 5 天" in suspect.detail and suspect == _items(ledger)[0]


def test_excused_absence_and_dropped_out_pupils_make_no_absence_item(ledger, add_student):
    excused, dropped = add_student(), add_student()
    _absent(ledger, excused, 19, 20, excused=True)
    ledger.status.change(dropped, Status.SUSPECTED, effective_date="2026-11-02", reason_code="04")
    ledger.status.change(dropped, Status.DROPPED_OUT, effective_date="2026-11-09", reason_code="04")
    _absent(ledger, dropped, 16, 17, 18, 19, 20)
    assert not [i for i in _items(ledger) if i.kind in ("visit", "report_form", "suspect")]


def test_an_overdue_notice_and_a_quiet_case_are_listed(ledger, add_student):
    sid = add_student(name="丁")
    ledger.status.change(sid, Status.SUSPECTED, effective_date="2026-11-02", reason_code="01")
    case = ledger.queries.student(sid)["case_id"]
    ledger.records.add("notice", {"student_id": sid, "case_id": case, "date": "2026-11-05",
                                  "guardian_name": "丁大", "return_by": "2026-11-12"})
    ledger.records.add("visit", {"student_id": sid, "case_id": case, "date": "2026-11-10",
                                 "mode": "home", "participants": ["李老师"]})
    kinds = {i.kind: i for i in _items(ledger)}
    assert "2026-11-12" in kinds["notice_overdue"].detail
    assert "12 天没有劝返记录" in kinds["case_no_visit"].detail
    ledger.records.add("visit", {"student_id": sid, "case_id": case, "date": "2026-11-20",
                                 "mode": "phone", "participants": ["李老师"]})
    assert "case_no_visit" not in {i.kind for i in _items(ledger)}


def test_the_monthly_report_appears_in_its_last_days(ledger):
    items = today_items(ledger.queries, ledger.settings.profile(), dt.date(2026, 11, 25))
    assert [i.kind for i in items] == ["monthly_report"]
    assert "3 天后" in items[0].detail
    assert today_items(ledger.queries, ledger.settings.profile(), dt.date(2026, 11, 10)) == []
    february = today_items(ledger.queries, {**ledger.settings.profile(),
                                            "monthly_report_day": 31}, dt.date(2026, 2, 28))
    assert february[0].due == "2026-02-28" and "今天" in february[0].detail


def _visit(ledger, sid, case, date, **fields):
    ledger.records.add("visit", {"student_id": sid, "case_id": case, "date": date,
                                 "mode": "home", "participants": ["李老师"], **fields})


def test_an_agreed_next_step_date_is_listed_until_a_later_visit(ledger, add_student):
    sid = add_student(name="戊")
    ledger.status.change(sid, Status.SUSPECTED, effective_date="2026-11-02", reason_code="01")
    case = ledger.queries.student(sid)["case_id"]
    _visit(ledger, sid, case, "2026-11-18", next_step="周五核实\n是否到校", next_date="2026-11-23")
    assert "visit_next" not in {i.kind for i in _items(ledger)}  # tomorrow: not yet

    _visit(ledger, sid, case, "2026-11-19", next_step="周日再电话联系", next_date="2026-11-22")
    [item] = [i for i in _items(ledger) if i.kind == "visit_next"]
    assert (item.name, item.due) == ("戊", "2026-11-22")
    assert item.detail == "劝返约定的下一步日期已到：周日再电话联系"
    assert SEVERITY["visit"] < SEVERITY["visit_next"] < SEVERITY["case_no_visit"]

    _visit(ledger, sid, case, "2026-11-22", next_step="")  # today's call answers it
    assert "visit_next" not in {i.kind for i in _items(ledger)}


def test_a_past_next_step_date_stays_listed_and_a_closed_case_drops_it(ledger, add_student):
    sid, other = add_student(name="己"), add_student(name="庚")
    ledger.status.change(sid, Status.SUSPECTED, effective_date="2026-11-02", reason_code="01")
    case = ledger.queries.student(sid)["case_id"]
    _visit(ledger, sid, case, "2026-11-10", next_step="", next_date="2026-11-16")
    _visit(ledger, other, None, "2026-11-10", next_step="随访", next_date="2026-11-20")
    due = {i.name: i for i in _items(ledger) if i.kind == "visit_next"}
    assert set(due) == {"己", "庚"}  # a visit without a case is followed up too
    assert due["己"].due == "2026-11-16" and due["己"].detail.endswith("请跟进")

    ledger.status.change(sid, Status.ENROLLED, effective_date="2026-11-21",
                         closure_reason="returned", closure_evidence="已返校")
    assert {i.name for i in _items(ledger) if i.kind == "visit_next"} == {"庚"}


# --- the reporting calendar ------------------------------------------------------------------


def _print(ledger, form):
    """What printing.print_form records: an audit event naming the form."""
    with ledger.write() as w:
        w.emit("audit", f"audit:{form}", {"action": "print", "form": form, "student": "",
                                          "rows": 1, "pages": 1, "file": "x.pdf"})


def test_an_overdue_report_opens_on_start_until_it_is_printed(ledger):
    december = dt.date(2026, 12, 1)
    [item] = [i for i in today_items(ledger.queries, ledger.settings.profile(), december)
              if i.kind == "calendar_overdue"]
    assert item.detail.startswith("2026年11月控辍保学月报已逾期 3 天（11月28日截止）：")
    assert item.detail.endswith("（print report --period 2026-11）")
    assert (item.form, item.period, item.due, item.student_id) == ("report", "2026-11",
                                                                   "2026-11-28", "")
    _print(ledger, "report")
    assert "calendar_overdue" not in {
        i.kind for i in today_items(ledger.queries, ledger.settings.profile(), december)}


def test_a_notice_deadline_three_days_ahead_is_listed(ledger, add_student):
    sid = add_student(name="辛")
    ledger.status.change(sid, Status.SUSPECTED, effective_date="2026-11-10", reason_code="01")
    case = ledger.queries.student(sid)["case_id"]
    ledger.records.add("notice", {"student_id": sid, "case_id": case, "date": "2026-11-20",
                                  "guardian_name": "辛父", "return_by": "2026-11-24"})
    [item] = [i for i in _items(ledger) if i.kind == "notice_due"]
    assert (item.name, item.due) == ("辛", "2026-11-24")
    assert item.detail.startswith("劝返复学通知书 2 天后到期（11月24日）：请届时核实是否返校")
    later = today_items(ledger.queries, ledger.settings.profile(), dt.date(2026, 11, 20))
    assert "notice_due" not in {i.kind for i in later}  # four days ahead: not yet
    assert SEVERITY["notice_overdue"] < SEVERITY["notice_due"] < SEVERITY["calendar_overdue"]


def test_the_term_start_campaign_is_listed_on_each_of_its_days(ledger):
    for day in (dt.date(2027, 3, 1), dt.date(2027, 3, 14)):
        [item] = [i for i in today_items(ledger.queries, ledger.settings.profile(), day)
                  if i.kind == "calendar_due" and "劝返" in i.detail]
        assert item.detail.startswith("2027年春季开学劝返集中行动：开学14天内（3月1日至3月14日）")
        assert item.form == "ledger"
    after = today_items(ledger.queries, ledger.settings.profile(), dt.date(2027, 3, 16))
    assert any(i.kind == "calendar_overdue" and "劝返" in i.detail for i in after)


def test_semester_figures_due_soon_are_listed(ledger):
    items = today_items(ledger.queries, ledger.settings.profile(), dt.date(2027, 3, 12))
    [stats] = [i for i in items if i.kind == "calendar_due" and i.form == "stats"]
    assert stats.detail.startswith("2027年春季学期控辍保学统计 3 天后（3月15日）截止：")
    assert stats.period == "2027-03"
