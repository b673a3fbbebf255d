"""Chinese line breaking (禁则): no closing punctuation at a line start, no opening one at an end.

reportlab's CJK wrapping breaks after any ideograph, so a line may start with "，" or "）" and
end with "（" — which a Chinese reader sees at once as a typesetting error (design README §6).
Here a text is cut into units (one Han character or punctuation mark; or an unbreakable run of
Latin letters, digits and the marks inside numbers, IDs and dates, such as 2026-11-22 or
522731********123X), filled greedily into lines, and each break that would break a rule is
moved earlier ("push-out"): the last unit of the line goes down with the mark that may not
start a line, or the opening mark that may not end one. Push-out never changes the text and
never overflows a cell, which hanging punctuation would. A line keeps at least one unit, so a
column narrower than one character still terminates.
"""

from __future__ import annotations

import re
from collections.abc import Callable

NO_LINE_START = frozenset(
    "，。、；：？！）］｝〕〗】》〉」』”’…—～·％‰℃"
    ",.;:?!)]}%"
    "々ー〻ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ"
)
"""Closing punctuation and marks that may not begin a line (GB/T 15834 practice)."""

NO_LINE_END = frozenset("（［｛〔〖【《〈「『“‘([{￥$£")
"""Opening punctuation that may not end a line."""

_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9*\-./:_%]*|\s+|.", re.DOTALL)

Measure = Callable[[str], float]


def units(text: str) -> list[str]:
    """The breakable units of one line of text, in order; joined they give `text` back."""
    return _WORD.findall(text)


def break_lines(text: str, max_width: float, measure: Measure) -> list[str]:
    """`text` broken into lines no wider than `max_width`, keeping the Chinese rules.

    Explicit newlines are kept. `measure` gives a string's drawn width in the same unit as
    `max_width` (fonts.width with a size). Spaces at a break are dropped.
    """
    lines: list[str] = []
    for paragraph in text.split("\n"):
        lines.extend(_break_paragraph(paragraph, max_width, measure))
    return lines


def _break_paragraph(text: str, max_width: float, measure: Measure) -> list[str]:
    if not text or measure(text) <= max_width:
        return [text]
    parts: list[str] = []
    for unit in units(text):
        if len(unit) > 1 and not unit.isspace() and measure(unit) > max_width:
            parts.extend(unit)  # a word longer than the line: its characters become units
        else:
            parts.append(unit)
    widths = [measure(u) for u in parts]
    lines: list[str] = []
    start, count = 0, len(parts)
    while start < count:
        while start < count and parts[start].isspace():
            start += 1
        if start == count:
            break
        end, used = start + 1, widths[start]
        while end < count and used + widths[end] <= max_width:
            used += widths[end]
            end += 1
        if end < count:
            end = _legal_break(parts, start, end)
        lines.append("".join(parts[start:end]).rstrip())
        start = end
    return lines or [""]


def _forbidden(parts: list[str], at: int) -> bool:
    """Whether breaking before parts[at] puts a closing mark first or an opening mark last."""
    nxt, prev = parts[at], parts[at - 1]
    if nxt.isspace():  # a break at a space: the space goes; look past it
        return False
    return nxt[0] in NO_LINE_START or prev[-1] in NO_LINE_END


def _legal_break(parts: list[str], start: int, end: int) -> int:
    """The break at or before `end` that keeps the rules; `end` itself when none does."""
    at = end
    while at - 1 > start and _forbidden(parts, at):
        at -= 1
    return end if _forbidden(parts, at) else at
