from datetime import datetime, timedelta, timezone

import pytest
from click.testing import CliRunner

from alpr_cli.main import cli
from alpr_common.clock import FileClock
from alpr_common.crypto import EpochSchedule, KeyStore
from services.retention.inventory import CaseDecided, CaseOpened, FrameSeen
from services.retention.repository import InventoryRepository
from services.retention.schedule import CaseState
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
    assert lines[-1].startswith("2 item(s) scheduled, 0 under a legal hold, 1 past due")


def test_due_shows_the_next_epoch_key_destruction_and_counts_an_ended_epoch_past_due(env, master_key):
    keystore = KeyStore(env, master_key, EpochSchedule())
    ended, current = keystore.epoch_for(T0), keystore.epoch_for(T0 + timedelta(hours=25))
    ends = {e.epoch_id: e.ends_at for e in keystore.epochs()}
    lines = invoke("due").output.splitlines()
    assert lines[0] == f"{ends[ended.epoch_id].isoformat()}  {'DUE NOW':>22}  {'minimization_window':24} epoch_keys {ended.epoch_id}"
    now = T0 + timedelta(hours=25)
    assert lines[1] == (f"{ends[current.epoch_id].isoformat()}  {f'in {ends[current.epoch_id] - now}':>22}  "
                        f"{'minimization_window':24} epoch_keys {current.epoch_id}")
    assert lines[-1].startswith("2 item(s) scheduled, 0 under a legal hold, 1 past due")


def test_the_minimization_window_and_alpr_epoch_hours_must_agree(env, monkeypatch):
    monkeypatch.setenv("ALPR_EPOCH_HOURS", "12")
    result = invoke("due")
    assert result.exit_code == 1
    assert "rules.minimization_window.keep_hours is 24 but ALPR_EPOCH_HOURS is 12" in result.output


def test_a_bad_rules_file_is_reported_with_rule_and_field(env, monkeypatch, tmp_path):
    bad = tmp_path / "rules.toml"
    bad.write_text(DEFAULT_RULES.read_text().replace("keep_hours = 24", 'keep_hours = "a day"'))
    monkeypatch.setenv("RETENTION_CONFIG_PATH", str(bad))
    result = CliRunner().invoke(cli, ["retention", "due"])
    assert result.exit_code == 1
    assert "rules.non_violation_frames.keep_hours must be a number" in result.output


def invoke(*args):
    return CliRunner().invoke(cli, ["retention", *args])


def test_a_supervisor_holds_and_releases_a_case_and_due_shows_it_held(env, monkeypatch, kafka_bootstrap):
    monkeypatch.setenv("KAFKA_BOOTSTRAP_SERVERS", kafka_bootstrap)
    InventoryRepository(env).apply([
        CaseOpened("c-rej", (FrameSeen("f-rej", "frames/d/f-rej.jpg", T0),)),
        CaseDecided("c-rej", CaseState.REJECTED, T0 - timedelta(hours=72)),
    ])
    held = invoke("hold", "c-rej", "--reference", "Court order 26-117", "--by", "sup.ada")
    assert held.exit_code == 0, held.output
    assert "case c-rej held under 'Court order 26-117': 1 frame(s) kept, 0 already destroyed" in held.output
    listed = invoke("due").output.splitlines()
    assert "HELD" in listed[0] and "case_key c-rej" in listed[0] and "rejected_case_evidence" in listed[0]
    assert "HELD" in listed[1] and "frames/d/f-rej.jpg" in listed[1] and "rejected_case_evidence" in listed[1]
    assert listed[-1].startswith("2 item(s) scheduled, 2 under a legal hold, 0 past due")

    again = invoke("hold", "c-rej", "--reference", "Court order 26-117", "--by", "sup.ada")
    assert again.exit_code == 1 and "already held under reference 'Court order 26-117'" in again.output
    released = invoke("release", "c-rej", "--reference", "Court order 26-117", "--by", "sup.ada")
    assert released.exit_code == 0, released.output
    listed = invoke("due").output.splitlines()
    assert "DUE NOW" in listed[0] and listed[-1].startswith("2 item(s) scheduled, 0 under a legal hold, 2 past due")


def test_close_citation_needs_a_confirmed_case_and_a_time_with_an_offset(env, monkeypatch, kafka_bootstrap):
    monkeypatch.setenv("KAFKA_BOOTSTRAP_SERVERS", kafka_bootstrap)
    InventoryRepository(env).apply([CaseOpened("c-ok", (FrameSeen("f-ok", "frames/d/f-ok.jpg", T0),)),
                                    CaseDecided("c-ok", CaseState.CONFIRMED, T0)])
    naive = invoke("close-citation", "c-ok", "--at", "2026-08-01T13:00:00", "--by", "clerk")
    assert naive.exit_code == 1 and "has no UTC offset" in naive.output
    unknown = invoke("close-citation", "cit-404", "--at", "2026-08-01T13:00:00+00:00", "--by", "clerk")
    assert unknown.exit_code == 1 and "no case or citation 'cit-404' is known to retention" in unknown.output
    closed = invoke("close-citation", "c-ok", "--at", "2026-08-01T13:00:00+00:00", "--by", "clerk")
    assert closed.exit_code == 0, closed.output
    assert "citation of case c-ok closed at 2026-08-01T13:00:00+00:00; 1 frame(s) now on the schedule" in closed.output
    listed = invoke("due").output.splitlines()
    assert listed[0].startswith("2031-07-31T13:00:00+00:00") and "citation_evidence" in listed[0]
