"""`stats --json`: deterministic bytes, and figures a person can recompute from `list --json`.

The demo school is written with a clock standing at 2026-06-15, so its whole roll is on the
ledger since 1 September 2025 at the latest and every case story of the demo (at most ~90 days
back) falls in the 2025 school year: the status `list --json` shows is all a person needs.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from dropout_ledger.cli import main
from dropout_ledger.clock import FrozenClock
from dropout_ledger.ledger import Ledger
from dropout_ledger.services import demo
from dropout_ledger.synthetic import FICTIONAL_COUNTY_CODE

DAY = "2026-06-15"


def run(capsys: Any, *args: Any) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(scope="module")
def demo_school(tmp_path_factory: Any) -> Path:
    path = tmp_path_factory.mktemp("demo") / "school.sqlite"
    clock = FrozenClock(dt.datetime(2026, 6, 15, 9, 0))
    with Ledger.create(path, kind="school", code="2152482101", name="坪坝镇中心学校",
                       county_code=FICTIONAL_COUNTY_CODE, clock=clock) as ledger:
        demo.populate(ledger, students=450, seed=5)
    return path


def by_hand(num: int, den: int) -> int | None:
    """What a person does with a calculator: num ÷ den in 万分之, rounded half up."""
    return None if den == 0 else (num * 10000 * 2 + den) // (2 * den)


LOST = {"dropped_out", "returned", "suspended"}  # left 在校 this year (returned: and came back)
GONE = {"dropped_out", "suspended", "transferred_out"}  # not in 在校 now, and not offset


def test_stats_json_is_recomputable_by_hand_from_list_json(demo_school, capsys):
    code, out, _ = run(capsys, "list", "--json", "--ledger", demo_school)
    assert code == 0
    rows = json.loads(out)
    code, out, _ = run(capsys, "stats", "--json", "--date", DAY, "--ledger", demo_school)
    assert code == 0
    rates = json.loads(out)["rates"]
    assert rates["date"] == DAY and rates["period"] == {"start": "2025-09-01", "end": DAY}

    groups: dict[tuple[str, str, str], list[dict[str, Any]]] = {}
    for row in rows:
        stage = "primary" if row["grade"] <= 6 else "junior"
        for stage_key in (stage, "all"):
            for part, value in (("by_grade", str(row["grade"])), ("by_sex", row["sex"]),
                                ("by_village", row["village"] or "unknown"),
                                ("total", "")):
                groups.setdefault((stage_key, part, value), []).append(row)
    checked = 0
    for (stage, part, value), members in groups.items():
        base = len(members)
        statuses = Counter(m["status"] for m in members)
        lost = sum(statuses[s] for s in LOST)
        net = sum(statuses[s] for s in GONE)
        for convention, numerator in (("definitional", lost), ("net_change", net)):
            node = rates["dropout"][convention][stage][part]
            fig = node if part == "total" else node[value]
            assert (fig["numerator"], fig["denominator"]) == (numerator, base), (stage, part, value)
            assert fig["value_bp"] == by_hand(numerator, base)
            if stage != "all":
                limit = 50 if stage == "primary" else 150
                assert fig["target_bp"] == limit and fig["met"] == (fig["value_bp"] <= limit)
            checked += 1
    assert checked > 100

    year = rates["movement"]["year"]["rows"]
    attending = sum(1 for r in rows if r["status"] in
                    {"enrolled", "home_taught", "suspected", "returned"})
    assert year["total"]["closing"] == attending
    assert year["total"]["opening"] + year["total"]["intake"] == len(rows)
    assert year["total"]["closing_female"] == sum(
        1 for r in rows if r["sex"] == "2" and r["status"] not in GONE)
    for g in range(1, 10):
        in_grade = [r for r in rows if r["grade"] == g]
        assert year[str(g)]["closing"] == sum(1 for r in in_grade if r["status"] not in GONE)


def test_stats_json_is_the_same_bytes_for_the_same_events(demo_school, capsys, tmp_path):
    copy = tmp_path / "copy.sqlite"
    assert run(capsys, "backup", "--out", copy, "--ledger", demo_school)[0] == 0
    first = run(capsys, "stats", "--json", "--date", DAY, "--ledger", demo_school)[1]
    again = run(capsys, "stats", "--json", "--date", DAY, "--ledger", demo_school)[1]
    other = run(capsys, "stats", "--json", "--date", DAY, "--ledger", copy)[1]
    assert first == again == other
    assert not any(isinstance(v, float) for v in _leaves(json.loads(first)))


def _leaves(node: Any) -> list[Any]:
    if isinstance(node, dict):
        return [leaf for v in node.values() for leaf in _leaves(v)]
    if isinstance(node, list):
        return [leaf for v in node for leaf in _leaves(v)]
    return [node]


def test_stats_text_shows_rates_against_targets(demo_school, capsys):
    code, out, _ = run(capsys, "stats", "--date", DAY, "--ledger", demo_school)
    assert code == 0
    assert "2025学年" in out and "小学辍学率（在校生辍学率口径）" in out
    assert "两基净减少口径" in out and "目标≤0.50%" in out and "九年义务教育巩固率" in out
    assert "户籍适龄儿童名单尚未导入" in out


@pytest.mark.parametrize("bad", ["2026-6-15", "15.06.2026", "2026-02-30", "20260615"])
def test_a_bad_date_is_refused_with_exit_2(demo_school, capsys, bad):
    code, out, err = run(capsys, "stats", "--date", bad, "--ledger", demo_school)
    assert code == 2 and out == "" and "YYYY-MM-DD" in err
