"""Append-only records (visits, reports, notices, legal documents, subsidies, pairings …)
and attachments stored once by content hash.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from dropout_ledger.errors import NotFound, Problem, ValidationError
from dropout_ledger.ids import new_id
from dropout_ledger.model.changes import Changes
from dropout_ledger.model.fields import clean_many
from dropout_ledger.model.records import RECORD_KINDS, RecordKind
from dropout_ledger.services.edits import emit_update

if TYPE_CHECKING:
    from dropout_ledger.ledger import Ledger, Writer

MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024
ATTACHMENT_TYPES = {"image/jpeg", "image/png", "application/pdf"}


def emit_add(w: Writer, kind: str, fields: dict[str, Any]) -> str:
    """Append a record_add event for already-cleaned fields; returns the new record's id."""
    record_id = new_id()
    w.emit("record_add", f"{kind}:{record_id}", {"kind": kind, "fields": fields})
    w.changes.created.append(record_id)
    w.changes.students.add(str(fields["student_id"]))
    w.changes.flags.add("records")
    return record_id


def _kind(name: str) -> RecordKind:
    if name not in RECORD_KINDS:
        raise NotFound(f"没有“{name}”这种记录。")
    return RECORD_KINDS[name]


class RecordService:
    """Add, amend and retract records; store attachments."""

    def __init__(self, ledger: Ledger) -> None:
        self._ledger = ledger

    def add(self, kind: str, fields: Mapping[str, Any]) -> Changes:
        """Add one record; its id is in the returned Changes' `created`."""
        return self.add_many(kind, [fields])

    def add_many(self, kind: str, many: Sequence[Mapping[str, Any]]) -> Changes:
        """Add several records of one kind (a class's absences, a class's subsidies) at once.

        Every row is checked first and every problem reported with its row number; then all
        rows are written in one transaction, or none.
        """
        spec = _kind(kind)
        if spec.name == "case":
            raise ValidationError(Problem(
                "kind", "个案随状态变更自动建立", "请把学生标记为疑似辍学或辍学"))
        cleaned, problems = [], []
        for row, fields in enumerate(many, start=1):
            try:
                cleaned.append(self._checked(spec, fields))
            except ValidationError as error:
                where = row if len(many) > 1 else None
                problems += [Problem(p.field, p.reason, p.fix, where) for p in error.problems]
        if problems:
            raise ValidationError(problems)
        with self._ledger.write() as w:
            for fields in cleaned:
                emit_add(w, spec.name, fields)
            return w.changes.freeze()

    def _checked(self, spec: RecordKind, fields: Mapping[str, Any]) -> dict[str, Any]:
        raw = dict(fields)
        if spec.parent is not None:
            parent = self.require(spec.parent[1], str(raw.get(spec.parent[0], "")))
            raw.setdefault("student_id", parent["student_id"])
        cleaned = self._clean(spec, raw)
        self._check_refs(spec, cleaned)
        return cleaned

    def amend(self, kind: str, record_id: str, values: Mapping[str, Any]) -> Changes:
        """Later facts about a record (a notice's delivery, a case's responsible teacher)."""
        spec = _kind(kind)
        record = self.require(kind, record_id)
        if {"student_id", "case_id", "pairing_id"} & set(values):
            raise ValidationError(Problem("student_id", "记录所属的学生或个案不能修改",
                                          "如登记错了学生，请撤销这条记录后重新登记"))
        cleaned = self._clean(spec, values, partial=True)
        self._check_refs(spec, {**record, **cleaned})
        with self._ledger.write() as w:
            if emit_update(w, f"{kind}:{record_id}", cleaned) is not None:
                w.changes.students.add(record["student_id"])
                w.changes.flags.add("records")
            return w.changes.freeze()

    def retract(self, kind: str, record_id: str, reason: str) -> Changes:
        record = self.require(kind, record_id)
        if not reason.strip():
            raise ValidationError(Problem("reason", "撤销原因不能为空", "请写明为什么撤销这条记录"))
        with self._ledger.write() as w:
            w.emit("retract", f"{kind}:{record_id}", {"reason": reason.strip()})
            w.changes.students.add(record["student_id"])
            w.changes.flags.add("records")
            return w.changes.freeze()

    def require(self, kind: str, record_id: str) -> dict[str, Any]:
        record = self._ledger.queries.record(_kind(kind).name, record_id)
        if record is None or record["retracted"]:
            raise NotFound(f"找不到这条{RECORD_KINDS[kind].label}（编号 {record_id}）。")
        return record

    def add_attachment(self, data: bytes, *, name: str, mime: str) -> tuple[str, Changes]:
        """Store a scan or photo once by its SHA-256; adding the same bytes again is a no-op."""
        if mime not in ATTACHMENT_TYPES:
            raise ValidationError(Problem("attachment", f"不支持的附件类型“{mime}”",
                                          "请使用 JPG、PNG 或 PDF 文件"))
        if not data or len(data) > MAX_ATTACHMENT_BYTES:
            raise ValidationError(Problem("attachment", "附件为空或超过 20 MB", "请压缩后再添加"))
        digest = hashlib.sha256(data).hexdigest()
        conn = self._ledger.conn
        if conn.execute("SELECT 1 FROM attachments WHERE hash = ?", (digest,)).fetchone():
            return digest, Changes()
        with self._ledger.write() as w:
            w.conn.execute("INSERT OR IGNORE INTO blobs (hash, data) VALUES (?, ?)",
                           (digest, data))
            w.emit("attachment_add", f"attachment:{digest}",
                   {"sha256": digest, "name": name.strip() or "附件", "mime": mime,
                    "size": len(data)})
            w.changes.flags.add("records")
            return digest, w.changes.freeze()

    def attachment(self, digest: str) -> bytes:
        row = self._ledger.conn.execute("SELECT data FROM blobs WHERE hash = ?", (digest,))
        found = row.fetchone()
        if found is None:
            raise NotFound(f"找不到附件 {digest[:12]}…")
        return bytes(found[0])

    # --- checks ----------------------------------------------------------------------------

    def _clean(
        self, spec: RecordKind, raw: Mapping[str, Any], *, partial: bool = False
    ) -> dict[str, Any]:
        specs = {field.name: field for field in spec.fields}
        return clean_many(specs, raw, today=self._ledger.clock.today(), complete=not partial)

    def _check_refs(self, spec: RecordKind, fields: Mapping[str, Any]) -> None:
        student = self._ledger.students.require(str(fields["student_id"]))
        for field in ("case_id", "pairing_id"):
            if fields.get(field):
                parent = self.require(field.removesuffix("_id"), str(fields[field]))
                if parent["student_id"] != student["id"]:
                    raise ValidationError(Problem(field, "所选个案或结对不属于这名学生"))
        for digest in fields.get("attachments") or []:
            self.attachment(digest)
        for name, value in fields.items():
            date_spec = spec.spec(name)
            if (date_spec is not None and date_spec.kind == "date" and value
                    and student["birth_date"] and value < student["birth_date"]):
                raise ValidationError(Problem(name, f"{date_spec.label} {value} 早于学生出生日期"))
