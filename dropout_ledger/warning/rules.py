"""The rule table: nine early-warning rules, what each reads, its SQL, and its explanation.

Each rule is plain SQL over the ledger's projections, run once for the whole school (never a
query per pupil), in two forms:

- `now_sql`: the pupils for whom the rule holds on a date, with the facts its explanation names;
- `fired_sql`: for the back-test, which probes (a pupil and a date range, in the temporary table
  `warn_probe`) saw the rule hold on at least one day of their range.

A rule "holds" on day t:

| code | holds on day t when | facts it reads |
|---|---|---|
| absence_count | ≥ `warn_absence_count` unexcused days in the `warn_absence_window_days` ending t | rec_absence |
| absence_run | a run of ≥ `warn_absence_run` consecutive unexcused school days reached that length in the window | rec_absence |
| return_window | an unexcused absence in the window fell on one of the first `warn_return_school_days` school days after a term start or a holiday | rec_absence, profile dates |
| study_behaviour | the class teacher marked 学业困难, 违纪, 沉迷网络, 涉案, 缺勤 or 返校迟 | students.at_risk |
| recent_return | the pupil came back from dropping out within `returned_followup_days` | status_facts |
| left_behind | 单亲 or 双亲外出留守 | students.left_behind |
| elderly_guardian | every guardian on record is a grandparent (隔代监护) | students.guardians |
| family_crisis | orphan, 事实无人抚养, 困境儿童, or marked 家庭变故 / 单亲 | students.* flags, at_risk |
| overage | ≥ `warn_overage_years` older than the grade by the entry-age rule | students.birth_date, grade |

The first five are *signals* (something happened); the last four are *background* (a situation
the pupil lives in). One signal flags a pupil; background alone flags only when at least
`warn_background_min` of them hold, because a quarter of a rural roll is left behind and a
list of a quarter of the school warns nobody.

"Since" is the day the rule became true and stayed true until the evaluation day. For a field
of the student record it is the day the value was recorded: the edit's claimed wall date, or
for a value given when the pupil was registered, the registration's effective date (the value
described the pupil then). History older than that the ledger does not have.

No rule reads sex, ethnicity or the economic category: `FORBIDDEN_COLUMNS`, checked by a test
against every rule's SQL. Poverty leads to a subsidy check (evaluate.py), not to a flag.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from dropout_ledger.model import codes
from dropout_ledger.model.identity import school_year_start
from dropout_ledger.services.calendar import cn_date, return_windows

FORBIDDEN_COLUMNS = frozenset({"sex", "ethnicity", "economic_category"})
"""Columns no rule may read: protected attributes, and poverty (a subsidy matter, not a risk)."""

WATCHED = "+s.retracted = 0 AND +s.status IN ('enrolled', 'returned')"
"""Pupils the rules look at: in class. A suspected or dropped-out pupil is a case already.
(The `+` keeps SQLite off the status index: nearly every pupil is in class, and reading the
table straight through is three times faster than the index and a lookup per row.)"""

STUDY_CODES = ("academic", "discipline", "internet", "legal_case", "absence", "late_return",
               "other")
"""at_risk marks a teacher sets for study, behaviour and attendance; not poverty (a subsidy
check), nor the family, return and age marks that other rules read from structured fields."""
FAMILY_CODES = ("family_crisis", "single_parent")
GRANDPARENTS = ("grandfather", "grandmother", "maternal_grandfather", "maternal_grandmother")

_MONDAY_2000 = 2451546.5
"""julianday('2000-01-03'), a Monday: school days are counted from it."""


def _sql_list(values: Sequence[str]) -> str:
    return ", ".join(f"'{v}'" for v in values)


@dataclass(frozen=True)
class Context:
    """The numbers every rule's SQL needs, from the county profile and the evaluation date.

    `first` is the earliest day any rule will be asked about (the back-test reaches back a year);
    the return windows are listed from there.
    """

    on: dt.date
    window: int
    count: int
    run: int
    return_days: int
    overage: int
    followup: int
    exclude_weekends: bool
    windows: tuple[tuple[str, tuple[dt.date, ...]], ...] = field(default=())

    @classmethod
    def of(cls, profile: Mapping[str, Any], on: dt.date, first: dt.date | None = None) -> Context:
        window = int(profile["warn_absence_window_days"])
        first = first or on - dt.timedelta(days=window * 3)
        return cls(
            on=on, window=window, count=int(profile["warn_absence_count"]),
            run=int(profile["warn_absence_run"]),
            return_days=int(profile["warn_return_school_days"]),
            overage=int(profile["warn_overage_years"]),
            followup=int(profile["returned_followup_days"]),
            exclude_weekends=bool(profile["exclude_weekends"]),
            windows=tuple((label, tuple(days)) for label, days in
                          return_windows(profile, first - dt.timedelta(days=window), on)),
        )

    def day(self, offset: int) -> str:
        return (self.on + dt.timedelta(days=offset)).isoformat()

    def params(self, back_days: int | None = None) -> dict[str, Any]:
        """Named parameters of every rule's SQL."""
        back = back_days if back_days is not None else self.window * 3
        values: dict[str, Any] = {
            "on": self.on.isoformat(), "win_start": self.day(1 - self.window),
            "back_start": self.day(-back), "count": self.count, "run": self.run,
            "years": self.overage, "sys": school_year_start(self.on),
            "ret_start": self.day(1 - self.followup),
            "w_back": f"-{self.window - 1} days", "f_back": f"-{max(self.followup - 1, 0)} days",
            "followup": self.followup, "only": None,
        }
        for number, (day, label) in enumerate(self.return_day_labels()):
            values[f"rd_{number}"], values[f"rl_{number}"] = day.isoformat(), label
        return values

    def return_day_labels(self) -> list[tuple[dt.date, str]]:
        return [(day, label) for label, days in self.windows for day in days]

    def return_days_cte(self) -> str:
        """`rd(day, label)`: every school day inside a post-break window."""
        rows = self.return_day_labels()
        if not rows:
            return "rd(day, label) AS (SELECT NULL, NULL WHERE 0)"
        values = ", ".join(f"(:rd_{n}, :rl_{n})" for n in range(len(rows)))
        return f"rd(day, label) AS (VALUES {values})"

    def school_day(self, column: str) -> str:
        """SQL numbering school days: with weekends excluded, Friday and Monday are adjacent
        (a Saturday or Sunday gets the next Monday's number)."""
        n = f"CAST(julianday({column}) - {_MONDAY_2000} AS INTEGER)"
        return f"(({n}) / 7 * 5 + min(({n}) % 7, 5))" if self.exclude_weekends else n

    def school_date(self, column: str) -> str:
        """SQL turning a `school_day` number back into its date."""
        n = f"(({column}) / 5 * 7 + ({column}) % 5)" if self.exclude_weekends else f"({column})"
        return f"date({_MONDAY_2000} + {n})"


