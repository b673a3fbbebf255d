"""Validation of each event alone: real packages pass, each kind of bad event is refused with
its Chinese reason, its package line and masked identity."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sync_helpers import (
    COUNTY,
    TODAY,
    forge,
    make_ledgers,
    rebody,
    reheader,
    sync,
    wire_events,
)

from dropout_ledger.clock import FrozenClock
from dropout_ledger.errors import Problem
from dropout_ledger.ledger import Ledger
from dropout_ledger.model.identity import id_check_char
from dropout_ledger.model.status import Status
from dropout_ledger.services import demo
from dropout_ledger.sync.validate import CountyOnlyProblem, refusal_code, validate
from dropout_ledger.sync.wire import WireEvent
from dropout_ledger.synthetic import SyntheticFactory

SCHOOL_PACKAGE = "school_to_county"


@pytest.fixture
def trio(tmp_path: Path) -> Iterator[dict[str, Ledger]]:
    ledgers = make_ledgers(tmp_path, FrozenClock(TODAY))
    yield ledgers
    for ledger in ledgers.values():
        ledger.close()


def _busy_school(ledger: Ledger) -> str:
    """A school ledger with a pupil, a case, a visit, an absence, a scan and settings."""
    fields = SyntheticFactory(5).student(grade=6, today=TODAY.date())
    sid = ledger.students.add(fields, effective_date="2025-09-01").created[0]
    ledger.students.edit(sid, {"address": "石门村二组", "at_risk": ["absence"]})
    ledger.records.add("absence", {"student_id": sid, "date": TODAY.date(), "reason": "病假"})
    ledger.status.change(sid, Status.SUSPECTED, effective_date=TODAY.date(), reason_code="02")
    case = ledger.queries.student(sid)["case_id"]
    ledger.records.add_with_files("visit", {
        "student_id": sid, "case_id": case, "date": TODAY.date(), "mode": "home",
        "participants": ["王校长", "李老师"], "result": "家长同意返校"},
        [("回执.png", b"\x89PNG\r\n\x1a\nscan")])
    ledger.settings.set_profile(suspect_days=8)
    ledger.settings.update_org(principal="王建国")
    ledger.settings.add_operator("杨老师", "class_teacher", class_scope="6年级1班")
    return sid


def _texts(problems: list[Problem]) -> str:
    return "\n".join(p.text() for p in problems)


def _student_create(ledger: Ledger) -> tuple[int, WireEvent]:
    events = wire_events(ledger.conn)
    index = next(i for i, e in enumerate(events) if e.header["kind"] == "student_create")
    return index, events[index]


def test_a_real_school_package_is_valid(trio) -> None:
    _busy_school(trio["A"])
    events = wire_events(trio["A"].conn)
    assert {e.header["kind"] for e in events} >= {
        "replica_start", "entity_create", "student_create", "update", "status", "record_add",
        "attachment_add"}
    assert validate(events, sender_org=trio["A"].org_id, kind=SCHOOL_PACKAGE) == []


def test_a_demo_school_is_valid(tmp_path: Path) -> None:
    with Ledger.create(tmp_path / "demo.sqlite", kind="school", code="2152482101", name="演示学校",
                       county_code=COUNTY, clock=FrozenClock(TODAY)) as ledger:
        demo.populate(ledger, students=60, seed=3)
        events = wire_events(ledger.conn)
        assert validate(events, sender_org=ledger.org_id, kind=SCHOOL_PACKAGE) == []


def test_a_county_package_may_carry_the_recipients_own_events(trio) -> None:
    _busy_school(trio["A"])
    sync(trio["A"], trio["C"])
    trio["C"].settings.set_profile(call_days=2)
    events = wire_events(trio["C"].conn)
    assert validate(events, sender_org="C:" + COUNTY, kind="county_to_school",
                    recipient_org=trio["A"].org_id) == []
    refused = validate(events, sender_org="C:" + COUNTY, kind="county_to_school",
                       recipient_org=trio["B"].org_id)
    assert refused and all(p.field == "org" for p in refused)
    assert f"这条记录由 {trio['A'].org_id} 写入，不应出现在 C:{COUNTY} 发出的数据包里" in \
        refused[0].reason


def test_a_school_package_holds_only_the_schools_events(trio) -> None:
    sync(trio["B"], trio["A"])
    events = wire_events(trio["A"].conn)
    problems = validate(events, sender_org=trio["A"].org_id, kind=SCHOOL_PACKAGE)
    others = [i for i, e in enumerate(events) if e.header["org"] == trio["B"].org_id]
    assert [p.row for p in problems] == [i + 2 for i in others]  # line 1 is the manifest
    assert "第" in problems[0].text() and "数据包只能带发出单位自己的记录" in problems[0].text()


@pytest.mark.parametrize(("change", "expected"), [
    ({"v": 2}, "事件格式版本 2 与本软件（1）不同"),
    ({"seq": 0}, "事件序号和逻辑时钟必须从 1 起"),
    ({"lc": 0}, "事件序号和逻辑时钟必须从 1 起"),
    ({"lc": "7"}, "事件头的 lc 缺失或不是整数"),
    ({"prev": ""}, "事件链接与序号不符"),
    ({"org": "S:123"}, "事件头的 org 缺失或不是有效的单位代码"),
    ({"rep": "laptop"}, "事件头的 rep 缺失或不是有效的副本编号"),
    ({"who": {"id": "x"}}, "事件头的 who 缺失或不完整"),
    ({"wall": "昨天"}, "事件头的本机时间无法识别"),
])
def test_a_bad_header_is_refused(trio, change: dict[str, Any], expected: str) -> None:
    _busy_school(trio["A"])
    events = wire_events(trio["A"].conn)
    index = next(i for i, e in enumerate(events) if e.header["seq"] > 1)
    events[index] = reheader(events[index], **change)
    problems = validate(events, sender_org=trio["A"].org_id, kind=SCHOOL_PACKAGE)
    assert len(problems) == 1 and expected in problems[0].reason
    assert problems[0].row == index + 2 and refusal_code(problems) == "bad_event"


def test_a_missing_header_field_is_refused(trio) -> None:
    event = wire_events(trio["A"].conn)[1]
    header = {k: v for k, v in event.header.items() if k != "kind"}
    problems = validate([forge(header, event.body_obj)], sender_org=trio["A"].org_id,
                        kind=SCHOOL_PACKAGE)
    assert "事件头的 kind 缺失" in _texts(problems)


def test_changed_bytes_are_refused(trio) -> None:
    event = wire_events(trio["A"].conn)[1]
    wrong_id = WireEvent("0" * 64, event.hdr, event.body, event.header, event.body_obj)
    changed_body = WireEvent(event.eid, event.hdr, event.body + b" ", event.header,
                             event.body_obj)
    org = trio["A"].org_id
    assert "事件编号与事件头不符" in _texts(validate([wrong_id], sender_org=org,
                                                  kind=SCHOOL_PACKAGE))
    assert "事件内容与其哈希不符（数据被改动）" in _texts(
        validate([changed_body], sender_org=org, kind=SCHOOL_PACKAGE))


def test_a_wrong_id_number_is_refused_with_the_pupil_masked(trio) -> None:
    _busy_school(trio["A"])
    index, create = _student_create(trio["A"])
    fields = dict(create.body_obj["fields"])
    number = fields["id_number"]
    wrong = number[:17] + ("0" if id_check_char(number[:17]) != "0" else "1")
    fields["id_number"] = wrong
    events = wire_events(trio["A"].conn)
    events[index] = rebody(create, {"fields": fields})
    problems = validate(events, sender_org=trio["A"].org_id, kind=SCHOOL_PACKAGE)
    text = _texts(problems)
    masked = wrong[:6] + "********" + wrong[-4:]
    assert f"学生 {fields['name'][0]}**（{masked}）：身份证号 {masked} 有误：身份证号校验不通过" in text
    assert wrong not in text and fields["name"] not in text
    assert problems[0].row == index + 2 and problems[0].field == "id_number"


@pytest.mark.parametrize(("body_change", "expected"), [
    ({"code": "graduated_abroad"}, "状态“graduated_abroad”本软件不认识"),
    ({"effective_date": "2026-13-01"}, "生效日期“2026-13-01”不是有效日期"),
    ({"effective_date": "2031-01-01"}, "生效日期 2031-01-01 晚于录入时间"),
    ({"effective_date": "1999-06-01"}, "生效日期 1999-06-01 太早"),
    ({"student_id": "someone-else"}, "状态记录所属的学生与记录对象不符"),
    ({"base": ["not-an-eid"]}, "状态记录所依据的记录编号不对"),
    ({"closure": {"reason": "other"}}, "销号信息不完整"),
])
def test_a_bad_status_is_refused(trio, body_change: dict[str, Any], expected: str) -> None:
    _busy_school(trio["A"])
    events = wire_events(trio["A"].conn)
    index = next(i for i, e in enumerate(events) if e.header["kind"] == "status")
    events[index] = rebody(events[index], {**events[index].body_obj, **body_change})
    problems = validate(events, sender_org=trio["A"].org_id, kind=SCHOOL_PACKAGE)
    assert len(problems) == 1 and expected in problems[0].reason, _texts(problems)


def test_implausible_record_dates_and_wrong_types_are_refused(trio) -> None:
    _busy_school(trio["A"])
    events = wire_events(trio["A"].conn)
    index = next(i for i, e in enumerate(events) if e.header["ent"].startswith("absence:")
                 and e.header["kind"] == "record_add")
    body = events[index].body_obj
    events[index] = rebody(events[index], {**body, "fields": {
        **body["fields"], "date": "2027-05-01", "excused": "yes"}})
    text = _texts(validate(events, sender_org=trio["A"].org_id, kind=SCHOOL_PACKAGE))
    assert "缺勤日期 2027-05-01 晚于录入时间" in text and "已请假应为是或否" in text
    assert "缺勤登记（编号" in text


def test_an_update_of_the_status_column_is_refused(trio) -> None:
    _busy_school(trio["A"])
    events = wire_events(trio["A"].conn)
    index = next(i for i, e in enumerate(events) if e.header["kind"] == "update"
                 and e.header["ent"].startswith("student:"))
    events[index] = rebody(events[index], {"fields": {"status": {"value": "dropped_out",
                                                                 "base": []}}})
    text = _texts(validate(events, sender_org=trio["A"].org_id, kind=SCHOOL_PACKAGE))
    assert "学生状态只能通过状态变更记录修改" in text


def _school_event(ledger: Ledger, kind: str, ent: str, body: dict[str, Any]) -> WireEvent:
    """An event as the school's next one would be, with any kind, entity and body."""
    last = wire_events(ledger.conn)[-1]
    header = {k: v for k, v in last.header.items() if k != "body_hash"}
    header.update(seq=last.header["seq"] + 1, lc=last.header["lc"] + 1, prev=last.eid,
                  kind=kind, ent=ent)
    return forge(header, body)


