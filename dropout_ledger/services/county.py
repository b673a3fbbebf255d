"""县级汇总: the county's per-school dashboard (issue 6 item 6, issue 7 item 4).

One row per school: its key (pending / active / revoked), the last package imported from it,
the events held from it, gaps and forks in its replicas' chains, open conflicts on its pupils,
its pupils on the roll, its open identity cases, and its 辍学率 (primary and junior, the
definitional convention, domain.md §2.4) and 巩固率 against the county's targets — with the
*distance from target*, so the schools furthest from target come first. Then the townships and
the county.

Everything is computed in a handful of aggregate queries, not one statistics run per school:
the rates come from one compact timeline of the whole county grouped by school
(`rates.by_school`), the chain figures from one GROUP BY over the (rep, seq) index, the roll
from one pass over `students`. tests/sync/test_county.py checks each school's figures against
`rates.compute` for that school; bench/bench_county.py measures it at 150,000 pupils in 200
schools.

Townships: a school row in a county ledger carries no township, and the 学校标识码 does not encode
one (domain.md §8.4), so a school's township is the one most of its pupils live in — the first 9
digits of their 12-digit village codes (domain.md §8.5). Its name is read from the pupils'
addresses ("坪坝镇石门村三组" → 坪坝镇) when they start with one; otherwise the code is shown.

巩固率: the county's target (`consolidation_min_bp`) is the nine-year rate's; a school without a
grade-9 cohort (a primary school) is compared on its grade-6 cohort's primary rate instead, and
the figure's label says which one it is.

Children on two schools' rolls (重复在籍, `sync.identity`) count in each school's own figures (each
school holds them), but once in the county's pupil total until the clerk decides; the totals
say how many were merged.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from dropout_ledger import canonical
from dropout_ledger.model.codes import stage_of
from dropout_ledger.model.records import RECORD_KINDS
from dropout_ledger.rates import formulas, population
from dropout_ledger.rates.by_school import SchoolsSnapshot, add_cohorts
from dropout_ledger.rates.formulas import CohortCounts, Figure, PopulationCounts, YearCounts
from dropout_ledger.rates.report import NO_POPULATION, figure_json
from dropout_ledger.store import sqlite as sqlite3
from dropout_ledger.store.queries import ON_ROLL
from dropout_ledger.sync import flags, identity, vectors

if TYPE_CHECKING:
    from dropout_ledger.ledger import Ledger

KEY_STATUSES: Mapping[str, str] = {
    "active": "已确认", "pending": "待确认", "revoked": "已注销", "none": "未入网"}
DASHBOARD_COHORTS = (6, 9)
"""The cohorts `rates_of` reads: grade 9 (nine-year 巩固率) and grade 6 (a primary school's)."""
_TOWNSHIP_NAME = re.compile(r"^(.{1,8}?(?:镇|乡|街道))")


@dataclass(frozen=True)
class Chains:
    """What the county holds of one school's replicas."""

    events: int = 0
    replicas: int = 0
    gaps: int = 0
    """Sequence numbers missing inside the chains (an event between two held ones)."""
    forks: int = 0
    """Slots held twice (one replica, one seq, two different events)."""


@dataclass(frozen=True)
class Rates:
    """The four dashboard figures and how far the worst is from its target."""

    dropout_primary: Figure
    dropout_junior: Figure
    consolidation: Figure
    enrolment: Figure
    """义务教育适龄儿童入学率 from the school's newest 户籍适龄儿童名单 (no list: no figure)."""

    @property
    def figures(self) -> tuple[Figure, Figure, Figure, Figure]:
        return (self.dropout_primary, self.dropout_junior, self.consolidation, self.enrolment)

    @property
    def distance_bp(self) -> int | None:
        """How far the worst figure is beyond its target, in basis points (positive: missed,
        negative: within it by that much); None when no figure has both value and target."""
        gaps = [distance(f) for f in self.figures]
        known = [g for g in gaps if g is not None]
        return max(known) if known else None


def distance(figure: Figure) -> int | None:
    """Beyond target (+) or within it (−), in basis points; None without value or target."""
    if figure.value_bp is None or figure.target_bp is None:
        return None
    if figure.target_kind == "max":
        return figure.value_bp - figure.target_bp
    return figure.target_bp - figure.value_bp


@dataclass(frozen=True)
class SchoolRow:
    """One school on the county dashboard."""

    org: str
    code: str
    name: str
    township: str
    """9-digit township code most of its pupils live in ("" if unknown)."""
    township_name: str
    key_status: str
    """"active", "pending", "revoked" or "none" (`KEY_STATUSES` has the labels)."""
    active_keys: int
    """Confirmed keys: more than one gets one full package per key at every export (a clone,
    or the old key kept after a restore) until the clerk revokes the one no longer used."""
    last_import: str
    """When the newest package from it was imported (ISO time), "" if never."""
    packages: int
    chains: Chains
    conflicts: int
    pupils: int
    """On the roll (在籍) now, as this school holds them."""
    duplicates: int
    """Its pupils also on another school's roll, not yet decided (重复在籍)."""
    identity_cases: int
    fork_pending: bool
    """A fork was seen and the notice plus full package has not been written yet."""
    rates: Rates

    @property
    def distance_bp(self) -> int | None:
        return self.rates.distance_bp

    @property
    def over_target(self) -> bool:
        return self.distance_bp is not None and self.distance_bp > 0


@dataclass(frozen=True)
class GroupRow:
    """A township's or the county's totals."""

    key: str
    name: str
    schools: int
    pupils: int
    """Enrolments on the roll (a child on two rolls counts twice here)."""
    children: int
    """Children on the roll: `pupils` less undecided 重复在籍 (each child once)."""
    conflicts: int
    gaps: int
    forks: int
    rates: Rates


@dataclass(frozen=True)
class CountyDashboard:
    on: dt.date
    schools: list[SchoolRow]
    """Furthest from target first; schools with no figure last."""
    townships: list[GroupRow]
    total: GroupRow
    identity_open: int
    duplicates_merged: int
    """Enrolments counted once in `total.children` because the child is on two rolls."""
    notes: list[str] = field(default_factory=list)


# --- the pieces, each one or two aggregate queries -----------------------------------------


def _school_names(ledger: Ledger) -> dict[str, str]:
    conn = ledger.conn
    names: dict[str, str] = {}
    for prefix, cut in (("org:S:", 5), ("school:S:", 8)):  # the county's register wins
        for org, value in conn.execute(
                f"SELECT substr(ent, {cut}), value FROM settings WHERE ent LIKE ? AND field = 'name'",
                (f"{prefix}%",)):
            names[str(org)] = str(canonical.decode(value.encode(), checked=False))
    return names


def _chains(conn: sqlite3.Connection) -> dict[str, Chains]:
    """Per organisation: events, replicas, gaps and forked slots (one pass over the index)."""
    owners = vectors.replicas(conn)
    out: dict[str, Chains] = {}
    for rep, count, distinct, low, top in conn.execute(
            "SELECT rep, count(*), count(DISTINCT seq), min(seq), max(seq) FROM events"
            " GROUP BY rep"):
        org = owners.get(str(rep), "")
        before = out.get(org, Chains())
        missing = int(top) - int(distinct) if low is not None and low >= 1 else 0
        out[org] = Chains(before.events + int(count), before.replicas + 1,
                          before.gaps + missing, before.forks + int(count) - int(distinct))
    return out


def _key_statuses(conn: sqlite3.Connection) -> dict[str, tuple[str, int]]:
    """Per organisation: its best key status, and how many keys are confirmed and known."""
    found: dict[str, set[str]] = {}
    active: dict[str, int] = {}
    for org, status, known in conn.execute(
            "SELECT org, status, length(sign_pk) > 0 FROM trust"):
        found.setdefault(str(org), set()).add(str(status))
        if status == "active" and known:
            active[str(org)] = active.get(str(org), 0) + 1
    out = {}
    for org, statuses in found.items():
        best = next((s for s in ("active", "pending", "revoked") if s in statuses), "none")
        out[org] = (best, active.get(org, 0))
    return out


def _imports(conn: sqlite3.Connection) -> dict[str, tuple[int, str]]:
    rows = conn.execute(
        "SELECT from_org, count(*), max(imported_wall) FROM imported_packages GROUP BY from_org")
    return {str(org): (int(n), str(last or "")) for org, n, last in rows}


def _conflicts(conn: sqlite3.Connection) -> dict[str, int]:
    """Open conflicts per school, on its pupils and on their records."""
    out: Counter[str] = Counter()
    for org, n in conn.execute(
            "SELECT s.org, count(*) FROM conflicts c JOIN students s"
            " ON c.ent LIKE 'student:%' AND s.id = substr(c.ent, 9) GROUP BY s.org"):
        out[str(org)] += int(n)
    for kind in RECORD_KINDS:
        for org, n in conn.execute(
                f"SELECT s.org, count(*) FROM conflicts c JOIN rec_{kind} r"
                f" ON c.ent LIKE '{kind}:%' AND r.id = substr(c.ent, {len(kind) + 2})"
                " JOIN students s ON s.id = r.student_id GROUP BY s.org"):
            out[str(org)] += int(n)
    return dict(out)


@dataclass
class _Roll:
    pupils: dict[str, int]
    township: dict[str, str]
    township_names: dict[str, str]


def _roll(conn: sqlite3.Connection) -> _Roll:
    """Pupils on the roll per school and each school's township (one pass over `students`),
    then a township name from a few of its pupils' addresses (index lookups)."""
    pupils: Counter[str] = Counter()
    towns: dict[str, Counter[str]] = {}
    # Per school and village, streamed in index order (no table rows, no sort); the 9-digit
    # township prefix is summed here, since grouping by it in SQL would sort the whole roll.
    for org, village, n in conn.execute(
            "SELECT org, village_code, count(*) FROM students INDEXED BY students_town"
            f" WHERE retracted = 0 AND {ON_ROLL} GROUP BY org, village_code"):
        org, town = str(org or ""), str(village or "")[:9]
        pupils[org] += int(n)
        if len(town) == 9:
            towns.setdefault(org, Counter())[town] += int(n)
    township = {org: c.most_common(1)[0][0] for org, c in towns.items()}
    names: dict[str, Counter[str]] = {}
    for org, town in township.items():
        for (address,) in conn.execute(
                "SELECT address FROM students WHERE org = ? AND retracted = 0"
                " AND village_code >= ? AND village_code < ? AND address IS NOT NULL LIMIT 5",
                (org, town, town + ":")):
            found = _TOWNSHIP_NAME.match(str(address))
            if found:
                names.setdefault(town, Counter())[found.group(1)] += 1
    township_names = {town: c.most_common(1)[0][0] for town, c in names.items()}
    return _Roll(dict(pupils), township, township_names)


# --- the rates ----------------------------------------------------------------------------


def _target(profile: Mapping[str, Any], key: str, kind: formulas.TargetKind
            ) -> tuple[int, formulas.TargetKind]:
    return int(profile[key]), kind


def rates_of(year: Mapping[int, YearCounts], cohorts: Mapping[tuple[int, str], CohortCounts],
             profile: Mapping[str, Any], enrolled: PopulationCounts | None = None) -> Rates:
    """The four dashboard figures from per-grade year counts, cohort counts and what became of
    the children of the household list(s) (None: no list)."""
    stage = {name: formulas.total([c for g, c in year.items() if stage_of(g) == name])
             for name in ("primary", "junior")}
    primary = formulas.dropout_definitional(
        stage["primary"], "小学辍学率（在校生辍学率口径）",
        _target(profile, "primary_dropout_max_bp", "max"))
    junior = formulas.dropout_definitional(
        stage["junior"], "初中辍学率（在校生辍学率口径）",
        _target(profile, "junior_dropout_max_bp", "max"))
    target = _target(profile, "consolidation_min_bp", "min")
    nine = cohorts.get((9, "nine_year"), CohortCounts())
    if nine.intake > 0:
        kept = formulas.consolidation(nine, "九年义务教育巩固率（九年级届）", target)
    else:
        kept = formulas.consolidation(cohorts.get((6, "primary"), CohortCounts()),
                                      "小学巩固率（六年级届）", target)
    label = "义务教育适龄儿童入学率（户籍名单）"
    target_in = _target(profile, "enrolment_min_bp", "min")
    enrolment = formulas.enrolment(enrolled, label, target_in) if enrolled is not None else \
        formulas.unavailable(label, "population", NO_POPULATION, target=target_in)
    return Rates(primary, junior, kept, enrolment)


def _sort_key(row: SchoolRow) -> tuple[int, int, str]:
    d = row.distance_bp
    return (0 if d is not None else 1, -(d or 0), row.code)


# --- the dashboard ------------------------------------------------------------------------


def county_dashboard(ledger: Ledger, on: dt.date | None = None) -> CountyDashboard:
    """Every school, township and the county at `on` (default: today by the ledger's clock)."""
    conn = ledger.conn
    on = on or ledger.clock.today()
    names = _school_names(ledger)
    chains, keys_, imports = _chains(conn), _key_statuses(conn), _imports(conn)
    conflicts, roll = _conflicts(conn), _roll(conn)
    queue = identity.queue_counts(ledger)
    with SchoolsSnapshot(conn, on) as snap:
        year, cohorts = snap.year_counts(), snap.cohort_counts(DASHBOARD_COHORTS)
    enrolled = {org: bands.get("all", PopulationCounts())
                for org, bands in population.counts(conn, on)[0].items()}
    orgs = sorted({o for o in (*names, *roll.pupils, *(o for o, _ in year)) if o.startswith("S:")})
    by_school_year: dict[str, dict[int, YearCounts]] = {}
    for (org, g), counts in year.items():
        by_school_year.setdefault(org, {})[g] = counts
    county_profile = ledger.settings.profile()
    rows = []
    for org in orgs:
        count, last = imports.get(org, (0, ""))
        key_status, active_keys = keys_.get(org, ("none", 0))
        town = roll.township.get(org, "")
        rows.append(SchoolRow(
            org=org, code=org[2:], name=names.get(org, org[2:]), township=town,
            township_name=roll.township_names.get(town, ""),
            key_status=key_status, active_keys=active_keys, last_import=last, packages=count,
            chains=chains.get(org, Chains()), conflicts=conflicts.get(org, 0),
            pupils=roll.pupils.get(org, 0), duplicates=queue.duplicates.by_school.get(org, 0),
            identity_cases=queue.cases_by_school.get(org, 0),
            fork_pending=bool(flags.forks(conn, org)),
            rates=rates_of(by_school_year.get(org, {}), cohorts.get(org, {}),
                           ledger.settings.profile(for_org=org), enrolled.get(org)),
        ))
    rows.sort(key=_sort_key)
    towns: dict[str, list[SchoolRow]] = {}
    for row in rows:
        towns.setdefault(row.township, []).append(row)
    townships = [
        _group(key or "unknown", _town_label(key, roll.township_names.get(key, "")), members,
               by_school_year, cohorts, enrolled, county_profile, 0)
        for key, members in towns.items()
    ]
    townships.sort(key=lambda g: (0 if g.rates.distance_bp is not None else 1,
                                  -(g.rates.distance_bp or 0), g.key))
    total = _group("county", ledger.org.name or "全县", rows, by_school_year, cohorts, enrolled,
                   county_profile, queue.duplicates.extra)
    notes = []
    if queue.duplicates.extra:
        notes.append(f"有 {queue.duplicates.extra} 名学生同时在两所学校在籍（重复在籍，待核定），"
                     "全县在籍人数已按一人计；各校的辍学率和巩固率仍含这些学生。")
    return CountyDashboard(on, rows, townships, total, queue.open_cases,
                           queue.duplicates.extra, notes)


def _town_label(code: str, name: str) -> str:
    if not code:
        return "乡镇未知"
    return name or f"乡镇 {code}"


def _group(key: str, name: str, members: Iterable[SchoolRow],
           year: Mapping[str, Mapping[int, YearCounts]],
           cohorts: Mapping[str, Mapping[tuple[int, str], CohortCounts]],
           enrolled: Mapping[str, PopulationCounts], profile: Mapping[str, Any],
           merged: int) -> GroupRow:
    members = list(members)
    grades: dict[int, YearCounts] = {}
    for row in members:
        for g, counts in year.get(row.org, {}).items():
            grades[g] = grades.get(g, YearCounts()) + counts
    kept = add_cohorts(*(cohorts.get(row.org, {}) for row in members))
    listed = [enrolled[row.org] for row in members if row.org in enrolled]
    population_total = sum(listed, PopulationCounts()) if listed else None
    pupils = sum(r.pupils for r in members)
    return GroupRow(
        key=key, name=name, schools=len(members), pupils=pupils, children=pupils - merged,
        conflicts=sum(r.conflicts for r in members), gaps=sum(r.chains.gaps for r in members),
        forks=sum(r.chains.forks for r in members),
        rates=rates_of(grades, kept, profile, population_total))


def schools(ledger: Ledger, on: dt.date | None = None) -> list[SchoolRow]:
    """The per-school rows, furthest from target first."""
    return county_dashboard(ledger, on).schools


# --- JSON -----------------------------------------------------------------------------------


def _rates_json(rates: Rates) -> dict[str, Any]:
    return {"dropout_primary": figure_json(rates.dropout_primary),
            "dropout_junior": figure_json(rates.dropout_junior),
            "consolidation": figure_json(rates.consolidation),
            "enrolment": figure_json(rates.enrolment),
            "distance_bp": rates.distance_bp}


def to_json(board: CountyDashboard) -> dict[str, Any]:
    """The dashboard as plain data (for a `county status --json`)."""
    def group(g: GroupRow) -> dict[str, Any]:
        return {"key": g.key, "name": g.name, "schools": g.schools, "pupils": g.pupils,
                "children": g.children, "conflicts": g.conflicts, "gaps": g.gaps,
                "forks": g.forks, "rates": _rates_json(g.rates)}

    return {
        "date": board.on.isoformat(),
        "schools": [{
            "org": r.org, "code": r.code, "name": r.name, "township": r.township,
            "township_name": r.township_name, "key_status": r.key_status,
            "last_import": r.last_import, "packages": r.packages, "events": r.chains.events,
            "replicas": r.chains.replicas, "gaps": r.chains.gaps, "forks": r.chains.forks,
            "fork_pending": r.fork_pending, "conflicts": r.conflicts, "pupils": r.pupils,
            "duplicates": r.duplicates, "identity_cases": r.identity_cases,
            "rates": _rates_json(r.rates),
        } for r in board.schools],
        "townships": [group(g) for g in board.townships],
        "total": group(board.total),
        "identity_open": board.identity_open,
        "duplicates_merged": board.duplicates_merged,
        "notes": board.notes,
    }
