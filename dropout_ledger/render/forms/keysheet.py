"""县级密钥说明单 and 入网回执: the two papers that carry a 30-digit key fingerprint.

Both are A4 portrait with the fingerprint printed large, in six numbered boxes (people read it
aloud group by group on the phone: "第三组，五八一九二"), beside a QR code of the same digits.
The county's sheet goes out with the stamped notice that distributes the software; the school's
receipt comes back signed and stamped, and the clerk compares its digits before the school's
first package is accepted (sync.md §c.13). Neither paper holds a secret: only public fingerprints.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

import segno
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from dropout_ledger.render.fonts import HEI, SONG
from dropout_ledger.render.kit import BODY_SIZE, LINE, Form, Imprint, draw_text, label, value

GROUP_NAMES = ("第一组", "第二组", "第三组", "第四组", "第五组", "第六组")


@dataclass(frozen=True)
class KeySheetData:
    county: str
    code: str
    org: str
    fingerprint: str
    """"12345 67890 12345 67890 12345 67890"."""
    qr: str
    """What the QR code holds (the organisation and the 30 digits)."""
    phone: str = ""
    as_of: dt.date | None = None


@dataclass(frozen=True)
class ReceiptData:
    school: str
    code: str
    county: str
    fingerprint: str
    qr: str
    county_fingerprint: str
    county_checked: str
    """How the county's key was checked at joining ("已核对（本机用户）" / "未核对")."""
    joined: str
    principal: str = ""
    phone: str = ""
    as_of: dt.date | None = None


class FingerprintPanel(Flowable):  # type: ignore[misc]  # reportlab has no type hints
    """The QR code on the left, six boxed groups of five digits (two rows of three) on the right."""

    def __init__(self, fingerprint: str, qr: str, *, caption: str) -> None:
        super().__init__()
        self.groups = fingerprint.split(" ")
        self.matrix = [[bool(m) for m in row]
                       for row in segno.make(qr, error="m").matrix_iter(border=0)]
        self.caption = caption
        self.height = 52 * mm

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        return avail_width, self.height

    def draw(self) -> None:
        canvas: Canvas = self.canv
        side = 42 * mm
        _draw_qr(canvas, self.matrix, 2 * mm, self.height - side - 2 * mm, side)
        draw_text(canvas, 2 * mm + side / 2, 0.5 * mm, self.caption, 7.5, align="CENTER")
        left = side + 10 * mm
        box_w = (self.width - left) / 3 - 2 * mm
        box_h = 21 * mm
        canvas.setLineWidth(LINE * 2)
        for number, group in enumerate(self.groups):
            row, col = divmod(number, 3)
            x = left + col * (box_w + 2 * mm)
            y = self.height - (row + 1) * (box_h + 3 * mm)
            canvas.rect(x, y, box_w, box_h)
            draw_text(canvas, x + 2 * mm, y + box_h - 4 * mm, GROUP_NAMES[number], 8, SONG)
            draw_text(canvas, x + box_w / 2, y + 4 * mm, group, 26, HEI, "CENTER")


def _draw_qr(canvas: Canvas, matrix: Sequence[Sequence[bool]], x: float, y: float,
             side: float) -> None:
    """Dark modules as filled rectangles, each horizontal run of them as one."""
    module = side / len(matrix)
    path = canvas.beginPath()
    for r, row in enumerate(matrix):
        top = y + side - (r + 1) * module
        c = 0
        while c < len(row):
            if not row[c]:
                c += 1
                continue
            start = c
            while c < len(row) and row[c]:
                c += 1
            path.rect(x + start * module, top, (c - start) * module, module)
    canvas.saveState()
    canvas.setFillGray(0)
    canvas.drawPath(path, stroke=0, fill=1)
    canvas.restoreState()


