"""The review app against the real broker, a fresh migrated database, a local-folder store and a master key
of each test's own; `keystore` is the key store as rules and retention see it (another process's view)."""
import base64
import uuid
from dataclasses import dataclass

import pytest
from fastapi.testclient import TestClient

from alpr_common.clock import FileClock
from alpr_common.crypto import KeyStore, LocalMasterKey
from alpr_common.events import cases_pb2
from alpr_common.storage import ObjectStore, open_store
from services.review.app import create_app
from services.review.settings import ReviewSettings
from services.review.users import add_user
from tests.integration.review.support import NOW, case_event, new_master_key, poll_until, publish

pytestmark = pytest.mark.integration


@pytest.fixture(autouse=True)
def master_key(monkeypatch) -> str:
    """Every review app a test starts, and every key store it opens, use this test's own master key."""
    key = new_master_key()
    monkeypatch.setenv("ALPR_MASTER_KEY", key)
    return key


@pytest.fixture
def keystore(database_url, master_key) -> KeyStore:
    return KeyStore(database_url, LocalMasterKey(base64.b64decode(master_key)), cache_ttl_s=0)


@dataclass
class Review:
    client: TestClient
    store: ObjectStore
    bootstrap: str
    tokens: dict[str, str]  # role -> token of a user named after the role
    keystore: KeyStore

    def get(self, path: str, role: str | None = "officer", **kw):
        return self.client.get(path, headers=self.auth(role), **kw)

    def post(self, path: str, role: str | None = "officer", **kw):
        return self.client.post(path, headers=self.auth(role), **kw)

    def auth(self, role: str | None) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.tokens[role]}"} if role else {}

    def new_case(self, **kw) -> str:
        """Publish a sealed case on alpr.cases.v1 and wait until the API shows it."""
        return self.publish(case_event(self.store, self.keystore, **kw))

    def publish(self, event: cases_pb2.Case) -> str:
        publish(self.bootstrap, (event.case_id, event.SerializeToString()))
        poll_until(lambda: self.get(f"/v1/cases/{event.case_id}").status_code == 200)
        return event.case_id


def review_settings(database_url: str, bootstrap: str, tmp_path, **overrides) -> ReviewSettings:
    clock = FileClock(tmp_path / "clock")
    clock.set(NOW)
    # A group of its own per test: the development broker makes a group that a closed consumer left wait
    # out the full session timeout (45 s) before it reassigns partitions. Each test therefore reads the
    # whole case topic, including other tests' cases (sealed under keys this test's key store never had: they are
    # dead-lettered); assertions look at their own case ids. No key cache: a key another process destroys is
    # gone for the app at once.
    return ReviewSettings(KAFKA_BOOTSTRAP_SERVERS=bootstrap, DATABASE_URL=database_url,
                          ALPR_STORAGE_URL=f"file://{tmp_path / 'objects'}", ALPR_CLOCK=f"file:{clock.path}",
                          group_id=f"review-test-{uuid.uuid4().hex[:8]}", key_cache_s=0, **overrides)


@pytest.fixture
def review(database_url, kafka_bootstrap, tmp_path, keystore):
    settings = review_settings(database_url, kafka_bootstrap, tmp_path)
    tokens = {role: add_user(database_url, role, role) for role in ("officer", "supervisor", "auditor", "vendor", "admin")}
    with TestClient(create_app(settings)) as client:
        yield Review(client, open_store(settings.resolved_storage_url()), kafka_bootstrap, tokens, keystore)
