"""A merged demo county: a county ledger and three demo schools that have exchanged packages.

    .venv/bin/python tools/make_demo_county.py OUT_FOLDER [--students 300]

Everything goes through the real steps, as a clerk and three principals would do them: the
county enrols each school (enrolment file + fingerprint), the school joins, the clerk confirms
the school's digits; each school exports to a folder standing in for the USB stick and the county
imports; the county publishes a 困难家庭 list and exports back. On the way the demo makes what the
county screens are for: one child on two schools' rolls (重复在籍), a pupil transferred out of one
school and on another's roll (转学待核实), a school with several dropouts (furthest from target),
and a fourth school enrolled but not yet confirmed (its key 待确认); two schools have checked the
county's 户籍适龄儿童名单 (入学率), the third has not. All people are synthetic.

`make_demo_county(folder)` is importable (tools/screenshot_county.py and tests use it); it
returns the paths of the county ledger and of each school's ledger.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from dropout_ledger.clock import Clock, FrozenClock  # noqa: E402
from dropout_ledger.ledger import Ledger  # noqa: E402
from dropout_ledger.model.status import Status  # noqa: E402
from dropout_ledger.services import demo  # noqa: E402
from dropout_ledger.store.events import Operator  # noqa: E402
from dropout_ledger.sync import enrol, exporter, importer, lists  # noqa: E402

COUNTY = ("524821", "示例县教育局")
SCHOOLS = (("2152482101", "示例县第一小学"), ("2152482102", "示例县第二小学"),
           ("3152482103", "示例县民族中学"))
PENDING = ("2152482104", "示例县第四小学")
CLERK = Operator(id="clerk", name="张科员", role="county_clerk")
DAY = dt.datetime(2026, 3, 10, 9, 0)


@dataclass(frozen=True)
class DemoCounty:
    county: Path
    schools: dict[str, Path]
    """School org (S:…) → its ledger file."""


def _exchange(county: Ledger, schools: list[Ledger], stick: Path) -> None:
    """Every school exports; the county imports all; the county exports; each school imports."""
    up = stick / "up"
    files = [e.path for school in schools for e in exporter.export(school, up)]
    for outcome in importer.import_files(county, files):
        if not outcome.accepted:
            raise RuntimeError(outcome.reason)
    down = exporter.export(county, stick / "down")
    for school in schools:
        for package in down:
            if package.to_org == school.org_id:
                importer.import_file(school, package.path)


def _household_list(school: Ledger, path: Path, seed: int) -> None:
    """The county's 户籍适龄儿童名单 as this school received and checked it: a third of its own
    pupils (by ID number) and one child not on its roll, answered as studying in another
    school; the pupils' own statuses say the rest (入学率, decision 0013)."""
    from openpyxl import Workbook

    from dropout_ledger.reconcile import check_list, list_rows, record_outcome, save_list
    from dropout_ledger.synthetic import SyntheticFactory

    rows = [tuple(r) for r in school.conn.execute(
        "SELECT name, sex, birth_date, id_number FROM students WHERE retracted = 0"
        " AND grade <= 8 AND length(id_number) = 18 ORDER BY id_number")][::3]
    child = SyntheticFactory(seed=seed).student(grade=4)
    rows.append((child["name"], child["sex"], child["birth_date"], child["id_number"]))
    book = Workbook()
    sheet = book.active
    sheet.append(["序号", "姓名", "性别", "出生日期", "身份证号"])
    for n, (name, sex, birth, number) in enumerate(rows, start=1):
        sheet.append([n, name, "男" if sex == "1" else "女", birth, number])
    book.save(path)
    list_id = save_list(school, check_list(school, path, kind="household",
                                           title="2026年户籍适龄儿童名单")).created[0]
    stray = next(r for r in list_rows(school, list_id) if r.pupil is None)
    record_outcome(school, stray.record_id, "elsewhere_in_province",
                   evidence="接收学校出具在读证明", school="石桥镇中心学校")


def _drop_out(school: Ledger, n: int, today: dt.date) -> None:
    rows = school.conn.execute(
        "SELECT id FROM students WHERE status = 'enrolled' AND grade BETWEEN 2 AND 6"
        " ORDER BY id_number, name LIMIT ?", (n,)).fetchall()
    for (sid,) in rows:
        school.status.change(sid, Status.SUSPECTED, reason_code="01", effective_date=today)
        school.status.change(sid, Status.DROPPED_OUT, reason_code="01", effective_date=today)


def _copy_child(source: Ledger, target: Ledger, offset: int, **changes: object) -> str:
    """Register at `target` a child with the identity of one of `source`'s pupils."""
    sid = source.conn.execute(
        "SELECT id FROM students WHERE status = 'enrolled' AND length(id_number) = 18"
        " ORDER BY id_number LIMIT 1 OFFSET ?", (offset,)).fetchone()[0]
    child = source.queries.student(sid) or {}
    fields = {k: child[k] for k in ("name", "sex", "birth_date", "id_number", "grade",
                                    "class_name", "village_code", "village_name", "address")
              if child.get(k)}
    fields.update(changes)
    target.students.add({k: v for k, v in fields.items() if v is not None})
    return str(sid)


def make_demo_county(folder: Path, *, students: int = 300, clock: Clock | None = None
                     ) -> DemoCounty:
    """Build the demo county in `folder` (which must not hold one yet)."""
    folder = Path(folder)
    clock = clock or FrozenClock(DAY)
    today = clock.today()
    opened: list[Ledger] = []
    try:
        county = Ledger.create(folder / "county" / "county.sqlite", kind="county",
                               code=COUNTY[0], name=COUNTY[1], clock=clock, operator=CLERK)
        opened.append(county)
        schools: list[Ledger] = []
        for index, (code, name) in enumerate(SCHOOLS):
            data, digits = enrol.enroll_school(county, code, name)
            school = Ledger.create(folder / code / "school.sqlite", kind="school", code=code,
                                   name=name, county_code=COUNTY[0], clock=clock)
            opened.append(school)
            demo.populate(school, students=students, seed=101 + index)
            enrol.confirm_school(county, code, enrol.join(school, data, digits))
            schools.append(school)
        enrol.enroll_school(county, *PENDING)  # enrolled, digits not yet confirmed

        first, second, third = schools
        _drop_out(second, max(3, students // 40), today)
        _copy_child(first, second, 0)  # the same child on two rolls
        moved = _copy_child(first, third, 1)
        first.status.change(moved, Status.TRANSFERRED_OUT, reason_code="move",
                            effective_date=today)
        for index, school in enumerate((first, second)):  # the third has no list yet
            _household_list(school, folder / f"household{index}.xlsx", seed=301 + index)
        _exchange(county, schools, folder / "stick1")

        poor = [(number, "dibao" if n % 3 else "poverty_exit") for n, (number,) in enumerate(
            county.conn.execute("SELECT id_number FROM students WHERE length(id_number) = 18"
                                " ORDER BY id_number LIMIT 40"))]
        lists.publish_list(county, "poverty", poor, title="2026年春季困难家庭学生名单")
        _exchange(county, schools, folder / "stick2")
        return DemoCounty(county.path, {s.org_id: s.path for s in schools})
    finally:
        for ledger in opened:
            ledger.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--students", type=int, default=300)
    args = parser.parse_args(argv)
    made = make_demo_county(args.out, students=args.students)
    print(made.county)
    for org, path in made.schools.items():
        print(org, path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
