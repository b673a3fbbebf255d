"""Excel out, Excel in: a whole-roll export imported into an empty school gives the same pupils.

This is how a principal moves a roll to a new computer or hands the county a sheet it sends
back corrected, so every field the export carries must survive the trip — guardians included.
"""

from __future__ import annotations

from pathlib import Path

from dropout_ledger.exporting import export_roster
from dropout_ledger.importing import apply_import, plan_import
from dropout_ledger.ledger import Ledger
from dropout_ledger.services.demo import ensure_demo

KEPT = ("name", "sex", "birth_date", "ethnicity", "id_number", "xjh", "grade", "class_name",
        "village_code", "address", "guardians")


def _pupils(ledger: Ledger) -> dict[str, dict[str, object]]:
    pupils = {}
    for row in ledger.queries.iter_roster("all"):
        student = ledger.queries.student(row.student_id)
        assert student is not None
        pupils[student["id_number"]] = {key: student[key] for key in KEPT}
    return pupils


def test_an_exported_roll_imports_into_an_empty_school_unchanged(tmp_path: Path) -> None:
    source = tmp_path / "school.sqlite"
    ensure_demo(source, students=150)
    sheet = tmp_path / "roll.xlsx"
    with Ledger.open(source) as ledger:
        export_roster(ledger, "all", sheet, role="principal", full_ids=True, all_columns=True)
        before, org = _pupils(ledger), ledger.org
    copy = tmp_path / "copy.sqlite"
    with Ledger.create(copy, kind="school", code=org.code, name=org.name,
                       county_code=org.county_code) as ledger:
        plan = plan_import(ledger, sheet)
        assert [p for p in plan.problems if p.severity == "error"] == []
        apply_import(ledger, plan)
        after = _pupils(ledger)
    assert len(after) == len(before) == 150
    assert after == before
