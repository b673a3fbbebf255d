"""The checked list back to the county, in the county's own file.

The county sent a sheet; it wants the same sheet back with the answers — the same title rows,
header, rows in the same order, its own columns untouched — and three columns added after its
last header: 核查结果, 匹配方式, 核查说明. The file comes from the ledger (its bytes were kept
under their SHA-256 when the list was imported), so the export works on any later day.

An .xlsx is opened and edited with openpyxl, keeping the county's formatting, merged title and
column widths; an .xls, .ods or CSV (which openpyxl cannot edit) is copied cell for cell into a
new .xlsx by the importer's readers. Either way ID-number and 学籍号 columns are text ("@"), so a
clerk who retypes a number keeps every digit, and the file is written to a temporary name and
renamed (`fileio.durable_path`). Columns named 核查结果 … already (a list checked before and
sent round again) are filled in place rather than added twice.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from copy import copy
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from openpyxl import Workbook, load_workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font
from openpyxl.utils import column_index_from_string, get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from dropout_ledger.errors import InputRefused
from dropout_ledger.fileio import durable_path
from dropout_ledger.importing.normalise import Cell, text_of
from dropout_ledger.importing.readers import open_workbook
from dropout_ledger.model.access import Permission
from dropout_ledger.reconcile.lists import StoredList, stored_list
from dropout_ledger.reconcile.outcomes import CheckRow, list_rows
from dropout_ledger.services import audit
from dropout_ledger.services.accounts import require_permission

if TYPE_CHECKING:
    from dropout_ledger.ledger import Ledger

ADDED = ("核查结果", "匹配方式", "核查说明")
_WIDTHS = (28.0, 34.0, 50.0)
_TEXT = "@"
_WRAP = Alignment(wrap_text=True, vertical="top")


@dataclass(frozen=True)
class ExportResult:
    file: Path
    rows: int
    answered: int


def export_checked(ledger: Ledger, list_id: str, out: Path) -> ExportResult:
    """Write list `list_id` with its answers to `out` (.xlsx) in the county's own layout."""
    require_permission(ledger, Permission.EXPORT_LISTS,
                       "当前账户无权导出核查名单。请由校长或学籍管理员导出。")
    info = stored_list(ledger, list_id)
    out = Path(out)
    if out.suffix.lower() not in (".xlsx", ".xlsm"):
        raise InputRefused("核查结果请保存为 .xlsx 文件（Excel、WPS 都能打开）。")
    row = ledger.conn.execute("SELECT data FROM blobs WHERE hash = ?", (info.sha256,)).fetchone()
    if row is None:
        raise InputRefused(
            f"台账中没有保存名单“{info.title}”的原文件（{info.file_name}），无法按原格式导出。")
    rows = list_rows(ledger, list_id)
    answers = {r.list_row: _answer(r) for r in rows}
    with audit.audited(ledger, "export", view="checked_list", title=info.title,
                       rows=len(rows), file=out.name), \
            tempfile.TemporaryDirectory(prefix="checklist-") as folder:
        source = Path(folder) / f"source.{info.file_kind or 'xlsx'}"
        source.write_bytes(bytes(row[0]))
        if info.file_kind == "xlsx":
            _edit_xlsx(source, info, answers, out)
        else:
            _copy_to_xlsx(source, info, answers, out)
    return ExportResult(out, len(rows), sum(1 for r in rows if r.outcome))


def _answer(row: CheckRow) -> tuple[str, str, str]:
    explanation = row.evidence
    if row.date and row.evidence:
        explanation = f"{row.date} {row.evidence}"
    if row.note:
        explanation = "\n".join(t for t in (explanation, f"提示：{row.note}") if t)
    return row.outcome_text(), row.match_text(), explanation


def _targets(header: list[str]) -> list[int]:
    """0-based positions of the three columns: existing ones reused, the rest appended."""
    last = max((i for i, text in enumerate(header) if text), default=-1)
    positions = []
    for name in ADDED:
        if name in header:
            positions.append(header.index(name))
        else:
            last += 1
            positions.append(last)
    return positions


