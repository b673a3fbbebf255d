"""The fonts of every PDF: registered once per process, embedded as subsets, never a box.

reportlab embeds TrueType-outline (glyf) fonts only, so every face here is a bundled `.ttf` or
`.ttc` (design README §3). Two faces carry the text of a form: SONG (AR PL UMing CN, the 宋体
look of official forms) and HEI (WenQuanYi Micro Hei, for titles and table headers, where a
sans face reads better). Neither has every character a pupil's name may hold, so each base face
has a chain of fallbacks, tried in order character by character:

    SONG → HEI → Droid Sans Fallback (CJK Ext A, 䶮) → HanaMinB (Ext B–F, 𠅤)
    HEI  → SONG → Droid Sans Fallback → HanaMinB

`runs()` splits a text into (font, text) runs along that chain, so a name like 王䶮 is drawn
as two runs and the reader sees one name. `missing()` lists what no font can draw: forms refuse
to print such text (`require_drawable`) rather than print a box (tofu).
"""

from __future__ import annotations

import threading
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFont

from dropout_ledger.errors import Problem, ValidationError
from dropout_ledger.resources import (
    SONG_FONT_INDEX,
    cjk_font_path,
    fallback_font_paths,
    song_font_path,
)

SONG = "DLSong"
"""AR PL UMing CN: the body text of every form."""
HEI = "DLHei"
"""WenQuanYi Micro Hei: titles and table headers."""
EXT_A = "DLExtA"
"""Droid Sans Fallback: CJK Extension A."""
EXT_B = "DLExtB"
"""HanaMinB: CJK Extensions B to F."""

CHAINS: dict[str, tuple[str, ...]] = {
    SONG: (SONG, HEI, EXT_A, EXT_B),
    HEI: (HEI, SONG, EXT_A, EXT_B),
}

_lock = threading.Lock()
_cmaps: dict[str, frozenset[int]] = {}


def _to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """reportlab's ToUnicode CMap with characters beyond the BMP written correctly.

    reportlab writes each entry as "<%04X>", which gives 𠅤 (U+20164) five hex digits: an
    invalid CMap, so copying or searching a name with an Extension B–F character finds
    nothing (pypdf warns "Odd-length string"). The PDF reference wants UTF-16BE, i.e. a
    surrogate pair for those characters; everything else is reportlab's text unchanged.
    """
    entries = [f"<{code:02X}> <{chr(point).encode('utf-16-be').hex().upper()}>"
               for code, point in enumerate(subset)]
    return "\n".join([
        "/CIDInit /ProcSet findresource begin", "12 dict begin", "begincmap", "/CIDSystemInfo",
        f"<< /Registry ({fontname})", f"/Ordering ({fontname})", "/Supplement 0", ">> def",
        f"/CMapName /{fontname} def", "/CMapType 2 def", "1 begincodespacerange",
        f"<00> <{len(subset) - 1:02X}>", "endcodespacerange", f"{len(subset)} beginbfchar",
        *entries, "endbfchar", "endcmap", "CMapName currentdict /CMap defineresource pop",
        "end", "end",
    ])


def _register(name: str, path: str, index: int = 0) -> None:
    face = TTFont(name, path, subfontIndex=index)
    pdfmetrics.registerFont(face)
    _cmaps[name] = frozenset(face.face.charToGlyph)


def ensure_registered() -> None:
    """Register the two text faces with reportlab, once per process (thread-safe; ~0.15 s).

    The fallbacks (34 MB of font files) are registered only when a character the text faces
    lack is first met (`_ensure_fallbacks`), so most prints never parse them.
    """
    if HEI in _cmaps:
        return
    with _lock:
        if HEI in _cmaps:
            return
        ttfonts.makeToUnicodeCMap = _to_unicode_cmap
        _register(SONG, str(song_font_path()), SONG_FONT_INDEX)
        _register(HEI, str(cjk_font_path()))


def _ensure_fallbacks() -> None:
    if EXT_B in _cmaps:
        return
    with _lock:
        if EXT_B in _cmaps:
            return
        ext_a, ext_b = fallback_font_paths()
        _register(EXT_A, str(ext_a))
        _register(EXT_B, str(ext_b))


def _ignorable(char: str) -> bool:
    """Line breaks, spaces and format characters are never drawn, so never missing."""
    return char in "\n\r\t " or unicodedata.category(char) in ("Cc", "Cf", "Zs")


@lru_cache(maxsize=65536)
def font_for(char: str, base: str = SONG) -> str | None:
    """The first font of `base`'s chain that has `char`; None when no bundled font has it."""
    ensure_registered()
    if _ignorable(char):
        return base
    code = ord(char)
    if code in _cmaps[SONG] or code in _cmaps[HEI]:
        return base if code in _cmaps[base] else (HEI if base == SONG else SONG)
    _ensure_fallbacks()
    return next((font for font in CHAINS[base] if code in _cmaps[font]), None)


@lru_cache(maxsize=65536)
def covered(text: str, base: str = SONG) -> bool:
    """True when the base face alone draws all of `text` (the fast, common case)."""
    ensure_registered()
    cmap = _cmaps[base]
    return all(ord(c) in cmap or _ignorable(c) for c in text)


def runs(text: str, base: str = SONG) -> list[tuple[str, str]]:
    """`text` as (font, text) runs: each character in the first font of the chain that has it.

    A character no font has stays in the base font (it would print as a box): callers check
    with `missing()` / `require_drawable()` first.
    """
    if covered(text, base):
        return [(base, text)] if text else []
    out: list[tuple[str, str]] = []
    for char in text:
        font = font_for(char, base) or base
        if out and out[-1][0] == font:
            out[-1] = (font, out[-1][1] + char)
        else:
            out.append((font, char))
    return out


@lru_cache(maxsize=65536)
def width(text: str, size: float, base: str = SONG) -> float:
    """The drawn width of `text` in points, each run measured in its own font.

    Cached: a roster repeats the same short texts (男, 汉族, 五年级) thousands of times, and
    reportlab measures TrueType text in Python unless the optional rl_accel is installed.
    """
    if covered(text, base):
        return float(pdfmetrics.stringWidth(text, base, size))
    return sum(float(pdfmetrics.stringWidth(t, f, size)) for f, t in runs(text, base))


def missing(text: str) -> str:
    """The characters of `text` no bundled font can draw, each once, in order of appearance."""
    if covered(text, SONG):
        return ""
    seen: dict[str, None] = {}
    for char in text:
        if font_for(char, SONG) is None:
            seen.setdefault(char)
    return "".join(seen)


def require_drawable(texts: Iterable[str], record: str, field: str = "name") -> None:
    """Refuse to print `record` when a character of its text cannot be drawn (no tofu).

    `record` names the pupil or row as a person finds it ("张三（五年级2班）"); the message
    names the character and its code point so the registrar can check the 学籍 entry.
    """
    for text in texts:
        gone = missing(text)
        if gone:
            chars = "、".join(f"“{c}”（U+{ord(c):04X}）" for c in gone)
            raise ValidationError(Problem(
                field, f"{record}的“{text}”中有字无法打印：{chars}，程序自带的字体里都没有这个字",
                "请核对该字是否录入正确；确属生僻字的，请改用规范汉字录入并在备注中注明原字，再打印"))
