"""Who is flagged on a date, by which rules, since when; and who needs a subsidy check.

Each enabled rule runs as one SQL statement over the whole school (rules.py); the answers are
merged per pupil here. A pupil is flagged when a *signal* rule holds, or when at least
`warn_background_min` *background* rules hold together (0: background never flags alone). The
background rules that hold are listed beside a signal, as context for the class teacher.

Poverty (the restricted 家庭经济困难类别, or a teacher's 家庭经济困难 mark) never enters a flag.
It produces a subsidy check instead: a pupil in a poverty category with no 生活补助 recorded for
the current term is listed with "请核实资助是否已落实". The restricted category is read only when
the caller says the operator may see it (`restricted=True`), as in services/aid.py.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from typing import Any

from dropout_ledger.model import codes
from dropout_ledger.services.aid import term_of
from dropout_ledger.store.queries import Queries
from dropout_ledger.warning.rules import RULES_BY_CODE, WATCHED, Context, Rule, enabled

LIVING_ITEMS = ("living_boarding", "living_day")
"""The 家庭经济困难学生生活补助 items: what a poverty-category pupil is entitled to each term."""


@dataclass(frozen=True)
class RuleHit:
    """One rule holding for one pupil: which (`rule`, `label`), why (`detail`), since when."""

    rule: str
    label: str
    signal: bool
    since: str
    detail: str


@dataclass(frozen=True)
class Flag:
    """A flagged pupil and every rule that holds for them, signals first."""

    student_id: str
    name: str
    grade: int
    class_name: str
    status: str
    hits: tuple[RuleHit, ...]

    @property
    def since(self) -> str:
        """The earliest day one of the rules that flag the pupil became true."""
        signals = [h.since for h in self.hits if h.signal]
        return min(signals or [h.since for h in self.hits])

    @property
    def signals(self) -> int:
        return sum(1 for h in self.hits if h.signal)


@dataclass(frozen=True)
class SubsidyCheck:
    """A pupil whose poverty status calls for checking that the subsidy was paid."""

    student_id: str
    name: str
    grade: int
    class_name: str
    detail: str


@dataclass(frozen=True)
class Warnings:
    """The early-warning answer for one date."""

    on: str
    watched: int
    """Pupils the rules looked at (in class: 在校 or 复学跟踪)."""
    flags: tuple[Flag, ...]
    subsidy_checks: tuple[SubsidyCheck, ...]
    rules: tuple[str, ...]
    """The rule codes in force (the county's `warn_rules_off` left out)."""


def rule_hits(
    queries: Queries, rule: Rule, ctx: Context, only: Collection[str] | None = None
) -> dict[str, RuleHit]:
    """Student id → hit, for every watched pupil for whom `rule` holds on `ctx.on`.

    `only` limits a rule over the student record to those pupils (the others are not looked at).
    """
    hits = {}
    on = ctx.on.isoformat()
    params = ctx.params()
    if only is not None:
        params["only"] = json.dumps(sorted(only))
    for student_id, *row in queries.conn.execute(rule.now_sql(ctx), params):
        explained = rule.explain(tuple(row), ctx)
        if explained is None or not explained[0] or explained[0] > on:
            continue  # recorded after the evaluation day: not known then
        hits[student_id] = RuleHit(rule.code, rule.label, rule.signal, *explained)
    return hits


def evaluate(
    queries: Queries, profile: Mapping[str, Any], on: dt.date, *, restricted: bool = False
) -> Warnings:
    """Every flagged pupil on `on`, most signals first, then longest flagged; and the subsidy
    checks (the economic category only with `restricted`)."""
    ctx = Context.of(profile, on)
    rules = enabled(profile)
    minimum = int(profile["warn_background_min"])
    by_student: dict[str, list[RuleHit]] = {}
    for rule in rules:
        if rule.signal:
            for student_id, hit in rule_hits(queries, rule, ctx).items():
                by_student.setdefault(student_id, []).append(hit)
    # Background rules matter only beside a signal or when enough hold together: find those
    # pupils by the conditions alone, then ask for facts and dates for them only (a quarter of
    # a rural roll is left behind, and dating every one of them is most of the work).
    background = [rule for rule in rules if not rule.signal]
    candidates = set(by_student) | _background_candidates(queries, background, ctx, minimum)
    for rule in background:
        for student_id, hit in rule_hits(queries, rule, ctx, candidates).items():
            by_student.setdefault(student_id, []).append(hit)
    flagged = {sid: hits for sid, hits in by_student.items()
               if any(h.signal for h in hits)
               or (minimum > 0 and sum(1 for h in hits if not h.signal) >= minimum)}
    who = _who(queries, list(flagged))
    flags = [Flag(sid, *who[sid], hits=tuple(sorted(
        hits, key=lambda h: (not h.signal, list(RULES_BY_CODE).index(h.rule)))))
        for sid, hits in flagged.items()]
    flags.sort(key=lambda f: (-f.signals, f.since, f.grade, f.class_name, f.name))
    checks = subsidy_checks(queries, on, restricted=restricted)
    visible = queries.scoped_ids()
    if visible is not None:  # a class teacher sees her own class's warnings only
        flags = [flag for flag in flags if flag.student_id in visible]
        checks = [check for check in checks if check.student_id in visible]
    return Warnings(on=on.isoformat(), watched=_watched(queries), flags=tuple(flags),
                    subsidy_checks=tuple(checks), rules=tuple(rule.code for rule in rules))


def _background_candidates(
    queries: Queries, background: list[Rule], ctx: Context, minimum: int
) -> set[str]:
    """Watched pupils for whom at least `minimum` background conditions hold (0: none)."""
    if minimum <= 0 or len(background) < minimum:
        return set()
    held = " + ".join(f"coalesce(({rule.cond}), 0)" for rule in background)
    rows = queries.conn.execute(
        f"SELECT s.id FROM students s WHERE {WATCHED} AND ({held}) >= :minimum",
        {**ctx.params(), "minimum": minimum})
    return {row[0] for row in rows}


def _who(queries: Queries, student_ids: list[str]) -> dict[str, tuple[str, int, str, str]]:
    """Name, grade, class and status of the given pupils, in one query."""
    rows = queries.conn.execute(
        "SELECT id, name, grade, class_name, status FROM students"
        " WHERE id IN (SELECT value FROM json_each(?))", (json.dumps(student_ids),))
    return {row[0]: (str(row[1] or ""), int(row[2] or 0), str(row[3] or ""), str(row[4] or ""))
            for row in rows}


def _watched(queries: Queries) -> int:
    scope, params = queries.scope_condition("id")
    row = queries.conn.execute(
        "SELECT count(*) FROM students WHERE retracted = 0 AND status IN ('enrolled', 'returned')"
        f" AND {scope}", params).fetchone()
    return int(row[0])


def subsidy_checks(
    queries: Queries, on: dt.date, *, restricted: bool = False
) -> list[SubsidyCheck]:
    """Pupils on roll in a poverty category (restricted) or marked 家庭经济困难 by a teacher,
    with no 生活补助 recorded for the term of `on`."""
    term = term_of(on)
    category = "s.economic_category" if restricted else "''"
    rows = queries.conn.execute(
        f"SELECT s.id, s.name, s.grade, s.class_name, coalesce({category}, ''),"
        " s.at_risk LIKE '%\"poverty\"%' FROM students s"
        " WHERE s.retracted = 0 AND s.status IN ('enrolled', 'returned', 'suspended',"
        " 'home_taught', 'suspected', 'dropped_out')"
        f" AND (coalesce({category}, '') != '' OR s.at_risk LIKE '%\"poverty\"%')"
        " AND NOT EXISTS (SELECT 1 FROM rec_subsidy r WHERE r.student_id = s.id"
        " AND r.retracted = 0 AND r.item IN ('living_boarding', 'living_day')"
        " AND replace(replace(r.period, ' ', ''), '　', '') = ?)"
        " ORDER BY s.grade, s.class_name, s.name", (term,))
    checks = []
    for sid, name, grade, class_name, economic, marked in rows:
        who = (codes.label_of(codes.ECONOMIC_CATEGORIES, economic) if economic
               else "班主任标记家庭经济困难")
        detail = f"{who}：{term}尚无生活补助发放记录，请核实资助是否已落实"
        if not economic and marked:
            detail += "（符合条件的请按程序申请）"
        checks.append(SubsidyCheck(sid, name or "", int(grade or 0), class_name or "", detail))
    return checks
