"""操作日志: the ledger's logged operations in one month, for the county's inspection. A4 portrait.

One row per `audit` event (services/audit.py): when, who, what kind of operation and what it
touched — every export, print, import, restore and backup, and the logins and role changes.
Pupils appear by name and masked ID number only; no ID is ever printed whole here, whatever the
operator may see. The footer carries the ledger's data fingerprint like every form, and the
inspector and the principal sign under the table.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from dropout_ledger.render.kit import Column, Form, Imprint, Row, chinese_date

COLUMNS = (
    Column("序号", 9), Column("日期时间", 27), Column("操作员", 20), Column("操作", 24),
    Column("内容", 90, "LEFT"),
)


@dataclass(frozen=True)
class AuditLine:
    when: str
    operator: str
    action: str
    detail: str

    def cells(self, number: int) -> list[str]:
        return [str(number), self.when, self.operator, self.action, self.detail]


@dataclass(frozen=True)
class AuditLogData:
    school: str
    first: dt.date
    last: dt.date
    as_of: dt.date
    lines: Sequence[AuditLine]
    counts: Sequence[tuple[str, int]]
    """(action label, how many) in the month, for the summary under the table."""


def draw(data: AuditLogData, imprint: Imprint) -> tuple[Form, int]:
    """The month's 操作日志 as a Form, and how many operations it lists."""
    form = Form(imprint, title="操作日志", margins_mm=(15, 15, 12, 8))
    form.title(subtitle=f"（{chinese_date(data.first)}至{chinese_date(data.last)}）")
    form.unit_line(data.school, data.as_of)
    count = form.table(COLUMNS, (Row(line.cells(n), f"第{n}条（{line.when}）")
                                 for n, line in enumerate(data.lines, start=1)), size=8.5,
                       empty_text="本期间没有导出、打印、导入、恢复、备份或登录等操作记录。")
    with form.closing():
        form.spacer(2)
        summary = "、".join(f"{label} {n} 次" for label, n in data.counts)
        form.text(f"本期间共{count}条操作记录" + (f"：{summary}。" if summary else "。")
                  + "学生身份证号已隐去中间数字。日志是台账事件记录的一部分，"
                    "页脚的数据指纹可与台账核对。", size=9, first_indent=0)
        form.spacer(3)
        form.signatures([("核查人（签字）", ""), ("校长（签字）", ""), ("日期", "")])
    return form, count
