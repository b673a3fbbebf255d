"""County lists (脱贫户/低保/特困): published at the county, each school gets only its own rows."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from dropout_ledger import canonical
from dropout_ledger.errors import InputRefused, ValidationError
from dropout_ledger.ledger import Ledger
from dropout_ledger.model.identity import id_check_char
from dropout_ledger.sync import exporter, lists
from tests.sync.county_support import (  # noqa: F401 - isolated_markers is an autouse fixture
    County,
    isolated_markers,
    make_county,
)

OUTSIDER = "52482120140101001"  # a child on no school's roll


def _ids(ledger: Ledger, n: int) -> list[tuple[str, str]]:
    """(student id, ID number) of the first n pupils with an 18-digit ID number."""
    return [(str(sid), str(number)) for sid, number in ledger.conn.execute(
        "SELECT id, id_number FROM students WHERE length(id_number) = 18 AND retracted = 0"
        " AND coalesce(economic_category, '') = '' ORDER BY id LIMIT ?", (n,))]


def _list_events(ledger: Ledger) -> list[tuple[str, dict[str, object]]]:
    return [(str(ent), canonical.decode(body)) for ent, body in ledger.conn.execute(
        "SELECT ent, body FROM events WHERE kind = 'list_version' ORDER BY lc")]


@pytest.fixture
def world(tmp_path: Path) -> Iterator[County]:
    made = make_county(tmp_path, ("a", "b"), students=20)
    made.round()
    yield made
    made.close()


def test_each_school_receives_only_its_own_pupils_rows(world: County) -> None:
    a, b = world.schools["a"], world.schools["b"]
    pupils_a, pupils_b = _ids(a, 3), _ids(b, 2)
    rows = [(pupils_a[0][1], "低保户"), (pupils_a[1][1], "tekun"), (pupils_b[0][1], "脱贫户"),
            (OUTSIDER + id_check_char(OUTSIDER), "dibao")]
    published = lists.publish_list(world.county, "poverty", rows, title="2026年春季困难家庭名单")
    assert (published.version, published.rows) == (1, 4)
    world.round()

    for school, mine, other in ((a, pupils_a, pupils_b), (b, pupils_b, pupils_a)):
        events = _list_events(school)
        assert [ent for ent, _ in events] == [lists.slice_ent("poverty", school.org_id)]
        body = events[0][1]
        text = canonical.encode(body).decode()
        assert all(number not in text for _, number in (*mine, *other))  # no ID numbers travel
        assert all(sid not in text for sid, _ in other)
        assert body["version"] == 1 and body["title"] == "2026年春季困难家庭名单"
    flags_a = lists.official_categories(a)
    assert {sid: f.categories for sid, f in flags_a.items()} == {
        pupils_a[0][0]: ("dibao",), pupils_a[1][0]: ("tekun",)}
    assert flags_a[pupils_a[0][0]].note == "县里名单显示为低保户"
    assert set(lists.official_categories(b)) == {pupils_b[0][0]}
    full = [ent for ent, _ in _list_events(world.county) if "@" not in ent]
    assert full == ["list:poverty"]  # the full list stays at the county


def test_differences_between_the_list_and_the_schools_own_record(world: County) -> None:
    a = world.schools["a"]
    pupils = _ids(a, 3)
    assert lists.differences(a) == []  # no list yet: nothing to compare
    a.students.edit(pupils[0][0], {"economic_category": "dibao"})  # agrees with the list
    a.students.edit(pupils[2][0], {"economic_category": "tekun"})  # the list does not say so
    lists.publish_list(world.county, "poverty", [(pupils[0][1], "低保"), (pupils[1][1], "脱贫户")])
    world.round("a")
    found = {d.student_id: d.text for d in lists.differences(a)}
    demo = {r[0] for r in a.conn.execute(  # the demo's own poor families, on no county list
        "SELECT id FROM students WHERE coalesce(economic_category, '') != ''"
        " AND id NOT IN (?, ?)",
        (pupils[0][0], pupils[2][0]))}
    assert set(found) == {pupils[1][0], pupils[2][0]} | demo
    assert found[pupils[1][0]] == "县里名单显示为脱贫户（原建档立卡），本校记录为未填"
    assert found[pupils[2][0]] == "本校记录为特困供养，县里名单中没有该生"


def test_a_new_version_and_a_new_pupil_make_a_new_slice_and_nothing_else_does(
        world: County) -> None:
    a = world.schools["a"]
    pupils = _ids(a, 2)
    lists.publish_list(world.county, "poverty", [(pupils[0][1], "dibao")])
    world.round("a")
    before = len(_list_events(world.county))
    exporter.export(world.county, world.stick())  # nothing changed: no new slice
    assert len(_list_events(world.county)) == before

    first17 = "52482120150607222"
    number = first17 + id_check_char(first17)
    made = a.students.add({"name": "新同学", "id_number": number, "grade": 3})
    lists.publish_list(world.county, "poverty", [(pupils[0][1], "dibao"), (number, "tekun")])
    world.round("a")  # the pupil reaches the county, then the list: slice of version 2
    world.round("a")
    newest = lists.latest(a.conn, lists.slice_ent("poverty", a.org_id))
    assert newest is not None and newest["version"] == 2
    assert lists.official_categories(a)[made.created[0]].categories == ("tekun",)


def test_only_a_county_publishes_and_every_bad_row_is_named(world: County) -> None:
    with pytest.raises(InputRefused):
        lists.publish_list(world.schools["a"], "poverty", [])
    with pytest.raises(ValidationError) as refused:
        lists.publish_list(world.county, "poverty", [("123", "低保户"), (OUTSIDER + "0", "富裕户")])
    rows = sorted({p.row for p in refused.value.problems})
    assert rows == [1, 2] and "富裕户" in str(refused.value)
    assert _list_events(world.county) == []
