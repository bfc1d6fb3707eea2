"""Which inventory item is due for destruction under which rule, and when. Pure: no I/O."""
from dataclasses import dataclass
from datetime import datetime
from enum import Enum

from services.retention.rules import CITATION_EVIDENCE, NON_VIOLATION_FRAMES, REJECTED_CASE_EVIDENCE, Rules

FRAME_IMAGE = "frame_image"
CASE_KEY = "case_key"  # a case's data key: its re-sealed evidence is readable until it goes
CASE_IMAGES = "case_images"  # the case's copies of its photos, under cases/<case_id>/ in the object store
EPOCH_KEYS = "epoch_keys"  # an epoch's keys: every read and photo captured in it is readable until they go


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
class CaseFacts:
    """What retention knows of one case a frame is evidence of."""
    state: CaseState
    decided_at: datetime | None = None
    closed_at: datetime | None = None  # the citation's close; only a confirmed case has one

    @property
    def keeps_evidence(self) -> bool:
        """Open, or cited and not yet closed: no clock runs yet."""
        return self.state == CaseState.OPEN or (self.state == CaseState.CONFIRMED and self.closed_at is None)


@dataclass(frozen=True)
class InventoryItem:
    kind: str
    item_id: str
    time: datetime  # when the item was made (capture time for frames)
    state: ItemState
    since: datetime | None = None
    held: bool = False  # under a legal hold on one of its cases: never destroyed while held


RULE_FOR_STATE = {
    ItemState.UNUSED: NON_VIOLATION_FRAMES,
    ItemState.REJECTED: REJECTED_CASE_EVIDENCE,
    ItemState.EVIDENCE: CITATION_EVIDENCE,
    ItemState.CLOSED: CITATION_EVIDENCE,
}


def frame_state(cases: list[CaseFacts]) -> tuple[ItemState, datetime | None]:
    """A frame's state from every case it is evidence of. A closed citation outranks a rejection
    (its window is the longer one), and the clock starts at the latest close or rejection."""
    if not cases:
        return ItemState.UNUSED, None
    if any(c.keeps_evidence for c in cases):
        return ItemState.EVIDENCE, None
    closes = [c.closed_at for c in cases if c.state == CaseState.CONFIRMED]
    if closes:
        return ItemState.CLOSED, max(closes)
    return ItemState.REJECTED, max(c.decided_at for c in cases if c.decided_at is not None)


def case_item(case_id: str, case: CaseFacts, first_seen: datetime | None, held: bool) -> InventoryItem:
    """A case's key and its copies follow that case's own rule, whatever other cases share its frames."""
    state, since = frame_state([case])
    return InventoryItem(CASE_KEY, case_id, first_seen or since or case.decided_at, state, since, held)


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
