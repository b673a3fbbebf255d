"""提出异议: a school disagreeing with the county's correction of an identity field, and the
county clerk's answer.

School side (`dispute`): an `audit` event (action "dispute") naming the item, the county value
it disputes (`against`, that head's event id), the school's own value and the principal's note.
It travels to the county in the school's next package like every school event (validation
accepts audit bodies of any shape), and the conflict list shows "已提出异议" meanwhile. sync.md
§c.11 names a `request` event kind for this; an audit event carries the same facts without a
new kind every reader of a package must know, so it stays (decision 0023, "Disputes").

County side (`queue`, `answer`): the clerk sees every dispute not yet answered, with both
values, and answers 采纳 (the school's value becomes the value everywhere) or 维持 (the county's
stays). Either way one transaction writes the settling field update — whose base lists the
conflicting heads, so the conflict closes at the county and, once the package arrives, at the
school — and a `decision` (topic "dispute") naming the school, which the school reads as a
notice (sync/notices.py) with the clerk's reply.

The correction itself stays the shown value until someone decides: a dispute changes no data.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from dropout_ledger import canonical
from dropout_ledger.errors import InputRefused, NotFound, Problem, ValidationError
from dropout_ledger.ids import new_id
from dropout_ledger.model.changes import Changes
from dropout_ledger.services.conflicts import ConflictView
from dropout_ledger.store import projections
from dropout_ledger.sync import notices

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
    ours = next((v for v in view.values if v.org == ledger.org_id and not v.winner), None)
    if view.kind != "override" or against is None:
        raise NotFound("这一项不是县教育局的更正，不能提出异议；请直接选择采用哪个值。")
    claim = {} if ours is None else {"value": ours.value, "eid": ours.eid}
    with ledger.write() as w:
        w.emit("audit", f"audit:{new_id()}", {
            "action": ACTION, "ent": ent, "field": field, "against": against.eid,
            "note": text, **claim})
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


# --- the county's queue ---------------------------------------------------------------------

TOPIC = "dispute"
ACCEPTED, UPHELD = "accepted", "upheld"


@dataclass(frozen=True)
class Dispute:
    """One school's dispute as the county clerk sees it."""

    eid: str
    school: str
    school_name: str
    ent: str
    field: str
    label: str
    """The field's Chinese label."""
    student_id: str
    student_name: str
    county_value: str
    """The county's value the school disputes, as shown to the clerk."""
    school_value: str
    """What the school says it should be, as shown ("" when the dispute does not say)."""
    note: str
    wall: str
    """The school computer's claimed time of the dispute ("2026-11-22 10:00")."""
    settled: bool
    """True when the field is no longer in conflict here (settled some other way): an
    answer then only writes the reply."""


def queue(ledger: Ledger) -> list[Dispute]:
    """County: the schools' disputes without an answer yet, oldest first."""
    _require_county(ledger)
    answered = {str(body.get("dispute", "")) for body in _dispute_decisions(ledger)}
    rows = ledger.conn.execute(
        "SELECT eid, org, hdr, body FROM events WHERE kind = 'audit' AND org LIKE 'S:%'"
        " AND body IS NOT NULL AND instr(CAST(body AS TEXT), '\"action\":\"dispute\"') > 0"
        " ORDER BY lc, eid").fetchall()
    out = []
    for eid, org, hdr, body in rows:
        data = canonical.decode(bytes(body), checked=False)
        if not isinstance(data, dict) or data.get("action") != ACTION or eid in answered:
            continue
        out.append(_dispute(ledger, str(eid), str(org),
                            canonical.decode(bytes(hdr), checked=False), data))
    return out


