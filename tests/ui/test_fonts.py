"""The bundled fonts show a pupil's rare name characters (CJK Ext A and B), never boxes.

WenQuanYi Micro Hei lacks Extensions A and B, so the app font is a family list with bundled
fallbacks (resources/fonts/, resources/README.md). These tests load them as `ui.app` does and
check both the font data (every rare character is in some loaded family) and the pixels (a rare
character is not drawn as the missing-glyph box).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, QSettings, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QRawFont
from PySide6.QtWidgets import QApplication, QLabel

from dropout_ledger.paths import HOME_ENV
from dropout_ledger.resources import cjk_font_path, fallback_font_paths
from dropout_ledger.synthetic import RARE_CHARACTERS
from ui.app import load_cjk_font
from ui.i18n import SETTINGS_FILE
from ui.settings_menu import DEFAULT_FONT_SIZE, FONT_SIZE_KEY

TOFU = "\uffff"
"""A noncharacter: no font has it, so Qt draws the missing-glyph box for it."""

SAMPLE = "李天䶮 王𠅤"


@pytest.fixture
def app_font(qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """Load the bundled fonts as the app does (settings in tmp_path); restore the font after."""
    monkeypatch.setenv(HOME_ENV, str(tmp_path))
    before = QFont(qapp.font())
    family = load_cjk_font(qapp)
    assert family is not None, f"cannot load {cjk_font_path()}"
    yield family
    qapp.setFont(before)


def has_character(family: str, char: str) -> bool:
    """Whether `family` itself has `char` (QFontMetrics.inFontUcs4 counts system fallbacks too)."""
    raw = QRawFont.fromFont(QFont(family))
    assert raw.familyName() == family, f"{family} is not loaded"
    return raw.supportsCharacter(ord(char))


def unmerged(font: QFont) -> QFont:
    """`font` without Qt's fallback to other (system) fonts: only its own family list draws."""
    alone = QFont(font)
    alone.setStyleStrategy(QFont.StyleStrategy.NoFontMerging)
    return alone


def draw(text: str, font: QFont) -> QImage:
    image = QImage(96, 64, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setPen(QColor("black"))
    painter.setFont(font)
    painter.drawText(QRect(0, 0, 96, 64), Qt.AlignmentFlag.AlignCenter, text)
    painter.end()
    return image


def test_the_fallback_fonts_are_bundled() -> None:
    paths = fallback_font_paths()
    assert paths, "no fallback fonts"
    for path in paths:
        assert path.is_file(), path
        assert path.suffix == ".ttf", "reportlab embeds TrueType (glyf) fonts only"
        licence = path.parent / "LICENSE-{}.txt".format(
            "droid-fallback" if path.name.startswith("Droid") else "hanazono"
        )
        assert licence.is_file(), licence


def test_the_app_font_is_the_cjk_font_then_the_fallbacks(app_font: str) -> None:
    families = QApplication.font().families()
    assert families[0] == app_font == "WenQuanYi Micro Hei"
    assert len(families) == 1 + len(fallback_font_paths())
    assert QApplication.font().pointSizeF() == DEFAULT_FONT_SIZE


def test_every_rare_character_is_in_a_loaded_family(app_font: str) -> None:
    families = QApplication.font().families()
    for char in RARE_CHARACTERS + ("学", "李"):
        having = [f for f in families if has_character(f, char)]
        assert having, f"{char} (U+{ord(char):04X}) is in none of {families}"
    # The reason for the fallbacks: the primary font alone lacks them.
    assert not any(has_character(app_font, char) for char in RARE_CHARACTERS)


def test_rare_characters_are_not_drawn_as_boxes(app_font: str, tmp_path: Path) -> None:
    font = QApplication.font()
    tofu, blank = draw(TOFU, font), draw(" ", font)
    for char in RARE_CHARACTERS:
        image = draw(char, font)
        assert image != tofu, f"{char} (U+{ord(char):04X}) is drawn as the missing-glyph box"
        assert image != blank, f"{char} (U+{ord(char):04X}) is drawn as nothing"
        # And drawn by a bundled font alone, whatever fonts the machine has.
        family = next(f for f in font.families() if has_character(f, char))
        own = QFont(family)
        own.setPointSizeF(font.pointSizeF())
        assert draw(char, unmerged(own)) != draw(TOFU, unmerged(own)), (char, family)
    # The comparison sees tofu: without the fallbacks (and system fonts), the rare ones are boxes.
    alone = QFont(app_font)
    alone.setPointSizeF(QApplication.font().pointSizeF())
    alone = unmerged(alone)
    for char in RARE_CHARACTERS:
        assert draw(char, alone) == draw(TOFU, alone), char


def test_a_label_with_rare_names_renders(app_font: str, tmp_path: Path) -> None:
    label = QLabel(SAMPLE)
    boxes = QLabel("李天" + TOFU + " 王" + TOFU)
    for widget in (label, boxes):
        widget.setFixedSize(240, 48)
        widget.setStyleSheet("background: white; color: black")
    shot = label.grab().toImage()
    assert shot != boxes.grab().toImage(), "the rare characters render as boxes"
    target = Path(os.environ.get("DROPOUT_LEDGER_FONT_SHOT", tmp_path / "rare.png"))
    assert label.grab().save(str(target), "PNG")


def test_the_saved_font_size_is_applied_at_start_up(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(HOME_ENV, str(tmp_path))
    settings = QSettings(str(tmp_path / SETTINGS_FILE), QSettings.Format.IniFormat)
    settings.setValue(FONT_SIZE_KEY, 14.0)
    settings.sync()
    before = QFont(qapp.font())
    try:
        load_cjk_font(qapp)
        assert qapp.font().pointSizeF() == 14.0
        assert len(qapp.font().families()) > 1
    finally:
        qapp.setFont(before)
