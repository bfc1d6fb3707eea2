"""What every destruction leaves behind: one RetentionRecord per item on alpr.retention.v1, acknowledged,
then one audit event per kind of item in the batch (actor `retention`, action `data.destroy`)."""
from collections import Counter
from datetime import datetime
from itertools import groupby

import confluent_kafka

from alpr_common.audit import AuditTrail
from alpr_common.kafka import Outgoing, produce_and_wait
from alpr_common.topics import RETENTION
from services.retention import metrics
from services.retention.plan import Destruction, retention_record

# How each kind of item was destroyed, for the audit trail.
METHODS = {"frame_image": "object deleted", "case_images": "objects deleted",
           "case_key": "key destroyed (crypto-shredding)", "epoch_keys": "keys destroyed (crypto-shredding)"}


class Ledger:
    def __init__(self, producer: confluent_kafka.Producer, audit: AuditTrail):
        self.producer, self.audit = producer, audit

    def write(self, destroyed: list[tuple[Destruction, datetime]], now: datetime) -> None:
        """(what, when it was destroyed) pairs; raises BrokerUnavailable if the broker does not acknowledge."""
        records = [retention_record(d, at) for d, at in destroyed]
        produce_and_wait(self.producer, [Outgoing(RETENTION.name, r.item_id.encode(), r.SerializeToString())
                                         for r in records])
        by_kind = sorted((d for d, _ in destroyed), key=lambda d: d.kind)
        for kind, group in groupby(by_kind, key=lambda d: d.kind):
            self._audit(kind, list(group), now)
        for d, _ in destroyed:
            metrics.ITEMS_DESTROYED.labels(d.rule).inc()

    def _audit(self, kind: str, items: list[Destruction], now: datetime) -> None:
        by_rule = Counter(d.rule for d in items)
        self.audit.record(
            actor="retention", actor_kind="service", role="service", action="data.destroy",
            resource=f"{kind}:{len(items)} items", outcome="destroyed", purpose="retention schedule", at=now,
            details={"count": str(len(items)), "items": ",".join(d.item_id for d in items), "method": METHODS[kind],
                     **{f"rule.{rule}": str(n) for rule, n in by_rule.items()}},
        )
