"""Epoch keys are destroyed by the sweep when their window ends, once, with one record and an audit event."""
import threading
from datetime import datetime, timedelta, timezone

import pytest
from prometheus_client import REGISTRY

from alpr_common.crypto import KeyDestroyed, open_sealed, seal
from alpr_common.db import connect
from alpr_common.events.audit_pb2 import AuditEvent
from alpr_common.timeutil import from_timestamp
from alpr_common.topic_reader import read_to_end
from alpr_common.topics import AUDIT
from services.retention.service import RetentionService
from tests.support.kafka_io import wait_for

pytestmark = pytest.mark.integration
SECOND = timedelta(seconds=1)


def capture_time(world) -> datetime:
    """Epoch ids come from time: a time of this test's own keeps its records apart on the shared topic."""
    return datetime(2030, 1, 1, tzinfo=timezone.utc) + timedelta(hours=18 * (int(world.tag, 16) % 100_000) + 1)


def sealed_read(keystore, at: datetime):
    keys = keystore.epoch_for(at)
    return keys.epoch_id, seal(keys, b"SECRET1", b"read-1")


def live(keystore) -> set[str]:
    return {e.epoch_id for e in keystore.epochs() if e.destroyed_at is None}


def test_an_epoch_whose_window_ended_is_destroyed_on_the_next_sweep_exactly_once(world):
    keystore, at = world.keystore(), capture_time(world)
    epoch_id, sealed = sealed_read(keystore, at)
    ends_at = keystore.epochs()[0].ends_at
    world.clock.set(ends_at)
    assert world.service().past_due() == 1

    first = world.sweep()
    world.clock.set(ends_at + timedelta(hours=1))
    second = world.sweep()
    assert (first.due, first.destroyed, second.due, second.destroyed) == (1, 1, 0, 0)
    assert [e.epoch_id for e in keystore.destroyed_epochs()] == [epoch_id]
    assert REGISTRY.get_sample_value("alpr_retention_items_past_due") == 0
    with pytest.raises(KeyDestroyed):
        open_sealed(keystore, sealed, b"read-1")

    [record] = world.records({epoch_id})
    assert (record.item_kind, record.rule) == ("epoch_keys", "minimization_window")
    assert from_timestamp(record.item_time) == ends_at and from_timestamp(record.destroyed_at) == ends_at
    assert f"window ended at {ends_at.isoformat()}" in record.reason
    audits = [AuditEvent.FromString(m.value()) for m in read_to_end(world.bootstrap, AUDIT.name)]
    [event] = [e for e in audits if epoch_id in e.details.get("items", "").split(",")]
    assert (event.actor, event.action, event.resource) == ("retention", "data.destroy", "epoch_keys:1 items")
    assert event.details["method"] == "keys destroyed (crypto-shredding)"


def test_an_epoch_still_inside_its_window_is_untouched(world):
    keystore, at = world.keystore(), capture_time(world)
    epoch_id, sealed = sealed_read(keystore, at)
    world.clock.set(keystore.epochs()[0].ends_at - SECOND)

    assert (world.sweep().due, world.service().past_due()) == (0, 0)
    assert live(keystore) == {epoch_id}
    assert open_sealed(keystore, sealed, b"read-1") == b"SECRET1"
    assert world.records({epoch_id}) == []


def test_an_epoch_destroyed_but_not_recorded_is_recorded_by_the_next_sweep_with_its_own_time(world, database_url):
    """As after a crash between destroying and recording, or an operator's `alpr keys destroy-epoch`."""
    keystore, at = world.keystore(), capture_time(world)
    epoch_id, _ = sealed_read(keystore, at)
    ends_at = keystore.epochs()[0].ends_at
    assert keystore.destroy_epoch(epoch_id, ends_at + SECOND)
    world.clock.set(ends_at + timedelta(hours=2))

    assert (world.sweep().due, world.sweep().due) == (0, 0)  # nothing left to destroy, twice
    [record] = world.records({epoch_id})
    assert from_timestamp(record.destroyed_at) == ends_at + SECOND
    with connect(database_url) as conn:
        rows = conn.execute("SELECT epoch_id, destroyed_at FROM retention.recorded_epochs").fetchall()
    assert rows == [{"epoch_id": epoch_id, "destroyed_at": ends_at + SECOND}]


def test_epoch_destructions_show_in_the_plan_before_the_frames_they_seal(world):
    keystore, at = world.keystore(), capture_time(world)
    epoch_id, _ = sealed_read(keystore, at)
    service = world.service()
    service.repo.apply([world.frame("f", at)])
    world.clock.set(at)

    planned = [(d.kind, d.item_id, d.rule) for d in service.planned()]
    assert planned == [("epoch_keys", epoch_id, "minimization_window"),
                       ("frame_image", f"frames/dev-{world.tag}/f.jpg", "non_violation_frames")]
    assert service.planned()[0].due_at == keystore.epochs()[0].ends_at <= at + timedelta(hours=24)


def test_the_service_shreds_ended_epochs_at_start_without_waiting_for_the_interval(world):
    keystore = world.keystore()
    epoch_id, _ = sealed_read(keystore, capture_time(world))
    world.clock.set(keystore.epochs()[0].ends_at)
    settings = world.settings.model_copy(update={"sweep_interval_s": 3600})
    stop = threading.Event()
    service = RetentionService(settings, group_id=f"retention-test-{world.tag}")
    thread = threading.Thread(target=service.run, args=(stop,), daemon=True)
    thread.start()
    try:
        wait_for(lambda: keystore.destroyed_epochs(), 30, "the sweep at start to shred the ended epoch")
    finally:
        stop.set()
        thread.join(15)
    assert [e.epoch_id for e in keystore.destroyed_epochs()] == [epoch_id]
