"""Sync fixtures: a county and a school ledger on disk, each in its own folder (its own 密钥)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from dropout_ledger.clock import FrozenClock
from dropout_ledger.ledger import Ledger
from dropout_ledger.sync import trust
from dropout_ledger.sync.keys import KeyPair
from tests.sync.support import COUNTY_CODE, SCHOOL_CODE, fixed_pair

TODAY = dt.datetime(2026, 11, 22, 10, 0)


@pytest.fixture
def clock() -> FrozenClock:
    return FrozenClock(TODAY)


@pytest.fixture
def county(tmp_path: Path, clock: FrozenClock) -> Iterator[Ledger]:
    ledger = Ledger.create(tmp_path / "county" / "county.sqlite", kind="county",
                           code=COUNTY_CODE, name="示例县教育局", clock=clock)
    yield ledger
    ledger.close()


@pytest.fixture
def school(tmp_path: Path, clock: FrozenClock) -> Iterator[Ledger]:
    ledger = Ledger.create(tmp_path / "school" / "school.sqlite", kind="school",
                           code=SCHOOL_CODE, name="坪坝镇中心学校", clock=clock)
    yield ledger
    ledger.close()


@pytest.fixture
def school_keys() -> KeyPair:
    return fixed_pair(f"S:{SCHOOL_CODE}", 1)


@pytest.fixture
def county_keys() -> KeyPair:
    return fixed_pair(f"C:{COUNTY_CODE}", 3)


@pytest.fixture
def trusting_county(county: Ledger, school_keys: KeyPair) -> Ledger:
    """The county ledger with the school's fixed key pinned and confirmed."""
    with county.write() as w:
        trust.pin(w.conn, school_keys.public, status="active", confirmed_by="张科员",
                  method="fingerprint")
    return county
