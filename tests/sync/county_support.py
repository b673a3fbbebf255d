"""A county and its schools on disk, exchanging real package files through a folder.

Built with the same calls the command line makes (enroll_school → join → confirm_school →
export → import), so the county tests exercise the whole flow, not a shortcut. Each ledger
lives in its own folder (its own 密钥 and 同步 folders), as on separate computers.
"""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from dropout_ledger.clock import FrozenClock
from dropout_ledger.ledger import Ledger
from dropout_ledger.services import demo
from dropout_ledger.store import marker
from dropout_ledger.store.events import Operator
from dropout_ledger.sync import enrol, exporter, importer
from dropout_ledger.sync import keys as keys_of
from dropout_ledger.sync.importer import Outcome

COUNTY_CODE = "524821"
SCHOOLS = {"a": ("2152482101", "甲村小学"), "b": ("2152482102", "乙村小学"),
           "c": ("3152482103", "丙镇中学")}
CLERK = Operator(id="clerk", name="张科员", role="county_clerk")
NOW = dt.datetime(2026, 3, 10, 9, 0)


@dataclass
class County:
    """A county ledger, its schools' ledgers (by key) and a folder standing in for the stick."""

    folder: Path
    clock: FrozenClock
    county: Ledger
    schools: dict[str, Ledger] = field(default_factory=dict)
    _sticks: int = 0

    def stick(self) -> Path:
        self._sticks += 1
        path = self.folder / f"stick{self._sticks}"
        path.mkdir()
        return path

    def up(self, *keys: str) -> list[Outcome]:
        """Each named school exports; the county imports every file."""
        stick = self.stick()
        files = [e.path for key in keys for e in exporter.export(self.schools[key], stick)]
        return importer.import_files(self.county, files)

    def down(self, *keys: str) -> dict[str, Outcome]:
        """The county exports; each named school imports the file addressed to it."""
        stick = self.stick()
        written = exporter.export(self.county, stick)
        out = {}
        for key in keys:
            org = self.org(key)
            # One package per confirmed key of the school (a restored install's old key stays
            # confirmed until the clerk revokes it): take the one for its current key.
            current = keys_of.ensure(self.schools[key]).public.fingerprint()
            mine = [e.path for e in written if e.to_org == org and e.enc_key == current]
            assert len(mine) == 1, (org, [e.to_org for e in written])
            out[key] = importer.import_file(self.schools[key], mine[0])
        return out

    def round(self, *keys: str) -> None:
        """Up and down once for the named schools (all by default)."""
        keys = keys or tuple(self.schools)
        assert all(o.accepted for o in self.up(*keys))
        assert all(o.accepted for o in self.down(*keys).values())

    def org(self, key: str) -> str:
        return f"S:{SCHOOLS[key][0]}"

    def reopen(self, key: str) -> Ledger:
        path = self.schools[key].path
        self.schools[key].close()
        self.schools[key] = Ledger.open(path, clock=self.clock)
        return self.schools[key]

    def close(self) -> None:
        for ledger in (self.county, *self.schools.values()):
            try:
                ledger.close()
            except Exception:  # noqa: BLE001 - closed already by a test
                pass


def make_county(folder: Path, keys: tuple[str, ...] = ("a", "b"), students: int = 30,
                clock: FrozenClock | None = None) -> County:
    """A county with the named schools enrolled, joined and confirmed, each with demo pupils."""
    clock = clock or FrozenClock(NOW)
    county = Ledger.create(folder / "county" / "county.sqlite", kind="county", code=COUNTY_CODE,
                           name="示例县教育局", clock=clock, operator=CLERK)
    world = County(folder, clock, county)
    for index, key in enumerate(keys):
        code, name = SCHOOLS[key]
        data, county_digits = enrol.enroll_school(county, code, name)
        school = Ledger.create(folder / key / f"{key}.sqlite", kind="school", code=code,
                               name=name, county_code=COUNTY_CODE, clock=clock)
        if students:
            demo.populate(school, students=students, seed=11 + index)
        digits = enrol.join(school, data, county_digits)
        enrol.confirm_school(county, code, digits)
        world.schools[key] = school
    return world


def pupil(ledger: Ledger, index: int = 0) -> dict[str, Any]:
    """The index-th live pupil on the roll (by id), as a dict of its row."""
    row = ledger.conn.execute(
        "SELECT id FROM students WHERE retracted = 0 AND status = 'enrolled' ORDER BY id"
        " LIMIT 1 OFFSET ?", (index,)).fetchone()
    student = ledger.queries.student(row[0])
    assert student is not None
    return student


def copy_ledger(ledger: Ledger, target: Path) -> Path:
    """A consistent copy of a ledger file (as a backup or a disk clone would be)."""
    ledger.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    shutil.copyfile(ledger.path, target)
    return target


def counts(ledger: Ledger) -> Iterator[tuple[str, int]]:
    yield from ledger.conn.execute("SELECT kind, count(*) FROM events GROUP BY kind")


@pytest.fixture(autouse=True)
def isolated_markers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Replica markers in the test's own folder, never the user's app-data folder."""
    folder = tmp_path / "markers"
    monkeypatch.setenv(marker.MARKER_ENV, str(folder))
    return folder
