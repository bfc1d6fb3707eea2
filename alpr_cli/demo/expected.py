"""The cases the rules service must open on the demo, worked out from the sightings by the written rules.

Timed zone: a sighting within CHALK_RADIUS_M of the plate's chalk mark in that zone and more than
limit + grace after it is an OVERSTAY (once per chalk); farther away, the car moved: chalk again.
Permit zone without a limit: a plate without a permit valid for the zone on that local day is a
NO_PERMIT at its first sighting, once per plate, zone and day. Outside enforced hours nothing counts.
"""
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from shapely.geometry import Point, shape

from alpr_cli.demo.city import Permit
from alpr_common.geo import distance_m

CHALK_RADIUS_M = 30.0
DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


@dataclass(frozen=True)
class ExpectedCase:
    plate: str
    zone_id: str
    kind: str  # "OVERSTAY" | "NO_PERMIT"


@dataclass(frozen=True)
class Sighting:
    plate: str
    captured_at: datetime
    latitude: float
    longitude: float


def zone_of(sighting: Sighting, zones: list[dict]) -> dict | None:
    point = Point(sighting.longitude, sighting.latitude)
    inside = [z for z in zones if shape(z["geometry"]).contains(point)]
    if len(inside) > 1:
        raise ValueError(f"demo zones overlap at {point}")
    return inside[0]["properties"] if inside else None


def enforced(zone: dict, at: datetime) -> bool:
    local = at.astimezone(ZoneInfo(zone["timezone"]))
    schedule = zone["schedule"]
    clock = local.strftime("%H:%M")
    return DAYS[local.weekday()] in schedule["days"] and schedule["start"] <= clock < schedule["end"]


def has_permit(plate: str, zone: dict, day: date, permits: list[Permit]) -> bool:
    return any(p.plate == plate and zone["id"] in p.zone_ids and p.valid_from <= day <= p.valid_to
               for p in permits)


def expected_cases(sightings: list[Sighting], zones_geojson: dict, permits: list[Permit]) -> list[ExpectedCase]:
    """Cases in the order the rules would open them (by capture time)."""
    zones = zones_geojson["features"]
    chalks: dict[tuple[str, str], Sighting] = {}
    opened: list[ExpectedCase] = []
    seen_keys: set[tuple] = set()
    for sighting in sorted(sightings, key=lambda s: s.captured_at):
        zone = zone_of(sighting, zones)
        if zone is None or not enforced(zone, sighting.captured_at):
            continue
        key = judge(sighting, zone, chalks, permits)
        if key is not None and key not in seen_keys:
            seen_keys.add(key)
            opened.append(ExpectedCase(sighting.plate, zone["id"], key[0]))
    return opened


def judge(sighting: Sighting, zone: dict, chalks: dict, permits: list[Permit]) -> tuple | None:
    """The key of the case this sighting opens, if any (the caller opens each key once)."""
    local_day = sighting.captured_at.astimezone(ZoneInfo(zone["timezone"])).date()
    if zone["kind"] == "permit":
        if has_permit(sighting.plate, zone, local_day, permits):
            return None
        if zone["limit_minutes"] is None:
            return ("NO_PERMIT", sighting.plate, zone["id"], local_day)
    return chalk(sighting, zone, chalks)


def chalk(sighting: Sighting, zone: dict, chalks: dict) -> tuple | None:
    """Virtual chalking: an OVERSTAY when the car stayed put past limit + grace; a moved car is chalked anew."""
    mark = chalks.get((sighting.plate, zone["id"]))
    if mark is None or car_moved(mark, sighting):
        chalks[(sighting.plate, zone["id"])] = sighting
        return None
    allowed = timedelta(minutes=zone["limit_minutes"] + zone["grace_minutes"])
    if sighting.captured_at - mark.captured_at > allowed:
        return ("OVERSTAY", sighting.plate, zone["id"], mark.captured_at)
    return None


def car_moved(mark: Sighting, sighting: Sighting) -> bool:
    return distance_m(mark.latitude, mark.longitude, sighting.latitude, sighting.longitude) > CHALK_RADIUS_M
