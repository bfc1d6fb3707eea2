from datetime import date, datetime, timedelta, timezone

import pytest
from google.protobuf.message import DecodeError

from alpr_common.crypto import EpochSchedule, epochs_at, to_proto, token
from alpr_common.events import cases_pb2
from alpr_common.events.reads_pb2 import PlateRead, TokenedRead
from alpr_common.timeutil import from_timestamp, to_timestamp
from services.rules import codec
from services.rules.violations import Violation, ViolationKind
from tests.unit.rules.builders import epoch_keys, plate_of, sealed, seen, timed_zone

SCHEDULE = EpochSchedule(24, 6)  # epochs start every 18 h from 1970-01-01T00:00Z
ALONE = datetime(2025, 3, 3, 15, tzinfo=timezone.utc)  # only in epoch 20250303T0600Z-24h
OVERLAP = datetime(2025, 3, 4, 1, tzinfo=timezone.utc)  # in 20250304T0000Z-24h and 20250303T0600Z-24h
NEWER, OLDER = epoch_keys("20250304T0000Z-24h"), epoch_keys("20250303T0600Z-24h")


def plate_read(at: datetime = ALONE, plate: str = "AB123CD", **changes) -> PlateRead:
    """A read as ocr writes it: tokens under every epoch containing `at`, the text sealed under the newest."""
    newest, *older = [epoch_keys(e.epoch_id) for e in epochs_at(SCHEDULE, at)]
    fields = dict(read_id="r1", frame_id="f1", device_id="car-7", captured_at=to_timestamp(at),
                  location={"latitude": 48.005, "longitude": 2.005}, object_key="frames/car-7/f1.jpg",
                  confidence=0.93, box={"x": 1, "y": 2, "width": 3, "height": 4}, image_key_id=newest.key_id,
                  plate_token=token(newest, plate), overlap_plate_token=token(older[0], plate) if older else b"",
                  sealed_plate=to_proto(sealed(plate, "r1", newest)))
    return PlateRead(**{**fields, **changes})


def copies(read: PlateRead) -> list[TokenedRead]:
    return codec.tokened_reads(codec.read_from_bytes(read.SerializeToString()), SCHEDULE)


def test_a_read_outside_an_overlap_is_one_copy_that_may_open_cases():
    copy, = copies(plate_read())
    assert (copy.token, copy.epoch_id, copy.may_open_case) == (token(OLDER, "AB123CD"), "20250303T0600Z-24h", True)


def test_a_read_in_an_overlap_is_one_copy_per_epoch_and_only_the_older_epoch_opens_cases():
    newer, older = copies(plate_read(OVERLAP))
    assert (newer.token, newer.epoch_id, newer.may_open_case) == (token(NEWER, "AB123CD"), NEWER.epoch_id, False)
    assert (older.token, older.epoch_id, older.may_open_case) == (token(OLDER, "AB123CD"), OLDER.epoch_id, True)
    assert newer.read == older.read and newer.read.plate_text == ""


def test_in_an_overlap_without_the_older_token_the_one_copy_opens_cases():
    copy, = copies(plate_read(OVERLAP, overlap_plate_token=b""))  # the older epoch's keys were gone
    assert copy.epoch_id == NEWER.epoch_id and copy.may_open_case


def test_a_copy_becomes_a_sighting_with_its_token_sealed_plate_and_capture_time():
    s = codec.sighting_from_copy(copies(plate_read())[0])
    assert (s.token, s.read_id, s.lat, s.lon, s.box) == (token(OLDER, "AB123CD"), "r1", 48.005, 2.005, (1, 2, 3, 4))
    assert s.captured_at == ALONE and s.confidence == pytest.approx(0.93)
    assert plate_of(s, OLDER) == "AB123CD" and s.image_key_id == "epoch:20250303T0600Z-24h"


def test_undecodable_or_incomplete_reads_are_refused_with_a_reason():
    with pytest.raises(DecodeError, match="not a alpr"):
        codec.read_from_bytes(b"not a protobuf")
    incomplete = PlateRead(read_id="r1", plate_text="AB123CD").SerializeToString()
    with pytest.raises(ValueError, match="without plate_token, sealed_plate, captured_at, location"):
        codec.read_from_bytes(incomplete)
    with pytest.raises(ValueError, match="PlateRead without plate_token$"):
        codec.read_from_bytes(plate_read(plate_token=b"").SerializeToString())


def test_a_read_sealed_under_another_epoch_than_its_capture_time_is_refused():
    misplaced = plate_read(ALONE + timedelta(days=2))
    misplaced.sealed_plate.key_id = "epoch:20250303T0600Z-24h"
    with pytest.raises(ValueError, match="same ALPR_EPOCH_HOURS"):
        copies(misplaced)
    with pytest.raises(ValueError, match="in no overlap"):
        copies(plate_read(overlap_plate_token=b"\x01" * 32))


def test_plate_text_never_gets_past_the_edge():
    assert codec.read_from_bytes(plate_read(plate_text="AB123CD").SerializeToString()).plate_text == ""
    scrubbed = PlateRead.FromString(codec.without_plate_text(plate_read(plate_text="AB123CD").SerializeToString()))
    assert scrubbed.plate_text == "" and scrubbed.read_id == "r1"
    assert codec.without_plate_text(b"not a protobuf") == b"not a protobuf"


def test_case_event_carries_the_token_the_rule_and_both_sightings_sealed_in_order():
    chalk, later = seen(), seen(minutes_later=126)
    zone = timed_zone()
    event = codec.case_event(Violation(ViolationKind.OVERSTAY, zone.id, date(2025, 3, 3), (chalk, later)), zone)
    assert event.kind == cases_pb2.OVERSTAY and event.zone_name == "Main Street"
    assert event.plate_text == "" and event.plate_token == chalk.token
    assert [s.read_id for s in event.sightings] == [chalk.read_id, later.read_id]
    assert [s.sealed_plate.ciphertext for s in event.sightings] == [x.sealed_plate.ciphertext for x in (chalk, later)]
    assert {s.image_key_id for s in event.sightings} == {chalk.image_key_id}
    assert all(not s.plate_text for s in event.sightings)
    assert from_timestamp(event.opened_at) == later.captured_at
    assert (event.limit_minutes, event.grace_minutes) == (120, 5)
    assert event.rule_summary == "2 h limit + 5 min grace, Mon-Sat 08:00-18:00"


def test_a_chalk_survives_the_round_trip_through_the_json_table():
    chalk = seen()
    table = codec.ChalkTable({})
    table["k"] = chalk
    assert table.get("k") == chalk and "AB123CD" not in str(table.table["k"])
    del table["k"]
    assert table.get("k") is None
