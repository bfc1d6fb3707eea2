"""Parking zones: where a rule applies, what it is, and when it is enforced."""
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from zoneinfo import ZoneInfo

from alpr_common.crypto import EpochSchedule, check_window
from alpr_common.errors import ConfigError
from alpr_common.geo import Feature, PolygonIndex
from services.rules import zone_file
from services.rules.schedule import Schedule, describe

TIMED, PERMIT = "timed", "permit"


@dataclass(frozen=True)
class Zone:
    id: str
    name: str
    kind: str  # TIMED | PERMIT
    limit_minutes: int | None  # permit zones: the limit for cars without a permit; None = no time at all
    grace_minutes: int
    timezone: ZoneInfo
    schedule: Schedule
    holidays: frozenset[date] = frozenset()  # enforcement windows starting on these local dates are off
    geometry: object = field(default=None, compare=False, repr=False)


class ZoneIndex:
    """Which zone a point lies in. Where zones overlap, the first one in the file wins."""

    def __init__(self, zones: list[Zone]):
        self.zones = zones
        self._order = {zone.id: i for i, zone in enumerate(zones)}
        self._by_id = {zone.id: zone for zone in zones}
        self._index = PolygonIndex([Feature(z.id, {}, z.geometry) for z in zones])

    def zone_at(self, lat: float, lon: float) -> Zone | None:
        hits = self._index.containing(lat, lon)
        if not hits:
            return None
        return self._by_id[min(hits, key=lambda f: self._order[f.id]).id]


def load_zones(path: Path) -> ZoneIndex:
    """Read and validate a zone file; raises ZoneFileError naming the feature and the field."""
    zones = [_zone(feature) for feature in zone_file.read_features(Path(path))]
    zone_file.refuse_duplicate_ids([z.id for z in zones], path)
    return ZoneIndex(zones)


def check_fits_epochs(index: ZoneIndex, schedule: EpochSchedule) -> None:
    """Refuse zones whose limit plus grace the epochs cannot chalk: two sightings that far apart must
    share an epoch, so the overlap must be at least the longest (ConfigError naming the zone)."""
    timed = [z for z in index.zones if z.limit_minutes is not None]
    if not timed:
        return
    longest = max(timed, key=lambda z: z.limit_minutes + z.grace_minutes)
    try:
        check_window(schedule.epoch_hours, schedule.overlap_hours, longest.limit_minutes + longest.grace_minutes)
    except ConfigError as exc:
        raise ConfigError(f"zone {longest.id!r} ({rule_summary(longest)}) cannot be enforced: {exc}") from exc


def _zone(f: zone_file.FeatureReader) -> Zone:
    kind = f.choice("kind", (TIMED, PERMIT))
    return Zone(
        id=f.id, name=f.text("name"), kind=kind,
        limit_minutes=f.minutes("limit_minutes", nullable=kind == PERMIT, positive=True),
        grace_minutes=f.minutes("grace_minutes"), timezone=f.timezone("timezone"),
        schedule=f.schedule("schedule"), holidays=f.holidays("holidays"), geometry=f.polygon(),
    )


def rule_summary(zone: Zone) -> str:
    """'2 h limit + 5 min grace, Mon-Sat 08:00-18:00' or 'permit required, daily 00:00-24:00 except 3 holiday(s)'."""
    when = describe(zone.schedule) + (f" except {len(zone.holidays)} holiday(s)" if zone.holidays else "")
    if zone.limit_minutes is None:
        return f"permit required, {when}"
    limit = f"{_duration(zone.limit_minutes)} limit + {_duration(zone.grace_minutes)} grace"
    return f"permit or {limit}, {when}" if zone.kind == PERMIT else f"{limit}, {when}"


def _duration(minutes: int) -> str:
    hours, rest = divmod(minutes, 60)
    if hours and rest:
        return f"{hours} h {rest} min"
    return f"{hours} h" if hours else f"{rest} min"
