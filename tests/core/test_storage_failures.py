"""Disk full and read-only media: nothing half-done, a Chinese message that says so, exit code 2.

The command line runs in children of crash_worker.py, as in test_crash_safety.py. A full disk is
simulated three ways, whichever this machine allows:

- everywhere on POSIX: a file-size limit on the child (RLIMIT_FSIZE, SIGXFSZ ignored), so that a
  write past it fails with EFBIG, as on a full disk or a FAT32 stick;
- as root, where mounting works (CI containers, this VM): a real tiny tmpfs that fills up
  (ENOSPC, SQLITE_FULL), and a tmpfs remounted read-only (EROFS);
- as an ordinary user: a folder without write permission (chmod), for read-only media.

After each refusal the ledger's events are exactly as before, its integrity is ok, and no file
is left under its final name.
"""

from __future__ import annotations

import contextlib
import os
import re
import subprocess
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from crashing import COMMANDS, Run, Worker, events, final_files, fresh, integrity, make_base

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="fork and rlimits are POSIX")

@pytest.fixture(scope="module")
def worker() -> Iterator[Worker]:
    started = Worker()
    yield started
    started.close()


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_base(tmp_path_factory.mktemp("storage-base"))


_CHINESE = re.compile(r"[\u4e00-\u9fff]")
WRITERS = ("export-xlsx", "print", "backup")


def refused_cleanly(run: Run, ledger: Path, before: list[str], out: Path, says: str) -> None:
    assert run.code == 2, (run.code, run.stderr)
    assert _CHINESE.search(run.stderr) and re.search(says, run.stderr), run.stderr
    assert "Traceback" not in run.stderr and "内部错误" not in run.stderr
    assert integrity(ledger) == ["ok"]
    assert events(ledger) == before  # not even an audit entry
    assert final_files(out) == []


# --- a file-size limit: portable ---------------------------------------------------------------


@pytest.mark.parametrize("name", WRITERS)
def test_a_write_past_the_size_limit_is_refused_and_leaves_nothing(name, worker, base, tmp_path):
    ledger, out = fresh(base, tmp_path)
    before = events(ledger)
    run = worker.run([*COMMANDS[name].argv(out), "--ledger", str(ledger)], tmp_path,
                     fsize=16 * 1024)
    refused_cleanly(run, ledger, before, out, "太大|已满|空间")


def test_an_import_whose_backup_cannot_be_written_imports_nothing(worker, base, tmp_path):
    ledger, out = fresh(base, tmp_path)
    before = events(ledger)
    run = worker.run([*COMMANDS["import-roster"].argv(out), "--ledger", str(ledger)], tmp_path,
                     fsize=64 * 1024)
    refused_cleanly(run, ledger, before, out, "备份没有成功.*没有导入")


# --- real filesystems, where this machine lets us make them -----------------------------------


@contextlib.contextmanager
def tmpfs(kilobytes: int) -> Iterator[Path]:
    """A real tiny filesystem (root only; skipped where mounting is not allowed)."""
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        pytest.skip("mounting a tiny filesystem needs root")
    folder = Path(tempfile.mkdtemp(prefix="dl-tmpfs-"))
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={kilobytes}k", "tmpfs",
                              str(folder)], capture_output=True)
    if mounted.returncode != 0:
        folder.rmdir()
        pytest.skip("mount is not allowed here")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], capture_output=True)
        folder.rmdir()


@contextlib.contextmanager
def read_only(tmp_path: Path, prepare: Callable[[Path], None]) -> Iterator[Path]:
    """A folder filled by `prepare`, then made read-only: a remounted tmpfs as root, chmod
    otherwise (root ignores permissions, a read-only mount it cannot)."""
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        with tmpfs(4096) as folder:
            prepare(folder)
            subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)
            yield folder
        return
    folder = tmp_path / "read-only"
    folder.mkdir()
    prepare(folder)
    for path in [folder, *folder.rglob("*")]:
        path.chmod(0o555 if path.is_dir() else 0o444)
    try:
        yield folder
    finally:
        for path in [folder, *folder.rglob("*")]:
            path.chmod(0o755 if path.is_dir() else 0o644)


