"""Students: registering, editing and retracting them, one school at a time.

A student is created with an initial status in the same transaction, so no student ever exists
without one. Within one school an ID number or 学籍号 belongs to one live student only.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from dropout_ledger.errors import DuplicateStudent, NotFound, Problem, ValidationError
from dropout_ledger.ids import new_id
from dropout_ledger.model.changes import Changes
from dropout_ledger.model.identity import mask_id_number
from dropout_ledger.model.status import Status
from dropout_ledger.model.student import clean_student_fields, complete_identity
from dropout_ledger.services.edits import emit_update
from dropout_ledger.store.queries import ClassScope

if TYPE_CHECKING:
    from dropout_ledger.ledger import Ledger, Writer


class StudentService:
    """Register, edit and retract students."""

    def __init__(self, ledger: Ledger) -> None:
        self._ledger = ledger

    def add(
        self, fields: Mapping[str, Any], *, status: Status = Status.ENROLLED,
        effective_date: str | dt.date | None = None, reason_code: str = "",
        reason_text: str = "",
    ) -> Changes:
        """Register one student with an initial status; returns Changes with its id in `created`."""
        return self.add_many(
            [fields], status=status, effective_date=effective_date, reason_code=reason_code,
            reason_text=reason_text,
        )

    def add_many(
        self, many: Iterable[Mapping[str, Any]], *, status: Status = Status.ENROLLED,
        effective_date: str | dt.date | None = None, reason_code: str = "",
        reason_text: str = "",
    ) -> Changes:
        """Register several students in one transaction: all of them, or none."""
        with self._ledger.write() as w:
            for row, fields in enumerate(many, start=1):
                try:
                    self._add_one(w, fields, status, effective_date, reason_code, reason_text)
                except ValidationError as error:
                    if row > 1 or len(error.problems) > 1:
                        raise ValidationError(
                            [Problem(p.field, p.reason, p.fix, row) for p in error.problems]
                        ) from None
                    raise
            return w.changes.freeze()

    def _add_one(
        self, w: Writer, raw: Mapping[str, Any], status: Status,
        effective_date: str | dt.date | None, reason_code: str, reason_text: str,
    ) -> str:
        fields = clean_student_fields(raw, today=w.today)
        fields, warnings = complete_identity(fields, today=w.today)
        scope = self._ledger.queries.scope
        if isinstance(scope, ClassScope) and (fields.get("grade"), fields.get("class_name") or "") != (
                scope.grade, scope.class_name):
            raise ValidationError(Problem(
                "class_name", f"班主任账户只能登记本班（{scope.grade}年级{scope.class_name}）的学生",
                "其他班的学生请由该班班主任或学籍管理员登记"))
        self._refuse_duplicate(fields, None)
        student_id = self.register_checked(
            w, fields, status=status, effective_date=effective_date, reason_code=reason_code,
            reason_text=reason_text,
        )
        w.changes.warnings.extend(warnings)
        return student_id

    def register_checked(
        self, w: Writer, fields: Mapping[str, Any], *, status: Status = Status.ENROLLED,
        effective_date: str | dt.date | None = None, reason_code: str = "",
        reason_text: str = "",
    ) -> str:
        """Register one student whose fields are already cleaned and checked, inside `w`.

        For the roster import, which cleans every row with `clean_student_fields` and
        `complete_identity` and checks duplicates against the file and the ledger *before*
        writing, and applies the plan only to the ledger state it was checked against; cleaning
        150,000 rows a second time inside the transaction would double the import's time.
        """
        student_id = new_id()
        w.emit("student_create", f"student:{student_id}", {"fields": dict(fields)})
        self._ledger.status.initial(
            w, student_id, status, effective_date=effective_date, reason_code=reason_code,
            reason_text=reason_text,
        )
        w.changes.students.add(student_id)
        w.changes.created.append(student_id)
        w.changes.flags.update({"roster", "status"})
        return student_id

    def edit(self, student_id: str, values: Mapping[str, Any]) -> Changes:
        """Change some fields of a student; unchanged values make no event."""
        current = self.require(student_id)
        today = self._ledger.clock.today()
        cleaned = clean_student_fields(values, today=today)
        merged = {k: v for k, v in current.items() if v not in (None, "")} | cleaned
        merged, warnings = complete_identity(merged, today=today)
        for derived in ("sex", "birth_date", "id_type"):
            if merged.get(derived) != current.get(derived):
                cleaned[derived] = merged[derived]
        self._refuse_duplicate(merged, student_id)
        with self._ledger.write() as w:
            if emit_update(w, f"student:{student_id}", cleaned) is not None:
                w.changes.students.add(student_id)
                w.changes.flags.add("roster")
            w.changes.warnings.extend(warnings)
            return w.changes.freeze()

    def retract(self, student_id: str, reason: str) -> Changes:
        """Withdraw a student entered by mistake (the history keeps the entry and the reason)."""
        self.require(student_id)
        if not reason.strip():
            raise ValidationError(Problem("reason", "撤销原因不能为空", "请写明为什么撤销这条记录"))
        with self._ledger.write() as w:
            w.emit("retract", f"student:{student_id}", {"reason": reason.strip()})
            w.changes.students.add(student_id)
            w.changes.flags.add("roster")
            return w.changes.freeze()

    def require(self, student_id: str) -> dict[str, Any]:
        """The live student, or NotFound."""
        student = self._ledger.queries.student(student_id)
        if student is None or student["retracted"]:
            raise NotFound(f"找不到学生（编号 {student_id}），可能已被撤销。")
        return student

    def _refuse_duplicate(self, fields: Mapping[str, Any], own_id: str | None) -> None:
        for key, label in (("id_number", "身份证号"), ("xjh", "全国学籍号")):
            value = fields.get(key)
            if not value:
                continue
            other = self._ledger.queries.find_student(**{key: value})
            if other is not None and other["id"] != own_id:
                shown = mask_id_number(value) if key == "id_number" else value[:7] + "…"
                raise DuplicateStudent(
                    f"{label} {shown} 已登记给 {other['name']}（{other['grade']}年级"
                    f"{other['class_name'] or ''}），同一学校不能重复登记。"
                    "请核对证件号码；如果是同一人，请直接修改原有记录。"
                )
