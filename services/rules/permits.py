"""Residential parking permits: the CSV the city exports, and the book the rules look plates up in.

CSV (docs/ARCHITECTURE.md): `plate,zone_ids,valid_from,valid_to`, zone ids separated by `;`,
times in ISO 8601. A bare date means midnight at the start of that day (valid_from) or at the end of
that day (valid_to, so the whole day is covered), in the time zone given to the parser (UTC by default).
A permit covers `valid_from <= capture time < valid_to`.
"""
import csv
import io
import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone, tzinfo

from alpr_common.plates import canonical_plate, normalize_plate

COLUMNS = ("plate", "zone_ids", "valid_from", "valid_to")
BARE_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class PermitFileError(ValueError):
    """A row of the permits CSV is wrong; the message names the line and the field."""


@dataclass(frozen=True)
class Permit:
    plate: str
    zone_id: str
    valid_from: datetime
    valid_to: datetime


class PermitBook:
    """Who may park where, when; looked up for every sighting in a permit zone.

    Plates are looked up by their canonical form, so a read that confuses look-alike characters
    ('S05A8C' for 'SO5ABC') still finds the permit.
    """

    def __init__(self, permits: list[Permit]):
        self._by_plate: dict[str, list[Permit]] = {}
        for p in permits:
            self._by_plate.setdefault(canonical_plate(p.plate), []).append(p)

    def __len__(self) -> int:
        return sum(len(v) for v in self._by_plate.values())

    def covers(self, plate: str, zone_id: str, at: datetime) -> bool:
        """A permit for this zone with valid_from <= at < valid_to (at: the read's capture time)."""
        return any(p.zone_id == zone_id and p.valid_from <= at < p.valid_to
                   for p in self._by_plate.get(canonical_plate(plate), ()))


def parse_permits_csv(text: str, tz: tzinfo = timezone.utc) -> list[Permit]:
    """Every permit in the file, or PermitFileError for the first bad row (nothing half-read)."""
    reader = csv.DictReader(io.StringIO(text))
    if tuple(reader.fieldnames or ()) != COLUMNS:
        raise PermitFileError(f"line 1: the header must be {','.join(COLUMNS)} (got {','.join(reader.fieldnames or [])})")
    permits = []
    for row in reader:
        permits += _row(row, reader.line_num, tz)
    return permits


def _row(row: dict, line: int, tz: tzinfo) -> list[Permit]:
    def fail(field: str, problem: str) -> PermitFileError:
        return PermitFileError(f"line {line}: field '{field}' {problem} (got {row.get(field)!r})")

    if None in row or any(row.get(c) is None for c in COLUMNS):
        raise PermitFileError(f"line {line}: expected {len(COLUMNS)} fields: {','.join(COLUMNS)}")
    plate = normalize_plate(row["plate"])
    if not plate.isalnum():
        raise fail("plate", "must be letters and digits")
    zone_ids = [z.strip() for z in row["zone_ids"].split(";") if z.strip()]
    if not zone_ids:
        raise fail("zone_ids", "must list at least one zone id, separated by ';'")
    valid_from, valid_to = _when(row["valid_from"], tz, False), _when(row["valid_to"], tz, True)
    for field, value in (("valid_from", valid_from), ("valid_to", valid_to)):
        if value is None:
            raise fail(field, "must be an ISO 8601 date (2025-01-31) or date-time (2025-01-31T08:00:00+01:00)")
    if valid_to <= valid_from:
        raise fail("valid_to", f"must be after valid_from {row['valid_from']!r}")
    return [Permit(plate, zone_id, valid_from, valid_to) for zone_id in zone_ids]


def _when(text: str, tz: tzinfo, end_of_day: bool) -> datetime | None:
    text = text.strip()
    try:
        if BARE_DATE.match(text):
            day = date.fromisoformat(text) + timedelta(days=1 if end_of_day else 0)
            return datetime.combine(day, time(0), tz)
        at = datetime.fromisoformat(text)
    except ValueError:
        return None
    return at if at.tzinfo else at.replace(tzinfo=tz)
