from datetime import datetime, timedelta, timezone

import pytest
from click.testing import CliRunner

from alpr_cli.main import cli
from alpr_common.clock import FileClock
from services.retention.inventory import CaseOpened, FrameSeen
from services.retention.repository import InventoryRepository
from services.retention.settings import DEFAULT_RULES

pytestmark = pytest.mark.integration
T0 = datetime(2026, 8, 1, 12, 0, tzinfo=timezone.utc)


@pytest.fixture
def env(monkeypatch, database_url, tmp_path):
    clock = FileClock(tmp_path / "clock")
    clock.set(T0 + timedelta(hours=25))
    monkeypatch.delenv("KAFKA_BOOTSTRAP_SERVERS", raising=False)
    monkeypatch.setenv("DATABASE_URL", database_url)
    monkeypatch.setenv("ALPR_CLOCK", f"file:{clock.path}")
    return database_url


def test_run_and_sweep_refuse_to_start_without_a_broker(env):
    for command in ("run", "sweep"):
        result = CliRunner().invoke(cli, ["retention", command])
        assert result.exit_code == 1
        assert "KAFKA_BOOTSTRAP_SERVERS is not set" in result.output


def test_due_lists_what_goes_next_and_when(env):
    InventoryRepository(env).apply([
        FrameSeen("f-old", "frames/d/f-old.jpg", T0),
        FrameSeen("f-new", "frames/d/f-new.jpg", T0 + timedelta(hours=2)),
        CaseOpened("c-1", (FrameSeen("f-held", "frames/d/f-held.jpg", T0),)),
    ])
    result = CliRunner().invoke(cli, ["retention", "due"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert "DUE NOW" in lines[0] and "frames/d/f-old.jpg" in lines[0] and "non_violation_frames" in lines[0]
    assert "in 1:00:00" in lines[1] and "frames/d/f-new.jpg" in lines[1]
    assert "f-held" not in result.output
    assert lines[-1].startswith("2 item(s) scheduled")


def test_a_bad_rules_file_is_reported_with_rule_and_field(env, monkeypatch, tmp_path):
    bad = tmp_path / "rules.toml"
    bad.write_text(DEFAULT_RULES.read_text().replace("keep_hours = 24", 'keep_hours = "a day"'))
    monkeypatch.setenv("RETENTION_CONFIG_PATH", str(bad))
    result = CliRunner().invoke(cli, ["retention", "due"])
    assert result.exit_code == 1
    assert "rules.non_violation_frames.keep_hours must be a number" in result.output
