"""The county's batch (`sync import` of a whole stick) takes one snapshot before it, not one per
package: at county scale each snapshot copies the whole ledger (a gigabyte or more at a million
events), so one per package made the batch of 200 quadratic (bench/bench_sync.py)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from dropout_ledger.clock import FrozenClock
from dropout_ledger.ledger import Ledger
from dropout_ledger.services import demo
from dropout_ledger.store import backup
from dropout_ledger.sync import enrol, exporter, importer
from tests.sync import golden


def _three_packages(tmp_path: Path, county: Ledger) -> list[Path]:
    enrolment, county_fp = enrol.enroll_school(county, golden.SCHOOL_CODE, golden.SCHOOL_NAME)
    made = []
    with Ledger.create(tmp_path / "school" / "school.sqlite", kind="school",
                       code=golden.SCHOOL_CODE, name=golden.SCHOOL_NAME,
                       county_code=golden.COUNTY_CODE, clock=FrozenClock(golden.TODAY)) as school:
        golden.install_keys(school, golden.SCHOOL_KEYS)
        demo.populate(school, students=5, seed=4)
        enrol.join(school, enrolment, county_fp)
        pupils = [r[0] for r in school.conn.execute("SELECT id FROM students")]
        for n, note in enumerate(["一", "二", "三"]):
            school.students.edit(pupils[n], {"note": f"第{note}周家访"})
            [package] = exporter.export(school, tmp_path / f"stick{n}")
            made.append(package.path)
    return made


def _events(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute("SELECT count(*) FROM events").fetchone()[0])
    finally:
        conn.close()


def test_a_batch_of_packages_takes_one_snapshot_before_it(tmp_path: Path) -> None:
    county = golden.fresh_county(tmp_path / "county")
    files = _three_packages(tmp_path, county)
    before = _events(county.path)
    outcomes = importer.import_files(county, files)
    assert all(o.accepted and o.new_events for o in outcomes)
    merges = [s for s in backup.snapshots(county.path) if s.reason == "merge"]
    assert len(merges) == 1
    assert _events(merges[0].path) == before  # the state before the whole batch

    again = importer.import_files(county, files)  # nothing new: no snapshot at all
    assert all(o.code == "duplicate" for o in again)
    assert len([s for s in backup.snapshots(county.path) if s.reason == "merge"]) == 1
    county.close()


def test_each_batch_and_each_single_import_takes_its_own(tmp_path: Path) -> None:
    county = golden.fresh_county(tmp_path / "county")
    first, second, third = _three_packages(tmp_path, county)
    importer.import_files(county, [first])
    golden_clock = county.clock
    assert isinstance(golden_clock, FrozenClock)
    golden_clock.advance(seconds=1)
    importer.import_file(county, second)
    golden_clock.advance(seconds=1)
    importer.import_files(county, [third])
    assert len([s for s in backup.snapshots(county.path) if s.reason == "merge"]) == 3
    county.close()
