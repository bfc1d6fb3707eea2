"""The reference rules that decide which cases the demo expects, on hand-made sightings."""
from datetime import date, timedelta

from alpr_cli.demo.city import Permit, zones_geojson
from alpr_cli.demo.coords import to_latlon
from alpr_cli.demo.expected import ExpectedCase, Sighting, expected_cases

from tests.unit.demo.conftest import BASE_TIME

MAIN_1H = (800.0, 0.0)  # metres east/north of the origin, inside "main-1h" (60 + 5 minutes)
RES_A = (800.0, 400.0)  # inside "res-a" (permit zone, no visitor parking)
NOWHERE = (0.0, 200.0)  # Pine St, outside every zone


def seen(plate, where, minutes, east_offset=0.0):
    lat, lon = to_latlon(where[0] + east_offset, where[1])
    return Sighting(plate, BASE_TIME + timedelta(minutes=minutes), lat, lon)


def cases(*sightings, permits=()):
    return expected_cases(list(sightings), zones_geojson(), list(permits))


def test_overstay_needs_more_than_limit_plus_grace():
    assert cases(seen("ABC234", MAIN_1H, 0), seen("ABC234", MAIN_1H, 65)) == []
    assert cases(seen("ABC234", MAIN_1H, 0), seen("ABC234", MAIN_1H, 66)) == [
        ExpectedCase("ABC234", "main-1h", "OVERSTAY")]


def test_two_photos_seconds_apart_never_count():
    assert cases(seen("ABC234", MAIN_1H, 0), seen("ABC234", MAIN_1H, 2 / 60, east_offset=6)) == []


def test_a_car_that_moved_is_chalked_anew():
    assert cases(seen("ABC234", MAIN_1H, 0), seen("ABC234", MAIN_1H, 150, east_offset=100)) == []
    assert cases(seen("ABC234", MAIN_1H, 0), seen("ABC234", MAIN_1H, 150, east_offset=100),
                 seen("ABC234", MAIN_1H, 300, east_offset=100)) == [ExpectedCase("ABC234", "main-1h", "OVERSTAY")]


def test_no_permit_opens_one_case_per_plate_zone_and_day():
    assert cases(seen("XYZ789", RES_A, 0), seen("XYZ789", RES_A, 150)) == [
        ExpectedCase("XYZ789", "res-a", "NO_PERMIT")]


def test_a_valid_permit_for_the_zone_spares_the_car_and_others_do_not():
    day = BASE_TIME.date()
    valid = Permit("XYZ789", ("res-a",), day, day)
    assert cases(seen("XYZ789", RES_A, 0), permits=[valid]) == []
    lapsed = Permit("XYZ789", ("res-a",), day - timedelta(days=9), day - timedelta(days=1))
    elsewhere = Permit("XYZ789", ("res-b",), date(2000, 1, 1), date(2100, 1, 1))
    for permit in (lapsed, elsewhere):
        assert cases(seen("XYZ789", RES_A, 0), permits=[permit]) == [ExpectedCase("XYZ789", "res-a", "NO_PERMIT")]


def test_nothing_counts_outside_zones_or_enforced_hours():
    assert cases(seen("ABC234", NOWHERE, 0), seen("ABC234", NOWHERE, 300)) == []
    night = 12 * 60  # 21:00 local
    assert cases(seen("XYZ789", RES_A, night), seen("ABC234", MAIN_1H, night), seen("ABC234", MAIN_1H, night + 90)) == []