def since_sql(column: str) -> str:
    """SQL: the day a student field got its current value (see the module docstring)."""
    return (
        "coalesce((SELECT substr(max(json_extract(CAST(e.hdr AS TEXT), '$.wall')), 1, 10)"
        " FROM field_heads h JOIN events e ON e.eid = h.eid"
        f" WHERE h.ent = 'student:' || s.id AND h.field = '{column}'),"
        " (SELECT min(f.effective_date) FROM status_facts f"
        " WHERE f.student_id = s.id AND f.retracted = 0), '')")


def chain_since(events: Sequence[str], on: str, window: int) -> str:
    """The first day of the unbroken stretch, ending `on`, in which some event lies in the last
    `window` days: each event keeps the rule true for `window` days from its date."""
    days = sorted({dt.date.fromisoformat(d) for d in events if d <= on}, reverse=True)
    end = dt.date.fromisoformat(on)
    since: dt.date | None = None
    for day in days:
        if day + dt.timedelta(days=window - 1) < (since - dt.timedelta(days=1) if since else end):
            break
        since = day
    return since.isoformat() if since else ""


def count_since(dates: Sequence[str], on: str, window: int, count: int) -> str:
    """The first day of the unbroken stretch, ending `on`, on which the `window` days ending that
    day held at least `count` of `dates`; "" if `on` itself does not."""
    days = sorted({dt.date.fromisoformat(d) for d in dates})
    day = dt.date.fromisoformat(on)
    earliest = days[0] if days else day
    since = ""
    while day >= earliest:
        start = day - dt.timedelta(days=window - 1)
        if sum(1 for d in days if start <= d <= day) < count:
            break
        since, day = day.isoformat(), day - dt.timedelta(days=1)
    return since


