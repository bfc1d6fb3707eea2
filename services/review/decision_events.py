"""What a decision produces: a Decision event always, and a Citation when the case is confirmed.

No plate travels in clear: a correction is sealed under the case key bound to the decision id, the cited
plate under the case key bound to the citation id; both open until retention destroys the case key.
"""
from dataclasses import dataclass
from datetime import datetime

from alpr_common.crypto import CaseKey, Sealed, seal, to_proto
from alpr_common.events import cases_pb2, decisions_pb2
from alpr_common.events.common_pb2 import GeoPoint
from alpr_common.kafka import Outgoing
from alpr_common.timeutil import to_timestamp
from alpr_common.topics import CITATIONS, DECISIONS
from services.review.domain import CONFIRM
from services.review.models import Case, DecisionInput, Sighting

OUTCOMES = {"confirm": decisions_pb2.CONFIRMED, "reject": decisions_pb2.REJECTED}


@dataclass(frozen=True)
class Sealing:
    """What a confirmation seals with: the case's key, and the plate its sightings read."""
    key: CaseKey
    read_plate: str


@dataclass(frozen=True)
class DecisionOutputs:
    messages: list[Outgoing]
    citation_id: str | None
    sealed_corrected_plate: Sealed | None


def latest_sighting(case: Case) -> Sighting:
    """The sighting that proves the violation: the last time the car was seen."""
    return max(case.sightings, key=lambda s: (s.captured_at, s.n))


def cited_plate(sealing: Sealing, decision: DecisionInput) -> str:
    return decision.corrected_plate or sealing.read_plate


def sealed_correction(sealing: Sealing | None, decision: DecisionInput, decision_id: str) -> Sealed | None:
    if decision.corrected_plate is None:
        return None
    return seal(_required(sealing).key, decision.corrected_plate.encode(), decision_id.encode())


def decision_event(case: Case, decision: DecisionInput, officer: str, decided_at: datetime, decision_id: str,
                   corrected: Sealed | None = None) -> decisions_pb2.Decision:
    return decisions_pb2.Decision(
        decision_id=decision_id, case_id=case.case_id, outcome=OUTCOMES[decision.outcome],
        reason=decision.reason or "", officer=officer, decided_at=to_timestamp(decided_at), zone_id=case.zone_id,
        kind=cases_pb2.ViolationKind.Value(case.kind),
        sealed_corrected_plate=to_proto(corrected) if corrected else None,
    )


def citation_event(case: Case, decision: DecisionInput, sealing: Sealing, officer: str, issued_at: datetime,
                   citation_id: str) -> decisions_pb2.Citation:
    seen = latest_sighting(case)
    return decisions_pb2.Citation(
        citation_id=citation_id, case_id=case.case_id,
        sealed_plate=to_proto(seal(sealing.key, cited_plate(sealing, decision).encode(), citation_id.encode())),
        zone_id=case.zone_id, kind=cases_pb2.ViolationKind.Value(case.kind), officer=officer,
        issued_at=to_timestamp(issued_at), violation_at=to_timestamp(seen.captured_at),
        location=GeoPoint(latitude=seen.latitude, longitude=seen.longitude),
        evidence_keys=[s.evidence_key for s in case.sightings],
    )


def decision_outputs(case: Case, decision: DecisionInput, officer: str, decided_at: datetime,
                     decision_id: str, citation_id: str, sealing: Sealing | None = None) -> DecisionOutputs:
    """The messages to produce for a decision; a confirmation needs `sealing` (a rejection does not)."""
    corrected = sealed_correction(sealing, decision, decision_id)
    event = decision_event(case, decision, officer, decided_at, decision_id, corrected)
    messages = [Outgoing(DECISIONS.name, case.case_id.encode(), event.SerializeToString())]
    if decision.outcome != CONFIRM:
        return DecisionOutputs(messages, None, corrected)
    citation = citation_event(case, decision, _required(sealing), officer, decided_at, citation_id)
    messages.append(Outgoing(CITATIONS.name, citation_id.encode(), citation.SerializeToString()))
    return DecisionOutputs(messages, citation_id, corrected)


def _required(sealing: Sealing | None) -> Sealing:
    if sealing is None:
        raise ValueError("a confirmation or a corrected plate needs the case key and plate to seal with")
    return sealing
