"""Census tracts from the city's GeoJSON: names, areas, and a map shaded by count as inline SVG."""
import math
from dataclasses import dataclass
from html import escape
from pathlib import Path

from shapely.geometry import MultiPolygon, Polygon

from alpr_common.geo import load_features
from services.reporting.svg import HIDDEN_PATTERN

KM_PER_DEGREE = 111.32
SHADES = ("#f1eef6", "#bdc9e1", "#74a9cf", "#2b8cbe", "#045a8d")


@dataclass(frozen=True)
class Tract:
    id: str
    name: str
    geometry: object

    @property
    def area_km2(self) -> float:
        """Area on a local equirectangular projection: within a city, off by well under 1%."""
        lat = math.radians(self.geometry.centroid.y)
        return self.geometry.area * KM_PER_DEGREE ** 2 * math.cos(lat)


def load_tracts(path: Path | None) -> list[Tract]:
    if not path:
        return []
    return [Tract(f.id, str(f.properties.get("name") or f.id), f.geometry) for f in load_features(path)]


def shade(value: int | None, top: int) -> str:
    if value is None:
        return "url(#hidden)"
    if not value or not top:
        return "#ffffff"
    return SHADES[min(len(SHADES) - 1, int(len(SHADES) * value / (top + 1)))]


def tract_map(title: str, tracts: list[Tract], values: dict[str, int | None], width: int = 640) -> str:
    """Each tract filled by its count (hidden counts hatched), with its name and count as a tooltip."""
    if not tracts:
        return ""
    west, south, east, north = _bounds(tracts)
    aspect = math.cos(math.radians((north + south) / 2))
    scale = (width - 20) / max((east - west) * aspect, 1e-9)
    height = int((north - south) * scale) + 50

    def xy(lon: float, lat: float) -> str:
        return f"{10 + (lon - west) * aspect * scale:.1f},{40 + (north - lat) * scale:.1f}"

    top = max([v for v in values.values() if v] or [0])
    shapes = []
    for t in tracts:
        value = values.get(t.id, 0)
        label = f"{t.name} ({t.id}): {'suppressed' if value is None else f'{value:,}'}"
        path = " ".join("M" + " L".join(xy(x, y) for x, y in ring.coords) + " Z" for ring in _rings(t.geometry))
        shapes.append(f'<path d="{path}" fill-rule="evenodd" fill="{shade(value, top)}" stroke="#555" stroke-width="0.8">'
                      f'<title>{escape(label)}</title></path>')
    return (f'<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="{escape(title)}" width="{width}" '
            f'height="{height}" viewBox="0 0 {width} {height}" font-family="sans-serif" font-size="12">'
            f'<defs>{HIDDEN_PATTERN}</defs><text x="0" y="14" font-weight="bold">{escape(title)}</text>'
            f'<text x="0" y="30" fill="#555">darker: more (0 to {top:,}); hatched: suppressed</text>'
            f'{"".join(shapes)}</svg>')


def _rings(geometry) -> list:
    polygons = geometry.geoms if isinstance(geometry, MultiPolygon) else [geometry] if isinstance(geometry, Polygon) else []
    return [ring for p in polygons for ring in (p.exterior, *p.interiors)]


def _bounds(tracts: list[Tract]) -> tuple[float, float, float, float]:
    boxes = [t.geometry.bounds for t in tracts]
    return min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes)
