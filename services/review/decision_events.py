"""What a decision produces: a Decision event always, and a Citation when the case is confirmed."""
from datetime import datetime

from alpr_common.events import cases_pb2, decisions_pb2
from alpr_common.events.common_pb2 import GeoPoint
from alpr_common.kafka import Outgoing
from alpr_common.timeutil import to_timestamp
from alpr_common.topics import CITATIONS, DECISIONS
from services.review.domain import CONFIRM
from services.review.models import Case, DecisionInput, Sighting

OUTCOMES = {"confirm": decisions_pb2.CONFIRMED, "reject": decisions_pb2.REJECTED}


def latest_sighting(case: Case) -> Sighting:
    """The sighting that proves the violation: the last time the car was seen."""
    return max(case.sightings, key=lambda s: (s.captured_at, s.n))


def cited_plate(case: Case, decision: DecisionInput) -> str:
    return decision.corrected_plate or case.plate_text


def decision_event(case: Case, decision: DecisionInput, officer: str, decided_at: datetime,
                   decision_id: str) -> decisions_pb2.Decision:
    return decisions_pb2.Decision(
        decision_id=decision_id, case_id=case.case_id, outcome=OUTCOMES[decision.outcome],
        corrected_plate=decision.corrected_plate or "", reason=decision.reason or "", officer=officer,
        decided_at=to_timestamp(decided_at), zone_id=case.zone_id, kind=cases_pb2.ViolationKind.Value(case.kind),
    )


def citation_event(case: Case, decision: DecisionInput, officer: str, issued_at: datetime,
                   citation_id: str) -> decisions_pb2.Citation:
    seen = latest_sighting(case)
    return decisions_pb2.Citation(
        citation_id=citation_id, case_id=case.case_id, plate_text=cited_plate(case, decision),
        zone_id=case.zone_id, kind=cases_pb2.ViolationKind.Value(case.kind), officer=officer,
        issued_at=to_timestamp(issued_at), violation_at=to_timestamp(seen.captured_at),
        location=GeoPoint(latitude=seen.latitude, longitude=seen.longitude),
        evidence_keys=[s.object_key for s in case.sightings],
    )


def decision_outputs(case: Case, decision: DecisionInput, officer: str, decided_at: datetime,
                     decision_id: str, citation_id: str) -> tuple[list[Outgoing], str | None]:
    """The messages to produce for a decision, and the citation id when there is a citation."""
    event = decision_event(case, decision, officer, decided_at, decision_id)
    outgoing = [Outgoing(DECISIONS.name, case.case_id.encode(), event.SerializeToString())]
    if decision.outcome != CONFIRM:
        return outgoing, None
    citation = citation_event(case, decision, officer, decided_at, citation_id)
    outgoing.append(Outgoing(CITATIONS.name, citation_id.encode(), citation.SerializeToString()))
    return outgoing, citation_id
