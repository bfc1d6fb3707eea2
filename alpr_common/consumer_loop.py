"""The batch loop every consuming service runs: poll a batch, handle it, produce, then commit.

Offsets are committed only after every output of the batch was acknowledged, so a crash replays
the batch instead of losing it. Messages that cannot be decoded go to the dead-letter topic.
"""
import logging
import threading
import time
from typing import Callable, TypeVar

import confluent_kafka
from google.protobuf.message import DecodeError, Message

from alpr_common.errors import BrokerUnavailable, StorageUnavailable
from alpr_common.kafka import Outgoing, dead_letter, produce_and_wait
from alpr_common.metrics import (BATCH_FAILURES, BATCH_MESSAGES, BATCH_SECONDS, CONSUMER_LAG, DEAD_LETTERED,
                                 MESSAGES_CONSUMED, MESSAGES_PRODUCED)

log = logging.getLogger(__name__)
E = TypeVar("E", bound=Message)
BatchHandler = Callable[[list[confluent_kafka.Message]], list[Outgoing]]


def decode_batch(messages: list[confluent_kafka.Message], event_type: type[E], service: str
                 ) -> tuple[list[tuple[confluent_kafka.Message, E]], list[Outgoing]]:
    """Decode each message; those that fail become dead letters with the reason."""
    decoded, dead = [], []
    for msg in messages:
        try:
            event = event_type.FromString(msg.value() or b"")
        except DecodeError as exc:
            dead.append(dead_letter(msg, f"not a {event_type.DESCRIPTOR.full_name}: {exc}", service))
            DEAD_LETTERED.labels(service, msg.topic()).inc()
            continue
        decoded.append((msg, event))
    return decoded, dead


def poll_batch(consumer: confluent_kafka.Consumer, max_messages: int, timeout_s: float) -> list[confluent_kafka.Message]:
    messages = consumer.consume(num_messages=max_messages, timeout=timeout_s)
    good = []
    for msg in messages:
        if msg.error():
            log.warning("consumer error: %s", msg.error())
        else:
            good.append(msg)
    return good


def run_consumer_loop(*, consumer: confluent_kafka.Consumer, producer: confluent_kafka.Producer, service: str,
                      handle: BatchHandler, stop: threading.Event, max_messages: int = 32,
                      batch_timeout_s: float = 0.5, retry_delay_s: float = 2.0) -> None:
    while not stop.is_set():
        messages = poll_batch(consumer, max_messages, batch_timeout_s)
        record_lag(consumer, service)
        if not messages:
            continue
        started = time.perf_counter()
        BATCH_MESSAGES.labels(service).observe(len(messages))
        try:
            outgoing = handle(messages)
            if outgoing:
                produce_and_wait(producer, outgoing)
        except (BrokerUnavailable, StorageUnavailable) as exc:
            log.error("batch not completed, replaying it: %s", exc)
            BATCH_FAILURES.labels(service, type(exc).__name__).inc()
            _rewind(consumer, messages)
            stop.wait(retry_delay_s)
            continue
        consumer.commit(asynchronous=False)
        for msg in messages:
            MESSAGES_CONSUMED.labels(service, msg.topic()).inc()
        for out in outgoing:
            MESSAGES_PRODUCED.labels(service, out.topic).inc()
        BATCH_SECONDS.labels(service).observe(time.perf_counter() - started)


def record_lag(consumer: confluent_kafka.Consumer, service: str) -> None:
    """Consumer lag per topic from the watermarks the consumer already fetched (no extra requests)."""
    lags: dict[str, int] = {}
    for tp in consumer.position(consumer.assignment()):
        _, high = consumer.get_watermark_offsets(tp, cached=True)
        if high >= 0 and tp.offset >= 0:
            lags[tp.topic] = lags.get(tp.topic, 0) + max(0, high - tp.offset)
    for topic, lag in lags.items():
        CONSUMER_LAG.labels(service, topic).set(lag)


def _rewind(consumer: confluent_kafka.Consumer, messages: list[confluent_kafka.Message]) -> None:
    """Seek each partition back to the first message of the failed batch."""
    first: dict[tuple[str, int], int] = {}
    for msg in messages:
        key = (msg.topic(), msg.partition())
        first[key] = min(first.get(key, msg.offset()), msg.offset())
    for (topic, partition), offset in first.items():
        consumer.seek(confluent_kafka.TopicPartition(topic, partition, offset))
