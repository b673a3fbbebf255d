"""Write the golden package fixtures in tests/fixtures/packages/v1/ (sync.md §c.17 item 7).

    .venv/bin/python tools/make_golden_packages.py            # refuses if the files exist
    .venv/bin/python tools/make_golden_packages.py --out DIR  # a trial set elsewhere

NEVER REGENERATE THE v1 FILES ONCE RELEASED. They are the promise that a package written by
version 1 of the app — on a stick forgotten in a drawer for three years — still imports into
every later version and gives the same ledger. Regenerating them would quietly move that
promise to whatever the current code writes. If the format changes, make a *new* folder
(v2/) with this script adapted, and keep testing v1 unchanged. (`--force` exists only for the
first release of a version; the test pins each file's SHA-256, so a regenerated file fails it.)

What it writes, all with a FrozenClock (2026-11-22 10:00), ids from a seeded generator and the
fixed synthetic keys of tests/sync/support.py (`fixed_pair`): a county enrols a school through
`enrol.*` (county_enrollment.dlpkg); the school, a 12-pupil demo school with its case work plus
an edit and a withdrawn pupil, joins and exports its first package (school_pupils.dlpkg); the
county imports it, corrects one pupil's name and records another's transfer, and exports its
package back (county_corrections.dlpkg). Then expected.json: what each package projects when
imported into a fresh ledger (tests/sync/golden.py), and every file's SHA-256. HPKE output is
random, so the encrypted files differ on every run: that is why they are kept, not re-made.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
import tempfile
import uuid
from pathlib import Path
from unittest import mock

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from dropout_ledger.clock import FrozenClock  # noqa: E402
from dropout_ledger.ledger import Ledger  # noqa: E402
from dropout_ledger.model.status import Status  # noqa: E402
from dropout_ledger.services import demo  # noqa: E402
from dropout_ledger.sync import enrol, exporter, importer  # noqa: E402
from tests.sync import golden  # noqa: E402
from tests.sync.support import COUNTY_CODE, SCHOOL_CODE  # noqa: E402


def _seeded_uuid4(seed: int) -> mock._patch[object]:
    """uuid.uuid4 from a seeded generator: the same student, record and package ids each run."""
    rng = random.Random(seed)
    return mock.patch("uuid.uuid4", lambda: uuid.UUID(int=rng.getrandbits(128), version=4))


def write_packages(out: Path) -> None:
    """The three packages, made as a county and a school would make them."""
    with tempfile.TemporaryDirectory(prefix="golden-") as scratch, _seeded_uuid4(20261122):
        work = Path(scratch)
        clock = FrozenClock(golden.TODAY)
        county = Ledger.create(work / "county" / "county.sqlite", kind="county", code=COUNTY_CODE,
                               name=golden.COUNTY_NAME, clock=clock, operator=golden.CLERK)
        golden.install_keys(county, golden.COUNTY_KEYS)
        enrolment, county_fp = enrol.enroll_school(county, SCHOOL_CODE, golden.SCHOOL_NAME)
        (out / golden.ENROLLMENT).write_bytes(enrolment)

        school = Ledger.create(work / "school" / "school.sqlite", kind="school",
                               code=SCHOOL_CODE, name=golden.SCHOOL_NAME,
                               county_code=COUNTY_CODE, clock=clock, operator=golden.PRINCIPAL)
        golden.install_keys(school, golden.SCHOOL_KEYS)
        demo.populate(school, students=12, seed=2026)
        pupils = [r[0] for r in school.conn.execute("SELECT id FROM students ORDER BY id")]
        school.students.edit(pupils[0], {"address": "石门村二组", "note": "家访约在周末"})
        school.students.retract(pupils[1], "重复登记")
        school_fp = enrol.join(school, enrolment, county_fp)
        enrol.confirm_school(county, SCHOOL_CODE, school_fp)

        stick = work / "stick"
        stick.mkdir()
        [up] = exporter.export(school, stick)
        done = importer.import_file(county, up.path)
        assert done.accepted and done.new_events > 0, done
        (out / golden.SCHOOL_PACKAGE).write_bytes(up.path.read_bytes())

        clock.advance(days=1)
        county.students.edit(pupils[2], {"name": "欧阳测试"})
        county.status.change(pupils[3], Status.TRANSFERRED_OUT, effective_date="2026-11-23",
                             note="县教育局核实：已转入外县")
        [down] = exporter.export(county, stick)
        (out / golden.COUNTY_PACKAGE).write_bytes(down.path.read_bytes())
        school.close()
        county.close()


def write_expected(out: Path) -> None:
    """What each package projects in a fresh ledger, and every file's SHA-256."""
    with tempfile.TemporaryDirectory(prefix="golden-check-") as scratch:
        work = Path(scratch)
        (work / "c").mkdir()
        (work / "s").mkdir()
        expected = {
            "sha256": {p.name: hashlib.sha256(p.read_bytes()).hexdigest()
                       for p in sorted(out.glob("*.dlpkg"))},
            golden.SCHOOL_PACKAGE: golden.import_school_package(work / "c", out),
            golden.COUNTY_PACKAGE: golden.import_county_package(work / "s", out),
        }
    text = json.dumps(expected, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    (out / "expected.json").write_text(text, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=golden.V1)
    parser.add_argument("--force", action="store_true",
                        help="overwrite existing files (only before a version is released!)")
    args = parser.parse_args(argv)
    out: Path = args.out
    made = [out / n for n in (golden.ENROLLMENT, golden.SCHOOL_PACKAGE, golden.COUNTY_PACKAGE)]
    if any(p.exists() for p in made) and not args.force:
        print(f"{out} already holds golden packages: released files are never regenerated "
              "(see this script's docstring).", file=sys.stderr)
        return 2
    out.mkdir(parents=True, exist_ok=True)
    write_packages(out)
    write_expected(out)
    print(f"written {', '.join(p.name for p in made)} and expected.json in {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
