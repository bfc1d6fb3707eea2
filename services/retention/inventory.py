"""What each consumed event tells the inventory, as plain facts. Pure: no I/O."""
from dataclasses import dataclass
from datetime import datetime

from alpr_common.events.cases_pb2 import Case
from alpr_common.events.decisions_pb2 import CONFIRMED, REJECTED, Citation, CitationClosed, Decision
from alpr_common.events.frames_pb2 import Frame
from alpr_common.events.reads_pb2 import FrameRead
from alpr_common.timeutil import from_timestamp
from services.retention.schedule import CaseState


class InvalidEvent(ValueError):
    """An event that decoded but lacks what the inventory needs; it goes to the dead-letter topic."""


@dataclass(frozen=True)
class FrameSeen:
    frame_id: str
    object_key: str
    captured_at: datetime
    ocr_done: bool = False


@dataclass(frozen=True)
class CaseOpened:
    case_id: str
    frames: tuple[FrameSeen, ...]


@dataclass(frozen=True)
class CaseDecided:
    case_id: str
    state: CaseState
    decided_at: datetime


@dataclass(frozen=True)
class CitationIssued:
    """Only the link to its case: `alpr retention close-citation` may name either id."""
    citation_id: str
    case_id: str


@dataclass(frozen=True)
class CitationClosure:
    """The city's citation system closed the citation of this case: its evidence clock starts."""
    case_id: str
    closed_at: datetime


Fact = FrameSeen | CaseOpened | CaseDecided | CitationIssued | CitationClosure
OUTCOMES = {CONFIRMED: CaseState.CONFIRMED, REJECTED: CaseState.REJECTED}


def _require(value: str, what: str) -> str:
    if not value:
        raise InvalidEvent(f"{what} is empty")
    return value


def from_frame(frame: Frame) -> FrameSeen:
    return FrameSeen(_require(frame.frame_id, "frame_id"), _require(frame.object_key, "object_key"),
                     from_timestamp(frame.captured_at))


def from_frame_read(done: FrameRead) -> FrameSeen:
    return FrameSeen(_require(done.frame_id, "frame_id"), _require(done.object_key, "object_key"),
                     from_timestamp(done.captured_at), ocr_done=True)


def from_case(case: Case) -> CaseOpened:
    frames = tuple(FrameSeen(_require(s.frame_id, "sighting frame_id"), _require(s.object_key, "sighting object_key"),
                             from_timestamp(s.captured_at)) for s in case.sightings)
    return CaseOpened(_require(case.case_id, "case_id"), frames)


def from_decision(decision: Decision) -> CaseDecided:
    if decision.outcome not in OUTCOMES:
        raise InvalidEvent(f"decision outcome {decision.outcome} is neither CONFIRMED nor REJECTED")
    if not decision.HasField("decided_at"):
        raise InvalidEvent("decided_at is missing")
    return CaseDecided(_require(decision.case_id, "case_id"), OUTCOMES[decision.outcome], from_timestamp(decision.decided_at))


def from_citation(citation: Citation) -> CitationIssued:
    return CitationIssued(_require(citation.citation_id, "citation_id"), _require(citation.case_id, "case_id"))


def from_citation_closed(closed: CitationClosed) -> CitationClosure:
    if not closed.HasField("closed_at"):
        raise InvalidEvent("closed_at is missing")
    return CitationClosure(_require(closed.case_id, "case_id"), from_timestamp(closed.closed_at))
