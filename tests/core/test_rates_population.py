"""适龄儿童入学率 from a checked 户籍适龄儿童名单, and 初中升学率 from recorded 毕业去向, by hand.

The clock stands at 2026-11-22: the school year is 2026, ages are counted on 2026-08-31
(primary 6–11, junior 12–14). Pupils registered by `add_student` attend since 2025-09-01.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from conftest import TODAY
from reconcile_fixtures import person, write_list
from test_rates_snapshot import drop, move, register

from dropout_ledger import cli
from dropout_ledger.errors import ValidationError
from dropout_ledger.model.status import Status
from dropout_ledger.rates import compute, population, to_json
from dropout_ledger.reconcile import check_list, list_rows, record_outcome, save_list
from dropout_ledger.services.destinations import latest_destination, record_destination

ON = TODAY.date()


def report(ledger: Any, on: dt.date = ON) -> Any:
    return compute(ledger.conn, on, ledger.settings.profile())


def saved_list(ledger: Any, path: Path, rows: list[list[Any]], kind: str = "household"
               ) -> dict[str, Any]:
    """Store a list; its rows by the name each row carries."""
    list_id = save_list(ledger, check_list(ledger, write_list(path, rows), kind=kind)).created[0]
    return {row.name: row for row in list_rows(ledger, list_id)}


@pytest.fixture
def household(ledger, add_student, factory, tmp_path):
    """Five pupils of ours and five children on the list only, each a case of the module doc."""
    pupils = {
        "P1": add_student(grade=3, birth_date="2017-05-01"),   # 9: here
        "P2": add_student(grade=4, birth_date="2016-03-01"),   # 10: 休学
        "P3": add_student(grade=8, birth_date="2012-10-01"),   # 13: 辍学
        "P4": add_student(grade=5, birth_date="2015-02-01"),   # 11: 转出, no answer
        "P6": add_student(grade=1, birth_date="2020-08-20"),   # 6: here
    }
    move(ledger, pupils["P2"], Status.SUSPENDED, "2026-10-01")
    drop(ledger, pupils["P3"], "2026-10-08", "2026-10-10")
    move(ledger, pupils["P4"], Status.TRANSFERRED_OUT, "2026-09-20")
    others = {
        "C1": "2019-03-01",  # 7: studies in another school of the province
        "C2": "2013-06-01",  # 13: died
        "C3": "2011-12-01",  # 14: not answered yet
        "C4": "2010-05-01",  # 16: over age
        "C5": "2020-09-15",  # 5: not answered yet, too young for a band
    }
    rows = [person(ledger.queries.student(sid), name=ledger.queries.student(sid)["name"])
            for sid in pupils.values()]
    names = {key: f"名单童{'一二三四五'[i]}" for i, key in enumerate(others)}
    rows += [person(factory.student(grade=3, birth_date=birth), name=names[key])
             for key, birth in others.items()]
    by_name = saved_list(ledger, tmp_path / "household.xlsx", rows)
    answers = {"C1": ("elsewhere_in_province", "石桥镇中心学校"), "C2": ("deceased", ""),
               "C4": ("overage", "")}
    for key, (outcome, school) in answers.items():
        record_outcome(ledger, by_name[names[key]].record_id, outcome, evidence="村委会核实",
                       school=school)
    return pupils


def test_enrolment_worked_by_hand(ledger, household):
    r = report(ledger)
    primary, junior, every = (r.enrolment[k] for k in ("primary", "junior", "all"))
    # primary 6–11: P1, P6 here; P4 (转出) and C1 elsewhere; P2 休学 → 4 of 5
    assert (primary.numerator, primary.denominator, primary.value_bp) == (4, 5, 8000)
    assert primary.parts == {"here": 2, "elsewhere": 2, "suspended": 1, "out": 0,
                             "unverified": 0, "excluded": 0}
    # junior 12–14: P3 辍学, C2 died (not counted), C3 unanswered → 0 of 2
    assert (junior.numerator, junior.denominator, junior.value_bp) == (0, 2, 0)
    assert junior.parts["excluded"] == 1 and junior.parts["out"] == 1
    assert junior.parts["unverified"] == 1
    # all ten rows: C2 and C4 (over age) excluded → 4 of 8
    assert (every.numerator, every.denominator, every.value_bp) == (4, 8, 5000)
    assert every.parts["unverified"] == 2  # C3 and C5
    assert every.convention == "population" and every.target_bp == 9500
    assert every.met is False and "导入）" in every.note


def test_a_pupil_back_in_class_counts_as_enrolled_again(ledger, household):
    move(ledger, household["P2"], Status.ENROLLED, "2026-11-10")  # 复学 after 休学
    assert report(ledger).enrolment["primary"].numerator == 5


def test_a_list_imported_after_the_snapshot_date_is_not_used(ledger, household):
    before = report(ledger, dt.date(2026, 11, 1)).enrolment["all"]
    assert before.value_bp is None and "户籍适龄儿童名单尚未导入" in before.note


def test_a_list_of_children_none_of_whom_is_school_age_has_no_figure_not_zero(
        ledger, factory, tmp_path):
    by_name = saved_list(ledger, tmp_path / "l.xlsx",
                         [person(factory.student(grade=3), name="名单童甲")])
    record_outcome(ledger, by_name["名单童甲"].record_id, "registry_error",
                   evidence="派出所证明空挂户")
    figure = report(ledger).enrolment["all"]
    assert (figure.value_bp, figure.numerator, figure.denominator) == (None, 0, 0)
    assert "名单中没有这一年龄段的适龄儿童" in figure.note and figure.met is None


def test_only_household_lists_are_the_population(ledger, add_student, tmp_path):
    sid = add_student(grade=3)
    saved_list(ledger, tmp_path / "p.xlsx", [person(ledger.queries.student(sid))], "poverty")
    assert report(ledger).enrolment["all"].value_bp is None


@pytest.mark.parametrize(("outcome", "code", "part"), [
    ("", "enrolled", "here"), ("deceased", "enrolled", "here"), ("", "home_taught", "here"),
    ("at_school", None, "here"), ("", "deceased", "excluded"), ("not_ours", None, "excluded"),
    ("deferred", None, "excluded"), ("", "transferred_out", "elsewhere"),
    ("", "graduated", "elsewhere"), ("no_registry_study", None, "elsewhere"),
    ("", "suspended", "suspended"), ("suspended", None, "suspended"),
    ("", "dropped_out", "out"), ("other", None, "out"), ("", None, "unverified"),
])
def test_each_row_falls_in_exactly_one_part(outcome, code, part):
    assert population.classify(outcome, code) == part


# --- 初中升学率 ------------------------------------------------------------------------------------


@pytest.fixture
def graduates(ledger, factory):
    ids = [register(ledger, factory, "2024-09-01", 9) for _ in range(5)]
    for sid in ids[:4]:
        move(ledger, sid, Status.GRADUATED, "2026-11-20")
    record_destination(ledger, ids[0], "senior_high", date="2026-11-20", school="县第一中学")
    record_destination(ledger, ids[1], "升入技工学校", date="2026-11-21")
    record_destination(ledger, ids[2], "senior_high", date="2026-11-20")
    record_destination(ledger, ids[2], "not_continuing", date="2026-11-22")  # replaces it
    return ids  # ids[3] graduated without a destination; ids[4] still in grade 9


def test_progression_worked_by_hand(ledger, graduates):
    figure = report(ledger).progression
    assert (figure.numerator, figure.denominator, figure.value_bp) == (2, 4, 5000)
    assert figure.parts == {"senior_high": 1, "technical": 1, "not_continuing": 1,
                            "unrecorded": 1}
    assert figure.target_bp == 9000 and figure.met is False
    assert "1名毕业生未登记毕业去向" in figure.note
    # On 11-21 ids[2]'s newest answer was still 升入普通高中; ids[1]'s was recorded that day.
    earlier = report(ledger, dt.date(2026, 11, 21)).progression
    assert (earlier.numerator, earlier.denominator) == (3, 4)


def test_no_graduates_no_progression_figure(ledger, add_student):
    add_student(grade=9)
    figure = report(ledger).progression
    assert figure.value_bp is None and figure.denominator == 0
    assert "本学年没有九年级毕业生" in figure.note


def test_a_destination_needs_a_graduated_grade_9_pupil(ledger, graduates, add_student):
    with pytest.raises(ValidationError, match="已毕业的九年级学生"):
        record_destination(ledger, graduates[4], "senior_high")
    with pytest.raises(ValidationError, match="早于毕业日期"):
        record_destination(ledger, graduates[3], "senior_high", date="2026-11-19")
    with pytest.raises(ValidationError, match="须写明说明"):
        record_destination(ledger, graduates[3], "other")
    with pytest.raises(ValidationError):
        record_destination(ledger, graduates[3], "升入大学")
    record_destination(ledger, graduates[3], "other", note="出国（境）读书")
    found = latest_destination(ledger.conn, graduates[3])
    assert found is not None and found.label == "其他（须注明）" and not found.progressing


def test_list_json_gives_each_pupil_its_newest_destination(ledger, graduates, capsys, ledger_path):
    ledger.close()
    assert cli.main(["--ledger", str(ledger_path), "list", "--json"]) == 0
    rows = {row["id"]: row["destination"] for row in json.loads(capsys.readouterr().out)}
    assert [rows[sid] for sid in graduates] == [
        "senior_high", "technical", "not_continuing", "", ""]


def test_stats_json_carries_both_figures(ledger, graduates, household):
    data = to_json(report(ledger))
    assert data["progression"]["numerator"] == 2 and data["progression"]["convention"] == \
        "progression"
    assert set(data["enrolment"]) == {"primary", "junior", "all"}
    assert data["enrolment"]["all"]["parts"]["excluded"] == 2
