"""kill -9 during `sync import` and `sync export` (sync.md §b rows 18–19, §c.17 item 4).

Each command runs as the command line in a child forked from a warm worker (crash_worker.py,
clock frozen) and is killed — a power cut as far as the ledger can tell — either by the parent
at a random moment of its normal running time, or by the importer's own crash hook at a named
point: as the Nth event insert of the merge starts, just before the commit, and at moments of
the pre-import backup (`importer.CRASH_AT`).

After every killed import: `PRAGMA integrity_check` is ok; the logical state (events, imported
packages, trust, peers' have, the pupils' rows) is exactly the state before or the state after
a complete import — and before, for every named point; importing the same file again exits 0
and gives the state after, byte for byte the same.

After every killed export: the school ledger's integrity is ok and it is before or after (the
export's audit event and its `exported_packages` row together, or neither); no file stands on
the stick under a final name unless it is complete — its signature verifies and it decrypts
with the county's key, and the first ones are imported by the county; a leftover temporary file
(`.<name>.<hex>.part`, fileio.durable_path) is refused at import with the code `temp_file`, exit
2, the county unchanged.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from dropout_ledger.sync import envelope, importer, keys
from dropout_ledger.sync.errors import MESSAGES

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="fork and SIGKILL are POSIX")

WORKER = Path(__file__).with_name("crash_worker.py")
KILLS = 50
"""Kills per command that must land while the command runs."""
MAX_RUNS = 120


def late(chance: random.Random, duration: float, number: int) -> float:
    """A random moment of the command's normal run; every other one in its last 40 %, where
    the commit and the rename are (the machine is shared: a run may be slower or faster)."""
    if number % 2:
        return chance.uniform(duration * 0.6, duration * 1.05)
    return chance.uniform(0.0, duration * 0.95)


@dataclass
class Result:
    killed: bool
    code: int | None
    seconds: float
    stdout: str
    stderr: str


class Worker:
    """The warm crash worker process, one per module."""

    def __init__(self) -> None:
        self.process = subprocess.Popen(
            [sys.executable, str(WORKER)], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            text=True, encoding="utf-8", cwd=WORKER.parents[2])
        assert json.loads(self._read()) == {"ready": True}

    def _read(self) -> str:
        assert self.process.stdout is not None
        line = self.process.stdout.readline()
        if not line:
            raise RuntimeError("the crash worker died")
        return line

    def ask(self, request: dict[str, Any]) -> dict[str, Any]:
        assert self.process.stdin is not None
        self.process.stdin.write(json.dumps(request) + "\n")
        self.process.stdin.flush()
        answer: dict[str, Any] = json.loads(self._read())
        return answer

    def run(self, argv: list[str], folder: Path, *, delay: float | None = None,
            crash_at: str = "") -> Result:
        folder.mkdir(parents=True, exist_ok=True)
        out, err = folder / "stdout", folder / "stderr"
        answer = self.ask({"argv": [*argv, "--json"], "delay": delay, "out": str(out),
                           "err": str(err), "env": {importer.CRASH_AT: crash_at}})
        return Result(answer["killed"], answer["code"], answer["seconds"], _text(out),
                      _text(err))

    def close(self) -> None:
        assert self.process.stdin is not None
        self.process.stdin.close()
        self.process.wait(timeout=30)


def _text(path: Path) -> str:
    """A child's output (none if it was killed before it opened the file)."""
    return path.read_text(encoding="utf-8") if path.exists() else ""


@pytest.fixture(scope="module")
def worker() -> Iterator[Worker]:
    started = Worker()
    yield started
    started.close()


@dataclass
class World:
    base: Path
    county: Path
    school: Path
    package: Path
    events: int


@pytest.fixture(scope="module")
def world(worker: Worker, tmp_path_factory: pytest.TempPathFactory) -> World:
    """A county and a 30-pupil demo school, enrolled; the school's first package exported."""
    base = tmp_path_factory.mktemp("crash-base")
    paths = worker.ask({"world": str(base), "students": 30})
    county, school = Path(paths["county"]), Path(paths["school"])
    done = worker.run(["sync", "export", "--out", str(base / "stick"), "--ledger", str(school)],
                      base / "export")
    assert done.code == 0, done.stderr
    [made] = json.loads(done.stdout)
    return World(base, county, school, Path(made["file"]), int(made["events"]))


