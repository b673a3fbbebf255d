"""What every form's data gathering shares: who prints, privacy, and values as paper shows them.

Stored values become the text a form prints here, once: code labels, 是/否, fen as yuan
(services.history.display), and — unlike the history view's "（空）" — an empty string for a
missing value, which the kit prints as an empty box or a blank line to fill in by hand.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from dropout_ledger.errors import InputRefused, NotFound
from dropout_ledger.ledger import Ledger
from dropout_ledger.model import codes, identity
from dropout_ledger.model.access import Permission, may
from dropout_ledger.model.records import RECORD_KINDS
from dropout_ledger.model.student import STUDENT_SPECS
from dropout_ledger.render.kit import Form, Imprint
from dropout_ledger.services.history import display
from dropout_ledger.store.verify import fingerprint


@dataclass(frozen=True)
class Context:
    """One print job's fixed facts: the ledger, the footer imprint, today, what may be shown."""

    ledger: Ledger
    imprint: Imprint
    today: dt.date
    org: dict[str, Any]
    """The school's own fields (name, code, phone, principal, address)."""
    full_ids: bool = False
    """Print ID numbers and 学籍号 whole (only for an operator with FULL_IDS, on request)."""
    restricted: bool = False
    """The operator may see restricted fields (the family's economic category)."""

    def id_number(self, number: str | None) -> str:
        """The ID number as this print shows it: masked (first 6, last 4) by default."""
        if not number:
            return ""
        return number if self.full_ids else identity.mask_id_number(number)

    def xjh(self, number: str | None) -> str:
        """The 全国学籍号, masked like the ID number (a G number contains the whole ID)."""
        if not number:
            return ""
        return number if self.full_ids else identity.mask_xjh(number)


@dataclass(frozen=True)
class Built:
    """A form laid out and ready to render: the Form, how many rows it lists, for whom."""

    form: Form
    rows: int
    student_id: str = ""


def context(ledger: Ledger, *, full_ids: bool = False) -> Context:
    """The context of a print by the ledger's current operator; refuses unmasked IDs to roles
    that may not see them (domain.md §10)."""
    role = ledger.operator.role
    if full_ids and not may(role, Permission.FULL_IDS):
        raise InputRefused("当前操作员无权打印完整的身份证号和学籍号。打印件已默认隐去中间数字。")
    org = ledger.settings.entity(f"org:{ledger.org_id}")
    today = ledger.clock.today()
    imprint = Imprint(school=str(org.get("name") or ledger.org.name),
                      operator=ledger.operator.name, printed=today,
                      fingerprint=fingerprint(ledger.conn))
    return Context(ledger=ledger, imprint=imprint, today=today, org=org, full_ids=full_ids,
                   restricted=may(role, Permission.RESTRICTED))


def resolve_student(ledger: Ledger, given: str) -> dict[str, Any]:
    """The live pupil named by its internal id, its ID number or its 全国学籍号."""
    text = given.strip()
    if not text:
        raise InputRefused("请用 --student 指定学生（学生编号、身份证号或全国学籍号）。")
    student = ledger.queries.student(text)
    if student is None:
        code = identity.normalize_code(text)
        student = (ledger.queries.find_student(id_number=code)
                   or ledger.queries.find_student(xjh=code))
    # An ID number finds a pupil of any class: a class teacher prints only her own.
    if student is None or student["retracted"] or not ledger.queries.in_scope(student["id"]):
        raise NotFound(f"找不到学生“{text}”。请输入学生编号、18 位身份证号或全国学籍号。")
    return student


def student_value(student: dict[str, Any], field: str) -> str:
    """A student field as printed: its label or text, "" when missing (never "None")."""
    value = student.get(field)
    return shown(display(STUDENT_SPECS[field], value)) if _present(value) else ""


def record_value(kind: str, record: dict[str, Any] | None, field: str) -> str:
    """A record field as printed ("" when the record or the value is missing)."""
    if record is None or not _present(record.get(field)):
        return ""
    spec = RECORD_KINDS[kind].spec(field)
    return shown(display(spec, record[field]))


def shown(text: str) -> str:
    """history.display's "（空）" is a screen convention; paper shows a blank."""
    return "" if text == "（空）" else text


def _present(value: Any) -> bool:
    return value not in (None, "", [], {})


def grade_class(student: dict[str, Any]) -> str:
    """"五年级2班" (the 初一 alias of grades 7–9 left out: it is the same grade)."""
    grade = codes.label_of(codes.GRADES, str(student.get("grade") or "")).split("（")[0]
    return f"{grade}{student.get('class_name') or ''}"


def guardians_text(student: dict[str, Any], *, phones: bool) -> list[str]:
    """Each guardian as "王大明（父亲）", with the phone only where the form may show it."""
    out = []
    for guardian in student.get("guardians") or []:
        relation = codes.label_of(codes.GUARDIAN_RELATIONS, guardian.get("relation", ""))
        line = f"{guardian.get('name', '')}（{relation}）" if relation else guardian.get("name", "")
        if phones and guardian.get("phone"):
            line += f" {guardian['phone']}"
        out.append(line)
    return out


def special_groups(student: dict[str, Any]) -> list[str]:
    """The special-group flags of domain.md §5.1 #12, in the order the 台账 lists them."""
    groups = []
    left = student.get("left_behind") or "0"
    if left in ("1", "2"):
        groups.append("单亲留守" if left == "1" else "双亲留守")
    for field, text in (("orphan", "孤儿"), ("unsupported", "事实无人抚养"),
                        ("in_difficulty", "困境儿童"), ("migrant", "随迁子女")):
        if student.get(field):
            groups.append(text)
    if student.get("disability_type"):
        groups.append(codes.label_of(codes.DISABILITY_TYPES, student["disability_type"]))
    if student.get("inclusive"):
        groups.append("随班就读")
    if student.get("status") == "home_taught":
        groups.append("送教上门")
    return groups


def live(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Records that were not retracted."""
    return [r for r in rows if not r.get("retracted")]


def reason_labels(ledger: Ledger) -> dict[str, str]:
    """The county's dropout-reason dictionary (it may differ from the shipped one)."""
    return {entry["code"]: entry["label"] for entry in ledger.settings.profile()["dropout_reasons"]}


def reason_text(labels: dict[str, str], code: str | None, text: str | None) -> str:
    """"外出务工（在东莞）": the reason's label with the written explanation, either may be missing."""
    label = labels.get(code or "", code or "")
    if label and text:
        return f"{label}（{text}）"
    return label or text or ""
