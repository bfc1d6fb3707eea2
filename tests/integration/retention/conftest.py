"""A retention world on the real broker, a fresh migrated database and a local-folder store."""
import base64
import os
import uuid
from dataclasses import dataclass
from datetime import datetime

import pytest

from alpr_common import kafka
from alpr_common.audit import AuditTrail
from alpr_common.clock import FileClock
from alpr_common.crypto import EpochSchedule, KeyStore, LocalMasterKey
from alpr_common.events.audit_pb2 import AuditEvent
from alpr_common.events.retention_pb2 import RetentionRecord
from alpr_common.storage import ObjectStore, open_store
from alpr_common.topic_reader import read_to_end
from alpr_common.topics import AUDIT, RETENTION
from services.retention.inventory import FrameSeen
from services.retention.service import RetentionService
from services.retention.settings import RetentionSettings
from services.retention.plan import SweepResult


@pytest.fixture(autouse=True)
def master_key(monkeypatch) -> LocalMasterKey:
    """This test's own master key, in ALPR_MASTER_KEY as the service reads it; epochs of the default 24 hours."""
    key = os.urandom(32)
    monkeypatch.setenv("ALPR_MASTER_KEY", base64.b64encode(key).decode())
    monkeypatch.delenv("ALPR_EPOCH_HOURS", raising=False)
    monkeypatch.delenv("ALPR_EPOCH_OVERLAP_HOURS", raising=False)
    return LocalMasterKey(key)


@dataclass
class World:
    settings: RetentionSettings
    clock: FileClock
    store: ObjectStore
    bootstrap: str
    tag: str  # makes this test's ids unique on the shared topics
    master: LocalMasterKey

    def keystore(self) -> KeyStore:
        """The key store as the sealing services see it (they create epochs and case keys)."""
        return KeyStore(self.settings.database_url, self.master, EpochSchedule(), cache_ttl_s=0)

    def service(self) -> RetentionService:
        """A new service object each call, as after a restart."""
        return RetentionService(self.settings)

    def sweep(self) -> SweepResult:
        sweeper = self.service().sweeper(kafka.producer(self.bootstrap, "retention-test-sweep"))
        try:
            return sweeper.sweep()
        finally:
            sweeper.audit.close()

    def frame(self, name: str, captured_at: datetime) -> FrameSeen:
        """A frame whose image is in the store."""
        key = f"frames/dev-{self.tag}/{name}.jpg"
        self.store.put(key, b"jpeg bytes")
        return FrameSeen(f"{name}-{self.tag}", key, captured_at)

    def audit(self) -> AuditTrail:
        return AuditTrail("retention-test", kafka.producer(self.bootstrap, "retention-test-audit"))

    def records(self, keys: set[str]) -> list[RetentionRecord]:
        return [r for r in (RetentionRecord.FromString(m.value()) for m in read_to_end(self.bootstrap, RETENTION.name))
                if r.item_id in keys]

    def audit_events(self, resource: str) -> list[AuditEvent]:
        return [e for e in (AuditEvent.FromString(m.value()) for m in read_to_end(self.bootstrap, AUDIT.name))
                if e.resource == resource]


@pytest.fixture
def world(kafka_bootstrap, database_url, tmp_path, master_key) -> World:
    clock = FileClock(tmp_path / "clock")
    settings = RetentionSettings(KAFKA_BOOTSTRAP_SERVERS=kafka_bootstrap, DATABASE_URL=database_url,
                                 ALPR_STORAGE_URL=f"file://{tmp_path / 'objects'}", ALPR_CLOCK=f"file:{clock.path}")
    return World(settings, clock, open_store(settings.resolved_storage_url()), kafka_bootstrap, uuid.uuid4().hex[:8],
                 master_key)