def answer(ledger: Ledger, eid: str, *, accept: bool, note: str) -> Changes:
    """County: answer the dispute `eid`, settling the field and telling the school (one
    transaction). 采纳 (`accept`) writes the school's value, 维持 the county's."""
    _require_county(ledger)
    reply = " ".join(note.split())
    if not reply:
        raise ValidationError(Problem("note", "答复不能为空",
                                      "请写明采纳或维持的理由，学校会在“县里通知”中看到"))
    if len(reply) > MAX_NOTE:
        raise ValidationError(Problem("note", f"答复太长（{len(reply)} 字）",
                                      f"请压缩到 {MAX_NOTE} 字以内"))
    found = next((d for d in queue(ledger) if d.eid == eid), None)
    if found is None:
        raise NotFound("这条异议已经答复过了，或不是学校的异议。")
    body = _body_of(ledger, eid)
    heads = projections.current_heads(ledger.conn, found.ent, found.field)
    chosen = _chosen_value(found, body, heads, accept=accept)
    with ledger.write() as w:
        if chosen is not None and len(heads) > 1:
            w.emit("update", found.ent, {"fields": {found.field: {
                "value": chosen[0], "base": sorted(h.eid for h in heads)}}})
            w.changes.flags.add("roster")
        w.emit(notices.KIND, f"{notices.PREFIX}{new_id()}", {
            "topic": TOPIC, "schools": [found.school], "students": [found.student_id],
            "dispute": eid, "field": found.field, "label": found.label,
            "outcome": ACCEPTED if accept else UPHELD,
            "value": chosen[1] if chosen is not None else found.county_value,
            "reply": reply, "clerk": ledger.operator.name,
        })
        if found.student_id:
            w.changes.students.add(found.student_id)
        w.changes.flags.add("profile")
        w.undoable = False
        return w.changes.freeze()


def _chosen_value(found: Dispute, body: dict[str, Any], heads: list[Any], *, accept: bool
                  ) -> tuple[Any, str] | None:
    """(stored value, shown text) the answer settles on; None when nothing is to be written
    (the field is no longer in conflict, or the dispute names no value to adopt)."""
    if len(heads) < 2:
        return None
    if not accept:
        winner = body.get("against")
        kept = next((h for h in heads if h.eid == winner), None)
        return None if kept is None else (_decoded(kept.value), found.county_value)
    if "value" in body:
        return body["value"], found.school_value
    school = next((h for h in heads if h.eid != body.get("against")), None)
    return None if school is None else (_decoded(school.value), found.school_value)


def _decoded(value_json: str) -> Any:
    """A head's stored value (canonical JSON text) as the value an event carries."""
    return canonical.decode(value_json.encode(), checked=False)


def _dispute(ledger: Ledger, eid: str, org: str, header: dict[str, Any],
             body: dict[str, Any]) -> Dispute:
    ent, field = str(body.get("ent", "")), str(body.get("field", ""))
    view: ConflictView | None
    try:
        view = ledger.conflicts.get(ent, field)
    except NotFound:
        view = None
    county = next((v.shown for v in view.values if v.eid == body.get("against")), "") \
        if view is not None else ""
    school = ""
    if view is not None:
        claimed = next((v for v in view.values if v.eid == body.get("eid")), None) or next(
            (v for v in view.values if v.org == org), None)
        school = claimed.shown if claimed is not None else ""
    student_id, student_name = (view.student_id, view.student_name) if view is not None \
        else _student(ledger, ent)
    name = ledger.settings.entity(f"org:{org}").get("name")
    return Dispute(
        eid=eid, school=org, school_name=str(name) if name else f"学校 {org[2:]}", ent=ent,
        field=field, label=view.label if view is not None else field, student_id=student_id,
        student_name=student_name, county_value=county, school_value=school,
        note=str(body.get("note", "")),
        wall=str(header.get("wall", ""))[:16].replace("T", " "), settled=view is None)


def _student(ledger: Ledger, ent: str) -> tuple[str, str]:
    sid = ent.partition(":")[2] if ent.startswith("student:") else ""
    row = ledger.conn.execute("SELECT name FROM students WHERE id = ?", (sid,)).fetchone()
    return sid, str(row[0]) if row else ""


def _body_of(ledger: Ledger, eid: str) -> dict[str, Any]:
    row = ledger.conn.execute("SELECT body FROM events WHERE eid = ?", (eid,)).fetchone()
    data = canonical.decode(bytes(row[0]), checked=False) if row and row[0] else {}
    return data if isinstance(data, dict) else {}


def _dispute_decisions(ledger: Ledger) -> list[dict[str, Any]]:
    rows = ledger.conn.execute(
        "SELECT body FROM events WHERE kind = ? AND ent >= ? AND ent < ? AND body IS NOT NULL",
        (notices.KIND, notices.PREFIX, "decision;"))
    out = []
    for (body,) in rows:
        data = canonical.decode(bytes(body), checked=False)
        if isinstance(data, dict) and data.get("topic") == TOPIC:
            out.append(data)
    return out


def _require_county(ledger: Ledger) -> None:
    if not ledger.org_id.startswith("C:"):
        raise InputRefused("只有县级台账处理学校的异议。")
