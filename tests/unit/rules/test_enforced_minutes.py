"""Time limits count only enforced hours: enforced_minutes_between across nights, weekends, holidays, DST."""
from datetime import date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from services.rules.schedule import enforced_minutes_between
from tests.unit.rules.builders import PARIS, schedule

DAYTIME = schedule("08:00", "20:00")  # Mon-Sat
NIGHT = schedule("22:00", "06:00", days=range(7))
NONE = frozenset()


def paris(day: int, hh: int, mm: int = 0) -> datetime:
    return datetime(2025, 3, day, hh, mm, tzinfo=PARIS)  # 2025-03-03 is a Monday


def minutes(rules, start, end, holidays=NONE) -> float:
    return enforced_minutes_between(rules, PARIS, holidays, start, end)


@pytest.mark.parametrize("start, end, expected", [
    (paris(3, 10), paris(3, 12), 120),          # inside one window
    (paris(3, 19, 30), paris(4, 9, 35), 125),   # 30 min in the evening, 95 next morning; the night is free
    (paris(3, 6), paris(3, 8, 30), 30),         # starts before enforcement
    (paris(3, 20), paris(4, 8), 0),             # the whole night
    (paris(8, 19), paris(10, 9), 120),          # Saturday 19:00 to Monday 09:00: Sunday is free
    (paris(3, 12), paris(3, 10), 0),            # end before start
])
def test_daytime_zone(start, end, expected):
    assert minutes(DAYTIME, start, end) == expected


def test_a_window_crossing_midnight_counts_on_both_sides_of_it():
    assert minutes(NIGHT, paris(3, 23), paris(4, 1)) == 120
    assert minutes(NIGHT, paris(3, 21), paris(4, 7)) == 8 * 60
    assert minutes(NIGHT, paris(4, 5), paris(4, 23)) == 60 + 60


def test_a_holiday_cancels_the_window_that_starts_on_it():
    holiday = frozenset({date(2025, 3, 4)})  # Tuesday
    assert minutes(DAYTIME, paris(3, 19), paris(5, 9), holiday) == 120
    assert minutes(NIGHT, paris(3, 23), paris(4, 1), holiday) == 120  # Monday's night runs into Tuesday
    assert minutes(NIGHT, paris(4, 23), paris(5, 1), holiday) == 0  # Tuesday's own night is off


def test_real_elapsed_time_counts_across_the_dst_change():
    all_day = schedule("00:00", "00:00", days=range(7))
    start, end = datetime(2025, 3, 30, 1, 0, tzinfo=PARIS), datetime(2025, 3, 30, 4, 0, tzinfo=PARIS)
    assert minutes(all_day, start, end) == 120  # 02:00-03:00 does not exist that night


instants = st.integers(0, 14 * 24 * 60).map(lambda m: paris(3, 0) + timedelta(minutes=m))
holiday_sets = st.frozensets(st.integers(0, 14).map(lambda d: date(2025, 3, 3) + timedelta(days=d)), max_size=4)
schedules = st.sampled_from([DAYTIME, NIGHT, schedule("09:00", "12:00", days={0, 2, 4})])


@given(schedules, holiday_sets, st.lists(instants, min_size=3, max_size=3))
def test_enforced_time_adds_up_and_never_exceeds_elapsed_time(rules, holidays, three):
    a, b, c = sorted(three)
    whole = minutes(rules, a, c, holidays)
    assert whole == pytest.approx(minutes(rules, a, b, holidays) + minutes(rules, b, c, holidays))
    assert 0 <= whole <= (c - a).total_seconds() / 60
    assert minutes(rules, a, c, holidays | {a.date() - timedelta(days=1)}) <= whole  # more holidays, less time
