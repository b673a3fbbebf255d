"""The 设置 (Settings) menu: the text size for the whole app, and the language.

The text size (标准 / 较大 / 特大, for old eyes) applies at once to every widget that takes the
application font, and is saved under the key "font_size" of the app's settings (`ui.i18n.app_settings`:
QSettings "DropoutLedger", or `settings.ini` in DROPOUT_LEDGER_HOME); `ui.app` applies the saved
size at start-up. The language is saved with `ui.i18n.save_language` and takes effect on the next
start, which a message says.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtGui import QAction, QActionGroup, QFont
from PySide6.QtWidgets import QApplication, QMainWindow, QMenu, QMessageBox

from ui.i18n import (
    CHINESE,
    ENGLISH,
    QT_TRANSLATE_NOOP,
    app_settings,
    choose_language,
    save_language,
)

FONT_SIZE_KEY = "font_size"
DEFAULT_FONT_SIZE = 10.5
"""五号 (10.5 pt), the size of printed Chinese body text; Qt's default 9 pt is hard to read."""

FONT_SIZES: tuple[tuple[str, float], ...] = (
    (QT_TRANSLATE_NOOP("settings_menu", "标准"), DEFAULT_FONT_SIZE),
    (QT_TRANSLATE_NOOP("settings_menu", "较大"), 12.0),
    (QT_TRANSLATE_NOOP("settings_menu", "特大"), 14.0),
)
"""The text sizes offered, (label, points), smallest first."""

LANGUAGE_CHOICES: tuple[tuple[str, str], ...] = (
    (QT_TRANSLATE_NOOP("settings_menu", "中文"), CHINESE),
    (QT_TRANSLATE_NOOP("settings_menu", "英文 English"), ENGLISH),
)


def _tr(text: str) -> str:
    return QCoreApplication.translate("settings_menu", text)


def saved_font_size(settings: QSettings | None = None) -> float:
    """The saved text size in points, or the standard size when none (or nothing usable) is saved."""
    store = app_settings() if settings is None else settings
    value = store.value(FONT_SIZE_KEY)
    try:
        size = float(value)
    except (TypeError, ValueError):
        return DEFAULT_FONT_SIZE
    allowed = {points for _, points in FONT_SIZES}
    return size if size in allowed else DEFAULT_FONT_SIZE


def save_font_size(size: float, settings: QSettings | None = None) -> None:
    """Remember the text size for the next start."""
    store = app_settings() if settings is None else settings
    store.setValue(FONT_SIZE_KEY, float(size))
    store.sync()


THEMED_CLASSES = (
    "QMenu", "QMenuBar", "QMenuItem", "QMessageBox", "QLabel", "QTipLabel", "QStatusBar",
    "QPushButton", "QCheckBox", "QRadioButton", "QToolButton", "QAbstractItemView",
    "QListView", "QHeaderView", "QComboMenuItem", "QComboLineEdit", "QGroupBox", "QTabBar",
    "QTabButton", "QDockWidgetTitle", "QMdiSubWindowTitleBar",
)
"""Widget classes for which a platform theme may set its own font (Windows: menus, message
boxes, the status bar...), which would otherwise keep the system's family and size."""


def set_application_font(font: QFont) -> None:
    """Make `font` the font of the whole app, including widget classes with a themed font."""
    QApplication.setFont(font)
    for name in THEMED_CLASSES:
        # PySide6's stubs want bytes here, but the binding itself takes only str.
        if QApplication.font(name) != font:  # type: ignore[call-overload]
            QApplication.setFont(font, name)  # type: ignore[arg-type]


def apply_font_size(size: float) -> None:
    """Make the application font `size` points, keeping its family list (the rare-character fallbacks)."""
    font = QFont(QApplication.font())
    font.setPointSizeF(size)
    set_application_font(font)


def choose_font_size(size: float) -> None:
    """Apply `size` to the whole app at once and save it."""
    apply_font_size(size)
    save_font_size(size)


def choose_language_for_next_start(window: QMainWindow, language: str) -> QMessageBox:
    """Save `language` and say (without blocking) that it takes effect on the next start."""
    save_language(language)
    box = QMessageBox(
        QMessageBox.Icon.Information, _tr("语言"), _tr("语言将在下次启动时生效。"),
        QMessageBox.StandardButton.Ok, window,
    )
    box.setObjectName("language_notice")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()  # window-modal, does not block: the menu's slot returns at once
    return box


def build_settings_menu(window: QMainWindow) -> QMenu:
    """The 设置 menu, added to `window`'s menu bar."""
    menu = window.menuBar().addMenu(_tr("设置"))
    menu.setObjectName("settings_menu")

    sizes = menu.addMenu(_tr("字体大小"))
    sizes.setObjectName("font_size_menu")
    size_group = QActionGroup(sizes)
    current = saved_font_size()
    for label, points in FONT_SIZES:
        action = QAction(_tr(label), sizes)
        action.setCheckable(True)
        action.setChecked(points == current)
        action.setData(points)
        action.triggered.connect(lambda _checked=False, p=points: choose_font_size(p))
        size_group.addAction(action)
        sizes.addAction(action)

    languages = menu.addMenu(_tr("语言 Language"))
    languages.setObjectName("language_menu")
    language_group = QActionGroup(languages)
    chosen = choose_language()
    for label, language in LANGUAGE_CHOICES:
        action = QAction(_tr(label), languages)
        action.setCheckable(True)
        action.setChecked(language == chosen)
        action.setData(language)
        action.triggered.connect(
            lambda _checked=False, lang=language: choose_language_for_next_start(window, lang)
        )
        language_group.addAction(action)
        languages.addAction(action)
    return menu