@pytest.mark.parametrize(("kind", "ent", "body", "expected"), [
    ("update", f"profile:C:{COUNTY}", {"fields": {"suspect_days": {"value": 3, "base": []}}},
     "学校不能修改县级名单或县级设置"),
    ("list_version", "list:registered_poor", {"version": 4}, "学校不能写入县级记录（list_version）"),
    ("update", "list:dibao", {"fields": {"rows": {"value": [], "base": []}}},
     "学校不能修改县级名单或县级设置"),
    ("decision", "student:abc", {"outcome": "at_school"}, "学校不能写入县级记录（decision）"),
    ("redact", "student:abc", {"targets": []}, "学校不能写入县级记录（redact）"),
    ("update", "student:abc", {"fields": {"official_poverty": {"value": True, "base": []}}},
     "学校不能修改县级名单字段“official_poverty”"),
    ("update", f"org:C:{COUNTY}", {"fields": {"name": {"value": "某县", "base": []}}},
     "学校只能修改本校的单位信息和设置"),
    ("update", "profile:S:2152482102", {"fields": {"call_days": {"value": 1, "base": []}}},
     "学校只能修改本校的单位信息和设置"),
])
def test_a_school_event_touching_county_only_data_is_refused(
    trio, kind: str, ent: str, body: dict[str, Any], expected: str
) -> None:
    school = trio["A"]
    events = [*wire_events(school.conn), _school_event(school, kind, ent, body)]
    problems = validate(events, sender_org=school.org_id, kind=SCHOOL_PACKAGE)
    assert len(problems) == 1 and expected in problems[0].reason
    assert isinstance(problems[0], CountyOnlyProblem)
    assert refusal_code(problems) == "county_only_field"
    assert problems[0].row == len(events) + 1
    assert "只能由县教育局修改" in problems[0].fix


