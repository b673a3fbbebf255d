"""The desktop app's entry point: `dropout-ledger-gui` and `python -m ui`.

Order matters: the QApplication first, then the bundled CJK font as the application font (Qt
shows Chinese only with a CJK font, and a fresh machine may have none), then the translators for
the chosen language (`--lang`, DROPOUT_LEDGER_LANG or the saved setting; see ui/i18n.py), and
only then any widget.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from dropout_ledger import APP_NAME, __version__
from dropout_ledger.errors import LedgerDamaged, LedgerError
from dropout_ledger.ledger import Ledger
from dropout_ledger.paths import default_ledger_path
from dropout_ledger.resources import cjk_font_path, fallback_font_paths
from dropout_ledger.services import accounts, cipher
from dropout_ledger.services.demo import ensure_demo
from dropout_ledger.store import keyfile
from ui.county_view import install_county_tab
from ui.dialogs.damaged_dialog import offer_restore
from ui.errors import show_error
from ui.i18n import (
    LANGUAGE_ENV,
    QT_TRANSLATE_NOOP,
    choose_language,
    early_translate,
    install_translations,
    normalise,
)
from ui.logging_setup import log_uncaught_exceptions
from ui.main_window import MainWindow
from ui.session import (
    PASSWORD_ENV,
    USER_ENV,
    missing_login_message,
    run_session,
    sign_in_headless,
)
from ui.settings_menu import DEFAULT_FONT_SIZE, saved_font_size, set_application_font
from ui.sync_ui import install_sync_ui

FONT_POINT_SIZE = DEFAULT_FONT_SIZE
"""五号 (10.5 pt), the size of printed Chinese body text; Qt's default 9 pt is hard to read.

The user may choose a larger size in the 设置 menu; `load_cjk_font` applies the saved one.
"""

EXIT_REFUSED = 2
"""Exit code when the ledger cannot be opened (the message says why), as in the command line."""


def _tr(text: str) -> str:
    return QCoreApplication.translate("app", text)


# The command line's own texts, marked here and translated in `parse_args`: `--help` is printed
# before the QApplication (and so any installed translator) exists.
_DESCRIPTION = QT_TRANSLATE_NOOP("app", "控辍保学台账（桌面程序）")
_HELP_HELP = QT_TRANSLATE_NOOP("app", "显示本帮助并退出")
_HELP_LANG = QT_TRANSLATE_NOOP(
    "app", "界面语言：zh_CN（简体中文，默认）或 en（英文）；也可用环境变量 {env} 设置"
)
_HELP_LEDGER = QT_TRANSLATE_NOOP("app", "台账文件（默认：本用户的数据文件夹）")
_HELP_SCREENSHOT = QT_TRANSLATE_NOOP("app", "打开主窗口，保存截图（PNG）后退出")
_HELP_SELF_TEST = QT_TRANSLATE_NOOP(
    "app", "检查本机安装（临时台账、样例名单、打印、字体、翻译、主窗口），报告后退出（0 表示正常）"
)


def _language(value: str) -> str:
    """`--lang`'s type: a language `ui.i18n` knows, spelled as it likes ("en_US" → "en")."""
    chosen = normalise(value)
    if chosen is None:
        raise argparse.ArgumentTypeError(
            _tr("不支持的语言 {value}，请用 zh_CN 或 en").format(value=value)
        )
    return chosen


def parse_args(argv: Sequence[str] | None) -> tuple[argparse.Namespace, list[str]]:
    """Our options, plus whatever is left over for Qt itself (e.g. `-platform offscreen`).

    `args.lang` is the language to use, already resolved (option, environment, saved, default).
    """
    words = list(sys.argv[1:] if argv is None else argv)
    # First only --lang, so that the help of the rest can be shown in that language.
    early = argparse.ArgumentParser(prog="dropout-ledger-gui", add_help=False)
    early.add_argument("--lang", type=_language, default=None, metavar="zh_CN|en")
    language = choose_language(early.parse_known_args(words)[0].lang)
    tr = early_translate(language, "app")

    parser = argparse.ArgumentParser(
        prog="dropout-ledger-gui", description=tr(_DESCRIPTION), add_help=False
    )
    parser.add_argument("-h", "--help", action="help", help=tr(_HELP_HELP))
    parser.add_argument(
        "--lang", type=_language, metavar="zh_CN|en", help=tr(_HELP_LANG).format(env=LANGUAGE_ENV)
    )
    parser.add_argument("--ledger", type=Path, default=None, help=tr(_HELP_LEDGER))
    parser.add_argument("--screenshot", type=Path, metavar="FILE", help=tr(_HELP_SCREENSHOT))
    parser.add_argument("--self-test", action="store_true", help=tr(_HELP_SELF_TEST))
    args, rest = parser.parse_known_args(words)
    args.lang = language
    return args, rest


def _add_font(path: Path) -> str | None:
    """Load one bundled font file; its (first) family, or None when it cannot be loaded."""
    font_id = QFontDatabase.addApplicationFont(str(path))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    return families[0] if families else None


def load_fallback_fonts() -> list[str]:
    """Load the bundled rare-character fonts (CJK Ext A, Ext B–F); the families that loaded."""
    return [family for path in fallback_font_paths() if (family := _add_font(path)) is not None]


