"""县级汇总 and 身份核查 on a merged demo county (tools/make_demo_county.py)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from dropout_ledger.clock import FrozenClock
from dropout_ledger.ledger import Ledger
from dropout_ledger.render.charts import percent
from dropout_ledger.store import marker
from dropout_ledger.sync import identity
from tests.sync.county_support import isolated_markers  # noqa: F401 - autouse fixture
from tools.make_demo_county import DAY, SCHOOLS, make_demo_county
from ui.county_view import MISSED, CountyView, county_view_of, install_county_tab
from ui.dialogs.identity_dialog import IdentityQueueDialog
from ui.main_window import MainWindow
from ui.ops import ImmediateRunner


@pytest.fixture(scope="module")
def demo_county(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("county")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(marker.MARKER_ENV, str(folder / "markers"))
        return make_demo_county(folder / "demo", students=60).county


@pytest.fixture
def county(demo_county: Path, tmp_path: Path) -> Iterator[Ledger]:
    path = tmp_path / "county.sqlite"
    shutil.copyfile(demo_county, path)
    with Ledger.open(path, clock=FrozenClock(DAY)) as opened:
        yield opened


def _window(qtbot: QtBot, ledger: Ledger) -> tuple[MainWindow, ImmediateRunner]:
    runner = ImmediateRunner(ledger)
    window = MainWindow(ledger, runner=runner)
    qtbot.addWidget(window)
    return window, runner


def test_the_county_tab_appears_only_on_a_county_ledger(
        qtbot: QtBot, county: Ledger, ledger: Ledger) -> None:
    window, _ = _window(qtbot, county)
    tabs = window.tabs.count()
    install_county_tab(window)
    install_county_tab(window)
    assert window.tabs.count() == tabs + 1
    assert window.tabs.tabText(tabs) == "县级汇总"
    school_window, _ = _window(qtbot, ledger)
    install_county_tab(school_window)
    assert county_view_of(school_window) is None and school_window.tabs.count() == tabs


def test_schools_furthest_from_target_first_red_where_missed(
        qtbot: QtBot, county: Ledger) -> None:
    view = CountyView(ImmediateRunner(county))
    qtbot.addWidget(view)
    assert view.data is not None
    table = view.table
    names = [table.item(row, 0).text() for row in range(table.rowCount())]
    assert names == [r.name for r in view.data.schools] and len(names) == 4
    assert names[-1] == "示例县第四小学"  # enrolled, never imported: no figure, last
    assert table.item(3, 2).text() == "待确认" and table.item(3, 3).text() == "从未导入"
    first = view.data.schools[0]
    assert first.over_target and first.name == SCHOOLS[1][1]  # the school with dropouts
    assert table.item(0, 10).foreground().color() == MISSED
    assert table.item(0, 14).text().startswith("差 ") and "分子" in table.item(0, 10).toolTip()
    listed = 0
    for n, row in enumerate(view.data.schools):  # 入学率: two schools checked the 户籍 list
        cell, figure = table.item(n, 13), row.rates.enrolment
        if figure.value_bp is None:
            assert cell.text() == "无数据" and "户籍适龄儿童名单" in cell.toolTip()
        else:
            listed += 1
            assert cell.text() == percent(figure.value_bp) and "分子" in cell.toolTip()
            assert (cell.foreground().color() == MISSED) == (figure.met is False)
    assert listed == 2
    over = sum(1 for r in view.data.schools if r.over_target)
    assert over >= 1 and f"{over} 所学校未达到县定目标" in view.summary_label.text()
    assert "同时在两所学校在籍" in view.summary_label.text()
    assert view.identity_button.text() == "身份核查（2）"
    groups = view.groups
    assert groups.item(groups.rowCount() - 1, 0).text() == "全县合计"
    assert groups.item(groups.rowCount() - 1, 2).text() == str(view.data.total.children)


def test_the_identity_queue_shows_both_records_masked_and_decides(
        qtbot: QtBot, county: Ledger) -> None:
    runner = ImmediateRunner(county)
    view = CountyView(runner)
    qtbot.addWidget(view)
    dialog = IdentityQueueDialog(runner, role="")
    qtbot.addWidget(dialog)
    assert dialog.case_list.count() == 2
    case = dialog.case
    assert case is not None and case.kind == "duplicate"
    shown = dialog.panel_a.values["身份证号"].text()
    assert "*" in shown and shown != case.a.id_number
    assert dialog.panel_b.values["学校"].text() == case.b.school_name
    assert not dialog.buttons["transfer_verified"].isEnabled()
    dialog.case_list.setCurrentRow(1)
    assert dialog.case is not None and dialog.case.kind == "transfer"
    assert dialog.buttons["transfer_verified"].isEnabled()
    assert "转出" in dialog.panel_a.values["当前状态"].text()

    dialog.case_list.setCurrentRow(0)
    dialog.note_edit.setPlainText("已电话联系监护人")
    decisions: list[object] = []
    dialog.decided.connect(decisions.append)
    qtbot.mouseClick(dialog.buttons["at_b"], Qt.MouseButton.LeftButton)
    assert decisions and dialog.case_list.count() == 1
    [stored] = [row[0] for row in county.conn.execute(
        "SELECT body FROM events WHERE kind = 'decision'")]
    assert "at_b" in stored.decode() and "已电话联系监护人" in stored.decode()
    assert len(identity.identity_queue(county)) == 1
    assert view.identity_button.text() == "身份核查（1）"  # the page reloaded on the change


def test_a_clerk_who_may_see_full_ids_sees_them(qtbot: QtBot, county: Ledger) -> None:
    dialog = IdentityQueueDialog(ImmediateRunner(county), role="county_clerk")
    qtbot.addWidget(dialog)
    case = dialog.case
    assert case is not None
    assert dialog.panel_a.values["身份证号"].text() == case.a.id_number

