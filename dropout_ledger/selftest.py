"""The install check a county technician runs in one step, on the machine itself.

`dropout-ledger-cli self-test` runs the checks below; `dropout-ledger-gui --self-test` runs them
too and adds the desktop's own (Qt fonts, translations, the main window: ui/selftest.py). Each
works in a scratch folder that is removed afterwards: the user's own ledger is never touched, so
the check is safe on a principal's laptop with a year of records on it.

What a broken install looks like in practice — a font or the sample missing from the bundle, a
library that PyInstaller left out (a PDF or Excel module imported only on first use), a folder
that cannot be written — each shows up here as one Chinese line saying what failed, instead of
as a crash weeks later in front of a printer.

The checks run in order and later ones use what earlier ones made (the scratch ledger, the
imported pupils). **Adding a check is one line in `CHECKS`**: a Chinese name and a function
taking the `Scratch` and returning what it found (raising on failure); the sync package round
trip joins that way once sync lands.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from dropout_ledger import __version__
from dropout_ledger.clock import FrozenClock
from dropout_ledger.errors import LedgerError
from dropout_ledger.ledger import Ledger
from dropout_ledger.resources import (
    cjk_font_path,
    fallback_font_paths,
    resource_path,
    song_font_path,
)
from dropout_ledger.synthetic import FICTIONAL_COUNTY_CODE

SAMPLE_ROSTER = ("samples", "sample_roster.xlsx")
"""The bundled sample (resources/samples/, written by tools/make_sample_roster.py)."""
SAMPLE_PUPILS = 36
"""How many pupils the sample holds: the import must create exactly these."""
CATALOGUES = (("translations", "dropout_ledger_en.qm"),)
"""Our compiled translations (Chinese is the source language and needs none of ours)."""
QM_MAGIC = bytes.fromhex("3cb86418caef9c95cd211cbf60a1bddd")
"""The first 16 bytes of every compiled Qt translation (.qm) file."""
CLOCK_AT = dt.datetime(2026, 9, 15, 10, 0)
"""The scratch ledger's clock. Fixed, because many school laptops have a wrong clock, and the
sample's pupils are the right age for their grades on this day; the check is of the install."""


class CheckFailed(Exception):
    """A check found something wrong; the message (Chinese) says what, and what to do."""


@dataclass
class Scratch:
    """The scratch folder of one run, and what earlier checks left there for later ones."""

    folder: Path
    ledger_path: Path
    ledger: Ledger | None = None
    imported: int = 0
    files: dict[str, Path] = field(default_factory=dict)

    def open_ledger(self) -> Ledger:
        """The scratch ledger, which an earlier check created; refuses if none did."""
        if self.ledger is None:
            raise CheckFailed("前面“新建台账”一项没有通过，这一项无法检查。")
        return self.ledger


@dataclass(frozen=True)
class CheckResult:
    """One check: its name, whether it passed, and what was found or what failed (Chinese)."""

    name: str
    ok: bool
    detail: str
    seconds: float


Check = Callable[[Scratch], str]
"""Runs one check on the scratch state; returns what it found, raises CheckFailed if wrong."""


# --- the checks ----------------------------------------------------------------------------


def _reinstall(what: str) -> str:
    return f"{what}。程序文件不完整：请从安装U盘重新复制整个程序文件夹。"


def check_files(scratch: Scratch) -> str:
    """The bundled fonts, translations and sample exist and are what they claim to be."""
    fonts = [cjk_font_path(), song_font_path(), *fallback_font_paths()]
    missing = [p.name for p in fonts if not p.is_file() or p.stat().st_size < 1_000_000]
    if missing:
        raise CheckFailed(_reinstall(f"缺少字体文件 {'、'.join(missing)}"))
    for parts in CATALOGUES:
        path = resource_path(*parts)
        if not path.is_file() or path.read_bytes()[:16] != QM_MAGIC:
            raise CheckFailed(_reinstall(f"缺少或损坏翻译文件 {path.name}"))
    sample = resource_path(*SAMPLE_ROSTER)
    if not sample.is_file():
        raise CheckFailed(_reinstall(f"缺少样例名单 {sample.name}"))
    size = sum(p.stat().st_size for p in fonts) / 1e6
    return f"字体 {len(fonts)} 个（{size:.0f} MB）、英文翻译、样例名单齐全"


