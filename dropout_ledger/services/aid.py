"""资助 for a class and 结对帮扶: the reads and rules the entry screens need, with no Qt.

Why money is parsed here and not in the screen: an amount is typed in 元 ("312.5") and stored in
integer 分, and the conversion must be exact. `Decimal` reads the typed digits as they are; a
float would turn 0.29 元 into 28 分 after `int(x * 100)`. Keeping it in the core lets the command
line and the import use the same rule later.

Why a class's pupils are read with their earlier subsidies: paying the same item twice for one
term is the mistake that matters (the county audits it), and the screen must warn about it as
ticks change, without a query per click. The restricted economic category is read only when the
caller says the operator may see it, so it never reaches a screen that must not show it.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any

from dropout_ledger.errors import Problem, ValidationError
from dropout_ledger.model import codes
from dropout_ledger.model.changes import Changes

if TYPE_CHECKING:
    from dropout_ledger.ledger import Ledger

MAX_FEN = 10**9
"""The largest amount the subsidy record accepts (the core's `fen` field bound)."""

_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)")
_CLASS_LIMIT = 1000
"""More pupils than any class has: one read holds the whole class."""

# Non-restricted special-group flags shown beside a pupil's name (domain §5.11), in this order.
SPECIAL_GROUPS = ("left_behind", "orphan", "unsupported", "in_difficulty", "disability", "migrant")


class BadAmount(ValidationError):
    """A typed amount that is not a positive number of 元 with at most two decimals.

    `kind` says which rule failed ("empty", "not_number", "decimals", "not_positive",
    "too_large"), so a screen can word the reason in its own language.
    """

    def __init__(self, kind: str, text: str) -> None:
        reasons = {
            "empty": ("金额不能为空", "请填写金额，单位为元"),
            "not_number": (f"“{text}”不是金额", "请只填写数字，如 312.50"),
            "decimals": (f"金额“{text}”超过两位小数", "金额最多精确到分（两位小数）"),
            "not_positive": (f"金额“{text}”应大于 0", "请填写实际发放的金额"),
            "too_large": (f"金额“{text}”过大", "请核对金额，单位为元"),
        }
        reason, fix = reasons[kind]
        super().__init__(Problem("amount_fen", reason, fix))
        self.kind = kind


def yuan_to_fen(text: str) -> int:
    """'312.5' -> 31250: a typed amount in 元 as exact integer 分; raises BadAmount.

    Full-width digits and a trailing 元 are accepted (a Chinese input method types them);
    thousands separators and exponents are not, since "1,250" and "1e3" are ambiguous on paper.
    """
    clean = unicodedata.normalize("NFKC", text).strip().removesuffix("元").strip()
    clean = clean.lstrip("¥").strip()
    if not clean:
        raise BadAmount("empty", text)
    if not _NUMBER.fullmatch(clean):
        raise BadAmount("not_number", text.strip())
    try:
        value = Decimal(clean)
    except InvalidOperation:  # pragma: no cover - the pattern admits only valid decimals
        raise BadAmount("not_number", text.strip()) from None
    if value <= 0:
        raise BadAmount("not_positive", text.strip())
    if value != value.quantize(Decimal("0.01")):
        raise BadAmount("decimals", text.strip())
    fen = int(value * 100)
    if fen > MAX_FEN:
        raise BadAmount("too_large", text.strip())
    return fen


def fen_to_yuan(fen: int) -> str:
    """31250 -> '312.50', 62500 -> '625': how an amount is typed and read in 元."""
    sign = "-" if fen < 0 else ""
    whole, cents = divmod(abs(fen), 100)
    return f"{sign}{whole}" if cents == 0 else f"{sign}{whole}.{cents:02d}"


def term_of(day: dt.date) -> str:
    """The 资助期间 a payment on `day` belongs to: '2026年秋季学期' or '2027年春季学期'.

    Subsidies are "学年评审、学期发放" (domain §7): paid per term. The autumn term runs from
    September to January, so a January payment belongs to the previous year's autumn term;
    August prepares the coming autumn term.
    """
    if 2 <= day.month <= 7:
        return f"{day.year}年春季学期"
    year = day.year if day.month >= 8 else day.year - 1
    return f"{year}年秋季学期"


def same_period(a: str, b: str) -> bool:
    """Whether two typed periods name the same term (spacing and full-width forms ignored)."""

    def key(text: str) -> str:
        return "".join(unicodedata.normalize("NFKC", text).split())

    return key(a) == key(b)


def yearly_standard_fen(item: str, grade: int) -> int | None:
    """The national yearly standard of `item` for a pupil in `grade`; None if there is none."""
    table = codes.SUBSIDY_STANDARDS_FEN.get(item)
    if table is None or not 1 <= grade <= 9:
        return None
    return table.get(codes.stage_of(grade))


def term_standard_fen(item: str, grade: int) -> int | None:
    """Half the yearly standard: what one term pays (every standard is an even number of 分)."""
    yearly = yearly_standard_fen(item, grade)
    return None if yearly is None else yearly // 2


@dataclass(frozen=True)
class PaidSubsidy:
    """A live subsidy record as the double-payment check needs it."""

    item: str
    period: str
    amount_fen: int


@dataclass(frozen=True)
class ClassPupil:
    """One on-roll pupil of a class, with what the subsidy sheet shows and checks.

    `id_number` is full: mask it on screen unless the operator may see full IDs.
    `economic_category` is "" unless the read was allowed to include restricted fields.
    """

    student_id: str
    name: str
    id_number: str
    grade: int
    boarding: bool
    groups: tuple[str, ...]
    economic_category: str
    subsidies: tuple[PaidSubsidy, ...]

    def paid(self, item: str, period: str) -> int | None:
        """Total already paid for `item` in `period` (None if nothing was)."""
        found = [s.amount_fen for s in self.subsidies
                 if s.item == item and same_period(s.period, period)]
        return sum(found) if found else None


