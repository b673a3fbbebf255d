"""Where internal errors are written down: a small rotating log file in the user's log folder.

A principal who meets a bug sees one Chinese sentence and the path of this file; whoever
supports the school asks for the file and finds the traceback in it. Nothing else is logged, so
the file stays small and readable, and it rotates (3 × 1 MB) so it can never fill an old laptop's
disk.

Linux: `~/.local/state/DropoutLedger/log/dropout-ledger.log`; Windows:
`%LOCALAPPDATA%\\DropoutLedger\\Logs\\dropout-ledger.log`. `DROPOUT_LEDGER_HOME` moves it to
`<home>/logs/`, next to a portable ledger (the same variable moves the ledger, `paths.py`).
The folder is created only when the first error is written: a healthy run leaves no trace.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable
from io import TextIOWrapper
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType

import platformdirs

from dropout_ledger import APP_NAME, __version__
from dropout_ledger.paths import HOME_ENV

LOGGER_NAME = "dropout_ledger"
"""Errors go to this logger (and the loggers below it), so core modules may log there too."""

LOG_FILE = "dropout-ledger.log"
MAX_BYTES = 1_000_000
BACKUP_COUNT = 3

_FORMAT = f"%(asctime)s %(levelname)s %(name)s [{APP_NAME} {__version__}] %(message)s"


def log_dir() -> Path:
    """The folder of the error log; `DROPOUT_LEDGER_HOME` overrides it. Not created here."""
    override = os.environ.get(HOME_ENV, "").strip()
    if override:
        return Path(override).expanduser() / "logs"
    return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))


def log_file() -> Path:
    """The error log the next internal error is written to."""
    return log_dir() / LOG_FILE


class _FolderMakingHandler(RotatingFileHandler):
    """A rotating handler that makes its folder on first use (opened lazily via `delay=True`)."""

    def _open(self) -> TextIOWrapper:
        Path(self.baseFilename).parent.mkdir(parents=True, exist_ok=True)
        return super()._open()


_handler: _FolderMakingHandler | None = None


def install_error_log() -> Path:
    """Attach the rotating log file to the `dropout_ledger` logger; returns the file's path.

    Idempotent. If `DROPOUT_LEDGER_HOME` changed since the last call (tests do this), the old
    file is closed and the new one used, so each test can read its own log.
    """
    global _handler
    path = log_file()
    if _handler is not None and _handler.baseFilename == os.path.abspath(path):
        return path
    close_error_log()
    handler = _FolderMakingHandler(
        path, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8", delay=True
    )
    handler.setFormatter(logging.Formatter(_FORMAT))
    logging.getLogger(LOGGER_NAME).addHandler(handler)
    _handler = handler
    return path


def close_error_log() -> None:
    """Detach and close the log file (before a test's temporary folder is removed)."""
    global _handler
    if _handler is not None:
        logging.getLogger(LOGGER_NAME).removeHandler(_handler)
        _handler.close()
        _handler = None


def log_internal_error(error: BaseException, what: str) -> Path | None:
    """Write `error` with its traceback to the log; the file's path, or None if it failed.

    `what` names the work that failed (a function's qualified name), for whoever reads the log.
    Logging never raises: a failing disk must not turn one error dialog into a crash.
    """
    path = install_error_log()
    logging.getLogger(LOGGER_NAME).error(
        "internal error in %s", what, exc_info=(type(error), error, error.__traceback__)
    )
    if _handler is not None:
        _handler.flush()
    return path if path.is_file() else None


_ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], object]


def log_uncaught_exceptions() -> None:
    """Also log exceptions nobody caught (a bug in a Qt slot), then run the previous hook.

    PySide prints such an exception to stderr and carries on; a windowed app has no stderr, so
    without this the traceback would be lost.
    """
    previous: _ExceptHook = sys.excepthook

    def hook(
        kind: type[BaseException], error: BaseException, trace: TracebackType | None
    ) -> None:
        if not issubclass(kind, KeyboardInterrupt):
            install_error_log()
            logging.getLogger(LOGGER_NAME).critical(
                "uncaught exception", exc_info=(kind, error, trace)
            )
        previous(kind, error, trace)

    sys.excepthook = hook
