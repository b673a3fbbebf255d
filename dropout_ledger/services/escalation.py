"""劝返阶段 L0–L8: which step each open case must reach next, by when, and who takes it.

A case's current stage is its latest recorded escalation step (store/projections.py); a case
with no step yet counts from the day it was opened. The next stage is due a county-set number of
days after the current one (`stage_days_l0` … `stage_days_l8` in the profile, domain.md §4.2).

Two kinds of days, because two kinds of people act (docs/decisions/0008-escalation-deadlines.md):
L0–L4 are the school's own work and count school days (with the profile's `exclude_weekends`,
the same school days as absence runs in services/today.py); L5–L8 are the township's and the
court's legal steps, whose deadlines run in calendar days, and a deadline that falls on a
non-school day moves to the next school day, as a legal period ending on a rest day does.

The school never issues the township's 责令/处罚 documents (domain.md §4.2, Art. 58): for L5
onwards the school's task is to press the township and record the documents when they come.

Reads go through SQL on the case and escalation projections: only open cases are visited, each
joined to its student by primary key, so a county-sized roster is never scanned.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Protocol

from dropout_ledger.model.codes import ESCALATION_STAGES, label_of
from dropout_ledger.model.profile import stage_days_field
from dropout_ledger.services.today import TodayItem, school_days_back
from dropout_ledger.store import sqlite as sqlite3

STAGE_ORDER: tuple[str, ...] = tuple(stage.code for stage in ESCALATION_STAGES)
SCHOOL_STAGES = frozenset({"L0", "L1", "L2", "L3", "L4"})
"""Stages the school itself carries out; their deadlines count school days."""
WARNING_DAYS = 2
"""今日待办 lists a stage from this many days before it is due."""

# Who carries out each stage (domain.md §4.1–4.2), who that is in words, and what the school
# has to do for it: stage → (actor code, actor, school task).
STAGE_ACTORS: dict[str, tuple[str, str, str]] = {
    "L0": ("school", "班主任", "电话联系监护人，区分请假与无故缺课"),
    "L1": ("school", "班主任", "家访，当天交家访记录"),
    "L2": ("school", "年级主任或分管领导与班主任", "第二次家访，学校登记个案"),
    "L3": ("school", "校长与村（居）委会", "制定劝返方案，联合家访，校长签署辍学学生情况报告表"),
    "L4": ("school", "学校", "向中心校、乡镇人民政府和县教育局书面报告"),
    "L5": ("township", "乡镇人民政府", "报请乡镇政府下达限期复学通知书，收到后登记文书"),
    "L6": ("township", "乡镇人民政府", "报告乡镇政府限期已过仍未返校，请其处罚并催告，登记文书"),
    "L7": ("township", "乡镇人民政府或检察院", "提请乡镇政府申请强制执行或起诉（检察院可支持起诉），登记文书"),
    "L8": ("court", "人民法院", "配合法院调解或审理，登记调解书或判决书"),
}


class HasConnection(Protocol):
    """A Ledger or its Queries: anything holding the ledger's SQLite connection."""

    @property
    def conn(self) -> sqlite3.Connection: ...


@dataclass(frozen=True)
class StageDue:
    """The next escalation step of one open case.

    `stage` is the current stage ("" before any step) reached on `since` (the case's opening
    date when there is no step); `next_stage` is due on `due`. `days_left` is negative when
    overdue. `actor` is "school", "township" or "court"; `actor_label` names who acts and
    `school_task` what the school must do about it, in Chinese.
    """

    case_id: str
    student_id: str
    stage: str
    since: dt.date
    next_stage: str
    next_label: str
    due: dt.date
    overdue: bool
    days_left: int
    actor: str
    actor_label: str
    school_task: str
    name: str = ""
    grade: int = 0
    class_name: str = ""


def is_school_day(day: dt.date, exclude_weekends: bool) -> bool:
    """The same school days as absence runs count (services/today.py)."""
    return school_days_back(day, 1, exclude_weekends)[0] == day


def add_school_days(start: dt.date, count: int, exclude_weekends: bool) -> dt.date:
    """The `count`-th school day after `start`; with 0, `start` itself or the next school day."""
    day, counted = start, 0
    while counted < count:
        day += dt.timedelta(days=1)
        counted += is_school_day(day, exclude_weekends)
    while not is_school_day(day, exclude_weekends):
        day += dt.timedelta(days=1)
    return day


