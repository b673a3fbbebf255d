"""The 控辍保学台账 of one roster view as an .xlsx: the columns of domain.md §5.1 the ledger holds.

Which pupils and in what order come from `Queries.iter_roster`, the same paged query the list
and the command line use, so an export always matches what the roster screen shows and what
`count(view)` says. The columns a roster row does not carry (guardians, the case, visits, legal
documents, absences) are read for a batch of rows at a time by primary key or student index,
never for the whole ledger at once.

Privacy (domain.md §10, design README §7): ID numbers and 学籍号 are masked (first 6 and last 4
kept) unless the caller asks for full numbers and the operator's role has
`Permission.FULL_IDS`; the economic category column exists only when asked for and the role has
`Permission.RESTRICTED`. A role without `Permission.EXPORT_LISTS` (a class teacher) may not
export named lists at all. No role (nobody logged in: accounts are not built yet) exports the
masked list every printout shows. docs/decisions/0011-xlsx-exports.md explains the choice.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from itertools import chain, islice
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dropout_ledger import canonical
from dropout_ledger.errors import InputRefused
from dropout_ledger.exporting.xlsx import (
    SAMPLE_ROWS,
    Column,
    ExportResult,
    Heading,
    TableSheet,
    check_out_path,
    chunks,
    save_workbook,
    streaming_workbook,
)
from dropout_ledger.model import codes, identity
from dropout_ledger.model.access import Permission, may
from dropout_ledger.services import audit
from dropout_ledger.services.today import absence_run, school_days_back
from dropout_ledger.store.queries import VIEWS, RosterRow

if TYPE_CHECKING:
    from dropout_ledger.ledger import Ledger

BATCH = 1000
"""Rows whose extra columns are read with one query per table."""

PROGRESS_EVERY = 250
"""Rows between two calls of a progress callback."""

VIEW_TITLES: dict[str, str] = {
    "all": "全部学生",
    "on-roll": "在籍学生",
    "at-risk": "预警学生",
    "suspected": "疑似辍学学生",
    "dropped": "辍学学生",
    "returned": "复学跟踪学生",
    "home-taught": "送教上门学生",
    "suspended": "休学学生",
}
"""The Chinese name of each roster view (store/queries.py VIEWS), used in titles and messages."""

C = Column
ROSTER_COLUMNS: tuple[Column, ...] = (
    C("seq", "序号", 5),
    C("name", "姓名", 8),
    C("sex", "性别", 4),
    C("ethnicity", "民族", 6),
    C("birth_date", "出生日期", 11),
    C("id_number", "身份证号", 20, text=True),
    C("xjh", "全国学籍号", 21, text=True),
    C("grade", "年级", 7),
    C("class_name", "班级", 5),
    C("village_name", "户籍村（居）", 10, wrap=True),
    C("village_code", "村（居）区划代码", 14, text=True),
    C("address", "家庭住址", 16, wrap=True),
    C("guardians", "监护人（关系）", 15, wrap=True),
    C("guardian_phones", "监护人电话", 12, text=True, wrap=True),
    C("economic_category", "家庭经济困难类别", 10, wrap=True),
    C("groups", "特殊群体", 13, wrap=True),
    C("status", "状态", 8),
    C("status_date", "状态日期", 11),
    C("at_risk", "预警原因", 14, wrap=True),
    C("absence_start", "缺勤起始日期", 11),
    C("absence_days", "连续缺勤天数", 6),
    C("case_opened", "疑似辍学日期", 11),
    C("reason", "辍学原因", 14, wrap=True),
    C("whereabouts", "去向", 12, wrap=True),
    C("responsible", "包保责任人（教师/村/乡镇）", 14, wrap=True),
    C("visits", "劝返次数", 5),
    C("last_visit", "最近劝返日期", 11),
    C("stage", "当前劝返阶段", 14, wrap=True),
    C("legal_docs", "法律文书", 18, wrap=True),
    C("returned_date", "复学日期", 11),
    C("closed_date", "销号日期", 11),
    C("closure", "销号依据", 18, wrap=True),
    C("note", "备注", 14, wrap=True),
)
"""Every column an export can have, in printed order (domain.md §5.1, fields 1–23)."""

COLUMNS_BY_KEY: dict[str, Column] = {column.key: column for column in ROSTER_COLUMNS}
RESTRICTED_COLUMNS = frozenset({"economic_category"})

_IDENTITY = ("seq", "name", "sex", "ethnicity", "birth_date", "id_number", "xjh", "grade",
             "class_name", "village_name", "guardians", "guardian_phones", "economic_category",
             "groups", "status")
# The 辍学学生花名册 of domain.md §5.3 names a pupil by 学籍号 alone: room for the case columns.
_CASE_IDENTITY = ("seq", "name", "sex", "xjh", "grade", "class_name", "village_name", "guardians",
                  "guardian_phones", "economic_category", "groups", "status")
_CASE = ("case_opened", "reason", "whereabouts", "responsible", "visits", "last_visit", "stage")
VIEW_COLUMNS: dict[str, tuple[str, ...]] = {
    "all": (*_IDENTITY, "status_date", "at_risk", "note"),
    "on-roll": (*_IDENTITY, "status_date", "at_risk", "note"),
    "at-risk": (*_IDENTITY, "at_risk", "absence_start", "absence_days", "note"),
    "suspected": (*_CASE_IDENTITY, "absence_start", "absence_days", *_CASE, "note"),
    "dropped": (*_CASE_IDENTITY, "status_date", *_CASE, "legal_docs", "note"),
    "returned": (*_CASE_IDENTITY, "case_opened", "reason", "visits", "returned_date", "closed_date",
                 "closure", "note"),
    "home-taught": (*_IDENTITY, "status_date", "note"),
    "suspended": (*_IDENTITY, "status_date", "note"),
}
"""The columns each view prints by default: those that say something about its pupils, so one
A4 landscape page stays readable. `all_columns=True` gives every column of ROSTER_COLUMNS."""

Progress = Callable[[int, int], None]
"""Called with (rows written, rows in the view) after each batch; raise from it to cancel
(no file is left behind)."""


@dataclass(frozen=True)
class Disclosure:
    """What one export may show: whole ID numbers, restricted fields."""

    full_ids: bool = False
    restricted: bool = False


def disclosure_for(role: str | None, *, full_ids: bool = False,
                   restricted: bool = False) -> Disclosure:
    """Check the operator's role against what the export asks to show.

    Asking for more than the role allows is refused (exit 2), not silently masked, so nobody
    hands the county a file believing it holds whole numbers when it does not.
    """
    if role and not may(role, Permission.EXPORT_LISTS):
        raise InputRefused("当前操作员的角色无权导出学生名单。请由校长或学籍管理员导出。")
    if full_ids and not may(role, Permission.FULL_IDS):
        raise InputRefused("当前操作员无权导出完整身份证号，名单中的身份证号将隐去中间部分。"
                           "如确需完整号码，请由校长或学籍管理员导出。")
    if restricted and not may(role, Permission.RESTRICTED):
        raise InputRefused("当前操作员无权导出家庭经济困难类别等受限信息。请由校长导出。")
    return Disclosure(full_ids=full_ids, restricted=restricted)


def check_view(view: str, *, also: Mapping[str, str] | None = None) -> str:
    """Refuse a view name that is not a roster view (nor one of `also`, {name: Chinese title})."""
    if view not in VIEWS and view not in (also or {}):
        titles = {**VIEW_TITLES, **(also or {})}
        choices = "、".join(f"{key}（{title}）" for key, title in titles.items())
        raise InputRefused(f"没有名为“{view}”的名单。可选：{choices}。")
    return view


def roster_columns(view: str, disclosure: Disclosure, *,
                   all_columns: bool = False) -> tuple[Column, ...]:
    """The columns an export of `view` shows: restricted ones only when disclosed."""
    keys = set(VIEW_COLUMNS.get(view, COLUMNS_BY_KEY))
    return tuple(c for c in ROSTER_COLUMNS
                 if (all_columns or c.key in keys)
                 and (disclosure.restricted or c.key not in RESTRICTED_COLUMNS))


def export_roster(
    ledger: Ledger, view: str, out: Path, *, role: str | None = None, full_ids: bool = False,
    restricted: bool = False, search: str = "", all_columns: bool = False,
    progress: Progress | None = None,
) -> ExportResult:
    """Write the pupils of roster `view` (matching `search`) to the .xlsx file `out`.

    `role` is the operator's role (`model.access`); `full_ids` and `restricted` ask for whole ID
    numbers and restricted fields and are refused if the role lacks the permission. The view's
    own columns (VIEW_COLUMNS) are written, or every column with `all_columns`.
    """
    check_view(view)
    out = check_out_path(out, avoid=[ledger.path])
    # A signed-in operator's own role decides, whatever the caller passed (decision 0020).
    disclosure = disclosure_for(ledger.operator.role or role, full_ids=full_ids,
                                restricted=restricted)
    columns = roster_columns(view, disclosure, all_columns=all_columns)
    total = ledger.queries.count(view, search=search)
    rows = roster_values(ledger, view, disclosure, columns, search=search)
    sample = list(islice(rows, SAMPLE_ROWS))
    org = ledger.org
    title = f"{org.name}控辍保学台账（{VIEW_TITLES.get(view, view)}）"
    heading = Heading(title=title, org_name=org.name, date=ledger.clock.today(),
                      note=_note(disclosure, total), phone=_org_phone(ledger))
    with streaming_workbook() as workbook:
        sheet = TableSheet(workbook, VIEW_TITLES.get(view, view), heading, columns, sample)
        for number, values in enumerate(chain(sample, rows), start=1):
            sheet.append(values)
            _report(progress, number, total)
        written = sheet.finish()
        with audit.audited(ledger, "export", view=view, rows=written, file=out.name,
                           full_ids=disclosure.full_ids, restricted=disclosure.restricted,
                           search=bool(search)):
            save_workbook(workbook, out)
    if progress is not None:
        progress(written, total)
    return ExportResult(file=out, rows=written, view=view, full_ids=disclosure.full_ids,
                        restricted=disclosure.restricted)


def _report(progress: Progress | None, number: int, total: int) -> None:
    if progress is not None and number % PROGRESS_EVERY == 0:
        progress(number, total)


def _note(disclosure: Disclosure, total: int) -> str:
    note = f"共 {total} 人"
    if not disclosure.full_ids:
        note += "　身份证号、学籍号已隐去中间部分"
    return note


def _org_phone(ledger: Ledger) -> str:
    values = ledger.settings.entity(f"org:{ledger.org_id}")
    return str(values.get("phone") or "")


# --- rows ------------------------------------------------------------------------------------


def roster_values(
    ledger: Ledger, view: str, disclosure: Disclosure, columns: Sequence[Column], *,
    search: str = "",
) -> Iterator[list[Any]]:
    """Each pupil of `view` as the display values of `columns`, in roster order, streamed."""
    keys = [column.key for column in columns]
    for number, record in enumerate(roster_records(ledger, view, disclosure, search=search),
                                    start=1):
        record["seq"] = number
        yield [record.get(key, "") for key in keys]


def roster_records(
    ledger: Ledger, view: str, disclosure: Disclosure, *, search: str = ""
) -> Iterator[dict[str, Any]]:
    """Each pupil of `view` as {column key: display value} (no "seq"), in roster order."""
    profile = ledger.settings.profile()
    context = _Context(
        today=ledger.clock.today(),
        reasons={entry["code"]: entry["label"] for entry in profile["dropout_reasons"]},
        exclude_weekends=bool(profile["exclude_weekends"]),
        lookback=int(profile["confirm_days"]) * 2 + 14,
    )
    for batch in chunks(ledger.queries.iter_roster(view, search=search), BATCH):
        extra = _Batch(ledger, [row.student_id for row in batch], context)
        for row in batch:
            yield extra.record(row, disclosure)


@dataclass(frozen=True)
class _Context:
    today: dt.date
    reasons: Mapping[str, str]
    exclude_weekends: bool
    lookback: int


_STUDENT_EXTRA = (
    "id, ethnicity, birth_date, village_code, address, guardians, left_behind, orphan,"
    " unsupported, in_difficulty, migrant, disability_type, inclusive, economic_category,"
    " at_risk, note, status_date"
)
_CASE_COLUMNS = (
    "student_id, id, opened_date, reason_code, reason_text, whereabouts, teacher,"
    " village_contact, township_contact, closed_date, closure_reason, closure_evidence, stage"
)


class _Batch:
    """The columns of a batch of pupils that a RosterRow does not carry, one query per table."""

    def __init__(self, ledger: Ledger, ids: list[str], context: _Context) -> None:
        self.context = context
        conn = ledger.conn
        marks = ", ".join("?" for _ in ids)
        self.students = _by_first(conn.execute(
            f"SELECT {_STUDENT_EXTRA} FROM students WHERE id IN ({marks})", ids))
        self.cases: dict[str, tuple[Any, ...]] = {}
        for case in conn.execute(
            f"SELECT {_CASE_COLUMNS} FROM rec_case WHERE retracted = 0"
            f" AND student_id IN ({marks}) ORDER BY opened_date, created_lc", ids):
            self.cases[case[0]] = case  # the latest case of each pupil wins
        self.visits: dict[tuple[str, str | None], tuple[int, str]] = {
            (sid, case_id): (count, last) for sid, case_id, count, last in conn.execute(
                "SELECT student_id, case_id, count(*), max(date) FROM rec_visit"
                f" WHERE retracted = 0 AND student_id IN ({marks})"
                " GROUP BY student_id, case_id", ids)}
        self.legal: dict[str, list[str]] = {}
        for case_id, doc_type, issued in conn.execute(
            "SELECT case_id, doc_type, issued_date FROM rec_legal_doc"
            f" WHERE retracted = 0 AND student_id IN ({marks}) ORDER BY issued_date, created_lc",
            ids):
            label = codes.label_of(codes.LEGAL_DOC_TYPES, doc_type).split("（")[0]
            self.legal.setdefault(case_id or "", []).append(f"{issued} {label}")
        self.returned: dict[str, str] = dict(conn.execute(
            "SELECT student_id, max(effective_date) FROM status_facts"
            f" WHERE retracted = 0 AND code = 'returned' AND student_id IN ({marks})"
            " GROUP BY student_id", ids))
        since = (context.today - dt.timedelta(days=context.lookback)).isoformat()
        self.absences: dict[str, set[dt.date]] = {}
        for sid, day in conn.execute(
            "SELECT student_id, date FROM rec_absence WHERE retracted = 0 AND excused = 0"
            f" AND date >= ? AND student_id IN ({marks})", [since, *ids]):
            self.absences.setdefault(sid, set()).add(dt.date.fromisoformat(day))

    def record(self, row: RosterRow, disclosure: Disclosure) -> dict[str, Any]:
        extra = self.students.get(row.student_id)
        if extra is None:  # cannot happen inside one read; keep the roster row's own columns
            extra = (row.student_id, *([None] * 16))
        (_, ethnicity, birth, village_code, address, guardians, left_behind, orphan, unsupported,
         in_difficulty, migrant, disability, inclusive, economic, at_risk, note,
         status_date) = extra
        id_number, xjh = row.id_number, row.xjh
        if not disclosure.full_ids:
            id_number, xjh = identity.mask_id_number(id_number), identity.mask_xjh(xjh)
        record: dict[str, Any] = {
            "name": row.name,
            "sex": codes.label_of(codes.SEX, row.sex) if row.sex else "",
            "ethnicity": codes.label_of(codes.ETHNICITY, ethnicity) if ethnicity else "",
            "birth_date": birth or "",
            "id_number": id_number,
            "xjh": xjh,
            # "七年级", not "七年级（初一）": the short form keeps the printed column narrow.
            "grade": codes.label_of(codes.GRADES, str(row.grade)).split("（")[0]
            if row.grade else "",
            "class_name": row.class_name,
            "village_name": row.village_name,
            "village_code": village_code or "",
            "address": address or "",
            **_guardians(guardians),
            "groups": "、".join(_groups(left_behind, orphan, unsupported, in_difficulty,
                                       migrant, disability, inclusive)),
            "status": row.status_label,
            "status_date": status_date or "",
            "at_risk": "、".join(codes.label_of(codes.RISK_INDICATORS, code)
                                for code in _decoded(at_risk)),
            "note": note or "",
        }
        if disclosure.restricted:
            record["economic_category"] = (
                codes.label_of(codes.ECONOMIC_CATEGORIES, economic) if economic else "")
        record.update(self._absence(row.student_id))
        record.update(self._case(row.student_id))
        return record

    def _absence(self, student_id: str) -> dict[str, Any]:
        dates = self.absences.get(student_id)
        if not dates:
            return {}
        run = absence_run(dates, self.context.today, self.context.exclude_weekends)
        if run == 0:
            return {}
        last = max(d for d in dates if d <= self.context.today)
        start = school_days_back(last, run, self.context.exclude_weekends)[-1]
        return {"absence_start": start.isoformat(), "absence_days": run}

    def _case(self, student_id: str) -> dict[str, Any]:
        returned = self.returned.get(student_id, "")
        case = self.cases.get(student_id)
        if case is None:
            count, last = self.visits.get((student_id, None), (0, ""))
            return {"returned_date": returned, "visits": count or "", "last_visit": last or ""}
        (_, case_id, opened, reason_code, reason_text, whereabouts, teacher, village, township,
         closed, closure_reason, closure_evidence, stage) = case
        reason = self.context.reasons.get(reason_code, reason_code or "")
        if reason_text:
            reason = f"{reason}（{reason_text}）" if reason else reason_text
        count, last = self.visits.get((student_id, case_id), (0, ""))
        closure = ""
        if closure_reason:
            closure = codes.label_of(codes.CLOSURE_REASONS, closure_reason)
            if closure_evidence:
                closure += f"：{closure_evidence}"
        return {
            "case_opened": opened or "",
            "reason": reason,
            "whereabouts": whereabouts or "",
            "responsible": "\n".join(
                f"{who}：{name}" for who, name in
                (("教师", teacher), ("村", village), ("乡镇", township)) if name),
            "visits": count or "",
            "last_visit": last or "",
            "stage": f"{stage} {codes.label_of(codes.ESCALATION_STAGES, stage)}" if stage else "",
            "legal_docs": "\n".join(self.legal.get(case_id, [])),
            "returned_date": returned,
            "closed_date": closed or "",
            "closure": closure,
        }


def _by_first(rows: Iterable[tuple[Any, ...]]) -> dict[str, tuple[Any, ...]]:
    return {row[0]: tuple(row) for row in rows}


def _decoded(value: Any) -> list[str]:
    # checked=False: projection columns hold bytes this ledger wrote (verify checks them).
    if isinstance(value, str) and value:
        decoded = canonical.decode(value.encode(), checked=False)
        return [str(v) for v in decoded] if isinstance(decoded, list) else []
    return []


def _guardians(value: Any) -> dict[str, str]:
    people = _decoded_guardians(value)
    return {
        "guardians": "\n".join(
            f"{g.get('name', '')}（{codes.label_of(codes.GUARDIAN_RELATIONS, g.get('relation', ''))}）"
            for g in people),
        "guardian_phones": "\n".join(g["phone"] for g in people if g.get("phone")),
    }


def _decoded_guardians(value: Any) -> list[dict[str, str]]:
    if not isinstance(value, str) or not value:
        return []
    decoded = canonical.decode(value.encode(), checked=False)
    return [g for g in decoded if isinstance(g, dict)] if isinstance(decoded, list) else []


def _groups(left_behind: Any, orphan: Any, unsupported: Any, in_difficulty: Any, migrant: Any,
            disability: Any, inclusive: Any) -> list[str]:
    groups = []
    if left_behind in ("1", "2"):
        groups.append(codes.label_of(codes.LEFT_BEHIND, left_behind))
    for flag, label in ((orphan, "孤儿"), (unsupported, "事实无人抚养儿童"),
                        (in_difficulty, "困境儿童"), (migrant, "随迁子女")):
        if flag:
            groups.append(label)
    if disability:
        groups.append(codes.label_of(codes.DISABILITY_TYPES, disability))
    if inclusive:
        groups.append("随班就读")
    return groups
