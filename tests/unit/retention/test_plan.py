from datetime import datetime, timedelta, timezone

from alpr_common.crypto import EpochRecord
from alpr_common.timeutil import from_timestamp
from services.retention.plan import (REASONS, SweepResult, case_images, due, due_now, epoch_destructions, record_id,
                                     retention_record, schedule_all, soonest_first)
from services.retention.rules import load_rules
from services.retention.schedule import (CASE_KEY, FRAME_IMAGE, RULE_FOR_STATE, CaseFacts, CaseState, InventoryItem,
                                         ItemState, case_item)
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
    assert [d.item_id for d in planned] == ["frames/d/early.jpg", "frames/d/late.jpg", "frames/d/rejected.jpg"]
    assert [d.rule for d in planned] == ["non_violation_frames", "non_violation_frames", "rejected_case_evidence"]


def test_due_now_takes_only_what_has_reached_its_time():
    due = due_now(ITEMS, RULES, T0 + timedelta(hours=24))
    assert [d.item_id for d in due] == ["frames/d/early.jpg"]


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
    assert [d.item_id for d in schedule_all([held], RULES)] == ["frames/d/held.jpg"]
    assert due_now([held], RULES, later) == []
    assert [d.item_id for d in due_now([held, *ITEMS], RULES, later)] == [
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


def epoch(epoch_id, ends_at, destroyed_at=None):
    return EpochRecord(epoch_id, ends_at - timedelta(hours=24), ends_at, ends_at - timedelta(hours=24), destroyed_at, "local:x")


def test_live_epochs_are_due_when_their_window_ends_and_a_destroyed_one_is_not_planned():
    ends = T0 + timedelta(hours=6)
    planned = epoch_destructions([epoch("e-late", ends + timedelta(hours=18)), epoch("e-gone", T0, destroyed_at=T0),
                                  epoch("e-next", ends)])
    assert [(d.kind, d.item_id, d.rule, d.due_at) for d in planned] == [
        ("epoch_keys", "e-next", "minimization_window", ends),
        ("epoch_keys", "e-late", "minimization_window", ends + timedelta(hours=18))]
    assert due(planned, ends - timedelta(seconds=1)) == [] and [d.item_id for d in due(planned, ends)] == ["e-next"]


def test_an_epoch_record_says_when_the_window_ended_and_an_early_destruction_says_so():
    ends = T0 + timedelta(hours=6)
    [d] = epoch_destructions([epoch("20260501T0600Z-24h", ends)])
    record = retention_record(d, ends + timedelta(minutes=1))
    assert (record.item_kind, record.item_id, record.rule) == ("epoch_keys", "20260501T0600Z-24h", "minimization_window")
    assert record.reason.startswith(f"the minimization window ended at {ends.isoformat()}")
    assert from_timestamp(record.item_time) == ends and from_timestamp(record.destroyed_at) == ends + timedelta(minutes=1)
    assert "by an operator before the minimization window ended" in retention_record(d, ends - timedelta(hours=1)).reason


def test_a_case_due_loses_its_key_and_its_folder_under_one_rule_with_distinct_record_ids():
    case = case_item("c-7", CaseFacts(CaseState.REJECTED, T0), T0 - timedelta(hours=1), held=False)
    [key] = due_now([case], RULES, T0 + timedelta(hours=72))
    folder = case_images(key)
    assert (key.kind, key.item_id, folder.kind, folder.item_id) == (CASE_KEY, "c-7", "case_images", "cases/c-7/")
    assert key.rule == folder.rule == "rejected_case_evidence" and record_id(key) != record_id(folder)
    assert from_timestamp(retention_record(folder, T0).item_time) == T0 - timedelta(hours=1)


def test_kinds_merge_into_one_schedule_and_results_add_up():
    frames = schedule_all(ITEMS, RULES)
    epochs = epoch_destructions([epoch("e-1", T0 + timedelta(hours=2))])
    assert [d.kind for d in soonest_first(frames + epochs)] == ["epoch_keys", FRAME_IMAGE, FRAME_IMAGE, FRAME_IMAGE]
    total = SweepResult(2, 2) + SweepResult(3, 1)
    assert (total.due, total.destroyed, total.past_due) == (5, 3, 2)
