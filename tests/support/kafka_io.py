"""Producing test events and reading them back, against the real broker."""
import time
import uuid

from alpr_common import kafka


def produce(bootstrap: str, events: list[tuple[str, str, object]]) -> None:
    """(topic, key, protobuf event) triples, acknowledged before returning."""
    producer = kafka.producer(bootstrap, "tests")
    kafka.produce_and_wait(producer, [kafka.Outgoing(t, k.encode(), e.SerializeToString()) for t, k, e in events])


def read_until(bootstrap: str, topic: str, event_type, done, timeout_s: float = 30.0) -> list:
    """Every event on the topic from the beginning, read until done(events) or the timeout."""
    consumer = kafka.consumer(bootstrap, f"reader-{uuid.uuid4().hex}", [topic])
    events, deadline = [], time.monotonic() + timeout_s
    try:
        while not done(events) and time.monotonic() < deadline:
            for msg in consumer.consume(num_messages=100, timeout=0.5):
                if not msg.error():
                    events.append(event_type.FromString(msg.value()))
    finally:
        consumer.close()
    return events


def wait_for(condition, timeout_s: float = 30.0, what: str = "condition"):
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for {what}")
