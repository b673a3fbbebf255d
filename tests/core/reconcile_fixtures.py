"""County and village lists for the reconciliation tests, written with openpyxl (synthetic people).

A list looks like the ones villages send: a merged title, a header with 序号 and columns the
school roll does not have (户籍地址, 户主), a footer with the clerk's name. `person(...)` turns a
synthetic pupil's fields into a list row; `write_list` writes rows under that header.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from openpyxl import Workbook

HEADER = ["序号", "姓名", "性别", "出生日期", "身份证号", "户籍地址", "户主姓名", "备注"]
TITLE = "坪坝镇石门村2026年户籍适龄儿童名单"


def person(fields: dict[str, Any], *, name: str | None = None, id_number: str | None = None,
           birth: str | None = None) -> list[Any]:
    """One row (without 序号) for a child with these fields; any part may be overridden."""
    return [
        fields["name"] if name is None else name,
        "男" if fields.get("sex") == "1" else "女",
        fields["birth_date"] if birth is None else birth,
        fields["id_number"] if id_number is None else id_number,
        fields.get("address", "坪坝镇石门村一组"),
        "王大山",
        "",
    ]


def write_list(path: Path, rows: list[list[Any]], *, header: list[str] | None = None,
               title: str = TITLE, footer: bool = True) -> Path:
    """A county list: merged title, header, numbered rows, and a 制表人 line under them."""
    header = header or HEADER
    book = Workbook()
    sheet = book.active
    sheet.title = "名单"
    sheet.append([title])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(header))
    sheet.append(header)
    for number, row in enumerate(rows, start=1):
        sheet.append([number, *row])
    if footer:
        sheet.append([])
        sheet.append(["制表人：李会计", None, None, "审核：村委会"])
    book.save(path)
    return path
