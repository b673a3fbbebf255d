"""Re-extract the desktop app's strings into the English `.ts` and compile it to `.qm`.

    .venv/bin/python tools/update_translations.py

What it does, in order:

1. `lupdate` (shipped in the PySide6-Essentials wheel, the binary behind `pyside6-lupdate`) reads
   every `ui/**/*.py` and merges its strings into `resources/translations/dropout_ledger_en.ts`,
   keeping every existing translation. Strings no longer in the code are dropped (git has them).
2. `lupdate` cannot see a string passed through a module's own wrapper, such as
   `def _tr(text): return QCoreApplication.translate("errors", text)` and then `_tr("…")`.
   This script finds those with Python's `ast` and adds them to the `.ts` (with their earlier
   translation, if any), so the wrapper idiom used across `ui/` is fully supported.
3. `lrelease` (also in the wheel) compiles the `.ts` to `dropout_ledger_en.qm`, which the app
   loads at run time. Unfinished translations are left out of the `.qm`: those strings show in
   Chinese until they are translated.

It then lists every string that still needs English, and every call it cannot translate (an
f-string or a `.format()` inside `tr()`: the formatted text is never in the catalogue). Fill in
the English with Qt Linguist (`pyside6-linguist resources/translations/dropout_ledger_en.ts`) or
any text editor (remove `type="unfinished"`), then run this script again to compile the `.qm`.
Commit the `.ts` and the `.qm`; the app never needs these tools at run time.

Exit code: 0 when every string has a translation, 1 when some still need one or a call is
unusable, 2 when the Qt tools are missing.

tests/ui/test_i18n.py imports this file to check that the committed `.ts` and `.qm` are complete
and up to date.
"""

from __future__ import annotations

import argparse
import ast
import copy
import os
import shutil
import string
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
UI_DIR = ROOT / "ui"
TRANSLATIONS_DIR = ROOT / "resources" / "translations"
SOURCE_LANGUAGE = "zh_CN"
TARGET_LANGUAGES = ("en",)
CATALOGUE = "dropout_ledger"
"""Base name of our catalogues: dropout_ledger_en.ts / dropout_ledger_en.qm (ui/i18n.py loads it)."""

_UNFINISHED = "unfinished"
_GONE = frozenset({"vanished", "obsolete"})
_TR_CALLS = frozenset({"tr", "QT_TR_NOOP", "QT_TR_N_NOOP"})
"""Calls whose context is the enclosing class: (text, disambiguation, n)."""
_TRANSLATE_CALLS = frozenset(
    {"translate", "QT_TRANSLATE_NOOP", "QT_TRANSLATE_NOOP3", "QT_TRANSLATE_N_NOOP"}
)
"""Calls that name their context: (context, text, disambiguation, n)."""

Key = tuple[str, str, str]
"""(context, source text, disambiguation); how Qt looks a message up."""


def ts_path(language: str) -> Path:
    return TRANSLATIONS_DIR / f"{CATALOGUE}_{language}.ts"


def qm_path(language: str) -> Path:
    return TRANSLATIONS_DIR / f"{CATALOGUE}_{language}.qm"


def ui_sources() -> list[Path]:
    """Every Python file of the desktop app, in a stable order."""
    return sorted(p for p in UI_DIR.rglob("*.py") if "__pycache__" not in p.parts)


# --- finding the strings in the code -------------------------------------------------------------


@dataclass(frozen=True)
class Found:
    """One translatable string as the code spells it."""

    context: str
    source: str
    comment: str
    numerus: bool
    path: Path
    line: int

    @property
    def key(self) -> Key:
        return (self.context, self.source, self.comment)


@dataclass(frozen=True)
class Problem:
    """A translation call that cannot work, with where it is and what to write instead."""

    path: Path
    line: int
    text: str

    def __str__(self) -> str:
        return f"{_shown(self.path)}:{self.line}: {self.text}"


def _shown(path: Path) -> str:
    try:
        return path.resolve().relative_to(ROOT).as_posix()
    except ValueError:
        return str(path)


def _call_name(node: ast.Call) -> str | None:
    if isinstance(node.func, ast.Attribute):
        return node.func.attr
    if isinstance(node.func, ast.Name):
        return node.func.id
    return None


def _text(node: ast.expr | None) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _formatted_before_translation(node: ast.expr) -> bool:
    """True for f"…", "…" % x, "…" + x and "…".format(x): text built before it is translated."""
    if isinstance(node, ast.JoinedStr):
        return True
    if isinstance(node, ast.BinOp):
        return any(
            _text(side) is not None or isinstance(side, ast.JoinedStr)
            for side in (node.left, node.right)
        )
    return (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and _text(node.func.value) is not None
    )