Explain = Callable[[tuple[Any, ...], Context], tuple[str, str] | None]
"""(row of now_sql without the student id, context) → (since, Chinese detail), or None."""


@dataclass(frozen=True)
class Rule:
    """One early-warning rule. `reads` lists every ledger column it looks at (table.column);
    `params` the profile fields that tune it; `why` says, in Chinese, what it catches and why."""

    code: str
    label: str
    signal: bool
    reads: frozenset[str]
    params: tuple[str, ...]
    why: str
    now_sql: Callable[[Context], str]
    fired_sql: Callable[[Context], str]
    explain: Explain
    holds: str
    """When it holds, in Chinese, with the county's numbers as {window}, {count}, {run},
    {return_days}, {overage}, {followup} (see `describe`)."""
    cond: str = ""
    """For a rule over the student record: its condition on `s` alone, without the since-date
    (evaluate.py counts background conditions with it before paying for the dates)."""


# --- attendance ------------------------------------------------------------------------------

_ABSENCES = ("SELECT a.student_id, a.date FROM rec_absence a NOT INDEXED"
             " WHERE a.retracted = 0 AND a.excused = 0 AND a.date BETWEEN :back_start AND :on")
"""Unexcused absences in the look-back (a day recorded twice appears twice: callers group).
NOT INDEXED: the only index is by pupil, and reading the whole table through it costs a lookup
per row (three times slower than a plain scan at 400,000 absences)."""


def _count_now(ctx: Context) -> str:
    return (f"SELECT g.student_id, g.dates FROM (SELECT a.student_id,"
            f" group_concat(DISTINCT a.date) AS dates FROM ({_ABSENCES}) a GROUP BY a.student_id"
            " HAVING count(DISTINCT CASE WHEN a.date >= :win_start THEN a.date END) >= :count) g"
            f" CROSS JOIN students s ON s.id = g.student_id WHERE {WATCHED}")


def _count_fired(ctx: Context) -> str:
    # The count over the window ending on day t only rises on an absence day, so it is highest
    # on the probe's first day or on one of its absence days: test those two kinds of day.
    return f"""
WITH ab AS MATERIALIZED (SELECT student_id, date FROM ({_ABSENCES}) GROUP BY student_id, date),
peak AS (SELECT student_id, date, count(*) OVER (PARTITION BY student_id ORDER BY julianday(date)
         RANGE BETWEEN {ctx.window - 1} PRECEDING AND CURRENT ROW) AS n FROM ab)
SELECT p.pid FROM peak a CROSS JOIN temp.warn_probe p ON p.student_id = a.student_id
 WHERE a.n >= :count AND a.date BETWEEN p.t0 AND p.t1
UNION
SELECT p.pid FROM ab a CROSS JOIN temp.warn_probe p ON p.student_id = a.student_id
 WHERE a.date BETWEEN date(p.t0, :w_back) AND p.t0 GROUP BY p.pid HAVING count(*) >= :count"""


def _count_explain(row: tuple[Any, ...], ctx: Context) -> tuple[str, str] | None:
    dates = sorted(str(row[0]).split(","))
    start = ctx.day(1 - ctx.window)
    recent = [d for d in dates if d >= start]
    since = count_since(dates, ctx.on.isoformat(), ctx.window, ctx.count)
    if len(recent) < ctx.count or not since:
        return None
    return since, f"近{ctx.window}天无故缺课{len(recent)}天（{cn_date(recent[0])}起）"


