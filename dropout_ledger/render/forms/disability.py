"""三类残疾儿童统计表: the school's disabled pupils by type and placement (domain.md §5.11).

A4 portrait: the count table (视力, 听力, 智力 — the "three kinds" — and the others together,
with a total) by placement — 随班就读, 送教上门, other schooling here, 休学, out (疑似辍学 or
辍学) — and the placement rate; then the roster the counts come from; then the line for
disabled children of the catchment who are not enrolled at all, which only the township and
the 残联 can count, left blank to fill in; signatures. No ID numbers are on it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from dropout_ledger.render.kit import Column, Form, Imprint, Row

KINDS = ("视力残疾", "听力残疾", "智力残疾", "其他（言语、肢体、精神、多重）")
PLACEMENTS = ("随班就读", "送教上门", "其他在校", "休学", "疑似辍学/辍学")
COUNT_COLUMNS = (
    Column("残疾类别", 52, "LEFT"), Column("在籍人数", 16), Column("随班就读", 16),
    Column("送教上门", 16), Column("其他在校", 16), Column("休学", 12),
    Column("疑似辍学\n/辍学", 17), Column("安置率", 17),
)
ROSTER_COLUMNS = (
    Column("序号", 9), Column("姓名", 16), Column("性别", 9), Column("年级班级", 22),
    Column("残疾类别", 20), Column("安置方式", 20), Column("状态", 17),
    Column("监护人（关系）", 32), Column("备注", 30, "LEFT"),
)


@dataclass(frozen=True)
class DisabledPupil:
    name: str
    sex: str
    grade_class: str
    kind: str
    """One of KINDS' first three, or the specific other type (言语残疾 …)."""
    group: int
    """Index into KINDS."""
    placement: int
    """Index into PLACEMENTS."""
    status: str
    guardian: str
    note: str


@dataclass(frozen=True)
class DisabilityData:
    school: str
    as_of: dt.date
    pupils: Sequence[DisabledPupil]
    phone: str = ""


def rate(placed: int, total: int) -> str:
    """"95.0%": placed (enrolled, at school or taught at home) over the total; "" for none."""
    return f"{placed * 100 / total:.1f}%" if total else ""


def count_rows(pupils: Sequence[DisabledPupil]) -> list[list[str]]:
    """One row per kind and the total: counts by placement and the placement rate."""
    rows = []
    grid = [[0] * len(PLACEMENTS) for _ in KINDS]
    for pupil in pupils:
        grid[pupil.group][pupil.placement] += 1
    totals = [sum(column) for column in zip(*grid, strict=True)]
    for kind, counts in [*zip(KINDS, grid, strict=True), ("合计", totals)]:
        total = sum(counts)
        rows.append([kind, str(total), *(str(n) for n in counts), rate(sum(counts[:3]), total)])
    return rows


def draw(data: DisabilityData, imprint: Imprint) -> tuple[Form, int]:
    form = Form(imprint, title="三类残疾儿童统计表")
    form.title()
    form.unit_line(data.school, data.as_of)
    form.heading("一、在籍残疾学生统计（人）")
    form.table(COUNT_COLUMNS, (Row(cells, data.school) for cells in count_rows(data.pupils)),
               min_row_mm=8)
    form.spacer(1)
    form.text("注：安置率＝（随班就读＋送教上门＋其他在校）÷在籍人数。未入学的适龄残疾儿童"
              "不在本校学籍中，由乡（镇）人民政府、残联核实后填写：未入学适龄残疾儿童"
              "\u3000\u3000\u3000人。", size=8.5, first_indent=0)
    form.heading("二、残疾学生名册")
    count = form.table(ROSTER_COLUMNS, (
        Row([str(n), p.name, p.sex, p.grade_class, p.kind, PLACEMENTS[p.placement], p.status,
             p.guardian, p.note], f"{p.name}（{p.grade_class}）")
        for n, p in enumerate(data.pupils, start=1)), min_row_mm=7)
    with form.closing():
        form.spacer(4)
        form.signatures([("校长（签字）", ""), ("填表人", imprint.operator),
                         ("联系电话", data.phone)])
    return form, count
