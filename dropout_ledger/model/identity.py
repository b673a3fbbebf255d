"""Identity numbers: 身份证号, 全国学籍号, 学校标识码, 行政区划代码, and age-for-grade.

Pure functions over strings, so importers, forms and the UI all apply the same rules. Every
refusal is a `ValidationError` whose reason names the number in plain Chinese and whose fix says
what to look at; a refusal never echoes the whole ID number back (it may end up in a report).

Formats are those of domain.md §8: GB 11643-1999 (18 digits, ISO 7064 MOD 11-2 check) and the
legacy GB 11643-1989 (15 digits, no check), the G/J/L 学籍号, the 10-digit 学校标识码 and GB/T 2260
division codes extended to 9 (township) and 12 (village) digits.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from dropout_ledger.errors import Problem, ValidationError
from dropout_ledger.model.codes import PROVINCES, SCHOOL_CATEGORIES, codes_of, label_of

_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK_CHARS = "10X98765432"

# The standard's own published example (440524188001010014) is born in 1880, so the lower bound
# sits below it; anything earlier is a typo, not a person.
EARLIEST_BIRTH = date(1850, 1, 1)

# GB 11643 address codes are GB/T 2260 divisions, plus 830000 used by 台湾居民居住证 numbers
# (港澳台居民居住证 use 810000 / 820000 / 830000).
_ID_PROVINCES = codes_of(PROVINCES) | {"83"}
_DIVISION_PROVINCES = codes_of(PROVINCES)
# Province-level units without published subdivisions: their 6-digit code ends in 0000.
_UNDIVIDED_PROVINCES = frozenset({"71", "81", "82"})

# Full-width ASCII (U+FF01..U+FF5E) maps onto ASCII by a fixed offset; the ideographic space
# and other blanks are removed outright.
_FULL_WIDTH = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}
_INVISIBLE = {0x200B: None, 0x200C: None, 0x200D: None, 0xFEFF: None}
_SCIENTIFIC = re.compile(r"^\d(\.\d+)?E\+?\d+$")


def normalize_code(text: str) -> str:
    """Clean a typed or pasted code: drop all blanks, fold full-width characters, uppercase.

    Chinese input methods produce full-width digits and letters (０-９, Ｘ) and the ideographic
    space; spreadsheets add zero-width characters. None of these changes what the code means.
    """
    folded = text.translate(_FULL_WIDTH).translate(_INVISIBLE)
    return "".join(folded.split()).upper()


def id_check_char(first17: str) -> str:
    """The GB 11643-1999 check character (ISO 7064 MOD 11-2) for 17 leading digits.

    Raises ValueError if `first17` is not exactly 17 ASCII digits: that is a caller's bug.
    """
    if len(first17) != 17 or not first17.isascii() or not first17.isdigit():
        raise ValueError("id_check_char needs exactly 17 ASCII digits")
    total = sum(int(digit) * weight for digit, weight in zip(first17, _WEIGHTS, strict=True))
    return _CHECK_CHARS[total % 11]


def is_valid_checksum(number: str) -> bool:
    """Whether an 18-character number's last character matches its check character."""
    number = normalize_code(number)
    if len(number) != 18 or not number[:17].isascii() or not number[:17].isdigit():
        return False
    return id_check_char(number[:17]) == number[17]


@dataclass(frozen=True)
class IdInfo:
    """What an ID number says about its holder. `sex` uses the national code: 1 男, 2 女."""

    number: str
    region: str
    birth_date: date
    sex: str
    legacy: bool

    @property
    def masked(self) -> str:
        """The number as it may appear on lists: first 6 and last 4 only."""
        return mask_id_number(self.number)


def _refuse(field: str, reason: str, fix: str) -> ValidationError:
    return ValidationError(Problem(field=field, reason=reason, fix=fix))


def _refuse_id(reason: str, fix: str) -> ValidationError:
    return _refuse("id_number", reason, fix)


