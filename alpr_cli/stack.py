"""The whole stack on one machine: development broker, PostgreSQL, object store and every service."""
import socket
import time
from dataclasses import dataclass, field
from typing import Callable
from pathlib import Path

import click

from alpr_cli.processes import ProcessGroup
from alpr_cli.settings import CliSettings
from alpr_cli.wiring import all_migrations
from alpr_common.db import apply_migrations, resolve_database_url
from alpr_common.service_runtime import stop_on_signals


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class StackOptions:
    data_dir: Path
    zones_path: Path
    tracts_path: Path
    clock: str = "wall"
    ingest_port: int = 8080
    review_port: int = 8081
    transparency_port: int = 8082
    retention_sweep_s: float = 60.0
    extra_env: dict[str, str] = field(default_factory=dict)
    seed_database: Callable[[str], object] = lambda database_url: None  # runs after migrations, before the services


@dataclass
class Stack:
    """Start with `with Stack(options) as stack:`; everything stops when the block ends."""
    options: StackOptions
    bootstrap: str = ""
    database_url: str = ""
    storage_url: str = ""
    metrics_ports: dict[str, int] = field(default_factory=dict)
    seeded: object = None

    def __post_init__(self):
        self.processes = ProcessGroup(self.options.data_dir / "logs")

    @property
    def ingest_url(self) -> str:
        return f"http://127.0.0.1:{self.options.ingest_port}"

    @property
    def review_url(self) -> str:
        return f"http://127.0.0.1:{self.options.review_port}"

    @property
    def transparency_url(self) -> str:
        return f"http://127.0.0.1:{self.options.transparency_port}"

    def __enter__(self) -> "Stack":
        try:
            self._start()
        except BaseException:
            self.processes.stop()
            raise
        return self

    def __exit__(self, *exc) -> None:
        self.processes.stop()

    def _start(self) -> None:
        settings = CliSettings(ALPR_DATA_DIR=self.options.data_dir)
        self.bootstrap = settings.kafka_bootstrap_servers or self._start_devbroker()
        self.database_url = resolve_database_url(settings.database_url, settings.data_dir)
        apply_migrations(self.database_url, all_migrations())
        self.seeded = self.options.seed_database(self.database_url)
        self.storage_url = settings.resolved_storage_url()
        env = self._service_env()
        for name, args, extra in self._services():
            self.processes.start(name, args, {**env, **extra})
        self.processes.wait_ready(f"{self.ingest_url}/readyz")
        self.processes.wait_ready(f"{self.review_url}/readyz")
        self.processes.wait_ready(f"{self.transparency_url}/healthz")
        time.sleep(1.0)
        self.processes.check_alive()

    def _start_devbroker(self) -> str:
        address_file = self.options.data_dir / "devbroker.address"
        address_file.unlink(missing_ok=True)
        self.processes.start("devbroker", ["devbroker", "--address-file", str(address_file)], {}, infrastructure=True)
        deadline = time.monotonic() + 20
        while not address_file.exists():
            self.processes.check_alive()
            if time.monotonic() > deadline:
                raise TimeoutError("the development broker did not report its address")
            time.sleep(0.1)
        return address_file.read_text().strip()

    def _service_env(self) -> dict[str, str]:
        return {
            "KAFKA_BOOTSTRAP_SERVERS": self.bootstrap,
            "DATABASE_URL": self.database_url,
            "ALPR_STORAGE_URL": self.storage_url,
            "ALPR_DATA_DIR": str(self.options.data_dir.resolve()),
            "ALPR_CLOCK": self.options.clock,
            **self.options.extra_env,
        }

    def _services(self) -> list[tuple[str, list[str], dict[str, str]]]:
        self.metrics_ports = {name: free_port() for name in ("ocr", "rules", "retention", "reporting")}
        o = self.options
        return [
            ("ingest", ["ingest", "serve"], {"INGEST_PORT": str(o.ingest_port)}),
            ("ocr", ["ocr", "run"], {"OCR_METRICS_PORT": str(self.metrics_ports["ocr"])}),
            ("rules", ["rules", "run"], {"RULES_ZONES_PATH": str(o.zones_path), "RULES_METRICS_PORT": str(self.metrics_ports["rules"])}),
            ("review", ["review", "serve"], {"REVIEW_PORT": str(o.review_port)}),
            ("retention", ["retention", "run"], {"RETENTION_SWEEP_INTERVAL_S": str(o.retention_sweep_s),
                                                 "RETENTION_METRICS_PORT": str(self.metrics_ports["retention"])}),
            ("reporting", ["reporting", "run"], {"REPORTING_TRACTS_PATH": str(o.tracts_path),
                                                 "REPORTING_METRICS_PORT": str(self.metrics_ports["reporting"])}),
            ("transparency", ["reporting", "serve"], {"REPORTING_TRACTS_PATH": str(o.tracts_path),
                                                      "REPORTING_PORT": str(o.transparency_port)}),
        ]


@click.command()
@click.option("--data-dir", type=click.Path(path_type=Path), default=Path(".alpr/up"), show_default=True,
              help="Where the embedded database, objects and logs live.")
@click.option("--zones", type=click.Path(exists=True, path_type=Path), help="Zones GeoJSON (default: the demo city's).")
@click.option("--tracts", type=click.Path(exists=True, path_type=Path), help="Census tracts GeoJSON (default: the demo city's).")
@click.option("--ingest-port", default=8080, show_default=True)
@click.option("--review-port", default=8081, show_default=True)
@click.option("--transparency-port", default=8082, show_default=True)
def up(data_dir: Path, zones: Path | None, tracts: Path | None, ingest_port: int, review_port: int,
       transparency_port: int):
    """Run the whole stack in the foreground until Ctrl-C, printing the URLs and demo credentials.

    The demo city's zones, tracts and permits are used unless --zones/--tracts are given, and the
    demo drive's frames are written so that `alpr upload` has something to send.
    """
    from alpr_cli.demo.accounts import create_demo_accounts
    from alpr_cli.demo.run import yesterday_morning
    from alpr_cli.demo.scenario import build_scenario

    scenario = build_scenario(data_dir / "scenario", base_time=yesterday_morning())
    options = StackOptions(data_dir, zones or scenario.zones_path, tracts or scenario.tracts_path,
                           ingest_port=ingest_port, review_port=review_port, transparency_port=transparency_port,
                           seed_database=lambda url: create_demo_accounts(url, scenario.permits_path, scenario.device_id))
    click.echo("Starting the stack (development broker, PostgreSQL, local object store, six services)...")
    with Stack(options) as stack:
        accounts = stack.seeded
        click.echo(f"\ningest  {stack.ingest_url}/v1/frames   device {accounts.device_id}, token {accounts.device_token}")
        click.echo(f"review  {stack.review_url}/v1/cases    officer token {accounts.officer_token}")
        click.echo(f"                                       supervisor token {accounts.supervisor_token}")
        click.echo(f"public  {stack.transparency_url}/            transparency page (no sign-in)")
        click.echo(f"kafka   {stack.bootstrap} (development broker)   logs in {data_dir / 'logs'}")
        click.echo(f"\nTry:  alpr upload {scenario.pass_dirs[0]} --url {stack.ingest_url} --token {accounts.device_token}")
        click.echo("Press Ctrl-C to stop.")
        stop = stop_on_signals()
        while not stop.wait(1.0):
            stack.processes.check_alive()
        click.echo("Stopping...")
