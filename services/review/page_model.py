"""What the case page shows, computed without I/O: elapsed time, a small map of the sightings, labels."""
from dataclasses import dataclass
from datetime import timedelta

from alpr_common.geo import distance_m
from services.review.models import Case, Sighting

REASON_LABELS = {"misread": "Plate misread", "valid_permit": "Valid permit", "not_parked": "Vehicle not parked",
                 "moved": "Vehicle moved", "plate_obstructed": "Plate obstructed", "other": "Other"}
SHORTCUTS = (("j", "next case"), ("k", "previous case"), ("e", "open the evidence"),
             ("c", "confirm (after opening the evidence)"), ("r", "reject: choose a reason"))
MAP_W, MAP_H, MAP_PAD = 260, 170, 24


@dataclass(frozen=True)
class MapPoint:
    n: int
    x: float
    y: float


def elapsed_text(delta: timedelta) -> str:
    """`2 h 05 min` style; the time between the first and last sighting."""
    minutes = int(delta.total_seconds() // 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes:02d} min" if hours else f"{minutes} min"


def elapsed(case: Case) -> timedelta:
    times = [s.captured_at for s in case.sightings]
    return max(times) - min(times)


def spread_m(case: Case) -> float:
    """The greatest distance between the first sighting and any other (a moved car shows here)."""
    first = case.sightings[0]
    return max((distance_m(first.latitude, first.longitude, s.latitude, s.longitude) for s in case.sightings), default=0.0)


def offsets_m(sightings: tuple[Sighting, ...]) -> list[tuple[float, float]]:
    """Each sighting's east and north offset in metres from the centre of them all."""
    lats, lons = [s.latitude for s in sightings], [s.longitude for s in sightings]
    mid_lat, mid_lon = (min(lats) + max(lats)) / 2, (min(lons) + max(lons)) / 2
    return [(distance_m(mid_lat, mid_lon, mid_lat, s.longitude) * (1 if s.longitude >= mid_lon else -1),
             distance_m(mid_lat, mid_lon, s.latitude, mid_lon) * (1 if s.latitude >= mid_lat else -1))
            for s in sightings]


def map_reach_m(sightings: tuple[Sighting, ...]) -> float:
    """The metres from the map's centre to its drawn edge: at least 5, so one spot is not blown up."""
    return max([5.0] + [abs(v) for xy in offsets_m(sightings) for v in xy])


def map_points(sightings: tuple[Sighting, ...]) -> list[MapPoint]:
    """Sightings placed on a MAP_W x MAP_H drawing, north up, equal scale on both axes, centred."""
    reach, scale = map_reach_m(sightings), min(MAP_W, MAP_H) / 2 - MAP_PAD
    return [MapPoint(s.n, round(MAP_W / 2 + dx / reach * scale, 1), round(MAP_H / 2 - dy / reach * scale, 1))
            for s, (dx, dy) in zip(sightings, offsets_m(sightings))]
