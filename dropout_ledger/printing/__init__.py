"""Printing a form: gather its data from the ledger, lay it out, write the PDF, log the print.

This is the one entry point the command line (`print FORM`) and the desktop app's print dialog
call: `print_form(ledger, PrintRequest(...), out)`. It sits above both the services (which it
reads through) and `render` (which never reads the ledger), as the architecture requires.

Every print is an `audit` event (who printed which form, for whom, how many rows) written in the
same transaction as the file: a print that fails leaves neither a file nor an audit entry.
Files are written to a temporary name, fsynced and renamed (fileio), so a full or read-only
folder leaves no half-written PDF.

Adding a form: a module in `render/forms/` (its data as a dataclass and `draw()`), a module
here with `build(ctx, request) -> Built`, and one `FormSpec` line in FORMS below.
"""

from __future__ import annotations

import errno
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from dropout_ledger.errors import InputRefused
from dropout_ledger.fileio import write_bytes
from dropout_ledger.ids import new_id
from dropout_ledger.ledger import Ledger
from dropout_ledger.model.access import Permission
from dropout_ledger.printing import (
    audit_log,
    case_report,
    checklist,
    disability,
    dossier,
    home_teaching,
    keysheet,
    left_behind,
    letters,
    notice,
    pairing,
    register,
    report,
    stats,
)
from dropout_ledger.printing import ledger as ledger_form
from dropout_ledger.printing.common import Built, Context, context
from dropout_ledger.services.accounts import require_permission
from dropout_ledger.store import storage


@dataclass(frozen=True)
class PrintRequest:
    """What to print. `student` may be the pupil's internal id, ID number or 全国学籍号."""

    form: str
    student: str = ""
    view: str = ""
    """For the 台账: a roster view ("all", "suspected", …); "" is the default selection."""
    period: str = ""
    """YYYY-MM, for monthly forms."""
    full_ids: bool = False
    """Print ID numbers whole; only an operator with Permission.FULL_IDS may."""


@dataclass(frozen=True)
class PrintResult:
    """A printed file: where, how many pages, which form, how many rows (pupils or visits)."""

    file: Path
    pages: int
    form: str
    rows: int
    student_id: str = ""


@dataclass(frozen=True)
class FormSpec:
    """A printable form: its command-line name, Chinese label and what it needs."""

    name: str
    label: str
    build: Callable[[Context, PrintRequest], Built]
    per_student: bool = False
    uses_view: bool = False
    uses_period: bool = False
    ledger_kind: str = ""
    """"county" or "school" when only that kind of ledger prints the form ("" for any)."""


FORMS: dict[str, FormSpec] = {spec.name: spec for spec in (
    FormSpec("ledger", "控辍保学台账", lambda c, r: ledger_form.build(c, r.view),
             uses_view=True),
    FormSpec("register", "辍学学生劝返复学登记表", lambda c, r: register.build(c, r.student),
             per_student=True),
    FormSpec("case-report", "辍学学生情况报告表", lambda c, r: case_report.build(c, r.student),
             per_student=True),
    FormSpec("report", "辍学学生情况书面报告（月报）", lambda c, r: report.build(c, r.period),
             uses_period=True),
    FormSpec("notice", "劝返复学通知书", lambda c, r: notice.build(c, r.student),
             per_student=True),
    FormSpec("checklist", "劝返清单", lambda c, r: checklist.build(c)),
    FormSpec("letters", "一封家书（学生资助告知书）",
             lambda c, r: letters.build(c, r.view, r.period), uses_view=True, uses_period=True),
    FormSpec("pairing", "结对帮扶记录表", lambda c, r: pairing.build(c, r.student),
             per_student=True),
    FormSpec("home-teaching", "送教上门记录", lambda c, r: home_teaching.build(c, r.student),
             per_student=True),
    FormSpec("left-behind", "留守儿童档案", lambda c, r: left_behind.build(c)),
    FormSpec("disability", "三类残疾儿童统计表", lambda c, r: disability.build(c)),
    FormSpec("dossier", "一生一档（学生档案）", lambda c, r: dossier.build(c, r.student),
             per_student=True),
    FormSpec("stats", "控辍保学统计表", lambda c, r: stats.build(c, r.period), uses_period=True),
    FormSpec("county-keysheet", "县级密钥说明单", lambda c, r: keysheet.build_keysheet(c),
             ledger_kind="county"),
    FormSpec("join-receipt", "入网回执", lambda c, r: keysheet.build_receipt(c),
             ledger_kind="school"),
    FormSpec("audit-log", "操作日志", lambda c, r: audit_log.build(c, r.period),
             uses_period=True),
)}
"""Every printable form, in the order a print dialog lists them."""

