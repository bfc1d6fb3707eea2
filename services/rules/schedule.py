"""Enforced hours: on which days, from when to when, in the zone's own time zone, except holidays.

A window belongs to the day it starts on; when `end` is not after `start` the window crosses
midnight (22:00-06:00 on Friday runs into Saturday morning), and `start == end` means 24 hours.
A holiday cancels the window that starts on that date (so a night window from the evening before
a holiday still runs into the holiday's morning).
"""
from collections.abc import Set
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

DAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


@dataclass(frozen=True)
class Schedule:
    days: frozenset[int]  # 0 = Monday, as datetime.weekday()
    start: time
    end: time

    def crosses_midnight(self) -> bool:
        return self.end <= self.start


NO_HOLIDAYS: frozenset[date] = frozenset()


def window_start(schedule: Schedule, tz: ZoneInfo, at: datetime,
                 holidays: Set[date] = NO_HOLIDAYS) -> datetime | None:
    """The local start of the enforcement window that contains `at`, or None outside enforced hours."""
    local = at.astimezone(tz)
    for day in (local.date(), local.date() - timedelta(days=1)):
        start, end = _window_on(schedule, tz, day)
        if has_window(schedule, holidays, day) and start <= local < end:
            return start
    return None


def is_enforced(schedule: Schedule, tz: ZoneInfo, at: datetime, holidays: Set[date] = NO_HOLIDAYS) -> bool:
    return window_start(schedule, tz, at, holidays) is not None


def enforced_minutes_between(schedule: Schedule, tz: ZoneInfo, holidays: Set[date],
                             start: datetime, end: datetime) -> float:
    """Minutes of enforced hours from `start` to `end` (0 if end <= start): nights, days off and holidays are free."""
    if end <= start:
        return 0.0
    first_day, last_day = start.astimezone(tz).date() - timedelta(days=1), end.astimezone(tz).date()
    days = (first_day + timedelta(days=n) for n in range((last_day - first_day).days + 1))
    seconds = sum(_overlap_s(_window_on(schedule, tz, day), start, end)
                  for day in days if has_window(schedule, holidays, day))
    return seconds / 60


def has_window(schedule: Schedule, holidays: Set[date], day: date) -> bool:
    """An enforcement window starts on `day`: a listed weekday that is not a holiday."""
    return day.weekday() in schedule.days and day not in holidays


def _overlap_s(window: tuple[datetime, datetime], start: datetime, end: datetime) -> float:
    """Seconds shared by the window and [start, end), measured in UTC so DST changes count right."""
    opens, closes = (bound.astimezone(timezone.utc) for bound in window)
    start, end = start.astimezone(timezone.utc), end.astimezone(timezone.utc)
    return max(0.0, (min(closes, end) - max(opens, start)).total_seconds())


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
