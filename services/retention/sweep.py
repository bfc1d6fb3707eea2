"""One sweep: read now from the clock, then destroy what is due: epoch keys, frames, case keys and copies.

Frames, per batch: claim (lock) the rows, delete the objects, produce the RetentionRecords (acknowledged),
audit, mark the rows. Deleting a missing object is fine and record ids are deterministic, so a crash anywhere
in between only repeats harmless work on the next sweep. Keys: see shredding.py.
"""
import logging
from datetime import datetime
from typing import Protocol

from alpr_common.audit import AuditTrail
from alpr_common.batching import batches
from alpr_common.clock import Clock
from alpr_common.errors import BrokerUnavailable, StorageUnavailable
from alpr_common.storage import ObjectStore
from services.retention import metrics
from services.retention.ledger import Ledger
from services.retention.plan import Destruction, SweepResult, due_now
from services.retention.repository import InventoryRepository
from services.retention.rules import Rules

log = logging.getLogger(__name__)


class Step(Protocol):
    def sweep(self, now: datetime) -> SweepResult: ...


class Sweeper:
    """Runs its steps in order, all at the same `now`, and sets the past-due gauge from what they left."""

    def __init__(self, *, clock: Clock, audit: AuditTrail, steps: list[Step]):
        self.clock, self.audit, self.steps = clock, audit, steps
        self.sweeps = 0

    def sweep(self) -> SweepResult:
        now = self.clock.now()
        result = SweepResult(0, 0)
        for step in self.steps:
            result += step.sweep(now)
        metrics.ITEMS_PAST_DUE.set(result.past_due)
        metrics.SWEEPS.inc()
        self.sweeps += 1
        return result


class FrameDestroyer:
    def __init__(self, *, repo: InventoryRepository, store: ObjectStore, ledger: Ledger, rules: Rules, batch_size: int):
        self.repo, self.store, self.ledger, self.rules, self.batch_size = repo, store, ledger, rules, batch_size

    def sweep(self, now: datetime) -> SweepResult:
        due = due_now(self.repo.destroyable_frames(), self.rules, now)
        destroyed = released = 0
        try:
            for batch in batches(due, self.batch_size):
                done, held = self._destroy_batch(batch, now)
                destroyed, released = destroyed + done, released + held
        except BrokerUnavailable as exc:
            log.error("retention records not acknowledged; the next sweep retries: %s", exc)
        return SweepResult(len(due) - released, destroyed)

    def _destroy_batch(self, batch: list[Destruction], now: datetime) -> tuple[int, int]:
        """(destroyed, released): released items became evidence of a case since the inventory was read."""
        with self.repo.claim([d.item_id for d in batch]) as claim:
            claimed = [d for d in batch if d.item_id in claim.keys]
            deleted = [d for d in claimed if self._delete(d)]
            if deleted:
                self.ledger.write([(d, now) for d in deleted], now)
                claim.mark_destroyed([(d.item_id, d.rule) for d in deleted], now)
        return len(deleted), len(batch) - len(claimed)

    def _delete(self, d: Destruction) -> bool:
        try:
            self.store.delete(d.item_id)
            return True
        except StorageUnavailable as exc:
            log.error("could not delete %s: %s", d.item_id, exc)
            return False
