"""Turn one spreadsheet cell into the value the core's field rules expect, or say why not.

Principals' rosters come from the 学籍 system, from WPS and Excel by hand, and from CSV saved on
Chinese Windows, so the same fact arrives spelt many ways: full-width digits, a leading
apostrophe typed to force text, 三年级 / 3 / 初一 / 七年级, （2）班 / 2班 / 2, dates as text or as
real date cells. Each function here folds those spellings onto one canonical form so that a
re-import of the same roster compares equal, and leaves the judging (checksums, real dates,
age for grade) to the core (`model.fields`, `model.identity`, `model.student`).

What is never folded: a long code (ID number, 学籍号) that arrived as a *number*. Excel keeps 15
significant digits, so an 18-digit ID stored as a number has already lost its last digits; the
only honest answer is an error that tells the principal to retype it as text (design README §3).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from dropout_ledger.model import codes
from dropout_ledger.model.identity import normalize_code

Cell = str | int | float | bool | dt.date | dt.datetime | dt.time | dt.timedelta | None


class CellProblem(Exception):
    """One cell cannot be read as its field: the reason and the fix, in Chinese."""

    def __init__(self, reason: str, fix: str = "") -> None:
        super().__init__(reason)
        self.reason = reason
        self.fix = fix


@dataclass(frozen=True)
class FieldInfo:
    """An import target: the stored key (or an import-only key), its label, how to read it."""

    key: str
    label: str
    kind: str


# Import targets, in the order a mapping dialog lists them. Most are student fields (same key
# as model/student.py); `boarding_mode` is the 学籍 code 就读方式 (1 走读, 2 住校) that becomes
# `boarding`; guardian parts become the `guardians` list; `enrolled` (入学年月) is the effective
# date of the pupil's first status, not a field.
FIELDS: tuple[FieldInfo, ...] = (
    FieldInfo("name", "姓名", "name"),
    FieldInfo("sex", "性别", "sex"),
    FieldInfo("birth_date", "出生日期", "date"),
    FieldInfo("ethnicity", "民族", "ethnicity"),
    FieldInfo("id_type", "身份证件类型", "id_type"),
    FieldInfo("id_number", "身份证号", "id_number"),
    FieldInfo("xjh", "全国学籍号", "xjh"),
    FieldInfo("grade", "年级", "grade"),
    FieldInfo("class_name", "班级", "class"),
    FieldInfo("enrolled", "入学年月", "month"),
    FieldInfo("address", "家庭住址", "text"),
    FieldInfo("village_name", "村（居）", "text"),
    FieldInfo("village_code", "村（居）区划代码", "digits"),
    FieldInfo("boarding", "是否住校", "bool"),
    FieldInfo("boarding_mode", "就读方式", "boarding_mode"),
    FieldInfo("left_behind", "留守儿童", "left_behind"),
    FieldInfo("orphan", "孤儿", "bool"),
    FieldInfo("migrant", "随迁子女", "bool"),
    FieldInfo("disability_type", "残疾类型", "disability"),
    FieldInfo("inclusive", "随班就读", "bool"),
    FieldInfo("guardian1_name", "监护人姓名", "name"),
    FieldInfo("guardian1_relation", "监护人关系", "relation"),
    FieldInfo("guardian1_phone", "监护人电话", "phone"),
    FieldInfo("guardian2_name", "第二监护人姓名", "name"),
    FieldInfo("guardian2_relation", "第二监护人关系", "relation"),
    FieldInfo("guardian2_phone", "第二监护人电话", "phone"),
    FieldInfo("note", "备注", "text"),
)
FIELD_INFO: dict[str, FieldInfo] = {f.key: f for f in FIELDS}

_APOSTROPHES = "'‘’`"
_CN_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
              "十": 10}
_JUNIOR = {"一": 7, "二": 8, "三": 9, "1": 7, "2": 8, "3": 9}


def is_blank(cell: Cell) -> bool:
    """Empty cells, and text that is only blanks or a lone apostrophe."""
    if cell is None:
        return True
    if isinstance(cell, str):
        return not cell.strip().lstrip(_APOSTROPHES).strip()
    return False


def text_of(cell: Cell) -> str:
    """A cell as the text a person sees: stripped, NFC, without the leading apostrophe."""
    if cell is None:
        return ""
    if isinstance(cell, str):
        return unicodedata.normalize("NFC", cell.strip().lstrip(_APOSTROPHES).strip())
    if isinstance(cell, bool):
        return "是" if cell else "否"
    if isinstance(cell, float) and cell.is_integer() and abs(cell) < 1e15:
        return str(int(cell))
    if isinstance(cell, dt.datetime):
        return cell.date().isoformat() if cell.time() == dt.time() else cell.isoformat(" ")
    if isinstance(cell, dt.date | dt.time):
        return cell.isoformat()
    return str(cell)


def _folded(cell: Cell) -> str:
    """Text with full-width ASCII folded and every blank removed (for codes and numbers)."""
    if isinstance(cell, str) and cell.isascii() and cell.isalnum():
        return cell.upper()  # the usual cell: nothing to fold (checked first, for speed)
    return normalize_code(text_of(cell))


def _small_int(cell: Cell) -> int | None:
    """A whole number cell or digit text (full-width allowed) as int; None if it is not one."""
    if isinstance(cell, bool):
        return None
    if isinstance(cell, int):
        return cell
    if isinstance(cell, float):
        return int(cell) if cell.is_integer() else None
    text = _folded(cell)
    return int(text) if text.isascii() and text.isdigit() and len(text) <= 3 else None


def _cn_number(text: str) -> int | None:
    """一…九, 十, 十一…: the numerals that appear in grade and class names."""
    if text in _CN_DIGITS:
        return _CN_DIGITS[text]
    if len(text) == 2 and text[0] == "十" and text[1] in _CN_DIGITS:
        return 10 + _CN_DIGITS[text[1]]
    if len(text) in (2, 3) and text[0] in _CN_DIGITS and text[1] == "十":
        rest = text[2:]
        ones = _CN_DIGITS.get(rest, 0) if rest else 0
        return _CN_DIGITS[text[0]] * 10 + ones
    return None


# --- codes that must arrive as text ----------------------------------------------------------


def _refuse_number(cell: Cell, reason: str) -> None:
    if isinstance(cell, int | float) and not isinstance(cell, bool):
        raise CellProblem(reason, _RETYPE)


_RETYPE = "请在Excel中把这一列设为“文本”格式，再对照证件逐个重新输入；只改格式找不回丢失的数字"


def id_number(cell: Cell) -> str:
    """An ID number as text for `parse_id_number`; a numeric cell is an error, never fixed."""
    _refuse_number(cell, "身份证号是数字格式：Excel 只保留15位有效数字，后几位已经丢失")
    return _folded(cell)


def xjh(cell: Cell) -> str:
    """A 全国学籍号 as text; a numeric cell has lost its letter and digits."""
    _refuse_number(cell, "学籍号是数字格式：开头的字母和后几位数字已经丢失")
    return _folded(cell)


def digits(cell: Cell) -> str:
    """A division code. As a number it is exact up to 15 digits and never starts with 0."""
    if isinstance(cell, float) and not (cell.is_integer() and 0 < cell < 1e15):
        raise CellProblem("区划代码是数字格式且不完整", "请把这一列设为“文本”格式后重新输入")
    return _folded(cell)


def phone(cell: Cell) -> str:
    """A phone number. A mobile number survives as a number; a landline loses its leading 0."""
    if isinstance(cell, int | float) and not isinstance(cell, bool):
        text = text_of(cell)
        if not (len(text) == 11 and text.startswith("1")):
            raise CellProblem(
                "联系电话是数字格式，座机号开头的0可能已经丢失",
                "请把这一列设为“文本”格式，座机写作 0854-1234567",
            )
        return text
    return _folded(cell).replace("－", "-").replace("—", "-")


# --- people -------------------------------------------------------------------------------

# Replacement marks left where a character could not be encoded: Excel writes "?" for a rare
# character that GBK lacks (䶮, 𠅤…), decoders write U+FFFD.
_LOST = ("?", "？", "\ufffd")


def name(cell: Cell) -> str:
    """A name with every blank removed and rare characters (Ext-A…) kept exactly."""
    if isinstance(cell, int | float | dt.date) and not isinstance(cell, bool):
        raise CellProblem("姓名不能是数字或日期")
    value = "".join(text_of(cell).split())
    if any(mark in value for mark in _LOST):
        raise CellProblem(
            f"姓名“{value}”中有问号，多半是生僻字在另存为CSV时丢失了",
            "请在原表中核对姓名，另存为 .xlsx 再导入；CSV 的 GBK 编码存不下生僻字",
        )
    return value


def sex(cell: Cell) -> str:
    """男/女, 1/2 (the national code), 男性/女性, M/F → "1"/"2"."""
    text = _folded(cell)
    value = {"男": "1", "男性": "1", "1": "1", "M": "1", "女": "2", "女性": "2", "2": "2",
             "F": "2"}.get(text)
    if value is None:
        raise CellProblem(f"性别“{text}”无法识别", "请填写“男”或“女”，或代码1、2")
    return value


_ETHNICITY_BY_SHORT = {e.label.removesuffix("族"): e.code for e in codes.ETHNICITY}


def ethnicity(cell: Cell) -> str:
    """01 / 1 / 汉族 / 汉 → the GB/T 3304 code ("01"); unknown text goes to the core as is."""
    number = _small_int(cell)
    if number is not None:
        return f"{number:02d}"
    text = _folded(cell)
    for entry in codes.ETHNICITY:
        if text == entry.label:
            return entry.code
    return _ETHNICITY_BY_SHORT.get(text, text)


def id_type(cell: Cell) -> str:
    """1 / 居民身份证 / 身份证 → the 学籍 code; other labels pass to the core's code table."""
    text = _folded(cell)
    if text in ("身份证", "居民身份证号", "二代身份证"):
        return "1"
    for entry in codes.ID_TYPES:
        if text in (entry.code, entry.label):
            return entry.code
    return text


