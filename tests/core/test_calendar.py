"""The reporting calendar (四个一): dates across month ends, leap years, March and September."""

import datetime as dt

import pytest

from dropout_ledger.model.profile import PROFILE_DEFAULTS
from dropout_ledger.model.status import Status
from dropout_ledger.services.calendar import (
    agenda,
    calendar_items,
    day_in_month,
    return_starts,
    school_days_from,
)

D = dt.date


def _items(today, horizon=31, **profile):
    return calendar_items({**PROFILE_DEFAULTS, **profile}, today, horizon)


def _by_kind(items, kind):
    return [i for i in items if i.kind == kind]


@pytest.mark.parametrize("year, month, day, expected", [
    (2026, 2, 31, D(2026, 2, 28)), (2028, 2, 31, D(2028, 2, 29)), (2028, 2, 29, D(2028, 2, 29)),
    (2026, 4, 31, D(2026, 4, 30)), (2026, 12, 31, D(2026, 12, 31)), (2026, 6, 15, D(2026, 6, 15)),
])
def test_a_day_past_the_months_end_is_its_last_day(year, month, day, expected):
    assert day_in_month(year, month, day) == expected


def test_the_monthly_report_on_the_31st_falls_on_each_months_last_day():
    reports = _by_kind(_items(D(2028, 2, 10), horizon=120, monthly_report_day=31),
                       "monthly_report")
    dues = [r.due for r in reports if r.due >= "2028-02-01"]
    assert dues[:4] == ["2028-02-29", "2028-03-31", "2028-04-30", "2028-05-31"]
    february = reports[[r.due for r in reports].index("2028-02-29")]
    assert february.title == "2028年2月控辍保学月报"
    assert (february.form, february.period) == ("report", "2028-02")
    assert february.command == "print report --period 2028-02"


def test_an_early_report_day_reports_the_month_before():
    [january] = [r for r in _by_kind(_items(D(2027, 1, 2), monthly_report_day=5), "monthly_report")
                 if r.due == "2027-01-05"]
    assert january.period == "2026-12" and january.title == "2026年12月控辍保学月报"


def test_states_follow_today():
    items = {i.due: i for i in _by_kind(_items(D(2026, 11, 28)), "monthly_report")}
    assert items["2026-11-28"].state == "today"
    assert items["2026-10-28"].state == "overdue"
    assert items["2026-12-28"].state == "upcoming"
    november = {i.due: i for i in _by_kind(_items(D(2026, 11, 22)), "monthly_report")}
    assert november["2026-11-28"].state == "open"  # printable from 11-21
    assert "2026-12-28" not in november  # beyond the 31-day horizon


def test_march_has_the_campaign_the_semester_figures_and_a_recheck():
    items = _items(D(2027, 3, 3))
    [campaign] = [i for i in _by_kind(items, "campaign") if i.due.startswith("2027-03")]
    assert (campaign.opens, campaign.due, campaign.state) == ("2027-03-01", "2027-03-14", "open")
    assert campaign.title == "2027年春季开学劝返集中行动"
    assert "开学14天内（3月1日至3月14日）" in campaign.detail and campaign.form == "ledger"
    [stats] = _by_kind(items, "semester_stats")
    assert (stats.due, stats.period, stats.command) == ("2027-03-15", "2027-03",
                                                        "print stats --period 2027-03")
    assert stats.title == "2027年春季学期控辍保学统计"
    assert [(i.due, i.state) for i in _by_kind(items, "recheck")] == [
        ("2026-12-31", "overdue"), ("2027-03-31", "upcoming")]
    assert _by_kind(items, "recheck")[1].title == "2027年第1季度县级复核"


def test_september_and_the_quarter_ends():
    items = _items(D(2026, 9, 2), horizon=31)
    autumn = [i for i in items if i.kind in ("campaign", "semester_stats") and "2026年秋季" in i.title]
    assert [(i.kind, i.due) for i in autumn] == [("campaign", "2026-09-14"),
                                                 ("semester_stats", "2026-09-25")]
    assert [i.due for i in _by_kind(items, "recheck")] == ["2026-06-30", "2026-09-30"]
    assert _by_kind(items, "recheck")[0].state == "overdue"


