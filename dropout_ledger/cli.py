"""The headless command line: `dropout-ledger` (design README §4 is its contract).

Exit codes: 0 success, 2 input refused (nothing changed), 1 internal error. Refusals are printed
to stderr in plain Chinese; `--json` prints machine-readable output to stdout.

Accounts (docs/decisions/0020-accounts-and-roles.md): `--user NAME` logs in with the password in
DROPOUT_LEDGER_PASSWORD or typed at a prompt, and the account's role decides what the command
shows and may do, as in the desktop app (a class teacher: her class only, masked ID numbers, no
lists exported or printed). A ledger without accounts works as before, with nobody logged in;
once a ledger has accounts, every command that opens it needs `--user`.
"""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import json
import os
import sys
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from dropout_ledger import __version__
from dropout_ledger.errors import InputRefused, LedgerDamaged, LedgerError, NotFound
from dropout_ledger.ledger import Ledger, restore
from dropout_ledger.model import identity
from dropout_ledger.model.access import Permission, may
from dropout_ledger.paths import default_ledger_path
from dropout_ledger.services import accounts, cipher, demo, stats
from dropout_ledger.services.destinations import latest_destinations
from dropout_ledger.store import db
from dropout_ledger.store import sqlite as sqlite3
from dropout_ledger.store import verify as verify_store
from dropout_ledger.store.queries import VIEWS, RosterRow

PRINT_FORMS_HELP = (
    "表格：ledger（控辍保学台账）、register（辍学学生劝返复学登记表）、case-report（辍学学生情况报告表）、"
    "report（书面报告/月报）、notice（劝返复学通知书）、checklist（劝返清单）、letters（一封家书）、"
    "pairing（结对帮扶记录表）、home-teaching（送教上门记录）、left-behind（留守儿童档案）、"
    "disability（三类残疾儿童统计表）、dossier（一生一档）、stats（控辍保学统计表）、"
    "county-keysheet（县级密钥说明单）、join-receipt（入网回执）、audit-log（操作日志）"
)

def _out(args: argparse.Namespace, data: Any, text: str) -> None:
    if args.json:
        print(json.dumps(data, ensure_ascii=False, sort_keys=True, indent=1))
    else:
        print(text)


def _ledger_path(args: argparse.Namespace) -> Path:
    return Path(args.ledger) if args.ledger else default_ledger_path()


PASSWORD_ENV = "DROPOUT_LEDGER_PASSWORD"
"""The password of `--user`, for scripts; without it the command asks at a prompt."""
NEW_PASSWORD_ENV = "DROPOUT_LEDGER_NEW_PASSWORD"
"""A new password (account add / passwd / reset), for scripts; else asked twice."""


def _password(prompt: str, env: str, *, twice: bool = False) -> str:
    """A password from the environment, else typed at the terminal (never echoed)."""
    given = os.environ.get(env)
    if given is not None:
        return given
    if not sys.stdin or not sys.stdin.isatty():
        raise InputRefused(f"请输入密码：在终端中运行本命令，或设置环境变量 {env}。")
    typed = getpass.getpass(prompt)
    if twice and getpass.getpass("再输入一次：") != typed:
        raise InputRefused("两次输入的密码不一样，没有改动。请重新运行。")
    return typed


def _open(args: argparse.Namespace, path: Path | None = None) -> Ledger:
    """Open the ledger and log `--user` in; refuse a ledger with accounts and no `--user`.

    An encrypted ledger (decision 0021) is unlocked by the login's password before it is read;
    a plaintext one with accounts is encrypted by this login.
    """
    path = path or _ledger_path(args)
    if args.user:
        ledger = cipher.open_as(path, args.user, _password(f"{args.user} 的密码：", PASSWORD_ENV))
        warning = cipher.recovery_warning(ledger)
        if warning and getattr(args, "command", "") != "join":  # stderr: --json stays clean
            print(f"注意：{warning}。请尽快加入县级台账（join）。", file=sys.stderr)
        return ledger
    ledger = Ledger.open(path)
    try:
        if accounts.has_accounts(ledger):
            raise InputRefused("这个台账已设置账户：请用 --user 账户名 登录（密码在提示时输入，"
                               f"或放在环境变量 {PASSWORD_ENV} 中）。")
    except BaseException:
        ledger.close()
        raise
    return ledger


def _signed_in(ledger: Ledger) -> bool:
    return bool(ledger.operator.role)


def cmd_init(args: argparse.Namespace) -> int:
    path = _ledger_path(args)
    if args.county:
        if not (args.county_name or "").strip():
            raise InputRefused("新建县级台账须提供 --county-name（县教育局名称）。")
        kind, code, name, county = "county", args.county, args.county_name, ""
    else:
        if not args.school_code or not (args.school_name or "").strip():
            raise InputRefused("新建学校台账须提供 --school-code（10 位学校标识码）和 --school-name。")
        kind, code, name, county = "school", args.school_code, args.school_name, args.county_code
    with Ledger.create(path, kind=kind, code=code, name=name, county_code=county or "") as ledger:
        org = ledger.org
    _out(args, {"ledger": str(path), "kind": org.kind, "code": org.code, "name": org.name},
         f"已新建{'县级' if kind == 'county' else '学校'}台账：{org.name}（{org.code}）\n文件：{path}")
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    path = _ledger_path(args)
    if not path.exists():
        demo.ensure_demo(path, students=args.students, seed=args.seed)
    else:
        with _open(args, path) as ledger:
            demo.populate(ledger, students=args.students, seed=args.seed)
    with _open(args, path) as ledger:
        count = ledger.queries.count("all")
        name = ledger.org.name
    _out(args, {"ledger": str(path), "students": count},
         f"已生成演示学校“{name}”：{count} 名学生（全部为虚构人物）。\n文件：{path}")
    return 0


