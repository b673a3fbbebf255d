"""County decisions and the notices they become at the schools (sync.md §c.5, §c.11, §c.12).

A county decision is one `decision` event (county-only kind) on `decision:<uuid>` whose body
names the schools it concerns (`schools`). The exporter sends it to each of them (`concerns`),
and at a school it is a *notice*: a Chinese sentence about the school's own pupil, to read and
acknowledge. Three topics:

* `identity` — the clerk's answer to an identity-queue case (`sync.identity.decide`): which
  school the child is at, not the same child, or a transfer verified;
* `fork` — the county saw two branches of one of the school's replicas (a cloned disk, a
  ledger restored outside the app together with its marker); the package carrying it is full,
  and the school's app starts a new replica on reading it (`retire_forked`);
* `dispute` — the clerk's answer to the school's 提出异议 (`services.disputes.answer`).

Acknowledging is an `audit` event of the school (`notice_read`), so the county sees, after the
next package, that the school has read it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from dropout_ledger import canonical
from dropout_ledger.errors import NotFound
from dropout_ledger.ids import new_id
from dropout_ledger.model.changes import Changes

if TYPE_CHECKING:
    from dropout_ledger.ledger import Ledger, Writer

KIND = "decision"
PREFIX = "decision:"

OUTCOMES: Mapping[str, str] = {
    "at_a": "确认在甲校",
    "at_b": "确认在乙校",
    "not_same": "不是同一人",
    "transfer_verified": "转学已核实",
}
"""The four answers to an identity case; 甲校 is the case's first school (`schools[0]`)."""


def concerns(body: Mapping[str, Any], school: str) -> bool:
    """Whether a decision belongs in `school`'s package: it names the school."""
    schools = body.get("schools")
    return isinstance(schools, list) and school in schools


def emit_fork_notice(w: Writer, school: str, slots: Iterable[tuple[str, int]], *,
                     clerk: str) -> str:
    """Write the fork notice for `school` (inside the exporter's transaction); its entity.

    Nothing is written when a notice for exactly these slots exists already (an export that
    failed after making it leaves the flag raised; the next one must not say it twice).
    """
    listed = [[rep, seq] for rep, seq in sorted(set(slots))]
    for (body,) in w.conn.execute(
        "SELECT body FROM events WHERE ent >= ? AND ent < ? AND kind = ? AND body IS NOT NULL",
        (PREFIX, "decision;", KIND),
    ):
        data = canonical.decode(body, checked=False)
        if data.get("topic") == "fork" and data.get("schools") == [school] \
                and data.get("slots") == listed:
            return ""
    ent = f"{PREFIX}{new_id()}"
    w.emit(KIND, ent, {
        "topic": "fork", "schools": [school], "replicas": sorted({rep for rep, _ in listed}),
        "slots": listed, "clerk": clerk,
    })
    return ent


@dataclass(frozen=True)
class Notice:
    """One county decision as the school sees it."""

    eid: str
    ent: str
    topic: str
    outcome: str
    text: str
    wall: str
    """The county's claimed time of the decision (display only)."""
    student_id: str
    """This school's pupil the decision is about ("" for a fork notice)."""
    acknowledged: bool
    note: str = ""

    @property
    def day(self) -> str:
        return self.wall[:10]


def _decision_rows(ledger: Ledger) -> list[tuple[str, str, dict[str, Any], dict[str, Any]]]:
    """(eid, ent, header, body) of every county decision held, oldest first."""
    rows = ledger.conn.execute(
        "SELECT eid, ent, hdr, body FROM events WHERE ent >= ? AND ent < ? AND kind = ?"
        " AND org LIKE 'C:%' ORDER BY lc, eid", (PREFIX, "decision;", KIND))
    return [(str(eid), str(ent), canonical.decode(hdr, checked=False),
             canonical.decode(body, checked=False) if body is not None else {})
            for eid, ent, hdr, body in rows]


def read_notices(ledger: Ledger) -> set[str]:
    """Event ids of the decisions this ledger has acknowledged."""
    rows = ledger.conn.execute(
        "SELECT body FROM events WHERE ent = 'ledger' AND kind = 'audit' AND org = ?",
        (ledger.org_id,))
    read = set()
    for (body,) in rows:
        data = canonical.decode(body, checked=False) if body is not None else {}
        if data.get("action") == "notice_read":
            read.add(str(data.get("notice", "")))
    return read


