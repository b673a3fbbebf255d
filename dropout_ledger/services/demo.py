"""A believable demo school made of synthetic people (never a real child).

Everything goes through the same services a principal uses, so the demo obeys every rule
(valid ID numbers, the transition table, case closures with evidence) and is one transaction:
a demo is all there or not at all. Case histories are dated backwards from today, so the
dashboard always shows recent work.
"""

from __future__ import annotations

import datetime as dt
import random
import struct
import zlib
from pathlib import Path
from typing import Any

from dropout_ledger.errors import InputRefused
from dropout_ledger.ledger import Ledger
from dropout_ledger.model import codes
from dropout_ledger.model.identity import school_year_start
from dropout_ledger.model.status import Status
from dropout_ledger.services.documents import add_document
from dropout_ledger.store import db
from dropout_ledger.synthetic import FICTIONAL_COUNTY_CODE, SyntheticFactory

_RESULTS = (
    "家长同意下周一送孩子返校", "学生在外地务工，家长表示会尽快联系", "家中无人，邻居称全家外出",
    "学生厌学情绪重，答应先回校试读一周", "祖母同意配合，父母在外务工电话未接通",
    "家长态度消极，称孩子不愿读书", "已讲解义务教育法规定，家长表示理解",
)
_NEXT = ("三天后再次家访", "请村委会协助联系父母", "报告乡镇政府", "安排结对教师每周谈心",
         "联系接收学校核实就读情况")
_WHEREABOUTS = ("在家", "外出务工（广东东莞）", "随父母外出，去向待核实", "在亲戚家")


def _scan_png(rng: random.Random, width: int = 240, height: int = 320) -> bytes:
    """A small grey "scanned page" with lines of "text", so the demo shows thumbnails.

    Made with the standard library (zlib + the PNG chunk layout): the core has no image library.
    """
    paper, ink = b"\xf4\xf1\xe8", b"\x40\x40\x48"
    rows = []
    for y in range(height):
        line = (y // 12) % 2 == 1 and 24 <= y < height - 40
        end = rng.randint(width // 2, width - 24) if line else 0
        rows.append(b"\x00" + b"".join(ink if line and 20 <= x < end else paper
                                         for x in range(width)))

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(b"".join(rows), 9)) + chunk(b"IEND", b""))


def ensure_demo(path: Path, *, students: int = 600, seed: int = 42) -> bool:
    """Create a demo school at `path` if the file is missing or holds no students."""
    path = Path(path)
    if db.is_encrypted(path):  # it has accounts, hence was in use: never a demo to fill
        return False
    if path.exists() and path.stat().st_size > 0:
        with Ledger.open(path) as ledger:
            if not ledger.is_empty() or ledger.org.kind != "school":
                return False
            populate(ledger, students=students, seed=seed)
            return True
    factory = SyntheticFactory(seed)
    with Ledger.create(
        path, kind="school", code=factory.school_code("21"), name=factory.school_name(),
        county_code=FICTIONAL_COUNTY_CODE,
    ) as ledger:
        populate(ledger, students=students, seed=seed)
    return True


def populate(ledger: Ledger, *, students: int, seed: int = 42) -> int:
    """Fill an empty school ledger with `students` synthetic pupils and their case work."""
    if ledger.org.kind != "school":
        raise InputRefused("县级台账不能生成演示学校。请在学校台账中使用 demo。")
    if not ledger.is_empty():
        raise InputRefused("台账中已有学生，演示数据只能放进空台账。请新建一个台账文件再试。")
    if students < 1 or students > 200_000:
        raise InputRefused("演示学生人数应在 1 到 200000 之间。")
    county = ledger.org.county_code or FICTIONAL_COUNTY_CODE
    factory = SyntheticFactory(seed, county_code=county)
    story = _Story(ledger, factory, random.Random(seed + 1))
    with db.immediate(ledger.conn):
        ids = story.register(students)
        story.cases(ids)
    return len(ids)


