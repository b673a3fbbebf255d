"""The two set-up commands of Dropout Ledger (控辍保学台账). Standard library only.

    python3 run.py [GUI ARGS...]     make .venv (first run), then start the desktop app
    python3 run.py test [ARGS...]    make .venv with the test extras, then run pytest
    python3 run.py cli [ARGS...]     run the command line, `python -m dropout_ledger ARGS...`

The virtual environment lives in `.venv/` next to this file. It is (re)installed only when
pyproject.toml changed or when a command needs extras the last install did not include; a stamp
file in `.venv/` remembers the hash of pyproject.toml and the extras installed.

This file must stay parseable by old Python 3 versions (no walrus, no `match`) so that the version
check below can print its message instead of a SyntaxError.
"""

import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import urllib.request
from typing import NoReturn

# ruff assumes py311 from pyproject, but this check exists for the interpreters that are older.
if sys.version_info < (3, 11):  # noqa: UP036
    _HAVE = ".".join(str(part) for part in sys.version_info[:2])
    sys.stderr.write(
        "控辍保学台账需要 Python 3.11 或更新版本（当前 " + _HAVE + "），请先安装新版。\n"
    )
    sys.stderr.write("Dropout Ledger needs Python 3.11 or newer (this is " + _HAVE + ").\n")
    sys.exit(1)

ROOT = os.path.dirname(os.path.abspath(__file__))
VENV = os.path.join(ROOT, ".venv")
STAMP = os.path.join(VENV, "dropout-ledger-install.json")
PIP_LOG = os.path.join(VENV, "pip-install.log")
PYPROJECT = os.path.join(ROOT, "pyproject.toml")
LOG_TAIL_LINES = 40
# pip reads these from the environment: never prompt, never nag about its own version.
PIP_ENV = {"PIP_NO_INPUT": "1", "PIP_DISABLE_PIP_VERSION_CHECK": "1"}


def venv_python() -> str:
    """The interpreter inside .venv (Scripts\\python.exe on Windows, bin/python elsewhere)."""
    if os.name == "nt":
        return os.path.join(VENV, "Scripts", "python.exe")
    return os.path.join(VENV, "bin", "python")


