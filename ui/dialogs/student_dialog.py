"""新增学生 / 编辑学生信息: one pupil's identity, schooling and household, checked as typed.

Why the ID number is checked on every keystroke: it is the field people get wrong (a swapped
digit, a full-width ０ from the input method, a lower-case x), and the core refuses the whole
record for it. The dialog folds full-width characters as they are typed, says how many digits
are still missing, and once the number is complete says whether it is valid. A wrong check
digit is reported as "the number is wrong, compare it with the card", never as "the last digit
should be 7": telling people which check digit would pass invites them to change the last digit
and save a number that belongs to nobody (or to someone else).

Why birth date and sex are read-only beside a valid ID number: they are printed in it, and the
core refuses a record whose birth date or sex contradicts it. They are typed by hand only for a
pupil without an ID number (a child whose 户口 is not yet settled).

Why an editor without `FULL_IDS` sees empty number fields: the stored numbers must not reach a
class teacher's screen, so the field stays empty, its placeholder shows the masked number, and
empty means "unchanged". Restricted fields (the economic category) are not even read for a
role without `RESTRICTED`.

Why only changed fields are sent: `students.edit` writes one event listing the fields it was
given, and history and sync conflicts are per field, so a save that re-sent every field would
make each edit look like a rewrite of the whole record.

The core checks everything again; the dialog only keeps refusals from happening. A refusal it
cannot foresee (a duplicate ID number, with the core's message naming the other pupil) is shown
once by the runner, and the dialog stays open with everything typed still in it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from dropout_ledger.errors import ValidationError
from dropout_ledger.ledger import Ledger
from dropout_ledger.model import codes, identity
from dropout_ledger.model.access import Permission, may
from dropout_ledger.model.changes import Changes
from dropout_ledger.model.fields import clean
from dropout_ledger.model.student import RESTRICTED_FIELDS, STUDENT_SPECS, complete_identity
from ui.dialogs.entry import EntryDialog
from ui.i18n import QT_TRANSLATE_NOOP
from ui.labels import grade_text
from ui.ops import Runner


def _tr(text: str) -> str:
    return QCoreApplication.translate("StudentDialog", text)


# The core's field labels, marked for translation. The dialog shows `_tr(spec.label)`, so its
# labels are the very words the core's own refusals use (tests check the two lists agree).
FIELD_LABELS = (
    QT_TRANSLATE_NOOP("StudentDialog", "姓名"), QT_TRANSLATE_NOOP("StudentDialog", "性别"),
    QT_TRANSLATE_NOOP("StudentDialog", "出生日期"), QT_TRANSLATE_NOOP("StudentDialog", "民族"),
    QT_TRANSLATE_NOOP("StudentDialog", "身份证件类型"),
    QT_TRANSLATE_NOOP("StudentDialog", "身份证号"),
    QT_TRANSLATE_NOOP("StudentDialog", "全国学籍号"), QT_TRANSLATE_NOOP("StudentDialog", "年级"),
    QT_TRANSLATE_NOOP("StudentDialog", "班级"),
    QT_TRANSLATE_NOOP("StudentDialog", "村（居）区划代码"),
    QT_TRANSLATE_NOOP("StudentDialog", "村（居）"),
    QT_TRANSLATE_NOOP("StudentDialog", "家庭住址"), QT_TRANSLATE_NOOP("StudentDialog", "住校"),
    QT_TRANSLATE_NOOP("StudentDialog", "监护人"),
    QT_TRANSLATE_NOOP("StudentDialog", "留守儿童"), QT_TRANSLATE_NOOP("StudentDialog", "孤儿"),
    QT_TRANSLATE_NOOP("StudentDialog", "事实无人抚养儿童"),
    QT_TRANSLATE_NOOP("StudentDialog", "困境儿童"),
    QT_TRANSLATE_NOOP("StudentDialog", "随迁子女"),
    QT_TRANSLATE_NOOP("StudentDialog", "残疾类型"),
    QT_TRANSLATE_NOOP("StudentDialog", "随班就读"),
    QT_TRANSLATE_NOOP("StudentDialog", "家庭经济困难类别"),
    QT_TRANSLATE_NOOP("StudentDialog", "预警原因"), QT_TRANSLATE_NOOP("StudentDialog", "备注"),
)
_SEXES = {"1": QT_TRANSLATE_NOOP("StudentDialog", "男"),
          "2": QT_TRANSLATE_NOOP("StudentDialog", "女")}

ERROR_COLOUR = "#b00020"
_LEVEL_COLOURS = {"error": ERROR_COLOUR, "warn": "#8a5a00", "ok": "#2e7d32"}
_INVALID_STYLE = (
    f"QLineEdit {{ border: 1px solid {ERROR_COLOUR}; border-radius: 3px;"
    " background: #fff6f6; padding: 1px 2px; }"
)
_FLAGS = ("orphan", "unsupported", "in_difficulty", "migrant")
_TEXTS = ("name", "class_name", "village_name", "village_code", "address", "note")
_BOOLS = ("boarding", *_FLAGS, "inclusive")
_COMBOS = ("sex", "ethnicity", "id_type", "grade", "left_behind", "disability_type",
           "economic_category")
_NUMBERS = ("id_number", "xjh")
ID_LENGTH = 18
XJH_LENGTH = 19


def field_label(name: str) -> str:
    """The translated label of student field `name` (the core's `FieldSpec.label`)."""
    return _tr(STUDENT_SPECS[name].label)


# -- checks as typed (pure: no widgets) ----------------------------------------------------------


@dataclass(frozen=True)
class Verdict:
    """What the dialog says about one typed value.

    `level` is "" (nothing to say), "hint" (grey), "ok" (green), "warn" (amber: shown, never
    blocks), "pending" (grey: not finished yet, blocks saving) or "error" (red, blocks saving).
    """

    level: str = ""
    text: str = ""

    @property
    def blocks(self) -> bool:
        return self.level in ("pending", "error")


def _core_reason(error: ValidationError) -> str:
    return error.problems[0].text()


def check_id_number(text: str, today: dt.date) -> tuple[Verdict, identity.IdInfo | None]:
    """Judge a 身份证号 as typed so far; the parsed number once it is complete and valid."""
    number = identity.normalize_code(text)
    if not number:
        return Verdict(), None
    bad = next((c for i, c in enumerate(number)
                if not c.isdigit() and not (c == "X" and i == ID_LENGTH - 1)), None)
    if bad is not None or not number.isascii():
        return Verdict("error", _tr("身份证号只能是数字，18位号码的最后一位可以是X")), None
    if len(number) > ID_LENGTH:
        return Verdict("error", _tr("身份证号多了{extra}位，应为18位").format(
            extra=len(number) - ID_LENGTH)), None
    typing = Verdict("pending", _tr("已输入{n}位，还差{rest}位").format(
        n=len(number), rest=ID_LENGTH - len(number)))
    if len(number) == ID_LENGTH and not identity.is_valid_checksum(number):
        return Verdict("error", _tr("身份证号有误（校验不通过），请对照身份证逐位核对")), None
    if len(number) not in (15, ID_LENGTH):
        return typing, None
    try:
        info = identity.parse_id_number(number, today=today)
    except ValidationError as error:
        # Fifteen digits may be the first part of an 18-digit number still being typed.
        return (typing, None) if len(number) == 15 else (Verdict("error", _core_reason(error)), None)
    if info.legacy:
        return Verdict("warn", _tr("15位旧身份证号（{year}年出生）；如是18位新号码，请继续输入")
                       .format(year=info.birth_date.year)), info
    return Verdict("ok", _tr("号码有效")), info


def _xjh_shape(number: str) -> Verdict:
    """Letter, digits and length of a 学籍号 typed so far ("pending" until all 19 are there)."""
    if number[0] not in "GJL":
        return Verdict("error", _tr("学籍号以字母G、J或L开头（有身份证号的学生是G加身份证号）"))
    last_may_be_x = number[0] != "L"
    bad = next((c for i, c in enumerate(number[1:])
                if not c.isdigit() and not (c == "X" and last_may_be_x and i == 17)), None)
    if bad is not None or not number.isascii():
        return Verdict("error", _tr("学籍号的字母后面只能是数字（G、J开头的最后一位可以是X）"))
    if len(number) > XJH_LENGTH:
        return Verdict("error", _tr("学籍号多了{extra}位，应为19位").format(
            extra=len(number) - XJH_LENGTH))
    if len(number) < XJH_LENGTH:
        return Verdict("pending", _tr("已输入{n}位，还差{rest}位").format(
            n=len(number), rest=XJH_LENGTH - len(number)))
    return Verdict()


def check_xjh(text: str, id_number: str | None) -> tuple[Verdict, str]:
    """Judge a 全国学籍号 as typed so far; the normalised number once it is complete and valid."""
    number = identity.normalize_code(text)
    if not number:
        return Verdict(), ""
    shape = _xjh_shape(number)
    if shape.level:
        return shape, ""
    if number[0] == "G" and not identity.is_valid_checksum(number[1:]):
        return Verdict("error", _tr("学籍号有误（G后的号码校验不通过），请与学籍系统逐位核对")), ""
    try:
        info = identity.parse_xjh(number, id_number=id_number)
    except ValidationError as error:
        return Verdict("error", _core_reason(error)), ""
    if info.warnings:
        return Verdict("warn", "；".join(info.warnings)), info.number
    return Verdict("ok", _tr("号码格式正确")), info.number


def check_field(name: str, raw: Any, today: dt.date) -> tuple[Any, str]:
    """Clean one field with the core's own rules: (value, "") or (None, the core's reason)."""
    try:
        return clean(STUDENT_SPECS[name], raw, today=today), ""
    except ValidationError as error:
        return None, _core_reason(error)


def guardian_problem(number: int, item: Mapping[str, str], today: dt.date) -> tuple[str, str]:
    """Which cell of guardian row `number` is wrong ("name"/"phone") and why; ("", "") if none."""
    name = (item.get("name") or "").strip()
    if not name:
        return "name", _tr("第{n}名监护人：请填写姓名").format(n=number)
    if check_field("name", name, today)[1]:
        return "name", _tr("第{n}名监护人的姓名只能包含汉字、字母和间隔号“·”").format(n=number)
    if check_field("guardians", [dict(item)], today)[1]:
        return "phone", _tr("第{n}名监护人的电话无效：手机号为11位，座机写作 0854-1234567").format(
            n=number)
    return "", ""


def mark(widget: QWidget, reason: str) -> None:
    """Give `widget` a red frame and `reason` as its tooltip, or take both away."""
    if isinstance(widget, QLineEdit):
        widget.setStyleSheet(_INVALID_STYLE if reason else "")
    widget.setProperty("invalid", bool(reason))
    widget.setToolTip(reason or str(widget.property("idle_tip") or ""))


def _message_label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 0.9)
    label.setFont(font)
    return label


