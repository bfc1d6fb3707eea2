"""Virtual chalking: the rules that turn a sighting of a car in a zone into a violation, or not.

The first sighting of a car at a spot is its chalk mark. Seen again at the same spot (within the
moved distance) after more than the limit plus grace counted in enforced hours only (nights, days
off and holidays are free), it overstayed; seen farther away, it moved, and the new spot is
chalked afresh. A chalk older than `max_chalk_age` in wall time is forgotten (its photo may be gone
under the minimization window). Reads below `min_confidence` chalk and count as evidence like any
other, but a case needs at least one confident sighting. Time is always capture time.

Chalks are kept per plate token and zone, and a token belongs to one epoch: a chalk only meets
sightings tokenized under the same epoch, so across an epoch boundary it bridges at most the
epochs' overlap (ALPR_EPOCH_OVERLAP_HOURS), whatever `max_chalk_age` says.
"""
from dataclasses import dataclass
from datetime import date, timedelta

from alpr_common.geo import distance_m
from services.rules.schedule import enforced_minutes_between, window_start
from services.rules.sighting import Sighting
from services.rules.violations import Violation, ViolationKind
from services.rules.zones import PERMIT, Zone

Chalk = Sighting  # a chalk mark is the first sighting of a car at its spot


@dataclass(frozen=True)
class ChalkPolicy:
    moved_distance_m: float = 30.0
    min_confidence: float = 0.5
    max_chalk_age: timedelta = timedelta(hours=24)  # within one epoch; across epochs the overlap is the limit


@dataclass(frozen=True)
class Decision:
    chalk: Chalk | None  # the chalk to keep after this sighting (None: forget it)
    violation: Violation | None = None


def chalk_key(token: bytes, zone_id: str) -> str:
    """Chalks are kept per plate token and zone ('token hex|zone id'); look-alike misreads share a token."""
    return f"{token.hex()}|{zone_id}"


def decide(chalk: Chalk | None, sighting: Sighting, zone: Zone, has_permit: bool,
           policy: ChalkPolicy = ChalkPolicy()) -> Decision:
    window = window_start(zone.schedule, zone.timezone, sighting.captured_at, zone.holidays)
    if window is None:
        return Decision(chalk)
    if zone.kind == PERMIT and has_permit:
        return Decision(None)
    if zone.limit_minutes is None:
        decision = Decision(None, Violation(ViolationKind.NO_PERMIT, zone.id, window.date(), (sighting,)))
    else:
        decision = chalk_for_time_limit(chalk, sighting, zone, policy)
    return decision if backed_by_a_confident_read(decision.violation, policy.min_confidence) else Decision(decision.chalk)


def chalk_for_time_limit(chalk: Chalk | None, sighting: Sighting, zone: Zone, policy: ChalkPolicy) -> Decision:
    if chalk is None:
        return Decision(sighting)
    if chalk_too_old(chalk, sighting, policy.max_chalk_age) or car_moved(chalk, sighting, policy.moved_distance_m):
        return Decision(later(chalk, sighting))
    first, last = sorted((chalk, sighting), key=lambda s: s.captured_at)
    if overstayed(first, last, zone):
        return Decision(first, Violation(ViolationKind.OVERSTAY, zone.id, enforcement_day(zone, last), (first, last)))
    return Decision(first)


def car_moved(chalk: Chalk, sighting: Sighting, max_distance_m: float) -> bool:
    """A car seen farther than max_distance_m from its chalk mark has moved: it is not chalked there."""
    return distance_m(chalk.lat, chalk.lon, sighting.lat, sighting.lon) > max_distance_m


def overstayed(chalk: Chalk, sighting: Sighting, zone: Zone) -> bool:
    """Strictly more than limit + grace of enforced time between the chalk and the sighting."""
    used = enforced_minutes_between(zone.schedule, zone.timezone, zone.holidays, chalk.captured_at, sighting.captured_at)
    return used > zone.limit_minutes + zone.grace_minutes


def chalk_too_old(chalk: Chalk, sighting: Sighting, max_age: timedelta) -> bool:
    return abs(sighting.captured_at - chalk.captured_at) > max_age


def backed_by_a_confident_read(violation: Violation | None, min_confidence: float) -> bool:
    """A low-confidence read never opens a case on its own: at least one sighting must be confident."""
    return violation is None or any(s.confidence >= min_confidence for s in violation.sightings)


def enforcement_day(zone: Zone, sighting: Sighting) -> date:
    """The local date the sighting's enforcement window started on (the case's day)."""
    start = window_start(zone.schedule, zone.timezone, sighting.captured_at, zone.holidays)
    return (start or sighting.captured_at.astimezone(zone.timezone)).date()


def later(a: Sighting, b: Sighting) -> Sighting:
    return b if b.captured_at >= a.captured_at else a
