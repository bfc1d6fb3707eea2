"""Which census tract and which zone a point lies in, from GeoJSON files loaded once."""
from pathlib import Path

from alpr_common.geo import PolygonIndex, load_features

OUTSIDE = "outside"  # the point lies in no polygon of the file
UNKNOWN = "unknown"  # no file configured, or the event has no location


class Places:
    def __init__(self, tracts: PolygonIndex | None = None, zones: PolygonIndex | None = None):
        self.tracts, self.zones = tracts, zones

    def tract(self, lat: float | None, lon: float | None) -> str:
        return _lookup(self.tracts, lat, lon)

    def zone(self, lat: float | None, lon: float | None) -> str:
        return _lookup(self.zones, lat, lon)


def _lookup(index: PolygonIndex | None, lat: float | None, lon: float | None) -> str:
    if index is None or lat is None or lon is None:
        return UNKNOWN
    ids = sorted(f.id for f in index.containing(lat, lon))
    return ids[0] if ids else OUTSIDE


def load_places(tracts_path: Path | None, zones_path: Path | None) -> Places:
    return Places(_index(tracts_path), _index(zones_path))


def _index(path: Path | None) -> PolygonIndex | None:
    return PolygonIndex(load_features(path)) if path else None


def tract_names(tracts_path: Path | None) -> dict[str, str]:
    """GEOID -> name, for the report; the two special places get a readable label."""
    names = {OUTSIDE: "Outside every census tract", UNKNOWN: "Location unknown (no tract file)"}
    if tracts_path:
        names.update({f.id: str(f.properties.get("name") or f.id) for f in load_features(tracts_path)})
    return names
