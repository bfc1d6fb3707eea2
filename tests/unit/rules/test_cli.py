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


def test_run_refuses_zones_whose_limit_and_grace_outlast_the_epoch_overlap(tmp_path, monkeypatch):
    path = tmp_path / "zones.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [TIMED, PERMIT]}))  # 120 + 5 min
    monkeypatch.setenv("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:1")
    monkeypatch.setenv("RULES_ZONES_PATH", str(path))
    monkeypatch.setenv("ALPR_EPOCH_HOURS", "4")
    monkeypatch.setenv("ALPR_EPOCH_OVERLAP_HOURS", "2")
    message = str(CliRunner().invoke(rules, ["run"]).exception)
    assert f"{path}: zone 'main-st' (2 h limit + 5 min grace, Mon-Sat 08:00-18:00) cannot be enforced" in message
    assert "ALPR_EPOCH_OVERLAP_HOURS=2 is shorter than the longest time limit enforced (125 minutes" in message


def test_every_command_has_help():
    for group, command in ((rules, "run"), (rules, "check-zones"), (rules, "bench"), (permits, "import"), (permits, "list")):
        result = CliRunner().invoke(group, [command, "--help"])
        assert result.exit_code == 0 and len(result.output.splitlines()) > 3
