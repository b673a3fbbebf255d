"""The replica marker: catching a ledger restored outside the app (sync.md §c.12, row 2).

A principal (or a technician) may copy an old ledger file over the current one with the file
manager, or restore a disk image. The ledger then continues an old replica from an earlier seq,
and its next events would reuse seq numbers the county already holds with other contents: a fork.
The in-app restore avoids that by starting a new replica; for a restore the app never saw, a
small marker file kept *outside* the ledger's folder remembers the last event this computer
wrote to the ledger at that path. At open, a ledger that does not hold that event is behind
the marker (or is another copy), and the app starts a new replica exactly as an in-app restore
does, with the reason "restored_outside".

The marker lives in the per-user app-data folder (platformdirs `user_data_dir` of
"DropoutLedgerMarkers", not the ledger's folder, so copying the ledger's folder back does not
copy the marker with it); `DROPOUT_LEDGER_MARKERS` replaces the folder (tests point it at a
temporary one). One small JSON file per ledger path, named by a hash of the path, rewritten
(temp file + rename, no fsync: a stale marker only lags, and a lagging marker is never
"ahead") after each write transaction commits — about 0.1 ms. Every failure to read or write
it is ignored: the marker is a safety net, never a reason to refuse work.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from dropout_ledger import APP_NAME
from dropout_ledger.store import sqlite as sqlite3

MARKER_ENV = "DROPOUT_LEDGER_MARKERS"
FORMAT = 1


@dataclass(frozen=True)
class Marker:
    """The last event this computer wrote to the ledger at `path`."""

    path: str
    origin: str
    """The ledger's first replica of its own organisation: tells two different ledgers that
    were at one path apart (a re-created ledger is not a restored one)."""
    replica: str
    seq: int
    head: str


def folder() -> Path:
    """Where markers live; `DROPOUT_LEDGER_MARKERS` overrides it. Not created here."""
    override = os.environ.get(MARKER_ENV, "").strip()
    if override:
        return Path(override).expanduser()
    return Path(platformdirs.user_data_dir(f"{APP_NAME}Markers", appauthor=False, roaming=False))


def _key(ledger_path: Path) -> str:
    return str(Path(ledger_path).resolve())


def marker_file(ledger_path: Path) -> Path:
    digest = hashlib.sha256(_key(ledger_path).encode()).hexdigest()[:32]
    return folder() / f"{digest}.json"


def origin(conn: sqlite3.Connection, org: str) -> str:
    """The ledger's oldest replica of its own organisation ("" if none is projected)."""
    row = conn.execute(
        "SELECT rep FROM replicas WHERE org = ? ORDER BY started_lc, rep LIMIT 1", (org,)
    ).fetchone()
    return str(row[0]) if row else ""


def write(ledger_path: Path, *, origin: str, replica: str, seq: int, head: str) -> None:
    """Remember the last event written (best effort: errors are ignored)."""
    target = marker_file(ledger_path)
    data = json.dumps({"format": FORMAT, "path": _key(ledger_path), "origin": origin,
                       "replica": replica, "seq": seq, "head": head}, sort_keys=True)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        temp = target.with_suffix(f".{os.getpid()}.tmp")
        temp.write_text(data, encoding="utf-8")
        os.replace(temp, target)
    except OSError:
        return


def read(ledger_path: Path) -> Marker | None:
    """The marker for this ledger path; None when there is none or it cannot be read."""
    try:
        data = json.loads(marker_file(ledger_path).read_text(encoding="utf-8"))
        marker = Marker(str(data["path"]), str(data["origin"]), str(data["replica"]),
                        int(data["seq"]), str(data["head"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return marker if marker.path == _key(ledger_path) and data.get("format") == FORMAT else None


def forget(ledger_path: Path) -> None:
    """Drop the marker (the in-app restore starts its own new replica)."""
    try:
        marker_file(ledger_path).unlink(missing_ok=True)
    except OSError:
        return


def behind(conn: sqlite3.Connection, org: str, marker: Marker) -> bool:
    """Whether the ledger lacks the last event this computer wrote to it: it was restored (or
    copied) from an earlier state outside the app. A marker of another ledger says nothing."""
    if not marker.head or marker.origin != origin(conn, org):
        return False
    return conn.execute("SELECT 1 FROM events WHERE eid = ?", (marker.head,)).fetchone() is None
