"""A county batch commits its packages `importer.GROUP` at a time, each in its own savepoint.

What must not change for the people: every package is merged or not as a whole, a package that
fails keeps what the batch merged before it, and a report is on disk only for a package whose
merge was committed.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest

from dropout_ledger.errors import LedgerError
from dropout_ledger.ledger import Ledger
from dropout_ledger.sync import folders, importer, merge
from tests.sync import golden
from tests.sync.county_support import isolated_markers  # noqa: F401 - an autouse fixture
from tests.sync.test_import_batch import _three_packages


def _imported(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute("SELECT count(*) FROM imported_packages").fetchone()[0])
    finally:
        conn.close()


def _reports(county: Ledger) -> list[Path]:
    return sorted(folders.folder(county.path, folders.REPORTS).glob("*.txt"))


@pytest.mark.parametrize("group", [1, 2, 20])
def test_every_package_of_a_grouped_batch_is_committed_with_its_report(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, group: int) -> None:
    monkeypatch.setattr(importer, "GROUP", group)
    county = golden.fresh_county(tmp_path / "county")
    files = _three_packages(tmp_path, county)
    outcomes = importer.import_files(county, files)
    assert all(o.accepted and o.new_events for o in outcomes)
    assert not county.conn.in_transaction
    assert sorted(Path(o.report) for o in outcomes) == _reports(county)
    path = county.path
    county.close()
    assert _imported(path) == 3


def test_a_failed_package_keeps_the_ones_before_it_and_writes_no_report(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    county = golden.fresh_county(tmp_path / "county")
    files = _three_packages(tmp_path, county)
    real = merge.self_check
    calls: list[int] = []

    def second_fails(*args: Any, **kwargs: Any) -> list[str]:
        calls.append(1)
        return ["表 students：合并后的数据与按事件重新计算的结果不一致"] if len(calls) == 2 \
            else real(*args, **kwargs)

    monkeypatch.setattr(merge, "self_check", second_fails)
    with pytest.raises(LedgerError, match="自检未通过"):
        importer.import_files(county, files)
    assert not county.conn.in_transaction
    assert len(_reports(county)) == 1
    path = county.path
    county.close()
    assert _imported(path) == 1  # the first one, committed; the second rolled back
