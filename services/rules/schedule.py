"""Enforced hours: on which days, from when to when, in the zone's own time zone.

A window belongs to the day it starts on; when `end` is not after `start` the window crosses
midnight (22:00-06:00 on Friday runs into Saturday morning), and `start == end` means 24 hours.
"""
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

DAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


@dataclass(frozen=True)
class Schedule:
    days: frozenset[int]  # 0 = Monday, as datetime.weekday()
    start: time
    end: time

    def crosses_midnight(self) -> bool:
        return self.end <= self.start


def window_start(schedule: Schedule, tz: ZoneInfo, at: datetime) -> datetime | None:
    """The local start of the enforcement window that contains `at`, or None outside enforced hours."""
    local = at.astimezone(tz)
    for day in (local.date(), local.date() - timedelta(days=1)):
        start, end = _window_on(schedule, tz, day)
        if day.weekday() in schedule.days and start <= local < end:
            return start
    return None


def is_enforced(schedule: Schedule, tz: ZoneInfo, at: datetime) -> bool:
    return window_start(schedule, tz, at) is not None


def _window_on(schedule: Schedule, tz: ZoneInfo, day: date) -> tuple[datetime, datetime]:
    """Wall-clock bounds of the window starting on `day` (aware datetimes sharing `tz` compare by wall time)."""
    end_day = day + timedelta(days=1) if schedule.crosses_midnight() else day
    return datetime.combine(day, schedule.start, tz), datetime.combine(end_day, schedule.end, tz)


def describe(schedule: Schedule) -> str:
    """'Mon-Sat 08:00-18:00', 'daily 22:00-06:00', 'Mon, Wed, Fri 09:00-12:00', 'daily 00:00-24:00'."""
    end = "24:00" if schedule.end == time(0) else f"{schedule.end:%H:%M}"
    return f"{_describe_days(schedule.days)} {schedule.start:%H:%M}-{end}"


def _describe_days(days: frozenset[int]) -> str:
    ordered = sorted(days)
    if ordered == list(range(7)):
        return "daily"
    names = [DAY_NAMES[d].capitalize() for d in ordered]
    if len(ordered) > 2 and ordered == list(range(ordered[0], ordered[-1] + 1)):
        return f"{names[0]}-{names[-1]}"
    return ", ".join(names)
