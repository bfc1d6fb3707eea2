"""Virtual chalking: the rules that turn a sighting of a car in a zone into a violation, or not.

The first sighting of a car at a spot is its chalk mark. Seen again at the same spot (within the
moved distance) after the limit plus grace, it overstayed; seen farther away, it moved, and the
new spot is chalked afresh. Time is always the capture time of the reads, never the wall clock.
"""
from dataclasses import dataclass
from datetime import datetime, timedelta

from alpr_common.geo import distance_m
from services.rules.schedule import window_start
from services.rules.sighting import Sighting
from services.rules.violations import Violation, ViolationKind
from services.rules.zones import PERMIT, Zone

Chalk = Sighting  # a chalk mark is the first sighting of a car at its spot


@dataclass(frozen=True)
class Decision:
    chalk: Chalk | None  # the chalk to keep after this sighting (None: forget it)
    violation: Violation | None = None


def decide(chalk: Chalk | None, sighting: Sighting, zone: Zone, has_permit: bool,
           moved_distance_m: float, min_confidence: float = 0.5) -> Decision:
    window = window_start(zone.schedule, zone.timezone, sighting.captured_at)
    if sighting.confidence < min_confidence or window is None:
        return Decision(chalk)
    if zone.kind == PERMIT and has_permit:
        return Decision(None)
    if zone.limit_minutes is None:
        return Decision(None, Violation(ViolationKind.NO_PERMIT, zone.id, window.date(), (sighting,)))
    return chalk_for_time_limit(chalk, sighting, zone, window, moved_distance_m)


def chalk_for_time_limit(chalk: Chalk | None, sighting: Sighting, zone: Zone, window: datetime,
                         moved_distance_m: float) -> Decision:
    if chalk is None or not chalked_in_window(chalk, zone, window):
        return Decision(sighting)
    if car_moved(chalk, sighting, moved_distance_m):
        return Decision(later(chalk, sighting))
    first, last = sorted((chalk, sighting), key=lambda s: s.captured_at)
    if overstayed(first, last, zone):
        return Decision(first, Violation(ViolationKind.OVERSTAY, zone.id, window.date(), (first, last)))
    return Decision(first)


def car_moved(chalk: Chalk, sighting: Sighting, max_distance_m: float) -> bool:
    """A car seen farther than max_distance_m from its chalk mark has moved: it is not chalked there."""
    return distance_m(chalk.lat, chalk.lon, sighting.lat, sighting.lon) > max_distance_m


def overstayed(chalk: Chalk, sighting: Sighting, zone: Zone) -> bool:
    """Strictly more than limit + grace between the chalk and the sighting."""
    allowed = timedelta(minutes=zone.limit_minutes + zone.grace_minutes)
    return sighting.captured_at - chalk.captured_at > allowed


def chalked_in_window(chalk: Chalk, zone: Zone, window: datetime) -> bool:
    """A chalk from an earlier enforcement window does not count: time outside enforced hours is free."""
    return window_start(zone.schedule, zone.timezone, chalk.captured_at) == window


def later(a: Sighting, b: Sighting) -> Sighting:
    return b if b.captured_at >= a.captured_at else a
