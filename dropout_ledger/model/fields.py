"""Field specifications: one table of specs drives validation, storage and projection columns.

Every student field and every record field is described once here (name, Chinese label, kind,
whether required, its code table). The services clean input through `clean()`, the store builds
projection columns from `column_type()`, and error messages name the field by its Chinese label.
Keeping this in one place is what lets a new record kind be added without touching SQL.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from dropout_ledger.canonical import nfc
from dropout_ledger.errors import Problem, ValidationError
from dropout_ledger.model import codes, identity
from dropout_ledger.model.codes import Code

# Business dates typed by people are plausible only in this window (a 2003 visit record is a
# typo; the ledger was not kept then).
EARLIEST_RECORD_DATE = dt.date(2000, 1, 1)
LONG_TEXT = 2000  # max_len of free-text fields such as visit notes and report summaries
_PHONE = re.compile(r"^(1\d{10}|0\d{2,3}-?\d{7,8})$")
_DATE_FORMATS = ("%Y-%m-%d", "%Y/%m/%d", "%Y%m%d", "%Y.%m.%d", "%Y年%m月%d日")


@dataclass(frozen=True)
class FieldSpec:
    """One field: stored key, Chinese label, kind, and the rules its value must meet.

    kind is one of: text, name, date, int, bool, code, codes, texts, fen, ref, attachments,
    guardians, code_table, id_number, xjh, village_code. `future_days` bounds dates (None: no bound, for
    deadlines). `restricted` marks data only authorised roles see (economic category).
    """

    name: str
    label: str
    kind: str = "text"
    required: bool = False
    table: tuple[Code, ...] = ()
    restricted: bool = False
    minimum: int = 0
    maximum: int = 10**12
    future_days: int | None = 1
    max_len: int = 200

    def problem(self, reason: str, fix: str = "") -> ValidationError:
        return ValidationError(Problem(field=self.name, reason=f"{self.label}{reason}", fix=fix))


def clean(spec: FieldSpec, raw: Any, *, today: dt.date) -> Any:
    """Return the canonical stored value of `raw` for `spec`, or raise ValidationError."""
    if _is_blank(raw):
        if spec.required:
            raise spec.problem("不能为空", "请填写后再保存")
        return _EMPTY.get(spec.kind, "")
    return _CLEANERS[spec.kind](spec, raw, today)


def clean_many(
    specs: Mapping[str, FieldSpec], raw: Mapping[str, Any], *, today: dt.date,
    complete: bool = False,
) -> dict[str, Any]:
    """Clean every given field and report every problem at once, so one save shows them all.

    With `complete`, every field in `specs` is checked (required ones must be present) and blank
    optional values are left out of the result; otherwise only the given fields are cleaned.
    """
    names = list(specs) if complete else []
    names += [key for key in raw if key not in names]
    problems: list[Problem] = []
    cleaned: dict[str, Any] = {}
    for name in names:
        spec = specs.get(name)
        if spec is None:
            problems.append(Problem(field=name, reason=f"没有“{name}”这一项", fix="请检查项目名称"))
            continue
        try:
            value = clean(spec, raw.get(name), today=today)
        except ValidationError as error:
            problems.extend(error.problems)
            continue
        if not complete or value not in ("", [], None, False):
            cleaned[name] = value
    if problems:
        raise ValidationError(problems)
    return cleaned


def column_type(spec: FieldSpec) -> str:
    """The SQLite column type of a projected field (lists are stored as canonical JSON text)."""
    return "INTEGER" if spec.kind in ("int", "bool", "fen") else "TEXT"


def _is_blank(raw: Any) -> bool:
    return raw is None or (isinstance(raw, str) and not raw.strip()) or raw == []


_EMPTY: dict[str, Any] = {
    "int": None,
    "fen": None,
    "bool": False,
    "codes": [],
    "texts": [],
    "attachments": [],
    "guardians": [],
    "code_table": [],
}


def _text(spec: FieldSpec, raw: Any, today: dt.date) -> str:
    if not isinstance(raw, str):
        raise spec.problem("应为文字")
    value = nfc(raw.strip())
    if len(value) > spec.max_len:
        raise spec.problem(f"太长（{len(value)} 字，最多 {spec.max_len} 字）", "请精简内容")
    return value


def _name(spec: FieldSpec, raw: Any, today: dt.date) -> str:
    value = "".join(_text(spec, raw, today).split())
    if len(value) > 30 or any(ch.isdigit() for ch in value):
        raise spec.problem(f"“{value}”不像姓名", "姓名只能包含汉字、字母和间隔号“·”")
    return value


def parse_date(raw: Any) -> dt.date | None:
    """Read a date in the formats Chinese forms and spreadsheets use; None if it is not one."""
    if isinstance(raw, dt.datetime):
        return raw.date()
    if isinstance(raw, dt.date):
        return raw
    if not isinstance(raw, str):
        return None
    text = identity.normalize_code(raw) if raw.strip().isascii() else raw.strip()
    for fmt in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None


def _date(spec: FieldSpec, raw: Any, today: dt.date) -> str:
    value = parse_date(raw)
    if value is None:
        raise spec.problem(f"“{raw}”不是有效日期", "请按 2025-03-01 的格式填写真实存在的日期")
    if value < EARLIEST_RECORD_DATE and spec.name != "birth_date":
        raise spec.problem(f"{value.isoformat()} 太早", "请核对年份")
    if spec.future_days is not None and value > today + dt.timedelta(days=spec.future_days):
        raise spec.problem(f"{value.isoformat()} 在今天之后", "请填写已经发生的日期，或核对电脑日期")
    return value.isoformat()


def _int(spec: FieldSpec, raw: Any, today: dt.date) -> int:
    if isinstance(raw, bool) or not isinstance(raw, int | str):
        raise spec.problem("应为整数")
    try:
        value = int(identity.normalize_code(raw) if isinstance(raw, str) else raw)
    except ValueError:
        raise spec.problem(f"“{raw}”不是整数") from None
    if not spec.minimum <= value <= spec.maximum:
        raise spec.problem(f"应在 {spec.minimum} 到 {spec.maximum} 之间，现为 {value}")
    return value


_TRUE = {"1", "是", "true", "yes", "y", "√"}
_FALSE = {"0", "否", "false", "no", "n", ""}


def _bool(spec: FieldSpec, raw: Any, today: dt.date) -> bool:
    if isinstance(raw, bool):
        return raw
    text = str(raw).strip().lower()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise spec.problem(f"应为“是”或“否”，现为“{raw}”")


def _code(spec: FieldSpec, raw: Any, today: dt.date) -> str:
    text = str(raw).strip()
    for entry in spec.table:
        if text in (entry.code, entry.label):
            return entry.code
    choices = "、".join(e.label for e in spec.table[:12])
    raise spec.problem(f"“{text}”不在代码表中", f"可选：{choices}")


def _codes(spec: FieldSpec, raw: Any, today: dt.date) -> list[str]:
    items = raw.replace("，", ",").split(",") if isinstance(raw, str) else raw
    if not isinstance(items, list | tuple):
        raise spec.problem("应为列表")
    return sorted({_code(spec, item, today) for item in items if str(item).strip()})


def _texts(spec: FieldSpec, raw: Any, today: dt.date) -> list[str]:
    items = re.split(r"[,，、;；]", raw) if isinstance(raw, str) else raw
    if not isinstance(items, list | tuple):
        raise spec.problem("应为名单")
    return [_text(spec, item, today) for item in items if str(item).strip()]


def _fen(spec: FieldSpec, raw: Any, today: dt.date) -> int:
    if isinstance(raw, bool) or not isinstance(raw, int):
        raise spec.problem("金额应以“分”为单位的整数保存", "例如 375 元写作 37500")
    if raw < 0 or raw > 10**9:
        raise spec.problem(f"金额 {raw} 分不合理")
    return raw


def _ref(spec: FieldSpec, raw: Any, today: dt.date) -> str:
    if not isinstance(raw, str) or not re.fullmatch(r"[0-9a-f]{32}", raw):
        raise spec.problem(f"引用“{raw}”无效")
    return raw


def _attachments(spec: FieldSpec, raw: Any, today: dt.date) -> list[str]:
    if not isinstance(raw, list | tuple) or not all(
        isinstance(h, str) and re.fullmatch(r"[0-9a-f]{64}", h) for h in raw
    ):
        raise spec.problem("附件引用无效")
    return sorted(set(raw))


def _guardians(spec: FieldSpec, raw: Any, today: dt.date) -> list[dict[str, str]]:
    if not isinstance(raw, list | tuple) or len(raw) > 4:
        raise spec.problem("应为 1 至 4 名监护人")
    cleaned = []
    for number, item in enumerate(raw, start=1):
        if not isinstance(item, dict):
            raise spec.problem(f"第{number}名监护人资料无效")
        cleaned.append(_guardian(spec, number, item, today))
    return cleaned


def _guardian(spec: FieldSpec, number: int, item: dict[str, Any], today: dt.date) -> dict[str, str]:
    who = f"第{number}名监护人的"
    name = clean(FieldSpec("name", who + "姓名", "name", required=True), item.get("name"), today=today)
    relation = clean(
        FieldSpec("relation", who + "关系", "code", table=codes.GUARDIAN_RELATIONS),
        item.get("relation") or "other",
        today=today,
    )
    phone = identity.normalize_code(str(item.get("phone") or ""))
    if phone and not _PHONE.fullmatch(phone):
        raise spec.problem(f"中{who}电话“{phone}”无效", "手机号应为 11 位，座机写作 0854-1234567")
    return {"name": name, "relation": relation, "phone": phone}


def _code_table(spec: FieldSpec, raw: Any, today: dt.date) -> list[dict[str, str]]:
    if not isinstance(raw, list | tuple):
        raise spec.problem("应为代码表")
    seen: set[str] = set()
    table = []
    for item in raw:
        code = str(item.get("code", "")).strip() if isinstance(item, dict) else ""
        label = nfc(str(item.get("label", "")).strip()) if isinstance(item, dict) else ""
        if not code or not label or code in seen:
            raise spec.problem(f"中有空白或重复的代码“{code}”", "每个代码须唯一且有名称")
        seen.add(code)
        table.append({"code": code, "label": label})
    return table


def _id_number(spec: FieldSpec, raw: Any, today: dt.date) -> str:
    return identity.parse_id_number(str(raw), today=today).number


def _xjh(spec: FieldSpec, raw: Any, today: dt.date) -> str:
    return identity.parse_xjh(str(raw)).number


def _village_code(spec: FieldSpec, raw: Any, today: dt.date) -> str:
    return identity.parse_division_code(str(raw), lengths=(12,), field=spec.name)


_CLEANERS: dict[str, Callable[[FieldSpec, Any, dt.date], Any]] = {
    "text": _text,
    "name": _name,
    "date": _date,
    "int": _int,
    "bool": _bool,
    "code": _code,
    "codes": _codes,
    "texts": _texts,
    "fen": _fen,
    "ref": _ref,
    "attachments": _attachments,
    "guardians": _guardians,
    "code_table": _code_table,
    "id_number": _id_number,
    "xjh": _xjh,
    "village_code": _village_code,
}
