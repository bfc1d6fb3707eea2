"""`alpr ingest serve | add-device | list-devices | disable-device` and `alpr upload`."""
from pathlib import Path

import click

from alpr_common.db import resolve_database_url
from alpr_common.errors import ConfigError
from alpr_common.logs import configure_logging
from services.ingest.devices import DeviceExists, check_schema, list_devices, register_device, set_disabled
from services.ingest.retry import RetryPolicy
from services.ingest.settings import IngestSettings
from services.ingest.uploader import UploadSummary, upload_folder


def _settings() -> IngestSettings:
    try:
        return IngestSettings()
    except ValueError as exc:
        raise click.ClickException(f"invalid ingest setting: {exc}") from exc


def _database_url(settings: IngestSettings) -> str:
    return resolve_database_url(settings.database_url, settings.data_dir)


@click.group()
def ingest():
    """The ingest service: frame uploads from camera vehicles, and the devices allowed to send them."""


@ingest.command()
@click.option("--host", help="Address to listen on [default: INGEST_HOST or 127.0.0.1].")
@click.option("--port", type=int, help="Port to listen on [default: INGEST_PORT or 8080].")
def serve(host: str | None, port: int | None):
    """Run the HTTP API (POST /v1/frames, /healthz, /readyz, /metrics) until stopped.

    Needs KAFKA_BOOTSTRAP_SERVERS; uses DATABASE_URL (else the embedded PostgreSQL) and
    ALPR_STORAGE_URL (else a local folder under ALPR_DATA_DIR).
    """
    import uvicorn

    from services.ingest.app import create_app

    settings = _settings()
    try:
        settings.require_kafka()
        check_schema(_database_url(settings))
        app = create_app(settings)
    except ConfigError as exc:
        raise click.ClickException(str(exc)) from exc
    configure_logging("ingest", settings.log_level)
    uvicorn.run(app, host=host or settings.host, port=port or settings.port, log_config=None)


@ingest.command("add-device")
@click.argument("device_id")
def add_device(device_id: str):
    """Register camera device DEVICE_ID and print its token (shown only this once)."""
    try:
        token = register_device(_database_url(_settings()), device_id)
    except (DeviceExists, ValueError, ConfigError) as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"device {device_id} registered; its token (keep it secret, it is not shown again):", err=True)
    click.echo(token)


@ingest.command("list-devices")
def list_devices_command():
    """List the registered devices (id, registration time, enabled or disabled); never tokens."""
    try:
        devices = list_devices(_database_url(_settings()))
    except ConfigError as exc:
        raise click.ClickException(str(exc)) from exc
    for d in devices:
        click.echo(f"{d.device_id}\t{d.created_at.isoformat()}\t{'disabled' if d.disabled else 'enabled'}")
    if not devices:
        click.echo("no devices registered; add one with `alpr ingest add-device DEVICE_ID`", err=True)


@ingest.command("disable-device")
@click.argument("device_id")
@click.option("--enable", is_flag=True, help="Enable the device again instead.")
def disable_device(device_id: str, enable: bool):
    """Refuse uploads with DEVICE_ID's token from now on (or allow them again with --enable)."""
    try:
        found = set_disabled(_database_url(_settings()), device_id, not enable)
    except ConfigError as exc:
        raise click.ClickException(str(exc)) from exc
    if not found:
        raise click.ClickException(f"no device {device_id!r}")
    click.echo(f"device {device_id} {'enabled' if enable else 'disabled'}")


@click.command()
@click.argument("folder", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--url", envvar="INGEST_URL", required=True, help="Base URL of the ingest service, e.g. http://127.0.0.1:8080 (env INGEST_URL).")
@click.option("--token", envvar="INGEST_TOKEN", required=True, help="The device's token from `alpr ingest add-device` (env INGEST_TOKEN, preferred: a command-line argument is visible to other users).")
@click.option("--max-attempts", default=6, show_default=True, type=click.IntRange(1), help="Tries per frame on 503 or connection errors.")
@click.option("--max-delay", default=30.0, show_default=True, type=click.FloatRange(0), help="Longest wait in seconds between tries (exponential backoff, or the server's Retry-After).")
@click.option("--progress/--no-progress", default=True, show_default=True, help="Show a progress bar.")
def upload(folder: Path, url: str, token: str, max_attempts: int, max_delay: float, progress: bool):
    """Push FOLDER's frames (NAME.jpg or NAME.png, each with NAME.json metadata) to ingest.

    Frames the server accepted are recorded in FOLDER/.uploaded, so running the command again after
    a failure sends only the rest. A rejected frame is reported with the server's reason and the
    others still go. Exits non-zero when any frame was rejected or could not be sent.
    """
    summary = upload_folder(folder, url, token, progress=progress,
                            retry=RetryPolicy(max_attempts=max_attempts, max_delay_s=max_delay))
    report(summary)
    if not summary.ok:
        raise SystemExit(1)


def report(summary: UploadSummary) -> None:
    for e in summary.errors:
        status = f" (HTTP {e.status})" if e.status else ""
        click.echo(f"{e.file}: {e.error}{status}: {e.detail}", err=True)
    click.echo(f"accepted {summary.accepted}, duplicates {summary.duplicates}, rejected {summary.rejected}, "
               f"failed {summary.failed}, already uploaded {summary.already_uploaded}")
