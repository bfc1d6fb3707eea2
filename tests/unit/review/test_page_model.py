from datetime import datetime, timedelta, timezone

import pytest

from services.review import page_model
from services.review.models import Case, Sighting

T0 = datetime(2025, 3, 4, 12, 0, tzinfo=timezone.utc)


def sighting(n, minutes, lat, lon=-73.6):
    return Sighting(n=n, read_id="r", frame_id="f", object_key="k", captured_at=T0 + timedelta(minutes=minutes),
                    latitude=lat, longitude=lon, confidence=0.9, box=(0, 0, 1, 1), sealed_plate=None)


def case(*sightings):
    return Case(case_id="c", zone_id="z", zone_name="Elm", kind="OVERSTAY", rule_summary="2h",
                limit_minutes=120, grace_minutes=10, opened_at=T0, sightings=sightings)


@pytest.mark.parametrize("minutes, text", [(0, "0 min"), (45, "45 min"), (125, "2 h 05 min"), (600, "10 h 00 min")])
def test_elapsed_time_reads_in_hours_and_minutes(minutes, text):
    assert page_model.elapsed_text(timedelta(minutes=minutes)) == text


def test_elapsed_and_spread_come_from_the_first_and_furthest_sightings():
    c = case(sighting(0, 0, 45.5), sighting(1, 190, 45.5001))
    assert page_model.elapsed(c) == timedelta(minutes=190)
    assert page_model.spread_m(c) == pytest.approx(11.1, abs=0.2)


def test_the_map_puts_north_up_east_right_and_keeps_points_inside():
    points = page_model.map_points((sighting(0, 0, 45.5, -73.6), sighting(1, 1, 45.5002, -73.5998)))
    first, second = points
    assert second.y < first.y and second.x > first.x  # north is up, east is right
    for p in points:
        assert page_model.MAP_PAD <= p.x <= page_model.MAP_W - page_model.MAP_PAD
        assert page_model.MAP_PAD <= p.y <= page_model.MAP_H - page_model.MAP_PAD


def test_one_spot_stays_in_the_centre_and_the_scale_never_shrinks_below_5_m():
    same = (sighting(0, 0, 45.5), sighting(1, 1, 45.5))
    assert {(p.x, p.y) for p in page_model.map_points(same)} == {(page_model.MAP_W / 2, page_model.MAP_H / 2)}
    assert page_model.map_reach_m(same) == 5.0
