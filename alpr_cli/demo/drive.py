"""The enforcement drive: one loop of the streets per pass, photographing the parked cars it passes."""
import random
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from alpr_cli.demo.cars import DemoCar
from alpr_cli.demo.city import STREETS
from alpr_cli.demo.coords import to_latlon

DEVICE_ID = "demo-car-1"
SPEED_MPS = 5.0
ROUTE_LENGTH_M = sum(street.length for street in STREETS)
PASS_DURATION = timedelta(seconds=ROUTE_LENGTH_M / SPEED_MPS)
FRAME_GAP_S = 2
FRAME_STEP_M = 6.0
GPS_JITTER_M = 1.5
EMPTY_SPOTS_M = (550.0, 1400.0, 2650.0)  # between zones, no parked car near
FRAME_NAMESPACE = uuid.UUID("5f0c2a9e-6d1b-4c4e-9a57-0d3e2b1c7a10")


@dataclass(frozen=True)
class Shot:
    """One photo of the drive: where and when it was taken and which plates are in it."""
    pass_index: int
    name: str
    frame_id: str
    captured_at: datetime
    latitude: float
    longitude: float
    heading: float
    plates: tuple[str, ...]


def locate(route_m: float) -> tuple[float, float, float]:
    """(x, y, heading) of the point `route_m` metres along the loop."""
    for street in STREETS:
        if route_m <= street.length:
            return *street.point(route_m), street.heading
        route_m -= street.length
    raise ValueError("beyond the end of the route")


def photo_stops(cars: list[DemoCar], pass_index: int, rng: random.Random) -> list[tuple[float, float, tuple]]:
    """(route metres, seconds into the pass, plates) for every photo of this pass, in driving order."""
    stops = []
    for car in cars:
        spot = car.spots[pass_index]
        if spot is None:
            continue
        frames = rng.choice((1, 2))
        for k in range(frames):
            along = spot + (k - (frames - 1) / 2) * FRAME_STEP_M
            stops.append((along, spot / SPEED_MPS + k * FRAME_GAP_S, (car.plate,)))
    for spot in sorted(rng.sample(EMPTY_SPOTS_M, rng.choice((1, 2)))):
        stops.append((spot, spot / SPEED_MPS, ()))
    return sorted(stops, key=lambda stop: stop[1])


def plan_pass(cars: list[DemoCar], pass_index: int, start: datetime, seed: int,
              rng: random.Random) -> list[Shot]:
    shots = []
    for number, (along, seconds, plates) in enumerate(photo_stops(cars, pass_index, rng), start=1):
        x, y, heading = locate(along)
        lat, lon = to_latlon(x + rng.uniform(-GPS_JITTER_M, GPS_JITTER_M),
                             y + rng.uniform(-GPS_JITTER_M, GPS_JITTER_M))
        name = f"p{pass_index + 1}-{number:03d}"
        frame_id = str(uuid.uuid5(FRAME_NAMESPACE, f"{seed}|{start.isoformat()}|{name}"))
        shots.append(Shot(pass_index, name, frame_id, start + timedelta(seconds=round(seconds)),
                          round(lat, 7), round(lon, 7), round((heading + rng.uniform(-3, 3)) % 360, 1), plates))
    return shots


def sidecar(shot: Shot, tz) -> dict:
    """The frame's metadata, in the frame-folder format of `alpr upload`."""
    return {"frame_id": shot.frame_id, "device_id": DEVICE_ID,
            "captured_at": shot.captured_at.astimezone(tz).isoformat(timespec="seconds"),
            "latitude": shot.latitude, "longitude": shot.longitude, "heading": shot.heading, "camera": "left"}
