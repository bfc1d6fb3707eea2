import copy
import json

import pytest

from services.rules.zone_file import ZoneFileError
from services.rules.zones import load_zones, rule_summary

SQUARE = {"type": "Polygon", "coordinates": [[[2.0, 48.0], [2.01, 48.0], [2.01, 48.01], [2.0, 48.01], [2.0, 48.0]]]}
TIMED = {"type": "Feature", "geometry": SQUARE, "properties": {
    "id": "main-st", "name": "Main Street", "kind": "timed", "limit_minutes": 120, "grace_minutes": 5,
    "timezone": "Europe/Paris", "schedule": {"days": ["mon", "tue", "wed", "thu", "fri", "sat"], "start": "08:00", "end": "18:00"}}}
PERMIT = {"type": "Feature", "geometry": {**SQUARE, "coordinates": [[[x + 0.02, y] for x, y in SQUARE["coordinates"][0]]]},
          "properties": {**TIMED["properties"], "id": "res-a", "name": "Residential A", "kind": "permit",
                         "limit_minutes": None, "grace_minutes": 0}}


def write(tmp_path, *features):
    path = tmp_path / "zones.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": list(features)}))
    return path


def with_props(feature, **changes):
    changed = copy.deepcopy(feature)
    changed["properties"].update(changes)
    return changed


def test_a_valid_file_loads_every_zone_with_its_rules(tmp_path):
    index = load_zones(write(tmp_path, TIMED, PERMIT))
    main, residential = index.zones
    assert (main.id, main.kind, main.limit_minutes, main.grace_minutes) == ("main-st", "timed", 120, 5)
    assert (residential.kind, residential.limit_minutes) == ("permit", None)
    assert main.timezone.key == "Europe/Paris"
    assert rule_summary(main) == "2 h limit + 5 min grace, Mon-Sat 08:00-18:00"
    assert rule_summary(residential) == "permit required, Mon-Sat 08:00-18:00"


def test_zone_at_finds_the_polygon_containing_the_point(tmp_path):
    index = load_zones(write(tmp_path, TIMED, PERMIT))
    assert index.zone_at(48.005, 2.005).id == "main-st"
    assert index.zone_at(48.005, 2.025).id == "res-a"
    assert index.zone_at(48.5, 2.5) is None


def test_overlapping_zones_resolve_to_the_first_in_the_file(tmp_path):
    inner = with_props(TIMED, id="inner")
    assert load_zones(write(tmp_path, inner, TIMED)).zone_at(48.005, 2.005).id == "inner"


@pytest.mark.parametrize("change, field", [
    ({"kind": "meter"}, "kind"),
    ({"limit_minutes": None}, "limit_minutes"),  # a timed zone needs a limit
    ({"limit_minutes": 0}, "limit_minutes"),
    ({"limit_minutes": True}, "limit_minutes"),
    ({"grace_minutes": -1}, "grace_minutes"),
    ({"timezone": "Mars/Olympus"}, "timezone"),
    ({"name": ""}, "name"),
    ({"schedule": {"days": ["monday"], "start": "08:00", "end": "18:00"}}, "schedule.days"),
    ({"schedule": {"days": ["mon"], "start": "8am", "end": "18:00"}}, "schedule.start"),
    ({"schedule": {"days": ["mon"], "start": "08:00", "end": "25:00"}}, "schedule.end"),
    ({"schedule": "Mon-Fri"}, "schedule"),
])
def test_an_invalid_field_is_refused_naming_the_feature_and_the_field(tmp_path, change, field):
    with pytest.raises(ZoneFileError, match=rf"feature 'main-st' \(#1\): field '{field}'"):
        load_zones(write(tmp_path, PERMIT, with_props(TIMED, **change)))


def test_a_feature_without_id_is_named_by_its_position(tmp_path):
    anonymous = copy.deepcopy(TIMED)
    del anonymous["properties"]["id"]
    with pytest.raises(ZoneFileError, match=r"feature #0: field 'id'"):
        load_zones(write(tmp_path, anonymous))


def test_geometry_must_be_a_valid_polygon(tmp_path):
    point = {**TIMED, "geometry": {"type": "Point", "coordinates": [2.0, 48.0]}}
    bowtie = {**TIMED, "geometry": {"type": "Polygon", "coordinates": [[[0, 0], [1, 1], [1, 0], [0, 1], [0, 0]]]}}
    for feature in (point, bowtie):
        with pytest.raises(ZoneFileError, match="field 'geometry'"):
            load_zones(write(tmp_path, feature))


def test_duplicate_ids_missing_files_and_non_geojson_are_refused(tmp_path):
    with pytest.raises(ZoneFileError, match="more than once: main-st"):
        load_zones(write(tmp_path, TIMED, TIMED))
    with pytest.raises(ZoneFileError, match="does not exist"):
        load_zones(tmp_path / "nowhere.geojson")
    (tmp_path / "list.json").write_text("[]")
    with pytest.raises(ZoneFileError, match="FeatureCollection"):
        load_zones(tmp_path / "list.json")


def write_collection(tmp_path, features, **members):
    path = tmp_path / "zones.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features, **members}))
    return path


def test_holidays_come_from_the_city_list_and_the_zone_own_list(tmp_path):
    local = with_props(TIMED, holidays=["2025-07-14"])
    path = write_collection(tmp_path, [local, PERMIT], holidays=["2025-12-25", "2025-01-01"])
    main, residential = load_zones(path).zones
    assert {d.isoformat() for d in main.holidays} == {"2025-12-25", "2025-01-01", "2025-07-14"}
    assert {d.isoformat() for d in residential.holidays} == {"2025-12-25", "2025-01-01"}
    assert rule_summary(main) == "2 h limit + 5 min grace, Mon-Sat 08:00-18:00 except 3 holiday(s)"


@pytest.mark.parametrize("holidays, problem", [
    ("2025-12-25", "must be a list of dates"),
    (["2025-12-25", "25/12/2025"], "item #1 must be a date YYYY-MM-DD"),
    (["2025-02-30"], "item #0 must be a date"),
    ([20251225], "item #0 must be a date"),
])
def test_bad_holidays_are_refused_naming_the_feature_and_the_field(tmp_path, holidays, problem):
    with pytest.raises(ZoneFileError, match=rf"feature 'main-st' \(#0\): field 'holidays' {problem}"):
        load_zones(write(tmp_path, with_props(TIMED, holidays=holidays)))
    with pytest.raises(ZoneFileError, match=rf"the FeatureCollection's field 'holidays' {problem}"):
        load_zones(write_collection(tmp_path, [TIMED], holidays=holidays))