def show_verdict(label: QLabel, verdict: Verdict, idle: str = "") -> None:
    """Write `verdict` under a field in its colour; `idle` (grey) when there is nothing to say."""
    text = verdict.text or idle
    colour = _LEVEL_COLOURS.get(verdict.level, "#666")
    label.setText(text)
    label.setStyleSheet(f"color: {colour};")


def _combo(entries: tuple[tuple[str, Any], ...], blank: str | None) -> QComboBox:
    combo = QComboBox()
    if blank is not None:
        combo.addItem(blank, "")
    for text, data in entries:
        combo.addItem(text, data)
    return combo


def _table_entries(table: codes.CodeTable) -> tuple[tuple[str, Any], ...]:
    return tuple((entry.label, entry.code) for entry in table)


def _select(combo: QComboBox, data: Any, *, keep_unknown: bool = False) -> None:
    """Show the entry for `data`; with `keep_unknown`, a stored code the table lacks is added
    as it is rather than shown as blank, which a save would silently turn into "cleared"."""
    index = combo.findData(data)
    if index < 0 and keep_unknown and data not in ("", None):
        combo.addItem(str(data), data)
        index = combo.count() - 1
    combo.setCurrentIndex(max(index, 0))


# -- the guardians' small table ----------------------------------------------------------------


