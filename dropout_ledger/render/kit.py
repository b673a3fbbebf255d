"""The page kit every printed form is built with: A4 pages, official blocks, tables, footer.

A form is a `Form`: a title, the 填报单位（盖章）/填报日期 line, grids of labelled fields, tables
whose header repeats on every page, running text, and signature and stamp blocks, in the order
the form adds them. `Form.render()` lays them out on A4 (portrait or landscape) and draws on
every page a footer with the school, the operator, the print date, the data fingerprint (so a
printed page can be traced to a ledger state) and "第 X 页 共 Y 页".

All text goes through `fonts` (Song body, Hei headings, per-run fallbacks for rare characters)
and `cjk.break_lines` (Chinese line-breaking rules); every cell of every table row is checked
with `fonts.require_drawable` before anything is drawn, so a form either prints every character
or refuses, naming the record. Empty values print as empty boxes or drawn blank lines to fill
by hand, never as "None".

Speed: table cells whose text the base font covers are plain strings (reportlab draws them with
one drawString per line) and every row height is computed here from the wrapped line count, so
reportlab never measures a cell twice; only cells with rare characters become flowables.
"""

from __future__ import annotations

import copy
import datetime as dt
import io
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from reportlab import rl_config
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Spacer,
    Table,
    TableStyle,
)

from dropout_ledger.render import cjk, fonts
from dropout_ledger.render.fonts import HEI, SONG

BODY_SIZE = 10.5
"""五号: the body text of portrait forms."""
TABLE_SIZE = 9.0
"""小五: table cells of portrait forms; landscape rosters pass a smaller size."""
TITLE_SIZE = 18.0
"""小二: form titles."""
FOOTER_SIZE = 7.5
LINE = 0.5
"""Grid line width in points; the outer frame of a table is drawn twice as heavy."""
PAD = 2.0
"""Cell padding in points (left, right, top, bottom)."""
BLANK = "\u3000" * 4
"""What a missing day/month looks like inside a printed date (a gap to write in)."""


@dataclass(frozen=True)
class Imprint:
    """What every page's footer says: whose data, who printed it, when, and which state.

    `fingerprint` is the ledger's data fingerprint (`dropout-ledger verify` prints the same),
    so a page on a desk can be matched with the ledger state it was printed from.
    """

    school: str
    operator: str
    printed: dt.date
    fingerprint: str


@dataclass(frozen=True)
class Column:
    """One table column: header text, width in mm (scaled to fill the page), alignment.

    Columns with the same non-empty `group` share a spanning header cell above their own
    headers (a two-row header, as official rosters have); others span both header rows.
    """

    title: str
    width: float
    align: str = "CENTER"
    group: str = ""


@dataclass(frozen=True)
class Row:
    """One table row: its cells' text and the record it shows, as a person would name it.

    `record` appears in the refusal when a character cannot be printed ("张三（五年级2班）").
    """

    cells: Sequence[str]
    record: str = ""


@dataclass(frozen=True)
class Cell:
    """One cell of a field grid: a label or a value, spanning `span` grid columns.

    `min_height` (mm) leaves room to write by hand when the value is empty or short.
    """

    text: str = ""
    span: int = 1
    is_label: bool = False
    min_height: float = 0.0
    align: str = ""


def label(text: str, span: int = 1) -> Cell:
    """A field label (centred), e.g. label("姓名")."""
    return Cell(text, span, is_label=True)


def value(text: str | None, span: int = 1, *, min_height: float = 0.0, align: str = "") -> Cell:
    """A field value (left-aligned when long); None or "" prints as an empty box to fill in."""
    return Cell(text or "", span, min_height=min_height, align=align)


def chinese_date(day: dt.date | str | None) -> str:
    """2026-11-02 → "2026年11月2日"; unknown → "    年    月    日" to fill in by hand."""
    if not day:
        return f"{BLANK}年{BLANK}月{BLANK}日"
    if isinstance(day, str):
        day = dt.date.fromisoformat(day)
    return f"{day.year}年{day.month}月{day.day}日"


# Page streams are zlib-compressed (BaseDocTemplate pageCompression=1) and left binary:
# reportlab would otherwise ASCII85-encode each one in pure Python (a third of a 3,000-row
# 台账's time without the optional rl_accel). Every PDF reader takes binary streams.
rl_config.useA85 = 0


# --- drawing primitives -------------------------------------------------------------------


