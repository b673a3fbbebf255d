"""Benchmark the one-folder bundle: build time, size (unpacked and zipped), start-up, memory.

Run from the repository root:

    .venv/bin/python bench/bench_bundle.py [--bundle dist/dropout-ledger] [--students 3000]

Without `--bundle` it builds one first with `pyinstaller build.spec` into `--workdir` (PyInstaller's
cache in .venv/pyinstaller, as tests/test_bundle.py uses). Then:

- **size**: the bytes of every file of the folder (symbolic links counted once, as links), and
  the folder zipped (deflate, level 6 — what Windows' "send to compressed folder" makes);
- **start-up**: `dropout-ledger-gui --ledger F --screenshot F.png` as a whole process (offscreen:
  the window shown, its first rows painted and saved, exit), beside the very same command from
  source (`python -m ui`), on a demo school of `--students`; wall time and peak RSS from
  `os.wait4`, median of `--repeat` runs after one warm-up (perf-baselines §5 measured 1.05×);
- **self-tests**: both programs' own install checks (`dropout-ledger-cli self-test`,
  `dropout-ledger-gui --self-test`), which must pass; the start-up the desktop's reports.

The table goes to stdout and bench/out/bundle.txt; progress to stderr.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import re
import stat
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
for _p in (ROOT, BENCH):
    if str(_p) not in sys.path:
        sys.path.insert(0, str(_p))

from protocol import Figure, Options, fmt, not_measured  # noqa: E402

from dropout_ledger.services import demo  # noqa: E402

OUT_FILE = BENCH / "out" / "bundle.txt"
EXE = ".exe" if sys.platform == "win32" else ""
BUNDLE = "dropout-ledger"
SIZE_FIX = ("the fonts are 61 MB (33 MB zipped): HanaMinB alone is 31 MB for CJK Ext B–F names;"
            " ship it as a subset of the characters names use, or as an optional download")
ZIP_FIX = ("distribute as .7z/.tar.xz (LZMA) where the machines can open it, or shrink the fonts"
           " (HanaMinB is 16 MB zipped)")

# Spawns the command from a small process and prints (exit code, wall seconds, peak RSS KiB):
# measured from here, Linux would report at least this process's own peak for the child.
_LAUNCHER = """
import os, sys, time
devnull = [(os.POSIX_SPAWN_OPEN, 1, os.devnull, os.O_WRONLY, 0),
           (os.POSIX_SPAWN_OPEN, 2, os.devnull, os.O_WRONLY, 0)]
