"""Gathers the 控辍保学台账 (render/forms/ledger.py) from the ledger, streaming the roster.

Pupils come a page at a time from `queries.iter_roster`; the case work of the whole school
(cases, visits, legal documents, notices, absences — a few hundred rows even for a large
school) is read once up front and looked up per pupil, so a 3,000-row 台账 costs one query per
pupil and no more.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterator
from typing import Any

from dropout_ledger.errors import InputRefused
from dropout_ledger.model import codes
from dropout_ledger.model.status import Status
from dropout_ledger.printing.common import (
    Built,
    Context,
    grade_class,
    guardians_text,
    live,
    reason_labels,
    reason_text,
    special_groups,
    student_value,
)
from dropout_ledger.render.forms.ledger import LedgerLine, LedgerSheet, draw
from dropout_ledger.services.today import absence_run, school_days_back
from dropout_ledger.store.queries import VIEWS

ATTENTION = ("suspected", "dropped", "returned", "home-taught", "suspended", "at-risk")
"""The default selection (domain.md §5.1): every pupil not simply 在校, cases first."""

SELECTIONS: dict[str, str] = {
    "": "需关注学生（疑似辍学、辍学、复学跟踪、送教上门、休学、预警）",
    "all": "全部学生",
    "on-roll": "在籍学生",
    "at-risk": "有辍学倾向（预警）学生",
    "suspected": "疑似辍学学生",
    "dropped": "辍学学生",
    "returned": "复学跟踪学生",
    "home-taught": "送教上门学生",
    "suspended": "休学学生",
}
"""Printable selections: "" (the default) and every roster view, as named under the title."""


def build(ctx: Context, view: str) -> Built:
    """The 台账 laid out; rows are read from the ledger while it is laid out."""
    form, rows = draw(gather(ctx, view), ctx.imprint)
    return Built(form, rows)


def gather(ctx: Context, view: str) -> LedgerSheet:
    """The 台账 of `view` ("" for the default selection); refuses an empty selection."""
    if view not in SELECTIONS or (view and view not in VIEWS):
        choices = "、".join(v for v in SELECTIONS if v)
        raise InputRefused(f"没有名为“{view}”的名单。可选：{choices}（不指定则打印需关注学生）。")
    queries = ctx.ledger.queries
    views = ATTENTION if not view else (view,)
    if not any(queries.count(v) for v in views):
        raise InputRefused(f"“{SELECTIONS[view]}”名单中没有学生，没有生成 PDF。")
    return LedgerSheet(school=ctx.imprint.school, selection=SELECTIONS[view], as_of=ctx.today,
                       lines=_lines(ctx, views), phone=str(ctx.org.get("phone") or ""))


def _lines(ctx: Context, views: tuple[str, ...]) -> Iterator[LedgerLine]:
    casework = _Casework(ctx)
    seen: set[str] = set()
    for view in views:
        for row in ctx.ledger.queries.iter_roster(view):
            if row.student_id in seen:
                continue
            seen.add(row.student_id)
            student = ctx.ledger.queries.student(row.student_id)
            if student is not None:
                yield casework.line(student)


class _Casework:
    """The school's case records, read once and indexed by pupil."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        queries = ctx.ledger.queries
        self.reasons = reason_labels(ctx.ledger)
        self.exclude_weekends = bool(ctx.ledger.settings.profile()["exclude_weekends"])
        self.cases: dict[str, dict[str, Any]] = {}
        for case in live(queries.records("case")):  # oldest first: the latest wins
            self.cases[case["student_id"]] = case
        self.visits: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for visit in live(queries.records("visit")):
            self.visits[visit["student_id"]].append(visit)
        self.documents: dict[str, list[str]] = defaultdict(list)
        for doc in live(queries.records("legal_doc")):
            label = codes.label_of(codes.LEGAL_DOC_TYPES, doc["doc_type"]).split("（")[0]
            self.documents[doc["student_id"]].append(f"{label}\n{doc['issued_date']}")
        for notice in live(queries.records("notice")):
            self.documents[notice["student_id"]].append(f"劝返复学通知书\n{notice['date']}")
        self.absences: dict[str, set[dt.date]] = defaultdict(set)
        since = (ctx.today - dt.timedelta(days=200)).isoformat()
        for absence in live(queries.records("absence")):
            if not absence["excused"] and absence["date"] >= since:
                self.absences[absence["student_id"]].add(dt.date.fromisoformat(absence["date"]))

    def line(self, student: dict[str, Any]) -> LedgerLine:
        ctx, sid = self.ctx, student["id"]
        case = self.cases.get(sid)
        status = Status(student["status"]).label if student.get("status") else "资料不全"
        if student.get("at_risk"):
            status += "\n（预警）"
        name = student.get("name") or ""
        klass = grade_class(student)
        return LedgerLine(
            name=name, sex=student_value(student, "sex"),
            ethnicity=student_value(student, "ethnicity"),
            birth_date=student.get("birth_date") or "",
            ids="\n".join(x for x in (ctx.id_number(student.get("id_number")),
                                      ctx.xjh(student.get("xjh"))) if x),
            grade_class=klass.replace("年级", "年级\n", 1),
            village="\n".join(x for x in (student.get("village_name"),
                                          student.get("village_code")) if x),
            guardian="\n".join(g.replace("（", "\n（", 1)  # the first (main) guardian
                               for g in guardians_text(student, phones=False)[:1]),
            groups="、".join(special_groups(student)), status=status,
            absence=self._absence(sid), case_dates=self._case_dates(sid, case),
            reason=reason_text(self.reasons, case.get("reason_code"), case.get("reason_text"))
            if case else "",
            whereabouts=(case.get("whereabouts") or "") if case else "",
            responsible="\n".join(case.get(k) or "" for k in (
                "teacher", "village_contact", "township_contact")).rstrip("\n") if case else "",
            persuasion=self._persuasion(sid, case),
            legal_docs="\n".join(self.documents.get(sid, [])),
            returned=(student.get("status_date") or "")
            if student.get("status") == Status.RETURNED.value else "",
            closure=self._closure(case), note=student.get("note") or "",
            record=f"{name}（{klass}）",
        )

    def _absence(self, sid: str) -> str:
        dates = self.absences.get(sid)
        if not dates:
            return ""
        run = absence_run(dates, self.ctx.today, self.exclude_weekends)
        if not run:
            return ""
        latest = max(dates)
        start = school_days_back(latest, run, self.exclude_weekends)[-1]
        return f"{start.isoformat()}\n{run}天"

    def _case_dates(self, sid: str, case: dict[str, Any] | None) -> str:
        if case is None:
            return ""
        facts = [f for f in self.ctx.ledger.queries.status_history(sid)
                 if f["case_id"] == case["id"] and not f["retracted"]]
        suspected = next((f["effective_date"] for f in facts if f["code"] == "suspected"), "")
        dropped = next((f["effective_date"] for f in facts if f["code"] == "dropped_out"), "")
        return "\n".join((suspected or case.get("opened_date") or "", dropped)).rstrip("\n")

    def _persuasion(self, sid: str, case: dict[str, Any] | None) -> str:
        visits = [v for v in self.visits.get(sid, []) if case is None or v["case_id"] == case["id"]]
        if not visits and not (case and case.get("stage")):
            return ""
        last = max((v["date"] for v in visits), default="")
        parts = [f"{len(visits)}次", last, (case or {}).get("stage") or ""]
        return "\n".join(p for p in parts if p)

    def _closure(self, case: dict[str, Any] | None) -> str:
        if not case or not case.get("closed_date"):
            return ""
        reason = codes.label_of(codes.CLOSURE_REASONS, case.get("closure_reason") or "")
        return "\n".join(p for p in (case["closed_date"], reason,
                                     case.get("closure_evidence") or "") if p)
