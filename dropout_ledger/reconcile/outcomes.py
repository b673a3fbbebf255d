"""The school's answer for each row of a checked list, and the rows as the screen shows them.

Every answer is an event: the outcome (domain §2.5, `records.LIST_OUTCOMES`), the school a
child attends instead, the written evidence and its scans are `update`s of the row's
`list_check` record, so a changed answer is a new event, the row's history keeps the old one,
and Ctrl+Z takes it back. Confirming or rejecting a proposed match is an update too.

One outcome does more than answer the county: 已辍学 means a child of ours is out of school, so
the same transaction marks the pupil 疑似辍学 and then 辍学 under the status service's own rules,
which opens the case (一人一案): a dropout found by the county never stays only in a
spreadsheet. The other outcomes change no status: a transfer, a death or a suspension has its
own dialog and its own proof, and a list check is not that proof.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from dropout_ledger import canonical
from dropout_ledger.errors import InvalidTransition, NotFound, Problem, ValidationError
from dropout_ledger.model import codes
from dropout_ledger.model.changes import Changes
from dropout_ledger.model.fields import clean_many
from dropout_ledger.model.records import (
    LIST_OUTCOMES,
    MATCH_METHODS,
    NEEDS_CONFIRMATION,
    OUTCOMES_WITH_SCHOOL,
    RECORD_KINDS,
)
from dropout_ledger.model.status import Status, allowed
from dropout_ledger.services.edits import emit_update
from dropout_ledger.services.records import AttachmentFile, check_file, store_file

if TYPE_CHECKING:
    from dropout_ledger.ledger import Ledger, Writer

OUTCOMES = LIST_OUTCOMES
_SPECS = {spec.name: spec for spec in RECORD_KINDS["list_check"].fields}
_CHUNK = 500
# What an accepted pupil's status already says, for `mark_matched_by_status`.
_BY_STATUS = {Status.ENROLLED: "at_school", Status.RETURNED: "at_school",
              Status.HOME_TAUGHT: "home_teaching", Status.SUSPENDED: "suspended"}


@dataclass(frozen=True)
class Pupil:
    """A pupil of the roll as a list row shows it (numbers in full: mask them on display)."""

    student_id: str
    name: str
    grade: int
    class_name: str
    status: str
    id_number: str
    xjh: str
    birth_date: str

    @property
    def status_label(self) -> str:
        try:
            return Status(self.status).label
        except ValueError:
            return self.status or "资料不全"


@dataclass(frozen=True)
class CheckRow:
    """One stored list row: what the list said, how it matched, and the school's answer."""

    record_id: str
    list_row: int
    name: str
    id_number: str
    xjh: str
    birth_date: str
    method: str
    pupil: Pupil | None  # the accepted pupil
    candidates: tuple[Pupil, ...]  # pupils proposed to a person (同音, 多人, 号码不同)
    note: str
    outcome: str
    school: str
    evidence: str
    date: str
    attachments: tuple[str, ...]

    @property
    def accepted(self) -> bool:
        return self.pupil is not None

    @property
    def needs_confirmation(self) -> bool:
        return self.pupil is None and self.method in NEEDS_CONFIRMATION and bool(self.candidates)

    @property
    def method_label(self) -> str:
        return codes.label_of(MATCH_METHODS, self.method)

    @property
    def outcome_label(self) -> str:
        return codes.label_of(OUTCOMES, self.outcome) if self.outcome else ""

    def match_text(self) -> str:
        """匹配方式 as the county reads it: how, and whether a person confirmed or must."""
        text = self.method_label
        if self.pupil is not None:
            if self.method in NEEDS_CONFIRMATION:
                text += "，已人工确认"
            where = f"{self.pupil.grade}年级{self.pupil.class_name}" if self.pupil.grade else ""
            text += f"（本校{where}，{self.pupil.status_label}）"
        elif self.needs_confirmation:
            text += f"，待确认（{len(self.candidates)}名候选）"
        return text

    def outcome_text(self) -> str:
        """核查结果: the outcome, with the school for a transfer."""
        if not self.outcome:
            return ""
        return self.outcome_label + (f"：{self.school}" if self.school else "")


