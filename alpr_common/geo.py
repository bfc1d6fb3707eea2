"""Geography: distances on the ground and GeoJSON polygons looked up by point."""
import json
import math
from dataclasses import dataclass
from pathlib import Path

from shapely.geometry import Point, shape
from shapely.strtree import STRtree

EARTH_RADIUS_M = 6_371_008.8


def distance_m(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in metres (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_M * math.asin(math.sqrt(a))


@dataclass(frozen=True)
class Feature:
    id: str
    properties: dict
    geometry: object


def load_features(path: Path) -> list[Feature]:
    """Features of a GeoJSON FeatureCollection; each needs an `id` (top level or in properties)."""
    collection = json.loads(Path(path).read_text())
    features = []
    for index, raw in enumerate(collection.get("features", [])):
        props = raw.get("properties") or {}
        feature_id = raw.get("id") or props.get("id")
        if not feature_id:
            raise ValueError(f"{path}: feature #{index} has no id")
        features.append(Feature(str(feature_id), props, shape(raw["geometry"])))
    return features


class PolygonIndex:
    """Which features contain a point, answered through an R-tree."""

    def __init__(self, features: list[Feature]):
        self.features = features
        self._tree = STRtree([f.geometry for f in features])

    def containing(self, lat: float, lon: float) -> list[Feature]:
        point = Point(lon, lat)
        return [self.features[i] for i in self._tree.query(point, predicate="intersects")]