def _edit_xlsx(source: Path, info: StoredList, answers: dict[int, tuple[str, str, str]],
               out: Path) -> None:
    book = load_workbook(source)
    if info.sheet not in book.sheetnames:
        raise InputRefused(f"名单原文件中没有工作表“{info.sheet}”，无法导出。")
    sheet: Worksheet = book[info.sheet]
    top = info.header_row
    header = [text_of(c.value) for c in sheet[top]]
    targets = _targets(header)
    style_from = sheet.cell(top, max(1, max((i for i, t in enumerate(header) if t),
                                            default=0) + 1))
    for position, name, width in zip(targets, ADDED, _WIDTHS, strict=True):
        cell = sheet.cell(top, position + 1, name)
        if style_from.has_style:
            cell.font, cell.border = copy(style_from.font), copy(style_from.border)
            cell.fill, cell.alignment = copy(style_from.fill), copy(style_from.alignment)
        else:
            cell.font = Font(bold=True)
        sheet.column_dimensions[get_column_letter(position + 1)].width = width
    text_columns = [column_index_from_string(c) for c in info.text_columns]
    for number in range(top + 1, sheet.max_row + 1):
        for column in text_columns:
            _as_text(sheet.cell(number, column))
        answer = answers.get(number)
        if answer is None:
            continue
        for position, value in zip(targets, answer, strict=True):
            cell = sheet.cell(number, position + 1, value or None)
            cell.alignment = _WRAP
    with durable_path(out) as temp:
        book.save(temp)


def _as_text(cell: Any) -> None:
    if cell.value is not None and not isinstance(cell.value, str):
        cell.value = text_of(cell.value)
    cell.number_format = _TEXT


def _copy_to_xlsx(source: Path, info: StoredList, answers: dict[int, tuple[str, str, str]],
                  out: Path) -> None:
    book = Workbook(write_only=True)
    sheet = book.create_sheet(info.sheet[:31] or "名单")
    text_columns: set[int] = set()
    with open_workbook(source) as opened:
        loaded = opened.sheet(opened.sheet_names[0] if opened.kind == "csv" else info.sheet)
        offset = loaded.first_column
        text_columns = {column_index_from_string(c) - 1 - offset for c in info.text_columns}
        targets: list[int] = []
        for number, cells in enumerate(loaded.rows(), start=1):
            values = [_copied(sheet, cell, index in text_columns and number > info.header_row)
                      for index, cell in enumerate(cells)]
            if number == info.header_row:
                targets = _targets([text_of(c) for c in cells])
                for position, width in zip(targets, _WIDTHS, strict=True):
                    sheet.column_dimensions[get_column_letter(offset + position + 1)].width = width
                _place(sheet, values, targets, ADDED, bold=True)
            elif number in answers:
                _place(sheet, values, targets, answers[number], bold=False)
            sheet.append([None] * offset + values)
    with durable_path(out) as temp:
        book.save(temp)


def _place(sheet: Any, values: list[Any], targets: list[int], texts: tuple[str, ...],
           *, bold: bool) -> None:
    for position, text in zip(targets, texts, strict=True):
        while len(values) <= position:
            values.append(None)
        cell = WriteOnlyCell(sheet, value=text or None)
        if bold:
            cell.font = Font(bold=True)
        else:
            cell.alignment = _WRAP
        values[position] = cell


def _copied(sheet: Any, value: Cell, as_text: bool) -> Any:
    if as_text and value not in (None, ""):
        cell = WriteOnlyCell(sheet, value=text_of(value))
        cell.number_format = _TEXT
        return cell
    if isinstance(value, dt.datetime | dt.date):
        cell = WriteOnlyCell(sheet, value=value)
        cell.number_format = "yyyy-mm-dd"
        return cell
    if isinstance(value, dt.time | dt.timedelta):
        return str(value)
    return None if value == "" else value


__all__ = ["ADDED", "ExportResult", "export_checked"]
