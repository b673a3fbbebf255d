"""Screenshots of USB sync (issue 6): the stick's packages, joining, conflicts, county mode.

Run under Xvfb (`xvfb-run -a -s "-screen 0 1280x800x24" .venv/bin/python
tools/screenshot_sync.py docs/screenshots`): the county menu is a popup, which only a real
X server draws into a screen grab. Everything is synthetic and made fresh in a temporary folder:
a demo school, its county, and a folder standing in for the USB stick. The school joins through
the real JoinDialog; packages go both ways through the core; then the school and the county
each change the same pupils differently, so the conflict list has something real to show.
"""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QApplication, QMenu, QWidget

from dropout_ledger.clock import FrozenClock
from dropout_ledger.ledger import Ledger
from dropout_ledger.model.status import Status
from dropout_ledger.services.demo import FICTIONAL_COUNTY_CODE, ensure_demo
from dropout_ledger.store.events import Operator
from dropout_ledger.sync import drives, enrol, exporter, importer
from ui.app import load_cjk_font
from ui.dialogs.conflict_dialog import ConflictDialog
from ui.dialogs.county_dialogs import ConfirmSchoolDialog, EnrollSchoolDialog
from ui.dialogs.join_dialog import JoinDialog
from ui.dialogs.sync_dialog import SyncDialog
from ui.main_window import MainWindow
from ui.ops import ImmediateRunner
from ui.sync_ui import install_sync_ui

CLERK = Operator(id="clerk", name="张科员", role="county_clerk")
PRINCIPAL = Operator(id="p", name="王校长", role="principal")


def _settle(app: QApplication) -> None:
    for _ in range(10):
        app.processEvents()


def _save(app: QApplication, widget: QWidget, target: Path) -> None:
    widget.show()
    _settle(app)
    widget.grab().save(str(target))
    print(target)


def _exchange(school: Ledger, county: Ledger, folder: Path) -> None:
    there, back = folder / "there", folder / "back"
    there.mkdir(exist_ok=True)
    back.mkdir(exist_ok=True)
    importer.import_files(county, [e.path for e in exporter.export(school, there)])
    importer.import_files(school, [e.path for e in exporter.export(county, back)])


def _clash(school: Ledger, county: Ledger) -> None:
    """Concurrent edits on three pupils: an address, a county name correction, a status."""
    on_roll = [row.student_id for row in school.queries.roster("all")][:3]
    school.students.edit(on_roll[0], {"address": "石门村二组12号"})
    county.students.edit(on_roll[0], {"address": "石门村三组5号"})
    name = school.queries.student(on_roll[1])["name"]
    school.students.edit(on_roll[1], {"name": name[0] + "晓" + name[-1]})
    county.students.edit(on_roll[1], {"name": name[0] + "小" + name[-1]})
    today = school.clock.today()
    school.status.change(on_roll[2], Status.SUSPECTED, effective_date=today, reason_code="02")
    county.status.change(on_roll[2], Status.TRANSFERRED_OUT, effective_date=today)


def _menu_shot(app: QApplication, window: QWidget, menu: QMenu, target: Path) -> None:
    """The window with `menu` open: a grab of the screen where both are (needs a real X)."""
    window.show()
    window.raise_()
    _settle(app)
    bar = window.menuBar()  # type: ignore[attr-defined]
    action = menu.menuAction()
    where = bar.mapToGlobal(bar.actionGeometry(action).bottomLeft())
    menu.popup(where)
    _settle(app)
    area = QRect(window.frameGeometry().topLeft(), window.frameGeometry().size())
    area = area.united(QRect(menu.pos(), menu.size()))
    shot = app.primaryScreen().grabWindow(0, area.x(), area.y(), area.width(), area.height())
    shot.save(str(target))
    menu.hide()
    print(target)


def _join(app: QApplication, school: Ledger, county: Ledger, stick: Path, out: Path) -> str:
    """The county makes the enrolment file; the school joins through the dialog."""
    org = school.org
    data, _digits = enrol.enroll_school(county, org.code, org.name)
    enrolment = stick / "入网文件.dlpkg"
    enrolment.write_bytes(data)
    join = JoinDialog(ImmediateRunner(school))
    join.open_file(enrolment)
    join.digits_edit.setText(join.file.fingerprint if join.file else "")
    _save(app, join, out / "join-dialog.png")
    join.join()
    _save(app, join, out / "join-dialog-done.png")
    enrolment.unlink()
    return join.outcome.school_fingerprint if join.outcome else ""


def _county(app: QApplication, school: Ledger, county: Ledger, own: str, base: Path,
            out: Path) -> None:
    """Enrolling another school; confirming this one once its first package is held."""
    runner = ImmediateRunner(county)
    enroll = EnrollSchoolDialog(runner, folder=base / "KINGSTON")
    enroll.code_edit.setText("2152482105")
    enroll.name_edit.setText("丙村小学")
    enroll.make()
    _save(app, enroll, out / "county-enroll-dialog.png")
    first = base / "first"
    first.mkdir()
    importer.import_files(county, [e.path for e in exporter.export(school, first)])
    confirm = ConfirmSchoolDialog(runner)
    confirm.select(school.org.code)
    confirm.digits_edit.setText(own)
    confirm.confirm()
    _save(app, confirm, out / "county-confirm-dialog.png")


def _sync(app: QApplication, school: Ledger, county: Ledger, base: Path, out: Path) -> None:
    """Packages both ways with conflicting edits; the stick as the school sees it."""
    stick = base / "KINGSTON"
    _exchange(school, county, base)
    _clash(school, county)
    exporter.export(county, stick)
    exporter.export(school, stick)
    sticks = [drives.Drive(stick, "KINGSTON", 7_516_192_768)]
    runner = ImmediateRunner(school)
    sync = SyncDialog(runner, find_drives=lambda: sticks)
    _save(app, sync, out / "sync-dialog.png")
    sync.import_packages()
    _save(app, sync, out / "sync-dialog-imported.png")
    _save(app, ConflictDialog(runner), out / "conflicts.png")


def _windows(app: QApplication, school: Ledger, county: Ledger, clock: FrozenClock,
             out: Path) -> None:
    clock.advance(days=8)  # a week without export: 今日待办 reminds, ⚠ counts conflicts
    window = MainWindow(school, runner=ImmediateRunner(school))
    install_sync_ui(window)
    window.resize(1280, 800)
    _save(app, window, out / "today-sync.png")
    window.close()
    county_window = MainWindow(county, runner=ImmediateRunner(county))
    ui = install_sync_ui(county_window)
    county_window.resize(1100, 640)
    county_window.move(QPoint(20, 20))
    if ui.county_menu is not None:
        _menu_shot(app, county_window, ui.county_menu, out / "county-menu.png")
    county_window.close()


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv[:1])
    load_cjk_font(app)
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder)
        (base / "KINGSTON").mkdir()
        ensure_demo(base / "school" / "school.sqlite", students=300)
        clock = FrozenClock(dt.datetime.now().replace(hour=10, minute=0, second=0, microsecond=0))
        with Ledger.open(base / "school" / "school.sqlite", operator=PRINCIPAL,
                         clock=clock) as school, \
                Ledger.create(base / "county" / "county.sqlite", kind="county",
                              code=FICTIONAL_COUNTY_CODE, name="示例县教育局",
                              operator=CLERK, clock=clock) as county:
            own = _join(app, school, county, base / "KINGSTON", out)
            _county(app, school, county, own, base, out)
            _sync(app, school, county, base, out)
            _windows(app, school, county, clock, out)


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("docs/screenshots"))
