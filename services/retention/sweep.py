"""One sweep: read now from the clock, destroy what is due, record it, then mark it destroyed.

Order per batch: claim (lock) the rows, delete the objects, produce the RetentionRecords
(acknowledged), audit, mark the rows. Deleting a missing object is fine and record ids are deterministic, so a crash anywhere in
between only repeats harmless work on the next sweep.
"""
import logging
from collections import Counter
from dataclasses import dataclass

import confluent_kafka

from alpr_common.audit import AuditTrail
from alpr_common.clock import Clock
from alpr_common.errors import BrokerUnavailable, StorageUnavailable
from alpr_common.kafka import Outgoing, produce_and_wait
from alpr_common.storage import ObjectStore
from alpr_common.topics import RETENTION
from services.retention import metrics
from services.retention.plan import Destruction, due_now, retention_record
from services.retention.repository import InventoryRepository
from services.retention.rules import Rules

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SweepResult:
    due: int
    destroyed: int

    @property
    def past_due(self) -> int:
        return self.due - self.destroyed


class Sweeper:
    def __init__(self, *, repo: InventoryRepository, store: ObjectStore, producer: confluent_kafka.Producer,
                 audit: AuditTrail, rules: Rules, clock: Clock, batch_size: int = 100):
        self.repo, self.store, self.producer, self.audit = repo, store, producer, audit
        self.rules, self.clock, self.batch_size = rules, clock, batch_size
        self.sweeps = 0

    def sweep(self) -> SweepResult:
        now = self.clock.now()
        due = due_now(self.repo.destroyable_frames(), self.rules, now)
        destroyed = released = 0
        try:
            for start in range(0, len(due), self.batch_size):
                done, held = self._destroy_batch(due[start:start + self.batch_size], now)
                destroyed, released = destroyed + done, released + held
        except BrokerUnavailable as exc:
            log.error("retention records not acknowledged; the next sweep retries: %s", exc)
        result = SweepResult(len(due) - released, destroyed)
        metrics.ITEMS_PAST_DUE.set(result.past_due)
        metrics.SWEEPS.inc()
        self.sweeps += 1
        return result

    def _destroy_batch(self, batch: list[Destruction], now) -> tuple[int, int]:
        """(destroyed, released): released items became evidence of a case since the inventory was read."""
        with self.repo.claim([d.item.item_id for d in batch]) as claim:
            claimed = [d for d in batch if d.item.item_id in claim.keys]
            deleted = [d for d in claimed if self._delete(d)]
            if not deleted:
                return 0, len(batch) - len(claimed)
            records = [retention_record(d, now) for d in deleted]
            produce_and_wait(self.producer, [Outgoing(RETENTION.name, r.item_id.encode(), r.SerializeToString()) for r in records])
            self._audit(deleted, now)
            claim.mark_destroyed([(d.item.item_id, d.rule) for d in deleted], now)
        for d in deleted:
            metrics.ITEMS_DESTROYED.labels(d.rule).inc()
        return len(deleted), len(batch) - len(claimed)

    def _delete(self, d: Destruction) -> bool:
        try:
            self.store.delete(d.item.item_id)
            return True
        except StorageUnavailable as exc:
            log.error("could not delete %s: %s", d.item.item_id, exc)
            return False

    def _audit(self, deleted: list[Destruction], now) -> None:
        by_rule = Counter(d.rule for d in deleted)
        self.audit.record(
            actor="retention", actor_kind="service", role="service", action="data.destroy",
            resource=f"{deleted[0].item.kind}:{len(deleted)} items", outcome="destroyed", purpose="retention schedule", at=now,
            details={"count": str(len(deleted)), "items": ",".join(d.item.item_id for d in deleted),
                     **{f"rule.{rule}": str(n) for rule, n in by_rule.items()}},
        )
