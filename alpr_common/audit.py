"""Audit events: every access to data, on the audit topic as per-writer hash chains with signed checkpoints."""
import threading
import uuid
from datetime import datetime, timezone

import confluent_kafka
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from alpr_common.audit_keys import AuditSettings, load_signing_key, public_bytes, register
from alpr_common.audit_log import ChainWriter
from alpr_common.errors import BrokerUnavailable
from alpr_common.events.audit_pb2 import AuditEvent
from alpr_common.kafka import Outgoing, produce_and_wait
from alpr_common.metrics import AUDIT_WRITE_FAILURES, record_audit_written
from alpr_common.timeutil import to_timestamp
from alpr_common.topics import AUDIT


class AuditTrail:
    """One writer's chain on the topic. A new writer id (and key, unless one is configured) per chain keeps
    every chain gapless; its public key goes to the key registry before its first event.

    Call close() on shutdown: it appends the last checkpoint, so no event is left outside a signed tree.
    """

    def __init__(self, service: str, producer: confluent_kafka.Producer, settings: AuditSettings | None = None):
        self.service = service
        self.producer = producer
        self.settings = settings or AuditSettings()
        path = self.settings.signing_key_path
        self._configured_key = load_signing_key(path) if path else None
        self._lock = threading.Lock()
        self._start_chain()

    @property
    def writer_id(self) -> str:
        return self._chain.writer_id

    def _start_chain(self) -> None:
        key = self._configured_key or Ed25519PrivateKey.generate()
        self._chain = ChainWriter(f"{self.service}-{uuid.uuid4().hex[:8]}", key, self.settings.checkpoint_every)
        register(self.settings.registry_path(), self._chain.writer_id, public_bytes(key))

    def record(self, *, actor: str, role: str, action: str, resource: str, outcome: str,
               actor_kind: str = "person", purpose: str = "parking enforcement",
               request_id: str = "", details: dict[str, str] | None = None,
               at: datetime | None = None) -> AuditEvent:
        """Append one event (and a checkpoint when one is due) and wait until the broker has them."""
        with self._lock:
            batch = self._chain.append(AuditEvent(
                event_id=uuid.uuid4().hex, at=to_timestamp(at or datetime.now(timezone.utc)),
                actor=actor, actor_kind=actor_kind, role=role, action=action, resource=resource,
                purpose=purpose, outcome=outcome, request_id=request_id, details=details or {},
            ))
            self._send(batch)
            return batch[0]

    def close(self) -> None:
        """Seal the events recorded since the last checkpoint."""
        with self._lock:
            self._send(self._chain.seal())

    def _send(self, events: list[AuditEvent]) -> None:
        if not events:
            return
        try:
            produce_and_wait(self.producer, [Outgoing(AUDIT.name, self.writer_id.encode(), e.SerializeToString()) for e in events])
        except BrokerUnavailable:
            # The events may still land later; a new chain keeps the old one consistent either way.
            AUDIT_WRITE_FAILURES.labels(self.service).inc()
            self._start_chain()
            raise
        for event in events:
            record_audit_written(self.service, event.writer_id, event.sequence)
