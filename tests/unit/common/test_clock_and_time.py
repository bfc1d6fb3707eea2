from datetime import datetime, timedelta, timezone

import pytest

from alpr_common.clock import FileClock, FixedClock, WallClock, clock_from_setting
from alpr_common.errors import ConfigError
from alpr_common.timeutil import from_timestamp, to_timestamp

T0 = datetime(2026, 3, 2, 9, 30, tzinfo=timezone.utc)


def test_file_clock_follows_the_file_another_process_moves(tmp_path):
    clock = clock_from_setting(f"file:{tmp_path / 'now'}")
    clock.set(T0)
    assert clock.now() == T0
    clock.set(T0 + timedelta(hours=25))
    assert clock.now() == T0 + timedelta(hours=25)


def test_missing_clock_file_is_a_clear_config_error(tmp_path):
    with pytest.raises(ConfigError, match="does not exist"):
        FileClock(tmp_path / "absent").now()


def test_unknown_clock_setting_is_refused():
    with pytest.raises(ConfigError, match="ALPR_CLOCK"):
        clock_from_setting("sundial")


def test_wall_and_fixed_clocks():
    assert isinstance(clock_from_setting("wall"), WallClock)
    assert WallClock().now().tzinfo is not None
    assert FixedClock(T0).now() == T0


def test_timestamps_round_trip_and_refuse_naive_times():
    assert from_timestamp(to_timestamp(T0)) == T0
    with pytest.raises(ValueError, match="naive"):
        to_timestamp(datetime(2026, 1, 1))
