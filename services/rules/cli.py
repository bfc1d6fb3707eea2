"""`alpr rules` (run the service, check a zone file) and `alpr permits` (import and list permits)."""
import functools
import threading
import getpass
import random
from datetime import datetime, timezone
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import click

from alpr_common import kafka
from alpr_common.audit import AuditTrail
from alpr_common.db import resolve_database_url
from services.rules.permits import PermitFileError
from services.rules.settings import RulesSettings
from services.rules.zones import load_zones, rule_summary


@click.group()
def rules():
    """The rules service: matches plate reads to zones, checks permits, chalks, opens cases."""


@rules.command("run")
def run():
    """Consume alpr.reads.v1 (plate tokens, never text) and produce cases on alpr.cases.v1 until stopped (Ctrl-C).

    Needs KAFKA_BOOTSTRAP_SERVERS, RULES_ZONES_PATH, the key store (DATABASE_URL, ALPR_MASTER_KEY) and
    the epoch schedule ocr uses (ALPR_EPOCH_HOURS, ALPR_EPOCH_OVERLAP_HOURS); see services/rules/README.md.
    """
    import faust  # imported here: only `run` needs it, and it is slow to import

    from alpr_common.crypto import CryptoSettings, open_keystore
    from alpr_common.logs import configure_logging
    from alpr_common.lag import consumer_lag
    from alpr_common.metrics import serve_metrics, watch_consumer_lag
    from alpr_common.topics import READS, RULES_SIGHTINGS
    from services.rules.app import Dependencies, create_app
    from services.rules.permits_repository import load_permits
    from services.rules.zone_reload import ZoneFile
    from services.rules.zones import check_fits_epochs

    settings, crypto = RulesSettings(), CryptoSettings()
    bootstrap = settings.require_kafka()
    epochs = crypto.schedule()
    zones = ZoneFile(settings.require_zones_path(), check=functools.partial(check_fits_epochs, schedule=epochs))
    database_url = resolve_database_url(settings.database_url, settings.data_dir)
    configure_logging("rules", settings.log_level)
    serve_metrics(settings.metrics_port)
    watch_consumer_lag("rules", functools.partial(consumer_lag, bootstrap, "rules", [READS.name, RULES_SIGHTINGS.name]),
                       threading.Event())
    audit = AuditTrail("rules", kafka.producer(bootstrap, "rules-audit"))
    permits = load_permits(database_url, open_keystore(database_url, data_dir=settings.data_dir))
    worker = faust.Worker(create_app(Dependencies(settings, zones, permits, database_url, audit, epochs)),
                          loglevel=settings.log_level, quiet=True, redirect_stdouts=False, override_logging=False)
    worker.execute_from_commandline()


@rules.command("check-zones")
@click.argument("path", type=click.Path(path_type=Path))
def check_zones(path: Path):
    """Validate the zone file PATH (GeoJSON) and print one line per zone."""
    index = load_zones(path)
    for zone in index.zones:
        click.echo(f"{zone.id:16} {zone.kind:7} {zone.name} ({zone.timezone.key}): {rule_summary(zone)}")
    click.echo(f"{len(index.zones)} zone(s), file is valid.")


