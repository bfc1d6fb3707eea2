"""Commands for the infrastructure: the development broker, the topic catalog, migrations."""
import sys
from pathlib import Path

import click
from confluent_kafka.admin import AdminClient, ConfigResource, NewTopic

from alpr_cli.settings import CliSettings
from alpr_cli.wiring import all_migrations
from alpr_common import devbroker as devbroker_mod
from alpr_common.db import apply_migrations, resolve_database_url
from alpr_common.topics import CATALOG


@click.command()
@click.option("--address-file", type=click.Path(path_type=Path), help="Also write the bootstrap address to this file.")
def devbroker(address_file: Path | None):
    """Run the development Kafka broker until stopped (Ctrl-C).

    This is librdkafka's built-in mock cluster: it speaks the Kafka protocol on a local port, keeps
    everything in memory (nothing on disk) and creates topics on first use. Never use it in production.
    """
    def ready(bootstrap: str) -> None:
        if address_file:
            address_file.parent.mkdir(parents=True, exist_ok=True)
            address_file.write_text(bootstrap)
        click.echo(f"{devbroker_mod.BANNER}\nKAFKA_BOOTSTRAP_SERVERS={bootstrap}", err=True)
        click.echo(bootstrap)
        sys.stdout.flush()

    devbroker_mod.serve_forever(on_ready=ready)


@click.group()
def topics():
    """Show the topic catalog or apply it to a Kafka cluster."""


@topics.command("list")
def topics_list():
    """Print the catalog: name, partitions, retention, cleanup policy and key."""
    for t in CATALOG:
        retention = "never expires" if t.retention_ms < 0 else f"{t.retention_ms // 86_400_000} days"
        click.echo(f"{t.name:24} partitions={t.partitions} retention={retention:14} cleanup={t.cleanup_policy} key={t.key}")


@topics.command("apply")
@click.option("--replication-factor", default=3, show_default=True, help="Replicas per partition.")
@click.option("--timeout", default=15.0, show_default=True, help="Seconds to wait for the cluster.")
def topics_apply(replication_factor: int, timeout: float):
    """Create missing topics and update the settings of existing ones on KAFKA_BOOTSTRAP_SERVERS."""
    bootstrap = CliSettings().require_kafka()
    admin = AdminClient({"bootstrap.servers": bootstrap})
    metadata = admin.list_topics(timeout=timeout)
    if metadata.cluster_id.startswith(devbroker_mod.CLUSTER_ID_PREFIX):
        click.echo("This is the development broker: it cannot create topics by request. Topics are "
                   "created on first use with 4 partitions, which the catalog matches; nothing to apply.")
        return
    existing, replicas = metadata.topics, min(replication_factor, len(metadata.brokers))
    missing = [NewTopic(t.name, t.partitions, replicas, config={**t.config(), "min.insync.replicas": str(min(t.min_insync_replicas, replicas))})
               for t in CATALOG if t.name not in existing]
    for name, future in (admin.create_topics(missing) if missing else {}).items():
        future.result(timeout)
        click.echo(f"created {name}")
    present = [ConfigResource(ConfigResource.Type.TOPIC, t.name, set_config={**t.config(), "min.insync.replicas": str(min(t.min_insync_replicas, replicas))})
               for t in CATALOG if t.name in existing]
    for resource, future in (admin.alter_configs(present) if present else {}).items():
        future.result(timeout)
        click.echo(f"updated {resource.name}")



@click.group()
def db():
    """Database migrations (plain versioned SQL, one schema per service)."""


@db.command("migrate")
def db_migrate():
    """Apply every service's pending migrations to DATABASE_URL (or the embedded server)."""
    settings = CliSettings()
    url = resolve_database_url(settings.database_url, settings.data_dir)
    applied = apply_migrations(url, all_migrations())
    for m in applied:
        click.echo(f"applied {m.service}/{m.version}")
    click.echo(f"{len(applied)} migration(s) applied; the database is up to date.")
