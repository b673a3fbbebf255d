"""U盘同步, 加入县级台账, 同步冲突与更正 and county mode on screen, against real ledgers.

A county and a school are made in tmp_path with the core's own functions (enrol, join,
confirm, export, import: tests/sync/test_exchange.py does the same through the CLI); a folder
stands in for the USB stick. Every assertion is about what the ledger stored or what the
person sees.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from boxes import Boxes
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMenu, QPushButton
from pytestqt.qtbot import QtBot

from dropout_ledger.clock import FrozenClock
from dropout_ledger.ledger import Ledger
from dropout_ledger.store.events import Operator
from dropout_ledger.sync import drives, enrol, exporter, importer, keys
from dropout_ledger.synthetic import SyntheticFactory
from ui.dialogs.conflict_dialog import ConflictDialog
from ui.dialogs.county_dialogs import ConfirmSchoolDialog, EnrollSchoolDialog
from ui.dialogs.join_dialog import JoinDialog
from ui.dialogs.print_dialog import PrintDialog
from ui.dialogs.sync_dialog import SyncDialog
from ui.main_window import MainWindow
from ui.ops import ImmediateRunner
from ui.sync_ui import SyncUi, install_sync_ui
from ui.views.today_view import KIND_ROLE

COUNTY_CODE, SCHOOL_CODE, SCHOOL_NAME = "524821", "2152482101", "坪坝镇中心学校"
PRINCIPAL = Operator(id="p", name="王校长", role="principal")
CLERK = Operator(id="c", name="张科员", role="county_clerk")
NOW = dt.datetime(2026, 11, 22, 10, 0)
FULL_ID = re.compile(r"\d{17}[\dXx]")


@dataclass
class World:
    county: Ledger
    school: Ledger
    clock: FrozenClock
    stick: Path
    pupils: list[str]


def make_world(tmp_path: Path, *, joined: bool = True, code: str = SCHOOL_CODE) -> World:
    clock = FrozenClock(NOW)
    county = Ledger.create(tmp_path / "county" / "county.sqlite", kind="county",
                           code=COUNTY_CODE, name="示例县教育局", clock=clock, operator=CLERK)
    school = Ledger.create(tmp_path / "school" / "school.sqlite", kind="school",
                           code=code, name=SCHOOL_NAME, county_code=COUNTY_CODE,
                           clock=clock, operator=PRINCIPAL)
    factory = SyntheticFactory(seed=21)
    pupils = [school.students.add(factory.student(grade=3 + i % 3, today=clock.today()),
                                  effective_date="2025-09-01").created[0] for i in range(4)]
    if joined:
        data, county_digits = enrol.enroll_school(county, code, SCHOOL_NAME)
        own = enrol.join(school, data, county_digits)
        enrol.confirm_school(county, code, own)
    stick = tmp_path / "stick"
    stick.mkdir()
    return World(county, school, clock, stick, pupils)


@pytest.fixture
def world(tmp_path: Path) -> Iterator[World]:
    made = make_world(tmp_path)
    yield made
    made.county.close()
    made.school.close()


def stick_drives(world: World) -> list[drives.Drive]:
    return [drives.Drive(world.stick, "TESTSTICK", 3 * 1024 ** 3)]


def sync_dialog(qtbot: QtBot, ledger: Ledger, world: World) -> SyncDialog:
    dialog = SyncDialog(ImmediateRunner(ledger), find_drives=lambda: stick_drives(world))
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def column(dialog: SyncDialog, col: int) -> list[str]:
    return [dialog.table.item(r, col).text() for r in range(dialog.table.rowCount())]


def exchange(world: World) -> None:
    """School → county → school once (through another stick), so each holds the other's events."""
    there = world.stick.parent / "there"
    there.mkdir(exist_ok=True)
    for path in [e.path for e in exporter.export(world.school, there)]:
        importer.import_files(world.county, [path])
    back = world.stick.parent / "back"
    back.mkdir(exist_ok=True)
    for path in [e.path for e in exporter.export(world.county, back)]:
        importer.import_files(world.school, [path])


def clash(world: World, field: str, mine: str, theirs: str) -> str:
    """The school and the county change one pupil's field differently; the county's comes back."""
    exchange(world)
    pupil = world.pupils[0]
    world.school.students.edit(pupil, {field: mine})
    world.county.students.edit(pupil, {field: theirs})
    back = world.stick.parent / "back2"
    back.mkdir(exist_ok=True)
    for written in exporter.export(world.county, back):
        assert importer.import_files(world.school, [written.path])[0].accepted
    return pupil


