"""Carry out a checked import plan: one backup, then one transaction, or nothing at all.

The plan was checked against one state of the ledger (its event log up to a point). It is
applied only to that state: if anything was written in between — another window, a sync — the
duplicate checks the plan made may no longer hold, so the import is refused and the person asked
to check the file again (a second check takes a second, a wrong merge lasts for years).

New pupils are registered and changed fields written as `update` events through the same
service code as the student dialog, so the change history shows the import like any other
edit, unchanged values make no event, and a pupil is never deleted: pupils missing from the
file are only listed in the plan for a person to look at.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from dropout_ledger.errors import InputRefused
from dropout_ledger.importing.plan import (
    PROGRESS_EVERY,
    ImportCancelled,
    ImportPlan,
    Progress,
    ledger_mark,
)
from dropout_ledger.model.access import Permission
from dropout_ledger.model.changes import Changes
from dropout_ledger.services.accounts import require_permission
from dropout_ledger.services.edits import emit_update
from dropout_ledger.store import backup, storage
from dropout_ledger.store import sqlite as sqlite3

if TYPE_CHECKING:
    from dropout_ledger.ledger import Ledger


class RowsRefused(InputRefused):
    """Some rows have errors and the person did not ask to import only the valid ones."""


class StalePlan(InputRefused):
    """The ledger changed after the file was checked."""


@dataclass(frozen=True)
class ImportResult:
    """What an import wrote (counts of rows) and where the backup taken before it is."""

    created: int
    updated: int
    unchanged: int
    skipped_errors: int
    backup: Path | None
    changes: Changes


def _check_state(ledger: Ledger, plan: ImportPlan) -> None:
    if ledger_mark(ledger) != plan.ledger_mark:
        raise StalePlan("检查这个文件之后，台账又有了改动。请重新检查文件，再导入。")


def apply_import(
    ledger: Ledger, plan: ImportPlan, *, skip_invalid: bool = False,
    progress: Progress | None = None,
) -> ImportResult:
    """Write the plan's new pupils and changed fields in one transaction after a backup.

    Refuses the whole file when any row has an error, unless `skip_invalid`. A plan with
    nothing to write writes nothing — no backup, no event — so importing the same file twice
    leaves the ledger exactly as it was. `progress(done, total)` returning False cancels: the
    transaction is rolled back and the ledger is unchanged (the backup file stays).
    """
    require_permission(ledger, Permission.WHOLE_SCHOOL,
                       "当前账户无权导入学籍花名册。请由校长或学籍管理员导入。")
    if plan.errors and not skip_invalid:
        raise RowsRefused(
            f"名单中有 {plan.errors} 行有错误，整个文件没有导入，台账没有任何改动。"
            "请按检查报告改正后重新导入，或选择只导入没有错误的行（命令行加 --skip-invalid）。"
        )
    _check_state(ledger, plan)
    todo = [r for r in plan.rows if r.action in ("create", "update")]
    unchanged = plan.count("unchanged")
    if not todo:
        return ImportResult(0, 0, unchanged, plan.errors, None, Changes())
    try:
        saved = backup.snapshot(ledger.conn, ledger.path, "import", ledger.clock.now())
    except (OSError, sqlite3.Error) as error:  # no backup, no import
        raise InputRefused(f"导入前的自动备份没有成功（{storage.reason(error) or error}），"
                           "没有导入任何内容，台账没有改动。请腾出磁盘空间后重试。") from error
    created = updated = 0
    with ledger.write() as w:
        _check_state(ledger, plan)
        for done, row in enumerate(todo, start=1):
            if progress is not None and done % PROGRESS_EVERY == 0 \
                    and not progress(done, len(todo)):
                raise ImportCancelled("已取消导入，台账没有任何改动。")
            values = row.values
            assert values is not None
            if row.action == "create":
                ledger.students.register_checked(
                    w, values, effective_date=dt.date.fromisoformat(row.enrolled))
                created += 1
            elif emit_update(w, f"student:{row.student_id}", values) is not None:
                w.changes.students.add(row.student_id)
                w.changes.flags.add("roster")
                updated += 1
            else:  # equal to the stored value after all (a field with two concurrent heads)
                unchanged += 1
        w.emit("audit", "ledger", {
            "action": "import_roster", "file": plan.path.name, "sha256": plan.sha256,
            "sheet": plan.sheet, "created": created, "updated": updated,
            "skipped_errors": plan.errors, "backup": saved.name,
        })
        changes = w.changes.freeze()
    if progress is not None:
        progress(len(todo), len(todo))
    return ImportResult(created, updated, unchanged, plan.errors, saved, changes)
