"""Role scope in the core: a class teacher sees and changes only her own class, with masked IDs,
and exports or prints no list, whichever screen or command asks (domain.md §10)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from argon2 import PasswordHasher

from dropout_ledger import exporting, printing
from dropout_ledger.clock import FrozenClock
from dropout_ledger.errors import InputRefused, NotFound
from dropout_ledger.ledger import Ledger
from dropout_ledger.reconcile.lists import stored_lists
from dropout_ledger.services import accounts, backups, stats
from dropout_ledger.services.today import today_items
from dropout_ledger.services.undo import undo_last
from dropout_ledger.warning.evaluate import evaluate

TEACHER_PW = "banzhuren-5-2"


@pytest.fixture(autouse=True)
def fast_hashes(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(accounts, "HASHER",
                        PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))
    yield


@pytest.fixture
def school(ledger: Ledger, add_student: Any) -> dict[str, list[str]]:
    """Three pupils in 5年级2班 (hers), three in 5年级1班 and two in 六年级2班; two accounts."""
    pupils = {
        "hers": [add_student(grade=5, class_name="2班") for _ in range(3)],
        "other": [add_student(grade=5, class_name="1班") for _ in range(3)]
        + [add_student(grade=6, class_name="2班") for _ in range(2)],
    }
    accounts.create(ledger, name="wangxz", role="principal", password="xiaozhang-1")
    accounts.login(ledger, "wangxz", "xiaozhang-1")
    accounts.create(ledger, name="lilaoshi", display_name="李老师", role="class_teacher",
                    password=TEACHER_PW, grade=5, class_name="2班")
    accounts.create(ledger, name="zhaoxj", role="registrar", password="xueji-01")
    return pupils


def as_teacher(ledger: Ledger) -> None:
    accounts.sign_out(ledger)
    accounts.login(ledger, "lilaoshi", TEACHER_PW)


def names(ledger: Ledger, ids: list[str]) -> list[str]:
    rows = ledger.conn.execute(
        "SELECT name FROM students WHERE id IN (SELECT value FROM json_each(?))",
        (str(ids).replace("'", '"'),))
    return [row[0] for row in rows]


def test_roster_counts_and_search_show_only_her_class(
    ledger: Ledger, school: dict[str, list[str]]
) -> None:
    assert ledger.queries.count("all") == 8  # the principal: everyone
    as_teacher(ledger)
    queries = ledger.queries
    assert {r.student_id for r in queries.roster("all")} == set(school["hers"])
    assert {r.student_id for r in queries.iter_roster("all")} == set(school["hers"])
    assert queries.count("all") == queries.count("on-roll") == 3
    assert queries.counts_by("grade", "class_name") == [(5, "2班", 3)]
    other = ledger.conn.execute("SELECT name, id_number, xjh FROM students WHERE id = ?",
                                (school["other"][0],)).fetchone()
    for text in (other[0], other[0][:1], other[1], other[1][-6:], other[2]):
        found = {r.student_id for r in queries.roster("all", search=text)}
        assert school["other"][0] not in found and found <= set(school["hers"]), text
        assert queries.count("all", search=text) == len(found)
        assert queries.count("all", search=text, at_most=5) == len(found)
    assert queries.roster("all", filters={"grade": 6}) == []


def test_another_class_pupil_does_not_exist_for_her(
    ledger: Ledger, school: dict[str, list[str]]
) -> None:
    other = school["other"][0]
    ledger.records.add("visit", {"student_id": other, "date": "2026-11-20", "mode": "家访",
                                 "participants": "王校长", "result": "家长答应送回"})
    as_teacher(ledger)
    assert ledger.queries.student(other) is None
    assert ledger.queries.status_history(other) == []
    assert ledger.queries.records("visit") == []
    assert ledger.queries.records("visit", student_id=other) == []
    assert ledger.queries.student(school["hers"][0]) is not None
    # ...nor can she write about them, or register a pupil into another class.
    with pytest.raises(NotFound):
        ledger.records.add("absence", {"student_id": other, "date": "2026-11-20"})
    with pytest.raises(NotFound):
        ledger.students.edit(other, {"address": "别处"})
    with pytest.raises(InputRefused, match="只能登记本班"):
        ledger.students.add({"name": "王小明", "sex": "1", "birth_date": "2016-03-01",
                             "grade": 6, "class_name": "1班"})
    ledger.records.add("absence", {"student_id": school["hers"][0], "date": "2026-11-20"})


def test_today_and_warnings_list_only_her_pupils(
    ledger: Ledger, clock: FrozenClock, school: dict[str, list[str]]
) -> None:
    today = clock.today()
    days = [(today - dt.timedelta(days=n)).isoformat() for n in range(6)]
    for pupil in (school["hers"][0], school["other"][0]):
        ledger.records.add_many("absence", [{"student_id": pupil, "date": d} for d in days])
    profile = ledger.settings.profile()
    everyone = {i.student_id for i in today_items(ledger.queries, profile, today)}
    assert {school["hers"][0], school["other"][0]} <= everyone
    flagged = {f.student_id for f in evaluate(ledger.queries, profile, today).flags}
    assert school["other"][0] in flagged
    as_teacher(ledger)
    items = today_items(ledger.queries, profile, today)
    assert {i.student_id for i in items} == {school["hers"][0]}  # no school-wide reminders
    warnings = evaluate(ledger.queries, profile, today)
    assert {f.student_id for f in warnings.flags} == {school["hers"][0]}
    assert warnings.watched == 3


def test_her_counts_are_her_class_and_no_school_rates(
    ledger: Ledger, school: dict[str, list[str]]
) -> None:
    assert stats.statistics(ledger)["rates"] is not None
    as_teacher(ledger)
    data = stats.statistics(ledger)
    assert data["total"] == 3 and data["by_grade"] == {"5": {"total": 3, "enrolled": 3}}
    assert data["rates"] is None


def test_she_can_export_or_print_no_list(
    ledger: Ledger, tmp_path: Path, school: dict[str, list[str]]
) -> None:
    as_teacher(ledger)
    # The caller's role does not matter: the signed-in account's does.
    with pytest.raises(InputRefused, match="无权导出学生名单"):
        exporting.export_roster(ledger, "all", tmp_path / "a.xlsx", role="principal")
    for form in ("ledger", "checklist", "left-behind", "stats"):
        with pytest.raises(InputRefused, match="无权打印"):
            printing.print_form(ledger, printing.PrintRequest(form=form), tmp_path / "l.pdf")
    with pytest.raises(InputRefused, match="无权打印完整"):
        printing.print_form(ledger, printing.PrintRequest(
            form="dossier", student=school["hers"][0], full_ids=True), tmp_path / "d.pdf")
    other_id = ledger.conn.execute("SELECT id_number FROM students WHERE id = ?",
                                   (school["other"][0],)).fetchone()[0]
    for given in (school["other"][0], other_id):
        with pytest.raises(NotFound):
            printing.print_form(ledger, printing.PrintRequest(form="dossier", student=given),
                                tmp_path / "d.pdf")
    assert not list(tmp_path.glob("*.xlsx")) and not list(tmp_path.glob("*.pdf"))
    # Counts without names she may export: her class's, titled as such.
    assert exporting.export_stats(ledger, tmp_path / "s.xlsx").rows > 0
    done = printing.print_form(ledger, printing.PrintRequest(
        form="dossier", student=school["hers"][0]), tmp_path / "d.pdf")
    assert done.pages >= 1
    with pytest.raises(InputRefused, match="无权"):
        backups.backup_to_folder(ledger, tmp_path)
    assert stored_lists(ledger) == []


def test_the_registrar_sees_every_class_and_whole_ids(
    ledger: Ledger, tmp_path: Path, school: dict[str, list[str]]
) -> None:
    accounts.sign_out(ledger)
    accounts.login(ledger, "zhaoxj", "xueji-01")
    assert ledger.queries.scope is None and ledger.queries.count("all") == 8
    result = exporting.export_roster(ledger, "all", tmp_path / "a.xlsx", full_ids=True)
    assert result.rows == 8
    with pytest.raises(InputRefused, match="受限信息"):
        exporting.export_roster(ledger, "all", tmp_path / "b.xlsx", restricted=True)


def test_undo_takes_back_only_ones_own_step(
    ledger: Ledger, school: dict[str, list[str]]
) -> None:
    ledger.records.add("absence", {"student_id": school["hers"][0], "date": "2026-11-20"})
    as_teacher(ledger)
    with pytest.raises(InputRefused, match="只能由本人撤销"):
        undo_last(ledger)
    ledger.records.add("absence", {"student_id": school["hers"][1], "date": "2026-11-20"})
    assert undo_last(ledger).students == frozenset({school["hers"][1]})
