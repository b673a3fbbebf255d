"""劝返复学通知书: the school's letter asking the guardians to bring the child back, A4 portrait.

domain.md §5.4 on one sheet, cut in three: the 存根 the school keeps (number, pupil, guardian,
dates, who delivered it), the notice itself (the child's absence, the guardians' duty under the
义务教育法 and 未成年人保护法, the date to come back by, the help the school offers, whom to call,
the school's stamp), and the 送达回证 slip that comes back signed (受送达人, 送达地点, 送达时间,
签收人, 送达人). Dashed lines mark the cuts.

The school's notice persuades; it never orders or threatens (domain.md §4.2: 责令 and 处罚
belong to the township and the county, Art. 58). The wording says what the law asks of
parents and what the school will do to help, and that the school reports to the township as it
must — nothing more.
"""

from __future__ import annotations

from dataclasses import dataclass

from dropout_ledger.render.kit import BODY_SIZE, Form, Imprint, chinese_date, label, value

LETTER_SIZE = 12.0
"""小四: a letter to parents is read at home, often by grandparents."""

LAW = (
    "接受义务教育是每一名适龄儿童、少年的权利，保障孩子接受义务教育是家长的法定义务。"
    "《中华人民共和国义务教育法》第五条规定，适龄儿童、少年的父母或者其他法定监护人应当依法"
    "保证其按时入学接受并完成义务教育；第十一条规定，父母或者其他法定监护人应当送其入学接受"
    "并完成义务教育。《中华人民共和国未成年人保护法》第十六条规定，父母或者其他监护人应当尊重"
    "未成年人受教育的权利，保障适龄未成年人依法接受并完成义务教育。"
)
HELP = (
    "孩子返校后，学校将妥善安排复学：由老师结对帮扶、补习落下的功课，关心孩子的学习和生活；"
    "符合条件的，按规定落实家庭经济困难学生生活补助、营养改善计划等资助；需要住校的，"
    "学校尽量安排住宿。孩子在学习、生活或家庭方面有什么困难，请及时告诉我们，"
    "我们愿意和您一起想办法。"
)


@dataclass(frozen=True)
class NoticeData:
    """One notice as printed ("" or None = a blank to fill in by hand)."""

    school: str
    number: str
    """"〔2026〕第 3 号": the year and the notice's place among that year's notices."""
    guardian: str
    relation: str
    name: str
    grade_class: str
    absent_since: str
    """ISO date the absence began, "" when unknown."""
    visits: int
    return_by: str
    """ISO date, "" to fill in by hand."""
    issued: str
    """ISO date the notice was issued, "" for a notice not yet recorded."""
    teacher: str
    phone: str
    address: str
    delivered: str = ""
    deliverers: str = ""


def body(data: NoticeData) -> list[str]:
    """The notice's paragraphs (after the salutation)."""
    since = (f"自{chinese_date(data.absent_since)}起" if data.absent_since else "近期")
    visited = (f"学校和老师十分牵挂孩子，已先后{data.visits}次与您联系或上门家访。"
               if data.visits else "学校和老师十分牵挂孩子。")
    return [
        f"您的孩子{data.name}是我校{data.grade_class}学生，{since}没有到校上学。{visited}",
        LAW,
        f"请您于{chinese_date(data.return_by)}前送孩子返校复学，到校后请到班主任处报到。"
        "如孩子仍不能返校，学校将按规定向乡（镇）人民政府和县教育局报告，"
        "请各方共同帮助孩子回到课堂。",
        HELP,
        f"联系人：{data.teacher or chr(0x3000) * 6}　联系电话：{data.phone or chr(0x3000) * 8}",
    ]


def draw(data: NoticeData, imprint: Imprint) -> tuple[Form, int]:
    """The notice as a Form (存根, 通知书, 送达回证 on one sheet); it lists one pupil."""
    form = Form(imprint, title="劝返复学通知书", margins_mm=(20, 18, 12, 10))
    who = f"{data.name}（{data.grade_class}）"
    size = 9.0
    form.title("劝返复学通知书（存根）", size=13)
    form.grid((20, 46, 20, 46), [
        [label("编号"), value(data.number), label("发出日期"), value(data.issued)],
        [label("学生"), value(who), label("监护人"), value(data.guardian)],
        [label("限期返校"), value(data.return_by), label("送达人"), value(data.deliverers)],
    ], record=who, min_row_mm=6.5, size=size)
    form.cut_line("此处为骑缝，沿虚线剪开，上联为存根由学校留存")
    form.title()
    form.text(f"{data.number}", align="RIGHT", first_indent=0)
    form.text(f"{data.guardian or chr(0x3000) * 6}（家长）：", first_indent=0, size=LETTER_SIZE)
    form.text("\n".join(body(data)), size=LETTER_SIZE)
    form.stamp_block(data.school, data.issued or None, size=LETTER_SIZE)
    form.cut_line("沿虚线剪下，送达回证由签收人签字后交回学校")
    form.title("送达回证", size=14)
    form.grid((27, 62, 24, 62), [
        [label("送达文书"), value(f"劝返复学通知书 {data.number}（学生：{who}）", 3)],
        [label("受送达人"), value(data.guardian), label("与学生关系"), value(data.relation)],
        [label("送达地点"), value(data.address, 3)],
        [label("送达时间"), value(chinese_date(data.delivered) if data.delivered else
                                  "\u3000\u3000年\u3000\u3000月\u3000\u3000日\u3000\u3000时"),
         label("送达方式"), value("□直接送达　□留置送达")],
        [label("签收人\n（签名或\n按手印）"), value("", min_height=14), label("签收日期"),
         value("\u3000\u3000年\u3000\u3000月\u3000\u3000日")],
        [label("送达人（签名）"), value(data.deliverers, min_height=11), label("见证人"),
         value("")],
    ], record=who, size=BODY_SIZE - 1)
    return form, 1
