import pytest
from fastapi.testclient import TestClient

from alpr_common.storage.local import LocalFolderStore
from services.ingest.app import create_app
from services.ingest.devices import register_device
from tests.integration.ingest.support import settings, unique


@pytest.fixture
def device(database_url) -> tuple[str, str]:
    """A registered device: (device_id, token)."""
    device_id = unique("cam")
    return device_id, register_device(database_url, device_id)


@pytest.fixture
def store(tmp_path) -> LocalFolderStore:
    return LocalFolderStore(tmp_path / "objects")


@pytest.fixture
def client(database_url, kafka_bootstrap, tmp_path):
    with TestClient(create_app(settings(database_url, kafka_bootstrap, tmp_path))) as c:
        yield c
