"""The organisation, the profile (thresholds, targets, reasons) and operators.

Each organisation writes only its own profile entity; a school's effective profile is the
defaults, overlaid by its own values, overlaid by its county's where the county set one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from dropout_ledger import canonical
from dropout_ledger.errors import NotFound, Problem, ValidationError
from dropout_ledger.ids import new_id
from dropout_ledger.model.changes import Changes
from dropout_ledger.model.fields import FieldSpec, clean_many
from dropout_ledger.model.profile import (
    OPERATOR_FIELDS,
    ORG_FIELDS,
    PROFILE_DEFAULTS,
    PROFILE_FIELDS,
)
from dropout_ledger.services.edits import emit_update

if TYPE_CHECKING:
    from dropout_ledger.ledger import Ledger


def _by_name(specs: tuple[FieldSpec, ...]) -> dict[str, FieldSpec]:
    return {spec.name: spec for spec in specs}


class SettingsService:
    """Organisation details, the county profile and the operator list."""

    def __init__(self, ledger: Ledger) -> None:
        self._ledger = ledger

    def entity(self, ent: str) -> dict[str, Any]:
        """The current values of a settings entity (organisation, profile, operator)."""
        rows = self._ledger.conn.execute(
            "SELECT field, value FROM settings WHERE ent = ?", (ent,)
        )
        return {field: canonical.decode(value.encode()) for field, value in rows}

    def profile_ent(self) -> str:
        """The profile entity this ledger writes: always its own organisation's.

        A school writes `profile:S:<code>`, a county `profile:C:<code>`. A school never writes its
        county's profile: that entity is county-only (sync.md §c.5), and a school package touching
        it is refused at the county.
        """
        return f"profile:{self._ledger.org_id}"

    def county_profile_ent(self) -> str | None:
        """The county profile a school follows (`profile:C:<county>`); None for a county itself
        or a school with no county code yet."""
        org = self._ledger.org
        if org.kind == "county" or not org.county_code:
            return None
        return f"profile:C:{org.county_code}"

    def profile(self, for_org: str = "") -> dict[str, Any]:
        """Thresholds, targets and dictionaries in force: defaults, then this ledger's own
        values, then the county's (shipped on the stick), which win wherever the county set one.

        `for_org` (a county ledger only): the profile in force at that school — its own values
        as they arrived in its packages, under the county's.
        """
        if for_org:
            own = self.entity(f"profile:{for_org}")
            return {**PROFILE_DEFAULTS, **own, **self.entity(self.profile_ent())}
        county = self.county_profile_ent()
        ruling = self.entity(county) if county else {}
        return {**PROFILE_DEFAULTS, **self.entity(self.profile_ent()), **ruling}

    def set_profile(self, **values: Any) -> Changes:
        """Change this ledger's own profile values (a county's are its county-wide ones)."""
        today = self._ledger.clock.today()
        cleaned = clean_many(_by_name(PROFILE_FIELDS), values, today=today)
        with self._ledger.write() as w:
            emit_update(w, self.profile_ent(), cleaned)
            w.changes.flags.add("profile")
            return w.changes.freeze()

    def update_org(self, **values: Any) -> Changes:
        """Edit the school's (or county's) name, address, phone or principal."""
        allowed = {"name", "address", "phone", "principal"}
        unknown = set(values) - allowed
        if unknown:
            raise ValidationError(Problem(field=sorted(unknown)[0], reason="此项不能修改"))
        cleaned = clean_many(_by_name(ORG_FIELDS), values, today=self._ledger.clock.today())
        with self._ledger.write() as w:
            emit_update(w, f"org:{self._ledger.org_id}", cleaned)
            w.changes.flags.add("profile")
            return w.changes.freeze()

    def add_operator(self, name: str, role: str, class_scope: str = "") -> Changes:
        fields = clean_many(
            _by_name(OPERATOR_FIELDS), {"name": name, "role": role, "class_scope": class_scope},
            today=self._ledger.clock.today(),
        )
        operator_id = new_id()
        with self._ledger.write() as w:
            w.emit("entity_create", f"operator:{operator_id}", {"fields": fields})
            w.changes.created.append(operator_id)
            w.changes.flags.add("profile")
            return w.changes.freeze()

    def operators(self) -> list[dict[str, Any]]:
        rows = self._ledger.conn.execute(
            "SELECT DISTINCT ent FROM settings WHERE ent LIKE 'operator:%' ORDER BY ent"
        ).fetchall()
        return [{"id": ent.split(":", 1)[1], **self.entity(ent)} for (ent,) in rows]

    def operator(self, operator_id: str) -> dict[str, Any]:
        values = self.entity(f"operator:{operator_id}")
        if not values:
            raise NotFound(f"找不到操作员 {operator_id}。")
        return values
