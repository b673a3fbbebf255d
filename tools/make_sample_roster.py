"""Write resources/samples/sample_roster.xlsx: the small roster the self-test imports.

    .venv/bin/python tools/make_sample_roster.py        (Windows: .venv\\Scripts\\python …)

The bundle's `--self-test` (dropout_ledger/selftest.py) imports this file into a scratch ledger
to prove, on the machine it was installed on, that reading a 学籍 roster works end to end. So it
looks like the national system's export: a title row above the header, Chinese headers, grades
written as 一年级…九年级, ID numbers and 学籍号 as text. Every pupil comes from
`SyntheticFactory` (a fictional county, valid fake ID numbers): no real person is in it.

Two names are given a rare character on purpose (䶮 from CJK Extension A, 𠅤 from Extension B),
so the self-test's printed form needs the fallback fonts too and proves they are bundled.
The file is committed; rerun this tool only to change the sample (tests/core/test_selftest.py
checks that the committed file still holds what this tool writes).
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script from the checkout
    sys.path.insert(0, str(ROOT))

from dropout_ledger.resources import resource_path  # noqa: E402
from dropout_ledger.synthetic import RARE_CHARACTERS, SyntheticFactory  # noqa: E402

PUPILS = 36
"""Four per grade: small enough to import in well under a second, enough for a 2-page 台账."""
SEED = 20261
MADE_ON = dt.date(2026, 9, 1)
"""The pupils' ages are those of grades 1–9 at the start of the 2026 school year."""
TITLE = "坪坝镇中心学校学生花名册（样例，全部为虚构人物）"
HEADER = ["序号", "姓名", "性别", "出生日期", "民族", "身份证号", "全国学籍号", "年级", "班级",
          "家庭住址", "监护人", "联系电话"]
GRADE_WORDS = "一二三四五六七八九"
RARE_NAMES = {4: RARE_CHARACTERS[0], 13: RARE_CHARACTERS[3]}
"""Row index → the rare character that replaces the last character of that pupil's name."""


def sample_rows() -> list[list[Any]]:
    """The sample's data rows (without title and header), deterministic for SEED."""
    factory = SyntheticFactory(SEED)
    rows: list[list[Any]] = []
    for index in range(PUPILS):
        p = factory.student(grade=index % 9 + 1, today=MADE_ON)
        name = str(p["name"])
        if index in RARE_NAMES:
            name = name[:-1] + RARE_NAMES[index]
        guardians = p["guardians"]
        guardian = guardians[0] if isinstance(guardians, list) and guardians else {}
        rows.append([
            index + 1, name, "男" if p["sex"] == "1" else "女", p["birth_date"], p["ethnicity"],
            p["id_number"], p["xjh"], f"{GRADE_WORDS[int(str(p['grade'])) - 1]}年级",
            p["class_name"], p["address"], guardian.get("name", ""), guardian.get("phone", ""),
        ])
    return rows


def write(out: Path) -> Path:
    """Write the sample roster to `out` (an .xlsx path); returns `out`."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "学生名单"
    sheet.append([TITLE])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(HEADER))
    sheet.append(HEADER)
    for cell in sheet[2]:
        cell.font = Font(bold=True)
    for row in sample_rows():
        sheet.append(row)
        for column in (6, 7, 12):  # ID number, 学籍号, phone: text, as the national export has
            sheet.cell(row=sheet.max_row, column=column).number_format = "@"
    book.properties.creator = "Dropout Ledger tools/make_sample_roster.py"
    book.properties.created = dt.datetime(2026, 9, 1)
    out.parent.mkdir(parents=True, exist_ok=True)
    book.save(out)
    return out


def main() -> int:
    target = resource_path("samples", "sample_roster.xlsx")
    print(write(target))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
