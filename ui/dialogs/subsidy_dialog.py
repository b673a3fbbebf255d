"""资助发放 for a whole class at once: pick the class, item and term, tick who was paid, save once.

Why a class sheet: subsidies are paid per term to lists of pupils, and the 资助专管员 enters a
class from the bank's or the county's list in one sitting. Each on-roll pupil is one row with a
tick (发放) and an amount in 元 prefilled from the national standard for the class's stage (a term
is half a year's standard). The keyboard does it all: arrows move, space ticks from anywhere in
the row, typing a number edits the amount (and ticks the row: nobody types an amount for a pupil
who was not paid), Enter saves.

Why amounts are checked here and again in the core: 保存 stays disabled, with the reason under
the table, until every ticked amount is a positive number of 元 with at most two decimals; the
conversion to integer 分 is the core's exact Decimal rule (`services/aid.yuan_to_fen`), never a
float. A pupil already paid the same item for the same term is marked in the sheet and named in
an orange warning, but not blocked: a top-up is sometimes real, a double payment usually is not,
and only a person can tell which.

Privacy: the family's economic category (the four categories of need) is restricted data. It is
read, shown and used for ticking only when the operator's role has `Permission.RESTRICTED`; ID
numbers are masked unless the role has `Permission.FULL_IDS`. Nothing is ticked by default.

Why one `aid.pay_class` call: the class's payments are one transaction through `runner.op`, so a
refused row leaves nothing half-written; the core's row numbers come back as pupils' names.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dropout_ledger.errors import ValidationError
from dropout_ledger.ledger import Ledger
from dropout_ledger.model import codes
from dropout_ledger.model.access import Permission, may
from dropout_ledger.model.changes import Changes
from dropout_ledger.model.identity import mask_id_number
from dropout_ledger.services import aid
from dropout_ledger.services.aid import BadAmount, ClassPupil, Payment
from ui.i18n import QT_TRANSLATE_NOOP
from ui.labels import grade_text
from ui.ops import Runner

TICK, NAME, ID_NUMBER, BOARDING, GROUPS, ECONOMIC, AMOUNT, PAID = range(8)
"""Column numbers of the class sheet (ECONOMIC is hidden unless the role may see it)."""

_OK_COLOUR = "color: #1b5e20;"
_WARN_COLOUR = "color: #8a4b00;"
_ERROR_COLOUR = "color: #b00020;"
_NAMES_SHOWN = 5
"""How many pupils a message names before it says "等 N 人"."""


def _tr(text: str) -> str:
    return QCoreApplication.translate("SubsidyDialog", text)


# The core's labels are Chinese only; the same words, marked for translation, keyed by code.
_ITEM_LABELS = {
    "living_boarding": QT_TRANSLATE_NOOP("SubsidyDialog", "家庭经济困难寄宿生生活补助"),
    "living_day": QT_TRANSLATE_NOOP("SubsidyDialog", "家庭经济困难非寄宿生生活补助"),
    "nutrition": QT_TRANSLATE_NOOP("SubsidyDialog", "营养改善计划膳食补助"),
    "disability": QT_TRANSLATE_NOOP("SubsidyDialog", "残疾学生补助"),
    "local": QT_TRANSLATE_NOOP("SubsidyDialog", "地方资助项目"),
    "other": QT_TRANSLATE_NOOP("SubsidyDialog", "其他"),
}
_CHANNEL_LABELS = {
    "card": QT_TRANSLATE_NOOP("SubsidyDialog", "惠民一卡通/社保卡"),
    "bank": QT_TRANSLATE_NOOP("SubsidyDialog", "银行卡"),
    "meal": QT_TRANSLATE_NOOP("SubsidyDialog", "以餐代补（不发现金）"),
    "in_kind": QT_TRANSLATE_NOOP("SubsidyDialog", "实物"),
    "other": QT_TRANSLATE_NOOP("SubsidyDialog", "其他"),
}
_ECONOMIC_LABELS = {
    "poverty_exit": QT_TRANSLATE_NOOP("SubsidyDialog", "脱贫户"),
    "monitored": QT_TRANSLATE_NOOP("SubsidyDialog", "监测户"),
    "dibao": QT_TRANSLATE_NOOP("SubsidyDialog", "低保户"),
    "tekun": QT_TRANSLATE_NOOP("SubsidyDialog", "特困供养"),
}
_GROUP_LABELS = {
    "left_behind": QT_TRANSLATE_NOOP("SubsidyDialog", "留守"),
    "orphan": QT_TRANSLATE_NOOP("SubsidyDialog", "孤儿"),
    "unsupported": QT_TRANSLATE_NOOP("SubsidyDialog", "事实无人抚养"),
    "in_difficulty": QT_TRANSLATE_NOOP("SubsidyDialog", "困境"),
    "disability": QT_TRANSLATE_NOOP("SubsidyDialog", "残疾"),
    "migrant": QT_TRANSLATE_NOOP("SubsidyDialog", "随迁"),
}
_AMOUNT_REASONS = {
    "empty": QT_TRANSLATE_NOOP("SubsidyDialog", "金额未填"),
    "not_number": QT_TRANSLATE_NOOP("SubsidyDialog", "金额不是数字"),
    "decimals": QT_TRANSLATE_NOOP("SubsidyDialog", "金额最多两位小数"),
    "not_positive": QT_TRANSLATE_NOOP("SubsidyDialog", "金额应大于 0"),
    "too_large": QT_TRANSLATE_NOOP("SubsidyDialog", "金额过大"),
}
_STAGES = {
    "primary": QT_TRANSLATE_NOOP("SubsidyDialog", "小学"),
    "junior": QT_TRANSLATE_NOOP("SubsidyDialog", "初中"),
}


def _checked(item: QTableWidgetItem | None) -> bool:
    return item is not None and item.checkState() == Qt.CheckState.Checked


def amount_problem(text: str) -> str:
    """Why `text` is not an amount in 元 (translated), or "" when it is one."""
    try:
        aid.yuan_to_fen(text)
    except BadAmount as bad:
        return _tr(_AMOUNT_REASONS[bad.kind])
    return ""


def _some(names: list[str]) -> str:
    """'王芳、李华' or '王芳、李华、…等 7 人' for a message."""
    shown = _tr("、").join(names[:_NAMES_SHOWN])
    if len(names) <= _NAMES_SHOWN:
        return shown
    return _tr("{names}等 {n} 人").format(names=shown, n=len(names))


class _ClassSheet(QTableWidget):
    """The table, with space ticking 发放 from any column of the row."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Space anywhere in a row ticks or unticks it (Qt would only tick on the tick cell)."""
        index = self.currentIndex()
        if (event.key() == Qt.Key.Key_Space and index.isValid() and index.column() != TICK
                and self.state() != QAbstractItemView.State.EditingState):
            item = self.item(index.row(), TICK)
            if item is not None:
                item.setCheckState(
                    Qt.CheckState.Unchecked if _checked(item) else Qt.CheckState.Checked
                )
            return
        super().keyPressEvent(event)


