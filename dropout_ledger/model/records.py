"""Append-only record kinds: absences, cases, visits, reports, notices, legal documents,
subsidies, teacher pairings and their logs, home-teaching (送教上门) sessions, and documents
(证明材料: a photo or scan filed on a pupil's page).

A record is created once (`record_add`) and never overwritten: later facts (a notice's delivery
receipt, a case's responsible teacher) are field edits on the record, and a wrong record is
retracted with a reason. Every kind names its student, so each case history is one query.
"""

from __future__ import annotations

from dataclasses import dataclass

from dropout_ledger.model import codes
from dropout_ledger.model.fields import LONG_TEXT, FieldSpec

F = FieldSpec
_STUDENT = F("student_id", "学生", "ref", required=True)
_CASE = F("case_id", "个案", "ref")
_FILES = F("attachments", "附件", "attachments")


@dataclass(frozen=True)
class RecordKind:
    """A kind of record: its stored name, Chinese label, fields, and parent reference if any.

    `parent` names the field pointing to the record this one belongs to (a pairing log entry
    belongs to a pairing); its student is copied from the parent.
    """

    name: str
    label: str
    fields: tuple[FieldSpec, ...]
    parent: tuple[str, str] | None = None  # (field, parent kind)

    def spec(self, field: str) -> FieldSpec | None:
        return next((s for s in self.fields if s.name == field), None)


RECORD_KINDS: dict[str, RecordKind] = {
    kind.name: kind
    for kind in (
        RecordKind("absence", "缺勤登记", (
            _STUDENT,
            F("date", "缺勤日期", "date", required=True),
            F("excused", "已请假", "bool"),
            F("reason", "缺勤原因", max_len=200),
            F("contacted", "已联系监护人", "bool"),
            F("note", "备注", max_len=LONG_TEXT),
        )),
        RecordKind("case", "辍学个案（一人一案）", (
            _STUDENT,
            F("opened_date", "立案日期", "date", required=True),
            F("reason_code", "辍学原因", "code", table=codes.DROPOUT_REASONS),
            F("reason_text", "原因说明", max_len=LONG_TEXT),
            F("whereabouts", "去向", max_len=200),
            F("teacher", "包保教师", "name"),
            F("village_contact", "村级责任人", "name"),
            F("township_contact", "乡镇责任人", "name"),
            F("plan", "帮扶计划", max_len=LONG_TEXT),
        )),
        RecordKind("visit", "劝返记录", (
            _STUDENT, _CASE,
            F("date", "劝返日期", "date", required=True),
            F("mode", "方式", "code", required=True, table=codes.VISIT_MODES),
            F("participants", "参加人员", "texts", required=True),
            F("met", "见到何人", max_len=100),
            F("attitude", "家长和学生态度", "code", table=codes.ATTITUDES),
            F("result", "承诺或结果", max_len=LONG_TEXT),
            F("next_step", "下一步", max_len=LONG_TEXT),
            F("next_date", "下一步日期", "date", future_days=None),
            _FILES,
        )),
        RecordKind("escalation", "劝返阶段", (
            _STUDENT, F("case_id", "个案", "ref", required=True),
            F("stage", "阶段", "code", required=True, table=codes.ESCALATION_STAGES),
            F("date", "日期", "date", required=True),
            F("note", "说明", max_len=LONG_TEXT),
        ), parent=("case_id", "case")),
        RecordKind("report", "书面报告", (
            _STUDENT, _CASE,
            F("date", "报告日期", "date", required=True),
            F("recipients", "报送单位", "codes", required=True, table=codes.REPORT_RECIPIENTS),
            F("period", "报告期间", max_len=20),
            F("summary", "报告内容", required=True, max_len=LONG_TEXT),
            _FILES,
        )),
        RecordKind("notice", "劝返复学通知书", (
            _STUDENT, _CASE,
            F("date", "发出日期", "date", required=True),
            F("guardian_name", "监护人", "name", required=True),
            F("return_by", "限期返校日期", "date", required=True, future_days=None),
            F("delivered_date", "送达日期", "date"),
            F("delivered_to", "签收人", "name"),
            F("deliverer", "送达人", "texts"),
            F("receipt_signed", "送达回证已签收", "bool"),
            _FILES,
        )),
        RecordKind("legal_doc", "法律文书", (
            _STUDENT, _CASE,
            F("doc_type", "文书类别", "code", required=True, table=codes.LEGAL_DOC_TYPES),
            F("number", "文号", max_len=50),
            F("issuer", "出具单位", required=True, max_len=50),
            F("issued_date", "出具日期", "date", required=True),
            F("served_date", "送达日期", "date"),
            F("deadline", "履行期限", "date", future_days=None),
            F("outcome", "结果", max_len=LONG_TEXT),
            _FILES,
        )),
        RecordKind("document", "证明材料", (
            _STUDENT, _CASE,
            F("date", "日期", "date", required=True),
            F("title", "材料名称", required=True, max_len=100),
            F("attachments", "附件", "attachments", required=True),
            F("note", "说明", max_len=200),
        )),
        RecordKind("subsidy", "资助发放", (
            _STUDENT,
            F("item", "资助项目", "code", required=True, table=codes.SUBSIDY_ITEMS),
            F("standard_fen", "标准（分/年）", "fen"),
            F("period", "资助期间", required=True, max_len=30),
            F("amount_fen", "金额（分）", "fen", required=True),
            F("paid_date", "发放日期", "date"),
            F("channel", "发放方式", "code", table=codes.PAYMENT_CHANNELS),
            F("account_last4", "账户尾号", max_len=4),
            F("note", "备注", max_len=200),
        )),
        RecordKind("pairing", "结对帮扶", (
            _STUDENT,
            F("teacher", "帮扶教师", "name", required=True),
            F("start_date", "结对日期", "date", required=True),
            F("kind", "帮扶类型", "code", table=codes.PAIRING_KINDS),
            F("goal", "帮扶目标", max_len=LONG_TEXT),
        )),
        RecordKind("pairing_log", "帮扶记录", (
            _STUDENT, F("pairing_id", "结对", "ref", required=True),
            F("date", "日期", "date", required=True),
            F("mode", "方式", max_len=50),
            F("content", "内容", required=True, max_len=LONG_TEXT),
            F("change", "学生表现和变化", max_len=LONG_TEXT),
            F("next_step", "下一步", max_len=LONG_TEXT),
        ), parent=("pairing_id", "pairing")),
        # 毕业去向 (初中升学率's numerator): an event on a graduated grade-9 pupil; a later record
        # replaces an earlier one (the newest dated on or before a snapshot counts).
        RecordKind("destination", "毕业去向", (
            _STUDENT,
            F("date", "登记日期", "date", required=True),
            F("destination", "毕业去向", "code", required=True, table=codes.GRADUATE_DESTINATIONS),
            F("school", "升入学校", max_len=100),
            F("note", "说明", max_len=200),
        )),
        RecordKind("home_teaching", "送教上门记录", (
            _STUDENT,
            F("date", "送教日期", "date", required=True),
            F("start_time", "开始时间", max_len=5),
            F("end_time", "结束时间", max_len=5),
            F("teachers", "送教教师", "texts", required=True),
            F("content", "送教内容", required=True, max_len=LONG_TEXT),
            F("response", "学生反应", max_len=LONG_TEXT),
            F("guardian_signed", "家长已签字", "bool"),
        )),
    )
}