def _runs_cte(ctx: Context) -> str:
    """`reached(student_id, date, first, last, len)`: each run of at least `:run` consecutive
    school days, with the day it reached that length. One window pass: in a run, school-day
    number minus rank is constant (gaps and islands), and the day the run reached `:run` days
    is its first school-day number plus `:run` - 1, turned back into a date."""
    return f"""
WITH ab AS (SELECT a.student_id, {ctx.school_day('a.date')} AS sd, min(a.date) AS date
            FROM ({_ABSENCES}) a GROUP BY a.student_id, sd),
isl AS (SELECT student_id, sd, date, sd - row_number() OVER (PARTITION BY student_id ORDER BY sd)
        AS grp FROM ab),
runs AS (SELECT student_id, min(sd) + :run - 1 AS rsd, min(date) AS first, max(date) AS last,
         count(*) AS len FROM isl GROUP BY student_id, grp HAVING count(*) >= :run),
reached AS (SELECT student_id, {ctx.school_date('rsd')} AS date, first, last, len FROM runs)"""


def _run_now(ctx: Context) -> str:
    return (_runs_cte(ctx) +
            "\nSELECT r.student_id, group_concat(r.date || '|' || r.first || '|' || r.last || '|'"
            " || r.len) FROM reached r CROSS JOIN students s ON s.id = r.student_id"
            f" WHERE {WATCHED} GROUP BY r.student_id HAVING max(r.date) >= :win_start")


def _run_fired(ctx: Context) -> str:
    return (_runs_cte(ctx) +
            "\nSELECT DISTINCT p.pid FROM reached r CROSS JOIN temp.warn_probe p"
            " ON p.student_id = r.student_id WHERE r.date BETWEEN date(p.t0, :w_back) AND p.t1")


def _run_explain(row: tuple[Any, ...], ctx: Context) -> tuple[str, str] | None:
    runs = [part.split("|") for part in str(row[0]).split(",")]
    start = ctx.day(1 - ctx.window)
    recent = [r for r in runs if r[0] >= start]
    if not recent:
        return None
    _, first, last, length = max(recent, key=lambda r: (int(r[3]), r[2]))
    since = chain_since([r[0] for r in runs], ctx.on.isoformat(), ctx.window)
    span = cn_date(first) if first == last else f"{cn_date(first)}至{cn_date(last)}"
    return since, f"{span}连续无故缺课{length}天"


def _return_hits(ctx: Context) -> str:
    return (f"WITH {ctx.return_days_cte()},\n"
            f"hit AS MATERIALIZED (SELECT a.student_id, a.date FROM ({_ABSENCES}) a"
            " WHERE a.date IN (SELECT day FROM rd))\n")


def _return_now(ctx: Context) -> str:
    return (_return_hits(ctx) +
            "SELECT h.student_id, group_concat(DISTINCT h.date || '|' || rd.label)"
            " FROM hit h JOIN rd ON rd.day = h.date CROSS JOIN students s ON s.id = h.student_id"
            f" WHERE {WATCHED} GROUP BY h.student_id HAVING max(h.date) >= :win_start")


def _return_fired(ctx: Context) -> str:
    return (_return_hits(ctx) +
            "SELECT DISTINCT p.pid FROM hit a CROSS JOIN temp.warn_probe p"
            " ON p.student_id = a.student_id WHERE a.date BETWEEN date(p.t0, :w_back) AND p.t1")


def _return_explain(row: tuple[Any, ...], ctx: Context) -> tuple[str, str] | None:
    pairs = sorted(part.split("|", 1) for part in str(row[0]).split(","))
    start = ctx.day(1 - ctx.window)
    recent = [(d, label) for d, label in pairs if d >= start]
    if not recent:
        return None
    label = recent[-1][1]
    days = [d for d, lab in recent if lab == label]
    since = chain_since([d for d, _ in pairs], ctx.on.isoformat(), ctx.window)
    name = label.split("年", 1)[1]
    listed = "、".join(cn_date(d) for d in days)
    return since, f"{name}头{ctx.return_days}个上学日内无故缺课{len(days)}天（{listed}）"


# --- history ---------------------------------------------------------------------------------

_RETURN_NOW = f"""
SELECT f.student_id, min(f.effective_date), max(f.effective_date),
       (SELECT count(*) FROM status_facts d WHERE d.student_id = f.student_id
           AND d.retracted = 0 AND d.code = 'dropped_out')
  FROM status_facts f CROSS JOIN students s ON s.id = f.student_id
 WHERE f.retracted = 0 AND f.code = 'returned' AND f.effective_date BETWEEN :ret_start AND :on
   AND {WATCHED}
 GROUP BY f.student_id"""

