import json
from datetime import date
from pathlib import Path

import pytest

from alpr_cli.demo.scenario import Scenario, build_scenario, demo_base_time

BASE_TIME = demo_base_time(date(2025, 5, 14))


@pytest.fixture(scope="session")
def scenario(tmp_path_factory) -> Scenario:
    return build_scenario(tmp_path_factory.mktemp("demo"), base_time=BASE_TIME)


@pytest.fixture(scope="session")
def sidecars(scenario) -> list[tuple[int, Path, dict]]:
    """(pass index, image path, metadata) of every frame written."""
    return [(index, meta_path.with_suffix(".jpg"), json.loads(meta_path.read_text()))
            for index, folder in enumerate(scenario.pass_dirs) for meta_path in sorted(folder.glob("*.json"))]


@pytest.fixture(scope="session")
def sightings_by_plate(scenario, sidecars) -> dict[str, list[tuple[int, dict]]]:
    """plate -> [(pass index, metadata)] of the frames it appears in."""
    seen: dict[str, list[tuple[int, dict]]] = {}
    for index, _, meta in sidecars:
        for plate in scenario.frame_truth[meta["frame_id"]]:
            seen.setdefault(plate, []).append((index, meta))
    return seen