start = time.perf_counter()
pid = os.posix_spawn(sys.argv[1], sys.argv[1:], os.environ, file_actions=devnull)
_, status, usage = os.wait4(pid, 0)
print(os.waitstatus_to_exitcode(status), time.perf_counter() - start, usage.ru_maxrss)
"""


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


# --- building and sizing -----------------------------------------------------------------------


def build(workdir: Path) -> tuple[Path, float]:
    """`pyinstaller build.spec` into `workdir`; the bundle folder and the seconds it took."""
    env = dict(os.environ, PYINSTALLER_CONFIG_DIR=str(ROOT / ".venv" / "pyinstaller"))
    log(f"building the bundle into {workdir} …")
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
         "--distpath", str(workdir / "dist"), "--workpath", str(workdir / "build"),
         str(ROOT / "build.spec")],
        cwd=ROOT, env=env, stdin=subprocess.DEVNULL, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"pyinstaller failed:\n{done.stderr[-4000:]}")
    log(f"  built in {seconds:.1f} s")
    return workdir / "dist" / BUNDLE, seconds


def unpacked_size(folder: Path) -> tuple[int, int]:
    """(bytes of the regular files, how many); symbolic links are not followed."""
    files = [p for p in folder.rglob("*") if p.is_file() and not p.is_symlink()]
    return sum(p.stat().st_size for p in files), len(files)


def zipped_size(folder: Path, level: int = 6) -> tuple[int, float]:
    """The folder as a deflate zip (links stored as links): (bytes, seconds to compress).

    Level 0 stores without compressing: quick runs prove the code, not the size."""
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="bench-bundle-zip-") as scratch:
        target = Path(scratch) / f"{BUNDLE}.zip"
        method = zipfile.ZIP_DEFLATED if level else zipfile.ZIP_STORED  # 0: a smoke run
        with zipfile.ZipFile(target, "w", method, compresslevel=level or None) as archive:
            for path in sorted(folder.rglob("*")):
                name = str(path.relative_to(folder.parent))
                if path.is_symlink():
                    info = zipfile.ZipInfo(name)
                    info.create_system = 3  # Unix, so the mode below means a link
                    info.external_attr = (stat.S_IFLNK | 0o777) << 16
                    archive.writestr(info, os.readlink(path))
                elif path.is_file():
                    archive.write(path, name)
        return target.stat().st_size, time.perf_counter() - started


def biggest(folder: Path, top: int = 8) -> list[tuple[str, int]]:
    """The largest parts of the bundle (first two levels below _internal), for the report."""
    sizes: dict[str, int] = {}
    inner = folder / "_internal"
    for path in inner.rglob("*"):
        if path.is_file() and not path.is_symlink():
            parts = path.relative_to(inner).parts
            key = "/".join(parts[:2]) if len(parts) > 2 else parts[0]
            sizes[key] = sizes.get(key, 0) + path.stat().st_size
    return sorted(sizes.items(), key=lambda item: -item[1])[:top]


# --- running it --------------------------------------------------------------------------------


def timed_runs(command: list[str], repeat: int, env: dict[str, str]) -> tuple[list[float], float]:
    """One warm-up run, then `repeat` runs: (wall seconds each, the largest peak RSS in MB).
    With `repeat` 0, one run and no warm-up (a smoke run)."""
    seconds: list[float] = []
    peak = 0.0
    for run in range(repeat + 1 if repeat else 1):
        done = subprocess.run([sys.executable, "-c", _LAUNCHER, *command], env=env,
                              capture_output=True, text=True, check=True)
        code, wall, rss_kib = done.stdout.split()
        if int(code) != 0:
            raise SystemExit(f"{command[:3]} exited with {code}")
        if run or not repeat:
            seconds.append(float(wall))
            peak = max(peak, int(rss_kib) * 1024 / 1e6)
    return seconds, peak


def environment(home: Path) -> dict[str, str]:
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"),
               DROPOUT_LEDGER_LANG="zh_CN", DROPOUT_LEDGER_HOME=str(home))
    env.pop("PYTHONPATH", None)
    return env


def self_tests(folder: Path, env: dict[str, str]) -> tuple[float, float, float | None]:
    """Both programs' self-tests, which must pass: (seconds of the console twin's, of the
    desktop's, the start-up the desktop reports)."""
    log("self-tests …")
    timings = []
    outputs = []
    for command in ([str(folder / f"dropout-ledger-cli{EXE}"), "self-test"],
                    [str(folder / f"dropout-ledger-gui{EXE}"), "--self-test"]):
        started = time.perf_counter()
        done = subprocess.run(command, env=env, capture_output=True, text=True,
                              encoding="utf-8", errors="replace")
        timings.append(time.perf_counter() - started)
        if done.returncode != 0 or not done.stdout.startswith("自检通过"):
            raise SystemExit(f"{Path(command[0]).name} self-test failed:\n{done.stdout}"
                             f"{done.stderr[-2000:]}")
        outputs.append(done.stdout)
    found = re.search(r"启动到主窗口显示：(\d+\.\d+) 秒", outputs[1])
    return timings[0], timings[1], float(found.group(1)) if found else None


# --- the protocol ------------------------------------------------------------------------------


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bundle", type=Path, default=None, help="a built bundle folder")
    parser.add_argument("--students", type=int, default=3000, help="the demo school's size")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--workdir", type=Path, default=Path(tempfile.gettempdir()) / "bench_bundle")
    parser.add_argument("--zip-level", type=int, default=6)
    parser.add_argument("--no-self-tests", action="store_true",
                        help="skip running the bundle's self-tests (tests/test_bundle.py does)")
    parser.add_argument("--out", type=Path, default=OUT_FILE)
    return parser.parse_args(argv)


