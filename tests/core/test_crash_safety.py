"""kill -9 at random points of import-roster, export-xlsx, print and backup (issue 8 item 5).

Each command runs as the command line in a child process forked from a warmed-up worker
(crash_worker.py) and gets SIGKILL after a random delay within its normal running time — a
power cut or a crash as far as the ledger can tell. After every kill:

- SQLite's `integrity_check` of the ledger is ok and the ledger opens (its self-check passes);
- the events are exactly the ones before the command, or those plus the command's whole
  transaction (never part of it);
- no file exists under its final name unless it is complete: a PDF that a reader opens, an
  .xlsx that openpyxl loads, a backup whose integrity is ok and which holds the events before
  the command; a file the audit log mentions always exists (the log never lies);
- every automatic snapshot in 备份/ under its final name is a sound ledger.

50 kills per command, one at a time; the whole file takes well under a minute.
"""

from __future__ import annotations

import os
import random
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from crashing import (
    COMMANDS,
    ROSTER,
    Worker,
    audit_files,
    events,
    final_files,
    fresh,
    integrity,
    make_base,
    valid_backup_of,
)

from dropout_ledger.ledger import Ledger

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="fork and SIGKILL are POSIX")

KILLS = 50
"""Kills per command that must land while the command runs."""
MAX_RUNS = 110


@pytest.fixture(scope="module")
def worker() -> Iterator[Worker]:
    started = Worker()
    yield started
    started.close()


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_base(tmp_path_factory.mktemp("crash-base"))


def check_after(name: str, ledger: Path, out: Path, before: list[str], delta: int) -> str:
    """Every property of the module docstring; returns "before" or "after"."""
    assert integrity(ledger) == ["ok"]
    now = events(ledger)
    assert now[:len(before)] == before, "events before the command changed"
    assert len(now) in (len(before), len(before) + delta), (len(before), delta, len(now))
    state = "after" if len(now) > len(before) else "before"
    valid = COMMANDS[name].valid or (valid_backup_of(before) if name == "backup" else None)
    written = final_files(out)
    for file in written:
        assert valid is not None and valid(file), f"{file.name} is incomplete"
    if state == "after" and valid is not None:  # the log names a file that is there
        assert {f.name for f in written} >= audit_files(ledger) - {""} - _not_outputs(ledger)
        assert written
    for snapshot in (ledger.parent / "备份").glob("*.sqlite"):
        assert integrity(snapshot) == ["ok"], snapshot.name
    return state


def opens(ledger: Path) -> None:
    """The ledger opens after the kill: its start-up self-check passes."""
    with Ledger.open(ledger) as opened:
        assert opened.queries.count("all") >= 30


def _not_outputs(ledger: Path) -> set[str]:
    """Files named by audit events that are not the command's output (the import's file)."""
    return {ROSTER.name}


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_kill_9_at_random_points_leaves_before_or_after(name, worker, base, tmp_path):
    command = COMMANDS[name]
    before = events(base)
    durations = []
    for attempt in range(3):  # the command's normal running time: the fastest of three
        ledger, out = fresh(base, tmp_path / f"whole{attempt}", daily=name != "backup")
        whole = worker.run([*command.argv(out), "--ledger", str(ledger)],
                           tmp_path / f"whole{attempt}")
        assert whole.code == 0, whole.stderr
        delta = len(events(ledger)) - len(before)
        assert delta >= 1
        assert check_after(name, ledger, out, before, delta) == "after"
        durations.append(whole.seconds)

    chance = random.Random(f"kill-9 {name}")
    kills, states, runs = 0, {"before": 0, "after": 0}, 0
    while kills < KILLS and runs < MAX_RUNS:
        runs += 1
        folder = tmp_path / str(runs)
        ledger, out = fresh(base, folder, daily=name != "backup")
        delay = chance.uniform(0.0, min(durations) * 0.9)
        result = worker.run([*command.argv(out), "--ledger", str(ledger)], folder, delay=delay)
        kills += result.killed
        if not result.killed:
            assert result.code == 0, result.stderr
        states[check_after(name, ledger, out, before, delta)] += 1
        if result.killed:
            opens(ledger)
        shutil.rmtree(folder)
    assert kills >= KILLS, f"only {kills} of {runs} runs were killed in time"
    print(f"{name}: {runs} runs, {kills} killed, {states}, normal {min(durations):.3f} s")
    assert states["before"] > 0  # some kills landed before the commit …
