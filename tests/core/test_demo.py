from dropout_ledger.model.identity import is_valid_id_number
from dropout_ledger.services import demo, stats


def test_a_demo_school_is_believable(ledger):
    demo.populate(ledger, students=800, seed=11)
    counts = stats.counts(ledger.queries)
    assert counts["total"] == 800
    for status in ("suspected", "dropped_out", "returned", "home_taught", "suspended",
                   "transferred_out"):
        assert counts["by_status"][status] >= 1, status
    assert counts["flags"]["at_risk"] >= 10
    assert set(counts["by_grade"]) == {str(g) for g in range(1, 10)}
    rows = ledger.queries.roster(limit=800)
    assert all(is_valid_id_number(r.id_number) for r in rows)
    stages = {r["stage"] for r in ledger.queries.records("case")}
    assert len(stages - {None}) >= 2  # cases at several escalation stages
    assert ledger.queries.records("visit") and ledger.queries.records("subsidy")
    assert ledger.queries.records("pairing_log") and ledger.queries.records("home_teaching")
    assert any(r["closed_date"] for r in ledger.queries.records("case"))


def test_ensure_demo_creates_once(tmp_path):
    path = tmp_path / "first-run.sqlite"
    assert demo.ensure_demo(path, students=50) is True
    assert demo.ensure_demo(path, students=50) is False
