"""The one-folder bundle (build.spec), as CI builds it on Linux: built once per test session.

The build takes about half a minute on the project's 2-core machine (PyInstaller's cache of
stripped libraries lives in .venv/pyinstaller, so a second run is faster); every test below
uses the same bundle. They run the bundle's own programs as a technician would: the console
twin's `self-test`, and the desktop's `--self-test` offscreen.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from dropout_ledger import __version__

ROOT = Path(__file__).resolve().parent.parent
BUNDLE = "dropout-ledger"
EXE = ".exe" if sys.platform == "win32" else ""
STARTUP_CEILING_S = 3.0
"""2× the bundle's start-up target (1.5 s): a guard against gross regressions on a shared CI
machine. The target itself is measured by bench/ (bench_bundle.py), median of several runs."""
SIZE_TARGET_MB = 250
"""Design README §5: the bundle unpacked."""


class Built:
    """Where the session's bundle is, and how long building it took."""

    def __init__(self, dist: Path, work: Path, seconds: float) -> None:
        self.folder = dist / BUNDLE
        self.work = work
        self.seconds = seconds

    def program(self, name: str) -> Path:
        return self.folder / f"{name}{EXE}"

    def run(self, name: str, *args: str, env: dict[str, str] | None = None,
            cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(self.program(name)), *args], env=env, cwd=cwd, stdin=subprocess.DEVNULL,
            capture_output=True, text=True, encoding="utf-8", errors="replace", timeout=300,
        )


@pytest.fixture(scope="session")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Built:
    base = tmp_path_factory.mktemp("bundle")
    env = dict(os.environ, PYINSTALLER_CONFIG_DIR=str(ROOT / ".venv" / "pyinstaller"))
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
         "--distpath", str(base / "dist"), "--workpath", str(base / "work"),
         str(ROOT / "build.spec")],
        cwd=ROOT, env=env, stdin=subprocess.DEVNULL, capture_output=True, text=True,
        timeout=900,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-5000:]
    return Built(base / "dist", base / "work", time.perf_counter() - started)