def _check_id_shape(number: str) -> None:
    """Refuse anything that is not 18 digits (last may be X) or 15 digits."""
    if not number:
        raise _refuse_id("身份证号是空的", "请填写18位居民身份证号")
    if _SCIENTIFIC.match(number):
        raise _refuse_id(
            "身份证号变成了科学计数法（如 5.2E+17），后几位已经丢失",
            "请在Excel里把这一列设为“文本”，再按证件重新输入",
        )
    body = number[:-1] if len(number) == 18 and number.endswith("X") else number
    bad = next((c for c in body if not ("0" <= c <= "9")), None)
    if bad is not None:
        raise _refuse_id(
            f"身份证号里有不该出现的字符“{bad}”",
            "身份证号只能是数字，18位号码的最后一位可以是X",
        )
    if len(number) not in (15, 18):
        raise _refuse_id(
            f"身份证号有{len(number)}位，应为18位",
            "请对照证件逐位核对，看是否多输或漏输了数字",
        )


def _check_id_checksum(number: str) -> None:
    expected = id_check_char(number[:17])
    if number[17] != expected:
        raise _refuse_id(
            f"身份证号校验不通过：按前17位计算，校验位应为 {expected}，现在是 {number[17]}",
            "多半是其中某一位输错了，请对照证件逐位核对，不要只改最后一位",
        )


def _check_id_region(region: str) -> None:
    if region[:2] not in _ID_PROVINCES:
        raise _refuse_id(
            f"身份证号前两位“{region[:2]}”不是有效的省级代码",
            "请核对前6位（户籍所在地代码）",
        )


def _check_id_birth(text: str, today: date, positions: str) -> date:
    """Turn YYYYMMDD into a date, refusing impossible, future and implausibly early dates."""
    try:
        birth = date(int(text[:4]), int(text[4:6]), int(text[6:8]))
    except ValueError:
        raise _refuse_id(
            f"身份证号里的出生日期{text[:4]}年{text[4:6]}月{text[6:8]}日不存在",
            f"请核对{positions}（出生日期）",
        ) from None
    if birth > today:
        raise _refuse_id("身份证号里的出生日期在今天之后", f"请核对{positions}（出生日期）")
    if birth < EARLIEST_BIRTH:
        raise _refuse_id(
            f"身份证号里的出生日期早于{EARLIEST_BIRTH.year}年", f"请核对{positions}（出生日期）"
        )
    return birth


def parse_id_number(text: str, *, today: date | None = None) -> IdInfo:
    """Check a 居民身份证号 and read region, birth date and sex from it.

    Accepts the 18-digit GB 11643-1999 number and the 15-digit GB 11643-1989 one (born 19YY,
    no check digit; sex from the last digit). Returns the normalised number (uppercase X).
    """
    number = normalize_code(text)
    _check_id_shape(number)
    legacy = len(number) == 15
    if not legacy:
        _check_id_checksum(number)
    _check_id_region(number[:6])
    if legacy:
        birth = _check_id_birth("19" + number[6:12], today or date.today(), "第7到12位")
        sex_digit = number[14]
    else:
        birth = _check_id_birth(number[6:14], today or date.today(), "第7到14位")
        sex_digit = number[16]
    sex = "1" if int(sex_digit) % 2 == 1 else "2"
    return IdInfo(number=number, region=number[:6], birth_date=birth, sex=sex, legacy=legacy)


def is_valid_id_number(text: str) -> bool:
    """Whether `parse_id_number` would accept the text."""
    try:
        parse_id_number(text)
    except ValidationError:
        return False
    return True


def upgrade_legacy_id(number: str) -> str:
    """The 18-digit form of a 15-digit number: insert the century "19" and add the check digit.

    This is how the 公安 system converted old numbers, so a G 学籍号 built from a converted ID
    can be compared with a pupil whose record still holds the 15-digit form.
    """
    info = parse_id_number(number)
    if not info.legacy:
        return info.number
    first17 = info.number[:6] + "19" + info.number[6:]
    return first17 + id_check_char(first17)


def mask_id_number(number: str) -> str:
    """Hide the middle of an ID number: keep the first 6 and last 4 characters.

    Only strings of 15 characters or more keep any characters: for anything shorter (a malformed
    number) keeping 6+4 would show most or all of it, so it becomes stars of the same length.
    """
    if len(number) < 15:
        return "*" * len(number)
    return number[:6] + "*" * (len(number) - 10) + number[-4:]


