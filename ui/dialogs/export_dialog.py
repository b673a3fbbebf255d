"""导出到 Excel: one roster view, or the statistics, as the .xlsx the county asks for.

The dialog only chooses; the core does the rest (docs/decisions/0011-xlsx-exports.md):
`export_roster`, `export_template` and `export_stats` stream the rows, write a temporary file
and rename it, so a stopped or failed export leaves no half file behind. They only read the
ledger, so they run through `runner.query` on the worker thread, with a progress bar and 停止
(the core's progress callback raises to stop it).

Privacy follows the core's rule, shown rather than discovered: 完整身份证号 and 家庭经济困难类别
appear only for a role that may export them (`model.access`), and the note under the options
says what the file will hold. A role that may not export named lists at all (a class teacher)
is told why and offered the statistics, which hold no names. No role (accounts are not built
yet) exports the masked list every printout shows, as the core allows.

The file is named after what it holds and the day (控辍保学名单-全部学生-2026-11-22.xlsx) in the
Documents folder, never over an earlier export: principals send several versions a term, and
the county asks which one is which.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QStandardPaths, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from dropout_ledger.exporting import (
    VIEW_TITLES,
    ExportResult,
    export_roster,
    export_stats,
    export_template,
)
from dropout_ledger.ledger import Ledger
from dropout_ledger.model.access import Permission, may
from dropout_ledger.sync import templates
from ui.i18n import QT_TRANSLATE_NOOP
from ui.ops import Runner


def _tr(text: str) -> str:
    return QCoreApplication.translate("ExportDialog", text)


STATS = "stats"
"""The combo's value for the statistics (not a roster view)."""
ERROR_COLOUR = "#b00020"
WARN_COLOUR = "#8a5a00"
OK_COLOUR = "#2e7d32"
QUIET_COLOUR = "#666666"

# The roster views (exporting.VIEW_TITLES) as the dialog and the file names show them.
VIEW_NAMES: dict[str, str] = {
    "all": QT_TRANSLATE_NOOP("ExportDialog", "全部学生"),
    "on-roll": QT_TRANSLATE_NOOP("ExportDialog", "在籍学生"),
    "at-risk": QT_TRANSLATE_NOOP("ExportDialog", "预警学生"),
    "suspected": QT_TRANSLATE_NOOP("ExportDialog", "疑似辍学学生"),
    "dropped": QT_TRANSLATE_NOOP("ExportDialog", "辍学学生"),
    "returned": QT_TRANSLATE_NOOP("ExportDialog", "复学跟踪学生"),
    "home-taught": QT_TRANSLATE_NOOP("ExportDialog", "送教上门学生"),
    "suspended": QT_TRANSLATE_NOOP("ExportDialog", "休学学生"),
}
_LAST_TEMPLATE: dict[str, Path] = {}
"""The county template chosen last: the same one is used all term."""


def view_name(view: str) -> str:
    return _tr(VIEW_NAMES[view]) if view in VIEW_NAMES else VIEW_TITLES.get(view, view)


def documents_folder() -> Path:
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(found) if found else Path.home()


def free_name(folder: Path, name: str) -> Path:
    """`folder/name`, or `name（2）…` when that file exists: an export never replaces another."""
    path = folder / name
    number = 2
    while path.exists():
        path = folder / f"{Path(name).stem}（{number}）{Path(name).suffix}"
        number += 1
    return path


class _Stopped(Exception):
    """Raised from the progress callback to stop an export (the core leaves no file)."""


class _Progress:
    """Written by the worker, read by a GUI timer; `stopped` is set by the GUI (see import_wizard)."""

    def __init__(self) -> None:
        self.done = 0
        self.total = 0
        self.stopped = False

    def __call__(self, done: int, total: int) -> None:
        self.done, self.total = done, total
        if self.stopped:
            raise _Stopped


@dataclass(frozen=True)
class _Facts:
    """What the dialog needs from the ledger before it can offer anything."""

    today: dt.date
    counts: dict[str, int]
    found: dict[str, int]  # pupils matching the search, per view ({} without a search)
    template_ready: bool  # the county profile maps a template's columns
    county_templates: tuple[tuple[str, str, int], ...] = ()
    """(name, file name, version) of each template the county sent, most recent first."""


