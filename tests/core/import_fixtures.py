"""Roster files for the import tests, every quirk a principal's file has, synthetic people only.

Run `python tests/core/import_fixtures.py` to (re)write tests/data/import/. The .xlsx files are
made with openpyxl; .ods and .xls by hand (openpyxl writes neither): an ODS is a zip of XML, an
.xls a BIFF8 workbook stream in an OLE2 compound file, written here with only the records the
readers need. `expected.json` records, for each fixture, what a correct importer must find.
"""

from __future__ import annotations

import datetime as dt
import json
import struct
import sys
import zipfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from openpyxl import Workbook  # noqa: E402

from dropout_ledger.synthetic import RARE_CHARACTERS, SyntheticFactory  # noqa: E402

OUT = ROOT / "tests" / "data" / "import"
TODAY = dt.date(2026, 11, 22)  # the tests' frozen clock (tests/core/conftest.py)
GRADE_WORDS = "一二三四五六七八九"


def _factory() -> SyntheticFactory:
    return SyntheticFactory(seed=2026)


def _plain(pupils: int, *, seed: int = 2026, rare: bool = True) -> list[dict[str, Any]]:
    """`pupils` synthetic pupils across grades 1–9; names with rare characters kept or not."""
    factory = SyntheticFactory(seed=seed)
    out = []
    while len(out) < pupils:
        p = factory.student(grade=len(out) % 9 + 1, today=TODAY)
        if not rare and any(c in RARE_CHARACTERS for c in str(p["name"])):
            continue  # GBK has no code for these: Excel writes "?" instead
        out.append(p)
    return out


# --- the clean roster, in every format -------------------------------------------------------

CLEAN_HEADER = ["序号", "姓名", "性别", "出生日期", "民族", "身份证号", "全国学籍号", "年级", "班级",
                "家庭住址", "监护人", "联系电话"]


def _clean_cells(number: int, p: dict[str, Any]) -> list[Any]:
    guardian = p["guardians"][0] if p["guardians"] else {"name": "", "phone": ""}
    return [number, p["name"], "男" if p["sex"] == "1" else "女", p["birth_date"], p["ethnicity"],
            p["id_number"], p["xjh"], f"{GRADE_WORDS[int(p['grade']) - 1]}年级", p["class_name"],
            p["address"], guardian["name"], guardian["phone"]]


def _expected_pupil(p: dict[str, Any]) -> dict[str, Any]:
    return {k: p[k] for k in ("name", "sex", "birth_date", "id_number", "xjh", "grade",
                              "class_name")}


def write_clean(out: Path, pupils: list[dict[str, Any]]) -> None:
    book = Workbook()
    sheet = book.active
    sheet.title = "学生名单"
    sheet.append(["坪坝镇中心学校学生花名册（2026年秋季学期）"])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(CLEAN_HEADER))
    sheet.append(CLEAN_HEADER)
    for number, p in enumerate(pupils, start=1):
        sheet.append(_clean_cells(number, p))
    book.save(out)


def write_csv(out: Path, pupils: list[dict[str, Any]], encoding: str, delimiter: str = ",",
              errors: str = "strict") -> None:
    lines = [delimiter.join(CLEAN_HEADER)]
    for number, p in enumerate(pupils, start=1):
        lines.append(delimiter.join(str(c) for c in _clean_cells(number, p)))
    text = "\r\n".join(lines) + "\r\n"
    out.write_bytes(text.encode(encoding, errors=errors))


def write_last_row_error(out: Path, pupils: list[dict[str, Any]]) -> None:
    """Valid rows, and one wrong check digit in the very last row."""
    book = Workbook()
    sheet = book.active
    sheet.append(CLEAN_HEADER)
    for number, p in enumerate(pupils, start=1):
        cells = _clean_cells(number, p)
        if number == len(pupils):
            cells[5] = _wrong_check(str(p["id_number"]))
            cells[6] = ""
        sheet.append(cells)
    book.save(out)


def _wrong_check(number: str) -> str:
    good = number[-1]
    return number[:-1] + ("0" if good != "0" else "1")


# --- the messy 学籍-style export --------------------------------------------------------------

MESSY_HEADER = ["序号", "姓名★", "性别", "出生日期", "民族", "身份证件类型", "身份证件号", "全国学籍号",
                "年级", "班级", "入学年月", "就读方式", "是否留守儿童", "监护人姓名", "联系电话",
                "家庭住址", "备注"]
_COL = {name: index for index, name in enumerate(MESSY_HEADER)}


