"""Write the upgrade fixtures: one small school and one small county ledger of this release's schema.

    .venv/bin/python tools/make_upgrade_fixture.py            # writes what is missing
    .venv/bin/python tools/make_upgrade_fixture.py --check    # says whether a new pair is due

Every release whose ledger schema differs from the last fixture's (a new migration, or a new
projection shape) must add a pair before it ships, so that tests/core/test_upgrade_fixtures.py
proves a ledger written by every released version still opens, migrates after a backup, keeps
every event and every pupil, and passes `verify` (issue 8 item 6). The files are named by the
app version and the schema they hold, `tests/data/ledgers/<version>-<schema>-{school,county}
.sqlite`, and `manifest.json` beside them records, for each, the migrations and projection
version it was written with, what it holds (events, pupils, replicas, event kinds) and its
SHA-256 — the test checks the committed file is never rewritten. Existing fixtures are never
overwritten: a fixture is history.

What goes in, so that an upgrade meets every kind of event and table:
- the school: a 40-pupil demo school (cases, visits, escalations, pairings, subsidies,
  attachments, absences), an edit undone, a retracted pupil, a reconciliation list with an
  outcome, the profile and the school's own details changed, an operator, an export, a print and
  a backup (audit events), and a restore from that backup — so two replicas, one naming its
  parent;
- the county: the county's profile (thresholds, targets, template mapping), its details, an
  operator, and a backup.
Synthetic people only (dropout_ledger/synthetic.py). Each file is VACUUMed and well under 1 MB.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import shutil
import sqlite3
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from dropout_ledger import __version__  # noqa: E402
from dropout_ledger.clock import FrozenClock  # noqa: E402
from dropout_ledger.ledger import Ledger, restore  # noqa: E402
from dropout_ledger.services import demo, undo  # noqa: E402
from dropout_ledger.store import db, schema  # noqa: E402
from dropout_ledger.synthetic import FICTIONAL_COUNTY_CODE, SyntheticFactory  # noqa: E402

OUT = ROOT / "tests" / "data" / "ledgers"
MANIFEST = OUT / "manifest.json"
WHEN = dt.datetime(2026, 11, 20, 9, 30)
"""The frozen clock of every fixture: reproducible dates, stamped in the manifest."""
PUPILS = 40


def schema_id() -> str:
    """This build's schema: its last migration and its projection version."""
    last = [m.name for m in schema.migrations._migrations][-1]
    return f"{last.split('_')[0]}-{schema.projection_version()[:8]}"


def _school(path: Path, work: Path) -> None:
    clock = FrozenClock(WHEN)
    with Ledger.create(path, kind="school", code="2152482101", name="坪坝镇中心学校",
                       county_code=FICTIONAL_COUNTY_CODE, clock=clock) as ledger:
        demo.populate(ledger, students=PUPILS, seed=2026)
        ledger.settings.update_org(phone="0851-1234567", principal="王校长")
        ledger.settings.set_profile(suspect_days=6, monthly_report_day=25)
        ledger.settings.add_operator("李老师", "class_teacher", "五年级(2)班")
        some = next(ledger.queries.iter_roster("all"))
        ledger.students.edit(some.student_id, {"village_name": "石门村"})
        undo.undo_last(ledger)
        extra = ledger.students.add(
            SyntheticFactory(seed=77).student(grade=4, today=WHEN.date()),
            effective_date="2025-09-01").created[0]
        ledger.students.retract(extra, reason="重复录入")
        _reconcile(ledger, work)
        from dropout_ledger import exporting, printing  # noqa: PLC0415  (slow imports)

        exporting.export_roster(ledger, "all", work / "all.xlsx", role="principal")
        printing.print_form(ledger, printing.PrintRequest(form="checklist"), work / "qd.pdf")
        ledger.backup(work / "backup.sqlite")
        ledger.settings.set_profile(visit_days=2)  # lost by the restore below, on purpose
    restore(path, work / "backup.sqlite", clock=clock)
    shutil.rmtree(path.parent / "备份", ignore_errors=True)


