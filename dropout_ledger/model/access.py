"""Who may see what: the role policy for minors' data (domain.md §10).

Four roles keep a ledger: the principal, the 学籍管理员, a class teacher (own class only) and a
county clerk. Permissions are a fixed table, not settings, so a shared office computer cannot
be talked into showing more. An operator with no role (nobody logged in: the accounts of the
safety work are not built yet) gets the least: masked ID numbers and no restricted fields, which
is also what every printed list shows by default.
"""

from __future__ import annotations

from enum import StrEnum


class Permission(StrEnum):
    FULL_IDS = "full_ids"
    """See ID numbers and 学籍号 unmasked (needed to correct one)."""
    RESTRICTED = "restricted"
    """See restricted fields (the four-category economic status)."""
    WHOLE_SCHOOL = "whole_school"
    """See every class, not only one's own."""
    EXPORT_LISTS = "export_lists"
    """Export or print named lists of pupils."""


_ALL = frozenset(Permission)
POLICY: dict[str, frozenset[Permission]] = {
    "principal": _ALL,
    "registrar": frozenset({Permission.FULL_IDS, Permission.WHOLE_SCHOOL,
                            Permission.EXPORT_LISTS}),
    "class_teacher": frozenset(),
    "county_clerk": _ALL,
}


def may(role: str | None, permission: Permission) -> bool:
    """Whether an operator of `role` has `permission`; unknown or empty roles have none."""
    return permission in POLICY.get(role or "", frozenset())