def _messy_row(p: dict[str, Any]) -> list[Any]:
    guardian = p["guardians"][0]
    return ["", p["name"], "男" if p["sex"] == "1" else "女", p["birth_date"], "汉族", "居民身份证",
            p["id_number"], p["xjh"], p["grade"], p["class_name"], "202409", "走读", "非留守",
            guardian["name"], guardian["phone"], p["address"], ""]


def _full_width(text: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in text)


def _pupil_with_x(factory: SyntheticFactory, grade: int) -> dict[str, Any]:
    """A pupil whose ID number ends in X (about 1 in 11 do)."""
    while True:
        p = factory.student(grade=grade, today=TODAY)
        if str(p["id_number"]).endswith("X"):
            return p


def _iso(p: dict[str, Any]) -> dt.date:
    return dt.date.fromisoformat(str(p["birth_date"]))


def _set(**cells: Any) -> Any:
    """A quirk that puts fixed values (or values computed from the pupil) into named columns."""
    def apply(p: dict[str, Any], c: list[Any], f: SyntheticFactory) -> None:
        for column, value in cells.items():
            index = _COL.get(column, _COL.get(column + "★"))  # 姓名★ is no Python name
            c[index] = value(p, f) if callable(value) else value
    return apply


def _shifted_birth(p: dict[str, Any], f: SyntheticFactory) -> str:
    d = _iso(p)
    return (d + dt.timedelta(days=3 if d.day < 25 else -3)).isoformat()


def _spaced_lower_id(p: dict[str, Any], f: SyntheticFactory) -> str:
    text = str(p["id_number"]).lower()
    return "'" + text[:6] + " " + text[6:14] + " " + text[14:]


# (grade, quirk, error columns, warning columns); grade 0 asks for a pupil whose ID ends in X.
_MESSY: list[tuple[int, Any, list[str], list[str]]] = [
    (3, _set(年级="三年级", 班级="（2）班"), [], []),
    (3, _set(身份证件号=lambda p, f: _full_width(str(p["id_number"])), 性别=lambda p, f: p["sex"],
             出生日期=lambda p, f: str(p["birth_date"]).replace("-", ""), 年级=3, 班级="2班"), [], []),
    (0, _set(身份证件号=_spaced_lower_id, 全国学籍号=lambda p, f: "G" + str(p["id_number"]).lower(),
             出生日期=lambda p, f: f"{_iso(p).year}/{_iso(p).month}/{_iso(p).day}", 年级="初一",
             班级="2"), [], []),
    (7, _set(出生日期=lambda p, f: dt.datetime.fromisoformat(str(p["birth_date"])), 年级="七年级",
             班级=2, 就读方式="住校", 是否留守儿童="双亲留守"), [], []),
    (3, _set(出生日期=lambda p, f: f"{_iso(p).year}年{_iso(p).month}月{_iso(p).day}日", 民族="汉",
             年级="3", 入学年月="2024年9月"), [], []),
    (4, _set(姓名="王䶮"), [], []),
    (4, _set(姓名="𠅤小明"), [], []),
    (5, _set(姓名="欧阳 娜娜"), [], []),
    (-1, None, [], []),  # a blank row between classes
    (5, _set(身份证件号=lambda p, f: _wrong_check(str(p["id_number"])), 全国学籍号=""),
     ["身份证件号"], []),
    (5, _set(出生日期="2015-02-30"), ["出生日期"], []),
    (6, _set(身份证件号=lambda p, f: float(str(p["id_number"])[:17] + "0")), ["身份证件号"], []),
    (6, _set(身份证件号="5.24821E+17"), ["身份证件号"], []),
    (6, "twice", ["身份证件号", "全国学籍号"], []),
    (2, _set(姓名=""), ["姓名★"], []),
    (2, _set(出生日期=_shifted_birth), [], ["出生日期"]),
    (2, _set(全国学籍号=lambda p, f: "G" + str(f.student(grade=2, today=TODAY)["id_number"])),
     [], ["全国学籍号"]),
    (2, _set(年级="五年级"), [], ["年级"]),
    (8, _set(身份证件类型="", 身份证件号="", 全国学籍号=lambda p, f: f._fake_j_number(_iso(p))),
     [], []),
    (8, _set(身份证件号="", 全国学籍号=""), ["身份证件号"], []),
    (8, _set(性别="x"), ["性别"], []),
    (9, _set(年级="高一"), ["年级"], []),
    *[(g, _set(班级=lambda p, f, g=g: f"{GRADE_WORDS[g - 1]}年级（{p['class_name'][0]}）班"), [], [])
      for g in (1, 1, 2, 4, 6, 9)],
]