# --- drives and the package list -----------------------------------------------------------


def test_the_stick_lists_each_package_with_what_it_means_here(qtbot: QtBot, world: World,
                                                              tmp_path: Path) -> None:
    exchange(world)
    world.county.students.edit(world.pupils[1], {"address": "石门村五组"})
    for_us = exporter.export(world.county, world.stick)[0].path
    mine = exporter.export(world.school, world.stick)[0].path
    (world.stick / "DL_S2152482101_20261122_abcd.dlpkg.tmp-1234").write_bytes(b"DLPK")
    cut = world.stick / "DL_C524821_20261122_cut0.dlpkg"
    cut.write_bytes(for_us.read_bytes()[:-100])
    dialog = sync_dialog(qtbot, world.school, world)
    assert "TESTSTICK" in dialog.drive_combo.currentText()
    states = dict(zip(column(dialog, 5), column(dialog, 0), strict=True))
    assert states == {for_us.name: "待导入", mine.name: "本单位导出",
                      cut.name: "无法读取", "DL_S2152482101_20261122_abcd.dlpkg.tmp-1234": "无法读取"}
    assert column(dialog, 0)[0] == "待导入"  # what to import comes first
    row = column(dialog, 5).index(for_us.name)
    assert dialog.table.item(row, 1).text() == "示例县教育局（524821）"
    assert dialog.table.item(row, 2).text() == "本单位"
    assert dialog.table.item(row, 3).text() == "2026-11-22 10:00"
    tip = dialog.table.item(row, 0).toolTip()
    assert "示例县教育局（524821）于 2026-11-22 10:00 写给本单位" in tip and "尚未导入" in tip
    assert "拔U盘太早" in dialog.table.item(column(dialog, 5).index(cut.name), 0).toolTip()
    assert dialog.import_button.text() == "导入（1 个）" and dialog.import_button.isEnabled()


def test_a_package_for_another_school_is_listed_but_not_imported(qtbot: QtBot, world: World,
                                                                 tmp_path: Path) -> None:
    other = make_world(tmp_path / "other", code="2152482102")
    try:
        exporter.export(other.school, world.stick)  # written by the other world's school
        dialog = sync_dialog(qtbot, world.school, world)
        assert column(dialog, 0) == ["发给其他单位"]
        assert "不是发给本单位的" in dialog.table.item(0, 0).toolTip()
        assert not dialog.import_button.isEnabled()
    finally:
        other.county.close()
        other.school.close()


# --- export and import ----------------------------------------------------------------------


def test_export_writes_to_the_stick_and_says_how_to_unplug(qtbot: QtBot, world: World) -> None:
    dialog = sync_dialog(qtbot, world.school, world)
    assert "示例县教育局" in dialog.side_label.text()
    assert "还没有导出过" in dialog.side_label.text()
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    written = sorted(world.stick.glob("*.dlpkg"))
    assert len(written) == 1 and written[0].name.startswith("DL_S2152482101_20261122_")
    assert dialog.status_label.text() == "已写入，请等待提示后再拔U盘；拔出前请使用“安全弹出”。"
    assert written[0].name in dialog.report_box.toPlainText()
    assert column(dialog, 0) == ["本单位导出"]
    assert "上次导出：2026-11-22 10:00" in dialog.side_label.text()
    stored = world.school.conn.execute("SELECT count(*) FROM exported_packages").fetchone()[0]
    assert stored == 1


def test_export_before_joining_is_disabled_with_the_reason(qtbot: QtBot, tmp_path: Path) -> None:
    alone = make_world(tmp_path, joined=False)
    try:
        dialog = sync_dialog(qtbot, alone.school, alone)
        assert not dialog.export_button.isEnabled()
        assert "尚未加入县级台账" in dialog.export_button.toolTip()
        assert "尚未加入县级台账" in dialog.side_label.text()
    finally:
        alone.county.close()
        alone.school.close()


