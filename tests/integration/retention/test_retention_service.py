"""Frames, reads, cases and decisions through the real broker; the sweep destroys exactly what is due."""
import threading
import uuid
from datetime import datetime, timedelta, timezone

import pytest
from prometheus_client import REGISTRY

from alpr_common.clock import FileClock
from alpr_common.db import connect
from alpr_common.events.audit_pb2 import AuditEvent
from alpr_common.events.cases_pb2 import Case, Sighting
from alpr_common.events.decisions_pb2 import CONFIRMED, REJECTED, Decision
from alpr_common.events.frames_pb2 import Frame
from alpr_common.events.reads_pb2 import FrameRead
from alpr_common.events.retention_pb2 import RetentionRecord
from alpr_common.storage import open_store
from alpr_common.timeutil import from_timestamp
from alpr_common.topics import AUDIT, CASES, DECISIONS, FRAME_READS, FRAMES, RETENTION
from services.retention.service import RetentionService
from services.retention.settings import RetentionSettings
from tests.support.kafka_io import produce, read_until, wait_for

pytestmark = pytest.mark.integration
T0 = datetime(2026, 7, 6, 9, 0, tzinfo=timezone.utc)
DECIDED = T0 + timedelta(hours=1)
SECOND = timedelta(seconds=1)


class Scenario:
    def __init__(self):
        u = uuid.uuid4().hex[:8]
        self.frames = {name: (f"{name}-{u}", f"frames/dev-{u}/{name}-{u}.jpg")
                       for name in ("free", "open1", "open2", "rej1", "rej2", "conf")}
        self.cases = {name: f"case-{name}-{u}" for name in ("open", "rej", "conf")}

    def key(self, name):
        return self.frames[name][1]

    def events(self):
        out = [(FRAMES.name, "dev", Frame(frame_id=f, object_key=k, captured_at=T0, device_id="dev")) for f, k in self.frames.values()]
        out.append((FRAME_READS.name, "dev", FrameRead(frame_id=self.frames["free"][0], object_key=self.key("free"),
                                                       captured_at=T0, plates_found=1)))
        for case, frames in (("open", ["open1", "open2"]), ("rej", ["rej1", "rej2"]), ("conf", ["conf"])):
            sightings = [Sighting(frame_id=self.frames[n][0], object_key=self.key(n), captured_at=T0, plate_text="SECRET1")
                         for n in frames]
            out.append((CASES.name, self.cases[case], Case(case_id=self.cases[case], plate_text="SECRET1", sightings=sightings)))
        for case, outcome in (("rej", REJECTED), ("conf", CONFIRMED)):
            out.append((DECISIONS.name, self.cases[case], Decision(case_id=self.cases[case], outcome=outcome, decided_at=DECIDED,
                                                                   decision_id=uuid.uuid4().hex, reason="plate misread")))
        return out


def inventory_ready(database_url, scenario):
    with connect(database_url) as conn:
        frames = conn.execute("SELECT count(*) AS n FROM retention.frames WHERE frame_id = ANY(%s)",
                              ([f for f, _ in scenario.frames.values()],)).fetchone()["n"]
        decided = conn.execute("SELECT count(*) AS n FROM retention.cases WHERE case_id = ANY(%s) AND decided_at IS NOT NULL",
                               ([scenario.cases["rej"], scenario.cases["conf"]],)).fetchone()["n"]
        evidence = conn.execute("SELECT count(*) AS n FROM retention.case_evidence WHERE case_id = ANY(%s)",
                                (list(scenario.cases.values()),)).fetchone()["n"]
    return frames == 6 and decided == 2 and evidence == 5


@pytest.fixture
def running(kafka_bootstrap, database_url, tmp_path):
    clock = FileClock(tmp_path / "clock")
    clock.set(T0 + timedelta(hours=1))
    settings = RetentionSettings(KAFKA_BOOTSTRAP_SERVERS=kafka_bootstrap, DATABASE_URL=database_url,
                                 ALPR_STORAGE_URL=f"file://{tmp_path / 'objects'}", ALPR_CLOCK=f"file:{clock.path}",
                                 sweep_interval_s=0.1)
    scenario, store = Scenario(), open_store(settings.resolved_storage_url())
    for _, key in scenario.frames.values():
        store.put(key, b"jpeg bytes")
    produce(kafka_bootstrap, scenario.events())
    stop, holder, errors = threading.Event(), [], []

    def run():
        try:
            RetentionService(settings, group_id=f"retention-test-{uuid.uuid4().hex}").run(stop, on_sweeper=holder.append)
        except Exception as exc:  # surfaced by the test below
            errors.append(exc)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    wait_for(lambda: inventory_ready(database_url, scenario), 60, "the inventory to hold the scenario")
    yield scenario, store, clock, holder[0]
    stop.set()
    thread.join(15)
    assert not errors


def move_clock(clock, sweeper, at):
    clock.set(at)
    seen = sweeper.sweeps
    wait_for(lambda: sweeper.sweeps >= seen + 2, 20, "two sweeps")


def present(store, scenario):
    return {name for name in scenario.frames if store.exists(scenario.key(name))}


def test_frames_are_destroyed_exactly_when_their_rule_says_and_evidence_is_kept(running, kafka_bootstrap):
    scenario, store, clock, sweeper = running
    everything = set(scenario.frames)
    move_clock(clock, sweeper, T0 + timedelta(hours=24) - SECOND)
    assert present(store, scenario) == everything

    move_clock(clock, sweeper, T0 + timedelta(hours=24))
    assert present(store, scenario) == everything - {"free"}

    move_clock(clock, sweeper, DECIDED + timedelta(hours=72) - SECOND)
    assert present(store, scenario) == everything - {"free"}

    move_clock(clock, sweeper, DECIDED + timedelta(hours=72))
    assert present(store, scenario) == {"open1", "open2", "conf"}

    move_clock(clock, sweeper, T0 + timedelta(days=400))
    assert present(store, scenario) == {"open1", "open2", "conf"}
    assert REGISTRY.get_sample_value("alpr_retention_items_past_due") == 0

    ours = {scenario.key(n) for n in ("free", "rej1", "rej2")}
    records = read_until(kafka_bootstrap, RETENTION.name, RetentionRecord,
                         lambda rs: ours <= {r.item_id for r in rs})
    mine = {r.item_id: r for r in records if r.item_id in {k for _, k in scenario.frames.values()}}
    assert set(mine) == ours
    assert mine[scenario.key("free")].rule == "non_violation_frames"
    assert from_timestamp(mine[scenario.key("free")].destroyed_at) == T0 + timedelta(hours=24)
    assert from_timestamp(mine[scenario.key("free")].item_time) == T0
    assert {mine[scenario.key(n)].rule for n in ("rej1", "rej2")} == {"rejected_case_evidence"}
    assert all(r.item_kind == "frame_image" for r in mine.values())

    audits = read_until(kafka_bootstrap, AUDIT.name, AuditEvent,
                        lambda es: any(scenario.key("rej1") in e.details.get("items", "") for e in es))
    destroy = [e for e in audits if scenario.key("free") in e.details.get("items", "")]
    assert [(e.actor, e.actor_kind, e.role, e.action) for e in destroy] == [("retention", "service", "service", "data.destroy")]
