"""Read a roster file — .xlsx, .xls, .ods or CSV — as rows of cells, refusing what cannot be read.

The format is decided by the file's first bytes, not its name: principals rename files, and a
.xls from the 学籍 system may really be HTML or CSV. Spreadsheets go through calamine (one fast
reader for all three formats, design README §3); CSV through the standard library, with the
encoding detected rather than asked, because Excel on Chinese Windows saves GBK/GB18030 and
everything else saves UTF-8, with or without a BOM (design README §6).

Every refusal is an `InputRefused` in plain Chinese: a password, a damaged file, an empty one,
one too big to be a school's roster. Rows are produced lazily, one list per spreadsheet row
starting at row 1, so a 150,000-row file is never turned into Python objects all at once.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any, BinaryIO
from xml.etree import ElementTree

import python_calamine as calamine

from dropout_ledger.errors import InputRefused
from dropout_ledger.importing.normalise import Cell

MAX_ROWS = 200_000  # more rows than this is not a school's roster (demo caps at the same)
MAX_BYTES = 256 * 1024 * 1024
_CHUNK = 1 << 20

_ZIP = b"PK\x03\x04"
_CFB = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED = "EncryptedPackage".encode("utf-16-le")
_MAIN_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL_NS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_CELL_REF = re.compile(r"([A-Z]+)(\d+)")
_SUFFIXES = {"xlsx": (".xlsx", ".xlsm"), "xls": (".xls", ".et"), "ods": (".ods",)}


def _password(path: Path) -> InputRefused:
    return InputRefused(
        f"文件 {path.name} 设置了打开密码，无法读取。请在Excel或WPS中打开它，"
        "在“文件—信息—保护工作簿”（WPS：文件—文档加密）中取消密码，另存后再导入。"
    )


def _damaged(path: Path, detail: str = "") -> InputRefused:
    more = f"（{detail}）" if detail else ""
    return InputRefused(
        f"文件 {path.name} 已损坏或不是表格文件，无法读取{more}。"
        "请在Excel或WPS中打开它，确认内容无误后另存为 .xlsx 再导入。"
    )


def _panic(path: Path, error: BaseException) -> InputRefused:
    """calamine's Rust panics on malformed files reach Python as pyo3's PanicException, a
    BaseException that cannot be imported by name: refuse the file like any damaged one.
    Anything else (KeyboardInterrupt, SystemExit) goes on as it was."""
    if type(error).__name__ != "PanicException":
        raise error
    return _damaged(path, "无法解析")


@dataclass(frozen=True)
class Sheet:
    """One sheet: its name, where its cells start, how many rows it has, and its rows."""

    name: str
    first_column: int  # the spreadsheet column (0 = A) of the first cell of each row list
    height: int  # rows from row 1 to the last non-empty one (an upper bound for CSV)
    rows: Callable[[], Iterator[list[Cell]]]  # a fresh iterator, from row 1


class Workbook:
    """An opened roster file. Use `with`; `sheet(name)` loads one sheet."""

    def __init__(self, path: Path, kind: str, encoding: str = "") -> None:
        self.path, self.kind, self.encoding = path, kind, encoding
        self._book: calamine.CalamineWorkbook | None = None
        self._handle: BinaryIO | None = None
        if kind == "csv":
            self.sheet_names = [path.stem]
            self.visible = [True]
            return
        try:
            if path.suffix.lower() in _SUFFIXES[kind]:
                self._book = calamine.CalamineWorkbook.from_path(str(path))
            else:  # calamine picks its reader by the name; a renamed file is read by content
                self._handle = path.open("rb")
                self._book = calamine.CalamineWorkbook.from_filelike(self._handle)
            self.sheet_names = list(self._book.sheet_names)
            self.visible = [m.visible == calamine.SheetVisibleEnum.Visible
                            for m in self._book.sheets_metadata]
        except calamine.PasswordError:
            raise _password(path) from None
        except (calamine.CalamineError, OSError, ValueError) as error:
            raise _damaged(path, type(error).__name__) from None
        except BaseException as error:
            raise _panic(path, error) from None
        if not self.sheet_names:
            raise InputRefused(f"文件 {path.name} 中没有工作表。")

    def __enter__(self) -> Workbook:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        if self._book is not None:
            self._book.close()
            self._book = None
        if self._handle is not None:
            self._handle.close()
            self._handle = None

    def sheet(self, name: str) -> Sheet:
        """Load one sheet (the whole sheet is read here; rows are converted lazily)."""
        if self.kind == "csv":
            return _csv_sheet(self.path, self.encoding)
        assert self._book is not None
        try:
            loaded = self._book.get_sheet_by_name(name)
        except calamine.PasswordError:
            raise _password(self.path) from None
        except calamine.WorksheetNotFound:
            raise InputRefused(
                f"文件中没有名为“{name}”的工作表（有：{'、'.join(self.sheet_names)}）。"
            ) from None
        except (calamine.CalamineError, OSError, ValueError) as error:
            raise _damaged(self.path, type(error).__name__) from None
        except BaseException as error:
            raise _panic(self.path, error) from None
        start = loaded.start
        height = (loaded.end[0] + 1) if loaded.end is not None else 0
        _refuse_huge(self.path, height)
        return Sheet(name=name, first_column=start[1] if start else 0, height=height,
                     rows=lambda: _guarded(self.path, loaded.iter_rows()))

    def uncached_formulas(self, name: str) -> set[tuple[int, int]]:
        """(row, column) of formula cells saved without a computed value (.xlsx only).

        Files written by programs (openpyxl, some county systems) contain formulas that no
        spreadsheet ever calculated; every reader then sees an empty cell where the principal
        sees a name. Only those cells are reported, so they can be explained, not guessed.
        """
        if self.kind != "xlsx":
            return set()
        try:
            with zipfile.ZipFile(self.path) as archive:
                part = _sheet_part(archive, name)
                if part is None or not _contains(archive, part, b"<f"):
                    return set()
                with archive.open(part) as stream:
                    return _uncached_cells(stream)
        except (zipfile.BadZipFile, ElementTree.ParseError, KeyError, OSError):
            return set()


def open_workbook(path: Path) -> Workbook:
    """Open a roster file of any supported kind, refusing unreadable files in Chinese."""
    path = Path(path)
    if not path.is_file():
        raise InputRefused(f"找不到文件：{path}。请检查文件名和位置。")
    size = path.stat().st_size
    if size == 0:
        raise InputRefused(f"文件 {path.name} 是空的（0 字节），里面没有名单。")
    if size > MAX_BYTES:
        raise InputRefused(
            f"文件 {path.name} 有 {size // (1024 * 1024)} MB，太大了，不像一所学校的学籍名单。"
            "请确认选择的文件是否正确。"
        )
    with path.open("rb") as handle:
        head = handle.read(8)
    if head.startswith(_ZIP):
        return Workbook(path, _zip_kind(path))
    if head.startswith(_CFB):
        if _contains_file(path, _ENCRYPTED):
            raise _password(path)
        return Workbook(path, "xls")
    return Workbook(path, "csv", _detect_encoding(path))


def _zip_kind(path: Path) -> str:
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
    except zipfile.BadZipFile:
        raise _damaged(path, "压缩结构损坏") from None
    if "xl/workbook.xml" in names:
        return "xlsx"
    if "content.xml" in names:
        return "ods"
    if "word/document.xml" in names:
        raise InputRefused(f"文件 {path.name} 是Word文档，不是表格。请选择Excel或WPS表格文件。")
    raise _damaged(path, "不是Excel或ODS表格")


def _guarded(path: Path, rows: Iterator[list[Any]]) -> Iterator[list[Cell]]:
    try:
        yield from rows
    except (calamine.CalamineError, ValueError) as error:
        raise _damaged(path, type(error).__name__) from None
    except BaseException as error:
        raise _panic(path, error) from None


def _refuse_huge(path: Path, rows: int) -> None:
    if rows > MAX_ROWS:
        raise InputRefused(
            f"文件 {path.name} 有 {rows} 行，超过 {MAX_ROWS} 行的上限，不像一所学校的学籍名单。"
            "请确认选择的文件是否正确；县级名单请按学校分开后再导入。"
        )


# --- CSV ------------------------------------------------------------------------------------


def _contains_file(path: Path, needle: bytes) -> bool:
    tail = b""
    with path.open("rb") as handle:
        while chunk := handle.read(_CHUNK):
            if needle in tail + chunk:
                return True
            tail = chunk[-len(needle):]
    return False


def _detect_encoding(path: Path) -> str:
    """UTF-8 (with or without BOM), UTF-16 with BOM, or GB18030 (a superset of GBK).

    The whole file is decoded once as UTF-8: a GBK file fails within its first Chinese
    character, while a UTF-8 file passes to the end, so no guessing from a sample is needed.
    """
    with path.open("rb") as handle:
        head = handle.read(4)
    if head.startswith(codecs.BOM_UTF8):
        encoding = "utf-8-sig"
    elif head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding = "utf-16"
    else:
        encoding = "utf-8"
    for candidate in dict.fromkeys((encoding, "gb18030")):
        if _decodes(path, candidate):
            return candidate
    raise InputRefused(
        f"文件 {path.name} 既不是表格也不是可识别编码的文本（UTF-8 或 GBK），无法读取。"
        "请在Excel或WPS中打开它，另存为 .xlsx 再导入。"
    )


def _decodes(path: Path, encoding: str) -> bool:
    decoder = codecs.getincrementaldecoder(encoding)(errors="strict")
    try:
        with path.open("rb") as handle:
            while chunk := handle.read(_CHUNK):
                if b"\x00" in chunk and not encoding.startswith("utf-16"):
                    return False
                decoder.decode(chunk)
            decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    return True


def _count_lines(path: Path) -> int:
    lines = 0
    with path.open("rb") as handle:
        while chunk := handle.read(_CHUNK):
            lines += chunk.count(b"\n")
    return lines + 1


def _delimiter(path: Path, encoding: str) -> str:
    """The separator that splits the first lines most consistently (comma, tab, ; or |)."""
    with path.open("r", encoding=encoding, newline="") as handle:
        sample = [handle.readline() for _ in range(20)]
    lines = [line for line in sample if line.strip()]
    best, best_score = ",", 0
    for candidate in (",", "\t", ";", "|"):
        counts = [line.count(candidate) for line in lines]
        if not counts or max(counts) == 0:
            continue
        score = max(counts) * sum(1 for c in counts if c == max(counts))
        if score > best_score:
            best, best_score = candidate, score
    return best


def _csv_sheet(path: Path, encoding: str) -> Sheet:
    height = _count_lines(path)
    _refuse_huge(path, height)
    delimiter = _delimiter(path, encoding)

    def rows() -> Iterator[list[Cell]]:
        with path.open("r", encoding=encoding, newline="") as handle:
            try:
                yield from csv.reader(handle, delimiter=delimiter)
            except csv.Error as error:
                raise _damaged(path, str(error)) from None

    return Sheet(name=path.stem, first_column=0, height=height, rows=rows)


# --- formulas without values (.xlsx) ---------------------------------------------------------


def _sheet_part(archive: zipfile.ZipFile, name: str) -> str | None:
    """The zip member holding the sheet called `name` (workbook.xml + its relationships)."""
    book = ElementTree.fromstring(archive.read("xl/workbook.xml"))
    rels = ElementTree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    targets = {r.get("Id"): r.get("Target", "") for r in rels}
    for sheet in book.iter(f"{_MAIN_NS}sheet"):
        if sheet.get("name") == name:
            target = targets.get(sheet.get(f"{_REL_NS}id"), "")
            return target.lstrip("/") if target.startswith("/") else f"xl/{target}"
    return None


def _contains(archive: zipfile.ZipFile, part: str, needle: bytes) -> bool:
    tail = b""
    with archive.open(part) as stream:
        while chunk := stream.read(_CHUNK):
            if needle in tail + chunk:
                return True
            tail = chunk[-len(needle):]
    return False


def _uncached_cells(stream: io.IOBase | Any) -> set[tuple[int, int]]:
    found: set[tuple[int, int]] = set()
    for _, element in ElementTree.iterparse(stream, events=("end",)):
        if element.tag != f"{_MAIN_NS}c":
            continue
        formula = element.find(f"{_MAIN_NS}f")
        value = element.find(f"{_MAIN_NS}v")
        if formula is not None and (value is None or not (value.text or "").strip()):
            match = _CELL_REF.fullmatch(element.get("r", ""))
            if match is not None:
                found.add((int(match.group(2)), _column_index(match.group(1))))
        element.clear()
    return found


def _column_index(letters: str) -> int:
    index = 0
    for letter in letters:
        index = index * 26 + ord(letter) - 64
    return index - 1
