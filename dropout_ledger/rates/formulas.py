"""Pure formulas: counts in, figures out (domain.md §2.4, §6). No database, no dates, no floats.

A figure is in basis points (万分之一, 50 = 0.50 %), rounded half up from exact integers, so
two ledgers holding the same events print the same bytes (design README §4) and a figure can be
recomputed by hand from its numerator and denominator. Every figure says which convention made
it, what its target is and whether the target is met; a figure that cannot be computed says why
(`value_bp` None and a `note`) instead of raising or printing 0 %.
"""

from __future__ import annotations

import dataclasses
import operator
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Literal

BP = 10_000  # 100 %

TargetKind = Literal["max", "min"]

# The conventions a figure can be computed under; the text is what the form and the JSON say.
CONVENTIONS: Mapping[str, str] = MappingProxyType({
    "definitional": (
        "在校生辍学率（教育学定义）：学年内由在校转为辍学、休学或超龄离校的学生人数（每人只计一次）"
        "÷（学年初在校生数＋本学年招收新生数）。转学、死亡、毕业不计为辍学。"
    ),
    "net_change": (
        "“两基”净减少公式：〔（休学＋辍学＋超龄离校＋死亡＋转出＋其他减少）−（转入＋复学＋劝返复学＋"
        "其他增加）〕÷（学年初在校生数＋本学年招收新生数）；净减少为负数时按0计。"
    ),
    "cohort_sheet": (
        "巩固率统计表：（毕业生数＋仍在籍未辍学人数）÷（入学年招生数＋转入−转出），不超过100%；"
        "入学年台账中没有该届学生时不计算。"
    ),
    "population": (
        "适龄儿童入学率（户籍名单口径）：县里下发的户籍适龄儿童名单中，在本校在校（含送教上门，"
        "不含休学）或经核查在其他学校就读（转学、省内外就读、特教学校、在校无学籍、已毕业升学）的"
        "儿童 ÷ 名单中的适龄儿童；经核查死亡、出国（境）、超龄、延缓入学、户籍有误或非本校学生的"
        "不计入。按学年初（8月31日）周岁分段：小学6—11周岁，初中12—14周岁。"
    ),
    "progression": (
        "初中升学率：本学年毕业的九年级学生中，毕业去向为升入普通高中、中等职业学校或技工学校的人数"
        " ÷ 本学年九年级毕业生数。"
    ),
    "ledger_disability": (
        "三类残疾儿童入学率（台账口径）：在校（含送教上门、随班就读）的视力、听力、智力残疾学生 ÷ "
        "台账中在籍的这三类残疾学生；未入学、未登记学籍的残疾儿童要等县里名单导入后才能计入。"
    ),
})


def ratio_bp(numerator: int, denominator: int) -> int:
    """numerator ÷ denominator in basis points, rounded half up, in exact integer arithmetic."""
    if denominator <= 0:
        raise ValueError("denominator must be positive")
    return (2 * numerator * BP + denominator) // (2 * denominator)


@dataclass(frozen=True)
class Figure:
    """One rate as printed: value, what it was computed from, under which convention, vs target.

    `value_bp` is None when there is no figure (zero denominator, data the ledger does not
    hold); `note` then says why. `met` is None when there is no figure or no target. `parts`
    breaks the numerator (or the denominator) down for the reader; its keys are stable codes.
    """

    label: str
    convention: str
    value_bp: int | None
    numerator: int | None
    denominator: int | None
    target_bp: int | None = None
    target_kind: TargetKind | None = None
    met: bool | None = None
    parts: Mapping[str, int] = field(default_factory=dict)
    note: str = ""