def next_stage_of(stage: str) -> str | None:
    """The stage after `stage` ("" → L0); None after L8, the last."""
    if not stage:
        return STAGE_ORDER[0]
    index = STAGE_ORDER.index(stage) + 1
    return STAGE_ORDER[index] if index < len(STAGE_ORDER) else None


def due_date(next_stage: str, since: dt.date, profile: dict[str, Any]) -> dt.date:
    """When `next_stage` is due if the case reached the stage before it on `since`."""
    days = int(profile[stage_days_field(next_stage)])
    weekends = bool(profile["exclude_weekends"])
    if next_stage in SCHOOL_STAGES:
        return add_school_days(since, days, weekends)
    return add_school_days(since + dt.timedelta(days=days), 0, weekends)


# Open cases: not retracted, not struck off, and still the case of the student's current
# status (a case whose opening suspicion was withdrawn is no longer anyone's case). CROSS JOIN
# keeps rec_case as the outer loop so students are reached by primary key, never scanned.
_OPEN_CASES = (
    "SELECT c.id, c.student_id, coalesce(c.stage, ''), c.opened_date,"
    " (SELECT max(e.date) FROM rec_escalation e WHERE e.case_id = c.id AND e.retracted = 0),"
    " s.name, s.grade, s.class_name"
    " FROM rec_case c CROSS JOIN students s ON s.id = c.student_id"
    " WHERE c.retracted = 0 AND c.closed_date IS NULL AND s.case_id = c.id AND s.retracted = 0"
)


def _stage_due(row: tuple[Any, ...], profile: dict[str, Any], today: dt.date) -> StageDue | None:
    case_id, student_id, stage, opened, last_step, name, grade, class_name = row
    following = next_stage_of(stage)
    if following is None or not opened:
        return None
    since = dt.date.fromisoformat(last_step if stage and last_step else opened)
    due = due_date(following, since, profile)
    actor, actor_label, task = STAGE_ACTORS[following]
    days_left = (due - today).days
    return StageDue(
        case_id=case_id, student_id=student_id, stage=stage, since=since,
        next_stage=following, next_label=label_of(ESCALATION_STAGES, following), due=due,
        overdue=days_left < 0, days_left=days_left, actor=actor, actor_label=actor_label,
        school_task=task, name=name or "", grade=int(grade or 0), class_name=class_name or "",
    )


def next_step(
    source: HasConnection, case_id: str, profile: dict[str, Any], today: dt.date
) -> StageDue | None:
    """The next stage of one case; None if it is closed, retracted, unknown or already at L8."""
    row = source.conn.execute(_OPEN_CASES + " AND c.id = ?", (case_id,)).fetchone()
    return None if row is None else _stage_due(tuple(row), profile, today)


def due_stages(source: HasConnection, profile: dict[str, Any], today: dt.date) -> list[StageDue]:
    """The next stage of every open case, soonest due first."""
    found = (_stage_due(tuple(row), profile, today)
             for row in source.conn.execute(_OPEN_CASES))
    return sorted((s for s in found if s is not None),
                  key=lambda s: (s.due, s.grade, s.class_name, s.name, s.case_id))


def due_text(due: dt.date, today: dt.date) -> str:
    """"11月24日", with the year when it is not this year's."""
    text = f"{due.month}月{due.day}日"
    return text if due.year == today.year else f"{due.year}年{text}"


def timing_text(days_left: int) -> str:
    """"已逾期 2 天" / "今天到期" / "还有 2 天"."""
    if days_left < 0:
        return f"已逾期 {-days_left} 天"
    return "今天到期" if days_left == 0 else f"还有 {days_left} 天"


def stage_detail(item: StageDue, today: dt.date) -> str:
    """One Chinese sentence for 今日待办: the stage, its deadline, and who must act."""
    text = (f"劝返阶段 {item.next_stage} {item.next_label} 应于 {due_text(item.due, today)} 前完成"
            f"（{timing_text(item.days_left)}）")
    if item.actor != "school":
        text += f"：由{item.actor_label}办理，学校须{item.school_task}"
    return text


def escalation_items(queries: HasConnection, profile: dict[str, Any],
                     today: dt.date) -> list[TodayItem]:
    """今日待办 rows for stages overdue or due within `WARNING_DAYS` days, soonest first."""
    return [
        TodayItem(kind="stage_due", detail=stage_detail(item, today), student_id=item.student_id,
                  name=item.name, grade=item.grade, class_name=item.class_name,
                  due=item.due.isoformat())
        for item in due_stages(queries, profile, today)
        if item.days_left <= WARNING_DAYS
    ]
