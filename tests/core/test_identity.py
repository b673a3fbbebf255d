"""ID numbers, 学籍号, school and division codes: published vectors, refusals, properties."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dropout_ledger.errors import ValidationError
from dropout_ledger.model.codes import PROVINCES
from dropout_ledger.model.identity import (
    age_on,
    county_of,
    expected_grade,
    id_check_char,
    is_valid_checksum,
    is_valid_id_number,
    mask_id_number,
    mask_xjh,
    normalize_code,
    parse_division_code,
    parse_id_number,
    parse_school_code,
    parse_xjh,
    upgrade_legacy_id,
)

TODAY = date(2026, 11, 22)


# -- 身份证号 ----------------------------------------------------------------------------


def test_published_vectors() -> None:
    info = parse_id_number("11010519491231002X")
    assert (info.region, info.birth_date, info.sex, info.legacy) == (
        "110105",
        date(1949, 12, 31),
        "2",
        False,
    )
    assert is_valid_checksum("440524188001010014")
    old = parse_id_number("440524188001010014")
    assert old.birth_date == date(1880, 1, 1) and old.sex == "1"


def test_check_char_of_published_vectors() -> None:
    assert id_check_char("11010519491231002") == "X"
    assert id_check_char("44052418800101001") == "4"


def test_lowercase_x_is_normalised() -> None:
    assert parse_id_number("11010519491231002x").number == "11010519491231002X"


def test_full_width_digits_and_spaces_are_normalised() -> None:
    assert normalize_code("　１１０１０５ １９４９１２３１００２ｘ\u200b") == "11010519491231002X"
    assert parse_id_number("１１０１０５１９４９１２３１００２Ｘ").number == "11010519491231002X"


def refusal(text: str) -> ValidationError:
    with pytest.raises(ValidationError) as caught:
        parse_id_number(text, today=TODAY)
    error = caught.value
    assert error.field == "id_number"
    assert "身份证号" in error.message
    return error


def test_wrong_checksum_names_the_expected_digit() -> None:
    error = refusal("110105194912310021")
    assert "校验位应为 X" in error.message
    assert "不要只改最后一位" in error.message


def test_wrong_length_says_how_many_digits() -> None:
    assert "有17位，应为18位" in refusal("11010519491231002").message
    assert "有19位" in refusal("1101051949123100200").message


def test_bad_characters_and_empty_refused() -> None:
    assert "“A”" in refusal("1101051949123A002X").message
    assert "空" in refusal("  ").message
    assert "“X”" in refusal("11010549123100X").message  # X only ends an 18-digit number


def test_scientific_notation_is_explained() -> None:
    assert "科学计数法" in refusal("5.24821E+17").message


def test_impossible_date_refused() -> None:
    first17 = "52482120150230001"
    error = refusal(first17 + id_check_char(first17))
    assert "2015年02月30日不存在" in error.message


def test_future_and_too_early_dates_refused() -> None:
    future = "52482120300101001"
    assert "今天之后" in refusal(future + id_check_char(future)).message
    early = "52482117990101001"
    assert "早于" in refusal(early + id_check_char(early)).message


def test_unknown_province_refused() -> None:
    first17 = "99010520100101001"
    assert "省级代码" in refusal(first17 + id_check_char(first17)).message


def test_legacy_15_digit_accepted_and_upgraded() -> None:
    info = parse_id_number("110105491231002")
    assert info.legacy and info.birth_date == date(1949, 12, 31) and info.sex == "2"
    assert upgrade_legacy_id("110105491231002") == "11010519491231002X"
    assert "不存在" in refusal("110105490231002").message


def test_is_valid_id_number() -> None:
    assert is_valid_id_number("11010519491231002X")
    assert not is_valid_id_number("110105194912310020")
    assert not is_valid_id_number("")


def test_mask_keeps_six_and_four() -> None:
    assert mask_id_number("11010519491231002X") == "110105********002X"
    assert mask_id_number("110105491231002") == "110105*****1002"
    assert mask_id_number("123456789") == "*********"
    assert mask_id_number("12345678901") == "***********"  # too short to show anything
    assert mask_xjh("G11010519491231002X") == "G110105********002X"


# -- properties ------------------------------------------------------------------------


@st.composite
def first17_digits(draw: st.DrawFn) -> str:
    province = draw(st.sampled_from([c.code for c in PROVINCES]))
    rest = draw(st.text("0123456789", min_size=4, max_size=4))
    birth = draw(st.dates(min_value=date(1900, 1, 1), max_value=TODAY))
    sequence = draw(st.text("0123456789", min_size=3, max_size=3))
    return f"{province}{rest}{birth:%Y%m%d}{sequence}"


@given(first17_digits())
def test_appending_check_char_gives_valid_id(first17: str) -> None:
    number = first17 + id_check_char(first17)
    info = parse_id_number(number, today=TODAY)
    assert info.sex == ("1" if int(first17[16]) % 2 else "2")


@given(first17_digits(), st.integers(0, 17), st.integers(1, 10))
def test_any_single_change_is_refused(first17: str, position: int, shift: int) -> None:
    number = first17 + id_check_char(first17)
    alphabet = "0123456789X" if position == 17 else "0123456789"
    old = alphabet.index(number[position])
    new = alphabet[(old + shift) % len(alphabet)]
    if new == number[position]:
        return
    changed = number[:position] + new + number[position + 1 :]
    assert not is_valid_id_number(changed)


@given(st.text(alphabet="0123456789X", max_size=25))
def test_mask_never_leaks_the_middle(number: str) -> None:
    masked = mask_id_number(number)
    assert len(masked) == len(number)
    if len(number) >= 15:
        assert masked[:6] == number[:6] and masked[-4:] == number[-4:]
        assert set(masked[6:-4]) == {"*"}
    else:
        assert set(masked) <= {"*"}


# -- 学籍号 -------------------------------------------------------------------------------


def test_xjh_g_form() -> None:
    info = parse_xjh("g11010519491231002x", id_number="11010519491231002X")
    assert (info.number, info.form, info.warnings) == ("G11010519491231002X", "G", ())


def test_xjh_g_mismatch_is_a_warning_not_an_error() -> None:
    info = parse_xjh("G11010519491231002X", id_number="440524188001010014")
    assert info.warnings == ("学籍号G后的18位与身份证号不一致，请核对",)


def test_xjh_g_matches_upgraded_legacy_id() -> None:
    assert parse_xjh("G11010519491231002X", id_number="110105491231002").warnings == ()


def test_xjh_j_and_l_forms() -> None:
    first17 = "52482120150301123"
    assert parse_xjh("J" + first17 + id_check_char(first17)).form == "J"
    assert parse_xjh("L524821201503011234").form == "L"
    wrong_j = parse_xjh("J" + first17 + ("0" if id_check_char(first17) != "0" else "1"))
    assert wrong_j.warnings and "J" in wrong_j.warnings[0]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("G110105194912310021", "校验"),
        ("11010519491231002X", "G加身份证号"),
        ("X11010519491231002X", "G、J或L开头"),
        ("G1101051949123100", "应为19位"),
        ("L52482120150301123X", "不该出现的字符"),
        ("", "空"),
    ],
)
def test_xjh_refusals(text: str, words: str) -> None:
    with pytest.raises(ValidationError) as caught:
        parse_xjh(text)
    assert caught.value.field == "xjh"
    assert words in caught.value.message and "学籍号" in caught.value.message


# -- school and division codes --------------------------------------------------------------


def test_school_code() -> None:
    school = parse_school_code("2152000123")
    assert (school.category, school.category_label, school.province) == ("21", "小学", "52")


@pytest.mark.parametrize("text", ["215200012", "2952000123", "2199000123", "21520001ab"])
def test_school_code_refusals(text: str) -> None:
    with pytest.raises(ValidationError) as caught:
        parse_school_code(text)
    assert caught.value.field == "school_code" and "学校标识码" in caught.value.message


@pytest.mark.parametrize(
    "code", ["522731", "524821101", "524821101201", "441900003001", "441900", "810000"]
)
def test_division_codes_accepted(code: str) -> None:
    assert parse_division_code(code) == code
    assert county_of(code) == code[:6]


@pytest.mark.parametrize(
    "code",
    [
        "52273",  # wrong length
        "992731101201",  # no such province
        "524821000201",  # village under no township
        "524821101000",  # a township, not a village
        "520000",  # a province, not a county
        "52482110120a",
    ],
)
def test_division_codes_refused(code: str) -> None:
    with pytest.raises(ValidationError) as caught:
        parse_division_code(code, field="birthplace")
    assert caught.value.field == "birthplace" and "行政区划代码" in caught.value.message


def test_division_code_lengths_restrict() -> None:
    with pytest.raises(ValidationError):
        parse_division_code("524821", lengths=(12,))


# -- age and grade ---------------------------------------------------------------------------


def test_age_on() -> None:
    assert age_on(date(2015, 11, 22), TODAY) == 11
    assert age_on(date(2015, 11, 23), TODAY) == 10
    assert age_on(date(2016, 2, 29), date(2020, 2, 28)) == 3


def test_expected_grade_follows_the_31_august_rule() -> None:
    # Six by 31 August 2026 → grade 1 in September 2026.
    assert expected_grade(date(2020, 8, 31), date(2026, 9, 1)) == 1
    assert expected_grade(date(2020, 9, 1), date(2026, 9, 1)) == 0
    assert expected_grade(date(2020, 8, 31), date(2027, 6, 30)) == 1
    assert expected_grade(date(2020, 8, 31), date(2027, 9, 1)) == 2
    assert expected_grade(date(2012, 3, 1), TODAY) == 9
