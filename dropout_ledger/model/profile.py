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

Early-warning rules (dropout_ledger/warning) and the reporting calendar (services/calendar.py)
take their numbers from here too, for the same reason (docs/decisions/0014-early-warning.md).
Term-start and holiday-return dates are full dates that apply to their own year only: holidays
move every year (the State Council publishes them each winter), so a county sets this year's and
every other year falls back to the usual day (3月1日, 9月1日, 5月6日, 10月8日).
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

WARNING_RULE_CODES: codes.CodeTable = (
    codes.Code("absence_count", "近期多次无故缺课"),
    codes.Code("absence_run", "连续无故缺课"),
    codes.Code("return_window", "开学或节后返校期缺课"),
    codes.Code("study_behaviour", "学习或行为问题"),
    codes.Code("recent_return", "辍学后复学不久"),
    codes.Code("left_behind", "留守儿童"),
    codes.Code("elderly_guardian", "隔代监护"),
    codes.Code("family_crisis", "家庭变故或困境"),
    codes.Code("overage", "超龄"),
)
"""The early-warning rules a county may switch off; the rules themselves are in warning/rules.py
(a test keeps both lists equal)."""

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
    F("enrolment_min_bp", "适龄儿童入学率目标（万分之）", "int", maximum=10000),
    F("dropout_reasons", "辍学原因代码表", "code_table"),
    # Early warning (domain.md §3.2; warning/rules.py says how each number is used).
    F("warn_absence_window_days", "预警：统计近几天的缺课", "int", minimum=7, maximum=120),
    F("warn_absence_count", "预警：期间无故缺课几天", "int", minimum=1, maximum=60),
    F("warn_absence_run", "预警：连续无故缺课几天", "int", minimum=1, maximum=30),
    F("warn_return_school_days", "预警：开学和节后返校头几个上学日（0 为不用）", "int",
      minimum=0, maximum=20),
    F("warn_overage_years", "预警：比应读年级大几岁", "int", minimum=1, maximum=6),
    F("warn_background_min", "预警：仅凭家庭和年龄情况须满足几条（0 为不单独预警）", "int",
      minimum=0, maximum=9),
    F("warn_rules_off", "不使用的预警规则", "codes", table=WARNING_RULE_CODES),
    F("warn_backtest_days", "回溯检验：立案前几天内", "int", minimum=7, maximum=180),
    F("warn_backtest_period_days", "回溯检验：检验近几天的个案", "int", minimum=30, maximum=1095),
    # The school year (this year's dates; blank or another year: the usual day).
    F("spring_term_start", "春季学期开学日期", "date", future_days=None),
    F("autumn_term_start", "秋季学期开学日期", "date", future_days=None),
    F("may_day_return", "劳动节后返校日期", "date", future_days=None),
    F("national_day_return", "国庆节后返校日期", "date", future_days=None),
    # The reporting calendar (四个一, domain.md §0, §5.5, §9).
    F("campaign_days", "开学劝返集中行动天数", "int", minimum=0, maximum=60),
    F("spring_stats_day", "春季学期统计报送日（3月几日）", "int", minimum=1, maximum=31),
    F("autumn_stats_day", "秋季学期统计报送日（9月几日）", "int", minimum=1, maximum=31),
    F("recheck_day", "季度复核日（3、6、9、12月几日）", "int", minimum=1, maximum=31),
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
    # domain.md §6: the 两基 standard's rural junior enrolment ≥ 95 %, the only 入学率 target in
    # the sources (design README §3 names none); a county sets its own.
    "enrolment_min_bp": 9500,
    "dropout_reasons": [{"code": c.code, "label": c.label} for c in codes.DROPOUT_REASONS],
    # Early warning: 3 unexcused days in 30 or 2 in a row (a week's absence is already a
    # suspected dropout in many counties, §2.2, so the warning must come before it); any
    # unexcused day in the first week back (§3.2: the peak season for leaving to work); two
    # years over age (the same gap model/student.py warns about at entry).
    "warn_absence_window_days": 30,
    "warn_absence_count": 3,
    "warn_absence_run": 2,
    "warn_return_school_days": 5,
    "warn_overage_years": 2,
    "warn_background_min": 3,
    "warn_rules_off": [],
    "warn_backtest_days": 60,
    "warn_backtest_period_days": 365,
    "spring_term_start": "",
    "autumn_term_start": "",
    "may_day_return": "",
    "national_day_return": "",
    # Calendar: the first two weeks of term are the 开学劝返 campaign; semester figures to the
    # county by 15 March and 25 September (one of the pairs in §5.5); the county's quarterly
    # re-check at each quarter's end (31 becomes 30 in June and September).
    "campaign_days": 14,
    "spring_stats_day": 15,
    "autumn_stats_day": 25,
    "recheck_day": 31,
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
