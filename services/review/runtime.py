"""The composition root's adapters: database, broker, object store, clock, audit trail, case intake."""
from contextlib import asynccontextmanager
from dataclasses import dataclass

import confluent_kafka

from alpr_common import kafka
from alpr_common.audit import AuditTrail
from alpr_common.clock import Clock, clock_from_setting
from alpr_common.db import resolve_database_url
from alpr_common.storage import ObjectStore, open_store
from services.review.intake import CaseIntake
from services.review.settings import SERVICE, ReviewSettings


@dataclass
class Runtime:
    settings: ReviewSettings
    bootstrap: str
    database_url: str
    clock: Clock
    store: ObjectStore
    producer: confluent_kafka.Producer
    audit: AuditTrail
    intake: CaseIntake | None

    @classmethod
    def from_settings(cls, settings: ReviewSettings) -> "Runtime":
        """Raises ConfigError when a required setting is missing or wrong."""
        bootstrap = settings.require_kafka()
        database_url = resolve_database_url(settings.database_url, settings.data_dir)
        producer = kafka.producer(bootstrap, SERVICE)
        return cls(settings=settings, bootstrap=bootstrap, database_url=database_url,
                   clock=clock_from_setting(settings.clock), store=open_store(settings.resolved_storage_url()),
                   producer=producer, audit=AuditTrail(SERVICE, producer),
                   intake=CaseIntake(bootstrap, database_url, settings.group_id) if settings.consume else None)

    @asynccontextmanager
    async def lifespan(self, app):
        """Ingest cases in the background for as long as the API serves."""
        if self.intake:
            self.intake.start()
        try:
            yield
        finally:
            if self.intake:
                self.intake.close()
            self.producer.flush(5)
