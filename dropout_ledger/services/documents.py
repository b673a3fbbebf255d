"""证明材料 (photos and scans filed on a pupil's page) and every attachment a pupil has.

A 证明材料 is a `document` record: a title, a date and one or more files, kept whole. It is how a
principal files what arrives on paper outside any visit or notice — a transfer school's 在读证明,
a hospital certificate for a 休学, the photo of a signed 责任书. `add_document` stores the files
and the record in one transaction, so a refused file leaves no orphan blob and a crash leaves no
record pointing at nothing.

`student_evidence` lists, for the student page, every file on the pupil's live records — their
证明材料 and the photos attached to visits, reports, notices, legal documents and the closing of a
case (销号依据) — each labelled with the record it came from. What a county inspector asks for is
"show me the evidence for this child", not "show me this visit's attachments".
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dropout_ledger import canonical
from dropout_ledger.errors import Problem, ValidationError
from dropout_ledger.model import codes
from dropout_ledger.model.changes import Changes
from dropout_ledger.model.records import RECORD_KINDS
from dropout_ledger.services.records import ATTACHMENT_KINDS, MAX_ATTACHMENT_BYTES

if TYPE_CHECKING:
    from dropout_ledger.ledger import Ledger
    from dropout_ledger.store.queries import Queries

_PDF_PAGE = re.compile(rb"/Type\s*/Page(?![A-Za-z])")


def add_document(
    ledger: Ledger,
    student_id: str,
    title: str,
    date: str | dt.date,
    files: Sequence[tuple[str, bytes]],
    case_id: str | None = None,
    note: str = "",
) -> Changes:
    """File a 证明材料: store the files (once each, by content) and the record, in one write.

    `files` are (name, bytes) pairs; each must be a JPG, PNG or PDF of at most 20 MB, judged by
    its bytes. The new record's id is `changes.created[0]`. A refusal stores nothing.
    """
    if not files:
        raise ValidationError(Problem("attachments", "没有选择文件", "请选择照片或扫描件"))
    fields: dict[str, Any] = {
        "student_id": student_id, "date": date, "title": title.strip(), "note": note.strip(),
    }
    if case_id:
        fields["case_id"] = case_id
    return ledger.records.add_with_files("document", fields, files)


def read_files(paths: Sequence[str | Path]) -> list[tuple[str, bytes]]:
    """Read chosen files as (name, bytes), refusing in Chinese what is too big or unreadable.

    The size is checked before reading, so a video picked by mistake is not read into memory.
    """
    files, problems = [], []
    for path in map(Path, paths):
        try:
            size = path.stat().st_size
            if size > MAX_ATTACHMENT_BYTES:
                problems.append(Problem(
                    "attachments", f"“{path.name}”有 {size / 1024 / 1024:.1f} MB，超过 20 MB",
                    "请用较低分辨率重新扫描，或把多页分成几个文件"))
                continue
            files.append((path.name, path.read_bytes()))
        except OSError as error:
            problems.append(Problem("attachments", f"无法读取“{path.name}”（{error.strerror}）",
                                    "请确认文件还在、U盘没有拔出"))
    if problems:
        raise ValidationError(problems)
    return files


def pdf_pages(data: bytes) -> int | None:
    """How many pages a PDF has, when its page objects are readable without decompressing.

    Scanners write plain page objects, so this is usually right; a PDF that packs its objects
    into compressed streams gives None, and the page then shows no count rather than a wrong one.
    """
    count = len(_PDF_PAGE.findall(data))
    return count or None


@dataclass(frozen=True)
class Evidence:
    """One file on one of a pupil's live records, as the student page lists it."""

    digest: str
    name: str          # the file name when it was added
    mime: str          # image/jpeg, image/png or application/pdf
    size: int          # bytes
    kind: str          # record kind ("document", "visit", …) or "status" for 销号依据
    record_id: str     # the record's id (the status event's id for 销号依据)
    source: str        # what the record is, in Chinese: "证明材料", "劝返记录（家访）" …
    title: str         # a 证明材料's title; else the source
    date: str          # the record's date, YYYY-MM-DD
    note: str = ""

    @property
    def is_image(self) -> bool:
        return self.mime.startswith("image/")


def student_evidence(queries: Queries, student_id: str) -> list[Evidence]:
    """Every attachment on the pupil's live records (retracted ones left out), newest first.

    Newest by the record's date, then by when it was entered; one record's files keep their
    name order, so 扫描1.jpg comes before 扫描2.jpg.
    """
    found: list[tuple[tuple[str, int], str, dict[str, Any]]] = []
    for kind in ATTACHMENT_KINDS:
        for record in queries.records(kind, student_id=student_id):
            if record["retracted"] or not record.get("attachments"):
                continue
            source = _source(kind, record)
            about = {"kind": kind, "record_id": record["id"], "source": source,
                     "title": str(record.get("title") or source),
                     "date": str(record.get("date") or record.get("issued_date") or ""),
                     "note": str(record.get("note") or "")}
            order = (about["date"], int(record["created_lc"] or 0))
            found += [(order, digest, about) for digest in record["attachments"]]
    for fact in queries.status_history(student_id):
        digests = canonical.decode(fact["attachments"].encode()) if fact["attachments"] else []
        if fact["retracted"] or not digests:
            continue
        about = {"kind": "status", "record_id": fact["eid"], "source": "销号依据",
                 "title": "销号依据", "date": str(fact["effective_date"]),
                 "note": str(fact.get("closure_evidence") or "")}
        found += [((about["date"], int(fact["lc"])), digest, about) for digest in digests]
    meta = _attachment_rows(queries, {digest for _order, digest, _about in found})
    items = []
    for order, digest, about in found:
        name, mime, size = meta.get(digest, (digest[:12], "application/octet-stream", 0))
        items.append((order, Evidence(digest=digest, name=name, mime=mime, size=size, **about)))
    items.sort(key=lambda pair: pair[1].name)
    items.sort(key=lambda pair: pair[0], reverse=True)  # stable: keeps the name order within
    return [item for _order, item in items]


def _source(kind: str, record: dict[str, Any]) -> str:
    label = RECORD_KINDS[kind].label
    if kind == "visit" and record.get("mode"):
        return f"{label}（{codes.label_of(codes.VISIT_MODES, record['mode'])}）"
    if kind == "legal_doc" and record.get("doc_type"):
        return codes.label_of(codes.LEGAL_DOC_TYPES, record["doc_type"])
    return label


def _attachment_rows(queries: Queries, digests: set[str]) -> dict[str, tuple[str, str, int]]:
    if not digests:
        return {}
    marks = ",".join("?" * len(digests))
    rows = queries.conn.execute(
        f"SELECT hash, name, mime, size FROM attachments WHERE hash IN ({marks})",
        sorted(digests))
    return {row[0]: (str(row[1]), str(row[2]), int(row[3])) for row in rows}