def messy_rows() -> tuple[list[list[Any]], dict[str, Any]]:
    """The data rows (from spreadsheet row 4) and what a correct importer must report."""
    f = _factory()
    rows: list[list[Any]] = []
    expected: dict[str, Any] = {"errors": {}, "warnings": {}, "skipped": []}
    for grade, quirk, errors, warnings in _MESSY:
        if grade < 0:
            rows.append([None] * len(MESSY_HEADER))
            expected["skipped"].append(3 + len(rows))
            continue
        p = _pupil_with_x(f, 7) if grade == 0 else f.student(grade=grade, today=TODAY)
        cells = _messy_row(p)
        copies = 2 if quirk == "twice" else 1
        if callable(quirk):
            quirk(p, cells, f)
        for _ in range(copies):
            rows.append(list(cells))
            rows[-1][0] = len(rows)
            row = 3 + len(rows)
            if errors:
                expected["errors"][row] = errors
            if warnings:
                expected["warnings"][row] = warnings
    rows.append(["合计：" + str(len(rows) - 1) + "人"] + [None] * (len(MESSY_HEADER) - 1))
    footer: list[Any] = [None] * len(MESSY_HEADER)
    footer[0], footer[7] = "制表人：王老师", "审核人：李校长"
    rows.append(footer)
    expected["skipped"] += [2 + len(rows), 3 + len(rows)]
    expected["rows"] = len(rows) - len(expected["skipped"])
    return rows, expected


def write_messy(out: Path) -> dict[str, Any]:
    rows, expected = messy_rows()
    book = Workbook()
    sheet = book.active
    sheet.title = "学生基础信息"
    sheet.append(["坪坝镇中心学校2026年秋季学期学生花名册"])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(MESSY_HEADER))
    sheet.append(["填报单位：坪坝镇中心学校（盖章）      填报日期：2026年9月1日"])
    sheet.merge_cells(start_row=2, start_column=1, end_row=2, end_column=len(MESSY_HEADER))
    sheet.append(MESSY_HEADER)
    for cells in rows:
        sheet.append(cells)
    for row in sheet.iter_rows(min_row=4):
        cell = row[_COL["出生日期"]]
        if isinstance(cell.value, dt.datetime):
            cell.number_format = "yyyy-mm-dd"
        row[_COL["身份证件号"]].number_format = "@" if isinstance(
            row[_COL["身份证件号"]].value, str) else "0"
    book.save(out)
    return expected


# --- layouts -----------------------------------------------------------------------------------


def write_group_header(out: Path, pupils: list[dict[str, Any]]) -> None:
    """A two-row header: 基本信息 over the pupil, 监护人 over the guardian's 姓名 and 电话."""
    book = Workbook()
    sheet = book.active
    sheet.append(["基本信息", None, None, None, None, None, "监护人", None])
    sheet.merge_cells("A1:F1")
    sheet.merge_cells("G1:H1")
    sheet.append(["姓名", "性别", "身份证号", "年级", "班级", "全国学籍号", "姓名", "电话"])
    for p in pupils:
        g = p["guardians"][0]
        sheet.append([p["name"], "男" if p["sex"] == "1" else "女", p["id_number"], p["grade"],
                      p["class_name"], p["xjh"], g["name"], g["phone"]])
    book.save(out)


def write_two_sheets(out: Path, pupils: list[dict[str, Any]]) -> None:
    book = Workbook()
    notes = book.active
    notes.title = "填表说明"
    notes.append(["填表说明"])
    notes.append(["1. 身份证号一列请设为文本格式。"])
    notes.append(["2. 年级填写“一年级”至“九年级”。"])
    sheet = book.create_sheet("学生名单")
    sheet.append(CLEAN_HEADER)
    for number, p in enumerate(pupils, start=1):
        sheet.append(_clean_cells(number, p))
    book.save(out)


def write_wrong_sheet(out: Path) -> None:
    book = Workbook()
    sheet = book.active
    sheet.title = "期末成绩"
    sheet.append(["三年级（2）班期末成绩"])
    sheet.append(["学号", "语文", "数学", "英语"])
    for number in range(1, 11):
        sheet.append([number, 80 + number, 90 - number, 85])
    book.save(out)


def write_formulas(out: Path, pupils: list[dict[str, Any]]) -> None:
    """Every cell a formula that no spreadsheet has calculated (openpyxl saves no values)."""
    book = Workbook()
    sheet = book.active
    sheet.append(["姓名", "身份证号", "年级", "班级"])
    for p in pupils:
        sheet.append([f'="{p["name"]}"', f'="{p["id_number"]}"', f"={p['grade']}",
                      f'="{p["class_name"]}"'])
    book.save(out)