# --- school ---------------------------------------------------------------------------------

_GRADE_WORDS = re.compile(r"^(?:小学)?([一二三四五六七八九1-9])年级$")
_JUNIOR_WORDS = re.compile(r"^(?:初中([一二三123])年级|初([一二三123]))$")


def grade(cell: Cell) -> int:
    """3 / 03 / 三 / 三年级 / 小学三年级 / 七年级 / 初一 / 初中一年级 → 1…9."""
    number = _small_int(cell)
    if number is None:
        text = _folded(cell)
        if (match := _GRADE_WORDS.match(text)) is not None:
            number = _digit(match.group(1))
        elif (match := _JUNIOR_WORDS.match(text)) is not None:
            number = _JUNIOR[match.group(1) or match.group(2)]
        else:
            number = _cn_number(text)
        if number is None:
            raise CellProblem(
                f"年级“{text}”无法识别", "请填写1至9的年级，如“三年级”“3”“初一”或“七年级”"
            )
    if not 1 <= number <= 9:
        raise CellProblem(f"年级“{number}”不在义务教育阶段", "年级应为1至9（初一即七年级）")
    return number


def _digit(char: str) -> int:
    return int(char) if char.isdigit() else _CN_DIGITS[char]


# An optional grade in front ("三年级", "初一", or one grade character before a bracket, as in
# 三(2)班), then the class number, bracketed or not, then an optional 班.
_CLASS_NUMBER = re.compile(
    r"^(?:(?:小学|初中)?[一二三四五六七八九1-9]年级|初[一二三123]|[一二三四五六七八九1-9](?=\())?"
    r"\(?([0-9]{1,2}|[一二三四五六七八九十]{1,3})\)?班?$"
)