def _argument(node: ast.Call, position: int, keyword: str) -> ast.expr | None:
    if len(node.args) > position:
        return node.args[position]
    return next((kw.value for kw in node.keywords if kw.arg == keyword), None)


def module_wrappers(tree: ast.Module) -> dict[str, str]:
    """Top-level `def w(text, …)` that call `….translate("context", text)`: {name: context}."""
    wrappers: dict[str, str] = {}
    for node in tree.body:
        if not isinstance(node, ast.FunctionDef) or not node.args.args:
            continue
        parameter = node.args.args[0].arg
        for inner in ast.walk(node):
            if (
                isinstance(inner, ast.Call)
                and _call_name(inner) == "translate"
                and len(inner.args) >= 2
                and _text(inner.args[0]) is not None
                and isinstance(inner.args[1], ast.Name)
                and inner.args[1].id == parameter
            ):
                wrappers[node.name] = str(_text(inner.args[0]))
                break
    return wrappers


class _Scanner(ast.NodeVisitor):
    def __init__(self, path: Path, wrappers: dict[str, str]) -> None:
        self.path = path
        self.wrappers = wrappers
        self.classes: list[str] = []
        self.found: list[Found] = []
        self.problems: list[Problem] = []

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        self.classes.append(node.name)
        self.generic_visit(node)
        self.classes.pop()

    def visit_Call(self, node: ast.Call) -> None:
        name = _call_name(node)
        if name in _TR_CALLS:
            self._message(node, self.classes[-1] if self.classes else None, 0)
        elif name in _TRANSLATE_CALLS and node.args and _text(node.args[0]) is not None:
            self._message(node, _text(node.args[0]), 1)
        elif isinstance(node.func, ast.Name) and name in self.wrappers:
            self._message(node, self.wrappers[name], 0)
        self.generic_visit(node)

    def _message(self, node: ast.Call, context: str | None, first: int) -> None:
        """Record the call whose text is argument `first` (disambiguation and n follow it)."""
        text_node = _argument(node, first, "sourceText" if first == 0 else "key")
        if text_node is None:
            return
        source = _text(text_node)
        if source is None:
            if _formatted_before_translation(text_node):
                self.problems.append(
                    Problem(
                        self.path,
                        node.lineno,
                        "the text is built before it is translated, so no translation can "
                        'match; translate the plain text, then format: tr("共 {n} 名").format(n=…)',
                    )
                )
            return  # a variable: the string itself is marked elsewhere (QT_TRANSLATE_NOOP)
        if context is None:
            self.problems.append(
                Problem(
                    self.path,
                    node.lineno,
                    f"tr({source!r}) outside a class has no context; use "
                    'QCoreApplication.translate("context", …)',
                )
            )
            return
        comment = _text(_argument(node, first + 1, "disambiguation")) or ""
        numerus = _argument(node, first + 2, "n") is not None
        self.found.append(Found(context, source, comment, numerus, self.path, node.lineno))


def scan(paths: Iterable[Path]) -> tuple[list[Found], list[Problem]]:
    """Every translatable string in `paths` (wrappers included), and every unusable call."""
    found: list[Found] = []
    problems: list[Problem] = []
    for path in paths:
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        scanner = _Scanner(path, module_wrappers(tree))
        scanner.visit(tree)
        found += scanner.found
        problems += scanner.problems
    return found, problems


# --- the .ts file --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Entry:
    """One message of a `.ts` file, as far as a check needs it."""

    context: str
    source: str
    comment: str
    numerus: bool
    translations: tuple[str, ...]
    """The translation, or each plural form; empty strings where nothing was written."""
    state: str
    """Empty when finished, else the `type` attribute ("unfinished", "vanished", "obsolete")."""

    @property
    def key(self) -> Key:
        return (self.context, self.source, self.comment)

    @property
    def finished(self) -> bool:
        return not self.state and bool(self.translations) and all(self.translations)


def _message_key(context: str, message: ET.Element) -> Key:
    return (context, message.findtext("source") or "", message.findtext("comment") or "")


def _entry(context: str, message: ET.Element) -> Entry:
    translation = message.find("translation")
    if translation is None:
        forms: tuple[str, ...] = ()
        state = _UNFINISHED
    else:
        numerus_forms = translation.findall("numerusform")
        if numerus_forms:
            forms = tuple(form.text or "" for form in numerus_forms)
        else:
            forms = (translation.text or "",)
        state = translation.get("type", "")
    return Entry(*_message_key(context, message), message.get("numerus") == "yes", forms, state)


