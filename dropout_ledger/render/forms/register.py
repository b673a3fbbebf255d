"""辍学学生劝返复学登记表: one pupil's case on A4 portrait, with every persuasion visit.

Layout of domain.md §5.2: the pupil's identity and family block, the visit log (one row per
visit, 签字 left for the visitors' and the guardian's hand), support measures, the legal
procedure, return and closure, then the class teacher's and principal's signatures and the
school stamp. Empty fields stay as empty boxes, and a few blank rows follow each log, so the
form can be completed by hand at the next visit.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from dropout_ledger.render.kit import Column, Form, Imprint, Row, label, value

VISIT_COLUMNS = (
    Column("次数", 8), Column("日期", 17), Column("方式", 13), Column("参加人员", 24, "LEFT"),
    Column("见到何人", 15, "LEFT"), Column("家长/学生\n态度", 14), Column("承诺/结果", 48, "LEFT"),
    Column("签字", 20),
)
LEGAL_COLUMNS = (
    Column("文书", 34, "LEFT"), Column("文号", 27, "LEFT"), Column("出具单位", 24, "LEFT"),
    Column("出具日期", 17), Column("送达日期", 17), Column("履行期限", 17),
    Column("结果", 23, "LEFT"),
)
GRID = (22, 36, 19, 30, 22, 46)


@dataclass(frozen=True)
class VisitLine:
    """One persuasion visit as printed."""

    date: str
    mode: str
    participants: str
    met: str
    attitude: str
    result: str


@dataclass(frozen=True)
class LegalLine:
    """One legal document or school notice, as printed."""

    document: str
    number: str
    issuer: str
    issued: str
    served: str
    deadline: str
    outcome: str


@dataclass(frozen=True)
class RegisterData:
    """Everything the 登记表 prints about one pupil, as text ("" = blank to fill in)."""

    school: str
    name: str
    sex: str
    birth_date: str
    ethnicity: str
    grade_class: str
    xjh: str
    id_number: str
    groups: str
    household: str
    address: str
    guardians: str
    absence_start: str
    confirmed: str
    teacher: str
    reason: str
    whereabouts: str
    village_contact: str
    township_contact: str
    visits: Sequence[VisitLine]
    measures: str
    legal: Sequence[LegalLine]
    returned: str
    placement: str
    closed: str
    closure: str
    economic_category: str | None = None
    """Printed only when the operator may see restricted fields; None leaves the row out."""
    as_of: dt.date | None = None


def draw(data: RegisterData, imprint: Imprint) -> tuple[Form, int]:
    """The 登记表 as a Form, and the number of visits it lists."""
    form = Form(imprint, title="辍学学生劝返复学登记表")
    who = f"{data.name}（{data.grade_class}）"
    form.title()
    form.unit_line(data.school, data.as_of, unit_label="学校（盖章）：", date_label="填表日期：")
    rows = [
        [label("姓名"), value(data.name), label("性别"), value(data.sex), label("出生日期"),
         value(data.birth_date)],
        [label("民族"), value(data.ethnicity), label("年级班级"), value(data.grade_class),
         label("全国学籍号"), value(data.xjh)],
        [label("身份证号"), value(data.id_number, 3), label("特殊群体"), value(data.groups)],
        [label("户籍地址"), value(data.household, 5)],
        [label("现住址"), value(data.address, 5)],
        [label("监护人及\n联系电话"), value(data.guardians, 5)],
    ]
    if data.economic_category is not None:
        rows.append([label("家庭经济\n困难类别"), value(data.economic_category, 5)])
    rows += [
        [label("缺勤起始\n日期"), value(data.absence_start), label("确认辍学\n日期"),
         value(data.confirmed), label("包保教师"), value(data.teacher)],
        [label("辍学原因"), value(data.reason, 3), label("去向"), value(data.whereabouts)],
        [label("村级\n责任人"), value(data.village_contact), label("乡镇\n责任人"),
         value(data.township_contact, 3)],
    ]
    form.grid(GRID, rows, record=who)
    form.heading("一、劝返记录")
    count = form.table(VISIT_COLUMNS, (
        Row([str(n), v.date, v.mode, v.participants, v.met, v.attitude, v.result, ""], who)
        for n, v in enumerate(data.visits, start=1)), blank_rows=2, min_row_mm=8)
    form.heading("二、帮扶措施")
    form.grid((22, 153), [[label("帮扶措施"), value(data.measures, min_height=16)]], record=who)
    form.heading("三、法律程序记录")
    form.table(LEGAL_COLUMNS, (
        Row([d.document, d.number, d.issuer, d.issued, d.served, d.deadline, d.outcome], who)
        for d in data.legal), blank_rows=0 if data.legal else 1, min_row_mm=8)
    with form.together():
        form.heading("四、复学与销号")
        form.grid((22, 36, 22, 95), [
            [label("复学日期"), value(data.returned), label("安置方式"), value(data.placement)],
            [label("销号日期"), value(data.closed), label("销号依据"), value(data.closure)],
        ], record=who)
        form.spacer(5)
        form.signatures([("班主任（签字）", ""), ("校长（签字）", "")])
        form.stamp_block(data.school, None)
    return form, count