def read_by(ledger: Ledger) -> dict[str, set[str]]:
    """County side: decision event id → the schools whose acknowledgement has arrived."""
    out: dict[str, set[str]] = {}
    for org, body in ledger.conn.execute(
            "SELECT org, body FROM events WHERE ent = 'ledger' AND kind = 'audit'"
            " AND org LIKE 'S:%'"):
        data = canonical.decode(body, checked=False) if body is not None else {}
        if data.get("action") == "notice_read":
            out.setdefault(str(data.get("notice", "")), set()).add(str(org))
    return out


def notices(ledger: Ledger) -> list[Notice]:
    """The county's decisions naming this school, newest first, as sentences about its pupils."""
    own = ledger.org_id
    read = read_notices(ledger)
    out = []
    for eid, ent, header, body in _decision_rows(ledger):
        if not concerns(body, own):
            continue
        student, text = _text(ledger, body, own)
        out.append(Notice(eid, ent, str(body.get("topic", "")), str(body.get("outcome", "")),
                          text, str(header.get("wall", "")), student, eid in read,
                          str(body.get("note", ""))))
    out.reverse()
    return out


def acknowledge(ledger: Ledger, eid: str) -> Changes:
    """Record that this school has read the notice `eid` (an audit event, travels to the county)."""
    if not any(n.eid == eid for n in notices(ledger)):
        raise NotFound("找不到这条县里的通知。")
    with ledger.write() as w:
        w.emit("audit", "ledger", {"action": "notice_read", "notice": eid})
        w.changes.flags.add("profile")
        return w.changes.freeze()


def _pupil_name(ledger: Ledger, student_id: str) -> str:
    row = ledger.conn.execute("SELECT name FROM students WHERE id = ?", (student_id,)).fetchone()
    return str(row[0]) if row and row[0] else "（该生）"


def _dispute_text(ledger: Ledger, body: Mapping[str, Any]) -> tuple[str, str]:
    """(the pupil, the sentence) of the county's answer to the school's 提出异议."""
    students = list(body.get("students", []))
    pupil = str(students[0]) if students else ""
    who, label = _pupil_name(ledger, pupil), str(body.get("label", ""))
    value, reply = str(body.get("value", "")), str(body.get("reply", ""))
    if body.get("outcome") == "accepted":
        return pupil, f"县教育局采纳了本校对{who}“{label}”的异议，已改为“{value}”。答复：{reply}"
    return pupil, f"县教育局维持对{who}“{label}”的更正（“{value}”）。答复：{reply}"


def _text(ledger: Ledger, body: Mapping[str, Any], own: str) -> tuple[str, str]:
    """(this school's pupil, the notice sentence) for one decision."""
    if body.get("topic") == "fork":
        return "", ("县教育局发现本校台账出现分叉（同一台账被复制到两台电脑，或连同标记一起从旧备份恢复）。"
                    "两边的记录县里都已保留并全部发回；本机已改用新的副本继续记录。请核对近期录入的学生记录。")
    if body.get("topic") == "dispute":
        return _dispute_text(ledger, body)
    schools: list[str] = list(body.get("schools", []))
    students: list[str] = list(body.get("students", []))
    names: list[str] = list(body.get("school_names", schools))
    mine = schools.index(own)
    other = 1 - mine if len(schools) == 2 else mine
    pupil = students[mine] if mine < len(students) else ""
    who, there = _pupil_name(ledger, pupil), names[other] if other < len(names) else ""
    outcome = body.get("outcome")
    if outcome in ("at_a", "at_b"):
        here = (outcome == "at_a") == (mine == 0)
        if here:
            return pupil, f"县教育局核定：{who}确认在本校就读；{there}的重复学籍由该校处理。"
        return pupil, (f"县教育局核定：{who}在{there}就读，不在本校。"
                       "请核实后将本校记录改为转出，或撤销这条重复的学生记录。")
    if outcome == "not_same":
        return pupil, (f"县教育局核定：本校的{who}与{there}的学生不是同一人，"
                       "两人身份证号或学籍号相同，可能有一方录错，请核对原件。")
    if outcome == "transfer_verified":
        if mine == 0:
            return pupil, f"县教育局已核实：{who}已转入{there}，转学手续完整。"
        return pupil, f"县教育局已核实：{who}由{there}转入本校。"
    return pupil, "县教育局发来一项决定。"
