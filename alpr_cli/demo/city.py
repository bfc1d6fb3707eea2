"""The demo city: four streets in a loop, the zones along them, census tracts and permits."""
import csv
import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from alpr_cli.demo.coords import rectangle, ring

TIMEZONE = "America/New_York"
SCHEDULE = {"days": ["mon", "tue", "wed", "thu", "fri", "sat", "sun"], "start": "08:00", "end": "20:00"}
ZONE_HALF_WIDTH_M = 40.0


@dataclass(frozen=True)
class Street:
    name: str
    start: tuple[float, float]
    end: tuple[float, float]
    heading: float

    @property
    def length(self) -> float:
        return abs(self.end[0] - self.start[0]) + abs(self.end[1] - self.start[1])  # axis-aligned

    def point(self, offset: float, lateral: float = 0.0) -> tuple[float, float]:
        """The point `offset` m along the street and `lateral` m to its left."""
        ux, uy = ((self.end[0] - self.start[0]) / self.length, (self.end[1] - self.start[1]) / self.length)
        return self.start[0] + ux * offset - uy * lateral, self.start[1] + uy * offset + ux * lateral


# Driven in this order, counter-clockwise; the camera looks left, at the kerb inside the loop.
STREETS = (
    Street("Main St", (0, 0), (1100, 0), 90.0),
    Street("Elm St", (1100, 0), (1100, 400), 0.0),
    Street("Oak Ave", (1100, 400), (0, 400), 270.0),
    Street("Pine St", (0, 400), (0, 0), 180.0),
)


@dataclass(frozen=True)
class Zone:
    id: str
    name: str
    kind: str
    limit_minutes: int | None
    grace_minutes: int
    street: int  # index in STREETS
    start: float  # metres along the street
    end: float

    def corners(self) -> list[tuple[float, float]]:
        street = STREETS[self.street]
        return [street.point(self.start, -ZONE_HALF_WIDTH_M), street.point(self.end, -ZONE_HALF_WIDTH_M),
                street.point(self.end, ZONE_HALF_WIDTH_M), street.point(self.start, ZONE_HALF_WIDTH_M)]


ZONES = (
    Zone("main-2h", "Main St 2-hour", "timed", 120, 5, 0, 40, 520),
    Zone("main-1h", "Main St 1-hour", "timed", 60, 5, 0, 580, 1040),
    Zone("elm-4h", "Elm St 4-hour", "timed", 240, 5, 1, 40, 260),
    Zone("res-a", "Oak Ave Residential Permit Area A", "permit", None, 0, 2, 60, 520),
    Zone("res-b", "Oak Ave Residential Area B (1-hour visitors)", "permit", 60, 5, 2, 580, 1040),
)
OUTSIDE_STRETCH = (3, 80.0, 320.0)  # Pine St, no zone: (street, start, end)

TRACTS = (
    ("42101000100", "Census Tract 1", (-300, -300, 400, 700)),
    ("42101000200", "Census Tract 2", (400, -300, 800, 700)),
    ("42101000300", "Census Tract 3", (800, -300, 1400, 700)),
)


@dataclass(frozen=True)
class Permit:
    plate: str
    zone_ids: tuple[str, ...]
    valid_from: date
    valid_to: date


def zone_feature(zone: Zone) -> dict:
    properties = {"id": zone.id, "name": zone.name, "kind": zone.kind, "limit_minutes": zone.limit_minutes,
                  "grace_minutes": zone.grace_minutes, "timezone": TIMEZONE, "schedule": SCHEDULE}
    return {"type": "Feature", "id": zone.id, "properties": properties,
            "geometry": {"type": "Polygon", "coordinates": [ring(zone.corners())]}}


def zones_geojson() -> dict:
    return {"type": "FeatureCollection", "features": [zone_feature(zone) for zone in ZONES]}


def tracts_geojson() -> dict:
    features = [{"type": "Feature", "id": geoid, "properties": {"id": geoid, "name": name},
                 "geometry": {"type": "Polygon", "coordinates": [rectangle(*box)]}}
                for geoid, name, box in TRACTS]
    return {"type": "FeatureCollection", "features": features}


def write_permits(path: Path, permits: list[Permit]) -> None:
    with path.open("w", newline="") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["plate", "zone_ids", "valid_from", "valid_to"])
        for permit in permits:
            writer.writerow([permit.plate, ";".join(permit.zone_ids),
                             permit.valid_from.isoformat(), permit.valid_to.isoformat()])


def write_city(folder: Path, permits: list[Permit]) -> tuple[Path, Path, Path]:
    """Writes zones.geojson, tracts.geojson and permits.csv into `folder`; returns their paths."""
    zones, tracts, permits_csv = folder / "zones.geojson", folder / "tracts.geojson", folder / "permits.csv"
    zones.write_text(json.dumps(zones_geojson(), indent=2) + "\n")
    tracts.write_text(json.dumps(tracts_geojson(), indent=2) + "\n")
    write_permits(permits_csv, permits)
    return zones, tracts, permits_csv
