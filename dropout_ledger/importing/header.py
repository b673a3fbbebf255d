"""Find the header row of a roster and decide which column holds which field.

Real rosters start with a merged title ("坪坝镇中心学校2025年秋季学生花名册"), sometimes a
line of notes, sometimes a group row over the header ("监护人" above "姓名 | 电话"), and their
headers carry stars, "(必填)" and format hints ("出生日期(YYYYMMDD)"). The exact headers of a
学籍 system export were never published (domain.md §8.1), so columns are recognised by a list
of aliases, and a person can override any choice with a mapping `{header text: field key}` that
the app saves in the county profile. Columns nobody recognises (学籍辅号, 户口性质, our own
错误说明 in an error report) are simply not used.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from dropout_ledger.errors import InputRefused
from dropout_ledger.importing.normalise import FIELD_INFO, Cell, text_of

SCAN_ROWS = 30  # the header is looked for in this many rows from the top

# Every alias is compared after `header_key`: NFKC (full-width brackets become ASCII), blanks
# and stars removed, lower case. Order inside a tuple does not matter; when two columns claim
# one field, the one whose alias comes first in ALIASES wins and the other stays unused.
ALIASES: dict[str, tuple[str, ...]] = {
    "name": ("姓名", "学生姓名", "学生名称", "名字"),
    "sex": ("性别", "性别码", "学生性别"),
    "birth_date": ("出生日期", "出生年月日", "生日", "出生时间", "出生年月"),
    "ethnicity": ("民族", "民族码", "民族代码"),
    "id_type": ("身份证件类型", "证件类型", "身份证件类型码"),
    "id_number": ("身份证件号", "身份证号", "身份证号码", "身份证件号码", "证件号码", "证件号",
                  "公民身份号码", "学生身份证号", "学生身份证号码"),
    "xjh": ("全国学籍号", "学籍号", "全国学籍号码", "学籍号码", "学籍编号", "学生学籍号"),
    "grade": ("年级", "年级名称", "所在年级", "现年级", "就读年级"),
    "class_name": ("班级", "班级名称", "班别", "班", "所在班级", "班号", "就读班级"),
    "enrolled": ("入学年月", "入学时间", "入学日期"),
    "address": ("家庭住址", "现住址", "家庭地址", "住址", "居住地址", "家庭详细住址"),
    "village_name": ("村(居)", "所在村", "村居", "村(社区)", "户籍所在村", "村", "村委会"),
    "village_code": ("村(居)区划代码", "村居代码", "村级区划代码", "村(居)代码"),
    "boarding": ("是否住校", "住校", "是否寄宿", "寄宿生", "是否寄宿生"),
    "boarding_mode": ("就读方式",),
    "left_behind": ("是否留守儿童", "留守儿童", "留守情况", "是否留守", "留守儿童类型"),
    "orphan": ("是否孤儿", "孤儿"),
    "migrant": ("是否进城务工人员随迁子女", "随迁子女", "是否随迁子女"),
    "disability_type": ("残疾人类型", "残疾类型", "残疾类别"),
    "inclusive": ("随班就读", "是否随班就读"),
    "guardian1_name": ("监护人", "监护人姓名", "家长姓名", "成员1姓名", "家庭成员1姓名",
                       "监护人1姓名", "第一监护人", "第一监护人姓名", "家长"),
    "guardian1_relation": ("与学生关系", "监护人关系", "成员1关系", "家庭成员1关系",
                           "监护人1关系", "关系", "监护人与学生关系"),
    "guardian1_phone": ("联系电话", "监护人电话", "家长电话", "监护人联系电话", "成员1联系电话",
                        "家庭成员1联系电话", "监护人1电话", "家长联系电话", "联系方式",
                        "手机号码", "电话"),
    "guardian2_name": ("成员2姓名", "家庭成员2姓名", "监护人2姓名", "第二监护人",
                       "第二监护人姓名"),
    "guardian2_relation": ("成员2关系", "家庭成员2关系", "监护人2关系"),
    "guardian2_phone": ("成员2联系电话", "家庭成员2联系电话", "监护人2电话", "第二监护人电话"),
    "note": ("备注", "说明"),
}

_STARS = str.maketrans("", "", "*★☆※＊")
_TRAILING_NOTE = re.compile(r"\([^()]*\)$")


def header_key(text: str) -> str:
    """A header as compared with aliases: NFKC, no blanks or stars, lower case."""
    folded = unicodedata.normalize("NFKC", text).translate(_STARS)
    return "".join(folded.split()).lower()


def _alias_index() -> dict[str, tuple[str, int]]:
    index: dict[str, tuple[str, int]] = {}
    for rank, (field, names) in enumerate(ALIASES.items()):
        for alias in names:
            index.setdefault(header_key(alias), (field, rank))
    return index


_INDEX = _alias_index()


def field_for(text: str) -> str | None:
    """The field a header names, trying it whole and then without a trailing "(…)" note."""
    key = header_key(text)
    while key:
        found = _INDEX.get(key)
        if found is not None:
            return found[0]
        stripped = _TRAILING_NOTE.sub("", key)
        if stripped == key:
            return None
        key = stripped
    return None


@dataclass(frozen=True)
class Column:
    """One column of the header: where it is, what it says, and which field it feeds."""

    index: int  # position in each row list read from the sheet
    letter: str  # the spreadsheet's column letter (A, B, … AA)
    header: str  # the header text as a person reads it
    field: str | None  # an import field key, or None when the column is not used


@dataclass(frozen=True)
class Header:
    """The header row (the spreadsheet's own row number) and every column under it."""

    row: int
    columns: tuple[Column, ...]

    def column_for(self, field: str) -> Column | None:
        return next((c for c in self.columns if c.field == field), None)

    @property
    def mapping(self) -> dict[str, str | None]:
        """{header text: field or None}: what the app saves so the next import maps the same."""
        return {c.header: c.field for c in self.columns if c.header}


def column_letter(index: int) -> str:
    """0 → A, 25 → Z, 26 → AA."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _texts(row: Sequence[Cell]) -> list[str]:
    return ["" if c is None else " ".join(text_of(c).split()) for c in row]


def _group_labels(above: list[str], width: int) -> list[str]:
    """The row above a header, each label carried right over the empty cells a merge leaves.

    Only a row with at least two labels is a group row; a lone merged title is not.
    """
    if sum(1 for t in above if t) < 2:
        return [""] * width
    labels, current = [], ""
    for index in range(width):
        text = above[index] if index < len(above) else ""
        current = text or current
        labels.append(current)
    return labels


def _score(texts: list[str]) -> set[str]:
    return {field for field in map(field_for, texts) if field}


def _assign(texts: list[str], groups: list[str]) -> list[str | None]:
    """One field per column; a field claimed twice goes to the column named more exactly."""
    fields: list[str | None] = [None] * len(texts)
    claims: dict[str, tuple[int, int]] = {}  # field → (rank, column)
    for column, text in enumerate(texts):
        if not text:
            continue
        group = groups[column]
        candidates = [group + text, group.removesuffix("信息") + text, text] if group else [text]
        for candidate in candidates:
            field = field_for(candidate)
            if field is None:
                continue
            rank = _rank(candidate, field)
            held = claims.get(field)
            if held is None or rank < held[0]:
                if held is not None:
                    fields[held[1]] = None
                claims[field] = (rank, column)
                fields[column] = field
            break
    return fields


def _rank(text: str, field: str) -> int:
    """Position of the alias in its list (earlier aliases are the more exact names)."""
    key = header_key(text)
    names = [header_key(a) for a in ALIASES[field]]
    while key:
        if key in names:
            return names.index(key)
        stripped = _TRAILING_NOTE.sub("", key)
        if stripped == key:
            break
        key = stripped
    return len(names)


def find_header(
    top_rows: Sequence[Sequence[Cell]], *, first_column: int = 0,
    mapping: Mapping[str, str | None] | None = None, header_row: int | None = None,
    require: bool = True,
) -> Header:
    """Find the header among the first rows (row 1 first) and map its columns to fields.

    `mapping` overrides the automatic choice for the headers it names (None: not used);
    `header_row` (the spreadsheet's row number) skips the search. Raises InputRefused when no
    row names at least the pupil's name and an ID number or 学籍号, or (with `require`) when
    the header lacks a column an import needs. `require=False` is for the wizard, which shows
    an incomplete header so that the person can say which column is the missing one.
    """
    rows = [_texts(r) for r in top_rows[:SCAN_ROWS]]
    if header_row is not None:
        if not 1 <= header_row <= len(rows):
            raise InputRefused(f"第{header_row}行不在表格的前{len(rows)}行之内，不能作为表头。")
        chosen = header_row - 1
    else:
        chosen = _best_row(rows, mapping)
    texts = rows[chosen]
    groups = _group_labels(rows[chosen - 1], len(texts)) if chosen > 0 else [""] * len(texts)
    fields = _assign(texts, groups)
    shown = [_shown(groups[i], t) if fields[i] else t for i, t in enumerate(texts)]
    if mapping:
        fields = _override(shown, fields, mapping)
    columns = tuple(
        Column(index=i, letter=column_letter(first_column + i), header=shown[i], field=fields[i])
        for i in range(len(texts))
    )
    header = Header(row=chosen + 1, columns=columns)
    if require:
        _require(header)
    return header


def _shown(group: str, text: str) -> str:
    """The header as the field was recognised: with its group label when that was needed."""
    for candidate in (group + text, group.removesuffix("信息") + text):
        if group and field_for(candidate):
            return candidate
    return text


def _best_row(rows: list[list[str]], mapping: Mapping[str, str | None] | None) -> int:
    best, best_score = -1, 1
    for number, texts in enumerate(rows):
        fields = _score(texts)
        if mapping:
            fields |= {f for t in texts if (f := mapping.get(t))}
        if "name" not in fields or not fields & {"id_number", "xjh"}:
            continue
        if len(fields) > best_score:
            best, best_score = number, len(fields)
    if best < 0:
        raise InputRefused(
            f"在表格的前{min(len(rows), SCAN_ROWS)}行中找不到表头：没有一行同时写着“姓名”和"
            "“身份证号”（或“全国学籍号”）。请确认选择的是学生名单所在的工作表，"
            "或在导入向导中指定表头行和各列的含义。"
        )
    return best


def _override(
    texts: list[str], fields: list[str | None], mapping: Mapping[str, str | None]
) -> list[str | None]:
    out = list(fields)
    wanted_fields = [f for t in texts if t in mapping and (f := mapping[t])]
    doubled = sorted({f for f in wanted_fields if wanted_fields.count(f) > 1})
    if doubled:
        labels = "、".join(FIELD_INFO[f].label if f in FIELD_INFO else f for f in doubled)
        raise InputRefused(f"有两列都被指定为“{labels}”，每一项只能对应一列。")
    for index, text in enumerate(texts):
        if text not in mapping:
            continue
        wanted = mapping[text] or None
        if wanted is not None and wanted not in FIELD_INFO:
            raise InputRefused(f"列“{text}”指定的项目“{wanted}”不存在。")
        if wanted is not None:  # the field moves here from wherever it was found
            out = [None if f == wanted else f for f in out]
        out[index] = wanted
    return out


def missing_fields(header: Header) -> list[str]:
    """What an import needs and `header` lacks, as Chinese labels ([] when it is complete)."""
    present = {c.field for c in header.columns if c.field}
    missing = [FIELD_INFO[f].label for f in ("name", "grade") if f not in present]
    if not present & {"id_number", "xjh"}:
        missing.append("身份证号或全国学籍号")
    return missing


def _require(header: Header) -> None:
    missing = missing_fields(header)
    if missing:
        raise InputRefused(
            f"第{header.row}行表头中没有“{'”“'.join(missing)}”列，无法导入。"
            "请在表格中补上这一列，或在导入向导中指定哪一列是它。"
        )


# --- the mapping a person chose, as kept in the county profile ---------------------------------

NOT_IMPORTED = "-"
"""The profile's word for "this column is not imported" (a code table cannot hold None)."""


def mapping_from_profile(table: Sequence[Mapping[str, str]] | None) -> dict[str, str | None]:
    """The saved mapping in profile field `import_mapping` as {header text: field or None}.

    The code table's codes are header texts and its labels field keys (or NOT_IMPORTED); an
    entry naming a field this version does not know is dropped rather than refused, so an old
    or newer profile never stops an import.
    """
    out: dict[str, str | None] = {}
    for entry in table or ():
        header = str(entry.get("code", "")).strip()
        field = str(entry.get("label", "")).strip()
        if header and field == NOT_IMPORTED:
            out[header] = None
        elif header and field in FIELD_INFO:
            out[header] = field
    return out


def mapping_to_profile(mapping: Mapping[str, str | None]) -> list[dict[str, str]]:
    """{header text: field or None} as the code table profile field `import_mapping` stores."""
    return [{"code": header, "label": field or NOT_IMPORTED}
            for header, field in mapping.items() if header.strip()]
