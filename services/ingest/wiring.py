"""Builds the real adapters and limits from the settings (the service's composition root)."""
from dataclasses import dataclass
from datetime import timedelta

from alpr_common.audit import AuditTrail
from alpr_common.crypto import open_keystore
from alpr_common.clock import Clock, clock_from_setting
from alpr_common.db import resolve_database_url
from alpr_common.kafka import producer
from alpr_common.storage import open_store
from services.ingest.accept import Adapters
from services.ingest.images import ImageLimits
from services.ingest.settings import IngestSettings
from services.ingest.validation import Limits

SERVICE = "ingest"


@dataclass(frozen=True)
class IngestState:
    adapters: Adapters
    limits: Limits
    clock: Clock
    retry_after_s: int


def build_adapters(settings: IngestSettings) -> Adapters:
    kafka = producer(settings.require_kafka(), SERVICE)
    database_url = resolve_database_url(settings.database_url, settings.data_dir)
    return Adapters(
        database_url=database_url,
        store=open_store(settings.resolved_storage_url()),
        keystore=open_keystore(database_url, settings.data_dir),
        producer=kafka,
        audit=AuditTrail(SERVICE, kafka),
        broker_timeout_s=settings.broker_timeout_s,
    )


def limits_from(settings: IngestSettings) -> Limits:
    return Limits(
        image=ImageLimits(settings.max_image_bytes, settings.max_pixels, settings.min_side_pixels),
        max_age=timedelta(days=settings.max_frame_age_days),
        max_future=timedelta(seconds=settings.max_future_skew_s),
    )


def build_state(settings: IngestSettings, clock: Clock | None = None) -> IngestState:
    return IngestState(build_adapters(settings), limits_from(settings),
                       clock or clock_from_setting(settings.clock), settings.retry_after_s)
