"""导出到 Excel offers 按县里下发的模板填写 once the county's template has arrived by sync.

A real county stores its template; a round of packages carries it to the school; the dialog on
the school's ledger offers it, and the file written is the county's sheet filled in.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from dropout_ledger.sync import templates
from tests.sync.county_support import (  # noqa: F401 - isolated_markers is an autouse fixture
    County,
    isolated_markers,
    make_county,
)
from tests.sync.test_templates import MAPPING, make_template
from ui.app import load_cjk_font
from ui.dialogs import export_dialog
from ui.dialogs.export_dialog import ExportDialog
from ui.ops import ImmediateRunner


@pytest.fixture
def world(tmp_path: Path) -> Iterator[County]:
    made = make_county(tmp_path, ("a",), students=12)
    made.county.settings.set_profile(**MAPPING.profile_values())
    made.round()
    yield made
    made.close()


@pytest.fixture(autouse=True)
def documents(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "文档"
    folder.mkdir()
    monkeypatch.setattr(export_dialog, "documents_folder", lambda: folder)
    return folder


def _dialog(qtbot: QtBot, world: County) -> ExportDialog:
    dialog = ExportDialog(ImmediateRunner(world.schools["a"]), "principal", "all")
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_the_option_appears_only_once_a_template_arrived(qtbot: QtBot, world: County) -> None:
    dialog = _dialog(qtbot, world)
    assert not dialog.county_check.isVisible()
    assert dialog.template_check.isVisible()  # a file of one's own is still possible


def test_the_dialog_fills_the_template_the_county_sent(
        qtbot: QtBot, qapp: QApplication, world: County, tmp_path: Path) -> None:
    data = make_template(tmp_path / "县里的名单.xlsx").read_bytes()
    templates.set_template(world.county, data, "县里的名单.xlsx")
    world.round()
    load_cjk_font(qapp)
    dialog = _dialog(qtbot, world)
    assert dialog.county_check.isVisible() and dialog.county_check.isEnabled()
    assert dialog.county_check.text() == "按县里下发的模板填写"
    dialog.template_check.setChecked(True)
    dialog.county_check.setChecked(True)
    assert not dialog.template_check.isChecked()  # one or the other
    assert dialog.county_note.text() == "县里的名单.xlsx（第 1 版）"
    assert not dialog.county_combo.isVisible()  # one template: nothing to choose
    assert "县级模板" in dialog.path_edit.text()
    dialog.grab().save(str(tmp_path / "export-county-template.png"))

    assert dialog.export_button.isEnabled(), dialog.hint_label.text()
    with qtbot.waitSignal(dialog.exported) as done:
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    out = Path(done.args[0].file)
    ws = load_workbook(out).active
    assert ws["A1"].value == "某某县控辍保学学生名单" and ws["B2"].font.bold
    pupils = world.schools["a"].queries.count("all")
    assert ws.cell(row=3 + pupils - 1, column=1).value == pupils
    assert f"已导出 {pupils} 名学生" in dialog.status_label.text()
