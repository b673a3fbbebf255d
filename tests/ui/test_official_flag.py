"""The student page's 县里名单显示 flag: the county lists beside the school's own category.

A real county and school exchange packages; the county publishes a 低保/特困 list; the school's
page shows what the list says beside 家庭经济困难类别 — for a principal only (the lists name poor
families) — and marks in amber where the school's own record differs.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from dropout_ledger.sync import lists
from tests.sync.county_support import (  # noqa: F401 - isolated_markers is an autouse fixture
    County,
    isolated_markers,
    make_county,
)
from ui.app import load_cjk_font
from ui.ops import ImmediateRunner
from ui.views.student_view import OFFICIAL_DISAGREES, StudentView


@pytest.fixture
def world(tmp_path: Path) -> Iterator[County]:
    made = make_county(tmp_path, ("a",), students=20)
    made.round()
    yield made
    made.close()


def _pupils(world: County) -> list[tuple[str, str]]:
    """(student id, ID number) of three pupils with no economic category of their own."""
    return [(str(sid), str(number)) for sid, number in world.schools["a"].conn.execute(
        "SELECT id, id_number FROM students WHERE length(id_number) = 18 AND retracted = 0"
        " AND coalesce(economic_category, '') = '' ORDER BY id LIMIT 3")]


def _flag(qtbot: QtBot, world: County, student_id: str, role: str) -> QLabel | None:
    view = StudentView(ImmediateRunner(world.schools["a"]), role=role)
    qtbot.addWidget(view)
    view.resize(1000, 700)
    view.show_student(student_id)
    return view.findChild(QLabel, "officialFlag")


def test_the_county_list_shows_for_a_principal_and_a_difference_is_amber(
        qtbot: QtBot, qapp: QApplication, world: County, tmp_path: Path) -> None:
    a = world.schools["a"]
    listed, agrees, own_only = _pupils(world)
    a.students.edit(agrees[0], {"economic_category": "dibao"})
    a.students.edit(own_only[0], {"economic_category": "tekun"})
    assert _flag(qtbot, world, listed[0], "principal") is None  # no list yet: nothing to say
    lists.publish_list(world.county, "poverty", [(listed[1], "低保户"), (agrees[1], "低保")])
    world.round()

    flag = _flag(qtbot, world, listed[0], "principal")
    assert flag is not None and flag.isVisibleTo(flag.window())
    assert flag.text() == "县里名单显示：低保户（与本校记录不一致）"
    assert OFFICIAL_DISAGREES in flag.styleSheet()
    agreeing = _flag(qtbot, world, agrees[0], "principal")
    assert agreeing is not None and agreeing.text() == "县里名单显示：低保户"
    assert OFFICIAL_DISAGREES not in agreeing.styleSheet()
    missing = _flag(qtbot, world, own_only[0], "principal")
    assert missing is not None and missing.text() == "县里名单中没有该生（与本校记录不一致）"

    load_cjk_font(qapp)
    view = flag.window()
    view.show()
    qtbot.waitExposed(view)
    shot = tmp_path / "official-flag.png"
    assert view.grab().save(str(shot))
    assert shot.stat().st_size > 0


@pytest.mark.parametrize("role", ["class_teacher", "registrar", ""])
def test_roles_that_may_not_see_restricted_fields_never_see_the_flag(
        qtbot: QtBot, world: County, role: str) -> None:
    listed = _pupils(world)[0]
    lists.publish_list(world.county, "poverty", [(listed[1], "特困供养")])
    world.round()
    assert _flag(qtbot, world, listed[0], "principal") is not None
    assert _flag(qtbot, world, listed[0], role) is None
