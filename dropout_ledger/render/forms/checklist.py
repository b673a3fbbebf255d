"""劝返清单: every open case, for the village, the central school and the township to sign.

domain.md §4.3: the count of dropouts found, returned and not returned, the roster of pupils
still out with the people responsible for each (the "双线" of teacher, village and township),
a request to act, and a signature block for every party — 村(居)委会 (party secretary, head),
中心学校 (principal; the school's own principal), 乡镇人民政府 (deputy in charge, head) and the
county bureau's liaison. A4 landscape, like the rosters it stands for.

The list travels between offices: IDs are not on it at all (the village knows the family by
name and 组), nor phones, addresses or the economic category (domain.md §10).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from dropout_ledger.render.kit import Column, Form, Imprint, Row, label, value

COLUMNS = (
    Column("序号", 7), Column("姓名", 13), Column("性别", 6), Column("年级班级", 16),
    Column("户籍村（居）", 21, "LEFT"), Column("监护人", 15), Column("状态", 14),
    Column("疑似日期\n确认日期", 18), Column("辍学原因", 25, "LEFT"), Column("去向", 21, "LEFT"),
    Column("劝返次数\n最近日期", 17), Column("当前阶段", 26, "LEFT"),
    Column("教师", 13, group="包保责任人"), Column("村级", 13, group="包保责任人"),
    Column("乡镇", 13, group="包保责任人"), Column("劝返结果\n（返校日期）", 22),
)
PARTIES = (
    ("村（居）委会", ("党支部书记（签字）：", "村（居）委会主任（签字）：")),
    ("中心学校", ("中心学校校长（签字）：", "本校校长（签字）：")),
    ("乡镇人民政府", ("分管领导（签字）：", "乡（镇）长（签字）：", "县教育局联络人（签字）：")),
)
"""Who signs, by party: domain.md §4.3's 劝返清单 signature lines."""


@dataclass(frozen=True)
class CaseLine:
    """One open case as the list prints it."""

    name: str
    sex: str
    grade_class: str
    village: str
    guardian: str
    status: str
    dates: str
    reason: str
    whereabouts: str
    visits: str
    stage: str
    teacher: str
    village_contact: str
    township_contact: str

    def cells(self, number: int) -> list[str]:
        return [str(number), self.name, self.sex, self.grade_class, self.village, self.guardian,
                self.status, self.dates, self.reason, self.whereabouts, self.visits, self.stage,
                self.teacher, self.village_contact, self.township_contact, ""]


@dataclass(frozen=True)
class ChecklistData:
    """The 劝返清单: whose, as of when, the counts and the open cases."""

    school: str
    as_of: dt.date
    suspected: int
    dropped: int
    returned_this_year: int
    school_year: str
    """"2026学年": the returns counted since its first day."""
    lines: Sequence[CaseLine]


def draw(data: ChecklistData, imprint: Imprint) -> tuple[Form, int]:
    """The 劝返清单 as a Form, and how many open cases it lists."""
    form = Form(imprint, title="劝返清单", landscape=True, margins_mm=(12, 12, 10, 6))
    day = data.as_of
    form.title()
    form.unit_line(data.school, data.as_of)
    total = data.suspected + data.dropped
    form.text(
        f"截至{day.year}年{day.month}月{day.day}日，本校排查出未返校学生{total}人，其中疑似辍学"
        f"{data.suspected}人、辍学{data.dropped}人；{data.school_year}以来已劝返复学"
        f"{data.returned_this_year}人。下列学生请村（居）委会、中心学校、乡镇人民政府按“双线”"
        "包保责任共同劝返，劝返结果填入末栏，各方签字确认。", size=10)
    form.spacer(1)
    count = form.table(COLUMNS, (Row(line.cells(n), f"{line.name}（{line.grade_class}）")
                                 for n, line in enumerate(data.lines, start=1)), size=8.5,
                       min_row_mm=9)
    with form.closing():
        form.spacer(1)
        form.text(f"合计：未返校{count}人（疑似辍学{data.suspected}人，辍学{data.dropped}人）。",
                  size=9, first_indent=0)
        form.spacer(2)
        signature_rows = [[label(party) for party, _ in PARTIES], [
            value("\n\n".join(lines) + "\n\n（盖章）\u3000\u3000\u3000\u3000年\u3000\u3000月"
                  "\u3000\u3000日", min_height=38)
            for _, lines in PARTIES]]
        form.grid((1, 1, 1), signature_rows, size=9.5, record=data.school)
    return form, count