def _row_json(row: RosterRow, *, full_ids: bool = True, destination: str = "") -> dict[str, Any]:
    id_number = row.id_number if full_ids else identity.mask_id_number(row.id_number)
    xjh = row.xjh if full_ids else identity.mask_xjh(row.xjh)
    return {"id": row.student_id, "id_number": id_number, "xjh": xjh, "name": row.name,
            "sex": row.sex, "grade": row.grade, "class": row.class_name,
            "village": row.village_name, "status": row.status, "status_label": row.status_label,
            "at_risk": row.at_risk, "destination": destination}


def cmd_list(args: argparse.Namespace) -> int:
    with _open(args) as ledger:
        rows = ledger.queries.iter_roster(args.view, search=args.search)
        # Nobody logged in (a ledger without accounts) keeps the whole numbers it always gave.
        full_ids = not _signed_in(ledger) or may(ledger.operator.role, Permission.FULL_IDS)
        if args.json:  # streamed: a county roster of 150,000 never sits in memory at once
            # 毕业去向 (the newest; "" for none): a few hundred graduates, read once.
            destinations = latest_destinations(ledger.conn)
            sys.stdout.write("[")
            for number, row in enumerate(rows):
                found = destinations.get(row.student_id)
                sys.stdout.write(("," if number else "") + "\n" + json.dumps(
                    _row_json(row, full_ids=full_ids,
                              destination=found.destination if found else ""),
                    ensure_ascii=False, sort_keys=True))
            sys.stdout.write("\n]\n")
            return 0
        print(f"{'序号':<4}{'姓名':<8}{'性别':<4}{'年级':<4}{'班级':<6}{'身份证号':<20}状态")
        total = 0
        for total, r in enumerate(rows, start=1):
            sex = "男" if r.sex == "1" else "女" if r.sex == "2" else ""
            print(f"{total:<6}{r.name:<8}{sex:<5}{r.grade:<6}{r.class_name:<7}"
                  f"{identity.mask_id_number(r.id_number):<22}{r.status_label}"
                  + (" ⚠预警" if r.at_risk else ""))
    print(f"共 {total} 名学生")
    return 0


def _snapshot_date(text: str | None) -> dt.date | None:
    if text is None:
        return None
    try:
        if len(text) != 10:
            raise ValueError(text)
        return dt.date.fromisoformat(text)
    except ValueError:
        raise InputRefused(f"日期“{text}”无效：请写成 YYYY-MM-DD，例如 2026-03-15。") from None


def _percent(bp: int | None) -> str:
    return "—" if bp is None else f"{bp // 100}.{bp % 100:02d}%"


def _figure_line(figure: dict[str, Any]) -> str:
    value = _percent(figure["value_bp"])
    line = f"  {figure['label']}：{value}"
    if figure["value_bp"] is not None:
        line += f"（{figure['numerator']}/{figure['denominator']}）"
    if figure["target_bp"] is not None:
        sign = "≤" if figure["target_kind"] == "max" else "≥"
        verdict = {True: "达标", False: "未达标", None: ""}[figure["met"]]
        line += f"  目标{sign}{_percent(figure['target_bp'])} {verdict}".rstrip()
    if figure["note"]:
        line += f"  [{figure['note']}]"
    return line


def _school_scope(ledger: Ledger, code: str) -> None:
    """A county looks at one enrolled school's pupils (figures as that school's ledger has them)."""
    from dropout_ledger.store.queries import SchoolScope

    if ledger.org.kind != "county":
        raise InputRefused("--school 只用于县级台账；学校台账统计的就是本校。")
    org = f"S:{identity.parse_school_code(code).code}"
    if not ledger.settings.entity(f"school:{org}"):
        raise InputRefused(f"县级台账中没有学校 {code}。请先登记该校（county enroll-school）。")
    ledger.queries.scope = SchoolScope(org)


def cmd_stats(args: argparse.Namespace) -> int:
    on = _snapshot_date(args.date)
    with _open(args) as ledger:
        if args.school:
            _school_scope(ledger, args.school)
        data = stats.statistics(ledger, on)
    from dropout_ledger.model.status import Status

    text = [f"{data['org']['name']}：共 {data['total']} 名学生，在籍 {data['on_roll']} 名"]
    text += [f"  {Status(code).label}：{n}" for code, n in data["by_status"].items() if n]
    text.append(f"  预警：{data['flags']['at_risk']}  留守：{data['flags']['left_behind']}"
                f"  残疾：{data['flags']['disability']}")
    text.append(f"  辍学个案：共 {data['cases']['total']}，未销号 {data['cases']['open']}")
    r = data["rates"]
    if r is None:
        text.append("（班主任账户只统计本班人数；辍学率、巩固率等全校指标请由校长查看。）")
        _out(args, data, "\n".join(text))
        return 0
    text.append(f"{r['school_year']}学年（{r['period']['start']} 至 {r['period']['end']}）：")
    for convention in ("definitional", "net_change"):
        text += [_figure_line(r["dropout"][convention][stage]["total"])
                 for stage in ("primary", "junior")]
    text += [_figure_line(r["consolidation"][k]) for k in ("primary", "junior", "nine_year")]
    text += [_figure_line(r["progression"]), _figure_line(r["disability"]["three_categories"])]
    text += [_figure_line(r["enrolment"][band]) for band in ("primary", "junior", "all")]
    _out(args, data, "\n".join(text))
    return 0


