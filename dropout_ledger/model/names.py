"""Pinyin initials of Chinese names, so a principal can type "zw" to find 张伟.

Surnames and given names are often heteronyms (单 shan/dan, 曾 zeng/ceng), and a principal types
what she says, so every reading is kept: 曾强 → "cj cq zj zq". The library is pypinyin, imported
lazily because it loads a large dictionary that start-up does not need.
"""

from __future__ import annotations

import itertools
from functools import lru_cache

MAX_VARIANTS = 8  # a name with many heteronyms keeps its first 8 readings


@lru_cache(maxsize=65536)
def name_initials(name: str) -> str:
    """Space-separated lowercase initials of every reading of `name` ('' for no Chinese)."""
    from pypinyin import Style, pinyin

    letters = [
        sorted({reading[0].lower() for reading in char if reading})
        for char in pinyin(name, style=Style.FIRST_LETTER, heteronym=True, errors="ignore")
    ]
    letters = [options for options in letters if options]
    variants = itertools.islice(itertools.product(*letters), MAX_VARIANTS)
    return " ".join("".join(v) for v in variants) if letters else ""
