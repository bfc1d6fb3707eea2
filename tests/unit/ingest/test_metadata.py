import json
from datetime import datetime, timedelta, timezone

import pytest

from services.ingest.metadata import parse_metadata
from services.ingest.rejection import FrameRejected

NOW = datetime(2024, 5, 1, 12, 0, tzinfo=timezone.utc)
MAX_AGE, MAX_FUTURE = timedelta(days=7), timedelta(minutes=5)


def metadata(**changes) -> dict:
    base = {"frame_id": "f-001", "device_id": "cam-1", "captured_at": "2024-05-01T13:59:00+02:00",
            "latitude": 47.3769, "longitude": 8.5417, "heading": 90.0, "camera": "left"}
    base.update(changes)
    return {k: v for k, v in base.items() if v is not ...}


def parse(value) -> object:
    raw = value if isinstance(value, (str, bytes)) else json.dumps(value)
    return parse_metadata(raw, NOW, MAX_AGE, MAX_FUTURE)


def rejection(value) -> FrameRejected:
    with pytest.raises(FrameRejected) as caught:
        parse(value)
    return caught.value


def test_valid_metadata_is_parsed_with_an_aware_time():
    m = parse(metadata())
    assert (m.frame_id, m.device_id, m.latitude, m.longitude, m.heading, m.camera) == ("f-001", "cam-1", 47.3769, 8.5417, 90.0, "left")
    assert m.captured_at == datetime(2024, 5, 1, 11, 59, tzinfo=timezone.utc)


def test_optional_fields_may_be_left_out_and_unknown_ones_are_ignored():
    m = parse(metadata(heading=..., camera=..., note="extra"))
    assert m.heading is None and m.camera is None


def test_a_z_suffix_counts_as_utc():
    assert parse(metadata(captured_at="2024-05-01T11:58:00Z")).captured_at.utcoffset() == timedelta(0)


@pytest.mark.parametrize("raw", ["{not json", "[1, 2]", "", b"\xff\xfe"])
def test_metadata_that_is_not_a_json_object_is_a_400(raw):
    r = rejection(raw)
    assert (r.status, r.code) == (400, "malformed_metadata") and r.detail.startswith("metadata:")


@pytest.mark.parametrize("field", ["frame_id", "device_id", "captured_at", "latitude", "longitude"])
def test_each_required_field_is_named_when_missing(field):
    r = rejection(metadata(**{field: ...}))
    assert (r.status, r.code, r.detail) == (422, "invalid_metadata", f"{field}: required")


@pytest.mark.parametrize("changes, field", [
    ({"frame_id": ""}, "frame_id"), ({"frame_id": "a/b"}, "frame_id"), ({"frame_id": "x" * 65}, "frame_id"),
    ({"device_id": "../etc"}, "device_id"), ({"latitude": 90.5}, "latitude"), ({"latitude": "47.1"}, "latitude"),
    ({"longitude": -180.01}, "longitude"), ({"heading": 361}, "heading"), ({"heading": -1}, "heading"),
    ({"latitude": True}, "latitude"), ({"camera": 7}, "camera"),
])
def test_out_of_range_or_mistyped_fields_are_named(changes, field):
    r = rejection(metadata(**changes))
    assert r.status == 422 and r.code == "invalid_metadata" and r.detail.startswith(f"{field}:")


def test_the_id_grammar_is_explained():
    assert "1-64 characters" in rejection(metadata(frame_id="a b")).detail


def test_edge_values_are_accepted():
    m = parse(metadata(frame_id="A.b_c-9" * 9 + "x", latitude=-90, longitude=180, heading=360))
    assert (len(m.frame_id), m.latitude, m.longitude, m.heading) == (64, -90, 180, 360)


@pytest.mark.parametrize("value", ["2024-05-01T11:59:00", "yesterday", "2024-13-01T00:00:00Z"])
def test_a_time_without_timezone_or_not_iso_is_refused(value):
    r = rejection(metadata(captured_at=value))
    assert r.code == "invalid_metadata" and r.detail.startswith("captured_at:")


def test_up_to_five_minutes_ahead_is_tolerated_but_not_more():
    assert parse(metadata(captured_at="2024-05-01T12:05:00Z")).captured_at == NOW + MAX_FUTURE
    r = rejection(metadata(captured_at="2024-05-01T12:05:01Z"))
    assert (r.status, r.code) == (422, "captured_at_in_future") and r.detail.startswith("captured_at:")


def test_older_than_the_maximum_age_is_refused():
    assert parse(metadata(captured_at="2024-04-24T12:00:00Z")).captured_at == NOW - MAX_AGE
    r = rejection(metadata(captured_at="2024-04-24T11:59:59Z"))
    assert (r.status, r.code) == (422, "captured_at_too_old") and r.detail.startswith("captured_at:")


def test_null_island_is_not_a_position():
    r = rejection(metadata(latitude=0, longitude=0.0))
    assert (r.status, r.code) == (422, "invalid_location") and "latitude/longitude" in r.detail
    assert parse(metadata(latitude=0, longitude=8.5)).latitude == 0
