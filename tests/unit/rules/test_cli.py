import json

from click.testing import CliRunner

from services.rules.cli import permits, rules
from tests.unit.rules.test_zone_file import PERMIT, TIMED, with_props


def test_check_zones_prints_a_summary_of_a_valid_file(tmp_path):
    path = tmp_path / "zones.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [TIMED, PERMIT]}))
    result = CliRunner().invoke(rules, ["check-zones", str(path)])
    assert result.exit_code == 0
    assert "main-st" in result.output and "2 h limit + 5 min grace, Mon-Sat 08:00-18:00" in result.output
    assert "2 zone(s), file is valid." in result.output


def test_check_zones_names_the_bad_field(tmp_path):
    path = tmp_path / "zones.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [with_props(TIMED, grace_minutes="5")]}))
    result = CliRunner().invoke(rules, ["check-zones", str(path)])
    assert result.exit_code != 0
    assert "field 'grace_minutes'" in str(result.exception)


def test_run_refuses_to_start_without_broker_or_zone_file(monkeypatch):
    monkeypatch.delenv("KAFKA_BOOTSTRAP_SERVERS", raising=False)
    monkeypatch.delenv("RULES_ZONES_PATH", raising=False)
    assert "KAFKA_BOOTSTRAP_SERVERS is not set" in str(CliRunner().invoke(rules, ["run"]).exception)
    monkeypatch.setenv("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:1")
    assert "RULES_ZONES_PATH is not set" in str(CliRunner().invoke(rules, ["run"]).exception)


def test_every_command_has_help():
    for group, command in ((rules, "run"), (rules, "check-zones"), (rules, "bench"), (permits, "import"), (permits, "list")):
        result = CliRunner().invoke(group, [command, "--help"])
        assert result.exit_code == 0 and len(result.output.splitlines()) > 3


def test_bench_prints_the_rate_of_the_rules_next_to_the_baseline():
    result = CliRunner().invoke(rules, ["bench", "--zones", "9", "--permits", "50", "--reads", "200", "--runs", "1"])
    assert result.exit_code == 0, result.output
    assert "9 zones, 50 permits, 200 reads x 1 runs" in result.output
    baseline, matching = (line for line in result.output.splitlines() if "reads/s" in line)
    assert baseline.startswith("baseline: zone lookup only") and matching.startswith("rules: lookup + permit + chalk")
    assert "180 reads in a zone per run" in baseline  # one read in ten lies outside every zone
