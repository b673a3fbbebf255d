"""Hostile roster files: mutated real .xlsx, .xls, .ods and CSV files through the importer.

Every input ends in a plan (rows checked one by one) or an `InputRefused` in Chinese — never
another exception, never a hang. The bases are the committed import fixtures
(tests/data/import/): truncated, bit-flipped, and for zip formats with one entry replaced by
random bytes, a cut or flipped copy of itself, or an XML bomb's little cousin.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator

import pytest
from fuzzing import CLOCK, DATA, check_import, entries, examples, mutate
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from dropout_ledger.ledger import Ledger
from dropout_ledger.synthetic import FICTIONAL_COUNTY_CODE

BASES = ("import/clean.xlsx", "import/messy.xlsx", "import/roster.ods", "import/roster.xls",
         "import/clean_gbk.csv", "import/clean_utf16.txt", "import/formulas.xlsx")
ZIPPED = tuple(b for b in BASES if zipfile.is_zipfile(DATA / b))
_SIZES = {base: (DATA / base).stat().st_size for base in BASES}
_ENTRIES = {base: entries(DATA / base) for base in ZIPPED}
FUZZ = settings(deadline=None, suppress_health_check=[
    HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large])


@pytest.fixture(scope="module")
def ledger(tmp_path_factory) -> Iterator[Ledger]:
    """A school ledger to plan against (planning never writes)."""
    path = tmp_path_factory.mktemp("fuzz-import") / "school.sqlite"
    with Ledger.create(path, kind="school", code="2152482101", name="坪坝镇中心学校",
                       county_code=FICTIONAL_COUNTY_CODE, clock=CLOCK) as opened:
        yield opened


def suffix(base: str) -> str:
    return "." + base.rsplit(".", 1)[1]


@st.composite
def byte_mutations(draw: st.DrawFn) -> dict:
    base = draw(st.sampled_from(BASES))
    size = _SIZES[base]
    mutation: dict = {"base": base}
    if draw(st.booleans()):
        mutation["flips"] = [list(f) for f in draw(st.lists(
            st.tuples(st.integers(0, size - 1), st.integers(1, 255)), min_size=1, max_size=8))]
    if draw(st.booleans()) or "flips" not in mutation:
        mutation["truncate"] = draw(st.integers(1, size - 1))
    return mutation


_XMLISH = st.sampled_from([
    b"", b"<", b"<?xml version='1.0'?>", b"<worksheet>" * 200,
    b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">]><x>&a;&a;&a;</x>',
    b'<?xml version="1.0"?><!DOCTYPE x SYSTEM "file:///etc/passwd"><x/>',
    b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="9"><si>',
    b"<c r=\"A1\" t=\"s\"><v>999999</v></c>",
])


@st.composite
def entry_mutations(draw: st.DrawFn) -> dict:
    base = draw(st.sampled_from(ZIPPED))
    entry = draw(st.sampled_from(_ENTRIES[base]))
    original = _entry_bytes(base, entry)
    how = draw(st.sampled_from(("random", "cut", "flip", "xml")))
    if how == "random":
        content = draw(st.binary(max_size=2000))
    elif how == "cut":
        content = original[:draw(st.integers(0, max(0, len(original) - 1)))]
    elif how == "flip":
        data = bytearray(original)
        for offset, xor in draw(st.lists(st.tuples(st.integers(0, max(0, len(data) - 1)),
                                                   st.integers(1, 255)), max_size=6)):
            if data:
                data[offset] ^= xor
        content = bytes(data)
    else:
        content = draw(_XMLISH)
    return {"base": base, "entry": entry, "entry_hex": content.hex()}


def _entry_bytes(base: str, entry: str) -> bytes:
    with zipfile.ZipFile(DATA / base) as archive:
        return archive.read(entry)


@settings(FUZZ, max_examples=examples(80))
@given(mutation=byte_mutations())
def test_mutated_roster_bytes_are_planned_or_refused(ledger, mutation):
    event(check_import(mutate(mutation), suffix(mutation["base"]), ledger))


@settings(FUZZ, max_examples=examples(60))
@given(mutation=entry_mutations())
def test_a_replaced_zip_entry_is_planned_or_refused(ledger, mutation):
    event(check_import(mutate(mutation), suffix(mutation["base"]), ledger))


@settings(FUZZ, max_examples=examples(30))
@given(data=st.binary(min_size=1, max_size=4000), name=st.sampled_from(
    (".xlsx", ".xls", ".csv", ".ods", ".txt")))
def test_random_bytes_under_any_name_are_planned_or_refused(ledger, data, name):
    event(check_import(data, name, ledger))
