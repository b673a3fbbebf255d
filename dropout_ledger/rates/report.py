"""Every figure at a snapshot date, with its target: what `stats`, dashboards and forms show.

`compute` runs four aggregate queries (`snapshot`), then only pure code: grouping the small
per-(grade, sex, village) result into stages, grades, sexes and villages, and the formulas.
`to_json` turns the result into plain sorted data with integers only, so the same ledger state
and date always print the same bytes.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from dropout_ledger.model import codes
from dropout_ledger.model.codes import stage_of
from dropout_ledger.rates import formulas, movement, population, snapshot
from dropout_ledger.rates.formulas import (
    CONVENTIONS,
    CohortCounts,
    DisabilityCounts,
    Figure,
    PopulationCounts,
    TargetKind,
    YearCounts,
)
from dropout_ledger.rates.movement import MovementTable
from dropout_ledger.rates.snapshot import GroupKey, Window
from dropout_ledger.store import sqlite as sqlite3

STAGES: Mapping[str, str] = {"primary": "小学", "junior": "初中", "all": "义务教育阶段"}
CONVENTION_NAMES: Mapping[str, str] = {"definitional": "在校生辍学率口径",
                                       "net_change": "两基净减少口径"}
SEXES: Mapping[str, str] = {"1": "男", "2": "女"}
UNKNOWN = "unknown"  # key for a blank sex or village

NO_POPULATION = ("县里下发的户籍适龄儿童名单尚未导入台账（名单核查），无法计算入学率；"
                 "导入后按“在校或在外就读的适龄儿童 ÷ 名单中的适龄儿童”计算")


@dataclass(frozen=True)
class Breakdown:
    """One stage's dropout rate, in total and per grade, sex and village."""

    total: Figure
    by_grade: Mapping[str, Figure]
    by_sex: Mapping[str, Figure]
    by_village: Mapping[str, Figure]


@dataclass(frozen=True)
class RateReport:
    """All figures of one school (or county) ledger at one date.

    `dropout[convention][stage]` with convention "definitional" | "net_change" and stage
    "primary" | "junior" | "all"; `consolidation` "primary" (grade 6) | "junior" (grade 9) |
    "nine_year" (grade 9 since grade 1), and `cohorts` the stage cohort of each grade "1"–"9";
    `enrolment` "primary" | "junior"; `disability` "three_categories" and each type code.
    """

    on: dt.date
    school_year: int
    start: dt.date
    dropout: Mapping[str, Mapping[str, Breakdown]]
    consolidation: Mapping[str, Figure]
    cohorts: Mapping[str, Figure]
    enrolment: Mapping[str, Figure]
    """"primary" | "junior" | "all": 适龄儿童入学率 from the county's household list."""
    progression: Figure
    disability: Mapping[str, Figure]
    months: tuple[MovementTable, ...]
    year: MovementTable


def _target(profile: Mapping[str, Any], key: str, kind: TargetKind) -> tuple[int, TargetKind]:
    return int(profile[key]), kind


def _group(
    counts: Mapping[GroupKey, YearCounts], key: Callable[[GroupKey], str]
) -> dict[str, YearCounts]:
    parts: dict[str, list[YearCounts]] = {}
    for group, c in counts.items():
        parts.setdefault(key(group), []).append(c)
    return {name: formulas.total(members) for name, members in parts.items()}


