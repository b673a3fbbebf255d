"""The operation log (操作日志): every export, print, import, restore and backup, and who did it.

Each such operation writes one `audit` event in the same transaction as its work (or, for a
file, as the file's rename into place), so the log is part of the hash-chained event log and
travels to the county with it (sync.md §c.14). This module records them (`audited`, `record`)
and reads them back as `AuditEntry` rows in Chinese for the 操作日志 screen and the printed log
(`print audit-log --period YYYY-MM`).

Automatic snapshots (daily, before an import or a migration) are not logged one by one: they
never leave the laptop and would bury the entries an inspector looks for; the import's own entry
names the snapshot taken before it. Audit bodies never carry an ID number or a pupil's name:
a per-pupil print names the pupil by internal id, and the log shows the name and a masked ID.

Reading scans the events for `kind = 'audit'`: 170 ms over a 150,000-pupil county ledger's
350,000 events, run off the GUI thread; no index or projection is needed for a screen opened a
few times a term.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from dropout_ledger.ids import new_id
from dropout_ledger.model import identity
from dropout_ledger.store.events import decode_row

if TYPE_CHECKING:
    from dropout_ledger.ledger import Ledger, Writer

ACTIONS: dict[str, str] = {
    "export": "导出Excel",
    "print": "打印",
    "import_roster": "导入花名册",
    "import_list": "导入核查名单",
    "restore": "从备份恢复",
    "backup": "备份到U盘或文件",
    "backup_now": "立即备份",
    "login": "登录",
    "login_failed": "登录失败",
    "logout": "退出登录",
    "account_create": "新建账户",
    "account_role": "更改角色",
    "account_locked": "账户锁定",
    "account_unlock": "解除锁定",
    "account_disable": "停用账户",
    "account_enable": "启用账户",
    "password_change": "修改密码",
    "password_reset": "重置密码",
    "password_rehash": "密码存储升级",
    "enroll_school": "登记学校入网",
    "confirm_school": "确认学校入网",
    "join": "加入县级台账",
    "key_change": "更换密钥",
    "sync_export": "导出同步文件",
    "sync_import": "导入同步文件",
    "publish_list": "发布县级名单",
    "notice_read": "阅读县里通知",
    "fork_restart": "分叉后启用新副本",
    "dispute": "对县里更正提出异议",
}
"""Every action code an `audit` event may carry, with its Chinese name (the filter's choices):
this module's, the accounts' (services/accounts.py) and the sync enrolment's (sync/enrol.py).
An unknown code (from a newer version) is shown as it is."""

ROLE_LABELS: dict[str, str] = {
    "principal": "校长", "registrar": "学籍管理员", "class_teacher": "班主任",
    "county_clerk": "县级管理员",
}
LOGIN_FAILURES: dict[str, str] = {
    "unknown_name": "没有这个用户名", "locked": "账户已锁定", "disabled": "账户已停用",
    "password": "密码错误",
}

FORM_LABELS: dict[str, str] = {
    "ledger": "控辍保学台账", "register": "辍学学生劝返复学登记表",
    "case-report": "辍学学生情况报告表", "report": "辍学学生情况书面报告（月报）",
    "notice": "劝返复学通知书", "checklist": "劝返清单", "letters": "一封家书（学生资助告知书）",
    "pairing": "结对帮扶记录表", "home-teaching": "送教上门记录", "left-behind": "留守儿童档案",
    "disability": "三类残疾儿童统计表", "dossier": "一生一档（学生档案）", "stats": "控辍保学统计表",
    "audit-log": "操作日志", "county-keysheet": "县级密钥说明单", "join-receipt": "入网回执",
}
"""printing.FORMS labels, spelled out: importing printing loads reportlab (~1 s), which the
screen does not need. tests/core/test_audit.py keeps the two in step (the key papers of the
sync work are named here already)."""

VIEW_LABELS: dict[str, str] = {
    "": "需关注学生", "all": "全部学生", "on-roll": "在籍学生", "at-risk": "预警学生",
    "suspected": "疑似辍学学生", "dropped": "辍学学生", "returned": "复学跟踪学生",
    "home-taught": "送教上门学生", "suspended": "休学学生", "stats": "统计表",
    "checked_list": "核查名单（附核查结果）",
}


@dataclass(frozen=True)
class AuditEntry:
    """One logged operation as the screen and the printed log show it."""

    eid: str
    lc: int
    when: dt.datetime | None
    """The machine's claimed local time (None if unreadable); the order is `lc`, not this."""
    operator: str
    operator_id: str
    action: str
    detail: str
    """What was done, in Chinese, with any pupil named by name and masked ID only."""

    @property
    def label(self) -> str:
        return ACTIONS.get(self.action, self.action)

    @property
    def date(self) -> dt.date | None:
        return self.when.date() if self.when is not None else None


# --- writing ---------------------------------------------------------------------------------


def emit(w: Writer, action: str, **fields: Any) -> None:
    """Write one audit event inside the caller's write transaction."""
    w.emit("audit", f"audit:{new_id()}", {"action": action, **fields})


def record(ledger: Ledger, action: str, **fields: Any) -> None:
    """Write one audit event in a transaction of its own."""
    with ledger.write() as w:
        emit(w, action, **fields)


@contextmanager
def audited(ledger: Ledger, action: str, **fields: Any) -> Iterator[dict[str, Any]]:
    """Do the work of the `with` block and log it in one transaction: if the block raises,
    nothing is logged (and the work's file never reached its final name). The block may add
    fields to the yielded dict (what it learnt while working, e.g. a row count)."""
    extra: dict[str, Any] = {}
    with ledger.write() as w:
        yield extra
        emit(w, action, **fields, **extra)


# --- reading ---------------------------------------------------------------------------------


def entries(
    ledger: Ledger, *, start: dt.date | None = None, end: dt.date | None = None,
    actions: set[str] | None = None,
) -> list[AuditEntry]:
    """Logged operations from `start` to `end` (inclusive, claimed dates) of `actions` (None:
    all), newest first."""
    names = _Names(ledger)
    found: list[AuditEntry] = []
    for eid, hdr, body in ledger.conn.execute(
        "SELECT eid, hdr, body FROM events WHERE kind = 'audit' ORDER BY lc DESC, eid DESC"
    ):
        event = decode_row(eid, hdr, body)
        action = str(event.body.get("action", ""))
        if actions is not None and action not in actions:
            continue
        when = _when(event.wall)
        day = when.date() if when is not None else None
        if (start is not None or end is not None) and day is None:
            continue
        if day is not None and ((start is not None and day < start)
                                or (end is not None and day > end)):
            continue
        found.append(AuditEntry(
            eid=event.eid, lc=event.lc, when=when, operator=str(event.who.get("name", "")),
            operator_id=str(event.who.get("id", "")), action=action,
            detail=describe(action, event.body, names)))
    return found


def actions_present(ledger: Ledger) -> list[str]:
    """The action codes the log holds, known ones first in ACTIONS order (the filter)."""
    codes = {str(r[0]) for r in ledger.conn.execute(
        "SELECT DISTINCT json_extract(CAST(body AS TEXT), '$.action') FROM events"
        " WHERE kind = 'audit' AND body IS NOT NULL") if r[0] is not None}
    return [a for a in ACTIONS if a in codes] + sorted(codes - set(ACTIONS))


def _when(wall: str) -> dt.datetime | None:
    try:
        return dt.datetime.fromisoformat(wall).replace(tzinfo=None)
    except (TypeError, ValueError):
        return None


class _Names:
    """A pupil's name and masked ID number by internal id, looked up once each."""

    def __init__(self, ledger: Ledger) -> None:
        self.ledger = ledger
        self.cache: dict[str, str] = {}

    def __call__(self, student_id: str) -> str:
        if student_id not in self.cache:
            row = self.ledger.conn.execute(
                "SELECT name, id_number FROM students WHERE id = ?", (student_id,)).fetchone()
            self.cache[student_id] = "" if row is None else (
                f"{row[0]}（{identity.mask_id_number(row[1])}）" if row[1] else str(row[0]))
        return self.cache[student_id]


def _count(body: dict[str, Any], key: str, unit: str) -> str:
    value = body.get(key)
    return f"{value}{unit}" if isinstance(value, int) else ""


def _print_parts(body: dict[str, Any], names: Any) -> list[str]:
    parts = [FORM_LABELS.get(str(body.get("form", "")), str(body.get("form", "")))]
    if body.get("student") and names is not None:
        parts.append(names(str(body["student"])) or "（已删除的学生）")
    if body.get("view"):
        parts.append(VIEW_LABELS.get(str(body["view"]), str(body["view"])))
    if body.get("period"):
        parts.append(str(body["period"]))
    return [*parts, _count(body, "pages", "页"), _count(body, "rows", "条记录")]


def _export_parts(body: dict[str, Any], names: Any) -> list[str]:
    parts = [VIEW_LABELS.get(str(body.get("view", "")), str(body.get("view", "")))]
    if body.get("title"):
        parts.append(f"“{body['title']}”")
    if body.get("template"):
        parts.append(f"县级模板 {body['template']}")
    if body.get("search"):
        parts.append("按搜索条件")
    return [*parts, _count(body, "rows", "行")]


def _import_parts(body: dict[str, Any], names: Any) -> list[str]:
    parts = [f"“{body['title']}”" if body.get("title") else "",
             _count(body, "created", "人新增"), _count(body, "updated", "人更新"),
             _count(body, "rows", "行")]
    if body.get("skipped_errors"):
        parts.append(f"{body['skipped_errors']}行有错未导入")
    return parts


def _restore_parts(body: dict[str, Any], names: Any) -> list[str]:
    seq = body.get("parent_seq")
    return [f"恢复到第 {seq} 条记录时的状态"] if isinstance(seq, int) else []


def _account_parts(body: dict[str, Any], names: Any) -> list[str]:
    """An account's entry names the account (an operator, not a pupil) and what changed."""
    parts = [f"账户 {body['name']}" if body.get("name") else ""]
    if body.get("role"):
        parts.append(ROLE_LABELS.get(str(body["role"]), str(body["role"])))
    if body.get("reason") in LOGIN_FAILURES:
        parts.append(LOGIN_FAILURES[str(body["reason"])])
    if isinstance(body.get("failures"), int):
        parts.append(f"连续失败 {body['failures']} 次")
    return parts


def _enrol_parts(body: dict[str, Any], names: Any) -> list[str]:
    return [str(body.get("school") or body.get("county") or ""),
            f"指纹 {body['fingerprint']}" if body.get("fingerprint") else ""]


_DESCRIBERS: dict[str, Callable[[dict[str, Any], Any], list[str]]] = {
    "print": _print_parts, "export": _export_parts, "import_roster": _import_parts,
    "import_list": _import_parts, "restore": _restore_parts,
    **{code: _account_parts for code in ACTIONS
       if code.startswith(("login", "logout", "account_", "password_"))},
    "enroll_school": _enrol_parts, "confirm_school": _enrol_parts, "join": _enrol_parts,
}


def describe(action: str, body: dict[str, Any], names: Any = None) -> str:
    """One Chinese line saying what the logged operation did (`names`: pupil id → "name (masked
    ID)" for per-pupil prints)."""
    describer = _DESCRIBERS.get(action)
    parts = describer(body, names) if describer is not None else []
    if body.get("full_ids"):
        parts.append("含完整身份证号")
    if body.get("restricted"):
        parts.append("含家庭经济困难类别")
    if body.get("file"):
        parts.append(f"文件 {body['file']}")
    return "，".join(str(p) for p in parts if p)
