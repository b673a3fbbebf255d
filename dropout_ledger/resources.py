"""Paths to the bundled resources (fonts, later icons and templates), from source or the bundle.

From source (and from an editable install) `resources/` sits in the repository root, next to the
`dropout_ledger/` package. In a PyInstaller bundle, `build.spec` copies it to `resources/` under
the bundle's data folder, which PyInstaller exposes as `sys._MEIPASS`.
"""

from __future__ import annotations

import sys
from pathlib import Path

CJK_FONT_FILE = "wqy-microhei.ttc"
"""WenQuanYi Micro Hei (文泉驿微米黑), a TrueType collection; licence in resources/fonts/."""

SONG_FONT_FILE = "uming.ttc"
"""AR PL UMing (文鼎明体), a TrueType collection; face 0 is "AR PL UMing CN". Licence in resources/fonts/.

The Song/Ming face of printed official forms (a 宋体 look). It has 18,717 of the 20,902 GBK
unified ideographs; the PDF kit draws the rest with the CJK font and the fallbacks below.
"""
SONG_FONT_INDEX = 0
"""The face of `SONG_FONT_FILE` with mainland glyph shapes (UMing CN; 1–3 are HK, TW, TW MBE)."""

FALLBACK_FONT_FILES = ("DroidSansFallbackFull.ttf", "HanaMinB.ttf")
"""Rare-character fallbacks, in the order they are tried after the CJK font (TrueType, glyf).

Droid Sans Fallback (Apache-2.0) has CJK Extension A (䶮 㛃 㼆); HanaMinB (花園明朝B, Hanazono
Font License or OFL-1.1) has Extensions B to F (𠅤 𡒄 𪚥, and the Ext C–E name characters of the
通用规范汉字表). Licences in resources/fonts/.
"""


def resources_root() -> Path:
    """The `resources/` folder: inside the PyInstaller bundle when frozen, else the repository's."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle is not None:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def resource_path(*parts: str) -> Path:
    """The path of one bundled resource, e.g. `resource_path("fonts", "wqy-microhei.ttc")`.

    The path is returned whether or not the file exists; callers that need it check `exists()`.
    """
    return resources_root().joinpath(*parts)


def cjk_font_path() -> Path:
    """The bundled CJK font the desktop app and the PDFs use for Chinese text."""
    return resource_path("fonts", CJK_FONT_FILE)


def song_font_path() -> Path:
    """The bundled Song/Ming font printed forms use for their text (face `SONG_FONT_INDEX`)."""
    return resource_path("fonts", SONG_FONT_FILE)


def fallback_font_paths() -> list[Path]:
    """The bundled fallback fonts for rare characters, in the order they should be tried."""
    return [resource_path("fonts", name) for name in FALLBACK_FONT_FILES]
