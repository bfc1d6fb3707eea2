"""`alpr review`: serve the officers' API (and case intake), and manage review users."""
import click

from alpr_common.db import resolve_database_url
from alpr_common.errors import ConfigError
from alpr_common.logs import configure_logging
from services.review.domain import ROLES
from services.review.settings import SERVICE, ReviewSettings
from services.review.users import UserError, add_user, disable_user, list_users


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
def add_user_command(name: str, role: str):
    """Create a user and print their bearer token (shown this once only)."""
    try:
        token = add_user(_database_url(), name, role)
    except UserError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"created {role} {name!r}; their token, shown only now:", err=True)
    click.echo(token)


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
