"""Proving one audit event's inclusion in its writer's latest signed checkpoint, and checking such a proof."""
from dataclasses import dataclass
from typing import Iterable

from alpr_common.audit_keys import checkpoint_payload, signature_valid
from alpr_common.audit_log import chain_hash
from alpr_common.events.audit_pb2 import AuditEvent
from alpr_common.merkle import leaf_hash
from alpr_common.merkle_proofs import inclusion_proof, verify_inclusion


@dataclass(frozen=True)
class EventProof:
    event_id: str
    writer_id: str
    position: str
    leaf_index: int
    leaf_hash: bytes
    tree_size: int
    root_hash: bytes
    path: list[bytes]
    checkpoint_position: str
    public_key: bytes
    signature: bytes

    def as_dict(self) -> dict:
        return {name: (value.hex() if isinstance(value, bytes) else [p.hex() for p in value] if isinstance(value, list) else value)
                for name, value in self.__dict__.items()}


class NotProvable(LookupError):
    pass


def prove_event(events: Iterable[tuple[str, AuditEvent]], event_id: str) -> EventProof:
    """One pass over the topic: the event's audit path to its writer's latest checkpoint."""
    leaves: dict[str, list[bytes]] = {}
    latest: dict[str, tuple[str, AuditEvent]] = {}
    target: tuple[str, AuditEvent, int] | None = None
    for position, event in events:
        writer = leaves.setdefault(event.writer_id, [])
        if event.event_id == event_id:
            target = (position, event, len(writer))
        if event.HasField("checkpoint"):
            latest[event.writer_id] = (position, event)
        writer.append(leaf_hash(chain_hash(event)))
    if target is None:
        raise NotProvable(f"no audit event {event_id} on the topic")
    position, event, index = target
    cp_position, cp_event = latest.get(event.writer_id, ("", AuditEvent()))
    cp = cp_event.checkpoint
    if cp.tree_size <= index:
        raise NotProvable(f"event {event_id} is not covered by a checkpoint of {event.writer_id} yet")
    return EventProof(event_id, event.writer_id, position, index, leaves[event.writer_id][index], cp.tree_size,
                      cp.root_hash, inclusion_proof(leaves[event.writer_id][:cp.tree_size], index), cp_position,
                      cp.public_key, cp.signature)


def check_proof(proof: EventProof, registered_key: bytes | None) -> list[str]:
    """What is wrong with the proof (nothing: the event is in a tree its writer signed with its registered key)."""
    found = []
    if not verify_inclusion(proof.leaf_hash, proof.leaf_index, proof.tree_size, proof.path, proof.root_hash):
        found.append("the audit path does not lead from the event to the checkpoint's root")
    key = registered_key or proof.public_key
    if key != proof.public_key or not signature_valid(key, proof.signature, checkpoint_payload(proof.writer_id, proof.tree_size, proof.root_hash)):
        found.append("the checkpoint's signature does not verify with the writer's registered key")
    return found
