"""Building audit logs in memory for tests, and rewriting them the way an attacker would."""
from datetime import datetime, timezone

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from alpr_common.audit_keys import public_bytes
from alpr_common.audit_log import ChainWriter, chain_hash
from alpr_common.events.audit_pb2 import AuditEvent
from alpr_common.timeutil import to_timestamp

NOW = datetime(2026, 3, 2, 9, 30, tzinfo=timezone.utc)


def written(writer_id: str, accesses: int, every: int, key: Ed25519PrivateKey | None = None) -> tuple[list[AuditEvent], bytes]:
    """A writer's events (checkpoints included, sealed at the end) and its public key."""
    writer = ChainWriter(writer_id, key or Ed25519PrivateKey.generate(), every)
    events = []
    for n in range(accesses):
        access = AuditEvent(event_id=f"{writer_id}/{n}", at=to_timestamp(NOW), actor="officer-1", role="officer",
                            action="case.view", resource=f"case-{n}")
        events += writer.append(access, NOW)
    return events + writer.seal(NOW), public_bytes(writer.key)


def positioned(events: list[AuditEvent]) -> list[tuple[str, AuditEvent]]:
    return [(f"0/{offset}", event) for offset, event in enumerate(events)]


def rechained(events: list[AuditEvent], start: int) -> list[AuditEvent]:
    """Recompute every link and hash from `start` on, as someone who rewrote history would."""
    out = [_copy(e) for e in events]
    for i in range(start, len(out)):
        out[i].prev_hash = out[i - 1].hash if i else out[i].prev_hash
        out[i].hash = chain_hash(out[i])
    return out


def _copy(event: AuditEvent) -> AuditEvent:
    copy = AuditEvent()
    copy.CopyFrom(event)
    return copy
