"""Gathers one pupil's 一生一档 (render/forms/dossier.py): every live record, by part.

The file is the school's own record of the pupil (it goes into the 学籍 archive), so it carries
the address and the guardians' phones; ID numbers are masked unless the operator may and asks,
and the family's economic category is on the cover only for an operator allowed to see it.
The layout is done twice: once to learn the page each part starts on, once to print them in
the contents.
"""

from __future__ import annotations

from typing import Any

from dropout_ledger.model import codes
from dropout_ledger.model.status import Status
from dropout_ledger.printing.common import (
    Built,
    Context,
    grade_class,
    guardians_text,
    live,
    reason_labels,
    reason_text,
    record_value,
    resolve_student,
    special_groups,
    student_value,
)
from dropout_ledger.printing.home_teaching import minutes
from dropout_ledger.printing.notice import number_of
from dropout_ledger.printing.pairing import sections as pairing_sections
from dropout_ledger.render.forms.dossier import DossierData, Part, Table, draw
from dropout_ledger.render.kit import Column
from dropout_ledger.services.documents import student_evidence

C = Column
STATUS_COLUMNS = (C("生效日期", 20), C("状态", 18), C("原因", 40, "LEFT"),
                  C("销号原因及依据／备注", 70, "LEFT"), C("录入人", 20))
STAGE_COLUMNS = (C("阶段", 60, "LEFT"), C("日期", 22), C("说明", 86, "LEFT"))
REPORT_COLUMNS = (C("报告日期", 22), C("报送单位", 40, "LEFT"), C("报告内容", 106, "LEFT"))
VISIT_COLUMNS = (C("次数", 9), C("日期", 19), C("方式", 15), C("参加人员", 26, "LEFT"),
                 C("见到何人", 16, "LEFT"), C("态度", 12), C("承诺/结果", 71, "LEFT"))
NOTICE_COLUMNS = (C("编号", 27), C("发出日期", 19), C("监护人", 17), C("限期返校", 19),
                  C("送达日期", 19), C("签收人", 17), C("送达人", 25, "LEFT"),
                  C("送达回证", 25))
LEGAL_COLUMNS = (C("文书", 40, "LEFT"), C("文号", 30, "LEFT"), C("出具单位", 26, "LEFT"),
                 C("出具日期", 19), C("送达日期", 19), C("履行期限", 19), C("结果", 15, "LEFT"))
SUBSIDY_COLUMNS = (C("资助项目", 46, "LEFT"), C("资助期间", 25), C("标准（元/年）", 20),
                   C("金额（元）", 18), C("发放日期", 19), C("发放方式", 40, "LEFT"))
PAIRING_COLUMNS = (C("日期", 19), C("方式", 14), C("内容", 55, "LEFT"),
                   C("学生表现/变化", 42, "LEFT"), C("下一步", 38, "LEFT"))
TEACHING_COLUMNS = (C("日期", 19), C("起止时间", 22), C("分钟", 12), C("送教教师", 28),
                    C("送教内容", 45, "LEFT"), C("学生反应", 34, "LEFT"), C("家长签字", 14))
EVIDENCE_COLUMNS = (C("日期", 19), C("材料", 50, "LEFT"), C("所属记录", 45, "LEFT"),
                    C("文件名", 54, "LEFT"))


def build(ctx: Context, given: str) -> Built:
    """The pupil's file, its contents page numbered from a first layout."""
    student = resolve_student(ctx.ledger, given)
    data = gather(ctx, student)
    first, _ = draw(data, ctx.imprint)
    first.render()
    form, rows = draw(data, ctx.imprint, pages=first.marks)
    return Built(form, rows, student["id"])


def _yuan(fen: Any) -> str:
    return f"{int(fen) // 100}.{int(fen) % 100:02d}" if fen not in (None, "") else ""


