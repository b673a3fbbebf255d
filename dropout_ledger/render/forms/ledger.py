"""控辍保学台账: the school's master roster, A4 landscape, the columns of domain.md §5.1.

Twenty-three fields do not fit side by side on 277 mm, so related ones share a column on two
lines (身份证号 over 全国学籍号, 缺勤起始日期 over 连续天数 …), as paper 台账 do. Privacy (domain.md
§10): the 台账 goes to the township, so ID numbers and 学籍号 are masked, and the family's
economic category, home address and phone numbers are not on it at all.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from dropout_ledger.render.kit import Column, Form, Imprint, Row

AT_RISK = "预警"
"""The flag a status cell carries on its second line ("在校\n（预警）")."""
TABLE_SIZE = 7.0
"""六号-ish: 21 columns on A4 landscape."""

COLUMNS: tuple[Column, ...] = (
    Column("序号", 7),
    Column("姓名", 13),
    Column("性别", 6),
    Column("民族", 10),
    Column("出生日期", 14),
    Column("身份证号\n全国学籍号", 26),
    Column("年级\n班级", 12),
    Column("户籍村（居）\n区划代码", 17),
    Column("监护人\n（关系）", 13),
    Column("特殊群体", 11),
    Column("状态", 11),
    Column("起始日期\n连续天数", 14, group="缺勤"),
    Column("疑似日期\n确认日期", 14, group="缺勤"),
    Column("辍学原因", 14, "LEFT"),
    Column("去向", 11, "LEFT"),
    Column("教师\n村级\n乡镇", 14, group="包保责任人"),
    Column("次数\n最近日期\n阶段", 14, group="劝返"),
    Column("法律文书", 14, "LEFT"),
    Column("复学日期\n安置方式", 14),
    Column("销号日期\n依据", 15, "LEFT"),
    Column("备注", 8, "LEFT"),
)


@dataclass(frozen=True)
class LedgerLine:
    """One pupil's row, every cell already the text to print ("" prints an empty cell)."""

    name: str
    sex: str
    ethnicity: str
    birth_date: str
    ids: str
    grade_class: str
    village: str
    guardian: str
    groups: str
    status: str
    absence: str
    case_dates: str
    reason: str
    whereabouts: str
    responsible: str
    persuasion: str
    legal_docs: str
    returned: str
    closure: str
    note: str
    record: str
    """How the refusal names the pupil if a character cannot be printed."""

    def cells(self, number: int) -> list[str]:
        return [str(number), self.name, self.sex, self.ethnicity, self.birth_date, self.ids,
                self.grade_class, self.village, self.guardian, self.groups, self.status,
                self.absence, self.case_dates, self.reason, self.whereabouts, self.responsible,
                self.persuasion, self.legal_docs, self.returned, self.closure, self.note]


@dataclass(frozen=True)
class LedgerSheet:
    """The whole 台账: whose, which selection, as of when, and the rows (may be a generator)."""

    school: str
    selection: str
    """The view's name as printed under the title, e.g. "疑似辍学学生"."""
    as_of: dt.date
    lines: Iterable[LedgerLine]
    phone: str = ""
    """The school's own phone for the 联系电话 line ("" leaves the line blank)."""


def draw(sheet: LedgerSheet, imprint: Imprint) -> tuple[Form, int]:
    """The 台账 as a Form, and how many pupils it lists."""
    form = Form(imprint, title="控辍保学台账", landscape=True, margins_mm=(8.5, 8.5, 10, 6))
    form.title(subtitle=f"（{sheet.selection}，截至{sheet.as_of.year}年{sheet.as_of.month}月"
                        f"{sheet.as_of.day}日）")
    form.unit_line(sheet.school, sheet.as_of)
    statuses: Counter[str] = Counter()

    def rows() -> Iterator[Row]:
        for number, line in enumerate(sheet.lines, start=1):
            status, _, flag = line.status.partition("\n")
            statuses[status] += 1
            statuses[AT_RISK] += bool(flag)
            yield Row(line.cells(number), line.record)

    count = form.table(COLUMNS, rows(), size=TABLE_SIZE)
    flagged = statuses.pop(AT_RISK, 0)
    parts = "、".join(f"{status}{n}人" for status, n in statuses.most_common())
    form.spacer(2)
    form.text(f"合计：共{count}人。按状态：{parts}" + (f"；其中有辍学倾向（预警）{flagged}人。"
                                                   if flagged else "。"), size=9, first_indent=0)
    with form.together():
        form.spacer(3)
        form.signatures([("单位负责人（校长）签字", ""), ("填表人", imprint.operator),
                         ("联系电话", sheet.phone)])
    return form, count
