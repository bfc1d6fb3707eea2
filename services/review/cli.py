"""`alpr review`: serve the officers' API and page (and case intake), manage users, export citations, benchmark."""
import getpass
from datetime import timezone

import click

from alpr_common.db import resolve_database_url
from alpr_common.errors import ConfigError
from alpr_common.logs import configure_logging
from services.review.domain import ROLES
from services.review.settings import SERVICE, ReviewSettings
from services.review.passwords import generated_password
from services.review.users import UserError, add_user, disable_user, list_users, set_password


def _database_url() -> str:
    settings = ReviewSettings()
    return resolve_database_url(settings.database_url, settings.data_dir)


@click.group()
def review():
    """The review service for officers, and its users."""


@review.command()
def serve():
    """Serve the review API on REVIEW_HOST:REVIEW_PORT and ingest cases from alpr.cases.v1."""
    import uvicorn

    from services.review.app import create_app

    settings = ReviewSettings()
    try:
        app = create_app(settings)
    except ConfigError as exc:
        raise click.ClickException(str(exc)) from exc
    configure_logging(SERVICE, settings.log_level)
    click.echo(f"review API on http://{settings.host}:{settings.port} (case intake {'on' if settings.consume else 'off'})", err=True)
    uvicorn.run(app, host=settings.host, port=settings.port, log_config=None)


@review.command("add-user")
@click.argument("name")
@click.option("--role", required=True, type=click.Choice(ROLES), help="What the user may do.")
@click.option("--password", "with_password", is_flag=True,
              help="Also set a password for the web page: prompted, or generated and printed when left empty.")
def add_user_command(name: str, role: str, with_password: bool):
    """Create a user and print their bearer token (shown this once only)."""
    try:
        token = add_user(_database_url(), name, role)
        if with_password:
            _set_password(name)
    except UserError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"created {role} {name!r}; their token, shown only now:", err=True)
    click.echo(token)


@review.command("set-password")
@click.argument("name")
def set_password_command(name: str):
    """Set a user's password for the web page: prompted, or generated and printed when left empty."""
    try:
        _set_password(name)
    except UserError as exc:
        raise click.ClickException(str(exc)) from exc


def _set_password(name: str) -> None:
    password = click.prompt("password (empty: generate one)", default="", hide_input=True,
                            confirmation_prompt=True, show_default=False, err=True)
    if not password:
        password = generated_password()
        click.echo(f"generated password for {name!r}, shown only now:", err=True)
        click.echo(password)
    set_password(_database_url(), name, password)


@review.command("list-users")
def list_users_command():
    """List users with their role and whether they are disabled (never their tokens)."""
    for user in list_users(_database_url()):
        click.echo(f"{user['name']:24} {user['role']:11} {'disabled' if user['disabled'] else 'active'}")


@review.command("disable-user")
@click.argument("name")
def disable_user_command(name: str):
    """Disable a user: their token stops working at once."""
    try:
        disable_user(_database_url(), name)
    except UserError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"disabled {name!r}")


@review.command("export-citations")
@click.option("--since", type=click.DateTime(["%Y-%m-%d", "%Y-%m-%dT%H:%M:%S%z", "%Y-%m-%dT%H:%M:%S"]), required=True,
              help="Only citations issued at or after this time (UTC when no offset is given).")
@click.option("--format", "fmt", type=click.Choice(["csv", "json"]), default="csv", show_default=True)
@click.option("--webhook", help="POST the citations as JSON to this URL instead of printing them.")
@click.option("--actor", default=lambda: getpass.getuser(), help="Who exports (recorded on the audit trail).")
def export_citations_command(since, fmt: str, webhook: str | None, actor: str):
    """Export citations from alpr.citations.v1 for the city's citation system, their plates opened with the
    case keys (the export is audited; it is refused when a plate in force was shredded)."""
    from services.review.citation_export import (ExportError, PlatesShredded, as_csv, as_json, post_to_webhook,
                                                 read_citations)

    bootstrap, destination = _bootstrap(), webhook or f"stdout ({fmt})"
    try:
        rows = read_citations(bootstrap, since if since.tzinfo else since.replace(tzinfo=timezone.utc), _keystore())
    except PlatesShredded as exc:
        _audit_export(bootstrap, actor, "not_found", {"count": "0", "destination": destination,
                                                      "refused": ",".join(exc.citation_ids)})
        raise click.ClickException(str(exc)) from exc
    _audit_export(bootstrap, actor, "allowed", {"count": str(len(rows)), "destination": destination})
    if webhook:
        try:
            status = post_to_webhook(webhook, rows)
        except ExportError as exc:
            raise click.ClickException(str(exc)) from exc
        click.echo(f"posted {len(rows)} citations to {webhook} ({status})", err=True)
    else:
        click.echo(as_csv(rows) if fmt == "csv" else as_json(rows), nl=False)


def _bootstrap() -> str:
    try:
        return ReviewSettings().require_kafka()
    except ConfigError as exc:
        raise click.ClickException(str(exc)) from exc


def _keystore():
    from alpr_common.crypto import open_keystore

    try:
        return open_keystore(_database_url(), data_dir=ReviewSettings().data_dir)
    except ConfigError as exc:
        raise click.ClickException(str(exc)) from exc


def _audit_export(bootstrap: str, actor: str, outcome: str, details: dict[str, str]) -> None:
    from alpr_common import kafka
    from alpr_common.audit import AuditTrail

    trail = AuditTrail(SERVICE, kafka.producer(bootstrap, f"{SERVICE}-export"))
    trail.record(actor=actor, role="operator", actor_kind="person", action="citations.export", resource="citations",
                 outcome=outcome, purpose="citation processing", details=details)
    trail.close()  # a checkpoint over this one-event chain


@review.command()
@click.option("--cases", default=500, show_default=True, help="Open cases seeded into a fresh database.")
@click.option("--officers", default=50, show_default=True, help="Concurrent simulated officers.")
@click.option("--requests", "per_officer", default=20, show_default=True, help="Requests per officer per route.")
@click.option("--think-ms", default=0, show_default=True,
              help="Average pause of an officer between requests; 0 sends them back to back (a stress test).")
def bench(cases: int, officers: int, per_officer: int, think_ms: int):
    """p50/p95 latency of the case list and case detail under concurrent officers, next to GET /healthz."""
    from services.review.bench import run_bench

    click.echo(run_bench(cases, officers, per_officer, think_ms / 1000))
