"""kill -9 while the first account encrypts the ledger (decision 0021): afterwards the ledger is
the plaintext one or the encrypted one with its key file — never neither — and it opens, passes
its self-check and keeps every pupil."""

from __future__ import annotations

import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from argon2 import PasswordHasher

from dropout_ledger.clock import FrozenClock
from dropout_ledger.ledger import Ledger
from dropout_ledger.services import accounts, cipher, demo
from dropout_ledger.store import backup, verify
from dropout_ledger.synthetic import FICTIONAL_COUNTY_CODE

KILLS = 24
WORKER = Path(__file__).with_name("cipher_worker.py")
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def fast_hashes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(accounts, "HASHER",
                        PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))


def test_kill_9_during_the_migration_leaves_plaintext_or_encrypted(tmp_path: Path) -> None:
    clock = FrozenClock(__import__("datetime").datetime(2026, 11, 22, 10, 0))
    seed = tmp_path / "seed" / "school.sqlite"
    with Ledger.create(seed, kind="school", code="2152482101", name="坪坝镇中心学校",
                       county_code=FICTIONAL_COUNTY_CODE, clock=clock) as ledger:
        demo.populate(ledger, students=150, seed=5)
        pupils = ledger.queries.count("all")
    rng = random.Random(21)
    outcomes = {"plain": 0, "encrypted": 0}
    for n in range(KILLS):
        folder = tmp_path / f"run{n}"
        shutil.copytree(seed.parent, folder)
        path = folder / "school.sqlite"
        child = subprocess.Popen([sys.executable, str(WORKER), str(path)], cwd=ROOT,
                                 stdout=subprocess.PIPE, text=True)
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "open"  # opened: the migration starts now
        time.sleep(rng.uniform(0.0, 0.25))
        child.send_signal(signal.SIGKILL)
        child.wait()
        if cipher.is_encrypted(path):
            outcomes["encrypted"] += 1
            opened = cipher.open_as(path, "wangxz", "xiaozhang-1", clock=clock)
        else:
            outcomes["plain"] += 1
            opened = Ledger.open(path, clock=clock)
        with opened as ledger:
            assert ledger.queries.count("all") == pupils
            assert all(c.ok for c in verify.verify(ledger.conn, path)[:3])
            if ledger.key is None and accounts.has_accounts(ledger):
                # The account was committed but the encryption was cut short: the next login
                # encrypts it (and any snapshot left in clear).
                accounts.login(ledger, "wangxz", "xiaozhang-1")
                assert ledger.key is not None
            if ledger.key is not None:
                cipher.finish(ledger)
                assert all(cipher.is_encrypted(s.path) for s in backup.snapshots(path)
                           if s.path.suffix == ".sqlite")
    assert outcomes["plain"] + outcomes["encrypted"] == KILLS
