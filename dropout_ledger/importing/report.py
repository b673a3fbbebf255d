"""The check report as an .xlsx the principal can correct and import again.

Sheet 1 holds the file's own rows, cell for cell, under its own header, with a 错误说明 column
added at the end: she fixes the cells the column points at, deletes nothing else, and imports
the same workbook again (the header finder does not know 错误说明, so the column is ignored).
ID numbers, 学籍号 and phone columns are written as *text*, so the retyped digits stay digits.
Sheet 2 lists pupils on the roll whom the file did not name (在籍不在校?), with masked numbers:
it is a list to check, not her file. Rows are re-read from the file, not kept in memory, so a
150,000-row report costs no more memory than the check did.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill

from dropout_ledger.errors import InputRefused
from dropout_ledger.fileio import durable_path
from dropout_ledger.importing.normalise import Cell, text_of
from dropout_ledger.importing.plan import ImportPlan, file_sha256
from dropout_ledger.importing.readers import open_workbook

EXPLANATION = "错误说明"
ORIGINAL_ROW = "原行号"
MISSING_SHEET = "在籍不在校"
_TEXT_FIELDS = frozenset({"id_number", "xjh", "guardian1_phone", "guardian2_phone",
                          "village_code"})
_ERROR_FILL = PatternFill("solid", fgColor="F8D7DA")
_WARNING_FILL = PatternFill("solid", fgColor="FFF3CD")
_BOLD = Font(bold=True)
_WRAP = Alignment(wrap_text=True, vertical="top")


def write_report(plan: ImportPlan, out: Path) -> Path:
    """Write the report for `plan` to `out` (durably); returns `out`."""
    out = Path(out)
    if out.resolve() == plan.path.resolve():
        raise InputRefused("检查报告不能覆盖原名单文件，请换一个文件名。")
    if file_sha256(plan.path) != plan.sha256:
        raise InputRefused(f"文件 {plan.path.name} 在检查之后被修改过，请重新检查后再生成报告。")
    book = Workbook(write_only=True)
    _rows_sheet(book, plan)
    _missing_sheet(book, plan)
    with durable_path(out) as temp:
        book.save(temp)
    return out


def _header_cell(sheet: Any, value: str) -> WriteOnlyCell:
    cell = WriteOnlyCell(sheet, value=value)
    cell.font = _BOLD
    return cell


def _rows_sheet(book: Workbook, plan: ImportPlan) -> None:
    sheet = book.create_sheet("导入检查")
    sheet.freeze_panes = "A2"
    columns = plan.header.columns
    text_columns = {c.index for c in columns if c.field in _TEXT_FIELDS}
    for column in columns:
        width = 22 if column.index in text_columns else max(8, min(30, 2 * len(column.header) + 2))
        sheet.column_dimensions[_letter(column.index)].width = width
    sheet.column_dimensions[_letter(len(columns))].width = 60
    sheet.append([_header_cell(sheet, c.header) for c in columns]
                 + [_header_cell(sheet, EXPLANATION), _header_cell(sheet, ORIGINAL_ROW)])
    pupils = {r.row for r in plan.rows}
    for number, cells in _source_rows(plan):
        if number not in pupils:
            continue
        out = [_cell(sheet, cells[i] if i < len(cells) else None, i in text_columns)
               for i in range(len(columns))]
        problems = plan.problems_for(number)
        note = WriteOnlyCell(sheet, value="\n".join(
            ("错误：" if p.severity == "error" else "提醒：")
            + (f"【{p.column}】" if p.column else "") + p.text() for p in problems) or None)
        note.alignment = _WRAP
        if problems:
            note.fill = _ERROR_FILL if problems[0].severity == "error" else _WARNING_FILL
        sheet.append([*out, note, WriteOnlyCell(sheet, value=number)])


def _source_rows(plan: ImportPlan) -> Iterator[tuple[int, list[Cell]]]:
    with open_workbook(plan.path) as source:
        loaded = source.sheet(plan.sheet)
        for number, cells in enumerate(loaded.rows(), start=1):
            if number > plan.header.row:
                yield number, cells


def _cell(sheet: Any, value: Cell, as_text: bool) -> WriteOnlyCell:
    if as_text:
        cell = WriteOnlyCell(sheet, value=text_of(value) if value not in (None, "") else None)
        cell.number_format = "@"
        return cell
    if isinstance(value, dt.datetime | dt.date):
        cell = WriteOnlyCell(sheet, value=value)
        cell.number_format = "yyyy-mm-dd"
        return cell
    if isinstance(value, dt.time | dt.timedelta):
        return WriteOnlyCell(sheet, value=str(value))
    return WriteOnlyCell(sheet, value=None if value == "" else value)


def _missing_sheet(book: Workbook, plan: ImportPlan) -> None:
    sheet = book.create_sheet(MISSING_SHEET)
    sheet.freeze_panes = "A2"
    headers = ("学生", "年级", "班级", "证件号（隐去中间位）", "学籍号（隐去中间位）", "台账状态",
               "核实情况（请填写）")
    for index, width in enumerate((12, 6, 8, 24, 24, 10, 40)):
        sheet.column_dimensions[_letter(index)].width = width
    sheet.append([_header_cell(sheet, h) for h in headers])
    for pupil in plan.missing:
        sheet.append([pupil.name, pupil.grade, pupil.class_name, pupil.id_masked,
                      pupil.xjh_masked, pupil.status_label, None])
    if not plan.missing:
        sheet.append(["台账中在籍的学生都在名单中。"])


def _letter(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return str(get_column_letter(index + 1))
