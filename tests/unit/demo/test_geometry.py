import json

from shapely.geometry import Point, shape

from alpr_common.geo import distance_m


def polygons(path):
    return {f["properties"]["id"]: shape(f["geometry"]) for f in json.loads(path.read_text())["features"]}


def metres_to_edge(polygon, lat, lon):
    nearest = polygon.exterior.interpolate(polygon.exterior.project(Point(lon, lat)))
    return distance_m(lat, lon, nearest.y, nearest.x)


def test_every_sighting_lies_well_inside_its_cars_zone_or_outside_all(scenario, sightings_by_plate):
    zones = polygons(scenario.zones_path)
    for car in scenario.cars:
        for _, meta in sightings_by_plate[car.plate]:
            lat, lon = meta["latitude"], meta["longitude"]
            inside = {zid for zid, poly in zones.items() if poly.contains(Point(lon, lat))}
            assert inside == ({car.zone_id} if car.zone_id else set()), car
            assert min(metres_to_edge(poly, lat, lon) for poly in zones.values()) >= 25, car


def test_moved_cars_moved_more_than_60_m_within_their_zone(scenario, sightings_by_plate):
    moved = [car for car in scenario.cars if car.kind == "moved"]
    assert moved
    for car in moved:
        seen = sightings_by_plate[car.plate]
        for _, first in (s for s in seen if s[0] == 0):
            for _, second in (s for s in seen if s[0] == 1):
                assert pass_distance(first, second) > 60


def test_cars_that_stay_are_seen_within_30_m_of_where_they_were(scenario, sightings_by_plate):
    for car in scenario.cars:
        if car.kind in ("overstay", "within_limit", "no_permit", "outside", "permit_holder"):
            seen = sightings_by_plate[car.plate]
            assert {index for index, _ in seen} == {0, 1}, car
            assert max(pass_distance(a, b) for _, a in seen for _, b in seen) < 15


def test_cars_seen_in_one_pass_only(scenario, sightings_by_plate):
    expected = {"left": {0}, "visitor": {0}, "arrived": {1}}
    for car in scenario.cars:
        if car.kind in expected:
            assert {index for index, _ in sightings_by_plate[car.plate]} == expected[car.kind]


def test_different_cars_are_at_least_40_m_apart(sightings_by_plate):
    frames = [(plate, meta) for plate, seen in sightings_by_plate.items() for _, meta in seen]
    for i, (plate_a, a) in enumerate(frames):
        for plate_b, b in frames[i + 1:]:
            if plate_a != plate_b:
                assert pass_distance(a, b) >= 40, (plate_a, plate_b)


def test_every_frame_lies_in_exactly_one_census_tract(scenario, sidecars):
    tracts = polygons(scenario.tracts_path)
    assert all(len(tid) == 11 and tid.isdigit() for tid in tracts)
    for _, _, meta in sidecars:
        point = Point(meta["longitude"], meta["latitude"])
        assert sum(poly.contains(point) for poly in tracts.values()) == 1


def test_zones_follow_the_shared_format(scenario):
    for feature in json.loads(scenario.zones_path.read_text())["features"]:
        props = feature["properties"]
        assert feature["geometry"]["type"] == "Polygon"
        assert props["kind"] in ("timed", "permit") and props["timezone"] == "America/New_York"
        assert props["schedule"] == {"days": ["mon", "tue", "wed", "thu", "fri", "sat", "sun"],
                                     "start": "08:00", "end": "20:00"}
        assert props["kind"] == "permit" or isinstance(props["limit_minutes"], int)


def pass_distance(a: dict, b: dict) -> float:
    return distance_m(a["latitude"], a["longitude"], b["latitude"], b["longitude"])
