"""Runs the command line in forked children and kills them: the engine of the crash tests.

Started once per test module as a separate process (`python tests/core/crash_worker.py`), it
imports and warms up everything a command needs (fonts parsed, openpyxl and calamine loaded),
so that each command runs in a child forked from it in milliseconds instead of a fresh
interpreter's second. One JSON request per line on stdin, one JSON answer per line on stdout:

    {"argv": [...], "delay": 0.05, "fsize": null, "out": "/tmp/x/stdout", "err": "/tmp/x/stderr"}
    → {"pid": 1234, "killed": true, "code": null, "seconds": 0.05}

`delay` (seconds) is when the child gets SIGKILL (kill -9; null: let it finish); `fsize` caps the
size of every file the child writes (RLIMIT_FSIZE, with SIGXFSZ ignored so a write past it fails
with EFBIG, as on a full disk or a FAT32 stick); the child's stdout and stderr go to the files
named. POSIX only (fork, SIGKILL, setrlimit).
"""

from __future__ import annotations

import json
import os
import resource
import signal
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from dropout_ledger import cli  # noqa: E402


def warm_up() -> None:
    """Run each kind of command once, so the children inherit loaded libraries and fonts."""
    with tempfile.TemporaryDirectory(prefix="crash-warm-") as folder:
        path = Path(folder) / "l.sqlite"
        quiet = ["--ledger", str(path)]
        with open(os.devnull, "w") as null:
            saved = sys.stdout
            sys.stdout = null
            try:
                cli.main(["init", "--school-code", "2152482101", "--school-name", "学校", *quiet])
                cli.main(["demo", "--students", "12", *quiet])
                cli.main(["print", "ledger", "--view", "all", "--out",
                          f"{folder}/a.pdf", *quiet])
                cli.main(["export-xlsx", "all", "--out", f"{folder}/a.xlsx", *quiet])
                cli.main(["import-roster", str(ROOT / "tests/data/import/clean.xlsx"), "--dry-run",
                          *quiet])
            finally:
                sys.stdout = saved


def child(request: dict) -> None:
    """In the forked child: redirect output, apply the file-size cap, run, exit hard."""
    code = 1
    try:
        for fd, name in ((1, request["out"]), (2, request["err"])):
            target = os.open(name, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
            os.dup2(target, fd)
            os.close(target)
        sys.stdout = os.fdopen(1, "w", encoding="utf-8", closefd=False)
        sys.stderr = os.fdopen(2, "w", encoding="utf-8", closefd=False)
        if request.get("fsize") is not None:
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
            resource.setrlimit(resource.RLIMIT_FSIZE, (request["fsize"], request["fsize"]))
        code = cli.main(request["argv"])
        sys.stdout.flush()
        sys.stderr.flush()
    finally:
        os._exit(code)


def run(request: dict) -> dict:
    start = time.perf_counter()
    pid = os.fork()
    if pid == 0:
        child(request)
    if request.get("delay") is not None:
        time.sleep(request["delay"])
        os.kill(pid, signal.SIGKILL)  # an exited child is a zombie until reaped: no error
    _, status = os.waitpid(pid, 0)
    killed = os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL
    return {"pid": pid, "killed": killed,
            "code": os.WEXITSTATUS(status) if os.WIFEXITED(status) else None,
            "seconds": time.perf_counter() - start}


def main() -> int:
    warm_up()
    print(json.dumps({"ready": True}), flush=True)
    for line in sys.stdin:
        if not line.strip():
            continue
        print(json.dumps(run(json.loads(line))), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
