"""Filling a county-provided Excel template with a roster view, keeping the template's look.

Counties send schools their own sheet (merged titles, borders, fonts, print setup, a 填表人/签字
line under the table) and want it back filled in. The county profile says where things are:
the header row, the first data row, and the column letter of each of our fields
(`model/profile.py`, `county_template_*`). Each data row takes the styles of the template's
first data row (borders, fonts, number formats, height); identifier columns are always written
as text with format "@", whatever the template says, so an ID number never becomes 1.23E+17.
Rows under the first data row that already hold text are the template's footer and move down
below the data, merged cells and row heights included.

The filled workbook is held in memory (openpyxl's normal mode: write-only mode cannot keep a
template's styles); docs/decisions/0011-xlsx-exports.md has the measured size it handles.
The same privacy rules as `export_roster` apply: a mapped column the operator may not see
(restricted fields) is left blank and named in `ExportResult.withheld`.
"""

from __future__ import annotations

import zipfile
from collections.abc import Mapping
from copy import copy
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from openpyxl import load_workbook
from openpyxl.utils import column_index_from_string, get_column_letter
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.worksheet.worksheet import Worksheet

from dropout_ledger.errors import InputRefused, NotFound
from dropout_ledger.exporting.roster import (
    COLUMNS_BY_KEY,
    PROGRESS_EVERY,
    RESTRICTED_COLUMNS,
    Progress,
    check_view,
    disclosure_for,
    roster_records,
)
from dropout_ledger.exporting.xlsx import (
    TEXT_FORMAT,
    ExportResult,
    check_out_path,
    save_workbook,
)
from dropout_ledger.services import audit

if TYPE_CHECKING:
    from dropout_ledger.ledger import Ledger

TEMPLATE_FIELDS: dict[str, str] = {"seq": "序号", **{
    key: column.header for key, column in COLUMNS_BY_KEY.items() if key != "seq"}}
"""Fields a template column can take: our export column keys and their Chinese headers."""

_NOT_SET = ("尚未设置县级模板的列对应。请在县级配置中填写“县级模板各列对应的台账字段”"
            "（每个字段对应模板的哪一列），或使用县教育局下发的配置。")


@dataclass(frozen=True)
class TemplateMapping:
    """Where a county template wants our fields: header row, first data row, column letters."""

    header_row: int
    first_row: int
    columns: Mapping[str, str]
    """Our field key (TEMPLATE_FIELDS) → the template's column letter ("B", "AA")."""

    @classmethod
    def from_profile(cls, profile: Mapping[str, Any]) -> TemplateMapping:
        """The mapping stored in the county profile (`SettingsService.profile()`), checked."""
        columns = {str(entry["code"]): str(entry["label"]).strip().upper()
                   for entry in profile.get("county_template_columns") or []}
        mapping = cls(header_row=int(profile.get("county_template_header_row") or 1),
                      first_row=int(profile.get("county_template_first_row") or 2),
                      columns=columns)
        mapping.check()
        return mapping

    def profile_values(self) -> dict[str, Any]:
        """Keyword arguments for `ledger.settings.set_profile(**…)` that store this mapping."""
        return {
            "county_template_header_row": self.header_row,
            "county_template_first_row": self.first_row,
            "county_template_columns": [{"code": key, "label": letter}
                                        for key, letter in self.columns.items()],
        }

    def check(self) -> None:
        """Refuse a mapping that names unknown fields or columns, or overlaps."""
        if not self.columns:
            raise InputRefused(_NOT_SET)
        seen: dict[int, str] = {}
        for key, letter in self.columns.items():
            if key not in TEMPLATE_FIELDS:
                choices = "、".join(f"{k}（{v}）" for k, v in TEMPLATE_FIELDS.items())
                raise InputRefused(f"县级模板列对应中有未知字段“{key}”。可用字段：{choices}。")
            index = column_number(letter)
            if index in seen:
                raise InputRefused(f"县级模板的 {letter.strip().upper()} 列同时对应了“{TEMPLATE_FIELDS[seen[index]]}”"
                                   f"和“{TEMPLATE_FIELDS[key]}”，每列只能填一个字段。")
            seen[index] = key
        if self.first_row <= self.header_row:
            raise InputRefused(f"县级模板的第一行数据（第{self.first_row}行）应在表头"
                               f"（第{self.header_row}行）之下。")

    def indexes(self) -> dict[str, int]:
        return {key: column_number(letter) for key, letter in self.columns.items()}


def column_number(letter: str) -> int:
    """1 for "A", 27 for "AA"; refuses anything that is not a column of a sheet."""
    try:
        return int(column_index_from_string(letter.strip().upper()))
    except ValueError:
        raise InputRefused(f"县级模板列对应中“{letter}”不是有效的列字母（应为 A、B、…、AA 这样的列名）。"
                           ) from None


