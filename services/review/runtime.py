"""The composition root's adapters: database, broker, object store, key store, clock, audit trail, case intake."""
from contextlib import asynccontextmanager
from dataclasses import dataclass

import confluent_kafka
from psycopg_pool import ConnectionPool

from alpr_common import kafka
from alpr_common.audit import AuditTrail
from alpr_common.clock import Clock, clock_from_setting
from alpr_common.crypto import KeyStore, open_keystore
from alpr_common.db import resolve_database_url
from alpr_common.db.pool import open_pool
from alpr_common.storage import ObjectStore, open_store
from services.review.admission import Adapters
from services.review.identity import Authenticator
from services.review.intake import CaseIntake
from services.review.sessions import OidcVerifier, SessionSigner
from services.review.settings import SERVICE, ReviewSettings


@dataclass
class Runtime:
    settings: ReviewSettings
    bootstrap: str
    database_url: str
    pool: ConnectionPool
    clock: Clock
    store: ObjectStore
    keystore: KeyStore
    producer: confluent_kafka.Producer
    audit: AuditTrail
    intake: CaseIntake | None
    auth: Authenticator

    @classmethod
    def from_settings(cls, settings: ReviewSettings) -> "Runtime":
        """Raises ConfigError when a required setting is missing or wrong (the master key included)."""
        bootstrap = settings.require_kafka()
        settings.require_oidc()
        database_url = resolve_database_url(settings.database_url, settings.data_dir)
        pool = open_pool(database_url)
        keystore = open_keystore(database_url, data_dir=settings.data_dir, cache_ttl_s=settings.key_cache_s, pool=pool)
        producer = kafka.producer(bootstrap, SERVICE)
        clock, store = clock_from_setting(settings.clock), open_store(settings.resolved_storage_url())
        audit = AuditTrail(SERVICE, producer)
        adapters = Adapters(keystore, store, audit, clock)
        return cls(settings=settings, bootstrap=bootstrap, database_url=database_url, pool=pool,
                   clock=clock, store=store, keystore=keystore, producer=producer, audit=audit,
                   intake=CaseIntake(bootstrap, database_url, adapters, settings.group_id) if settings.consume else None,
                   auth=authenticator(settings))

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
            self.audit.close()
            self.producer.flush(5)
            self.pool.close()


def authenticator(settings: ReviewSettings) -> Authenticator:
    oidc = OidcVerifier(settings.oidc_issuer, settings.oidc_audience, settings.oidc_jwks_path, settings.oidc_jwks_url,
                        settings.oidc_role_claim, settings.oidc_name_claim) if settings.oidc_issuer else None
    return Authenticator(SessionSigner(settings.session_secret, settings.session_minutes), oidc)