def list_rows(ledger: Ledger, list_id: str) -> list[CheckRow]:
    """The live rows of one list in the list's own order, each with its pupils (none for a
    class teacher: a county list names children of every class)."""
    if ledger.queries.scope is not None:
        return []
    cursor = ledger.conn.execute(
        "SELECT * FROM rec_list_check WHERE list_id = ? AND retracted = 0"
        " ORDER BY list_row, created_lc", (list_id,))
    names = [d[0] for d in cursor.description]
    records = [dict(zip(names, row, strict=True)) for row in cursor]
    candidates = {r["id"]: _decoded(r["candidates"]) for r in records}
    wanted = {r["student_id"] for r in records if r["student_id"]}
    wanted |= {c for found in candidates.values() for c in found}
    pupils = pupils_by_id(ledger, wanted)
    return [_row(r, candidates[r["id"]], pupils) for r in records]


def list_row(ledger: Ledger, record_id: str) -> CheckRow:
    """One live row, or NotFound."""
    record = ledger.queries.record("list_check", record_id)
    if record is None or record["retracted"]:
        raise NotFound(f"找不到名单中的这一行（编号 {record_id}），可能已被撤销。")
    found = _decoded(record["candidates"])
    wanted = set(found) | ({record["student_id"]} if record["student_id"] else set())
    return _row(record, found, pupils_by_id(ledger, wanted))


def _decoded(value: Any) -> list[str]:
    if isinstance(value, list):
        return [str(v) for v in value]
    return [str(v) for v in canonical.decode(value.encode())] if value else []


def _row(record: dict[str, Any], candidates: list[str], pupils: dict[str, Pupil]) -> CheckRow:
    attachments = record["attachments"] or []
    return CheckRow(
        record_id=record["id"], list_row=int(record["list_row"] or 0),
        name=record["name"] or "", id_number=record["id_number"] or "",
        xjh=record["xjh"] or "", birth_date=record["birth_date"] or "",
        method=record["match"] or "none", pupil=pupils.get(record["student_id"] or ""),
        candidates=tuple(pupils[c] for c in candidates if c in pupils),
        note=record["note"] or "", outcome=record["outcome"] or "",
        school=record["school"] or "", evidence=record["evidence"] or "",
        date=record["date"] or "", attachments=tuple(attachments),
    )


def pupils_by_id(ledger: Ledger, ids: Iterable[str]) -> dict[str, Pupil]:
    """Live pupils by id, fetched by primary key a chunk at a time."""
    wanted = sorted({i for i in ids if i})
    found: dict[str, Pupil] = {}
    for start in range(0, len(wanted), _CHUNK):
        chunk = wanted[start:start + _CHUNK]
        marks = ",".join("?" * len(chunk))
        for row in ledger.conn.execute(
                "SELECT id, name, grade, class_name, status, id_number, xjh, birth_date"
                f" FROM students WHERE id IN ({marks}) AND retracted = 0", chunk):
            found[row[0]] = Pupil(row[0], row[1] or "", row[2] or 0, row[3] or "", row[4] or "",
                                  row[5] or "", row[6] or "", row[7] or "")
    return found


# --- matches --------------------------------------------------------------------------------


def confirm_match(ledger: Ledger, record_id: str, student_id: str) -> Changes:
    """Accept a proposed pupil, or name one by hand (匹配方式 becomes 人工指定)."""
    row = list_row(ledger, record_id)
    ledger.students.require(student_id)
    values: dict[str, Any] = {"student_id": student_id}
    if student_id not in {c.student_id for c in row.candidates}:
        values["match"] = "manual"
    with ledger.write() as w:
        emit_update(w, f"list_check:{record_id}", values)
        w.changes.students.add(student_id)
        w.changes.flags.add("records")
        return w.changes.freeze()


def reject_match(ledger: Ledger, record_id: str) -> Changes:
    """Say the proposed or accepted pupil is not this child: the row is unmatched again."""
    row = list_row(ledger, record_id)
    with ledger.write() as w:
        emit_update(w, f"list_check:{record_id}",
                    {"student_id": "", "candidates": [], "match": "rejected"})
        if row.pupil is not None:
            w.changes.students.add(row.pupil.student_id)
        w.changes.flags.add("records")
        return w.changes.freeze()


