"""What the kill -9 and storage-failure tests share: the worker client, a base ledger, checks.

See crash_worker.py for the worker itself, test_crash_safety.py and test_storage_failures.py
for the tests.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
import sqlite3
import subprocess
import sys
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from dropout_ledger.clock import FrozenClock
from dropout_ledger.ledger import Ledger
from dropout_ledger.services import demo
from dropout_ledger.synthetic import FICTIONAL_COUNTY_CODE

HERE = Path(__file__).resolve().parent
ROSTER = HERE.parent / "data" / "import" / "clean.xlsx"


@dataclass(frozen=True)
class Run:
    killed: bool
    code: int | None
    seconds: float
    stdout: str
    stderr: str


class Worker:
    """The crash_worker.py process: forks a child per command and kills it when told."""

    def __init__(self) -> None:
        self.process = subprocess.Popen(
            [sys.executable, str(HERE / "crash_worker.py")], stdin=subprocess.PIPE,
            stdout=subprocess.PIPE, text=True, encoding="utf-8")
        assert self.process.stdout is not None
        assert json.loads(self.process.stdout.readline()) == {"ready": True}

    def run(self, argv: list[str], folder: Path, *, delay: float | None = None,
            fsize: int | None = None) -> Run:
        assert self.process.stdin is not None and self.process.stdout is not None
        out, err = folder / "stdout.txt", folder / "stderr.txt"
        request = {"argv": argv, "delay": delay, "fsize": fsize, "out": str(out),
                   "err": str(err)}
        self.process.stdin.write(json.dumps(request) + "\n")
        self.process.stdin.flush()
        answer = json.loads(self.process.stdout.readline())
        return Run(answer["killed"], answer["code"], answer["seconds"], _text(out), _text(err))

    def close(self) -> None:
        assert self.process.stdin is not None
        self.process.stdin.close()
        self.process.wait(timeout=30)


def _text(path: Path) -> str:
    """What the child printed (nothing, if it was killed before opening the file)."""
    return path.read_text(encoding="utf-8", errors="replace") if path.exists() else ""


def make_base(folder: Path) -> Path:
    """A 30-pupil demo school, checkpointed: each run starts from a copy of this file."""
    path = folder / "l.sqlite"
    clock = FrozenClock(dt.datetime(2026, 11, 22, 10, 0))
    with Ledger.create(path, kind="school", code="2152482101", name="坪坝镇中心学校",
                       county_code=FICTIONAL_COUNTY_CODE, clock=clock) as ledger:
        demo.populate(ledger, students=30, seed=5)
        ledger.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    Ledger.open(path).close()  # today's snapshot, by the real clock the commands run with
    return path


def fresh(base: Path, folder: Path, *, daily: bool = True) -> tuple[Path, Path]:
    """A copy of the base ledger in `folder`/ledger, and an empty output folder.

    `daily`: with today's automatic snapshot already taken, as on any but the first open of
    the day (the command then does only its own work); without it, the command first takes it,
    and kills land in that snapshot too.
    """
    ledger, out = folder / "ledger" / "l.sqlite", folder / "out"
    if daily:
        shutil.copytree(base.parent, ledger.parent)
    else:
        ledger.parent.mkdir(parents=True)
        shutil.copyfile(base, ledger)
    out.mkdir()
    return ledger, out


def events(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return [r[0] for r in conn.execute("SELECT eid FROM events ORDER BY rowid")]
    finally:
        conn.close()


def integrity(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return [r[0] for r in conn.execute("PRAGMA integrity_check")]
    finally:
        conn.close()


def audit_files(path: Path) -> set[str]:
    conn = sqlite3.connect(path)
    try:
        return {json.loads(body).get("file", "") for (body,) in conn.execute(
            "SELECT CAST(body AS TEXT) FROM events WHERE kind = 'audit'")}
    finally:
        conn.close()


def final_files(folder: Path) -> list[Path]:
    """Files under a final name: not fileio's temporaries (`.name.xxxx.part`, and the SQLite
    journal of a backup's temporary, `.name.xxxx.part-journal`)."""
    return [p for p in folder.iterdir()
            if p.is_file() and not (p.name.startswith(".") and ".part" in p.name)]


def valid_pdf(path: Path) -> bool:
    from pypdf import PdfReader

    try:
        return len(PdfReader(path).pages) >= 1
    except Exception:
        return False


def valid_xlsx(path: Path) -> bool:
    from openpyxl import load_workbook

    try:
        with zipfile.ZipFile(path):
            pass
        book = load_workbook(path, read_only=True)
        rows = sum(1 for _ in book.active.iter_rows())
        book.close()
        return rows > 3
    except Exception:
        return False


@dataclass(frozen=True)
class Command:
    argv: Callable[[Path], list[str]]
    valid: Callable[[Path], bool] | None
    """How to tell a complete output file; None: the command writes none."""


def valid_backup_of(before: list[str]) -> Callable[[Path], bool]:
    def valid(path: Path) -> bool:
        return integrity(path) == ["ok"] and events(path) == before
    return valid


COMMANDS: dict[str, Command] = {
    "import-roster": Command(lambda out: ["import-roster", str(ROSTER)], None),
    "export-xlsx": Command(lambda out: ["export-xlsx", "all", "--out", str(out / "名单.xlsx")],
                           valid_xlsx),
    "print": Command(lambda out: ["print", "ledger", "--view", "all", "--out",
                                  str(out / "台账.pdf")], valid_pdf),
    "backup": Command(lambda out: ["backup", "--out", str(out / "台账备份.sqlite")], None),
}