def cmd_verify(args: argparse.Namespace) -> int:
    path = _ledger_path(args)
    try:
        with _open(args, path) as ledger:
            checks = verify_store.verify(ledger.conn, path)
            fingerprint = verify_store.fingerprint(ledger.conn)
    except LedgerDamaged as damaged:  # refused at open: the full check still says everything
        conn = db.open_existing(path, readonly=True)
        try:
            checks = [verify_store.Check("启动自检", ok=False, summary=damaged.message),
                      *verify_store.verify(conn, path)]
            fingerprint = ""
        finally:
            conn.close()
    ok = all(c.ok for c in checks)
    data = {"ok": ok, "fingerprint": fingerprint, "checks": [
        {"name": c.name, "ok": c.ok, "summary": c.summary, "problems": c.problems}
        for c in checks]}
    lines = [f"{'✓' if c.ok else '✗'} {c.name}：{c.summary}" + "".join(
        f"\n    - {p}" for p in c.problems) for c in checks]
    lines.append(f"数据指纹：{fingerprint}" if ok else "发现问题：请不要继续录入，联系县教育局或用备份恢复。")
    _out(args, data, "\n".join(lines))
    return 0 if ok else 2


def cmd_backup(args: argparse.Namespace) -> int:
    out = Path(args.out)
    from dropout_ledger.services.backups import write_failure

    with _open(args) as ledger:
        accounts.require_permission(ledger, Permission.EXPORT_LISTS,
                                    "备份会复制全校学生的资料，当前账户无权进行。请由校长或学籍管理员备份。")
        try:
            ledger.backup(out)
        except (OSError, sqlite3.Error) as error:  # a full or read-only stick: nothing left
            raise InputRefused(write_failure(out.parent, error)) from error
    _out(args, {"backup": str(out), "bytes": out.stat().st_size}, f"已备份到 {out}")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    path = _ledger_path(args)
    operator, key = None, None
    if path.exists():
        with _open(args, path) as ledger:
            accounts.require_permission(ledger, Permission.WHOLE_SCHOOL,
                                        "恢复备份会替换全校的台账，当前账户无权进行。请由校长或学籍管理员恢复。")
            operator, key = ledger.operator, ledger.key
    elif cipher.is_encrypted(Path(args.file)):  # onto a new laptop: the backup's own key file
        if not args.user:
            raise InputRefused("这个备份是加密的：请用 --user 账户名 给出备份时台账的一个账户"
                               f"（密码在提示时输入，或放在环境变量 {PASSWORD_ENV} 中）。")
        key = cipher.unlock(Path(args.file), args.user,
                            _password(f"{args.user} 的密码：", PASSWORD_ENV))
    safety = restore(path, Path(args.file), operator=operator, key=key)
    _out(args, {"ledger": str(path), "safety_copy": str(safety) if safety else None},
         f"已从 {args.file} 恢复台账。" + (f"原台账已另存为 {safety}" if safety else ""))
    return 0


def cmd_print(args: argparse.Namespace) -> int:
    from dropout_ledger import printing

    with _open(args) as ledger:
        result = printing.print_form(ledger, printing.PrintRequest(
            form=args.form, student=args.student, view=args.view, period=args.period),
            Path(args.out))
    label = printing.FORMS[result.form].label
    _out(args, {"file": str(result.file), "pages": result.pages, "form": result.form,
                "rows": result.rows},
         f"已打印“{label}”：{result.pages} 页，{result.rows} 条记录。\n文件：{result.file}")
    return 0


def cmd_import_roster(args: argparse.Namespace) -> int:
    from dropout_ledger.importing import command

    with _open(args) as ledger:
        outcome = command.run(
            ledger, Path(args.file), dry_run=args.dry_run, skip_invalid=args.skip_invalid,
            report=Path(args.report) if args.report else None,
        )
    _out(args, outcome.data, outcome.text)
    if outcome.refusal:
        print(outcome.refusal, file=sys.stderr)
    return outcome.exit_code


def _export_role(ledger: Ledger) -> str:
    """The role an export runs with: the signed-in account's (decision 0020); on a ledger
    without accounts, the principal at his own machine (decision 0011)."""
    return ledger.operator.role or "principal"


