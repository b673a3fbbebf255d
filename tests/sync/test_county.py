"""The county dashboard: one row per school, figures equal to each school's own, worst first."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from dropout_ledger import rates
from dropout_ledger.ledger import Ledger
from dropout_ledger.model.status import Status
from dropout_ledger.services import county as dashboard
from dropout_ledger.store.queries import ON_ROLL
from dropout_ledger.sync import enrol, trust
from tests.sync.county_support import (  # noqa: F401 - isolated_markers is an autouse fixture
    SCHOOLS,
    County,
    copy_ledger,
    isolated_markers,
    make_county,
    pupil,
)
from tests.sync.sync_helpers import merge_package, wire_events


@pytest.fixture
def world(tmp_path: Path) -> Iterator[County]:
    made = make_county(tmp_path, ("a", "b", "c"), students=60)
    made.round()
    yield made
    made.close()


def test_each_school_row_equals_the_schools_own_rates(world: County) -> None:
    board = dashboard.county_dashboard(world.county)
    assert [r.org for r in board.schools] != [] and len(board.schools) == 3
    on = world.clock.today()
    for row in board.schools:
        own = rates.compute(world.county.conn, on, world.county.settings.profile(for_org=row.org),
                            row.org)
        assert row.rates.dropout_primary == own.dropout["definitional"]["primary"].total
        assert row.rates.dropout_junior == own.dropout["definitional"]["junior"].total
        assert row.rates.consolidation.value_bp == own.consolidation["nine_year"].value_bp
        assert row.rates.consolidation.numerator == own.consolidation["nine_year"].numerator
        school = next(s for k, s in world.schools.items() if world.org(k) == row.org)
        mine = rates.compute(school.conn, on, school.settings.profile())
        assert row.rates.dropout_junior.value_bp == \
            mine.dropout["definitional"]["junior"].total.value_bp
        assert row.pupils == school.conn.execute(
            "SELECT count(*) FROM students WHERE retracted = 0 AND status NOT IN"
            " ('transferred_out', 'deceased', 'graduated', 'overage_left')").fetchone()[0]
        assert row.key_status == "active" and row.packages == 1 and row.last_import
        held = school.conn.execute(
            "SELECT count(*) FROM events WHERE org = ?", (school.org_id,)).fetchone()[0]
        assert row.chains.events == held - 2  # the export's and the import's audit came after
        assert row.chains.gaps == 0 and row.chains.forks == 0 and row.conflicts == 0
    county = rates.compute(world.county.conn, on, world.county.settings.profile())
    assert board.total.rates.dropout_junior == county.dropout["definitional"]["junior"].total
    assert board.total.pupils == sum(r.pupils for r in board.schools)


def test_schools_furthest_from_target_come_first_and_over_target_is_flagged(
        world: County) -> None:
    school = world.schools["c"]
    for index in range(6):  # six primary pupils drop out at school c
        sid = school.conn.execute(
            "SELECT id FROM students WHERE status = 'enrolled' AND grade <= 6 ORDER BY id"
            " LIMIT 1 OFFSET ?", (index,)).fetchone()[0]
        school.status.change(sid, Status.SUSPECTED, reason_code="01",
                             effective_date=world.clock.today())
        school.status.change(sid, Status.DROPPED_OUT, reason_code="01",
                             effective_date=world.clock.today())
    world.up("c")
    rows = dashboard.schools(world.county)
    assert rows[0].org == world.org("c")
    assert rows[0].over_target and rows[0].rates.dropout_primary.met is False
    distances = [r.distance_bp for r in rows]
    assert distances == sorted(distances, key=lambda d: -(d if d is not None else -10**9))


def test_gaps_forks_conflicts_and_key_status_per_school(world: County, tmp_path: Path) -> None:
    a = world.schools["a"]
    # A school edit and a county edit of the same field made without seeing each other.
    sid = pupil(a)["id"]
    a.students.edit(sid, {"address": "石桥镇新街1号"})
    world.county.students.edit(sid, {"address": "石桥镇老街2号"})
    world.up("a")
    # Events of school b with a hole: seq 3 never arrives.
    b = world.schools["b"]
    b.students.edit(pupil(b)["id"], {"note": "一"})
    b.students.edit(pupil(b, 1)["id"], {"note": "二"})
    b.students.edit(pupil(b, 2)["id"], {"note": "三"})
    held = {row[0] for row in world.county.conn.execute("SELECT eid FROM events")}
    fresh = [e for e in wire_events(b.conn) if e.eid not in held]
    assert len(fresh) >= 3
    merge_package(world.county.conn, [e for e in fresh if e.header["seq"] != fresh[0].header["seq"]])
    # School c's replica forks: a second event at a slot the county holds.
    c = world.schools["c"]
    top = c.conn.execute("SELECT max(seq) FROM events WHERE rep = ?", (c.replica,)).fetchone()[0]
    with Ledger.open(copy_ledger(c, tmp_path / "clone.sqlite"), clock=world.clock) as clone:
        clone.students.edit(pupil(clone)["id"], {"note": "克隆的"})
        other = [e for e in wire_events(clone.conn) if e.header["seq"] > top]
    c.students.edit(pupil(c)["id"], {"note": "原来的"})
    original = [e for e in wire_events(c.conn) if e.header["seq"] > top]
    merge_package(world.county.conn, original)
    merge_package(world.county.conn, other)
    # A fourth school enrolled but not confirmed yet; school b's key revoked.
    enrol.enroll_school(world.county, "2152482109", "丁村小学")
    with world.county.write() as w:
        fingerprint = next(t.fingerprint for t in trust.lookup(w.conn, world.org("b"))
                           if t.status == "active")
        trust.revoke(w.conn, world.org("b"), fingerprint)

    rows = {r.org: r for r in dashboard.schools(world.county)}
    assert rows[world.org("a")].conflicts == 1
    assert rows[world.org("b")].chains.gaps == 1 and rows[world.org("b")].chains.forks == 0
    assert rows[world.org("c")].chains.forks >= 1
    assert rows[world.org("b")].key_status == "revoked"
    assert rows["S:2152482109"].key_status == "pending" and rows["S:2152482109"].pupils == 0
    assert rows["S:2152482109"].rates.distance_bp is None
    assert list(rows)[-1] == "S:2152482109"  # no figure: last


def test_townships_group_schools_by_their_pupils_villages(world: County) -> None:
    board = dashboard.county_dashboard(world.county)
    for row in board.schools:
        codes = [r[0] for r in world.county.conn.execute(
            "SELECT substr(village_code, 1, 9) FROM students WHERE org = ? AND retracted = 0"
            f" AND {ON_ROLL}", (row.org,))]
        most = max(codes.count(c) for c in codes)
        assert codes.count(row.township) == most  # the township most of its pupils live in
        assert row.township_name.endswith(("镇", "乡"))
    assert sum(g.schools for g in board.townships) == 3
    assert sum(g.pupils for g in board.townships) == board.total.pupils
    data = dashboard.to_json(board)
    assert data["total"]["pupils"] == board.total.pupils
    assert [s["code"] for s in data["schools"]] == [r.code for r in board.schools]
    assert {s["code"] for s in data["schools"]} == {code for code, _ in SCHOOLS.values()}


def _school_stats_json(school: Ledger, capsys: pytest.CaptureFixture[str]) -> dict[str, Any]:
    """What `stats --json` prints for the school's own ledger (reopened by the command line)."""
    from dropout_ledger import cli

    path, on = school.path, school.clock.today()
    school.close()
    assert cli.main(["--ledger", str(path), "stats", "--json", "--date", on.isoformat()]) == 0
    return dict(json.loads(capsys.readouterr().out))


