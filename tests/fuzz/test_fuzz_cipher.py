"""Hostile encrypted ledgers (decision 0021): the fuzz opener, keyed.

An encrypted copy of the school fixture is mutated (bits flipped in the first pages or
anywhere, cut short) and opened with its right key: every input is refused with a Chinese
message — the page HMAC of SQLCipher catches a flipped bit in any page — or opens and then
`verify` finds the events exactly as they were. Never another exception, never a hang.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import Any

import pytest
from argon2 import PasswordHasher
from fuzzing import CLOCK, DATA, chinese, examples, time_limit
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from dropout_ledger.errors import LedgerError
from dropout_ledger.ledger import Ledger
from dropout_ledger.services import accounts
from dropout_ledger.store import db
from dropout_ledger.store.verify import verify

SCHOOL = "ledgers/0.1.0-m001-51307909-school.sqlite"
PAGE = 4096
FUZZ = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                      HealthCheck.data_too_large,
                                                      HealthCheck.function_scoped_fixture])


def _events(path: Path, key: bytes) -> dict[str, bytes]:
    conn = db.raw_connect(f"file:{path}?mode=ro", key, uri=True)
    try:
        return {str(eid): bytes(hdr) + b"|" + bytes(body or b"")
                for eid, hdr, body in conn.execute("SELECT eid, hdr, body FROM events")}
    finally:
        conn.close()


@pytest.fixture(scope="module")
def encrypted(tmp_path_factory: Any) -> tuple[bytes, bytes, bytes, dict[str, bytes]]:
    """The school fixture after its first account encrypted it: file, key file, key, events."""
    saved = accounts.HASHER
    accounts.HASHER = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    try:
        folder = tmp_path_factory.mktemp("cipher")
        path = folder / "l.sqlite"
        shutil.copyfile(DATA / SCHOOL, path)
        with Ledger.open(path, clock=CLOCK) as ledger:
            accounts.create(ledger, name="wangxz", role="principal", password="xiaozhang-1")
            key = ledger.key
            assert key is not None
        keys = Path(f"{path}.keys").read_bytes()
        return path.read_bytes(), keys, key, _events(path, key)
    finally:
        accounts.HASHER = saved


@st.composite
def mutations(draw: st.DrawFn, size: int) -> dict[str, Any]:
    where = draw(st.sampled_from(("first pages", "anywhere", "truncate")))
    if where == "truncate":
        return {"truncate": draw(st.integers(0, size - 1))}
    limit = {"first pages": min(size, 4 * PAGE), "anywhere": size}[where]
    flips = draw(st.lists(st.tuples(st.integers(0, limit - 1), st.integers(1, 255)),
                          min_size=1, max_size=4))
    return {"flips": flips}


@settings(FUZZ, max_examples=examples(40))
@given(data=st.data())
def test_mutated_encrypted_ledgers_are_refused_or_verified(
    encrypted: tuple[bytes, bytes, bytes, dict[str, bytes]], data: st.DataObject,
) -> None:
    original, keys, key, events = encrypted
    mutation = data.draw(mutations(len(original)))
    mutated = bytearray(original)
    for offset, xor in mutation.get("flips", []):
        mutated[offset] ^= xor
    if "truncate" in mutation:
        del mutated[mutation["truncate"]:]
    with tempfile.TemporaryDirectory(prefix="fuzz-cipher-") as folder:
        path = Path(folder) / "l.sqlite"
        path.write_bytes(bytes(mutated))
        Path(f"{path}.keys").write_bytes(keys)
        with time_limit():
            try:
                ledger = Ledger.open(path, clock=CLOCK, key=key)
            except LedgerError as error:
                assert chinese(error.message), error.message
                event("refused")
                return
            with ledger:
                checks = verify(ledger.conn, path)
            if not all(c.ok for c in checks):
                assert all(chinese(p) for c in checks for p in c.problems)
                event("damage found")
                return
            assert _events(path, key) == events, "verify passed changed events"
            event("unchanged")
