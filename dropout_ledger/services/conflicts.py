"""The sync conflict list (同步冲突与更正, sync.md §c.11) and the events that resolve it.

A conflict is a field with concurrent heads that hold different values, or a student's status
log whose tips disagree; the projection keeps them in `conflicts` and shows a deterministic
winner meanwhile, so nobody's work is blocked. This service turns each row into what a person
needs to decide: the field's Chinese label, every value with the organisation, operator and
claimed time that wrote it, and the value they both started from.

Where the county's value of an identity field (county-precedence, sync.md §c.5) is the winner,
the item is an *override*, shown as a notice ("县里已更正为…，本校原填…") rather than a choice;
accepting it is the same resolution as any other.

Resolving a field writes ONE `update` whose `base` lists every head: it supersedes them all,
travels like any edit, and once every ledger holds it the conflict is gone everywhere. A status
conflict is resolved by retracting the branch that is wrong (`resolve_status`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from dropout_ledger import canonical
from dropout_ledger.errors import NotFound, Problem, ValidationError
from dropout_ledger.model.access import Permission, may
from dropout_ledger.model.changes import Changes
from dropout_ledger.model.fields import FieldSpec, clean
from dropout_ledger.model.identity import mask_id_number, mask_xjh
from dropout_ledger.model.profile import OPERATOR_FIELDS, ORG_FIELDS, PROFILE_FIELDS
from dropout_ledger.model.records import RECORD_KINDS
from dropout_ledger.model.status import Status
from dropout_ledger.model.student import STUDENT_SPECS
from dropout_ledger.services.history import display
from dropout_ledger.store import projections
from dropout_ledger.store.events import Event, decode_row

if TYPE_CHECKING:
    from dropout_ledger.ledger import Ledger

STATUS = "status"
"""The `field` of a status-log conflict."""


@dataclass(frozen=True)
class ConflictValue:
    """One side of a conflict: a value and who wrote it where and when."""

    eid: str
    value: Any
    """The stored value (a status code for a status conflict)."""
    shown: str
    """The value as this operator may read it (ID numbers masked unless allowed)."""
    org: str
    org_label: str
    """本校 / 县教育局 / the other school's name."""
    operator: str
    wall: str
    """The writing computer's claimed time, "2026-03-01 10:22" (本机时间, may be wrong)."""
    lc: int
    winner: bool
    """Whether this is the value shown everywhere until a person decides."""


@dataclass(frozen=True)
class ConflictView:
    """One item of the conflict list."""

    ent: str
    field: str
    """A field name, or "status" for a status-log conflict."""
    kind: str
    """"field": a choice; "override": the county's identity correction won (a notice);
    "status": two branches of the status log."""
    label: str
    """The field's Chinese label (状态 for a status conflict)."""
    entity_label: str
    """学生, or the record kind's label (劝返记录 …), or 设置 / 单位."""
    student_id: str
    """The student the item belongs to ("" for settings)."""
    student_name: str
    values: tuple[ConflictValue, ...]
    """Winner first, then the others by (lc, eid) descending."""
    base: str
    """The common earlier value as shown ("" when the sides share none)."""

    @property
    def newest_lc(self) -> int:
        return max(v.lc for v in self.values)


_Strings = list[str]
_Events = list[Event]
_Views = list["ConflictView"]
_Values = list[ConflictValue]