def test_importing_a_county_package_shows_the_merge_report(qtbot: QtBot, world: World) -> None:
    exchange(world)
    pupil = world.pupils[1]
    world.county.students.edit(pupil, {"address": "石门村五组"})
    exporter.export(world.county, world.stick)
    dialog = sync_dialog(qtbot, world.school, world)
    with qtbot.waitSignal(dialog.imported):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert world.school.queries.student(pupil)["address"] == "石门村五组"
    report = dialog.report_box.toPlainText()
    assert "已导入" in report and "来自示例县教育局（C:524821）" in report
    assert "更改家庭住址" in report and "报告已保存" in report
    assert column(dialog, 0) == ["已导入"]
    assert dialog.status_label.text() == "导入完成：1 个同步文件已导入。"
    assert not dialog.import_button.isEnabled()


def test_the_countys_receipts_are_shown_to_a_school_only(qtbot: QtBot, world: World) -> None:
    dialog = sync_dialog(qtbot, world.school, world)
    assert dialog.receipts_button.isVisible()
    qtbot.mouseClick(dialog.receipts_button, Qt.MouseButton.LeftButton)
    assert "还没有回执" in dialog.report_box.toPlainText()
    exchange(world)
    qtbot.mouseClick(dialog.receipts_button, Qt.MouseButton.LeftButton)
    lines = dialog.report_box.toPlainText().splitlines()
    assert len(lines) == 2 and "示例县教育局确认已收到本校记录" in lines[1]
    assert "核对一致" in lines[1]
    county = sync_dialog(qtbot, world.county, world)
    assert not county.receipts_button.isVisible()


def test_a_refused_package_says_why_and_that_nothing_changed(qtbot: QtBot, world: World) -> None:
    exchange(world)
    world.county.students.edit(world.pupils[1], {"address": "石门村五组"})
    path = exporter.export(world.county, world.stick)[0].path
    data = bytearray(path.read_bytes())
    data[-100] ^= 0x01  # one bit flipped in the payload: the header still reads
    path.write_bytes(bytes(data))
    before = world.school.conn.execute("SELECT count(*) FROM events").fetchone()[0]
    dialog = sync_dialog(qtbot, world.school, world)
    assert column(dialog, 0) == ["待导入"]  # only the import's checks find the damage
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    report = dialog.report_box.toPlainText()
    assert "没有导入" in report and "文件已损坏" in report and "台账没有任何改动" in report
    assert "1 个没有导入" in dialog.status_label.text()
    assert world.school.conn.execute("SELECT count(*) FROM events").fetchone()[0] == before


def test_a_chosen_folder_stands_in_for_the_stick(qtbot: QtBot, world: World,
                                                 tmp_path: Path) -> None:
    dialog = SyncDialog(ImmediateRunner(world.school), find_drives=list)
    qtbot.addWidget(dialog)
    assert "没有找到U盘" in dialog.drive_combo.currentText()
    assert not dialog.export_button.isEnabled()
    folder = tmp_path / "共享文件夹"
    folder.mkdir()
    dialog.add_folder(folder)
    assert dialog.folder() == folder and dialog.export_button.isEnabled()
    dialog.refresh_drives()  # a chosen folder stays on offer
    assert dialog.folder() == folder


# --- joining --------------------------------------------------------------------------------


@pytest.fixture
def unjoined(tmp_path: Path) -> Iterator[tuple[World, Path, str]]:
    """A school that has not joined, and the enrolment file its county made for it."""
    made = make_world(tmp_path, joined=False)
    data, digits = enrol.enroll_school(made.county, SCHOOL_CODE, SCHOOL_NAME)
    file = made.stick / "入网文件.dlpkg"
    file.write_bytes(data)
    yield made, file, digits
    made.county.close()
    made.school.close()


def test_join_checks_the_digits_group_by_group(qtbot: QtBot, unjoined) -> None:
    made, file, digits = unjoined
    dialog = JoinDialog(ImmediateRunner(made.school))
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.join_button.isEnabled()
    dialog.open_file(file)
    assert "示例县教育局（代码 524821）" in dialog.county_label.text()
    plain = digits.replace(" ", "")
    assert dialog.file_fingerprint.text().replace(" ", "") == plain
    assert len(dialog.file_fingerprint.text().split()) == 6
    dialog.digits_edit.setText(plain[:10])
    assert "已核对 2 组" in dialog.hint_label.text() and not dialog.join_button.isEnabled()
    wrong = plain[:10] + ("1" if plain[10] != "1" else "2") + plain[11:]
    dialog.digits_edit.setText(wrong)
    assert "第 3 组" in dialog.hint_label.text() and "打电话" in dialog.hint_label.text()
    assert "不要继续" in dialog.hint_label.text()
    assert not dialog.join_button.isEnabled()
    dialog.digits_edit.setText("我" + plain)
    assert "只能输入数字" in dialog.hint_label.text() and not dialog.join_button.isEnabled()
    dialog.digits_edit.setText("".join(chr(ord(c) + 0xFEE0) for c in plain))  # full width
    assert dialog.join_button.isEnabled()
    dialog.digits_edit.setText(digits)
    assert dialog.hint_label.text() == "六组数字全部一致。" and dialog.join_button.isEnabled()
    assert enrol.county_status(made.school) is None  # nothing written yet