_RETURN_FIRED = """
SELECT DISTINCT p.pid FROM status_facts f CROSS JOIN temp.warn_probe p
    ON p.student_id = f.student_id
 WHERE :followup > 0 AND f.retracted = 0 AND f.code = 'returned'
   AND f.effective_date BETWEEN date(p.t0, :f_back) AND p.t1"""


def _recent_return_explain(row: tuple[Any, ...], ctx: Context) -> tuple[str, str] | None:
    first, last, times = str(row[0]), str(row[1]), int(row[2] or 0)
    before = f"（曾辍学{times}次）" if times > 1 else "（曾辍学）"
    return first, f"{cn_date(last, year=last[:4] != ctx.on.isoformat()[:4])}复学{before}，" \
                  f"仍在{ctx.followup}天复学跟踪期内"


# --- the student record: study, family, age ------------------------------------------------


def _field_rule_sql(cond: str, facts: str, since: str) -> tuple[Callable[[Context], str],
                                                                 Callable[[Context], str]]:
    """now_sql and fired_sql of a rule over the student record: `cond` holds now, and for the
    back-test it held on a probe's range if it holds now and was recorded by the range's end."""

    def now(ctx: Context) -> str:
        return (f"SELECT s.id, {since}, {facts} FROM students s WHERE {WATCHED} AND {cond}"
                " AND (:only IS NULL OR s.id IN (SELECT value FROM json_each(:only)))")

    def fired(ctx: Context) -> str:
        return (f"WITH f AS MATERIALIZED (SELECT s.id, {since} AS since FROM students s"
                f" WHERE +s.retracted = 0 AND {cond})"
                " SELECT p.pid FROM f CROSS JOIN temp.warn_probe p ON p.student_id = f.id"
                " WHERE f.since <= p.t1")

    return now, fired


def _codes_in(column: str, wanted: Sequence[str]) -> str:
    return (f"(s.{column} != '[]' AND EXISTS (SELECT 1 FROM json_each(s.{column}) j"
            f" WHERE j.value IN ({_sql_list(wanted)})))")


def _codes_listed(column: str, wanted: Sequence[str]) -> str:
    return (f"(SELECT group_concat(j.value) FROM json_each(s.{column}) j"
            f" WHERE j.value IN ({_sql_list(wanted)}))")


def _labels(table: codes.CodeTable, listed: Any) -> list[str]:
    return [codes.label_of(table, code) for code in str(listed or "").split(",") if code]


_STUDY_NOW, _STUDY_FIRED = _field_rule_sql(
    _codes_in("at_risk", STUDY_CODES), _codes_listed("at_risk", STUDY_CODES),
    since_sql("at_risk"))


def _study_explain(row: tuple[Any, ...], ctx: Context) -> tuple[str, str] | None:
    return str(row[0]), "班主任标记：" + "、".join(_labels(codes.RISK_INDICATORS, row[1]))


_LEFT_COND = "s.left_behind IN ('1', '2')"
_LEFT_NOW, _LEFT_FIRED = _field_rule_sql(_LEFT_COND, "s.left_behind", since_sql("left_behind"))


def _left_explain(row: tuple[Any, ...], ctx: Context) -> tuple[str, str] | None:
    return str(row[0]), codes.label_of(codes.LEFT_BEHIND, str(row[1]))


_ELDERLY_COND = (
    "(s.guardians LIKE '%grand%' AND json_array_length(s.guardians) > 0 AND NOT EXISTS ("
    "SELECT 1 FROM json_each(s.guardians) g WHERE coalesce(json_extract(g.value, '$.relation'),"
    f" '') NOT IN ({_sql_list(GRANDPARENTS)})))")
_ELDERLY_NOW, _ELDERLY_FIRED = _field_rule_sql(
    _ELDERLY_COND,
    "(SELECT group_concat(json_extract(g.value, '$.relation')) FROM json_each(s.guardians) g)",
    since_sql("guardians"))