class ConflictService:
    """List open conflicts and resolve them."""

    def __init__(self, ledger: Ledger) -> None:
        self._ledger = ledger

    def count(self) -> int:
        """Open conflicts, for the main window's badge."""
        return int(self._ledger.conn.execute("SELECT count(*) FROM conflicts").fetchone()[0])

    def list(self) -> _Views:
        """Every open conflict, grouped by student, the most recently touched student first."""
        rows = self._ledger.conn.execute(
            "SELECT ent, field, heads FROM conflicts ORDER BY ent, field").fetchall()
        views = [self._view(ent, field, heads) for ent, field, heads in rows]
        newest: dict[str, int] = {}
        for view in views:
            newest[view.student_id] = max(newest.get(view.student_id, 0), view.newest_lc)
        return sorted(views, key=lambda v: (-newest[v.student_id], v.student_id, -v.newest_lc,
                                            v.ent, v.field))

    def get(self, ent: str, field: str) -> ConflictView:
        row = self._ledger.conn.execute(
            "SELECT heads FROM conflicts WHERE ent = ? AND field = ?", (ent, field)).fetchone()
        if row is None:
            raise NotFound("这项冲突已经处理过了（可能在另一台电脑上）。")
        return self._view(ent, field, row[0])

    def resolve(self, ent: str, field: str, value: Any) -> Changes:
        """Settle a field: one update whose base lists every head, with the chosen value."""
        if field == STATUS:
            raise ValidationError(Problem(
                STATUS, "状态冲突不能直接改值", "请撤销错误的那条状态记录（或选择保留哪一条）"))
        heads = projections.current_heads(self._ledger.conn, ent, field)
        if len({h.value for h in heads}) < 2:
            raise NotFound("这项冲突已经处理过了（可能在另一台电脑上）。")
        spec = _spec(ent, field)
        if spec is not None:
            value = clean(spec, value, today=self._ledger.clock.today())
        canonical.encode(value)  # refuse (CanonicalError) what no event could carry
        with self._ledger.write() as w:
            w.emit("update", ent, {"fields": {field: {
                "value": value, "base": sorted(h.eid for h in heads)}}})
            student_id, _ = self._student_of(ent)
            if student_id:
                w.changes.students.add(student_id)
            prefix = ent.partition(":")[0]
            w.changes.flags.add("roster" if prefix == "student" else "records"
                                if prefix in RECORD_KINDS else "profile")
            return w.changes.freeze()

    def resolve_status(self, ent: str, keep: str, reason: str) -> Changes:
        """Settle a status conflict by keeping the branch tip `keep` and retracting the others."""
        if not reason.strip():
            raise ValidationError(Problem("reason", "撤销原因不能为空", "请写明为什么另一条状态有误"))
        student_id = ent.partition(":")[2]
        heads = [eid for eid, _ in projections.status_heads(self._ledger.conn, student_id)]
        if keep not in heads or len(heads) < 2:
            raise NotFound("这项状态冲突已经处理过了，或所选状态已不在冲突中。")
        with self._ledger.write() as w:
            for eid in heads:
                if eid != keep:
                    w.emit("retract", ent, {"target": eid, "reason": reason.strip()})
            w.changes.students.add(student_id)
            w.changes.flags.update({"status", "roster"})
            return w.changes.freeze()

    # --- building the views ----------------------------------------------------------------

    def _view(self, ent: str, field: str, heads_json: str) -> ConflictView:
        eids = [str(e) for e in canonical.decode(heads_json.encode(), checked=False)]
        events = {e.eid: e for e in self._events(eids)}
        student_id, student_name = self._student_of(ent)
        prefix = ent.partition(":")[0]
        entity_label = "学生" if prefix == "student" else RECORD_KINDS[prefix].label \
            if prefix in RECORD_KINDS else {"profile": "设置", "org": "单位"}.get(prefix, prefix)
        if field == STATUS:
            values, base, kind = self._status_values(student_id, events)
            label = "状态"
        else:
            values, base = self._field_values(ent, field, events)
            kind = "override" if values and values[0].org.startswith("C:") and \
                projections.authority_rank(ent, field, values[0].org) and not any(
                    v.org.startswith("C:") for v in values[1:]) else "field"
            spec = _spec(ent, field)
            label = spec.label if spec else field
        return ConflictView(
            ent=ent, field=field, kind=kind, label=label, entity_label=entity_label,
            student_id=student_id, student_name=student_name, values=tuple(values), base=base,
        )

    def _field_values(
        self, ent: str, field: str, events: dict[str, Event]
    ) -> tuple[_Values, str]:
        heads = projections.current_heads(self._ledger.conn, ent, field)
        top = projections.winner(heads) if heads else None
        spec = _spec(ent, field)
        ordered = sorted(heads, key=lambda h: (h.rank, h.lc, h.eid), reverse=True)
        values: _Values = []
        for head in ordered:
            value = canonical.decode(head.value.encode(), checked=False)
            event = events.get(head.eid) or self._events([head.eid])[0]
            values.append(self._value(event, value, self._shown(spec, value),
                                      winner=head == top))
        bases: list[set[str]] = [set(self._bases(events.get(h.eid), ent, field)) for h in heads]
        common: set[str] = set.intersection(*bases) if bases else set()
        base = ""
        if common:
            earlier = self._events(sorted(common))
            latest = max(earlier, key=lambda e: (e.lc, e.eid))
            found, old = _value_in(latest, field)
            base = self._shown(spec, old) if found else ""
        return values, base

    def _status_values(
        self, student_id: str, events: dict[str, Event]
    ) -> tuple[_Values, str, str]:
        shown_first = self._ledger.conn.execute(
            "SELECT eid FROM status_facts WHERE student_id = ? AND retracted = 0"
            " ORDER BY effective_date DESC, lc DESC, eid DESC LIMIT 1", (student_id,)).fetchone()
        values: _Values = []
        for event in sorted(events.values(), key=lambda e: (e.lc, e.eid), reverse=True):
            code = str(event.body.get("code", ""))
            shown = f"{_status_label(code)}（生效日期 {event.body.get('effective_date', '')}）"
            values.append(self._value(event, code, shown,
                                      winner=bool(shown_first) and shown_first[0] == event.eid))
        values.sort(key=lambda v: not v.winner)
        bases: list[set[str]] = [{str(b) for b in e.body.get("base", [])}
                                 for e in events.values()]
        common: set[str] = set.intersection(*bases) if bases else set()
        base = ""
        if common:
            earlier = max(self._events(sorted(common)), key=lambda e: (e.lc, e.eid))
            base = _status_label(str(earlier.body.get("code", "")))
        return values, base, STATUS

    def _value(self, event: Event, value: Any, shown: str, *, winner: bool) -> ConflictValue:
        return ConflictValue(
            eid=event.eid, value=value, shown=shown, org=event.org,
            org_label=self._org_label(event.org), operator=event.who.get("name", ""),
            wall=event.wall[:16].replace("T", " "), lc=event.lc, winner=winner,
        )

    def _shown(self, spec: FieldSpec | None, value: Any) -> str:
        role = self._ledger.operator.role
        if spec is not None and spec.restricted and not may(role, Permission.RESTRICTED):
            return "（无权查看）"
        if spec is not None and spec.kind in ("id_number", "xjh") and isinstance(value, str):
            if may(role, Permission.FULL_IDS):
                return value or "（空）"
            return (mask_id_number(value) if spec.kind == "id_number" else mask_xjh(value)) \
                or "（空）"
        return display(spec, value)

    def _org_label(self, org: str) -> str:
        if org == self._ledger.org_id:
            return "本县" if org.startswith("C:") else "本校"
        if org.startswith("C:"):
            return "县教育局"
        name = self._ledger.settings.entity(f"org:{org}").get("name")
        return str(name) if name else f"学校 {org[2:]}"

    def _events(self, eids: _Strings) -> _Events:
        marks = ", ".join("?" for _ in eids)
        rows = self._ledger.conn.execute(
            f"SELECT eid, hdr, body FROM events WHERE eid IN ({marks})", eids)
        return [decode_row(*row) for row in rows]

    def _bases(self, event: Event | None, ent: str, field: str) -> _Strings:
        """The heads the event's author replaced for `field` (a creation replaced nothing)."""
        if event is None or event.kind != "update":
            return []
        change = event.body.get("fields", {}).get(field)
        return [str(b) for b in change.get("base", [])] if isinstance(change, dict) else []

    def _student_of(self, ent: str) -> tuple[str, str]:
        prefix, _, rest = ent.partition(":")
        conn = self._ledger.conn
        if prefix == "student":
            student_id = rest
        elif prefix in RECORD_KINDS:
            row = conn.execute(f"SELECT student_id FROM rec_{prefix} WHERE id = ?",
                               (rest,)).fetchone()
            student_id = str(row[0]) if row and row[0] else ""
        else:
            return "", ""
        row = conn.execute("SELECT name FROM students WHERE id = ?", (student_id,)).fetchone()
        return student_id, str(row[0]) if row and row[0] else ""


def _spec(ent: str, field: str) -> FieldSpec | None:
    """The field's spec for its entity family (None for fields this version does not know)."""
    prefix = ent.partition(":")[0]
    if prefix == "student":
        return STUDENT_SPECS.get(field)
    if prefix in RECORD_KINDS:
        return RECORD_KINDS[prefix].spec(field)
    families = {"profile": PROFILE_FIELDS, "org": ORG_FIELDS, "operator": OPERATOR_FIELDS}
    return next((s for s in families.get(prefix, ()) if s.name == field), None)


def _value_in(event: Event, field: str) -> tuple[bool, Any]:
    """(found, value) of `field` as `event` wrote it (a creation or an update)."""
    fields = event.body.get("fields", {})
    if field not in fields:
        return False, None
    value = fields[field]
    if event.kind == "update":
        return True, value.get("value") if isinstance(value, dict) else None
    return True, value


def _status_label(code: str) -> str:
    try:
        return Status(code).label
    except ValueError:
        return code
