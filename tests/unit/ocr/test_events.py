import os
from datetime import datetime, timezone

from alpr_common.crypto import EpochKeys, open_with, from_proto, token

from alpr_common.events.common_pb2 import GeoPoint
from alpr_common.events.frames_pb2 import Frame
from alpr_common.events.reads_pb2 import FrameRead, PlateRead
from alpr_common.timeutil import to_timestamp
from services.ocr.events import frame_outputs, read_id
from services.ocr.observations import Observation, alone
from services.ocr.reader import PlateResult

FRAME = Frame(frame_id="f-1", device_id="car-7", captured_at=to_timestamp(datetime(2025, 3, 1, 9, tzinfo=timezone.utc)),
              location=GeoPoint(latitude=40.1, longitude=-75.2), camera="rear", object_key="frames/car-7/f-1.jpg")
PLATE = alone(FRAME, PlateResult("ABC123", 0.9, [0.9] * 6, (10, 20, 150, 40)))
NEWER = EpochKeys("20250301T0000Z-24h", os.urandom(32), os.urandom(32))
OLDER = EpochKeys("20250228T0600Z-24h", os.urandom(32), os.urandom(32))


def test_read_ids_are_deterministic_per_frame_and_box():
    assert read_id("f-1", (10, 20, 150, 40)) == read_id("f-1", (10, 20, 150, 40))
    assert read_id("f-1", (10, 20, 150, 40)) != read_id("f-1", (11, 20, 150, 40))
    assert read_id("f-1", (10, 20, 150, 40)) != read_id("f-2", (10, 20, 150, 40))


def test_one_plate_read_per_plate_keyed_by_its_token_and_one_frame_read():
    out = frame_outputs(FRAME, [PLATE], "ppocrv4-det+rec@abc", [NEWER])
    assert [(o.topic, o.key) for o in out] == [("alpr.reads.v1", token(NEWER, "ABC123").hex().encode()),
                                               ("alpr.frame-reads.v1", b"car-7")]
    read = PlateRead.FromString(out[0].value)
    assert (read.frame_id, read.device_id, read.camera, read.object_key) == ("f-1", "car-7", "rear", FRAME.object_key)
    assert read.captured_at == FRAME.captured_at and read.location == FRAME.location
    assert (read.box.x, read.box.y, read.box.width, read.box.height) == (10, 20, 150, 40)
    assert read.read_id == read_id("f-1", (10, 20, 150, 40)) and read.model_version == "ppocrv4-det+rec@abc"
    assert FrameRead.FromString(out[1].value).plates_found == 1
    assert read.overlap_plate_token == b""
    assert (read.sighting_id, read.fused_from) == (read.read_id, 1)  # a read that stood alone


def test_a_fused_read_carries_its_sightings_plate_and_first_read():
    fused = Observation(PlateResult("ABC123", 0.97, [0.99] * 3 + [0.98] * 3, (12, 22, 150, 40)),
                        first_read=("f-0", (30, 20, 150, 40)), fused_from=3)
    read = PlateRead.FromString(frame_outputs(FRAME, [fused], "v", [NEWER])[0].value)
    assert read.read_id == read_id("f-1", (12, 22, 150, 40))
    assert (read.sighting_id, read.fused_from) == (read_id("f-0", (30, 20, 150, 40)), 3)
    assert read.plate_token == token(NEWER, "ABC123") and round(read.confidence, 2) == 0.97


def test_the_plate_leaves_only_as_tokens_and_a_sealed_value():
    [out, _] = frame_outputs(FRAME, [PLATE], "v", [NEWER, OLDER])
    read = PlateRead.FromString(out.value)
    assert read.plate_text == "" and b"ABC123" not in out.value and b"A8C123" not in out.value
    assert read.plate_token == token(NEWER, "ABC123") and read.overlap_plate_token == token(OLDER, "ABC123")
    assert read.sealed_plate.key_id == NEWER.key_id
    assert open_with(NEWER, from_proto(read.sealed_plate), read.read_id.encode()) == b"ABC123"


def test_a_frame_without_plates_still_gets_its_frame_read():
    (only,) = frame_outputs(FRAME, [], "v", [])
    done = FrameRead.FromString(only.value)
    assert only.topic == "alpr.frame-reads.v1" and done.plates_found == 0 and done.frame_id == "f-1"
