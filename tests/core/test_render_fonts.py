"""Fonts of every PDF: the Song face, per-run fallbacks for rare characters, no tofu, all embedded."""

from __future__ import annotations

import datetime as dt
import io

import pypdf
import pytest

from dropout_ledger.errors import ValidationError
from dropout_ledger.render import fonts
from dropout_ledger.render.kit import Column, Form, Imprint, Row, label, value

EXT_A = "㐂"  # U+3402, CJK Extension A: only Droid Sans Fallback has it (UMing has 䶮)
EXT_B = "𠅤"  # U+20164, CJK Extension B
EXT_G = "\U00030000"  # CJK Extension G: no bundled font has it
IMPRINT = Imprint("坪坝镇中心学校", "本机用户", dt.date(2026, 11, 22), "0123456789ab")


def embedded_fonts(data: bytes) -> dict[str, bool]:
    """Every font of every page: base name → whether a TrueType program is embedded."""
    found: dict[str, bool] = {}
    reader = pypdf.PdfReader(io.BytesIO(data))
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descendants = font.get("/DescendantFonts")
            target = descendants[0].get_object() if descendants else font
            descriptor = target.get("/FontDescriptor")
            found[str(font["/BaseFont"])] = bool(
                descriptor and "/FontFile2" in descriptor.get_object())
    return found


def test_common_text_is_one_run_in_the_song_face() -> None:
    assert fonts.runs("坪坝镇中心学校", fonts.SONG) == [(fonts.SONG, "坪坝镇中心学校")]


def test_rare_name_characters_switch_font_per_run() -> None:
    assert fonts.runs(f"王{EXT_A}", fonts.SONG) == [(fonts.SONG, "王"), (fonts.EXT_A, EXT_A)]
    assert fonts.runs(f"张{EXT_B}明", fonts.SONG) == [
        (fonts.SONG, "张"), (fonts.EXT_B, EXT_B), (fonts.SONG, "明")]
    assert fonts.missing(f"王{EXT_A}{EXT_B}") == ""


def test_characters_no_font_has_are_named() -> None:
    assert fonts.missing(f"李{EXT_G}华") == EXT_G
    with pytest.raises(ValidationError) as refused:
        fonts.require_drawable(["李华", f"李{EXT_G}"], "李某（五年级2班）")
    message = refused.value.message
    assert "李某（五年级2班）" in message and EXT_G in message and "U+30000" in message


def test_a_form_refuses_a_row_it_cannot_draw_and_names_the_record() -> None:
    form = Form(IMPRINT, title="测试表")
    with pytest.raises(ValidationError, match="张三（一年级1班）"):
        form.table([Column("姓名", 20)], [Row(["李四"], "李四"), Row([f"张{EXT_G}"], "张三（一年级1班）")])
    with pytest.raises(ValidationError, match="王五"):
        form.grid([20, 40], [[label("姓名"), value(f"王{EXT_G}")]], record="王五")


def test_every_font_is_embedded_as_a_subset_rare_ones_too() -> None:
    form = Form(IMPRINT, title="测试表")
    form.title(subtitle="（副标题）")
    form.table([Column("姓名", 20), Column("说明", 60, "LEFT")],
               [Row([f"王{EXT_A}", "在校"]), Row([f"张{EXT_B}", "外出务工（广东东莞）"])])
    form.text(f"正文里也有{EXT_A}和{EXT_B}。")
    pdf = form.render()
    found = embedded_fonts(pdf.data)
    assert found and all(found.values()), found
    names = " ".join(found)
    for face in ("UMing", "WenQuanYi", "Droid", "HanaMin"):
        assert face in names.replace("AR PL ", "").replace(" ", ""), (face, names)
    text = pypdf.PdfReader(io.BytesIO(pdf.data)).pages[0].extract_text()
    assert f"王{EXT_A}" in text and f"张{EXT_B}" in text


def test_fonts_register_once() -> None:
    fonts.ensure_registered()
    fonts.font_for(EXT_B)  # the fallbacks load on the first rare character
    before = dict(fonts._cmaps)
    fonts.ensure_registered()
    fonts.font_for(EXT_A)
    assert fonts._cmaps == before and set(before) == {fonts.SONG, fonts.HEI, fonts.EXT_A,
                                                      fonts.EXT_B}


def test_the_form_s_own_text_is_checked_too() -> None:
    with pytest.raises(ValidationError, match="表头或落款"):
        Form(Imprint(f"{EXT_G}村小学", "本机用户", dt.date(2026, 11, 22), "x"), title="表")
    form = Form(IMPRINT, title="测试表")
    with pytest.raises(ValidationError, match="U\\+30000"):
        form.signatures([("填表人", f"王{EXT_G}")])