def check_fonts(scratch: Scratch) -> str:
    """The PDF fonts load, including both rare-character fallbacks (Ext A 䶮, Ext B 𠅤)."""
    from dropout_ledger.render import fonts  # reportlab: loaded only when printing

    wanted = {"学": "正文", "䶮": "扩展A区生僻字", "𠅤": "扩展B区生僻字"}
    lacking = [label for char, label in wanted.items() if fonts.font_for(char) is None]
    if lacking:
        raise CheckFailed(_reinstall(f"打印字体无法显示{'、'.join(lacking)}"))
    return "宋体、黑体和两个生僻字备用字体均可加载"


def check_new_ledger(scratch: Scratch) -> str:
    """A new school ledger can be created in a scratch folder (SQLite, the file lock)."""
    scratch.ledger = Ledger.create(
        scratch.ledger_path, kind="school", code="2152482101", name="自检学校",
        county_code=FICTIONAL_COUNTY_CODE, clock=FrozenClock(CLOCK_AT),
    )
    return f"临时台账 {scratch.ledger_path.name} 已新建"


def check_import(scratch: Scratch) -> str:
    """The bundled sample roster (.xlsx) is read, checked and applied: every pupil created."""
    from dropout_ledger.importing import apply_import, plan_import

    ledger = scratch.open_ledger()
    plan = plan_import(ledger, resource_path(*SAMPLE_ROSTER))
    if plan.errors:
        raise CheckFailed(f"样例名单有 {plan.errors} 行被判为错误（应为 0 行）。")
    result = apply_import(ledger, plan)
    scratch.imported = ledger.queries.count("all")
    if result.created != SAMPLE_PUPILS or scratch.imported != SAMPLE_PUPILS:
        raise CheckFailed(
            f"样例名单应导入 {SAMPLE_PUPILS} 名学生，实际新增 {result.created} 名、"
            f"台账中有 {scratch.imported} 名。"
        )
    return f"样例名单 {SAMPLE_PUPILS} 名学生全部导入，0 行错误"


def check_print(scratch: Scratch) -> str:
    """The 台账 of the sample prints to a PDF with pages and every font embedded."""
    from dropout_ledger.printing import PrintRequest, print_form

    out = scratch.folder / "自检台账.pdf"
    result = print_form(scratch.open_ledger(), PrintRequest("ledger", view="all"), out)
    facts = pdf_facts(out.read_bytes())
    if facts.pages < 1 or facts.pages != result.pages:
        raise CheckFailed(f"打印的 PDF 页数不对：文件中 {facts.pages} 页，应为 {result.pages} 页。")
    if not facts.fonts:
        raise CheckFailed("打印的 PDF 中没有字体，中文无法显示。")
    if facts.not_embedded:
        raise CheckFailed(f"打印的 PDF 中有未嵌入的字体：{'、'.join(facts.not_embedded)}。")
    scratch.files["pdf"] = out
    return f"控辍保学台账 {facts.pages} 页，{len(facts.fonts)} 个字体全部嵌入"


def check_verify(scratch: Scratch) -> str:
    """The scratch ledger passes `verify`: integrity, hash chains, rebuild == projections."""
    from dropout_ledger.store import verify

    ledger = scratch.open_ledger()
    failed = [c for c in verify.verify(ledger.conn, ledger.path) if not c.ok]
    if failed:
        raise CheckFailed("台账校验未通过：" + "；".join(f"{c.name}：{c.summary}" for c in failed))
    return "完整性、事件哈希链、重建比对均正常"


