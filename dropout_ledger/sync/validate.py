"""Check every event of a package on its own, before anything touches the ledger (sync.md §c.9).

An event is judged only by itself and by who sent the package, never by what the ledger holds
or what else has arrived: a package that is valid today is valid in any order and on any
computer (sync.md §c.1.2). What is checked:

* the header: every field present with its type, format version 1, `seq` ≥ 1, `lc` ≥ 1, the chain
  link present exactly when `seq` > 1, the event id and body hash;
* the body of every kind this version projects, as far as the projection and the screens rely on
  it (a status code the app knows, dates that exist and are plausible for the event's own claimed
  time, ID numbers whose check digit is right, lists of digests that are digests);
* who wrote it: a school's package holds only that school's events; a county's holds the
  county's events and the recipient school's own (recovery); a school event never touches
  county-only data (`sync.fields`).

Unknown kinds and unknown fields from this format version are accepted: they are stored and
ignored by the projection, so an older app keeps a newer one's data intact. Each problem names
the package line (line 1 is the manifest, so events start at line 2) and the pupil with the name
and ID number masked (张**, 524821********1234): the report may be read by anyone at the desk.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, NoReturn

from dropout_ledger.errors import Problem, ValidationError
from dropout_ledger.model import identity
from dropout_ledger.model.fields import EARLIEST_RECORD_DATE, FieldSpec
from dropout_ledger.model.profile import OPERATOR_FIELDS, ORG_FIELDS, PROFILE_FIELDS
from dropout_ledger.model.records import RECORD_KINDS
from dropout_ledger.model.status import Status
from dropout_ledger.model.student import STUDENT_SPECS
from dropout_ledger.store.events import EVENT_FORMAT
from dropout_ledger.sync.fields import COUNTY_ONLY_KINDS, county_only
from dropout_ledger.sync.wire import WireEvent

MAX_BODY_BYTES = 1 << 20
"""A body larger than this is not something this app writes (a 2,000-character note is 6 KB)."""

FIRST_EVENT_LINE = 2
"""Package line of the first event: line 1 is the manifest."""

SCHOOL_PACKAGE = "school_to_county"
COUNTY_PACKAGES = frozenset({"county_to_school", "recovery"})

_HEX64 = re.compile(r"[0-9a-f]{64}")
_REPLICA = re.compile(r"[0-9a-f]{32}")
_ORG = re.compile(r"S:\d{10}|C:\d{6}")
_KIND = re.compile(r"[a-z][a-z_]{0,39}")
_ENT = re.compile(r"[a-z][a-z_]{0,39}:\S{1,200}")
AUDIT_ENT = "ledger"
"""The entity of the audit events a ledger writes about itself (export, import, backup, roster
import): they travel like every other event (sync.md §c.14)."""
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_FIX = "请让发出单位在台账中运行“检查台账”（verify）后重新导出；问题仍在请联系技术支持"
_COUNTY_ONLY_FIX = "县级名单、县级设置和县里的决定只能由县教育局修改；学校如有不同意见，请向县里提出更正"
_LATEST_YEAR = 2100


@dataclass(frozen=True)
class CountyOnlyProblem(Problem):
    """A school event touching county-only data: the package is refused as `county_only_field`."""


def refusal_code(problems: Sequence[Problem]) -> str:
    """The PackageRefused code for a list of validation problems (S1's table)."""
    return "county_only_field" if any(isinstance(p, CountyOnlyProblem) for p in problems) \
        else "bad_event"


def validate(
    events: Sequence[WireEvent], *, sender_org: str, kind: str, recipient_org: str = "",
    first_line: int = FIRST_EVENT_LINE,
) -> list[Problem]:
    """Every problem of every event, each with its package line; [] when all are acceptable.

    `kind` is the package kind (school_to_county, county_to_school, recovery, enrollment);
    `recipient_org` is this ledger's organisation, needed for county packages, which may carry
    the recipient school's own events back to it.
    """
    allowed = {sender_org}
    if kind in COUNTY_PACKAGES and recipient_org:
        allowed.add(recipient_org)
    problems: list[Problem] = []
    for index, event in enumerate(events):
        problems += _event_problems(event, allowed, sender_org, first_line + index)
    return problems


def _event_problems(
    event: WireEvent, allowed: set[str], sender_org: str, row: int
) -> list[Problem]:
    check = _Check(event, row)
    try:
        check.header()
        check.authorship(allowed, sender_org)
        check.county_only()
        check.body()
    except _Stop:
        pass
    return check.problems


class _Stop(Exception):
    """One structural problem makes the rest of the event's checks meaningless."""


class _Check:
    """The checks of one event, collecting its problems."""

    def __init__(self, event: WireEvent, row: int) -> None:
        self.event, self.row = event, row
        self.problems: list[Problem] = []
        self.header_ok = False
        self.wall = dt.date(_LATEST_YEAR, 12, 31)

    # --- reporting -------------------------------------------------------------------------

    def fail(self, field: str, reason: str, *, problem: type[Problem] = Problem,
             fix: str = _FIX) -> None:
        self.problems.append(problem(field, f"{self.who()}：{reason}", fix, self.row))

    def stop(self, field: str, reason: str, *, problem: type[Problem] = Problem,
             fix: str = _FIX) -> NoReturn:
        """Report a problem after which the event's other checks mean nothing."""
        self.fail(field, reason, problem=problem, fix=fix)
        raise _Stop

    def who(self) -> str:
        """What the event is about, masked: 学生 张**（524821********1234）, or 劝返记录 1a2b3c4d."""
        ent = self.event.header.get("ent") if isinstance(self.event.header, dict) else None
        if not isinstance(ent, str) or ":" not in ent:
            return "一条事件"
        prefix, _, rest = ent.partition(":")
        label = "学生" if prefix == "student" else RECORD_KINDS[prefix].label \
            if prefix in RECORD_KINDS else {"org": "单位", "profile": "设置", "operator": "操作员",
                                            "replica": "本机副本"}.get(prefix, prefix)
        fields = self._fields()
        if prefix == "student" and fields:
            name, number = _plain(fields.get("name")), _plain(fields.get("id_number"))
            shown = mask_name(name) if name else ""
            if number:
                shown += f"（{identity.mask_id_number(number)}）"
            if shown:
                return f"{label} {shown}"
        return f"{label}（编号 {rest[:8]}）"

    def _fields(self) -> dict[str, Any]:
        body = self.event.body_obj
        fields = body.get("fields") if isinstance(body, dict) else None
        return fields if isinstance(fields, dict) else {}

    # --- header ----------------------------------------------------------------------------

    def header(self) -> None:
        header = self.event.header
        if not isinstance(header, dict):
            self.stop("hdr", "事件头不是一个对象")
        version = header.get("v")
        if not _is_int(version):
            self.stop("v", "事件头缺少格式版本")
        if version != EVENT_FORMAT:
            self.stop("v", f"事件格式版本 {version} 与本软件（{EVENT_FORMAT}）不同",
                      fix="请先把软件升级到最新版本再导入")
        for name, test, what in _HEADER_FIELDS:
            if not test(header.get(name)):
                self.stop(name, f"事件头的 {name} 缺失或{what}")
        if header["ent"] == AUDIT_ENT and header["kind"] != "audit":
            self.stop("ent", "只有审计记录可以记在整个台账名下")
        if header["seq"] < 1 or header["lc"] < 1:
            self.stop("seq", "事件序号和逻辑时钟必须从 1 起")
        if (header["seq"] == 1) != (header["prev"] == ""):
            self.stop("prev", "事件链接与序号不符（第 1 条没有上一条，其余必须有）")
        self.hashes()
        wall = _date_of(header["wall"])
        if wall is None:
            self.stop("wall", "事件头的本机时间无法识别")
        self.wall = wall or self.wall
        self.header_ok = True

    def hashes(self) -> None:
        event = self.event
        if hashlib.sha256(event.hdr).hexdigest() != event.eid:
            self.stop("eid", "事件编号与事件头不符")
        if event.body is not None:
            if hashlib.sha256(event.body).hexdigest() != event.header["body_hash"]:
                self.stop("body_hash", "事件内容与其哈希不符（数据被改动）")
            if len(event.body) > MAX_BODY_BYTES:
                self.stop("body", f"事件内容过大（{len(event.body)} 字节）")

    # --- who may write what ----------------------------------------------------------------

    def authorship(self, allowed: set[str], sender_org: str) -> None:
        org = self.event.header["org"]
        if org not in allowed:
            self.stop("org", f"这条记录由 {org} 写入，不应出现在 {sender_org} 发出的数据包里", fix="数据包只能带发出单位自己的记录；请在发出单位重新导出")

    def county_only(self) -> None:
        header = self.event.header
        org, kind, ent = header["org"], header["kind"], header["ent"]
        if not org.startswith("S:"):
            return
        if kind in COUNTY_ONLY_KINDS:
            self.stop("kind", f"学校不能写入县级记录（{kind}）", problem=CountyOnlyProblem,
                      fix=_COUNTY_ONLY_FIX)
        if county_only(ent, None):
            self.stop("ent", "学校不能修改县级名单或县级设置", problem=CountyOnlyProblem,
                      fix=_COUNTY_ONLY_FIX)
        prefix, _, owner = ent.partition(":")
        if prefix in ("org", "profile") and owner != org:
            self.stop("ent", "学校只能修改本校的单位信息和设置", problem=CountyOnlyProblem,
                      fix=_COUNTY_ONLY_FIX)
        body = self.event.body_obj
        fields = body.get("fields") if isinstance(body, dict) else None
        for name in fields if isinstance(fields, dict) else ():
            if county_only(ent, name):
                self.fail(name, f"学校不能修改县级名单字段“{name}”", problem=CountyOnlyProblem,
                          fix=_COUNTY_ONLY_FIX)

    # --- bodies ----------------------------------------------------------------------------

    def body(self) -> None:
        kind = self.event.header["kind"]
        check = _BODIES.get(kind)
        if check is None:
            return  # an unknown kind of this format version: stored, not projected
        body = self.event.body_obj
        if not isinstance(body, dict):
            self.stop("body", "事件内容缺失或不是一个对象")
        check(self, body)

    def fields(self, fields: Any, specs: Mapping[str, FieldSpec] | None, *,
               complete: bool) -> None:
        if not isinstance(fields, dict):
            self.stop("fields", "字段表缺失或不是一个对象")
        if specs is None:
            return
        if complete:
            for spec in specs.values():
                if spec.required and _blank(fields.get(spec.name)):
                    self.fail(spec.name, f"缺少必填项“{spec.label}”")
        for name, value in fields.items():
            known = specs.get(name)
            if known is not None:
                reason = value_problem(known, value, self.wall)
                if reason:
                    self.fail(name, reason)

    def ent_id(self, prefix: str) -> str:
        kind, _, rest = str(self.event.header["ent"]).partition(":")
        if kind != prefix or not rest:
            self.stop("ent", f"记录对象应为 {prefix}:…")
        return rest


def _on_create(check: _Check, body: dict[str, Any]) -> None:
    check.ent_id("student")
    check.fields(body.get("fields"), STUDENT_SPECS, complete=True)


def _on_record_add(check: _Check, body: dict[str, Any]) -> None:
    kind = body.get("kind")
    if not isinstance(kind, str):
        check.stop("kind", "记录类型缺失")
    check.ent_id(str(kind))
    spec = RECORD_KINDS.get(str(kind))
    check.fields(body.get("fields"), {s.name: s for s in spec.fields} if spec else None,
                 complete=True)


def _on_entity_create(check: _Check, body: dict[str, Any]) -> None:
    check.fields(body.get("fields"), _specs_of(check.event.header["ent"]), complete=False)


def _on_update(check: _Check, body: dict[str, Any]) -> None:
    changes = body.get("fields")
    if not isinstance(changes, dict):
        check.stop("fields", "修改记录缺少字段表")
    ent = check.event.header["ent"]
    values: dict[str, Any] = {}
    for name, change in changes.items():
        if not isinstance(change, dict) or "value" not in change:
            check.stop(name, f"字段“{name}”的修改缺少新值")
        if not _eids(change.get("base", [])):
            check.stop(name, f"字段“{name}”的修改所依据的记录编号不对")
        if ent.startswith("student:") and name == "status":
            check.stop(name, "学生状态只能通过状态变更记录修改")
        values[name] = change["value"]
    check.fields(values, _specs_of(ent), complete=False)


def _on_status(check: _Check, body: dict[str, Any]) -> None:
    student = body.get("student_id")
    if not isinstance(student, str) or check.event.header["ent"] != f"student:{student}":
        check.stop("student_id", "状态记录所属的学生与记录对象不符")
    codes = {s.value for s in Status}
    if not isinstance(body.get("code"), str) or body["code"] not in codes:
        check.stop("code", f"状态“{body.get('code')}”本软件不认识",
                   fix="请先把软件升级到最新版本再导入")
    reason = value_problem(_EFFECTIVE, body.get("effective_date"), check.wall)
    if reason or _blank(body.get("effective_date")):
        check.stop("effective_date", reason or "状态记录缺少生效日期")
    for name in ("reason_code", "reason_text", "case_id", "note"):
        if not isinstance(body.get(name, ""), str):
            check.stop(name, f"状态记录的 {name} 应为文字")
    closure = body.get("closure")
    if closure is not None and not (
        isinstance(closure, dict) and isinstance(closure.get("reason"), str)
        and isinstance(closure.get("evidence"), str) and _eids(closure.get("attachments", []))
    ):
        check.stop("closure", "销号信息不完整")
    if not _eids(body.get("base", [])):
        check.stop("base", "状态记录所依据的记录编号不对")


def _on_retract(check: _Check, body: dict[str, Any]) -> None:
    if not isinstance(body.get("reason", ""), str):
        check.stop("reason", "撤销原因应为文字")
    for name in ("target", "undo"):
        value = body.get(name, "")
        if value != "" and not (isinstance(value, str) and _HEX64.fullmatch(value)):
            check.stop(name, "撤销所指的记录编号不对")


def _on_replica_start(check: _Check, body: dict[str, Any]) -> None:
    if check.event.header["ent"] != f"replica:{check.event.header['rep']}":
        check.stop("ent", "副本启动记录与其副本不符")
    parent_seq = body.get("parent_seq", 0)
    if not isinstance(body.get("reason", ""), str) or not _is_int(parent_seq) or parent_seq < 0 \
            or not isinstance(body.get("parent_rep", ""), str | None):
        check.stop("reason", "副本启动记录的内容不对")


def _on_attachment(check: _Check, body: dict[str, Any]) -> None:
    digest = body.get("sha256")
    if not (isinstance(digest, str) and _HEX64.fullmatch(digest)) \
            or check.event.header["ent"] != f"attachment:{digest}":
        check.stop("sha256", "附件记录的文件哈希不对")
    size = body.get("size")
    if not isinstance(body.get("name"), str) or not isinstance(body.get("mime"), str) \
            or not isinstance(size, int) or isinstance(size, bool) or size < 0:
        check.stop("name", "附件记录的名称、类型或大小不对")


def _on_audit(check: _Check, body: dict[str, Any]) -> None:
    """Audit events are free-form notes; only their shape (an object) matters."""


_BODIES: dict[str, Callable[[_Check, dict[str, Any]], None]] = {
    "student_create": _on_create,
    "record_add": _on_record_add,
    "entity_create": _on_entity_create,
    "update": _on_update,
    "status": _on_status,
    "retract": _on_retract,
    "replica_start": _on_replica_start,
    "attachment_add": _on_attachment,
    "audit": _on_audit,
}


def _specs_of(ent: str) -> dict[str, FieldSpec] | None:
    """The field specs of an entity's family; None for families this version does not type."""
    prefix = ent.partition(":")[0]
    if prefix == "student":
        return STUDENT_SPECS
    if prefix in RECORD_KINDS:
        return {s.name: s for s in RECORD_KINDS[prefix].fields}
    specs = {"profile": PROFILE_FIELDS, "org": ORG_FIELDS, "operator": OPERATOR_FIELDS}
    return {s.name: s for s in specs[prefix]} if prefix in specs else None


# --- values --------------------------------------------------------------------------------

_EFFECTIVE = FieldSpec("effective_date", "生效日期", "date", required=True)


def value_problem(spec: FieldSpec, value: Any, wall: dt.date) -> str:
    """Why `value` cannot be a stored value of `spec` ("" if it can).

    Types and formats only, as the projection and the screens rely on them: code tables may be
    extended by the county, so codes are not checked against this version's tables. Dates are
    checked against the event's own claimed day, so a laptop whose clock is wrong still sends
    events that agree with themselves.
    """
    if value is None and spec.kind in ("int", "fen"):
        return ""
    check = _VALUE_CHECKS.get(spec.kind, _text)
    return check(spec, value, wall)


def _text(spec: FieldSpec, value: Any, wall: dt.date) -> str:
    return "" if isinstance(value, str) else f"{spec.label}应为文字"


def _int(spec: FieldSpec, value: Any, wall: dt.date) -> str:
    return "" if _is_int(value) else f"{spec.label}应为整数"


def _bool(spec: FieldSpec, value: Any, wall: dt.date) -> str:
    return "" if isinstance(value, bool) else f"{spec.label}应为是或否"


def _strings(spec: FieldSpec, value: Any, wall: dt.date) -> str:
    ok = isinstance(value, list) and all(isinstance(v, str) for v in value)
    return "" if ok else f"{spec.label}应为文字列表"


def _digests(spec: FieldSpec, value: Any, wall: dt.date) -> str:
    return "" if _eids(value) else f"{spec.label}中的文件编号不对"


def _guardians(spec: FieldSpec, value: Any, wall: dt.date) -> str:
    ok = isinstance(value, list) and all(
        isinstance(g, dict) and isinstance(g.get("name"), str)
        and isinstance(g.get("relation"), str) for g in value)
    return "" if ok else f"{spec.label}的格式不对"


def _code_table(spec: FieldSpec, value: Any, wall: dt.date) -> str:
    ok = isinstance(value, list) and all(
        isinstance(c, dict) and isinstance(c.get("code"), str) and isinstance(c.get("label"), str)
        for c in value)
    return "" if ok else f"{spec.label}的格式不对"


def _date(spec: FieldSpec, value: Any, wall: dt.date) -> str:
    if value == "":
        return ""
    day = _parse_day(value)
    if day is None:
        return f"{spec.label}“{value}”不是有效日期"
    earliest = identity.EARLIEST_BIRTH if spec.name == "birth_date" else EARLIEST_RECORD_DATE
    if day < earliest:
        return f"{spec.label} {day.isoformat()} 太早"
    latest = dt.date(_LATEST_YEAR, 12, 31)
    if spec.future_days is not None:  # one spare day: the author's time zone may differ
        latest = min(latest, wall + dt.timedelta(days=spec.future_days + 1))
    if day > latest:
        return f"{spec.label} {day.isoformat()} 晚于录入时间"
    return ""


def _id_number(spec: FieldSpec, value: Any, wall: dt.date) -> str:
    if value == "":
        return ""
    if not isinstance(value, str):
        return f"{spec.label}应为文字"
    try:
        info = identity.parse_id_number(value, today=wall + dt.timedelta(days=1))
    except ValidationError as error:
        return f"{spec.label} {identity.mask_id_number(value)} 有误：{error.problems[0].reason}"
    if info.number != value:
        return f"{spec.label} {identity.mask_id_number(value)} 的写法不规范"
    return ""


def _xjh(spec: FieldSpec, value: Any, wall: dt.date) -> str:
    if value == "":
        return ""
    if not isinstance(value, str):
        return f"{spec.label}应为文字"
    try:
        info = identity.parse_xjh(value)
    except ValidationError as error:
        return f"{spec.label} {identity.mask_xjh(value)} 有误：{error.problems[0].reason}"
    if info.number != value:
        return f"{spec.label} {identity.mask_xjh(value)} 的写法不规范"
    return ""


_VALUE_CHECKS: dict[str, Callable[[FieldSpec, Any, dt.date], str]] = {
    "text": _text, "name": _text, "code": _text, "ref": _text, "village_code": _text,
    "int": _int, "fen": _int, "bool": _bool,
    "codes": _strings, "texts": _strings, "attachments": _digests,
    "guardians": _guardians, "code_table": _code_table,
    "date": _date, "id_number": _id_number, "xjh": _xjh,
}


# --- small helpers -------------------------------------------------------------------------


def mask_name(name: str) -> str:
    """A name as a refusal report may show it: the surname's first character and two stars."""
    return name[:1] + "**" if name else ""


def _plain(value: Any) -> str:
    """A field's value inside a create (`value`) or an update (`{"value": …}`), as text."""
    if isinstance(value, dict):
        value = value.get("value")
    return value if isinstance(value, str) else ""


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _blank(value: Any) -> bool:
    return value is None or value == "" or value == []


def _eids(value: Any) -> bool:
    return isinstance(value, list) and all(
        isinstance(v, str) and _HEX64.fullmatch(v) for v in value)


def _parse_day(value: Any) -> dt.date | None:
    if not isinstance(value, str) or not _DATE.fullmatch(value):
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def _date_of(wall: str) -> dt.date | None:
    try:
        return dt.datetime.fromisoformat(wall).date()
    except ValueError:
        return None


def _str_matching(pattern: re.Pattern[str]) -> Callable[[Any], bool]:
    return lambda value: isinstance(value, str) and pattern.fullmatch(value) is not None


_HEADER_FIELDS: tuple[tuple[str, Callable[[Any], bool], str], ...] = (
    ("org", _str_matching(_ORG), "不是有效的单位代码"),
    ("rep", _str_matching(_REPLICA), "不是有效的副本编号"),
    ("seq", _is_int, "不是整数"),
    ("lc", _is_int, "不是整数"),
    ("prev", lambda v: v == "" or _str_matching(_HEX64)(v), "不是有效的事件编号"),
    ("wall", lambda v: isinstance(v, str) and 0 < len(v) <= 40, "不是文字"),
    ("who", lambda v: isinstance(v, dict) and isinstance(v.get("id"), str)
     and isinstance(v.get("name"), str), "不完整"),
    ("kind", _str_matching(_KIND), "不是有效的记录类型"),
    ("ent", lambda v: v == AUDIT_ENT or _str_matching(_ENT)(v), "不是有效的记录对象"),
    ("body_hash", _str_matching(_HEX64), "不是有效的哈希"),
)
