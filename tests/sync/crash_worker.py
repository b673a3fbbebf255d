"""Runs `dropout-ledger sync …` in children forked from a warm process, and kills them.

Started once per test module (`python tests/sync/crash_worker.py`), it imports and warms up
everything `sync export` and `sync import` need (the CLI, cryptography's HPKE, an enrolment, an
export and an import done once in a scratch folder), so that each command then runs in a child
forked from it in milliseconds instead of a fresh interpreter's second. One JSON request per
line on stdin, one JSON answer per line on stdout:

    {"argv": [...], "env": {"DROPOUT_LEDGER_CRASH_AT": "event:12"}, "delay": 0.05,
     "out": "/tmp/x/stdout", "err": "/tmp/x/stderr"}
    → {"killed": true, "code": null, "seconds": 0.05}

`delay` (seconds) is when the parent sends SIGKILL (null: let it run); `env` is added to the
child's environment (the importer's crash hook). The child's clock is frozen at NOW, so the same
command on the same ledger writes byte-identical events whenever it runs: "the state after" is
one state, not one per run. POSIX only (fork, SIGKILL).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import signal
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from dropout_ledger import cli  # noqa: E402
from dropout_ledger.clock import SystemClock  # noqa: E402

NOW = dt.datetime(2026, 11, 22, 10, 0, tzinfo=dt.timezone(dt.timedelta(hours=8)))
COUNTY_CODE, SCHOOL_CODE = "524821", "2152482101"


def freeze_clock() -> None:
    """Every SystemClock in this process says NOW (the CLI makes its own)."""
    SystemClock.now = lambda self: NOW  # type: ignore[method-assign]
    SystemClock.today = lambda self: NOW.date()  # type: ignore[method-assign]


def quiet(argv: list[str]) -> dict:
    """Run the command line with its output swallowed; its --json answer."""
    out = Path(tempfile.mkstemp(suffix=".json")[1])
    saved = sys.stdout
    try:
        with out.open("w", encoding="utf-8") as sys.stdout:
            code = cli.main([*argv, "--json"])
    finally:
        sys.stdout = saved
    text = out.read_text(encoding="utf-8")
    out.unlink()
    assert code == 0, (argv, code)
    return json.loads(text) if text.strip() else {}


def make_world(folder: Path, students: int) -> dict[str, Path]:
    """A county and a demo school, enrolled and confirmed, through the command line."""
    county = folder / "county" / "county.sqlite"
    school = folder / "school" / "school.sqlite"
    enrolment = folder / "enrol.dlpkg"
    quiet(["init", "--county", COUNTY_CODE, "--county-name", "示例县教育局", "--ledger", str(county)])
    made = quiet(["county", "enroll-school", "--school-code", SCHOOL_CODE, "--school-name",
                  "坪坝镇中心学校", "--out", str(enrolment), "--ledger", str(county)])
    quiet(["init", "--school-code", SCHOOL_CODE, "--school-name", "坪坝镇中心学校",
           "--county-code", COUNTY_CODE, "--ledger", str(school)])
    quiet(["demo", "--students", str(students), "--ledger", str(school)])
    joined = quiet(["join", str(enrolment), "--fingerprint", made["fingerprint"],
                    "--ledger", str(school)])
    quiet(["county", "confirm-school", SCHOOL_CODE, "--fingerprint", joined["fingerprint"],
           "--ledger", str(county)])
    return {"county": county, "school": school}


def warm_up() -> None:
    with tempfile.TemporaryDirectory(prefix="sync-crash-warm-") as scratch:
        world = make_world(Path(scratch), 8)
        stick = Path(scratch) / "stick"
        [made] = quiet(["sync", "export", "--out", str(stick), "--ledger", str(world["school"])])
        quiet(["sync", "import", made["file"], "--ledger", str(world["county"])])


def child(request: dict) -> None:
    """In the forked child: environment, output files, run, exit hard."""
    code = 1
    try:
        os.environ.update(request.get("env") or {})
        for fd, name in ((1, request["out"]), (2, request["err"])):
            target = os.open(name, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
            os.dup2(target, fd)
            os.close(target)
        sys.stdout = os.fdopen(1, "w", encoding="utf-8", closefd=False)
        sys.stderr = os.fdopen(2, "w", encoding="utf-8", closefd=False)
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
    return {"killed": killed, "code": os.WEXITSTATUS(status) if os.WIFEXITED(status) else None,
            "seconds": time.perf_counter() - start}


def main() -> int:
    freeze_clock()
    warm_up()
    print(json.dumps({"ready": True}), flush=True)
    for line in sys.stdin:
        if not line.strip():
            continue
        request = json.loads(line)
        if request.get("world"):  # build a world here, warm, instead of in the test
            paths = make_world(Path(request["world"]), int(request["students"]))
            print(json.dumps({k: str(v) for k, v in paths.items()}), flush=True)
            continue
        print(json.dumps(run(request)), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