def test_each_school_row_equals_the_schools_own_stats_json_with_household_lists(
        world: County, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """入学率 from each school's own 户籍适龄儿童名单: the county's row (and the township and
    county sums) equal what the school's `stats --json` says, because both read the same list
    rows and answers — at the county they arrived with the school's events."""
    from dropout_ledger.reconcile import check_list, list_rows, record_outcome, save_list
    from tests.core.reconcile_fixtures import person, write_list

    for number, key in enumerate(("a", "b")):
        school = world.schools[key]
        ids = [r[0] for r in school.conn.execute(
            "SELECT id FROM students WHERE retracted = 0 ORDER BY id LIMIT ?", (4 + number,))]
        rows = [person(school.queries.student(sid)) for sid in ids]
        rows.append(person(school.queries.student(ids[0]), name="名单外儿童",
                           id_number="", birth="2016-02-02"))
        path = write_list(tmp_path / f"{key}.xlsx", rows)
        list_id = save_list(school, check_list(school, path)).created[0]
        stray = next(r for r in list_rows(school, list_id) if r.pupil is None)
        record_outcome(school, stray.record_id, "elsewhere_out_of_province" if number else
                       "deceased", evidence="村委会核实", school="外省某校" if number else "")
    world.round()
    board = dashboard.county_dashboard(world.county)
    checked = 0
    for key in ("a", "b", "c"):
        row = next(r for r in board.schools if r.org == world.org(key))
        school = world.schools[key]
        own = _school_stats_json(school, capsys)["rates"]
        world.schools[key] = Ledger.open(school.path, clock=world.clock)
        mine = own["enrolment"]["all"]
        shown = dashboard.figure_json(row.rates.enrolment)
        for field in ("value_bp", "numerator", "denominator", "parts", "target_bp", "met"):
            assert shown[field] == mine[field], (key, field)
        assert row.rates.dropout_junior.value_bp == \
            own["dropout"]["definitional"]["junior"]["total"]["value_bp"]
        checked += mine["value_bp"] is not None
    assert checked == 2  # a and b have lists; c has none: no figure, with the reason
    c_row = next(r for r in board.schools if r.org == world.org("c"))
    assert c_row.rates.enrolment.value_bp is None and "户籍适龄儿童名单" in c_row.rates.enrolment.note
    total = board.total.rates.enrolment
    a_b = [next(r for r in board.schools if r.org == world.org(k)).rates.enrolment
           for k in ("a", "b")]
    assert total.numerator == sum(f.numerator or 0 for f in a_b)
    assert total.denominator == sum(f.denominator or 0 for f in a_b)