def write_header_only(out: Path) -> None:
    book = Workbook()
    book.active.append(CLEAN_HEADER)
    book.save(out)


def write_empty_book(out: Path) -> None:
    Workbook().save(out)


# --- ODS by hand ---------------------------------------------------------------------------------

_ODS_NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"'
)


def _ods_cell(value: Any) -> str:
    if isinstance(value, int | float):
        return (f'<table:table-cell office:value-type="float" office:value="{value}">'
                f"<text:p>{value}</text:p></table:table-cell>")
    if isinstance(value, dt.date):
        return (f'<table:table-cell office:value-type="date" office:date-value='
                f'"{value.isoformat()}"><text:p>{value.isoformat()}</text:p></table:table-cell>')
    if value in (None, ""):
        return "<table:table-cell/>"
    text = str(value).replace("&", "&amp;").replace("<", "&lt;")
    return f'<table:table-cell office:value-type="string"><text:p>{text}</text:p></table:table-cell>'


def write_ods(out: Path, pupils: list[dict[str, Any]]) -> None:
    rows = [["学生花名册"], CLEAN_HEADER]
    for number, p in enumerate(pupils, start=1):
        cells = _clean_cells(number, p)
        cells[3] = dt.date.fromisoformat(str(p["birth_date"]))  # a real date cell
        rows.append(cells)
    body = "".join("<table:table-row>" + "".join(map(_ods_cell, r)) + "</table:table-row>"
                   for r in rows)
    content = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {_ODS_NS} '
               'office:version="1.2"><office:body><office:spreadsheet>'
               f'<table:table table:name="名单">{body}</table:table>'
               "</office:spreadsheet></office:body></office:document-content>")
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
        'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" '
        'manifest:version="1.2"><manifest:file-entry manifest:full-path="/" '
        'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>")
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"),
                         "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("META-INF/manifest.xml", manifest, zipfile.ZIP_DEFLATED)
        archive.writestr("content.xml", content, zipfile.ZIP_DEFLATED)


# --- OLE2 compound files: .xls (BIFF8) and an encrypted .xlsx ---------------------------------

_FREE, _END, _FATSECT, _NOSTREAM = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFF


def _dir_entry(name: str, kind: int, start: int, size: int, child: int = _NOSTREAM,
               right: int = _NOSTREAM) -> bytes:
    encoded = name.encode("utf-16-le") + b"\x00\x00"
    return (encoded.ljust(64, b"\x00") + struct.pack("<HBB", len(encoded), kind, 1)
            + struct.pack("<III", _NOSTREAM, right, child) + bytes(16) + bytes(4) + bytes(16)
            + struct.pack("<IQ", start, size))