def class_name(cell: Cell) -> str:
    """2 / 02 / 2班 / （2）班 / 二班 / 三年级（2）班 / 初一(2)班 → "2班"; other names kept."""
    number = _small_int(cell)
    if number is not None:
        return f"{number}班"
    text = _folded(cell)
    match = _CLASS_NUMBER.match(text)
    if match is not None:
        part = match.group(1)
        value = int(part) if part.isdigit() else _cn_number(part)
        if value is not None:
            return f"{value}班"
    return text_of(cell)


_MONTH = re.compile(r"^(\d{4})[-/.年]?(\d{1,2})月?$")


def month(cell: Cell) -> str:
    """入学年月: 201509 / 2015-09 / 2015年9月 / a date cell → the first day of that month."""
    if isinstance(cell, dt.date | dt.datetime):
        return date(cell)[:8] + "01"
    text = _folded(_before_time(cell))
    full = _date_text(text)
    if full is not None:
        return full[:8] + "01"
    match = _MONTH.match(text)
    if match is None or not 1 <= int(match.group(2)) <= 12:
        raise CellProblem(f"入学年月“{text}”无法识别", "请按“201509”或“2015-09”的格式填写")
    return f"{match.group(1)}-{int(match.group(2)):02d}-01"


# --- dates ----------------------------------------------------------------------------------

_DATE = re.compile(r"^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$")
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")


def _date_text(text: str) -> str | None:
    match = _DATE.match(text) or _COMPACT.match(text)
    if match is None:
        return None
    year, mon, day = match.groups()
    return f"{year}-{int(mon):02d}-{int(day):02d}"


def _before_time(cell: Cell) -> Cell:
    """"2015/3/2 0:00" (how Excel writes a date cell into CSV) → "2015/3/2"."""
    if isinstance(cell, str) and ":" in cell:
        return cell.strip().split()[0]
    return cell


def date(cell: Cell) -> str:
    """2015-03-02 / 20150302 / 2015/3/2 / 2015.3.2 / 2015年3月2日 / a date cell → 2015-03-02.

    The result is only *shaped* like a date: whether the day exists is the core's check, so an
    impossible 2015-02-30 is reported in the core's words.
    """
    if isinstance(cell, dt.datetime):
        return cell.date().isoformat()
    if isinstance(cell, dt.date):
        return cell.isoformat()
    text = _folded(_before_time(cell))
    if isinstance(cell, float | int) and not isinstance(cell, bool) and len(text) != 8:
        raise CellProblem(
            f"日期“{text}”是一个数字，不是日期", "请按 2015-03-02 或 20150302 的格式填写"
        )
    value = _date_text(text)
    if value is None:
        raise CellProblem(f"日期“{text}”无法识别", "请按 2015-03-02 或 20150302 的格式填写")
    return value


