"""Verifying audit chains: every writer's events must be gapless, linked and unaltered."""
from dataclasses import dataclass
from typing import Iterable

from alpr_common.audit import GENESIS, chain_hash
from alpr_common.events.audit_pb2 import AuditEvent


@dataclass(frozen=True)
class ChainProblem:
    writer_id: str
    sequence: int
    position: str  # partition/offset where it was read
    problem: str


@dataclass
class _WriterState:
    sequence: int = 0
    last_hash: bytes = GENESIS


def verify_chains(events: Iterable[tuple[str, AuditEvent]]) -> tuple[int, list[ChainProblem]]:
    """Check (position, event) pairs in topic order; returns (events checked, problems found)."""
    writers: dict[str, _WriterState] = {}
    problems: list[ChainProblem] = []
    count = 0
    for position, event in events:
        count += 1
        state = writers.setdefault(event.writer_id, _WriterState())
        problems += [ChainProblem(event.writer_id, event.sequence, position, p) for p in _check(state, event)]
        state.sequence, state.last_hash = event.sequence, event.hash
    return count, problems


def _check(state: _WriterState, event: AuditEvent) -> list[str]:
    found = []
    if chain_hash(event) != event.hash:
        found.append("altered: the event's hash does not match its content")
    if event.sequence != state.sequence + 1:
        found.append(f"expected sequence {state.sequence + 1}, found {event.sequence} (removed or reordered events)")
    if event.prev_hash != state.last_hash:
        found.append("broken link: prev_hash is not the hash of the writer's previous event")
    return found
