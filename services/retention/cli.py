"""`alpr retention`: run the service, sweep once, or show what is due next."""

import click

from alpr_common import kafka
from alpr_common.clock import clock_from_setting
from alpr_common.logs import configure_logging
from alpr_common.metrics import serve_metrics
from alpr_common.service_runtime import stop_on_signals
from services.retention.plan import schedule_all
from services.retention.service import SERVICE, RetentionService
from services.retention.settings import RetentionSettings


@click.group()
def retention():
    """The retention service: destroys frames and evidence when the retention rules say so."""


@retention.command()
def run():
    """Consume frames, reads, cases and decisions and sweep every RETENTION_SWEEP_INTERVAL_S."""
    settings = RetentionSettings()
    settings.require_kafka()
    configure_logging(SERVICE, settings.log_level)
    serve_metrics(settings.metrics_port)
    RetentionService(settings).run(stop_on_signals())


@retention.command()
def sweep():
    """Destroy everything due now (by ALPR_CLOCK) once, then exit."""
    settings = RetentionSettings()
    bootstrap = settings.require_kafka()
    configure_logging(SERVICE, settings.log_level)
    result = RetentionService(settings).sweeper(kafka.producer(bootstrap, f"{SERVICE}-sweep")).sweep()
    click.echo(f"destroyed {result.destroyed} of {result.due} due item(s)")
    if result.past_due:
        raise click.ClickException(f"{result.past_due} item(s) are past due and were not destroyed; see the log")


@retention.command()
@click.option("--limit", default=20, show_default=True, help="How many items to list.")
def due(limit: int):
    """List what will be destroyed next, when, and under which rule."""
    settings = RetentionSettings()
    service = RetentionService(settings)
    now = clock_from_setting(settings.clock).now()
    planned = schedule_all(service.repo.destroyable_frames(), service.rules)
    for d in planned[:limit]:
        marker = "DUE NOW" if d.due_at <= now else f"in {d.due_at - now}"
        click.echo(f"{d.due_at.isoformat()}  {marker:>22}  {d.rule:24} {d.item.kind} {d.item.item_id}")
    click.echo(f"{len(planned)} item(s) scheduled; now is {now.isoformat()}")
