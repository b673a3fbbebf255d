"""Start-up: the window shows before anything the first screen does not need (design §5: ≤ 1 s).

The pages 统计与目标, 预警名单 and 名单核查 are built when first shown, the entry dialogs are
imported when first opened, and no PDF, Excel or crypto library loads until it is used.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from pytestqt.qtbot import QtBot

from dropout_ledger.ledger import Ledger
from ui.main_window import LATER_PAGES, MainWindow
from ui.ops import ImmediateRunner
from ui.views.dashboard_view import DashboardView
from ui.views.reconcile_view import ReconcileView
from ui.views.warning_view import WarningView

ROOT = Path(__file__).resolve().parents[2]
NOT_AT_START = (
    "ui.views.dashboard_view", "ui.views.warning_view", "ui.views.reconcile_view",
    "ui.dialogs.student_dialog", "ui.dialogs.status_dialog", "ui.dialogs.visit_dialog",
    "ui.dialogs.import_wizard", "ui.dialogs.print_dialog", "ui.selftest",
    "reportlab", "openpyxl", "cryptography", "argon2",
)


def test_later_pages_are_placeholders_until_their_tab_is_shown(ledger: Ledger, qtbot: QtBot
                                                                ) -> None:
    window = MainWindow(ledger, runner=ImmediateRunner(ledger))
    qtbot.addWidget(window)
    labels = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert labels[3:] == ["统计与目标", "预警名单", "名单核查"]
    assert [type(window.tabs.widget(3 + i)).__name__ for i in range(3)] == ["QWidget"] * 3

    window.tabs.setCurrentIndex(4)
    assert isinstance(window.tabs.currentWidget(), WarningView)
    assert window.tabs.currentIndex() == 4
    assert type(window.tabs.widget(3)).__name__ == "QWidget", "only the page shown is built"
    assert [window.tabs.tabText(i) for i in range(window.tabs.count())] == labels


def test_asking_for_a_page_builds_it_in_its_tab_without_switching(
    ledger: Ledger, qtbot: QtBot
) -> None:
    window = MainWindow(ledger, runner=ImmediateRunner(ledger))
    qtbot.addWidget(window)
    dashboard, reconcile = window.dashboard, window.reconcile
    assert isinstance(dashboard, DashboardView) and isinstance(reconcile, ReconcileView)
    assert window.tabs.indexOf(dashboard) == 3 and window.tabs.indexOf(reconcile) == 5
    assert window.tabs.currentWidget() is window.today
    assert window.dashboard is dashboard, "built once"
    assert len(LATER_PAGES) == 3


def test_a_warning_row_opens_the_student_page(ledger: Ledger, qtbot: QtBot) -> None:
    window = MainWindow(ledger, runner=ImmediateRunner(ledger))
    qtbot.addWidget(window)
    student = ledger.queries.roster("all", limit=1)[0].student_id
    window.warning.open_student.emit(student)
    assert window.tabs.currentWidget() is window.student


def test_starting_the_app_loads_nothing_the_first_screen_does_not_need(tmp_path: Path) -> None:
    probe = (
        "import sys\n"
        "from ui.app import main\n"
        f"code = main(['--ledger', {str(tmp_path / 'l.sqlite')!r},"
        f" '--screenshot', {str(tmp_path / 'shot.png')!r}])\n"
        f"print(code, sorted(m for m in {NOT_AT_START!r} if m in sys.modules))\n"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", DROPOUT_LEDGER_HOME=str(tmp_path))
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          env=env, cwd=ROOT, timeout=300)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "0 []"
