"""The print dialog prints through the core: the written PDF, the audit event, the refusals.

A real demo school copied per test and the synchronous `ImmediateRunner`. Three edges where
the app waits for a person or another program are recorded instead: the message box, the save
file dialog and the system PDF viewer (QDesktopServices.openUrl).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pypdf
import pytest
from boxes import Boxes
from PySide6.QtCore import QStandardPaths, Qt, QUrl
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from dropout_ledger import canonical
from dropout_ledger.ledger import Ledger
from dropout_ledger.printing import FORMS
from ui.dialogs import print_dialog
from ui.dialogs.print_dialog import PrintDialog
from ui.ops import ImmediateRunner


@pytest.fixture(autouse=True)
def own_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The remembered folder goes to this test's own settings file, not the user's."""
    monkeypatch.setenv("DROPOUT_LEDGER_HOME", str(tmp_path / "home"))


@pytest.fixture
def runner(ledger: Ledger) -> ImmediateRunner:
    return ImmediateRunner(ledger)


class SaveAs:
    """Stands in for QFileDialog.getSaveFileName: answers `answer`, records what was offered."""

    def __init__(self, answer: Path | None) -> None:
        self.answer, self.offered = answer, ""

    def __call__(self, parent: Any, title: str, offered: str, filters: str) -> tuple[str, str]:
        self.offered = offered
        return (str(self.answer) if self.answer else "", filters)


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Files the dialog asked the system to open."""
    urls: list[Path] = []

    def open_url(url: QUrl) -> bool:
        urls.append(Path(url.toLocalFile()))
        return True

    monkeypatch.setattr(print_dialog.QDesktopServices, "openUrl", open_url)
    return urls


def save_as(monkeypatch: pytest.MonkeyPatch, answer: Path | None) -> SaveAs:
    fake = SaveAs(answer)
    monkeypatch.setattr(print_dialog.QFileDialog, "getSaveFileName", fake)
    return fake


def open_dialog(qtbot: QtBot, runner: ImmediateRunner, role: str = "",
                student_id: str | None = None) -> PrintDialog:
    dialog = PrintDialog(runner, role, student_id)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def audits(ledger: Ledger) -> list[dict[str, Any]]:
    rows = ledger.conn.execute("SELECT body FROM events WHERE kind = 'audit' ORDER BY lc")
    return [canonical.decode(row[0]) for row in rows]


def text_of(path: Path) -> str:
    return "".join(page.extract_text() for page in pypdf.PdfReader(path).pages)


def test_saving_the_ledger_writes_the_pdf_where_asked(
    qtbot: QtBot, runner: ImmediateRunner, ledger: Ledger, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    target = tmp_path / "out" / "台账"
    target.parent.mkdir()
    fake = save_as(monkeypatch, target)
    dialog = open_dialog(qtbot, runner)
    results: list[Any] = []
    dialog.printed.connect(results.append)
    assert dialog.form() == "ledger" and dialog.save_button.isEnabled()
    assert not dialog.period_edit.isVisibleTo(dialog)
    assert not dialog.pupil_edit.isVisibleTo(dialog)
    assert dialog.view_combo.isVisibleTo(dialog)

    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    today = ledger.clock.today().isoformat()
    assert fake.offered == str(Path(documents) / f"控辍保学台账-{today}.pdf")
    written = target.with_name("台账.pdf")  # .pdf added to a name typed without it
    assert written.exists() and ledger.org.name in text_of(written)
    assert audits(ledger)[-1]["form"] == "ledger" and audits(ledger)[-1]["file"] == "台账.pdf"
    assert results and results[0].file == written
    assert str(written) in dialog.done_label.text()
    # the next save starts in the folder used last
    dialog.save_as()
    assert fake.offered == str(written.parent / f"控辍保学台账-{today}.pdf")


def test_cancelling_the_file_dialog_prints_nothing(
    qtbot: QtBot, runner: ImmediateRunner, ledger: Ledger, monkeypatch: pytest.MonkeyPatch,
) -> None:
    save_as(monkeypatch, None)
    dialog = open_dialog(qtbot, runner)
    dialog.save_as()
    assert audits(ledger) == [] and dialog.done_label.text() == ""


def test_preview_opens_a_temporary_pdf_in_the_viewer(
    qtbot: QtBot, runner: ImmediateRunner, ledger: Ledger, opened: list[Path],
) -> None:
    dialog = open_dialog(qtbot, runner)
    dialog.select_form("checklist")
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    assert len(opened) == 1 and opened[0].suffix == ".pdf" and opened[0].exists()
    text = text_of(opened[0])
    assert ledger.org.name in text and "劝返清单" in text
    assert audits(ledger)[-1]["form"] == "checklist"  # a preview can be printed: it is logged
    assert "PDF" in dialog.done_label.text()


def test_a_pupils_page_opens_it_for_that_pupil(
    qtbot: QtBot, runner: ImmediateRunner, ledger: Ledger, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    pupil = ledger.queries.roster("dropped", limit=1)[0]
    fake = save_as(monkeypatch, tmp_path / "notice.pdf")
    dialog = open_dialog(qtbot, runner, student_id=pupil.student_id)
    assert dialog.form() == "register" and dialog.pupil_edit.text() == pupil.name
    assert dialog.pupil() is not None and dialog.pupil().student_id == pupil.student_id
    dialog.select_form("notice")
    assert dialog.pupil_edit.isVisibleTo(dialog) and not dialog.view_combo.isVisibleTo(dialog)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert pupil.name in fake.offered and fake.offered.endswith(".pdf")
    text = text_of(tmp_path / "notice.pdf")
    assert "劝返复学通知书" in text and pupil.name in text and ledger.org.name in text
    assert audits(ledger)[-1]["student"] == pupil.student_id


def test_a_pupil_is_found_by_typing_the_id_number(
    qtbot: QtBot, runner: ImmediateRunner, ledger: Ledger, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    pupil = ledger.queries.roster("dropped", limit=1)[0]
    dialog = open_dialog(qtbot, runner)
    dialog.select_form("dossier")
    assert not dialog.save_button.isEnabled()
    assert "请选择学生" in dialog.hint_label.text()
    QTest.keyClicks(dialog.pupil_edit, "000")  # no such number
    assert "找不到“000”" in dialog.hint_label.text() and not dialog.preview_button.isEnabled()
    dialog.pupil_edit.clear()
    QTest.keyClicks(dialog.pupil_edit, pupil.id_number)
    assert dialog.pupil() is not None and dialog.pupil().student_id == pupil.student_id
    assert dialog.save_button.isEnabled() and dialog.hint_label.text() == ""
    save_as(monkeypatch, tmp_path / "d.pdf")
    dialog.save_as()
    assert pupil.name in text_of(tmp_path / "d.pdf")


def test_a_name_lists_every_pupil_who_has_it(
    qtbot: QtBot, runner: ImmediateRunner, ledger: Ledger,
) -> None:
    name = ledger.queries.roster("all", limit=1)[0].name
    surname = name[0]
    dialog = open_dialog(qtbot, runner)
    dialog.select_form("pairing")
    dialog.pupil_edit.setText(surname)
    dialog.pupil_edit.textEdited.emit(surname)  # as typed with an input method
    assert dialog.pupil_combo.count() == len(dialog.pupils) >= 1
    assert all(p.name.startswith(surname) or surname in p.name for p in dialog.pupils)
    assert dialog.pupil_combo.isVisibleTo(dialog)


def test_the_monthly_report_takes_the_chosen_month(
    qtbot: QtBot, runner: ImmediateRunner, ledger: Ledger, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    dialog = open_dialog(qtbot, runner)
    dialog.select_form("report")
    assert dialog.period_edit.isVisibleTo(dialog) and not dialog.view_combo.isVisibleTo(dialog)
    today = ledger.clock.today()
    assert dialog.request().period == today.strftime("%Y-%m")
    dialog.period_edit.setDate(dialog.period_edit.date().addYears(-3))
    save_as(monkeypatch, tmp_path / "r.pdf")
    dialog.save_as()
    text = text_of(tmp_path / "r.pdf").replace("\n", "")
    assert f"{today.year - 3}年{today.month}月" in text and "零报告" in text


def test_a_refusal_is_the_runners_chinese_dialog_and_leaves_no_file(
    qtbot: QtBot, runner: ImmediateRunner, ledger: Ledger, boxes: Boxes, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    enrolled = next(r for r in ledger.queries.iter_roster("on-roll") if r.status == "enrolled")
    save_as(monkeypatch, tmp_path / "n.pdf")
    dialog = open_dialog(qtbot, runner, student_id=enrolled.student_id)
    dialog.select_form("notice")
    dialog.save_as()
    assert boxes.shown and "不是疑似辍学或辍学学生" in boxes.shown[-1][1]
    assert not (tmp_path / "n.pdf").exists() and audits(ledger) == []
    assert dialog.save_button.isEnabled() and not dialog.busy  # ready to try another form


def test_whole_ids_are_offered_only_to_a_role_that_may_see_them(
    qtbot: QtBot, runner: ImmediateRunner,
) -> None:
    assert not open_dialog(qtbot, runner, role="").full_ids_check.isVisibleTo(None)
    assert not open_dialog(qtbot, runner, role="class_teacher").full_ids_check.isVisibleTo(None)
    principal = open_dialog(qtbot, runner, role="principal")
    assert principal.full_ids_check.isVisible()
    principal.full_ids_check.setChecked(True)
    assert principal.request().full_ids


def test_every_form_is_offered_with_its_options(qtbot: QtBot, runner: ImmediateRunner) -> None:
    dialog = open_dialog(qtbot, runner)
    offered = [dialog.form_combo.itemData(i) for i in range(dialog.form_combo.count())]
    assert offered == [name for name, spec in FORMS.items() if spec.ledger_kind != "county"]
    dialog.select_form("letters")
    views = [dialog.view_combo.itemData(i) for i in range(dialog.view_combo.count())]
    assert views[0] == "" and "all" in views
    assert dialog.view_combo.itemText(0) == "本学期获得资助的家庭"
    assert dialog.period_edit.isVisibleTo(dialog)
