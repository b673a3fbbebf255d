"""四查三比对: check a county or village list against the roll, answer each row, send it back.

    plan = check_list(ledger, path, kind="household")   # read + match, writes nothing
    plan.rows / plan.matches / plan.problems / plan.missing
    changes = save_list(ledger, plan)                    # one transaction, or ListRefused
    rows = list_rows(ledger, list_id)                    # stored rows, how each matched
    confirm_match / reject_match / record_outcome / mark_matched_by_status
    export_checked(ledger, list_id, out_xlsx)            # the county's file + 3 columns

`match` knows how a row meets the roll; `lists` reads and stores a list; `outcomes` holds the
school's answers; `export` writes the county's file back (decision 0015).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from dropout_ledger.reconcile.lists import (
    ListPlan,
    ListRefused,
    StoredList,
    check_list,
    save_list,
    stored_list,
    stored_lists,
)
from dropout_ledger.reconcile.match import ListRow, Match, fold_name, name_sound
from dropout_ledger.reconcile.outcomes import (
    OUTCOMES,
    CheckRow,
    Progress,
    Pupil,
    confirm_match,
    list_row,
    list_rows,
    mark_matched_by_status,
    progress_of,
    record_outcome,
    reject_match,
    retract_list,
)

if TYPE_CHECKING:
    from dropout_ledger.ledger import Ledger
    from dropout_ledger.reconcile.export import ExportResult


def export_checked(ledger: Ledger, list_id: str, out: Path) -> ExportResult:
    """`export.export_checked`, imported on first use: openpyxl (~0.2 s) is not needed to
    start the app, which shows this package's page at start-up."""
    from dropout_ledger.reconcile.export import export_checked as export  # noqa: PLC0415

    return export(ledger, list_id, out)


__all__ = [
    "OUTCOMES", "CheckRow", "ListPlan", "ListRefused", "ListRow",
    "Match", "Progress", "Pupil", "StoredList", "check_list", "confirm_match",
    "export_checked", "fold_name", "list_row", "list_rows", "mark_matched_by_status",
    "name_sound", "progress_of", "record_outcome", "reject_match", "retract_list", "save_list",
    "stored_list", "stored_lists",
]
