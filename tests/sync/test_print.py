"""The two papers of 入网: the county's key sheet and the school's receipt, read back."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pypdf
import pypdfium2
import pytest
import segno
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from dropout_ledger.errors import InputRefused
from dropout_ledger.ledger import Ledger
from dropout_ledger.printing import FORMS, PrintRequest, print_form
from dropout_ledger.render.forms.keysheet import _draw_qr
from dropout_ledger.sync import enrol, keys


def text_of(path: Path) -> str:
    reader = pypdf.PdfReader(path)
    return re.sub(r"\s+", "", "".join(page.extract_text() for page in reader.pages))


def test_the_county_key_sheet(county: Ledger, tmp_path: Path) -> None:
    out = tmp_path / "密钥说明单.pdf"
    result = print_form(county, PrintRequest("county-keysheet"), out)
    fingerprint = keys.ensure(county).public.fingerprint()  # printing made the keys
    assert result.pages == 1 and FORMS["county-keysheet"].label == "县级密钥说明单"
    text = text_of(out)
    for part in ("县级密钥说明单", "示例县教育局", "524821", "第六组", "逐组核对", "盖章",
                 *fingerprint.split()):
        assert part in text
    assert "PRIVATE" not in out.read_bytes().decode("latin-1")


def test_the_join_receipt(county: Ledger, school: Ledger, tmp_path: Path) -> None:
    with pytest.raises(InputRefused, match="尚未入网"):
        print_form(school, PrintRequest("join-receipt"), tmp_path / "no.pdf")
    data, county_fp = enrol.enroll_school(county, "2152482101", "坪坝镇中心学校")
    school_fp = enrol.join(school, data, county_fp)
    out = tmp_path / "入网回执.pdf"
    print_form(school, PrintRequest("join-receipt"), out)
    text = text_of(out)
    for part in ("控辍保学台账入网回执", "坪坝镇中心学校", "2152482101", "示例县教育局（524821）",
                 "已核对", "校长（签字）", "公章", "以下由县教育局填写",
                 *school_fp.split(), county_fp.replace(" ", "")):
        assert part in text
    image = pypdfium2.PdfDocument(str(out))[0].render(scale=100 / 72).to_pil().convert("L")
    image.save(tmp_path / "receipt.png")
    assert sum(image.histogram()[:128]) > 20_000  # the QR code and the boxed digits are drawn


def test_each_paper_refuses_the_other_kind_of_ledger(county: Ledger, school: Ledger,
                                                     tmp_path: Path) -> None:
    with pytest.raises(InputRefused, match="县级台账"):
        print_form(school, PrintRequest("county-keysheet"), tmp_path / "a.pdf")
    with pytest.raises(InputRefused, match="学校打印"):
        print_form(county, PrintRequest("join-receipt"), tmp_path / "b.pdf")
    assert not list(tmp_path.glob("*.pdf"))


def test_the_qr_code_is_drawn_module_for_module() -> None:
    content = "DLFP1:S:2152482101:050036307895740768640433489083"
    matrix = [[bool(m) for m in row]
              for row in segno.make(content, error="m").matrix_iter(border=0)]
    side, margin = 58 * mm, 10 * mm
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(side + 2 * margin, side + 2 * margin))
    _draw_qr(canvas, matrix, margin, margin, side)
    canvas.save()
    scale = 4
    image = pypdfium2.PdfDocument(buffer.getvalue())[0].render(scale=scale).to_pil().convert("L")
    module = side / len(matrix) * scale
    seen = [[image.getpixel((int(margin * scale + (c + 0.5) * module),
                             int(margin * scale + (r + 0.5) * module))) < 128
             for c in range(len(matrix))] for r in range(len(matrix))]
    assert seen == matrix