def figure(
    label: str, convention: str, numerator: int, denominator: int, *,
    target: tuple[int, TargetKind] | None = None, parts: Mapping[str, int] | None = None,
    note: str = "", empty_note: str = "分母为0（没有学生），不计算",
) -> Figure:
    """A ratio figure, clamped to 0–100 %, compared with its target as displayed (rounded).

    Clamping is said in the note, never silent: a negative net change (more pupils came than
    left) is shown as 0 %, a cohort that grew by unrecorded arrivals as 100 %.
    """
    target_bp, kind = target if target is not None else (None, None)
    if denominator <= 0:
        return Figure(label, convention, None, numerator, denominator, target_bp, kind, None,
                      dict(parts or {}), empty_note)
    notes = [note] if note else []
    value = ratio_bp(numerator, denominator)
    if value < 0:
        value, notes = 0, [*notes, "分子为负数，按0计"]
    elif value > BP:
        value, notes = BP, [*notes, "超过100%，按100%计"]
    met = None if target_bp is None else value <= target_bp if kind == "max" else value >= target_bp
    return Figure(label, convention, value, numerator, denominator, target_bp, kind, met,
                  dict(parts or {}), "；".join(notes))


def unavailable(
    label: str, convention: str, reason: str, *, target: tuple[int, TargetKind] | None = None,
    numerator: int | None = None, denominator: int | None = None,
) -> Figure:
    """A figure the ledger cannot give yet, with the reason and whatever part of it is known."""
    target_bp, kind = target if target is not None else (None, None)
    return Figure(label, convention, None, numerator, denominator, target_bp, kind, None, {},
                  reason)


# --- a school year's counts -------------------------------------------------------------------

# Movements into and out of 在校 (attending), in the order of the statistics form (§5.5).
INFLOWS: tuple[str, ...] = (
    "intake", "transferred_in", "resumed", "returned", "other_in",
)
OUTFLOWS: tuple[str, ...] = (
    "transferred_out", "suspended", "deceased", "dropped_out", "graduated", "overage_left",
    "other_out",
)
FLOW_LABELS: Mapping[str, str] = MappingProxyType({
    "intake": "招收新生", "transferred_in": "转入", "resumed": "复学（休学后）",
    "returned": "劝返复学", "other_in": "其他增加", "transferred_out": "转出", "suspended": "休学",
    "deceased": "死亡", "dropped_out": "辍学", "graduated": "毕业", "overage_left": "超龄离校",
    "other_out": "其他减少",
})
# Losses and gains of the 两基 net-change formula: every movement except intake and graduation.
NET_LOSSES: tuple[str, ...] = tuple(k for k in OUTFLOWS if k != "graduated")
NET_GAINS: tuple[str, ...] = tuple(k for k in INFLOWS if k != "intake")


@dataclass(frozen=True)
class YearCounts:
    """What happened to one group of pupils (a grade, a sex, a village…) in one school year.

    `opening`: attending on the eve of the school year; `closing`: attending on the snapshot
    date; the flows are events between the two. `lost*` count *pupils* (each once however often
    they left), for the definitional convention. Counts of disjoint groups add up (`+`).
    """

    opening: int = 0
    closing: int = 0
    intake: int = 0
    transferred_in: int = 0
    resumed: int = 0
    returned: int = 0
    other_in: int = 0
    transferred_out: int = 0
    suspended: int = 0
    deceased: int = 0
    dropped_out: int = 0
    graduated: int = 0
    overage_left: int = 0
    other_out: int = 0
    lost: int = 0
    lost_dropped_out: int = 0
    lost_suspended: int = 0
    lost_overage_left: int = 0

    def __add__(self, other: YearCounts) -> YearCounts:
        return YearCounts(*map(operator.add, _year_values(self), _year_values(other)))

    @property
    def base(self) -> int:
        """学年初在校生数 + 本学年招收新生数: the denominator of both dropout conventions."""
        return self.opening + self.intake

    def flow(self, kind: str) -> int:
        return int(getattr(self, kind))

    @property
    def inflow(self) -> int:
        return sum(self.flow(k) for k in INFLOWS)

    @property
    def outflow(self) -> int:
        return sum(self.flow(k) for k in OUTFLOWS)


_year_values = operator.attrgetter(*(f.name for f in dataclasses.fields(YearCounts)))


def total(counts: list[YearCounts] | tuple[YearCounts, ...]) -> YearCounts:
    """The sum of several groups' counts (an empty list sums to zeros)."""
    if not counts:
        return YearCounts()
    return YearCounts(*(sum(column) for column in zip(*map(_year_values, counts), strict=True)))