# --- outcomes -------------------------------------------------------------------------------


def record_outcome(
    ledger: Ledger, record_id: str, outcome: str, *, evidence: str, school: str = "",
    date: str | dt.date | None = None, attachments: Sequence[str] = (),
    files: Sequence[tuple[str, bytes]] = (), reason_code: str = "", reason_text: str = "",
) -> Changes:
    """Record (or change) the school's answer for one row, with its evidence.

    `outcome` is a code or label of `OUTCOMES`; `evidence` (核查说明) is always required — the
    county strikes a name off on its strength; `school` is required for a transfer or study
    elsewhere. `files` are (name, bytes) scans stored with the answer; `attachments` digests
    already stored. 已辍学 needs an accepted pupil and a dropout reason (`reason_code` from the
    county's dictionary): the pupil becomes 疑似辍学 then 辍学 on `date`, opening a case.
    """
    row = list_row(ledger, record_id)
    today = ledger.clock.today()
    values = _clean_answer(row, outcome, evidence, school, date or today, attachments, today)
    checked = _check_files(files)
    values["attachments"] = sorted({*values.get("attachments", []), *(f.digest for f in checked)})
    dropout = _dropout_steps(ledger, row, values, reason_code, reason_text) \
        if values["outcome"] == "dropped_out" else None
    with ledger.write() as w:
        for file in checked:
            store_file(w, file)
        if dropout is not None:
            _mark_dropped_out(ledger, w, row, values, dropout, reason_code, reason_text)
        emit_update(w, f"list_check:{record_id}", values)
        if row.pupil is not None:
            w.changes.students.add(row.pupil.student_id)
        w.changes.flags.add("records")
        return w.changes.freeze()


def _clean_answer(
    row: CheckRow, outcome: str, evidence: str, school: str, date: str | dt.date,
    attachments: Sequence[str], today: dt.date,
) -> dict[str, Any]:
    problems: list[Problem] = []
    values = clean_many(_SPECS, {
        "outcome": outcome, "evidence": evidence, "school": school,
        "date": date.isoformat() if isinstance(date, dt.date) else date,
        "attachments": list(attachments)}, today=today)
    if not values["outcome"]:
        problems.append(Problem("outcome", "请选择核查结果"))
    if not values["evidence"]:
        problems.append(Problem(
            "evidence", "核查说明不能为空",
            "写明依据，例如：本校在读，班主任已核实；接收学校出具的在读证明；派出所证明"))
    if values["outcome"] in OUTCOMES_WITH_SCHOOL and not values["school"]:
        problems.append(Problem("school", "转学或在外地就读须写明就读学校",
                                "例如：石桥镇中心学校（省内）"))
    if values["outcome"] not in OUTCOMES_WITH_SCHOOL:
        values["school"] = ""
    if values["outcome"] == "dropped_out" and row.pupil is None:
        problems.append(Problem(
            "outcome", "名单中的这名儿童还没有对应到本校学生，不能在本校标为辍学",
            "请先确认匹配的学生；不是本校学生的，请选择“不属实或非本校学生”并写明情况"))
    if problems:
        raise ValidationError(problems)
    return values


def _check_files(files: Sequence[tuple[str, bytes]]) -> list[AttachmentFile]:
    checked, problems = [], []
    for name, data in files:
        try:
            checked.append(check_file(data, name))
        except ValidationError as error:
            problems += error.problems
    if problems:
        raise ValidationError(problems)
    return checked


