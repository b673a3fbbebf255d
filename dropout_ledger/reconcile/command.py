"""`reconcile` for the command line: check a county list, store it, optionally send it back.

    dropout-ledger reconcile FILE [--kind household|poverty|suspected|other] [--title T]
                                  [--dry-run] [--out CHECKED.xlsx]

Prints how every row matched (counts by method), what needs a person, the rows with problems
and the pupils the list does not name; `--json` gives the same as data. A list with bad rows is
refused whole (exit 2). Answers are given in the app; `--out` writes the county's file back
with whatever answers the list already has (a fresh list: the match column only). No message
contains a whole ID number.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dropout_ledger.errors import InputRefused
from dropout_ledger.model.records import MATCH_METHODS
from dropout_ledger.reconcile.export import ExportResult, export_checked
from dropout_ledger.reconcile.lists import ListPlan, check_list, method_label, save_list

if TYPE_CHECKING:
    from dropout_ledger.ledger import Ledger

TEXT_PROBLEMS = 50
TEXT_MISSING = 20


@dataclass(frozen=True)
class Outcome:
    data: dict[str, Any]
    text: str
    refusal: str
    exit_code: int


def run(ledger: Ledger, path: Path, *, kind: str = "household", title: str = "",
        dry_run: bool = False, out: Path | None = None) -> Outcome:
    plan = check_list(ledger, Path(path), kind=kind, title=title)
    list_id, refusal, exported = "", "", None
    if not dry_run:
        try:
            list_id = save_list(ledger, plan).created[0]
        except InputRefused as refused:
            refusal = refused.message
    if list_id and out is not None:
        exported = export_checked(ledger, list_id, Path(out))
    return Outcome(summary(plan, list_id, exported, dry_run),
                   describe(plan, list_id, exported, dry_run), refusal, 2 if refusal else 0)


def summary(plan: ListPlan, list_id: str, exported: ExportResult | None, dry_run: bool
            ) -> dict[str, Any]:
    return {
        "file": plan.path.name, "format": plan.file_kind, "sheet": plan.sheet,
        "header_row": plan.header.row, "kind": plan.kind, "title": plan.title,
        "rows": len(plan.rows), "skipped_rows": plan.skipped, "errors": plan.errors,
        "matched": {c.code: plan.count(c.code) for c in MATCH_METHODS if plan.count(c.code)},
        "accepted": plan.accepted, "pending": plan.pending, "unmatched": plan.unmatched,
        "missing": [{"name": m.name, "grade": m.grade, "class": m.class_name,
                     "id_number": m.id_masked, "status": m.status_label} for m in plan.missing],
        "problems": [{"row": p.row, "column": p.column, "reason": p.reason, "fix": p.fix,
                      "severity": p.severity} for p in plan.problems],
        "dry_run": dry_run, "saved": bool(list_id), "list_id": list_id or None,
        "export": str(exported.file) if exported else None,
    }


def describe(plan: ListPlan, list_id: str, exported: ExportResult | None, dry_run: bool) -> str:
    lines = [f"名单：{plan.path.name}（“{plan.sheet}”表，第{plan.header.row}行是表头），"
             f"共 {len(plan.rows)} 人"]
    by_method = [f"{method_label(c.code)} {plan.count(c.code)}" for c in MATCH_METHODS
                 if plan.count(c.code)]
    lines.append("匹配情况：" + "，".join(by_method))
    lines.append(f"已对应到本校学生 {plan.accepted} 人，待人工确认 {plan.pending} 人，"
                 f"未找到 {plan.unmatched} 人；名单外的在籍学生 {len(plan.missing)} 人")
    problems = sorted(plan.problems, key=lambda p: (p.row, p.severity != "error"))
    if problems:
        lines.append("问题：")
        for p in problems[:TEXT_PROBLEMS]:
            kind = "" if p.severity == "error" else "[提醒] "
            where = f"{p.column}：" if p.column else ""
            lines.append(f"  第{p.row}行 {kind}{where}{p.text()}")
        if len(problems) > TEXT_PROBLEMS:
            lines.append(f"  ……另有 {len(problems) - TEXT_PROBLEMS} 条。")
    for m in plan.missing[:TEXT_MISSING]:
        lines.append(f"  名单外：{m.name} {m.grade}年级{m.class_name} {m.id_masked} {m.status_label}")
    if len(plan.missing) > TEXT_MISSING:
        lines.append(f"  ……名单外另有 {len(plan.missing) - TEXT_MISSING} 人，请在名单核查页面查看。")
    if dry_run:
        lines.append("这是检查（--dry-run），台账没有任何改动。")
    elif list_id:
        lines.append("已保存名单，请在“名单核查”页面逐行填写核查结果。")
    if exported is not None:
        lines.append(f"已按原格式导出：{exported.file}")
    return "\n".join(lines)
