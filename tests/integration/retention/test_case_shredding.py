"""A case's key and its copies under cases/<case_id>/ go with its evidence; a legal hold keeps all of it."""
from datetime import datetime, timedelta, timezone

import pytest

from alpr_common.crypto import KeyDestroyed, open_blob, seal_blob
from alpr_common.storage import open_store
from alpr_common.timeutil import from_timestamp
from services.retention.actions import place_hold
from services.retention.holds import hold_request
from services.retention.inventory import CaseDecided, CaseOpened
from services.retention.schedule import CaseState

pytestmark = pytest.mark.integration
T0 = datetime(2026, 12, 1, 9, 0, tzinfo=timezone.utc)  # both cases are rejected at T0
DUE = T0 + timedelta(hours=72)


@pytest.fixture(params=["local", "s3"])
def place(request, world):
    """The world, its store local or on the S3 server."""
    if request.param == "s3":
        url = f"s3://retention-{world.tag}?endpoint={request.getfixturevalue('s3_endpoint')}&secure=false"
        world.settings = world.settings.model_copy(update={"storage_url": url})
        world.store = open_store(url)
    return world


def rejected_case_with_copies(world, keystore, case_id: str) -> list[str]:
    """A rejected case as the review service leaves it: its key, and its photos re-sealed under it in cases/<id>/."""
    frames = (world.frame(f"{case_id}-a", T0 - timedelta(hours=1)), world.frame(f"{case_id}-b", T0))
    world.service().repo.apply([CaseOpened(case_id, frames), CaseDecided(case_id, CaseState.REJECTED, T0)])
    copies = [f"cases/{case_id}/{f.frame_id}" for f in frames]
    for key in copies:
        world.store.put(key, seal_blob(keystore.case_key(case_id), b"jpeg bytes", key))
    return copies


def test_a_held_case_keeps_its_key_and_copies_while_an_unheld_one_loses_both_after_72_hours(place):
    world, keystore = place, place.keystore()
    unheld, held = f"c{world.tag}-7", f"c{world.tag}-70"  # "cases/<unheld>" is a prefix of "cases/<held>"
    unheld_copies = rejected_case_with_copies(world, keystore, unheld)
    held_copies = rejected_case_with_copies(world, keystore, held)
    audit = world.audit()
    place_hold(world.service().cases, audit, hold_request(held, "Court order 26-301", "sup.ada"), T0)
    audit.close()

    world.clock.set(DUE - timedelta(seconds=1))
    assert world.sweep().destroyed == 0
    assert list(world.store.keys(f"cases/{unheld}/")) == unheld_copies

    world.clock.set(DUE)
    result = world.sweep()
    assert (result.due, result.destroyed, result.past_due) == (3, 3, 0)  # the unheld case's two frames and key
    assert list(world.store.keys(f"cases/{unheld}/")) == []
    with pytest.raises(KeyDestroyed):
        keystore.keys_for(f"case:{unheld}")
    assert list(world.store.keys(f"cases/{held}/")) == held_copies
    assert open_blob(keystore, world.store.get(held_copies[0]), held_copies[0]) == b"jpeg bytes"

    records = world.records({unheld, f"cases/{unheld}/", held, f"cases/{held}/"})
    assert sorted((r.item_kind, r.item_id, r.rule) for r in records) == [
        ("case_images", f"cases/{unheld}/", "rejected_case_evidence"), ("case_key", unheld, "rejected_case_evidence")]
    assert {from_timestamp(r.item_time) for r in records} == {T0 - timedelta(hours=1)}  # its first photo
    assert world.sweep().destroyed == 0 and len(world.records({unheld})) == 1


def test_a_case_key_destroyed_before_a_crash_is_recorded_once_the_sweep_runs_again(world):
    keystore, case_id = world.keystore(), f"c{world.tag}-crash"
    copies = rejected_case_with_copies(world, keystore, case_id)
    assert keystore.destroy_case_key(case_id, DUE)  # a sweep destroyed it, then stopped before deleting and recording
    world.store.delete(copies[0])
    world.clock.set(DUE + timedelta(minutes=5))

    assert world.service().past_due() == 3
    assert world.sweep().destroyed == 3
    assert list(world.store.keys(f"cases/{case_id}/")) == []
    assert sorted(r.item_kind for r in world.records({case_id, f"cases/{case_id}/"})) == ["case_images", "case_key"]
    events = [e for e in world.audit_events("case_key:1 items") if e.details["items"] == case_id]
    assert [(e.action, e.details["method"]) for e in events] == [("data.destroy", "key destroyed (crypto-shredding)")]
