"""The key store the rules tests share with the worker: their own master key, short epochs (8 h, 3 h overlap)."""
import base64
import os

import pytest

from alpr_common.crypto import KeyStore, open_keystore

EPOCH_ENV = {"ALPR_EPOCH_HOURS": "8", "ALPR_EPOCH_OVERLAP_HOURS": "3"}


@pytest.fixture
def crypto_env(monkeypatch) -> dict:
    """A fresh master key and the short epochs, in this process's environment (and for a worker's)."""
    env = {"ALPR_MASTER_KEY": base64.b64encode(os.urandom(32)).decode(), **EPOCH_ENV}
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    return env


@pytest.fixture
def keystore(database_url, crypto_env) -> KeyStore:
    return open_keystore(database_url)