def test_joining_shows_our_fingerprint_and_offers_the_receipt(qtbot: QtBot, unjoined) -> None:
    made, file, digits = unjoined
    dialog = JoinDialog(ImmediateRunner(made.school))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.open_file(file)
    dialog.digits_edit.setText(digits.replace(" ", "-"))
    with qtbot.waitSignal(dialog.joined):
        qtbot.mouseClick(dialog.join_button, Qt.MouseButton.LeftButton)
    county = enrol.county_status(made.school)
    assert county is not None and county.fingerprint == digits and county.method == "fingerprint"
    assert dialog.pages.currentIndex() == 1
    own = keys.load(made.school)
    assert own is not None
    assert dialog.own_fingerprint.text().split() == own.public.fingerprint().split()
    with qtbot.waitSignal(dialog.print_receipt):
        qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)


def test_an_enrolment_file_for_another_school_is_refused(qtbot: QtBot, unjoined,
                                                         boxes: Boxes) -> None:
    made, _file, _digits = unjoined
    data, _ = enrol.enroll_school(made.county, "2152482102", "乙村小学")
    other = made.stick / "乙.dlpkg"
    other.write_bytes(data)
    dialog = JoinDialog(ImmediateRunner(made.school))
    qtbot.addWidget(dialog)
    dialog.open_file(other)
    assert boxes.shown and "不是发给本单位的" in boxes.shown[0][1]
    assert dialog.file is None and not dialog.join_button.isEnabled()


# --- conflicts ------------------------------------------------------------------------------


def conflict_dialog(qtbot: QtBot, ledger: Ledger) -> ConflictDialog:
    dialog = ConflictDialog(ImmediateRunner(ledger))
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def labels(widget) -> list[str]:
    return [label.text() for label in widget.findChildren(QLabel)]


def buttons(widget) -> dict[str, QPushButton]:
    return {b.text(): b for b in widget.findChildren(QPushButton)}


def test_a_field_conflict_shows_both_sides_and_resolving_removes_it(qtbot: QtBot,
                                                                    world: World) -> None:
    pupil = clash(world, "address", "石门村二组", "石门村三组")
    assert world.school.conflicts.count() == 1
    dialog = conflict_dialog(qtbot, world.school)
    [card] = dialog.cards.values()
    texts = labels(card)
    assert "家庭住址" in texts and "石门村二组" in texts and "石门村三组" in texts
    assert "本校填写（当前显示）" in texts or "县教育局填写（当前显示）" in texts
    assert "王校长 · 本机时间 2026-11-22 10:00" in texts
    assert "张科员 · 本机时间 2026-11-22 10:00" in texts
    name = world.school.queries.student(pupil)["name"]
    assert any(t.startswith(name) for t in labels(dialog.inner))
    assert "待核对 1 项，涉及学生 1 人。" == dialog.summary_label.text()
    qtbot.mouseClick(buttons(card)["采用县教育局"], Qt.MouseButton.LeftButton)
    assert world.school.conflicts.count() == 0
    assert world.school.queries.student(pupil)["address"] == "石门村三组"
    assert not dialog.cards and "没有待核对的项目。" in labels(dialog.inner)


def test_another_value_and_later(qtbot: QtBot, world: World, monkeypatch) -> None:
    pupil = clash(world, "address", "石门村二组", "石门村三组")
    dialog = conflict_dialog(qtbot, world.school)
    [card] = dialog.cards.values()
    qtbot.mouseClick(buttons(card)["稍后"], Qt.MouseButton.LeftButton)
    assert not dialog.cards and world.school.conflicts.count() == 1
    dialog = conflict_dialog(qtbot, world.school)  # opened again: it is back
    [card] = dialog.cards.values()
    monkeypatch.setattr(dialog, "ask_text", lambda title, prompt: "石门村四组")
    qtbot.mouseClick(buttons(card)["改为其他…"], Qt.MouseButton.LeftButton)
    assert world.school.queries.student(pupil)["address"] == "石门村四组"
    assert world.school.conflicts.count() == 0


