import pytest

from dropout_ledger.errors import ValidationError
from dropout_ledger.model.profile import PROFILE_DEFAULTS


def test_the_profile_starts_from_the_design_defaults(ledger):
    profile = ledger.settings.profile()
    assert profile["primary_dropout_max_bp"] == 50 and profile["junior_dropout_max_bp"] == 150
    assert profile["consolidation_min_bp"] == 9600 and profile["progression_min_bp"] == 9000
    assert profile == PROFILE_DEFAULTS


def test_a_county_changes_a_threshold_and_the_reason_dictionary(ledger):
    reasons = [*PROFILE_DEFAULTS["dropout_reasons"], {"code": "13", "label": "外出打工"}]
    ledger.settings.set_profile(suspect_days=7, dropout_reasons=reasons)
    assert ledger.settings.profile()["suspect_days"] == 7
    assert ledger.settings.profile()["dropout_reasons"][-1]["label"] == "外出打工"
    with pytest.raises(ValidationError, match="应在"):
        ledger.settings.set_profile(suspect_days=365)


def test_the_school_name_is_an_edit_and_operators_are_kept(ledger):
    ledger.settings.update_org(name="坪坝镇中心完小", principal="罗建国")
    assert ledger.org.name == "坪坝镇中心完小"
    ledger.settings.add_operator("杨老师", "班主任", class_scope="3年级2班")
    assert [(o["name"], o["role"]) for o in ledger.settings.operators()] == [
        ("杨老师", "class_teacher")]
    with pytest.raises(ValidationError):
        ledger.settings.update_org(code="2152482199")


def test_a_school_writes_its_own_profile_and_the_county_profile_wins(ledger):
    from dropout_ledger.services.edits import emit_update

    assert ledger.settings.profile_ent() == f"profile:{ledger.org_id}"
    ledger.settings.set_profile(suspect_days=7, call_days=2)
    assert ledger.settings.entity(f"profile:{ledger.org_id}") == {"suspect_days": 7,
                                                                 "call_days": 2}
    county = ledger.settings.county_profile_ent()
    assert county == f"profile:C:{ledger.org.county_code}"
    assert ledger.settings.entity(county) == {}
    with ledger.write() as w:  # as if the county's profile had arrived on the stick
        emit_update(w, county, {"suspect_days": 10})
    profile = ledger.settings.profile()
    assert profile["suspect_days"] == 10  # the county's value wins
    assert profile["call_days"] == 2  # the school's own where the county set nothing
    assert profile["visit_days"] == PROFILE_DEFAULTS["visit_days"]


def test_a_county_writes_its_county_profile(tmp_path, clock):
    from dropout_ledger.ledger import Ledger

    with Ledger.create(tmp_path / "c.sqlite", kind="county", code="524821", name="某县教育局",
                       clock=clock) as county:
        county.settings.set_profile(suspect_days=9)
        assert county.settings.profile_ent() == "profile:C:524821"
        assert county.settings.county_profile_ent() is None
        assert county.settings.profile()["suspect_days"] == 9
