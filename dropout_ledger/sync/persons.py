"""Who is the same child across schools: the natural key the county matches on (sync.md §c.5).

Students have random ids that are never rewritten; across schools a child is recognised by the
normalised 18-digit ID number, or, for a child without one, by the 全国学籍号. A G-学籍号 is the
letter G followed by the ID number (domain.md §8.2), so a G number is matched as that ID number:
one school may hold only the ID, another only the G number, and they are still one child. A
15-digit (1989-format) ID number is compared in its 18-digit form, as the 公安 system converted it.
"""

from __future__ import annotations

from dropout_ledger.errors import ValidationError
from dropout_ledger.model import identity


def id_key(number: str | None) -> str:
    """The normalised 18-digit form of an ID number; "" when there is none or it is unreadable."""
    text = identity.normalize_code(number or "")
    if len(text) == 15:
        try:
            return identity.upgrade_legacy_id(text)
        except ValidationError:
            return ""
    return text if len(text) == 18 else ""


def person_key(id_number: str | None, xjh: str | None) -> str:
    """"id:<18 digits>" or "xjh:<学籍号>", or "" for a pupil with neither (not matchable)."""
    number = id_key(id_number)
    if number:
        return f"id:{number}"
    code = identity.normalize_code(xjh or "")
    if code.startswith("G") and id_key(code[1:]):
        return f"id:{id_key(code[1:])}"
    return f"xjh:{code}" if code else ""
