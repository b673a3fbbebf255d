"""`dropout-ledger-gui --self-test`: the core's install check plus the desktop's own.

The core checks (dropout_ledger/selftest.py: program files, a scratch ledger, the bundled
sample roster imported, a form printed to PDF with its fonts embedded, verify) run in a
scratch folder; this module adds what only Qt can check: the bundled fonts as the application
font, the Chinese and English translations, and the main window opened on the scratch ledger
(or on `--ledger`, when given) until its rows are painted, then closed. The report starts with
the verdict, then one line per check; exit code 0 when all passed, 1 otherwise, 2 when the
`--ledger` given cannot be opened (as the app itself would refuse it).

The window is opened as soon as the scratch ledger has pupils, before the slower checks, and
the time from the process start to its rows being painted is reported without the scratch
preparation: the start-up a user would see (design README §5: ≤ 1.5 s from the bundle).

A windowed Windows program has no console to print to (sys.stdout is None there): the report
is then shown in a message box as well.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFontInfo, QFontMetrics
from PySide6.QtWidgets import QApplication, QMessageBox

from dropout_ledger import selftest
from dropout_ledger.errors import LedgerError
from dropout_ledger.ledger import Ledger
from dropout_ledger.resources import cjk_font_path, fallback_font_paths
from ui.app import _DESCRIPTION, EXIT_REFUSED, open_ledger, report_error
from ui.i18n import CHINESE, ENGLISH, catalogue_path, load_app_translator, load_qt_translator
from ui.main_window import MainWindow

QT_SAMPLE = ("QPlatformTheme", "Cancel", "取消")
"""A string of Qt's own catalogue and its Chinese: qtbase_zh_CN translates it when loaded."""
WINDOW_TIMEOUT_MS = 20_000
"""How long the main window may take to show its first rows before the check fails."""


def _tr(text: str) -> str:
    return QCoreApplication.translate("selftest", text)


# --- the desktop's checks (each takes the scratch state, like the core's) -------------------


def check_fonts(app: QApplication, family: str | None) -> selftest.Check:
    """The bundled CJK font is the application font, with both rare-character fallbacks."""

    def check(_scratch: selftest.Scratch) -> str:
        if family is None:
            raise selftest.CheckFailed(
                _tr("无法加载中文字体 {file}").format(file=cjk_font_path()))
        font = app.font()
        if QFontInfo(font).family() != family or not QFontMetrics(font).inFontUcs4(ord("学")):
            raise selftest.CheckFailed(
                _tr("界面没有使用中文字体（实际为 {used}）").format(used=QFontInfo(font).family()))
        wanted = len(fallback_font_paths())
        fallbacks = len(font.families()) - 1
        if fallbacks < wanted:
            raise selftest.CheckFailed(
                _tr("生僻字备用字体没有全部加载（应为 {wanted} 个，实际 {count} 个）").format(
                    wanted=wanted, count=fallbacks))
        return _tr("{family}，生僻字备用字体 {count} 个").format(family=family, count=fallbacks)

    return check


def check_translations(_scratch: selftest.Scratch) -> str:
    """Qt's own Chinese (OK/Cancel) and our English catalogue load and translate."""
    chinese = load_qt_translator(CHINESE)
    context, source, translation = QT_SAMPLE
    if chinese is None or chinese.translate(context, source) != translation:
        raise selftest.CheckFailed(_tr("无法加载 Qt 自带的中文翻译 qtbase_zh_CN.qm"))
    english = load_app_translator(ENGLISH)
    if english is None:
        raise selftest.CheckFailed(
            _tr("无法加载英文翻译 {file}").format(file=catalogue_path(ENGLISH)))
    translated = english.translate("app", _DESCRIPTION) or ""
    if not translated or not translated.isascii():
        raise selftest.CheckFailed(
            _tr("英文翻译不完整：“{text}”没有译文").format(text=_DESCRIPTION))
    return _tr("中文（qtbase_zh_CN）和英文（{file}）均可加载").format(
        file=catalogue_path(ENGLISH).name)


