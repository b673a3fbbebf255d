"""Code tables: unique codes, complete national lists, Chinese labels."""

from __future__ import annotations

import re

import pytest

from dropout_ledger.model import codes
from dropout_ledger.model.codes import Code, codes_of, label_of, stage_of

TABLES = {
    name: value
    for name, value in vars(codes).items()
    if name.isupper() and isinstance(value, tuple) and value and isinstance(value[0], Code)
}
HAN = re.compile(r"[\u4e00-\u9fff]")


def test_all_expected_tables_exist() -> None:
    expected = {
        "SEX", "ETHNICITY", "PROVINCES", "ID_TYPES", "DISABILITY_TYPES", "LEFT_BEHIND",
        "ECONOMIC_CATEGORIES", "GUARDIAN_RELATIONS", "DROPOUT_REASONS", "CLOSURE_REASONS",
        "RISK_INDICATORS", "VISIT_MODES", "ATTITUDES", "ESCALATION_STAGES", "LEGAL_DOC_TYPES",
        "REPORT_RECIPIENTS", "SUBSIDY_ITEMS", "PAYMENT_CHANNELS", "PAIRING_KINDS",
        "SCHOOL_CATEGORIES", "GRADES",
    }  # fmt: skip
    assert expected <= set(TABLES)


@pytest.mark.parametrize("name", sorted(TABLES))
def test_codes_unique_and_labels_chinese(name: str) -> None:
    table = TABLES[name]
    assert len(codes_of(table)) == len(table), f"{name} has duplicate codes"
    for entry in table:
        assert entry.code and entry.code.isascii()
        assert HAN.search(entry.label), f"{name}:{entry.code} label is not Chinese"


def test_ethnicity_has_56_plus_two() -> None:
    assert len(codes.ETHNICITY) == 58
    assert [e.code for e in codes.ETHNICITY[:56]] == [f"{n:02d}" for n in range(1, 57)]
    assert all(e.label.endswith("族") for e in codes.ETHNICITY[:56])
    assert label_of(codes.ETHNICITY, "01") == "汉族"
    assert label_of(codes.ETHNICITY, "06") == "苗族"
    assert label_of(codes.ETHNICITY, "25") == "水族"
    assert label_of(codes.ETHNICITY, "56") == "基诺族"
    assert {"97", "98"} <= codes_of(codes.ETHNICITY)


def test_escalation_stages_are_l0_to_l8() -> None:
    assert [e.code for e in codes.ESCALATION_STAGES] == [f"L{n}" for n in range(9)]


def test_unknown_code_shows_itself() -> None:
    assert label_of(codes.SEX, "9") == "9"


def test_subsidy_standards_are_integer_fen() -> None:
    boarding = codes.SUBSIDY_STANDARDS_FEN["living_boarding"]
    assert boarding == {"primary": 125000, "junior": 150000}
    assert codes.SUBSIDY_STANDARDS_FEN["living_day"] == {"primary": 62500, "junior": 75000}
    assert set(codes.SUBSIDY_STANDARDS_FEN) <= codes_of(codes.SUBSIDY_ITEMS)
    with pytest.raises(TypeError):
        boarding["primary"] = 1  # type: ignore[index]


def test_stage_of() -> None:
    assert [stage_of(g) for g in (1, 6, 7, 9)] == ["primary", "primary", "junior", "junior"]
    with pytest.raises(ValueError):
        stage_of(10)
