"""Screenshots of the desktop on a demo school, for docs/screenshots/ and for looking at.

Run under a real X server or Xvfb (`xvfb-run -s "-screen 0 1280x800x24" .venv/bin/python
tools/screenshots.py docs/screenshots`); with QT_QPA_PLATFORM=offscreen it works too. The demo
school is synthetic and made fresh in a temporary folder each time.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtWidgets import QApplication, QWidget

from dropout_ledger.ledger import Ledger
from dropout_ledger.services.demo import ensure_demo
from ui.app import load_cjk_font
from ui.dialogs.absence_dialog import AbsenceDialog
from ui.dialogs.destination_dialog import DestinationDialog
from ui.dialogs.escalation_dialog import EscalationDialog
from ui.dialogs.export_dialog import ExportDialog
from ui.dialogs.import_wizard import ImportWizard
from ui.dialogs.pairing_dialog import PairingDialog
from ui.dialogs.print_dialog import PrintDialog
from ui.dialogs.report_dialog import ReportFormDialog
from ui.dialogs.status_dialog import StatusDialog
from ui.dialogs.student_dialog import StudentDialog
from ui.dialogs.subsidy_dialog import SubsidyDialog
from ui.dialogs.visit_dialog import VisitDialog
from ui.main_window import MainWindow
from ui.ops import ImmediateRunner
from ui.views.student_view import EVIDENCE_TAB


def _save(app: QApplication, widget: QWidget, target: Path) -> None:
    widget.show()
    for _ in range(10):
        app.processEvents()
    widget.grab().save(str(target))
    print(target)


def _household_and_graduates(ledger: Ledger, folder: Path) -> str:
    """What the demo school lacks for 入学率 and 升学率: the county's 户籍适龄儿童名单 (its own
    pupils of the first grades, two of them answered as studying elsewhere or died, and two
    children not on the roll), and four grade-9 graduates, three with a destination. Returns
    a graduate's id, for the student page with its 毕业去向."""
    from openpyxl import Workbook

    from dropout_ledger.model.status import Status
    from dropout_ledger.reconcile import check_list, list_rows, record_outcome, save_list
    from dropout_ledger.services.destinations import record_destination
    from dropout_ledger.synthetic import SyntheticFactory

    book = Workbook()
    sheet = book.active
    sheet.append(["序号", "姓名", "性别", "出生日期", "身份证号", "户籍地址"])
    pupils = [r for r in ledger.queries.roster("all", limit=600) if r.grade <= 8][::4]
    factory = SyntheticFactory(seed=5)
    others = [factory.student(grade=g) for g in (2, 7)]
    rows = [(p.name, p.sex, ledger.queries.student(p.student_id)["birth_date"], p.id_number)
            for p in pupils]
    rows += [(o["name"], o["sex"], o["birth_date"], o["id_number"]) for o in others]
    for n, (name, sex, birth, number) in enumerate(rows, start=1):
        sheet.append([n, name, "男" if sex == "1" else "女", birth, number, "坪坝镇石门村"])
    path = folder / "户籍适龄儿童名单.xlsx"
    book.save(path)
    list_id = save_list(ledger, check_list(ledger, path, kind="household",
                                           title="坪坝镇户籍适龄儿童名单")).created[0]
    unmatched = [r for r in list_rows(ledger, list_id) if r.pupil is None]
    record_outcome(ledger, unmatched[0].record_id, "elsewhere_in_province",
                   evidence="接收学校出具在读证明", school="石桥镇中心学校")
    record_outcome(ledger, unmatched[1].record_id, "not_ours", evidence="村委会核实已随父母迁出")
    today = ledger.clock.today()
    ninth = [r.student_id for r in ledger.queries.roster("on-roll", filters={"grade": 9},
                                                          limit=4)]
    for sid in ninth:
        ledger.status.change(sid, Status.GRADUATED, effective_date=today)
    for sid, where in zip(ninth, ("senior_high", "vocational", "not_continuing"), strict=False):
        record_destination(ledger, sid, where, date=today)
    return ninth[0]


def _destination_shots(app: QApplication, window: MainWindow, runner: ImmediateRunner,
                       graduate: str, out: Path) -> None:
    """A graduate's page with its 毕业去向, and the dialog that records one."""
    window.open_student(graduate)
    window.student.tabs.setCurrentIndex(1)
    _save(app, window, out / "student-destination.png")
    _save(app, DestinationDialog(runner, graduate, window), out / "destination-dialog.png")


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv[:1])
    load_cjk_font(app)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "demo.sqlite"
        ensure_demo(path, students=600)
        with Ledger.open(path) as ledger:
            runner = ImmediateRunner(ledger)
            window = MainWindow(ledger, runner=runner)
            window.resize(1280, 800)
            _save(app, window, out / "today.png")
            window.tabs.setCurrentWidget(window.table)
            _save(app, window, out / "roster.png")
            graduate = _household_and_graduates(ledger, Path(folder))
            window.dashboard.refresh()
            window.tabs.setCurrentWidget(window.dashboard)
            _save(app, window, out / "dashboard.png")
            window.tabs.setCurrentWidget(window.warning)
            _save(app, window, out / "warning.png")
            dropped = ledger.queries.roster("dropped")
            scanned = {row[0] for row in ledger.conn.execute(
                "SELECT student_id FROM rec_document")}
            case_pupil = next((row for row in dropped if row.student_id in scanned), dropped[0])
            window.open_student(case_pupil.student_id)
            window.student.tabs.setCurrentIndex(1)
            _save(app, window, out / "student-case.png")
            window.student.tabs.setCurrentIndex(2)
            _save(app, window, out / "student-visits.png")
            window.student.tabs.setCurrentIndex(EVIDENCE_TAB)
            _save(app, window, out / "student-evidence.png")
            _save(app, AbsenceDialog(runner, case_pupil.grade, case_pupil.class_name, window),
                  out / "absence-dialog.png")
            suspected = ledger.queries.roster("suspected")[0].student_id
            _save(app, StatusDialog(runner, suspected, window), out / "status-dialog.png")
            _save(app, VisitDialog(runner, suspected, window), out / "visit-dialog.png")
            _save(app, ReportFormDialog(runner, suspected, window), out / "report-dialog.png")
            _save(app, EscalationDialog(runner, case_pupil.student_id, window),
                  out / "escalation-dialog.png")
            _save(app, StudentDialog(runner, suspected, window.role, window),
                  out / "student-dialog.png")
            _save(app, SubsidyDialog(runner, window.role, case_pupil.grade,
                                     case_pupil.class_name, window), out / "subsidy-dialog.png")
            _save(app, PairingDialog(runner, suspected, window), out / "pairing-dialog.png")
            _save(app, PrintDialog(runner, window.role, case_pupil.student_id, window),
                  out / "print-dialog.png")
            _save(app, ImportWizard(runner, window.role, None, window), out / "import-wizard.png")
            _save(app, ExportDialog(runner, window.role, "dropped", "", window),
                  out / "export-dialog.png")
            _destination_shots(app, window, runner, graduate, out)
            window.close()


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots"))
