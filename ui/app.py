"""The desktop app's entry point: `dropout-ledger-gui` and `python -m ui`.

Order matters: the QApplication first, then the bundled CJK font as the application font (Qt
shows Chinese only with a CJK font, and a fresh machine may have none), then Qt's own Chinese
strings for standard buttons, and only then any widget.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFont, QFontDatabase, QFontInfo, QFontMetrics
from PySide6.QtWidgets import QApplication

from dropout_ledger import APP_NAME, __version__
from dropout_ledger.errors import LedgerError
from dropout_ledger.ledger import Ledger
from dropout_ledger.paths import default_ledger_path
from dropout_ledger.resources import cjk_font_path
from dropout_ledger.services.demo import ensure_demo
from ui.errors import show_error
from ui.main_window import MainWindow

FONT_POINT_SIZE = 10.5
"""五号 (10.5 pt), the size of printed Chinese body text; Qt's default 9 pt is hard to read."""

EXIT_REFUSED = 2
"""Exit code when the ledger cannot be opened (the message says why), as in the command line."""


def _tr(text: str) -> str:
    return QCoreApplication.translate("app", text)


def parse_args(argv: Sequence[str] | None) -> tuple[argparse.Namespace, list[str]]:
    """Our options, plus whatever is left over for Qt itself (e.g. `-platform offscreen`)."""
    parser = argparse.ArgumentParser(
        prog="dropout-ledger-gui", description=_tr("控辍保学台账（桌面程序）")
    )
    parser.add_argument(
        "--ledger", type=Path, default=None, help=_tr("台账文件（默认：本用户的数据文件夹）")
    )
    parser.add_argument(
        "--screenshot", type=Path, metavar="FILE", help=_tr("打开主窗口，保存截图（PNG）后退出")
    )
    parser.add_argument(
        "--self-test", action="store_true", help=_tr("打开台账和主窗口，检查后退出（0 表示正常）")
    )
    return parser.parse_known_args(list(sys.argv[1:] if argv is None else argv))


def load_cjk_font(app: QApplication) -> str | None:
    """Load the bundled CJK font and make it the application font; its family, or None."""
    font_id = QFontDatabase.addApplicationFont(str(cjk_font_path()))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if not families:
        return None
    font = QFont(families[0])  # the .ttc holds "WenQuanYi Micro Hei" and its Mono twin
    font.setPointSizeF(FONT_POINT_SIZE)
    app.setFont(font)
    return families[0]


def install_qt_translations(app: QApplication) -> None:
    """Qt's own strings (OK/Cancel, context menus) in Chinese; our source strings already are."""
    translator = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if translator.load(
        QLocale(QLocale.Language.Chinese, QLocale.Country.China), "qtbase", "_", folder
    ):
        app.installTranslator(translator)


def open_ledger(path: Path) -> Ledger:
    """Open the ledger at `path`, first filling a missing or empty one with a demo school.

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
    return Ledger.open(path)


def report_error(error: LedgerError, *, headless: bool) -> None:
    if headless:
        print(_tr("无法打开台账：{message}").format(message=error.message), file=sys.stderr)
    else:
        show_error(None, error)


def take_screenshot(app: QApplication, window: MainWindow, target: Path) -> int:
    """Show the window, let it lay out and paint, and save it as a PNG."""
    window.show()
    for _ in range(3):
        app.processEvents()
    if not window.grab().save(str(target), "PNG"):
        print(_tr("无法保存截图 {file}").format(file=target), file=sys.stderr)
        return 1
    return 0


def self_test(window: MainWindow, family: str | None) -> int:
    """Check that the roster shows rows and that Chinese renders with the bundled font."""
    problems = []
    rows = window.model.rowCount()
    if rows == 0:
        problems.append(_tr("名单中没有学生"))
    if family is None:
        problems.append(_tr("无法加载中文字体 {file}").format(file=cjk_font_path()))
    else:
        used = QFontInfo(window.table.font()).family()
        if used != family or not QFontMetrics(window.table.font()).inFontUcs4(ord("学")):
            problems.append(_tr("表格没有使用中文字体（实际为 {used}）").format(used=used))
    if problems:
        print(_tr("自检失败：{problems}").format(problems="；".join(problems)))
        return 1
    print(_tr("自检通过：显示 {rows} 名学生，字体 {family}").format(rows=rows, family=family))
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the desktop app; the exit code is 0 on success, 2 if the ledger cannot be opened."""
    args, qt_args = parse_args(argv)
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication([sys.argv[0], *qt_args])
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    family = load_cjk_font(app)
    install_qt_translations(app)

    headless = args.screenshot is not None or args.self_test
    path: Path = args.ledger or default_ledger_path()
    try:
        ledger = open_ledger(path)
    except LedgerError as error:
        report_error(error, headless=headless)
        return EXIT_REFUSED
    with ledger:
        window = MainWindow(ledger)
        if args.screenshot is not None:
            return take_screenshot(app, window, args.screenshot)
        if args.self_test:
            return self_test(window, family)
        window.show()
        return app.exec()
