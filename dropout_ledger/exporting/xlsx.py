"""The one look of every .xlsx the ledger writes: title, header, print setup, footer, text IDs.

Principals open these files in Excel, WPS or LibreOffice, fix them, print them and hand them to
the county, so each sheet carries what a printed 台账 carries (domain.md §5): a centred title,
"填报单位（盖章）" and "填报日期" under it, a header row repeated on every page, A4 landscape
scaled to one page wide, "第 X 页 共 Y 页" and the school's name in the footer, and a signature
line after the table.

Rows are streamed through openpyxl's write-only mode, so a county list of 150,000 pupils never
sits in memory as cell objects (docs/decisions/0011-xlsx-exports.md). Write-only mode writes the
sheet's head (column widths, frozen pane, page-fit flag) when the first row arrives, so
`TableSheet` sets those in its constructor, from the header and a sample of the first rows.

ID numbers, 学籍号, phone numbers and division codes are written as strings in cells formatted
"@" (text): Excel never turns them into 1.23E+17, and a cell a principal later retypes stays
text (domain.md §8.1, the number-format trap). Only those cells, long-text cells and the title
and header carry a style; the grid is printed with the sheet's print-gridlines option rather
than a border on every cell, which measured 1.7× slower (the decision record has the figures).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from copy import copy
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from dropout_ledger.errors import InputRefused
from dropout_ledger.fileio import durable_path
from dropout_ledger.store import storage

TEXT_FORMAT = "@"
"""Excel's number format for text: the cell keeps what was typed, digits included."""

HEADING_ROWS = 3
"""Title, unit-and-date line, column header: data starts on the row after these."""

SAMPLE_ROWS = 200
"""Rows looked at to size the columns before the first row is written."""

LINE_HEIGHT = 15.0
"""Points per line of text in a data row (Excel's default row height for 11-point text)."""

PAGE_FOOTER = "第 &P 页 共 &N 页"
PRINT_DATE = "打印日期：&D"
_MAX_WIDTH = 40.0
_THIN = Side(style="thin")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)


@dataclass(frozen=True)
class Column:
    """One column of an exported table.

    `width` is the starting width in Excel's units (one unit ≈ one digit, a Chinese character
    takes two); the header and sampled values may widen it up to 40. `text` marks identifiers
    stored as text with format "@"; `wrap` marks free text wrapped inside its fixed width.
    """

    key: str
    header: str
    width: float = 8.0
    text: bool = False
    wrap: bool = False


@dataclass(frozen=True)
class Heading:
    """What stands above and below a table, and in its printed footer."""

    title: str
    org_name: str
    date: dt.date
    note: str = ""
    """Shown after the date line, e.g. that ID numbers are partly hidden."""
    phone: str = ""
    """The school's phone for the signature line."""


@dataclass(frozen=True)
class ExportResult:
    """What an export wrote: the file, the number of data rows, and what it disclosed."""

    file: Path
    rows: int
    view: str
    full_ids: bool = False
    restricted: bool = False
    template: Path | None = None
    withheld: tuple[str, ...] = ()
    """Template columns left blank because the operator may not see them."""
    columns: dict[str, str] = field(default_factory=dict)
    """Template only: each mapped field and the header text found above its column."""

    def as_json(self) -> dict[str, Any]:
        """The `export-xlsx --json` object (design README §4 style: plain, sorted keys)."""
        data: dict[str, Any] = {
            "file": str(self.file), "rows": self.rows, "view": self.view,
            "full_ids": self.full_ids, "restricted": self.restricted,
        }
        if self.template is not None:
            data.update(template=str(self.template), withheld=list(self.withheld),
                        columns=dict(self.columns))
        return data