def classes(ledger: Ledger) -> list[tuple[int, str]]:
    """Every (grade, class name) with at least one pupil holding 学籍 here, in order."""
    rows = ledger.queries.counts_by("grade", "class_name", view="on-roll")
    return [(int(row[0]), str(row[1])) for row in rows if row[0] and row[1]]


def _groups(student: Mapping[str, Any]) -> tuple[str, ...]:
    flags = {
        "left_behind": student.get("left_behind") in ("1", "2"),
        "orphan": bool(student.get("orphan")),
        "unsupported": bool(student.get("unsupported")),
        "in_difficulty": bool(student.get("in_difficulty")),
        "disability": bool(student.get("disability_type")),
        "migrant": bool(student.get("migrant")),
    }
    return tuple(name for name in SPECIAL_GROUPS if flags[name])


def class_pupils(
    ledger: Ledger, grade: int, class_name: str, *, include_restricted: bool
) -> list[ClassPupil]:
    """The class's on-roll pupils by name, each with the live subsidies already recorded."""
    rows = ledger.queries.roster(
        "on-roll", filters={"grade": grade, "class_name": class_name}, order="name",
        limit=_CLASS_LIMIT,
    )
    pupils = []
    for row in rows:
        student = ledger.queries.student(row.student_id) or {}
        paid = tuple(
            PaidSubsidy(str(r["item"]), str(r["period"] or ""), int(r["amount_fen"] or 0))
            for r in ledger.queries.records("subsidy", student_id=row.student_id)
            if not r["retracted"]
        )
        pupils.append(ClassPupil(
            student_id=row.student_id, name=row.name, id_number=row.id_number, grade=row.grade,
            boarding=bool(student.get("boarding")), groups=_groups(student),
            economic_category=str(student.get("economic_category") or "")
            if include_restricted else "",
            subsidies=paid,
        ))
    return pupils


@dataclass(frozen=True)
class Payment:
    """One pupil's line of a class payment: who, their name (for messages), how much."""

    student_id: str
    name: str
    amount_fen: int


def subsidy_rows(
    payments: Sequence[Payment], *, item: str, period: str, paid_date: dt.date | str,
    channel: str, standard_fen: int | None,
) -> list[dict[str, Any]]:
    """The subsidy records a class payment describes, ready for `records.add_many`."""
    common: dict[str, Any] = {"item": item, "period": period.strip(), "paid_date": paid_date,
                              "channel": channel}
    if standard_fen is not None:
        common["standard_fen"] = standard_fen
    return [{"student_id": p.student_id, "amount_fen": p.amount_fen, **common} for p in payments]


def pay_class(
    ledger: Ledger, payments: Sequence[Payment], *, item: str, period: str,
    paid_date: dt.date | str, channel: str, standard_fen: int | None,
) -> Changes:
    """Record a whole class's payment in one transaction, or nothing.

    The core names a refused row by its number; a principal knows pupils, not row numbers, so
    each problem is re-worded with the pupil's name.
    """
    rows = subsidy_rows(payments, item=item, period=period, paid_date=paid_date,
                        channel=channel, standard_fen=standard_fen)
    try:
        return ledger.records.add_many("subsidy", rows)
    except ValidationError as error:
        raise named_rows(error, [p.name for p in payments]) from None


def named_rows(error: ValidationError, names: Sequence[str]) -> ValidationError:
    """`error` with each row number replaced by the pupil's name ("第3行" -> "王芳：")."""
    problems = []
    for problem in error.problems:
        row = problem.row if problem.row is not None else (1 if len(names) == 1 else None)
        if row is not None and 1 <= row <= len(names):
            problems.append(Problem(problem.field, f"{names[row - 1]}：{problem.reason}",
                                    problem.fix))
        else:
            problems.append(problem)
    return ValidationError(problems)


# --- 结对帮扶 ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Pairing:
    """A live teacher pairing of one pupil, with how many 帮扶记录 it holds."""

    pairing_id: str
    teacher: str
    start_date: str
    kind: str
    goal: str
    logs: int
    last_log: str


def pairings(ledger: Ledger, student_id: str) -> list[Pairing]:
    """The pupil's live (not retracted) pairings, the most recently started first."""
    logs: Counter[str] = Counter()
    last: dict[str, str] = {}
    for log in ledger.queries.records("pairing_log", student_id=student_id):
        if not log["retracted"]:
            logs[log["pairing_id"]] += 1
            last[log["pairing_id"]] = max(last.get(log["pairing_id"], ""), log["date"] or "")
    found = [
        Pairing(str(r["id"]), str(r["teacher"] or ""), str(r["start_date"] or ""),
                str(r["kind"] or ""), str(r["goal"] or ""), logs[r["id"]], last.get(r["id"], ""))
        for r in ledger.queries.records("pairing", student_id=student_id)
        if not r["retracted"]
    ]
    return sorted(found, key=lambda p: p.start_date, reverse=True)


def teacher_names(ledger: Ledger) -> list[str]:
    """Names to offer for 帮扶教师: pairing and case teachers and operators, most used first."""
    counts: Counter[str] = Counter()
    for kind in ("pairing", "case"):
        counts.update(_names(r.get("teacher") for r in ledger.queries.records(kind)
                             if not r["retracted"]))
    counts.update(_names(op.get("name") for op in ledger.settings.operators()))
    return sorted(counts, key=lambda name: (-counts[name], name))


def _names(values: Iterable[Any]) -> list[str]:
    return [str(v).strip() for v in values if v and str(v).strip()]