def check_crypto(scratch: Scratch) -> str:
    """The sync packages' and passwords' libraries load and work (signature, hash).

    Both are compiled extensions (Rust, C) that a bundle can lack or carry for the wrong
    machine; a signature made and verified, and a password hashed and checked, prove them.
    """
    import argon2
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    key = Ed25519PrivateKey.generate()
    message = b"dropout-ledger self-test"
    signature = key.sign(message)
    key.public_key().verify(signature, message)
    try:
        key.public_key().verify(signature, message + b"!")
    except InvalidSignature:
        pass
    else:
        raise CheckFailed("签名校验失效：改动过的内容也被判为有效。")
    hasher = argon2.PasswordHasher(time_cost=1, memory_cost=8192, parallelism=1)
    if not hasher.verify(hasher.hash("自检口令"), "自检口令"):
        raise CheckFailed("口令校验失效。")
    return "签名（Ed25519）和口令散列（Argon2id）均正常"


def check_sync_round_trip(scratch: Scratch) -> str:
    """A package from the scratch school reaches a scratch county whole (sync.md §c).

    The county enrols the school, the school joins with the county's digits, the county
    confirms the school's digits, then the school's package is written to a folder standing in
    for the stick and imported: every pupil must arrive, and the same file again changes nothing.
    """
    from dropout_ledger.sync import enrol, exporter, importer

    school = scratch.open_ledger()
    county_path = scratch.folder / "县" / "自检县.sqlite"
    with Ledger.create(county_path, kind="county", code=FICTIONAL_COUNTY_CODE, name="自检县教育局",
                       clock=school.clock) as county:
        data, county_digits = enrol.enroll_school(county, school.org.code, school.org.name)
        school_digits = enrol.join(school, data, county_digits)
        enrol.confirm_school(county, school.org.code, school_digits)
        [written] = exporter.export(school, scratch.folder / "U盘")
        first, again = importer.import_files(county, [written.path, written.path])
        if not first.accepted:
            raise CheckFailed(f"同步包没有导入：{first.reason}")
        arrived = county.queries.count("all")
        expected = school.queries.count("all")
    if arrived != expected or again.new_events:
        raise CheckFailed(f"同步包导入后县级台账有 {arrived} 名学生，应为 {expected} 名。")
    return f"加密、签名、导入均正常（{written.events} 条记录，{arrived} 名学生）"


def check_encryption(scratch: Scratch) -> str:
    """SQLCipher encrypts a ledger and opens it again with the key a login unwraps (0021).

    Its extension (sqlcipher3, with its own crypto) is what a bundle could lack or carry built
    for another machine: a small ledger of its own gets a first account, which encrypts it;
    the file must then have no plaintext header and reopen through the login.
    """
    from dropout_ledger.services import accounts, cipher
    from dropout_ledger.store import db

    path = scratch.folder / "加密" / "自检加密.sqlite"
    with Ledger.create(path, kind="school", code="2152482199", name="自检加密学校",
                       county_code=FICTIONAL_COUNTY_CODE) as ledger:
        accounts.create(ledger, name="selftest", role="principal", password="zijian-2026")
        version = ledger.conn.execute("PRAGMA cipher_version").fetchone()
    if not db.is_encrypted(path):
        raise CheckFailed(_reinstall("台账没有被加密（SQLCipher 加密组件缺失或损坏）"))
    with cipher.open_as(path, "selftest", "zijian-2026") as again:
        if again.key is None or again.org.name != "自检加密学校":
            raise CheckFailed("加密的台账无法用密码重新打开。")
    return f"台账加密（SQLCipher {version[0] if version else '?'}）与登录解锁均正常"