def test_the_county_may_write_county_only_data(trio) -> None:
    county = trio["C"]
    event = _school_event(county, "update", f"profile:C:{COUNTY}",
                          {"fields": {"suspect_days": {"value": 3, "base": []}}})
    assert validate([*wire_events(county.conn), event], sender_org=county.org_id,
                    kind="county_to_school") == []


def test_unknown_kinds_and_fields_of_this_version_are_accepted(trio) -> None:
    school = trio["A"]
    sid = school.students.add(SyntheticFactory(2).student(grade=3, today=TODAY.date()),
                              effective_date="2025-09-01").created[0]
    newer = [
        _school_event(school, "same_as", f"student:{sid}", {"other": "student:x"}),
        _school_event(school, "update", f"student:{sid}",
                      {"fields": {"hobby": {"value": ["篮球"], "base": []}}}),
    ]
    events = [*wire_events(school.conn), *newer]
    assert validate(events, sender_org=school.org_id, kind=SCHOOL_PACKAGE) == []


def test_a_redacted_body_of_a_projected_kind_is_refused(trio) -> None:
    _busy_school(trio["A"])
    events = wire_events(trio["A"].conn)
    index = next(i for i, e in enumerate(events) if e.header["kind"] == "status")
    event = events[index]
    events[index] = WireEvent(event.eid, event.hdr, None, event.header, None)
    text = _texts(validate(events, sender_org=trio["A"].org_id, kind=SCHOOL_PACKAGE))
    assert "事件内容缺失或不是一个对象" in text
