"""Verifying the audit topic: every writer's events gapless, linked, unaltered, and inside its signed checkpoints."""
from dataclasses import dataclass, field
from typing import Iterable

from alpr_common.audit_keys import checkpoint_payload, registered_key, signature_valid
from alpr_common.audit_log import GENESIS, chain_hash
from alpr_common.events.audit_pb2 import AuditEvent
from alpr_common.merkle import Frontier, leaf_hash


@dataclass(frozen=True)
class ChainProblem:
    writer_id: str
    sequence: int
    position: str  # partition/offset where it was read
    problem: str


@dataclass
class Verification:
    checked: int = 0
    checkpoints: int = 0
    problems: list[ChainProblem] = field(default_factory=list)
    unsealed: list[ChainProblem] = field(default_factory=list)  # tails no checkpoint covers yet: warnings


@dataclass
class _Writer:
    key: bytes | None
    sequence: int = 0
    last_hash: bytes = GENESIS
    tree: Frontier = field(default_factory=Frontier)
    sealed_at: int = 0
    position: str = ""


def verify_chains(events: Iterable[tuple[str, AuditEvent]], registry: dict[str, bytes] | None = None) -> Verification:
    """Check (position, event) pairs in topic order against the key registry (None: each writer's first key)."""
    result, writers = Verification(), {}
    for position, event in events:
        result.checked += 1
        state = writers.get(event.writer_id)
        found: list[str] = []
        if state is None:
            state = writers[event.writer_id] = _Writer(registered_key(registry, event.writer_id) if registry is not None else None)
            if registry is not None and state.key is None:
                found.append("forged: the writer has no key in the key registry")
        digest = chain_hash(event)
        found += _check_link(state, event, digest)
        if event.HasField("checkpoint"):
            result.checkpoints += 1
            found += _check_checkpoint(state, event, trust_first_key=registry is None)
            state.sealed_at = event.sequence
        result.problems += [ChainProblem(event.writer_id, event.sequence, position, p) for p in found]
        state.sequence, state.last_hash, state.position = event.sequence, event.hash, position
        state.tree.append(leaf_hash(digest))
    result.unsealed = [ChainProblem(w, s.sequence, s.position, f"{s.sequence - s.sealed_at} event(s) after the last checkpoint")
                       for w, s in writers.items() if s.sequence > s.sealed_at]
    return result


def _check_link(state: _Writer, event: AuditEvent, digest: bytes) -> list[str]:
    found = []
    if digest != event.hash:
        found.append("altered: the event's hash does not match its content")
    if event.sequence != state.sequence + 1:
        found.append(f"expected sequence {state.sequence + 1}, found {event.sequence} (removed or reordered events)")
    if event.prev_hash != state.last_hash:
        found.append("broken link: prev_hash is not the hash of the writer's previous event")
    return found


def _check_checkpoint(state: _Writer, event: AuditEvent, trust_first_key: bool) -> list[str]:
    cp, found = event.checkpoint, []
    if trust_first_key and state.key is None:
        state.key = cp.public_key
    if cp.tree_size != event.sequence - 1:
        found.append(f"forged: checkpoint over {cp.tree_size} events, at sequence {event.sequence}")
    if state.key is not None and (cp.public_key != state.key or not signature_valid(
            state.key, cp.signature, checkpoint_payload(event.writer_id, cp.tree_size, cp.root_hash))):
        found.append("forged: the checkpoint's signature does not verify with the writer's registered key")
    if state.tree.size != cp.tree_size or state.tree.root() != cp.root_hash:
        found.append(f"membership: the {state.tree.size} events read before this checkpoint do not make up "
                     f"its signed tree of {cp.tree_size} (events removed, altered, reordered or inserted)")
    return found
