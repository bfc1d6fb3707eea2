"""One demo scenario run, scraped by a real Prometheus, shared by every observability test."""
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.observability.prometheus_server import PROMETHEUS, Prometheus, start_prometheus



@dataclass
class ScrapedRun:
    prometheus: Prometheus
    started: float
    finished: float
    data_dir: Path
    frame_truth: dict[str, list[str]]


@pytest.fixture(scope="package")
def scraped_run(tmp_path_factory) -> ScrapedRun:
    if not PROMETHEUS.exists():
        pytest.skip("needs Debian's prometheus package (/usr/bin/prometheus): apt-get install -y prometheus")
    from alpr_cli.demo.accounts import create_demo_accounts
    from alpr_cli.demo.cars import MIN_CARS
    from alpr_cli.demo.run import run_scenario, yesterday_morning
    from alpr_cli.demo.scenario import build_scenario
    from alpr_cli.stack import Stack, StackOptions, free_port
    from alpr_common.clock import FileClock

    data_dir = tmp_path_factory.mktemp("observed")
    clock = FileClock(data_dir / "clock")
    base = yesterday_morning()
    clock.set(base)
    scenario = build_scenario(data_dir / "scenario", base_time=base, cars=MIN_CARS)  # the smallest drive that shows every rule
    options = StackOptions(data_dir, scenario.zones_path, scenario.tracts_path, clock=f"file:{clock.path}",
                           ingest_port=free_port(), review_port=free_port(), retention_sweep_s=1.0,
                           seed_database=lambda url: create_demo_accounts(url, scenario.permits_path, scenario.device_id))
    with Stack(options) as stack:
        prometheus = start_prometheus(data_dir / "prometheus", free_port(), scrape_targets(stack))
        started = time.time()
        try:
            summary = run_scenario(stack, scenario, clock)
            assert summary.cases_as_expected, "the scenario itself failed; see the service logs in " + str(data_dir / "logs")
            time.sleep(5)  # a few more scrapes after the last event, so every rate has two samples
            finished = time.time()
        except BaseException:
            prometheus.stop()
            raise
    yield ScrapedRun(prometheus, started, finished, data_dir, scenario.frame_truth)
    prometheus.stop()


def scrape_targets(stack) -> dict[str, str]:
    ports = {**stack.metrics_ports, "ingest": stack.options.ingest_port, "review": stack.options.review_port}
    return {name: f"127.0.0.1:{port}" for name, port in ports.items()}
