from datetime import datetime, timedelta, timezone

from alpr_common.timeutil import from_timestamp
from services.retention.plan import REASONS, due_now, record_id, retention_record, schedule_all
from services.retention.rules import load_rules
from services.retention.schedule import FRAME_IMAGE, RULE_FOR_STATE, InventoryItem, ItemState
from services.retention.settings import DEFAULT_RULES

RULES = load_rules(DEFAULT_RULES)
T0 = datetime(2026, 5, 1, 12, 0, tzinfo=timezone.utc)


def item(key, captured=T0, state=ItemState.UNUSED, since=None):
    return InventoryItem(FRAME_IMAGE, key, captured, state, since)


ITEMS = [
    item("frames/d/late.jpg", T0 + timedelta(hours=1)),
    item("frames/d/early.jpg"),
    item("frames/d/rejected.jpg", state=ItemState.REJECTED, since=T0),
    item("frames/d/evidence.jpg", state=ItemState.EVIDENCE),
]


def test_the_schedule_lists_destroyable_items_soonest_first_and_leaves_kept_ones_out():
    planned = schedule_all(ITEMS, RULES)
    assert [d.item.item_id for d in planned] == ["frames/d/early.jpg", "frames/d/late.jpg", "frames/d/rejected.jpg"]
    assert [d.rule for d in planned] == ["non_violation_frames", "non_violation_frames", "rejected_case_evidence"]


def test_due_now_takes_only_what_has_reached_its_time():
    due = due_now(ITEMS, RULES, T0 + timedelta(hours=24))
    assert [d.item.item_id for d in due] == ["frames/d/early.jpg"]


def test_the_record_says_what_when_and_why_and_repeats_its_id_for_the_same_item():
    destruction = due_now(ITEMS, RULES, T0 + timedelta(days=5))[0]
    now = T0 + timedelta(days=5)
    record = retention_record(destruction, now)
    assert (record.item_kind, record.item_id, record.rule) == (FRAME_IMAGE, "frames/d/early.jpg", "non_violation_frames")
    assert from_timestamp(record.destroyed_at) == now and from_timestamp(record.item_time) == T0
    assert "minimization window" in record.reason
    assert retention_record(destruction, now + timedelta(hours=1)).record_id == record.record_id
    other = due_now(ITEMS, RULES, now)[1]
    assert record_id(other) != record.record_id


def test_held_items_stay_on_the_schedule_but_are_never_due():
    held = InventoryItem(FRAME_IMAGE, "frames/d/held.jpg", T0, ItemState.REJECTED, T0, held=True)
    later = T0 + timedelta(days=30)
    assert [d.item.item_id for d in schedule_all([held], RULES)] == ["frames/d/held.jpg"]
    assert due_now([held], RULES, later) == []
    assert [d.item.item_id for d in due_now([held, *ITEMS], RULES, later)] == [
        "frames/d/early.jpg", "frames/d/late.jpg", "frames/d/rejected.jpg"]


def test_closed_citation_evidence_is_recorded_with_its_rule_and_reason():
    closed_at = T0 + timedelta(days=10)
    cited = InventoryItem(FRAME_IMAGE, "frames/d/cited.jpg", T0, ItemState.CLOSED, closed_at)
    now = closed_at + timedelta(days=1825)
    assert due_now([cited], RULES, now - timedelta(seconds=1)) == []
    record = retention_record(due_now([cited], RULES, now)[0], now)
    assert (record.item_id, record.rule) == ("frames/d/cited.jpg", "citation_evidence")
    assert "citation was closed" in record.reason and from_timestamp(record.destroyed_at) == now


def test_every_rule_that_destroys_has_a_reason_for_its_records():
    assert set(RULE_FOR_STATE.values()) == set(REASONS)