def draw_text(
    canvas: Canvas, x: float, y: float, text: str, size: float, base: str = SONG,
    align: str = "LEFT",
) -> float:
    """Draw one line at baseline y, each run in its own font; returns the drawn width."""
    writer = _TextWriter(canvas, size, size * 1.25)
    width = _put_line(writer, x, y, text, size, base, align)
    writer.finish()
    return width


def _put_line(
    writer: _TextWriter, x: float, y: float, text: str, size: float, base: str, align: str,
) -> float:
    """One line's runs into a text object (see _TextWriter: encoded once per document)."""
    width = fonts.width(text, size, base)
    if align == "CENTER":
        x -= width / 2
    elif align == "RIGHT":
        x -= width
    for font, run in fonts.runs(text, base):
        writer.put(font, run, x, y)
        x += fonts.width(run, size, font)
    return width


class TextBlock(Flowable):  # type: ignore[misc]  # reportlab has no type hints
    """Lines of Chinese text broken by `cjk.break_lines`, drawn run by run; splits by line.

    Used for running text (an official letter's body) and for table cells that need a
    fallback font. `first_indent` (in characters) indents a paragraph's first line, as Chinese
    text does with two full-width spaces.
    """

    def __init__(
        self, text: str, size: float = BODY_SIZE, *, base: str = SONG, leading: float = 0.0,
        align: str = "LEFT", first_indent: int = 0, lines: list[str] | None = None,
    ) -> None:
        super().__init__()
        self.text, self.size, self.base, self.align = text, size, base, align
        self.leading = leading or size * 1.5
        self.first_indent = first_indent
        self.lines = lines
        self._width = 0.0

    def _break(self, width: float) -> list[str]:
        # cjk.break_lines drops the spaces a wrapped paragraph starts with, so the indent is
        # broken as ideographs of the same (1 em) width and put back as spaces afterwards.
        indent = "\u4e00" * self.first_indent
        out: list[str] = []
        for paragraph in self.text.split("\n"):
            lines = cjk.break_lines(indent + paragraph, width,
                                    lambda s: fonts.width(s, self.size, self.base))
            if indent and lines and lines[0].startswith(indent):
                lines[0] = "\u3000" * self.first_indent + lines[0][len(indent):]
            out += lines
        return out

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        if self.lines is None:
            self.lines = self._break(avail_width)
        self._width = avail_width
        return avail_width, len(self.lines) * self.leading

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        lines = self.lines if self.lines is not None else self._break(avail_width)
        fit = int(avail_height // self.leading)
        if fit <= 0 or fit >= len(lines):
            return [] if fit <= 0 else [self]
        return [self._part(lines[:fit]), self._part(lines[fit:])]

    def _part(self, lines: list[str]) -> TextBlock:
        return TextBlock(self.text, self.size, base=self.base, leading=self.leading,
                         align=self.align, lines=lines)

    def draw(self) -> None:
        lines = self.lines or []
        x = {"LEFT": 0.0, "CENTER": self._width / 2, "RIGHT": self._width}[self.align]
        descent = (self.leading - self.size) / 2 + self.size * 0.2
        writer = _TextWriter(self.canv, self.size, self.leading)
        for number, line in enumerate(lines):
            y = (len(lines) - number - 1) * self.leading + descent
            _put_line(writer, x, y, line, self.size, self.base, self.align)
        writer.finish()


class _Drawn(Flowable):  # type: ignore[misc]
    """A fixed-height flowable drawn by a function of (canvas, width)."""

    def __init__(self, height: float, paint: Callable[[Canvas, float], None]) -> None:
        super().__init__()
        self.height, self.paint = height, paint
        self.width = 0.0

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        return avail_width, self.height

    def draw(self) -> None:
        self.paint(self.canv, self.width)


def _blank_line(canvas: Canvas, x: float, y: float, length: float) -> None:
    canvas.setLineWidth(LINE)
    canvas.line(x, y - 2, x + length, y - 2)


# --- tables -------------------------------------------------------------------------------


def _scaled(widths_mm: Sequence[float], total: float) -> list[float]:
    """Column widths in points, scaled so they fill exactly the frame width."""
    whole = sum(widths_mm)
    return [w / whole * total for w in widths_mm]


class _CellMaker:
    """Turns cell text into what a reportlab Table draws, and counts its lines."""

    def __init__(self, size: float, base: str) -> None:
        self.size, self.base, self.leading = size, base, size * 1.25

    def make(self, text: str, width: float, align: str) -> tuple[Any, int]:
        if not text:
            return "", 1
        inner = width - 2 * PAD
        if fonts.covered(text, self.base):
            if "\n" not in text and pdfmetrics.stringWidth(text, self.base, self.size) <= inner:
                return text, 1
            lines = cjk.break_lines(
                text, inner, lambda s: pdfmetrics.stringWidth(s, self.base, self.size))
            return "\n".join(lines), len(lines)
        lines = cjk.break_lines(text, inner, lambda s: fonts.width(s, self.size, self.base))
        block = TextBlock(text, self.size, base=self.base, leading=self.leading, align=align,
                          lines=lines)
        return block, len(lines)


def _table_style(size: float, base: str, leading: float) -> list[tuple[Any, ...]]:
    return [
        ("FONT", (0, 0), (-1, -1), base, size, leading),
        ("GRID", (0, 0), (-1, -1), LINE, "black"),
        ("BOX", (0, 0), (-1, -1), LINE * 2, "black"),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), PAD),
        ("RIGHTPADDING", (0, 0), (-1, -1), PAD),
        ("TOPPADDING", (0, 0), (-1, -1), PAD / 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), PAD / 2),
    ]