def mask_xjh(number: str) -> str:
    """Hide the middle of a 学籍号: a G number contains the whole ID number, so mask it too."""
    if len(number) < 16:
        return "*" * len(number)
    return number[0] + mask_id_number(number[1:])


@dataclass(frozen=True)
class XjhInfo:
    """A checked 全国学籍号: its form (G formal with ID, J formal without ID, L temporary) and any
    warnings that should be shown but must not block saving."""

    number: str
    form: str
    warnings: tuple[str, ...] = ()


_XJH_GJ = re.compile(r"[GJ]\d{17}[\dX]")
_XJH_L = re.compile(r"L\d{18}")
_XJH_FIX = "全国学籍号是字母G、J或L加18位（G后面通常就是身份证号）"


def _refuse_xjh(reason: str, fix: str = _XJH_FIX) -> ValidationError:
    return _refuse("xjh", reason, fix)


def _check_xjh_shape(number: str) -> None:
    """Refuse anything that is not letter + 18 characters of the right kind."""
    if not number:
        raise _refuse_xjh("学籍号是空的")
    if len(number) == 18 and number[0].isdigit():
        raise _refuse_xjh("学籍号少了开头的字母", "有身份证号的学生，学籍号是G加身份证号")
    if number[0] not in "GJL":
        raise _refuse_xjh(f"学籍号应以G、J或L开头，现在是“{number[0]}”")
    if len(number) != 19:
        raise _refuse_xjh(f"学籍号有{len(number)}位，应为19位")
    pattern = _XJH_L if number[0] == "L" else _XJH_GJ
    if not pattern.fullmatch(number):
        raise _refuse_xjh("学籍号里有不该出现的字符", _XJH_FIX + "，最后一位可以是X（L开头的不行）")


def _xjh_warnings(number: str, id_number: str | None) -> tuple[str, ...]:
    """G numbers should repeat the ID number; J check digits follow ID rules (unverified)."""
    warnings: list[str] = []
    if number[0] == "J" and not is_valid_checksum(number[1:]):
        warnings.append("学籍号J后的校验位与身份证规则不符，请与学籍系统核对")
    if number[0] == "G" and id_number:
        wanted = normalize_code(id_number)
        if len(wanted) == 15 and is_valid_id_number(wanted):
            wanted = upgrade_legacy_id(wanted)
        if number[1:] != wanted:
            warnings.append("学籍号G后的18位与身份证号不一致，请核对")
    return tuple(warnings)


def parse_xjh(text: str, *, id_number: str | None = None) -> XjhInfo:
    """Check a 全国学籍号 (19 characters, domain §8.2).

    G: letter + an 18-character ID number, check digit enforced. J: same layout, but the sources
    only *assume* the ID check rule, so a failing J check digit is a warning — refusing real
    numbers at import would be worse than flagging them. L: temporary, 18 digits, no check.
    A G number whose suffix differs from the pupil's ID number is a warning: the ID may have
    changed after the 学籍号 was issued.
    """
    number = normalize_code(text)
    _check_xjh_shape(number)
    if number[0] == "G" and not is_valid_checksum(number[1:]):
        expected = id_check_char(number[1:18])
        raise _refuse_xjh(
            f"学籍号校验不通过：G后的最后一位应为 {expected}，现在是 {number[18]}",
            "多半是其中某一位输错了，请与学籍系统逐位核对，不要只改最后一位",
        )
    return XjhInfo(number=number, form=number[0], warnings=_xjh_warnings(number, id_number))


@dataclass(frozen=True)
class SchoolCode:
    """A checked 学校标识码 and what its digits say: category (with label) and province."""

    code: str
    category: str
    category_label: str
    province: str