VIEWS = ledger_form.SELECTIONS
"""The 台账's selections: "" (default) and each roster view, with their printed names."""


def check_request(request: PrintRequest) -> FormSpec:
    """The form's spec, or a refusal naming what is missing or not allowed."""
    spec = FORMS.get(request.form)
    if spec is None:
        raise InputRefused(f"没有名为“{request.form}”的表格。可打印：{'、'.join(FORMS)}。")
    if spec.per_student and not request.student.strip():
        raise InputRefused(f"打印“{spec.label}”须用 --student 指定学生（学生编号、身份证号或全国学籍号）。")
    if request.student.strip() and not spec.per_student:
        raise InputRefused(f"“{spec.label}”不是单个学生的表格，不能指定 --student。")
    if request.view and not spec.uses_view:
        raise InputRefused(f"“{spec.label}”不能指定 --view。")
    if request.period and not spec.uses_period:
        raise InputRefused(f"“{spec.label}”不按期间打印，不能指定 --period。")
    if request.period and not re.fullmatch(r"\d{4}-(0[1-9]|1[0-2])", request.period):
        raise InputRefused(f"期间“{request.period}”格式不对，应为 YYYY-MM，例如 2026-11。")
    return spec


def render_form(ledger: Ledger, request: PrintRequest) -> tuple[bytes, PrintResult]:
    """The form's PDF bytes and what they hold, without writing or logging anything."""
    spec = check_request(request)
    if not spec.per_student and not spec.ledger_kind:  # the key papers name no pupil
        require_permission(ledger, Permission.EXPORT_LISTS,
                           f"当前账户无权打印“{spec.label}”等学生名单。班主任可以打印本班"
                           "学生的单人表格；名单请由校长或学籍管理员打印。")
    built = spec.build(context(ledger, full_ids=request.full_ids), request)
    rendered = built.form.render()
    return rendered.data, PrintResult(file=Path(), pages=rendered.pages, form=spec.name,
                                      rows=built.rows, student_id=built.student_id)


def print_form(ledger: Ledger, request: PrintRequest, out: Path) -> PrintResult:
    """Print one form to `out` (a .pdf path) and record the print as an audit event.

    Raises InputRefused (exit code 2) for a bad request, an empty selection, a character no
    font can draw, or a folder that cannot be written; nothing is written then.
    """
    out = Path(out)
    if out.is_dir():
        raise InputRefused(f"“{out}”是一个文件夹。请给出要保存的 PDF 文件名，例如 {out / '台账.pdf'}。")
    data, result = render_form(ledger, request)
    with ledger.write() as w:
        _write(out, data)
        w.emit("audit", f"audit:{new_id()}", {
            "action": "print", "form": result.form, "student": result.student_id,
            "rows": result.rows, "pages": result.pages, "file": out.name,
            **_selection(request)})
    return PrintResult(file=out, pages=result.pages, form=result.form, rows=result.rows,
                       student_id=result.student_id)


def _selection(request: PrintRequest) -> dict[str, object]:
    """What the print chose beyond the form, for the operation log: only what was given."""
    chosen = {"view": request.view, "period": request.period, "full_ids": request.full_ids}
    return {key: value for key, value in chosen.items() if value}


_WRITE_ERRORS = {
    errno.ENOSPC: "磁盘或 U 盘已满", errno.EROFS: "磁盘或 U 盘是只读的（写保护）",
    errno.EACCES: "没有写入这个文件夹的权限", errno.EPERM: "没有写入这个文件夹的权限",
    errno.ENOTDIR: "保存位置不是文件夹", errno.EEXIST: "保存位置不是文件夹",
    errno.ENOENT: "保存位置不存在", errno.EISDIR: "这个名字已被一个文件夹占用",
}


def _write(out: Path, data: bytes) -> None:
    try:
        write_bytes(out, data)
    except OSError as error:
        reason = (_WRITE_ERRORS.get(error.errno or 0) or storage.reason(error)
                  or error.strerror or "无法写入")
        raise InputRefused(
            f"无法保存 PDF 到 {out}：{reason}。没有留下不完整的文件。"
            "请换一个文件夹（例如“文档”或另一个 U 盘）再打印。") from None