def offscreen(tmp_path: Path) -> dict[str, str]:
    """The environment of a bundled program: no display, Chinese, a private data folder."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", DROPOUT_LEDGER_LANG="zh_CN",
               DROPOUT_LEDGER_HOME=str(tmp_path / "home"))
    env.pop("PYTHONPATH", None)  # the bundle must need nothing from this checkout
    return env


def test_the_bundle_holds_both_programs_and_only_our_resources(bundle: Built) -> None:
    assert bundle.program("dropout-ledger-gui").is_file()
    assert bundle.program("dropout-ledger-cli").is_file()
    resources = bundle.folder / "_internal" / "resources"
    shipped = sorted(str(p.relative_to(resources)) for p in resources.rglob("*") if p.is_file())
    ours = ROOT / "resources"
    fonts = sorted(f"fonts/{p.name}" for p in (ours / "fonts").iterdir())
    assert [p for p in shipped if p.startswith("fonts/")] == fonts  # licences included
    assert [p for p in shipped if not p.startswith("fonts/")] == [
        "samples/sample_roster.xlsx", "translations/dropout_ledger_en.qm"]
    qt_translations = bundle.folder / "_internal" / "PySide6" / "Qt" / "translations"
    assert sorted(p.name for p in qt_translations.iterdir()) == ["qtbase_en.qm", "qtbase_zh_CN.qm"]


def _version_resource(text: str) -> Any:
    """Read a version file as PyInstaller does on Windows (it evaluates the text with its
    VSVersionInfo classes), with stand-ins that keep what they were given."""
    def keep(kind: str) -> Any:
        return lambda *args, **kwargs: {"kind": kind, "args": args, **kwargs}

    names = ("VSVersionInfo", "FixedFileInfo", "StringFileInfo", "StringTable", "StringStruct",
             "VarFileInfo", "VarStruct")
    return eval(text, {name: keep(name) for name in names})  # our own file, as PyInstaller does


def test_the_version_resource_is_written_from_the_package_version(bundle: Built) -> None:
    numbers = tuple(int(n) for n in re.findall(r"\d+", __version__)[:3]) + (0,)
    for name in ("dropout-ledger-gui", "dropout-ledger-cli"):
        text = (bundle.work / "build" / f"version-{name}.txt").read_text(encoding="utf-8")
        info = _version_resource(text)
        assert info["ffi"]["filevers"] == info["ffi"]["prodvers"] == numbers
        table = info["kids"][0]["args"][0][0]["args"]
        assert table[0] == "080404B0"  # zh-CN, UTF-16
        strings = {s["args"][0]: s["args"][1] for s in table[1]}
        assert strings["FileVersion"] == strings["ProductVersion"] == __version__
        assert strings["OriginalFilename"] == f"{name}.exe"
        assert strings["ProductName"] == "控辍保学台账"


def test_the_bundle_is_within_its_size_target(bundle: Built) -> None:
    size = sum(p.stat().st_size for p in bundle.folder.rglob("*")
               if p.is_file() and not p.is_symlink())
    assert size / 1e6 <= SIZE_TARGET_MB, f"{size / 1e6:.1f} MB unpacked"


def test_the_console_twin_passes_its_self_test(bundle: Built, tmp_path: Path) -> None:
    done = bundle.run("dropout-ledger-cli", "self-test", env=offscreen(tmp_path), cwd=tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.startswith("自检通过：")
    assert f"安装包：{bundle.folder.resolve()}" in done.stdout
    assert "✓ 加密组件" in done.stdout and "✓ 打印表格（PDF）" in done.stdout


def test_the_desktop_passes_its_self_test_offscreen(bundle: Built, tmp_path: Path) -> None:
    done = bundle.run("dropout-ledger-gui", "--self-test", env=offscreen(tmp_path), cwd=tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].startswith("自检通过：")
    assert "✗" not in done.stdout
    startup = re.match(r"启动到主窗口显示：(\d+\.\d+) 秒", lines[1])
    assert startup is not None, lines[:3]
    assert float(startup.group(1)) <= STARTUP_CEILING_S, lines[1]


def test_the_console_twin_reports_the_package_version(bundle: Built, tmp_path: Path) -> None:
    done = bundle.run("dropout-ledger-cli", "--version", env=offscreen(tmp_path))
    assert (done.returncode, done.stdout.strip()) == (0, __version__)


def test_the_ledger_lives_in_the_data_folder_not_in_the_bundle(
    bundle: Built, tmp_path: Path
) -> None:
    """If the bundle folder is replaced by a newer one, then the ledger is untouched."""
    before = sorted(bundle.folder.rglob("*"))
    done = bundle.run("dropout-ledger-cli", "init", "--school-code", "2152482101",
                      "--school-name", "坪坝镇中心学校", env=offscreen(tmp_path), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "home" / "ledger.sqlite").is_file()
    assert sorted(bundle.folder.rglob("*")) == before


# --- bench/: the one command that runs every benchmark ------------------------------------------


def test_the_benchmark_runner_runs_every_benchmark_at_quick_sizes(
    bundle: Built, tmp_path: Path
) -> None:
    """`bench/run_all.py --quick` (< 30 s): every bench_*.py still runs and reports figures,
    and RESULTS lists every target of design README §5, measured or not."""
    sys.path.insert(0, str(ROOT / "bench"))
    from protocol import GOALS

    results = tmp_path / "RESULTS.md"
    done = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "run_all.py"), "--quick", "--bundle",
         str(bundle.folder), "--results", str(results), "--out", str(tmp_path / "out"),
         "--workdir", str(tmp_path / "work")],
        cwd=ROOT, env=offscreen(tmp_path), stdin=subprocess.DEVNULL, capture_output=True,
        text=True, encoding="utf-8", errors="replace", timeout=300,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    text = results.read_text(encoding="utf-8")
    benches = sorted(p.stem for p in (ROOT / "bench").glob("bench_*.py"))
    assert {"bench_bundle", "bench_desktop"} <= set(benches)
    for name in benches:
        assert f"### {name}\n" in text
        assert (tmp_path / "out" / f"{name.removeprefix('bench_')}.txt").is_file()
    assert "**Failed**" not in text
    for what, target in GOALS.values():
        assert f"| {what} | {target} |" in text
    assert "| bundle, unpacked | ≤ 250 MB | " in text and "MB (n=1) | met" in text
    assert re.search(r"start-up from the bundle to first rows painted, school of 200 \| \d", text)
