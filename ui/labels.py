"""Translatable labels for the core's codes that several screens show (grades, statuses).

The core's own labels are Chinese only; screens show these instead so English works too. One
translation context ("Labels") means one English word per code everywhere.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from dropout_ledger.model.status import Status
from ui.i18n import QT_TRANSLATE_NOOP

GRADES = (
    QT_TRANSLATE_NOOP("Labels", "一年级"), QT_TRANSLATE_NOOP("Labels", "二年级"),
    QT_TRANSLATE_NOOP("Labels", "三年级"), QT_TRANSLATE_NOOP("Labels", "四年级"),
    QT_TRANSLATE_NOOP("Labels", "五年级"), QT_TRANSLATE_NOOP("Labels", "六年级"),
    QT_TRANSLATE_NOOP("Labels", "七年级"), QT_TRANSLATE_NOOP("Labels", "八年级"),
    QT_TRANSLATE_NOOP("Labels", "九年级"),
)
STATUSES = {
    Status.ENROLLED.value: QT_TRANSLATE_NOOP("Labels", "在校"),
    Status.SUSPENDED.value: QT_TRANSLATE_NOOP("Labels", "休学"),
    Status.HOME_TAUGHT.value: QT_TRANSLATE_NOOP("Labels", "送教上门"),
    Status.SUSPECTED.value: QT_TRANSLATE_NOOP("Labels", "疑似辍学"),
    Status.DROPPED_OUT.value: QT_TRANSLATE_NOOP("Labels", "辍学"),
    Status.RETURNED.value: QT_TRANSLATE_NOOP("Labels", "复学跟踪"),
    Status.TRANSFERRED_OUT.value: QT_TRANSLATE_NOOP("Labels", "转出"),
    Status.DECEASED.value: QT_TRANSLATE_NOOP("Labels", "死亡"),
    Status.GRADUATED.value: QT_TRANSLATE_NOOP("Labels", "毕业"),
    Status.OVERAGE_LEFT.value: QT_TRANSLATE_NOOP("Labels", "超龄离校"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("Labels", text)


def grade_text(grade: int) -> str:
    """1 → 一年级 … 9 → 九年级 (学籍 wording); anything else as plain digits."""
    return _tr(GRADES[grade - 1]) if 1 <= grade <= len(GRADES) else str(grade or "")


def grade_class_text(grade: int, class_name: str) -> str:
    """"七年级 2班"; either part may be missing."""
    return " ".join(part for part in (grade_text(grade) if grade else "", class_name) if part)


def status_text(code: str | None) -> str:
    """A stored status code as people read it; an unknown code as itself."""
    return _tr(STATUSES[code]) if code in STATUSES else (code or "")
