"""Which inventory item is due for destruction under which rule, and when. Pure: no I/O."""
from dataclasses import dataclass
from datetime import datetime
from enum import Enum

from services.retention.rules import CITATION_EVIDENCE, NON_VIOLATION_FRAMES, REJECTED_CASE_EVIDENCE, Rules

FRAME_IMAGE = "frame_image"


class ItemState(str, Enum):
    UNUSED = "unused"  # in no case: a non-violation frame
    REJECTED = "rejected"  # only in cases officers rejected; `since` = the latest rejection
    EVIDENCE = "evidence"  # in an open or confirmed case
    CLOSED = "closed"  # evidence of a citation that was closed; `since` = the close


class CaseState(str, Enum):
    OPEN = "open"
    CONFIRMED = "confirmed"
    REJECTED = "rejected"


@dataclass(frozen=True)
class InventoryItem:
    kind: str
    item_id: str
    time: datetime  # when the item was made (capture time for frames)
    state: ItemState
    since: datetime | None = None


RULE_FOR_STATE = {
    ItemState.UNUSED: NON_VIOLATION_FRAMES,
    ItemState.REJECTED: REJECTED_CASE_EVIDENCE,
    ItemState.EVIDENCE: CITATION_EVIDENCE,
    ItemState.CLOSED: CITATION_EVIDENCE,
}


def frame_state(cases: list[tuple[CaseState, datetime | None]]) -> tuple[ItemState, datetime | None]:
    """A frame's state from the (state, decided_at) of every case it is evidence of."""
    if not cases:
        return ItemState.UNUSED, None
    if any(state != CaseState.REJECTED for state, _ in cases):
        return ItemState.EVIDENCE, None
    return ItemState.REJECTED, max(at for _, at in cases if at is not None)


def rule_for(item: InventoryItem) -> str:
    return RULE_FOR_STATE[item.state]


def due_at(item: InventoryItem, rules: Rules) -> datetime | None:
    """When the item must be destroyed, or None while it is kept (open case, citation not closed, forever)."""
    rule = rules[rule_for(item)]
    if rule.forever or item.state == ItemState.EVIDENCE:
        return None
    anchor = item.time if item.state == ItemState.UNUSED else item.since
    return anchor + rule.keep if anchor is not None else None


def is_due(item: InventoryItem, rules: Rules, now: datetime) -> bool:
    """Due from the very instant its window ends (now == due_at is due)."""
    at = due_at(item, rules)
    return at is not None and at <= now