# --- the form -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Rendered:
    """A finished PDF: its bytes and its number of pages."""

    data: bytes
    pages: int


class Form:
    """A printed form under construction; add blocks in reading order, then `render()`.

    Example (a complete, if small, form):

        form = Form(imprint, title="结对帮扶记录表", landscape=False)
        form.unit_line(imprint.school, today)
        form.grid([20, 40, 20, 40], [[label("帮扶教师"), value(t), label("结对日期"), value(d)]])
        form.table([Column("日期", 25), Column("内容", 80, "LEFT")], rows)
        form.signatures([("帮扶教师（签字）", ""), ("校长（签字）", "")])
        pdf = form.render()
    """

    def __init__(
        self, imprint: Imprint, *, title: str, landscape: bool = False,
        margins_mm: tuple[float, float, float, float] = (20, 15, 15, 15),
    ) -> None:
        """`margins_mm` = (left, right, top, bottom) before the footer band."""
        self.imprint, self.title_text = imprint, title
        self.pagesize = _landscape(A4) if landscape else A4
        left, right, top, bottom = (m * mm for m in margins_mm)
        self.margins = (left, right, top, bottom + 8 * mm)  # the footer lives in the extra 8 mm
        self.landscape = landscape
        self._orientations = {landscape}
        self.frame_width, self.frame_height = self._frame_size(landscape)
        self.story: list[Flowable] = []
        self.marks: dict[str, int] = {}
        """Page numbers of the `mark()`s, filled in by `render()` (for a contents page)."""
        self._check(imprint.school, imprint.operator, title)

    def _frame_size(self, landscape: bool) -> tuple[float, float]:
        size = _landscape(A4) if landscape else A4
        left, right, top, bottom = self.margins
        return size[0] - left - right, size[1] - top - bottom

    def _check(self, *texts: str) -> None:
        """Text of the form itself (school, operator, headings) is checked like pupil text."""
        fonts.require_drawable(texts, f"“{self.title_text}”的表头或落款", field="form")

    # --- blocks ---------------------------------------------------------------------------

    def title(
        self, text: str | None = None, subtitle: str = "", *, size: float = TITLE_SIZE,
    ) -> None:
        """The centred title (Hei, 小二; a slip's smaller `size`) and an optional line under it."""
        main = text or self.title_text
        self._check(main, subtitle)
        height = size * 1.6 + (BODY_SIZE * 1.6 if subtitle else 0)

        def paint(canvas: Canvas, width: float) -> None:
            top = height - size * 1.1
            draw_text(canvas, width / 2, top, main, size, HEI, "CENTER")
            if subtitle:
                draw_text(canvas, width / 2, top - BODY_SIZE * 1.8, subtitle, BODY_SIZE, SONG,
                          "CENTER")

        self.story.append(_Drawn(height, paint))

    def unit_line(
        self, unit: str, date: dt.date | str | None, *, unit_label: str = "填报单位（盖章）：",
        date_label: str = "填报日期：", size: float = BODY_SIZE,
    ) -> None:
        """"填报单位（盖章）：学校" on the left and "填报日期：2026年11月22日" on the right."""
        self._check(unit_label, unit, date_label)

        def paint(canvas: Canvas, width: float) -> None:
            drawn = draw_text(canvas, 0, 4, unit_label + unit, size)
            if not unit:
                _blank_line(canvas, drawn, 4, 60 * mm)
            draw_text(canvas, width, 4, date_label + chinese_date(date), size, align="RIGHT")

        self.story.append(_Drawn(size * 1.9, paint))

    def heading(self, text: str, size: float = BODY_SIZE + 1) -> None:
        """A section heading inside a form ("一、劝返记录"), in Hei."""
        self._check(text)

        def paint(canvas: Canvas, width: float) -> None:
            draw_text(canvas, 0, 4, text, size, HEI)

        self.story.append(_Drawn(size * 2.2, paint))

    def text(
        self, text: str, *, size: float = BODY_SIZE, first_indent: int = 2, align: str = "LEFT",
        base: str = SONG,
    ) -> None:
        """Running text, each paragraph (line of `text`) indented two characters by default."""
        self._check(text)
        self.story.append(TextBlock(text, size, base=base, first_indent=first_indent,
                                    align=align))

    @contextmanager
    def together(self) -> Iterator[None]:
        """Keep the blocks added inside on one page (a signature block with the last section,
        never alone at the top of a page)."""
        start = len(self.story)
        yield
        self.story[start:] = [KeepTogether(self.story[start:])]

    @contextmanager
    def closing(self) -> Iterator[None]:
        """Keep the blocks added inside (totals, signatures) on one page with the last rows of
        the table just added: when they do not fit under it, its last rows go over with them.

        A signature block is then never alone on the last page, however long the table.
        Without a table just before, this is `together()`.
        """
        table = self.story[-1] if self.story else None
        start = len(self.story)
        yield
        blocks = self.story[start:]
        if isinstance(table, PagedTable):
            self.story[start - 1:] = [_KeepTail(table, blocks)]
        else:
            self.story[start:] = [KeepTogether(blocks)]

    def spacer(self, height_mm: float) -> None:
        self.story.append(Spacer(1, height_mm * mm))

    def page_break(self, *, landscape: bool | None = None) -> None:
        """Start a new page (the next letter of a bundle, a dossier's next part).

        `landscape` turns the pages that follow (a portrait report's landscape roster annex);
        blocks added afterwards are laid out on the new page width.
        """
        if landscape is not None and landscape != self.landscape:
            self.landscape = landscape
            self._orientations.add(landscape)
            self.frame_width, self.frame_height = self._frame_size(landscape)
            self.story.append(NextPageTemplate(_template_id(landscape)))
        self.story.append(PageBreak())

    def keep_room(self, height_mm: float) -> None:
        """Start a new page unless `height_mm` is left on this one (a section heading never
        sits alone at a page's foot)."""
        self.story.append(CondPageBreak(height_mm * mm))

    def mark(self, key: str) -> None:
        """Remember on which page the next block starts: `render()` sets `marks[key]`."""
        marks = self.marks

        def paint(canvas: Canvas, width: float) -> None:
            marks[key] = canvas.getPageNumber()

        self.story.append(_Drawn(0, paint))

    def cut_line(self, text: str = "沿此虚线剪下", *, size: float = 8.0) -> None:
        """A dashed line across the page with a small centred note: where a stub or a
        receipt slip (回执, 送达回证) is cut off."""
        self._check(text)

        def paint(canvas: Canvas, width: float) -> None:
            y = size * 1.1
            label = f"（{text}）"
            drawn = fonts.width(label, size)
            canvas.saveState()
            canvas.setLineWidth(LINE)
            canvas.setDash(4, 3)
            gap = drawn / 2 + 2 * mm
            canvas.line(0, y + size * 0.35, width / 2 - gap, y + size * 0.35)
            canvas.line(width / 2 + gap, y + size * 0.35, width, y + size * 0.35)
            canvas.restoreState()
            draw_text(canvas, width / 2, y, label, size, align="CENTER")

        self.story.append(_Drawn(size * 3, paint))

    def grid(
        self, widths_mm: Sequence[float], rows: Sequence[Sequence[Cell]], *,
        size: float = TABLE_SIZE, record: str = "", min_row_mm: float = 7.0,
    ) -> None:
        """A ruled block of labelled fields (the header of a per-pupil form).

        Each row's cells span grid columns (`Cell.span`) that must add up to len(widths_mm).
        Rows are at least `min_row_mm` high, leaving room to write in an empty box.
        """
        widths = _scaled(widths_mm, self.frame_width)
        maker = _CellMaker(size, SONG)
        data: list[list[Any]] = []
        heights: list[float] = []
        style = _table_style(size, SONG, maker.leading)
        for r, cells in enumerate(rows):
            if sum(c.span for c in cells) != len(widths):
                raise ValueError(f"grid row {r} spans {sum(c.span for c in cells)} columns, "
                                 f"not {len(widths)}")
            fonts.require_drawable((c.text for c in cells), record or self.title_text)
            line: list[Any] = []
            lines = 1
            col = 0
            min_h = min_row_mm * mm
            for cell in cells:
                span_width = sum(widths[col:col + cell.span])
                align = cell.align or ("CENTER" if cell.is_label else "LEFT")
                made, count = maker.make(cell.text, span_width, align)
                line += [made] + [""] * (cell.span - 1)
                lines = max(lines, count)
                min_h = max(min_h, cell.min_height * mm)
                style.append(("ALIGN", (col, r), (col, r), align))
                if cell.span > 1:
                    style.append(("SPAN", (col, r), (col + cell.span - 1, r)))
                col += cell.span
            data.append(line)
            heights.append(max(min_h, lines * maker.leading + PAD * 2))
        table = Table(data, colWidths=widths, rowHeights=heights, style=TableStyle(style))
        self.story.append(table)

    def table(
        self, columns: Sequence[Column], rows: Iterable[Row], *, size: float = TABLE_SIZE,
        blank_rows: int = 0, min_row_mm: float = 0.0, empty_text: str = "",
    ) -> int:
        """A ruled table whose header repeats on every page; returns the number of data rows.

        `rows` may be a generator (the ledger streams its roster). Every row is checked for
        characters no font can draw before anything is laid out. `blank_rows` empty rows
        follow the data (room to write by hand); with no rows and no blank rows, one row
        spanning the table says `empty_text`.
        """
        widths = _scaled([c.width for c in columns], self.frame_width)
        table = PagedTable(columns, widths, size, self.frame_height)
        min_h = max(min_row_mm * mm, table.leading + PAD)
        count = 0
        for row in rows:
            fonts.require_drawable(row.cells, row.record or f"第{count + 1}行")
            table.add(row.cells, min_h)
            count += 1
        if not count and not blank_rows and empty_text:
            table.add_spanning(empty_text, min_h)
        for _ in range(blank_rows):
            table.add([""] * len(columns), max(min_h, 8 * mm))
        self.story.append(table)
        return count

    def signatures(self, items: Sequence[tuple[str, str]], *, size: float = BODY_SIZE) -> None:
        """One row of "label：value" pairs on drawn lines ("校长（签字）：______").

        An empty value leaves the line blank for a hand signature; a given one (the operator
        as 填表人, the school's phone) is printed on the line.
        """
        self._check(*(part for item in items for part in item))

        def paint(canvas: Canvas, width: float) -> None:
            slot = width / len(items)
            for number, (text, filled) in enumerate(items):
                x = number * slot
                drawn = draw_text(canvas, x, 6, text + "：", size)
                line_length = max(slot - drawn - 6 * mm, 15 * mm)
                _blank_line(canvas, x + drawn, 6, line_length)
                if filled:
                    draw_text(canvas, x + drawn + 2, 6, filled, size)

        self.story.append(_Drawn(size * 3, paint))

    def stamp_block(
        self, unit: str, date: dt.date | str | None = None, *, note: str = "（盖章）",
        size: float = BODY_SIZE,
    ) -> None:
        """The signing block at the bottom right: unit name with （盖章）, and the date under it.

        The school stamps over these two lines, as on paper forms; a missing date prints as
        "    年    月    日" to be filled in when signing.
        """
        self._check(unit, note)

        def paint(canvas: Canvas, width: float) -> None:
            right = width - 10 * mm
            draw_text(canvas, right, size * 2.2, (unit or "\u3000" * 8) + note, size,
                      align="RIGHT")
            draw_text(canvas, right, 4, chinese_date(date), size, align="RIGHT")

        self.story.append(_Drawn(size * 4, paint))

    # --- output ---------------------------------------------------------------------------

    def render(self) -> Rendered:
        """Lay out the story on A4 pages, footers included; returns the PDF bytes and pages."""
        fonts.ensure_registered()
        buffer = io.BytesIO()
        left, right, top, bottom = self.margins
        doc = BaseDocTemplate(
            buffer, pagesize=self.pagesize, leftMargin=left, rightMargin=right, topMargin=top,
            bottomMargin=bottom, title=self.title_text, author=self.imprint.school,
            creator="控辍保学台账 Dropout Ledger", subject=self.title_text, lang="zh-CN",
            pageCompression=1, initialFontName=SONG, initialFontSize=BODY_SIZE,
        )  # the initial font too: reportlab's default Helvetica would be an unembedded font
        first = self.pagesize[0] > self.pagesize[1]
        templates = []
        for wide in sorted(self._orientations, key=lambda o: o != first):
            width, height = self._frame_size(wide)
            frame = Frame(left, bottom, width, height, id="body", leftPadding=0,
                          rightPadding=0, topPadding=0, bottomPadding=0)
            templates.append(PageTemplate(id=_template_id(wide), frames=[frame],
                                          pagesize=_landscape(A4) if wide else A4))
        doc.addPageTemplates(templates)  # the first one is the first page's
        pages: list[int] = []
        doc.build(list(self.story), canvasmaker=_numbered(self, pages))
        return Rendered(buffer.getvalue(), pages[0] if pages else 0)

    def footer(self, canvas: Canvas, page: int, total: int) -> None:
        """The footer of one page: trace line on the left, "第 X 页 共 Y 页" on the right."""
        left, right, _, _ = self.margins
        y = 10 * mm
        width = canvas._pagesize[0]  # this page's: a report's annex pages are landscape
        canvas.setLineWidth(LINE / 2)
        canvas.line(left, y + FOOTER_SIZE * 1.6, width - right, y + FOOTER_SIZE * 1.6)
        imprint = self.imprint
        trace = (f"{imprint.school}　{self.title_text}　打印人：{imprint.operator}　"
                 f"打印日期：{imprint.printed.isoformat()}　数据指纹：{imprint.fingerprint}")
        draw_text(canvas, left, y, trace, FOOTER_SIZE)
        draw_text(canvas, width - right, y, f"第 {page} 页 共 {total} 页", FOOTER_SIZE,
                  align="RIGHT")