CHECKS: list[tuple[str, Check]] = [
    ("程序文件", check_files),
    ("新建台账", check_new_ledger),
    ("导入样例名单", check_import),
    ("打印字体", check_fonts),
    ("打印表格（PDF）", check_print),
    ("台账校验", check_verify),
    ("加密组件", check_crypto),
    ("U盘同步包", check_sync_round_trip),
    ("台账加密", check_encryption),
]
"""Every check of the core, in order. Add one with one line: a Chinese name and a function
taking the `Scratch` that returns a Chinese detail or raises CheckFailed."""

PREPARE = 3
"""The first `PREPARE` checks make the scratch ledger with pupils in it: all the desktop
self-test needs before it opens the main window (ui/selftest.py) and times its start-up. New
checks go after them."""


# --- running them --------------------------------------------------------------------------


def _failure_text(error: BaseException) -> str:
    """Chinese for what went wrong: our own message, else the error and where it happened."""
    if isinstance(error, CheckFailed):
        return str(error)
    if isinstance(error, LedgerError):
        return error.message
    where = traceback.extract_tb(error.__traceback__)[-1:] if error.__traceback__ else []
    place = f"（{'/'.join(Path(where[0].filename).parts[-3:])}:{where[0].lineno}）" if where else ""
    return f"内部错误 {type(error).__name__}：{error}{place}。请把这一行发给技术支持。"


def run_check(scratch: Scratch, name: str, check: Check) -> CheckResult:
    """Run one check; any exception is a failure with its reason, never a crash."""
    started = time.perf_counter()
    try:
        detail, ok = check(scratch), True
    except Exception as error:  # a self-test reports every failure, whatever its kind
        detail, ok = _failure_text(error), False
    return CheckResult(name, ok, detail, time.perf_counter() - started)


def run_checks(scratch: Scratch, checks: Sequence[tuple[str, Check]]) -> list[CheckResult]:
    """Run `checks` in order on `scratch`, all of them even after a failure."""
    return [run_check(scratch, name, check) for name, check in checks]


@contextmanager
def scratch_folder(parent: Path | None = None) -> Iterator[Scratch]:
    """A fresh scratch folder (in the system temp folder unless `parent`), removed afterwards."""
    # A file Windows still holds open must not turn a passed self-test into a crash.
    with tempfile.TemporaryDirectory(prefix="dropout-ledger-selftest-", dir=parent,
                                     ignore_cleanup_errors=True) as name:
        scratch = Scratch(folder=Path(name), ledger_path=Path(name) / "selftest.sqlite")
        try:
            yield scratch
        finally:
            if scratch.ledger is not None:
                scratch.ledger.close()


def run_all(checks: Sequence[tuple[str, Check]] | None = None) -> list[CheckResult]:
    """Every check (default `CHECKS`) in a scratch folder of its own."""
    with scratch_folder() as scratch:
        return run_checks(scratch, CHECKS if checks is None else checks)


def result_lines(results: Sequence[CheckResult]) -> list[str]:
    """One line per check: ✓ or ✗, its name and what it found or what failed."""
    return [f"{'✓' if r.ok else '✗'} {r.name}：{r.detail}" for r in results]


def report(results: Sequence[CheckResult]) -> str:
    """The whole report in Chinese: the verdict first, then one line per check."""
    failed = sum(1 for r in results if not r.ok)
    seconds = sum(r.seconds for r in results)
    if failed:
        verdict = f"自检失败：{len(results)} 项检查中有 {failed} 项不正常（见下面标 ✗ 的行）。"
    else:
        verdict = f"自检通过：{len(results)} 项检查全部正常，用时 {seconds:.1f} 秒。"
    return "\n".join([verdict, *result_lines(results), f"程序版本 {__version__}，{_where()}"])


def _where() -> str:
    """Which program ran: the bundle's folder, or the source checkout."""
    if getattr(sys, "frozen", False):
        return f"安装包：{Path(sys.executable).resolve().parent}"
    return f"源代码：{Path(__file__).resolve().parent.parent}"


