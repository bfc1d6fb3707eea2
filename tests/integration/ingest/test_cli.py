"""`alpr ingest add-device | list-devices | disable-device | serve` against the real database."""
import pytest
from click.testing import CliRunner

from services.ingest.cli import ingest
from services.ingest.devices import authenticate
from tests.integration.ingest.support import unique
from tests.support.components import fresh_database

pytestmark = pytest.mark.integration


def run(args, **env):
    return CliRunner().invoke(ingest, args, env=env)


def test_add_device_prints_a_token_that_authenticates_until_the_device_is_disabled(database_url):
    device_id = unique("cam")
    added = run(["add-device", device_id], DATABASE_URL=database_url)
    token = added.stdout.strip().splitlines()[-1]
    assert added.exit_code == 0 and authenticate(database_url, token) == device_id
    listed = run(["list-devices"], DATABASE_URL=database_url)
    assert f"{device_id}\t" in listed.output and "enabled" in listed.output and token not in listed.output
    assert run(["disable-device", device_id], DATABASE_URL=database_url).exit_code == 0
    assert authenticate(database_url, token) is None


def test_adding_the_same_device_twice_or_a_bad_id_is_a_clear_error(database_url):
    device_id = unique("cam")
    run(["add-device", device_id], DATABASE_URL=database_url)
    again = run(["add-device", device_id], DATABASE_URL=database_url)
    bad = run(["add-device", "../x"], DATABASE_URL=database_url)
    assert again.exit_code == 1 and "already registered" in again.output
    assert bad.exit_code == 1 and "device id '../x'" in bad.output


def test_serve_refuses_to_start_without_a_broker_address(database_url):
    result = run(["serve"], DATABASE_URL=database_url, KAFKA_BOOTSTRAP_SERVERS=None)
    assert result.exit_code == 1 and "KAFKA_BOOTSTRAP_SERVERS is not set" in result.output


def test_commands_on_a_database_without_the_ingest_tables_say_to_migrate(postgres_admin_url):
    with fresh_database(postgres_admin_url) as empty:
        result = run(["list-devices"], DATABASE_URL=empty)
    assert result.exit_code == 1 and "alpr db migrate" in result.output
