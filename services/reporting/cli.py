"""`alpr reporting run` (the consumer) and `alpr report annual` (the annual data-usage report)."""
import logging
from pathlib import Path

import click

from alpr_common.db import resolve_database_url
from alpr_common.logs import configure_logging
from alpr_common.metrics import serve_metrics
from alpr_common.service_runtime import stop_on_signals
from services.reporting import service
from services.reporting.report import write_annual_report
from services.reporting.settings import ReportingSettings

log = logging.getLogger(__name__)


@click.group()
def reporting():
    """The reporting service: aggregate counts from the event streams (never plate text)."""


@reporting.command()
def run():
    """Consume reads, cases, decisions, citations and retention records into aggregate counts."""
    settings = ReportingSettings()
    settings.require_kafka()
    configure_logging(service.SERVICE, settings.log_level)
    if not settings.tracts_path:
        log.warning("REPORTING_TRACTS_PATH is not set: every count goes to census tract 'unknown'")
    serve_metrics(settings.metrics_port)
    service.run(settings, stop_on_signals())


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