@rules.command("bench")
@click.option("--zones", "zone_count", default=1000, show_default=True, help="Generated zones (a grid of squares).")
@click.option("--permits", "permit_count", default=100_000, show_default=True, help="Generated permits.")
@click.option("--reads", "read_count", default=20_000, show_default=True, help="Reads per run.")
@click.option("--runs", default=5, show_default=True, help="Runs per loop; the median is printed.")
@click.option("--seed", default=1, show_default=True, help="Seed of the generated data.")
def bench_(zone_count: int, permit_count: int, read_count: int, runs: int, seed: int):
    """Reads per second through the matching logic (zone lookup, permit check by token, chalk
    decision), pure code with no Kafka, on one core; next to a baseline of the zone lookup alone.

    Reads are made as ocr makes them (tokens and sealed plates) with the key store in DATABASE_URL
    (or the embedded database; run `alpr db migrate` first), under epoch keys of a day in 2025 that
    it creates there; the first run includes tokenizing the permits for each epoch.
    """
    from alpr_common.crypto import open_keystore
    from services.rules import bench

    settings = RulesSettings()
    keystore = open_keystore(_database_url(settings), data_dir=settings.data_dir)
    rng = random.Random(seed)
    zones = bench.grid_zones(zone_count)
    book = bench.random_permits(permit_count, zones, rng, keystore)
    reads = bench.random_reads(read_count, zones, max(1, read_count // 4), rng, keystore)
    args = (reads, zones, book, settings.chalk_policy())
    with bench.one_core() as pinned:
        click.echo(f"{zone_count} zones, {len(book)} permits, {read_count} reads x {runs} runs, {pinned}")
        for label, loop, counted in bench.LOOPS:
            rate, result = bench.median_rate(loop, runs, *args)
            click.echo(f"{label:32} {rate:>10,.0f} reads/s (median; {result} {counted} per run)")


@click.group()
def permits():
    """Residential parking permits (schema `rules` in DATABASE_URL, or the embedded database)."""


ACTOR = click.option("--actor", default=getpass.getuser, show_default="the OS user",
                     help="Who is doing this, for the audit trail.")


@permits.command("import")
@click.argument("csv_path", metavar="CSV", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--timezone", "tz", default="UTC", show_default=True, callback=lambda _c, _p, v: _zoneinfo(v),
              help="IANA time zone for bare dates (2025-01-31) in valid_from/valid_to.")
@ACTOR
def import_(csv_path: Path, tz: ZoneInfo, actor: str):
    """Import a permits CSV: plate,zone_ids,valid_from,valid_to (zone ids separated by ';').

    Every row is checked first; one bad row imports nothing. Importing the same file again
    updates the same permits rather than adding copies.
    """
    from services.rules.permits_repository import import_permits_csv

    settings = RulesSettings()
    try:
        count = import_permits_csv(_database_url(settings), csv_path, tz)
    except PermitFileError as exc:
        raise click.ClickException(f"{csv_path}: {exc}; nothing was imported")
    _audit(settings, actor, "permits.import", str(csv_path), {"rows": str(count)})
    click.echo(f"imported {count} permit(s) from {csv_path}")


@permits.command("list")
@click.option("--valid-at", type=click.DateTime(["%Y-%m-%dT%H:%M:%S%z", "%Y-%m-%d"]),
              help="Only permits valid at this time (ISO 8601; a bare date means midnight UTC).")
@ACTOR
def list_(valid_at: datetime | None, actor: str):
    """Print the stored permits: plate, zone, valid from, valid to (in UTC)."""
    from services.rules.permits_repository import list_permits

    settings = RulesSettings()
    if valid_at is not None and valid_at.tzinfo is None:
        valid_at = valid_at.replace(tzinfo=timezone.utc)
    rows = list_permits(_database_url(settings), valid_at)
    _audit(settings, actor, "permits.list", "rules.permits", {"rows": str(len(rows))})
    for p in rows:
        click.echo(f"{p.plate:12} {p.zone_id:16} {_utc(p.valid_from)}  {_utc(p.valid_to)}")
    click.echo(f"{len(rows)} permit(s)")


def _utc(at: datetime) -> str:
    return at.astimezone(timezone.utc).isoformat()


def _zoneinfo(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise click.BadParameter(f"{name!r} is not an IANA time zone such as Europe/Paris")


def _database_url(settings: RulesSettings) -> str:
    return resolve_database_url(settings.database_url, settings.data_dir)


def _audit(settings: RulesSettings, actor: str, action: str, resource: str, details: dict[str, str]) -> None:
    """Record the access on the audit topic; without a broker, say plainly that it went unrecorded."""
    if not settings.kafka_bootstrap_servers:
        click.echo("warning: KAFKA_BOOTSTRAP_SERVERS is not set, so this access was not audited", err=True)
        return
    trail = AuditTrail("rules-cli", kafka.producer(settings.kafka_bootstrap_servers, "rules-cli"))
    trail.record(actor=actor, role="admin", action=action, resource=resource, outcome="ok", details=details)
