from datetime import datetime, timedelta, timezone

import pytest

from services.retention.rules import load_rules
from services.retention.schedule import (CASE_KEY, FRAME_IMAGE, CaseFacts, CaseState, InventoryItem, ItemState,
                                         case_item, due_at, frame_state, is_due, rule_for)
from services.retention.settings import DEFAULT_RULES

RULES = load_rules(DEFAULT_RULES)
CAPTURED = datetime(2026, 3, 2, 8, 0, tzinfo=timezone.utc)
REJECTED_AT = CAPTURED + timedelta(hours=5)
SECOND = timedelta(seconds=1)


def frame(state=ItemState.UNUSED, since=None):
    return InventoryItem(FRAME_IMAGE, "frames/dev-1/f-1.jpg", CAPTURED, state, since)


def test_a_non_violation_frame_is_due_exactly_24_hours_after_capture():
    item = frame()
    assert rule_for(item) == "non_violation_frames"
    assert due_at(item, RULES) == CAPTURED + timedelta(hours=24)
    assert not is_due(item, RULES, CAPTURED + timedelta(hours=24) - SECOND)
    assert is_due(item, RULES, CAPTURED + timedelta(hours=24))


def test_rejected_evidence_is_due_72_hours_after_the_rejection_not_the_capture():
    item = frame(ItemState.REJECTED, REJECTED_AT)
    assert rule_for(item) == "rejected_case_evidence"
    assert due_at(item, RULES) == REJECTED_AT + timedelta(hours=72)
    assert not is_due(item, RULES, CAPTURED + timedelta(hours=72))
    assert not is_due(item, RULES, REJECTED_AT + timedelta(hours=72) - SECOND)
    assert is_due(item, RULES, REJECTED_AT + timedelta(hours=72))


def test_evidence_of_an_open_or_confirmed_case_is_kept():
    item = frame(ItemState.EVIDENCE)
    assert rule_for(item) == "citation_evidence"
    assert due_at(item, RULES) is None
    assert not is_due(item, RULES, CAPTURED + timedelta(days=10 * 365))


def test_closed_citation_evidence_is_due_five_years_after_the_close():
    closed = CAPTURED + timedelta(days=30)
    item = frame(ItemState.CLOSED, closed)
    assert due_at(item, RULES) == closed + timedelta(days=1825)
    assert not is_due(item, RULES, closed + timedelta(days=1825) - SECOND)
    assert is_due(item, RULES, closed + timedelta(days=1825))


OPEN, CONFIRMED, REJECTED = CaseState.OPEN, CaseState.CONFIRMED, CaseState.REJECTED
CLOSED_AT = REJECTED_AT + timedelta(days=20)


@pytest.mark.parametrize("cases, expected", [
    ([], (ItemState.UNUSED, None)),
    ([CaseFacts(OPEN)], (ItemState.EVIDENCE, None)),
    ([CaseFacts(CONFIRMED, REJECTED_AT)], (ItemState.EVIDENCE, None)),
    ([CaseFacts(REJECTED, REJECTED_AT), CaseFacts(OPEN)], (ItemState.EVIDENCE, None)),
    ([CaseFacts(REJECTED, REJECTED_AT), CaseFacts(REJECTED, REJECTED_AT + SECOND)],
     (ItemState.REJECTED, REJECTED_AT + SECOND)),
])
def test_a_frame_is_held_by_any_case_not_rejected_and_counted_from_the_last_rejection(cases, expected):
    assert frame_state(cases) == expected


@pytest.mark.parametrize("cases, expected", [
    ([CaseFacts(CONFIRMED, REJECTED_AT, CLOSED_AT)], (ItemState.CLOSED, CLOSED_AT)),
    ([CaseFacts(CONFIRMED, REJECTED_AT, CLOSED_AT), CaseFacts(REJECTED, CLOSED_AT + SECOND)], (ItemState.CLOSED, CLOSED_AT)),
    ([CaseFacts(CONFIRMED, REJECTED_AT, CLOSED_AT), CaseFacts(CONFIRMED, REJECTED_AT)], (ItemState.EVIDENCE, None)),
    ([CaseFacts(CONFIRMED, REJECTED_AT, CLOSED_AT), CaseFacts(CONFIRMED, REJECTED_AT, CLOSED_AT + SECOND)],
     (ItemState.CLOSED, CLOSED_AT + SECOND)),
])
def test_a_closed_citation_starts_the_clock_only_once_every_citation_of_the_frame_is_closed(cases, expected):
    assert frame_state(cases) == expected


def test_a_closed_citation_row_makes_its_evidence_due_five_years_after_the_close():
    state, since = frame_state([CaseFacts(CONFIRMED, REJECTED_AT, CLOSED_AT)])
    item = InventoryItem(FRAME_IMAGE, "frames/dev-1/f-1.jpg", CAPTURED, state, since)
    assert rule_for(item) == "citation_evidence"
    assert due_at(item, RULES) == CLOSED_AT + timedelta(days=1825)


def test_a_case_key_follows_its_own_case_whatever_other_cases_share_its_frames():
    rejected = case_item("c-1", CaseFacts(CaseState.REJECTED, REJECTED_AT), CAPTURED, held=False)
    assert (rejected.kind, rejected.item_id, rejected.time) == (CASE_KEY, "c-1", CAPTURED)
    assert (rule_for(rejected), due_at(rejected, RULES)) == ("rejected_case_evidence", REJECTED_AT + timedelta(hours=72))
    closed_at = REJECTED_AT + timedelta(days=3)
    cited = case_item("c-2", CaseFacts(CaseState.CONFIRMED, REJECTED_AT, closed_at), CAPTURED, held=True)
    assert (rule_for(cited), due_at(cited, RULES), cited.held) == ("citation_evidence", closed_at + timedelta(days=1825), True)
    not_closed = case_item("c-3", CaseFacts(CaseState.CONFIRMED, REJECTED_AT), CAPTURED, held=False)
    assert due_at(not_closed, RULES) is None
