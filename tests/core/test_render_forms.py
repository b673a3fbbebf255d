"""The printed forms from the demo school, read back as a reader would: text, fonts, page 1 as PNG.

Every form: the PDF opens (pypdf), its text has the school, the pupils and the totals, every
font is embedded, ID numbers are masked, nothing prints as "None", and page 1 renders (PDFium).
Bad input: an empty selection, a character no font has, an unwritable or full folder — each a
Chinese refusal that leaves no file and no audit entry.
"""

from __future__ import annotations

import errno
import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pypdf
import pypdfium2
import pytest

from dropout_ledger import canonical
from dropout_ledger.cli import main
from dropout_ledger.errors import InputRefused, ValidationError
from dropout_ledger.ledger import Ledger
from dropout_ledger.model import codes
from dropout_ledger.model.identity import mask_id_number, mask_xjh
from dropout_ledger.printing import FORMS, PrintRequest, print_form
from dropout_ledger.services import demo
from tests.core.test_render_fonts import embedded_fonts


@pytest.fixture(scope="module")
def demo_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    demo.ensure_demo(path, students=360, seed=5)
    return path


@pytest.fixture
def school(demo_path: Path) -> Iterator[Ledger]:
    with Ledger.open(demo_path) as ledger:
        yield ledger


def read(path: Path) -> tuple[pypdf.PdfReader, str]:
    reader = pypdf.PdfReader(path)
    return reader, "\n".join(page.extract_text() for page in reader.pages)


def audits(ledger: Ledger) -> list[dict[str, Any]]:
    rows = ledger.conn.execute("SELECT body FROM events WHERE kind = 'audit' ORDER BY lc")
    return [canonical.decode(row[0]) for row in rows]


def page_one_png(path: Path, out: Path) -> tuple[int, int, int]:
    """Render page 1 at 100 dpi; returns (width, height, dark pixels)."""
    image = pypdfium2.PdfDocument(str(path))[0].render(scale=100 / 72).to_pil().convert("L")
    image.save(out)
    dark = sum(image.histogram()[:128])
    return image.width, image.height, dark


def assert_private(text: str, students: list[dict[str, Any]]) -> None:
    """No whole ID number or 学籍号, no guardian phone, no economic category: masked only."""
    for student in students:
        assert student["id_number"] not in text
        assert student["xjh"][1:] not in text
        assert mask_id_number(student["id_number"]) in text
    labels = [c.label for c in codes.ECONOMIC_CATEGORIES]
    assert not any(label in text for label in labels)


def assert_clean(text: str) -> None:
    assert "None" not in text and "（空）" not in text and "null" not in text


def test_ledger_lists_the_pupils_who_need_attention(school: Ledger, tmp_path: Path) -> None:
    out = tmp_path / "台账.pdf"
    before = len(audits(school))
    result = print_form(school, PrintRequest("ledger"), out)
    reader, text = read(out)
    ids = {r.student_id for view in ("suspected", "dropped", "returned", "home-taught",
                                     "suspended", "at-risk")
           for r in school.queries.iter_roster(view)}
    students = [school.queries.student(i) for i in ids]
    assert result.rows == len(ids) > 10 and result.pages == len(reader.pages)
    assert school.org.name in text and "控辍保学台账" in text and "填报单位（盖章）" in text
    assert f"合计：共{len(ids)}人" in text.replace("\n", "")
    for student in students:
        assert student is not None and student["name"] in text
    assert_private(text, students)  # type: ignore[arg-type]
    for student in students:  # the 台账 is seen by others: no phones on it
        for guardian in student["guardians"]:  # type: ignore[index]
            assert guardian.get("phone", "") not in text or not guardian.get("phone")
    assert_clean(text)
    fonts = embedded_fonts(out.read_bytes())
    assert fonts and all(fonts.values()), fonts
    width, height, dark = page_one_png(out, tmp_path / "ledger.png")
    assert width > height and dark > 10_000  # landscape, and something is drawn
    logged = audits(school)[before:]
    assert logged == [{"action": "print", "form": "ledger", "student": "", "rows": len(ids),
                       "pages": result.pages, "file": "台账.pdf"}]