def test_a_county_set_term_start_moves_the_campaign_for_that_year_only():
    profile = {"spring_term_start": "2027-02-24", "autumn_stats_day": 20, "campaign_days": 7}
    [campaign] = [i for i in _by_kind(_items(D(2027, 2, 25), **profile), "campaign")
                  if "2027年春季" in i.title]
    assert (campaign.opens, campaign.due) == ("2027-02-24", "2027-03-02")
    [later] = [i for i in _by_kind(_items(D(2028, 3, 2), **profile), "campaign")
               if "2028年春季" in i.title]
    assert later.opens == "2028-03-01"  # another year: the usual day
    assert [i.due for i in _by_kind(_items(D(2027, 9, 1), **profile), "semester_stats")] == [
        "2027-09-20"]
    assert not _by_kind(_items(D(2027, 3, 2), campaign_days=0), "campaign")


def test_the_window_reaches_back_a_quarter_and_forward_the_horizon():
    items = _items(D(2026, 11, 22), horizon=10)
    assert min(i.due for i in items) >= "2026-08-22"
    assert max(i.due for i in items) <= "2026-12-02"
    assert items == sorted(items, key=lambda i: i.due)


def test_return_days_and_school_days():
    starts = return_starts(PROFILE_DEFAULTS, 2026)
    assert [(label, day.isoformat()) for label, day in starts] == [
        ("春季开学", "2026-03-01"), ("劳动节后返校", "2026-05-06"), ("秋季开学", "2026-09-01"),
        ("国庆节后返校", "2026-10-08")]
    assert school_days_from(D(2026, 10, 8), 5, True) == [
        D(2026, 10, 8), D(2026, 10, 9), D(2026, 10, 12), D(2026, 10, 13), D(2026, 10, 14)]
    assert school_days_from(D(2026, 3, 1), 2, True) == [D(2026, 3, 2), D(2026, 3, 3)]  # a Sunday


# --- agenda: what the ledger knows -----------------------------------------------------------


def _print(ledger, form):
    """What printing.print_form records: an audit event naming the form."""
    with ledger.write() as w:
        w.emit("audit", f"audit:{form}{ledger.conn.execute('SELECT count(*) FROM events').fetchone()[0]}",
               {"action": "print", "form": form, "student": "", "rows": 1, "pages": 1,
                "file": "x.pdf"})


def test_nothing_is_overdue_from_before_the_ledger_started(ledger):
    items = agenda(ledger.queries, ledger.settings.profile(), D(2026, 12, 3))
    assert [i.due for i in items if i.state == "overdue"] == ["2026-11-28"]


def test_a_print_of_the_form_marks_the_item_done(ledger, clock):
    _print(ledger, "report")  # 2026-11-22: inside the week before 11-28
    items = {i.due: i for i in agenda(ledger.queries, ledger.settings.profile(), D(2026, 12, 30))
             if i.kind == "monthly_report"}
    assert items["2026-11-28"].done == "2026-11-22"
    assert items["2026-12-28"].done == ""  # a print a month earlier is not December's
    _print(ledger, "ledger")
    recheck = next(i for i in agenda(ledger.queries, ledger.settings.profile(), D(2027, 1, 2))
                   if i.kind == "recheck")
    assert recheck.done == ""  # printed before the re-check window opened (12-17)


def test_notice_deadlines_coming_up(ledger, add_student):
    sid = add_student(name="甲")
    ledger.status.change(sid, Status.SUSPECTED, effective_date="2026-11-10", reason_code="01")
    case = ledger.queries.student(sid)["case_id"]
    ledger.records.add("notice", {"student_id": sid, "case_id": case, "date": "2026-11-20",
                                  "guardian_name": "甲父", "return_by": "2026-11-27"})
    [notice] = [i for i in agenda(ledger.queries, ledger.settings.profile(), D(2026, 11, 22))
                if i.kind == "notice"]
    assert (notice.student_id, notice.name, notice.due) == (sid, "甲", "2026-11-27")
    assert notice.detail.startswith("11月20日发出的劝返复学通知书限期11月27日返校")
    assert not [i for i in agenda(ledger.queries, ledger.settings.profile(), D(2026, 11, 22), 3)
                if i.kind == "notice"]
