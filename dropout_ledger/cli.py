"""The headless command line: `dropout-ledger` (design README §4 is its contract).

Exit codes: 0 success, 2 input refused (nothing changed), 1 internal error. Refusals are printed
to stderr in plain Chinese; `--json` prints machine-readable output to stdout.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from dropout_ledger import __version__
from dropout_ledger.errors import InputRefused, LedgerError
from dropout_ledger.ledger import Ledger, restore
from dropout_ledger.model import identity
from dropout_ledger.paths import default_ledger_path
from dropout_ledger.services import demo, stats
from dropout_ledger.store import verify as verify_store
from dropout_ledger.store.queries import VIEWS, RosterRow

PRINT_FORMS_HELP = (
    "表格：ledger（控辍保学台账）、register（辍学学生劝返复学登记表）、case-report（辍学学生情况报告表）、"
    "report（书面报告/月报）、notice（劝返复学通知书）、checklist（劝返清单）、letters（一封家书）、"
    "pairing（结对帮扶记录表）、home-teaching（送教上门记录）、left-behind（留守儿童档案）、"
    "disability（三类残疾儿童统计表）、dossier（一生一档）、stats（控辍保学统计表）"
)

NOT_YET = {
    "join": "加入县级台账", "county": "县级功能", "sync": "U 盘同步",
}


def _out(args: argparse.Namespace, data: Any, text: str) -> None:
    if args.json:
        print(json.dumps(data, ensure_ascii=False, sort_keys=True, indent=1))
    else:
        print(text)


def _ledger_path(args: argparse.Namespace) -> Path:
    return Path(args.ledger) if args.ledger else default_ledger_path()


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
        with Ledger.open(path) as ledger:
            demo.populate(ledger, students=args.students, seed=args.seed)
    with Ledger.open(path) as ledger:
        count = ledger.queries.count("all")
        name = ledger.org.name
    _out(args, {"ledger": str(path), "students": count},
         f"已生成演示学校“{name}”：{count} 名学生（全部为虚构人物）。\n文件：{path}")
    return 0


def _row_json(row: RosterRow) -> dict[str, Any]:
    return {"id": row.student_id, "id_number": row.id_number, "xjh": row.xjh, "name": row.name,
            "sex": row.sex, "grade": row.grade, "class": row.class_name,
            "village": row.village_name, "status": row.status, "status_label": row.status_label,
            "at_risk": row.at_risk}


def cmd_list(args: argparse.Namespace) -> int:
    with Ledger.open(_ledger_path(args)) as ledger:
        rows = ledger.queries.iter_roster(args.view, search=args.search)
        if args.json:  # streamed: a county roster of 150,000 never sits in memory at once
            sys.stdout.write("[")
            for number, row in enumerate(rows):
                sys.stdout.write(("," if number else "") + "\n" + json.dumps(
                    _row_json(row), ensure_ascii=False, sort_keys=True))
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


def cmd_stats(args: argparse.Namespace) -> int:
    on = _snapshot_date(args.date)
    with Ledger.open(_ledger_path(args)) as ledger:
        data = stats.statistics(ledger, on)
        org = ledger.org
    from dropout_ledger.model.status import Status

    text = [f"{org.name}：共 {data['total']} 名学生，在籍 {data['on_roll']} 名"]
    text += [f"  {Status(code).label}：{n}" for code, n in data["by_status"].items() if n]
    text.append(f"  预警：{data['flags']['at_risk']}  留守：{data['flags']['left_behind']}"
                f"  残疾：{data['flags']['disability']}")
    text.append(f"  辍学个案：共 {data['cases']['total']}，未销号 {data['cases']['open']}")
    r = data["rates"]
    text.append(f"{r['school_year']}学年（{r['period']['start']} 至 {r['period']['end']}）：")
    for convention in ("definitional", "net_change"):
        text += [_figure_line(r["dropout"][convention][stage]["total"])
                 for stage in ("primary", "junior")]
    text += [_figure_line(r["consolidation"][k]) for k in ("primary", "junior", "nine_year")]
    text += [_figure_line(r["progression"]), _figure_line(r["disability"]["three_categories"])]
    text += [_figure_line(r["enrolment"]["primary"])]
    _out(args, data, "\n".join(text))
    return 0


def cmd_verify(args: argparse.Namespace) -> int:
    path = _ledger_path(args)
    with Ledger.open(path) as ledger:
        checks = verify_store.verify(ledger.conn, path)
        fingerprint = verify_store.fingerprint(ledger.conn)
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
    with Ledger.open(_ledger_path(args)) as ledger:
        ledger.backup(out)
    _out(args, {"backup": str(out), "bytes": out.stat().st_size}, f"已备份到 {out}")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    path = _ledger_path(args)
    safety = restore(path, Path(args.file))
    _out(args, {"ledger": str(path), "safety_copy": str(safety) if safety else None},
         f"已从 {args.file} 恢复台账。" + (f"原台账已另存为 {safety}" if safety else ""))
    return 0


def cmd_print(args: argparse.Namespace) -> int:
    from dropout_ledger import printing

    with Ledger.open(_ledger_path(args)) as ledger:
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

    with Ledger.open(_ledger_path(args)) as ledger:
        outcome = command.run(
            ledger, Path(args.file), dry_run=args.dry_run, skip_invalid=args.skip_invalid,
            report=Path(args.report) if args.report else None,
        )
    _out(args, outcome.data, outcome.text)
    if outcome.refusal:
        print(outcome.refusal, file=sys.stderr)
    return outcome.exit_code


def cmd_export_xlsx(args: argparse.Namespace) -> int:
    """A roster view, the statistics (VIEW "stats") or a filled county template, as .xlsx.

    Run by the principal at his own machine: the role is "principal", and whole ID numbers and
    restricted fields are written only when asked for (--full-ids, --restricted), decision 0011.
    """
    from dropout_ledger import exporting  # openpyxl loads only for this command

    out = Path(args.out)
    if args.view == "stats" and args.template:
        raise InputRefused("统计表不能填入县级模板：--template 只用于学生名单。")
    # An unknown view is refused before the ledger is even opened.
    exporting.check_view(args.view, also={"stats": "统计表"})
    with Ledger.open(_ledger_path(args)) as ledger:
        if args.view == "stats":
            result = exporting.export_stats(ledger, out)
        elif args.template:
            result = exporting.export_template(
                ledger, args.view, Path(args.template), out, role="principal",
                full_ids=args.full_ids, restricted=args.restricted, search=args.search)
        else:
            result = exporting.export_roster(
                ledger, args.view, out, role="principal", full_ids=args.full_ids,
                restricted=args.restricted, search=args.search, all_columns=args.all_columns)
    masked = "" if result.full_ids or result.view == "stats" else "（身份证号、学籍号已隐去中间部分）"
    _out(args, result.as_json(), f"已导出 {result.rows} 行到 {result.file}{masked}")
    return 0


def cmd_reconcile(args: argparse.Namespace) -> int:
    """四查三比对: check a county or village list against the roll and store it."""
    from dropout_ledger.reconcile import command as reconcile

    with Ledger.open(_ledger_path(args)) as ledger:
        outcome = reconcile.run(ledger, Path(args.file), kind=args.kind, title=args.title,
                                dry_run=args.dry_run, out=Path(args.out) if args.out else None)
    _out(args, outcome.data, outcome.text)
    if outcome.refusal:
        print(outcome.refusal, file=sys.stderr)
    return outcome.exit_code


def cmd_self_test(args: argparse.Namespace) -> int:
    """The install check (dropout_ledger/selftest.py): scratch ledger, sample, print, verify."""
    from dropout_ledger import selftest

    results = selftest.run_all()
    _out(args, [{"name": r.name, "ok": r.ok, "detail": r.detail, "seconds": round(r.seconds, 3)}
                for r in results], selftest.report(results))
    return 0 if all(r.ok for r in results) else 1


def _not_yet(args: argparse.Namespace) -> int:
    print(f"“{NOT_YET[args.command]}”功能尚未完成，将在后续版本提供。", file=sys.stderr)
    return 1


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
    add("verify", cmd_verify, "校验台账完整性")
    backup_cmd = add("backup", cmd_backup, "备份台账")
    backup_cmd.add_argument("--out", required=True)
    restore_cmd = add("restore", cmd_restore, "从备份恢复台账")
    restore_cmd.add_argument("file")
    _add_paper_and_excel(add)
    add("self-test", cmd_self_test, "自检：在临时文件夹中新建台账、导入样例名单、打印、校验（不动本机台账）")
    for name in NOT_YET:
        later = add(name, _not_yet, f"{NOT_YET[name]}（尚未完成）")
        later.add_argument("rest", nargs=argparse.REMAINDER)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; never lets a traceback be the only thing a principal sees."""
    args = _parser().parse_args(argv)
    args.ledger = getattr(args, "ledger", None)
    args.json = getattr(args, "json", False)
    handler: Callable[[argparse.Namespace], int] = args.handler
    try:
        return handler(args)
    except LedgerError as error:
        print(error.message, file=sys.stderr)
        return error.exit_code
    except BrokenPipeError:  # output piped into `head`: not an error of ours
        return 0
    except Exception:  # a bug: say so plainly, keep the details for the developers
        print("内部错误：操作未完成，台账没有改动。请把以下信息发给技术支持：", file=sys.stderr)
        traceback.print_exc()
        return 1


if __name__ == "__main__":
    raise SystemExit(main())
