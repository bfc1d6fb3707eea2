import json

import pytest

from alpr_common.geo import PolygonIndex, distance_m, load_features
from alpr_common.topics import AUDIT, CATALOG, by_name


def test_catalog_names_are_unique_and_versioned():
    names = [t.name for t in CATALOG]
    assert len(names) == len(set(names))
    assert all(n.endswith((".v1", "-changelog")) for n in names)


def test_audit_topic_never_expires():
    assert AUDIT.config()["retention.ms"] == "-1"
    assert by_name("alpr.audit.v1") is AUDIT
    with pytest.raises(KeyError):
        by_name("alpr.unknown.v1")


def test_distance_of_one_degree_of_latitude():
    assert distance_m(40.0, -75.0, 41.0, -75.0) == pytest.approx(111_195, rel=1e-3)
    assert distance_m(40.0, -75.0, 40.0, -75.0) == 0


def test_polygon_index_finds_the_containing_feature(tmp_path):
    square = {"type": "Polygon", "coordinates": [[[-75, 40], [-74.99, 40], [-74.99, 40.01], [-75, 40.01], [-75, 40]]]}
    path = tmp_path / "zones.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"id": "Z1"}, "geometry": square}]}))
    index = PolygonIndex(load_features(path))
    assert [f.id for f in index.containing(40.005, -74.995)] == ["Z1"]
    assert index.containing(40.5, -74.995) == []


def test_feature_without_id_is_refused(tmp_path):
    path = tmp_path / "bad.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {}, "geometry": {"type": "Point", "coordinates": [0, 0]}}]}))
    with pytest.raises(ValueError, match="feature #0 has no id"):
        load_features(path)
