"""`alpr keys` against a real database (the group is invoked directly until main.py registers it)."""
import base64
import os

import pytest
from click.testing import CliRunner

from alpr_cli.keys import keys
from alpr_common.crypto import KeyStore, LocalMasterKey
from tests.integration.crypto.conftest import T

MASTER = os.urandom(32)


@pytest.fixture
def env(database_url, tmp_path):
    return {"DATABASE_URL": database_url, "ALPR_MASTER_KEY": base64.b64encode(MASTER).decode(),
            "ALPR_DATA_DIR": str(tmp_path), "ALPR_CLOCK": "wall"}


def test_list_shows_epochs_and_never_key_material(database_url, env):
    epoch = KeyStore(database_url, LocalMasterKey(MASTER)).epoch_for(T)
    result = CliRunner().invoke(keys, ["list"], env=env)
    assert result.exit_code == 0, result.output
    assert epoch.epoch_id in result.output and "live" in result.output and "1 epoch(s), 1 live." in result.output
    assert epoch.data_key.hex() not in result.output and epoch.hmac_key.hex() not in result.output


def test_destroy_epoch_shreds_it_and_says_so(database_url, env):
    store = KeyStore(database_url, LocalMasterKey(MASTER), cache_ttl_s=0)
    epoch_id = store.epoch_for(T).epoch_id
    result = CliRunner().invoke(keys, ["destroy-epoch", epoch_id, "--yes"], env=env)
    assert result.exit_code == 0 and "keys destroyed" in result.output
    assert [e.epoch_id for e in store.destroyed_epochs()] == [epoch_id]
    again = CliRunner().invoke(keys, ["destroy-epoch", epoch_id, "--yes"], env=env)
    assert "no live keys" in again.output


def test_destroy_epoch_asks_first(database_url, env):
    store = KeyStore(database_url, LocalMasterKey(MASTER))
    epoch_id = store.epoch_for(T).epoch_id
    result = CliRunner().invoke(keys, ["destroy-epoch", epoch_id], env=env, input="n\n")
    assert result.exit_code == 1 and store.destroyed_epochs() == []


def test_check_passes_with_the_right_master_key_and_names_keys_it_cannot_unwrap(database_url, env):
    KeyStore(database_url, LocalMasterKey(MASTER)).epoch_for(T)
    KeyStore(database_url, LocalMasterKey(os.urandom(32))).case_key("case-other-master")
    result = CliRunner().invoke(keys, ["check"], env=env)
    assert result.exit_code == 1
    assert "cannot unwrap case-data:case-other-master" in result.output
    assert "epoch-hmac" not in result.output and "epoch-data" not in result.output
    assert "1 live key(s) do not unwrap" in result.output


def test_every_command_has_help():
    for name in ("list", "destroy-epoch", "check"):
        result = CliRunner().invoke(keys, [name, "--help"])
        assert result.exit_code == 0 and len(result.output.split("\n\n")[1].strip()) > 20
