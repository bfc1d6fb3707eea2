"""Residential parking permits: the CSV the city exports, and the book the rules look tokens up in.

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
from typing import Protocol

from alpr_common.crypto import EpochKeys, token
from alpr_common.crypto.keys import EPOCH_PREFIX
from alpr_common.plates import normalize_plate

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


class EpochKeySource(Protocol):
    def keys_for(self, key_id: str) -> EpochKeys: ...  # KeyDestroyed once shredded (the KeyStore)


class PermitBook:
    """Who may park where, when; looked up by plate token for every sighting in a zone.

    The permits are the city's registry, kept as text; sightings carry only a token of one epoch.
    For each epoch asked about, the book tokenizes every permit plate under that epoch's key once
    (look-alike plates share a token, so 'S05A8C' still finds the permit of 'SO5ABC') and keeps the
    map for the latest MAX_EPOCHS epochs. Each question asks the key store for the epoch's keys, so
    a destroyed epoch raises KeyDestroyed even while its map is cached.
    """
    MAX_EPOCHS = 4

    def __init__(self, permits: list[Permit], keys: EpochKeySource):
        self.permits, self._keys = list(permits), keys
        self._by_epoch: dict[str, dict[bytes, list[Permit]]] = {}

    def __len__(self) -> int:
        return len(self.permits)

    def with_permits(self, permits: list[Permit]) -> "PermitBook":
        """The book for a fresh load: this one (and its token maps) when nothing changed, else a new one."""
        return self if permits == self.permits else PermitBook(permits, self._keys)

    def covers(self, token: bytes, epoch_id: str, zone_id: str, at: datetime) -> bool:
        """A permit for this zone with valid_from <= at < valid_to (at: the read's capture time)."""
        return any(p.zone_id == zone_id and p.valid_from <= at < p.valid_to
                   for p in self._tokenized(epoch_id).get(token, ()))

    def _tokenized(self, epoch_id: str) -> dict[bytes, list[Permit]]:
        keys = self._keys.keys_for(EPOCH_PREFIX + epoch_id)
        if epoch_id not in self._by_epoch:
            while len(self._by_epoch) >= self.MAX_EPOCHS:
                del self._by_epoch[next(iter(self._by_epoch))]
            self._by_epoch[epoch_id] = by_token(self.permits, keys)
        return self._by_epoch[epoch_id]


def by_token(permits: list[Permit], keys: EpochKeys) -> dict[bytes, list[Permit]]:
    found: dict[bytes, list[Permit]] = {}
    for p in permits:
        found.setdefault(token(keys, p.plate), []).append(p)
    return found


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
