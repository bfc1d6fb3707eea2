"""The demo city's local frame: metres east (x) and north (y) of a fixed origin, to degrees."""
import math

ORIGIN_LAT, ORIGIN_LON = 40.0, -75.0
EARTH_RADIUS_M = 6_371_008.8


def to_latlon(x: float, y: float) -> tuple[float, float]:
    """Latitude and longitude of the point `x` m east and `y` m north of the origin."""
    lat = ORIGIN_LAT + math.degrees(y / EARTH_RADIUS_M)
    lon = ORIGIN_LON + math.degrees(x / (EARTH_RADIUS_M * math.cos(math.radians(ORIGIN_LAT))))
    return lat, lon


def ring(corners: list[tuple[float, float]]) -> list[list[float]]:
    """A closed GeoJSON ring ([lon, lat] pairs) through corners given in metres."""
    points = [[round(lon, 7), round(lat, 7)] for lat, lon in (to_latlon(x, y) for x, y in corners)]
    return points + [points[0]]


def rectangle(x0: float, y0: float, x1: float, y1: float) -> list[list[float]]:
    return ring([(x0, y0), (x1, y0), (x1, y1), (x0, y1)])
