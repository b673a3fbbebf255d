"""书面报告: the school's monthly written report on dropouts to the township and county bureau.

domain.md §5.3: an official letter on A4 portrait — title "关于××学校××年×月辍学学生情况的
报告", the addressees, the month's figures (new suspected, newly confirmed, returned, struck off
for other reasons, visits made, still out), a short paragraph per pupil, the school's requests
(ask the township to act for pupils persuasion did not bring back), the stamp and the contact
line — and the 附件 辍学学生花名册 on landscape pages. A month with nothing to report is a
零报告: the same letter saying so, and the annex with one row saying so, never an empty PDF.

The report goes to the authorities, who must reach the families: the annex carries the
guardian, the address and the phone; ID numbers stay masked and the economic category is not
on it (domain.md §10).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from dropout_ledger.render import fonts
from dropout_ledger.render.kit import TITLE_SIZE, Column, Form, Imprint, Row

ZERO_LINE = "本月无新增辍学学生（零报告）"
"""The annex's only row, and the words a township looks for, in a month with nothing to report."""
RECIPIENTS = "乡（镇）人民政府、县教育局："

ANNEX_COLUMNS = (
    Column("序号", 7), Column("姓名", 13), Column("性别", 6), Column("年级班级", 16),
    Column("全国学籍号", 31), Column("监护人", 15), Column("家庭住址", 29, "LEFT"),
    Column("联系电话", 22), Column("离校日期", 19), Column("辍学原因", 24, "LEFT"),
    Column("劝返情况", 48, "LEFT"), Column("目前状态", 14), Column("包保人", 13),
)


@dataclass(frozen=True)
class ReportPupil:
    """One pupil concerned this month: the annex row and the letter's paragraph, as text."""

    name: str
    sex: str
    grade_class: str
    xjh: str
    guardian: str
    address: str
    phone: str
    left_date: str
    reason: str
    persuasion: str
    status: str
    responsible: str
    summary: str
    """The letter's sentence about this pupil (what happened this month, what was done)."""

    @property
    def record(self) -> str:
        return f"{self.name}（{self.grade_class}）"


@dataclass(frozen=True)
class MonthFigures:
    """The month's counts, as the letter states them."""

    on_roll: int
    new_suspected: int
    new_dropped: int
    returned: int
    closed_other: int
    visits: int
    visited: int
    still_out: int
    still_suspected: int
    still_dropped: int


@dataclass(frozen=True)
class MonthlyReportData:
    """Everything the 书面报告 prints ("" = a blank to fill in)."""

    school: str
    year: int
    month: int
    date: dt.date
    figures: MonthFigures
    pupils: Sequence[ReportPupil]
    requests: Sequence[str]
    """Names of pupils for whom the school asks the township to act."""
    phone: str = ""

    @property
    def zero(self) -> bool:
        """Nothing happened and nobody is out: a 零报告."""
        return not self.pupils


def title_of(data: MonthlyReportData) -> str:
    zero = "（零报告）" if data.zero else ""
    return f"关于{data.school}{data.year}年{data.month}月辍学学生情况的报告{zero}"


def body(data: MonthlyReportData) -> list[str]:
    """The letter's paragraphs, in the order an official report has them."""
    f, month = data.figures, f"{data.year}年{data.month}月"
    if data.zero:
        return [f"现将我校{month}控辍保学情况报告如下：",
                f"本校现有在籍学生{f.on_roll}人。本月无新增辍学学生，无新增疑似辍学学生，"
                "无未返校学生；学校按规定开展了日常考勤和家校联系。特此零报告。"]
    new = f.new_suspected + f.new_dropped
    paragraphs = [
        f"现将我校{month}辍学学生情况报告如下：",
        f"一、基本情况。本校现有在籍学生{f.on_roll}人。本月新增疑似辍学学生{f.new_suspected}人，"
        f"新确认辍学学生{f.new_dropped}人；劝返复学{f.returned}人，因其他原因核实销号"
        f"{f.closed_other}人；本月开展劝返{f.visits}人次（涉及学生{f.visited}人）。截至月末，"
        f"仍未返校学生{f.still_out}人（疑似辍学{f.still_suspected}人、辍学{f.still_dropped}人）。"
        + ("" if new else "本月无新增辍学学生。"),
        "二、学生情况及劝返工作。",
    ]
    paragraphs += [f"{n}. {p.summary}" for n, p in enumerate(data.pupils, start=1)]
    if data.requests:
        paragraphs.append(
            "三、请求事项。以下学生经学校多次劝返仍未返校，恳请乡（镇）人民政府依法督促其监护人"
            f"送子女返校，必要时下达限期复学通知书：{'、'.join(data.requests)}。")
    else:
        paragraphs.append("三、下一步工作。学校将继续落实包保责任，跟踪复学学生，"
                          "做好劝返和帮扶工作。")
    paragraphs.append("特此报告。")
    return paragraphs


def draw(data: MonthlyReportData, imprint: Imprint) -> tuple[Form, int]:
    """The 书面报告 as a Form, and how many pupils its annex lists (0 for a 零报告)."""
    form = Form(imprint, title="辍学学生情况书面报告")
    title = title_of(data)
    if fonts.width(title, TITLE_SIZE) > form.frame_width * 0.85:  # a long school name
        form.title(f"关于{data.year}年{data.month}月辍学学生情况的报告"
                   + ("（零报告）" if data.zero else ""), subtitle=data.school)
    else:
        form.title(title)
    form.spacer(2)
    form.text(RECIPIENTS, first_indent=0)
    form.text("\n".join(body(data)))
    form.spacer(2)
    form.text("附件：辍学学生花名册", first_indent=2)
    with form.together():
        form.spacer(6)
        form.stamp_block(data.school, data.date)
        form.signatures([("校长（签字）", ""), ("联系人", imprint.operator),
                         ("联系电话", data.phone)])
    form.page_break(landscape=True)
    form.text("附件", first_indent=0)
    form.title(f"{data.school}{data.year}年{data.month}月辍学学生花名册")
    form.unit_line(data.school, data.date)
    count = form.table(ANNEX_COLUMNS, (
        Row([str(n), p.name, p.sex, p.grade_class, p.xjh, p.guardian, p.address, p.phone,
             p.left_date, p.reason, p.persuasion, p.status, p.responsible], p.record)
        for n, p in enumerate(data.pupils, start=1)), empty_text=ZERO_LINE, min_row_mm=8)
    form.spacer(2)
    f = data.figures
    form.text(f"合计：共{count}人。其中本月新增疑似辍学{f.new_suspected}人，新确认辍学"
              f"{f.new_dropped}人，劝返复学{f.returned}人，仍未返校{f.still_out}人。"
              if count else "合计：0人。", size=9, first_indent=0)
    with form.together():
        form.spacer(3)
        form.signatures([("单位负责人（校长）签字", ""), ("填表人", imprint.operator),
                         ("联系电话", data.phone)])
    return form, count
