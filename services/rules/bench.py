"""`alpr rules bench`: reads per second through the matching logic (zone lookup, permit check by
token, chalk decision), pure code with no Kafka, on generated zones, permits and reads.

Reads are made as ocr makes them, with a key store: a token under each epoch containing the
capture time and the plate sealed under the newest; each is split into its copies as the service does."""
import os
import random
import statistics
import time
from collections.abc import Callable
from contextlib import contextmanager
from datetime import datetime, timedelta, timezone
from datetime import time as clock
from zoneinfo import ZoneInfo

from shapely.geometry import box

from alpr_common.crypto import KeyStore, seal, to_proto, token
from alpr_common.events.reads_pb2 import PlateRead
from alpr_common.timeutil import to_timestamp
from services.rules import codec
from services.rules.chalking import ChalkPolicy
from services.rules.judging import judge_copy
from services.rules.permits import Permit, PermitBook
from services.rules.schedule import Schedule
from services.rules.sighting import Sighting
from services.rules.zones import PERMIT, TIMED, Zone, ZoneIndex

Routed = tuple[Sighting, str, bool]  # a copy of a read: its sighting, epoch id and may_open_case

CELL = 0.002  # degrees: zones are squares of about 150 x 220 m in a grid
PARIS = ZoneInfo("Europe/Paris")
MONDAY_8AM = datetime(2025, 3, 3, 8, tzinfo=PARIS)
WEEKDAYS_8_TO_20 = Schedule(frozenset(range(6)), clock(8), clock(20))


def grid_zones(count: int) -> ZoneIndex:
    """`count` square zones in a grid; every third one a permit zone (half of those with a limit)."""
    side = max(1, int(count ** 0.5 + 0.999))
    return ZoneIndex([_zone(i, (i // side) * CELL, (i % side) * CELL) for i in range(count)])


def _zone(i: int, north: float, east: float) -> Zone:
    kind = PERMIT if i % 3 == 0 else TIMED
    limit = (None if i % 2 else 120) if kind == PERMIT else 60 + 30 * (i % 4)
    return Zone(f"zone-{i}", f"Zone {i}", kind, limit, 5, PARIS, WEEKDAYS_8_TO_20,
                geometry=box(2.0 + east, 48.0 + north, 2.0 + east + CELL * 0.9, 48.0 + north + CELL * 0.9))


def plate(i: int) -> str:
    return f"P{i:06d}"


def permit_zone_of(i: int, zones: ZoneIndex) -> Zone:
    return zones.zones[(i * 13) % len(zones.zones)]


def random_permits(count: int, zones: ZoneIndex, rng: random.Random, keystore: KeyStore) -> PermitBook:
    start = datetime(2025, 1, 1, tzinfo=timezone.utc)
    return PermitBook([Permit(plate(i), permit_zone_of(i, zones).id, start, start + timedelta(days=rng.randint(30, 365)))
                       for i in range(count)], keystore)


def random_reads(count: int, zones: ZoneIndex, cars: int, rng: random.Random, keystore: KeyStore) -> list[list[Routed]]:
    """Reads of `cars` parked cars over one enforced day, in time order, each as its copies: even cars
    park in their permit's zone, odd ones anywhere; one read in ten lies in no zone, one in five misreads 0 as O."""
    spots = [_spot(permit_zone_of(c * 7, zones) if c % 2 == 0 else rng.choice(zones.zones), rng) for c in range(cars)]
    reads = []
    for n in range(count):
        car = rng.randrange(cars)
        lat, lon = spots[car] if n % 10 else (47.0, 1.0)
        text = plate(car * 7) if n % 5 else plate(car * 7).replace("0", "O")
        read = sealed_read(keystore, f"r{n}", text, MONDAY_8AM + timedelta(seconds=n * 12 * 3600 / count), (lat, lon),
                           rng.choice((0.3, 0.8, 0.9, 0.95)))
        reads.append([(codec.sighting_from_copy(c), c.epoch_id, c.may_open_case)
                      for c in codec.tokened_reads(read, keystore.schedule)])
    return reads


def sealed_read(keystore: KeyStore, read_id: str, text: str, at: datetime, spot: tuple[float, float],
                confidence: float) -> PlateRead:
    """A read as ocr makes it: tokens under every epoch containing `at` (newest first), the text sealed."""
    newest, *older = keystore.epochs_for(at)
    read = PlateRead(read_id=read_id, frame_id=f"f-{read_id}", object_key=f"frames/bench/f-{read_id}.jpg",
                     captured_at=to_timestamp(at), location={"latitude": spot[0], "longitude": spot[1]},
                     confidence=confidence, plate_token=token(newest, text),
                     overlap_plate_token=token(older[0], text) if older else b"", image_key_id=newest.key_id)
    read.sealed_plate.CopyFrom(to_proto(seal(newest, text.encode(), read_id.encode())))
    return read


def _spot(zone: Zone, rng: random.Random) -> tuple[float, float]:
    west, south, east, north = zone.geometry.bounds
    return rng.uniform(south, north), rng.uniform(west, east)


def zone_lookup_only(reads: list[list[Routed]], zones: ZoneIndex, _permits: PermitBook, _policy: ChalkPolicy) -> int:
    return sum(zones.zone_at(copies[0][0].lat, copies[0][0].lon) is not None for copies in reads)


def full_matching(reads: list[list[Routed]], zones: ZoneIndex, permits: PermitBook, policy: ChalkPolicy) -> int:
    """Every copy of every read through the service's handler (zone, permit, chalk, case step), the
    tables in dicts; returns the cases opened."""
    chalks, opened = {}, {}
    for copies in reads:
        for sighting, epoch_id, may_open_case in copies:
            judged = judge_copy(sighting, epoch_id, may_open_case, zones, permits, chalks, opened, policy)
            if judged:
                opened[judged.violation.case_id] = "opened"
    return len([v for v in opened.values() if v == "opened"])


LOOPS = (("baseline: zone lookup only", zone_lookup_only, "reads in a zone"),
         ("rules: lookup + permit + chalk", full_matching, "cases"))


def median_rate(loop: Callable, runs: int, *args) -> tuple[float, int]:
    """Median reads per second over `runs` runs, and what the loop returned."""
    rates, result = [], 0
    for _ in range(runs):
        began = time.perf_counter()
        result = loop(*args)
        rates.append(len(args[0]) / (time.perf_counter() - began))
    return statistics.median(rates), result


@contextmanager
def one_core():
    """Run the body on one CPU core (where the OS allows it), then give the process its cores back."""
    if not hasattr(os, "sched_setaffinity"):
        yield "not pinned (no sched_setaffinity here)"
        return
    cores = os.sched_getaffinity(0)
    os.sched_setaffinity(0, {min(cores)})
    try:
        yield f"pinned to core {min(cores)}"
    finally:
        os.sched_setaffinity(0, cores)