def test_a_county_correction_is_a_notice_with_dispute(qtbot: QtBot, world: World,
                                                      monkeypatch) -> None:
    pupil = clash(world, "name", "王小明", "王晓明")
    dialog = conflict_dialog(qtbot, world.school)
    [view] = [v for v in dialog.shown_views()]
    assert view.kind == "override"
    [card] = dialog.cards.values()
    assert "县教育局已将姓名更正为 王晓明（原填 王小明）" in labels(card)
    assert set(buttons(card)) == {"知道了", "提出异议…", "稍后"}
    monkeypatch.setattr(dialog, "ask_text", lambda title, prompt: "户口本上是“小明”")
    qtbot.mouseClick(buttons(card)["提出异议…"], Qt.MouseButton.LeftButton)
    [card] = dialog.cards.values()
    assert any("提出异议" in t and "等待县教育局答复" in t for t in labels(card))
    assert world.school.conflicts.count() == 1  # a dispute changes no data
    note = world.school.conn.execute(
        "SELECT count(*) FROM events WHERE kind = 'audit'"
        " AND instr(CAST(body AS TEXT), '户口本') > 0").fetchone()[0]
    assert note == 1
    qtbot.mouseClick(buttons(card)["知道了"], Qt.MouseButton.LeftButton)
    assert world.school.conflicts.count() == 0
    assert world.school.queries.student(pupil)["name"] == "王晓明"


def test_the_county_answers_a_dispute_and_the_school_reads_the_answer(
        qtbot: QtBot, world: World) -> None:
    from dropout_ledger.services import disputes
    from ui.dialogs.disputes_dialog import DisputesDialog
    from ui.dialogs.notices_dialog import NoticesDialog

    pupil = clash(world, "name", "王小明", "王晓明")
    disputes.dispute(world.school, f"student:{pupil}", "name", "户口本上是“小明”")
    there = world.stick.parent / "dispute"
    there.mkdir()
    for written in exporter.export(world.school, there):
        assert importer.import_files(world.county, [written.path])[0].accepted
    dialog = DisputesDialog(ImmediateRunner(world.county))
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.table.rowCount() == 1
    row = [dialog.table.item(0, c).text() for c in range(dialog.table.columnCount())]
    assert row[2:] == ["王晓明", "姓名", "王晓明", "王小明", "户口本上是“小明”"]
    assert not dialog.accept_button.isEnabled() and "请先写答复" in dialog.why_not.text()
    dialog.reply.setPlainText("已核对户口本，按学校意见更正")
    assert dialog.accept_button.isEnabled() and dialog.uphold_button.isEnabled()
    qtbot.mouseClick(dialog.accept_button, Qt.MouseButton.LeftButton)
    assert dialog.table.rowCount() == 0 and "没有等待答复" in dialog.summary.text()
    assert world.county.queries.student(pupil)["name"] == "王小明"

    back = world.stick.parent / "answer"
    back.mkdir()
    for written in exporter.export(world.county, back):
        importer.import_files(world.school, [written.path])
    assert world.school.queries.student(pupil)["name"] == "王小明"
    notices = NoticesDialog(ImmediateRunner(world.school))
    qtbot.addWidget(notices)
    texts = [notices.table.item(r, 2).text() for r in range(notices.table.rowCount())]
    assert any("采纳了本校对王小明“姓名”的异议" in t for t in texts)
    assert "异议答复" in [notices.table.item(r, 1).text() for r in range(notices.table.rowCount())]


def test_the_clerk_revokes_a_school_key_after_a_second_question(qtbot: QtBot,
                                                                 world: World) -> None:
    from dropout_ledger.sync import enrol, keys
    from ui.dialogs.revoke_dialog import RevokeDialog

    exchange(world)
    digits = keys.ensure(world.school).public.fingerprint()
    dialog = RevokeDialog(ImmediateRunner(world.county))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.select(SCHOOL_CODE)
    assert dialog.table.rowCount() == 1 and dialog.table.item(0, 0).text() == digits
    assert dialog.table.item(0, 1).text() == "已确认" and not dialog.revoke_button.isEnabled()
    dialog.table.selectRow(0)
    asked: list[str] = []
    dialog.confirm = lambda key: asked.append(key.fingerprint) is not None  # 否: nothing happens
    qtbot.mouseClick(dialog.revoke_button, Qt.MouseButton.LeftButton)
    assert asked == [digits] and enrol.active_school_keys(world.county, SCHOOL_CODE) == 1
    dialog.confirm = lambda key: True
    qtbot.mouseClick(dialog.revoke_button, Qt.MouseButton.LeftButton)
    assert enrol.active_school_keys(world.county, SCHOOL_CODE) == 0
    assert dialog.table.item(0, 1).text() == "已注销" and "没有已确认的密钥" in dialog.done_label.text()