class GuardianEditor(QWidget):
    """Up to four guardians as rows of 姓名 / 与学生关系 / 联系电话, with add and remove."""

    changed = Signal()
    ROWS = 4

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(4)
        for column, title in enumerate((_tr("姓名"), _tr("与学生关系"), _tr("联系电话"))):
            header = QLabel(title)
            header.setStyleSheet("color: #555;")
            grid.addWidget(header, 0, column)
        self.names: list[QLineEdit] = []
        self.relations: list[QComboBox] = []
        self.phones: list[QLineEdit] = []
        self.removes: list[QPushButton] = []
        relations = ((_tr("（请选择）"), ""), *_table_entries(codes.GUARDIAN_RELATIONS))
        for row in range(self.ROWS):
            name, phone = QLineEdit(), QLineEdit()
            name.setMaxLength(30)
            name.setMinimumWidth(100)
            phone.setMinimumWidth(120)
            phone.setPlaceholderText(_tr("手机或座机"))
            relation = _combo(relations, None)
            remove = QPushButton(_tr("删除"))
            remove.setAutoDefault(False)
            remove.setToolTip(_tr("删除这一名监护人"))
            remove.clicked.connect(lambda _=False, r=row: self.remove_row(r))
            for column, widget in enumerate((name, relation, phone, remove)):
                grid.addWidget(widget, row + 1, column)
            name.textChanged.connect(self.changed)
            phone.textChanged.connect(self.changed)
            relation.currentIndexChanged.connect(self.changed)
            self.names.append(name)
            self.relations.append(relation)
            self.phones.append(phone)
            self.removes.append(remove)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        grid.setColumnStretch(2, 3)
        self.add_button = QPushButton(_tr("添加监护人"))
        self.add_button.setAutoDefault(False)
        self.add_button.clicked.connect(self.add_row)
        grid.addWidget(self.add_button, self.ROWS + 1, 0, 1, 2, Qt.AlignmentFlag.AlignLeft)
        self._shown = 1
        self._update_rows()

    def _update_rows(self) -> None:
        for row in range(self.ROWS):
            for widget in (self.names[row], self.relations[row], self.phones[row],
                           self.removes[row]):
                widget.setVisible(row < self._shown)
        self.add_button.setEnabled(self._shown < self.ROWS)

    def rows_shown(self) -> int:
        return self._shown

    def _row(self, row: int) -> dict[str, str]:
        return {"name": self.names[row].text(), "relation": str(self.relations[row].currentData()),
                "phone": self.phones[row].text()}

    def _fill(self, row: int, item: Mapping[str, str]) -> None:
        self.names[row].setText(item.get("name", ""))
        _select(self.relations[row], item.get("relation", ""), keep_unknown=True)
        self.phones[row].setText(item.get("phone", ""))

    def set_guardians(self, guardians: list[dict[str, str]]) -> None:
        """Show the stored guardians (one empty row when there are none)."""
        for row in range(self.ROWS):
            self._fill(row, guardians[row] if row < len(guardians) else {})
        self._shown = max(1, min(len(guardians), self.ROWS))
        self._update_rows()

    def add_row(self) -> None:
        if self._shown < self.ROWS:
            self._shown += 1
            self._update_rows()
            self.names[self._shown - 1].setFocus()
            self.changed.emit()

    def remove_row(self, row: int) -> None:
        """Drop one guardian: the rows below move up; the last row is cleared, never hidden."""
        for below in range(row, self.ROWS - 1):
            self._fill(below, self._row(below + 1))
        self._fill(self.ROWS - 1, {})
        if self._shown > 1:
            self._shown -= 1
        self._update_rows()
        self.changed.emit()

    def raw(self) -> list[dict[str, str]]:
        """The rows that hold anything, as typed (the core cleans them)."""
        rows = [self._row(row) for row in range(self._shown)]
        return [r for r in rows if r["name"].strip() or r["phone"].strip() or r["relation"]]

    def check(self, today: dt.date) -> list[str]:
        """Mark wrong cells; the reasons, one per wrong row."""
        reasons: list[str] = []
        number = 0
        for row in range(self.ROWS):
            item = self._row(row)
            filled = row < self._shown and any(v.strip() for v in item.values())
            number += 1 if filled else 0
            cell, reason = guardian_problem(number, item, today) if filled else ("", "")
            mark(self.names[row], reason if cell == "name" else "")
            mark(self.phones[row], reason if cell == "phone" else "")
            if reason:
                reasons.append(reason)
        return reasons

    def focus_chain(self) -> list[QWidget]:
        chain: list[QWidget] = []
        for row in range(self.ROWS):
            chain += [self.names[row], self.relations[row], self.phones[row], self.removes[row]]
        return [*chain, self.add_button]


