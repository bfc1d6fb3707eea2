"""Helpers for the ingest integration tests: settings, uploads, and reading frames back from the topic."""
import json
import uuid
from datetime import datetime, timedelta, timezone
from pathlib import Path

import confluent_kafka
import psycopg
from google.protobuf.message import DecodeError

from alpr_common.events.frames_pb2 import Frame
from alpr_common.kafka import consumer
from alpr_common.topics import FRAMES
from services.ingest.settings import IngestSettings


def settings(database_url: str, bootstrap: str, data_dir: Path, **overrides) -> IngestSettings:
    values = dict(database_url=database_url, kafka_bootstrap_servers=bootstrap, data_dir=data_dir,
                  storage_url=f"file://{data_dir / 'objects'}", max_image_bytes=150_000, max_pixels=400_000,
                  broker_timeout_s=12.0, retry_after_s=2)
    return IngestSettings(**{**values, **overrides})


def unique(prefix: str) -> str:
    return f"{prefix}-{uuid.uuid4().hex[:12]}"


def metadata(device_id: str, frame_id: str | None = None, **changes) -> dict:
    now = datetime.now(timezone.utc)
    base = {"frame_id": frame_id or unique("f"), "device_id": device_id,
            "captured_at": (now - timedelta(minutes=1)).isoformat(), "latitude": 47.3769, "longitude": 8.5417,
            "heading": 180.0, "camera": "rear"}
    return {k: v for k, v in {**base, **changes}.items() if v is not ...}


def frame_rows(database_url: str, device_id: str) -> list[dict]:
    with psycopg.connect(database_url, row_factory=psycopg.rows.dict_row) as conn:
        return conn.execute("SELECT * FROM ingest.frames WHERE device_id = %s", (device_id,)).fetchall()


def frames_on_topic(bootstrap: str, frame_ids: set[str], timeout_s: float = 20.0) -> list[Frame]:
    """Every Frame event now on alpr.frames.v1 whose frame id is one of frame_ids (read to the end)."""
    c = consumer(bootstrap, unique("test-ingest-reader"), [])
    try:
        partitions = list(c.list_topics(FRAMES.name, timeout=timeout_s).topics[FRAMES.name].partitions)
        tps = [confluent_kafka.TopicPartition(FRAMES.name, p, confluent_kafka.OFFSET_BEGINNING) for p in partitions]
        remaining = {tp.partition: c.get_watermark_offsets(tp, timeout=timeout_s)[1] for tp in tps}
        remaining = {p: end for p, end in remaining.items() if end > 0}
        c.assign(tps)
        return _read_to(c, remaining, frame_ids, timeout_s)
    finally:
        c.close()


def _read_to(c: confluent_kafka.Consumer, remaining: dict[int, int], frame_ids: set[str], timeout_s: float) -> list[Frame]:
    found = []
    while remaining:
        msg = c.poll(timeout_s)
        if msg is None:
            raise TimeoutError(f"the end of {FRAMES.name} was not reached: {remaining}")
        if msg.error():
            continue
        event = decoded_frame(msg.value())  # other tests put garbage on the shared topic on purpose
        if event is not None and event.frame_id in frame_ids:
            found.append(event)
        if msg.offset() + 1 >= remaining.get(msg.partition(), 0):
            remaining.pop(msg.partition(), None)
    return found


def decoded_frame(data: bytes) -> Frame | None:
    try:
        return Frame.FromString(data)
    except DecodeError:
        return None


def as_json(value) -> str:
    return value if isinstance(value, str) else json.dumps(value)
