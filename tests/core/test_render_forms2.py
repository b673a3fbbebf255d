"""The rest of issue 5's forms, read back as a reader would: report, notice, checklist, letters,
pairing, home-teaching, left-behind, disability and dossier.

Every form from the demo school: the PDF opens, its text has the school, the pupils and the
totals, every font is embedded, no whole ID number is on it, nothing prints as "None", page 1
renders (PDFium) and the print is an audit event. Then each form's own rules: the 零报告, the
notice's stable number and tear-off slips, siblings on one letter and the economic category on
that copy only, the dossier's contents pointing at the right pages, and refusals in Chinese.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pypdfium2
import pytest

from dropout_ledger.errors import InputRefused
from dropout_ledger.ledger import Ledger
from dropout_ledger.model import codes
from dropout_ledger.model.identity import mask_id_number, mask_xjh
from dropout_ledger.model.status import Status
from dropout_ledger.printing import FORMS, PrintRequest, print_form
from dropout_ledger.printing.letters import households_of
from dropout_ledger.services import demo
from dropout_ledger.store.events import Operator
from tests.core.test_render_fonts import embedded_fonts
from tests.core.test_render_forms import audits, read

PRINCIPAL = Operator(id="p1", name="李校长", role="principal")


@pytest.fixture(scope="module")
def demo_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo2") / "demo.sqlite"
    demo.ensure_demo(path, students=400, seed=11)
    return path


@pytest.fixture
def school(demo_path: Path) -> Iterator[Ledger]:
    with Ledger.open(demo_path) as ledger:
        yield ledger


def flat(text: str) -> str:
    """Extracted text without line breaks and spaces (lines wrap anywhere in Chinese)."""
    return re.sub(r"\s+", "", text)


def page_one(path: Path, out: Path) -> tuple[int, int, int]:
    image = pypdfium2.PdfDocument(str(path))[0].render(scale=100 / 72).to_pil().convert("L")
    image.save(out)
    return image.width, image.height, sum(image.histogram()[:128])


def students(ledger: Ledger, view: str) -> list[dict[str, Any]]:
    found = [ledger.queries.student(r.student_id) for r in ledger.queries.iter_roster(view)]
    return [s for s in found if s is not None]


def no_whole_ids(text: str, ledger: Ledger) -> None:
    flat_text = flat(text)
    for student in students(ledger, "all"):
        assert student["id_number"] not in flat_text
        assert student["xjh"][1:] not in flat_text


def a_dropout(ledger: Ledger) -> dict[str, Any]:
    best = max(students(ledger, "dropped"),
               key=lambda s: len(ledger.queries.records("visit", student_id=s["id"])))
    return best


def request_for(ledger: Ledger, form: str) -> PrintRequest:
    spec = FORMS[form]
    if not spec.per_student:
        return PrintRequest(form)
    if form == "home-teaching":
        return PrintRequest(form, student=students(ledger, "home-taught")[0]["id"])
    if form == "pairing":
        sid = ledger.queries.records("pairing")[0]["student_id"]
        return PrintRequest(form, student=sid)
    return PrintRequest(form, student=a_dropout(ledger)["id_number"])


NEW_FORMS = ("report", "notice", "checklist", "letters", "pairing", "home-teaching",
             "left-behind", "disability", "dossier")
TITLES = {"report": "辍学学生情况的报告", "notice": "劝返复学通知书", "checklist": "劝返清单",
          "letters": "致家长的一封信", "pairing": "结对帮扶记录表", "home-teaching": "送教上门记录",
          "left-behind": "留守儿童档案", "disability": "三类残疾儿童统计表",
          "dossier": "学生档案（一生一档）"}


@pytest.mark.parametrize("form", NEW_FORMS)
def test_every_form_prints_from_the_demo_school(school: Ledger, tmp_path: Path,
                                                form: str) -> None:
    out = tmp_path / f"{form}.pdf"
    before = len(audits(school))
    result = print_form(school, request_for(school, form), out)
    reader, text = read(out)
    assert result.pages == len(reader.pages) >= 1
    assert school.org.name in text and TITLES[form] in flat(text)
    assert "None" not in text and "（空）" not in text and "null" not in text
    no_whole_ids(text, school)
    fonts = embedded_fonts(out.read_bytes())
    assert fonts and all(fonts.values()), fonts
    width, height, dark = page_one(out, tmp_path / f"{form}.png")
    assert dark > 5_000
    landscape = form in ("checklist", "left-behind")
    assert (width > height) == landscape
    logged = audits(school)[before:]
    assert logged == [{"action": "print", "form": form, "student": result.student_id,
                       "rows": result.rows, "pages": result.pages, "file": out.name}]


# --- 书面报告 ---------------------------------------------------------------------------------


def test_monthly_report_lists_the_months_pupils_with_totals(school: Ledger,
                                                           tmp_path: Path) -> None:
    out = tmp_path / "report.pdf"
    result = print_form(school, PrintRequest("report"), out)
    reader, text = read(out)
    out_now = students(school, "suspected") + students(school, "dropped")
    assert out_now and result.rows >= len(out_now)
    for student in out_now:
        assert student["name"] in text
        assert mask_xjh(student["xjh"]) in text  # the annex shows the masked 学籍号
    plain = flat(text)
    assert f"仍未返校学生{len(out_now)}人" in plain
    assert f"合计：共{result.rows}人" in plain
    assert "乡（镇）人民政府、县教育局" in plain and "特此报告" in plain
    assert "零报告" not in plain
    annex = reader.pages[-1]
    assert annex.mediabox.width > annex.mediabox.height  # the roster annex is landscape
    assert "辍学学生花名册" in flat(annex.extract_text())


def test_a_quiet_month_is_a_zero_report_not_an_empty_pdf(ledger: Ledger, add_student: Any,
                                                         tmp_path: Path) -> None:
    for _ in range(3):
        add_student()
    out = tmp_path / "zero.pdf"
    result = print_form(ledger, PrintRequest("report", period="2026-10"), out)
    reader, text = read(out)
    plain = flat(text)
    assert result.rows == 0 and len(reader.pages) == 2
    assert "2026年10月" in plain and "（零报告）" in plain and "本月无新增辍学学生" in plain
    assert "本校现有在籍学生3人" in plain and "坪坝镇中心学校" in plain
    assert audits(ledger)[-1]["form"] == "report"


def test_the_report_asks_the_township_only_for_pupils_without_a_deadline_notice(
        ledger: Ledger, add_student: Any, tmp_path: Path) -> None:
    asked, ordered = add_student(name="王小明"), add_student(name="李小红")
    for sid in (asked, ordered):
        ledger.status.change(sid, Status.SUSPECTED, effective_date="2026-11-02",
                             reason_code="04")
        ledger.status.change(sid, Status.DROPPED_OUT, effective_date="2026-11-05",
                             reason_code="04")
    case = ledger.queries.student(ordered)["case_id"]  # type: ignore[index]
    ledger.records.add("legal_doc", {"student_id": ordered, "case_id": case,
                                     "doc_type": "deadline_notice", "issuer": "坪坝镇人民政府",
                                     "issued_date": "2026-11-10"})
    out = tmp_path / "r.pdf"
    print_form(ledger, PrintRequest("report", period="2026-11"), out)
    plain = flat(read(out)[1])
    request = plain[plain.index("三、请求事项"):plain.index("特此报告")]
    assert "王小明" in request and "李小红" not in request
    assert "新确认辍学学生2人" in plain and "新增疑似辍学学生2人" in plain


def test_a_future_month_is_refused(school: Ledger, tmp_path: Path) -> None:
    future = school.clock.today() + dt.timedelta(days=40)
    with pytest.raises(InputRefused, match="还没有到"):
        print_form(school, PrintRequest("report", period=future.strftime("%Y-%m")),
                   tmp_path / "x.pdf")
    assert not (tmp_path / "x.pdf").exists()


# --- 劝返复学通知书 ---------------------------------------------------------------------------


def dropped(ledger: Ledger, add_student: Any, name: str) -> tuple[str, str]:
    sid = add_student(name=name)
    ledger.status.change(sid, Status.SUSPECTED, effective_date="2026-10-12", reason_code="01")
    ledger.status.change(sid, Status.DROPPED_OUT, effective_date="2026-10-16",
                         reason_code="01")
    return sid, str(ledger.queries.student(sid)["case_id"])  # type: ignore[index]


def notice(ledger: Ledger, sid: str, case: str, date: str) -> str:
    guardian = ledger.queries.student(sid)["guardians"][0]["name"]  # type: ignore[index]
    return ledger.records.add("notice", {
        "student_id": sid, "case_id": case, "date": date, "guardian_name": guardian,
        "return_by": "2026-11-30"}).created[0]


def test_notices_are_numbered_by_year_and_keep_their_number(ledger: Ledger, add_student: Any,
                                                            tmp_path: Path) -> None:
    first, first_case = dropped(ledger, add_student, "赵一")
    second, second_case = dropped(ledger, add_student, "钱二")
    third, _ = dropped(ledger, add_student, "孙三")
    old = notice(ledger, first, first_case, "2026-11-03")
    notice(ledger, second, second_case, "2026-11-05")

    def number(sid: str) -> str:
        out = tmp_path / f"{sid}.pdf"
        print_form(ledger, PrintRequest("notice", student=sid), out)
        return re.findall(r"〔2026〕第(\d+)号", flat(read(out)[1]))[0]

    assert (number(first), number(second), number(third)) == ("1", "2", "3")
    ledger.records.retract("notice", old, "录错了学生")
    assert number(second) == "2"  # a retracted notice keeps its number: none is reused
    assert number(third) == "3"


def test_the_notice_has_its_stub_and_receipt_and_never_orders(ledger: Ledger, add_student: Any,
                                                              tmp_path: Path) -> None:
    sid, case = dropped(ledger, add_student, "周小兵")
    notice(ledger, sid, case, "2026-11-10")
    student = ledger.queries.student(sid)
    assert student is not None
    out = tmp_path / "notice.pdf"
    result = print_form(ledger, PrintRequest("notice", student=sid), out)
    reader, text = read(out)
    plain = flat(text)
    assert result.pages == 1 and len(reader.pages) == 1
    assert "（存根）" in plain and "送达回证" in plain and "沿虚线剪下" in plain
    for field in ("受送达人", "送达地点", "送达时间", "签收人", "送达人"):
        assert field in plain
    assert f"{student['guardians'][0]['name']}（家长）" in plain
    assert "2026年11月30日前送孩子返校复学" in plain
    assert "义务教育法" in plain and "未成年人保护法" in plain
    assert "责令" not in plain and "处罚" not in plain and "罚款" not in plain
    assert student["address"] in plain  # the 送达地点
    assert "周小兵（五年级" in plain


def test_no_notice_for_a_pupil_at_school(ledger: Ledger, add_student: Any,
                                         tmp_path: Path) -> None:
    sid = add_student(name="吴在校")
    with pytest.raises(InputRefused, match="吴在校目前不是疑似辍学或辍学学生"):
        print_form(ledger, PrintRequest("notice", student=sid), tmp_path / "n.pdf")
    assert audits(ledger) == []


# --- 劝返清单 ---------------------------------------------------------------------------------


def test_checklist_lists_every_open_case_and_every_party(school: Ledger,
                                                         tmp_path: Path) -> None:
    out = tmp_path / "checklist.pdf"
    result = print_form(school, PrintRequest("checklist"), out)
    reader, text = read(out)
    cases = students(school, "suspected") + students(school, "dropped")
    assert result.rows == len(cases)
    plain = flat(text)
    for student in cases:
        assert student["name"] in text
        assert mask_id_number(student["id_number"]) not in plain  # no IDs at all
        for guardian in student["guardians"]:
            assert guardian["phone"] not in plain  # it travels between offices
    for party in ("村（居）委会", "中心学校", "乡镇人民政府", "党支部书记（签字）",
                  "乡（镇）长（签字）", "县教育局联络人（签字）"):
        assert party in plain
    assert f"合计：未返校{len(cases)}人" in plain
    last = flat(reader.pages[-1].extract_text())
    assert "村（居）委会" in last and any(s["name"] in last for s in cases)


def test_no_open_case_no_checklist(ledger: Ledger, add_student: Any, tmp_path: Path) -> None:
    add_student()
    with pytest.raises(InputRefused, match="没有生成劝返清单"):
        print_form(ledger, PrintRequest("checklist"), tmp_path / "c.pdf")
    assert not (tmp_path / "c.pdf").exists()


# --- 一封家书 ---------------------------------------------------------------------------------


def pay(ledger: Ledger, sid: str, fen: int, paid: str = "2026-11-12") -> None:
    ledger.records.add("subsidy", {
        "student_id": sid, "item": "living_day", "standard_fen": 75000,
        "period": "2026年秋季学期", "amount_fen": fen, "paid_date": paid, "channel": "card",
        "account_last4": "0421"})


def test_siblings_share_one_letter_with_each_childs_aid(ledger: Ledger, add_student: Any,
                                                        tmp_path: Path) -> None:
    mother = {"name": "刘桂英", "relation": "mother", "phone": "13800001111"}
    elder = add_student(name="陈大宝", grade=7, guardians=[mother],
                        economic_category="dibao")
    younger = add_student(name="陈小宝", grade=3, guardians=[
        {"name": "陈建国", "relation": "father", "phone": "139 0000 2222"}, mother])
    other = add_student(name="黄其他", grade=3, guardians=[
        {"name": "黄父", "relation": "father", "phone": "13700003333"}],
        economic_category="tekun")
    pay(ledger, elder, 37500)
    pay(ledger, younger, 31250)
    pay(ledger, other, 31250)
    out = tmp_path / "letters.pdf"
    result = print_form(ledger, PrintRequest("letters"), out)
    reader, _ = read(out)
    assert result.rows == 2 and len(reader.pages) == 2
    pages = [flat(page.extract_text()) for page in reader.pages]
    family = next(p for p in pages if "陈大宝" in p)
    assert "陈小宝" in family and "黄其他" not in family  # only the family's own children
    assert "375.00" in family and "312.50" in family and "本学期合计：687.50元" in family
    assert "2026-11-12" in family and "尾号0421" in family
    assert "回执" in family and "家长签字（或按手印）" in family and "沿虚线剪下" in family
    assert "义务教育法" in family
    labels = [c.label for c in codes.ECONOMIC_CATEGORIES]
    assert not any(label in "".join(pages) for label in labels)  # operator without the right


def test_the_economic_category_is_on_the_familys_own_letter_only(
        ledger_path: Path, ledger: Ledger, add_student: Any, tmp_path: Path) -> None:
    a = add_student(name="马甲", economic_category="dibao")
    b = add_student(name="牛乙", economic_category="tekun")
    pay(ledger, a, 31250)
    pay(ledger, b, 31250)
    ledger.close()
    with Ledger.open(ledger_path, operator=PRINCIPAL, clock=ledger.clock) as principal:
        out = tmp_path / "l.pdf"
        print_form(principal, PrintRequest("letters"), out)
    pages = [flat(p.extract_text()) for p in read(out)[0].pages]
    mine = next(p for p in pages if "马甲" in p)
    theirs = next(p for p in pages if "牛乙" in p)
    assert "低保户" in mine and "特困供养" not in mine
    assert "特困供养" in theirs and "低保户" not in theirs


def test_households_join_by_phone_or_by_name_in_the_same_village() -> None:
    def pupil(sid: str, village: str, *guardians: tuple[str, str]) -> dict[str, Any]:
        return {"id": sid, "name": sid, "grade": 1, "class_name": "1班",
                "village_code": village,
                "guardians": [{"name": n, "phone": p} for n, p in guardians]}

    pupils = {p["id"]: p for p in (
        pupil("a", "V1", ("张父", "111")), pupil("b", "V2", ("李母", "111")),  # same phone
        pupil("c", "V2", ("李母", "")),                                       # name + village
        pupil("d", "V3", ("李母", "")),                                       # other village
        pupil("e", "V3"),                                                       # no guardian
    )}
    assert sorted(sorted(h) for h in households_of(pupils)) == [["a", "b", "c"], ["d"], ["e"]]


def test_no_aid_this_term_no_letters_unless_every_household_is_asked(
        ledger: Ledger, add_student: Any, tmp_path: Path) -> None:
    add_student(name="甲一")
    with pytest.raises(InputRefused, match="没有资助发放记录"):
        print_form(ledger, PrintRequest("letters"), tmp_path / "x.pdf")
    out = tmp_path / "all.pdf"
    result = print_form(ledger, PrintRequest("letters", view="all"), out)
    text = flat(read(out)[1])
    assert result.rows == 1 and "甲一" in text and "本学期暂无资助发放记录" in text
    with pytest.raises(InputRefused, match="没有名为"):
        print_form(ledger, PrintRequest("letters", view="nope"), tmp_path / "y.pdf")


def test_letters_of_another_term(ledger: Ledger, add_student: Any, tmp_path: Path) -> None:
    sid = add_student(name="春季生")
    ledger.records.add("subsidy", {
        "student_id": sid, "item": "living_day", "period": "2026年春季学期",
        "amount_fen": 31250, "paid_date": "2026-04-01"})
    with pytest.raises(InputRefused):
        print_form(ledger, PrintRequest("letters"), tmp_path / "x.pdf")
    out = tmp_path / "spring.pdf"
    print_form(ledger, PrintRequest("letters", period="2026-04"), out)
    assert "2026年春季学期" in flat(read(out)[1])


# --- 帮扶, 送教, sub-ledgers ----------------------------------------------------------------


def test_pairing_log_and_refusal(school: Ledger, ledger: Ledger, add_student: Any,
                                 tmp_path: Path) -> None:
    out = tmp_path / "p.pdf"
    request = request_for(school, "pairing")
    result = print_form(school, request, out)
    logs = [log for log in school.queries.records("pairing_log", student_id=request.student)
            if not log["retracted"]]
    plain = flat(read(out)[1])
    assert result.rows == len(logs) >= 1
    for log in logs:
        assert log["date"] in plain
    assert "帮扶教师（签字）" in plain and "学期帮扶小结" in plain
    sid = add_student(name="无帮扶")
    with pytest.raises(InputRefused, match="没有结对帮扶记录"):
        print_form(ledger, PrintRequest("pairing", student=sid), tmp_path / "n.pdf")


def test_home_teaching_totals_against_the_minimum(ledger: Ledger, add_student: Any,
                                                  tmp_path: Path) -> None:
    sid = add_student(name="送教生", disability_type="5")
    ledger.status.change(sid, Status.HOME_TAUGHT, effective_date="2026-09-01")
    for day in ("2026-09-08", "2026-09-22", "2026-10-13", "2026-11-03", "2026-11-17"):
        ledger.records.add("home_teaching", {
            "student_id": sid, "date": day, "start_time": "09:00", "end_time": "10:00",
            "teachers": ["张老师"], "content": "识字", "guardian_signed": True})
    out = tmp_path / "h.pdf"
    result = print_form(ledger, PrintRequest("home-teaching", student=sid), out)
    plain = flat(read(out)[1])
    assert result.rows == 5
    assert "2026年秋季学期送教5次，合计300分钟，折合10课时" in plain
    assert "9月2次、10月1次、11月（至今）2次" in plain
    assert "少于每月2次的月份：10月" in plain
    assert "智力残疾" in plain and "已签字" in plain
    other = add_student(name="新送教生", address="")  # 送教 not entered yet: the blank sheet
    result = print_form(ledger, PrintRequest("home-teaching", student=other), tmp_path / "n.pdf")
    plain = flat(read(tmp_path / "n.pdf")[1])
    assert result.rows == 0 and "新送教生" in plain and "尚无送教记录" in plain
    assert "None" not in plain and "送教地址" in plain


def test_left_behind_archive_counts_and_stays_confidential(school: Ledger,
                                                           tmp_path: Path) -> None:
    out = tmp_path / "lb.pdf"
    result = print_form(school, PrintRequest("left-behind"), out)
    reader, text = read(out)
    left = [s for s in students(school, "on-roll") if s["left_behind"] in ("1", "2")]
    both = sum(s["left_behind"] == "2" for s in left)
    plain = flat(text)
    assert result.rows == len(left) > 10
    assert f"合计：留守儿童{len(left)}人，其中双亲外出{both}人、单亲外出{len(left) - both}人" in plain
    assert "内部资料" in plain
    for student in left[:5]:
        assert student["name"] in text
    labels = [c.label for c in codes.ECONOMIC_CATEGORIES]
    assert not any(label in plain for label in labels)
    for number, page in enumerate(reader.pages, start=1):
        assert "留守类型" in flat(page.extract_text())  # the header repeats
        assert f"第 {number} 页 共 {result.pages} 页" in page.extract_text()


def test_disability_counts_by_type_and_placement(ledger: Ledger, add_student: Any,
                                                 tmp_path: Path) -> None:
    add_student(name="视一", disability_type="1", inclusive=True)
    add_student(name="听一", disability_type="2", inclusive=True)
    add_student(name="肢一", disability_type="4", inclusive=False)
    home = add_student(name="智一", disability_type="5", inclusive=False)
    ledger.status.change(home, Status.HOME_TAUGHT, effective_date="2026-09-01")
    add_student(name="常一")
    out = tmp_path / "d.pdf"
    result = print_form(ledger, PrintRequest("disability"), out)
    plain = flat(read(out)[1])
    assert result.rows == 4 and "常一" not in plain
    assert "合计421100100.0%" in plain  # 在籍4 随班2 送教1 其他在校1 休学0 辍学0 率
    assert "智力残疾101000100.0%" in plain
    assert "未入学适龄残疾儿童" in plain


def test_empty_sub_ledgers_are_refused(ledger: Ledger, add_student: Any,
                                       tmp_path: Path) -> None:
    add_student(left_behind="0", disability_type="", inclusive=False)
    for form, words in (("left-behind", "没有登记为留守儿童"), ("disability", "没有登记残疾类别")):
        with pytest.raises(InputRefused, match=words):
            print_form(ledger, PrintRequest(form), tmp_path / f"{form}.pdf")
    assert audits(ledger) == []


# --- 一生一档 ---------------------------------------------------------------------------------


def test_dossier_contents_point_at_the_pages_of_each_part(school: Ledger,
                                                         tmp_path: Path) -> None:
    student = a_dropout(school)
    out = tmp_path / "dossier.pdf"
    result = print_form(school, PrintRequest("dossier", student=student["xjh"]), out)
    reader, text = read(out)
    pages = [flat(page.extract_text()) for page in reader.pages]
    assert result.student_id == student["id"] and len(pages) >= 2
    contents = pages[0]
    parts = ("学籍状态变动记录", "辍学个案（一人一案）及报告", "劝返记录", "劝返复学通知书及送达",
             "法律文书", "资助发放记录", "结对帮扶记录", "送教上门记录", "证明材料目录")
    numerals = "一二三四五六七八九"
    for numeral, part in zip(numerals, parts, strict=True):
        found = re.search(rf"{numeral}{re.escape(part)}(\d+|无)(\d+)", contents)
        assert found, part
        page = int(found.group(2))
        assert f"{numeral}、{part}" in pages[page - 1], (part, page)
    visits = [v for v in school.queries.records("visit", student_id=student["id"])
              if not v["retracted"]]
    assert re.search(rf"三劝返记录{len(visits)}\d", contents)
    for visit in visits:
        assert visit["date"] in text
    assert student["guardians"][0]["phone"] in text  # the school's own file
    assert mask_id_number(student["id_number"]) in text


def test_dossier_with_whole_ids_for_a_principal_who_asks(ledger_path: Path, ledger: Ledger,
                                                         add_student: Any,
                                                         tmp_path: Path) -> None:
    sid = add_student(name="全号生", economic_category="monitored")
    ledger.close()
    with Ledger.open(ledger_path, operator=PRINCIPAL, clock=ledger.clock) as principal:
        out = tmp_path / "d.pdf"
        print_form(principal, PrintRequest("dossier", student=sid, full_ids=True), out)
        student = principal.queries.student(sid)
    plain = flat(read(out)[1])
    assert student is not None and student["id_number"] in plain
    assert "防返贫监测户" in plain and "无辍学个案" in plain


@pytest.mark.parametrize("form", ["notice", "pairing", "home-teaching", "dossier"])
def test_per_student_forms_need_a_pupil(school: Ledger, tmp_path: Path, form: str) -> None:
    with pytest.raises(InputRefused, match="--student"):
        print_form(school, PrintRequest(form), tmp_path / "x.pdf")
