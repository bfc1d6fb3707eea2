from datetime import datetime, timedelta, timezone

from alpr_common.events import cases_pb2, decisions_pb2
from alpr_common.timeutil import from_timestamp
from alpr_common.topics import CITATIONS, DECISIONS
from services.review.decision_events import citation_event, decision_outputs, latest_sighting
from services.review.models import Case, DecisionInput, Sighting

T0 = datetime(2025, 3, 4, 12, 0, tzinfo=timezone.utc)
DECIDED = T0 + timedelta(hours=5)


def sighting(n: int, at: datetime, lat: float) -> Sighting:
    return Sighting(n=n, read_id=f"r{n}", frame_id=f"f{n}", object_key=f"frames/d/f{n}.jpg", captured_at=at,
                    latitude=lat, longitude=-73.6, plate_text="ABC123", confidence=0.8, box=(1, 2, 3, 4))


CASE = Case(case_id="c-1", plate_text="ABC123", zone_id="z-1", zone_name="Elm", kind="OVERSTAY",
            rule_summary="2h", limit_minutes=120, grace_minutes=10, opened_at=T0 + timedelta(hours=3),
            sightings=(sighting(0, T0 + timedelta(hours=3), 45.51), sighting(1, T0, 45.50)))


def test_the_latest_sighting_is_the_last_one_seen_not_the_last_listed():
    assert latest_sighting(CASE).n == 0


def test_a_confirmation_produces_a_decision_keyed_by_case_and_a_citation():
    outgoing, citation_id = decision_outputs(CASE, DecisionInput("confirm"), "alice", DECIDED, "d-1", "cit-1")
    assert [(o.topic, o.key) for o in outgoing] == [(DECISIONS.name, b"c-1"), (CITATIONS.name, b"cit-1")]
    assert citation_id == "cit-1"
    decision = decisions_pb2.Decision.FromString(outgoing[0].value)
    assert (decision.decision_id, decision.case_id, decision.outcome, decision.officer) == ("d-1", "c-1", decisions_pb2.CONFIRMED, "alice")
    assert from_timestamp(decision.decided_at) == DECIDED
    assert (decision.zone_id, decision.kind) == ("z-1", cases_pb2.OVERSTAY)


def test_a_citation_carries_the_read_plate_the_latest_sighting_and_every_evidence_key():
    citation = citation_event(CASE, DecisionInput("confirm"), "alice", DECIDED, "cit-1")
    assert (citation.citation_id, citation.case_id, citation.plate_text, citation.officer) == ("cit-1", "c-1", "ABC123", "alice")
    assert from_timestamp(citation.violation_at) == T0 + timedelta(hours=3)
    assert from_timestamp(citation.issued_at) == DECIDED
    assert (citation.location.latitude, citation.location.longitude) == (45.51, -73.6)
    assert list(citation.evidence_keys) == ["frames/d/f0.jpg", "frames/d/f1.jpg"]
    assert (citation.zone_id, citation.kind) == ("z-1", cases_pb2.OVERSTAY)


def test_a_corrected_plate_is_the_one_cited_and_recorded_in_the_decision():
    decision = DecisionInput("confirm", corrected_plate="ABC128")
    assert citation_event(CASE, decision, "alice", DECIDED, "cit-1").plate_text == "ABC128"
    outgoing, _ = decision_outputs(CASE, decision, "alice", DECIDED, "d-1", "cit-1")
    assert decisions_pb2.Decision.FromString(outgoing[0].value).corrected_plate == "ABC128"


def test_a_rejection_produces_only_a_decision_with_its_reason():
    outgoing, citation_id = decision_outputs(CASE, DecisionInput("reject", reason="moved"), "bob", DECIDED, "d-2", "cit-2")
    assert citation_id is None
    assert [o.topic for o in outgoing] == [DECISIONS.name]
    decision = decisions_pb2.Decision.FromString(outgoing[0].value)
    assert (decision.outcome, decision.reason, decision.corrected_plate) == (decisions_pb2.REJECTED, "moved", "")
