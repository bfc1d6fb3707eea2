"""The review service's small types: plain data, no framework."""
from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class User:
    name: str
    role: str


@dataclass(frozen=True)
class Sighting:
    n: int
    read_id: str
    frame_id: str
    object_key: str
    captured_at: datetime
    latitude: float
    longitude: float
    plate_text: str
    confidence: float
    box: tuple[int, int, int, int]


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
    corrected_plate: str | None = None
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
    plate_text: str
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


@dataclass(frozen=True)
class CaseSummary:
    case_id: str
    plate_text: str
    zone_id: str
    zone_name: str
    kind: str
    opened_at: datetime
    status: str
    sighting_count: int
    assigned_to: str | None = None
