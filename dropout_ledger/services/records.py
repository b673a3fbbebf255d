"""Append-only records (visits, reports, notices, legal documents, subsidies, pairings …)
and attachments stored once by content hash.

An attachment is a photo or scan kept as the original bytes, addressed by their SHA-256: the
blob goes in `blobs` (outside the event log, so the log stays small and syncs fast) and one
`attachment_add` event records its name, type and size. Records name attachments by digest.
Originals are kept as they were taken, never re-compressed: they are evidence (a signed
送达回证, a hospital certificate) and a county inspector may need to read the smallest print.
A 10 MB phone photo is a small cost next to a lost signature; shrinking a copy for upload to the
national 学籍 system (≤ 2 MB) is a job for the export, which works on a copy.

The type is read from the file's first bytes (its "magic"), never from its name: a renamed
Word file or a screenshot saved as .jpg.txt must not pass as a photo, and a photo whose name
lost its extension on a phone should still be accepted.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping, Sequence, Set
from dataclasses import dataclass
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

# (magic at offset, type) for what is stored. PNG is matched on its first four bytes: the 0x89
# byte already rules out text, and a truncated PNG is still best kept and shown as "无法显示".
_MAGIC: tuple[tuple[int, bytes, str], ...] = (
    (0, b"\xff\xd8\xff", "image/jpeg"),
    (0, b"\x89PNG", "image/png"),
    (0, b"%PDF-", "application/pdf"),
)
# Files people often pick by mistake, named so the refusal can say what to do instead.
_HEIC_FIX = "请在手机“设置→相机→格式”中选“兼容性最佳”后重拍，或先转成 JPG"
_KNOWN_OTHERS: tuple[tuple[int, bytes, str, str], ...] = (
    (4, b"ftypheic", "苹果手机的 HEIC 照片", _HEIC_FIX),
    (4, b"ftypheix", "苹果手机的 HEIC 照片", _HEIC_FIX),
    (4, b"ftypmif1", "HEIF 照片", "请先转成 JPG"),
    (8, b"WEBP", "WebP 图片", "请先另存为 JPG 或 PNG"),
    (0, b"GIF8", "GIF 动图", "请先另存为 PNG"),
    (0, b"BM", "BMP 图片", "请先另存为 PNG"),
    (0, b"II*\x00", "TIFF 图片", "请在扫描仪中选择 PDF 或 JPG 格式"),
    (0, b"MM\x00*", "TIFF 图片", "请在扫描仪中选择 PDF 或 JPG 格式"),
    (0, b"PK\x03\x04", "Word、Excel 或压缩文件", "请打印后扫描，或在 Word/WPS 中“另存为 PDF”"),
    (0, b"\xd0\xcf\x11\xe0", "Word 或 Excel 文件", "请打印后扫描，或在 Word/WPS 中“另存为 PDF”"),
)
_ALLOWED_FIX = "只能添加 JPG、PNG 照片或 PDF 扫描件"
_EXTENSION = re.compile(r"\.(jpe?g|png|pdf)$", re.IGNORECASE)


def sniff_type(data: bytes) -> str | None:
    """The stored type (image/jpeg, image/png, application/pdf) read from the bytes, or None."""
    for offset, magic, mime in _MAGIC:
        if data[offset:offset + len(magic)] == magic:
            return mime
    return None


@dataclass(frozen=True)
class AttachmentFile:
    """A file checked and ready to store: its bytes, SHA-256, type read from the bytes, name."""

    data: bytes
    digest: str
    mime: str
    name: str


def check_file(data: bytes, name: str, claimed: str | None = None) -> AttachmentFile:
    """Accept a JPG, PNG or PDF of at most 20 MB, or refuse it in Chinese (nothing is stored).

    `claimed` is a type the caller believes the file has; it must agree with the bytes.
    """
    shown = name.strip() or "附件"
    if not data:
        raise ValidationError(Problem("attachments", f"“{shown}”是空文件", "请重新拍照或扫描"))
    if len(data) > MAX_ATTACHMENT_BYTES:
        raise ValidationError(Problem(
            "attachments", f"“{shown}”有 {len(data) / 1024 / 1024:.1f} MB，超过 20 MB",
            "请用较低分辨率重新扫描，或把多页分成几个文件"))
    mime = sniff_type(data)
    if mime is None:
        raise ValidationError(
            Problem("attachments", _unknown_reason(data, shown), _unknown_fix(data)))
    if claimed is not None and claimed != mime:
        raise ValidationError(Problem(
            "attachments", f"“{shown}”的内容与所说的类型“{claimed}”不符", _ALLOWED_FIX))
    return AttachmentFile(data, hashlib.sha256(data).hexdigest(), mime, shown)


def _unknown_reason(data: bytes, shown: str) -> str:
    for offset, magic, what, _fix in _KNOWN_OTHERS:
        if data[offset:offset + len(magic)] == magic:
            return f"“{shown}”是{what}，不能作为附件"
    if _EXTENSION.search(shown):
        return f"“{shown}”的名字像照片或PDF，但内容不是，可能是改过名的其他文件"
    return f"“{shown}”不是照片或PDF扫描件"


def _unknown_fix(data: bytes) -> str:
    for offset, magic, _what, fix in _KNOWN_OTHERS:
        if data[offset:offset + len(magic)] == magic:
            return fix
    return _ALLOWED_FIX


def store_file(w: Writer, file: AttachmentFile) -> bool:
    """Inside a write: keep the blob and, the first time, its `attachment_add` event.

    Returns True when the file was new. The blob is inserted even when the attachment is known,
    so adding the same bytes again restores a blob that went missing (verify reports those).
    """
    w.conn.execute("INSERT OR IGNORE INTO blobs (hash, data) VALUES (?, ?)",
                   (file.digest, file.data))
    if w.conn.execute("SELECT 1 FROM attachments WHERE hash = ?", (file.digest,)).fetchone():
        return False
    w.emit("attachment_add", f"attachment:{file.digest}",
           {"sha256": file.digest, "name": file.name, "mime": file.mime,
            "size": len(file.data)})
    w.changes.flags.add("records")
    return True


def emit_add(w: Writer, kind: str, fields: dict[str, Any]) -> str:
    """Append a record_add event for already-cleaned fields; returns the new record's id."""
    record_id = new_id()
    w.emit("record_add", f"{kind}:{record_id}", {"kind": kind, "fields": fields})
    w.changes.created.append(record_id)
    w.changes.students.add(str(fields["student_id"]))
    w.changes.flags.add("records")
    return record_id


