"""The core (`dropout_ledger/`) never imports Qt or the UI, and its layers import only downwards.

Each rule is one line in RULES: (package that imports, module prefix it must not import, why).
Imports are read with `ast`, so code that is never run (under TYPE_CHECKING, inside a function)
counts too. Relative imports are resolved to absolute module names first.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORE = ROOT / "dropout_ledger"

# (importer, forbidden import, reason). "dropout_ledger" as importer means every core module.
# The layer rules are the table in the design's aesthetics.md §5; a rule for a package that does
# not exist yet holds trivially until it does.
_QT = "the core has no Qt (design README §2)"
RULES: tuple[tuple[str, str, str], ...] = (
    ("dropout_ledger", "PySide6", _QT),
    ("dropout_ledger", "shiboken6", _QT),
    ("dropout_ledger", "ui", "the UI sits on top of the core, never under it"),
    ("dropout_ledger.model", "dropout_ledger.store", "model is plain data, below the store"),
    ("dropout_ledger.model", "dropout_ledger.services", "model is below services"),
    ("dropout_ledger.model", "dropout_ledger.importers", "model is below importers"),
    ("dropout_ledger.model", "dropout_ledger.render", "model is below render"),
    ("dropout_ledger.model", "dropout_ledger.sync", "model is below sync"),
    ("dropout_ledger.store", "dropout_ledger.services", "store is below services"),
    ("dropout_ledger.store", "dropout_ledger.importers", "store does not parse files"),
    ("dropout_ledger.store", "dropout_ledger.render", "store does not render"),
    ("dropout_ledger.importers", "dropout_ledger.store", "importers parse only, no database"),
    ("dropout_ledger.importers", "dropout_ledger.services", "importers parse only"),
    ("dropout_ledger.importers", "dropout_ledger.render", "importers parse only"),
    ("dropout_ledger.services", "dropout_ledger.render", "services build view data, not bytes"),
    ("dropout_ledger.sync", "dropout_ledger.render", "sync does not render"),
    ("dropout_ledger.render", "dropout_ledger.store", "render takes plain view data"),
    ("dropout_ledger.render", "dropout_ledger.services", "render takes plain view data"),
)


def module_name(path: Path) -> str:
    """`dropout_ledger/store/db.py` → `dropout_ledger.store.db`; `x/__init__.py` → `x`."""
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imported_modules(source: str, module: str, *, is_package: bool = False) -> set[str]:
    """Every absolute module name `source` imports (for `from a import b`, both `a` and `a.b`)."""
    package = module.split(".") if is_package else module.split(".")[:-1]
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            name = ".".join([*base, *([node.module] if node.module else [])])
            found.add(name)
            found.update(f"{name}.{alias.name}" for alias in node.names)
    return found


def imports_of(path: Path) -> set[str]:
    source = path.read_text(encoding="utf-8")
    return imported_modules(source, module_name(path), is_package=path.name == "__init__.py")


def within(module: str, prefix: str) -> bool:
    return module == prefix or module.startswith(prefix + ".")


def core_files() -> list[Path]:
    return sorted(p for p in CORE.rglob("*.py") if "__pycache__" not in p.parts)


def test_core_has_python_files() -> None:
    assert (CORE / "__init__.py") in core_files()


@pytest.mark.parametrize(("importer", "forbidden", "reason"), RULES)
def test_layer_rule_holds(importer: str, forbidden: str, reason: str) -> None:
    breaches = []
    for path in core_files():
        if not within(module_name(path), importer):
            continue
        for module in sorted(imports_of(path)):
            if within(module, forbidden):
                breaches.append(f"{path.relative_to(ROOT)} imports {module}")
                break
    assert not breaches, f"{importer} must not import {forbidden} ({reason}):\n" + "\n".join(
        breaches
    )


def test_only_the_driver_module_imports_sqlite() -> None:
    """Decision 0021: the driver is chosen in one place; a stray `except sqlite3.Error` from the
    standard module would silently stop catching the other driver's errors."""
    driver = CORE / "store" / "sqlite.py"
    breaches = [str(path.relative_to(ROOT)) for path in core_files()
                if path != driver and any(within(m, "sqlite3") for m in imports_of(path))]
    assert not breaches, "import the driver from dropout_ledger.store.sqlite:\n" + "\n".join(breaches)


def test_relative_imports_resolve_to_absolute_names() -> None:
    """If relative imports were resolved wrongly, every rule above would pass vacuously."""
    source = "from ..services import demo\nfrom . import db\nimport PySide6.QtCore\n"
    found = imported_modules(source, "dropout_ledger.store.queries")
    assert {"dropout_ledger.services.demo", "dropout_ledger.store.db", "PySide6.QtCore"} <= found
    in_init = imported_modules("from .db import open_db\n", "dropout_ledger.store", is_package=True)
    assert "dropout_ledger.store.db" in in_init


LOADED_ON_FIRST_USE = ("reportlab", "openpyxl", "cryptography", "argon2")
"""Libraries the first screen must not import: PDF, Excel, and the crypto of sync and accounts."""


def test_the_first_screen_does_not_load_the_pdf_excel_and_crypto_libraries() -> None:
    """reportlab and openpyxl cost ~0.5 s to import, cryptography and argon2 more; the window
    must show without them (the start-up target is 1 s on an old laptop). They load when a
    print, an export, a sync package or a password is asked for."""
    import subprocess
    import sys

    probe = ("import sys, ui.main_window; "
             f"print(sorted(m for m in {LOADED_ON_FIRST_USE!r} if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          check=True, cwd=Path(__file__).resolve().parents[1])
    assert done.stdout.strip() == "[]"
