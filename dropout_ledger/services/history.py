"""A student's full history: who changed what, when, on which computer.

Read straight from the event log (the truth), not from projections, so it shows retracted
entries and the values an edit replaced. Times are the claimed wall time of the computer that
wrote the event, labelled as such, because school laptop clocks are often wrong (sync.md §c.4).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from dropout_ledger import canonical
from dropout_ledger.model import codes
from dropout_ledger.model.fields import FieldSpec
from dropout_ledger.model.identity import mask_id_number, mask_xjh
from dropout_ledger.model.records import RECORD_KINDS
from dropout_ledger.model.status import Status
from dropout_ledger.model.student import STUDENT_SPECS
from dropout_ledger.store.events import Event, decode_row
from dropout_ledger.store.queries import Queries


@dataclass(frozen=True)
class HistoryEntry:
    """One event as a person reads it."""

    eid: str
    lc: int
    wall: str
    operator: str
    computer: str
    action: str
    details: tuple[str, ...]


def student_history(queries: Queries, student_id: str) -> list[HistoryEntry]:
    """Every event about the student or any of its records, oldest first."""
    ents = [f"student:{student_id}"]
    for kind in RECORD_KINDS:
        ents += [f"{kind}:{row[0]}" for row in queries.conn.execute(
            f"SELECT id FROM rec_{kind} WHERE student_id = ?", (student_id,))]
    marks = ", ".join("?" for _ in ents)
    rows = queries.conn.execute(
        f"SELECT eid, hdr, body FROM events WHERE ent IN ({marks}) ORDER BY lc, eid", ents)
    return [_entry(queries, decode_row(*row)) for row in rows]


def _entry(queries: Queries, event: Event) -> HistoryEntry:
    kind, _, _ = event.ent.partition(":")
    action, details = describe_event(queries, event, kind)
    return HistoryEntry(
        eid=event.eid, lc=event.lc, wall=event.wall[:16].replace("T", " "),
        operator=event.who.get("name", ""), computer=event.rep[:8], action=action,
        details=tuple(details),
    )


def describe_event(queries: Queries, event: Event, kind: str) -> tuple[str, list[str]]:
    body = event.body
    label = "学生" if kind == "student" else RECORD_KINDS[kind].label if kind in RECORD_KINDS \
        else kind
    if event.kind == "student_create":
        return "登记学生", [f"{body['fields'].get('name', '')}，{body['fields'].get('grade', '')}年级"]
    if event.kind == "record_add":
        return f"添加{label}", _field_lines(kind, body.get("fields", {}))
    if event.kind == "status":
        return _status_line(body)
    if event.kind == "update":
        return f"修改{label}", [
            _change_line(queries, kind, name, change) for name, change in body["fields"].items()]
    if event.kind == "retract":
        return f"撤销{'状态记录' if body.get('target') else label}", [f"原因：{body.get('reason', '')}"]
    return event.kind, []


def _status_line(body: dict[str, Any]) -> tuple[str, list[str]]:
    status = Status(body["code"])
    lines = [f"生效日期 {body['effective_date']}"]
    if body.get("reason_code"):
        lines.append(f"原因：{codes.label_of(codes.DROPOUT_REASONS, body['reason_code'])}"
                     + (f"（{body['reason_text']}）" if body.get("reason_text") else ""))
    if body.get("closure"):
        closure = body["closure"]
        lines.append(f"销号：{codes.label_of(codes.CLOSURE_REASONS, closure['reason'])}，"
                     f"依据：{closure['evidence']}")
    if body.get("note"):
        lines.append(f"备注：{body['note']}")
    return f"状态变更为“{status.label}”", lines


def field_spec(kind: str, name: str) -> FieldSpec | None:
    return STUDENT_SPECS.get(name) if kind == "student" else (
        RECORD_KINDS[kind].spec(name) if kind in RECORD_KINDS else None)


def _field_lines(kind: str, fields: dict[str, Any]) -> list[str]:
    lines = []
    for name, value in fields.items():
        spec = field_spec(kind, name)
        if spec is not None and spec.kind != "ref":
            lines.append(f"{spec.label}：{display(spec, value)}")
    return lines


def _change_line(queries: Queries, kind: str, name: str, change: dict[str, Any]) -> str:
    spec = field_spec(kind, name)
    label = spec.label if spec else name
    old = [value_in_event(queries, eid, name) for eid in change.get("base", [])]
    shown_old = "、".join(display(spec, v) for v in old if v is not None) or "（空）"
    return f"{label}：{shown_old} → {display(spec, change['value'])}"


def value_in_event(queries: Queries, eid: str, name: str) -> Any:
    row = queries.conn.execute("SELECT body FROM events WHERE eid = ?", (eid,)).fetchone()
    if row is None:
        return None
    fields = canonical.decode(row[0], checked=False).get("fields", {})
    value = fields.get(name)
    return value["value"] if isinstance(value, dict) and "value" in value else value


def _guardians(value: list[dict[str, str]]) -> str:
    return "；".join(f"{g['name']}（{codes.label_of(codes.GUARDIAN_RELATIONS, g['relation'])}）"
                    for g in value)


# How each non-plain field kind reads; "" from a formatter means nothing was recorded.
_FORMATS: dict[str, Callable[[FieldSpec, Any], str]] = {
    "code": lambda spec, v: codes.label_of(spec.table, v) if v else "",
    "codes": lambda spec, v: "、".join(codes.label_of(spec.table, c) for c in v),
    "fen": lambda _spec, v: f"{v / 100:.2f} 元" if isinstance(v, int) else "",
    # Digests mean nothing to a reader; the page shows the files themselves.
    "attachments": lambda _spec, v: f"{len(v)} 个文件" if v else "",
    "guardians": lambda _spec, v: _guardians(v),
}
# The history is read by whoever sits at the screen: these numbers are masked here, always,
# whether a field holds them by kind (a pupil's) or by name (a county list's raw cell).
_MASKED: dict[str, Callable[[str], str]] = {"id_number": mask_id_number, "xjh": mask_xjh}


def display(spec: FieldSpec | None, value: Any) -> str:
    """A stored value as a person reads it: code labels, 是/否, lists joined, fen as yuan."""
    if spec is None:
        return str(value)
    if spec.kind == "bool":
        return "是" if value else "否"
    masker = _MASKED.get(spec.kind) or _MASKED.get(spec.name)
    if masker is not None:
        text = masker(str(value)) if value else ""
    elif spec.kind in _FORMATS:
        text = _FORMATS[spec.kind](spec, value)
    elif isinstance(value, list):
        text = "、".join(str(v) for v in value)
    else:
        text = str(value) if value is not None else ""
    return text or "（空）"
