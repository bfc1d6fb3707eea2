import functools
import json
import logging
import os

import pytest

from alpr_common.crypto import EpochSchedule
from alpr_common.errors import ConfigError
from services.rules.zone_file import ZoneFileError
from services.rules.zone_reload import ZoneFile
from services.rules.zones import check_fits_epochs
from tests.unit.rules.test_zone_file import PERMIT, TIMED, with_props


def write(path, *features, bump_s=0):
    path.write_text(json.dumps({"type": "FeatureCollection", "features": list(features)}))
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + bump_s * 1_000_000_000))
    return path


def test_an_unchanged_file_is_not_read_again(tmp_path):
    zones = ZoneFile(write(tmp_path / "zones.geojson", TIMED))
    assert zones.reload_if_changed() is False and [z.id for z in zones.index.zones] == ["main-st"]


def test_a_changed_file_replaces_the_zones_in_use(tmp_path):
    path = write(tmp_path / "zones.geojson", TIMED)
    zones = ZoneFile(path)
    write(path, TIMED, PERMIT, bump_s=5)
    assert zones.reload_if_changed() is True
    assert [z.id for z in zones.index.zones] == ["main-st", "res-a"]


def test_a_bad_file_keeps_the_old_zones_and_logs_the_feature_and_field(tmp_path, caplog):
    path = write(tmp_path / "zones.geojson", TIMED)
    zones = ZoneFile(path)
    write(path, with_props(TIMED, holidays=["christmas"]), bump_s=5)
    with caplog.at_level(logging.ERROR, logger="services.rules.zone_reload"):
        assert zones.reload_if_changed() is False
    assert [z.id for z in zones.index.zones] == ["main-st"] and zones.index.zones[0].holidays == frozenset()
    assert "feature 'main-st' (#0): field 'holidays'" in caplog.text and "keeping the 1 zone(s)" in caplog.text
    write(path, TIMED, PERMIT, bump_s=10)  # fixed: the next change is picked up
    assert zones.reload_if_changed() is True and len(zones.index.zones) == 2


def test_a_bad_file_at_start_refuses_to_start(tmp_path):
    with pytest.raises(ZoneFileError, match="field 'kind'"):
        ZoneFile(write(tmp_path / "zones.geojson", with_props(TIMED, kind="meter")))


def fits(schedule):
    return functools.partial(check_fits_epochs, schedule=schedule)


def test_zones_the_epochs_cannot_chalk_refuse_to_start_naming_the_zone_and_the_setting(tmp_path):
    path = write(tmp_path / "zones.geojson", TIMED, PERMIT)  # main-st: 120 + 5 minutes
    refusal = r"zone 'main-st' \(2 h limit \+ 5 min grace.*ALPR_EPOCH_OVERLAP_HOURS=2 is shorter"
    with pytest.raises(ConfigError, match=refusal):
        ZoneFile(path, check=fits(EpochSchedule(4, 2)))
    assert [z.id for z in ZoneFile(path, check=fits(EpochSchedule(6, 3))).index.zones] == ["main-st", "res-a"]


def test_a_permit_zone_without_a_limit_needs_no_overlap(tmp_path):
    zones = ZoneFile(write(tmp_path / "zones.geojson", PERMIT), check=fits(EpochSchedule(1, 0)))
    assert [z.id for z in zones.index.zones] == ["res-a"]


def test_a_reload_the_epochs_cannot_chalk_keeps_the_old_zones(tmp_path, caplog):
    path = write(tmp_path / "zones.geojson", with_props(TIMED, limit_minutes=60))
    zones = ZoneFile(path, check=fits(EpochSchedule(4, 2)))
    write(path, with_props(TIMED, limit_minutes=180), bump_s=5)  # 185 minutes > 2 hours of overlap
    with caplog.at_level(logging.ERROR, logger="services.rules.zone_reload"):
        assert zones.reload_if_changed() is False
    assert zones.index.zones[0].limit_minutes == 60
    assert "zone file not reloaded, keeping the 1 zone(s) in use" in caplog.text and "cannot be enforced" in caplog.text
