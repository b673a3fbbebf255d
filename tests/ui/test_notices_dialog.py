"""县里通知: a county decision naming the school is listed, and 知道了 acknowledges it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from dropout_ledger.sync import identity, notices
from tests.sync.county_support import County, make_county, pupil
from ui.dialogs.notices_dialog import NoticesDialog
from ui.ops import ImmediateRunner


@pytest.fixture
def world(tmp_path: Path) -> Iterator[County]:
    made = make_county(tmp_path, ("a", "b"), students=12)
    yield made
    made.close()


def test_a_county_decision_is_listed_and_acknowledged(qtbot: QtBot, world: County) -> None:
    a, b = world.schools["a"], world.schools["b"]
    empty = NoticesDialog(ImmediateRunner(a))
    qtbot.addWidget(empty)
    assert empty.table.rowCount() == 0 and "还没有" in empty.summary.text()

    child = pupil(a)
    fields = {k: child[k] for k in ("name", "sex", "birth_date", "id_number", "grade",
                                    "class_name") if child.get(k)}
    b.students.add(fields)  # the same child registered at the other school too
    assert all(o.accepted for o in world.up("a", "b"))
    [case] = identity.identity_queue(world.county)
    identity.decide(world.county, case.case_id, "at_a", "监护人确认在甲校就读")
    world.round("a", "b")

    dialog = NoticesDialog(ImmediateRunner(b))
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 1 and "未读 1 条" in dialog.summary.text()
    assert "不在本校" in dialog.table.item(0, 2).text()
    assert "监护人确认在甲校就读" in dialog.table.item(0, 2).text()
    assert not dialog.ack_button.isEnabled()
    dialog.table.selectRow(0)
    assert dialog.ack_button.isEnabled()
    dialog.acknowledge()
    assert dialog.table.item(0, 3).text() == "已读" and not dialog.ack_button.isEnabled()
    assert notices.notices(b)[0].acknowledged
