"""RULES_TABLE_STORE: RocksDB where rocksdict is installed, memory otherwise."""
import importlib.util

import pytest

from alpr_common.errors import ConfigError
from services.rules import app as rules_app
from services.rules.app import faust_app, table_store
from services.rules.settings import RulesSettings

HAS_ROCKSDICT = importlib.util.find_spec("rocksdict") is not None


def test_memory_is_memory_and_auto_follows_rocksdict(monkeypatch):
    assert table_store("memory") == "memory://"
    assert table_store("auto") == ("rocksdb://" if HAS_ROCKSDICT else "memory://")
    monkeypatch.setattr(rules_app.importlib.util, "find_spec", lambda name: None)
    assert table_store("auto") == "memory://"
    with pytest.raises(ConfigError, match="rocksdict"):
        table_store("rocksdb")


def test_the_setting_reaches_the_app(monkeypatch, tmp_path):
    monkeypatch.setenv("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:1")
    monkeypatch.setenv("RULES_TABLE_STORE", "memory")
    monkeypatch.setenv("ALPR_DATA_DIR", str(tmp_path))
    assert faust_app(RulesSettings()).conf.store.scheme == "memory"