class SubsidyDialog(QDialog):
    """Record one subsidy item for one term for the ticked pupils of a class.

    `saved(changes)` is emitted after each save; the dialog stays open (another item, another
    class) and shows what was written.
    """

    saved = Signal(object)
    """Emitted with the core's `Changes` after a save."""

    def __init__(
        self,
        runner: Runner,
        role: str,
        grade: int | None = None,
        class_name: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.runner = runner
        self.role = role
        self.full_ids = may(role, Permission.FULL_IDS)
        self.restricted = may(role, Permission.RESTRICTED)
        self.pupils: list[ClassPupil] = []
        self.loaded = False
        self._wanted = (grade, class_name)
        self._classes: list[tuple[int, str]] = []
        self._default_text = ""
        self._standard_text = ""
        self._standard_key: tuple[str, str] | None = None
        self._load_token = 0
        self._saving = False
        self._filling = False
        self._done_text = ""
        self.setWindowTitle(_tr("资助发放登记"))
        self.resize(820, 620)

        self._build_widgets()
        self._build_layout()
        self._connect()

        self.save_button.setEnabled(False)
        self.status_label.setText(_tr("正在读取班级名单…"))

        def read(ledger: Ledger) -> tuple[list[tuple[int, str]], dt.date]:
            return aid.classes(ledger), ledger.clock.today()

        runner.query(read, on_done=self._classes_loaded, parent=self)

    # -- building ------------------------------------------------------------------------------

    def _build_widgets(self) -> None:
        """Create the fields (split from __init__ only to keep it readable)."""
        self.grade_combo = QComboBox()
        self.class_combo = QComboBox()
        self.item_combo = QComboBox()
        for entry in codes.SUBSIDY_ITEMS:
            self.item_combo.addItem(_tr(_ITEM_LABELS.get(entry.code, entry.label)), entry.code)
        self.period_edit = QLineEdit()
        self.period_edit.setPlaceholderText(_tr("如：2026年秋季学期"))
        self.amount_edit = QLineEdit()
        self.amount_edit.setPlaceholderText(_tr("单位：元"))
        self.amount_edit.setMaximumWidth(120)
        self.standard_label = QLabel()
        self.date_edit = QDateEdit()
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.channel_combo = QComboBox()
        for entry in codes.PAYMENT_CHANNELS:
            self.channel_combo.addItem(
                _tr(_CHANNEL_LABELS.get(entry.code, entry.label)), entry.code)
        self._build_sheet()
        self._build_messages()

    def _build_sheet(self) -> None:
        """The class sheet and the tick buttons above it."""
        self.table = _ClassSheet(0, 8)
        self.table.setHorizontalHeaderLabels([
            _tr("发放"), _tr("姓名"), _tr("身份证号"), _tr("住校"), _tr("特殊群体"),
            _tr("困难类别"), _tr("金额（元）"), _tr("本期已发"),
        ])
        self.table.setColumnHidden(ECONOMIC, not self.restricted)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.table.setTabKeyNavigation(False)  # Tab leaves the table for 保存
        header = self.table.horizontalHeader()
        for column in range(8):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(PAID, QHeaderView.ResizeMode.Stretch)

        self.all_button = QPushButton(_tr("全选"))
        self.none_button = QPushButton(_tr("全不选"))
        self.needy_button = QPushButton(_tr("勾选家庭经济困难学生"))
        self.needy_button.setToolTip(_tr("勾选有家庭经济困难类别的学生（仅有权限的角色可见）"))
        self.needy_button.setVisible(self.restricted)
        for button in (self.all_button, self.none_button, self.needy_button):
            button.setAutoDefault(False)
        self.count_label = QLabel()

    def _build_messages(self) -> None:
        """The keyboard hint, the double-payment warning, what is missing, and the buttons."""
        self.hint_label = QLabel(
            _tr("方向键移动，空格勾选或取消；直接输入数字修改金额；回车保存。"))
        self.hint_label.setWordWrap(True)
        self.hint_label.setStyleSheet("color: palette(mid);")
        self.warn_label = QLabel()
        self.warn_label.setWordWrap(True)
        self.warn_label.setStyleSheet(_WARN_COLOUR)
        self.warn_label.setVisible(False)
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)

        self.buttons = QDialogButtonBox()
        self.save_button: QPushButton = self.buttons.addButton(
            _tr("保存"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.close_button: QPushButton = self.buttons.addButton(
            _tr("关闭"), QDialogButtonBox.ButtonRole.RejectRole)
        self.close_button.setAutoDefault(False)
        self.save_button.setDefault(True)  # Enter saves (while a cell is edited it commits)

    def _build_layout(self) -> None:
        """Two columns of fields above the sheet; the messages sit between sheet and buttons."""
        grid = QGridLayout()
        grid.setHorizontalSpacing(10)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        amount_row = QHBoxLayout()
        amount_row.addWidget(self.amount_edit)
        amount_row.addSpacing(8)
        amount_row.addWidget(self.standard_label, 1)
        rows: list[tuple[str, QWidget | QHBoxLayout, str, QWidget | None]] = [
            (_tr("年级："), self.grade_combo, _tr("班级："), self.class_combo),
            (_tr("资助项目："), self.item_combo, _tr("发放方式："), self.channel_combo),
            (_tr("资助期间："), self.period_edit, _tr("发放日期："), self.date_edit),
            (_tr("每人金额："), amount_row, "", None),
        ]
        for r, (left, left_widget, right, right_widget) in enumerate(rows):
            grid.addWidget(QLabel(left), r, 0)
            if isinstance(left_widget, QHBoxLayout):
                grid.addLayout(left_widget, r, 1, 1, 3)
            else:
                grid.addWidget(left_widget, r, 1)
            if right_widget is not None:
                grid.addWidget(QLabel(right), r, 2)
                grid.addWidget(right_widget, r, 3)

        ticks = QHBoxLayout()
        for button in (self.all_button, self.none_button, self.needy_button):
            ticks.addWidget(button)
        ticks.addStretch(1)
        ticks.addWidget(self.count_label)

        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addLayout(ticks)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.hint_label)
        layout.addWidget(self.warn_label)
        layout.addWidget(self.status_label)
        layout.addWidget(self.buttons)

    def _connect(self) -> None:
        self.grade_combo.currentIndexChanged.connect(self._grade_chosen)
        self.class_combo.currentIndexChanged.connect(self._class_chosen)
        self.item_combo.currentIndexChanged.connect(self._item_chosen)
        self.period_edit.textChanged.connect(self._refresh_paid)
        self.amount_edit.textChanged.connect(self._default_changed)
        self.table.itemChanged.connect(self._item_changed)
        self.all_button.clicked.connect(lambda: self.tick_all(True))
        self.none_button.clicked.connect(lambda: self.tick_all(False))
        self.needy_button.clicked.connect(self.tick_needy)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

    # -- choosing the class --------------------------------------------------------------------

    def _classes_loaded(self, answer: tuple[list[tuple[int, str]], dt.date]) -> None:
        self._classes, today = answer
        day = QDate(today.year, today.month, today.day)
        self.date_edit.setMaximumDate(day)
        self.date_edit.setDate(day)
        self.period_edit.setText(aid.term_of(today))
        grades = sorted({grade for grade, _ in self._classes})
        want_grade, want_class = self._wanted
        self.grade_combo.blockSignals(True)
        for grade in grades:
            self.grade_combo.addItem(grade_text(grade), grade)
        self.grade_combo.blockSignals(False)
        if not grades:
            self.status_label.setText(_tr("台账中没有在籍学生。"))
            return
        index = self.grade_combo.findData(want_grade) if want_grade is not None else 0
        self.grade_combo.blockSignals(True)
        self.grade_combo.setCurrentIndex(max(index, 0))
        self.grade_combo.blockSignals(False)
        self._grade_chosen(prefer=want_class)
        locked = (want_grade is not None and want_class is not None
                  and not may(self.role, Permission.WHOLE_SCHOOL))
        self.grade_combo.setEnabled(not locked)  # a class teacher keeps to the own class
        self.class_combo.setEnabled(not locked)

    def _grade_chosen(self, _index: int = 0, *, prefer: str | None = None) -> None:
        """Offer the grade's classes (`prefer` chosen if it is one), then read the class."""
        grade = self.grade_combo.currentData()
        self.class_combo.blockSignals(True)
        self.class_combo.clear()
        for g, name in self._classes:
            if g == grade:
                self.class_combo.addItem(name, name)
        if prefer is not None and self.class_combo.findData(prefer) >= 0:
            self.class_combo.setCurrentIndex(self.class_combo.findData(prefer))
        self.class_combo.blockSignals(False)
        self._class_chosen()

    def _class_chosen(self) -> None:
        grade, class_name = self.grade_combo.currentData(), self.class_combo.currentData()
        if grade is None or class_name is None:
            return
        self._load_class(int(grade), str(class_name))

    def _load_class(self, grade: int, class_name: str) -> None:
        """Read the class's pupils; only the answer to the latest request is shown."""
        self._load_token += 1
        token = self._load_token
        self.loaded = False
        self._refresh()
        self.status_label.setText(_tr("正在读取本班名单…"))
        restricted = self.restricted

        def read(ledger: Ledger) -> list[ClassPupil]:
            return aid.class_pupils(ledger, grade, class_name, include_restricted=restricted)

        self.runner.query(read, on_done=lambda pupils: self._pupils_loaded(token, pupils),
                          parent=self)

    def _pupils_loaded(self, token: int, pupils: list[ClassPupil]) -> None:
        if token != self._load_token:
            return
        self.pupils = pupils
        self._filling = True
        self.table.setRowCount(len(pupils))
        for r, pupil in enumerate(pupils):
            self._fill_row(r, pupil)
        self._filling = False
        self.loaded = True
        self._item_chosen()  # the standard depends on the class's stage
        self._refresh_paid()
        if pupils:
            self.table.setCurrentCell(0, TICK)
        self._refresh()

    def _fill_row(self, r: int, pupil: ClassPupil) -> None:
        fixed = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        tick = QTableWidgetItem()
        tick.setFlags(fixed | Qt.ItemFlag.ItemIsUserCheckable)
        tick.setCheckState(Qt.CheckState.Unchecked)
        shown_id = pupil.id_number if self.full_ids else mask_id_number(pupil.id_number)
        economic = _ECONOMIC_LABELS.get(pupil.economic_category)
        texts = {
            NAME: pupil.name,
            ID_NUMBER: shown_id,
            BOARDING: _tr("住校") if pupil.boarding else "",
            GROUPS: _tr("、").join(_tr(_GROUP_LABELS[g]) for g in pupil.groups),
            ECONOMIC: _tr(economic) if economic else pupil.economic_category,
            PAID: "",
        }
        self.table.setItem(r, TICK, tick)
        for column, text in texts.items():
            item = QTableWidgetItem(text)
            item.setFlags(fixed)
            self.table.setItem(r, column, item)
        amount = QTableWidgetItem(self.amount_edit.text().strip())
        amount.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.table.setItem(r, AMOUNT, amount)

    # -- item, standard and default amount -----------------------------------------------------

    def grade(self) -> int | None:
        """The grade of the class on the sheet (None before one is chosen)."""
        data = self.grade_combo.currentData()
        return int(data) if data is not None else None

    def item_code(self) -> str:
        return str(self.item_combo.currentData())

    def _item_chosen(self) -> None:
        """Prefill the per-pupil amount with the term standard of the item for this stage."""
        item, grade = self.item_code(), self.grade()
        if grade is None:  # no class yet: the standard depends on its stage
            return
        key = (item, codes.stage_of(grade))
        if key == self._standard_key:  # same item and stage: keep what the user typed
            self._refresh_paid()
            return
        self._standard_key = key
        standard = aid.term_standard_fen(item, grade)
        if standard is not None:
            self._standard_text = aid.fen_to_yuan(standard)
            self.amount_edit.setText(self._standard_text)
            self.standard_label.setText(_tr("国家标准：{stage}每生每学期 {yuan} 元").format(
                stage=_tr(_STAGES[codes.stage_of(grade)]), yuan=aid.fen_to_yuan(standard)))
        else:
            if self.amount_edit.text().strip() == self._standard_text:
                self.amount_edit.clear()  # another item's standard would be wrong here
            self._standard_text = ""
            self.standard_label.setText(_tr("该项目无国家统一标准，请按本地标准填写"))
        if item == "nutrition":  # spent on meals, never paid as cash (domain §7)
            self.channel_combo.setCurrentIndex(self.channel_combo.findData("meal"))
        elif self.channel_combo.currentData() == "meal":
            self.channel_combo.setCurrentIndex(0)
        self._refresh_paid()

    def _default_changed(self, text: str) -> None:
        """Rows still holding the previous default follow it; amounts typed per pupil stay."""
        previous, self._default_text = self._default_text, text.strip()
        self._filling = True
        for r in range(self.table.rowCount()):
            cell = self.table.item(r, AMOUNT)
            if cell is not None and cell.text().strip() in (previous, ""):
                cell.setText(self._default_text)
                self._mark_amount(cell)
        self._filling = False
        self._refresh()

    # -- ticking and amounts -------------------------------------------------------------------

    def _item_changed(self, item: QTableWidgetItem) -> None:
        """Typing an amount for a pupil means the pupil is paid: the row is ticked."""
        if self._filling:
            return
        if item.column() == AMOUNT:
            self._mark_amount(item)
            tick = self.table.item(item.row(), TICK)
            if tick is not None and not _checked(tick) and item.text().strip():
                tick.setCheckState(Qt.CheckState.Checked)  # re-enters here, then refreshes
                return
        if item.column() == TICK:
            self._done_text = ""
        self._refresh()

    def _mark_amount(self, cell: QTableWidgetItem) -> None:
        """Show a bad amount in red with its reason as the tooltip."""
        problem = amount_problem(cell.text()) if cell.text().strip() else ""
        cell.setForeground(QColor("#b00020") if problem else self.palette().text().color())
        cell.setToolTip(problem)

    def tick_all(self, on: bool) -> None:
        """全选 / 全不选."""
        state = Qt.CheckState.Checked if on else Qt.CheckState.Unchecked
        self._filling = True
        for r in range(self.table.rowCount()):
            cell = self.table.item(r, TICK)
            if cell is not None:
                cell.setCheckState(state)
        self._filling = False
        self._done_text = ""
        self._refresh()

    def tick_needy(self) -> None:
        """Tick pupils with an economic category (only a role that may see it has the button)."""
        if not self.restricted:
            return
        self._filling = True
        for r, pupil in enumerate(self.pupils):
            cell = self.table.item(r, TICK)
            if cell is not None and pupil.economic_category:
                cell.setCheckState(Qt.CheckState.Checked)
        self._filling = False
        self._done_text = ""
        self._refresh()

    def set_row(self, row: int, paid: bool = True, amount: str | None = None) -> None:
        """Fill one row as a person would (tests and scripted entry use this)."""
        if amount is not None:
            cell = self.table.item(row, AMOUNT)
            if cell is not None:
                cell.setText(amount)
        tick = self.table.item(row, TICK)
        if tick is not None:
            tick.setCheckState(Qt.CheckState.Checked if paid else Qt.CheckState.Unchecked)

    def ticked_rows(self) -> list[int]:
        return [r for r in range(self.table.rowCount()) if _checked(self.table.item(r, TICK))]

    def _amount_text(self, row: int) -> str:
        cell = self.table.item(row, AMOUNT)
        return cell.text() if cell is not None else ""

    # -- checks --------------------------------------------------------------------------------

    def missing(self) -> list[str]:
        """What stops saving, in Chinese (empty when the sheet can be saved)."""
        if not self.loaded:
            return [_tr("正在读取本班名单")]
        lacks = []
        if not self.period_edit.text().strip():
            lacks.append(_tr("请填写资助期间"))
        default = self.amount_edit.text()
        if default.strip() and amount_problem(default):
            lacks.append(_tr("每人金额：{reason}").format(reason=amount_problem(default)))
        rows = self.ticked_rows()
        if not rows:
            lacks.append(_tr("请勾选发放的学生"))
        bad = [r for r in rows if amount_problem(self._amount_text(r))]
        if bad:
            first = amount_problem(self._amount_text(bad[0]))
            lacks.append(_tr("{names}：{reason}").format(
                names=_some([self.pupils[r].name for r in bad]), reason=first))
        return lacks

    def double_payments(self) -> list[int]:
        """Ticked rows whose pupil already has this item for this period."""
        item, period = self.item_code(), self.period_edit.text()
        return [r for r in self.ticked_rows() if self.pupils[r].paid(item, period) is not None]

    def _refresh_paid(self) -> None:
        """Mark, for every pupil, what this item already paid in this period."""
        item, period = self.item_code(), self.period_edit.text()
        self._filling = True
        for r, pupil in enumerate(self.pupils):
            cell = self.table.item(r, PAID)
            if cell is None:
                continue
            paid = pupil.paid(item, period) if period.strip() else None
            cell.setText("" if paid is None else
                         _tr("已发 {yuan} 元").format(yuan=aid.fen_to_yuan(paid)))
            cell.setForeground(QColor("#8a4b00"))
        self._filling = False
        self._refresh()

    def total_fen(self) -> int:
        total = 0
        for r in self.ticked_rows():
            try:
                total += aid.yuan_to_fen(self._amount_text(r))
            except ValidationError:
                continue
        return total

    def _refresh(self) -> None:
        lacks = self.missing()
        self.save_button.setEnabled(not lacks and not self._saving)
        count = len(self.ticked_rows())
        self.count_label.setText(_tr("已勾选 {n} 人，合计 {yuan} 元").format(
            n=count, yuan=aid.fen_to_yuan(self.total_fen())))
        doubles = self.double_payments() if self.loaded else []
        self.warn_label.setVisible(bool(doubles))
        if doubles:
            self.warn_label.setText(_tr(
                "注意：{names}在{period}已领取过该项目，再保存将重复发放。请核对后再保存。"
            ).format(names=_some([self.pupils[r].name for r in doubles]),
                     period=self.period_edit.text().strip()))
        if self._done_text and not count:
            self.status_label.setText(self._done_text)
            self.status_label.setStyleSheet(_OK_COLOUR)
        elif self.loaded and not self.pupils:
            self.status_label.setText(_tr("本班没有在籍学生。"))
            self.status_label.setStyleSheet("")
        else:
            self.status_label.setText(_tr("；").join(lacks))
            self.status_label.setStyleSheet(_ERROR_COLOUR)
        self.status_label.setVisible(bool(self.status_label.text()))  # no empty gap

    # -- saving --------------------------------------------------------------------------------

    def payments(self) -> list[Payment]:
        """The ticked rows as exact payments (call only when `missing()` is empty)."""
        return [Payment(self.pupils[r].student_id, self.pupils[r].name,
                        aid.yuan_to_fen(self._amount_text(r))) for r in self.ticked_rows()]

    def save(self) -> None:
        """Write every ticked row in one transaction; nothing is written if one is refused."""
        if self.missing() or self._saving:
            return
        payments = self.payments()
        grade = self.grade() or 0
        item, period = self.item_code(), self.period_edit.text().strip()
        fields: dict[str, Any] = {
            "item": item, "period": period, "paid_date": self.date_edit.date().toPython(),
            "channel": str(self.channel_combo.currentData()),
            "standard_fen": aid.yearly_standard_fen(item, grade),
        }
        self._saving = True
        self._refresh()

        def pay(ledger: Ledger) -> Changes:
            return aid.pay_class(ledger, payments, **fields)

        total = sum(p.amount_fen for p in payments)
        self.runner.op(
            pay, parent=self, initiator=self,
            on_done=lambda changes: self._saved(changes, len(payments), total),
            on_failed=self._failed,
        )

    def _saved(self, changes: Changes, count: int, total: int) -> None:
        self._saving = False
        self._done_text = _tr("已为 {n} 名学生登记“{item}”，共 {yuan} 元。").format(
            n=count, item=self.item_combo.currentText(), yuan=aid.fen_to_yuan(total))
        self.saved.emit(changes)
        self._class_chosen()  # read back: the sheet now marks them as paid this period

    def _failed(self, _error: Exception) -> None:
        """The runner has shown which pupil was refused; the ticks stay so it can be fixed."""
        self._saving = False
        self._refresh()
