"""The OCR worker against the real broker and a local-folder object store."""
import threading
import time
import uuid
from datetime import datetime, timedelta, timezone

import confluent_kafka
import cv2
import pytest

from alpr_common import kafka
from alpr_common.crypto import from_proto, open_keystore, open_sealed, seal_blob, token
from alpr_common.events.audit_pb2 import AuditEvent
from alpr_common.events.common_pb2 import DeadLetter, GeoPoint
from alpr_common.events.frames_pb2 import Frame
from alpr_common.events.reads_pb2 import FrameRead, PlateRead
from alpr_common.kafka import Outgoing, produce_and_wait
from alpr_common.storage import open_store
from alpr_common.timeutil import to_timestamp
from alpr_common.topics import AUDIT, DEAD_LETTERS, FRAME_READS, FRAMES, READS
from services.ocr.events import read_id
from services.ocr.reader import PlateReader
from services.ocr.settings import OcrSettings
from services.ocr.synthetic import parked_car_scene
from services.ocr.worker import run_worker

pytestmark = pytest.mark.integration
PLATES = ["BKR4729", "7XVT25", "HZM836", "BKR4729"]  # the first car photographed again 3 s later
CAPTURED = datetime(2025, 3, 1, 9, 30, tzinfo=timezone.utc)
GARBAGE = b"\xff\xff\xff this is not a Frame " + uuid.uuid4().bytes


def frame_event(frame_id: str, device_id: str, seconds: int) -> Frame:
    return Frame(frame_id=frame_id, device_id=device_id, object_key=f"frames/{device_id}/{frame_id}.jpg",
                 captured_at=to_timestamp(CAPTURED + timedelta(seconds=seconds)),
                 location=GeoPoint(latitude=40.0, longitude=-75.0), camera="rear", content_type="image/jpeg",
                 image_key_id="epoch:set-by-ingest")


def publish_frames(bootstrap: str, store, keystore, run_id: str) -> list[Frame]:
    """Frames whose images are stored sealed, one stored in clear (refused), one whose image is missing,
    and one undecodable message."""
    frames = [frame_event(f"{run_id}-{i}", f"car-{run_id}", seconds=i) for i in range(len(PLATES) + 2)]
    keys = keystore.epoch_for(CAPTURED)
    for frame, text in zip(frames, [*PLATES, "CLEAR1"]):
        image = cv2.imencode(".jpg", parked_car_scene(text, seed=len(text)))[1].tobytes()
        store.put(frame.object_key, image if text == "CLEAR1" else seal_blob(keys, image, frame.object_key))
    out = [Outgoing(FRAMES.name, f.device_id.encode(), f.SerializeToString()) for f in frames]
    producer = kafka.producer(bootstrap, f"test-{run_id}")
    produce_and_wait(producer, [*out, Outgoing(FRAMES.name, run_id.encode(), GARBAGE)])
    return frames


def publish_later_frame(bootstrap: str, store, keystore, run_id: str) -> Frame:
    """The first car (PLATES[0]) once more, 3 s after its second frame."""
    frame = frame_event(f"{run_id}-later", f"car-{run_id}", seconds=len(PLATES) - 1 + 3)
    image = cv2.imencode(".jpg", parked_car_scene(PLATES[0], seed=len(PLATES[0])))[1].tobytes()
    store.put(frame.object_key, seal_blob(keystore.epoch_for(CAPTURED), image, frame.object_key))
    produce_and_wait(kafka.producer(bootstrap, f"test-{run_id}-later"),
                     [Outgoing(FRAMES.name, frame.device_id.encode(), frame.SerializeToString())])
    return frame


def collect(bootstrap: str, run_id: str, done, timeout_s: float = 90.0) -> dict[str, list]:
    """Every output topic read from the beginning; partitions assigned, not subscribed: no group rebalances."""
    consumer = confluent_kafka.Consumer({"bootstrap.servers": bootstrap, "group.id": f"test-ocr-out-{run_id}",
                                         "enable.auto.commit": False, "topic.metadata.refresh.interval.ms": 1000})
    consumer.assign([confluent_kafka.TopicPartition(t.name, p, confluent_kafka.OFFSET_BEGINNING)
                     for t in (READS, FRAME_READS, DEAD_LETTERS, AUDIT) for p in range(t.partitions)])
    seen: dict[str, list] = {READS.name: [], FRAME_READS.name: [], DEAD_LETTERS.name: [], AUDIT.name: []}
    parsers = {READS.name: PlateRead, FRAME_READS.name: FrameRead, DEAD_LETTERS.name: DeadLetter, AUDIT.name: AuditEvent}
    deadline = time.monotonic() + timeout_s
    try:
        while not done(seen) and time.monotonic() < deadline:
            msg = consumer.poll(0.5)
            if msg is not None and not msg.error():
                seen[msg.topic()].append((msg.key(), parsers[msg.topic()].FromString(msg.value())))
    finally:
        consumer.close()
    return seen