# --- 四查三比对: one row of a county or village list, checked against the roll ------------------
#
# A list row is a record whose student is *optional*: a 户籍 list names children who were never
# on this school's roll, and those are exactly the rows the check is for. `student_id` is the
# pupil the row is accepted as ("" until a match is accepted); the list itself is the settings
# entity `checklist:<id>` (title, kind, file, its SHA-256), which `list_id` points at. An outcome
# and every later change of it are `update` events on the row: append-only, undoable, and the
# history keeps each earlier answer (docs/decisions/0015-reconciliation.md).

# How a list row was matched to the roll. The last four never count as a match on their own:
# a person confirms a homophone, an ID conflict or one of several candidates, or picks a pupil.
MATCH_METHODS: tuple[codes.Code, ...] = (
    codes.Code("id", "身份证号"),
    codes.Code("id15", "身份证号（15位旧号与18位互转）"),
    codes.Code("xjh", "全国学籍号"),
    codes.Code("name_birth", "姓名+出生日期"),
    codes.Code("variant", "姓名（繁简字）+出生日期"),
    codes.Code("homophone", "同音姓名+出生日期"),
    codes.Code("id_differs", "姓名+出生日期，但身份证号不同"),
    codes.Code("ambiguous", "多名学生符合"),
    codes.Code("manual", "人工指定"),
    codes.Code("rejected", "候选已否决"),
    codes.Code("none", "未匹配"),
)
NEEDS_CONFIRMATION = frozenset({"homophone", "id_differs", "ambiguous"})

# What a list row turned out to be (domain §2.5): the 销号 reasons of CLOSURE_REASONS, in the
# order a principal meets them on a list, plus the two answers a list check has and a case
# closure has not: the child is not ours (or the entry is untrue), and the child has dropped out.
_CLOSURE = {c.code: c for c in codes.CLOSURE_REASONS}
LIST_OUTCOMES: tuple[codes.Code, ...] = (
    *(_CLOSURE[c] for c in (
        "at_school", "no_registry_study", "elsewhere_in_province", "elsewhere_out_of_province",
        "special_school", "suspended", "home_teaching", "returned", "deferred", "overage",
        "abroad", "deceased", "registry_error")),
    codes.Code("not_ours", "不属实或非本校学生"),
    codes.Code("dropped_out", "已辍学（立案劝返）"),
    _CLOSURE["other"],
)
# Outcomes that name the school the child attends (转学/异地就读).
OUTCOMES_WITH_SCHOOL = frozenset(
    {"elsewhere_in_province", "elsewhere_out_of_province", "special_school"})

LIST_KINDS: tuple[codes.Code, ...] = (
    codes.Code("household", "户籍适龄儿童名单"),
    codes.Code("poverty", "脱贫户、低保户适龄儿童名单"),
    codes.Code("suspected", "疑似辍学学生名单"),
    codes.Code("other", "其他核查名单"),
)

RECORD_KINDS["list_check"] = RecordKind("list_check", "名单核查", (
    F("student_id", "学生", "ref"),
    F("list_id", "核查名单", "ref", required=True),
    F("list_row", "原行号", "int", required=True, minimum=1, maximum=10**7),
    F("name", "名单姓名", max_len=60),
    F("id_number", "名单身份证号", max_len=30),
    F("xjh", "名单学籍号", max_len=30),
    F("birth_date", "名单出生日期", max_len=10),
    F("match", "匹配方式", "code", required=True, table=MATCH_METHODS),
    F("candidates", "候选学生", "texts"),
    F("note", "读取提示", max_len=LONG_TEXT),
    F("outcome", "核查结果", "code", table=LIST_OUTCOMES),
    F("school", "就读学校", max_len=100),
    F("evidence", "核查说明", max_len=LONG_TEXT),
    F("date", "核查日期", "date"),
    _FILES,
))
