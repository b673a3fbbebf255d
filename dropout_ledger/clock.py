"""Wall-clock time as a *claim*, injected so tests never depend on the time of day.

Laptop clocks in rural schools are often wrong, so wall time is recorded for display only
and never used to order events (that is the Lamport clock's job, see store/events.py).
"""

from __future__ import annotations

import datetime as dt
from typing import Protocol


class Clock(Protocol):
    """Where 'now' and 'today' come from."""

    def now(self) -> dt.datetime: ...

    def today(self) -> dt.date: ...


class SystemClock:
    """The machine's local time, with its UTC offset."""

    def now(self) -> dt.datetime:
        return dt.datetime.now().astimezone().replace(microsecond=0)

    def today(self) -> dt.date:
        return dt.date.today()


class FrozenClock:
    """A clock that stands still (tests, reproducible demos); `advance` moves it on."""

    def __init__(self, at: dt.datetime) -> None:
        self._at = at if at.tzinfo else at.replace(tzinfo=dt.timezone(dt.timedelta(hours=8)))

    def now(self) -> dt.datetime:
        return self._at

    def today(self) -> dt.date:
        return self._at.date()

    def advance(self, **delta: float) -> None:
        self._at += dt.timedelta(**delta)
