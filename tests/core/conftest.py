"""Core fixtures: a real ledger file on disk per test, a frozen clock, synthetic people."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from dropout_ledger.clock import FrozenClock
from dropout_ledger.ledger import Ledger
from dropout_ledger.synthetic import FICTIONAL_COUNTY_CODE, SyntheticFactory

TODAY = dt.datetime(2026, 11, 22, 10, 0)
SCHOOL_CODE = "2152482101"


@pytest.fixture
def clock() -> FrozenClock:
    return FrozenClock(TODAY)


@pytest.fixture
def factory() -> SyntheticFactory:
    return SyntheticFactory(seed=7)


@pytest.fixture
def ledger_path(tmp_path: Path) -> Path:
    return tmp_path / "school.sqlite"


@pytest.fixture
def ledger(ledger_path: Path, clock: FrozenClock) -> Iterator[Ledger]:
    opened = Ledger.create(
        ledger_path, kind="school", code=SCHOOL_CODE, name="坪坝镇中心学校",
        county_code=FICTIONAL_COUNTY_CODE, clock=clock,
    )
    yield opened
    opened.close()


def event_count(ledger: Ledger) -> int:
    return int(ledger.conn.execute("SELECT count(*) FROM events").fetchone()[0])


def dump(ledger: Ledger) -> list[str]:
    """The whole database as SQL text: equal dumps mean nothing changed."""
    return list(ledger.conn.iterdump())


@pytest.fixture
def add_student(ledger: Ledger, factory: SyntheticFactory) -> Any:
    """Register a synthetic student (enrolled since 2025-09-01); returns its id."""

    def add(**overrides: Any) -> str:
        grade = int(overrides.pop("grade", 5))
        fields = factory.student(grade=grade, today=TODAY.date(), **overrides)
        return ledger.students.add(fields, effective_date="2025-09-01").created[0]

    return add