def test_full_roll_repeats_the_header_and_numbers_every_page(school: Ledger,
                                                             tmp_path: Path) -> None:
    out = tmp_path / "all.pdf"
    result = print_form(school, PrintRequest("ledger", view="all"), out)
    reader, text = read(out)
    total = school.queries.count("all")
    assert result.rows == total and result.pages > 5
    for number, page in enumerate(reader.pages, start=1):
        page_text = page.extract_text()
        assert "身份证号" in page_text and "全国学籍号" in page_text  # header on every page
        assert f"第 {number} 页 共 {result.pages} 页" in page_text
        assert "数据指纹" in page_text and school.org.name in page_text
    assert f"合计：共{total}人" in text.replace("\n", "")
    last = school.queries.roster("all", limit=1, offset=total - 1)[0]
    assert last.name in reader.pages[-1].extract_text()


def dropped_pupil(ledger: Ledger) -> dict[str, Any]:
    """A pupil with several visits, so the logs have rows."""
    best = max(ledger.queries.iter_roster("dropped"),
               key=lambda r: len(ledger.queries.records("visit", student_id=r.student_id)))
    student = ledger.queries.student(best.student_id)
    assert student is not None
    return student


def test_register_by_xjh_has_the_whole_visit_log(school: Ledger, tmp_path: Path) -> None:
    student = dropped_pupil(school)
    out = tmp_path / "登记表.pdf"
    result = print_form(school, PrintRequest("register", student=student["xjh"]), out)
    reader, text = read(out)
    visits = [v for v in school.queries.records("visit", student_id=student["id"])
              if not v["retracted"]]
    assert result.rows == len(visits) >= 2 and result.student_id == student["id"]
    assert "辍学学生劝返复学登记表" in text and school.org.name in text and student["name"] in text
    for visit in visits:
        assert visit["date"] in text and visit["participants"][0] in text
    assert "劝返记录" in text and "班主任（签字）" in text and "（盖章）" in text
    assert mask_xjh(student["xjh"]) in text
    assert_private(text, [student])
    assert_clean(text)
    assert all(embedded_fonts(out.read_bytes()).values())
    width, height, dark = page_one_png(out, tmp_path / "register.png")
    assert height > width and dark > 5_000
    assert audits(school)[-1]["student"] == student["id"]


def test_case_report_by_id_number_has_the_principal_block(school: Ledger,
                                                          tmp_path: Path) -> None:
    student = dropped_pupil(school)
    out = tmp_path / "报告表.pdf"
    result = print_form(school, PrintRequest("case-report", student=student["id_number"]), out)
    _, text = read(out)
    assert result.pages == 1 and result.form == "case-report"
    assert "辍学学生情况报告表" in text and student["name"] in text and school.org.name in text
    assert "校长（签字）" in text and "（盖章）" in text and "学校意见" in text
    assert "乡镇人民政府" in text and "县教育局" in text
    assert student["guardians"][0]["name"] in text  # the bureau needs to reach the family
    assert_private(text, [student])
    assert_clean(text)
    assert all(embedded_fonts(out.read_bytes()).values())
    assert page_one_png(out, tmp_path / "case.png")[2] > 5_000


def test_missing_fields_print_as_blanks_never_none(ledger: Ledger, add_student: Any,
                                                   tmp_path: Path) -> None:
    sid = add_student(address="", guardians=[], village_code="", village_name="")
    ledger.students.edit(sid, {"note": ""})
    for form in ("register", "case-report"):
        out = tmp_path / f"{form}.pdf"
        print_form(ledger, PrintRequest(form, student=sid), out)
        _, text = read(out)
        assert_clean(text)
        assert "年" in text and "月" in text  # the date lines are there to fill in


def test_an_empty_selection_is_refused_without_a_file(ledger: Ledger, add_student: Any,
                                                      tmp_path: Path) -> None:
    add_student()
    out = tmp_path / "empty.pdf"
    with pytest.raises(InputRefused, match="没有学生"):
        print_form(ledger, PrintRequest("ledger", view="suspected"), out)
    assert not out.exists() and audits(ledger) == []
    assert not any(p.suffix in (".pdf", ".part") for p in tmp_path.iterdir())


