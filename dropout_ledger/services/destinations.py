"""毕业去向: where a junior-secondary graduate went (初中升学率's numerator, decision 0013).

A destination is a record (`destination`) on a grade-9 pupil whose status is 毕业: an event with
its date, so it is synced, undone and kept in the pupil's history like every other record, and a
later record replaces an earlier answer (the summer's "未升学" becomes "升入技工学校" in
September) without rewriting it. The rates take the newest record dated on or before the
snapshot; `list --json` and the student page the newest of all.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from dropout_ledger.model import codes
from dropout_ledger.model.changes import Changes
from dropout_ledger.store import sqlite as sqlite3

if TYPE_CHECKING:
    from dropout_ledger.ledger import Ledger


@dataclass(frozen=True)
class Destination:
    """A pupil's newest 毕业去向."""

    record_id: str
    date: str
    destination: str
    school: str
    note: str

    @property
    def label(self) -> str:
        return codes.label_of(codes.GRADUATE_DESTINATIONS, self.destination)

    @property
    def progressing(self) -> bool:
        """升学: a 高中阶段 school (counts in 初中升学率's numerator)."""
        return self.destination in codes.PROGRESSING_DESTINATIONS


def record_destination(
    ledger: Ledger, student_id: str, destination: str, *, date: str | dt.date | None = None,
    school: str = "", note: str = "",
) -> Changes:
    """Record a graduate's destination (a code or label of `codes.GRADUATE_DESTINATIONS`).

    Refused unless the pupil is a grade-9 pupil who has graduated, the date is on or after the
    graduation, and "其他" says what it is (services/records.py `_check_destination`).
    """
    day = date or ledger.clock.today()
    return ledger.records.add("destination", {
        "student_id": student_id, "destination": destination,
        "date": day.isoformat() if isinstance(day, dt.date) else day,
        "school": school, "note": note})


def _newest(rows: sqlite3.Cursor) -> dict[str, Destination]:
    out: dict[str, Destination] = {}
    for sid, rid, day, dest, school, note in rows:  # oldest first: the newest wins
        out[str(sid)] = Destination(str(rid), str(day or ""), str(dest or ""), str(school or ""),
                                    str(note or ""))
    return out


_SELECT = ("SELECT student_id, id, date, destination, school, note FROM rec_destination"
           " WHERE retracted = 0")
_ORDER = " ORDER BY student_id, date, created_lc, id"


def latest_destinations(conn: sqlite3.Connection) -> dict[str, Destination]:
    """Student id → newest live destination, for every pupil who has one (a few hundred rows)."""
    return _newest(conn.execute(_SELECT + _ORDER))


def latest_destination(conn: sqlite3.Connection, student_id: str) -> Destination | None:
    """One pupil's newest live destination, or None."""
    return _newest(conn.execute(_SELECT + " AND student_id = ?" + _ORDER,
                                (student_id,))).get(student_id)