def parse_school_code(text: str) -> SchoolCode:
    """Check a 10-digit 学校标识码: 2-digit category + 2-digit province + 6-digit sequence."""
    code = normalize_code(text)
    fix = "学校标识码是10位数字，可在学籍系统的学校信息里查到"
    if len(code) != 10 or not code.isascii() or not code.isdigit():
        raise _refuse("school_code", f"学校标识码应为10位数字，现在是{len(code)}位", fix)
    category, province = code[:2], code[2:4]
    if category not in codes_of(SCHOOL_CATEGORIES):
        raise _refuse("school_code", f"学校标识码前两位“{category}”不是已知的学校类别", fix)
    if province not in _DIVISION_PROVINCES:
        raise _refuse("school_code", f"学校标识码第3、4位“{province}”不是有效的省级代码", fix)
    label = label_of(SCHOOL_CATEGORIES, category)
    return SchoolCode(code=code, category=category, category_label=label, province=province)


_DIVISION_PARTS = ((0, 2), (2, 4), (4, 6), (6, 9), (9, 12))
_LEVEL_NAMES = {6: "县级", 9: "乡镇级", 12: "村级"}


def _division_gap(code: str) -> bool:
    """Whether a non-zero part follows an all-zero part (a village under no township, say).

    County "00" is allowed under a real prefecture: cities without counties (东莞 441900,
    中山 442000) have their towns directly below the city.
    """
    seen_zero = False
    for start, end in _DIVISION_PARTS[1:]:
        part = code[start:end]
        if not part:
            break
        is_zero = set(part) == {"0"}
        if seen_zero and not is_zero:
            return True
        if is_zero and start != 4:
            seen_zero = True
    return False


def _division_names_unit(code: str) -> bool:
    """Whether the code names a unit at its own level rather than a zero-padded parent.

    A 6-digit code must at least name a prefecture (not a whole province, except 71/81/82);
    9 and 12 digits must end in a non-zero township or village part. Telling a prefecture from
    a city without counties needs the bundled code table, not structure.
    """
    if len(code) == 6:
        return code[2:4] != "00" or code[:2] in _UNDIVIDED_PROVINCES
    return set(code[-3:]) != {"0"}


def parse_division_code(
    text: str, *, lengths: tuple[int, ...] = (6, 9, 12), field: str = "village_code"
) -> str:
    """Check the structure of a 行政区划代码 (6 county / 9 township / 12 village digits).

    Checks are structural only — digits, an allowed length, a real province prefix, no village
    under an all-zero township, and a code that names a unit of its level. Whether the unit
    exists is a lookup in the bundled, versioned division table, not this function's job.
    """
    code = normalize_code(text)
    allowed = "、".join(f"{n}位" for n in lengths)
    fix = f"行政区划代码应为{allowed}数字，请按统计用区划代码填写"
    if not code.isascii() or not code.isdigit() or len(code) not in lengths:
        raise _refuse(field, f"行政区划代码“{code}”位数或字符不对", fix)
    if code[:2] not in _DIVISION_PROVINCES:
        raise _refuse(field, f"行政区划代码前两位“{code[:2]}”不是有效的省级代码", fix)
    if _division_gap(code):
        raise _refuse(field, "行政区划代码中间有一段全是0，后面却还有编号", fix)
    if len(code) in _LEVEL_NAMES and not _division_names_unit(code):
        level = _LEVEL_NAMES[len(code)]
        raise _refuse(field, f"行政区划代码末尾全是0，不是一个{level}单位的代码", fix)
    return code


def county_of(code: str) -> str:
    """The 6-digit county part of a 6-, 9- or 12-digit division code."""
    return code[:6]


def age_on(birth: date, on: date) -> int:
    """Age in whole years on a given day (the birthday itself counts)."""
    before_birthday = (on.month, on.day) < (birth.month, birth.day)
    return on.year - birth.year - (1 if before_birthday else 0)


def school_year_start(on: date) -> int:
    """The calendar year in which the school year containing `on` began (on 1 September)."""
    return on.year if on.month >= 9 else on.year - 1


def expected_grade(birth: date, on: date) -> int:
    """The grade a child born on `birth` should be in on `on`, by the usual entry-age rule.

    A child who is 6 by 31 August enters grade 1 that September. The result is not clamped:
    0 or less means not yet of school age, 10 or more means past junior school. Used to flag an
    age/grade mismatch, never to block a record (late entry and repetition are real).
    """
    entry_year = birth.year + (6 if (birth.month, birth.day) <= (8, 31) else 7)
    return school_year_start(on) - entry_year + 1