def pyproject_hash() -> str:
    with open(PYPROJECT, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def read_stamp() -> dict:
    try:
        with open(STAMP, encoding="utf-8") as f:
            stamp = json.load(f)
    except (OSError, ValueError):
        return {}
    return stamp if isinstance(stamp, dict) else {}


def write_stamp(extras: list) -> None:
    stamp = {"pyproject_sha256": pyproject_hash(), "extras": sorted(extras), "root": ROOT}
    with open(STAMP, "w", encoding="utf-8") as f:
        json.dump(stamp, f)


def venv_works() -> bool:
    """True when .venv has a Python ≥ 3.11 that starts and has pip (a half-made venv fails)."""
    python = venv_python()
    if not os.path.isfile(python):
        return False
    try:
        result = subprocess.run(
            [python, "-c", "import pip, sys; sys.exit(sys.version_info < (3, 11))"],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            timeout=120,
        )
    except (OSError, subprocess.SubprocessError):
        return False
    return result.returncode == 0


def fail(message: str, log_text: str = "") -> NoReturn:
    if log_text:
        tail = log_text.splitlines()[-LOG_TAIL_LINES:]
        sys.stderr.write(f"---- 安装日志最后 {len(tail)} 行 / last lines of the log ----\n")
        sys.stderr.write("\n".join(tail) + "\n----\n")
    sys.stderr.write(message + "\n")
    sys.exit(1)


def create_venv() -> None:
    """Make a fresh .venv; without ensurepip (Debian lacking python3-venv), fetch pip itself."""
    shutil.rmtree(VENV, ignore_errors=True)
    result = subprocess.run(
        [sys.executable, "-m", "venv", VENV],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    if result.returncode == 0 and venv_works():
        return
    if "ensurepip" not in result.stdout:
        fail(
            "无法创建 .venv 运行环境。/ Could not create the virtual environment .venv.",
            result.stdout,
        )
    shutil.rmtree(VENV, ignore_errors=True)
    bare = subprocess.run(
        [sys.executable, "-m", "venv", "--without-pip", VENV],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    if bare.returncode != 0:
        fail(
            "无法创建 .venv 运行环境。/ Could not create the virtual environment .venv.",
            bare.stdout,
        )
    bootstrap_pip()


def bootstrap_pip() -> None:
    """Install pip into a pip-less .venv from the package index (PIP_INDEX_URL or PyPI).

    Reads the index's simple page for pip, takes the newest py3 wheel, checks its sha256 against
    the index, and runs pip from the wheel itself to install pip.
    """
    index = os.environ.get("PIP_INDEX_URL", "https://pypi.org/simple").rstrip("/")
    try:
        with urllib.request.urlopen(index + "/pip/", timeout=60) as response:
            page = response.read().decode("utf-8", "replace")
        links = re.findall(
            r'href="([^"]*/(pip-([0-9.]+)-py3-none-any\.whl)#sha256=([0-9a-f]{64}))"', page
        )
        if not links:
            raise OSError("no pip wheel listed at " + index + "/pip/")
        url, name, _, digest = max(links, key=lambda link: [int(p) for p in link[2].split(".")])
        url = urllib.request.urljoin(index + "/pip/", url.split("#")[0])
        with urllib.request.urlopen(url, timeout=120) as response:
            data = response.read()
    except OSError as exc:
        fail(f"无法下载 pip，请检查网络后重试。/ Could not download pip: {exc}")
    if hashlib.sha256(data).hexdigest() != digest:
        fail("下载的 pip 校验不符，请重试。/ The downloaded pip wheel failed its sha256 check.")
    with tempfile.TemporaryDirectory() as tmp:
        wheel = os.path.join(tmp, name)
        with open(wheel, "wb") as f:
            f.write(data)
        run_pip_logged([venv_python(), os.path.join(wheel, "pip"), "install", "--no-index", wheel])


def run_pip_logged(command: list) -> None:
    """Run one pip command with its output appended to .venv/pip-install.log; stop on failure."""
    env = dict(os.environ, **PIP_ENV)
    with open(PIP_LOG, "a", encoding="utf-8", errors="replace") as log:
        log.write("$ " + " ".join(command) + "\n")
        log.flush()
        code = subprocess.call(
            command, cwd=ROOT, env=env, stdin=subprocess.DEVNULL, stdout=log, stderr=log
        )
    if code != 0:
        with open(PIP_LOG, encoding="utf-8", errors="replace") as log:
            text = log.read()
        fail(
            f"安装失败：请检查网络后重新运行，仍失败时请把日志 {PIP_LOG} 发给技术支持。",
            text,
        )


def ensure_installed(extras: list) -> None:
    """Create .venv and `pip install -e .[extras]` unless the stamp says that is already done."""
    stamp = read_stamp()
    have = set(stamp.get("extras", []))
    current = stamp.get("pyproject_sha256") == pyproject_hash() and stamp.get("root") == ROOT
    if current and set(extras) <= have and os.path.isfile(venv_python()):
        return
    if venv_works():
        print("正在安装所需组件到 .venv … / installing dependencies into .venv", flush=True)
        with open(PIP_LOG, "w", encoding="utf-8"):
            pass  # start a fresh log, so a failure shows this install's tail
    else:
        print("正在创建运行环境 .venv（仅首次，需联网，约几分钟）… / creating .venv", flush=True)
        create_venv()
        have = set()
    # Keep extras installed earlier, so `run.py` after `run.py test` keeps the test tools.
    wanted = sorted(set(extras) | have)
    target = "." + ("[" + ",".join(wanted) + "]" if wanted else "")
    if os.path.exists(STAMP):
        os.remove(STAMP)  # a failed install must not leave a stamp claiming success
    run_pip_logged([venv_python(), "-m", "pip", "install", "-e", target])
    write_stamp(wanted)


def run_in_venv(args: list, cwd: str | None = None) -> int:
    try:
        return subprocess.call([venv_python()] + args, cwd=cwd)
    except KeyboardInterrupt:
        return 130


def main(argv: list) -> int:
    if argv[:1] == ["test"]:
        ensure_installed(["test"])
        # pytest runs from the repository root so that pyproject's testpaths and config apply.
        return run_in_venv(["-m", "pytest"] + argv[1:], cwd=ROOT)
    ensure_installed([])
    if argv[:1] == ["cli"]:
        return run_in_venv(["-m", "dropout_ledger"] + argv[1:])
    return run_in_venv(["-m", "ui"] + argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
