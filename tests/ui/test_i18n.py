"""English through Qt's translation system: the catalogue is complete, compiled and loaded.

The catalogue checks run the real extraction (tools/update_translations.py, with PySide6's
lupdate) on a copy of the committed `.ts`, so a string added to `ui/` without English fails here
by name. Every test takes its translators off again, so the rest of the suite sees Chinese.
"""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QToolBar,
)
from pytestqt.qtbot import QtBot
from subprocesses import run_module

from dropout_ledger.ledger import Ledger
from ui import i18n
from ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]
CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")
FIX = "Run `python tools/update_translations.py`, fill in the English it lists, and run it again."


def load_tool() -> ModuleType:
    path = ROOT / "tools" / "update_translations.py"
    spec = importlib.util.spec_from_file_location("update_translations", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is made
    spec.loader.exec_module(module)
    return module


tool = load_tool()
TS = tool.ts_path("en")
QM = tool.qm_path("en")


@pytest.fixture(autouse=True)
def no_translators_left(qapp: QApplication) -> Iterator[None]:
    i18n.remove_translations(qapp)
    yield
    i18n.remove_translations(qapp)


# --- the catalogue -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def fresh_extraction(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """What re-running the tool would make of the committed `.ts` (run on a copy of it)."""
    copy = tmp_path_factory.mktemp("ts") / TS.name
    shutil.copyfile(TS, copy)
    return tool.update_ts(copy, tool.ui_sources(), "en")


def test_every_string_in_ui_has_an_english_translation(fresh_extraction: Any) -> None:
    problems = tool.check_entries(fresh_extraction.entries)
    assert not problems, "Strings without usable English:\n  " + "\n  ".join(problems) + "\n" + FIX


def test_no_translation_call_builds_its_text_first(fresh_extraction: Any) -> None:
    problems = [str(p) for p in fresh_extraction.problems]
    assert not problems, "Calls no translation can match:\n  " + "\n  ".join(problems)


def test_the_committed_ts_lists_exactly_the_strings_of_ui(fresh_extraction: Any) -> None:
    added = fresh_extraction.added
    dropped = fresh_extraction.dropped
    assert not added, f"Strings in ui/ missing from {TS.name}: {added}\n{FIX}"
    assert not dropped, f"Strings in {TS.name} no longer in ui/: {dropped}\n{FIX}"


def test_the_committed_qm_is_compiled_from_the_committed_ts(tmp_path: Path) -> None:
    compiled = tmp_path / QM.name
    tool.compile_qm(TS, compiled)  # lrelease output is byte-for-byte reproducible
    assert QM.read_bytes() == compiled.read_bytes(), f"{QM.name} is stale. {FIX}"


def test_the_checks_name_an_untranslated_string_and_a_bad_call(tmp_path: Path) -> None:
    source = tmp_path / "screen.py"
    source.write_text(
        "from PySide6.QtCore import QCoreApplication\n"
        "def _tr(text):\n"
        '    return QCoreApplication.translate("screen", text)\n'
        "class Screen:\n"
        "    def show(self, n):\n"
        '        self.tr("新的按钮")\n'
        '        _tr("经由包装函数")\n'
        '        self.tr(f"共 {n} 名")\n',
        encoding="utf-8",
    )
    update = tool.update_ts(tmp_path / "x_en.ts", [source], "en")
    problems = "\n".join(tool.check_entries(update.entries))
    assert "[Screen] '新的按钮'" in problems
    assert "[screen] '经由包装函数'" in problems  # lupdate alone misses calls through a wrapper
    assert [p.line for p in update.problems] == [8]


def test_a_translation_that_drops_a_field_is_reported() -> None:
    entry = tool.Entry("app", "无法保存截图 {file}", "", False, ("Cannot save",), "")
    assert tool.check_entries([entry]) and "fields" in tool.check_entries([entry])[0]


# --- choosing and installing the language --------------------------------------------------------


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


def test_the_option_beats_the_environment_which_beats_the_saved_setting(
    settings: QSettings,
) -> None:
    env = {i18n.LANGUAGE_ENV: "en_US"}
    assert i18n.choose_language(None, environ={}, settings=settings) == "zh_CN"
    i18n.save_language("en", settings)
    assert i18n.choose_language(None, environ={}, settings=settings) == "en"
    assert i18n.choose_language(None, environ={i18n.LANGUAGE_ENV: "zh"}, settings=settings) == (
        "zh_CN"
    )
    assert i18n.choose_language("zh_CN", environ=env, settings=settings) == "zh_CN"
    assert i18n.choose_language("klingon", environ=env, settings=settings) == "en"


def test_an_unknown_language_is_refused(qapp: QApplication, settings: QSettings) -> None:
    with pytest.raises(ValueError):
        i18n.install_translations(qapp, "fr")
    with pytest.raises(ValueError):
        i18n.save_language("fr", settings)


def test_installing_twice_replaces_and_removing_restores_chinese(qapp: QApplication) -> None:
    i18n.install_translations(qapp, "en")
    i18n.install_translations(qapp, "en")
    assert QCoreApplication.translate("MainWindow", "名单") == "Roster"
    i18n.install_translations(qapp, "zh_CN")
    assert QCoreApplication.translate("MainWindow", "名单") == "名单"
    i18n.install_translations(qapp, "en")
    i18n.remove_translations(qapp)
    assert QCoreApplication.translate("MainWindow", "名单") == "名单"


def test_qt_s_own_buttons_follow_the_language(qapp: QApplication) -> None:
    if i18n.load_qt_translator("zh_CN") is None:
        pytest.skip("this Qt has no qtbase_zh_CN.qm")
    i18n.install_translations(qapp, "zh_CN")
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    assert CJK.search(box.button(QDialogButtonBox.StandardButton.Cancel).text())
    i18n.install_translations(qapp, "en")
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    assert "Cancel" in box.button(QDialogButtonBox.StandardButton.Cancel).text()


def test_help_text_is_translated_before_qt_starts() -> None:
    assert i18n.early_translate("en", "app")("显示本帮助并退出") == "show this help and exit"
    assert i18n.early_translate("zh_CN", "app")("显示本帮助并退出") == "显示本帮助并退出"


# --- the main window in each language ------------------------------------------------------------


def build_window(qtbot: QtBot, ledger: Ledger) -> MainWindow:
    window = MainWindow(ledger)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.model.rowCount() > 0, timeout=10_000)
    qtbot.waitUntil(lambda: ledger.org.name in window.windowTitle(), timeout=10_000)
    return window