def dropout_definitional(
    counts: YearCounts, label: str, target: tuple[int, TargetKind] | None = None
) -> Figure:
    """在校生辍学率: pupils who left 在校 for 辍学, 休学 or 超龄离校 this year ÷ the year's base.

    Each pupil counts once, however often they left (dropped out twice → 1); a pupil who came
    back is still counted: they did drop out this year. Transfers, deaths and graduation are
    not dropout (domain.md §2.4 convention 1).
    """
    parts = {"dropped_out": counts.lost_dropped_out, "suspended": counts.lost_suspended,
             "overage_left": counts.lost_overage_left}
    return figure(label, "definitional", counts.lost, counts.base, target=target, parts=parts)


def dropout_net_change(
    counts: YearCounts, label: str, target: tuple[int, TargetKind] | None = None
) -> Figure:
    """两基 net change: (休学+辍学+超龄+死亡+转出+其他减少) − (转入+复学+劝返复学+其他增加).

    It equals 期初 + 招生 − 毕业 − 期末, so it counts deaths and transfers as losses unless
    offset by arrivals (domain.md §2.4 convention 2). Parts list every term.
    """
    losses = sum(counts.flow(k) for k in NET_LOSSES)
    gains = sum(counts.flow(k) for k in NET_GAINS)
    parts = {k: counts.flow(k) for k in (*NET_LOSSES, *NET_GAINS)}
    return figure(label, "net_change", losses - gains, counts.base, target=target, parts=parts)


# --- cohorts ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CohortCounts:
    """One cohort (届) from the school year it entered the stage to the snapshot date.

    `retained` counts pupils graduated in the period plus those still holding 学籍 and not
    dropped out (在校, 送教上门, 疑似辍学, 复学跟踪, 休学); `graduated` is the first part of it.
    """

    intake: int = 0
    transferred_in: int = 0
    transferred_out: int = 0
    retained: int = 0
    graduated: int = 0

    def __add__(self, other: CohortCounts) -> CohortCounts:
        # Positional, not a dict over dataclasses.fields(): a county dashboard adds thousands.
        return CohortCounts(self.intake + other.intake,
                            self.transferred_in + other.transferred_in,
                            self.transferred_out + other.transferred_out,
                            self.retained + other.retained, self.graduated + other.graduated)


def consolidation(
    counts: CohortCounts, label: str, target: tuple[int, TargetKind] | None = None
) -> Figure:
    """巩固率 = retained ÷ (招生数 + 转入 − 转出), capped at 100 % (domain.md §5.6, §6).

    A cohort whose entry year the ledger does not hold (zero intake) has no figure: dividing
    its later arrivals by themselves would print a meaningless 100 %.
    """
    parts = {"intake": counts.intake, "transferred_in": counts.transferred_in,
             "transferred_out": counts.transferred_out, "graduated": counts.graduated}
    denominator = counts.intake + counts.transferred_in - counts.transferred_out
    if counts.intake <= 0:
        target_bp, kind = target if target is not None else (None, None)
        return Figure(label, "cohort_sheet", None, counts.retained, denominator, target_bp, kind,
                      None, parts, "入学年招生数为0（台账中没有该届入学时的学生），不计算巩固率")
    return figure(label, "cohort_sheet", counts.retained, denominator, target=target,
                  parts=parts)


# --- three-category disability ------------------------------------------------------------------

# 三类残疾: 视力, 听力, 智力 (codes of codes.DISABILITY_TYPES), the categories of the 两基 standard.
THREE_CATEGORIES: tuple[str, ...] = ("1", "2", "5")


@dataclass(frozen=True)
class DisabilityCounts:
    """Disabled pupils holding 学籍 here on the snapshot date, and how they are schooled."""

    on_roll: int = 0
    enrolled: int = 0
    home_taught: int = 0
    inclusive: int = 0

    def __add__(self, other: DisabilityCounts) -> DisabilityCounts:
        return DisabilityCounts(**{
            f.name: getattr(self, f.name) + getattr(other, f.name)
            for f in dataclasses.fields(self)
        })


