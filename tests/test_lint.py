"""Lint and typing are part of the suite, so CI enforces them (configuration in pyproject.toml).

ruff checks the whole repository; mypy is strict on `dropout_ledger` and checks the bodies of
`ui` functions. Both run as `python -m …` from this interpreter, so they are the versions the
`test` extra installed into this environment, not whatever happens to be on PATH.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from subprocesses import run_module

ROOT = Path(__file__).resolve().parent.parent


def run_tool(*args: str) -> subprocess.CompletedProcess[str]:
    return run_module(*args, cwd=ROOT)


@pytest.mark.parametrize(
    "command",
    [
        pytest.param(("ruff", "check", "."), id="ruff"),
        pytest.param(("mypy", "dropout_ledger", "ui"), id="mypy"),
    ],
)
def test_tool_reports_no_problems(command: tuple[str, ...]) -> None:
    result = run_tool(*command)
    assert result.returncode == 0, (
        f"`{' '.join(command)}` exited {result.returncode}:\n{result.stdout}\n{result.stderr}"
    )
