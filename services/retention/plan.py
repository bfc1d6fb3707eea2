"""What a sweep destroys, in which order, and the record it leaves behind. Pure: no I/O."""
import uuid
from dataclasses import dataclass, replace
from datetime import datetime

from alpr_common.crypto import EpochRecord
from alpr_common.events.retention_pb2 import RetentionRecord
from alpr_common.storage.layout import case_folder
from alpr_common.timeutil import to_timestamp
from services.retention.rules import (CITATION_EVIDENCE, MINIMIZATION_WINDOW, NON_VIOLATION_FRAMES, REJECTED_CASE_EVIDENCE,
                                      Rules)
from services.retention.schedule import CASE_IMAGES, EPOCH_KEYS, InventoryItem, due_at, rule_for

REASONS = {
    NON_VIOLATION_FRAMES: "no read of this frame became a case within the minimization window",
    REJECTED_CASE_EVIDENCE: "evidence of a case rejected by an officer, past its window",
    CITATION_EVIDENCE: "evidence of a cited violation whose citation was closed, past its window",
}
RECORD_NAMESPACE = uuid.UUID("6f1c1a52-5d1e-4c59-9a57-2b8f4c1d0e7a")


@dataclass(frozen=True)
class Destruction:
    kind: str  # frame_image, case_key, case_images or epoch_keys
    item_id: str  # object key, case id, cases/<case_id>/ or epoch id
    rule: str
    due_at: datetime
    item_time: datetime  # capture (frames), first capture of its evidence (cases), end of the window (epochs)
    held: bool = False  # under a legal hold: stays on the schedule, never due


@dataclass(frozen=True)
class SweepResult:
    due: int
    destroyed: int

    @property
    def past_due(self) -> int:
        return self.due - self.destroyed

    def __add__(self, other: "SweepResult") -> "SweepResult":
        return SweepResult(self.due + other.due, self.destroyed + other.destroyed)


def destruction(item: InventoryItem, at: datetime) -> Destruction:
    return Destruction(item.kind, item.item_id, rule_for(item), at, item.time, item.held)


def schedule_all(items: list[InventoryItem], rules: Rules) -> list[Destruction]:
    """Every item that has a due time, soonest first, held ones included (kept items are left out)."""
    return soonest_first([destruction(i, at) for i in items if (at := due_at(i, rules)) is not None])


def epoch_destruction(epoch: EpochRecord) -> Destruction:
    """An epoch's keys go the moment its window ends; a legal hold never keeps them (a case has its own key)."""
    return Destruction(EPOCH_KEYS, epoch.epoch_id, MINIMIZATION_WINDOW, epoch.ends_at, epoch.ends_at)


def epoch_destructions(epochs: list[EpochRecord]) -> list[Destruction]:
    return soonest_first([epoch_destruction(e) for e in epochs if e.destroyed_at is None])


def soonest_first(planned: list[Destruction]) -> list[Destruction]:
    return sorted(planned, key=lambda d: (d.due_at, d.kind, d.item_id))


def due(planned: list[Destruction], now: datetime) -> list[Destruction]:
    """What must be destroyed now: reached its time and under no legal hold. Left undestroyed, it is past due."""
    return [d for d in planned if d.due_at <= now and not d.held]


def due_now(items: list[InventoryItem], rules: Rules, now: datetime) -> list[Destruction]:
    return due(schedule_all(items, rules), now)


def case_images(case_key: Destruction) -> Destruction:
    return replace(case_key, kind=CASE_IMAGES, item_id=case_folder(case_key.item_id))


def record_id(d: Destruction) -> str:
    """The same item destroyed twice (a crash between steps) gets the same record id, so readers can dedupe."""
    return str(uuid.uuid5(RECORD_NAMESPACE, f"{d.kind}:{d.item_id}"))


def reason(d: Destruction, destroyed_at: datetime) -> str:
    if d.rule != MINIMIZATION_WINDOW:
        return REASONS[d.rule]
    if destroyed_at < d.due_at:
        return f"keys destroyed by an operator before the minimization window ended at {d.due_at.isoformat()}"
    return f"the minimization window ended at {d.due_at.isoformat()}: what was sealed under these keys is unreadable"


def retention_record(d: Destruction, destroyed_at: datetime) -> RetentionRecord:
    return RetentionRecord(
        record_id=record_id(d), item_kind=d.kind, item_id=d.item_id, rule=d.rule, reason=reason(d, destroyed_at),
        destroyed_at=to_timestamp(destroyed_at), item_time=to_timestamp(d.item_time),
    )