def cmd_export_xlsx(args: argparse.Namespace) -> int:
    """A roster view, the statistics (VIEW "stats") or a filled county template, as .xlsx.

    Whole ID numbers and restricted fields are written only when asked for (--full-ids,
    --restricted) and the role allows them (decision 0011); a class teacher exports nothing.
    """
    from dropout_ledger import exporting  # openpyxl loads only for this command

    out = Path(args.out)
    county_template = args.county_template
    if args.view == "stats" and (args.template or county_template is not None):
        raise InputRefused("统计表不能填入县级模板：--template 和 --county-template 只用于学生名单。")
    if args.template and county_template is not None:
        raise InputRefused("--template（本机的模板文件）和 --county-template（县里下发的模板）只能选一个。")
    # An unknown view is refused before the ledger is even opened.
    exporting.check_view(args.view, also={"stats": "统计表"})
    with _open(args) as ledger:
        if args.view == "stats":
            result = exporting.export_stats(ledger, out)
        elif county_template is not None:
            from dropout_ledger.sync import templates

            result = templates.fill(
                ledger, args.view, out, name=county_template or None, role=_export_role(ledger),
                full_ids=args.full_ids, restricted=args.restricted, search=args.search)
        elif args.template:
            result = exporting.export_template(
                ledger, args.view, Path(args.template), out, role=_export_role(ledger),
                full_ids=args.full_ids, restricted=args.restricted, search=args.search)
        else:
            result = exporting.export_roster(
                ledger, args.view, out, role=_export_role(ledger), full_ids=args.full_ids,
                restricted=args.restricted, search=args.search, all_columns=args.all_columns)
    masked = "" if result.full_ids or result.view == "stats" else "（身份证号、学籍号已隐去中间部分）"
    _out(args, result.as_json(), f"已导出 {result.rows} 行到 {result.file}{masked}")
    return 0


def cmd_reconcile(args: argparse.Namespace) -> int:
    """四查三比对: check a county or village list against the roll and store it."""
    from dropout_ledger.reconcile import command as reconcile

    with _open(args) as ledger:
        outcome = reconcile.run(ledger, Path(args.file), kind=args.kind, title=args.title,
                                dry_run=args.dry_run, out=Path(args.out) if args.out else None)
    _out(args, outcome.data, outcome.text)
    if outcome.refusal:
        print(outcome.refusal, file=sys.stderr)
    return outcome.exit_code


def _account_json(account: accounts.Account) -> dict[str, Any]:
    return {"id": account.id, "name": account.name, "display_name": account.display_name,
            "role": account.role, "grade": account.grade, "class": account.class_name,
            "disabled": account.disabled, "locked_until": account.locked_until,
            "failed": account.failed}


def _account_line(account: accounts.Account) -> str:
    scope = f" {account.grade}年级{account.class_name}" if account.grade else ""
    state = "（已停用）" if account.disabled else "（已锁定）" if account.locked_until else ""
    return f"{account.name}\t{account.display_name}\t{account.role_label}{scope}{state}"


RESET_CODE_ENV = "DROPOUT_LEDGER_RESET_CODE"
"""The county's one-time recovery code, for scripts; without it the command asks."""


def _reset_with_county_file(args: argparse.Namespace) -> int:
    """School: a forgotten password reset with the county's signed recovery file (0021)."""
    if not args.name or not args.user:
        raise InputRefused("用法：account reset-with-county-file 恢复文件 --user 账户名"
                           "（恢复码和新密码在提示时输入）。")
    data = _read_file(Path(args.name))
    code = _password("县教育局给的恢复码：", RESET_CODE_ENV)
    new = _password(f"{args.user} 的新密码：", NEW_PASSWORD_ENV, twice=True)
    with cipher.reset_with_county_file(_ledger_path(args), data, args.user, code, new) as ledger:
        done = accounts.by_name(ledger, args.user)
    _out(args, _account_json(done), f"已用县教育局的恢复文件重设密码：{_account_line(done)}")
    return 0


RECOVERY_CODE_ENV = "DROPOUT_LEDGER_RECOVERY_CODE"
"""The paper recovery code, for scripts; without it the command asks."""


def _reset_with_recovery_code(args: argparse.Namespace) -> int:
    """A forgotten password reset with the ledger's paper recovery code (0021; the county's own
    ledger has nobody above it to recover it)."""
    if not args.user:
        raise InputRefused("用法：account reset-with-recovery-code --user 账户名"
                           "（恢复码和新密码在提示时输入）。")
    code = _password("保险柜里的恢复码：", RECOVERY_CODE_ENV)
    new = _password(f"{args.user} 的新密码：", NEW_PASSWORD_ENV, twice=True)
    with cipher.reset_with_recovery_code(_ledger_path(args), code, args.user, new) as ledger:
        done = accounts.by_name(ledger, args.user)
    _out(args, _account_json(done), f"已用恢复码重设密码：{_account_line(done)}")
    return 0


