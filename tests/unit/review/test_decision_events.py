import os
from datetime import datetime, timedelta, timezone

import pytest

from alpr_common.crypto import CaseKey, SealBroken, from_proto, open_with
from alpr_common.events import cases_pb2, decisions_pb2
from alpr_common.timeutil import from_timestamp
from alpr_common.topics import CITATIONS, DECISIONS
from services.review.decision_events import Sealing, citation_event, decision_outputs, latest_sighting
from services.review.models import Case, DecisionInput, Sighting

T0 = datetime(2025, 3, 4, 12, 0, tzinfo=timezone.utc)
DECIDED = T0 + timedelta(hours=5)
KEY = CaseKey("c-1", os.urandom(32))
SEALING = Sealing(KEY, "ABC123")


def sighting(n: int, at: datetime, lat: float) -> Sighting:
    return Sighting(n=n, read_id=f"r{n}", frame_id=f"f{n}", object_key=f"frames/d/f{n}.jpg", captured_at=at,
                    latitude=lat, longitude=-73.6, confidence=0.8, box=(1, 2, 3, 4), sealed_plate=None,
                    evidence_key=f"cases/c-1/f{n}")


CASE = Case(case_id="c-1", zone_id="z-1", zone_name="Elm", kind="OVERSTAY",
            rule_summary="2h", limit_minutes=120, grace_minutes=10, opened_at=T0 + timedelta(hours=3),
            sightings=(sighting(0, T0 + timedelta(hours=3), 45.51), sighting(1, T0, 45.50)))


def opened(value, bound_to: str) -> str:
    return open_with(KEY, from_proto(value), bound_to.encode()).decode()


def test_the_latest_sighting_is_the_last_one_seen_not_the_last_listed():
    assert latest_sighting(CASE).n == 0


def test_a_confirmation_produces_a_decision_keyed_by_case_and_a_citation():
    out = decision_outputs(CASE, DecisionInput("confirm"), "alice", DECIDED, "d-1", "cit-1", SEALING)
    assert [(o.topic, o.key) for o in out.messages] == [(DECISIONS.name, b"c-1"), (CITATIONS.name, b"cit-1")]
    assert (out.citation_id, out.sealed_corrected_plate) == ("cit-1", None)
    decision = decisions_pb2.Decision.FromString(out.messages[0].value)
    assert (decision.decision_id, decision.case_id, decision.outcome, decision.officer) == ("d-1", "c-1", decisions_pb2.CONFIRMED, "alice")
    assert from_timestamp(decision.decided_at) == DECIDED
    assert (decision.zone_id, decision.kind) == ("z-1", cases_pb2.OVERSTAY)
    assert not decision.HasField("sealed_corrected_plate") and decision.corrected_plate == ""


def test_a_citation_seals_the_read_plate_to_its_id_and_names_the_latest_sighting_and_the_case_copies():
    citation = citation_event(CASE, DecisionInput("confirm"), SEALING, "alice", DECIDED, "cit-1")
    assert (citation.citation_id, citation.case_id, citation.officer, citation.plate_text) == ("cit-1", "c-1", "alice", "")
    assert citation.sealed_plate.key_id == "case:c-1" and opened(citation.sealed_plate, "cit-1") == "ABC123"
    assert b"ABC123" not in citation.SerializeToString()
    with pytest.raises(SealBroken):  # bound to its citation: a copy under another id does not open
        opened(citation.sealed_plate, "cit-2")
    assert from_timestamp(citation.violation_at) == T0 + timedelta(hours=3)
    assert from_timestamp(citation.issued_at) == DECIDED
    assert (citation.location.latitude, citation.location.longitude) == (45.51, -73.6)
    assert list(citation.evidence_keys) == ["cases/c-1/f0", "cases/c-1/f1"]
    assert (citation.zone_id, citation.kind) == ("z-1", cases_pb2.OVERSTAY)


def test_a_corrected_plate_is_the_one_cited_and_sealed_in_the_decision_to_its_id():
    out = decision_outputs(CASE, DecisionInput("confirm", corrected_plate="ABC128"), "alice", DECIDED, "d-1", "cit-1",
                           SEALING)
    decision, citation = decisions_pb2.Decision.FromString(out.messages[0].value), decisions_pb2.Citation.FromString(out.messages[1].value)
    assert opened(citation.sealed_plate, "cit-1") == "ABC128"
    assert decision.corrected_plate == "" and opened(decision.sealed_corrected_plate, "d-1") == "ABC128"
    assert from_proto(decision.sealed_corrected_plate) == out.sealed_corrected_plate  # what the database keeps
    assert b"ABC128" not in out.messages[0].value + out.messages[1].value


def test_a_rejection_produces_only_a_decision_with_its_reason_and_needs_no_key():
    out = decision_outputs(CASE, DecisionInput("reject", reason="moved"), "bob", DECIDED, "d-2", "cit-2")
    assert out.citation_id is None and [o.topic for o in out.messages] == [DECISIONS.name]
    decision = decisions_pb2.Decision.FromString(out.messages[0].value)
    assert (decision.outcome, decision.reason, decision.corrected_plate) == (decisions_pb2.REJECTED, "moved", "")


def test_a_confirmation_without_the_case_key_is_refused():
    with pytest.raises(ValueError, match="case key"):
        decision_outputs(CASE, DecisionInput("confirm"), "alice", DECIDED, "d-1", "cit-1")