# -- loading -------------------------------------------------------------------------------------


def visible_fields(student: Mapping[str, Any], *, full_ids: bool, restricted: bool) -> dict[str, Any]:
    """What an editor of this role may see of a stored student: masked numbers, no restricted
    fields. Applied on the worker thread, so the full numbers never reach a widget."""
    shown = dict(student)
    if not full_ids:
        shown["id_number"] = identity.mask_id_number(str(student.get("id_number") or ""))
        shown["xjh"] = identity.mask_xjh(str(student.get("xjh") or ""))
    if not restricted:
        for name in RESTRICTED_FIELDS:
            shown.pop(name, None)
    return shown


Loaded = tuple[dict[str, Any] | None, dt.date]


def _reader(student_id: str | None, *, full_ids: bool, restricted: bool) -> Callable[[Ledger], Loaded]:
    def read(ledger: Ledger) -> Loaded:
        today = ledger.clock.today()
        student = ledger.queries.student(student_id) if student_id is not None else None
        if student is None or student.get("retracted"):
            return None, today
        return visible_fields(student, full_ids=full_ids, restricted=restricted), today

    return read


def show_warnings(parent: QWidget | None, warnings: tuple[str, ...]) -> None:
    """Tell the user what the core noted but did not block (age for grade, 学籍号 vs ID)."""
    QMessageBox.information(
        parent, _tr("已保存，请注意"),
        _tr("学生信息已保存。请注意：\n{warnings}").format(warnings="\n".join(warnings)),
    )


# -- the dialog ----------------------------------------------------------------------------------