def display_width(text: str) -> int:
    """Width of `text` in Excel column units: East Asian wide characters count two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def line_count(text: str, width: int) -> int:
    """Lines `text` takes in a wrapped cell `width` units wide (its own newlines included)."""
    return sum(max(1, -(-display_width(line) // width)) for line in text.split("\n"))


def footer_text(text: str) -> str:
    """`text` safe inside a header/footer: "&" starts a field code there, so it is doubled."""
    return text.replace("&", "&&")


def chinese_date(day: dt.date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


class TableSheet:
    """One streamed sheet: heading rows, header, data rows, signature line, print setup.

    Call `append` once per data row (values in column order), then `finish`. The sheet is part
    of a write-only `Workbook`; `save_workbook` writes the file. `sample` (the first rows) sizes
    the columns; `frozen_columns` stay in view when scrolling right (序号 and 姓名).
    """

    def __init__(
        self, workbook: Workbook, name: str, heading: Heading, columns: Sequence[Column],
        sample: Sequence[Sequence[Any]] = (), *, frozen_columns: int = 2,
    ) -> None:
        self.columns = tuple(columns)
        self.heading = heading
        self.rows = 0
        self._ws = workbook.create_sheet(title=name)
        self._width = len(self.columns)
        self._last = get_column_letter(self._width)
        self._text_style = self._cell_style(number_format=TEXT_FORMAT)
        wrap = Alignment(wrap_text=True)
        self._wrap_style = self._cell_style(alignment=wrap)
        self._wrap_text_style = self._cell_style(number_format=TEXT_FORMAT, alignment=wrap)
        self._frozen = min(frozen_columns, max(self._width - 1, 0))
        self._setup(sample)
        self._write_heading()

    # --- set-up: everything write-only mode puts before the first row ---------------------

    def _cell_style(self, **attrs: Any) -> Any:
        """A style to stamp onto many cells: built once, then copied (see `_styled`)."""
        cell = WriteOnlyCell(self._ws)
        for key, value in attrs.items():
            setattr(cell, key, value)
        return cell._style

    def _setup(self, sample: Sequence[Sequence[Any]]) -> None:
        ws = self._ws
        widths = [_column_width(column, (row[index] for row in sample))
                  for index, column in enumerate(self.columns)]
        for index, width in enumerate(widths, start=1):
            ws.column_dimensions[get_column_letter(index)].width = width
        # Units that fit on one line of each column, for the height of wrapped rows.
        self._widths = [max(int(width), 1) for width in widths]
        # Below the header, and right of the name: both stay in view while scrolling.
        ws.freeze_panes = f"{get_column_letter(self._frozen + 1)}{HEADING_ROWS + 1}"
        ws.print_title_rows = f"{HEADING_ROWS}:{HEADING_ROWS}"
        ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
        ws.page_setup.orientation = "landscape"
        ws.page_setup.paperSize = Worksheet.PAPERSIZE_A4
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0  # as many pages tall as the rows need
        ws.print_options.gridLines = True
        ws.print_options.horizontalCentered = True
        margins = ws.page_margins
        margins.left = margins.right = 0.4
        margins.top = margins.bottom = 0.6
        margins.header = margins.footer = 0.3
        ws.oddFooter.left.text = footer_text(self.heading.org_name)
        ws.oddFooter.center.text = PAGE_FOOTER
        ws.oddFooter.right.text = PRINT_DATE
        ws.row_dimensions[1].height = 30
        ws.row_dimensions[HEADING_ROWS].height = 30

    def _write_heading(self) -> None:
        ws = self._ws
        title = WriteOnlyCell(ws, self.heading.title)
        title.font = Font(name="黑体", size=16, bold=True)
        title.alignment = Alignment(horizontal="center", vertical="center")
        ws.merged_cells.add(f"A1:{self._last}1")
        ws.append([title])
        middle = max(1, self._width // 2)
        unit = WriteOnlyCell(ws, f"填报单位（盖章）：{self.heading.org_name}")
        date = WriteOnlyCell(ws, "　".join(
            part for part in (f"填报日期：{chinese_date(self.heading.date)}", self.heading.note)
            if part))
        date.alignment = Alignment(horizontal="right")
        if self._width >= 2:
            ws.merged_cells.add(f"A2:{get_column_letter(middle)}2")
            ws.merged_cells.add(f"{get_column_letter(middle + 1)}2:{self._last}2")
            ws.append([unit, *([None] * (middle - 1)), date])
        else:
            ws.append([unit])
        header = []
        for column in self.columns:
            cell = WriteOnlyCell(ws, column.header)
            cell.font = Font(name="宋体", bold=True)
            cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
            cell.fill = PatternFill("solid", start_color="D9D9D9")
            cell.border = _BOX
            header.append(cell)
        ws.append(header)

    # --- rows -----------------------------------------------------------------------------

    def _styled(self, value: Any, style: Any) -> WriteOnlyCell:
        # Copying a prepared StyleArray is what openpyxl itself does when it copies a cell;
        # setting number_format per cell costs a format lookup each (measured ~40 % slower).
        cell = WriteOnlyCell(self._ws, value)
        cell._style = copy(style)
        return cell

    def append(self, values: Sequence[Any]) -> None:
        """Write one data row; empty strings become empty cells."""
        row: list[Any] = []
        lines = 1
        for column, width, value in zip(self.columns, self._widths, values, strict=True):
            if value is None or value == "":
                row.append(None)
                continue
            # Only a value longer than its column (or of several lines) is styled to wrap:
            # every styled cell costs time in openpyxl, most values fit on one line.
            wraps = column.wrap and (line := line_count(str(value), width)) > 1
            if wraps:
                lines = max(lines, line)
            if column.text:
                style = self._wrap_text_style if wraps else self._text_style
                row.append(self._styled(str(value), style))
            elif wraps:
                row.append(self._styled(value, self._wrap_style))
            else:
                row.append(value)
        index = HEADING_ROWS + self.rows + 1
        if lines > 1:
            # Neither Excel nor LibreOffice grows a row for wrapped text when opening a file:
            # the height is set here, and dropped once the row is written (150k rows).
            self._ws.row_dimensions[index].height = LINE_HEIGHT * min(lines, 8)
        self._ws.append(row)
        self._ws.row_dimensions.pop(index, None)
        self.rows += 1

    def append_plain(self, values: Sequence[Any], *, bold: bool = False) -> None:
        """A row outside the data (a subtotal): optional bold, no text formats."""
        if not bold:
            self._ws.append(list(values))
        else:
            cells = []
            for value in values:
                cell = WriteOnlyCell(self._ws, value)
                cell.font = Font(bold=True)
                cells.append(cell)
            self._ws.append(cells)
        self.rows += 1

    def finish(self, *, signature: bool = True) -> int:
        """Add the filter on the header, the signature line; return the number of data rows."""
        ws = self._ws
        last_row = HEADING_ROWS + self.rows
        if self.rows:
            ws.auto_filter.ref = f"A{HEADING_ROWS}:{self._last}{last_row}"
        if signature:
            ws.append([])
            phone = f"联系电话：{self.heading.phone}" if self.heading.phone else "联系电话："
            line = ("　" * 8).join(["填表人：", "单位负责人（校长）签字：", phone])
            ws.merged_cells.add(f"A{last_row + 2}:{self._last}{last_row + 2}")
            ws.append([line])
        return self.rows


def _column_width(column: Column, values: Iterable[Any]) -> float:
    """The column's width: its own, widened for the header on two lines (the header row wraps)
    and for the widest sampled value (free-text columns wrap instead), at most 40."""
    widest = float(max(column.width, -(-display_width(column.header) // 2) + 1))
    if not column.wrap:
        for value in values:
            if value not in (None, ""):
                widest = max(widest, display_width(str(value)) + 1)
    return min(widest, _MAX_WIDTH)


@contextlib.contextmanager
def streaming_workbook() -> Iterator[Workbook]:
    """A write-only workbook with no sheets yet (`TableSheet` adds them).

    If the block fails (a cancelled or failed export), each sheet's half-written temporary
    file is closed and deleted at once, not left in the temp folder until the program exits.
    """
    workbook = Workbook(write_only=True)
    try:
        yield workbook
    except BaseException:
        for sheet in workbook.worksheets:
            _discard(sheet)
        raise


def _discard(sheet: Any) -> None:
    # openpyxl has no public "abandon": end the row stream, close and delete the sheet's file.
    with contextlib.suppress(Exception):
        if getattr(sheet, "_rows", None) is not None:
            sheet._rows.close()
    writer = getattr(sheet, "_writer", None)
    if writer is not None:
        with contextlib.suppress(Exception):
            writer.close()
        with contextlib.suppress(Exception):
            writer.cleanup()


def check_out_path(out: Path, *, avoid: Iterable[Path] = ()) -> Path:
    """Refuse an output name Excel would not open as .xlsx, or one that would destroy a file
    the export reads from (the ledger, the county's template)."""
    out = Path(out)
    if out.suffix.lower() != ".xlsx":
        raise InputRefused(f"导出文件名“{out.name}”须以 .xlsx 结尾（Excel、WPS 才能正确打开）。")
    if out.is_dir():
        raise InputRefused(f"“{out}”是一个文件夹，请给出要保存的文件名，例如 {out / '台账.xlsx'}。")
    for path in avoid:
        if out.resolve() == Path(path).resolve():
            raise InputRefused(f"导出文件不能覆盖“{path}”，请换一个文件名。")
    return out


def save_workbook(workbook: Workbook, out: Path) -> None:
    """Write `workbook` to `out` durably: temporary name, fsync, rename (fileio.durable_path).

    A failure (disk or stick full, stick pulled, the file open in Excel on Windows) leaves no
    file under the final name and becomes a plain Chinese refusal.
    """
    try:
        with durable_path(out) as temp:
            workbook.save(temp)
    except PermissionError:
        raise InputRefused(
            f"无法写入“{out}”：文件可能正在 Excel 或 WPS 中打开，或没有写入权限。请关闭文件后重试。"
        ) from None
    except OSError as error:
        raise InputRefused(
            f"无法写入“{out}”：{storage.reason(error) or error.strerror or error}。"
            "没有留下不完整的文件。请检查磁盘或 U 盘是否已满、是否已拔出。"
        ) from None


def chunks(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    """Consecutive lists of up to `size` items (itertools.batched arrives in Python 3.12)."""
    batch: list[Any] = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch
