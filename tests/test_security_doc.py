"""docs/security.md names the tests that prove each control: every one of them must exist.

A reference is `tests/…/file.py::test_name`; a bare `::test_name` after it refers to the same
file, and `tests/…/file.py` alone (a whole file) must exist. Rows that say "issue 6" or "the lead
fills the names" are placeholders and are not checked.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "security.md"
_REF = re.compile(r"(tests/[\w/]+\.py)?::(test_\w+)|(tests/[\w/]+\.py)")


def _tests_in(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {node.name for node in ast.walk(tree)
            if isinstance(node, ast.FunctionDef) and node.name.startswith("test_")}


def test_every_test_the_threat_model_names_exists():
    current: str | None = None
    named = 0
    for match in _REF.finditer(DOC.read_text(encoding="utf-8")):
        file, test, whole = match.groups()
        if whole:
            current = whole
            assert (ROOT / whole).is_file(), whole
            continue
        current = file or current
        assert current is not None, f"::{test} without a file before it"
        assert test in _tests_in(ROOT / current), f"{current}::{test} does not exist"
        named += 1
    assert named >= 30
