"""What one write changed, so screens redraw only what they must (Anki's OpChanges)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Changes:
    """Returned by every service call that writes.

    `students` names the students whose rows changed; the flags say which areas to redraw;
    `events` counts the events appended; `warnings` are plain-Chinese notes that did not block
    the write (an age that does not fit the grade, a 学籍号 that differs from the ID number).
    `created` holds the ids of entities the call created, in order.
    """

    students: frozenset[str] = frozenset()
    roster: bool = False
    status: bool = False
    records: bool = False
    profile: bool = False
    events: int = 0
    created: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()

    def __or__(self, other: Changes) -> Changes:
        return Changes(
            students=self.students | other.students,
            roster=self.roster or other.roster,
            status=self.status or other.status,
            records=self.records or other.records,
            profile=self.profile or other.profile,
            events=self.events + other.events,
            created=self.created + other.created,
            warnings=self.warnings + other.warnings,
        )


@dataclass
class ChangeCollector:
    """Accumulates Changes inside one transaction (services use it, callers never see it)."""

    students: set[str] = field(default_factory=set)
    flags: set[str] = field(default_factory=set)
    events: int = 0
    created: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def freeze(self) -> Changes:
        return Changes(
            students=frozenset(self.students),
            roster="roster" in self.flags,
            status="status" in self.flags,
            records="records" in self.flags,
            profile="profile" in self.flags,
            events=self.events,
            created=tuple(self.created),
            warnings=tuple(self.warnings),
        )