class WindowCheck:
    """Open the main window on a ledger, wait for its rows, check them, close it.

    `startup` is then the seconds from the process start to the rows painted, less
    `prepared` (the scratch preparation the self-test did first); None where the OS does not
    say when the process started.
    """

    def __init__(
        self, app: QApplication, ledger: Ledger | None, family: str | None, prepared: float
    ) -> None:
        self.app, self.ledger, self.family, self.prepared = app, ledger, family, prepared
        self.startup: float | None = None

    def __call__(self, _scratch: selftest.Scratch) -> str:
        if self.ledger is None:
            raise selftest.CheckFailed(_tr("前面“新建台账”一项没有通过，无法打开主窗口。"))
        window = MainWindow(self.ledger)
        try:
            window.show()
            loaded = window.wait_until_loaded(WINDOW_TIMEOUT_MS)
            self.app.processEvents()  # paint the first page
            uptime = selftest.process_uptime()
            if uptime is not None:
                self.startup = uptime - self.prepared
            if not loaded:
                raise selftest.CheckFailed(_tr("主窗口在 {seconds} 秒内没有显示名单").format(
                    seconds=WINDOW_TIMEOUT_MS // 1000))
            rows = window.model.rowCount()
            if rows == 0:
                raise selftest.CheckFailed(_tr("名单中没有学生"))
            used = QFontInfo(window.table.font()).family()
            if self.family is not None and used != self.family:
                raise selftest.CheckFailed(
                    _tr("表格没有使用中文字体（实际为 {used}）").format(used=used))
            return _tr("显示 {rows} 名学生后关闭").format(rows=rows)
        finally:
            window.close()  # joins the window's worker thread before the ledger closes


# --- running them ------------------------------------------------------------------------


def run_self_test(app: QApplication, *, ledger_path: Path | None, family: str | None) -> int:
    """Run every check and print the report; 0 if all passed, 1 if not, 2 if `ledger_path`
    cannot be opened."""
    started = time.perf_counter()
    own: Ledger | None = None
    if ledger_path is not None:
        try:
            own = open_ledger(ledger_path)
        except LedgerError as error:
            report_error(error, headless=True)
            return EXIT_REFUSED
    try:
        with selftest.scratch_folder() as scratch:
            results = _run(app, scratch, own, family)
    finally:
        if own is not None:
            own.close()
    _show(results[0], results[1:], time.perf_counter() - started)
    return 0 if all(r.ok for r in results[1:]) else 1


def _run(
    app: QApplication, scratch: selftest.Scratch, own: Ledger | None, family: str | None
) -> list[selftest.CheckResult]:
    """[the start-up line as a result, then every check in the order run]."""
    prepare = selftest.CHECKS[: selftest.PREPARE]
    results = selftest.run_checks(scratch, prepare)
    window = WindowCheck(app, own if own is not None else scratch.ledger, family,
                         sum(r.seconds for r in results))
    results.append(selftest.run_check(scratch, _tr("主窗口"), window))
    results += selftest.run_checks(scratch, [
        (_tr("界面字体"), check_fonts(app, family)),
        (_tr("界面翻译"), check_translations),
        *selftest.CHECKS[selftest.PREPARE :],
    ])
    startup = (_tr("启动到主窗口显示：{seconds} 秒（从程序启动算起，不含自检准备）").format(
        seconds=f"{window.startup:.2f}") if window.startup is not None else "")
    return [selftest.CheckResult("", True, startup, 0.0), *results]


def _show(startup: selftest.CheckResult, results: list[selftest.CheckResult], seconds: float
          ) -> None:
    failed = sum(1 for r in results if not r.ok)
    if failed:
        verdict = _tr("自检失败：{count} 项检查中有 {failed} 项不正常（见下面标 ✗ 的行）。").format(
            count=len(results), failed=failed)
    else:
        verdict = _tr("自检通过：{count} 项检查全部正常，用时 {seconds} 秒。").format(
            count=len(results), seconds=f"{seconds:.1f}")
    lines = [verdict, *([startup.detail] if startup.detail else []),
             *selftest.result_lines(results)]
    text = "\n".join(lines)
    if sys.stdout is not None:
        print(text, flush=True)
    else:  # a windowed program on Windows: no console to print to
        box = QMessageBox.critical if failed else QMessageBox.information
        box(None, _tr("自检结果"), text)
