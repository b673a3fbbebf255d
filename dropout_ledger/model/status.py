"""The ledger status model (domain.md §2.3) and the transition table enforced at entry.

A student is always in exactly one status. At-risk (预警) is *not* a status: it is a flag with
reasons on the student, because an at-risk pupil is still enrolled and attending.

Leaving a case status (疑似辍学 or 辍学) for anything but 辍学 is a 销号 (case closure): it needs
a closure reason and written evidence, because counties audit every struck-off case.
Corrections of a wrongly entered status are made by retracting that status fact, never by a
transition the table forbids.
"""

from __future__ import annotations

from enum import Enum


class Status(Enum):
    """Ledger statuses. Values are the stored codes; `label` is what people read."""

    ENROLLED = "enrolled"
    SUSPENDED = "suspended"
    HOME_TAUGHT = "home_taught"
    SUSPECTED = "suspected"
    DROPPED_OUT = "dropped_out"
    RETURNED = "returned"
    TRANSFERRED_OUT = "transferred_out"
    DECEASED = "deceased"
    GRADUATED = "graduated"
    OVERAGE_LEFT = "overage_left"

    @property
    def label(self) -> str:
        return _LABELS[self]

    @property
    def is_case(self) -> bool:
        """An open dropout-control case: counted on the suspected or dropout ledger."""
        return self in (Status.SUSPECTED, Status.DROPPED_OUT)

    @property
    def is_on_roll(self) -> bool:
        """Still holds 学籍 at this school (counts in 在校生数 for enrolment figures)."""
        return self not in (
            Status.TRANSFERRED_OUT,
            Status.DECEASED,
            Status.GRADUATED,
            Status.OVERAGE_LEFT,
        )


_LABELS = {
    Status.ENROLLED: "在校",
    Status.SUSPENDED: "休学",
    Status.HOME_TAUGHT: "送教上门",
    Status.SUSPECTED: "疑似辍学",
    Status.DROPPED_OUT: "辍学",
    Status.RETURNED: "复学跟踪",
    Status.TRANSFERRED_OUT: "转出",
    Status.DECEASED: "死亡",
    Status.GRADUATED: "毕业",
    Status.OVERAGE_LEFT: "超龄离校",
}

S = Status

# The statuses a new student may start in: a school moving from a paper ledger brings its
# open cases and suspended or home-taught pupils with it.
INITIAL: frozenset[Status] = frozenset(
    {S.ENROLLED, S.SUSPENDED, S.HOME_TAUGHT, S.SUSPECTED, S.DROPPED_OUT, S.RETURNED}
)

# from -> allowed targets. Terminal statuses (死亡, 毕业, 超龄离校) have no way out: a mistake
# there is retracted, not transitioned. 在校 cannot jump straight to 辍学: a dropout is first
# suspected and verified (it may be on the same day).
TRANSITIONS: dict[Status, frozenset[Status]] = {
    S.ENROLLED: frozenset(
        {S.SUSPENDED, S.HOME_TAUGHT, S.SUSPECTED, S.TRANSFERRED_OUT, S.DECEASED, S.GRADUATED}
    ),
    S.SUSPENDED: frozenset(
        {S.ENROLLED, S.SUSPECTED, S.HOME_TAUGHT, S.TRANSFERRED_OUT, S.DECEASED}
    ),
    S.HOME_TAUGHT: frozenset(
        {S.ENROLLED, S.SUSPENDED, S.SUSPECTED, S.TRANSFERRED_OUT, S.DECEASED, S.GRADUATED}
    ),
    S.SUSPECTED: frozenset(
        {
            S.DROPPED_OUT,
            S.ENROLLED,
            S.SUSPENDED,
            S.HOME_TAUGHT,
            S.TRANSFERRED_OUT,
            S.DECEASED,
            S.OVERAGE_LEFT,
        }
    ),
    S.DROPPED_OUT: frozenset(
        {S.RETURNED, S.SUSPENDED, S.HOME_TAUGHT, S.TRANSFERRED_OUT, S.DECEASED, S.OVERAGE_LEFT}
    ),
    S.RETURNED: frozenset(
        {
            S.ENROLLED,
            S.SUSPECTED,
            S.SUSPENDED,
            S.HOME_TAUGHT,
            S.TRANSFERRED_OUT,
            S.DECEASED,
            S.GRADUATED,
        }
    ),
    S.TRANSFERRED_OUT: frozenset({S.ENROLLED}),
    S.DECEASED: frozenset(),
    S.GRADUATED: frozenset(),
    S.OVERAGE_LEFT: frozenset(),
}

# Targets that need a reason code from the dropout-reason dictionary.
NEEDS_DROPOUT_REASON: frozenset[Status] = frozenset({S.SUSPECTED, S.DROPPED_OUT})


def allowed(from_: Status | None, to: Status) -> bool:
    """Whether the table allows moving from `from_` (None: a new student) to `to`."""
    if from_ is None:
        return to in INITIAL
    return to in TRANSITIONS[from_]


def is_closure(from_: Status | None, to: Status) -> bool:
    """Whether this move strikes a case off (销号) and so needs a closure reason and evidence."""
    return from_ is not None and from_.is_case and not to.is_case


def parse_status(code: str) -> Status:
    """Accept a stored code ('dropped_out'), an enum name ('DROPPED_OUT') or a label ('辍学')."""
    for status in Status:
        if code in (status.value, status.name, status.label):
            return status
    raise KeyError(code)
