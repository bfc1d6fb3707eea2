"""`alpr retention`: run the service, sweep once, show what is due next, legal holds and citation closures."""
import click

from alpr_common import kafka
from alpr_common.audit import AuditTrail
from alpr_common.db import resolve_database_url
from alpr_common.logs import configure_logging
from alpr_common.metrics import serve_metrics
from alpr_common.service_runtime import stop_on_signals
from services.retention import actions
from services.retention.holds import Refused, actor, hold_request, parse_instant
from services.retention.service import SERVICE, RetentionService
from services.retention.settings import RetentionSettings


@click.group()
def retention():
    """The retention service: destroys frames, evidence and keys when the retention rules say so."""


@retention.command()
def run():
    """Consume frames, reads, cases, decisions and citations; sweep every RETENTION_SWEEP_INTERVAL_S."""
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
    """List what goes next (epoch keys, frames, case keys), when and under which rule; held items say HELD."""
    service = RetentionService(RetentionSettings())
    now = service.clock.now()
    planned = service.planned()
    for d in planned[:limit]:
        marker = "HELD" if d.held else "DUE NOW" if d.due_at <= now else f"in {d.due_at - now}"
        click.echo(f"{d.due_at.isoformat()}  {marker:>22}  {d.rule:24} {d.kind} {d.item_id}")
    held = sum(1 for d in planned if d.held)
    click.echo(f"{len(planned)} item(s) scheduled, {held} under a legal hold, {service.past_due()} past due; "
               f"now is {now.isoformat()}")


@retention.command()
@click.option("--small", default=100, show_default=True, help="Sealed reads per epoch, baseline.")
@click.option("--large", default=100_000, show_default=True, help="Sealed reads per epoch, compared.")
@click.option("--runs", default=7, show_default=True, help="Epochs shredded per size (the median is shown).")
def bench(small: int, large: int, runs: int):
    """Time shredding an epoch with few vs many sealed reads (a fresh database on DATABASE_URL's server, or embedded)."""
    from services.retention.bench import bench as run_bench

    settings = RetentionSettings()
    results = run_bench(resolve_database_url(settings.database_url, settings.data_dir), small, large, runs, click.echo)
    ratio = results[large] / results[small]
    click.echo(f"shredding an epoch: {results[small] * 1000:.2f} ms with {small:,} sealed reads vs "
               f"{results[large] * 1000:.2f} ms with {large:,} ({ratio:.2f}x; flat when near 1)")


def _act(action, *args) -> actions.Outcome:
    """Run one audited action with its own audit writer; refusals become a clear error (exit 1)."""
    settings = RetentionSettings()
    service = RetentionService(settings)
    audit = AuditTrail(SERVICE, kafka.producer(settings.require_kafka(), f"{SERVICE}-cli"))
    try:
        return action(service.cases, audit, *args, service.clock.now())
    except Refused as exc:
        raise click.ClickException(str(exc)) from None
    finally:
        audit.close()


def _hold_options(command):
    command = click.option("--by", required=True, help="The supervisor acting (recorded in the audit trail).")(command)
    command = click.option("--reference", required=True, help="Why: a court order or request number.")(command)
    return click.argument("case_id")(command)


@retention.command()
@_hold_options
def hold(case_id: str, reference: str, by: str):
    """Place a legal hold on a case: its evidence is not destroyed, even when due, until released."""
    done = _act(actions.place_hold, _request(case_id, reference, by))
    click.echo(f"case {done.case_id} held under {reference!r}: {done.live_frames} frame(s) kept, "
               f"{done.destroyed_frames} already destroyed")


@retention.command()
@_hold_options
def release(case_id: str, reference: str, by: str):
    """Lift a legal hold; the case's evidence follows its retention rule again (other holds still apply)."""
    done = _act(actions.release_hold, _request(case_id, reference, by))
    click.echo(f"hold {reference!r} on case {done.case_id} released; {done.live_frames} frame(s) follow the schedule again")


@retention.command("close-citation")
@click.argument("case_or_citation_id")
@click.option("--at", "at_text", required=True, help="When the citation was closed (ISO 8601 with offset).")
@click.option("--by", required=True, help="Who records the closure (recorded in the audit trail).")
def close_citation(case_or_citation_id: str, at_text: str, by: str):
    """Record that a citation was closed: its evidence is destroyed `citation_evidence` after that."""
    try:
        at, by = parse_instant(at_text), actor(by)
    except Refused as exc:
        raise click.ClickException(str(exc)) from None
    done = _act(actions.close_citation, case_or_citation_id, by, at)
    click.echo(f"citation of case {done.case_id} closed at {at.isoformat()}; {done.live_frames} frame(s) now on the schedule")


def _request(case_id: str, reference: str, by: str):
    try:
        return hold_request(case_id, reference, by)
    except Refused as exc:
        raise click.ClickException(str(exc)) from None
