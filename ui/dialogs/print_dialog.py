"""打印表格: choose a printed form and its options, preview it or save it as a PDF.

One dialog for every form of `dropout_ledger.printing.FORMS`. The options shown are the ones
the chosen form takes: a roster (the 台账, the letters), a month (the monthly report, the
letters' term), a pupil (the per-pupil forms — prefilled when the dialog is opened from a
pupil's page). Whole ID numbers are offered only to a role that may see them.

Both buttons print through the core's `print_form` on the runner, so a print from the app is
the same file and the same audit event as `print FORM` on the command line, and a refusal
(an empty selection, a character no font has, a full USB stick) becomes the runner's one
Chinese dialog. 预览 writes to a temporary file and opens it in the system's PDF viewer, where
it can be printed on paper; 保存为 PDF… asks for a file name (in 文档 by default, then in the
folder used last) and writes there. Why preview through the system viewer rather than a
QPdfView: every office machine has a PDF reader that prints, and its print dialog is the one
the principal knows.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, QStandardPaths, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from dropout_ledger.errors import LedgerError
from dropout_ledger.ledger import Ledger
from dropout_ledger.model.access import Permission, may
from dropout_ledger.model.changes import Changes
from dropout_ledger.printing import FORMS, VIEWS, PrintRequest, PrintResult, print_form
from dropout_ledger.printing.common import resolve_student
from dropout_ledger.printing.letters import SELECTIONS as LETTER_SELECTIONS
from ui.i18n import QT_TRANSLATE_NOOP, app_settings
from ui.labels import grade_class_text, status_text
from ui.ops import Runner

FOLDER_KEY = "print/folder"
"""QSettings key: the folder the last PDF was saved in."""
MATCH_LIMIT = 20


def _tr(text: str) -> str:
    return QCoreApplication.translate("PrintDialog", text)


_FORM_LABELS = {
    "ledger": QT_TRANSLATE_NOOP("PrintDialog", "控辍保学台账"),
    "register": QT_TRANSLATE_NOOP("PrintDialog", "辍学学生劝返复学登记表"),
    "case-report": QT_TRANSLATE_NOOP("PrintDialog", "辍学学生情况报告表"),
    "report": QT_TRANSLATE_NOOP("PrintDialog", "辍学学生情况书面报告（月报）"),
    "notice": QT_TRANSLATE_NOOP("PrintDialog", "劝返复学通知书"),
    "checklist": QT_TRANSLATE_NOOP("PrintDialog", "劝返清单"),
    "letters": QT_TRANSLATE_NOOP("PrintDialog", "一封家书（学生资助告知书）"),
    "pairing": QT_TRANSLATE_NOOP("PrintDialog", "结对帮扶记录表"),
    "home-teaching": QT_TRANSLATE_NOOP("PrintDialog", "送教上门记录"),
    "left-behind": QT_TRANSLATE_NOOP("PrintDialog", "留守儿童档案"),
    "disability": QT_TRANSLATE_NOOP("PrintDialog", "三类残疾儿童统计表"),
    "dossier": QT_TRANSLATE_NOOP("PrintDialog", "一生一档（学生档案）"),
    "county-keysheet": QT_TRANSLATE_NOOP("PrintDialog", "县级密钥说明单"),
    "join-receipt": QT_TRANSLATE_NOOP("PrintDialog", "入网回执"),
    "audit-log": QT_TRANSLATE_NOOP("PrintDialog", "操作日志"),
}
_FORM_NOTES = {
    "ledger": QT_TRANSLATE_NOOP("PrintDialog", "全校台账，A4 横向；身份证号隐去中间数字，"
                                "不含电话、住址和家庭经济困难类别。"),
    "register": QT_TRANSLATE_NOOP("PrintDialog", "一名学生的个案和全部劝返记录。"),
    "case-report": QT_TRANSLATE_NOOP("PrintDialog", "报乡镇人民政府和县教育局，校长签字盖章。"),
    "report": QT_TRANSLATE_NOOP("PrintDialog", "所选月份的书面报告和辍学学生花名册；"
                                "本月没有情况时打印零报告。"),
    "notice": QT_TRANSLATE_NOOP("PrintDialog", "致家长，含存根和送达回证。"),
    "checklist": QT_TRANSLATE_NOOP("PrintDialog", "全部未销号个案，村（居）委会、中心学校、"
                                   "乡镇人民政府签字。"),
    "letters": QT_TRANSLATE_NOOP("PrintDialog", "每户一封（兄弟姐妹合为一封），列出所选月份"
                                 "所在学期的资助，附回执；请单独交给家长。"),
    "pairing": QT_TRANSLATE_NOOP("PrintDialog", "一名学生的结对帮扶记录。"),
    "home-teaching": QT_TRANSLATE_NOOP("PrintDialog", "一名学生的送教记录和本学期小结。"),
    "left-behind": QT_TRANSLATE_NOOP("PrintDialog", "在籍留守儿童名册（内部资料）。"),
    "disability": QT_TRANSLATE_NOOP("PrintDialog", "在籍残疾学生按类别和安置方式统计。"),
    "dossier": QT_TRANSLATE_NOOP("PrintDialog", "一名学生的全部记录，附目录。"),
}
_LEDGER_VIEWS = {
    "": QT_TRANSLATE_NOOP("PrintDialog", "需关注学生（疑似辍学、辍学、复学跟踪、送教上门、休学、预警）"),
    "all": QT_TRANSLATE_NOOP("PrintDialog", "全部学生"),
    "on-roll": QT_TRANSLATE_NOOP("PrintDialog", "在籍学生"),
    "at-risk": QT_TRANSLATE_NOOP("PrintDialog", "有辍学倾向（预警）学生"),
    "suspected": QT_TRANSLATE_NOOP("PrintDialog", "疑似辍学学生"),
    "dropped": QT_TRANSLATE_NOOP("PrintDialog", "辍学学生"),
    "returned": QT_TRANSLATE_NOOP("PrintDialog", "复学跟踪学生"),
    "home-taught": QT_TRANSLATE_NOOP("PrintDialog", "送教上门学生"),
    "suspended": QT_TRANSLATE_NOOP("PrintDialog", "休学学生"),
}
_LETTER_VIEWS = {
    "": QT_TRANSLATE_NOOP("PrintDialog", "本学期获得资助的家庭"),
    "all": QT_TRANSLATE_NOOP("PrintDialog", "全部在籍学生的家庭"),
    "at-risk": QT_TRANSLATE_NOOP("PrintDialog", "预警学生的家庭"),
    "suspected": QT_TRANSLATE_NOOP("PrintDialog", "疑似辍学学生的家庭"),
    "dropped": QT_TRANSLATE_NOOP("PrintDialog", "辍学学生的家庭"),
    "returned": QT_TRANSLATE_NOOP("PrintDialog", "复学跟踪学生的家庭"),
    "home-taught": QT_TRANSLATE_NOOP("PrintDialog", "送教上门学生的家庭"),
    "suspended": QT_TRANSLATE_NOOP("PrintDialog", "休学学生的家庭"),
}


def form_label(name: str) -> str:
    """The form's name on screen (the core's Chinese label for a form added later)."""
    return _tr(_FORM_LABELS[name]) if name in _FORM_LABELS else FORMS[name].label


def view_choices(name: str) -> list[tuple[str, str]]:
    """(view code, label on screen) of the rosters form `name` may print, default first."""
    if name == "letters":
        return [(code, _tr(_LETTER_VIEWS.get(code, text)))
                for code, text in LETTER_SELECTIONS.items()]
    return [(code, _tr(_LEDGER_VIEWS.get(code, text))) for code, text in VIEWS.items()]


@dataclass(frozen=True)
class Pupil:
    """A pupil the dialog may print for, as the pupil box lists it."""

    student_id: str
    name: str
    grade: int
    class_name: str
    status: str


def find_pupils(ledger: Ledger, text: str) -> list[Pupil]:
    """Pupils matching what was typed: an id, ID number or 学籍号, else a name search."""
    text = text.strip()
    if not text:
        return []
    try:
        found = [resolve_student(ledger, text)]
    except LedgerError:
        rows = ledger.queries.roster("all", search=text, limit=MATCH_LIMIT)
        found = [s for r in rows if (s := ledger.queries.student(r.student_id)) is not None]
    return [Pupil(str(s["id"]), str(s.get("name") or ""), int(s.get("grade") or 0),
                  str(s.get("class_name") or ""), str(s.get("status") or ""))
            for s in found if not s.get("retracted")]


@dataclass(frozen=True)
class Loaded:
    today: dt.date
    pupil: Pupil | None


class PrintDialog(QDialog):
    """Choose a form and its options; 预览 opens it in the PDF viewer, 保存为 PDF… writes it.

    `printed(result)` is emitted with the core's `PrintResult` after each successful print.
    """

    printed = Signal(object)

    def __init__(self, runner: Runner, role: str, student_id: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner, self.role = runner, role
        self.today = dt.date.today()
        self.pupils: list[Pupil] = []
        self.busy = False
        self.loaded = False
        self._searches = 0
        self.last_file: Path | None = None
        self.setWindowTitle(_tr("打印表格"))
        self.setMinimumWidth(560)
        self._build()
        if student_id:  # opened from a pupil's page: start with a form about the pupil
            self.select_form("register")
        self._show_options()
        self._refresh()

        def load(ledger: Ledger) -> Loaded:
            pupil = None
            if student_id and ledger.queries.student(student_id) is not None:
                pupil = find_pupils(ledger, student_id)[0]
            return Loaded(ledger.clock.today(), pupil)

        runner.query(load, on_done=self._loaded, parent=self)

    # -- building ----------------------------------------------------------------------------

    def _build(self) -> None:
        self.form_combo = QComboBox()
        for name in FORMS:
            if FORMS[name].ledger_kind != "county":  # the county's own papers: 县级 menu
                self.form_combo.addItem(form_label(name), name)
        self.note_label = QLabel()
        self.note_label.setWordWrap(True)
        self.note_label.setStyleSheet("color: #555555;")
        self.view_combo = QComboBox()
        self.period_edit = QDateEdit()
        self.period_edit.setDisplayFormat("yyyy-MM")
        self.period_edit.setCalendarPopup(False)
        self.pupil_edit = QLineEdit()
        self.pupil_edit.setPlaceholderText(_tr("输入姓名、身份证号或全国学籍号"))
        self.pupil_combo = QComboBox()
        self.full_ids_check = QCheckBox(_tr("打印完整的身份证号和学籍号"))
        self.full_ids_check.setVisible(may(self.role, Permission.FULL_IDS))
        self.hint_label = QLabel()
        self.hint_label.setWordWrap(True)
        self.hint_label.setStyleSheet("color: #b00020;")
        self.done_label = QLabel()
        self.done_label.setWordWrap(True)

        self.options = QFormLayout()
        self.options.addRow(_tr("表格："), self.form_combo)
        self.options.addRow("", self.note_label)
        self.options.addRow(_tr("名单："), self.view_combo)
        self.options.addRow(_tr("月份："), self.period_edit)
        self.options.addRow(_tr("学生："), self.pupil_edit)
        self.options.addRow("", self.pupil_combo)
        self.options.addRow("", self.full_ids_check)

        self.buttons = QDialogButtonBox()
        self.preview_button: QPushButton = self.buttons.addButton(
            _tr("预览"), QDialogButtonBox.ButtonRole.ActionRole)
        self.save_button: QPushButton = self.buttons.addButton(
            _tr("保存为 PDF…"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.close_button: QPushButton = self.buttons.addButton(
            _tr("关闭"), QDialogButtonBox.ButtonRole.RejectRole)
        self.preview_button.clicked.connect(self.preview)
        self.save_button.clicked.connect(self.save_as)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(self.options)
        layout.addWidget(self.hint_label)
        layout.addWidget(self.done_label)
        layout.addWidget(self.buttons)

        self.form_combo.currentIndexChanged.connect(self._form_changed)
        self.pupil_edit.textEdited.connect(self._search)
        self.pupil_combo.currentIndexChanged.connect(self._refresh)

    def _loaded(self, loaded: Loaded) -> None:
        self.today = loaded.today
        month = QDate(loaded.today.year, loaded.today.month, 1)
        self.period_edit.setMaximumDate(month)
        self.period_edit.setDate(getattr(self, "_wanted_period", None) or month)
        self.loaded = True
        if loaded.pupil is not None:
            self.pupil_edit.setText(loaded.pupil.name)
            self._set_pupils([loaded.pupil])
        self._refresh()

    # -- state -------------------------------------------------------------------------------

    def form(self) -> str:
        return str(self.form_combo.currentData())

    def select_period(self, period: str) -> None:
        """Preselect a month ("2026-11"), as a 今日待办 calendar row asks; after loading, too."""
        year, month = (int(part) for part in period.split("-")[:2])
        self._wanted_period = QDate(year, month, 1)
        if self.loaded:
            self.period_edit.setDate(self._wanted_period)

    def select_form(self, name: str) -> None:
        self.form_combo.setCurrentIndex(self.form_combo.findData(name))

    def pupil(self) -> Pupil | None:
        index = self.pupil_combo.currentIndex()
        return self.pupils[index] if 0 <= index < len(self.pupils) else None

    def request(self) -> PrintRequest:
        """What the options ask the core to print."""
        spec = FORMS[self.form()]
        pupil = self.pupil()
        return PrintRequest(
            form=spec.name,
            student=pupil.student_id if spec.per_student and pupil else "",
            view=str(self.view_combo.currentData() or "") if spec.uses_view else "",
            period=self.period_edit.date().toString("yyyy-MM") if spec.uses_period else "",
            full_ids=self.full_ids_check.isVisible() and self.full_ids_check.isChecked())

    def missing(self) -> list[str]:
        if not self.loaded:
            return [_tr("正在读取台账…")]
        if FORMS[self.form()].per_student and self.pupil() is None:
            typed = self.pupil_edit.text().strip()
            if typed and not self.pupils:
                return [_tr("找不到“{text}”。请输入学生姓名、身份证号或全国学籍号。").format(
                    text=typed)]
            return [_tr("请选择学生：输入姓名、身份证号或全国学籍号")]
        return []

    def _refresh(self) -> None:
        lacks = self.missing()
        self.hint_label.setText("；".join(lacks))
        ready = not lacks and not self.busy
        self.preview_button.setEnabled(ready)
        self.save_button.setEnabled(ready)

    def _form_changed(self) -> None:
        self._show_options()
        self.done_label.clear()
        self._refresh()

    def _show_options(self) -> None:
        """Show only the options the chosen form takes."""
        spec = FORMS[self.form()]
        self.note_label.setText(_tr(_FORM_NOTES[spec.name]) if spec.name in _FORM_NOTES else "")
        kept = self.view_combo.currentData()
        self.view_combo.clear()
        if spec.uses_view:
            for code, text in view_choices(spec.name):
                self.view_combo.addItem(text, code)
            self.view_combo.setCurrentIndex(max(self.view_combo.findData(kept), 0))
        for widget, shown in ((self.view_combo, spec.uses_view),
                              (self.period_edit, spec.uses_period),
                              (self.pupil_edit, spec.per_student),
                              (self.pupil_combo, spec.per_student and bool(self.pupils))):
            self.options.setRowVisible(widget, shown)

    def _search(self, text: str) -> None:
        """Look the typed text up; only the answer to the latest keystroke is shown."""
        self._searches += 1
        asked = self._searches

        def answer(pupils: list[Pupil]) -> None:
            if asked == self._searches:
                self._set_pupils(pupils)

        self.runner.query(lambda ledger: find_pupils(ledger, text), on_done=answer, parent=self)

    def _set_pupils(self, pupils: list[Pupil]) -> None:
        self.pupils = pupils
        self.pupil_combo.blockSignals(True)
        self.pupil_combo.clear()
        for p in pupils:
            self.pupil_combo.addItem(_tr("{name}（{grade_class}，{status}）").format(
                name=p.name, grade_class=grade_class_text(p.grade, p.class_name),
                status=status_text(p.status)))
        self.pupil_combo.blockSignals(False)
        self.options.setRowVisible(self.pupil_combo,
                                   FORMS[self.form()].per_student and bool(pupils))
        self._refresh()

    # -- printing ----------------------------------------------------------------------------

    def default_name(self) -> str:
        """"控辍保学台账-2026-11-22.pdf"; a pupil's forms name the pupil."""
        spec = FORMS[self.form()]
        pupil = self.pupil()
        who = f"-{pupil.name}" if spec.per_student and pupil else ""
        return f"{spec.label}{who}-{self.today.isoformat()}.pdf"

    def default_folder(self) -> Path:
        saved = app_settings().value(FOLDER_KEY)
        if saved and Path(str(saved)).is_dir():
            return Path(str(saved))
        documents = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation)
        return Path(documents) if documents else Path.home()

    def preview(self) -> None:
        """Print to a temporary file and open it in the system's PDF viewer."""
        if self.missing() or self.busy:
            return
        folder = Path(tempfile.mkdtemp(prefix="dropout-ledger-print-"))
        self._print(folder / self.default_name(), open_after=True)

    def save_as(self) -> None:
        """Ask for a file name, then print there."""
        if self.missing() or self.busy:
            return
        chosen, _filter = QFileDialog.getSaveFileName(
            self, _tr("保存为 PDF"), str(self.default_folder() / self.default_name()),
            _tr("PDF 文件 (*.pdf)"))
        if not chosen:
            return
        path = Path(chosen)
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        app_settings().setValue(FOLDER_KEY, str(path.parent))
        self._print(path, open_after=False)

    def _print(self, path: Path, *, open_after: bool) -> None:
        request = self.request()
        results: list[PrintResult] = []

        def work(ledger: Ledger) -> Changes:
            results.append(print_form(ledger, request, path))
            return Changes(events=1)  # the audit event; nothing on screen changes

        def done(_changes: Changes) -> None:
            self.busy = False
            result = results[0]
            self.last_file = result.file
            if open_after:
                opened = QDesktopServices.openUrl(QUrl.fromLocalFile(str(result.file)))
                self.done_label.setText(
                    _tr("已生成预览（{pages} 页），已在 PDF 阅读器中打开。").format(
                        pages=result.pages) if opened else
                    _tr("无法打开 PDF 阅读器。文件在：{file}").format(file=result.file))
            else:
                self.done_label.setText(_tr("已保存：{file}（{pages} 页）").format(
                    file=result.file, pages=result.pages))
            self._refresh()
            self.printed.emit(result)

        def failed(_error: Exception) -> None:
            self.busy = False
            self._refresh()

        self.busy = True
        self.done_label.clear()
        self._refresh()
        self.runner.op(work, parent=self, initiator=self, on_done=done, on_failed=failed)
