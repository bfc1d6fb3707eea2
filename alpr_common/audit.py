"""Audit events: every access to data, as a per-writer hash chain on the audit topic."""
import hashlib
import threading
import uuid
from datetime import datetime, timezone

import confluent_kafka

from alpr_common.errors import BrokerUnavailable
from alpr_common.events.audit_pb2 import AuditEvent
from alpr_common.kafka import Outgoing, produce_and_wait
from alpr_common.timeutil import to_timestamp
from alpr_common.topics import AUDIT

GENESIS = b"\x00" * 32


def chain_hash(event: AuditEvent) -> bytes:
    """SHA-256 over the previous hash and the event serialized without its own hash."""
    unhashed = AuditEvent()
    unhashed.CopyFrom(event)
    unhashed.ClearField("hash")
    return hashlib.sha256(event.prev_hash + unhashed.SerializeToString(deterministic=True)).digest()


class AuditTrail:
    """One writer's chain. A new writer id per process start keeps every chain gapless."""

    def __init__(self, service: str, producer: confluent_kafka.Producer):
        self.service = service
        self.producer = producer
        self._lock = threading.Lock()
        self._start_chain()

    def _start_chain(self) -> None:
        self.writer_id = f"{self.service}-{uuid.uuid4().hex[:8]}"
        self._sequence = 0
        self._prev_hash = GENESIS

    def record(self, *, actor: str, role: str, action: str, resource: str, outcome: str,
               actor_kind: str = "person", purpose: str = "parking enforcement",
               request_id: str = "", details: dict[str, str] | None = None,
               at: datetime | None = None) -> AuditEvent:
        """Append one event and wait until the broker has it: no access goes unrecorded."""
        with self._lock:
            event = AuditEvent(
                event_id=uuid.uuid4().hex, writer_id=self.writer_id, sequence=self._sequence + 1,
                prev_hash=self._prev_hash, at=to_timestamp(at or datetime.now(timezone.utc)),
                actor=actor, actor_kind=actor_kind, role=role, action=action, resource=resource,
                purpose=purpose, outcome=outcome, request_id=request_id, details=details or {},
            )
            event.hash = chain_hash(event)
            try:
                produce_and_wait(self.producer, [Outgoing(AUDIT.name, self.writer_id.encode(), event.SerializeToString())])
            except BrokerUnavailable:
                # The event may still land later; a new chain keeps the old one consistent either way.
                self._start_chain()
                raise
            self._sequence, self._prev_hash = event.sequence, event.hash
            return event
