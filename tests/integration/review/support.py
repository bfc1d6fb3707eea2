"""Helpers for the review integration tests: publish sealed cases, poll the API, read topics back."""
import base64
import os
import time
import uuid
from datetime import datetime, timedelta, timezone
from typing import Callable, TypeVar

from google.protobuf.message import Message

from alpr_common import kafka
from alpr_common.clock import FileClock
from alpr_common.crypto import KeyStore, seal, seal_blob, to_proto
from alpr_common.events import cases_pb2
from alpr_common.events.common_pb2 import Box, GeoPoint
from alpr_common.kafka import Outgoing, produce_and_wait
from alpr_common.storage import ObjectStore
from alpr_common.topic_reader import read_to_end
from alpr_common.topics import CASES

NOW = datetime(2025, 3, 4, 15, 0, tzinfo=timezone.utc)
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64  # only served back byte for byte, never decoded
M = TypeVar("M", bound=Message)


def new_master_key() -> str:
    """A master key of the test's own (base64 of 32 random bytes), as ALPR_MASTER_KEY holds it."""
    return base64.b64encode(os.urandom(32)).decode()


def set_clock_after_every_other_test(tmp_path) -> datetime:
    """Move the review fixture's clock past anything other tests (this session or an earlier one on the same
    broker) issued: decisions made now are the only ones an export since that time reads."""
    later = datetime.now(timezone.utc).replace(microsecond=0) + timedelta(days=365 * 50)
    FileClock(tmp_path / "clock").set(later)
    return later


def image_of(object_key: str) -> bytes:
    """The plaintext image a test case's sighting shows."""
    return PNG + object_key.encode()


def case_event(store: ObjectStore, keystore: KeyStore, plate: str = "ABC123", sightings: int = 2,
               opened_at: datetime = NOW - timedelta(minutes=30), reads: tuple[str, ...] = (),
               confidences: tuple[float, ...] = (), photos: tuple[bytes, ...] = (),
               first: datetime = NOW - timedelta(hours=3)) -> cases_pb2.Case:
    """A new overstay case as rules publishes it: no plate in clear, each sighting's plate sealed under the
    epoch key of its capture time (bound to its read id), each image a blob sealed under that key in the store."""
    case_id = f"case-{uuid.uuid4().hex[:12]}"
    event = cases_pb2.Case(case_id=case_id, zone_id="z-elm", zone_name="Elm St 2h",
                           kind=cases_pb2.OVERSTAY, opened_at=opened_at,
                           rule_summary="2h limit + 10 min grace, seen 3h apart", limit_minutes=120, grace_minutes=10)
    for n in range(sightings):
        at, key, read_id = first + timedelta(hours=3 * n), f"frames/dev-1/{case_id}-{n}.png", f"{case_id}-r{n}"
        epoch = keystore.epoch_for(at)
        store.put(key, seal_blob(epoch, photos[n] if photos else image_of(key), key))
        event.sightings.append(cases_pb2.Sighting(
            read_id=read_id, frame_id=f"{case_id}-{n}", object_key=key, image_key_id=epoch.key_id,
            captured_at=at, location=GeoPoint(latitude=45.5 + n / 1000, longitude=-73.6),
            sealed_plate=to_proto(seal(epoch, (reads[n] if reads else plate).encode(), read_id.encode())),
            confidence=confidences[n] if confidences else 0.9, box=Box(x=10 * n, y=20, width=120, height=40)))
    return event


def publish(bootstrap: str, *values: tuple[str, bytes]) -> None:
    producer = kafka.producer(bootstrap, "review-test")
    produce_and_wait(producer, [Outgoing(CASES.name, key.encode(), value) for key, value in values])


def poll_until(check: Callable[[], object], timeout_s: float = 30.0, every_s: float = 0.2):
    """Call check until it returns something truthy; fail with its last value after the deadline."""
    deadline, result = time.monotonic() + timeout_s, None
    while time.monotonic() < deadline:
        result = check()
        if result:
            return result
        time.sleep(every_s)
    raise AssertionError(f"not true within {timeout_s}s (last: {result!r})")


def read_topic(bootstrap: str, topic: str, event_type: type[M], keep: Callable[[M], bool],
               want: int = 1, timeout_s: float = 30.0) -> list[M]:
    """Read the topic from the beginning until `want` events pass `keep`, or until the deadline."""
    consumer = kafka.consumer(bootstrap, f"review-test-{uuid.uuid4().hex[:8]}", [topic])
    found: list[M] = []
    deadline = time.monotonic() + timeout_s
    try:
        while len(found) < want and time.monotonic() < deadline:
            for msg in consumer.consume(num_messages=500, timeout=0.5):
                if msg.error() is None:
                    event = event_type.FromString(msg.value())
                    found += [event] if keep(event) else []
    finally:
        consumer.close()
    return found


def all_of_topic(bootstrap: str, topic: str, event_type: type[M], keep: Callable[[M], bool]) -> list[M]:
    """Every event on the topic that passes `keep`, read up to the end of every partition."""
    events = (event_type.FromString(msg.value()) for msg in read_to_end(bootstrap, topic))
    return [event for event in events if keep(event)]
