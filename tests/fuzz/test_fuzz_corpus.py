"""The fuzz corpus: every input that once crashed the opener or the importer, replayed.

Each file in tests/data/fuzz/open/ and tests/data/fuzz/import/ is a mutation (fuzzing.py says
the format) of a committed base file, with a "found" note saying what went wrong before the fix.
These run in every suite, quickly; the Hypothesis tests beside them look for new ones.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from fuzzing import CLOCK, CORPUS, DATA, check_import, check_open, events_of, mutate

from dropout_ledger.ledger import Ledger
from dropout_ledger.synthetic import FICTIONAL_COUNTY_CODE

OPEN = sorted((CORPUS / "open").glob("*.json"))
IMPORT = sorted((CORPUS / "import").glob("*.json"))


def load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", OPEN, ids=[p.stem for p in OPEN])
def test_a_ledger_that_once_crashed_is_refused_or_verified(case):
    mutation = load(case)
    check_open(mutate(mutation), None, events_of(DATA / mutation["base"]))


@pytest.fixture(scope="module")
def ledger(tmp_path_factory) -> Iterator[Ledger]:
    path = tmp_path_factory.mktemp("corpus") / "school.sqlite"
    with Ledger.create(path, kind="school", code="2152482101", name="坪坝镇中心学校",
                       county_code=FICTIONAL_COUNTY_CODE, clock=CLOCK) as opened:
        yield opened


@pytest.mark.parametrize("case", IMPORT, ids=[p.stem for p in IMPORT])
def test_a_roster_that_once_crashed_is_planned_or_refused(case, ledger):
    mutation = load(case)
    check_import(mutate(mutation), "." + mutation["base"].rsplit(".", 1)[1], ledger)


def test_the_corpus_is_small_and_annotated():
    for case in OPEN + IMPORT:
        assert case.stat().st_size < 64 * 1024
        mutation = load(case)
        assert (DATA / mutation["base"]).is_file() and mutation.get("found")