SHEET_STEPS = (
    "一、本单印有本县控辍保学台账县级密钥的“指纹”（30位数字，分六组）。各学校安装软件后，用县教育局"
    "提供的入网文件加入县级台账时，屏幕上会显示县教育局的指纹，须与本单（或县教育局盖章通知）上的"
    "数字逐组核对，六组完全一致才能继续。",
    "二、命令行入网：dropout-ledger join 入网文件.dlpkg --fingerprint \"六组数字\"。输入的数字与入网"
    "文件不一致时，软件拒绝入网，台账不做任何改动。",
    "三、数字不一致，说明入网文件可能被调换、改动或损坏：不要继续，立即打电话与县教育局核实。",
    "四、学校入网后打印“入网回执”，校长签字、加盖公章后交回县教育局。县教育局收到学校的第一个"
    "同步包时，按回执上的数字核对该校的指纹后予以确认。",
    "五、本单只印有公开的指纹，不含密钥本身，可以随通知下发。县级密钥保存在县级电脑台账旁的"
    "“密钥”文件夹中，不得拷给任何人；更换电脑或密钥后，县教育局将重新印发本单。",
)

RECEIPT_TEXT = (
    "本校已使用县教育局提供的入网文件加入县级控辍保学台账。上面是本校电脑的密钥指纹（30位数字，"
    "分六组）。请校长核对后签字、加盖学校公章，交县教育局。县教育局收到本校第一个同步包时，将按本"
    "回执逐组核对；核对一致后，本校的同步包才会被接受。"
)


def draw_keysheet(data: KeySheetData, imprint: Imprint) -> Form:
    """The 县级密钥说明单 as a Form."""
    form = Form(imprint, title="县级密钥说明单")
    form.title(subtitle="（控辍保学台账 · U盘同步）")
    form.unit_line(data.county, data.as_of, unit_label="发放单位（盖章）：",
                   date_label="打印日期：")
    form.grid((28, 62, 28, 62), [
        [label("单位名称"), value(data.county), label("县（区）代码"), value(data.code)],
        [label("单位标识"), value(data.org), label("联系电话"), value(data.phone)],
    ])
    form.spacer(4)
    form.heading("县级密钥指纹")
    form.story.append(FingerprintPanel(data.fingerprint, data.qr, caption="（二维码含单位标识和这30位数字）"))
    form.spacer(4)
    form.heading("使用说明")
    for step in SHEET_STEPS:
        form.text(step, first_indent=0)
    form.spacer(6)
    with form.together():
        form.signatures([("经办人（签字）", ""), ("负责人（签字）", "")])
        form.stamp_block(data.county, data.as_of)
    return form


def draw_receipt(data: ReceiptData, imprint: Imprint) -> Form:
    """The 入网回执 as a Form."""
    form = Form(imprint, title="控辍保学台账入网回执")
    form.title()
    form.unit_line(data.school, data.as_of, unit_label="学校（盖章）：", date_label="填表日期：")
    form.grid((28, 62, 28, 62), [
        [label("学校名称"), value(data.school), label("学校标识码"), value(data.code)],
        [label("所属县（区）"), value(data.county, 3)],
        [label("入网日期"), value(data.joined), label("县级指纹核对"), value(data.county_checked)],
        [label("县级密钥指纹"), value(data.county_fingerprint, 3)],
    ])
    form.spacer(4)
    form.heading("本校密钥指纹")
    form.story.append(FingerprintPanel(data.fingerprint, data.qr, caption="（二维码含单位标识和这30位数字）"))
    form.spacer(2)
    form.text(RECEIPT_TEXT)
    form.spacer(4)
    with form.together():
        form.signatures([("校长（签字）", data.principal), ("联系电话", data.phone)])
        form.stamp_block(data.school, note="（公章）")
    form.spacer(4)
    form.cut_line("以下由县教育局填写")
    form.grid((28, 62, 28, 62), [
        [label("核对方式"), value("□ 回执原件　□ 电话核对"),
         label("核对结果"), value("□ 一致，已确认　　□ 不一致")],
        [label("核对人"), value(""), label("核对日期"), value("　　　年　　月　　日")],
    ], size=BODY_SIZE - 1, min_row_mm=9)
    return form
