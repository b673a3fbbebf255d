"""Whatever a package holds, validation answers with problems, never an exception; and an
event it accepts never breaks the projection (a crash there would refuse the package without a
reason a person can act on)."""

from __future__ import annotations

import functools
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sync_helpers import TODAY, bare_memory, make_ledgers, merge_package, rebody, wire_events

from dropout_ledger.clock import FrozenClock
from dropout_ledger.model.status import Status
from dropout_ledger.sync.validate import validate
from dropout_ledger.sync.wire import WireEvent
from dropout_ledger.synthetic import SyntheticFactory

JSON = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**53) + 1, 2**53 - 1)
    | st.sampled_from(["", "x", "2026-11-22", "2099-01-01", "enrolled", "a" * 64, "张三"]),
    lambda inner: st.lists(inner, max_size=3)
    | st.dictionaries(st.sampled_from(["value", "base", "name", "relation", "code", "label",
                                       "reason", "x"]), inner, max_size=3),
    max_leaves=6,
)


@functools.cache
def _school_events() -> tuple[WireEvent, ...]:
    with tempfile.TemporaryDirectory() as folder:
        ledgers = make_ledgers(Path(folder), FrozenClock(TODAY))
        school = ledgers["A"]
        sid = school.students.add(SyntheticFactory(3).student(grade=5, today=TODAY.date()),
                                  effective_date="2025-09-01").created[0]
        school.students.edit(sid, {"address": "一组", "guardians": [
            {"name": "王大山", "relation": "father", "phone": "13800000000"}]})
        school.status.change(sid, Status.SUSPECTED, effective_date=TODAY.date(),
                             reason_code="02")
        school.records.add("absence", {"student_id": sid, "date": TODAY.date()})
        school.records.add_attachment(b"\x89PNG\r\n\x1a\nx", name="a.png")
        events = tuple(wire_events(school.conn))
        for ledger in ledgers.values():
            ledger.close()
    return events


def _mutate(body: dict[str, Any], path: list[str], value: Any) -> dict[str, Any]:
    if len(path) == 1:
        return {**body, path[0]: value}
    inner = body.get(path[0])
    return {**body, path[0]: _mutate(inner if isinstance(inner, dict) else {}, path[1:], value)}


def _paths(body: dict[str, Any]) -> list[list[str]]:
    found = [[key] for key in body]
    for key, inner in body.items():
        if isinstance(inner, dict):
            found += [[key, *rest] for rest in _paths(inner)]
    return found or [["x"]]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data(), value=JSON)
def test_validation_never_raises_and_accepted_events_always_project(data, value) -> None:
    events = list(_school_events())
    index = data.draw(st.integers(1, len(events) - 1))
    event = events[index]
    path = data.draw(st.sampled_from(_paths(event.body_obj or {})))
    events[index] = rebody(event, _mutate(event.body_obj or {}, path, value))
    problems = validate(events, sender_org=event.header["org"], kind="school_to_county")
    if not problems:
        conn = bare_memory()
        merge_package(conn, events)
        conn.close()
