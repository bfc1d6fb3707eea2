from datetime import datetime

import pytest

from services.rules.schedule import describe, is_enforced, window_start
from tests.unit.rules.builders import PARIS, schedule

MON, SAT, SUN = 3, 8, 9  # March 2025 day numbers


def paris(day: int, hh: int, mm: int = 0) -> datetime:
    return datetime(2025, 3, day, hh, mm, tzinfo=PARIS)


@pytest.mark.parametrize("at, enforced", [
    (paris(MON, 7, 59), False), (paris(MON, 8, 0), True), (paris(MON, 17, 59), True),
    (paris(MON, 18, 0), False), (paris(SAT, 12), True), (paris(SUN, 12), False),
])
def test_daytime_schedule_covers_start_but_not_end_on_listed_days(at, enforced):
    assert is_enforced(schedule("08:00", "18:00"), PARIS, at) is enforced


@pytest.mark.parametrize("at, enforced", [
    (paris(SAT, 23), True),   # Saturday night, the window starting Saturday
    (paris(SUN, 5, 59), True),  # still Saturday's window, though Sunday is not listed
    (paris(SUN, 6), False), (paris(SUN, 23), False),  # Sunday's own window does not exist
    (paris(MON, 1), False),   # would belong to Sunday's window
    (paris(MON, 21, 59), False), (paris(MON, 22), True),
])
def test_schedule_crossing_midnight_belongs_to_the_day_it_starts(at, enforced):
    assert is_enforced(schedule("22:00", "06:00"), PARIS, at) is enforced


def test_window_start_of_an_after_midnight_sighting_is_the_evening_before():
    assert window_start(schedule("22:00", "06:00"), PARIS, paris(SUN, 3)) == paris(SAT, 22)


def test_equal_start_and_end_mean_all_day():
    all_day = schedule("00:00", "00:00", days=range(7))
    assert all(is_enforced(all_day, PARIS, paris(SUN, hh, 30)) for hh in range(24))


def test_end_at_24_00_runs_to_midnight():
    evening = schedule("20:00", "00:00")
    assert is_enforced(evening, PARIS, paris(MON, 23, 59))
    assert not is_enforced(evening, PARIS, paris(MON + 1, 0, 0))


def test_local_time_decides_not_utc():
    rules = schedule("08:00", "18:00")
    assert is_enforced(rules, PARIS, datetime.fromisoformat("2025-03-03T07:30:00+00:00"))  # 08:30 in Paris
    assert not is_enforced(rules, PARIS, datetime.fromisoformat("2025-03-03T06:30:00+00:00"))  # 07:30 in Paris


def test_wall_clock_hours_hold_across_the_spring_dst_change():
    sunday_rules = schedule("08:00", "18:00", days={6})
    assert is_enforced(sunday_rules, PARIS, datetime.fromisoformat("2025-03-30T06:30:00+00:00"))  # 08:30 CEST
    assert not is_enforced(sunday_rules, PARIS, datetime.fromisoformat("2025-03-30T05:30:00+00:00"))  # 07:30 CEST


def test_description_reads_like_a_street_sign():
    assert describe(schedule("08:00", "18:00")) == "Mon-Sat 08:00-18:00"
    assert describe(schedule("22:00", "06:00", days=range(7))) == "daily 22:00-06:00"
    assert describe(schedule("09:00", "12:00", days={0, 2, 4})) == "Mon, Wed, Fri 09:00-12:00"
    assert describe(schedule("00:00", "00:00", days=range(7))) == "daily 00:00-24:00"
