import json
import logging
import os

import pytest

from services.rules.zone_file import ZoneFileError
from services.rules.zone_reload import ZoneFile
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
