"""The 设置 menu: a larger text size applies at once and is kept; a language is saved for later.

Settings go to `<tmp_path>/settings.ini` (DROPOUT_LEDGER_HOME), never the developer's own, and
the application font is restored after each test.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction, QFont
from PySide6.QtWidgets import QApplication, QMainWindow, QMenu, QMessageBox
from pytestqt.qtbot import QtBot

from dropout_ledger.paths import HOME_ENV
from ui import i18n
from ui.settings_menu import (
    DEFAULT_FONT_SIZE,
    FONT_SIZE_KEY,
    build_settings_menu,
    saved_font_size,
)


@pytest.fixture
def window(
    qapp: QApplication, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[QMainWindow]:
    monkeypatch.setenv(HOME_ENV, str(tmp_path))
    monkeypatch.delenv(i18n.LANGUAGE_ENV, raising=False)
    before = QFont(qapp.font())
    main = QMainWindow()
    qtbot.addWidget(main)
    yield main
    qapp.setFont(before)


def submenu(menu: QMenu, name: str) -> QMenu:
    found = menu.findChild(QMenu, name)
    assert isinstance(found, QMenu), name
    return found


def action(menu: QMenu, text: str) -> QAction:
    for candidate in menu.actions():
        if candidate.text() == text:
            return candidate
    raise AssertionError(f"no {text!r} in {[a.text() for a in menu.actions()]}")


def stored(tmp_path: Path, key: str) -> object:
    return QSettings(str(tmp_path / i18n.SETTINGS_FILE), QSettings.Format.IniFormat).value(key)


def test_the_menu_offers_sizes_and_languages(window: QMainWindow) -> None:
    menu = build_settings_menu(window)
    assert menu.title() == "设置"
    assert menu.menuAction() in window.menuBar().actions()
    sizes = submenu(menu, "font_size_menu")
    assert sizes.title() == "字体大小"
    assert [a.text() for a in sizes.actions()] == ["标准", "较大", "特大"]
    assert action(sizes, "标准").isChecked()  # nothing saved yet
    languages = submenu(menu, "language_menu")
    assert [a.text() for a in languages.actions()] == ["中文", "英文 English"]
    assert action(languages, "中文").isChecked()


def test_a_larger_size_applies_to_the_whole_app_and_is_kept(
    window: QMainWindow, qapp: QApplication, tmp_path: Path
) -> None:
    families = ["WenQuanYi Micro Hei", "Droid Sans Fallback", "HanaMinB"]
    font = QFont(qapp.font())
    font.setFamilies(families)
    font.setPointSizeF(DEFAULT_FONT_SIZE)
    qapp.setFont(font)
    sizes = submenu(build_settings_menu(window), "font_size_menu")

    action(sizes, "较大").trigger()
    assert QApplication.font().pointSizeF() == 12.0
    assert QApplication.font().families() == families  # the rare-character fallbacks stay
    qapp.processEvents()  # Qt tells the widgets in the event loop
    assert window.menuBar().font().pointSizeF() == 12.0  # widgets follow at once
    assert window.menuBar().font().families() == families
    assert saved_font_size() == 12.0
    assert float(str(stored(tmp_path, FONT_SIZE_KEY))) == 12.0
    assert action(sizes, "较大").isChecked() and not action(sizes, "标准").isChecked()

    action(sizes, "特大").trigger()
    assert QApplication.font().pointSizeF() == 14.0
    # A new menu (the next start) shows the saved size.
    assert action(submenu(build_settings_menu(window), "font_size_menu"), "特大").isChecked()


def test_an_unusable_saved_size_means_the_standard_one(tmp_path: Path, window: QMainWindow) -> None:
    settings = QSettings(str(tmp_path / i18n.SETTINGS_FILE), QSettings.Format.IniFormat)
    for value in ("huge", 3.0):
        settings.setValue(FONT_SIZE_KEY, value)
        assert saved_font_size(settings) == DEFAULT_FONT_SIZE


def test_english_is_saved_for_the_next_start(
    window: QMainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    languages = submenu(build_settings_menu(window), "language_menu")
    action(languages, "英文 English").trigger()
    assert i18n.saved_language() == i18n.ENGLISH
    assert stored(tmp_path, i18n.SETTINGS_KEY) == "en"
    notice = window.findChild(QMessageBox, "language_notice")
    assert isinstance(notice, QMessageBox)
    assert "下次启动" in notice.text()
    notice.close()

    action(languages, "中文").trigger()
    assert i18n.saved_language() == i18n.CHINESE


def test_the_menu_speaks_english(window: QMainWindow, qapp: QApplication) -> None:
    i18n.install_translations(qapp, i18n.ENGLISH)
    try:
        menu = build_settings_menu(window)
        assert menu.title() == "Settings"
        sizes = submenu(menu, "font_size_menu")
        assert [a.text() for a in sizes.actions()] == ["Standard", "Large", "Extra large"]
    finally:
        i18n.remove_translations(qapp)
