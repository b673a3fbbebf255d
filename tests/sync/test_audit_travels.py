"""A school's second package — after it exported, imported, backed up or imported a roster —
still imports at the county (found by the crash tests: the audit events those actions write,
entity "ledger", were refused as bad events, so a school could sync only once)."""

from __future__ import annotations

from pathlib import Path

from dropout_ledger.clock import FrozenClock
from dropout_ledger.ledger import Ledger
from dropout_ledger.services import demo
from dropout_ledger.sync import enrol, exporter, importer
from dropout_ledger.sync.validate import validate
from tests.sync import golden
from tests.sync.golden import fresh_county, install_keys
from tests.sync.support import dump
from tests.sync.sync_helpers import forge


def test_a_schools_later_packages_carry_its_audit_events_and_import(tmp_path: Path) -> None:
    county = fresh_county(tmp_path / "county")
    enrolment, county_fp = enrol.enroll_school(county, golden.SCHOOL_CODE, golden.SCHOOL_NAME)
    with Ledger.create(tmp_path / "school" / "school.sqlite", kind="school",
                       code=golden.SCHOOL_CODE, name=golden.SCHOOL_NAME,
                       county_code=golden.COUNTY_CODE, clock=FrozenClock(golden.TODAY)) as school:
        install_keys(school, golden.SCHOOL_KEYS)
        demo.populate(school, students=6, seed=3)
        enrol.join(school, enrolment, county_fp)
        stick = tmp_path / "stick"
        [first] = exporter.export(school, stick)
        assert importer.import_file(county, first.path).accepted
        [back] = exporter.export(county, tmp_path / "back")
        assert importer.import_file(school, back.path).accepted  # an import audit event
        school.backup(tmp_path / "u盘备份.sqlite")  # a backup audit event
        school.students.edit(school.conn.execute("SELECT id FROM students").fetchone()[0],
                             {"note": "第二次同步前的修改"})
        [second] = exporter.export(school, stick)  # carries the first export's audit event
    assert second.events >= 4
    before = dump(county)
    outcome = importer.import_file(county, second.path)
    assert outcome.accepted, outcome.reason
    assert outcome.new_events == second.events and dump(county) != before
    audits = county.conn.execute(
        "SELECT count(*) FROM events WHERE kind = 'audit' AND org = ?",
        (f"S:{golden.SCHOOL_CODE}",)).fetchone()[0]
    assert audits >= 4  # join, the first export, the import, the backup
    county.close()


def test_only_an_audit_event_may_name_the_whole_ledger() -> None:
    header = {"v": 1, "org": golden.SCHOOL, "rep": "a" * 32, "seq": 1, "lc": 1, "prev": "",
              "wall": "2026-11-22T10:00:00+08:00", "who": {"id": "p", "name": "王校长"},
              "kind": "update", "ent": "ledger"}
    bad = forge(header, {"fields": {"name": {"value": "x", "base": []}}})
    good = forge({**header, "kind": "audit"}, {"action": "backup", "file": "a.sqlite"})
    assert validate([good], sender_org=golden.SCHOOL, kind="school_to_county") == []
    [problem] = validate([bad], sender_org=golden.SCHOOL, kind="school_to_county")
    assert problem.field == "ent" and "审计" in problem.reason