def cmd_account(args: argparse.Namespace) -> int:
    """本机账户: list, add, passwd (own), reset, role, unlock, disable, enable; recovery."""
    action = args.action
    if action == "reset-with-county-file":
        return _reset_with_county_file(args)
    if action == "reset-with-recovery-code":
        return _reset_with_recovery_code(args)
    if action == "recovery-code":
        with _open(args) as ledger:
            code = cipher.make_recovery_code(ledger)
        _out(args, {"recovery_code": code}, "\n".join([
            f"恢复码：{code}",
            "请抄在纸上（或打印本页），由两人签字后锁进保险柜；忘记所有密码时，用它和",
            "“account reset-with-recovery-code --user 账户名”重设密码。恢复码只显示这一次，",
            "重新生成后旧的作废。"]))
        return 0
    if action != "list" and action != "passwd" and not args.name:
        raise InputRefused(f"“account {action}”须给出账户名，例如 account {action} zhangwei。")
    with _open(args) as ledger:
        if action == "list":
            found = accounts.list_accounts(ledger)
            _out(args, [_account_json(a) for a in found],
                 "\n".join(_account_line(a) for a in found) or "本台账还没有账户。")
            return 0
        if action == "add":
            if not args.role:
                raise InputRefused("请用 --role 指定角色：principal（校长）、registrar（学籍管理员）、"
                                   "class_teacher（班主任）、county_clerk（县教育局工作人员）。")
            password = _password("新账户的密码：", NEW_PASSWORD_ENV, twice=True)
            changes = accounts.create(
                ledger, name=args.name, password=password, role=args.role,
                display_name=args.display_name or "", grade=args.grade,
                class_name=args.class_name or "")
            done = accounts.account(ledger, changes.created[0])
            _out(args, _account_json(done), f"已新建账户：{_account_line(done)}")
            return 0
        if action == "passwd":
            old = _password("原密码：", PASSWORD_ENV)
            accounts.change_password(ledger, old, _password("新密码：", NEW_PASSWORD_ENV,
                                                            twice=True))
            _out(args, {"ok": True}, "密码已修改。")
            return 0
        who = accounts.by_name(ledger, args.name)
        if action == "reset":
            accounts.reset_password(ledger, who.id, _password(
                f"{who.name} 的新密码：", NEW_PASSWORD_ENV, twice=True))
        elif action == "role":
            accounts.set_role(ledger, who.id, args.role or who.role, grade=args.grade,
                              class_name=args.class_name or "")
        elif action == "unlock":
            accounts.unlock(ledger, who.id)
        else:
            accounts.set_disabled(ledger, who.id, action == "disable")
        done = accounts.account(ledger, who.id)
    _out(args, _account_json(done), f"已完成：{_account_line(done)}")
    return 0


def _read_file(path: Path) -> bytes:
    """A file the user named, or a Chinese refusal saying why it cannot be read."""
    if path.is_dir():
        raise InputRefused(f"“{path}”是一个文件夹，请给出文件名。")
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise NotFound(f"找不到文件：{path}。请检查U盘是否插好、文件名是否正确。") from None
    except OSError as error:
        raise InputRefused(f"无法读取文件 {path}（{error.strerror}）。请把文件复制到本机后再试。") from None


def cmd_join(args: argparse.Namespace) -> int:
    """School: join the county with its enrolment file (design README §4)."""
    from dropout_ledger.sync import enrol, envelope

    path = Path(args.file)
    envelope.check_name(path)
    data = _read_file(path)
    with _open(args) as ledger:
        own = enrol.join(ledger, data, args.fingerprint)
        cipher.ensure_county_wrap(ledger)  # from now on the county can recover a lost password
        county = enrol.county_status(ledger)
        assert county is not None and county.keys is not None  # join pinned it
        name = str(ledger.settings.entity(f"org:{county.org}").get("name") or county.org)
        school = ledger.org
    verified = county.method != "unverified"
    _out(args, {"fingerprint": own, "school": f"S:{school.code}", "county": county.org,
                "county_name": name, "county_fingerprint": county.fingerprint,
                "verified": verified},
         f"{school.name}已加入{name}（{county.org[2:]}）的控辍保学台账。\n"
         f"县教育局密钥指纹：{county.fingerprint}"
         f"{'（已核对）' if verified else '（未核对）'}\n"
         f"本校密钥指纹：{own}\n"
         "请打印入网回执（print join-receipt），校长签字、加盖公章后交县教育局。")
    if not verified:
        print("注意：没有输入指纹数字，县教育局的密钥还没有核对。请务必把上面“县教育局密钥指纹”的"
              "六组数字与县教育局盖章通知上的数字逐组核对，再用 join 文件 --fingerprint 数字 重新确认；"
              "如有任何不同，立即停止使用，打电话与县教育局核实。", file=sys.stderr)
    return 0


def cmd_county_enroll(args: argparse.Namespace) -> int:
    """County: record a school and write its signed enrolment file."""
    from dropout_ledger.fileio import write_bytes
    from dropout_ledger.sync import enrol

    out = Path(args.out)
    if out.is_dir():
        raise InputRefused(f"“{out}”是一个文件夹。请给出入网文件名，例如 {out / '入网文件.dlpkg'}。")
    with _open(args) as ledger:
        data, fingerprint = enrol.enroll_school(ledger, args.school_code, args.school_name)
        school = enrol.school_entity_values(ledger, args.school_code)
    try:
        write_bytes(out, data)
    except OSError as error:
        raise InputRefused(f"无法保存入网文件到 {out}（{error.strerror}）。学校已登记，"
                           "换一个位置重新执行本命令即可。") from None
    _out(args, {"fingerprint": fingerprint, "file": str(out), "school": school["org"],
                "name": school["name"]},
         f"已登记学校：{school['name']}（{school['code']}）\n入网文件：{out}\n"
         f"县教育局密钥指纹：{fingerprint}\n"
         "请把入网文件交给学校，并把这六组数字印在盖章通知上，供校长入网时逐组核对。")
    return 0


