from datetime import datetime, timedelta, timezone

import pytest

from alpr_common.events.common_pb2 import GeoPoint
from alpr_common.events.frames_pb2 import Frame
from alpr_common.timeutil import to_timestamp
from services.ocr.fusion import FusionLimits
from services.ocr.observations import MAX_REMEMBERED, SightingMemory, Seen, as_read, still_recent
from services.ocr.reader import PlateResult

START = datetime(2025, 3, 1, 9, tzinfo=timezone.utc)
LIMITS = FusionLimits(window_s=4.0, max_apart_m=30.0)


def frame(name: str, seconds: float, device: str = "car-7", north_m: float = 0.0) -> Frame:
    return Frame(frame_id=name, device_id=device, camera="left", captured_at=to_timestamp(START + timedelta(seconds=seconds)),
                 location=GeoPoint(latitude=40.0 + north_m / 111_195, longitude=-75.0))


def plate(text: str, confidence: float, box=(100, 200, 150, 40)) -> PlateResult:
    return PlateResult(text, confidence ** len(text), [confidence] * len(text), box)


def test_reads_of_one_car_in_consecutive_frames_share_the_fused_plate():
    frames = [frame("f1", 0), frame("f2", 2, north_m=6), frame("f3", 4, north_m=12)]
    plates = [[plate("ABC123", 0.8, (300, 200, 150, 40))], [plate("A8C123", 0.85, (200, 205, 150, 40))],
              [plate("ABC123", 0.8, (100, 210, 150, 40))]]
    observed = SightingMemory(LIMITS).observe(frames, plates)
    assert [len(found) for found in observed] == [1, 1, 1]
    for (o,), (p,) in zip(observed, plates):
        assert o.plate.text == "ABC123" and o.fused_from == 3
        assert o.plate.box == p.box  # each read keeps its own box
        assert o.first_read == ("f1", (300, 200, 150, 40))
        assert o.plate.confidence > plates[0][0].confidence  # agreement raised it
    assert len({(o.plate.text, tuple(o.plate.char_confidences), o.plate.confidence) for (o,) in observed}) == 1


def test_without_limits_every_read_stands_alone():
    frames = [frame("f1", 0), frame("f2", 2)]
    plates = [[plate("ABC123", 0.8)], [plate("A8C123", 0.85)]]
    observed = SightingMemory(None).observe(frames, plates)
    assert [[(o.plate, o.first_read, o.fused_from) for o in found] for found in observed] == [
        [(plates[0][0], ("f1", plates[0][0].box), 1)], [(plates[1][0], ("f2", plates[1][0].box), 1)]]


def test_other_cars_other_devices_and_frames_far_apart_are_not_fused():
    frames = [frame("f1", 0), frame("f2", 2, device="car-9"), frame("f3", 30), frame("f4", 32, north_m=200)]
    plates = [[plate("ABC123", 0.9), plate("XYZ987", 0.9, (600, 200, 150, 40))], [plate("ABC123", 0.9)],
              [plate("ABC123", 0.9)], [plate("ABC123", 0.9)]]
    observed = SightingMemory(LIMITS).observe(frames, plates)
    assert [[o.fused_from for o in found] for found in observed] == [[1, 1], [1], [1], [1]]
    assert [[o.plate.text for o in found] for found in observed] == [["ABC123", "XYZ987"], ["ABC123"], ["ABC123"], ["ABC123"]]


def test_frames_without_plates_keep_their_place():
    frames = [frame("f1", 0), frame("f2", 1), frame("f3", 2)]
    observed = SightingMemory(LIMITS).observe(frames, [[plate("ABC123", 0.9)], [], [plate("ABC123", 0.9)]])
    assert [[o.fused_from for o in found] for found in observed] == [[2], [], [2]]


def test_a_sighting_whose_frames_arrive_in_separate_batches_is_fused():
    memory = SightingMemory(LIMITS)
    first_box = (300, 200, 150, 40)
    ((first,),) = memory.observe([frame("f1", 0)], [[plate("ABC123", 0.8, first_box)]])
    assert (first.fused_from, first.first_read) == (1, ("f1", first_box))
    ((second,),) = memory.observe([frame("f2", 2, north_m=6)], [[plate("A8C123", 0.85)]])
    ((third,),) = memory.observe([frame("f3", 4, north_m=12)], [[plate("ABC123", 0.8)]])
    assert (second.fused_from, second.first_read) == (2, ("f1", first_box))
    assert (third.plate.text, third.fused_from, third.first_read) == ("ABC123", 3, ("f1", first_box))


def test_a_replayed_batch_is_not_fused_with_what_it_emitted_before():
    memory = SightingMemory(LIMITS)
    batch = ([frame("f1", 0), frame("f2", 2)], [[plate("ABC123", 0.9)], [plate("ABC123", 0.9)]])
    once = memory.observe(*batch)
    again = memory.observe(*batch)
    assert [[o.fused_from for o in found] for found in again] == [[2], [2]] == [[o.fused_from for o in found] for found in once]


def test_the_memory_keeps_only_the_last_window_of_each_camera():
    seen = [Seen(as_read(frame(name, t, device=d), plate("ABC123", 0.9)), (0, 0, 1, 1))
            for name, t, d in [("a", 0, "car-7"), ("b", 3, "car-7"), ("c", 9, "car-7"), ("d", 1, "car-9")]]
    assert [s.read.frame_id for s in still_recent(seen, window_s=4.0)] == ["d", "c"]
    many = [Seen(as_read(frame(f"f{i}", i * 0.001), plate("ABC123", 0.9)), (0, 0, 1, 1)) for i in range(MAX_REMEMBERED + 5)]
    assert len(still_recent(many, window_s=60.0)) == MAX_REMEMBERED


def test_a_lone_read_keeps_the_confidence_the_reader_gave_it():
    doubted = PlateResult("AAAC", 0.99 ** 4 * 0.6, [0.99] * 4, (100, 200, 150, 40), marks_clear=0.6)
    ((observation,),) = SightingMemory(LIMITS).observe([frame("f1", 0)], [[doubted]])
    assert observation.plate.confidence == pytest.approx(doubted.confidence)
