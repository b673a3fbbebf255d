"""Chinese line breaking (render/cjk.py): no closing mark starts a line, no opening mark ends one."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from dropout_ledger.render import fonts
from dropout_ledger.render.cjk import NO_LINE_END, NO_LINE_START, break_lines


def em(text: str) -> float:
    """Every character one unit wide: widths in "characters", easy to reason about."""
    return float(len(text))


def test_text_that_fits_is_one_line() -> None:
    assert break_lines("坪坝镇中心学校", 10, em) == ["坪坝镇中心学校"]
    assert break_lines("", 5, em) == [""]


def test_a_comma_never_starts_a_line() -> None:
    # Greedy filling would put "，" first on line 2; the character before it goes down with it.
    lines = break_lines("家长不重视教育，学生外出", 7, em)
    assert lines == ["家长不重视教", "育，学生外出"]
    assert not any(line[0] in NO_LINE_START for line in lines)


def test_a_full_stop_and_closing_quote_run_goes_down_with_a_character() -> None:
    lines = break_lines("他说要回校。”然后", 6, em)
    assert lines == ["他说要回", "校。”然后"]


def test_an_opening_bracket_never_ends_a_line() -> None:
    lines = break_lines("学生外出务（广东东莞）", 6, em)
    assert lines[0] == "学生外出务"
    assert lines[1].startswith("（")
    assert not any(line[-1] in NO_LINE_END for line in lines)


def test_explicit_newlines_are_kept() -> None:
    assert break_lines("第一行\n第二行", 10, em) == ["第一行", "第二行"]


def test_numbers_ids_and_dates_are_not_split() -> None:
    lines = break_lines("送达日期2026-11-22已签收", 12, em)
    assert "2026-11-22" in "".join(lines)
    assert any("2026-11-22" in line for line in lines)
    masked = "522731********123X"
    assert any(masked in line for line in break_lines(f"身份证号{masked}", 20, em))


def test_a_word_longer_than_the_line_is_cut_into_characters() -> None:
    lines = break_lines("G522731201001011234", 8, em)
    assert "".join(lines) == "G522731201001011234"
    assert all(len(line) <= 8 for line in lines)


def test_a_column_narrower_than_one_character_still_terminates() -> None:
    assert "".join(break_lines("一，二", 0.5, em)) == "一，二"


def test_real_font_widths_are_respected() -> None:
    text = "该生自2026年10月14日起无故缺课，经多次家访劝返未果，请乡镇政府督促监护人送其返校。"

    def measure(s: str) -> float:
        return fonts.width(s, 9, fonts.SONG)

    lines = break_lines(text, 120, measure)
    assert "".join(lines) == text
    assert all(measure(line) <= 120 for line in lines)
    assert not any(line[0] in NO_LINE_START for line in lines[1:])


_CJK = st.sampled_from(list("学生家长外出务工返校劝说经过情况") + list("，。、；：？！）》”")
                       + list("（《“"))


@settings(max_examples=300, deadline=None)
@given(st.lists(_CJK, min_size=1, max_size=60).map("".join), st.integers(3, 12))
def test_rules_hold_for_any_text(text: str, width: int) -> None:
    lines = break_lines(text, width, em)
    assert "".join(lines) == text  # nothing lost, nothing added
    for number, line in enumerate(lines):
        if len(line) > 1:  # a line of one unit may be too wide: nothing else would fit
            assert em(line) <= width
        if number:
            before = lines[number - 1]
            bad = line[0] in NO_LINE_START or before[-1] in NO_LINE_END
            # A rule yields only where the previous line had no legal break to move back to.
            assert not bad or not _has_legal_break(before)


def _has_legal_break(line: str) -> bool:
    return any(line[k] not in NO_LINE_START and line[k - 1] not in NO_LINE_END
               for k in range(1, len(line)))