# --- yes/no and small code tables ------------------------------------------------------------

_YES = {"是", "1", "Y", "YES", "TRUE", "√", "✓", "有"}
_NO = {"否", "0", "N", "NO", "FALSE", "无", "×", "不是"}


def boolean(cell: Cell) -> bool:
    """是/否, 1/0, √, TRUE/FALSE → True/False."""
    if isinstance(cell, bool):
        return cell
    text = _folded(cell)
    if text in _YES:
        return True
    if text in _NO:
        return False
    raise CellProblem(f"“{text}”不是“是”或“否”", "请填写“是”或“否”")


def boarding_mode(cell: Cell) -> bool:
    """就读方式: 1 走读, 2 住校 (学籍 codes) → whether the pupil boards."""
    text = _folded(cell)
    if text in ("2", "住校", "寄宿"):
        return True
    if text in ("1", "走读"):
        return False
    raise CellProblem(f"就读方式“{text}”无法识别", "请填写“走读”或“住校”，或代码1、2")


_LEFT_BEHIND = {
    "0": "0", "否": "0", "非留守": "0", "不是": "0", "无": "0",
    "1": "1", "单亲留守": "1", "单亲外出留守": "1", "单亲外出": "1",
    "2": "2", "双亲留守": "2", "双亲外出留守": "2", "双亲外出": "2",
}  # fmt: skip


def left_behind(cell: Cell) -> str:
    """是否留守儿童: 0/1/2 or 非留守/单亲留守/双亲留守 → the 学籍 code.

    A bare "是" says neither which parent is away nor that both are; guessing would put a
    wrong fact in the ledger, so it is refused with the words to use instead.
    """
    text = _folded(cell)
    value = _LEFT_BEHIND.get(text)
    if value is None:
        raise CellProblem(
            f"留守儿童“{text}”无法识别", "请填写“非留守”“单亲留守”或“双亲留守”，或代码0、1、2"
        )
    return value


def disability(cell: Cell) -> str:
    """残疾类型: code, label or 无 → the code ("" for none)."""
    text = _folded(cell)
    if text in ("无", "否", "0", "非残疾"):
        return ""
    for entry in codes.DISABILITY_TYPES:
        if text in (entry.code, entry.label, entry.label.removesuffix("残疾")):
            return entry.code
    return text


_RELATIONS = {
    "父亲": "father", "父": "father", "爸爸": "father", "母亲": "mother", "母": "mother",
    "妈妈": "mother", "祖父": "grandfather", "爷爷": "grandfather", "祖母": "grandmother",
    "奶奶": "grandmother", "外祖父": "maternal_grandfather", "外公": "maternal_grandfather",
    "姥爷": "maternal_grandfather", "外祖母": "maternal_grandmother", "外婆": "maternal_grandmother",
    "姥姥": "maternal_grandmother", "哥哥": "sibling", "姐姐": "sibling", "兄": "sibling",
    "姐": "sibling", "兄姐": "sibling", "叔叔": "uncle_aunt", "伯伯": "uncle_aunt",
    "姑姑": "uncle_aunt", "舅舅": "uncle_aunt", "阿姨": "uncle_aunt", "姨妈": "uncle_aunt",
    "叔伯姑舅姨": "uncle_aunt",
}  # fmt: skip


def relation(cell: Cell) -> str:
    """父亲/爸爸/母亲/奶奶/外婆… → the guardian relation code; anything else is "other"."""
    text = text_of(cell)
    for entry in codes.GUARDIAN_RELATIONS:
        if text in (entry.code, entry.label):
            return entry.code
    return _RELATIONS.get(text, "other")


def plain_text(cell: Cell) -> str:
    """Free text (addresses, notes): stripped and NFC, nothing else touched."""
    return text_of(cell)


READERS: dict[str, Any] = {
    "name": name, "sex": sex, "date": date, "ethnicity": ethnicity, "id_type": id_type,
    "id_number": id_number, "xjh": xjh, "grade": grade, "class": class_name, "month": month,
    "text": plain_text, "digits": digits, "bool": boolean, "boarding_mode": boarding_mode,
    "left_behind": left_behind, "disability": disability, "relation": relation, "phone": phone,
}  # fmt: skip


def read_cell(key: str, cell: Cell) -> Any:
    """The value of import target `key` in `cell`; raises CellProblem when it cannot be read."""
    return READERS[FIELD_INFO[key].kind](cell)
