"""The merge report a principal or clerk reads after an import (sync.md §c.9 step 9).

Per sender, then per pupil: who is new, which fields changed, which status, which records were
added or withdrawn, and which conflicts the import opened. Names are shortened to the family
name and the last character (张*明) and ID numbers never appear: the report is saved to disk.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from dropout_ledger.model.records import RECORD_KINDS
from dropout_ledger.model.status import Status
from dropout_ledger.model.student import STUDENT_SPECS
from dropout_ledger.store import sqlite as sqlite3
from dropout_ledger.sync.merge import MergeResult
from dropout_ledger.sync.wire import WireEvent


@dataclass(frozen=True)
class MergeReport:
    headline: str
    text: str
    pupils: dict[str, list[str]]
    """Student id → what happened to that pupil, one Chinese phrase per change."""


def short_name(name: str) -> str:
    """张*明 for 张小明, 张* for 张明: recognisable to the principal, not to a finder."""
    if len(name) <= 2:
        return name[:1] + "*"
    return name[0] + "*" * (len(name) - 2) + name[-1]


def describe(
    conn: sqlite3.Connection, header: dict[str, Any], new: Sequence[WireEvent],
    result: MergeResult,
) -> MergeReport:
    """Build the report from the events that were new to this ledger."""
    pupils: dict[str, list[str]] = defaultdict(list)
    for event in new:
        student, phrase = _phrase(conn, event)
        if student and phrase and phrase not in pupils[student]:
            pupils[student].append(phrase)
    sender = header["from"]
    headline = (
        f"来自{sender.get('name', '')}（{sender['org']}）：新增记录 {result.new_events} 条，"
        f"已有 {result.duplicate_events} 条，涉及学生 {len(pupils)} 人，"
        f"待核对冲突 {result.conflicts_total} 项"
    )
    lines = [headline]
    if result.forks:
        lines.append(f"发现 {len(result.forks)} 处记录分叉（同一台电脑的数据被复制或从旧备份恢复），两边的记录都已保留，请核对。")
    for student, phrases in sorted(pupils.items(), key=lambda kv: _label(conn, kv[0])):
        lines.append(f"  {_label(conn, student)}：" + "；".join(phrases))
    return MergeReport(headline, "\n".join(lines), dict(pupils))


def _label(conn: sqlite3.Connection, student_id: str) -> str:
    row = conn.execute(
        "SELECT name, grade, class_name FROM students WHERE id = ?", (student_id,)
    ).fetchone()
    if row is None:
        return "（资料不全的学生）"
    name, grade, class_name = row
    where = f"{grade}年级{class_name or ''}" if grade else ""
    return f"{short_name(name or '')}（{where}）" if where else short_name(name or "")


def _phrase(conn: sqlite3.Connection, event: WireEvent) -> tuple[str, str]:
    header, body = event.header, event.body_obj or {}
    kind = header["kind"]
    prefix, _, rest = str(header["ent"]).partition(":")
    if prefix == "student":
        if kind == "student_create":
            return rest, "新增学生"
        if kind == "update":
            labels = [STUDENT_SPECS[f].label for f in body.get("fields", {}) if f in STUDENT_SPECS]
            return rest, "更改" + "、".join(labels) if labels else ""
        if kind == "retract":
            return rest, "撤销学生记录"
    if kind == "status":
        try:
            label = Status(body.get("code", "")).label
        except ValueError:
            label = str(body.get("code", ""))
        return str(body.get("student_id", "")), f"状态：{label}（{body.get('effective_date', '')}）"
    if prefix in RECORD_KINDS:
        student = (body.get("fields") or {}).get("student_id") or _record_student(conn, prefix, rest)
        verb = {"record_add": "新增", "update": "修改", "retract": "撤回"}.get(kind, "")
        return str(student or ""), f"{verb}{RECORD_KINDS[prefix].label}" if verb else ""
    return "", ""


def _record_student(conn: sqlite3.Connection, kind: str, record_id: str) -> str:
    row = conn.execute(f"SELECT student_id FROM rec_{kind} WHERE id = ?", (record_id,)).fetchone()
    return str(row[0]) if row else ""