@pytest.mark.parametrize("name", WRITERS)
def test_writing_to_read_only_media_is_refused_and_leaves_nothing(name, worker, base, tmp_path):
    ledger, _ = fresh(base, tmp_path)
    before = events(ledger)
    with read_only(tmp_path, lambda folder: None) as stick:
        run = worker.run([*COMMANDS[name].argv(stick), "--ledger", str(ledger)], tmp_path)
        refused_cleanly(run, ledger, before, stick, "只读|不能写入|写保护|权限")


def test_a_ledger_on_read_only_media_is_refused_untouched(worker, base, tmp_path):
    def put(folder: Path) -> None:
        (folder / "l.sqlite").write_bytes(base.read_bytes())

    with read_only(tmp_path, put) as folder:
        ledger = folder / "l.sqlite"
        bytes_before = ledger.read_bytes()
        run = worker.run(["list", "--ledger", str(ledger)], tmp_path)
        assert run.code == 2 and "只读" in run.stderr and "Traceback" not in run.stderr
        assert ledger.read_bytes() == bytes_before


def test_exporting_to_a_full_stick_is_refused_and_leaves_nothing(worker, base, tmp_path):
    ledger, _ = fresh(base, tmp_path)
    before = events(ledger)
    with tmpfs(64) as stick:
        (stick / "照片.jpg").write_bytes(b"\xff" * (60 * 1024))  # the stick is nearly full
        for name in WRITERS:
            run = worker.run([*COMMANDS[name].argv(stick), "--ledger", str(ledger)], tmp_path)
            assert run.code == 2 and re.search("已满|空间", run.stderr), run.stderr
            assert [p.name for p in final_files(stick)] == ["照片.jpg"]
        assert events(ledger) == before and integrity(ledger) == ["ok"]


def test_an_import_into_a_ledger_on_a_full_disk_changes_nothing(worker, base, tmp_path):
    """The disk fills while the import's transaction is written (the WAL cannot grow):
    SQLITE_FULL rolls it back, and the person is told in Chinese."""
    size = base.stat().st_size
    with tmpfs((size * 2 + 96 * 1024) // 1024) as disk:
        (disk / "ledger").mkdir()
        ledger = disk / "ledger" / "l.sqlite"
        ledger.write_bytes(base.read_bytes())
        for snapshot in (base.parent / "备份").iterdir():  # today's snapshot is taken
            (disk / "ledger" / "备份").mkdir(exist_ok=True)
            (disk / "ledger" / "备份" / snapshot.name).write_bytes(snapshot.read_bytes()[:0])
        before = events(ledger)
        run = worker.run([*COMMANDS["import-roster"].argv(disk), "--ledger", str(ledger)],
                         tmp_path)
        assert run.code == 2, (run.code, run.stderr)
        assert re.search("已满|空间|没有导入", run.stderr) and "Traceback" not in run.stderr
        assert integrity(ledger) == ["ok"] and events(ledger) == before


# --- the mapping itself --------------------------------------------------------------------------


def test_storage_errors_are_named_in_chinese():
    import errno

    from dropout_ledger.store import sqlite as sqlite3  # the core's driver (SQLCipher)
    from dropout_ledger.store import storage

    assert "已满" in storage.reason(OSError(errno.ENOSPC, "No space left on device"))
    assert "只读" in storage.reason(OSError(errno.EROFS, "Read-only file system"))
    assert "FAT32" in storage.reason(OSError(errno.EFBIG, "File too large"))
    full = sqlite3.OperationalError("database or disk is full")
    full.sqlite_errorcode = sqlite3.SQLITE_FULL
    refused = storage.refusal(full)
    assert refused is not None and refused.exit_code == 2 and "没有任何改动" in refused.message
    assert storage.reason(OSError(errno.ENOENT, "missing")) is None
    assert storage.reason(ValueError("not storage")) is None