def _elderly_explain(row: tuple[Any, ...], ctx: Context) -> tuple[str, str] | None:
    relations = sorted(set(_labels(codes.GUARDIAN_RELATIONS, row[1])))
    return str(row[0]), f"监护人只有{'、'.join(relations)}（隔代监护）"


_FAMILY_FLAGS = (("orphan", "孤儿"), ("unsupported", "事实无人抚养儿童"),
                 ("in_difficulty", "困境儿童"))
_FAMILY_COND = "(" + " OR ".join(
    [f"s.{name} = 1" for name, _ in _FAMILY_FLAGS] + [_codes_in("at_risk", FAMILY_CODES)]) + ")"
# The rule became true when the first of its facts was recorded: the least since of those that
# hold (a fact that does not hold contributes '9999', never the minimum).
_FAMILY_SINCE = "min(" + ", ".join(
    [f"CASE WHEN s.{name} = 1 THEN {since_sql(name)} ELSE '9999' END" for name, _ in _FAMILY_FLAGS]
    + [f"CASE WHEN {_codes_in('at_risk', FAMILY_CODES)} THEN {since_sql('at_risk')}"
       " ELSE '9999' END"]) + ")"
_FAMILY_NOW, _FAMILY_FIRED = _field_rule_sql(
    _FAMILY_COND,
    ", ".join([f"s.{name}" for name, _ in _FAMILY_FLAGS] + [_codes_listed("at_risk", FAMILY_CODES)]),
    _FAMILY_SINCE)


def _family_explain(row: tuple[Any, ...], ctx: Context) -> tuple[str, str] | None:
    facts = [label for (_, label), value in zip(_FAMILY_FLAGS, row[1:4], strict=True) if value]
    facts += [f"班主任标记{label}" for label in _labels(codes.RISK_INDICATORS, row[4])]
    return str(row[0]), "、".join(facts)


_GAP = ("(:sys - (CAST(substr(s.birth_date, 1, 4) AS INTEGER)"
        " + CASE WHEN substr(s.birth_date, 6, 5) <= '08-31' THEN 6 ELSE 7 END) + 1 - s.grade)")
"""Years older than the grade: identity.expected_grade in SQL (6 by 31 August enters grade 1)."""
_OVERAGE_COND = f"(s.birth_date > '' AND s.grade > 0 AND {_GAP} >= :years)"
_OVERAGE_NOW, _OVERAGE_FIRED = _field_rule_sql(
    _OVERAGE_COND,
    f"s.grade, {_GAP}",
    f"max({since_sql('grade')}, {since_sql('birth_date')})")


def _overage_explain(row: tuple[Any, ...], ctx: Context) -> tuple[str, str] | None:
    grade, gap = int(row[1]), int(row[2])
    return str(row[0]), f"按出生日期应读{grade + gap}年级，现读{grade}年级（大{gap}岁）"


# --- the table -------------------------------------------------------------------------------

_ABSENCE_READS = frozenset({"rec_absence.date", "rec_absence.excused", "rec_absence.student_id",
                            "rec_absence.retracted"})
_STUDENT = frozenset({"students.id", "students.retracted", "students.status"})
_SINCE = frozenset({"field_heads.*", "events.hdr", "status_facts.effective_date"})

