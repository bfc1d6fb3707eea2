import threading
import uuid

import pytest

from alpr_common import kafka
from alpr_common.audit import AuditTrail
from alpr_common.audit_log import GENESIS, chain_hash
from alpr_common.consumer_loop import decode_batch, run_consumer_loop
from alpr_common.errors import BrokerUnavailable
from alpr_common.events.audit_pb2 import AuditEvent
from alpr_common.events.common_pb2 import DeadLetter
from alpr_common.events.frames_pb2 import Frame
from alpr_common.topics import AUDIT, DEAD_LETTERS
from tests.support.components import free_port
from tests.support.kafka_read import read_until


def test_produce_and_wait_returns_after_the_broker_acknowledged(kafka_bootstrap):
    topic = f"test.ack.{uuid.uuid4().hex[:6]}"
    producer = kafka.producer(kafka_bootstrap, "test")
    kafka.produce_and_wait(producer, [kafka.Outgoing(topic, b"k", b"v1"), kafka.Outgoing(topic, b"k", b"v2")])
    got = read_until(kafka_bootstrap, [topic], lambda msgs: len(msgs) >= 2)
    assert [m.value() for m in got] == [b"v1", b"v2"]


def test_unreachable_broker_raises_broker_unavailable():
    producer = kafka.producer(f"127.0.0.1:{free_port()}", "test")
    with pytest.raises(BrokerUnavailable):
        kafka.produce_and_wait(producer, [kafka.Outgoing("t", b"k", b"v")], timeout_s=2)


def test_consumer_loop_forwards_good_messages_and_dead_letters_bad_ones(kafka_bootstrap):
    source, sink = f"test.src.{uuid.uuid4().hex[:6]}", f"test.sink.{uuid.uuid4().hex[:6]}"
    producer = kafka.producer(kafka_bootstrap, "test")
    frame = Frame(frame_id=f"f-{uuid.uuid4().hex}", device_id="d1")
    kafka.produce_and_wait(producer, [kafka.Outgoing(source, b"d1", frame.SerializeToString()),
                                      kafka.Outgoing(source, b"d1", b"\xff\xff not protobuf")])

    def handle(messages):
        decoded, dead = decode_batch(messages, Frame, "test")
        return dead + [kafka.Outgoing(sink, b"d1", event.frame_id.encode()) for _, event in decoded]

    stop = threading.Event()
    consumer = kafka.consumer(kafka_bootstrap, f"g-{uuid.uuid4().hex}", [source])
    worker = threading.Thread(target=run_consumer_loop, kwargs=dict(
        consumer=consumer, producer=producer, service="test", handle=handle, stop=stop))
    worker.start()
    try:
        forwarded = read_until(kafka_bootstrap, [sink], lambda msgs: len(msgs) >= 1)
        dead = read_until(kafka_bootstrap, [DEAD_LETTERS.name],
                          lambda msgs: any(DeadLetter.FromString(m.value()).source_topic == source for m in msgs))
    finally:
        stop.set()
        worker.join(10)
        consumer.close()
    assert [m.value() for m in forwarded] == [frame.frame_id.encode()]
    letter = next(DeadLetter.FromString(m.value()) for m in dead if DeadLetter.FromString(m.value()).source_topic == source)
    assert "not a alpr.v1.Frame" in letter.reason and letter.value == b"\xff\xff not protobuf"


def test_audit_events_form_a_gapless_hash_chain(kafka_bootstrap):
    trail = AuditTrail("test", kafka.producer(kafka_bootstrap, "test"))
    for n in range(3):
        trail.record(actor="officer-1", role="officer", action="case.view", resource=f"case-{n}", outcome="allowed")
    mine = read_until(kafka_bootstrap, [AUDIT.name], lambda msgs: sum(m.key() == trail.writer_id.encode() for m in msgs) >= 3)
    events = [AuditEvent.FromString(m.value()) for m in mine if m.key() == trail.writer_id.encode()]
    assert [e.sequence for e in events] == [1, 2, 3]
    assert events[0].prev_hash == GENESIS
    for prev, event in zip(events, events[1:]):
        assert event.prev_hash == prev.hash
    assert all(chain_hash(e) == e.hash for e in events)
    events[1].resource = "case-tampered"
    assert chain_hash(events[1]) != events[1].hash


def test_an_unacknowledged_audit_event_starts_a_new_chain():
    trail = AuditTrail("test", kafka.producer(f"127.0.0.1:{free_port()}", "test", **{"message.timeout.ms": 1000}))
    first_writer = trail.writer_id
    with pytest.raises(BrokerUnavailable):
        trail.record(actor="a", role="officer", action="case.view", resource="c1", outcome="allowed")
    assert trail.writer_id != first_writer