def _reconcile(ledger: Ledger, work: Path) -> None:
    """A village list of three of the school's pupils and one stranger, one row answered."""
    from openpyxl import Workbook  # noqa: PLC0415

    from dropout_ledger.reconcile import (  # noqa: PLC0415
        check_list,
        list_rows,
        record_outcome,
        save_list,
    )

    pupils = [ledger.queries.student(r.student_id) for r in ledger.queries.roster("all", limit=3)]
    stranger = SyntheticFactory(seed=78).student(grade=3, today=WHEN.date())
    book = Workbook()
    sheet = book.active
    sheet.append(["序号", "姓名", "性别", "出生日期", "身份证号", "户籍地址"])
    for number, p in enumerate([*pupils, stranger], start=1):
        assert p is not None
        sheet.append([number, p["name"], "男" if p["sex"] == "1" else "女", p["birth_date"],
                      p["id_number"], "坪坝镇石门村一组"])
    book.save(work / "village.xlsx")
    list_id = save_list(ledger, check_list(ledger, work / "village.xlsx")).created[0]
    first = list_rows(ledger, list_id)[0]
    record_outcome(ledger, first.record_id, "at_school", evidence="班主任核实在校")


def _county(path: Path, work: Path) -> None:
    clock = FrozenClock(WHEN)
    with Ledger.create(path, kind="county", code=FICTIONAL_COUNTY_CODE, name="某某县教育局",
                       clock=clock) as ledger:
        ledger.settings.update_org(phone="0851-7654321", address="县城教育路1号")
        ledger.settings.set_profile(
            suspect_days=7, confirm_days=15, primary_dropout_max_bp=40,
            county_template_header_row=3, county_template_first_row=4,
            county_template_columns=[{"code": "name", "label": "B"},
                                     {"code": "id_number", "label": "D"}])
        ledger.settings.add_operator("赵科员", "county_clerk")
        ledger.backup(work / "county-backup.sqlite")
    shutil.rmtree(path.parent / "备份", ignore_errors=True)


def describe(path: Path) -> dict[str, Any]:
    """What the manifest records of one fixture (read-only; the file is not changed)."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        events = conn.execute("SELECT count(*) FROM events").fetchone()[0]
        kinds = sorted(r[0] for r in conn.execute("SELECT DISTINCT kind FROM events"))
        replicas = conn.execute("SELECT count(DISTINCT rep) FROM events").fetchone()[0]
        pupils = conn.execute("SELECT count(*) FROM students").fetchone()[0]
        migrations = [r[0] for r in conn.execute(
            "SELECT name FROM _sqlite_migrations WHERE migration_set = 'dropout_ledger'"
            " ORDER BY name")]
        projection = conn.execute(
            "SELECT v FROM local_state WHERE k = 'projection_version'").fetchone()[0]
    finally:
        conn.close()
    return {"app_version": __version__, "written": WHEN.isoformat(), "migrations": migrations,
            "projection_version": projection, "events": events, "event_kinds": kinds,
            "replicas": replicas, "students": pupils, "bytes": path.stat().st_size,
            "sha256": hashlib.sha256(path.read_bytes()).hexdigest()}


def _finish(built: Path, final: Path) -> None:
    """Checkpoint and VACUUM into `final` (one file, no -wal), never over an existing one."""
    with Ledger.open(built) as ledger:
        ledger.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        ledger.conn.execute("VACUUM INTO ?", (str(final),))
    conn = db.connect(final)  # VACUUM INTO keeps WAL mode in the header: make it a plain file
    conn.execute("PRAGMA journal_mode=DELETE")
    conn.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true",
                        help="only say whether this schema has its fixtures (exit 1 if not)")
    args = parser.parse_args(argv)
    stem = f"{__version__}-{schema_id()}"
    manifest = json.loads(MANIFEST.read_text(encoding="utf-8")) if MANIFEST.exists() else {}
    wanted = {f"{stem}-{kind}.sqlite": kind for kind in ("school", "county")}
    missing = {name: kind for name, kind in wanted.items() if not (OUT / name).exists()}
    if args.check:
        print("缺少：" + "、".join(missing) if missing else f"已有本版本（{stem}）的升级样本。")
        return 1 if missing else 0
    OUT.mkdir(parents=True, exist_ok=True)
    for name, kind in missing.items():
        with tempfile.TemporaryDirectory(prefix="upgrade-fixture-") as folder:
            work = Path(folder)
            built = work / "ledger" / "l.sqlite"
            (_school if kind == "school" else _county)(built, work)
            _finish(built, OUT / name)
        manifest[name] = {"kind": kind, **describe(OUT / name)}
        print(f"已写入 {OUT / name}（{manifest[name]['bytes'] // 1024} KB）")
    MANIFEST.write_text(json.dumps(manifest, ensure_ascii=False, indent=1, sort_keys=True) + "\n",
                        encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