# Record kinds with an attachments field (visits, reports, notices, legal documents, 证明材料).
ATTACHMENT_KINDS = tuple(name for name, kind in RECORD_KINDS.items()
                         if kind.spec("attachments") is not None)


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

    def _checked(
        self, spec: RecordKind, fields: Mapping[str, Any], *, adding: Set[str] = frozenset()
    ) -> dict[str, Any]:
        """Clean and check one record; `adding` are attachment digests stored in the same write."""
        raw = dict(fields)
        if spec.parent is not None:
            parent = self.require(spec.parent[1], str(raw.get(spec.parent[0], "")))
            raw.setdefault("student_id", parent["student_id"])
        cleaned = self._clean(spec, raw)
        self._check_refs(spec, cleaned, adding)
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

    def add_attachment(
        self, data: bytes, *, name: str, mime: str | None = None
    ) -> tuple[str, Changes]:
        """Store a scan or photo once by its SHA-256; adding the same bytes again is a no-op.

        The type is read from the bytes; `mime`, if given, must agree with them.
        """
        file = check_file(data, name, mime)
        with self._ledger.write() as w:
            store_file(w, file)
            return file.digest, w.changes.freeze()

    def add_with_files(
        self, kind: str, fields: Mapping[str, Any], files: Sequence[tuple[str, bytes]]
    ) -> Changes:
        """Add one record together with the photos or scans it refers to, in one transaction.

        `files` are (name, bytes); their digests join any already in `fields["attachments"]`.
        Every file is checked before anything is written, so one bad file stores nothing. A
        file this pupil already has on a live record is stored once and noted in `warnings`
        (a second click on 保存 is the usual cause; it may also be on purpose).
        """
        spec = _kind(kind)
        if spec.spec("attachments") is None:
            raise ValidationError(Problem("attachments", f"{spec.label}不能附加文件"))
        checked, problems = [], []
        for name, data in files:
            try:
                checked.append(check_file(data, name))
            except ValidationError as error:
                problems += error.problems
        if problems:
            raise ValidationError(problems)
        unique = list({file.digest: file for file in checked}.values())
        raw = dict(fields)
        raw["attachments"] = [*(raw.get("attachments") or []), *(f.digest for f in unique)]
        cleaned = self._checked(spec, raw, adding={f.digest for f in unique})
        with self._ledger.write() as w:
            for file in unique:
                if not store_file(w, file):
                    w.changes.warnings += self._already_filed(cleaned["student_id"], file)
            emit_add(w, spec.name, cleaned)
            return w.changes.freeze()

    def _already_filed(self, student_id: str, file: AttachmentFile) -> list[str]:
        """Where this pupil's live records already hold the file, as Chinese warnings."""
        found = []
        for kind in ATTACHMENT_KINDS:
            for record in self._ledger.queries.records(kind, student_id=student_id):
                if not record["retracted"] and file.digest in (record["attachments"] or []):
                    what = record.get("title") or RECORD_KINDS[kind].label
                    day = record.get("date") or record.get("issued_date") or ""
                    found.append(f"“{file.name}”已在{day}的“{what}”中，这次又登记了一次")
        return found[:1]

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

    def _check_refs(
        self, spec: RecordKind, fields: Mapping[str, Any], adding: Set[str] = frozenset()
    ) -> None:
        student = self._ledger.students.require(str(fields["student_id"]))
        for field in ("case_id", "pairing_id"):
            if fields.get(field):
                parent = self.require(field.removesuffix("_id"), str(fields[field]))
                if parent["student_id"] != student["id"]:
                    raise ValidationError(Problem(field, "所选个案或结对不属于这名学生"))
        for digest in fields.get("attachments") or []:
            if digest not in adding and not self._ledger.conn.execute(
                    "SELECT 1 FROM attachments WHERE hash = ?", (digest,)).fetchone():
                raise NotFound(f"找不到附件 {digest[:12]}…")
        if spec.name == "destination":
            _check_destination(student, fields)
        for name, value in fields.items():
            date_spec = spec.spec(name)
            if (date_spec is not None and date_spec.kind == "date" and value
                    and student["birth_date"] and value < student["birth_date"]):
                raise ValidationError(Problem(name, f"{date_spec.label} {value} 早于学生出生日期"))


def _check_destination(student: Mapping[str, Any], fields: Mapping[str, Any]) -> None:
    """毕业去向 belongs to a grade-9 pupil who has graduated, on or after graduating; "其他"
    says what it is, so the figure's parts can be read back (初中升学率, decision 0013)."""
    if student.get("status") != "graduated" or student.get("grade") != 9:
        raise ValidationError(Problem(
            "destination", "只有已毕业的九年级学生才能登记毕业去向",
            "请先在学生页面把该生的状态改为“毕业”"))
    if fields.get("date") and student.get("status_date") and \
            str(fields["date"]) < str(student["status_date"]):
        raise ValidationError(Problem(
            "date", f"登记日期 {fields['date']} 早于毕业日期 {student['status_date']}",
            "请填写毕业当天或之后的日期"))
    if fields.get("destination") == "other" and not str(fields.get("note") or "").strip():
        raise ValidationError(Problem("note", "毕业去向为“其他”时须写明说明",
                                      "例如：出国（境）读书"))