def gather(ctx: Context, student: dict[str, Any]) -> DossierData:
    sid = student["id"]
    klass = grade_class(student)
    identity = [
        ("姓名", str(student.get("name") or "")), ("性别", student_value(student, "sex")),
        ("出生日期", str(student.get("birth_date") or "")),
        ("民族", student_value(student, "ethnicity")), ("年级班级", klass),
        ("当前状态", Status(student["status"]).label if student.get("status") else ""),
        ("身份证号", ctx.id_number(student.get("id_number"))),
        ("全国学籍号", ctx.xjh(student.get("xjh"))),
        ("住校", "是" if student.get("boarding") else "否"),
        ("特殊群体", "、".join(special_groups(student))),
        ("户籍村（居）", " ".join(x for x in (student.get("village_name"),
                                            student.get("village_code")) if x)),
        ("家庭住址", str(student.get("address") or "")),
        ("监护人及联系电话", "；".join(guardians_text(student, phones=True))),
    ]
    if ctx.restricted:
        identity.append(("家庭经济困难类别", student_value(student, "economic_category")))
    if student.get("at_risk"):
        identity.append(("预警原因", student_value(student, "at_risk")))
    parts = [_status(ctx, sid), _cases(ctx, sid), _visits(ctx, sid), _notices(ctx, sid),
             _legal(ctx, sid), _subsidies(ctx, sid), _pairings(ctx, sid),
             _home_teaching(ctx, sid), _evidence(ctx, sid)]
    return DossierData(school=ctx.imprint.school, name=str(student.get("name") or ""),
                       grade_class=klass, identity=identity, parts=parts, as_of=ctx.today)


def _status(ctx: Context, sid: str) -> Part:
    reasons = reason_labels(ctx.ledger)
    rows = []
    for fact in ctx.ledger.queries.status_history(sid):
        if fact["retracted"]:
            continue
        closure = codes.label_of(codes.CLOSURE_REASONS, fact["closure_reason"]) \
            if fact.get("closure_reason") else ""
        detail = "；".join(x for x in (closure, fact.get("closure_evidence") or "",
                                      fact.get("note") or "") if x)
        rows.append([fact["effective_date"], Status(fact["code"]).label,
                     reason_text(reasons, fact.get("reason_code"), fact.get("reason_text")),
                     detail, str(fact.get("operator") or "")])
    return Part("status", "学籍状态变动记录", len(rows), [Table(STATUS_COLUMNS, rows)])


def _cases(ctx: Context, sid: str) -> Part:
    queries = ctx.ledger.queries
    reasons = reason_labels(ctx.ledger)
    cases = live(queries.records("case", student_id=sid))
    stages = live(queries.records("escalation", student_id=sid))
    reports = live(queries.records("report", student_id=sid))
    blocks: list[str | Table] = []
    for n, case in enumerate(cases, start=1):
        closed = ""
        if case.get("closed_date"):
            closure = codes.label_of(codes.CLOSURE_REASONS, case.get("closure_reason") or "")
            closed = f"{case['closed_date']} 销号（{closure}）" + (
                f"，依据：{case['closure_evidence']}" if case.get("closure_evidence") else "")
        facts = [
            ("立案日期", case.get("opened_date")),
            ("辍学原因", reason_text(reasons, case.get("reason_code"), case.get("reason_text"))),
            ("去向", case.get("whereabouts")), ("包保教师", case.get("teacher")),
            ("村级责任人", case.get("village_contact")),
            ("乡镇责任人", case.get("township_contact")), ("帮扶计划", case.get("plan")),
            ("销号", closed or "未销号"),
        ]
        blocks.append(f"个案{n}：")
        blocks.append("　".join(f"{name}：{text}" for name, text in facts if text))
        own = [s for s in stages if s.get("case_id") == case["id"]]
        if own:
            blocks.append(Table(STAGE_COLUMNS, [
                [f"{s['stage']} {codes.label_of(codes.ESCALATION_STAGES, s['stage'])}",
                 str(s["date"]), str(s.get("note") or "")] for s in own]))
    if reports:
        blocks.append("书面报告（辍学学生情况报告表）：")
        blocks.append(Table(REPORT_COLUMNS, [
            [str(r["date"]), "、".join(codes.label_of(codes.REPORT_RECIPIENTS, x)
                                      for x in r.get("recipients") or []),
             str(r.get("summary") or "")] for r in reports]))
    if not blocks:
        blocks.append(Table(STAGE_COLUMNS, [], empty="无辍学个案"))
    return Part("cases", "辍学个案（一人一案）及报告", len(cases) + len(reports), blocks)


