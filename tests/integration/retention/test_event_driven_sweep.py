"""Sweeps run on events as well as on the schedule: a decision wakes the sweep loop at once."""
import threading
import uuid
from datetime import datetime, timedelta, timezone

import pytest

from alpr_common.clock import FileClock
from alpr_common.db import connect
from alpr_common.events.cases_pb2 import Case, Sighting
from alpr_common.events.decisions_pb2 import REJECTED, Decision
from alpr_common.storage import open_store
from alpr_common.topics import CASES, DECISIONS
from services.retention.service import RetentionService
from services.retention.settings import RetentionSettings
from tests.support.kafka_io import produce, wait_for

pytestmark = pytest.mark.integration
T0 = datetime(2026, 7, 20, 9, 0, tzinfo=timezone.utc)
DECIDED = T0 + timedelta(hours=1)


def test_a_decision_event_triggers_a_sweep_without_waiting_for_the_interval(kafka_bootstrap, database_url, tmp_path):
    clock = FileClock(tmp_path / "clock")
    clock.set(DECIDED + timedelta(hours=73))  # a rejection replayed late: due the moment it is known
    settings = RetentionSettings(KAFKA_BOOTSTRAP_SERVERS=kafka_bootstrap, DATABASE_URL=database_url,
                                 ALPR_STORAGE_URL=f"file://{tmp_path / 'objects'}", ALPR_CLOCK=f"file:{clock.path}",
                                 sweep_interval_s=3600)
    u, store = uuid.uuid4().hex[:8], open_store(settings.resolved_storage_url())
    frame_id, key, case_id = f"late-{u}", f"frames/dev-{u}/late-{u}.jpg", f"case-late-{u}"
    store.put(key, b"jpeg bytes")
    produce(kafka_bootstrap, [(CASES.name, case_id, Case(case_id=case_id, sightings=[
        Sighting(frame_id=frame_id, object_key=key, captured_at=T0)]))])
    stop = threading.Event()
    thread = threading.Thread(target=RetentionService(settings, group_id=f"retention-test-{u}").run, args=(stop,), daemon=True)
    thread.start()
    try:
        wait_for(lambda: has_evidence(database_url, case_id), 60, "the case")
        produce(kafka_bootstrap, [(DECISIONS.name, case_id, Decision(case_id=case_id, outcome=REJECTED, decided_at=DECIDED))])
        wait_for(lambda: not store.exists(key), 20, "the rejected frame to be destroyed by an event-driven sweep")
    finally:
        stop.set()
        thread.join(15)


def has_evidence(database_url, case_id) -> bool:
    with connect(database_url) as conn:
        return conn.execute("SELECT 1 FROM retention.case_evidence WHERE case_id = %s", (case_id,)).fetchone() is not None
