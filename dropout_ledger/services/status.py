"""Status changes: the transition table, reasons, effective dates, cases and 销号 closures.

Entering 疑似辍学 or 辍学 from any other status opens a case (一人一案); moving from 疑似辍学 to
辍学 keeps the same case; leaving a case status for anything else closes it (销号) and needs a
closure reason plus written evidence. A wrong status is retracted, never overwritten.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from dropout_ledger.errors import InvalidTransition, NotFound, Problem, ValidationError
from dropout_ledger.model import codes
from dropout_ledger.model.changes import Changes
from dropout_ledger.model.fields import FieldSpec, clean
from dropout_ledger.model.status import NEEDS_DROPOUT_REASON, Status, allowed, is_closure
from dropout_ledger.store import projections

if TYPE_CHECKING:
    from dropout_ledger.ledger import Ledger, Writer

_DATE = FieldSpec("effective_date", "生效日期", "date", required=True)
_CLOSURE = FieldSpec("closure_reason", "销号原因", "code", required=True,
                     table=codes.CLOSURE_REASONS)


class StatusService:
    """Move students between statuses under the transition table."""

    def __init__(self, ledger: Ledger) -> None:
        self._ledger = ledger

    def initial(
        self, w: Writer, student_id: str, status: Status, *,
        effective_date: str | dt.date | None, reason_code: str = "", reason_text: str = "",
    ) -> None:
        """The first status of a student being registered (inside the caller's transaction)."""
        if not allowed(None, status):
            raise InvalidTransition(
                f"新登记的学生不能直接设为“{status.label}”。"
                "请先登记为在校（或休学、送教上门、疑似辍学、辍学），再按实际情况变更。"
            )
        date = clean(_DATE, effective_date or w.today, today=w.today)
        self._emit(w, student_id, None, status, date, reason_code, reason_text, None, "")

    def change(
        self, student_id: str, to: Status, *, effective_date: str | dt.date | None = None,
        reason_code: str = "", reason_text: str = "", closure_reason: str = "",
        closure_evidence: str = "", attachments: Sequence[str] = (), note: str = "",
    ) -> Changes:
        """Record a status change that a person decided, effective on the date they typed."""
        student = self._ledger.students.require(student_id)
        today = self._ledger.clock.today()
        current = Status(student["status"]) if student["status"] else None
        if not allowed(current, to):
            raise InvalidTransition(_refusal(current, to))
        date = clean(_DATE, effective_date or today, today=today)
        _check_date(date, student)
        closure = None
        if is_closure(current, to):
            closure = _closure(closure_reason, closure_evidence, list(attachments))
        with self._ledger.write() as w:
            self._emit(w, student_id, current, to, date, reason_code, reason_text, closure, note,
                       case_id=student.get("case_id"))
            return w.changes.freeze()

    def retract(self, status_eid: str, reason: str) -> Changes:
        """Withdraw a status entered by mistake; the student falls back to the previous one."""
        row = self._ledger.conn.execute(
            "SELECT student_id, retracted FROM status_facts WHERE eid = ?", (status_eid,)
        ).fetchone()
        if row is None or row[1]:
            raise NotFound("找不到这条状态记录，或它已被撤销。")
        if not reason.strip():
            raise ValidationError(Problem("reason", "撤销原因不能为空", "请写明为什么撤销"))
        facts = [f for f in self._ledger.queries.status_history(row[0]) if not f["retracted"]]
        if len(facts) == 1:
            raise InvalidTransition("这是该学生唯一的状态记录，不能撤销。如学生登记有误，请撤销整个学生。")
        with self._ledger.write() as w:
            w.emit("retract", f"student:{row[0]}", {"target": status_eid, "reason": reason.strip()})
            w.changes.students.add(row[0])
            w.changes.flags.update({"status", "roster"})
            return w.changes.freeze()

    def _emit(
        self, w: Writer, student_id: str, current: Status | None, to: Status, date: str,
        reason_code: str, reason_text: str, closure: dict[str, Any] | None, note: str,
        case_id: str | None = None,
    ) -> None:
        if to in NEEDS_DROPOUT_REASON:
            reason_code, reason_text = self._reason(reason_code, reason_text)
        if to.is_case and not (current and current.is_case):
            case_id = self._open_case(w, student_id, date, reason_code, reason_text)
        elif not (current and current.is_case):
            case_id = None
        # Every tip of the log this author saw: a new fact after a status conflict ends it.
        tips = sorted(eid for eid, _ in projections.status_heads(w.conn, student_id))
        body = {
            "student_id": student_id, "code": to.value, "effective_date": date,
            "reason_code": reason_code, "reason_text": reason_text, "case_id": case_id or "",
            "closure": closure, "note": note.strip(), "base": tips,
        }
        w.emit("status", f"student:{student_id}", body)
        w.changes.students.add(student_id)
        w.changes.flags.update({"status", "roster"})

    def _reason(self, code: str, text: str) -> tuple[str, str]:
        table = self._ledger.settings.profile()["dropout_reasons"]
        known = {entry["code"]: entry["label"] for entry in table}
        if code not in known:
            choices = "、".join(f"{c} {label}" for c, label in list(known.items())[:13])
            raise ValidationError(Problem(
                "reason_code", f"辍学原因代码“{code}”无效" if code else "须填写辍学原因",
                f"可选：{choices}",
            ))
        if code == "99" and not text.strip():
            raise ValidationError(Problem("reason_text", "选择“其他”时须写明原因", "请补充原因说明"))
        return code, text.strip()

    def _open_case(
        self, w: Writer, student_id: str, date: str, reason_code: str, reason_text: str
    ) -> str:
        from dropout_ledger.services.records import emit_add

        fields = {"student_id": student_id, "opened_date": date, "reason_code": reason_code,
                  "reason_text": reason_text}
        return emit_add(w, "case", fields)


def _refusal(current: Status | None, to: Status) -> str:
    if current is None:
        return f"学生没有当前状态，不能变更为“{to.label}”。"
    if current == to:
        return f"学生当前已经是“{to.label}”，无需变更。"
    if current == Status.ENROLLED and to == Status.DROPPED_OUT:
        return "在校学生不能直接标为辍学：请先标记为“疑似辍学”并核实（可以是同一天），再确认辍学。"
    from dropout_ledger.model.status import TRANSITIONS

    targets = "、".join(s.label for s in Status if s in TRANSITIONS[current])
    if not targets:
        return (f"“{current.label}”是终结状态，不能再变更。"
                "如果登记有误，请撤销那条状态记录。")
    return f"不能从“{current.label}”变更为“{to.label}”。可以变更为：{targets}。"


def _check_date(date: str, student: dict[str, Any]) -> None:
    if student.get("status_date") and date < student["status_date"]:
        raise ValidationError(Problem(
            "effective_date", f"生效日期 {date} 早于当前状态的日期 {student['status_date']}",
            "请填写当前状态之后的日期；如当前状态登记有误，请先撤销它",
        ))
    if student.get("birth_date") and date < student["birth_date"]:
        raise ValidationError(Problem("effective_date", f"生效日期 {date} 早于出生日期"))


def _closure(reason: str, evidence: str, attachments: list[str]) -> dict[str, Any]:
    code = clean(_CLOSURE, reason, today=dt.date.min)  # a code field ignores dates
    if not evidence.strip():
        raise ValidationError(Problem(
            "closure_evidence", "销号须写明依据", "例如：接收学校出具的在读证明、派出所证明",
        ))
    return {"reason": code, "evidence": evidence.strip(), "attachments": sorted(attachments)}
