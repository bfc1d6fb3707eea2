from datetime import timedelta

import pytest

from alpr_common.errors import ConfigError
from services.retention.rules import check_epoch_hours, load_rules, parse_rules
from services.retention.settings import DEFAULT_RULES

VALID = {
    "rules": {
        "non_violation_frames": {"keep_hours": 24},
        "rejected_case_evidence": {"keep_days": 3, "description": "counted from the rejection"},
        "citation_evidence": {"keep_days_after_close": 1825},
        "audit_events": {"keep": "forever"},
        "aggregates": {"keep": "forever"},
        "minimization_window": {"keep_hours": 24},
    }
}


def with_rule(name, table):
    return {"rules": {**VALID["rules"], name: table}}


def test_the_shipped_file_holds_the_promised_windows():
    rules = load_rules(DEFAULT_RULES)
    assert rules["non_violation_frames"].keep == timedelta(hours=24)
    assert rules["rejected_case_evidence"].keep == timedelta(hours=72)
    assert rules["citation_evidence"].keep == timedelta(days=1825)
    assert rules["audit_events"].forever
    assert rules["aggregates"].forever
    assert rules["minimization_window"].keep == timedelta(hours=24)
    check_epoch_hours(rules, 24)  # the default ALPR_EPOCH_HOURS


def test_the_minimization_window_must_be_the_epoch_length_the_services_seal_under():
    rules = parse_rules(with_rule("minimization_window", {"keep_hours": 12}))
    check_epoch_hours(rules, 12)
    with pytest.raises(ConfigError, match="rules.minimization_window.keep_hours is 12 but ALPR_EPOCH_HOURS is 24"):
        check_epoch_hours(rules, 24)
    with pytest.raises(ConfigError, match=r"rules.minimization_window: field\(s\) keep_days not allowed here"):
        parse_rules(with_rule("minimization_window", {"keep_days": 1}))


def test_hours_and_days_become_windows():
    rules = parse_rules(VALID)
    assert rules["rejected_case_evidence"].keep == timedelta(days=3)
    assert not rules["non_violation_frames"].forever


@pytest.mark.parametrize("table, expected", [
    ({"keep_hours": "24"}, "rules.non_violation_frames.keep_hours must be a number >= 0"),
    ({"keep_hours": -1}, "rules.non_violation_frames.keep_hours must be a number >= 0"),
    ({"keep_hours": True}, "rules.non_violation_frames.keep_hours must be a number >= 0"),
    ({}, "rules.non_violation_frames: set exactly one of keep_hours, keep_days"),
    ({"keep_hours": 1, "keep_days": 1}, "rules.non_violation_frames: set exactly one of"),
    ({"keep": "forever"}, "rules.non_violation_frames: field(s) keep not allowed here"),
])
def test_a_bad_window_names_the_rule_and_the_field(table, expected):
    with pytest.raises(ConfigError, match=expected.replace("(", r"\(").replace(")", r"\)")):
        parse_rules(with_rule("non_violation_frames", table))


def test_the_audit_trail_can_only_be_kept_forever():
    with pytest.raises(ConfigError, match=r'rules.audit_events.keep must be "forever"'):
        parse_rules(with_rule("audit_events", {"keep": "10 years"}))


def test_aggregates_are_documented_as_kept_and_can_never_get_a_destruction_window():
    with pytest.raises(ConfigError, match=r"rules.aggregates: field\(s\) keep_days not allowed here; use one of keep"):
        parse_rules(with_rule("aggregates", {"keep_days": 30}))


def test_citation_evidence_may_not_be_kept_shorter_than_rejected_evidence():
    with pytest.raises(ConfigError, match="rules.citation_evidence keeps evidence 1 day.*shorter than rules.rejected_case_evidence"):
        parse_rules(with_rule("citation_evidence", {"keep_days_after_close": 1}))
    assert parse_rules(with_rule("citation_evidence", {"keep": "forever"}))["citation_evidence"].forever


def test_unknown_and_missing_rules_are_refused():
    with pytest.raises(ConfigError, match="unknown rule.*non_violation_frame[^s]"):
        parse_rules({"rules": {**VALID["rules"], "non_violation_frame": {"keep_hours": 1}}})
    rules = dict(VALID["rules"])
    del rules["citation_evidence"]
    with pytest.raises(ConfigError, match="missing rule.*citation_evidence"):
        parse_rules({"rules": rules})


def test_file_problems_say_which_file(tmp_path):
    with pytest.raises(ConfigError, match="RETENTION_CONFIG_PATH"):
        load_rules(tmp_path / "absent.toml")
    broken = tmp_path / "broken.toml"
    broken.write_text("[rules.non_violation_frames\nkeep_hours = 1")
    with pytest.raises(ConfigError, match=f"{broken} is not valid TOML"):
        load_rules(broken)
