import base64
import logging
import os
import stat

import pytest

from alpr_common.crypto import CryptoSettings, master_key_from_settings
from alpr_common.errors import ConfigError

KEY = base64.b64encode(bytes(range(32))).decode()


@pytest.fixture(autouse=True)
def no_key_in_the_environment(monkeypatch):
    for name in ("ALPR_MASTER_KEY", "ALPR_MASTER_KEY_FILE", "ALPR_DATA_DIR"):
        monkeypatch.delenv(name, raising=False)


def settings(**values) -> CryptoSettings:
    return CryptoSettings(**values)


def test_the_key_comes_from_the_environment_variable(tmp_path):
    one = master_key_from_settings(settings(ALPR_MASTER_KEY=KEY, ALPR_DATA_DIR=tmp_path))
    two = master_key_from_settings(settings(ALPR_MASTER_KEY=KEY, ALPR_DATA_DIR=tmp_path))
    assert one.key_id == two.key_id and one.unwrap(two.wrap(b"k" * 32, b"c"), b"c") == b"k" * 32
    assert not (tmp_path / "master.key").exists()


def test_the_key_comes_from_a_file(tmp_path):
    path = tmp_path / "secret"
    path.write_text(KEY + "\n")
    from_file = master_key_from_settings(settings(ALPR_MASTER_KEY_FILE=path))
    assert from_file.key_id == master_key_from_settings(settings(ALPR_MASTER_KEY=KEY)).key_id


@pytest.mark.parametrize("value", [base64.b64encode(b"short").decode(), base64.b64encode(bytes(33)).decode(), "not base64!"])
def test_a_wrong_key_is_refused_with_a_clear_message(value, tmp_path):
    with pytest.raises(ConfigError, match="ALPR_MASTER_KEY .*(32 bytes|base64)"):
        master_key_from_settings(settings(ALPR_MASTER_KEY=value))
    path = tmp_path / "secret"
    path.write_text(value)
    with pytest.raises(ConfigError, match="master key file"):
        master_key_from_settings(settings(ALPR_MASTER_KEY_FILE=path))


def test_a_missing_key_file_is_a_config_error(tmp_path):
    with pytest.raises(ConfigError, match="ALPR_MASTER_KEY_FILE"):
        master_key_from_settings(settings(ALPR_MASTER_KEY_FILE=tmp_path / "absent"))


def test_the_embedded_default_generates_a_private_key_once_and_says_so(tmp_path, caplog):
    with caplog.at_level(logging.WARNING, logger="alpr.crypto"):
        first = master_key_from_settings(settings(ALPR_DATA_DIR=tmp_path))
    path = tmp_path / "master.key"
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert "generated a new master key" in caplog.text and str(path) in caplog.text
    assert len(base64.b64decode(path.read_text())) == 32
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="alpr.crypto"):
        again = master_key_from_settings(settings(ALPR_DATA_DIR=tmp_path))
    assert again.key_id == first.key_id and caplog.text == ""
    assert [p.name for p in tmp_path.iterdir()] == ["master.key"]