RULES: tuple[Rule, ...] = (
    Rule("absence_count", "近期多次无故缺课", True, _ABSENCE_READS | _STUDENT,
         ("warn_absence_window_days", "warn_absence_count"),
         "缺勤登记中近一段时间无故缺课的天数（已请假的不算）。反复短时缺课是辍学前最常见的迹象。",
         _count_now, _count_fired, _count_explain,
         "近{window}天内无故缺课{count}天及以上"),
    Rule("absence_run", "连续无故缺课", True, _ABSENCE_READS | _STUDENT,
         ("warn_absence_window_days", "warn_absence_run", "exclude_weekends"),
         "近一段时间内连续几个上学日无故缺课（不计周末时，周五和下周一算连续）。",
         _run_now, _run_fired, _run_explain,
         "近{window}天内有连续{run}个上学日无故缺课"),
    Rule("return_window", "开学或节后返校期缺课", True, _ABSENCE_READS | _STUDENT,
         ("warn_return_school_days", "warn_absence_window_days", "spring_term_start",
          "autumn_term_start", "may_day_return", "national_day_return"),
         "开学和长假后返校头几个上学日无故缺课，一天就预警：春节后开学是外出打工离校的高峰。",
         _return_now, _return_fired, _return_explain,
         "近{window}天内，开学或劳动节、国庆节后返校头{return_days}个上学日中有无故缺课"),
    Rule("study_behaviour", "学习或行为问题", True,
         _STUDENT | {"students.at_risk"} | _SINCE, (),
         "班主任在学生资料中标记的学业困难、违纪较多、沉迷网络、涉案、多次缺勤或假期后未按时返校。"
         "只读勾选的标记，不读帮扶记录里的文字。", _STUDY_NOW, _STUDY_FIRED, _study_explain,
         "班主任标记了学业困难、违纪、沉迷网络、涉案、多次缺勤、节后迟返或其他"),
    Rule("recent_return", "辍学后复学不久", True, _STUDENT | {"status_facts.code",
         "status_facts.effective_date", "status_facts.retracted", "status_facts.student_id"},
         ("returned_followup_days",),
         "辍学后复学、仍在复学跟踪期内的学生：复学生再次辍学的风险高。",
         lambda ctx: _RETURN_NOW, lambda ctx: _RETURN_FIRED, _recent_return_explain,
         "辍学后复学未满{followup}天"),
    Rule("left_behind", "留守儿童", False, _STUDENT | {"students.left_behind"} | _SINCE, (),
         "父母一方或双方外出务工的留守儿童（学籍中的留守标记）。", _LEFT_NOW, _LEFT_FIRED,
         _left_explain, "单亲或双亲外出留守", _LEFT_COND),
    Rule("elderly_guardian", "隔代监护", False, _STUDENT | {"students.guardians"} | _SINCE, (),
         "登记的监护人都是祖父母或外祖父母：监护人年老，难以督促上学。", _ELDERLY_NOW,
         _ELDERLY_FIRED, _elderly_explain, "登记的监护人都是祖父母或外祖父母",
         _ELDERLY_COND),
    Rule("family_crisis", "家庭变故或困境", False,
         _STUDENT | {"students.orphan", "students.unsupported", "students.in_difficulty",
                     "students.at_risk"} | _SINCE, (),
         "孤儿、事实无人抚养儿童、困境儿童，或班主任标记的家庭变故、单亲家庭。", _FAMILY_NOW,
         _FAMILY_FIRED, _family_explain,
         "孤儿、事实无人抚养儿童、困境儿童，或班主任标记家庭变故、单亲家庭", _FAMILY_COND),
    Rule("overage", "超龄", False,
         _STUDENT | {"students.birth_date", "students.grade"} | _SINCE, ("warn_overage_years",),
         "按出生日期比应读年级大几岁（晚入学或留级）：年龄越接近16岁，越容易外出打工。",
         _OVERAGE_NOW, _OVERAGE_FIRED, _overage_explain,
         "按出生日期比应读年级大{overage}岁及以上", _OVERAGE_COND),
)
RULES_BY_CODE: dict[str, Rule] = {rule.code: rule for rule in RULES}


def describe(rule: Rule, profile: Mapping[str, Any]) -> str:
    """When `rule` holds, with the county's numbers: "近30天内无故缺课3天及以上"."""
    ctx = Context.of(profile, dt.date(2000, 1, 3), dt.date(2000, 1, 3))
    text = rule.holds.format(window=ctx.window, count=ctx.count, run=ctx.run,
                             return_days=ctx.return_days, overage=ctx.overage,
                             followup=ctx.followup)
    if rule.code == "absence_run" and not ctx.exclude_weekends:
        text += "（周末也算上学日）"
    if (rule.code == "return_window" and ctx.return_days == 0) or (
            rule.code == "recent_return" and ctx.followup == 0):
        text += "（县里设为不用）"
    return text


def enabled(profile: Mapping[str, Any]) -> tuple[Rule, ...]:
    """The rules the county has not switched off (`warn_rules_off`)."""
    off = set(profile.get("warn_rules_off") or ())
    return tuple(rule for rule in RULES if rule.code not in off)
