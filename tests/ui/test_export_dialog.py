"""The export dialog writes the .xlsx the person chose, masked unless the role may see more.

A real demo school copied per test and the synchronous `ImmediateRunner`; the files written are
read back with openpyxl. The Documents folder and the file dialogs are the edges replaced.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook, load_workbook
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from dropout_ledger.ledger import Ledger
from dropout_ledger.model import identity
from ui.dialogs import export_dialog
from ui.dialogs.export_dialog import STATS, ExportDialog

HEADER_ROW = 3  # the core's layout: title, unit and date, header, then the pupils


@pytest.fixture
def runner(ledger: Ledger) -> Any:
    from ui.ops import ImmediateRunner

    return ImmediateRunner(ledger)


@pytest.fixture(autouse=True)
def documents(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Exports land in a Documents folder of the test's own."""
    folder = tmp_path / "文档"
    folder.mkdir()
    monkeypatch.setattr(export_dialog, "documents_folder", lambda: folder)
    return folder


def open_dialog(qtbot: QtBot, runner: Any, role: str = "principal", view: str = "all",
                search: str = "") -> ExportDialog:
    dialog = ExportDialog(runner, role, view, search)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def export(qtbot: QtBot, dialog: ExportDialog) -> Path:
    assert dialog.export_button.isEnabled(), dialog.hint_label.text()
    with qtbot.waitSignal(dialog.exported) as done:
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    return Path(done.args[0].file)


def pupil_rows(path: Path) -> tuple[list[Any], list[tuple[Any, ...]]]:
    """The header and the pupils' rows (those numbered in column A) of the first sheet."""
    rows = list(load_workbook(path, read_only=True).worksheets[0].values)
    header = list(rows[HEADER_ROW - 1])
    return header, [r for r in rows[HEADER_ROW:] if r and isinstance(r[0], int)]


def test_a_view_is_exported_with_every_pupil_and_masked_ids(
    qtbot: QtBot, runner: Any, ledger: Ledger, documents: Path
) -> None:
    dialog = open_dialog(qtbot, runner)
    today = ledger.clock.today().isoformat()
    assert Path(dialog.path_edit.text()) == documents / f"控辍保学名单-全部学生-{today}.xlsx"
    path = export(qtbot, dialog)

    header, rows = pupil_rows(path)
    assert len(rows) == ledger.queries.count("all")
    ids = [row[header.index("身份证号")] for row in rows]
    stored = {r.id_number for r in ledger.queries.iter_roster("all")}
    assert all("*" in number for number in ids) and not stored & set(ids)
    assert set(ids) == {identity.mask_id_number(number) for number in stored}
    assert "家庭经济困难类别" not in header
    assert f"已导出 {len(rows)} 名学生" in dialog.status_label.text()
    assert dialog.open_folder_button.isVisible()


def test_whole_ids_and_the_economic_category_only_for_a_role_that_may_export_them(
    qtbot: QtBot, runner: Any, ledger: Ledger
) -> None:
    for role, full, restricted in (("principal", True, True), ("registrar", True, False),
                                   ("", False, False)):
        dialog = open_dialog(qtbot, runner, role)
        assert dialog.full_ids_check.isVisibleTo(dialog) is full, role
        assert dialog.restricted_check.isVisibleTo(dialog) is restricted, role

    dialog = open_dialog(qtbot, runner, "principal", view="on-roll")
    dialog.full_ids_check.setChecked(True)
    dialog.restricted_check.setChecked(True)
    assert "完整的身份证号" in dialog.privacy_note.text()
    header, rows = pupil_rows(export(qtbot, dialog))
    stored = {r.id_number for r in ledger.queries.iter_roster("on-roll")}
    assert {row[header.index("身份证号")] for row in rows} == stored
    assert "家庭经济困难类别" in header


def test_a_role_without_the_right_to_export_lists_is_told_why_and_offered_the_statistics(
    qtbot: QtBot, runner: Any
) -> None:
    dialog = open_dialog(qtbot, runner, "class_teacher", view="all")
    assert dialog.role_note.isVisible() and "不能导出学生名单" in dialog.role_note.text()
    assert [dialog.view_combo.itemData(i) for i in range(dialog.view_combo.count())] == [STATS]
    assert not dialog.full_ids_check.isVisibleTo(dialog)
    path = export(qtbot, dialog)
    assert "控辍保学统计表" in path.name
    assert load_workbook(path, read_only=True).sheetnames[0] == "按年级统计"


def test_the_search_of_the_roster_limits_the_export_when_ticked(
    qtbot: QtBot, runner: Any, ledger: Ledger
) -> None:
    name = ledger.queries.roster("all", limit=1)[0].name
    dialog = open_dialog(qtbot, runner, view="all", search=name)
    found = ledger.queries.count("all", search=name)
    assert dialog.search_check.isChecked() and f"找到的 {found} 名学生" in dialog.search_check.text()
    _header, rows = pupil_rows(export(qtbot, dialog))
    assert len(rows) == found and rows[0][1] == name


def test_the_file_name_follows_the_content_and_never_replaces_an_earlier_export(
    qtbot: QtBot, runner: Any, ledger: Ledger, documents: Path
) -> None:
    today = ledger.clock.today().isoformat()
    dialog = open_dialog(qtbot, runner)
    dialog.view_combo.setCurrentIndex(dialog.view_combo.findData("suspected"))
    first = documents / f"控辍保学名单-疑似辍学学生-{today}.xlsx"
    assert Path(dialog.path_edit.text()) == first
    assert export(qtbot, dialog) == first
    assert Path(dialog.path_edit.text()) == documents / f"控辍保学名单-疑似辍学学生-{today}（2）.xlsx"
    assert dialog.close_button.text() == "关闭"


def test_a_county_template_is_filled_from_its_first_data_row(
    qtbot: QtBot, runner: Any, ledger: Ledger, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ledger.settings.set_profile(
        county_template_header_row=2, county_template_first_row=3,
        county_template_columns=[{"code": "seq", "label": "A"}, {"code": "name", "label": "B"},
                                 {"code": "xjh", "label": "C"}])
    book = Workbook()
    book.active.append(["某县控辍保学名单"])
    book.active.append(["序号", "学生姓名", "学籍号"])
    template = tmp_path / "县级模板.xlsx"
    book.save(template)
    dialog = open_dialog(qtbot, runner, view="dropped")
    dialog.template_check.setChecked(True)
    assert not dialog.export_button.isEnabled() and "模板" in dialog.hint_label.text()
    monkeypatch.setattr(export_dialog.QFileDialog, "getOpenFileName",
                        lambda *args, **kwargs: (str(template), ""))
    qtbot.mouseClick(dialog.template_button, Qt.MouseButton.LeftButton)
    path = export(qtbot, dialog)

    assert "县级模板" in path.name
    rows = list(load_workbook(path, read_only=True).worksheets[0].values)[2:]
    dropped = list(ledger.queries.iter_roster("dropped"))
    assert dropped and [r[1] for r in rows if r and r[1]] == [p.name for p in dropped]
    assert all("*" in r[2] for r in rows if r and r[2])
