"""Running the project's own entry points as real processes, the way a user starts them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def run_module(
    *args: str | Path, env: dict[str, str] | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    """`python -m <args>` with no stdin, UTF-8 output captured, and a generous time limit.

    `env` is the whole environment of the process (None: this one's).
    """
    return subprocess.run(
        [sys.executable, "-m", *map(str, args)],
        env=env,
        cwd=cwd,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        timeout=600,
    )
