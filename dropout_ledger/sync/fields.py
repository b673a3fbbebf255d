"""Who may write what (sync.md §c.5): school-owned, county-precedence and county-only data.

* **County-precedence**: a student's identity fields. Both sides may write them; when the county
  and a school edit one concurrently the county's value is shown (the projection's authority
  rank, `store.projections.COUNTY_PRECEDENCE`, the one list both use).
* **County-only**: the county's own profile entity `profile:C:<county>` (thresholds, subsidy
  standards, code lists, the template column mapping), every county list entity `list:<name>`,
  every form template `template:<name>` and receipt `receipt:<school>`, the fields that
  are read from a county list (`official_…`: 建档立卡/低保/特困 as the county's list says), and
  the county's own event kinds (list versions, decisions, transfer notices, redactions,
  receipts). A school event touching any of them is refused at validation (a row error).
* **School-owned**: everything else a school writes (guardians, phones, class, home situation,
  its own profile `profile:S:<code>` …). The county may correct it; concurrent edits are a
  conflict decided by (Lamport clock, event id) and shown to the school.

A school's own note about its poverty status (`economic_category`, 家庭自述) stays school-owned:
the official flag sits beside it and is derived from the county's list.
"""

from __future__ import annotations

from dropout_ledger.model.student import STUDENT_SPECS
from dropout_ledger.store.projections import COUNTY_PRECEDENCE as _PRECEDENCE

COUNTY_PRECEDENCE: frozenset[str] = _PRECEDENCE
"""name, sex, birth_date, id_type, id_number, xjh (of a student)."""

OFFICIAL_PREFIX = "official_"
"""Fields derived from a county list carry this prefix; only the county writes them."""

COUNTY_ONLY_ENTITY_PREFIXES: tuple[str, ...] = ("profile:C:", "list:", "template:", "receipt:")
"""The county's profile, its lists, its form templates (sync/templates.py) and its receipts."""

COUNTY_ONLY_KINDS: frozenset[str] = frozenset(
    {"list_version", "decision", "transfer_notice", "redact", "receipt", "template_version"})
"""Event kinds only a county writes (sync.md §c.3)."""

SCHOOL_OWNED: frozenset[str] = frozenset(
    name for name in STUDENT_SPECS if name not in COUNTY_PRECEDENCE)
"""The student fields a school owns (the county may correct them)."""


def county_only(ent: str, field: str | None) -> bool:
    """Whether writing `field` of `ent` (or `ent` itself, for None) is the county's alone."""
    if ent.startswith(COUNTY_ONLY_ENTITY_PREFIXES):
        return True
    return field is not None and field.startswith(OFFICIAL_PREFIX)


def field_class(ent: str, field: str) -> str:
    """"county_only", "county_precedence" or "school_owned" for one field of one entity."""
    if county_only(ent, field):
        return "county_only"
    if ent.startswith("student:") and field in COUNTY_PRECEDENCE:
        return "county_precedence"
    return "school_owned"