class ExportDialog(QDialog):
    """Export a roster view (optionally into the county's template) or the statistics."""

    exported = Signal(object)
    """Emitted with the core's `ExportResult` once the file is written."""

    def __init__(self, runner: Runner, role: str, view: str = "all", search: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.role = role
        self.search = search.strip()
        self.may_list = not role or may(role, Permission.EXPORT_LISTS)
        self.facts: _Facts | None = None
        self.export_result: ExportResult | None = None
        self.busy = False
        self._default_path = ""
        self._progress = _Progress()
        self._timer = QTimer(self)
        self._timer.setInterval(100)
        self._timer.timeout.connect(self._show_progress)
        self.setWindowTitle(_tr("导出到 Excel"))
        self.setMinimumWidth(620)
        self._build(view)
        self._connect()
        self._refresh()

        search_text = self.search

        def read(ledger: Ledger) -> _Facts:
            counts = {v: ledger.queries.count(v) for v in VIEW_TITLES}
            found = {v: ledger.queries.count(v, search=search_text)
                     for v in VIEW_TITLES} if search_text else {}
            ready = bool(ledger.settings.profile().get("county_template_columns"))
            sent = tuple((t.name, t.title, t.version) for t in templates.available(ledger))
            return _Facts(ledger.clock.today(), counts, found, ready, sent)

        runner.query(read, on_done=self._loaded, parent=self)

    # -- building ----------------------------------------------------------------------------

    def _build(self, view: str) -> None:
        self.view_combo = QComboBox()
        if self.may_list:
            for key in VIEW_TITLES:
                self.view_combo.addItem(view_name(key), key)
        self.view_combo.addItem(_tr("统计表（按年级和状态，不含姓名）"), STATS)
        self.view_combo.setCurrentIndex(max(self.view_combo.findData(view), 0))
        self.role_note = QLabel(_tr(
            "当前操作员的角色不能导出学生名单：名单中有学生的姓名、身份证号等个人信息，"
            "只能由校长或学籍管理员导出。可以导出不含姓名的统计表。"))
        self.role_note.setWordWrap(True)
        self.role_note.setStyleSheet(f"color: {WARN_COLOUR};")
        self.role_note.setVisible(not self.may_list)
        self.search_check = QCheckBox()
        self.search_check.setChecked(bool(self.search))
        self._build_county()
        self.template_check = QCheckBox(_tr("按县级模板填写"))
        self.template_edit = QLineEdit()
        self.template_edit.setPlaceholderText(_tr("县教育局下发的模板文件（.xlsx）"))
        self.template_edit.setText(str(_LAST_TEMPLATE.get("path", "")))
        self.template_button = QPushButton(_tr("选择模板…"))
        self.template_note = QLabel()  # one short line: a wrapped label in a form leaves a gap
        self.template_note.setStyleSheet(f"color: {QUIET_COLOUR};")
        self.full_ids_check = QCheckBox(_tr("完整身份证号和学籍号（不隐去中间部分）"))
        self.full_ids_check.setVisible(may(self.role, Permission.FULL_IDS))
        self.restricted_check = QCheckBox(_tr("家庭经济困难类别"))
        self.restricted_check.setVisible(may(self.role, Permission.RESTRICTED))
        self.privacy_note = QLabel()
        self.privacy_note.setWordWrap(True)
        self.path_edit = QLineEdit()
        self.browse_button = QPushButton(_tr("浏览…"))
        for button in (self.template_button, self.browse_button):
            button.setAutoDefault(False)
        self.progress_bar = QProgressBar()
        self.progress_bar.hide()
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.open_folder_button = QPushButton(_tr("打开所在文件夹"))
        self.open_folder_button.setAutoDefault(False)
        self.open_folder_button.hide()
        self.hint_label = QLabel()
        self.hint_label.setWordWrap(True)
        self.hint_label.setStyleSheet(f"color: {ERROR_COLOUR};")
        self.export_button = QPushButton(_tr("导出"))
        self.export_button.setDefault(True)
        self.close_button = QPushButton(_tr("取消"))
        self.close_button.setAutoDefault(False)
        self._layout()

    def _build_county(self) -> None:
        """按县里下发的模板填写: the template the county sent with its sync package."""
        self.county_check = QCheckBox(_tr("按县里下发的模板填写"))
        self.county_combo = QComboBox()  # shown only when the county sent more than one
        self.county_note = QLabel()
        self.county_note.setStyleSheet(f"color: {QUIET_COLOUR};")
        self.county_row = QWidget()
        row = QHBoxLayout(self.county_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.county_combo)
        row.addWidget(self.county_note, 1)
        self._county_files: dict[str, tuple[str, int]] = {}

    def _layout(self) -> None:
        self.template_row = QWidget()
        template_row = QHBoxLayout(self.template_row)
        template_row.setContentsMargins(0, 0, 0, 0)
        template_row.addWidget(self.template_edit, 1)
        template_row.addWidget(self.template_button)
        self.options_box = QWidget()
        path_row = QHBoxLayout()
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(self.browse_button)
        options = QVBoxLayout(self.options_box)
        options.setContentsMargins(0, 0, 0, 0)
        for widget in (self.full_ids_check, self.restricted_check):
            options.addWidget(widget)
        form = QFormLayout()
        form.addRow(_tr("导出内容："), self.view_combo)
        form.addRow("", self.search_check)
        form.addRow("", self.county_check)
        form.addRow("", self.county_row)
        form.addRow("", self.template_check)
        form.addRow("", self.template_row)
        form.addRow("", self.template_note)
        form.addRow(_tr("同时导出："), self.options_box)
        form.addRow(_tr("保存到："), path_row)
        self.form = form
        done_row = QHBoxLayout()
        done_row.addWidget(self.status_label, 1)
        done_row.addWidget(self.open_folder_button)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.role_note)
        layout.addLayout(form)
        layout.addWidget(self.privacy_note)
        layout.addWidget(self.progress_bar)
        layout.addLayout(done_row)
        layout.addWidget(self.hint_label)
        layout.addStretch(1)
        layout.addLayout(buttons)

    def _connect(self) -> None:
        self.view_combo.currentIndexChanged.connect(self._choice_changed)
        for check in (self.search_check, self.template_check, self.full_ids_check,
                      self.restricted_check, self.county_check):
            check.toggled.connect(self._choice_changed)
        # The county's template and a file of one's own are two ways to fill one sheet.
        self.county_check.toggled.connect(lambda on: self._exclusive(on, self.template_check))
        self.template_check.toggled.connect(lambda on: self._exclusive(on, self.county_check))
        self.county_combo.currentIndexChanged.connect(self._choice_changed)
        for edit in (self.template_edit, self.path_edit):
            edit.textChanged.connect(self._refresh)
        self.template_button.clicked.connect(self.choose_template)
        self.browse_button.clicked.connect(self.choose_path)
        self.open_folder_button.clicked.connect(self.open_folder)
        self.export_button.clicked.connect(self.export)
        self.close_button.clicked.connect(self.reject)

    @staticmethod
    def _exclusive(on: bool, other: QCheckBox) -> None:
        """A check just ticked unticks the other way of filling a template."""
        if on:
            other.setChecked(False)

    # -- state -------------------------------------------------------------------------------

    def _loaded(self, facts: _Facts) -> None:
        self.facts = facts
        for index in range(self.view_combo.count()):
            key = self.view_combo.itemData(index)
            if key in facts.counts:
                self.view_combo.setItemText(index, _tr("{view}（{count} 人）").format(
                    view=view_name(key), count=facts.counts[key]))
        for name, title, version in facts.county_templates:
            self._county_files[name] = (title, version)
            self.county_combo.addItem(name, name)
        self._choice_changed()

    def view(self) -> str:
        return str(self.view_combo.currentData())

    def is_stats(self) -> bool:
        return self.view() == STATS

    def use_template(self) -> bool:
        """Fill a template file chosen on this computer."""
        return not self.is_stats() and self.template_check.isChecked() \
            and not self.use_county_template()

    def use_county_template(self) -> bool:
        """Fill the template the county sent with its sync package (sync/templates.py)."""
        return not self.is_stats() and self.county_check.isChecked() and self.has_county_template()

    def has_county_template(self) -> bool:
        return self.facts is not None and bool(self.facts.county_templates)

    def county_template_name(self) -> str | None:
        data = self.county_combo.currentData()
        return str(data) if data is not None else None

    def pupils(self) -> int | None:
        """How many pupils the export will hold (None until counted, and for statistics)."""
        if self.facts is None or self.is_stats():
            return None
        if self.search and self.search_check.isChecked():
            return self.facts.found.get(self.view())
        return self.facts.counts.get(self.view())

    def _choice_changed(self) -> None:
        """The view or an option changed: new default file name, options that apply, notes."""
        stats = self.is_stats()
        view = self.view()
        if self.search:
            found = self.facts.found.get(view, 0) if self.facts and not stats else None
            self.search_check.setText(
                _tr("只导出搜索“{search}”找到的 {count} 名学生").format(
                    search=self.search, count=found) if found is not None else
                _tr("只导出搜索“{search}”找到的学生").format(search=self.search))
        ready = self.facts is not None and self.facts.template_ready
        self.template_note.setText(_tr("县级配置中还没有设置模板的各列对应，暂时不能按模板填写。"))
        sent = self.has_county_template()
        chosen = self._county_files.get(self.county_template_name() or "")
        if chosen is not None:
            self.county_note.setText(_tr("{title}（第 {version} 版）").format(
                title=chosen[0], version=chosen[1]))
        self.county_combo.setVisible(self.county_combo.count() > 1)
        self.template_check.setText(_tr("按本机的模板文件填写") if sent else _tr("按县级模板填写"))
        # Rows that do not apply are taken out of the form, not left as empty gaps.
        rows = {self.search_check: bool(self.search) and not stats,
                self.county_check: not stats and sent,
                self.county_row: not stats and sent and self.county_check.isChecked(),
                self.template_check: not stats,
                self.template_row: not stats and self.template_check.isChecked(),
                self.template_note: not stats and self.facts is not None and not ready,
                self.options_box: not stats and self.may_see_more()}
        for widget, visible in rows.items():
            self.form.setRowVisible(widget, visible)
        self._suggest_path()
        self._privacy_text()
        self._refresh()

    def may_see_more(self) -> bool:
        """Whether the role may add whole ID numbers or restricted fields (the options exist)."""
        return may(self.role, Permission.FULL_IDS) or may(self.role, Permission.RESTRICTED)

    def full_ids(self) -> bool:
        return may(self.role, Permission.FULL_IDS) and self.full_ids_check.isChecked()

    def restricted(self) -> bool:
        return may(self.role, Permission.RESTRICTED) and self.restricted_check.isChecked()

    def _privacy_text(self) -> None:
        if self.is_stats():
            text, colour = _tr("统计表只有人数，不含学生的姓名和证件号。"), QUIET_COLOUR
        elif self.full_ids():
            text, colour = _tr("文件中将有完整的身份证号和学籍号：请妥善保管，只交给需要的单位，"
                               "不要在微信群、QQ群中转发。"), WARN_COLOUR
        else:
            text, colour = _tr("身份证号和学籍号将隐去中间部分（保留前 6 位和后 4 位）。"), QUIET_COLOUR
        if not self.is_stats() and self.restricted():
            text += _tr("家庭经济困难类别属于受限信息，同样请妥善保管。")
            colour = WARN_COLOUR
        self.privacy_note.setText(text)
        self.privacy_note.setStyleSheet(f"color: {colour};")

    def default_name(self) -> str:
        day = (self.facts.today if self.facts else dt.date.today()).isoformat()
        if self.is_stats():
            return _tr("控辍保学统计表-{date}.xlsx").format(date=day)
        if self.use_template() or self.use_county_template():
            return _tr("控辍保学名单-{view}-县级模板-{date}.xlsx").format(
                view=view_name(self.view()), date=day)
        return _tr("控辍保学名单-{view}-{date}.xlsx").format(view=view_name(self.view()), date=day)

    def _suggest_path(self) -> None:
        """Follow the content with the file name until the person chose a name of her own."""
        current = self.path_edit.text().strip()
        if current and current != self._default_path:
            return
        folder = Path(current).parent if current else documents_folder()
        self._default_path = str(free_name(folder, self.default_name()))
        self.path_edit.setText(self._default_path)

    def missing(self) -> str:
        """Why 导出 is disabled ("" when it is not)."""
        if self.facts is None:
            return _tr("正在读取台账…")
        if self.use_template() and not self.template_edit.text().strip():
            return _tr("请选择县级模板文件。")
        if not self.path_edit.text().strip():
            return _tr("请选择保存位置。")
        if self.pupils() == 0:
            return _tr("这份名单中没有学生，不需要导出。")
        return ""

    def _refresh(self) -> None:
        lacks = "" if self.busy else self.missing()
        self.hint_label.setText(lacks if self.facts is not None else "")
        self.export_button.setEnabled(not lacks and not self.busy)
        needs_mapping = (self.template_check, self.county_check)
        for widget in (self.view_combo, self.search_check, self.template_check,
                       self.template_edit, self.template_button, self.full_ids_check,
                       self.restricted_check, self.path_edit, self.browse_button,
                       self.county_check, self.county_combo):
            widget.setEnabled(not self.busy and (widget not in needs_mapping or bool(
                self.facts and self.facts.template_ready)))
        self.close_button.setText(_tr("停止") if self.busy else
                                  _tr("关闭") if self.export_result is not None else _tr("取消"))
        self._fit_height()

    def _fit_height(self) -> None:
        """Grow to fit notes that now wrap onto more lines (Qt would squeeze the form instead)."""
        layout = self.layout()
        if layout is None:
            return
        layout.activate()
        needed = layout.totalHeightForWidth(self.width()) if layout.hasHeightForWidth() else -1
        if needed > self.height():
            self.resize(self.width(), needed)

    # -- choosing files ----------------------------------------------------------------------

    def choose_template(self) -> None:
        start = self.template_edit.text().strip() or str(documents_folder())
        path, _chosen = QFileDialog.getOpenFileName(
            self, _tr("选择县级模板"), start, _tr("Excel 表格或模板 (*.xlsx *.xltx)"))
        if path:
            self.template_edit.setText(path)

    def choose_path(self) -> None:
        path, _chosen = QFileDialog.getSaveFileName(
            self, _tr("导出到"), self.path_edit.text().strip() or str(documents_folder()),
            _tr("Excel 表格 (*.xlsx)"))
        if path:
            self.path_edit.setText(path if path.lower().endswith(".xlsx") else path + ".xlsx")

    def open_folder(self) -> None:
        if self.export_result is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(Path(self.export_result.file).parent)))

    # -- exporting ---------------------------------------------------------------------------

    def export(self) -> None:
        """Write the file on the worker thread; the core writes a temporary file, then renames."""
        if self.missing() or self.busy:
            return
        text = self.path_edit.text().strip()
        out = Path(text if text.lower().endswith(".xlsx") else text + ".xlsx")
        template = Path(self.template_edit.text().strip()) if self.use_template() else None
        county_template = self.county_template_name() if self.use_county_template() else None
        if template is not None:
            _LAST_TEMPLATE["path"] = template
        options: dict[str, Any] = {
            "role": self.role,
            "full_ids": self.full_ids(),
            "restricted": self.restricted(),
            "search": self.search if self.search_check.isChecked() else "",
        }
        view = self.view()
        progress = self._progress = _Progress()

        def run(ledger: Ledger) -> ExportResult | None:
            try:
                if view == STATS:
                    return export_stats(ledger, out)
                if county_template is not None:
                    return templates.fill(ledger, view, out, name=county_template,
                                          progress=progress, **options)
                if template is not None:
                    return export_template(ledger, view, template, out, progress=progress,
                                           **options)
                return export_roster(ledger, view, out, progress=progress, **options)
            except _Stopped:
                return None

        self.busy, self.export_result = True, None
        self.status_label.setText(_tr("正在导出…"))
        self.status_label.setStyleSheet("")
        self.open_folder_button.hide()
        self.progress_bar.setRange(0, 0)
        self.progress_bar.show()
        self._timer.start()
        self._refresh()
        self.runner.query(run, on_done=self._exported, on_failed=self._failed, parent=self)

    def _stop_work(self) -> None:
        self._timer.stop()
        self.busy = False
        self.progress_bar.hide()

    def _exported(self, result: ExportResult | None) -> None:
        self._stop_work()
        if result is None:
            self.status_label.setText(_tr("已停止导出，没有留下文件。"))
            self._refresh()
            return
        self.export_result = result
        self.status_label.setText(self._result_text(result))
        self.status_label.setStyleSheet(f"color: {OK_COLOUR};")
        self.open_folder_button.show()
        self._suggest_path()  # a suggested name moves on: a second export never replaces this
        self._refresh()
        self.exported.emit(result)

    def _result_text(self, result: ExportResult) -> str:
        if result.view == STATS:
            text = _tr("已导出统计表：{path}").format(path=result.file)
        else:
            text = _tr("已导出 {count} 名学生：{path}").format(count=result.rows, path=result.file)
        if result.withheld:
            text += "\n" + _tr("模板中有 {count} 列受限信息没有填写：当前操作员无权导出。").format(
                count=len(result.withheld))
        return text

    def _failed(self, _error: Exception) -> None:
        """The runner has shown the core's refusal; keep the choices so they can be fixed."""
        self._stop_work()
        self.status_label.setText("")
        self._refresh()

    def _show_progress(self) -> None:
        progress = self._progress
        if progress.total:
            self.progress_bar.setRange(0, progress.total)
            self.progress_bar.setValue(progress.done)
            self.status_label.setText(_tr("正在导出：{done} / {total} 名学生…").format(
                done=progress.done, total=progress.total))

    def reject(self) -> None:
        """Cancel and Esc stop a running export first (the core leaves no file behind)."""
        if self.busy:
            self._progress.stopped = True
            return
        super().reject()


__all__ = ["STATS", "VIEW_NAMES", "ExportDialog", "free_name", "view_name"]