def ours(seen: dict[str, list], run_id: str) -> dict[str, list]:
    def mine(topic, event):
        if topic == DEAD_LETTERS.name:
            return event.value == GARBAGE or run_id in event.reason
        return (event.resource if topic == AUDIT.name else event.frame_id).startswith(run_id)
    return {topic: [(k, e) for k, e in items if mine(topic, e)] for topic, items in seen.items()}


def all_arrived(got: dict[str, list]) -> bool:
    expected = {READS.name: len(PLATES), FRAME_READS.name: len(PLATES), DEAD_LETTERS.name: 3, AUDIT.name: len(PLATES) + 2}
    return all(len(got[topic]) >= count for topic, count in expected.items())


def test_worker_reads_plates_and_dead_letters_what_it_cannot_read(kafka_bootstrap, database_url, tmp_path):
    run_id = uuid.uuid4().hex[:10]
    settings = OcrSettings(kafka_bootstrap_servers=kafka_bootstrap, storage_url=f"file://{tmp_path / 'objects'}",
                           database_url=database_url, data_dir=tmp_path)
    keystore = open_keystore(database_url)
    frames = publish_frames(kafka_bootstrap, open_store(settings.resolved_storage_url()), keystore, run_id)
    stop = threading.Event()
    worker = threading.Thread(target=run_worker, args=(settings, stop, PlateReader()),
                              kwargs={"group_id": f"ocr-test-{run_id}"}, daemon=True)
    worker.start()
    try:
        seen = collect(kafka_bootstrap, run_id, lambda s: all_arrived(ours(s, run_id)))
        later = publish_later_frame(kafka_bootstrap, open_store(settings.resolved_storage_url()), keystore, run_id)
        later_seen = collect(kafka_bootstrap, run_id, lambda s: any(e.frame_id == later.frame_id for _, e in s[READS.name]))
    finally:
        stop.set()
        worker.join(30)
    got = ours(seen, run_id)

    reads = {e.frame_id: (k, e) for k, e in got[READS.name]}
    opened = {fid: open_sealed(keystore, from_proto(e.sealed_plate), e.read_id.encode()).decode()
              for fid, (_, e) in reads.items()}
    assert opened == {f.frame_id: t for f, t in zip(frames, PLATES)}
    keys = keystore.epoch_for(CAPTURED)
    for frame, text in zip(frames, PLATES):
        key, read = reads[frame.frame_id]
        box = (read.box.x, read.box.y, read.box.width, read.box.height)
        assert read.plate_text == "" and read.plate_token == token(keys, text) and key == read.plate_token.hex().encode()
        assert read.image_key_id == frame.image_key_id and read.read_id == read_id(frame.frame_id, box)
        assert (read.device_id, read.object_key, read.camera) == (frame.device_id, frame.object_key, "rear")
        assert read.captured_at == frame.captured_at and read.confidence > 0.9
        assert len(read.char_confidences) == len(text) and read.model_version.startswith("ppocrv4-det+rec+v6-rec@")

    # The first car's two frames are one sighting. The first frame's read carries 2 when both frames
    # came in one batch, 1 when it was emitted before the second frame was read (the broker decides).
    sightings = [(r.fused_from, r.sighting_id) for r in (reads[f.frame_id][1] for f in frames[: len(PLATES)])]
    first, second, third = (reads[f.frame_id][1].read_id for f in frames[:3])
    assert sightings[1:] == [(1, second), (1, third), (2, first)]
    assert sightings[0] in [(1, first), (2, first)]

    # The first car photographed once more, in a batch of its own: it fuses with the reads already emitted.
    (later_read,) = [e for _, e in later_seen[READS.name] if e.frame_id == later.frame_id]
    assert (later_read.fused_from, later_read.sighting_id) == (3, first)

    frame_reads = {e.frame_id: (k, e.plates_found) for k, e in got[FRAME_READS.name]}
    assert frame_reads == {f.frame_id: (f.device_id.encode(), 1) for f in frames[: len(PLATES)]}

    reasons = [e.reason for _, e in got[DEAD_LETTERS.name]]
    assert any(r.startswith(f"not a {Frame.DESCRIPTOR.full_name}") for r in reasons)
    assert any(frames[-2].frame_id in r and "cannot be opened" in r and "not a sealed blob" in r for r in reasons)
    assert any(frames[-1].frame_id in r and "no image" in r for r in reasons)
    assert all(e.service == "ocr" and e.source_topic == FRAMES.name for _, e in got[DEAD_LETTERS.name])

    audited = {(e.resource, e.outcome) for _, e in got[AUDIT.name]}
    assert audited == {*((f.frame_id, "ok") for f in frames[:-2]), (frames[-2].frame_id, "unopenable"),
                       (frames[-1].frame_id, "not_found")}
    assert all((e.actor, e.actor_kind, e.action) == ("ocr", "service", "frame.read") for _, e in got[AUDIT.name])