# --- the paged table ----------------------------------------------------------------------

_Lines = tuple[str, ...]


class PagedTable(Flowable):  # type: ignore[misc]
    """A ruled table that paginates itself and repeats its header on every page.

    Why not platypus LongTable: with header spans it recomputes every span over the whole
    remaining table at each page break (quadratic: 11 s of a 3,000-row 台账's 20 s, profiled),
    and it measures and draws each cell through generic code. Here every row's height is known
    when it is added (its cells are broken into lines once), a page break takes the rows that
    fit, and a page is drawn as one text object plus one path of rules.
    Rows taller than a page are cut into continuation rows, so layout always terminates.
    """

    def __init__(
        self, columns: Sequence[Column], widths: list[float], size: float, page_height: float,
    ) -> None:
        super().__init__()
        self.columns, self.widths, self.size = columns, widths, size
        self.leading = size * 1.25
        self.aligns = [c.align for c in columns]
        self.edges = [sum(widths[:i]) for i in range(len(widths) + 1)]
        self.header, self.header_height = self._make_header()
        self.max_lines = max(1, int((page_height - self.header_height - 4 * PAD) // self.leading))
        self.rows: list[tuple[float, list[_Lines], bool]] = []  # height, cells, spans all

    # --- building -------------------------------------------------------------------------

    def _lines(self, text: str, width: float, base: str = SONG) -> _Lines:
        if not text:
            return ()
        inner = width - 2 * PAD
        if "\n" not in text and fonts.width(text, self.size, base) <= inner:
            return (text,)
        return tuple(cjk.break_lines(text, inner, lambda s: fonts.width(s, self.size, base)))

    def _make_header(self) -> tuple[list[tuple[float, float, float, float, _Lines]], float]:
        """Header boxes (x, y from the top, width, height, lines) and the header's height."""
        columns, widths, edges = self.columns, self.widths, self.edges
        grouped = any(c.group for c in columns)
        spans: list[tuple[int, int, str]] = []  # (first, last, group) of each column run
        col = 0
        while col < len(columns):
            end = col
            while (grouped and columns[col].group and end + 1 < len(columns)
                   and columns[end + 1].group == columns[col].group):
                end += 1
            spans.append((col, end, columns[col].group if grouped else ""))
            col = end + 1
        top = sub = whole = 1
        for first, last, group in spans:
            if group:
                top = max(top, len(self._lines(group, edges[last + 1] - edges[first], HEI)))
                sub = max(sub, *(len(self._lines(columns[c].title, widths[c], HEI))
                                 for c in range(first, last + 1)))
            else:
                whole = max(whole, len(self._lines(columns[first].title, widths[first], HEI)))
        line = self.leading
        if grouped:
            sub = max(sub, whole - top)
            h0, h1 = top * line + PAD * 2, sub * line + PAD * 2
        else:
            h0, h1 = whole * line + PAD * 2, 0.0
        boxes = []
        for first, last, group in spans:
            x, w = edges[first], edges[last + 1] - edges[first]
            if group:
                boxes.append((x, 0.0, w, h0, self._lines(group, w, HEI)))
                boxes += [(edges[c], h0, widths[c], h1, self._lines(columns[c].title, widths[c],
                                                                     HEI))
                          for c in range(first, last + 1)]
            else:
                boxes.append((x, 0.0, w, h0 + h1, self._lines(columns[first].title, w, HEI)))
        return boxes, h0 + h1

    def add(self, cells: Sequence[str], min_height: float) -> None:
        lines = [self._lines(text, w) for text, w in zip(cells, self.widths, strict=True)]
        most = max((len(c) for c in lines), default=0)
        while most > self.max_lines:  # a row taller than a page: continue it on the next row
            cap = self.max_lines
            self.rows.append((cap * self.leading + PAD, [c[:cap] for c in lines], False))
            lines = [c[cap:] for c in lines]
            most -= cap
        self.rows.append((max(min_height, most * self.leading + PAD), lines, False))

    def add_spanning(self, text: str, min_height: float) -> None:
        lines = self._lines(text, self.edges[-1])
        self.rows.append((max(min_height, len(lines) * self.leading + PAD * 2), [lines], True))

    # --- layout ---------------------------------------------------------------------------

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = self.edges[-1]
        self.height = self.header_height + sum(r[0] for r in self.rows)
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        room = avail_height - self.header_height
        fit = 0
        for height, _, _ in self.rows:
            if height > room:
                break
            room -= height
            fit += 1
        if fit == 0:
            return []
        if fit == len(self.rows):
            return [self]
        return [self._with(self.rows[:fit]), self._with(self.rows[fit:])]

    def _with(self, rows: list[tuple[float, list[_Lines], bool]]) -> PagedTable:
        part = copy.copy(self)
        part.rows = rows
        part.__dict__.pop("_postponed", None)  # platypus's "already pushed to a new page" mark
        return part

    # --- drawing --------------------------------------------------------------------------

    def draw(self) -> None:
        canvas, edges = self.canv, self.edges
        self.wrap(0, 0)
        top = self.height
        writer = _TextWriter(canvas, self.size, self.leading)
        rules: list[tuple[float, float, float, float]] = []
        for x, y, w, h, lines in self.header:
            rules.append((x, top - y - h, x + w, top - y - h))
            rules.append((x, top - y, x, top - y - h))
            self._cell(writer, lines, x, w, top - y, h, "CENTER", HEI)
        y = top - self.header_height
        for height, cells, spans in self.rows:
            if spans:
                self._cell(writer, cells[0], 0, edges[-1], y, height, "CENTER", SONG)
            else:
                for col, lines in enumerate(cells):
                    if lines:
                        self._cell(writer, lines, edges[col], edges[col + 1] - edges[col], y,
                                   height, self.aligns[col], SONG)
                rules += [(x, y, x, y - height) for x in edges[1:-1]]
            y -= height
            rules.append((0, y, edges[-1], y))
        writer.finish()
        canvas.setLineWidth(LINE)
        # One path of rules, formatted here: canvas.lines() formats each number in Python.
        canvas._code.append("n " + " ".join(
            f"{x1:.2f} {y1:.2f} m {x2:.2f} {y2:.2f} l" for x1, y1, x2, y2 in rules) + " S")
        canvas.setLineWidth(LINE * 2)
        canvas.rect(0, 0, edges[-1], top)

    def _cell(
        self, writer: _TextWriter, lines: _Lines, x: float, width: float, top: float,
        height: float, align: str, base: str,
    ) -> None:
        """A cell's lines, vertically centred in its box, aligned in its column."""
        size, leading = self.size, self.leading
        baseline = top - (height - len(lines) * leading) / 2 - leading / 2 - size * 0.36
        for line in lines:
            if align == "LEFT":
                left = x + PAD
            else:
                drawn = fonts.width(line, size, base)
                left = x + width - PAD - drawn if align == "RIGHT" else x + (width - drawn) / 2
            for run_font, run in fonts.runs(line, base):
                writer.put(run_font, run, left, baseline)
                left += fonts.width(run, size, run_font)
            baseline -= leading


class _KeepTail(Flowable):  # type: ignore[misc]
    """A table and the blocks that close it, drawn one under the other; when they do not fit
    on the page, the table splits so that at least its last `KEEP_ROWS` rows go with them."""

    KEEP_ROWS = 2

    def __init__(self, table: PagedTable, tail: list[Flowable]) -> None:
        super().__init__()
        self.table, self.tail = table, tail
        self._sizes: list[float] = []

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        width, height = self.table.wrap(avail_width, avail_height)
        self._sizes = [block.wrap(avail_width, avail_height)[1] for block in self.tail]
        self.width, self.height = width, height + sum(self._sizes)
        return avail_width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        self.wrap(avail_width, avail_height)
        if self.height <= avail_height:
            return [self]
        table = self.table
        parts = table.split(avail_width, avail_height)
        if not parts:
            return []
        if parts == [table]:  # the table fits, its closing blocks do not: take rows over
            if len(table.rows) <= self.KEEP_ROWS:
                frame = getattr(self, "_frame", None)
                at_top = frame is not None and frame._atTop
                # On a fresh page the blocks can never join the rows: let them follow alone.
                return [table, *self.tail] if at_top else []
            parts = [table._with(table.rows[:-self.KEEP_ROWS]),
                     table._with(table.rows[-self.KEEP_ROWS:])]
        rest = parts[1]
        if len(rest.rows) < self.KEEP_ROWS and len(parts[0].rows) > self.KEEP_ROWS:
            moved = self.KEEP_ROWS - len(rest.rows)
            parts = [table._with(parts[0].rows[:-moved]),
                     table._with(parts[0].rows[-moved:] + rest.rows)]
        return [parts[0], _KeepTail(parts[1], self.tail)]

    def draw(self) -> None:
        canvas = self.canv
        y = self.height - self.table.wrap(0, 0)[1]
        self.table.drawOn(canvas, 0, y)
        for block, size in zip(self.tail, self._sizes, strict=True):
            y -= size
            block.drawOn(canvas, 0, y)


class _TextWriter:
    """All the text of one table page in one PDF text object, with cached run encodings.

    reportlab's textOut measures and encodes every string anew (TrueType text goes through
    the font's subset tables in Python). A page of a roster repeats most strings, so each
    (font, current subset, text) is encoded once per document and reused: the encoding of a
    text, once its characters have subset codes, never changes within a document.
    """

    def __init__(self, canvas: Canvas, size: float, leading: float) -> None:
        self.canvas, self.size, self.leading = canvas, size, leading
        self.text = canvas.beginText()
        self.font = ""
        # Kept on the PDF document itself: subset codes belong to that document only.
        self.cache: dict[tuple[str, int, str], tuple[str, int]] = (
            canvas._doc.__dict__.setdefault("_dl_text_runs", {}))

    def put(self, font: str, run: str, x: float, y: float) -> None:
        text = self.text
        if font != self.font:
            text.setFont(font, self.size, self.leading)
            self.font = font
        text._code.append(f"1 0 0 1 {x:.2f} {y:.2f} Tm")
        key = (font, text._curSubset, run)
        hit = self.cache.get(key)
        if hit is None:
            hit = (text._formatText(run), text._curSubset)
            self.cache[key] = hit
        else:
            text._curSubset = hit[1]
        text._code.append(hit[0])

    def finish(self) -> None:
        self.canvas.drawText(self.text)


def _template_id(landscape: bool) -> str:
    return "landscape" if landscape else "page"


def _landscape(size: tuple[float, float]) -> tuple[float, float]:
    wide: tuple[float, float] = landscape(size)
    return wide


def _numbered(form: Form, pages: list[int]) -> Callable[..., Canvas]:
    """A canvas class that holds each finished page until the total is known (two passes
    over the page list, one over the layout): then draws every footer with "共 Y 页"."""

    class NumberedCanvas(Canvas):  # type: ignore[misc]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._held: list[dict[str, Any]] = []

        def showPage(self) -> None:  # noqa: N802 (reportlab's name)
            self._held.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._held)
            for number, state in enumerate(self._held, start=1):
                self.__dict__.update(state)
                form.footer(self, number, total)
                super().showPage()
            pages.append(total)
            super().save()

    return NumberedCanvas
