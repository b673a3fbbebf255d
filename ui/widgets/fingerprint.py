"""A 30-digit key fingerprint on screen, and the live check of digits typed from paper.

The fingerprint is shown in six groups of five, large and evenly spaced, because a principal
compares it group by group with a stamped notice, and a county clerk reads it out on the phone
(sync.md §c.13). `check_digits` compares what has been typed so far with the expected digits
group by group, so a wrong group is named the moment it is complete — before anyone joins the
wrong county or trusts the wrong school.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QLabel, QWidget

DIGITS = 30
GROUP = 5
_SEPARATORS = frozenset(" \t-_.·—–、，,")


def _tr(text: str) -> str:
    return QCoreApplication.translate("Fingerprint", text)


def grouped(fingerprint: str) -> str:
    """"12345 67890 …" (as the core writes it) with wider gaps for the screen."""
    digits = "".join(ch for ch in fingerprint if ch.isdigit())
    return "  ".join(digits[i:i + GROUP] for i in range(0, len(digits), GROUP))


def fingerprint_label(fingerprint: str, parent: QWidget | None = None) -> QLabel:
    """A large, selectable, fixed-width label showing `fingerprint` in six groups."""
    label = QLabel(grouped(fingerprint), parent)
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    font.setPointSizeF(max(label.font().pointSizeF(), 10.0) * 1.6)
    font.setWeight(QFont.Weight.Bold)
    label.setFont(font)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setStyleSheet("padding: 6px; border: 1px solid #999999; background: #fafafa;")
    return label


@dataclass(frozen=True)
class DigitCheck:
    """How the digits typed compare with the expected fingerprint."""

    typed: int
    """Digits typed so far."""
    matched_groups: int
    """Complete groups equal to the expected ones, counted from the first."""
    wrong_group: int
    """The first complete group (1–6) that differs, or 0."""
    bad_characters: bool
    """Something other than digits and spacing was typed."""

    @property
    def complete(self) -> bool:
        """All 30 digits typed, every group the same, and nothing else typed."""
        return (self.typed == DIGITS and self.matched_groups == DIGITS // GROUP
                and not self.bad_characters)

    def message(self) -> str:
        """One Chinese sentence for the line under the input."""
        if self.bad_characters:
            return _tr("只能输入数字（组与组之间可以留空格）。")
        if self.wrong_group:
            return _tr("第 {n} 组数字与文件中的不一致。不要继续！请打电话与对方核实；"
                       "核实之前不要加入或确认。").format(n=self.wrong_group)
        if self.typed > DIGITS:
            return _tr("输入了 {n} 位数字，多于 30 位。请检查后删去多余的数字。").format(n=self.typed)
        if self.complete:
            return _tr("六组数字全部一致。")
        if not self.typed:
            return _tr("请照纸面逐组输入 30 位数字。")
        return _tr("已核对 {done} 组，一致；还差 {left} 位数字。").format(
            done=self.matched_groups, left=DIGITS - self.typed)


def digits_of(text: str) -> tuple[str, bool]:
    """(the digits in `text`, whether it holds anything but digits and spacing); full-width
    digits count as digits."""
    plain = unicodedata.normalize("NFKC", text)
    digits = "".join(ch for ch in plain if ch.isascii() and ch.isdigit())
    other = any(not (ch.isascii() and ch.isdigit()) and ch not in _SEPARATORS for ch in plain)
    return digits, other


def check_digits(text: str, expected: str) -> DigitCheck:
    """Compare `text` (as typed) with `expected` (a fingerprint), group by group."""
    typed, bad = digits_of(text)
    want, _ = digits_of(expected)
    matched = wrong = 0
    for index in range(min(len(typed), DIGITS) // GROUP):
        part = slice(index * GROUP, (index + 1) * GROUP)
        if typed[part] != want[part]:
            wrong = index + 1
            break
        matched += 1
    return DigitCheck(len(typed), matched, wrong, bad)
