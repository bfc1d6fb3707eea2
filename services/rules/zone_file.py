"""Reading a zone file (GeoJSON, format in docs/ARCHITECTURE.md) field by field, refusing bad values.

Every error names the file, the feature (id and position) and the field, so a city's GIS team can fix it.
Holidays (ISO dates) may be listed for the whole city in the FeatureCollection's own `holidays`
member and per zone in the feature's `holidays` property; a zone gets both.
"""
import json
import re
from collections import Counter
from datetime import date, time
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from shapely.geometry import shape

from alpr_common.errors import ConfigError
from services.rules.schedule import DAY_NAMES, Schedule

CLOCK = re.compile(r"^([01]\d|2[0-3]):([0-5]\d)$|^24:00$")
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class ZoneFileError(ConfigError):
    """The zone file cannot be used; the message says where and why."""


def read_features(path: Path) -> list["FeatureReader"]:
    try:
        collection = json.loads(path.read_text())
    except FileNotFoundError:
        raise ZoneFileError(f"zone file {path} does not exist (RULES_ZONES_PATH)")
    except (OSError, ValueError) as exc:
        raise ZoneFileError(f"{path}: not a readable JSON file: {exc}")
    if not isinstance(collection, dict) or collection.get("type") != "FeatureCollection":
        raise ZoneFileError(f"{path}: must be a GeoJSON FeatureCollection")
    features = collection.get("features")
    if not isinstance(features, list) or not features:
        raise ZoneFileError(f"{path}: the FeatureCollection has no features")
    city_holidays = iso_dates(collection.get("holidays"),
                              lambda problem: ZoneFileError(f"{path}: the FeatureCollection's field 'holidays' {problem}"))
    return [FeatureReader(path, index, raw, city_holidays) for index, raw in enumerate(features)]


def iso_dates(value: object, fail) -> frozenset[date]:
    """A list of ISO dates ('2025-12-25'); absent or null means none; fail(problem) builds the error."""
    if value is None:
        return frozenset()
    if not isinstance(value, list):
        raise fail(f'must be a list of dates such as ["2025-12-25"] (got {value!r})')
    days = set()
    for position, item in enumerate(value):
        try:
            days.add(date.fromisoformat(item if isinstance(item, str) and ISO_DATE.match(item) else ""))
        except ValueError:
            raise fail(f"item #{position} must be a date YYYY-MM-DD (got {item!r})")
    return frozenset(days)


def refuse_duplicate_ids(ids: list[str], path: Path) -> None:
    repeated = sorted(i for i, n in Counter(ids).items() if n > 1)
    if repeated:
        raise ZoneFileError(f"{path}: zone id(s) used more than once: {', '.join(repeated)}")


class FeatureReader:
    def __init__(self, path: Path, index: int, raw: object, city_holidays: frozenset[date] = frozenset()):
        self.where, self.city_holidays = f"{path}: feature #{index}", city_holidays
        if not isinstance(raw, dict):
            raise ZoneFileError(f"{self.where}: not a GeoJSON Feature object")
        self.raw, self.props = raw, dict(raw.get("properties") or {})
        if self.props.get("id") is None and raw.get("id") is not None:
            self.props["id"] = str(raw["id"])  # GeoJSON's own feature id, when properties carry none
        self.id = self.text("id")
        self.where = f"{path}: feature {self.id!r} (#{index})"

    def fail(self, field: str, problem: str) -> ZoneFileError:
        return ZoneFileError(f"{self.where}: field '{field}' {problem}")

    def text(self, field: str) -> str:
        value = self.props.get(field)
        if not isinstance(value, str) or not value.strip():
            raise self.fail(field, "must be a non-empty string")
        return value.strip()

    def choice(self, field: str, allowed: tuple[str, ...]) -> str:
        value = self.props.get(field)
        if value not in allowed:
            raise self.fail(field, f"must be one of {', '.join(allowed)} (got {value!r})")
        return value

    def minutes(self, field: str, nullable: bool = False, positive: bool = False) -> int | None:
        value = self.props.get(field)
        if value is None and nullable:
            return None
        if isinstance(value, bool) or not isinstance(value, int) or value < (1 if positive else 0):
            expected = "a whole number of minutes" + (" above 0" if positive else ", 0 or more")
            raise self.fail(field, f"must be {expected}{' or null' if nullable else ''} (got {value!r})")
        return value

    def timezone(self, field: str) -> ZoneInfo:
        name = self.text(field)
        try:
            return ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError):
            raise self.fail(field, f"must be an IANA time zone such as Europe/Paris (got {name!r})")

    def schedule(self, field: str) -> Schedule:
        raw = self.props.get(field)
        if not isinstance(raw, dict):
            raise self.fail(field, 'must be an object {"days": [...], "start": "HH:MM", "end": "HH:MM"}')
        days = raw.get("days")
        if not isinstance(days, list) or not days or any(d not in DAY_NAMES for d in days):
            raise self.fail(f"{field}.days", f"must be a non-empty list of {', '.join(DAY_NAMES)} (got {days!r})")
        return Schedule(frozenset(DAY_NAMES.index(d) for d in days),
                        self._clock(raw, field, "start"), self._clock(raw, field, "end"))

    def _clock(self, raw: dict, field: str, part: str) -> time:
        value = raw.get(part)
        match = CLOCK.match(value) if isinstance(value, str) else None
        if not match:
            raise self.fail(f"{field}.{part}", f"must be a time HH:MM, 00:00 to 24:00 (got {value!r})")
        return time(0, 0) if value == "24:00" else time(int(match[1]), int(match[2]))

    def holidays(self, field: str) -> frozenset[date]:
        """The city's holidays plus this zone's own."""
        return self.city_holidays | iso_dates(self.props.get(field), lambda problem: self.fail(field, problem))

    def polygon(self):
        try:
            geometry = shape(self.raw.get("geometry") or {})
        except Exception as exc:  # shapely raises several types for malformed GeoJSON
            raise self.fail("geometry", f"is not valid GeoJSON geometry: {exc}")
        if geometry.geom_type not in ("Polygon", "MultiPolygon") or geometry.is_empty:
            raise self.fail("geometry", f"must be a Polygon or MultiPolygon (got {geometry.geom_type})")
        if not geometry.is_valid:
            raise self.fail("geometry", "is not a valid polygon (self-intersecting or unclosed)")
        return geometry