# --- start-up time -------------------------------------------------------------------------


def process_uptime() -> float | None:
    """Seconds since this process was started by the OS, or None where that is unknown.

    Measured from the OS's own record of the start, so it includes the interpreter's (or the
    bundle's bootloader's) start-up, which no timer inside Python can see.
    """
    try:
        if sys.platform == "win32":
            return _windows_uptime()
        return _linux_uptime()
    except (OSError, ValueError, AttributeError, IndexError):
        return None


def _linux_uptime() -> float:
    """From /proc: the process's start in clock ticks after boot, against the time since boot."""
    stat = Path("/proc/self/stat").read_text()
    fields = stat[stat.rindex(")") + 2 :].split()  # after "pid (comm) "; comm may hold spaces
    started = int(fields[19]) / os.sysconf("SC_CLK_TCK")  # field 22 of stat(5)
    since_boot = float(Path("/proc/uptime").read_text().split()[0])
    return since_boot - started


if sys.platform == "win32":
    import ctypes
    from ctypes import wintypes

    def _windows_uptime() -> float:
        """GetProcessTimes' creation time against GetSystemTimeAsFileTime (100 ns units)."""
        kernel32 = ctypes.windll.kernel32
        creation, exited, kernel, user, now = (wintypes.FILETIME() for _ in range(5))
        if not kernel32.GetProcessTimes(
            kernel32.GetCurrentProcess(), ctypes.byref(creation), ctypes.byref(exited),
            ctypes.byref(kernel), ctypes.byref(user),
        ):
            raise OSError("GetProcessTimes failed")
        kernel32.GetSystemTimeAsFileTime(ctypes.byref(now))

        def ticks(t: wintypes.FILETIME) -> int:
            return (t.dwHighDateTime << 32) | t.dwLowDateTime

        return (ticks(now) - ticks(creation)) / 1e7


# --- reading a PDF back without a PDF library ----------------------------------------------


@dataclass(frozen=True)
class PdfFacts:
    """What the self-test needs to know of a PDF: its pages and its fonts (names)."""

    pages: int
    fonts: list[str]
    not_embedded: list[str]


_OBJECT = re.compile(rb"(?:^|[\r\n])(\d+) 0 obj\b")
_REF = rb"/%s (\d+) 0 R"


def pdf_facts(data: bytes) -> PdfFacts:
    """Pages and fonts of a PDF as reportlab writes it (plain objects, no object streams).

    The bundle has no PDF reader library (pypdf is a test tool), and the question is narrow:
    how many `/Type /Page` objects, and does every `/Type /Font` have a font descriptor with
    an embedded font file. tests/core/test_selftest.py checks the answers against pypdf's.
    """
    starts = list(_OBJECT.finditer(data))
    objects: dict[int, bytes] = {}
    for index, match in enumerate(starts):
        end = starts[index + 1].start() if index + 1 < len(starts) else len(data)
        body = data[match.end() : end]
        objects[int(match.group(1))] = body.split(b"stream", 1)[0]  # the dictionary part
    pages = sum(1 for body in objects.values() if re.search(rb"/Type\s*/Page(?![a-zA-Z])", body))
    fonts: list[str] = []
    not_embedded: list[str] = []
    for body in objects.values():
        if not re.search(rb"/Type\s*/Font(?![a-zA-Z])", body):
            continue
        name_match = re.search(rb"/BaseFont\s*/([^\s/<>\[\]]+)", body)
        name = name_match.group(1).decode("latin-1") if name_match else "?"
        fonts.append(name)
        descriptor = re.search(_REF % b"FontDescriptor", body)
        holder = objects.get(int(descriptor.group(1)), b"") if descriptor else b""
        if not re.search(rb"/FontFile[23]?\s", holder):
            not_embedded.append(name)
    return PdfFacts(pages=pages, fonts=fonts, not_embedded=not_embedded)
