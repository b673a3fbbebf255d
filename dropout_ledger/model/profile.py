"""Organisation, county profile and operator fields.

Counties differ in every threshold and deadline (domain.md §2.2, §9), so each is a field of
the county profile with a default from the design README. Rates are stored in basis points
(万分之一: 50 = 0.50 %) because the canonical encoding allows integers only.

The escalation ladder's deadlines (domain.md §4.2) are one plain integer per stage, "days from
the previous stage (L0: from the case's opening) until this one is due", rather than one
structured table: each is then validated, stored, edited and synced like every other threshold
(docs/decisions/0008-escalation-deadlines.md).

The county's Excel template (a sheet the county asks schools to fill) is described by three
fields: the row of its column headers, its first data row, and `county_template_columns`, a code
table whose codes are our export fields (`exporting.roster.ROSTER_COLUMNS` keys) and whose labels
are the template's column letters. The county ships them with the profile; the template file
itself comes with them on the stick (docs/decisions/0011-xlsx-exports.md).
"""

from __future__ import annotations

from typing import Any

from dropout_ledger.model import codes
from dropout_ledger.model.fields import FieldSpec

F = FieldSpec


def stage_days_field(stage: str) -> str:
    """The profile field holding the days allowed to reach escalation `stage` ("L3")."""
    return f"stage_days_{stage.lower()}"


ORG_FIELDS: tuple[FieldSpec, ...] = (
    F("kind", "类型", required=True, max_len=10),
    F("code", "代码", required=True, max_len=12),
    F("name", "名称", required=True, max_len=60),
    F("county_code", "所属县（区）代码", max_len=6),
    F("address", "地址", max_len=100),
    F("phone", "联系电话", max_len=20),
    F("principal", "校长", "name"),
)

PROFILE_FIELDS: tuple[FieldSpec, ...] = (
    F("call_days", "缺勤几天须电话联系", "int", minimum=0, maximum=30),
    F("visit_days", "缺勤几天须家访", "int", minimum=0, maximum=30),
    F("report_form_days", "缺勤几天须填报告表", "int", minimum=1, maximum=60),
    F("suspect_days", "缺勤几天标记疑似辍学", "int", minimum=1, maximum=60),
    F("confirm_days", "缺勤几天确认辍学", "int", minimum=1, maximum=120),
    F("exclude_weekends", "缺勤天数不计周末", "bool"),
    F("returned_followup_days", "复学跟踪天数", "int", minimum=0, maximum=730),
    F("case_visit_gap_days", "个案几天未劝返须提醒", "int", minimum=1, maximum=60),
    F("monthly_report_day", "月报截止日", "int", minimum=1, maximum=31),
    F("primary_dropout_max_bp", "小学辍学率目标上限（万分之）", "int", maximum=10000),
    F("junior_dropout_max_bp", "初中辍学率目标上限（万分之）", "int", maximum=10000),
    F("consolidation_min_bp", "九年义务教育巩固率目标（万分之）", "int", maximum=10000),
    F("progression_min_bp", "初中升学率目标（万分之）", "int", maximum=10000),
    F("dropout_reasons", "辍学原因代码表", "code_table"),
    *(
        F(stage_days_field(stage.code), f"{stage.code} {stage.label}：{previous}后几天内",
          "int", minimum=0, maximum=365)
        for stage, previous in zip(
            codes.ESCALATION_STAGES,
            ("立案", *(s.code for s in codes.ESCALATION_STAGES[:-1])), strict=True)
    ),
    F("county_template_header_row", "县级模板表头所在行", "int", minimum=1, maximum=200),
    F("county_template_first_row", "县级模板第一行数据所在行", "int", minimum=1, maximum=201),
    F("county_template_columns", "县级模板各列对应的台账字段（字段→列字母）", "code_table"),
    F("import_mapping", "导入学籍名单时各列对应的项目（表头→项目）", "code_table"),
)

PROFILE_DEFAULTS: dict[str, Any] = {
    "call_days": 1,
    "visit_days": 1,
    "report_form_days": 3,
    "suspect_days": 5,
    "confirm_days": 20,
    "exclude_weekends": True,
    "returned_followup_days": 180,
    "case_visit_gap_days": 7,
    "monthly_report_day": 28,
    "primary_dropout_max_bp": 50,
    "junior_dropout_max_bp": 150,
    "consolidation_min_bp": 9600,
    "progression_min_bp": 9000,
    "dropout_reasons": [{"code": c.code, "label": c.label} for c in codes.DROPOUT_REASONS],
    # domain.md §4.2: L0 the day the case opens, L1–L3 one school day apart, the written
    # report (L4) within about a week; then the township's notice, its ~6-day deadline and the
    # penalty, the court application after the 催告书's ten days, and the court's hearing.
    **{stage_days_field(code): days for code, days in (
        ("L0", 0), ("L1", 1), ("L2", 1), ("L3", 1), ("L4", 2),
        ("L5", 7), ("L6", 10), ("L7", 15), ("L8", 30),
    )},
    "county_template_header_row": 1,
    "county_template_first_row": 2,
    "county_template_columns": [],
    # The roster columns a person mapped by hand in the import wizard: {code: header text,
    # label: import field key or "-" for not imported} (importing.header.mapping_from_profile).
    "import_mapping": [],
}

ROLES = (
    codes.Code("principal", "校长"),
    codes.Code("registrar", "学籍管理员"),
    codes.Code("class_teacher", "班主任"),
    codes.Code("county_clerk", "县教育局工作人员"),
)

OPERATOR_FIELDS: tuple[FieldSpec, ...] = (
    F("name", "姓名", "name", required=True),
    F("role", "角色", "code", required=True, table=ROLES),
    F("class_scope", "负责班级", max_len=40),
)
