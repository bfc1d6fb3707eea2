"""Who is parked where: the demo's cars, each of a kind that exercises one rule, and their permits."""
import random
from dataclasses import dataclass
from datetime import date, timedelta

from alpr_cli.demo.city import OUTSIDE_STRETCH, STREETS, ZONES, Permit
from alpr_cli.demo.plates import unique_plates

SLOT_SPACING_M = 50.0
EDGE_MARGIN_M = 35.0
MOVED_AT_LEAST_M = 100.0

# (kind, zone): the first 13 show every rule once; the cycle repeats for larger scenarios.
KIND_CYCLE = (
    ("overstay", "main-2h"), ("overstay", "main-1h"), ("moved", "main-2h"), ("moved", "main-1h"),
    ("left", "main-2h"), ("arrived", "main-1h"), ("permit_holder", "res-a"), ("no_permit", "res-a"),
    ("permit_holder", "res-b"), ("visitor", "res-b"), ("within_limit", "elm-4h"), ("outside", None),
    ("expired_permit", "res-a"), ("left", "main-1h"), ("arrived", "main-2h"), ("overstay", "main-2h"),
    ("no_permit", "res-a"), ("outside", None), ("overstay", "main-1h"), ("permit_holder", "res-a"),
    ("permit_holder", "res-b"), ("within_limit", "elm-4h"), ("other_zone_permit", "res-a"), ("outside", None),
)
MIN_CARS = 13
CASE_OF_KIND = {"overstay": "OVERSTAY", "no_permit": "NO_PERMIT", "expired_permit": "NO_PERMIT",
                "other_zone_permit": "NO_PERMIT"}
SEEN_IN = {"left": (True, False), "arrived": (False, True), "visitor": (True, False)}


@dataclass(frozen=True)
class DemoCar:
    plate: str
    kind: str
    zone_id: str | None
    spots: tuple[float | None, float | None]  # metres along the drive's route in pass 1 and 2; None = absent


def route_start(street: int) -> float:
    return sum(s.length for s in STREETS[:street])


def stretch_slots(street: int, start: float, end: float) -> list[float]:
    """Parking spots well inside a stretch of street, as metres along the route."""
    first, last = start + EDGE_MARGIN_M, end - EDGE_MARGIN_M
    count = int((last - first) // SLOT_SPACING_M) + 1
    return [route_start(street) + first + i * SLOT_SPACING_M for i in range(count)]


def slot_pools() -> dict[str | None, list[float]]:
    pools = {zone.id: stretch_slots(zone.street, zone.start, zone.end) for zone in ZONES}
    pools[None] = stretch_slots(*OUTSIDE_STRETCH)
    return pools


def take_spots(kind: str, pool: list[float], where: str | None) -> tuple[float | None, float | None]:
    if not pool:
        raise ValueError(f"no parking spot left in {where or 'the outside stretch'}: use fewer cars")
    first = pool.pop(0)
    if kind == "moved":
        second = next((s for s in pool if abs(s - first) >= MOVED_AT_LEAST_M), None)
        if second is None:
            raise ValueError(f"no spot far enough for a moved car in {where}: use fewer cars")
        pool.remove(second)
        return first, second
    seen = SEEN_IN.get(kind, (True, True))
    return (first if seen[0] else None), (first if seen[1] else None)


def park_cars(count: int, rng: random.Random) -> list[DemoCar]:
    """`count` cars, kinds taken in order from KIND_CYCLE, plates and spots drawn from `rng`."""
    if count < MIN_CARS:
        raise ValueError(f"the demo needs at least {MIN_CARS} cars to show every rule (got {count})")
    plan = [KIND_CYCLE[i % len(KIND_CYCLE)] for i in range(count)]
    pools = slot_pools()
    for pool in pools.values():
        rng.shuffle(pool)
    plates = unique_plates(rng, count)
    return [DemoCar(plate, kind, zone, take_spots(kind, pools[zone], zone))
            for plate, (kind, zone) in zip(plates, plan)]


def permits_for(cars: list[DemoCar], day: date) -> list[Permit]:
    """Valid permits for holders (area B's hold both areas), a lapsed one, one for the wrong zone."""
    valid = (day - timedelta(days=30), day + timedelta(days=335))
    lapsed = (day - timedelta(days=400), day - timedelta(days=35))
    wrong_zone = {"res-a": "res-b", "res-b": "res-a"}
    permits = []
    for car in cars:
        if car.kind == "permit_holder":
            zones = ("res-a", "res-b") if car.zone_id == "res-b" else (car.zone_id,)
            permits.append(Permit(car.plate, zones, *valid))
        elif car.kind == "expired_permit":
            permits.append(Permit(car.plate, (car.zone_id,), *lapsed))
        elif car.kind == "other_zone_permit":
            permits.append(Permit(car.plate, (wrong_zone[car.zone_id],), *valid))
    return permits