def cmd_county_confirm(args: argparse.Namespace) -> int:
    """County: the clerk confirms a school's fingerprint from its stamped receipt."""
    from dropout_ledger.sync import enrol, importer
    from dropout_ledger.sync.keys import normalise_fingerprint

    with _open(args) as ledger:
        keys = enrol.confirm_school(ledger, args.code, args.fingerprint)
        school = enrol.school_entity_values(ledger, args.code)
        held = importer.import_held(ledger, school["org"]) if keys is not None else []
    digits = normalise_fingerprint(args.fingerprint)
    later = "该校的第一个同步包到达时，指纹相同即直接导入。"
    text = [f"已确认学校 {school['name']}（{school['code']}）的密钥指纹：{digits}",
            "今后该校的同步包将被接受。" if keys else later]
    text += [f"{'✓' if o.accepted else '✗'} 暂存的 {o.file}：{o.reason}" for o in held]
    _out(args, {"fingerprint": digits, "school": school["org"], "key_known": keys is not None,
                "held": [o.to_json() for o in held]}, "\n".join(text))
    return 0


def cmd_county_revoke(args: argparse.Namespace) -> int:
    """County: revoke one of a school's keys; its packages are refused from now on."""
    from dropout_ledger.sync import enrol
    from dropout_ledger.sync.keys import normalise_fingerprint

    with _open(args) as ledger:
        enrol.revoke_school_key(ledger, args.code, args.fingerprint)
        left = enrol.active_school_keys(ledger, args.code)
        school = enrol.school_entity_values(ledger, args.code)
    digits = normalise_fingerprint(args.fingerprint)
    text = [f"已注销学校 {school['name']}（{school['code']}）指纹为 {digits} 的密钥。"]
    text.append(f"该校还有 {left} 把已确认的密钥。" if left else
                "该校已没有已确认的密钥：在学校重新导出同步文件后，按新的入网回执确认其密钥。")
    _out(args, {"school": school["org"], "fingerprint": digits, "active_keys_left": left},
         "\n".join(text))
    return 0


def cmd_county_set_template(args: argparse.Namespace) -> int:
    """County: store a form template in the ledger; every school receives it by sync."""
    from dropout_ledger.sync import templates

    path = Path(args.file)
    data = _read_file(path)
    with _open(args) as ledger:
        template, new = templates.set_template(ledger, data, path.name,
                                               name=args.name or templates.DEFAULT_NAME)
    done = (f"已设置县级模板“{template.name}”（第 {template.version} 版，{template.title}，"
            f"{template.size / 1024:.0f} KB）。下次给学校导出同步文件时，每所学校都会收到它；"
            "学校导出名单时可选“按县里下发的模板填写”。") if new else \
        f"县级模板“{template.name}”已是这个文件（第 {template.version} 版），没有改动。"
    _out(args, {"name": template.name, "version": template.version, "sha256": template.sha256,
                "size": template.size, "file": template.title, "new": new}, done)
    return 0


def _add_enrolment(add: _Add, common: argparse.ArgumentParser) -> None:
    """入网: the county's enrolment file, a school joining, the county confirming a school."""
    join = add("join", cmd_join, "学校：用县教育局的入网文件加入县级台账")
    join.add_argument("file", help="入网文件（.dlpkg）")
    join.add_argument("--fingerprint", help="县教育局盖章通知上的 30 位指纹数字")
    county = add("county", _county_usage, "县级功能：登记学校、确认或注销学校密钥、下发表格模板")
    sub = county.add_subparsers(dest="county_command", required=True)
    enroll = sub.add_parser("enroll-school", parents=[common], help="登记学校并制作入网文件")
    enroll.set_defaults(handler=cmd_county_enroll)
    enroll.add_argument("--school-code", required=True, help="10 位学校标识码")
    enroll.add_argument("--school-name", required=True, help="学校全称")
    enroll.add_argument("--out", required=True, help="保存入网文件（.dlpkg）")
    confirm = sub.add_parser("confirm-school", parents=[common], help="按入网回执确认学校的密钥")
    confirm.set_defaults(handler=cmd_county_confirm)
    confirm.add_argument("code", help="10 位学校标识码")
    confirm.add_argument("--fingerprint", required=True, help="入网回执上的 30 位指纹数字")
    revoke = sub.add_parser("revoke-key", parents=[common],
                            help="注销学校的一把密钥（电脑丢失、不再使用、恢复备份后的旧密钥）")
    revoke.set_defaults(handler=cmd_county_revoke)
    revoke.add_argument("code", help="10 位学校标识码")
    revoke.add_argument("--fingerprint", required=True, help="要注销的密钥的 30 位指纹数字")
    template = sub.add_parser("set-template", parents=[common],
                              help="下发县级表格模板（.xlsx）：随同步包发给每所学校，学校按它填写名单")
    template.set_defaults(handler=cmd_county_set_template)
    template.add_argument("file", help="县级模板文件（.xlsx）")
    template.add_argument("--name", help="模板名称（默认：名单）；同名的新文件替换旧版")
    recover = sub.add_parser("recover-key", parents=[common],
                             help="学校忘记密码：用学校的钥匙文件出具账户恢复文件")
    recover.set_defaults(handler=cmd_county_recover)
    recover.add_argument("--school", required=True, help="10 位学校标识码")
    recover.add_argument("--keys", required=True, help="学校台账旁边的钥匙文件（台账文件名.keys）")
    recover.add_argument("--out", required=True, help="保存账户恢复文件")