def compound_file(streams: list[tuple[str, bytes]]) -> bytes:
    """A version-3 compound file with 512-byte sectors; every stream padded to ≥ 4096 bytes so
    that none lives in the mini stream (which this writer does not make)."""
    padded = [(name, data.ljust(max(4096, -(-len(data) // 512) * 512), b"\x00"))
              for name, data in streams]
    fat = [_FATSECT, _END]  # sector 0: the FAT, sector 1: the directory
    starts = []
    for _, data in padded:
        starts.append(len(fat))
        count = len(data) // 512
        fat += [len(fat) + i + 1 for i in range(count - 1)] + [_END]
    assert len(fat) <= 128, "one FAT sector is enough for a fixture"
    fat += [_FREE] * (128 - len(fat))
    entries = [_dir_entry("Root Entry", 5, _END, 0, child=1)]
    for index, ((name, data), start) in enumerate(zip(padded, starts, strict=True), start=1):
        right = index + 1 if index < len(padded) else _NOSTREAM
        entries.append(_dir_entry(name, 2, start, len(data), right=right))
    directory = b"".join(entries)
    directory += bytes(128) * (-(-len(directory) // 512) * 4 - len(entries))
    assert len(directory) == 512, "one directory sector is enough for a fixture"
    header = (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(16)
              + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6) + bytes(6)
              + struct.pack("<IIIIIIIII", 0, 1, 1, 0, 4096, _END, 0, _END, 0)
              + struct.pack("<I", 0) + struct.pack("<I", _FREE) * 108)
    assert len(header) == 512
    body = struct.pack("<128I", *fat) + directory + b"".join(d for _, d in padded)
    return header + body


def _record(kind: int, data: bytes) -> bytes:
    return struct.pack("<HH", kind, len(data)) + data


def _biff_string(text: str) -> bytes:
    encoded = text.encode("utf-16-le")
    return struct.pack("<HB", len(encoded) // 2, 1) + encoded


def biff8_workbook(sheet_name: str, rows: list[list[Any]]) -> bytes:
    """A BIFF8 workbook stream: globals (BOF, CODEPAGE, BOUNDSHEET, EOF), then one sheet."""
    bof = struct.pack("<HHHHII", 0x0600, 0x0005, 0x0DBB, 0x07CC, 0, 6)
    name = sheet_name.encode("utf-16-le")

    def globals_(position: int) -> bytes:
        sheet = struct.pack("<IBBBB", position, 0, 0, len(name) // 2, 1) + name
        return (_record(0x0809, bof) + _record(0x0042, struct.pack("<H", 1200))
                + _record(0x0085, sheet) + _record(0x000A, b""))

    cells = b""
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if value in (None, ""):
                continue
            if isinstance(value, int | float):
                cells += _record(0x0203, struct.pack("<HHHd", r, c, 0, float(value)))
            else:
                cells += _record(0x0204, struct.pack("<HHH", r, c, 0) + _biff_string(str(value)))
    sheet_bof = struct.pack("<HHHHII", 0x0600, 0x0010, 0x0DBB, 0x07CC, 0, 6)
    sheet_stream = _record(0x0809, sheet_bof) + cells + _record(0x000A, b"")
    head = globals_(0)
    return globals_(len(head)) + sheet_stream


def write_xls(out: Path, pupils: list[dict[str, Any]]) -> None:
    rows: list[list[Any]] = [["学生花名册"], CLEAN_HEADER]
    rows += [_clean_cells(n, p) for n, p in enumerate(pupils, start=1)]
    out.write_bytes(compound_file([("Workbook", biff8_workbook("名单", rows))]))


def write_encrypted(out: Path) -> None:
    """What Excel saves when a password is set: an OLE2 file, not a zip, holding the encrypted
    package (the contents here are random-looking filler; only the structure matters)."""
    filler = bytes((i * 37 + 11) % 256 for i in range(6000))
    out.write_bytes(compound_file([("EncryptionInfo", filler[:4096]),
                                   ("EncryptedPackage", filler)]))


# --- everything ---------------------------------------------------------------------------------


def build(out: Path = OUT) -> dict[str, Any]:
    out.mkdir(parents=True, exist_ok=True)
    pupils = _plain(30)
    no_rare = _plain(30, rare=False)
    expected: dict[str, Any] = {"clean": [_expected_pupil(p) for p in pupils],
                                "clean_no_rare": [_expected_pupil(p) for p in no_rare]}
    write_clean(out / "clean.xlsx", pupils)
    write_csv(out / "clean_utf8.csv", pupils, "utf-8")
    write_csv(out / "clean_utf8_bom.csv", pupils, "utf-8-sig")
    write_csv(out / "clean_gbk.csv", no_rare, "gbk")
    write_csv(out / "clean_utf16.txt", pupils, "utf-16", delimiter="\t")
    lost = [dict(p) for p in no_rare[:5]]
    lost[2]["name"] = str(lost[2]["name"])[0] + "䶮"
    write_csv(out / "rare_lost_gbk.csv", lost, "gbk", errors="replace")
    write_last_row_error(out / "last_row_error.xlsx", pupils[:20])
    expected["messy"] = write_messy(out / "messy.xlsx")
    write_group_header(out / "group_header.xlsx", pupils[:6])
    write_two_sheets(out / "two_sheets.xlsx", pupils[:8])
    write_wrong_sheet(out / "wrong_sheet.xlsx")
    write_formulas(out / "formulas.xlsx", pupils[:5])
    write_header_only(out / "header_only.xlsx")
    write_empty_book(out / "empty_book.xlsx")
    (out / "empty.csv").write_bytes(b"")
    (out / "corrupt.xlsx").write_bytes((out / "clean.xlsx").read_bytes()[:700])
    write_encrypted(out / "encrypted.xlsx")
    write_ods(out / "roster.ods", pupils[:10])
    write_xls(out / "roster.xls", pupils[:10])
    (out / "expected.json").write_text(
        json.dumps(expected, ensure_ascii=False, indent=1, sort_keys=True) + "\n",
        encoding="utf-8")
    return expected


if __name__ == "__main__":
    build()
    print(f"fixtures written to {OUT}")
