"""留守儿童档案: the school's sub-ledger of left-behind pupils, A4 landscape (domain.md §5.11).

One row per pupil on the roll whose parents (one or both) work away: identity, class, the
masked 学籍号, the kind of 留守, the home address, the guardian at home and the phone, the
paired teacher and the last contact. The parents' names and work place, study and health
columns are left blank for the class teacher to fill in: the ledger does not hold them.

The archive is the school's own and confidential (the school templates say so): it carries the
address and the guardian's phone the teachers need to keep in touch, and is marked 内部资料.
ID numbers stay masked and the economic category is not on it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from dropout_ledger.render.kit import Column, Form, Imprint, Row

COLUMNS = (
    Column("序号", 7), Column("姓名", 13), Column("性别", 6), Column("出生日期", 18),
    Column("年级班级", 16), Column("全国学籍号", 31), Column("留守类型", 14),
    Column("家庭住址", 28, "LEFT"), Column("监护人\n（关系）", 16), Column("监护人电话", 22),
    Column("外出父母\n及务工地", 24), Column("学习\n情况", 12), Column("健康\n心理", 12),
    Column("结对教师", 14), Column("最近联系", 18),
)


@dataclass(frozen=True)
class LeftBehindLine:
    name: str
    sex: str
    birth_date: str
    grade_class: str
    xjh: str
    kind: str
    address: str
    guardian: str
    phone: str
    teacher: str
    last_contact: str

    def cells(self, number: int) -> list[str]:
        return [str(number), self.name, self.sex, self.birth_date, self.grade_class, self.xjh,
                self.kind, self.address, self.guardian, self.phone, "", "", "", self.teacher,
                self.last_contact]


@dataclass(frozen=True)
class LeftBehindData:
    school: str
    as_of: dt.date
    lines: Sequence[LeftBehindLine]
    both: int
    one: int
    paired: int
    phone: str = ""


def draw(data: LeftBehindData, imprint: Imprint) -> tuple[Form, int]:
    form = Form(imprint, title="留守儿童档案", landscape=True, margins_mm=(10, 10, 10, 6))
    form.title(subtitle="（内部资料　注意保密）")
    form.unit_line(data.school, data.as_of)
    count = form.table(COLUMNS, (Row(line.cells(n), f"{line.name}（{line.grade_class}）")
                                 for n, line in enumerate(data.lines, start=1)), size=8.5,
                       min_row_mm=9)
    with form.closing():
        form.spacer(2)
        form.text(f"合计：留守儿童{count}人，其中双亲外出{data.both}人、单亲外出{data.one}人；"
                  f"已安排结对帮扶教师{data.paired}人。外出父母、学习、健康心理各栏由班主任"
                  "家访核实后填写。", size=9, first_indent=0)
        form.spacer(3)
        form.signatures([("单位负责人（校长）签字", ""), ("填表人", imprint.operator),
                         ("联系电话", data.phone)])
    return form, count
