"""Small builders for the rules' domain objects, with values a reader can check by eye.

Tokens and sealed plates are made with epoch keys held in memory (the pure functions of
alpr_common.crypto); the key store that holds them in the service is tested against PostgreSQL.
"""
import functools
import hashlib
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from shapely.geometry import box

from alpr_common.crypto import EpochKeys, EpochSchedule, KeyDestroyed, Sealed, epochs_at, open_with, seal, to_proto, token
from alpr_common.events.reads_pb2 import PlateRead
from alpr_common.timeutil import to_timestamp
from services.rules.schedule import Schedule
from services.rules.sighting import Sighting
from services.rules.zones import PERMIT, TIMED, Zone

PARIS = ZoneInfo("Europe/Paris")
MON_TO_SAT = frozenset(range(6))
SPOT = (48.005, 2.005)  # inside the zones built here
MONDAY_10AM = datetime(2025, 3, 3, 10, 0, tzinfo=PARIS)  # 2025-03-03 is a Monday


def epoch_keys(epoch_id: str = "20250302T1200Z-24h") -> EpochKeys:
    """Keys of one epoch, the same for the same id (derived from it: test keys, never real ones)."""
    derive = lambda use: hashlib.sha256(f"{use}:{epoch_id}".encode()).digest()  # noqa: E731
    return EpochKeys(epoch_id, derive("hmac"), derive("data"))


KEYS = epoch_keys()


@functools.lru_cache(maxsize=None)
def sealed(plate: str, read_id: str, keys: EpochKeys = KEYS) -> Sealed:
    """The plate sealed as ocr seals it; one seal per plate and read, so equal sightings compare equal."""
    return seal(keys, plate.encode(), read_id.encode())


def plate_of(s, keys: EpochKeys = KEYS) -> str:
    """What a reviewer with the epoch's key would see: the text as read."""
    return open_with(keys, s.sealed_plate, s.read_id.encode()).decode()


def schedule(start="08:00", end="18:00", days=MON_TO_SAT) -> Schedule:
    return Schedule(frozenset(days), time.fromisoformat(start), time.fromisoformat(end))


def timed_zone(limit=120, grace=5, **kw) -> Zone:
    return Zone(id=kw.get("id", "main-st"), name="Main Street", kind=TIMED, limit_minutes=limit,
                grace_minutes=grace, timezone=PARIS, schedule=kw.get("schedule", schedule()),
                holidays=kw.get("holidays", frozenset()), geometry=box(2.0, 48.0, 2.01, 48.01))


def permit_zone(limit=None, grace=0, **kw) -> Zone:
    return Zone(id=kw.get("id", "res-a"), name="Residential A", kind=PERMIT, limit_minutes=limit,
                grace_minutes=grace, timezone=PARIS, schedule=kw.get("schedule", schedule()),
                geometry=box(2.0, 48.0, 2.01, 48.01))


def seen(at: datetime = MONDAY_10AM, *, minutes_later: float = 0, north_m: float = 0,
         plate="AB123CD", confidence=0.9, read_id=None, keys: EpochKeys = KEYS) -> Sighting:
    """A sighting of `plate` (tokenized under `keys`) at SPOT (or north_m metres north of it), minutes_later after `at`."""
    when = at + timedelta(minutes=minutes_later)
    read_id = read_id or f"read-{when:%d%H%M}-{north_m:g}"
    return Sighting(token=token(keys, plate), read_id=read_id, frame_id="frame-1",
                    object_key="frames/car-7/frame-1.jpg", captured_at=when,
                    lat=SPOT[0] + north_m / 111_195, lon=SPOT[1], confidence=confidence,
                    sealed_plate=sealed(plate, read_id, keys), image_key_id=keys.key_id, box=(10, 20, 120, 40))


class EpochKeysInMemory:
    """Epoch keys as the key store hands them out (KeyStore.keys_for), derived in memory; records what was asked."""

    def __init__(self, destroyed=()):
        self.destroyed, self.asked = set(destroyed), []

    def keys_for(self, key_id: str) -> EpochKeys:
        self.asked.append(key_id)
        if key_id in self.destroyed:
            raise KeyDestroyed(key_id)
        return epoch_keys(key_id.removeprefix("epoch:"))


def ocr_read(at: datetime, plate: str, schedule: EpochSchedule, read_id: str, north_m: float = 0,
             confidence: float = 0.9) -> PlateRead:
    """A read at SPOT as ocr writes it: a token under every epoch containing `at`, the text sealed under the newest."""
    newest, *older = [epoch_keys(e.epoch_id) for e in epochs_at(schedule, at)]
    return PlateRead(read_id=read_id, frame_id=f"f-{read_id}", captured_at=to_timestamp(at), confidence=confidence,
                     location={"latitude": SPOT[0] + north_m / 111_195, "longitude": SPOT[1]},
                     object_key=f"frames/car-7/f-{read_id}.jpg", image_key_id=newest.key_id,
                     plate_token=token(newest, plate), overlap_plate_token=token(older[0], plate) if older else b"",
                     sealed_plate=to_proto(sealed(plate, read_id, newest)))


def cases_from(sightings, zone, policy, has_permit=False) -> list:
    """Sightings judged in order through a chalk table keyed like the service's (chalk_key)."""
    from services.rules.chalking import chalk_key, decide

    chalks, found = {}, []
    for s in sightings:
        key = chalk_key(s.token, zone.id)
        decision = decide(chalks.get(key), s, zone, has_permit, policy)
        chalks[key] = decision.chalk
        found += [decision.violation] if decision.violation else []
    return found
