"""The statistics of `services.stats.counts` as an .xlsx: pupils by grade and status, special groups.

Two sheets in the shape of the monthly report (domain.md §5.5): one row per grade 一年级…九年级,
then 小学小计, 初中小计 and 合计, one column per status; and the special-group and case counts.
Counts only, no names, so no permission is needed to export them.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dropout_ledger.exporting.xlsx import (
    Column,
    ExportResult,
    Heading,
    TableSheet,
    check_out_path,
    save_workbook,
    streaming_workbook,
)
from dropout_ledger.model import codes
from dropout_ledger.model.status import Status
from dropout_ledger.services import audit, stats
from dropout_ledger.store.queries import ClassScope

if TYPE_CHECKING:
    from dropout_ledger.ledger import Ledger

FLAG_LABELS: dict[str, str] = {
    "at_risk": "预警学生",
    "left_behind": "留守儿童",
    "disability": "残疾学生",
    "inclusive": "随班就读",
    "orphan": "孤儿",
    "unsupported": "事实无人抚养儿童",
    "in_difficulty": "困境儿童",
    "migrant": "随迁子女",
    "boarding": "住校生",
}
"""Labels of `store.queries.FLAGS`, in printed order (counted over pupils on the roll)."""

CASE_LABELS = {"total": "辍学个案（一人一案）总数", "open": "未销号个案", "closed": "已销号个案"}


def grade_columns() -> tuple[Column, ...]:
    return (
        Column("grade", "年级", 14),
        Column("on_roll", "在籍人数", 8),
        *(Column(status.value, status.label, 7) for status in Status),
        Column("total", "合计（含离校）", 10),
    )


def grade_rows(data: dict[str, Any]) -> list[tuple[bool, list[Any]]]:
    """(is a subtotal, values) per grade 1–9, then 小学小计, 初中小计, 合计."""

    def values(label: str, counts: dict[str, int]) -> list[Any]:
        on_roll = sum(counts.get(s.value, 0) for s in Status if s.is_on_roll)
        return [label, on_roll, *(counts.get(s.value, 0) for s in Status),
                counts.get("total", 0)]

    rows = [(False, values(codes.label_of(codes.GRADES, str(grade)),
                           data["by_grade"].get(str(grade), {}))) for grade in range(1, 10)]
    stages = data["by_stage"]
    overall = {s.value: n for s, n in ((Status(k), v) for k, v in data["by_status"].items())}
    overall["total"] = data["total"]
    rows += [(True, values("小学小计", stages["primary"])), (True, values("初中小计", stages["junior"])),
             (True, values("合计", overall))]
    return rows


def export_stats(ledger: Ledger, out: Path) -> ExportResult:
    """Write the statistics of the whole ledger to the .xlsx file `out` (rows = grade table rows).

    Counts only, no names: a class teacher may export it, for her own class (the title says so).
    """
    out = check_out_path(out, avoid=[ledger.path])
    data = stats.counts(ledger.queries)
    org = ledger.org
    scope = ledger.queries.scope
    if isinstance(scope, ClassScope):  # a class's counts must not pass as the school's
        org = replace(org, name=f"{org.name}{scope.grade}年级{scope.class_name}")
    today = ledger.clock.today()
    with streaming_workbook() as workbook:
        by_grade = TableSheet(
            workbook, "按年级统计",
            Heading(title=f"{org.name}学生人数统计（按年级和状态）", org_name=org.name,
                    date=today, note=f"在籍 {data['on_roll']} 人"),
            grade_columns(), [values for _, values in grade_rows(data)], frozen_columns=1)
        for subtotal, values in grade_rows(data):
            if subtotal:
                by_grade.append_plain(values, bold=True)
            else:
                by_grade.append(values)
        written = by_grade.finish()
        groups = TableSheet(
            workbook, "专项统计",
            Heading(title=f"{org.name}专项统计", org_name=org.name, date=today),
            (Column("item", "项目", 26), Column("count", "人数", 8)), frozen_columns=0)
        for key, label in FLAG_LABELS.items():
            groups.append([label, data["flags"].get(key, 0)])
        for key, label in CASE_LABELS.items():
            groups.append([label, data["cases"].get(key, 0)])
        groups.finish()
        with audit.audited(ledger, "export", view="stats", rows=written, file=out.name):
            save_workbook(workbook, out)
    return ExportResult(file=out, rows=written, view="stats")
