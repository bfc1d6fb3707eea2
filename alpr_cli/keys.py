"""`alpr keys`: the epoch and case keys behind crypto-shredding, for operators (never key material)."""
import click

from alpr_cli.settings import CliSettings
from alpr_common.clock import clock_from_setting
from alpr_common.crypto import KeyStore, open_keystore as open_service_keystore
from alpr_common.db import resolve_database_url


def open_keystore() -> KeyStore:
    common = CliSettings()
    return open_service_keystore(resolve_database_url(common.database_url, common.data_dir), cache_ttl_s=0)


@click.group()
def keys():
    """Epoch and case keys: list them, check the master key, destroy an epoch's keys."""


@keys.command("list")
def keys_list():
    """Print every epoch: id, window, when its keys were created and destroyed. Never prints keys."""
    records = open_keystore().epochs()
    for r in records:
        state = f"destroyed {r.destroyed_at.isoformat()}" if r.destroyed_at else "live"
        click.echo(f"{r.epoch_id:22} {r.starts_at.isoformat()} .. {r.ends_at.isoformat()}  "
                   f"created {r.created_at.isoformat()}  {state}")
    click.echo(f"{len(records)} epoch(s), {sum(r.destroyed_at is None for r in records)} live.")


@keys.command("destroy-epoch")
@click.argument("epoch_id")
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
def keys_destroy_epoch(epoch_id: str, yes: bool):
    """Destroy EPOCH_ID's keys now: everything sealed under them becomes unreadable, for good.

    The retention service does this on schedule when an epoch's window ends; this command is for
    operators (time from ALPR_CLOCK). It cannot be undone.
    """
    if not yes:
        click.confirm(f"Destroy the keys of epoch {epoch_id}? Nothing sealed under them can be read again", abort=True)
    destroyed = open_keystore().destroy_epoch(epoch_id, clock_from_setting(CliSettings().clock).now())
    click.echo(f"epoch {epoch_id}: keys destroyed." if destroyed else f"epoch {epoch_id}: no live keys (already destroyed, or never created).")


@keys.command("check")
def keys_check():
    """Check that the configured master key unwraps every live epoch and case key (exit 1 if not)."""
    store = open_keystore()
    bad = store.unreadable_keys()
    for key in bad:
        click.echo(f"cannot unwrap {key}", err=True)
    if bad:
        raise click.ClickException(f"{len(bad)} live key(s) do not unwrap with master key {store.master.key_id}")
    click.echo(f"every live key unwraps with master key {store.master.key_id}.")
