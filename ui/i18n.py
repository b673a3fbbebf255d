"""Which language the desktop app speaks, and the Qt translators that make it speak it.

The source strings in `ui/` are Simplified Chinese, the users' language, so Chinese needs no
catalogue of ours: only Qt's own `qtbase_zh_CN` (OK/Cancel, context menus, file dialogs).
English loads our compiled `resources/translations/dropout_ledger_en.qm` and Qt's `qtbase_en`.

The language is, in order of precedence: the GUI's `--lang` option, the environment variable
DROPOUT_LEDGER_LANG, the saved setting (`save_language`; key "language" of QSettings
"DropoutLedger"), else Chinese. Values are forgiving: "en", "en_US" and "en-GB" mean English;
"zh", "zh_CN" and "zh-Hans" mean Chinese; anything else is ignored.

Translations are kept up to date with `tools/update_translations.py` (resources/README.md).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QSettings, QTranslator

from dropout_ledger import APP_NAME
from dropout_ledger.paths import HOME_ENV
from dropout_ledger.resources import resource_path

CHINESE = "zh_CN"
ENGLISH = "en"
LANGUAGES = (CHINESE, ENGLISH)
DEFAULT_LANGUAGE = CHINESE
LANGUAGE_ENV = "DROPOUT_LEDGER_LANG"
SETTINGS_KEY = "language"
SETTINGS_FILE = "settings.ini"
"""With DROPOUT_LEDGER_HOME set (a portable install), settings live in this file there."""

CATALOGUE = "dropout_ledger"
"""Base name of our catalogues: resources/translations/dropout_ledger_en.qm (and its .ts)."""

_installed: list[QTranslator] = []
"""The translators `install_translations` put on the application, so they can be taken off."""


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark `text` for translation in `context` without translating it (lupdate knows the name).

    PySide6's own function is typed `-> object`; this typed twin keeps mypy precise.
    """
    return text


def normalise(value: object) -> str | None:
    """The language `value` means: en, en_US, EN-gb → "en"; zh, zh_CN, zh-Hans → "zh_CN"; else None."""
    if not isinstance(value, str):
        return None
    text = value.strip().replace("-", "_").lower()
    if text == "en" or text.startswith("en_"):
        return ENGLISH
    if text == "zh" or text.startswith("zh_"):
        return CHINESE
    return None


def app_settings() -> QSettings:
    """The app's settings: QSettings "DropoutLedger" (registry / ~/.config), or the portable file.

    With DROPOUT_LEDGER_HOME set, the ledger moves to that folder (`dropout_ledger.paths`), and
    so do the settings: `<home>/settings.ini`, so a USB-stick install carries its language along.
    """
    home = os.environ.get(HOME_ENV, "").strip()
    if home:
        return QSettings(str(Path(home).expanduser() / SETTINGS_FILE), QSettings.Format.IniFormat)
    return QSettings(APP_NAME, APP_NAME)


def saved_language(settings: QSettings | None = None) -> str | None:
    """The language saved by `save_language`, or None when none (or nothing usable) is saved."""
    store = app_settings() if settings is None else settings
    return normalise(store.value(SETTINGS_KEY))


def save_language(language: str, settings: QSettings | None = None) -> None:
    """Remember `language` for the next start (it takes effect then, not in running windows).

    Raises:
        ValueError: `language` is neither Chinese nor English.
    """
    chosen = normalise(language)
    if chosen is None:
        raise ValueError(f"unknown language {language!r}; expected one of {LANGUAGES}")
    store = app_settings() if settings is None else settings
    store.setValue(SETTINGS_KEY, chosen)
    store.sync()


def choose_language(
    option: str | None = None,
    *,
    environ: Mapping[str, str] | None = None,
    settings: QSettings | None = None,
) -> str:
    """The language to use: `option` (from --lang), else the environment, else saved, else zh_CN."""
    env = os.environ if environ is None else environ
    return (
        normalise(option)
        or normalise(env.get(LANGUAGE_ENV))
        or saved_language(settings)
        or DEFAULT_LANGUAGE
    )


def catalogue_path(language: str) -> Path:
    """Our compiled catalogue for `language` (it exists for English only)."""
    return resource_path("translations", f"{CATALOGUE}_{language}.qm")


def load_app_translator(
    language: str, parent: QCoreApplication | None = None
) -> QTranslator | None:
    """Our strings in `language`; None for Chinese (the sources are Chinese) or a missing file."""
    chosen = normalise(language)
    if chosen is None or chosen == CHINESE:
        return None
    translator = QTranslator(parent)
    return translator if translator.load(str(catalogue_path(chosen))) else None


def load_qt_translator(language: str, parent: QCoreApplication | None = None) -> QTranslator | None:
    """Qt's own strings (qtbase_zh_CN / qtbase_en) from Qt's translations folder, if present."""
    chosen = normalise(language)
    if chosen is None:
        return None
    translator = QTranslator(parent)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    return translator if translator.load(f"qtbase_{chosen}", folder) else None


def install_translations(app: QCoreApplication, language: str) -> None:
    """Make `app` speak `language` ("zh_CN" or "en"); call it before any widget is created.

    Replaces whatever an earlier call installed. A catalogue that cannot be found leaves those
    strings in Chinese rather than failing: the app stays usable.

    Raises:
        ValueError: `language` is neither Chinese nor English.
    """
    chosen = normalise(language)
    if chosen is None:
        raise ValueError(f"unknown language {language!r}; expected one of {LANGUAGES}")
    remove_translations(app)
    # Installed last is asked first: ours before Qt's.
    for translator in (load_qt_translator(chosen, app), load_app_translator(chosen, app)):
        if translator is not None and app.installTranslator(translator):
            _installed.append(translator)


def remove_translations(app: QCoreApplication) -> None:
    """Take off every translator `install_translations` installed (the app speaks Chinese)."""
    while _installed:
        translator = _installed.pop()
        app.removeTranslator(translator)
        translator.deleteLater()


def early_translate(language: str, context: str) -> Callable[[str], str]:
    """Translate `context`'s strings into `language` before the QApplication exists.

    For text needed before Qt starts, such as the `--help` of the command line: the catalogue
    is read directly, since installed translators need an application.
    """
    translator = load_app_translator(language)

    def translate(text: str) -> str:
        return (translator.translate(context, text) if translator is not None else "") or text

    return translate