def test_a_name_no_font_can_draw_is_refused_naming_it(ledger: Ledger, add_student: Any,
                                                      tmp_path: Path) -> None:
    add_student(name="王\U00030000")
    out = tmp_path / "x.pdf"
    with pytest.raises(ValidationError) as refused:
        print_form(ledger, PrintRequest("ledger", view="all"), out)
    assert "\U00030000" in refused.value.message and "U+30000" in refused.value.message
    assert "王\U00030000" in refused.value.message
    assert not out.exists() and audits(ledger) == []


def test_a_rare_but_drawable_name_prints(ledger: Ledger, add_student: Any, tmp_path: Path) -> None:
    add_student(name="张𠅤")
    add_student(name="李㐂")
    out = tmp_path / "rare.pdf"
    print_form(ledger, PrintRequest("ledger", view="all"), out)
    _, text = read(out)
    assert "张𠅤" in text and "李㐂" in text
    assert all(embedded_fonts(out.read_bytes()).values())


def test_an_unwritable_target_is_refused_and_leaves_nothing(school: Ledger,
                                                            tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    before = len(audits(school))
    with pytest.raises(InputRefused, match="无法保存 PDF"):
        print_form(school, PrintRequest("ledger"), blocker / "台账.pdf")
    assert blocker.read_text() == "x" and len(audits(school)) == before


def test_a_full_disk_leaves_no_half_file(school: Ledger, tmp_path: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    real = Path.write_bytes

    def half_then_full(self: Path, data: bytes) -> int:
        real(self, data[: len(data) // 2])
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(Path, "write_bytes", half_then_full)
    before = len(audits(school))
    with pytest.raises(InputRefused, match="已满"):
        print_form(school, PrintRequest("ledger"), tmp_path / "台账.pdf")
    monkeypatch.undo()
    assert list(tmp_path.iterdir()) == [] and len(audits(school)) == before


def test_whole_ids_need_the_permission(school: Ledger, tmp_path: Path) -> None:
    with pytest.raises(InputRefused, match="无权"):
        print_form(school, PrintRequest("ledger", full_ids=True), tmp_path / "x.pdf")


@pytest.mark.parametrize(("request_", "message"), [
    (PrintRequest("register"), "--student"),
    (PrintRequest("ledger", student="x"), "不能指定 --student"),
    (PrintRequest("notice-x"), "没有名为"),
    (PrintRequest("ledger", view="nope"), "没有名为“nope”的名单"),
    (PrintRequest("register", student="G000"), "找不到学生"),
    (PrintRequest("ledger", period="2026-11"), "不能指定 --period"),
])
def test_bad_requests_are_refused(school: Ledger, tmp_path: Path, request_: PrintRequest,
                                  message: str) -> None:
    with pytest.raises(InputRefused, match=message):
        print_form(school, request_, tmp_path / "x.pdf")
    assert not (tmp_path / "x.pdf").exists()


def test_command_line_prints_each_form(demo_path: Path, tmp_path: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    with Ledger.open(demo_path) as ledger:
        student = dropped_pupil(ledger)
    for form in FORMS:
        if FORMS[form].ledger_kind == "county" or form == "join-receipt":
            continue  # the key papers: tests/sync/test_print.py
        out = tmp_path / f"{form}.pdf"
        args = ["print", form, "--out", str(out), "--ledger", str(demo_path), "--json"]
        if FORMS[form].per_student:
            args += ["--student", student["id_number"]]
        assert main(args) == 0, capsys.readouterr().err
        data = json.loads(capsys.readouterr().out)
        assert data["file"] == str(out) and data["form"] == form and data["pages"] >= 1
        assert len(pypdf.PdfReader(out).pages) == data["pages"]
    assert main(["print", "register", "--out", str(tmp_path / "y.pdf"),
                 "--ledger", str(demo_path)]) == 2
    assert "--student" in capsys.readouterr().err
    code = main(["print", "ledger", "--out", str(tmp_path / "no" / "z.pdf"), "--view", "all",
                 "--ledger", str(demo_path)])
    assert code == 0 and (tmp_path / "no" / "z.pdf").exists()


def test_pdf_bytes_are_a_real_pdf(school: Ledger, tmp_path: Path) -> None:
    out = tmp_path / "a.pdf"
    print_form(school, PrintRequest("ledger"), out)
    data = out.read_bytes()
    assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")
    assert pypdf.PdfReader(io.BytesIO(data)).metadata.title == "控辍保学台账"
