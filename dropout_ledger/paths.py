"""Where the ledger lives by default: the per-user data folder (no Qt, no side effects).

Linux: `~/.local/share/DropoutLedger/ledger.sqlite`; Windows:
`%LOCALAPPDATA%\\DropoutLedger\\ledger.sqlite`. The environment variable `DROPOUT_LEDGER_HOME`
replaces the folder (tests and portable installs on a USB stick use it).
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

from dropout_ledger import APP_NAME

HOME_ENV = "DROPOUT_LEDGER_HOME"
LEDGER_FILE = "ledger.sqlite"


def data_dir() -> Path:
    """The folder that holds the default ledger; `DROPOUT_LEDGER_HOME` overrides it. Not created."""
    override = os.environ.get(HOME_ENV, "").strip()
    if override:
        return Path(override).expanduser()
    # appauthor=False: on Windows the folder is LOCALAPPDATA\DropoutLedger, not ...\Author\App.
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False, roaming=False))


def default_ledger_path() -> Path:
    """The ledger every command and the desktop app use when `--ledger` is not given."""
    return data_dir() / LEDGER_FILE
