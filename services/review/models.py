"""The review service's small types: plain data, no framework. Plates are held only sealed (`Sealed`);
opening them needs the key store (evidence.py), so nothing here can show a plate by accident."""
from dataclasses import dataclass, field
from datetime import datetime

from alpr_common.crypto import Sealed


@dataclass(frozen=True)
class User:
    name: str
    role: str


@dataclass(frozen=True)
class Sighting:
    n: int
    read_id: str  # the associated data of the sealed plate
    frame_id: str
    object_key: str  # the frame it came from, sealed under its epoch key
    captured_at: datetime
    latitude: float
    longitude: float
    confidence: float
    box: tuple[int, int, int, int]
    sealed_plate: Sealed | None  # None only for rows recorded before evidence was sealed
    evidence_key: str | None = None  # review's copy of the image, sealed under the case key


@dataclass(frozen=True)
class Plates:
    """A case's plates, opened for one request: the case's (its most confident read), each sighting's, and
    the officer's correction if any."""
    case: str
    by_sighting: dict[int, str] = field(default_factory=dict)
    corrected: str | None = None


@dataclass(frozen=True)
class DecisionInput:
    """What an officer decided, already checked against the rules."""
    outcome: str
    reason: str | None = None
    corrected_plate: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class DecisionRecord:
    decision_id: str
    outcome: str
    officer: str
    decided_at: datetime
    reason: str | None = None
    sealed_corrected_plate: Sealed | None = None  # under the case key, associated data decision_id
    note: str | None = None
    citation_id: str | None = None


@dataclass(frozen=True)
class ReversalRecord:
    """A supervisor's reversal of a decision: the case takes the opposite outcome."""
    decision_id: str
    reverses: str
    outcome: str
    reason: str
    supervisor: str
    reversed_at: datetime
    citation_id: str | None = None


@dataclass(frozen=True)
class Case:
    case_id: str
    zone_id: str
    zone_name: str
    kind: str
    rule_summary: str
    limit_minutes: int
    grace_minutes: int
    opened_at: datetime
    sightings: tuple[Sighting, ...]
    status: str = "open"
    decision: DecisionRecord | None = None
    assigned_to: str | None = None
    reversal: ReversalRecord | None = None
    expired_reason: str | None = None  # why an expired case can never be reviewed


@dataclass(frozen=True)
class CaseSummary:
    case_id: str
    zone_id: str
    zone_name: str
    kind: str
    opened_at: datetime
    status: str
    sighting_count: int
    assigned_to: str | None = None
    expired_reason: str | None = None
    sealed_plate: Sealed | None = None  # the most confident sighting's: the case's plate
    plate_read_id: str | None = None  # its associated data
