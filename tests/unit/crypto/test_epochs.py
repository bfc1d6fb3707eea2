from datetime import datetime, timedelta, timezone

import pytest

from alpr_common.crypto import EpochSchedule, check_window, epochs_at, parse_epoch_id, sealing_epoch, split_key_id
from alpr_common.errors import ConfigError

SCHEDULE = EpochSchedule(epoch_hours=24, overlap_hours=6)
T = datetime(2024, 5, 1, 9, 30, tzinfo=timezone.utc)


def test_every_moment_lies_in_its_sealing_epoch_which_ends_within_the_window():
    for minutes in range(0, 3 * 24 * 60, 37):
        at = T + timedelta(minutes=minutes)
        epoch = sealing_epoch(SCHEDULE, at)
        assert epoch.starts_at <= at < epoch.ends_at <= at + timedelta(hours=24)


def test_inside_an_overlap_a_moment_lies_in_two_epochs_newest_first():
    newest = sealing_epoch(SCHEDULE, T)
    inside_overlap = newest.starts_at + timedelta(hours=2)
    two = epochs_at(SCHEDULE, inside_overlap)
    assert [e.epoch_id for e in two][0] == newest.epoch_id and len(two) == 2
    assert two[1].starts_at < two[0].starts_at and two[1].ends_at > inside_overlap
    assert len(epochs_at(SCHEDULE, newest.starts_at + timedelta(hours=7))) == 1


def test_two_sightings_up_to_the_overlap_apart_always_share_an_epoch():
    for minutes in range(0, 2 * 24 * 60, 11):
        first = T + timedelta(minutes=minutes)
        second = first + timedelta(hours=SCHEDULE.overlap_hours) - timedelta(seconds=1)
        assert sealing_epoch(SCHEDULE, first) in epochs_at(SCHEDULE, second)


def test_without_overlap_epochs_tile_time():
    schedule = EpochSchedule(24, 0)
    epoch = sealing_epoch(schedule, T)
    assert (epoch.starts_at, epoch.ends_at) == (datetime(2024, 5, 1, tzinfo=timezone.utc), datetime(2024, 5, 2, tzinfo=timezone.utc))
    assert epochs_at(schedule, epoch.ends_at)[0].starts_at == epoch.ends_at


def test_an_epoch_id_names_its_window():
    epoch = sealing_epoch(SCHEDULE, T)
    assert parse_epoch_id(epoch.epoch_id) == epoch
    with pytest.raises(ValueError):
        parse_epoch_id("yesterday")


def test_key_ids_name_an_epoch_or_a_case():
    assert split_key_id("epoch:20240501T0000Z-24h") == ("epoch", "20240501T0000Z-24h")
    assert split_key_id("case:c-42") == ("case", "c-42")
    with pytest.raises(ValueError):
        split_key_id("other:1")


def test_a_naive_time_is_refused():
    with pytest.raises(ValueError, match="aware"):
        epochs_at(SCHEDULE, datetime(2024, 5, 1))


@pytest.mark.parametrize("hours, overlap", [(0, 0), (24, 13), (24, -1)])
def test_an_impossible_schedule_is_refused(hours, overlap):
    with pytest.raises(ConfigError, match="ALPR_EPOCH_HOURS"):
        EpochSchedule(hours, overlap)


def test_the_window_accepts_a_schedule_that_covers_the_longest_limit():
    check_window(epoch_hours=24, overlap_hours=6, longest_limit_minutes=245)


def test_a_window_shorter_than_the_longest_limit_is_refused():
    with pytest.raises(ConfigError, match="ALPR_EPOCH_HOURS=4 is shorter"):
        check_window(epoch_hours=4, overlap_hours=2, longest_limit_minutes=245)


def test_an_overlap_shorter_than_the_longest_limit_is_refused():
    with pytest.raises(ConfigError, match="ALPR_EPOCH_OVERLAP_HOURS=2"):
        check_window(epoch_hours=24, overlap_hours=2, longest_limit_minutes=245)
