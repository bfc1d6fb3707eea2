"""`alpr reporting run` (the consumer) and `alpr report annual` (the annual data-usage report)."""
import logging
from pathlib import Path

import click

from alpr_common.clock import clock_from_setting
from alpr_common.db import resolve_database_url
from alpr_common.logs import configure_logging
from alpr_common.metrics import serve_metrics
from alpr_common.service_runtime import stop_on_signals
from services.reporting import service
from services.reporting.report import write_annual_report
from services.reporting.repository import AggregateRepository
from services.reporting.retention_rules import load_rules
from services.reporting.settings import ReportingSettings

log = logging.getLogger(__name__)


@click.group()
def reporting():
    """The reporting service: aggregate counts from the event streams (never plate text)."""


@reporting.command()
def run():
    """Consume reads, cases, decisions, citations, retention records and audit events into aggregate counts."""
    settings = ReportingSettings()
    settings.require_kafka()
    configure_logging(service.SERVICE, settings.log_level)
    if not settings.tracts_path:
        log.warning("REPORTING_TRACTS_PATH is not set: every count goes to census tract 'unknown'")
    serve_metrics(settings.metrics_port)
    service.run(settings, stop_on_signals())


@reporting.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to listen on.")
def serve(host: str):
    """Serve the public transparency page (no sign-in) and /metrics on REPORTING_PORT (8082)."""
    import uvicorn

    from services.reporting.web import create_app

    settings = ReportingSettings()
    configure_logging(service.SERVICE, settings.log_level)
    repo = AggregateRepository(resolve_database_url(settings.database_url, settings.data_dir))
    clock = clock_from_setting(settings.clock)
    load_rules(settings.retention_config_path)  # refuse to start without the rules file
    app = create_app(repo.year_figures, lambda: load_rules(settings.retention_config_path), lambda: clock.now().year,
                     settings.suppression_threshold, settings.overdue_grace_minutes)
    uvicorn.run(app, host=host, port=settings.port, log_config=None)


@click.group()
def report():
    """Reports built from the aggregate counts."""


@report.command()
@click.option("--year", type=int, required=True, help="Calendar year to cover (1 January - 31 December).")
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), required=True,
              help="Folder for the HTML page, its CSV files and its JSON.")
@click.option("--public", is_flag=True,
              help="The public version: counts below REPORTING_SUPPRESSION_THRESHOLD (default 10) suppressed.")
def annual(year: int, out_dir: Path, public: bool):
    """Write the annual data-usage report (HTML with charts and maps, a CSV per table, one JSON)."""
    settings = ReportingSettings()
    service.zone_info(settings.timezone)
    url = resolve_database_url(settings.database_url, settings.data_dir)
    path = write_annual_report(url, year, out_dir, settings.tracts_path, timezone=settings.timezone,
                               threshold=settings.suppression_threshold if public else None,
                               rules_path=settings.retention_config_path, grace_minutes=settings.overdue_grace_minutes)
    click.echo(f"wrote {path}")


@report.command()
@click.option("--reads", type=int, default=10_000_000, show_default=True, help="Reads in the generated year.")
@click.option("--baseline", type=int, default=100_000, show_default=True, help="Reads in the baseline year.")
@click.option("--runs", type=int, default=3, show_default=True, help="Reports built per year (median).")
@click.option("--public", is_flag=True, help="Time the public (suppressed) version.")
def bench(reads: int, baseline: int, runs: int, public: bool):
    """Time the annual report on generated aggregate rows (fresh database on DATABASE_URL or embedded)."""
    from services.reporting.bench import bench as run_bench

    settings = ReportingSettings()
    results = run_bench(resolve_database_url(settings.database_url, settings.data_dir), reads, baseline, runs, public,
                        click.echo)
    click.echo(f"annual report: {results[reads]:.2f} s for {reads:,} reads vs {results[baseline]:.2f} s for "
               f"{baseline:,} (target < 60 s: {'met' if results[reads] < 60 else 'NOT met'})")
