"""Pinyin initials of Chinese names, and the search keys a name is found by.

A principal types "zw" to find 张伟. Surnames and given names are often heteronyms (单 shan/dan,
曾 zeng/ceng), and a principal types what she says, so every reading is kept: 曾强 → "cj cq zj zq".
The library is pypinyin, imported lazily because it loads a large dictionary that start-up does
not need.

`search_keys` turns a name into the rows of the roster's search index (`search_keys` table): a
search "contains 王伟" or "some reading starts with zw" then becomes a prefix range on one B-tree
instead of a LIKE over every student (docs/decisions/0009-search-index.md).
"""

from __future__ import annotations

import itertools
import string
from functools import lru_cache

MAX_VARIANTS = 8  # a name with many heteronyms keeps its first 8 readings

NAME_KEY = "n"
"""Prefix of a search key that is a suffix of the name: "n王伟", "n伟" for 王伟."""
INITIALS_KEY = "p"
"""Prefix of a search key that is one pinyin-initials reading: "pzw" for 张伟."""

_ASCII_LOWER = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)


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


def fold(text: str) -> str:
    """Lowercase ASCII letters only, as SQLite's LIKE compares them (é and É stay apart)."""
    return text.translate(_ASCII_LOWER)


def search_keys(name: str, initials: str) -> set[str]:
    """The index keys of one name: every suffix (so any part is a key prefix) and every reading.

    `initials` is the stored `name_initials` of the name. A prefix of some key is exactly what
    `queries.search_clause` matches with LIKE: "王伟" is a prefix of "n王伟强"; "zw" of "pzwq".
    """
    folded = fold(name)
    keys = {NAME_KEY + folded[i:] for i in range(len(folded))}
    keys.update(INITIALS_KEY + reading for reading in initials.split())
    return keys
