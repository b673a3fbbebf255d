"""适龄儿童入学率 from the county's 户籍适龄儿童名单, as the school checked it (四查三比对).

The school-age population is not in the roll: it is the county's list of children registered
(户籍) in the school's area, which reaches the school as a file and is kept, row by row, by the
list check (`reconcile`, decision 0015): a `checklist:<id>` entity of kind "household" and one
`list_check` record per row, with the pupil it matched ("" if none) and the school's answer
(`records.LIST_OUTCOMES`). On a county ledger those records arrive with each school's events, so
the same query gives every school's figure at once (grouped by the list's school: the
organisation whose event created the list).

For each organisation the newest live household list imported on or before the snapshot date
is its population. Each row is one of (`PopulationCounts`, disjoint, in this order):

- **here**: the matched pupil attends this school on the snapshot date (在校, 送教上门, 疑似辍学,
  复学跟踪, as the dropout rates count 在校) — the ledger's dated status wins over an older
  answer; or, unmatched, answered 核实在本校就读 / 送教上门 / 劝返复学;
- **excluded** from the population: answered 死亡, 出国（境）, 超过义务教育年龄, 延缓入学,
  户籍或身份信息有误, 不属实或非本校学生, or the matched pupil is 死亡 / 超龄离校;
- **elsewhere**: answered 在省内/省外其他学校就读, 转入特殊教育学校, 在校就读但无学籍, or the
  matched pupil is 转出 (a verified transfer, domain §2.3) or 毕业 (went on to the next level);
- **suspended**: 休学 by status or answer — not enrolled until they return (domain §6);
- **out**: known to be out of school (辍学 by status, or any other answer);
- **unverified**: not on the roll here and not answered yet.

入学率 = (here + elsewhere) ÷ (rows − excluded). Age bands by completed years on 31 August of
the snapshot's school year (domain §6's "6–11" form): primary 6–11, junior 12–14; the birth
date is the list's, else the matched pupil's, else the 18-digit ID number's. "all" is every row
of the list (the county's list *is* the school-age population), with or without a birth date.
docs/decisions/0013-rates.md says why.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from dataclasses import dataclass

from dropout_ledger import canonical
from dropout_ledger.model.identity import school_year_start
from dropout_ledger.model.status import Status
from dropout_ledger.rates.formulas import PopulationCounts
from dropout_ledger.rates.snapshot import ATTENDING
from dropout_ledger.store import sqlite as sqlite3

HOUSEHOLD = "household"
LIST_PREFIX = "checklist:"
BANDS: Mapping[str, tuple[int, int]] = {"primary": (6, 11), "junior": (12, 14)}

HERE_OUTCOMES = frozenset({"at_school", "home_teaching", "returned"})
EXCLUDED_OUTCOMES = frozenset(
    {"deceased", "abroad", "overage", "deferred", "registry_error", "not_ours"})
ELSEWHERE_OUTCOMES = frozenset(
    {"elsewhere_in_province", "elsewhere_out_of_province", "special_school", "no_registry_study"})
_ATTENDING = frozenset(s.value for s in ATTENDING)
_EXCLUDED_STATUSES = frozenset({Status.DECEASED.value, Status.OVERAGE_LEFT.value})
_ELSEWHERE_STATUSES = frozenset({Status.TRANSFERRED_OUT.value, Status.GRADUATED.value})


@dataclass(frozen=True)
class HouseholdList:
    """The list an organisation's figure is computed from."""

    list_id: str
    org: str
    title: str
    imported: str


def classify(outcome: str, code: str | None) -> str:
    """Which `PopulationCounts` field one list row falls in (the module doc's order)."""
    if code in _ATTENDING:
        return "here"
    if outcome in EXCLUDED_OUTCOMES or code in _EXCLUDED_STATUSES:
        return "excluded"
    if outcome in ELSEWHERE_OUTCOMES or code in _ELSEWHERE_STATUSES:
        return "elsewhere"
    if code is None and outcome in HERE_OUTCOMES:
        return "here"
    if code == Status.SUSPENDED.value or outcome == "suspended":
        return "suspended"
    if code is not None or outcome:
        return "out"
    return "unverified"


