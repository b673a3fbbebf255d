"""A student's fields and the checks that span several of them.

The identity fields (name, ID number, birth date, sex) must agree with each other: a birth date
or sex that contradicts the 18-digit ID number is refused, because one of them is a typo and
the county will reject the record. An age that does not fit the grade is only a warning:
late entry and repeated years are real (domain.md §8.3).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from dropout_ledger.errors import Problem, ValidationError
from dropout_ledger.model import codes, identity
from dropout_ledger.model.fields import LONG_TEXT, FieldSpec, clean_many

F = FieldSpec
STUDENT_FIELDS: tuple[FieldSpec, ...] = (
    F("name", "姓名", "name", required=True),
    F("sex", "性别", "code", table=codes.SEX),
    F("birth_date", "出生日期", "date", future_days=0),
    F("ethnicity", "民族", "code", table=codes.ETHNICITY),
    F("id_type", "身份证件类型", "code", table=codes.ID_TYPES),
    F("id_number", "身份证号", "id_number"),
    F("xjh", "全国学籍号", "xjh"),
    F("grade", "年级", "int", required=True, minimum=1, maximum=9),
    F("class_name", "班级", max_len=20),
    F("village_code", "村（居）区划代码", "village_code"),
    F("village_name", "村（居）", max_len=50),
    F("address", "家庭住址", max_len=100),
    F("boarding", "住校", "bool"),
    F("guardians", "监护人", "guardians"),
    F("left_behind", "留守儿童", "code", table=codes.LEFT_BEHIND),
    F("orphan", "孤儿", "bool"),
    F("unsupported", "事实无人抚养儿童", "bool"),
    F("in_difficulty", "困境儿童", "bool"),
    F("migrant", "随迁子女", "bool"),
    F("disability_type", "残疾类型", "code", table=codes.DISABILITY_TYPES),
    F("inclusive", "随班就读", "bool"),
    F("economic_category", "家庭经济困难类别", "code", table=codes.ECONOMIC_CATEGORIES,
      restricted=True),
    F("at_risk", "预警原因", "codes", table=codes.RISK_INDICATORS),
    F("note", "备注", max_len=LONG_TEXT),
)
STUDENT_SPECS: dict[str, FieldSpec] = {spec.name: spec for spec in STUDENT_FIELDS}

# Fields a class teacher's list or a public notice must never show (domain.md §10).
RESTRICTED_FIELDS = frozenset(s.name for s in STUDENT_FIELDS if s.restricted)


def clean_student_fields(raw: Mapping[str, Any], *, today: dt.date) -> dict[str, Any]:
    """Clean the given student fields, reporting every problem at once."""
    return clean_many(STUDENT_SPECS, raw, today=today)


def complete_identity(fields: dict[str, Any], *, today: dt.date) -> tuple[dict[str, Any], list[str]]:
    """Derive sex and birth date from the ID number, refuse contradictions, return warnings.

    `fields` is the full resulting record (stored values merged with the edit).
    """
    out = dict(fields)
    if not out.get("id_type"):
        out["id_type"] = "1"
    number = out.get("id_number") or ""
    if out["id_type"] == "1" and number:
        info = identity.parse_id_number(number, today=today)
        _agree(out, "sex", info.sex, "性别与身份证号第17位不符", "请核对性别或身份证号")
        _agree(out, "birth_date", info.birth_date.isoformat(), "出生日期与身份证号不符",
               "请核对出生日期或身份证号")
    warnings: list[str] = []
    if out.get("xjh"):
        warnings.extend(identity.parse_xjh(out["xjh"], id_number=number or None).warnings)
    if out.get("birth_date") and out.get("grade"):
        warnings.extend(_grade_warning(out, today))
    return out, warnings


def _agree(out: dict[str, Any], key: str, derived: str, reason: str, fix: str) -> None:
    if not out.get(key):
        out[key] = derived
    elif out[key] != derived:
        raise ValidationError(Problem(field=key, reason=reason, fix=fix))


def _grade_warning(fields: Mapping[str, Any], today: dt.date) -> list[str]:
    birth = dt.date.fromisoformat(fields["birth_date"])
    expected = identity.expected_grade(birth, today)
    grade = int(fields["grade"])
    if abs(grade - expected) >= 2:
        name = fields.get("name", "")
        return [f"{name}的年龄与年级不符（按出生日期应读{expected}年级，现为{grade}年级），请核对"]
    return []
