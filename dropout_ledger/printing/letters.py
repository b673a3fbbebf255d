"""Gathers the 一封家书 (render/forms/letters.py): one letter per household, from the ledger.

Households: pupils on the school's roll are one household when they share a guardian's phone
number, or a guardian's name in the same village (村（居）, by its code, else its name) — the
two ways a school knows siblings; chains count (A and B share a phone, B and C a name: one
letter). A pupil without guardians is a household alone. Letters are in the order of each
household's first child by grade, class and name, so a class teacher hands out a pile in
roll order.

Which households: by default those with a subsidy paid for the term (domain.md §5.7: a letter
after each payment); with a roster view ("all", "at-risk", …), every household with a pupil in
that view. The term is the one of `period` (YYYY-MM), by default this term (aid.term_of). A
payment belongs to the term its 资助期间 names.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterator
from typing import Any

from dropout_ledger.errors import InputRefused
from dropout_ledger.model import codes
from dropout_ledger.printing.common import Built, Context, grade_class, live, record_value
from dropout_ledger.render.forms.letters import AidLine, Letter, LettersData, draw
from dropout_ledger.services.aid import same_period, term_of
from dropout_ledger.store.queries import VIEWS

DEFAULT_SELECTION = "本学期获得资助的家庭"
SELECTIONS: dict[str, str] = {"": DEFAULT_SELECTION, "all": "全部在籍学生的家庭",
                              **{view: f"名单“{view}”中学生的家庭" for view in VIEWS
                                 if view not in ("all", "on-roll")}}
"""What the letters' `view` may be: "" (households paid this term) or a roster view."""


def term_for(ctx: Context, period: str) -> str:
    if not period:
        return term_of(ctx.today)
    year, month = (int(part) for part in period.split("-"))
    return term_of(dt.date(year, month, 1))


def build(ctx: Context, view: str, period: str) -> Built:
    """The letters of the term of `period` to the households `view` selects."""
    form, rows = draw(gather(ctx, view, period), ctx.imprint)
    return Built(form, rows)


def gather(ctx: Context, view: str, period: str) -> LettersData:
    if view not in SELECTIONS and view != "on-roll":
        raise InputRefused(f"一封家书没有名为“{view}”的名单。不指定则打印本学期获得资助的家庭；"
                           "all 为全部在籍学生的家庭。")
    term = term_for(ctx, period)
    queries = ctx.ledger.queries
    aid: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for subsidy in live(queries.records("subsidy")):
        if same_period(str(subsidy["period"]), term):
            aid[subsidy["student_id"]].append(subsidy)
    pupils = {row.student_id: student for row in queries.iter_roster("on-roll")
              if (student := queries.student(row.student_id)) is not None}
    if view in ("", "all", "on-roll"):
        chosen = set(aid) & set(pupils) if not view else set(pupils)
    else:
        chosen = {row.student_id for row in queries.iter_roster(view)} & set(pupils)
    households = [h for h in households_of(pupils) if any(sid in chosen for sid in h)]
    if not households:
        what = f"{term}没有资助发放记录" if not view else f"“{SELECTIONS.get(view, view)}”中没有学生"
        raise InputRefused(f"{what}，没有生成一封家书。可选择“全部在籍学生的家庭”给每户打印。")
    return LettersData(
        school=ctx.imprint.school, term=term, date=ctx.today,
        letters=_letters(ctx, households, pupils, aid), phone=str(ctx.org.get("phone") or ""),
        principal=str(ctx.org.get("principal") or ""))


def _order(student: dict[str, Any]) -> tuple[int, str, str, str]:
    return (int(student.get("grade") or 0), str(student.get("class_name") or ""),
            str(student.get("name") or ""), str(student["id"]))


def households_of(pupils: dict[str, dict[str, Any]]) -> list[list[str]]:
    """The pupils grouped into households (see the module's docstring), in letter order."""
    parent: dict[str, str] = {sid: sid for sid in pupils}

    def root(sid: str) -> str:
        while parent[sid] != sid:
            parent[sid] = parent[parent[sid]]
            sid = parent[sid]
        return sid

    seen: dict[tuple[str, ...], str] = {}
    for sid, student in pupils.items():
        village = str(student.get("village_code") or student.get("village_name") or "")
        for guardian in student.get("guardians") or []:
            keys: list[tuple[str, ...]] = []
            phone = "".join(ch for ch in str(guardian.get("phone") or "") if ch.isdigit())
            if phone:
                keys.append(("phone", phone))
            if guardian.get("name") and village:
                keys.append(("name", str(guardian["name"]), village))
            for key in keys:
                other = seen.setdefault(key, sid)
                if other != sid:
                    parent[root(sid)] = root(other)
    groups: dict[str, list[str]] = defaultdict(list)
    for sid in sorted(pupils, key=lambda s: _order(pupils[s])):
        groups[root(sid)].append(sid)
    return sorted(groups.values(), key=lambda h: _order(pupils[h[0]]))


def _yuan(fen: int) -> str:
    return f"{fen // 100}.{fen % 100:02d}"


def _letters(ctx: Context, households: list[list[str]], pupils: dict[str, dict[str, Any]],
             aid: dict[str, list[dict[str, Any]]]) -> Iterator[Letter]:
    for household in households:
        children = [pupils[sid] for sid in household]
        guardians: dict[str, str] = {}
        for child in children:
            for guardian in child.get("guardians") or []:
                name = str(guardian.get("name") or "")
                relation = codes.label_of(codes.GUARDIAN_RELATIONS,
                                          str(guardian.get("relation") or ""))
                if name and name not in guardians:
                    guardians[name] = f"{name}（{relation}）" if relation else name
        lines, total = [], 0
        for child in children:
            for paid in aid.get(child["id"], []):
                total += int(paid["amount_fen"])
                channel = record_value("subsidy", paid, "channel")
                if paid.get("account_last4"):
                    channel += f" 尾号{paid['account_last4']}"
                lines.append(AidLine(
                    child=str(child["name"]), item=record_value("subsidy", paid, "item"),
                    standard=_yuan(int(paid["standard_fen"])) if paid.get("standard_fen") else "",
                    period=str(paid["period"]), amount=_yuan(int(paid["amount_fen"])),
                    paid=str(paid.get("paid_date") or ""), channel=channel))
        categories = dict.fromkeys(
            codes.label_of(codes.ECONOMIC_CATEGORIES, str(c["economic_category"]))
            for c in children if c.get("economic_category"))
        yield Letter(
            guardians="、".join(list(guardians.values())[:2]),
            children=[(str(c["name"]), grade_class(c)) for c in children], aid=lines,
            total=_yuan(total),
            category="、".join(categories) if ctx.restricted and categories else None)
