"""`import-roster` for the command line: check, report, apply, and say what happened.

The JSON shape is the contract of design README §4 — at least rows, valid, errors, warnings,
created, updated, unchanged and problems [{row, column, reason}] — plus the file's sheet and
header, the review list of pupils missing from the file (masked numbers), whether anything was
applied, and where the backup and the report went. No full ID number is ever printed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dropout_ledger.errors import InputRefused
from dropout_ledger.importing.apply import ImportResult, apply_import
from dropout_ledger.importing.normalise import FIELD_INFO
from dropout_ledger.importing.plan import ImportPlan, plan_import, saved_mapping
from dropout_ledger.importing.report import write_report

if TYPE_CHECKING:
    from dropout_ledger.ledger import Ledger

TEXT_PROBLEMS = 100  # the plain-text output lists this many problems; the report has them all
TEXT_MISSING = 30
_ENCODINGS = {"utf-8": "UTF-8", "utf-8-sig": "UTF-8（带BOM）", "utf-16": "UTF-16",
              "gb18030": "GBK/GB18030"}


@dataclass(frozen=True)
class Outcome:
    """What the command prints: JSON data, text, a refusal for stderr, and the exit code."""

    data: dict[str, Any]
    text: str
    refusal: str
    exit_code: int


def run(
    ledger: Ledger, path: Path, *, dry_run: bool = False, skip_invalid: bool = False,
    report: Path | None = None, progress: Callable[[int, int], bool] | None = None,
) -> Outcome:
    """Check `path`; write the report if asked; apply unless a dry run or refused.

    Columns are mapped as the wizard's person last chose for the same header texts (the
    mapping saved in the county profile), else by the known aliases.
    """
    plan = plan_import(ledger, Path(path), mapping=saved_mapping(ledger) or None,
                       progress=progress)
    if report is not None:
        write_report(plan, Path(report))
    result: ImportResult | None = None
    refusal = ""
    if not dry_run:
        try:
            result = apply_import(ledger, plan, skip_invalid=skip_invalid, progress=progress)
        except InputRefused as refused:
            refusal = refused.message
    data = summary(plan, result, dry_run=dry_run, report=report)
    text = describe(plan, result, dry_run=dry_run, report=report)
    return Outcome(data, text, refusal, 2 if refusal else 0)


def summary(plan: ImportPlan, result: ImportResult | None, *, dry_run: bool = False,
            report: Path | None = None) -> dict[str, Any]:
    """The plan (and what was written) as plain JSON data."""
    counts = {"created": plan.count("create"), "updated": plan.count("update"),
              "unchanged": plan.count("unchanged")}
    if result is not None:
        counts = {"created": result.created, "updated": result.updated,
                  "unchanged": result.unchanged}
    return {
        "file": plan.path.name, "format": plan.kind, "encoding": plan.encoding,
        "sheet": plan.sheet, "header_row": plan.header.row,
        "columns": [{"column": c.letter, "header": c.header, "field": c.field}
                    for c in plan.header.columns if c.header],
        "rows": len(plan.rows), "skipped_rows": plan.skipped, "valid": plan.valid,
        "errors": plan.errors, "warnings": plan.warnings, **counts,
        "problems": [{"row": p.row, "column": p.column, "reason": p.reason, "fix": p.fix,
                      "severity": p.severity} for p in plan.problems],
        "missing": [{"name": m.name, "grade": m.grade, "class": m.class_name,
                     "id_number": m.id_masked, "xjh": m.xjh_masked, "status": m.status_label}
                    for m in plan.missing],
        "dry_run": dry_run, "applied": result is not None,
        "backup": str(result.backup) if result is not None and result.backup else None,
        "report": str(report) if report is not None else None,
    }


def describe(plan: ImportPlan, result: ImportResult | None, *, dry_run: bool = False,
             report: Path | None = None) -> str:
    """The same in plain Chinese for a person at a terminal."""
    where = f"CSV，编码 {_ENCODINGS.get(plan.encoding, plan.encoding)}" if plan.kind == "csv" \
        else f"工作表“{plan.sheet}”"
    lines = [f"文件：{plan.path.name}（{where}，第{plan.header.row}行是表头）"]
    unused = [c.header for c in plan.header.columns if c.header and not c.field]
    used = [f"{c.header}→{FIELD_INFO[c.field].label}" for c in plan.header.columns if c.field]
    lines.append("识别的列：" + "，".join(used))
    if unused:
        lines.append("未使用的列：" + "，".join(unused))
    lines.append(
        f"共 {len(plan.rows)} 名学生：新增 {plan.count('create')}，更新 {plan.count('update')}，"
        f"无变化 {plan.count('unchanged')}，有错误 {plan.errors} 行，有提醒 {plan.warnings} 行"
        + (f"（另跳过空行、表尾等 {plan.skipped} 行）" if plan.skipped else ""))
    lines += _problem_lines(plan)
    lines += _missing_lines(plan)
    if report is not None:
        lines.append(f"检查报告已保存：{report}（在“{'错误说明'}”列中逐行说明，改正后可直接重新导入）")
    if dry_run:
        lines.append("这是检查（--dry-run），台账没有任何改动。")
    elif result is not None:
        lines.append(f"已导入：新增 {result.created} 名学生，更新 {result.updated} 名"
                     + (f"，跳过有错误的 {result.skipped_errors} 行" if result.skipped_errors
                        else "") + "。")
        lines.append(f"导入前的备份：{result.backup}" if result.backup else "台账没有需要改动的地方。")
    return "\n".join(lines)


def _problem_lines(plan: ImportPlan) -> list[str]:
    if not plan.problems:
        return []
    ordered = sorted(plan.problems, key=lambda p: (p.row, p.severity != "error"))
    lines = ["问题："]
    for p in ordered[:TEXT_PROBLEMS]:
        kind = "" if p.severity == "error" else "[提醒] "
        where = f"{p.column}：" if p.column else ""
        lines.append(f"  第{p.row}行 {kind}{where}{p.text()}")
    if len(ordered) > TEXT_PROBLEMS:
        lines.append(f"  ……另有 {len(ordered) - TEXT_PROBLEMS} 条，用 --report 生成完整的检查报告。")
    return lines


def _missing_lines(plan: ImportPlan) -> list[str]:
    if not plan.missing:
        return []
    lines = [f"在籍不在校？台账中在籍、名单中没有的学生 {len(plan.missing)} 名，请逐一核实"
             "（导入不会删除任何学生）："]
    for m in plan.missing[:TEXT_MISSING]:
        lines.append(f"  {m.name}  {m.grade}年级{m.class_name}  {m.id_masked or m.xjh_masked}"
                     f"  {m.status_label}")
    if len(plan.missing) > TEXT_MISSING:
        lines.append(f"  ……另有 {len(plan.missing) - TEXT_MISSING} 名，见检查报告的“在籍不在校”表。")
    return lines