def _dropout(
    counts: Mapping[GroupKey, YearCounts], profile: Mapping[str, Any],
) -> dict[str, dict[str, Breakdown]]:
    targets: dict[str, tuple[int, TargetKind] | None] = {
        "primary": _target(profile, "primary_dropout_max_bp", "max"),
        "junior": _target(profile, "junior_dropout_max_bp", "max"),
        "all": None,
    }
    rules = {"definitional": formulas.dropout_definitional,
             "net_change": formulas.dropout_net_change}
    out: dict[str, dict[str, Breakdown]] = {convention: {} for convention in rules}
    for stage, stage_label in STAGES.items():
        grades_in = [g for g in range(1, 10) if stage == "all" or stage_of(g) == stage]
        mine = {k: c for k, c in counts.items() if k[0] in grades_in}
        whole = formulas.total(list(mine.values()))
        grades = _group(mine, lambda k: str(k[0]))
        sexes = _group(mine, lambda k: k[1] or UNKNOWN)
        villages = _group(mine, lambda k: k[2] or UNKNOWN)
        target = targets[stage]
        for convention, rule in rules.items():
            suffix = f"（{CONVENTION_NAMES[convention]}）"
            out[convention][stage] = Breakdown(
                total=rule(whole, f"{stage_label}辍学率{suffix}", target),
                by_grade={
                    str(g): rule(grades.get(str(g), YearCounts()),
                                 f"{movement.ROW_LABELS[str(g)]}辍学率{suffix}", target)
                    for g in grades_in
                },
                by_sex={
                    sex: rule(sexes.get(sex, YearCounts()),
                              f"{stage_label}{SEXES.get(sex, '性别未填')}生辍学率{suffix}",
                              target)
                    for sex in sorted({"1", "2", *sexes})
                },
                by_village={
                    village: rule(c, f"{stage_label}辍学率·"
                                     f"{village if village != UNKNOWN else '村（居）未填'}{suffix}",
                                  target)
                    for village, c in sorted(villages.items())
                },
            )
    return out


def _consolidation(
    cohorts: Mapping[tuple[int, str], CohortCounts], profile: Mapping[str, Any],
) -> tuple[dict[str, Figure], dict[str, Figure]]:
    nine_year = _target(profile, "consolidation_min_bp", "min")
    headline = {
        "primary": formulas.consolidation(
            cohorts.get((6, "primary"), CohortCounts()), "小学巩固率（本学年六年级届）"),
        "junior": formulas.consolidation(
            cohorts.get((9, "junior"), CohortCounts()), "初中巩固率（本学年九年级届）"),
        "nine_year": formulas.consolidation(
            cohorts.get((9, "nine_year"), CohortCounts()),
            "九年义务教育巩固率（本学年九年级届，自一年级起）", nine_year),
    }
    per_grade = {
        str(g): formulas.consolidation(
            cohorts.get((g, "primary" if g <= 6 else "junior"), CohortCounts()),
            f"{movement.ROW_LABELS[str(g)]}届{'小学' if g <= 6 else '初中'}巩固率（至今）")
        for g in range(1, 10)
    }
    return headline, per_grade


def _disability(by_type: Mapping[str, DisabilityCounts]) -> dict[str, Figure]:
    three = formulas.total_disability(
        [by_type.get(code, DisabilityCounts()) for code in formulas.THREE_CATEGORIES])
    out = {"three_categories": formulas.disability_enrolment(three, "三类残疾儿童入学率（台账口径）")}
    for code in sorted(by_type):
        label = codes.label_of(codes.DISABILITY_TYPES, code)
        out[code] = formulas.disability_enrolment(by_type[code], f"{label}学生入学率（台账口径）")
    return out


def _enrolment(
    conn: sqlite3.Connection, on: dt.date, profile: Mapping[str, Any], org: str
) -> dict[str, Figure]:
    """适龄儿童入学率 per age band from the newest household list (of every school on a county
    ledger without `org`); no list: no figure, with the reason (rates/population.py)."""
    by_org, lists = population.counts(conn, on, org)
    labels = {"primary": "小学适龄儿童入学率（户籍名单）", "junior": "初中适龄儿童入学率（户籍名单）",
              "all": "义务教育适龄儿童入学率（户籍名单）"}
    if not lists:
        return {band: formulas.unavailable(label, "population", NO_POPULATION,
                                           target=_target(profile, "enrolment_min_bp", "min"))
                for band, label in labels.items()}
    if len(lists) == 1:
        (found,) = lists.values()
        source = f"据“{found.title}”（{found.imported}导入）"
    else:
        source = f"据{len(lists)}所学校各自最新的户籍适龄儿童名单"
    out = {}
    for band, label in labels.items():
        total = PopulationCounts()
        for bands in by_org.values():
            total = total + bands.get(band, PopulationCounts())
        fig = formulas.enrolment(total, label, _target(profile, "enrolment_min_bp", "min"))
        out[band] = dataclasses.replace(fig, note="；".join(n for n in (source, fig.note) if n))
    return out


