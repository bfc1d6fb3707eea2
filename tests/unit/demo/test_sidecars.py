from datetime import datetime

import cv2

FIELDS = {"frame_id", "device_id", "captured_at", "latitude", "longitude", "heading", "camera"}


def test_every_image_has_a_complete_sidecar(sidecars):
    assert len(sidecars) > 40
    for _, image, meta in sidecars:
        assert image.exists()
        assert set(meta) == FIELDS
        assert meta["device_id"] == "demo-car-1" and meta["camera"] == "left"
        assert isinstance(meta["latitude"], float) and isinstance(meta["longitude"], float)
        assert 0 <= meta["heading"] < 360


def test_capture_times_carry_an_offset_and_fall_inside_their_pass(scenario, sidecars):
    for index, _, meta in sidecars:
        at = datetime.fromisoformat(meta["captured_at"])
        assert at.utcoffset() is not None
        start, end = scenario.pass_times[index]
        assert start <= at <= end


def test_frame_ids_are_unique_and_match_the_truth(scenario, sidecars):
    ids = [meta["frame_id"] for _, _, meta in sidecars]
    assert len(ids) == len(set(ids))
    assert set(ids) == set(scenario.frame_truth)


def test_images_are_960_by_540_jpegs(sidecars):
    for _, image, _ in sidecars[:5]:
        assert image.read_bytes()[:2] == b"\xff\xd8"
        assert cv2.imread(str(image)).shape == (540, 960, 3)


def test_each_pass_has_one_or_two_empty_frames(scenario, sidecars):
    for index in range(len(scenario.pass_dirs)):
        empty = [m for i, _, m in sidecars if i == index and not scenario.frame_truth[m["frame_id"]]]
        assert 1 <= len(empty) <= 2


def test_a_car_is_photographed_once_or_twice_per_pass_two_seconds_apart(sightings_by_plate):
    for plate, seen in sightings_by_plate.items():
        for index in {i for i, _ in seen}:
            times = sorted(datetime.fromisoformat(m["captured_at"]) for i, m in seen if i == index)
            assert 1 <= len(times) <= 2, plate
            if len(times) == 2:
                assert (times[1] - times[0]).total_seconds() == 2


def test_second_pass_starts_150_minutes_after_the_first_and_each_takes_about_ten(scenario):
    (start1, end1), (start2, end2) = scenario.pass_times
    assert (start2 - start1).total_seconds() == 150 * 60
    assert 8 * 60 <= (end1 - start1).total_seconds() <= 12 * 60
