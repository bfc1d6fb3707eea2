import csv
from datetime import datetime, timedelta

import pytest

from alpr_cli.demo.scenario import build_scenario

from tests.unit.demo.conftest import BASE_TIME


@pytest.mark.parametrize("base_time", [BASE_TIME.replace(tzinfo=None), BASE_TIME.replace(hour=18)])
def test_refuses_a_drive_outside_the_enforced_hours_or_without_a_timezone(tmp_path, base_time):
    with pytest.raises(ValueError):
        build_scenario(tmp_path, base_time=base_time)


@pytest.mark.parametrize("cars", [12, 80])
def test_refuses_too_few_cars_to_show_every_rule_or_more_than_the_streets_hold(tmp_path, cars):
    with pytest.raises(ValueError, match="cars"):
        build_scenario(tmp_path, base_time=BASE_TIME, cars=cars)


def test_permits_csv_has_the_shared_columns_and_covers_the_permit_kinds(scenario):
    with scenario.permits_path.open() as f:
        rows = list(csv.DictReader(f))
    assert rows and set(rows[0]) == {"plate", "zone_ids", "valid_from", "valid_to"}
    day = scenario.pass_times[0][0].date()
    holders = {c.plate for c in scenario.cars if c.kind == "permit_holder"}
    valid_today = {r["plate"] for r in rows if r["valid_from"] <= day.isoformat() <= r["valid_to"]}
    assert holders <= valid_today
    assert any(";" in r["zone_ids"] for r in rows)
    expired = next(c.plate for c in scenario.cars if c.kind == "expired_permit")
    assert expired in {r["plate"] for r in rows} - valid_today


def test_a_utc_base_time_is_accepted_and_written_in_city_time(tmp_path):
    utc = datetime.fromisoformat("2025-05-14T13:30:00+00:00")  # 09:30 in New York
    scenario = build_scenario(tmp_path, base_time=utc, cars=13)
    assert scenario.pass_times[1][0] - scenario.pass_times[0][0] == timedelta(minutes=150)
    sidecar = next(scenario.pass_dirs[0].glob("*.json")).read_text()
    assert "-04:00" in sidecar
