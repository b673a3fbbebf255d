"""一封家书: the term's letter to each household about aid, duties and whom to call, with a 回执.

domain.md §5.7, one A4 page per household (siblings share one letter): the policies every pupil
has (free tuition and textbooks, the nutrition meals — never cash), the aid each of the family's
children received this term (item, standard, term, amount in 元, date paid, how paid, only the
last four digits of an account) with the total, the guardians' duty under the 义务教育法, the
school's contacts, the stamp, and a 回执 below a dashed cut line that comes back signed.

The letter is handed over privately and is about this family only, so the family's economic
category may be on it (domain.md §10) — when the operator may see it at all.

Speed: a school prints a letter for every household after each payment (1,000 pages in one
PDF). A letter is a handful of text blocks, one kit table and one small grid; the paragraphs
that are the same on every letter are broken into lines once and shared.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache

from dropout_ledger.render import cjk, fonts
from dropout_ledger.render.kit import (
    BODY_SIZE,
    Column,
    Form,
    Imprint,
    Row,
    TextBlock,
)

POLICIES = (
    "义务教育阶段学生免除学杂费，免费提供国家规定课程教科书（一年级新生免费提供正版学生字典）；"
    "农村学校学生享受营养改善计划膳食补助，以提供营养膳食的方式实施，不发放现金。家庭经济困难"
    "学生按规定享受生活补助，实行“学年评审、学期发放”，补助资金直接发放到监护人的惠民一卡通"
    "（社保卡）或银行卡，任何人不得截留、挪用，学校不收取任何费用。"
)
DUTIES = (
    "根据《中华人民共和国义务教育法》，适龄儿童、少年的父母或者其他法定监护人应当依法保证其按时"
    "入学接受并完成义务教育。请您督促孩子按时到校，孩子因病因事不能上学时及时向班主任请假；"
    "不让未完成义务教育的孩子外出打工或辍学在家。资助资金是国家帮助孩子上学的专项资金，"
    "请用在孩子的学习和生活上。孩子在学习、生活上遇到困难，请及时与学校联系。"
)
AID_COLUMNS = (
    Column("学生", 14), Column("资助项目", 45, "LEFT"), Column("标准\n（元/年）", 15),
    Column("资助期间", 23), Column("金额\n（元）", 14, "RIGHT"), Column("发放日期", 18),
    Column("发放方式", 46, "LEFT"),
)
RECEIPT_COLUMNS = (
    Column("学生姓名", 24), Column("班级", 24), Column("家长签字（或按手印）", 42),
    Column("与学生关系", 22), Column("联系电话", 30), Column("日期", 33),
)
"""The 回执 as one ruled row (a kit table: drawn far faster than a grid, a page per household)."""
NO_AID = "本学期暂无资助发放记录。家庭经济困难的，可向班主任或学校资助专管员申请。"


@dataclass(frozen=True)
class AidLine:
    """One payment to one child, as printed (amounts in 元)."""

    child: str
    item: str
    standard: str
    period: str
    amount: str
    paid: str
    channel: str


@dataclass(frozen=True)
class Letter:
    """One household's letter: whom it greets, its children and what they received."""

    guardians: str
    """"王大明（父亲）、李芳（母亲）", "" for a greeting without names."""
    children: Sequence[tuple[str, str]]
    """(name, grade and class) of each child of the household on the school's roll."""
    aid: Sequence[AidLine]
    total: str
    """The household's total for the term in 元 ("0.00" without aid)."""
    category: str | None = None
    """The family's economic category, printed only when the operator may see it."""

    @property
    def record(self) -> str:
        return "、".join(f"{name}（{klass}）" for name, klass in self.children)


@dataclass(frozen=True)
class LettersData:
    """The bundle: whose, which term, the school's contacts, and one letter per household."""

    school: str
    term: str
    """"2026年秋季学期"."""
    date: dt.date
    letters: Iterable[Letter]
    phone: str = ""
    principal: str = ""


@cache
def _shared_lines(text: str, size: float, width: float) -> tuple[str, ...]:
    """A fixed paragraph broken once for all letters (the same width on every page)."""
    return tuple(cjk.break_lines("\u4e00\u4e00" + text, width,
                                 lambda s: fonts.width(s, size)))


def _shared(text: str, width: float, size: float = BODY_SIZE) -> TextBlock:
    lines = list(_shared_lines(text, size, width))
    lines[0] = "\u3000\u3000" + lines[0][2:]
    return TextBlock(text, size, lines=lines)


def draw(data: LettersData, imprint: Imprint) -> tuple[Form, int]:
    """The letters as one Form, a page each; returns how many households it greets."""
    form = Form(imprint, title="致家长的一封信", margins_mm=(20, 18, 12, 8))
    count = 0
    for letter in data.letters:
        if count:
            form.page_break()
        _letter(form, data, letter)
        count += 1
    return form, count


def _letter(form: Form, data: LettersData, letter: Letter) -> None:
    who = letter.record
    width = form.frame_width
    form.title(subtitle=f"（{data.term}学生资助告知书）")
    greeting = f"尊敬的{letter.guardians}：" if letter.guardians else "尊敬的家长："
    names = "、".join(name for name, _ in letter.children)
    form.text(greeting, first_indent=0)
    form.text(f"您好！您家孩子{names}在我校就读。为让每一个孩子安心上学，国家对义务教育阶段"
              "学生实行全面资助。现将有关政策和本学期您家孩子获得的资助告知如下，请您仔细阅读后"
              "在回执上签字，交回班主任。")
    form.heading("一、每个学生都享受的政策", size=BODY_SIZE)
    form.story.append(_shared(POLICIES, width))
    form.heading("二、您家孩子本学期获得的资助", size=BODY_SIZE)
    if letter.category:
        form.text(f"家庭经济困难类别：{letter.category}（仅在本告知书中注明，学校严格保密）。",
                  size=9.5, first_indent=2)
    form.table(AID_COLUMNS, (Row([a.child, a.item, a.standard, a.period, a.amount, a.paid,
                                  a.channel], who) for a in letter.aid), size=8.5,
               empty_text=NO_AID, min_row_mm=6)
    if letter.aid:
        form.text(f"本学期合计：{letter.total}元。", size=9.5, first_indent=2)
    form.heading("三、家长的责任", size=BODY_SIZE)
    form.story.append(_shared(DUTIES, width))
    form.heading("四、联系方式", size=BODY_SIZE)
    form.signatures([("学校", data.school), ("校长", data.principal),
                     ("学校电话", data.phone)], size=9.5)
    form.signatures([("班主任", ""), ("学校资助专管员", ""), ("县学生资助管理中心", "")],
                    size=9.5)
    form.stamp_block(data.school, data.date, size=9.5)
    form.cut_line("沿虚线剪下，回执由家长签字后交回班主任")
    form.title("回　执", size=13)
    form.text(f"□ 本人已收到并知晓{data.term}我家孩子获得的上述资助项目及金额。"
              "\n□ 有异议（请写明）：", size=9.5, first_indent=0)
    form.spacer(4)
    form.table(RECEIPT_COLUMNS, [Row([
        "\n".join(name for name, _ in letter.children),
        "\n".join(klass for _, klass in letter.children), "", "", "",
        "\u3000\u3000年\u3000\u3000月\u3000\u3000日"], who)], size=9, min_row_mm=14)
