"""提出异议: a school disagreeing with the county's correction of an identity field.

sync.md §c.11 wants the dispute to be a `request` event the county clerk sees in a queue. That
event kind and the county's queue do not exist yet, so for now a dispute is an `audit` event
(kind "audit", action "dispute") naming the item, the county value it disputes and the
principal's note. It travels to the county in the school's next package like every school
event (validation accepts audit bodies of any shape), so nothing typed is lost when the real
request kind arrives; and the conflict list shows "已提出异议" beside the notice meanwhile.

The correction itself stays the shown value until someone decides: a dispute changes no data.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dropout_ledger import canonical
from dropout_ledger.errors import NotFound, Problem, ValidationError
from dropout_ledger.ids import new_id
from dropout_ledger.model.changes import Changes

if TYPE_CHECKING:
    from dropout_ledger.ledger import Ledger

ACTION = "dispute"
MAX_NOTE = 500


def dispute(ledger: Ledger, ent: str, field: str, note: str) -> Changes:
    """Record that this ledger disputes the county's current value of `field` of `ent`."""
    text = " ".join(note.split())
    if not text:
        raise ValidationError(Problem("note", "异议理由不能为空",
                                      "请写明哪里不对、正确的应是什么、有什么依据"))
    if len(text) > MAX_NOTE:
        raise ValidationError(Problem("note", f"异议理由太长（{len(text)} 字）",
                                      f"请压缩到 {MAX_NOTE} 字以内"))
    view = ledger.conflicts.get(ent, field)
    against = next((v for v in view.values if v.winner), None)
    if view.kind != "override" or against is None:
        raise NotFound("这一项不是县教育局的更正，不能提出异议；请直接选择采用哪个值。")
    with ledger.write() as w:
        w.emit("audit", f"audit:{new_id()}", {
            "action": ACTION, "ent": ent, "field": field, "against": against.eid,
            "note": text})
        w.undoable = False
        return w.changes.freeze()


def disputed(ledger: Ledger) -> dict[tuple[str, str], str]:
    """(ent, field) → the latest dispute's claimed time ("2026-11-22 10:00") per disputed value.

    Keyed by the county value disputed too: a dispute counts only while the value it answered
    is still the county's (`against` is the current winning head's event id).
    """
    rows = ledger.conn.execute(
        "SELECT hdr, body FROM events WHERE kind = 'audit' AND org = ? AND body IS NOT NULL"
        " AND instr(CAST(body AS TEXT), '\"action\":\"dispute\"') > 0", (ledger.org_id,))
    latest: dict[tuple[str, str], tuple[str, str]] = {}
    for hdr, body in rows:
        data = canonical.decode(bytes(body), checked=False)
        wall = str(canonical.decode(bytes(hdr), checked=False).get("wall", ""))
        if not isinstance(data, dict) or data.get("action") != ACTION:
            continue
        key = (str(data.get("ent", "")), str(data.get("field", "")))
        if key not in latest or wall > latest[key][1]:
            latest[key] = (str(data.get("against", "")), wall)
    found = {}
    for view in ledger.conflicts.list():
        key = (view.ent, view.field)
        winner = next((v.eid for v in view.values if v.winner), "")
        if key in latest and latest[key][0] == winner:
            found[key] = latest[key][1][:16].replace("T", " ")
    return found
