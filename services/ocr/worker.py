"""The OCR consumer: frames in, plate reads out, offsets committed only after the outputs are acknowledged."""
import logging
import threading
import time

import confluent_kafka
import cv2
import numpy as np

from alpr_common import kafka
from alpr_common.audit import AuditTrail
from alpr_common.consumer_loop import decode_batch, run_consumer_loop
from alpr_common.crypto import KeyDestroyed, KeyStore, SealBroken, UnknownKey, open_blob, open_keystore
from alpr_common.db import resolve_database_url
from alpr_common.errors import ObjectNotFound
from alpr_common.events.frames_pb2 import Frame
from alpr_common.kafka import Outgoing, dead_letter
from alpr_common.metrics import DEAD_LETTERED, serve_metrics
from alpr_common.storage import ObjectStore, open_store
from alpr_common.timeutil import from_timestamp
from alpr_common.topics import FRAMES
from services.ocr import metrics
from services.ocr.events import frame_outputs
from services.ocr.fusion import FusionLimits
from services.ocr.observations import SightingMemory
from services.ocr.reader import PlateReader
from services.ocr.settings import OcrSettings

SERVICE = "ocr"
log = logging.getLogger(__name__)
Loaded = tuple[confluent_kafka.Message, Frame, np.ndarray]


class FrameBatchHandler:
    """Reads the plates of a consumed batch of frames with one batched model call."""

    def __init__(self, reader: PlateReader, store: ObjectStore, keystore: KeyStore, audit: AuditTrail,
                 fusion: FusionLimits | None):
        self.reader, self.store, self.keystore, self.audit = reader, store, keystore, audit
        self.sightings = SightingMemory(fusion)

    def __call__(self, messages: list[confluent_kafka.Message]) -> list[Outgoing]:
        decoded, dead = decode_batch(messages, Frame, SERVICE)
        loaded = []
        for msg, frame in decoded:
            image_or_reason = self._load(frame)
            if isinstance(image_or_reason, str):
                dead.append(self._dead(msg, image_or_reason))
            else:
                loaded.append((msg, frame, image_or_reason))
        return dead + self._read(loaded)

    def _load(self, frame: Frame) -> np.ndarray | str:
        """The frame's image, or the reason it cannot be had (storage and database outages propagate: the batch replays)."""
        try:
            data = open_blob(self.keystore, self.store.get(frame.object_key), frame.object_key)
        except (ObjectNotFound, ValueError):
            self._record(frame, "not_found", 0)
            return f"frame {frame.frame_id}: no image under object key {frame.object_key!r}"
        except (KeyDestroyed, UnknownKey, SealBroken) as exc:
            self._record(frame, "unopenable", 0)
            return f"frame {frame.frame_id}: image {frame.object_key!r} cannot be opened: {exc}"
        image = cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_COLOR)
        if image is None:
            self._record(frame, "undecodable", 0)
            return f"frame {frame.frame_id}: object {frame.object_key!r} is not a decodable image"
        return image

    def _read(self, loaded: list[Loaded]) -> list[Outgoing]:
        if not loaded:
            return []
        started = time.perf_counter()
        plates = self.reader.read_batch([image for _, _, image in loaded])
        metrics.INFERENCE_SECONDS.observe(time.perf_counter() - started)
        metrics.BATCH_FRAMES.observe(len(loaded))
        frames = [frame for _, frame, _ in loaded]
        outgoing = []
        for frame, found in zip(frames, self.sightings.observe(frames, plates)):
            self._record(frame, "ok", len(found))
            epochs = self.keystore.epochs_for(from_timestamp(frame.captured_at)) if found else []
            outgoing += frame_outputs(frame, found, self.reader.model_version, epochs)
            metrics.FRAMES_PROCESSED.inc()
            metrics.PLATES_FOUND.inc(len(found))
            metrics.READS_FUSED.inc(sum(o.fused_from > 1 for o in found))
        return outgoing

    def _dead(self, msg: confluent_kafka.Message, reason: str) -> Outgoing:
        log.warning("dead-lettering a frame: %s", reason)
        DEAD_LETTERED.labels(SERVICE, msg.topic()).inc()
        return dead_letter(msg, reason, SERVICE)

    def _record(self, frame: Frame, outcome: str, plates_found: int) -> None:
        self.audit.record(actor=SERVICE, actor_kind="service", role="service", action="frame.read",
                          resource=frame.frame_id, outcome=outcome,
                          details={"object_key": frame.object_key, "plates_found": str(plates_found)})


def run_worker(settings: OcrSettings, stop: threading.Event, reader: PlateReader | None = None,
               group_id: str = SERVICE) -> None:
    """Consume alpr.frames.v1 until `stop` is set (raises ConfigError without KAFKA_BOOTSTRAP_SERVERS)."""
    bootstrap = settings.require_kafka()
    reader = reader or PlateReader.from_settings(settings)
    producer = kafka.producer(bootstrap, SERVICE)
    consumer = kafka.consumer(bootstrap, group_id, [FRAMES.name])
    keystore = open_keystore(resolve_database_url(settings.database_url, settings.data_dir), settings.data_dir)
    handler = FrameBatchHandler(reader, open_store(settings.resolved_storage_url()), keystore, AuditTrail(SERVICE, producer),
                                settings.fusion_limits())
    serve_metrics(settings.metrics_port)
    log.info("reading plates with %s", reader.model_version)
    try:
        run_consumer_loop(consumer=consumer, producer=producer, service=SERVICE, handle=handler, stop=stop,
                          max_messages=settings.batch_size, batch_timeout_s=settings.batch_timeout_s)
    finally:
        consumer.close()
        producer.flush(5)
