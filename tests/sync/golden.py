"""Golden package fixtures (sync.md §c.17 item 7): how they are read, and what they must give.

`tests/fixtures/packages/v1/` holds packages written once by `tools/make_golden_packages.py`
from fixed ledgers (a FrozenClock, seeded ids, the fixed synthetic keys of `support.fixed_pair`)
and `expected.json`: what importing each one into a *fresh* ledger projects. Every later version
of the app must import these exact bytes and project the same pupils, statuses, records and
conflicts: that is what keeps a package on a forgotten stick readable for years.

The same functions make the expectations (in the tool) and check them (in test_golden.py), so
"fresh ledger" means exactly the same thing on both sides: a new county (or school) ledger with
the fixed keys installed as its replica's key file, the sender enrolled and confirmed through
`enrol.*` as a clerk or principal would.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import Any

from dropout_ledger.clock import FrozenClock
from dropout_ledger.ledger import Ledger
from dropout_ledger.model.records import RECORD_KINDS
from dropout_ledger.store.events import Operator
from dropout_ledger.sync import enrol, envelope, importer, keys
from dropout_ledger.sync.importer import Outcome
from dropout_ledger.sync.keys import KeyPair
from tests.sync.support import COUNTY, COUNTY_CODE, SCHOOL, SCHOOL_CODE, fixed_pair

V1 = Path(__file__).resolve().parents[1] / "fixtures" / "packages" / "v1"
TODAY = dt.datetime(2026, 11, 22, 10, 0)
COUNTY_NAME, SCHOOL_NAME = "示例县教育局", "坪坝镇中心学校"
CLERK = Operator(id="clerk", name="张科员", role="county_clerk")
PRINCIPAL = Operator(id="p", name="王校长", role="principal")
SCHOOL_KEYS, COUNTY_KEYS = fixed_pair(SCHOOL, 1), fixed_pair(COUNTY, 3)

ENROLLMENT = "county_enrollment.dlpkg"
"""The county's enrolment file for the school (signed, not encrypted), made by enroll_school."""
SCHOOL_PACKAGE = "school_pupils.dlpkg"
"""The school's first package to the county: a small demo school with its case work."""
COUNTY_PACKAGE = "county_corrections.dlpkg"
"""The county's package back: a corrected name and a status the county recorded."""


def install_keys(ledger: Ledger, pair: KeyPair) -> None:
    """Make `pair` this replica's key file, as if the install had generated it."""
    path = keys.key_file(ledger.path, ledger.replica)
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    own = KeyPair(pair.org, ledger.replica, pair.sign, pair.enc)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        os.write(fd, own.to_pem())
    finally:
        os.close(fd)
    keys.ensure(ledger)


def fresh_county(folder: Path) -> Ledger:
    """A new county ledger with the fixed county keys and the school enrolled and confirmed."""
    county = Ledger.create(folder / "county.sqlite", kind="county", code=COUNTY_CODE,
                           name=COUNTY_NAME, clock=FrozenClock(TODAY), operator=CLERK)
    install_keys(county, COUNTY_KEYS)
    enrol.enroll_school(county, SCHOOL_CODE, SCHOOL_NAME)
    enrol.confirm_school(county, SCHOOL_CODE, SCHOOL_KEYS.public.fingerprint())
    return county


def fresh_school(folder: Path, enrollment: bytes) -> Ledger:
    """A new school ledger with the fixed school keys that joined with `enrollment`."""
    school = Ledger.create(folder / "school.sqlite", kind="school", code=SCHOOL_CODE,
                           name=SCHOOL_NAME, county_code=COUNTY_CODE, clock=FrozenClock(TODAY),
                           operator=PRINCIPAL)
    install_keys(school, SCHOOL_KEYS)
    enrol.join(school, enrollment, COUNTY_KEYS.public.fingerprint())
    return school


def projection(ledger: Ledger, outcome: Outcome, package_id: str) -> dict[str, Any]:
    """What an import left in the ledger, in a form JSON keeps exactly."""
    conn = ledger.conn
    students = {sid: [name, status, retracted] for sid, name, status, retracted in conn.execute(
        "SELECT id, coalesce(name, ''), coalesce(status, ''), retracted FROM students ORDER BY id")}
    by_status: dict[str, int] = {}
    for _name, status, retracted in students.values():
        if not retracted:
            by_status[status] = by_status.get(status, 0) + 1
    kinds = dict(conn.execute(
        "SELECT kind, count(*) FROM events WHERE first_pkg = ? GROUP BY kind ORDER BY kind",
        (package_id,)).fetchall())
    records = {kind: conn.execute(f"SELECT count(*) FROM rec_{kind}").fetchone()[0]
               for kind in sorted(RECORD_KINDS)}
    return {
        "accepted": outcome.accepted, "new_events": outcome.new_events,
        "duplicate_events": outcome.duplicate_events, "conflicts": outcome.conflicts,
        "students": students, "by_status": dict(sorted(by_status.items())),
        "events_by_kind": kinds, "records": {k: n for k, n in records.items() if n},
        "open_conflicts": [list(r) for r in conn.execute(
            "SELECT ent, field FROM conflicts ORDER BY ent, field")],
    }


def package_id(path: Path) -> str:
    return str(envelope.read_header(path.read_bytes())["package_id"])


def import_school_package(folder: Path, v1: Path = V1) -> dict[str, Any]:
    """The school's golden package imported into a fresh county: its projection."""
    with fresh_county(folder) as county:
        path = v1 / SCHOOL_PACKAGE
        outcome = importer.import_file(county, path)
        return projection(county, outcome, package_id(path))


def import_county_package(folder: Path, v1: Path = V1) -> dict[str, Any]:
    """The county's golden package imported into a fresh school (joined with the golden
    enrolment file): its projection."""
    with fresh_school(folder, (v1 / ENROLLMENT).read_bytes()) as school:
        path = v1 / COUNTY_PACKAGE
        outcome = importer.import_file(school, path)
        return projection(school, outcome, package_id(path))