def compute(
    conn: sqlite3.Connection, on: dt.date, profile: Mapping[str, Any], org: str = ""
) -> RateReport:
    """Every figure at `on` from the ledger behind `conn`, with targets from `profile`.

    `profile` is the county profile in force (`ledger.settings.profile()`): its `*_bp`
    fields are the targets.

    `org` limits every figure to one school's pupils in a county ledger ("" for all).
    """
    window = Window(on)
    with snapshot.Snapshot(conn, on, org) as snap:
        counts = snap.year_counts()
        cohorts = snap.cohort_counts()
        disabled = snap.disability_counts()
        moves = snap.monthly_moves()
        graduates = snap.graduate_counts()
    months, year = movement.tables(on, snapshot.opening_by_grade(counts), moves)
    headline, per_grade = _consolidation(cohorts, profile)
    return RateReport(
        on=on, school_year=window.year, start=window.start,
        dropout=_dropout(counts, profile),
        consolidation=headline, cohorts=per_grade,
        enrolment=_enrolment(conn, on, profile, org),
        progression=formulas.progression(
            graduates, codes.PROGRESSING_DESTINATIONS, "初中升学率（本学年九年级毕业生）",
            _target(profile, "progression_min_bp", "min")),
        disability=_disability(disabled),
        months=tuple(months), year=year,
    )


# --- JSON ---------------------------------------------------------------------------------------


def figure_json(f: Figure) -> dict[str, Any]:
    """A figure as plain data: integers, strings, booleans and nulls only."""
    data = dataclasses.asdict(f)
    data["parts"] = dict(sorted(f.parts.items()))
    return data


def _table_json(table: MovementTable) -> dict[str, Any]:
    return {
        "period": table.period, "start": table.start.isoformat(), "end": table.end.isoformat(),
        "rows": {
            key: {"opening": row.opening, "opening_female": row.opening_female,
                  **{k: row.flows.get(k, 0) for k in (*formulas.INFLOWS, *formulas.OUTFLOWS)},
                  "closing": row.closing, "closing_female": row.closing_female}
            for key, row in table.rows.items()
        },
    }


def _breakdown_json(b: Breakdown) -> dict[str, Any]:
    return {
        "total": figure_json(b.total),
        "by_grade": {k: figure_json(v) for k, v in b.by_grade.items()},
        "by_sex": {k: figure_json(v) for k, v in b.by_sex.items()},
        "by_village": {k: figure_json(v) for k, v in b.by_village.items()},
    }


def to_json(report: RateReport) -> dict[str, Any]:
    """The report as JSON-ready data (`stats --json` puts it under "rates")."""
    return {
        "date": report.on.isoformat(),
        "school_year": report.school_year,
        "period": {"start": report.start.isoformat(), "end": report.on.isoformat()},
        "conventions": dict(CONVENTIONS),
        "dropout": {
            convention: {stage: _breakdown_json(b) for stage, b in stages.items()}
            for convention, stages in report.dropout.items()
        },
        "consolidation": {
            **{k: figure_json(v) for k, v in report.consolidation.items()},
            "by_grade": {k: figure_json(v) for k, v in report.cohorts.items()},
        },
        "enrolment": {k: figure_json(v) for k, v in report.enrolment.items()},
        "progression": figure_json(report.progression),
        "disability": {k: figure_json(v) for k, v in report.disability.items()},
        "movement": {
            "columns": ["opening", "opening_female", *formulas.INFLOWS, *formulas.OUTFLOWS,
                        "closing", "closing_female"],
            "labels": {"opening": "期初在校生数", "opening_female": "期初女生数",
                       **formulas.FLOW_LABELS, "closing": "期末在校生数",
                       "closing_female": "期末女生数", **movement.ROW_LABELS},
            "year": _table_json(report.year),
            "months": [_table_json(t) for t in report.months],
        },
    }
