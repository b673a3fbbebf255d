"""一生一档: everything the ledger holds about one pupil, as one PDF with a contents page.

domain.md §5.8. Page 1 is the cover: the pupil's identity block and the contents (each part,
how many records it holds, the page it starts on). Then the parts, in the order a file is
read: 学籍状态变动, 辍学个案 (with its escalation steps and written reports), 劝返记录, 劝返复学
通知书及送达, 法律文书, 资助发放, 结对帮扶, 送教上门, 证明材料目录. A part without records says
so in one row, so the file shows that nothing was left out.

The page numbers come from a first layout (`draw(data, imprint)` with no pages; `Form.marks`
then holds where each part began): the contents occupy the cover alone, so the second layout,
with the numbers filled in, puts every part on the same page.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from dropout_ledger.render.kit import Cell, Column, Form, Imprint, Row, label, value

CONTENTS_COLUMNS = (Column("序号", 14), Column("内容", 100, "LEFT"), Column("记录", 25),
                    Column("页码", 25))
NUMERALS = "一二三四五六七八九十"


@dataclass(frozen=True)
class Table:
    """A ruled table inside a part; `empty` is said in one row when it has no rows."""

    columns: tuple[Column, ...]
    rows: Sequence[Sequence[str]]
    empty: str = "无记录"


@dataclass(frozen=True)
class Part:
    """One part of the file: its title, how many records it holds, its text and tables."""

    key: str
    title: str
    count: int
    blocks: Sequence[str | Table]
    """Paragraphs (a str, drawn as a sub-heading when it ends with "：") and tables, in order."""


@dataclass(frozen=True)
class DossierData:
    school: str
    name: str
    grade_class: str
    identity: Sequence[tuple[str, str]]
    """(label, value) pairs of the cover's identity block, two to a row; long ones alone."""
    parts: Sequence[Part]
    as_of: dt.date


def _identity_rows(pairs: Sequence[tuple[str, str]]) -> list[list[Cell]]:
    rows: list[list[Cell]] = []
    pending: list[tuple[str, str]] = []
    for name, text in pairs:
        if len(text) > 20:  # a long value (address, guardians) takes the whole row
            rows.append([label(name), value(text, 3)])
        else:
            pending.append((name, text))
            if len(pending) == 2:
                rows.append([label(pending[0][0]), value(pending[0][1]), label(pending[1][0]),
                             value(pending[1][1])])
                pending = []
    if pending:
        rows.append([label(pending[0][0]), value(pending[0][1], 3)])
    return rows


def draw(data: DossierData, imprint: Imprint,
         pages: Mapping[str, int] | None = None) -> tuple[Form, int]:
    """The file as a Form, and how many records it holds in all. Without `pages` the
    contents show no page numbers (the first layout, which finds them)."""
    form = Form(imprint, title="一生一档")
    who = f"{data.name}（{data.grade_class}）"
    form.title("学生档案（一生一档）", subtitle=f"{data.name}　{data.grade_class}")
    form.unit_line(data.school, data.as_of, unit_label="建档学校（盖章）：",
                   date_label="打印日期：")
    form.grid((27, 60, 27, 61), _identity_rows(data.identity), record=who)
    form.heading("目　录")
    total = sum(part.count for part in data.parts)
    form.table(CONTENTS_COLUMNS, (
        Row([NUMERALS[n], part.title, str(part.count) if part.count else "无",
             str(pages.get(part.key, "")) if pages else ""], who)
        for n, part in enumerate(data.parts)), min_row_mm=7.5)
    form.spacer(6)
    form.signatures([("建档人", imprint.operator), ("校长（签字）", "")])
    for n, part in enumerate(data.parts):
        if n == 0:
            form.page_break()
        else:
            form.keep_room(40)
        form.mark(part.key)
        form.heading(f"{NUMERALS[n]}、{part.title}")
        for block in part.blocks:
            if isinstance(block, Table):
                form.table(block.columns, (Row(list(r), who) for r in block.rows),
                           empty_text=block.empty, size=8.5, min_row_mm=7)
                form.spacer(2)
            elif block.endswith("："):
                form.heading(block, size=10)
            else:
                form.text(block, size=9.5, first_indent=0)
    return form, total