def export_template(
    ledger: Ledger, view: str, template: Path, out: Path, *, role: str | None = None,
    full_ids: bool = False, restricted: bool = False, search: str = "",
    mapping: TemplateMapping | None = None, progress: Progress | None = None,
) -> ExportResult:
    """Fill the county template `template` with the pupils of `view` and save it as `out`.

    `mapping` defaults to the one in the county profile. Privacy rules as `export_roster`.
    """
    check_view(view)
    template = Path(template)
    out = check_out_path(out, avoid=[ledger.path, template])
    disclosure = disclosure_for(ledger.operator.role or role, full_ids=full_ids,
                                restricted=restricted)
    workbook = _open_template(template)
    mapping = mapping or TemplateMapping.from_profile(ledger.settings.profile())
    mapping.check()
    ws = workbook.active
    headers = {key: _header_text(ws, mapping.header_row, index)
               for key, index in mapping.indexes().items()}
    if not any(headers.values()):
        raise InputRefused(f"模板“{template.name}”的第{mapping.header_row}行在所设的列上没有表头文字。"
                           "请核对县级模板的“表头所在行”和各列字母。")
    withheld = tuple(key for key in mapping.columns
                     if key in RESTRICTED_COLUMNS and not disclosure.restricted)
    total = ledger.queries.count(view, search=search)
    filler = _Filler(ws, mapping, withheld)
    filler.make_room(total)
    rows = 0
    for rows, record in enumerate(roster_records(ledger, view, disclosure, search=search),
                                  start=1):
        record["seq"] = rows
        filler.write(rows - 1, record)
        if progress is not None and rows % PROGRESS_EVERY == 0:
            progress(rows, total)
    filler.extend_print_area(rows)
    workbook.template = False  # a filled .xltx is saved as a plain workbook
    with audit.audited(ledger, "export", view=view, rows=rows, file=out.name,
                       template=template.name, full_ids=disclosure.full_ids,
                       restricted=disclosure.restricted, search=bool(search)):
        save_workbook(workbook, out)
    if progress is not None:
        progress(rows, total)
    return ExportResult(file=out, rows=rows, view=view, full_ids=disclosure.full_ids,
                        restricted=disclosure.restricted, template=template, withheld=withheld,
                        columns=headers)


def _open_template(template: Path) -> Any:
    if template.suffix.lower() not in (".xlsx", ".xltx"):
        raise InputRefused(f"县级模板“{template.name}”不是 .xlsx 文件。请在 Excel 或 WPS 中"
                           "“另存为” Excel 工作簿（.xlsx）后再用。")
    if not template.is_file():
        raise NotFound(f"找不到县级模板文件“{template}”。")
    try:
        return load_workbook(template, rich_text=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, ValueError):
        raise InputRefused(f"无法打开县级模板“{template.name}”：文件已损坏、设置了打开密码，"
                           "或不是 Excel 工作簿。请去掉密码或重新向县教育局索取模板。") from None


def _header_text(ws: Worksheet, row: int, column: int) -> str:
    """The header over `column`, looking through merged header cells to their top-left value."""
    for merged in ws.merged_cells.ranges:
        if merged.min_row <= row <= merged.max_row and merged.min_col <= column <= merged.max_col:
            row, column = merged.min_row, merged.min_col
            break
    value = ws.cell(row=row, column=column).value
    return "" if value is None else "".join(str(value).split())


class _Filler:
    """Writes data rows into the template, styled like its first data row."""

    def __init__(self, ws: Worksheet, mapping: TemplateMapping, withheld: tuple[str, ...]):
        self.ws = ws
        self.first = mapping.first_row
        self.targets = mapping.indexes()
        self.withheld = set(withheld)
        self.text = {key for key in self.targets if COLUMNS_BY_KEY.get(key) is not None
                     and COLUMNS_BY_KEY[key].text}
        self.width = max(ws.max_column, *self.targets.values())
        self.proto = [copy(ws.cell(row=self.first, column=c)._style)
                      for c in range(1, self.width + 1)]
        self.height = ws.row_dimensions[self.first].height

    def make_room(self, rows: int) -> None:
        """Move the template's footer (rows under the first data row holding text) below `rows`
        data rows, with its merged cells and row heights."""
        ws = self.ws
        tail = next((r for r in range(self.first + 1, ws.max_row + 1)
                     if any(ws.cell(row=r, column=c).value not in (None, "")
                            for c in range(1, self.width + 1))), None)
        if tail is None or rows <= tail - self.first:
            return
        shift = rows - (tail - self.first)
        last = ws.max_row
        merges = [m for m in ws.merged_cells.ranges if m.min_row >= tail]
        for merged in merges:
            ws.unmerge_cells(merged.coord)
        heights = {r: ws.row_dimensions[r].height for r in range(tail, last + 1)}
        ws.move_range(f"A{tail}:{get_column_letter(self.width)}{last}", rows=shift,
                      translate=True)
        for r in range(tail, last + 1):
            ws.row_dimensions[r].height = None
        for r, height in heights.items():
            ws.row_dimensions[r + shift].height = height
        for merged in merges:
            merged.shift(row_shift=shift)
            ws.merge_cells(merged.coord)

    def write(self, index: int, record: Mapping[str, Any]) -> None:
        ws = self.ws
        row = self.first + index
        if index:
            for column, style in enumerate(self.proto, start=1):
                ws.cell(row=row, column=column)._style = copy(style)
            if self.height is not None:
                ws.row_dimensions[row].height = self.height
        for column in range(1, self.width + 1):  # no sample text of the template stays behind
            ws.cell(row=row, column=column).value = None
        for key, column in self.targets.items():
            value = "" if key in self.withheld else record.get(key, "")
            cell = ws.cell(row=row, column=column)
            if key in self.text:
                cell.number_format = TEXT_FORMAT
                value = str(value)
            cell.value = None if value == "" else value

    def extend_print_area(self, rows: int) -> None:
        """A print area set in the template grows to cover the data (and the moved footer)."""
        ws = self.ws
        if not ws.print_area or rows == 0:
            return
        ws.print_area = f"A1:{get_column_letter(self.width)}{ws.max_row}"
