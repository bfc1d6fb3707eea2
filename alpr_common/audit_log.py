"""One writer's audit log in memory: the hash chain, its Merkle tree, and signed checkpoints (no I/O)."""
import hashlib
import uuid
from datetime import datetime, timezone

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from alpr_common.audit_keys import checkpoint_payload, public_bytes
from alpr_common.events.audit_pb2 import AuditEvent, Checkpoint
from alpr_common.merkle import Frontier, leaf_hash
from alpr_common.timeutil import to_timestamp

GENESIS = b"\x00" * 32
CHECKPOINT_ACTION = "audit.checkpoint"


def chain_hash(event: AuditEvent) -> bytes:
    """SHA-256 over the previous hash and the event serialized without its own hash."""
    unhashed = AuditEvent()
    unhashed.CopyFrom(event)
    unhashed.ClearField("hash")
    return hashlib.sha256(event.prev_hash + unhashed.SerializeToString(deterministic=True)).digest()


def sign_checkpoint(writer_id: str, tree_size: int, root_hash: bytes, key: Ed25519PrivateKey) -> Checkpoint:
    signature = key.sign(checkpoint_payload(writer_id, tree_size, root_hash))
    return Checkpoint(tree_size=tree_size, root_hash=root_hash, public_key=public_bytes(key), signature=signature)


def checkpoint_event(writer_id: str, checkpoint: Checkpoint, at: datetime) -> AuditEvent:
    """A checkpoint as an audit event of its writer (the chain fields are set when it is appended)."""
    return AuditEvent(event_id=uuid.uuid4().hex, at=to_timestamp(at), actor=writer_id, actor_kind="service",
                      role="audit-writer", action=CHECKPOINT_ACTION, resource=f"audit-chain:{writer_id}",
                      purpose="tamper evidence", outcome="signed", checkpoint=checkpoint)


class ChainWriter:
    """Chains events (sequence, prev_hash, hash), grows the Merkle tree, and says when a checkpoint is due."""

    def __init__(self, writer_id: str, key: Ed25519PrivateKey, checkpoint_every: int):
        self.writer_id, self.key, self.checkpoint_every = writer_id, key, checkpoint_every
        self.sequence, self.prev_hash, self.tree, self.unsealed = 0, GENESIS, Frontier(), 0

    def append(self, event: AuditEvent, now: datetime | None = None) -> list[AuditEvent]:
        """The event chained, followed by a checkpoint when one is due."""
        self._chain(event)
        self.unsealed += 1
        return [event, *(self.seal(now) if self.unsealed >= self.checkpoint_every else [])]

    def seal(self, now: datetime | None = None) -> list[AuditEvent]:
        """A checkpoint over every event so far, or nothing when the last one is already sealed."""
        if not self.unsealed:
            return []
        signed = sign_checkpoint(self.writer_id, self.tree.size, self.tree.root(), self.key)
        self.unsealed = 0
        return [self._chain(checkpoint_event(self.writer_id, signed, now or datetime.now(timezone.utc)))]

    def _chain(self, event: AuditEvent) -> AuditEvent:
        event.writer_id, event.sequence, event.prev_hash = self.writer_id, self.sequence + 1, self.prev_hash
        event.hash = chain_hash(event)
        self.sequence, self.prev_hash = event.sequence, event.hash
        self.tree.append(leaf_hash(event.hash))
        return event