def total_disability(counts: list[DisabilityCounts]) -> DisabilityCounts:
    """The sum of several disability types' counts."""
    out = DisabilityCounts()
    for item in counts:
        out = out + item
    return out


def disability_enrolment(
    counts: DisabilityCounts, label: str, target: tuple[int, TargetKind] | None = None
) -> Figure:
    """Enrolled (attending, home-taught or in an ordinary class) ÷ those holding 学籍 here."""
    parts = {"home_taught": counts.home_taught, "inclusive": counts.inclusive,
             "not_enrolled": counts.on_roll - counts.enrolled}
    return figure(label, "ledger_disability", counts.enrolled, counts.on_roll, target=target,
                  parts=parts, empty_note="台账中没有在籍的三类残疾学生，不计算")


# --- enrolment of the school-age population (户籍适龄儿童名单) -------------------------------------


@dataclass(frozen=True)
class PopulationCounts:
    """The children of a county school-age list in one age band, by what became of them.

    `here`: attending this school on the snapshot date (在校, 送教上门, 疑似辍学, 复学跟踪);
    `elsewhere`: studying at another school by the check's answer or the pupil's 转出 / 毕业;
    `suspended`: 休学 (not enrolled until they return, domain.md §6); `out`: known to be out of
    school (辍学, or answered so); `unverified`: neither on the roll here nor answered;
    `excluded`: not part of the school-age population after all (dead, abroad, over age,
    deferred entry, a wrong 户籍 entry, not this school's child). Disjoint: they add up to rows.
    """

    here: int = 0
    elsewhere: int = 0
    suspended: int = 0
    out: int = 0
    unverified: int = 0
    excluded: int = 0

    def __add__(self, other: PopulationCounts) -> PopulationCounts:
        return PopulationCounts(**{
            f.name: getattr(self, f.name) + getattr(other, f.name)
            for f in dataclasses.fields(self)
        })

    @property
    def population(self) -> int:
        """The school-age children the list names, less those excluded."""
        return self.here + self.elsewhere + self.suspended + self.out + self.unverified

    @property
    def enrolled(self) -> int:
        return self.here + self.elsewhere


def enrolment(
    counts: PopulationCounts, label: str, target: tuple[int, TargetKind] | None = None
) -> Figure:
    """适龄儿童入学率 = enrolled (here or elsewhere) ÷ the list's school-age children (§6)."""
    parts = {f.name: getattr(counts, f.name) for f in dataclasses.fields(counts)}
    return figure(label, "population", counts.enrolled, counts.population, target=target,
                  parts=parts, empty_note="名单中没有这一年龄段的适龄儿童，不计算")


# --- progression (初中升学率) ---------------------------------------------------------------------


@dataclass(frozen=True)
class GraduateCounts:
    """This school year's grade-9 graduates by their recorded destination (毕业去向 code);
    `unrecorded` have none yet."""

    by_destination: Mapping[str, int] = field(default_factory=dict)
    unrecorded: int = 0

    @property
    def graduates(self) -> int:
        return sum(self.by_destination.values()) + self.unrecorded


def progression(
    counts: GraduateCounts, progressing: frozenset[str], label: str,
    target: tuple[int, TargetKind] | None = None,
) -> Figure:
    """初中升学率 = graduates whose destination is a senior-secondary school ÷ graduates.

    A graduate without a recorded destination counts in the denominator only (not 升学 until
    recorded), and the note says how many there are, so a missing entry is visible, not hidden.
    """
    numerator = sum(n for code, n in counts.by_destination.items() if code in progressing)
    parts = {**counts.by_destination, "unrecorded": counts.unrecorded}
    note = f"{counts.unrecorded}名毕业生未登记毕业去向" if counts.unrecorded else ""
    return figure(label, "progression", numerator, counts.graduates, target=target, parts=parts,
                  note=note, empty_note="本学年没有九年级毕业生，不计算升学率")