def _dropout_steps(
    ledger: Ledger, row: CheckRow, values: dict[str, Any], reason_code: str, reason_text: str,
) -> list[Status]:
    """The status moves 已辍学 needs (checked before anything is written)."""
    assert row.pupil is not None
    student = ledger.students.require(row.pupil.student_id)
    current = Status(student["status"]) if student["status"] else None
    if current == Status.DROPPED_OUT:
        return []
    steps = [Status.DROPPED_OUT] if current == Status.SUSPECTED else \
        [Status.SUSPECTED, Status.DROPPED_OUT]
    if current is None or not allowed(current, steps[0]):
        label = current.label if current else "资料不全"
        raise InvalidTransition(
            f"{student['name']}在台账中的状态是“{label}”，不能标为辍学。"
            "如该生确已辍学，请先在学生页面核对并更正其状态。")
    ledger.status._reason(reason_code, reason_text)  # the county's dictionary, as a dialog checks
    if student.get("status_date") and values["date"] < student["status_date"]:
        raise ValidationError(Problem(
            "date", f"核查日期 {values['date']} 早于该生当前状态的日期 {student['status_date']}",
            "请填写当前状态之后的日期"))
    return steps


def _mark_dropped_out(
    ledger: Ledger, w: Writer, row: CheckRow, values: dict[str, Any], steps: list[Status],
    reason_code: str, reason_text: str,
) -> None:
    assert row.pupil is not None
    student_id = row.pupil.student_id
    for step in steps:
        student = ledger.queries.student(student_id)
        assert student is not None
        current = Status(student["status"]) if student["status"] else None
        ledger.status._emit(
            w, student_id, current, step, values["date"], reason_code, reason_text.strip(),
            None, f"名单核查：第{row.list_row}行，{values['evidence']}",
            case_id=student.get("case_id"))


def mark_matched_by_status(ledger: Ledger, list_id: str) -> Changes:
    """Answer, in one step, every accepted row without an answer whose pupil's status already
    says it: 在校 / 复学 → 核实在本校就读, 送教上门, 休学. Cases (疑似辍学, 辍学) and pupils who
    have left are left for a person. The evidence names the ledger status it rests on."""
    today = ledger.clock.today().isoformat()
    todo = []
    for row in list_rows(ledger, list_id):
        if row.pupil is None or row.outcome:
            continue
        try:
            outcome = _BY_STATUS.get(Status(row.pupil.status))
        except ValueError:
            outcome = None
        if outcome is not None:
            evidence = f"学籍在本校（{row.pupil.grade}年级{row.pupil.class_name}），" \
                       f"台账状态为“{row.pupil.status_label}”，已与台账核对"
            todo.append((row, {"outcome": outcome, "evidence": evidence, "date": today}))
    with ledger.write() as w:
        for row, values in todo:
            emit_update(w, f"list_check:{row.record_id}", values)
            assert row.pupil is not None
            w.changes.students.add(row.pupil.student_id)
        if todo:
            w.changes.flags.add("records")
        return w.changes.freeze()


def retract_list(ledger: Ledger, list_id: str, reason: str) -> Changes:
    """Withdraw a whole list imported by mistake (every row retracted; answers stay in history)."""
    if not reason.strip():
        raise ValidationError(Problem("reason", "撤销原因不能为空", "请写明为什么撤销这份名单"))
    rows = list_rows(ledger, list_id)
    if not rows:
        raise NotFound("找不到这份核查名单，或它已被撤销。")
    with ledger.write() as w:
        for row in rows:
            w.emit("retract", f"list_check:{row.record_id}", {"reason": reason.strip()})
            if row.pupil is not None:
                w.changes.students.add(row.pupil.student_id)
        w.changes.flags.add("records")
        return w.changes.freeze()


@dataclass(frozen=True)
class Progress:
    """How far a list's check has got (for the page's header and the command line)."""

    rows: int
    accepted: int
    pending: int
    unmatched: int
    answered: int
    dropped_out: int


def progress_of(rows: Sequence[CheckRow]) -> Progress:
    return Progress(
        rows=len(rows), accepted=sum(1 for r in rows if r.accepted),
        pending=sum(1 for r in rows if r.needs_confirmation),
        unmatched=sum(1 for r in rows if not r.accepted and not r.needs_confirmation),
        answered=sum(1 for r in rows if r.outcome),
        dropped_out=sum(1 for r in rows if r.outcome == "dropped_out"),
    )


__all__ = [
    "OUTCOMES", "CheckRow", "Progress", "Pupil", "confirm_match", "list_row", "list_rows",
    "mark_matched_by_status", "progress_of", "pupils_by_id", "record_outcome", "reject_match",
    "retract_list",
]
