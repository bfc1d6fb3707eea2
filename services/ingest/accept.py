"""Accepting a validated frame: de-duplicate, store the image, produce the event, all or nothing."""
import logging
from dataclasses import dataclass
from datetime import datetime

import confluent_kafka
import psycopg

from alpr_common.audit import AuditTrail
from alpr_common.crypto import KeyDestroyed, KeyStore, blobs, seal_blob
from alpr_common.db import connect
from alpr_common.errors import BrokerUnavailable, StorageUnavailable
from alpr_common.kafka import produce_and_wait
from alpr_common.storage import ObjectStore
from services.ingest import repository
from services.ingest.events import frame_message
from services.ingest.rejection import FrameRejected
from services.ingest.validation import ValidatedFrame

log = logging.getLogger(__name__)
ACCEPTED, DUPLICATE = "accepted", "duplicate"
DATABASE_ERRORS = (psycopg.OperationalError, psycopg.InterfaceError)


class Unavailable(Exception):
    """A component ingest depends on (database, storage, broker) did not answer; try again later."""

    def __init__(self, component: str, reason: str):
        super().__init__(f"{component} unavailable: {reason}")
        self.component = component


@dataclass(frozen=True)
class Adapters:
    database_url: str
    store: ObjectStore
    keystore: KeyStore
    producer: confluent_kafka.Producer
    audit: AuditTrail
    broker_timeout_s: float


def accept_frame(adapters: Adapters, frame: ValidatedFrame, received_at: datetime) -> str:
    """ACCEPTED once the broker has the event and the row is committed, or DUPLICATE; Unavailable leaves
    nothing behind. The HTTP layer audits every attempt (upload_audit)."""
    try:
        with connect(adapters.database_url) as conn:
            if not repository.claim_frame(conn, frame, received_at):
                check_same_image(conn, frame)
                return DUPLICATE
            store_and_produce(adapters, frame, received_at)
    except DATABASE_ERRORS as exc:
        raise Unavailable("database", str(exc)) from exc
    return ACCEPTED


def check_same_image(conn: psycopg.Connection, frame: ValidatedFrame) -> None:
    m = frame.metadata
    if repository.accepted_sha256(conn, m.device_id, m.frame_id) != frame.image.sha256:
        raise FrameRejected("frame_id_conflict",
                            f"frame_id: {m.frame_id!r} was already accepted from this device with a different image", 409)


def store_and_produce(adapters: Adapters, frame: ValidatedFrame, received_at: datetime) -> None:
    """The image is stored sealed under its epoch's key; on failure the stored object is deleted and
    the open transaction rolls back the row."""
    key = frame.object_key
    keys = epoch_keys_for(adapters.keystore, frame)
    try:
        adapters.store.put(key, seal_blob(keys, frame.image.data, key), blobs.CONTENT_TYPE)
    except (StorageUnavailable, OSError) as exc:
        discard_object(adapters.store, key)
        raise Unavailable("storage", str(exc)) from exc
    try:
        produce_and_wait(adapters.producer, [frame_message(frame, received_at, keys.key_id)], adapters.broker_timeout_s)
    except BrokerUnavailable as exc:
        drop_queued_messages(adapters.producer)
        discard_object(adapters.store, key)
        raise Unavailable("broker", str(exc)) from exc


def epoch_keys_for(keystore: KeyStore, frame: ValidatedFrame):
    """The keys of the epoch the frame was captured in; a frame whose epoch is already shredded is refused."""
    try:
        return keystore.epoch_for(frame.metadata.captured_at)
    except KeyDestroyed:
        raise FrameRejected("window_passed", "captured_at: this frame's minimization window has ended and its "
                            "epoch keys are destroyed; it can no longer be accepted", 422) from None


def drop_queued_messages(producer: confluent_kafka.Producer) -> None:
    """Messages still queued after the wait must never reach the broker once the upload was refused."""
    producer.purge(in_queue=True, in_flight=False)
    producer.poll(0)


def discard_object(store: ObjectStore, key: str) -> None:
    try:
        store.delete(key)
    except (StorageUnavailable, OSError):
        log.error("could not delete %s after a failed upload", key, exc_info=True)