class StudentDialog(EntryDialog):
    """Register a pupil (`student_id` None) or edit one; `saved(changes)` once the core accepted.

    `role` is the operator's role ("principal", "registrar", "class_teacher", "county_clerk"):
    it decides whether ID numbers are shown in full and whether restricted fields appear.
    """


    def __init__(
        self, runner: Runner, student_id: str | None, role: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.runner = runner
        self.student_id = student_id
        self.role = role
        self.full_ids = may(role, Permission.FULL_IDS)
        self.restricted = may(role, Permission.RESTRICTED)
        self.stored: dict[str, Any] = {}
        self._stored_clean: dict[str, Any] = {}
        self._manual: tuple[str, Any] = ("", "")
        self._locked = False
        self.today = dt.date.today()  # replaced by the ledger's clock once loaded
        self.loaded = False
        self._saving = False
        self._refreshing = False
        self.values: dict[str, Any] = {}
        self.problems: list[str] = []
        self.setWindowTitle(_tr("新增学生") if student_id is None else _tr("编辑学生信息"))

        self._build_widgets()
        self._build_layout()
        self._connect()
        self.body.setEnabled(False)
        self.save_button.setEnabled(False)
        self.hint_label.setText(_tr("正在读取学生信息…"))
        runner.query(_reader(student_id, full_ids=self.full_ids, restricted=self.restricted),
                     on_done=self._loaded, parent=self)

    # -- building --------------------------------------------------------------------------------

    def _build_widgets(self) -> None:
        """Create every field; dictionaries by field name keep reading and marking uniform."""
        self.edits: dict[str, QLineEdit] = {name: QLineEdit() for name in (*_TEXTS, "birth_date")}
        for name in _TEXTS:
            self.edits[name].setMaxLength(STUDENT_SPECS[name].max_len)
        self.edits["name"].setMaxLength(30)
        self.checks = {name: QCheckBox(field_label(name)) for name in _BOOLS}
        grades = tuple((grade_text(g), g) for g in range(1, 10))
        self.combos: dict[str, QComboBox] = {
            "id_type": _combo(_table_entries(codes.ID_TYPES), None),
            "sex": _combo(tuple((_tr(t), c) for c, t in _SEXES.items()), _tr("（未填写）")),
            "ethnicity": _combo(_table_entries(codes.ETHNICITY), _tr("（未填写）")),
            "grade": _combo(grades, _tr("请选择…")),
            "left_behind": _combo(_table_entries(codes.LEFT_BEHIND), _tr("（未填写）")),
            "disability_type": _combo(_table_entries(codes.DISABILITY_TYPES), _tr("无")),
            "economic_category": _combo(_table_entries(codes.ECONOMIC_CATEGORIES), _tr("无")),
        }
        self.id_edit, self.xjh_edit = QLineEdit(), QLineEdit()
        for edit in (self.id_edit, self.xjh_edit):
            edit.setMaxLength(40)  # room to paste a number with blanks; they are removed
            edit.setMinimumWidth(370)
        self.id_message, self.xjh_message = _message_label(), _message_label()
        self.derived_label = QLabel()
        self.derived_label.setStyleSheet("color: #666;")
        self.guardians = GuardianEditor()
        self.risks = {entry.code: QCheckBox(entry.label) for entry in codes.RISK_INDICATORS}
        self.warning_label = QLabel()
        self.warning_label.setWordWrap(True)
        self.warning_label.setStyleSheet(f"color: {_LEVEL_COLOURS['warn']};")
        self.hint_label = QLabel()
        self.hint_label.setWordWrap(True)
        # Short names for the fields tests and callers reach most often.
        self.name_edit, self.birth_edit, self.note_edit = (
            self.edits["name"], self.edits["birth_date"], self.edits["note"])
        self.class_edit = self.edits["class_name"]
        self.sex_combo, self.grade_combo = self.combos["sex"], self.combos["grade"]
        self.economic_combo = self.combos["economic_category"]
        self._placeholders()

    def _placeholders(self) -> None:
        self.id_edit.setPlaceholderText(_tr("18位，最后一位可以是X"))
        self.xjh_edit.setPlaceholderText(_tr("G、J或L加18位，共19位"))
        self.birth_edit.setPlaceholderText(_tr("如 2015-03-08"))
        self.edits["class_name"].setPlaceholderText(_tr("如 2班"))
        self.edits["village_code"].setPlaceholderText(_tr("12位统计用区划代码，可不填"))
        self.edits["address"].setPlaceholderText(_tr("如 坪坝镇石门村三组"))
        self.note_edit.setPlaceholderText(_tr("可不填；按回车保存"))

    def _section(self, title: str) -> tuple[QGroupBox, QFormLayout]:
        box = QGroupBox(title)
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return box, form

    def _row(self, form: QFormLayout, name: str, widget: QWidget | Any) -> None:
        form.addRow(_tr("{label}：").format(label=field_label(name)), widget)

    def _identity_box(self) -> QGroupBox:
        box, form = self._section(_tr("身份"))
        self._row(form, "name", self.name_edit)
        self._row(form, "id_type", self.combos["id_type"])
        self._row(form, "id_number", _stack(self.id_edit, self.id_message))
        born = QHBoxLayout()
        born.addWidget(self.birth_edit, 3)
        born.addWidget(QLabel(_tr("{label}：").format(label=field_label("sex"))))
        born.addWidget(self.sex_combo, 2)
        self._row(form, "birth_date", _stack(_hbox(born), self.derived_label))
        self._row(form, "ethnicity", self.combos["ethnicity"])
        self._row(form, "xjh", _stack(self.xjh_edit, self.xjh_message))
        return box

    def _school_box(self) -> QGroupBox:
        box, form = self._section(_tr("就读"))
        row = QHBoxLayout()
        row.addWidget(self.grade_combo, 1)
        row.addWidget(QLabel(_tr("{label}：").format(label=field_label("class_name"))))
        row.addWidget(self.class_edit, 1)
        row.addWidget(self.checks["boarding"])
        self._row(form, "grade", _hbox(row))
        return box

    def _home_box(self) -> QGroupBox:
        box, form = self._section(_tr("家庭与监护人"))
        self._row(form, "village_name", self.edits["village_name"])
        self._row(form, "village_code", self.edits["village_code"])
        self._row(form, "address", self.edits["address"])
        title = QLabel(_tr("{label}：").format(label=field_label("guardians")))
        form.addRow(title)
        form.addRow(self.guardians)
        return box

    def _groups_box(self) -> QGroupBox:
        box, form = self._section(_tr("特殊群体"))
        self._row(form, "left_behind", self.combos["left_behind"])
        flags = QGridLayout()
        for index, name in enumerate(_FLAGS):
            flags.addWidget(self.checks[name], index // 2, index % 2)
        form.addRow(_tr("其他："), _hbox(flags))
        disability = QHBoxLayout()
        disability.addWidget(self.combos["disability_type"], 1)
        disability.addWidget(self.checks["inclusive"])
        self._row(form, "disability_type", _hbox(disability))
        self._row(form, "economic_category", self.economic_combo)
        form.setRowVisible(self.economic_combo, self.restricted)
        return box

    def _risk_box(self) -> QGroupBox:
        box, form = self._section(_tr("预警与备注"))
        grid = QGridLayout()
        grid.setHorizontalSpacing(14)
        for index, check in enumerate(self.risks.values()):
            grid.addWidget(check, index // 5, index % 5)
        self._row(form, "at_risk", _hbox(grid))
        self._row(form, "note", self.note_edit)
        return box

    def _build_layout(self) -> None:
        """Two columns of sections, 预警与备注 across the bottom, then the status lines."""
        left, right = QVBoxLayout(), QVBoxLayout()
        left.addWidget(self._identity_box())
        left.addWidget(self._school_box())
        left.addStretch(1)
        right.addWidget(self._home_box())
        right.addWidget(self._groups_box())
        right.addStretch(1)
        columns = QHBoxLayout()
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        body = QVBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        body.addLayout(columns)
        body.addWidget(self._risk_box())
        self.body = _hbox(body)

        self.buttons = QDialogButtonBox()
        self.save_button: QPushButton = self.buttons.addButton(
            _tr("保存"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button: QPushButton = self.buttons.addButton(
            _tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        self.save_button.setDefault(True)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.body)
        layout.addWidget(self.warning_label)
        status = QHBoxLayout()
        status.addWidget(self.hint_label, 1)
        status.addWidget(self.buttons)
        layout.addLayout(status)
        self._set_tab_order()

    def focus_chain(self) -> list[QWidget]:
        """Every field from top to bottom: left column, right column, then the bottom rows."""
        return [
            self.name_edit, self.combos["id_type"], self.id_edit, self.birth_edit,
            self.sex_combo, self.combos["ethnicity"], self.xjh_edit, self.grade_combo,
            self.class_edit, self.checks["boarding"], self.edits["village_name"],
            self.edits["village_code"], self.edits["address"], *self.guardians.focus_chain(),
            self.combos["left_behind"], *(self.checks[n] for n in _FLAGS),
            self.combos["disability_type"], self.checks["inclusive"], self.economic_combo,
            *self.risks.values(), self.note_edit, self.save_button, self.cancel_button,
        ]

    def _set_tab_order(self) -> None:
        chain = self.focus_chain()
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)

    def _connect(self) -> None:
        for edit in (*self.edits.values(), self.id_edit, self.xjh_edit):
            edit.textChanged.connect(self._refresh)
        for edit in (self.id_edit, self.xjh_edit):
            edit.textEdited.connect(lambda _t, e=edit: _normalise_in_place(e))
        for check in (*self.checks.values(), *self.risks.values()):
            check.toggled.connect(self._refresh)
        for combo in self.combos.values():
            combo.currentIndexChanged.connect(self._refresh)
        self.guardians.changed.connect(self._refresh)

    # -- loading ---------------------------------------------------------------------------------

    def _loaded(self, answer: Loaded) -> None:
        student, self.today = answer
        if student is None and self.student_id is not None:
            self.hint_label.setText(_tr("找不到这名学生，可能已被撤销。"))
            return
        self.stored = student or {}
        self._stored_clean = self._clean_stored()
        self._refreshing = True
        self._fill(self.stored)
        self._refreshing = False
        if student is not None:
            self.setWindowTitle(_tr("编辑学生信息 · {name}").format(name=student.get("name") or ""))
        self.loaded = True
        self.body.setEnabled(True)
        self.name_edit.setFocus()
        self._refresh()

    def _clean_stored(self) -> dict[str, Any]:
        """The stored values in the form the core's cleaning gives, to compare edits with."""
        out: dict[str, Any] = {}
        for name in self._editable():
            raw = self.stored.get(name)
            value, reason = check_field(name, raw, self.today)
            out[name] = raw if reason else value
        return out

    def _editable(self) -> list[str]:
        names = [n for n in STUDENT_SPECS if self.restricted or n not in RESTRICTED_FIELDS]
        return [n for n in names if self.full_ids or n not in _NUMBERS]

    def _fill(self, student: Mapping[str, Any]) -> None:
        for name in _TEXTS:
            self.edits[name].setText(str(student.get(name) or ""))
        for name in _BOOLS:
            self.checks[name].setChecked(bool(student.get(name)))
        for name, combo in self.combos.items():
            _select(combo, student.get(name) or ("1" if name == "id_type" else ""),
                    keep_unknown=True)
        self.birth_edit.setText(str(student.get("birth_date") or ""))
        self.guardians.set_guardians(list(student.get("guardians") or []))
        for code, check in self.risks.items():
            check.setChecked(code in (student.get("at_risk") or []))
        for name, edit in (("id_number", self.id_edit), ("xjh", self.xjh_edit)):
            stored = str(student.get(name) or "")
            if self.full_ids:
                edit.setText(stored)
            elif stored:
                hint = _tr("已登记 {masked}；如需更正，请输入完整号码").format(masked=stored)
                edit.setMinimumWidth(edit.fontMetrics().horizontalAdvance(hint) + 24)
                edit.setPlaceholderText(hint)
                edit.setProperty("idle_tip", hint)

    # -- checking --------------------------------------------------------------------------------

    def _masked_unchanged(self, edit: QLineEdit) -> bool:
        """Without FULL_IDS an empty number field means "keep the stored number"."""
        return not self.full_ids and not edit.text().strip()

    def _check_numbers(self, values: dict[str, Any], reasons: list[str]) -> identity.IdInfo | None:
        verdict, info = check_id_number(self.id_edit.text(), self.today)
        idle = (_tr("留空表示不修改") if not self.full_ids and self.stored.get("id_number")
                else _tr("出生日期和性别将由号码自动得出"))
        show_verdict(self.id_message, verdict, idle)
        mark(self.id_edit, verdict.text if verdict.level == "error" else "")
        if verdict.blocks:
            reasons.append(_tr("身份证号有误") if verdict.level == "error"
                           else _tr("身份证号还没输完"))
        elif not self._masked_unchanged(self.id_edit):
            values["id_number"] = info.number if info else ""
        verdict, number = check_xjh(self.xjh_edit.text(), info.number if info else None)
        idle = (_tr("留空表示不修改") if not self.full_ids and self.stored.get("xjh")
                else _tr("有身份证号的学生，学籍号一般是G加身份证号"))
        show_verdict(self.xjh_message, verdict, idle)
        mark(self.xjh_edit, verdict.text if verdict.level == "error" else "")
        if verdict.blocks:
            reasons.append(_tr("学籍号有误") if verdict.level == "error"
                           else _tr("学籍号还没输完"))
        elif not self._masked_unchanged(self.xjh_edit):
            values["xjh"] = number
        return info

    def _derive(self, info: identity.IdInfo | None) -> None:
        """Lock birth date and sex to what the ID number says, or let them be typed."""
        by_id = self.combos["id_type"].currentData() == "1"
        typed = bool(self.id_edit.text().strip())
        stored_id = bool(self.stored.get("id_number")) and not self.full_ids
        if by_id and info is not None:
            shown, note = (info.birth_date.isoformat(), info.sex), _tr("由身份证号自动得出")
        elif by_id and typed:
            shown, note = ("", ""), _tr("输完身份证号后自动得出")
        elif by_id and stored_id:
            shown = (str(self.stored.get("birth_date") or ""), self.stored.get("sex") or "")
            note = _tr("由已登记的身份证号得出")
        else:
            shown, note = ("", ""), ""
        locked = bool(note)
        if locked and not self._locked:  # keep what was typed, to put back if the number goes
            self._manual = (self.birth_edit.text(), self.sex_combo.currentData())
        if locked or self._locked:
            self.birth_edit.setText(shown[0] if locked else self._manual[0])
            _select(self.sex_combo, shown[1] if locked else self._manual[1])
        self._locked = locked
        self.birth_edit.setReadOnly(locked)
        self.birth_edit.setEnabled(not locked)  # greyed like the sex box: visibly not typed
        self.birth_edit.setPlaceholderText("" if locked else _tr("如 2015-03-08"))
        self.sex_combo.setEnabled(not locked)
        self.derived_label.setText(note)
        self.derived_label.setVisible(locked)

    def _check_simple(self, values: dict[str, Any], reasons: list[str]) -> None:
        """Every field but the two numbers and the guardians, by the core's own `clean`."""
        raw: dict[str, Any] = {name: self.edits[name].text() for name in (*_TEXTS, "birth_date")}
        raw |= {name: self.checks[name].isChecked() for name in _BOOLS}
        raw |= {name: combo.currentData() for name, combo in self.combos.items()}
        raw["at_risk"] = [code for code, check in self.risks.items() if check.isChecked()]
        for name, value in raw.items():
            if name in RESTRICTED_FIELDS and not self.restricted:
                continue
            cleaned, reason = check_field(name, value, self.today)
            blank = value in ("", None)
            if reason and blank:  # a required field not yet filled in: say so, do not mark it
                reasons.append(_tr("请选择年级") if name == "grade" else _tr("请填写姓名"))
            elif reason:
                reasons.append(reason)
            else:
                values[name] = cleaned
            # A date still being typed ("2015-0") is not marked red yet; it still blocks saving.
            typing = name == "birth_date" and len(str(value).strip()) < 8
            if name in self.edits:
                mark(self.edits[name], reason if reason and not blank and not typing else "")

    def collect(self) -> tuple[dict[str, Any], list[str]]:
        """Check the whole form and mark wrong fields: (cleaned values, reasons it cannot save)."""
        values: dict[str, Any] = {}
        reasons: list[str] = []
        info = self._check_numbers(values, reasons)
        self._derive(info)
        self._check_simple(values, reasons)
        guardian_reasons = self.guardians.check(self.today)
        reasons += guardian_reasons
        if not guardian_reasons:
            values["guardians"] = check_field("guardians", self.guardians.raw(), self.today)[0]
        return values, reasons

    def changed_values(self) -> dict[str, Any]:
        """What `save` would send: every filled field for a new pupil, else only changed ones."""
        if self.student_id is None:
            return {k: v for k, v in self.values.items() if v not in ("", [], None, False)}
        missing = object()
        return {k: v for k, v in self.values.items() if self._stored_clean.get(k, missing) != v}

    def warnings(self) -> list[str]:
        """What the core will note but not block, as far as the form can tell before saving."""
        known = {k: v for k, v in self._stored_clean.items() if v not in ("", None)}
        try:
            return complete_identity(known | self.values, today=self.today)[1]
        except ValidationError:
            return []

    def _refresh(self) -> None:
        if self._refreshing or not self.loaded:
            return
        self._refreshing = True
        try:
            self.values, self.problems = self.collect()
        finally:
            self._refreshing = False
        shown_under_xjh = self.xjh_message.text()
        notes = [w for w in self.warnings() if w not in shown_under_xjh]
        self.warning_label.setText(_tr("注意：{notes}").format(notes="；".join(notes)) if notes else "")
        self.warning_label.setVisible(bool(notes))
        unchanged = self.student_id is not None and not self.problems and not self.changed_values()
        if self.problems:
            text = _tr("还不能保存：{reasons}").format(reasons="；".join(self.problems))
        else:
            text = _tr("还没有改动") if unchanged else ""
        self.hint_label.setText(text)
        self.hint_label.setStyleSheet(f"color: {ERROR_COLOUR if self.problems else '#666'};")
        self.save_button.setToolTip(text or _tr("保存（在备注栏按回车也可保存）"))
        self.save_button.setEnabled(self.can_save())

    def can_save(self) -> bool:
        if not self.loaded or self._saving or self.problems:
            return False
        return self.student_id is None or bool(self.changed_values())

    # -- keys and saving -------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter moves to the next field, and saves from the last one (备注); Esc cancels."""
        if event.key() not in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            super().keyPressEvent(event)
            return
        focus = self.focusWidget()
        if isinstance(focus, QPushButton):
            focus.click()
        elif focus is self.note_edit:
            self.save()
        else:
            self.focusNextChild()

    def save(self) -> None:
        """Write through the runner; the dialog closes only if the core accepts."""
        self._refresh()
        if not self.can_save():
            return
        values = self.changed_values()
        student_id = self.student_id
        self._saving = True
        self.save_button.setEnabled(False)

        def write(ledger: Ledger) -> Changes:
            if student_id is None:
                return ledger.students.add(values)
            return ledger.students.edit(student_id, values)

        self.runner.op(write, parent=self, initiator=self, on_done=self._saved,
                       on_failed=self._failed)

    def _saved(self, changes: Changes) -> None:
        self._saving = False
        self.saved.emit(changes)
        if changes.warnings:
            show_warnings(self, changes.warnings)
        self.accept()



def _normalise_in_place(edit: QLineEdit) -> None:
    """Fold full-width digits, lower-case x and blanks as they are typed, keeping the cursor."""
    text = edit.text()
    folded = identity.normalize_code(text)
    if folded != text:
        cursor = len(identity.normalize_code(text[: edit.cursorPosition()]))
        edit.setText(folded)
        edit.setCursorPosition(cursor)


def _hbox(layout: QHBoxLayout | QGridLayout | QVBoxLayout) -> QWidget:
    widget = QWidget()
    layout.setContentsMargins(0, 0, 0, 0)
    widget.setLayout(layout)
    return widget


def _stack(top: QWidget, below: QWidget) -> QWidget:
    layout = QVBoxLayout()
    layout.setSpacing(2)
    layout.addWidget(top)
    layout.addWidget(below)
    return _hbox(layout)