def cmd_county_recover(args: argparse.Namespace) -> int:
    """County: a school forgot every password; issue its signed recovery file (0021)."""
    from dropout_ledger.fileio import write_bytes

    data = _read_file(Path(args.keys))
    with _open(args) as ledger:
        accounts.require_permission(ledger, Permission.WHOLE_SCHOOL,
                                    "出具恢复文件须由县教育局工作人员账户操作。")
        recovery = cipher.county_recovery_file(ledger, data, args.school)
    out = Path(args.out)
    try:
        write_bytes(out, recovery.data)
    except OSError as error:
        raise InputRefused(f"无法保存恢复文件到 {out}（{error.strerror}）。请换一个位置重新执行。") from None
    _out(args, {"file": str(out), "school": recovery.school, "code": recovery.code},
         f"已为 {recovery.school} 出具账户恢复文件：{out}\n"
         f"一次性恢复码：{recovery.code}\n"
         "请把恢复文件交给学校（U盘），恢复码另行告知校长本人（电话或盖章书面），不要和文件放在一起。\n"
         "学校运行：dropout-ledger account reset-with-county-file 恢复文件 --user 账户名")
    return 0


def _county_usage(args: argparse.Namespace) -> int:  # argparse requires a subcommand first
    raise InputRefused("请指定县级功能：enroll-school、confirm-school、revoke-key、set-template"
                       " 或 recover-key。")


def cmd_sync(args: argparse.Namespace) -> int:
    """`sync export --out DIR` and `sync import FILE...` (design README §4); `sync receipts`."""
    from dropout_ledger.sync import exporter, importer, receipts

    with _open(args) as ledger:
        if args.action == "receipts":
            found = receipts.receipts(ledger)
            _out(args, [r.to_json() for r in found], "\n".join(r.sentence() for r in found)
                 or "还没有收到县里的同步包，所以还没有回执。")
            return 0
        if args.action == "export":
            if not args.out:
                raise InputRefused("请用 --out 指定写入同步文件的文件夹，例如U盘。")
            written = exporter.export(ledger, Path(args.out))
            data = [{"file": str(e.path), "to": e.to_org, "to_name": e.to_name,
                     "events": e.events, "package_id": e.package_id, "sha256": e.sha256}
                    for e in written]
            text = [f"已写入 {e.path.name}：给{e.to_name}，{e.events} 条记录" for e in written]
            text.append("请等待本提示出现后再拔U盘；拔出前请使用“安全弹出”。")
            _out(args, data, "\n".join(text))
            return 0
        if not args.files:
            raise InputRefused("请给出要导入的同步文件（.dlpkg），可以一次给多个。")
        outcomes = importer.import_files(ledger, [Path(f) for f in args.files])
    _out(args, [o.to_json() for o in outcomes], "\n".join(
        f"{'✓' if o.accepted else '✗'} {o.file}：{o.reason}"
        + "".join(f"\n  注意：{w}" for w in o.warnings) for o in outcomes))
    refused = [o for o in outcomes if not o.accepted]
    for o in refused:
        print(f"{o.file}：{o.reason}", file=sys.stderr)
    return 2 if refused else 0
def cmd_self_test(args: argparse.Namespace) -> int:
    """The install check (dropout_ledger/selftest.py): scratch ledger, sample, print, verify."""
    from dropout_ledger import selftest

    results = selftest.run_all()
    _out(args, [{"name": r.name, "ok": r.ok, "detail": r.detail, "seconds": round(r.seconds, 3)}
                for r in results], selftest.report(results))
    return 0 if all(r.ok for r in results) else 1


_Add = Callable[[str, Callable[[argparse.Namespace], int], str], Any]


def _add_paper_and_excel(add: _Add) -> None:
    """The commands that read or write files for people: PDF forms, rosters in, Excel out."""
    print_cmd = add("print", cmd_print, "打印表格（PDF）")
    # Spelled out rather than read from printing.FORMS: that import loads reportlab (~1 s),
    # which every other command would pay for. tests/core/test_cli.py keeps the two in step.
    print_cmd.add_argument("form", help=PRINT_FORMS_HELP)
    print_cmd.add_argument("--out", required=True, help="保存的 PDF 文件")
    print_cmd.add_argument("--student", default="", help="学生编号、身份证号或全国学籍号")
    print_cmd.add_argument("--view", default="", help="台账名单（默认：需关注学生；all 为全部学生）")
    print_cmd.add_argument("--period", default="", help="期间 YYYY-MM")
    roster = add("import-roster", cmd_import_roster, "导入学籍花名册（.xlsx/.xls/.ods/.csv）")
    roster.add_argument("file")
    roster.add_argument("--dry-run", action="store_true", help="只检查，不写入台账")
    roster.add_argument("--skip-invalid", action="store_true", help="跳过有错误的行，导入其余各行")
    roster.add_argument("--report", help="把逐行检查结果另存为 .xlsx（可改正后重新导入）")
    export = add("export-xlsx", cmd_export_xlsx, "导出名单或统计表为 Excel（.xlsx）")
    export.add_argument("view", help="all|at-risk|suspected|dropped|returned|home-taught"
                                     "|suspended|stats")
    export.add_argument("--out", required=True, help="保存为（.xlsx）")
    export.add_argument("--template", help="县级模板（.xlsx），按县级配置的列对应填写")
    export.add_argument("--county-template", nargs="?", const="", default=None, metavar="NAME",
                        help="按县里随同步包下发的模板填写（可给出模板名称，默认为最新下发的）")
    export.add_argument("--full-ids", action="store_true", help="写入完整身份证号和学籍号")
    export.add_argument("--restricted", action="store_true", help="写入家庭经济困难类别")
    export.add_argument("--search", default="", help="只导出姓名、身份证号或学籍号匹配的学生")
    export.add_argument("--all-columns", action="store_true", help="导出台账的全部列")
    check = add("reconcile", cmd_reconcile, "名单核查（四查三比对）：导入县、村名单并与学籍比对")
    check.add_argument("file")
    check.add_argument("--kind", default="household",
                       help="household（户籍适龄儿童）|poverty（脱贫户、低保户）|suspected（疑似辍学）|other")
    check.add_argument("--title", default="", help="名单名称（默认：文件名）")
    check.add_argument("--dry-run", action="store_true", help="只检查，不写入台账")
    check.add_argument("--out", help="保存后按县里的原格式导出（.xlsx），加核查结果等三列")


