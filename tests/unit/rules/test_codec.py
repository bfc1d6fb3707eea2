from datetime import date

import pytest
from google.protobuf.message import DecodeError

from alpr_common.events import cases_pb2
from alpr_common.events.reads_pb2 import PlateRead
from alpr_common.timeutil import from_timestamp, to_timestamp
from services.rules import codec
from services.rules.violations import Violation, ViolationKind
from tests.unit.rules.builders import MONDAY_10AM, seen, timed_zone


def plate_read(**changes) -> PlateRead:
    fields = dict(read_id="r1", frame_id="f1", device_id="car-7", captured_at=to_timestamp(MONDAY_10AM),
                  location={"latitude": 48.005, "longitude": 2.005}, object_key="frames/car-7/f1.jpg",
                  plate_text="ab-123 cd", confidence=0.93, box={"x": 1, "y": 2, "width": 3, "height": 4})
    return PlateRead(**{**fields, **changes})


def test_a_read_becomes_a_sighting_with_a_normalized_plate_and_its_capture_time():
    s = codec.sighting_from_read(codec.read_from_bytes(plate_read().SerializeToString()))
    assert (s.plate, s.read_id, s.lat, s.lon, s.box) == ("AB123CD", "r1", 48.005, 2.005, (1, 2, 3, 4))
    assert s.captured_at == MONDAY_10AM and s.confidence == pytest.approx(0.93)


def test_undecodable_or_incomplete_reads_are_refused_with_a_reason():
    with pytest.raises(DecodeError, match="not a alpr"):
        codec.read_from_bytes(b"not a protobuf")
    incomplete = PlateRead(read_id="r1", plate_text=" ").SerializeToString()
    with pytest.raises(ValueError, match="without plate_text, captured_at, location"):
        codec.read_from_bytes(incomplete)


def test_case_event_carries_the_zone_rule_and_both_sightings_in_order():
    chalk, later = seen(), seen(minutes_later=126)
    zone = timed_zone()
    event = codec.case_event(Violation(ViolationKind.OVERSTAY, zone.id, date(2025, 3, 3), (chalk, later)), zone)
    assert event.kind == cases_pb2.OVERSTAY and event.zone_name == "Main Street"
    assert [s.read_id for s in event.sightings] == [chalk.read_id, later.read_id]
    assert from_timestamp(event.opened_at) == later.captured_at
    assert (event.limit_minutes, event.grace_minutes) == (120, 5)
    assert event.rule_summary == "2 h limit + 5 min grace, Mon-Sat 08:00-18:00"


def test_a_chalk_survives_the_round_trip_through_the_json_table():
    chalk = seen()
    assert codec.chalk_from_json(codec.chalk_to_json(chalk)) == chalk
