"""Undo the last write through retraction events and compensating edits (never deletion)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from dropout_ledger.errors import InputRefused
from dropout_ledger.model.changes import Changes
from dropout_ledger.model.fields import clean
from dropout_ledger.services.edits import emit_update
from dropout_ledger.services.history import describe_event, field_spec, value_in_event
from dropout_ledger.store import undo
from dropout_ledger.store.events import Event, decode_row

if TYPE_CHECKING:
    from dropout_ledger.ledger import Ledger, Writer

REASON = "撤销上一步操作"


def _last_write(ledger: Ledger) -> list[Event]:
    top = undo.peek(ledger.conn, ledger.replica)
    if top is None:
        return []
    rows = ledger.conn.execute(
        "SELECT eid, hdr, body FROM events WHERE rep = ? AND seq BETWEEN ? AND ?"
        " ORDER BY seq DESC", (ledger.replica, *top))
    events = (decode_row(*row) for row in rows)
    return [event for event in events if event.kind in undo.UNDOABLE]


def describe_last(ledger: Ledger) -> str | None:
    """What Undo would undo, in Chinese (for the menu item), or None."""
    events = _last_write(ledger)
    if not events:
        return None
    return describe_event(ledger.queries, events[0], events[0].ent.partition(":")[0])[0]


def undo_last(ledger: Ledger) -> Changes:
    """Reverse the most recent write of this computer, in one transaction."""
    events = _last_write(ledger)
    if not events:
        raise InputRefused("没有可以撤销的操作。")
    author = events[0].who
    if author.get("id") != ledger.operator.id:  # a shared laptop: undo only one's own step
        raise InputRefused(f"上一步是“{author.get('name', '')}”做的，只能由本人撤销。"
                           "如需更正，请打开该学生的页面修改。")
    with ledger.write() as w:
        w.undoing = True
        for event in events:
            _reverse(ledger, w, event)
        undo.pop(w.conn, ledger.replica)
        return w.changes.freeze()


def _reverse(ledger: Ledger, w: Writer, event: Event) -> None:
    kind = event.ent.partition(":")[0]
    student = event.ent.partition(":")[2] if kind == "student" else \
        str(event.body.get("fields", {}).get("student_id", ""))
    if event.kind in ("student_create", "record_add"):
        w.emit("retract", event.ent, {"reason": REASON, "undo": event.eid})
    elif event.kind == "status":
        w.emit("retract", event.ent, {"target": event.eid, "reason": REASON, "undo": event.eid})
    elif event.kind == "update":
        old = {name: _old_value(ledger, w, kind, name, change)
               for name, change in event.body["fields"].items()}
        emit_update(w, event.ent, old)
    else:
        return
    if student:
        w.changes.students.add(student)
    w.changes.flags.update({"roster", "status", "records"})


def _old_value(ledger: Ledger, w: Writer, kind: str, name: str, change: dict[str, Any]) -> Any:
    values = [value_in_event(ledger.queries, eid, name) for eid in change.get("base", [])]
    values = [v for v in values if v is not None]
    if values:
        return values[-1]
    spec = field_spec(kind, name)
    return clean(spec, None, today=w.today) if spec is not None else ""