def test_id_numbers_are_masked_for_a_class_teacher(qtbot: QtBot, world: World) -> None:
    pupil = world.pupils[0]
    student = world.school.queries.student(pupil)
    factory = SyntheticFactory(5)
    birth = dt.date.fromisoformat(student["birth_date"])
    first, second = (factory.fake_id_number(birth, student["sex"]) for _ in range(2))
    exchange(world)
    world.school.students.edit(pupil, {"id_number": first})
    world.county.students.edit(pupil, {"id_number": second})
    back = world.stick.parent / "ids"
    back.mkdir()
    importer.import_files(world.school, [e.path for e in exporter.export(world.county, back)])
    world.school.operator = Operator(id="t", name="杨老师", role="class_teacher")
    dialog = conflict_dialog(qtbot, world.school)
    shown = " ".join(labels(dialog.inner))
    assert not FULL_ID.search(shown) and first[:6] + "********" + first[-4:] in shown


# --- the main window ------------------------------------------------------------------------


def window_for(qtbot: QtBot, ledger: Ledger) -> tuple[MainWindow, SyncUi]:
    window = MainWindow(ledger, runner=ImmediateRunner(ledger))
    qtbot.addWidget(window)
    return window, install_sync_ui(window)


def menu_titles(window: MainWindow) -> list[str]:
    return [a.text() for a in window.menuBar().actions()]


def test_a_school_window_has_sync_and_join_but_no_county_menu(qtbot: QtBot, world: World) -> None:
    window, ui = window_for(qtbot, world.school)
    assert "县级" not in menu_titles(window)
    files = next(a.menu() for a in window.menuBar().actions() if a.text() == "文件")
    texts = [a.text() for a in files.actions()]
    assert texts.index("U盘同步…") == texts.index("备份与恢复…") + 1
    assert texts.index("加入县级台账…") == texts.index("U盘同步…") + 1
    assert ui.sync_action.shortcut().toString() == "Ctrl+Shift+U"
    assert not ui.conflict_button.isVisible() and ui.conflict_button.isHidden()


def test_the_county_menu_only_on_a_county_ledger(qtbot: QtBot, world: World,
                                                 tmp_path: Path) -> None:
    window, ui = window_for(qtbot, world.county)
    titles = menu_titles(window)
    assert titles.index("县级") == titles.index("设置") - 1
    county = window.findChild(QMenu, "county_menu")
    assert [a.text() for a in county.actions() if a.text()] == [
        "登记学校（制作入网文件）…", "确认学校密钥…", "注销学校密钥…", "学校异议…",
        "打印县级密钥说明单…"]
    assert ui.join_action is None
    opened: list[Path] = []
    ui.open_file = lambda path: opened.append(path) or True
    ui.print_keysheet(folder=tmp_path)
    assert opened and opened[0].read_bytes().startswith(b"%PDF")


def test_the_status_bar_counts_conflicts_and_opens_the_list(qtbot: QtBot, world: World) -> None:
    clash(world, "address", "石门村二组", "石门村三组")
    window, ui = window_for(qtbot, world.school)
    window.show()
    assert ui.conflict_button.isVisible() and ui.conflict_button.text() == "⚠ 待核对 1"
    qtbot.mouseClick(ui.conflict_button, Qt.MouseButton.LeftButton)
    dialog = ui.last_dialog
    assert isinstance(dialog, ConflictDialog)
    [card] = dialog.cards.values()
    qtbot.mouseClick(buttons(card)["采用本校"], Qt.MouseButton.LeftButton)
    assert not ui.conflict_button.isVisible()