@pytest.fixture
def english_window(qapp: QApplication, qtbot: QtBot, ledger: Ledger) -> Iterator[MainWindow]:
    i18n.install_translations(qapp, "en")
    window = build_window(qtbot, ledger)
    yield window
    window.close()  # joins its worker before the ledger closes


@pytest.fixture
def chinese_window(qapp: QApplication, qtbot: QtBot, ledger: Ledger) -> Iterator[MainWindow]:
    i18n.install_translations(qapp, "zh_CN")
    window = build_window(qtbot, ledger)
    yield window
    window.close()


def headers(window: MainWindow) -> list[str]:
    model = window.model
    return [str(model.headerData(c, Qt.Orientation.Horizontal)) for c in range(model.columnCount())]


def interface_texts(window: MainWindow) -> list[str]:
    """Every piece of interface text the window shows (not the data in the table)."""
    # A label marked data_text shows data (a school's name), not interface wording.
    texts = [label.text() for label in window.findChildren(QLabel)
             if not label.property("data_text")]
    texts += [bar.windowTitle() for bar in window.findChildren(QToolBar)]
    for combo in window.findChildren(QComboBox):
        if combo.property("data_choices"):  # 班级/村 filters list the ledger's own names
            texts += [combo.itemText(0), combo.toolTip()]
            continue
        texts += [combo.itemText(i) for i in range(combo.count())] + [combo.toolTip()]
    texts += [box.placeholderText() for box in window.findChildren(QLineEdit)]
    texts += [action.text() for action in window.actions()]
    return [text for text in [*texts, *headers(window)] if text]


def test_english_window_speaks_english(english_window: MainWindow, ledger: Ledger) -> None:
    assert english_window.windowTitle() == f"Dropout Ledger — {ledger.org.name}"
    assert headers(english_window)[:3] == ["Name", "Sex", "Grade"]
    assert "View:" in interface_texts(english_window)
    chinese = [text for text in interface_texts(english_window) if CJK.search(text)]
    assert chinese == [], "untranslated in the English window: " + " | ".join(chinese)


def test_chinese_window_speaks_chinese(chinese_window: MainWindow, ledger: Ledger) -> None:
    assert chinese_window.windowTitle() == f"控辍保学台账 — {ledger.org.name}"
    assert headers(chinese_window)[:3] == ["姓名", "性别", "年级"]
    assert "查看：" in interface_texts(chinese_window)


# --- the app as started ----------------------------------------------------------------------


def run_app(tmp_path: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    environment = dict(os.environ, QT_QPA_PLATFORM="offscreen", DROPOUT_LEDGER_HOME=str(tmp_path))
    environment.pop(i18n.LANGUAGE_ENV, None)
    environment.update(env)
    return run_module("ui", *args, env=environment)


def test_lang_option_starts_the_app_in_english(tmp_path: Path) -> None:
    result = run_app(
        tmp_path, "--lang", "en", "--ledger", str(tmp_path / "l.sqlite"), "--self-test"
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith("Self-test passed"), result.stdout


def test_environment_variable_chooses_english_help(tmp_path: Path) -> None:
    result = run_app(tmp_path, "--help", DROPOUT_LEDGER_LANG="en")
    assert result.returncode == 0, result.stderr
    assert "show this help and exit" in result.stdout
    assert not CJK.search(result.stdout), result.stdout
