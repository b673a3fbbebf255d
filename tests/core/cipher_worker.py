"""Run by test_cipher_crash.py in a child process that is killed with SIGKILL at a random
instant: creates the first account of a plaintext ledger, which encrypts it in place."""

from __future__ import annotations

import sys
from pathlib import Path

from argon2 import PasswordHasher

from dropout_ledger.ledger import Ledger
from dropout_ledger.services import accounts

if __name__ == "__main__":
    accounts.HASHER = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    with Ledger.open(Path(sys.argv[1])) as ledger:
        print("open", flush=True)
        accounts.create(ledger, name="wangxz", role="principal", password="xiaozhang-1")
        print("done", flush=True)
