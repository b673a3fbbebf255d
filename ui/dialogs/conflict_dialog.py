"""同步冲突与更正: what two computers wrote differently, side by side, and one click to settle it.

sync.md §c.11. The list comes from the core (`ledger.conflicts.list()`): grouped by pupil, the
most recently touched first; each item names the field, shows every value with the
organisation, operator and the writing computer's claimed time, and the value both sides
started from. Nothing is blocked meanwhile: the value marked 当前显示 is used everywhere.

- A field conflict: 采用本校 / 采用县教育局 (one button per side), 改为其他… (a new value,
  checked by the core like any edit), 稍后 (hide it for now). Choosing writes one resolution
  event (`conflicts.resolve`) that travels with the next package, and the item disappears.
- A county correction of an identity field (kind "override") is a notice, not a choice:
  "县教育局已将出生日期更正为…（原填…）" with 知道了 (accept it: the same resolution) and
  提出异议… (`services.disputes`: for now an audit note that travels to the county; the item
  stays, marked, until someone accepts the correction).
- A status conflict shows both branches with their effective dates; 保留这一条… keeps one and
  retracts the other with a reason (`conflicts.resolve_status`).

ID numbers arrive masked unless the role may see them whole (`ConflictView.values[].shown`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from dropout_ledger.ledger import Ledger
from dropout_ledger.model.changes import Changes
from dropout_ledger.services import disputes
from dropout_ledger.services.conflicts import ConflictValue, ConflictView
from ui.i18n import QT_TRANSLATE_NOOP
from ui.labels import grade_class_text
from ui.ops import Runner

MAX_SHOWN = 200
"""Items drawn at once; a county's long list is worked through from the top."""
_CARD_STYLE = "QFrame#conflict_card { border: 1px solid #c8c8c8; border-radius: 4px;" \
              " background: #ffffff; }"
_NOTICE_STYLE = "QFrame#conflict_card { border: 1px solid #e0b252; border-radius: 4px;" \
                " background: #fffaf0; }"


def _tr(text: str) -> str:
    return QCoreApplication.translate("ConflictDialog", text)


@dataclass(frozen=True)
class Loaded:
    """The conflict list and what the dialog shows around it."""

    views: list[ConflictView]
    classes: dict[str, tuple[int, str]] = field(default_factory=dict)
    """student id → (grade, class) for the group headings."""
    disputed: dict[tuple[str, str], str] = field(default_factory=dict)
    """(ent, field) → when this ledger disputed the county's current value."""


def load(ledger: Ledger) -> Loaded:
    """Worker side: the open conflicts, the pupils' classes, the disputes still standing."""
    views = ledger.conflicts.list()
    ids = sorted({v.student_id for v in views if v.student_id})
    classes: dict[str, tuple[int, str]] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        marks = ",".join("?" * len(chunk))
        for sid, grade, class_name in ledger.conn.execute(
                f"SELECT id, grade, class_name FROM students WHERE id IN ({marks})", chunk):
            classes[str(sid)] = (int(grade or 0), str(class_name or ""))
    return Loaded(views, classes, disputes.disputed(ledger))


def key_of(view: ConflictView) -> tuple[str, str]:
    return view.ent, view.field


_ORG_LABELS = {
    "本校": QT_TRANSLATE_NOOP("ConflictDialog", "本校"),
    "本县": QT_TRANSLATE_NOOP("ConflictDialog", "本县"),
    "县教育局": QT_TRANSLATE_NOOP("ConflictDialog", "县教育局"),
}


def org_text(value: ConflictValue) -> str:
    """本校 / 县教育局 / another school's name, as this language says it."""
    return _tr(_ORG_LABELS[value.org_label]) if value.org_label in _ORG_LABELS \
        else value.org_label


def who_text(value: ConflictValue) -> str:
    """"王校长 · 本机时间 2026-11-22 10:00": the claimed time may be wrong, so it says whose."""
    parts = [value.operator] if value.operator else []
    if value.wall:
        parts.append(_tr("本机时间 {time}").format(time=value.wall))
    return " · ".join(parts)