def read_ts(path: Path) -> list[Entry]:
    """Every message in the `.ts` file at `path`, in file order."""
    root = ET.parse(path).getroot()
    return [
        _entry(context.findtext("name") or "", message)
        for context in root.iter("context")
        for message in context.iter("message")
    ]


def _fields(text: str) -> list[str]:
    """The `{name}` fields of a `str.format` text, in order (`{{` is not a field)."""
    try:
        return sorted(
            field for _, field, _, _ in string.Formatter().parse(text) if field is not None
        )
    except ValueError:
        return ["<unbalanced braces>"]


def check_entries(entries: Iterable[Entry]) -> list[str]:
    """What is wrong with each message: no finished translation, or fields that do not match."""
    problems = []
    for entry in entries:
        where = f"[{entry.context}] {entry.source!r}"
        if entry.state in _GONE:
            continue
        if not entry.finished:
            problems.append(f"{where}: no finished English translation")
            continue
        for form in entry.translations:
            if _fields(form) != _fields(entry.source):
                problems.append(
                    f"{where}: translation {form!r} has fields {_fields(form)}, "
                    f"the source has {_fields(entry.source)}"
                )
            if entry.numerus and "%n" not in form:
                problems.append(f"{where}: plural form {form!r} lacks %n")
    return problems


def _escape(text: str) -> str:
    return (
        text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
        .replace("'", "&apos;")
    )


def _serialise(element: ET.Element, depth: int, out: list[str]) -> None:
    """lupdate's layout: contexts at the margin, four spaces per level, leaves on one line."""
    indent = "    " * max(depth - 1, 0)
    attributes = "".join(f' {name}="{_escape(value)}"' for name, value in element.attrib.items())
    if len(element):
        out.append(f"{indent}<{element.tag}{attributes}>")
        for child in element:
            _serialise(child, depth + 1, out)
        out.append(f"{indent}</{element.tag}>")
    elif element.tag == "location":
        out.append(f"{indent}<{element.tag}{attributes}/>")
    else:
        out.append(
            f"{indent}<{element.tag}{attributes}>{_escape(element.text or '')}</{element.tag}>"
        )


def write_ts(root: ET.Element, path: Path) -> None:
    lines = ['<?xml version="1.0" encoding="utf-8"?>', "<!DOCTYPE TS>"]
    attributes = "".join(f' {name}="{_escape(value)}"' for name, value in root.attrib.items())
    lines.append(f"<TS{attributes}>")
    for context in root:
        _serialise(context, 1, lines)
    lines.append("</TS>")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8", newline="\n")


def _location(message: ET.Element) -> tuple[str, int]:
    location = message.find("location")
    if location is None:
        return ("\uffff", 0)  # messages without a place go last
    return (location.get("filename", ""), int(location.get("line", "0").lstrip("+") or 0))


def _new_message(found: Found) -> ET.Element:
    message = ET.Element("message")
    if found.numerus:
        message.set("numerus", "yes")
    ET.SubElement(message, "source").text = found.source
    if found.comment:
        ET.SubElement(message, "comment").text = found.comment
    translation = ET.SubElement(message, "translation", type=_UNFINISHED)
    if found.numerus:
        for _ in range(2):  # English has two plural forms
            ET.SubElement(translation, "numerusform")
    return message


def _set_locations(message: ET.Element, places: Sequence[Found], ts_folder: Path) -> None:
    for old in message.findall("location"):
        message.remove(old)
    for position, place in enumerate(places):
        filename = Path(os.path.relpath(place.path, ts_folder)).as_posix()
        message.insert(position, ET.Element("location", filename=filename, line=str(place.line)))


def add_wrapped_strings(
    root: ET.Element, found: Sequence[Found], earlier: dict[Key, ET.Element], ts_folder: Path
) -> None:
    """Add each string lupdate missed (calls through a wrapper), with its earlier translation."""
    contexts = {c.findtext("name") or "": c for c in root.iter("context")}
    present = {_message_key(name, m) for name, c in contexts.items() for m in c.iter("message")}
    missing: dict[Key, list[Found]] = {}
    for item in found:
        if item.key not in present:
            missing.setdefault(item.key, []).append(item)
    for key, places in missing.items():
        context = contexts.get(key[0])
        if context is None:
            context = ET.SubElement(root, "context")
            ET.SubElement(context, "name").text = key[0]
            contexts[key[0]] = context
        message = copy.deepcopy(earlier[key]) if key in earlier else _new_message(places[0])
        _set_locations(message, places, ts_folder)
        context.append(message)


def _gone(message: ET.Element) -> bool:
    translation = message.find("translation")
    return translation is not None and translation.get("type") in _GONE


