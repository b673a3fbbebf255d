"""Where sync files live next to the ledger, and how packages are named (sync.md §c.6, §c.8).

`<ledger folder>/同步/` holds 收件 (packages copied in from the stick before anything is read, so
pulling the stick later cannot matter), 发件 (a copy of every package written to a stick, to
re-copy if the stick fails), 待确认 (a new school's first package, held until the clerk checks its
fingerprint) and 报告 (every merge report, as the principal saw it). Chinese names because the
principal opens these folders in Explorer.
"""

from __future__ import annotations

from pathlib import Path

SYNC_DIR = "同步"
INBOX, OUTBOX, HELD, REPORTS = "收件", "发件", "待确认", "报告"
SUFFIX = ".dlpkg"


def folder(ledger_path: Path, which: str) -> Path:
    """One of the sync folders next to the ledger (created on first use)."""
    out = Path(ledger_path).parent / SYNC_DIR / which
    out.mkdir(parents=True, exist_ok=True)
    return out


def packages_in(directory: Path) -> list[Path]:
    """The finished packages in a folder (e.g. a stick's root), sorted by name."""
    return sorted(p for p in Path(directory).glob(f"*{SUFFIX}") if p.is_file())
