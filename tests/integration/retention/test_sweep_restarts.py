"""Sweeps are idempotent across restarts, and the past-due count sees what a stopped sweep left."""
from datetime import datetime, timedelta, timezone

import pytest
from prometheus_client import REGISTRY

from alpr_common.db import connect

pytestmark = pytest.mark.integration
T0 = datetime(2026, 10, 5, 8, 0, tzinfo=timezone.utc)


def destroyed_rows(database_url: str) -> dict[str, tuple]:
    with connect(database_url) as conn:
        return {r["object_key"]: (r["destroyed_at"], r["destroyed_by"])
                for r in conn.execute("SELECT object_key, destroyed_at, destroyed_by FROM retention.frames")}


def past_due_metric() -> float:
    return REGISTRY.get_sample_value("alpr_retention_items_past_due")


def test_a_restarted_service_destroys_nothing_twice_and_records_each_item_once(world, database_url):
    frames = [world.frame(f"f{i}", T0) for i in range(3)]
    world.service().repo.apply(frames)
    keys = {f.object_key for f in frames}
    world.clock.set(T0 + timedelta(hours=25))

    first = world.sweep()
    assert (first.due, first.destroyed, first.past_due) == (3, 3, 0)
    after_first = destroyed_rows(database_url)
    assert {at for at, _ in after_first.values()} == {T0 + timedelta(hours=25)}
    assert not any(world.store.exists(k) for k in keys)

    world.clock.set(T0 + timedelta(hours=30))
    second = world.sweep()  # a new service object: nothing in memory carries over
    assert (second.due, second.destroyed) == (0, 0)
    assert destroyed_rows(database_url) == after_first

    records = world.records(keys)
    assert sorted(r.item_id for r in records) == sorted(keys)
    assert len({r.record_id for r in records}) == 3
    assert {r.rule for r in records} == {"non_violation_frames"}


def test_past_due_counts_what_no_sweep_destroyed_and_a_sweep_brings_it_to_zero(world):
    service = world.service()
    service.repo.apply([world.frame("old", T0), world.frame("young", T0 + timedelta(hours=2))])
    world.clock.set(T0 + timedelta(hours=24))
    assert service.past_due() == 1 and past_due_metric() == 1

    world.clock.set(T0 + timedelta(hours=40))
    assert service.past_due() == 2 and past_due_metric() == 2

    result = world.sweep()
    assert (result.destroyed, result.past_due) == (2, 0)
    assert past_due_metric() == 0
    assert world.service().past_due() == 0