def copy_of(ledger: Path, folder: Path) -> Path:
    """A fresh copy of a (closed) ledger's whole folder: file, keys, backups."""
    if folder.exists():
        shutil.rmtree(folder)
    shutil.copytree(ledger.parent, folder)
    return folder / ledger.name


def integrity(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return [row[0] for row in conn.execute("PRAGMA integrity_check")]
    finally:
        conn.close()


def _rows(conn: sqlite3.Connection, sql: str) -> list[Any]:
    return sorted(conn.execute(sql).fetchall(), key=repr)


def import_state(path: Path) -> str:
    """The logical state an import may change, as one digest."""
    conn = sqlite3.connect(path)
    try:
        parts = [
            _rows(conn, "SELECT eid FROM events"),
            _rows(conn, "SELECT * FROM imported_packages"),
            _rows(conn, "SELECT * FROM trust"),
            _rows(conn, "SELECT * FROM peer_have"),
            _rows(conn, "SELECT * FROM students"),
        ]
    finally:
        conn.close()
    return hashlib.sha256(repr(parts).encode()).hexdigest()


def export_state(path: Path) -> tuple[list[Any], int, int]:
    """(events other than export audits, export audits, exported_packages rows)."""
    conn = sqlite3.connect(path)
    try:
        audits = {eid for eid, body in conn.execute(
            "SELECT eid, body FROM events WHERE kind = 'audit'")
            if json.loads(body).get("action") == "sync_export"}
        events = [e for e in _rows(conn, "SELECT eid FROM events") if e[0] not in audits]
        rows = conn.execute("SELECT count(*) FROM exported_packages").fetchone()[0]
    finally:
        conn.close()
    return events, len(audits), rows


def fastest(runs: list[Result]) -> float:
    assert all(r.code == 0 for r in runs), [r.stderr for r in runs]
    return min(r.seconds for r in runs)


# --- import ------------------------------------------------------------------------------------


def test_kill_9_during_import_leaves_before_or_after_and_reimport_completes(
        worker: Worker, world: World, tmp_path: Path) -> None:
    before = import_state(world.county)
    argv = ["sync", "import", str(world.package)]

    def attempt(name: str, **how: Any) -> tuple[Result, Path]:
        ledger = copy_of(world.county, tmp_path / name)
        return worker.run([*argv, "--ledger", str(ledger)], tmp_path / f"{name}.out", **how), ledger

    normal = []
    for n in range(3):
        done, ledger = attempt(f"whole{n}")
        normal.append(done)
        [outcome] = json.loads(done.stdout)
        assert outcome["accepted"] and outcome["new_events"] == world.events
    after = import_state(ledger)
    assert after != before
    duration = fastest(normal)

    chance = random.Random("kill -9 import")
    plans: list[dict[str, Any]] = [
        *({"crash_at": f"event:{n}"} for n in sorted(chance.sample(range(1, world.events + 1),
                                                                   15))),
        *({"crash_at": "commit"} for _ in range(3)),
        {"crash_at": "backup"},
        *({"crash_at": f"backup:{chance.uniform(0.0, 0.004):.5f}"} for _ in range(6)),
    ]
    kills, states, in_backup = 0, {"before": 0, "after": 0}, 0
    for number in range(MAX_RUNS):
        if number >= len(plans):  # then random moments, until enough kills landed
            if kills >= KILLS + 5:
                break
            plans.append({"delay": late(chance, duration, number)})
        how = plans[number]
        result, ledger = attempt(f"k{number}", **how)
        if not result.killed:
            assert result.code == 0, result.stderr
        kills += result.killed
        assert integrity(ledger) == ["ok"], how
        state = import_state(ledger)
        assert state in (before, after), how
        if "crash_at" in how:
            assert result.killed and state == before, how
        states["before" if state == before else "after"] += 1
        in_backup += any(p.name.endswith(".part") for p in (ledger.parent / "备份").iterdir())
        again = worker.run([*argv, "--ledger", str(ledger)], tmp_path / f"k{number}.again")
        assert again.code == 0, again.stderr
        assert json.loads(again.stdout)[0]["accepted"]
        assert import_state(ledger) == after, how
        assert integrity(ledger) == ["ok"]
        shutil.rmtree(ledger.parent)
    assert kills >= KILLS, f"only {kills} of {len(plans)} imports were killed in time"
    assert states["before"] >= 25
    print(f"import: {len(plans)} runs, {kills} killed, {states}, {in_backup} in the middle of"
          f" the backup, normal {duration:.3f} s")


def test_the_named_crash_points_cost_nothing_when_unset() -> None:
    assert importer.CRASH_AT not in os.environ
    importer._crash_point("commit")  # returns: the test process is alive


# --- export ------------------------------------------------------------------------------------


def county_keys(world: World) -> keys.KeyPair:
    [path] = (world.county.parent / keys.KEY_DIR).glob("*.pem")
    return keys.KeyPair.from_pem("C:524821", path.stem,
                                 path.read_bytes())


def complete(path: Path, own: keys.KeyPair) -> bool:
    data = path.read_bytes()
    header = envelope.read_header(data)
    sender = envelope.sender_keys(header)
    envelope.open_payload(data, header, sender_sign_pk=sender.sign_pk, recipient=own)
    return True


def test_kill_9_during_export_leaves_no_half_file_under_a_final_name(
        worker: Worker, world: World, tmp_path: Path) -> None:
    before = export_state(world.school)
    own = county_keys(world)

    def attempt(name: str, delay: float | None = None) -> tuple[Result, Path, Path]:
        ledger = copy_of(world.school, tmp_path / name)
        stick = tmp_path / f"{name}.stick"
        stick.mkdir()
        done = worker.run(["sync", "export", "--out", str(stick), "--ledger", str(ledger)],
                          tmp_path / f"{name}.out", delay=delay)
        return done, ledger, stick

    normal = [attempt(f"whole{n}") for n in range(3)]
    duration = fastest([result for result, _, _ in normal])
    finals: list[Path] = [p for _, _, stick in normal for p in stick.glob("*.dlpkg")]

    chance = random.Random("kill -9 export")
    kills, states, leftovers = 0, {"before": 0, "after": 0}, []
    runs = 0
    while kills < KILLS + 5 and runs < MAX_RUNS:
        runs += 1
        result, ledger, stick = attempt(f"e{runs}", late(chance, duration, runs))
        kills += result.killed
        if not result.killed:
            assert result.code == 0, result.stderr
        assert integrity(ledger) == ["ok"]
        events, audits, rows = export_state(ledger)
        done = (audits - before[1], rows - before[2])
        assert events == before[0] and done in ((0, 0), (1, 1)), done
        states["after" if done[0] else "before"] += 1
        for path in stick.iterdir():
            if path.name.endswith(envelope.EXTENSION):
                assert complete(path, own), path.name  # a final name means a whole package
                finals.append(path)
            else:
                assert path.name.startswith(".") and path.name.endswith(".part"), path.name
                leftovers.append(path)
        if done[0]:  # the ledger says it exported: the file is there, whole
            assert any(p.name.endswith(envelope.EXTENSION) for p in stick.iterdir())
    assert kills >= KILLS, f"only {kills} of {runs} exports were killed in time"
    assert states["before"] > 0 and len(finals) > 3
    print(f"export: {runs} runs, {kills} killed, {states}, {len(finals)} whole files,"
          f" {len(leftovers)} temporary leftovers, normal {duration:.3f} s")

    for n, path in enumerate(finals[-2:]):  # whole files (left by kills, if any) import
        county = copy_of(world.county, tmp_path / f"county{n}")
        done = worker.run(["sync", "import", str(path), "--ledger", str(county)],
                          tmp_path / f"county{n}.out")
        assert done.code == 0 and json.loads(done.stdout)[0]["new_events"] > 0, done.stderr

    leftovers_are_refused(worker, world, tmp_path, finals[0], leftovers)


def leftovers_are_refused(worker: Worker, world: World, tmp_path: Path, final: Path,
                          leftovers: list[Path]) -> None:
    """A pulled stick's leftover — the temporary file, cut short — is refused with its code;
    real ones from the kills are checked too when there were any."""
    finals = [final]
    whole = finals[0].read_bytes()
    made = finals[0].with_name(f".{finals[0].name}.0a1b2c3d.part")
    made.write_bytes(whole[:len(whole) // 2])
    county = copy_of(world.county, tmp_path / "county-part")
    state = import_state(county)
    for path in [made, *leftovers[:3]]:
        done = worker.run(["sync", "import", str(path), "--ledger", str(county)],
                          tmp_path / "part.out")
        assert done.code == 2, done.stderr
        [outcome] = json.loads(done.stdout)
        assert outcome["code"] == "temp_file" and not outcome["accepted"]
        assert outcome["reason"].startswith(MESSAGES["temp_file"])
    assert import_state(county) == state