def bench(args: argparse.Namespace) -> list[Figure]:
    args.workdir.mkdir(parents=True, exist_ok=True)
    figures: list[Figure] = []
    if args.bundle is None:
        folder, seconds = build(args.workdir)
        figures.append(Figure("build (pyinstaller build.spec)", seconds, n=1, target=120.0,
                              target_text="≤ 2 min in CI", source="perf-baselines goals",
                              fix="one Analysis already serves both programs; keep "
                                  "PYINSTALLER_CONFIG_DIR in .venv"))
    else:
        folder = args.bundle.resolve()
        figures.append(not_measured("build (pyinstaller build.spec)",
                                    f"a built bundle was given: {folder}"))
    size, files = unpacked_size(folder)
    figures.append(Figure("bundle, unpacked", size / 1e6, n=1, unit="MB", target=250.0,
                          target_text="≤ 250 MB", goal="bundle-size", fix=SIZE_FIX,
                          note=f"{files:,} files ({platform.system()}); largest: " + ", ".join(
                              f"{name} {fmt(part / 1e6, 'MB')}" for name, part in biggest(folder))))
    log(f"zipping {folder} (deflate level {args.zip_level}) …")
    zipped, zip_seconds = zipped_size(folder, args.zip_level)
    full_zip = args.zip_level == 6
    figures.append(Figure(f"bundle, zip (deflate level {args.zip_level})", zipped / 1e6, n=1,
                          unit="MB", target=100.0 if full_zip else None,
                          target_text="≤ 100 MB" if full_zip else "",
                          goal="bundle-zip" if full_zip else "", fix=ZIP_FIX,
                          note=f"compressed in {zip_seconds:.0f} s"))

    ledger = args.workdir / f"school-{args.students}.sqlite"
    if not ledger.exists():
        log(f"building a demo school of {args.students:,} …")
        partial = ledger.with_suffix(".building")
        for leftover in args.workdir.glob(partial.name + "*"):
            leftover.unlink()
        demo.ensure_demo(partial, students=args.students)
        partial.rename(ledger)
    with tempfile.TemporaryDirectory(prefix="bench-bundle-home-") as home:
        env = environment(Path(home))
        shot = str(args.workdir / "shot.png")
        gui = [str(folder / f"dropout-ledger-gui{EXE}"), "--ledger", str(ledger), "--screenshot",
               shot]
        source = [sys.executable, "-m", "ui", "--ledger", str(ledger), "--screenshot", shot]
        log("start-up from the bundle …")
        bundle_s, bundle_rss = timed_runs(gui, args.repeat, env)
        log("start-up from source …")
        source_env = dict(env, PYTHONPATH=str(ROOT))
        source_s, source_rss = timed_runs(source, args.repeat, source_env)
        tested = None if args.no_self_tests else self_tests(folder, env)
    school = f"school of {args.students:,}"
    figures += [
        Figure.of(f"start-up from the bundle to first rows painted, {school}", bundle_s,
                  raw=statistics.median(source_s), raw_what="the same command from source",
                  target=1.5, target_text="≤ 1.5 s", goal="startup-bundle",
                  fix="the window's start-up from source (see startup-source)",
                  note="`dropout-ledger-gui --ledger F --screenshot F.png`, whole process"),
        Figure.of(f"start-up from source to first rows painted, {school}", source_s,
                  target=1.0, target_text="≤ 1.0 s",
                  source="design §5; bench_desktop measures it too",
                  fix="create the pages not on the first screen when first shown",
                  note="`python -m ui --ledger F --screenshot F.png`, whole process"),
        Figure("peak RSS of the start-up, bundle", bundle_rss, n=1, unit="MB",
               raw=source_rss, raw_what="from source"),
    ]
    if tested is not None:
        cli_seconds, gui_seconds, reported = tested
        figures += [
            Figure("`dropout-ledger-cli self-test` (passes)", cli_seconds, n=1,
                   note="scratch ledger, sample roster imported, 台账 printed, verify, crypto"),
            Figure("`dropout-ledger-gui --self-test` (passes)", gui_seconds, n=1,
                   note="the above + fonts, translations, main window"
                        + (f"; it reports start-up {reported:.2f} s" if reported else "")),
        ]
    report(args, folder, figures)
    return figures


def report(args: argparse.Namespace, folder: Path, figures: list[Figure]) -> None:
    lines = [f"# bench_bundle — {dt.datetime.now():%Y-%m-%d %H:%M}", "",
             f"- bundle: {folder} ({platform.system()} {platform.machine()}, Python "
             f"{platform.python_version()}); load average {os.getloadavg()[0]:.2f}",
             f"- start-up: median [min–max, n] of {args.repeat} runs after one warm-up", "",
             "| figure | value | the same from source | ratio | target | verdict | note |",
             "|---|---|---|---|---|---|---|"]
    lines += [f"| {f.name} | {f.value_text()} | {f.raw_text()} | {f.ratio_text()} |"
              f" {f.target_text or '—'} | {f.verdict()} | {f.note} |" for f in figures]
    text = "\n".join(lines) + "\n"
    print(text)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8")


def run(options: Options) -> list[Figure]:
    """The protocol of bench/run_all.py. Quick: needs `options.bundle` (building takes ~30 s)."""
    if options.quick and options.bundle is None:
        return [not_measured("bundle", "skipped in a quick run without --bundle (building one"
                             " takes about 30 s)", goal=goal) for goal in
                ("bundle-size", "bundle-zip", "startup-bundle")]
    argv = ["--students", "200" if options.quick else "3000",
            "--repeat", "0" if options.quick else str(max(options.repeat, 5)),
            "--workdir", str(options.workdir / "bundle"), "--out", str(options.out / "bundle.txt")]
    if options.bundle is not None:
        argv += ["--bundle", str(options.bundle)]
    if options.quick:  # a smoke run: a fast zip, and the self-tests are tests/test_bundle.py's
        argv += ["--zip-level", "0", "--no-self-tests"]
    return bench(parse_args(argv))


def main(argv: list[str] | None = None) -> int:
    bench(parse_args(argv))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
