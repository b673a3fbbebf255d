"""UI fixtures: a real demo-school ledger, built once per session and copied for each test."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from boxes import Boxes

from dropout_ledger.ledger import Ledger
from dropout_ledger.services.demo import ensure_demo
from ui import errors


@pytest.fixture(scope="session")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One synthetic demo school for the whole UI suite (building it is the slow part)."""
    path = tmp_path_factory.mktemp("template") / "l.sqlite"
    assert ensure_demo(path, students=120)
    return path


@pytest.fixture
def ledger_copy(template: Path, tmp_path: Path) -> Path:
    """A private copy of the demo school: each test may write to it freely."""
    path = tmp_path / "l.sqlite"
    shutil.copyfile(template, path)
    return path


@pytest.fixture
def ledger(ledger_copy: Path) -> Iterator[Ledger]:
    with Ledger.open(ledger_copy) as opened:
        yield opened


@pytest.fixture
def boxes(monkeypatch: pytest.MonkeyPatch) -> Boxes:
    recorder = Boxes()
    monkeypatch.setattr(errors, "QMessageBox", recorder)
    return recorder