def choice_labels(values: tuple[ConflictValue, ...]) -> list[str]:
    """采用本校 / 采用县教育局 …; two values of one side are told apart by who wrote them."""
    counts: dict[str, int] = {}
    for value in values:
        counts[value.org_label] = counts.get(value.org_label, 0) + 1
    return [_tr("采用{who}").format(who=org_text(v)) if counts[v.org_label] == 1 else
            _tr("采用{who}（{operator}）").format(who=org_text(v), operator=v.operator or v.wall)
            for v in values]


class ConflictDialog(QDialog):
    """The conflict list; every decision goes through the runner as one core write."""

    resolved = Signal()
    """A decision was written (the window recounts its ⚠ 待核对 button)."""

    def __init__(self, runner: Runner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.loaded: Loaded | None = None
        self.later: set[tuple[str, str]] = set()
        self.cards: dict[tuple[str, str], QFrame] = {}
        self.buttons: dict[tuple[str, str], list[QPushButton]] = {}
        self.busy = False
        self.setWindowTitle(_tr("同步冲突与更正"))
        self.resize(900, 640)

        self.summary_label = QLabel(_tr("正在读取…"))
        self.summary_label.setWordWrap(True)
        intro = QLabel(_tr(
            "本校和县教育局（或两台电脑）对同一项填了不同的内容。处理之前，各处暂按标有"
            "“当前显示”的值显示，工作不受影响。请核实后选择正确的值；选择会在下次同步时告诉对方。"))
        intro.setWordWrap(True)
        intro.setStyleSheet("color: #555555;")
        self.inner = QWidget()
        self.items_layout = QVBoxLayout(self.inner)
        self.items_layout.setSpacing(10)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setWidget(self.inner)
        self.close_button = QPushButton(_tr("关闭"))
        self.close_button.clicked.connect(self.accept)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary_label)
        layout.addWidget(intro)
        layout.addWidget(self.scroll_area, 1)
        layout.addLayout(bottom)
        self.reload()

    # --- the list -----------------------------------------------------------------------------

    def reload(self) -> None:
        self.runner.query(load, on_done=self._show, parent=self)

    def shown_views(self) -> list[ConflictView]:
        """The items on screen: open, not put off with 稍后, at most MAX_SHOWN."""
        if self.loaded is None:
            return []
        return [v for v in self.loaded.views if key_of(v) not in self.later][:MAX_SHOWN]

    def _show(self, loaded: Loaded) -> None:
        self.loaded = loaded
        self.busy = False
        while self.items_layout.count():
            taken = self.items_layout.takeAt(0)
            if taken is not None and (widget := taken.widget()) is not None:
                widget.deleteLater()
        self.cards.clear()
        self.buttons.clear()
        student = None
        for view in self.shown_views():
            if view.student_id != student or student is None:
                student = view.student_id
                self.items_layout.addWidget(self._heading(view))
            card = self._card(view)
            self.cards[key_of(view)] = card
            self.items_layout.addWidget(card)
        if not self.cards:
            empty = QLabel(_tr("没有待核对的项目。") if not loaded.views else
                           _tr("其余 {n} 项已选择“稍后”，下次打开时再显示。").format(
                               n=len(loaded.views)))
            empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
            empty.setStyleSheet("color: #555555; padding: 40px;")
            self.items_layout.addWidget(empty)
        self.items_layout.addStretch(1)
        self.summary_label.setText(self._summary(loaded))

    def _summary(self, loaded: Loaded) -> str:
        total = len(loaded.views)
        if not total:
            return _tr("待核对 0 项。")
        pupils = len({v.student_id for v in loaded.views if v.student_id})
        text = _tr("待核对 {n} 项，涉及学生 {pupils} 人。").format(n=total, pupils=pupils)
        if len([v for v in loaded.views if key_of(v) not in self.later]) > MAX_SHOWN:
            text += _tr("这里先列出前 {n} 项。").format(n=MAX_SHOWN)
        return text

    def _heading(self, view: ConflictView) -> QLabel:
        if view.student_id:
            grade, class_name = (self.loaded.classes.get(view.student_id, (0, ""))
                                 if self.loaded else (0, ""))
            where = grade_class_text(grade, class_name)
            name = view.student_name or _tr("（资料不全的学生）")
            text = _tr("{name}（{where}）").format(name=name, where=where) if where else name
        else:
            text = _tr("单位信息与设置")
        heading = QLabel(text)
        font = heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        heading.setFont(font)
        heading.setStyleSheet("padding-top: 6px;")
        return heading

    # --- one item -----------------------------------------------------------------------------

    def _card(self, view: ConflictView) -> QFrame:
        card = QFrame()
        card.setObjectName("conflict_card")
        card.setStyleSheet(_NOTICE_STYLE if view.kind == "override" else _CARD_STYLE)
        layout = QVBoxLayout(card)
        if view.kind == "override":
            self._fill_override(view, layout)
        elif view.kind == "status":
            self._fill_status(view, layout)
        else:
            self._fill_field(view, layout)
        return card

    def _title(self, text: str) -> QLabel:
        label = QLabel(text)
        font = label.font()
        font.setBold(True)
        label.setFont(font)
        label.setWordWrap(True)
        return label

    def _side(self, value: ConflictValue, caption: str) -> QFrame:
        """One value: who (本校填写 / 县教育局填写), the value large, who and when small."""
        box = QFrame()
        box.setStyleSheet("QFrame { background: #f4f6f8; border-radius: 3px; }")
        layout = QVBoxLayout(box)
        head = QLabel(caption + (_tr("（当前显示）") if value.winner else ""))
        head.setStyleSheet("color: #555555;")
        shown = QLabel(value.shown or _tr("（空）"))
        font = shown.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        shown.setFont(font)
        shown.setWordWrap(True)
        shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        who = QLabel(who_text(value))
        who.setStyleSheet("color: #777777;")
        for widget in (head, shown, who):
            layout.addWidget(widget)
        return box

    def _row(self, view: ConflictView, buttons: list[tuple[str, Callable[..., None]]],
             layout: QVBoxLayout) -> None:
        row = QHBoxLayout()
        made = []
        for text, slot in buttons:
            button = QPushButton(text)
            button.setAutoDefault(False)
            button.clicked.connect(slot)
            row.addWidget(button)
            made.append(button)
        row.addStretch(1)
        layout.addLayout(row)
        self.buttons[key_of(view)] = made

    def _base(self, view: ConflictView, layout: QVBoxLayout) -> None:
        if view.base:
            base = QLabel(_tr("原值：{value}").format(value=view.base))
            base.setStyleSheet("color: #555555;")
            layout.addWidget(base)

    def _fill_field(self, view: ConflictView, layout: QVBoxLayout) -> None:
        what = view.label if view.entity_label in ("学生", "") else _tr(
            "{record}的{field}").format(record=view.entity_label, field=view.label)
        layout.addWidget(self._title(what))
        sides = QHBoxLayout()
        for value in view.values:
            sides.addWidget(self._side(value, _tr("{who}填写").format(who=org_text(value))), 1)
        layout.addLayout(sides)
        self._base(view, layout)
        choices: list[tuple[str, Callable[..., None]]] = [
            (label, lambda _=False, v=value: self.choose(view, v.value))
            for label, value in zip(choice_labels(view.values), view.values, strict=True)]
        choices.append((_tr("改为其他…"), lambda: self.other_value(view)))
        choices.append((_tr("稍后"), lambda: self.put_off(view)))
        self._row(view, choices, layout)

    def _fill_override(self, view: ConflictView, layout: QVBoxLayout) -> None:
        county = view.values[0]
        before = next((v.shown for v in view.values[1:]), "")
        text = _tr("{who}已将{field}更正为 {new}（原填 {old}）").format(
            who=org_text(county), field=view.label, new=county.shown, old=before or _tr("空"))
        layout.addWidget(self._title(text))
        who = QLabel(who_text(county))
        who.setStyleSheet("color: #777777;")
        layout.addWidget(who)
        when = self.loaded.disputed.get(key_of(view)) if self.loaded else None
        if when:
            note = QLabel(_tr("本校已于 {time} 提出异议，等待县教育局答复；在此之前按县里的更正显示。")
                          .format(time=when))
            note.setWordWrap(True)
            note.setStyleSheet("color: #8a5a00;")
            layout.addWidget(note)
        self._row(view, [(_tr("知道了"), lambda: self.choose(view, county.value)),
                         (_tr("提出异议…"), lambda: self.object_to(view)),
                         (_tr("稍后"), lambda: self.put_off(view))], layout)

    def _fill_status(self, view: ConflictView, layout: QVBoxLayout) -> None:
        layout.addWidget(self._title(_tr("状态冲突：两边记录的学籍状态不同")))
        sides = QHBoxLayout()
        keeps = []
        for value in view.values:
            column = QVBoxLayout()
            column.addWidget(self._side(value, _tr("{who}记录").format(who=org_text(value))))
            keep = QPushButton(_tr("保留这一条…"))
            keep.setAutoDefault(False)
            keep.clicked.connect(lambda _=False, v=value: self.keep_status(view, v))
            line = QHBoxLayout()
            line.addWidget(keep)
            line.addStretch(1)
            column.addLayout(line)
            keeps.append(keep)
            sides.addLayout(column, 1)
        layout.addLayout(sides)
        if view.base:
            base = QLabel(_tr("原状态：{value}").format(value=view.base))
            base.setStyleSheet("color: #555555;")
            layout.addWidget(base)
        self._row(view, [(_tr("稍后"), lambda: self.put_off(view))], layout)
        self.buttons[key_of(view)] = keeps + self.buttons[key_of(view)]

    # --- decisions ----------------------------------------------------------------------------

    def choose(self, view: ConflictView, value: object) -> None:
        """采用… / 知道了: settle the field with `value`."""
        self._write(lambda ledger: ledger.conflicts.resolve(view.ent, view.field, value))

    def other_value(self, view: ConflictView) -> None:
        """改为其他…: a value neither side wrote (checked by the core like any edit)."""
        typed = self.ask_text(_tr("改为其他"), _tr("请输入{field}的正确值：").format(
            field=view.label))
        if typed is not None and typed.strip():
            self.choose(view, typed.strip())

    def object_to(self, view: ConflictView) -> None:
        """提出异议…: a note to the county; the correction stays until someone accepts it."""
        note = self.ask_text(_tr("提出异议"), _tr(
            "请写明{field}哪里不对、正确的应是什么、有什么依据（如户口本、出生证明）。"
            "异议会在下次同步时交给县教育局：").format(field=view.label))
        if note is not None and note.strip():
            self._write(lambda ledger: disputes.dispute(ledger, view.ent, view.field, note))

    def keep_status(self, view: ConflictView, keep: ConflictValue) -> None:
        """保留这一条…: keep one branch; the other is retracted with the reason given."""
        reason = self.ask_text(_tr("保留这一条状态"), _tr(
            "保留“{kept}”，撤销另一条。请写明另一条为什么不对：").format(kept=keep.shown))
        if reason is not None and reason.strip():
            self._write(lambda ledger: ledger.conflicts.resolve_status(
                view.ent, keep.eid, reason))

    def put_off(self, view: ConflictView) -> None:
        """稍后: hide the item until the list is opened again (nothing is written)."""
        self.later.add(key_of(view))
        if self.loaded is not None:
            self._show(self.loaded)

    def ask_text(self, title: str, prompt: str) -> str | None:
        """Ask for one line of text; None when cancelled (tests stand in for this)."""
        text, ok = QInputDialog.getText(self, title, prompt, QLineEdit.EchoMode.Normal, "")
        return text if ok else None

    def _write(self, work: Callable[[Ledger], Changes]) -> None:
        if self.busy:
            return
        self.busy = True
        for buttons in self.buttons.values():
            for button in buttons:
                button.setEnabled(False)

        def done(_changes: Changes) -> None:
            self.resolved.emit()
            self.reload()

        def failed(_error: Exception) -> None:
            self.reload()  # the item may have been settled meanwhile (another package)

        self.runner.op(work, parent=self, initiator=self, on_done=done, on_failed=failed)