def household_lists(conn: sqlite3.Connection, on: dt.date, org: str = "") -> dict[str, HouseholdList]:
    """Per organisation, its newest live household list imported on or before `on`."""
    fields: dict[str, dict[str, str]] = {}
    for ent, name, value in conn.execute(
            "SELECT ent, field, value FROM settings WHERE ent >= ? AND ent < ?"
            " AND field IN ('kind', 'title', 'imported')", (LIST_PREFIX, "checklist;")):
        fields.setdefault(str(ent), {})[str(name)] = str(
            canonical.decode(str(value).encode(), checked=False))
    if not fields:
        return {}
    live = {str(list_id) for (list_id,) in conn.execute(
        "SELECT DISTINCT list_id FROM rec_list_check WHERE retracted = 0")}
    owners = dict(conn.execute(
        "SELECT n.ent, e.org FROM entities AS n JOIN events AS e ON e.eid = n.created_eid"
        " WHERE n.ent >= ? AND n.ent < ?", (LIST_PREFIX, "checklist;")).fetchall())
    newest: dict[str, HouseholdList] = {}
    for ent, values in fields.items():
        list_id, owner = ent[len(LIST_PREFIX):], str(owners.get(ent, ""))
        imported = values.get("imported", "")
        if (values.get("kind") != HOUSEHOLD or list_id not in live or imported > on.isoformat()
                or (org and owner != org)):
            continue
        found = HouseholdList(list_id, owner, values.get("title", ""), imported)
        kept = newest.get(owner)
        if kept is None or (imported, list_id) > (kept.imported, kept.list_id):
            newest[owner] = found
    return newest


_ROWS_SQL = """
SELECT list_id, CASE WHEN birth GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*'
           THEN :eve_year - CAST(substr(birth, 1, 4) AS INTEGER) - (substr(birth, 6, 5) > '08-31')
       END AS age, outcome, code, count(*)
FROM (
    SELECT r.list_id AS list_id, coalesce(r.outcome, '') AS outcome,
           coalesce(nullif(r.birth_date, ''), nullif(s.birth_date, ''),
                    CASE WHEN length(r.id_number) = 18 THEN substr(r.id_number, 7, 4) || '-'
                         || substr(r.id_number, 11, 2) || '-' || substr(r.id_number, 13, 2) END
           ) AS birth,
           CASE WHEN s.id IS NULL THEN NULL
                WHEN s.status_date <= :on THEN s.status
                ELSE (SELECT f.code FROM status_facts AS f
                      WHERE f.student_id = s.id AND f.retracted = 0 AND f.effective_date <= :on
                      ORDER BY f.effective_date DESC, f.lc DESC, f.eid DESC LIMIT 1)
           END AS code
    FROM rec_list_check AS r
    LEFT JOIN students AS s ON s.id = r.student_id AND s.retracted = 0
    WHERE r.retracted = 0 AND r.list_id IN (SELECT value FROM json_each(:lists))
)
GROUP BY list_id, age, outcome, code
"""


def counts(
    conn: sqlite3.Connection, on: dt.date, org: str = ""
) -> tuple[dict[str, dict[str, PopulationCounts]], dict[str, HouseholdList]]:
    """Per organisation and band ("primary", "junior", "all"), what became of its list's
    children at `on`; and the list each organisation's counts come from. One query for all."""
    lists = household_lists(conn, on, org)
    if not lists:
        return {}, {}
    owner = {found.list_id: found.org for found in lists.values()}
    out: dict[str, dict[str, PopulationCounts]] = {o: {} for o in lists}
    eve_year = school_year_start(on)
    for list_id, age, outcome, code, n in conn.execute(_ROWS_SQL, {
            "on": on.isoformat(), "eve_year": eve_year, "lists": json.dumps(sorted(owner))}):
        part = PopulationCounts(**{classify(str(outcome), code): int(n)})
        bands = out[owner[str(list_id)]]
        keys = ["all"] + [band for band, (low, high) in BANDS.items()
                          if age is not None and low <= int(age) <= high]
        for key in keys:
            bands[key] = bands.get(key, PopulationCounts()) + part
    return out, lists
