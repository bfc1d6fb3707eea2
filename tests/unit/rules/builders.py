"""Small builders for the rules' domain objects, with values a reader can check by eye."""
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from shapely.geometry import box

from services.rules.schedule import Schedule
from services.rules.sighting import Sighting
from services.rules.zones import PERMIT, TIMED, Zone

PARIS = ZoneInfo("Europe/Paris")
MON_TO_SAT = frozenset(range(6))
SPOT = (48.005, 2.005)  # inside the zones built here
MONDAY_10AM = datetime(2025, 3, 3, 10, 0, tzinfo=PARIS)  # 2025-03-03 is a Monday


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
         plate="AB123CD", confidence=0.9, read_id=None) -> Sighting:
    """A sighting at SPOT (or north_m metres north of it), minutes_later after `at`."""
    when = at + timedelta(minutes=minutes_later)
    return Sighting(plate=plate, read_id=read_id or f"read-{when:%d%H%M}-{north_m:g}", frame_id="frame-1",
                    object_key="frames/car-7/frame-1.jpg", captured_at=when,
                    lat=SPOT[0] + north_m / 111_195, lon=SPOT[1], confidence=confidence, box=(10, 20, 120, 40))


def cases_from(sightings, zone, policy, has_permit=False) -> list:
    """Sightings judged in order through a chalk table keyed like the service's (chalk_key)."""
    from services.rules.chalking import chalk_key, decide

    chalks, found = {}, []
    for s in sightings:
        key = chalk_key(s.plate, zone.id)
        decision = decide(chalks.get(key), s, zone, has_permit, policy)
        chalks[key] = decision.chalk
        found += [decision.violation] if decision.violation else []
    return found