def _visits(ctx: Context, sid: str) -> Part:
    visits = live(ctx.ledger.queries.records("visit", student_id=sid))
    rows = []
    for n, v in enumerate(visits, start=1):
        result = record_value("visit", v, "result")
        if v.get("next_step"):
            result += f"\n下一步：{v['next_step']}"
        rows.append([str(n), str(v["date"]), record_value("visit", v, "mode"),
                     "、".join(v.get("participants") or []), str(v.get("met") or ""),
                     record_value("visit", v, "attitude"), result.strip()])
    return Part("visits", "劝返记录", len(rows), [Table(VISIT_COLUMNS, rows)])


def _notices(ctx: Context, sid: str) -> Part:
    queries = ctx.ledger.queries
    every = queries.records("notice")
    rows = [[number_of(every, n, ctx.today.year), str(n["date"]), str(n["guardian_name"]),
             str(n.get("return_by") or ""), str(n.get("delivered_date") or ""),
             str(n.get("delivered_to") or ""), "、".join(n.get("deliverer") or []),
             "已签收" if n.get("receipt_signed") else "未交回"]
            for n in live(queries.records("notice", student_id=sid))]
    return Part("notices", "劝返复学通知书及送达", len(rows), [Table(NOTICE_COLUMNS, rows)])


def _legal(ctx: Context, sid: str) -> Part:
    rows = [[record_value("legal_doc", d, "doc_type"), str(d.get("number") or ""),
             str(d.get("issuer") or ""), str(d.get("issued_date") or ""),
             str(d.get("served_date") or ""), str(d.get("deadline") or ""),
             str(d.get("outcome") or "")]
            for d in live(ctx.ledger.queries.records("legal_doc", student_id=sid))]
    return Part("legal", "法律文书", len(rows), [Table(LEGAL_COLUMNS, rows)])


def _subsidies(ctx: Context, sid: str) -> Part:
    rows = []
    for s in live(ctx.ledger.queries.records("subsidy", student_id=sid)):
        channel = record_value("subsidy", s, "channel")
        if s.get("account_last4"):
            channel += f" 尾号{s['account_last4']}"
        rows.append([record_value("subsidy", s, "item"), str(s.get("period") or ""),
                     _yuan(s.get("standard_fen")), _yuan(s.get("amount_fen")),
                     str(s.get("paid_date") or ""), channel])
    return Part("subsidies", "资助发放记录", len(rows), [Table(SUBSIDY_COLUMNS, rows)])


def _pairings(ctx: Context, sid: str) -> Part:
    blocks: list[str | Table] = []
    entries = 0
    for section in pairing_sections(ctx, sid):
        blocks.append(f"帮扶教师：{section.teacher}　结对日期：{section.start}"
                      + (f"　帮扶类型：{section.kind}" if section.kind else "")
                      + (f"　目标：{section.goal}" if section.goal else ""))
        blocks.append(Table(PAIRING_COLUMNS, [
            [e.date, e.mode, e.content, e.change, e.next_step] for e in section.entries]))
        entries += 1 + len(section.entries)
    if not blocks:
        blocks.append(Table(PAIRING_COLUMNS, [], empty="无结对帮扶记录"))
    return Part("pairing", "结对帮扶记录", entries, blocks)


def _home_teaching(ctx: Context, sid: str) -> Part:
    rows = []
    for r in sorted(live(ctx.ledger.queries.records("home_teaching", student_id=sid)),
                    key=lambda r: str(r["date"])):
        span = minutes(r.get("start_time"), r.get("end_time"))
        rows.append([str(r["date"]), "–".join(str(t) for t in (r.get("start_time"),
                                                               r.get("end_time")) if t),
                     str(span or ""), "、".join(r.get("teachers") or []),
                     str(r.get("content") or ""), str(r.get("response") or ""),
                     "已签字" if r.get("guardian_signed") else ""])
    return Part("home", "送教上门记录", len(rows), [Table(TEACHING_COLUMNS, rows)])


def _evidence(ctx: Context, sid: str) -> Part:
    rows = [[item.date, item.title, item.source, item.name]
            for item in reversed(student_evidence(ctx.ledger.queries, sid))]
    return Part("documents", "证明材料目录", len(rows), [
        Table(EVIDENCE_COLUMNS, rows, empty="无证明材料（扫描件、照片）"),
        "证明材料的原件（签字页、照片、回证等）按此目录顺序附后，电子文件保存在台账中。"])