def _parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--ledger", default=argparse.SUPPRESS, help="台账文件路径（默认：本机用户台账）")
    common.add_argument("--json", action="store_true", default=argparse.SUPPRESS,
                        help="输出 JSON")
    common.add_argument("--user", default=argparse.SUPPRESS, metavar="NAME",
                        help=f"以此账户登录（密码在提示时输入，或放在环境变量 {PASSWORD_ENV} 中）")
    parser = argparse.ArgumentParser(prog="dropout-ledger", parents=[common],
                                     description="控辍保学台账（命令行）")
    parser.add_argument("--version", action="version", version=__version__)
    sub = parser.add_subparsers(dest="command", required=True)

    def add(name: str, handler: Callable[[argparse.Namespace], int], help_: str) -> Any:
        cmd = sub.add_parser(name, parents=[common], help=help_)
        cmd.set_defaults(handler=handler)
        return cmd

    init = add("init", cmd_init, "新建学校或县级台账")
    init.add_argument("--school-code")
    init.add_argument("--school-name")
    init.add_argument("--county-code")
    init.add_argument("--county")
    init.add_argument("--county-name")
    demo_cmd = add("demo", cmd_demo, "生成演示学校（虚构学生）")
    demo_cmd.add_argument("--students", type=int, default=600)
    demo_cmd.add_argument("--seed", type=int, default=42)
    list_cmd = add("list", cmd_list, "列出学生")
    list_cmd.add_argument("--view", choices=[v for v in VIEWS if v != "on-roll"], default="all")
    list_cmd.add_argument("--search", default="")
    stats_cmd = add("stats", cmd_stats, "按年级和状态统计人数，计算辍学率、巩固率等指标")
    stats_cmd.add_argument("--date", help="统计截止日期 YYYY-MM-DD（默认：今天）")
    stats_cmd.add_argument("--school", help="县级台账：只统计这所学校（10 位学校标识码）")
    add("verify", cmd_verify, "校验台账完整性")
    backup_cmd = add("backup", cmd_backup, "备份台账")
    backup_cmd.add_argument("--out", required=True)
    restore_cmd = add("restore", cmd_restore, "从备份恢复台账")
    restore_cmd.add_argument("file")
    _add_paper_and_excel(add)
    account = add("account", cmd_account, "本机账户：list、add、passwd、reset、role、unlock、disable、enable")
    account.add_argument("action", choices=["list", "add", "passwd", "reset", "role", "unlock",
                                            "disable", "enable", "reset-with-county-file",
                                            "recovery-code", "reset-with-recovery-code"])
    account.add_argument("name", nargs="?", default="",
                         help="账户名（reset-with-county-file：县教育局的恢复文件）")
    account.add_argument("--role", help="principal|registrar|class_teacher|county_clerk")
    account.add_argument("--display-name", help="姓名（显示在标题栏和打印件上）")
    account.add_argument("--grade", type=int, help="班主任负责的年级（1–9）")
    account.add_argument("--class", dest="class_name", help="班主任负责的班级，例如 2班")
    _add_enrolment(add, common)
    sync = add("sync", cmd_sync,
               "U盘同步：export 写出同步文件，import 导入同步文件，receipts 列出县里的签收回执")
    sync.add_argument("action", choices=["export", "import", "receipts"])
    sync.add_argument("files", nargs="*", help="要导入的同步文件（.dlpkg）")
    sync.add_argument("--out", help="写入同步文件的文件夹（例如U盘）")
    add("self-test", cmd_self_test, "自检：在临时文件夹中新建台账、导入样例名单、打印、校验（不动本机台账）")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; never lets a traceback be the only thing a principal sees."""
    args = _parser().parse_args(argv)
    args.ledger = getattr(args, "ledger", None)
    args.json = getattr(args, "json", False)
    args.user = getattr(args, "user", None)
    handler: Callable[[argparse.Namespace], int] = args.handler
    try:
        return handler(args)
    except LedgerError as error:
        print(error.message, file=sys.stderr)
        if isinstance(error, LedgerDamaged) and args.command != "verify":
            print("（dropout-ledger verify 列出全部问题；dropout-ledger restore 备份文件 用备份恢复。）",
                  file=sys.stderr)
        return error.exit_code
    except BrokenPipeError:  # output piped into `head`: not an error of ours
        return 0
    except Exception:  # a bug: say so plainly, keep the details for the developers
        print("内部错误：操作未完成，台账没有改动。请把以下信息发给技术支持：", file=sys.stderr)
        traceback.print_exc()
        return 1


if __name__ == "__main__":
    raise SystemExit(main())
