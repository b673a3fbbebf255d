"""Gathers one pupil's 结对帮扶记录表 (render/forms/pairing.py): every live pairing and its log."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from dropout_ledger.errors import InputRefused
from dropout_ledger.printing.common import (
    Built,
    Context,
    grade_class,
    live,
    record_value,
    resolve_student,
    student_value,
)
from dropout_ledger.render.forms.pairing import PairingData, PairingLog, PairingSection, draw


def build(ctx: Context, given: str) -> Built:
    student = resolve_student(ctx.ledger, given)
    form, rows = draw(gather(ctx, student), ctx.imprint)
    return Built(form, rows, student["id"])


def sections(ctx: Context, sid: str) -> list[PairingSection]:
    """The pupil's pairings, oldest first, each with its live log entries by date."""
    queries = ctx.ledger.queries
    logs: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for log in live(queries.records("pairing_log", student_id=sid)):
        logs[log["pairing_id"]].append(log)
    pairings = sorted(live(queries.records("pairing", student_id=sid)),
                      key=lambda p: str(p.get("start_date") or ""))
    return [PairingSection(
        teacher=str(p.get("teacher") or ""), start=str(p.get("start_date") or ""),
        kind=record_value("pairing", p, "kind"), goal=str(p.get("goal") or ""),
        entries=[PairingLog(date=str(e["date"]), mode=str(e.get("mode") or ""),
                            content=str(e.get("content") or ""),
                            change=str(e.get("change") or ""),
                            next_step=str(e.get("next_step") or ""))
                 for e in sorted(logs.get(p["id"], []), key=lambda e: str(e["date"]))])
        for p in pairings]


def gather(ctx: Context, student: dict[str, Any]) -> PairingData:
    found = sections(ctx, student["id"])
    if not found:
        raise InputRefused(f"{student['name']}没有结对帮扶记录，没有可打印的帮扶记录表。"
                           "请先在学生页面登记结对帮扶。")
    return PairingData(school=ctx.imprint.school, pupil=str(student["name"]),
                       grade_class=grade_class(student), sex=student_value(student, "sex"),
                       sections=found, as_of=ctx.today)
