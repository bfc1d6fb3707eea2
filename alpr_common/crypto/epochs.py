"""Epoch arithmetic: which epochs a moment belongs to, and the checks on the schedule.

Epochs last `epoch_hours` (the minimization window) and a new one starts every
`epoch_hours - overlap_hours`, counted from 1970-01-01T00:00Z, so consecutive epochs overlap by
`overlap_hours`. A read is sealed under the newest epoch containing its capture time, so it is
readable at most `epoch_hours`; it is tokenized under every epoch containing it (two inside an
overlap), so two sightings up to `overlap_hours` apart always share an epoch and chalking matches.
"""
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from alpr_common.errors import ConfigError

ORIGIN = datetime(1970, 1, 1, tzinfo=timezone.utc)
ID_FORMAT = "%Y%m%dT%H%MZ"


@dataclass(frozen=True)
class EpochSchedule:
    epoch_hours: int = 24
    overlap_hours: int = 6

    def __post_init__(self):
        if self.epoch_hours < 1 or self.overlap_hours < 0 or 2 * self.overlap_hours > self.epoch_hours:
            raise ConfigError(f"ALPR_EPOCH_HOURS={self.epoch_hours}, ALPR_EPOCH_OVERLAP_HOURS={self.overlap_hours}: "
                              "epochs need at least 1 hour and an overlap between 0 and half the epoch")

    @property
    def step(self) -> timedelta:
        return timedelta(hours=self.epoch_hours - self.overlap_hours)


@dataclass(frozen=True)
class Epoch:
    epoch_id: str
    starts_at: datetime
    ends_at: datetime


def epoch_starting(schedule: EpochSchedule, index: int) -> Epoch:
    start = ORIGIN + index * schedule.step
    return Epoch(f"{start:{ID_FORMAT}}-{schedule.epoch_hours}h", start, start + timedelta(hours=schedule.epoch_hours))


def epochs_at(schedule: EpochSchedule, at: datetime) -> list[Epoch]:
    """Every epoch containing `at`, newest first (one, or two inside an overlap)."""
    if at.tzinfo is None:
        raise ValueError("epochs need an aware datetime (with a time zone)")
    newest = (at - ORIGIN) // schedule.step
    candidates = (epoch_starting(schedule, newest - back) for back in range(2))
    return [e for e in candidates if e.starts_at <= at < e.ends_at]


def sealing_epoch(schedule: EpochSchedule, at: datetime) -> Epoch:
    """The epoch whose data key seals what was captured at `at`: the newest containing it."""
    return epochs_at(schedule, at)[0]


def parse_epoch_id(epoch_id: str) -> Epoch:
    """'20240501T0000Z-24h' -> the epoch it names; ValueError for anything else."""
    start_text, _, hours_text = epoch_id.rpartition("-")
    if not hours_text.endswith("h") or not hours_text[:-1].isdigit():
        raise ValueError(f"not an epoch id: {epoch_id!r}")
    start = datetime.strptime(start_text, ID_FORMAT).replace(tzinfo=timezone.utc)
    return Epoch(epoch_id, start, start + timedelta(hours=int(hours_text[:-1])))


def check_window(epoch_hours: int, overlap_hours: int, longest_limit_minutes: int) -> None:
    """Refuse a schedule under which the longest enforced limit (plus grace) could not be chalked."""
    if epoch_hours * 60 < longest_limit_minutes:
        raise ConfigError(f"ALPR_EPOCH_HOURS={epoch_hours} is shorter than the longest time limit enforced "
                          f"({longest_limit_minutes} minutes with grace); the window must be at least that long")
    if overlap_hours * 60 < longest_limit_minutes:
        raise ConfigError(f"ALPR_EPOCH_OVERLAP_HOURS={overlap_hours} is shorter than the longest time limit "
                          f"enforced ({longest_limit_minutes} minutes with grace); a car parked across an epoch "
                          "boundary would escape chalking. Raise the overlap (at most half of ALPR_EPOCH_HOURS)")
