from datetime import datetime, timezone

from alpr_common.events import cases_pb2
from alpr_common.events.common_pb2 import Box, GeoPoint
from services.review.intake import case_from_event, case_problem

AT = datetime(2025, 3, 4, 12, 0, tzinfo=timezone.utc)


def event(**overrides) -> cases_pb2.Case:
    fields = dict(case_id="c-1", plate_text="ABC123", zone_id="z", zone_name="Elm", kind=cases_pb2.NO_PERMIT,
                  opened_at=AT, rule_summary="permit zone", limit_minutes=0, grace_minutes=5,
                  sightings=[cases_pb2.Sighting(read_id="r", frame_id="f", object_key="frames/d/f.png", captured_at=AT,
                                                location=GeoPoint(latitude=1.5, longitude=2.5), plate_text="ABC123",
                                                confidence=0.75, box=Box(x=1, y=2, width=3, height=4))])
    return cases_pb2.Case(**{**fields, **overrides})


def test_a_case_event_becomes_a_case_with_numbered_sightings():
    case = case_from_event(event())
    assert (case.case_id, case.kind, case.status, case.opened_at) == ("c-1", "NO_PERMIT", "open", AT)
    (sighting,) = case.sightings
    assert (sighting.n, sighting.object_key, sighting.captured_at) == (0, "frames/d/f.png", AT)
    assert (sighting.latitude, sighting.longitude, sighting.box) == (1.5, 2.5, (1, 2, 3, 4))


def test_a_reviewable_case_has_an_id_sightings_and_a_kind():
    assert case_problem(event()) is None
    assert case_problem(event(case_id="")) == "case without case_id"
    assert "without sightings" in case_problem(event(sightings=[]))
    assert "violation kind" in case_problem(event(kind=cases_pb2.VIOLATION_KIND_UNSPECIFIED))
