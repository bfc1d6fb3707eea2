"""What a sweep destroys, in which order, and the record it leaves behind. Pure: no I/O."""
import uuid
from dataclasses import dataclass
from datetime import datetime

from alpr_common.events.retention_pb2 import RetentionRecord
from alpr_common.timeutil import to_timestamp
from services.retention.rules import CITATION_EVIDENCE, NON_VIOLATION_FRAMES, REJECTED_CASE_EVIDENCE, Rules
from services.retention.schedule import InventoryItem, due_at, rule_for

REASONS = {
    NON_VIOLATION_FRAMES: "no read of this frame became a case within the minimization window",
    REJECTED_CASE_EVIDENCE: "evidence of a case rejected by an officer, past its window",
    CITATION_EVIDENCE: "evidence of a cited violation whose citation was closed, past its window",
}
RECORD_NAMESPACE = uuid.UUID("6f1c1a52-5d1e-4c59-9a57-2b8f4c1d0e7a")


@dataclass(frozen=True)
class Destruction:
    item: InventoryItem
    rule: str
    due_at: datetime


def schedule_all(items: list[InventoryItem], rules: Rules) -> list[Destruction]:
    """Every item that has a due time, soonest first, held ones included (kept items are left out)."""
    planned = [Destruction(i, rule_for(i), at) for i in items if (at := due_at(i, rules)) is not None]
    return sorted(planned, key=lambda d: (d.due_at, d.item.item_id))


def due_now(items: list[InventoryItem], rules: Rules, now: datetime) -> list[Destruction]:
    """What must be destroyed now: reached its time and under no legal hold. Left undestroyed, it is past due."""
    return [d for d in schedule_all(items, rules) if d.due_at <= now and not d.item.held]


def record_id(d: Destruction) -> str:
    """The same item destroyed twice (a crash between steps) gets the same record id, so readers can dedupe."""
    return str(uuid.uuid5(RECORD_NAMESPACE, f"{d.item.kind}:{d.item.item_id}"))


def retention_record(d: Destruction, now: datetime) -> RetentionRecord:
    return RetentionRecord(
        record_id=record_id(d), item_kind=d.item.kind, item_id=d.item.item_id, rule=d.rule,
        reason=REASONS[d.rule], destroyed_at=to_timestamp(now), item_time=to_timestamp(d.item.time),
    )