def load_cjk_font(app: QApplication) -> str | None:
    """Load the bundled CJK font and its fallbacks and make them the application font.

    The application font is a family list: WenQuanYi Micro Hei first, then the fallbacks, so
    that Qt draws a name's rare characters (䶮, 𠅤) with a bundled font rather than as boxes,
    never depending on the fonts of the machine. Its size is the saved one (设置 → 字体大小).
    Returns the primary family, or None when the CJK font cannot be loaded.
    """
    primary = _add_font(cjk_font_path())  # the .ttc holds "WenQuanYi Micro Hei" and its Mono twin
    fallbacks = load_fallback_fonts()
    families = ([primary] if primary is not None else []) + fallbacks
    if families:
        font = QFont(families[0])
        font.setFamilies(families)
        font.setPointSizeF(saved_font_size())
        set_application_font(font)  # menus and message boxes too, whatever the platform theme
    return primary


def unlock_ledger(path: Path, *, headless: bool) -> tuple[bytes, str, str] | None:
    """For an encrypted ledger (decision 0021): its key, the name and the password, from the
    登录 dialog or, headless, from DROPOUT_LEDGER_USER / DROPOUT_LEDGER_PASSWORD. None for a
    plaintext ledger; raises `LedgerError` when nobody could unlock it (退出, wrong password)."""
    if not cipher.is_encrypted(path):
        return None
    names = [w.name_key for w in keyfile.read(path).wraps]
    if headless:
        name, password = os.environ.get(USER_ENV, ""), os.environ.get(PASSWORD_ENV)
        if not name or password is None:
            raise LedgerError(missing_login_message())
        return cipher.unlock(path, name, password), name, password
    from ui.dialogs.account_dialogs import UnlockDialog

    dialog = UnlockDialog(path, sorted(set(names)))
    if not dialog.exec() or dialog.unlocked is None:
        raise _Declined("")
    return dialog.unlocked


class _Declined(LedgerError):
    """退出 at the 登录 of an encrypted ledger: nothing to report."""


def open_ledger(path: Path, *, headless: bool = True) -> Ledger:
    """Open the ledger at `path`, first filling a missing or empty one with a demo school.

    An encrypted ledger is unlocked first (`unlock_ledger`) and the person signed in.

    Raises:
        LedgerError: the file cannot be used (its message says why and what to do).
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise LedgerError(
            _tr("无法创建文件夹 {folder}：{reason}。请换一个能写入的位置。").format(
                folder=path.parent, reason=error.strerror or error
            )
        ) from error
    ensure_demo(path)
    unlocked = unlock_ledger(path, headless=headless)
    if unlocked is None:
        return Ledger.open(path)
    key, name, password = unlocked
    ledger = Ledger.open(path, key=key)
    try:
        cipher.carry_lockouts(ledger)
        accounts.login(ledger, name, password)
    except BaseException:
        ledger.close()
        raise
    return ledger


def open_or_recover(path: Path, *, headless: bool) -> Ledger | None:
    """The opened ledger; or None after saying why not. A damaged one (the self-check failed)
    is offered a restore from its snapshots right away, then opened again."""
    try:
        return open_ledger(path, headless=headless)
    except _Declined:
        return None
    except LedgerDamaged as error:
        if headless:
            report_error(error, headless=True)
            return None
        if not offer_restore(error, path):  # 退出: the dialog already said what is wrong
            return None
    except LedgerError as error:
        report_error(error, headless=headless)
        return None
    try:
        return open_ledger(path, headless=headless)
    except LedgerError as error:
        report_error(error, headless=headless)
        return None


def report_error(error: LedgerError, *, headless: bool) -> None:
    if headless:
        print(_tr("无法打开台账：{message}").format(message=error.message), file=sys.stderr)
    else:
        show_error(None, error)


def take_screenshot(app: QApplication, window: MainWindow, target: Path) -> int:
    """Show the window, let it lay out and paint, and save it as a PNG."""
    window.show()
    window.wait_until_loaded()  # the roster arrives from the worker thread
    for _ in range(3):
        app.processEvents()
    if not window.grab().save(str(target), "PNG"):
        print(_tr("无法保存截图 {file}").format(file=target), file=sys.stderr)
        return 1
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the desktop app; the exit code is 0 on success, 2 if the ledger cannot be opened."""
    args, qt_args = parse_args(argv)
    log_uncaught_exceptions()  # errors raised inside Qt slots reach the log, not the void
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication([sys.argv[0], *qt_args])
    app.setOrganizationName(APP_NAME)  # a bare QSettings() means QSettings(APP_NAME, APP_NAME)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    family = load_cjk_font(app)
    install_translations(app, args.lang)
    if args.self_test:  # the install check: scratch ledger, sample, print, fonts, window
        from ui.selftest import run_self_test

        return run_self_test(app, ledger_path=args.ledger, family=family)

    headless = args.screenshot is not None
    path: Path = args.ledger or default_ledger_path()
    ledger = open_or_recover(path, headless=headless)
    if ledger is None:
        return EXIT_REFUSED
    with ledger:
        if not headless:
            return run_session(app, ledger)  # login, the window, 切换用户 (ui/session.py)
        if not sign_in_headless(ledger):
            return EXIT_REFUSED
        window = MainWindow(ledger)
        install_sync_ui(window)
        install_county_tab(window)
        try:
            return take_screenshot(app, window, args.screenshot)
        finally:
            window.close()  # joins the window's worker thread before the ledger closes
