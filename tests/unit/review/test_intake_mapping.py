from datetime import datetime, timezone

from alpr_common.crypto import Sealed
from alpr_common.events import cases_pb2
from alpr_common.events.common_pb2 import Box, GeoPoint, SealedValue
from services.review.intake import case_from_event, case_problem

AT = datetime(2025, 3, 4, 12, 0, tzinfo=timezone.utc)
SEALED = SealedValue(key_id="epoch:20250304T0000Z-24h", nonce=b"n" * 12, ciphertext=b"c" * 22)


def sighting(**overrides) -> cases_pb2.Sighting:
    fields = dict(read_id="r", frame_id="f", object_key="frames/d/f.png", captured_at=AT,
                  location=GeoPoint(latitude=1.5, longitude=2.5), sealed_plate=SEALED, image_key_id=SEALED.key_id,
                  confidence=0.75, box=Box(x=1, y=2, width=3, height=4))
    return cases_pb2.Sighting(**{**fields, **overrides})


def event(**overrides) -> cases_pb2.Case:
    fields = dict(case_id="c-1", zone_id="z", zone_name="Elm", kind=cases_pb2.NO_PERMIT, opened_at=AT,
                  rule_summary="permit zone", limit_minutes=0, grace_minutes=5, sightings=[sighting()])
    return cases_pb2.Case(**{**fields, **overrides})


def test_a_case_event_becomes_a_case_with_numbered_sightings_and_their_plates_still_sealed():
    case = case_from_event(event())
    assert (case.case_id, case.kind, case.status, case.opened_at) == ("c-1", "NO_PERMIT", "open", AT)
    (s,) = case.sightings
    assert (s.n, s.object_key, s.captured_at, s.read_id) == (0, "frames/d/f.png", AT, "r")
    assert (s.latitude, s.longitude, s.box) == (1.5, 2.5, (1, 2, 3, 4))
    assert s.sealed_plate == Sealed(SEALED.key_id, SEALED.nonce, SEALED.ciphertext)
    assert s.evidence_key is None  # review's own copy exists only once admitted


def test_a_reviewable_case_has_an_id_sightings_a_kind_and_sealed_plates():
    assert case_problem(event()) is None
    assert case_problem(event(case_id="")) == "case without case_id"
    assert "without sightings" in case_problem(event(sightings=[]))
    assert "violation kind" in case_problem(event(kind=cases_pb2.VIOLATION_KIND_UNSPECIFIED))
    in_clear = event(sightings=[sighting(), sighting(sealed_plate=None, plate_text="ABC123")])
    assert "without sealed_plate" in case_problem(in_clear)