class _Story:
    """Writes the demo school's year: the roll, then at-risk pupils, cases and support."""

    def __init__(self, ledger: Ledger, factory: SyntheticFactory, rng: random.Random) -> None:
        self.ledger, self.factory, self.rng = ledger, factory, rng
        self.today = ledger.clock.today()
        self.teachers = [factory.teacher_name() for _ in range(24)]

    def days_ago(self, days: int) -> str:
        return (self.today - dt.timedelta(days=days)).isoformat()

    def register(self, count: int) -> list[str]:
        created: list[str] = []
        by_grade: dict[int, list[dict[str, Any]]] = {}
        for number in range(count):
            grade = number % 9 + 1
            by_grade.setdefault(grade, []).append(
                self.factory.student(grade=grade, today=self.today))
        for grade, rows in sorted(by_grade.items()):
            # Case stories reach back up to ~90 days; keep every entry date before that.
            entry = dt.date(school_year_start(self.today) - grade + 1, 9, 1)
            entry = min(entry, self.today - dt.timedelta(days=120))
            changes = self.ledger.students.add_many(rows, effective_date=entry)
            created.extend(changes.created)
        return created

    def cases(self, ids: list[str]) -> None:
        pool = list(ids)
        self.rng.shuffle(pool)
        n = max(1, len(ids) // 400)

        def take(k: int) -> list[str]:
            return [pool.pop() for _ in range(min(k, len(pool)))]

        for sid in take(len(ids) // 50):
            self.at_risk(sid)
        for sid in take(n):
            self.suspected(sid)
        for sid in take(n):
            self.dropped(sid, stage=self.rng.randint(1, 6))
        for sid in take(max(1, n - 1)):
            self.returned(sid)
        for sid in take(max(1, n // 2)):
            self.simple(sid, Status.SUSPENDED)
        for sid in take(max(1, n // 2)):
            self.home_taught(sid)
        for sid in take(max(1, n // 2)):
            self.simple(sid, Status.TRANSFERRED_OUT)
        for sid in ids:
            self.subsidy(sid)

    def at_risk(self, sid: str) -> None:
        reasons = self.rng.sample(["absence", "academic", "left_behind", "internet", "poverty"], 2)
        self.ledger.students.edit(sid, {"at_risk": reasons})
        for days in self.rng.sample(range(3, 40), 2):
            self.ledger.records.add("absence", {
                "student_id": sid, "date": self.days_ago(days), "reason": "未请假",
                "contacted": True})
        self.pairing(sid)

    def suspected(self, sid: str) -> str:
        start = self.rng.randint(12, 70)
        reason = self.rng.choice(["01", "02", "04", "07", "08", "09"])
        self.ledger.status.change(sid, Status.SUSPECTED, effective_date=self.days_ago(start),
                                  reason_code=reason)
        case = self.ledger.queries.student(sid)["case_id"]  # type: ignore[index]
        self.ledger.records.amend("case", case, {
            "teacher": self.rng.choice(self.teachers), "whereabouts": self.rng.choice(_WHEREABOUTS),
            "plan": "班主任每周联系一次家长，结对教师跟进学业"})
        self.visit(sid, case, start - 1, "phone")
        self.escalate(sid, case, "L0", start - 1)
        return str(case)

    def dropped(self, sid: str, *, stage: int) -> str:
        case = self.suspected(sid)
        since = self.ledger.queries.student(sid)["status_date"]  # type: ignore[index]
        days = (self.today - dt.date.fromisoformat(since)).days - 3
        self.ledger.status.change(sid, Status.DROPPED_OUT, effective_date=self.days_ago(days),
                                  reason_code="04")
        for level in range(1, stage + 1):
            when = max(days - level * 2, 0)
            self.visit(sid, case, when, "joint" if level >= 3 else "home")
            self.escalate(sid, case, f"L{level}", when)
        if stage >= 4:
            self.ledger.records.add("report", {
                "student_id": sid, "case_id": case, "date": self.days_ago(max(days - 8, 0)),
                "recipients": ["township", "bureau"], "period": self.today.strftime("%Y-%m"),
                "summary": "该生无故缺课，经多次家访劝返未果，请乡镇政府督促监护人送其返校。"})
        if stage >= 5:
            self.notice_and_order(sid, case, days)
        add_document(self.ledger, sid, "家访记录签字页（扫描件）", self.days_ago(max(days - 2, 0)),
                     [("家访记录.png", _scan_png(self.rng))], case_id=case)
        self.pairing(sid)
        return case

    def notice_and_order(self, sid: str, case: str, days: int) -> None:
        guardian = self.ledger.queries.student(sid)["guardians"][0]["name"]  # type: ignore[index]
        issued = max(days - 10, 1)
        self.ledger.records.add("notice", {
            "student_id": sid, "case_id": case, "date": self.days_ago(issued),
            "guardian_name": guardian, "return_by": self.days_ago(issued - 7),
            "delivered_date": self.days_ago(issued - 1), "delivered_to": guardian,
            "deliverer": [self.rng.choice(self.teachers)], "receipt_signed": True})
        self.ledger.records.add("legal_doc", {
            "student_id": sid, "case_id": case, "doc_type": "deadline_notice",
            "number": f"坪府教督〔{self.today.year}〕{self.rng.randint(1, 40)}号",
            "issuer": "坪坝镇人民政府", "issued_date": self.days_ago(max(issued - 2, 0)),
            "deadline": self.days_ago(issued - 8)})

    def returned(self, sid: str) -> None:
        case = self.dropped(sid, stage=self.rng.randint(1, 3))
        self.ledger.status.change(
            sid, Status.RETURNED, effective_date=self.today.isoformat(),
            closure_reason="returned",
            closure_evidence="学生已返校上课，班主任核实到校情况并登记")
        self.ledger.records.amend("case", case, {"plan": "复学后安排结对帮扶，跟踪一学期"})

    def simple(self, sid: str, status: Status) -> None:
        evidence = {Status.TRANSFERRED_OUT: "转学", Status.SUSPENDED: "因病休学（县医院诊断证明）"}
        self.ledger.status.change(sid, status, effective_date=self.days_ago(self.rng.randint(5, 60)),
                                  note=evidence.get(status, ""))

    def home_taught(self, sid: str) -> None:
        self.ledger.students.edit(sid, {"disability_type": "5", "inclusive": False})
        self.ledger.status.change(sid, Status.HOME_TAUGHT, effective_date=self.days_ago(60))
        for days in (45, 30, 16, 2):
            self.ledger.records.add("home_teaching", {
                "student_id": sid, "date": self.days_ago(days), "start_time": "09:00",
                "end_time": "10:30", "teachers": self.rng.sample(self.teachers, 2),
                "content": "生活自理训练与识字", "response": "能配合完成大部分练习",
                "guardian_signed": True})

    def visit(self, sid: str, case: str, days: int, mode: str) -> None:
        self.ledger.records.add("visit", {
            "student_id": sid, "case_id": case, "date": self.days_ago(max(days, 0)), "mode": mode,
            "participants": self.rng.sample(self.teachers, 2), "met": "学生母亲",
            "attitude": self.rng.choice([c.code for c in codes.ATTITUDES]),
            "result": self.rng.choice(_RESULTS), "next_step": self.rng.choice(_NEXT)})

    def escalate(self, sid: str, case: str, stage: str, days: int) -> None:
        self.ledger.records.add("escalation", {
            "student_id": sid, "case_id": case, "stage": stage, "date": self.days_ago(max(days, 0))})

    def pairing(self, sid: str) -> None:
        changes = self.ledger.records.add("pairing", {
            "student_id": sid, "teacher": self.rng.choice(self.teachers),
            "start_date": self.days_ago(50), "kind": "academic", "goal": "每周谈心一次，补习数学"})
        for days in (35, 14):
            self.ledger.records.add("pairing_log", {
                "pairing_id": changes.created[0], "date": self.days_ago(days), "mode": "谈心",
                "content": "了解学习和家庭情况，布置补习任务", "change": "上课更专注"})

    def subsidy(self, sid: str) -> None:
        student = self.ledger.queries.student(sid)
        if not student or not student["economic_category"]:
            return
        junior = int(student["grade"]) >= 7
        item = "living_boarding" if student["boarding"] else "living_day"
        yearly = codes.SUBSIDY_STANDARDS_FEN[item]["junior" if junior else "primary"]
        self.ledger.records.add("subsidy", {
            "student_id": sid, "item": item, "standard_fen": yearly,
            "period": f"{school_year_start(self.today)}年秋季学期", "amount_fen": yearly // 2,
            "paid_date": self.days_ago(10), "channel": "card",
            "account_last4": f"{self.rng.randint(0, 9999):04d}"})