def test_the_weekly_reminder_opens_sync_and_goes_after_export(qtbot: QtBot, world: World,
                                                               monkeypatch) -> None:
    window, ui = window_for(qtbot, world.school)
    monkeypatch.setattr(drives, "removable_drives", lambda: stick_drives(world))
    kinds = [i.kind for i in window.today.items]
    assert "sync_export" in kinds
    row = next(r for r in range(window.today.table.rowCount())
               if window.today.table.item(r, 0).data(KIND_ROLE) == "sync_export")
    assert window.today.table.item(row, 0).text() == "U盘同步"
    assert window.today.table.item(row, 3).text().startswith("每周导出同步文件：")
    window.today.table.doubleClicked.emit(window.today.table.model().index(row, 0))
    dialog = ui.last_dialog
    assert isinstance(dialog, SyncDialog)
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert "sync_export" not in [i.kind for i in window.today.items]


# --- county dialogs -------------------------------------------------------------------------


def test_enrolling_a_school_writes_the_file_and_shows_the_county_fingerprint(
    qtbot: QtBot, world: World, tmp_path: Path
) -> None:
    dialog = EnrollSchoolDialog(ImmediateRunner(world.county), folder=tmp_path)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.code_edit.setText("21524821")
    assert "10位" in dialog.hint_label.text() and not dialog.make_button.isEnabled()
    dialog.code_edit.setText("2152482105")
    dialog.name_edit.setText("丙村小学")
    assert dialog.make_button.isEnabled()
    qtbot.mouseClick(dialog.make_button, Qt.MouseButton.LeftButton)
    made = tmp_path / "入网文件-2152482105-丙村小学.dlpkg"
    found = enrol.read_enrollment(made.read_bytes(), school_org="S:2152482105")
    assert dialog.fingerprint.text().split() == found.county.fingerprint().split()
    assert dialog.fingerprint.isVisible() and "已登记丙村小学" in dialog.done_label.text()


def test_confirming_a_school_imports_its_held_package(qtbot: QtBot, unjoined) -> None:
    made, file, digits = unjoined
    own = enrol.join(made.school, file.read_bytes(), digits)
    first = exporter.export(made.school, made.stick)[0].path
    held = importer.import_files(made.county, [first])[0]
    assert held.held and made.county.queries.count("all") == 0
    dialog = ConfirmSchoolDialog(ImmediateRunner(made.county))
    qtbot.addWidget(dialog)
    dialog.show()
    assert "已收到同步文件，待核对指纹" in dialog.school_combo.itemText(1)
    dialog.select(SCHOOL_CODE)
    dialog.digits_edit.setText(own[:20])
    assert "现在是 16 位" in dialog.hint_label.text() or "30 位" in dialog.hint_label.text()
    assert not dialog.confirm_button.isEnabled()
    dialog.digits_edit.setText(own)
    with qtbot.waitSignal(dialog.confirmed):
        qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
    assert made.county.queries.count("all") == 4
    assert "已确认坪坝镇中心学校的密钥" in dialog.done_label.text()
    assert "已导入" in dialog.report_box.toPlainText()
    assert "已确认" in dialog.school_combo.itemText(1)


def test_wrong_school_digits_change_nothing(qtbot: QtBot, unjoined, boxes: Boxes) -> None:
    made, file, digits = unjoined
    enrol.join(made.school, file.read_bytes(), digits)
    importer.import_files(made.county, [exporter.export(made.school, made.stick)[0].path])
    dialog = ConfirmSchoolDialog(ImmediateRunner(made.county))
    qtbot.addWidget(dialog)
    dialog.select(SCHOOL_CODE)
    dialog.digits_edit.setText("1" * 30)
    qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
    assert boxes.shown and "指纹数字不一致" in boxes.shown[0][1]
    assert made.county.queries.count("all") == 0
    assert dialog.confirm_button.isEnabled()  # typed digits kept, to fix and try again


def test_join_from_the_menu_then_print_the_receipt(qtbot: QtBot, unjoined) -> None:
    made, file, digits = unjoined
    window, ui = window_for(qtbot, made.school)
    assert "sync_export" not in [i.kind for i in window.today.items]  # not joined yet
    ui.join_action.trigger()
    dialog = ui.last_dialog
    assert isinstance(dialog, JoinDialog)
    dialog.open_file(file)
    dialog.digits_edit.setText(digits)
    qtbot.mouseClick(dialog.join_button, Qt.MouseButton.LeftButton)
    assert "sync_export" in [i.kind for i in window.today.items]  # joined: export soon
    qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    [printing] = window.findChildren(PrintDialog)
    assert printing.form() == "join-receipt"
