"""Roster import: a 学籍 roster file → a checked plan → one transaction (README §4, issue 4).

For the desktop wizard and the command line alike:

    preview_file(path, sheet=None)                       # the top rows, when no header is found
    guess_header(path, mapping=None, sheet=None)         # top rows + header, before the check
    saved_mapping(ledger)                                # the mapping kept in the county profile
    plan = plan_import(ledger, path, mapping=None)       # reads and checks, writes nothing
    plan.header.columns / plan.rows / plan.problems / plan.missing   # what to show
    write_report(plan, out_xlsx)                         # rows + 错误说明, re-importable
    result = apply_import(ledger, plan, skip_invalid=False)   # backup, then one transaction

Layers: `readers` (bytes → rows of cells), `header` (which row, which column is which field),
`normalise` (one cell → the value the core's rules expect) know nothing of the ledger; `plan`
reads the ledger to match pupils, `apply` writes through the services.
"""

from pathlib import Path

from dropout_ledger.importing.apply import ImportResult, RowsRefused, StalePlan, apply_import
from dropout_ledger.importing.header import (
    ALIASES,
    NOT_IMPORTED,
    Column,
    Header,
    find_header,
    mapping_from_profile,
    mapping_to_profile,
)
from dropout_ledger.importing.normalise import FIELDS, FieldInfo
from dropout_ledger.importing.plan import (
    HeaderGuess,
    ImportCancelled,
    ImportPlan,
    MissingPupil,
    PlannedRow,
    Preview,
    RowProblem,
    guess_header,
    plan_import,
    preview_file,
    saved_mapping,
)
from dropout_ledger.importing.readers import MAX_ROWS

__all__ = [
    "ALIASES", "FIELDS", "MAX_ROWS", "NOT_IMPORTED", "Column", "FieldInfo", "Header",
    "HeaderGuess", "ImportCancelled", "ImportPlan", "ImportResult", "MissingPupil", "PlannedRow",
    "Preview", "RowProblem", "RowsRefused", "StalePlan", "apply_import", "find_header",
    "guess_header", "mapping_from_profile", "mapping_to_profile",
    "plan_import", "preview_file", "saved_mapping", "write_report",
]


def write_report(plan: ImportPlan, out: Path) -> Path:
    """`report.write_report`, imported on first use: openpyxl (~0.2 s) is not needed to start
    the app, whose 名单核查 page imports this package at start-up."""
    from dropout_ledger.importing.report import write_report as write  # noqa: PLC0415

    return write(plan, out)
