"""预警名单 against a real demo ledger: a pupil with absences is listed with the rule, the facts
and the day it became true; the subsidy tab follows the role; the back-test table is complete;
a write reloads the page; a row opens the pupil."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableWidget
from pytestqt.qtbot import QtBot

from dropout_ledger.ledger import Ledger
from dropout_ledger.services.today import school_days_back
from dropout_ledger.synthetic import SyntheticFactory
from dropout_ledger.warning.backtest import COMBINED
from dropout_ledger.warning.rules import RULES
from ui.ops import ImmediateRunner
from ui.views.warning_view import WarningView, percent


def rows(table: QTableWidget) -> list[list[str]]:
    return [[(table.item(r, c).text() if table.item(r, c) else "")
             for c in range(table.columnCount())] for r in range(table.rowCount())]


def new_pupil(ledger: Ledger, name: str, **fields: object) -> str:
    """A fresh pupil with no family risk, so only what the test adds can flag them."""
    plain = {"left_behind": "0", "orphan": False, "unsupported": False, "in_difficulty": False,
             "guardians": [{"name": "张大山", "relation": "father"}], "economic_category": ""}
    data = SyntheticFactory(seed=11).student(grade=6, name=name, **{**plain, **fields})
    return ledger.students.add(data, effective_date="2025-09-01").created[0]


def absences(student_id: str, today: dt.date, days: int) -> list[dict[str, object]]:
    return [{"student_id": student_id, "date": day.isoformat()}
            for day in school_days_back(today, days, True)]


def make(qtbot: QtBot, ledger: Ledger, role: str = "principal") -> WarningView:
    view = WarningView(ImmediateRunner(ledger), role=role)
    qtbot.addWidget(view)
    return view


def test_a_flagged_pupil_shows_each_rule_its_facts_and_since(qtbot: QtBot, ledger: Ledger) -> None:
    today = ledger.clock.today()
    sid = new_pupil(ledger, "周小燕", left_behind="2")
    ledger.records.add_many("absence", absences(sid, today, 3))
    view = make(qtbot, ledger)

    first = next(r for r in range(view.flag_table.rowCount())
                 if view.student_id_at(view.flag_table, r) == sid)
    block = rows(view.flag_table)[first:first + 3]
    assert block[0][0] == "周小燕" and block[0][1].startswith("六年级")
    assert [row[2] for row in block] == ["近期多次无故缺课", "连续无故缺课", "留守儿童"]
    assert block[0][3].startswith("近30天无故缺课3天（")
    assert "连续无故缺课3天" in block[1][3]
    assert block[2][3] == "双亲外出留守" and block[2][4] == "2025年9月1日"
    third = sorted(school_days_back(today, 3, True))[-1]
    assert block[0][4] == f"{third.year}年{third.month}月{third.day}日"
    assert view.flag_table.rowSpan(first, 0) == 3
    assert "需关注" in view.summary_label.text() and "不看性别和民族" in view.summary_label.text()
    assert view.tabs.tabText(0).startswith("需关注的学生（")


def test_the_back_test_lists_every_rule_and_the_flag(qtbot: QtBot, ledger: Ledger) -> None:
    view = make(qtbot, ledger)
    table = rows(view.score_table)
    assert len(table) == len(RULES) + 1
    assert table[0][0] == "近期多次无故缺课（信号）"
    assert table[0][1] == "近30天内无故缺课3天及以上"
    assert table[5][0] == "留守儿童（背景）"
    assert table[-1][0] == "预警（以上规则合起来）"
    assert view.result is not None and view.result.rows[-1].rule == COMBINED
    combined = view.result.rows[-1]
    assert table[-1][2] == f"{combined.hits} / {combined.cases}"
    assert table[-1][4] == percent(combined.precision_bp)
    assert "回溯检验" in view.score_label.text() and "准确率" in view.score_label.text()


def test_a_switched_off_rule_says_so(qtbot: QtBot, ledger: Ledger) -> None:
    ledger.settings.set_profile(warn_rules_off=["left_behind"])
    view = make(qtbot, ledger)
    assert rows(view.score_table)[5][0] == "留守儿童（背景），未使用"
    assert "留守儿童" not in {row[2] for row in rows(view.flag_table)}


def test_subsidy_checks_follow_the_role(qtbot: QtBot, ledger: Ledger) -> None:
    sid = new_pupil(ledger, "吴小梅", economic_category="dibao")
    principal = make(qtbot, ledger, "principal")
    names = {row[0]: row[2] for row in rows(principal.check_table)}
    assert "请核实资助是否已落实" in names["吴小梅"] and names["吴小梅"].startswith("低保户")
    assert sid not in {f.student_id for f in principal.warnings.flags}  # poverty never flags
    teacher = make(qtbot, ledger, "class_teacher")
    assert "吴小梅" not in {row[0] for row in rows(teacher.check_table)}
    assert "只有校长和县教育局工作人员能看到" in teacher.check_label.text()


def test_a_write_reloads_and_a_row_opens_the_pupil(qtbot: QtBot, ledger: Ledger) -> None:
    sid = new_pupil(ledger, "郑小军")
    view = make(qtbot, ledger)
    assert sid not in {f.student_id for f in view.warnings.flags}
    with qtbot.waitSignal(view.loaded, timeout=5000):
        view.runner.op(lambda led: led.records.add_many(
            "absence", absences(sid, led.clock.today(), 2)), parent=view)
    row = next(r for r in range(view.flag_table.rowCount())
               if view.student_id_at(view.flag_table, r) == sid)
    assert rows(view.flag_table)[row][2] == "连续无故缺课"

    view.resize(1200, 700)
    view.show()
    view.flag_table.setCurrentCell(row, 3)
    with qtbot.waitSignal(view.open_student, timeout=1000) as entered:
        qtbot.keyClick(view.flag_table, Qt.Key.Key_Return)
    assert entered.args == [sid]
    rect = view.flag_table.visualRect(view.flag_table.model().index(row, 3))
    qtbot.mouseClick(view.flag_table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    with qtbot.waitSignal(view.open_student, timeout=1000) as clicked:
        qtbot.mouseDClick(view.flag_table.viewport(), Qt.MouseButton.LeftButton,
                          pos=rect.center())
    assert clicked.args == [sid]
