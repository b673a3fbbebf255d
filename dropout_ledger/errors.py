"""Errors are data: each carries a plain-Chinese message that says what is wrong and what to do.

The command line prints `message` to stderr and exits with `exit_code`; the desktop app shows it
in one standard dialog. Nothing in the core prints or shows anything itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one field: where (field, row), why, and how to fix it."""

    field: str
    reason: str
    fix: str = ""
    row: int | None = None

    def text(self) -> str:
        """The problem as one Chinese sentence for a principal."""
        where = f"第{self.row}行 " if self.row is not None else ""
        fix = f"（{self.fix}）" if self.fix else ""
        return f"{where}{self.reason}{fix}"


class LedgerError(Exception):
    """Root of every error the core raises on purpose. Exit code 1: an internal failure."""

    exit_code = 1

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class InputRefused(LedgerError):
    """The input was refused and nothing was changed (exit code 2)."""

    exit_code = 2


class ValidationError(InputRefused):
    """One or more fields are invalid; `problems` lists each with its field and fix."""

    def __init__(self, problems: list[Problem] | Problem) -> None:
        self.problems = [problems] if isinstance(problems, Problem) else list(problems)
        super().__init__("；".join(p.text() for p in self.problems))

    @property
    def field(self) -> str:
        """The first offending field (most callers refuse one field at a time)."""
        return self.problems[0].field


class InvalidTransition(InputRefused):
    """A status change the transition table forbids."""


class DuplicateStudent(InputRefused):
    """A second student with the same ID number or 学籍号 in one school."""


class NotFound(InputRefused):
    """A student, record or file that does not exist."""


class LedgerOpenError(InputRefused):
    """The file is not a Dropout Ledger, is damaged, or was written by a newer version."""


class LedgerDamaged(LedgerOpenError):
    """The ledger file is damaged or was edited outside the app: SQLite cannot read it, its
    `quick_check` fails, or a recent hash-chain link is broken.

    Distinct from the other refusals because there is something to do about it: restore from
    one of the ledger's snapshots. `path` is the ledger whose backups the app then offers.
    """

    def __init__(self, message: str, *, path: Path | None = None) -> None:
        super().__init__(message)
        self.path = path
        self.key: bytes | None = None
        """The data key the ledger was opened with (decision 0021), set by the opener: the
        restore offered next needs it to read the ledger's encrypted snapshots."""


class LedgerBusy(InputRefused):
    """The ledger is already open in another window or process."""


class LedgerLocked(LedgerOpenError):
    """The ledger is encrypted and no key was given: log in first (decision 0021).

    Not damage: the app asks for a name and password and opens it with the key they unwrap.
    """