def _tidy(root: ET.Element) -> None:
    """Contexts by name, messages in source order, nothing vanished or obsolete kept."""
    contexts = sorted(root.findall("context"), key=lambda c: c.findtext("name") or "")
    for context in root.findall("context"):
        root.remove(context)
    for context in contexts:
        messages = [m for m in context.findall("message") if not _gone(m)]
        for message in context.findall("message"):
            context.remove(message)
        if not messages:
            continue
        messages.sort(key=lambda m: (*_location(m), m.findtext("source") or ""))
        context.extend(messages)
        root.append(context)


# --- the Qt tools ------------------------------------------------------------------------------


class ToolMissing(RuntimeError):
    pass


def qt_tool(name: str) -> Path:
    """The `lupdate` / `lrelease` binary of the installed PySide6 (pyside6-<name> runs it too)."""
    import PySide6

    exe = name + ".exe" if sys.platform == "win32" else name
    bundled = Path(PySide6.__file__).resolve().parent / exe
    if bundled.is_file():
        return bundled
    on_path = shutil.which(f"pyside6-{name}") or shutil.which(name)
    if on_path:
        return Path(on_path)
    raise ToolMissing(f"{name} not found: install PySide6-Essentials (it ships {name})")


def _run(command: Sequence[str | Path]) -> str:
    result = subprocess.run(
        [str(part) for part in command],
        cwd=ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        check=False,
    )
    if result.returncode != 0:
        raise RuntimeError(f"{' '.join(map(str, command))} failed:\n{result.stdout}{result.stderr}")
    return result.stdout + result.stderr


@dataclass(frozen=True)
class Update:
    """What `update_ts` did: the messages now in the file, and what changed."""

    entries: list[Entry]
    added: list[Key]
    dropped: list[Key]
    problems: list[Problem]
    warnings: str
    """Whatever lupdate said beyond its progress lines (it is run with -silent)."""


def update_ts(ts: Path, sources: Sequence[Path], language: str) -> Update:
    """Bring the `.ts` at `ts` up to date with `sources`, keeping every translation still used."""
    earlier: dict[Key, ET.Element] = {}
    if ts.exists():
        for context in ET.parse(ts).getroot().iter("context"):
            for message in context.iter("message"):
                earlier[_message_key(context.findtext("name") or "", message)] = message
    ts.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        listing = Path(folder) / "sources.lst"  # one name per line: no command-line length limit
        listing.write_text("\n".join(str(p) for p in sources) + "\n", encoding="utf-8")
        warnings = _run(
            [
                qt_tool("lupdate"),
                "-silent",
                "-no-obsolete",
                "-locations",
                "absolute",
                "-source-language",
                SOURCE_LANGUAGE,
                "-target-language",
                language,
                f"@{listing}",
                "-ts",
                ts,
            ]
        )
    found, problems = scan(sources)
    root = ET.parse(ts).getroot()
    add_wrapped_strings(root, found, earlier, ts.parent.resolve())
    _tidy(root)
    write_ts(root, ts)
    entries = read_ts(ts)
    now = {entry.key for entry in entries}
    return Update(
        entries,
        added=[entry.key for entry in entries if entry.key not in earlier],
        dropped=[key for key in earlier if key not in now],
        problems=problems,
        warnings=warnings.strip(),
    )


def compile_qm(ts: Path, qm: Path) -> None:
    """Compile `ts` to `qm` with lrelease; unfinished translations stay out (shown in Chinese)."""
    _run([qt_tool("lrelease"), "-silent", "-nounfinished", ts, "-qm", qm])


def _describe(key: Key) -> str:
    context, source, comment = key
    return f"[{context}] {source!r}" + (f" ({comment})" if comment else "")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.parse_args(argv)
    status = 0
    try:
        for language in TARGET_LANGUAGES:
            ts, qm = ts_path(language), qm_path(language)
            update = update_ts(ts, ui_sources(), language)
            compile_qm(ts, qm)
            todo = check_entries(update.entries)
            if update.warnings:
                print(update.warnings)
            print(
                f"{_shown(ts)}: {len(update.entries)} strings ({len(update.added)} new, "
                f"{len(update.dropped)} no longer used); compiled {_shown(qm)}"
            )
            for key in update.added:
                print(f"  new: {_describe(key)}")
            for key in update.dropped:
                print(f"  dropped: {_describe(key)}")
            if todo or update.problems:
                status = 1
                print(f"{len(todo) + len(update.problems)} to fix (then run this again):")
                for line in [*todo, *map(str, update.problems)]:
                    print(f"  {line}")
    except ToolMissing as error:
        print(error, file=sys.stderr)
        return 2
    return status


if __name__ == "__main__":
    raise SystemExit(main())
