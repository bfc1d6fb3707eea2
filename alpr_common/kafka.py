"""Kafka clients configured the one way every service uses them (confluent-kafka)."""
import time
from dataclasses import dataclass

import confluent_kafka
import confluent_kafka.admin

from alpr_common.errors import BrokerUnavailable
from alpr_common.events.common_pb2 import DeadLetter
from alpr_common.topics import DEAD_LETTERS


def producer(bootstrap: str, client_id: str, **overrides) -> confluent_kafka.Producer:
    """An idempotent producer that waits for every in-sync replica (acks=all)."""
    return confluent_kafka.Producer({
        "bootstrap.servers": bootstrap,
        "client.id": client_id,
        "acks": "all",
        "enable.idempotence": True,
        "linger.ms": 0,  # every caller waits for its acknowledgements: lingering would only add latency
        "message.timeout.ms": 10000,
        "socket.timeout.ms": 5000,
        **overrides,
    })


def consumer(bootstrap: str, group_id: str, topics: list[str], **overrides) -> confluent_kafka.Consumer:
    """A consumer that starts from the beginning and commits only when told to (no topics: assign by hand)."""
    conf = {
        "bootstrap.servers": bootstrap,
        "group.id": group_id,
        "auto.offset.reset": "earliest",
        "enable.auto.commit": False,
        "enable.partition.eof": False,
        **overrides,
    }
    c = confluent_kafka.Consumer(conf)
    if topics:
        c.subscribe(topics)
    return c


@dataclass(frozen=True)
class Outgoing:
    topic: str
    key: bytes
    value: bytes


def produce_and_wait(p: confluent_kafka.Producer, messages: list[Outgoing], timeout_s: float = 10.0) -> None:
    """Produce messages and return only once the broker acknowledged every one of them."""
    failures: list[str] = []
    pending = [len(messages)]

    def delivered(err, msg):
        pending[0] -= 1
        if err is not None:
            failures.append(f"{msg.topic()}: {err}")

    try:
        for m in messages:
            p.produce(m.topic, key=m.key, value=m.value, on_delivery=delivered)
    except (confluent_kafka.KafkaException, BufferError) as exc:
        raise BrokerUnavailable(str(exc)) from exc
    deadline = time.monotonic() + timeout_s
    while pending[0] > 0 and time.monotonic() < deadline:
        p.poll(0.05)
    if pending[0] > 0:
        p.purge(in_queue=True, in_flight=False)  # a message we gave up on must never arrive later
        p.poll(0)
        raise BrokerUnavailable(f"{pending[0]} message(s) not acknowledged within {timeout_s:.0f}s")
    if failures:
        raise BrokerUnavailable("; ".join(failures))


def dead_letter(msg: confluent_kafka.Message, reason: str, service: str) -> Outgoing:
    """A dead-letter record for a message that could not be processed, with the reason."""
    record = DeadLetter(
        source_topic=msg.topic(), partition=msg.partition(), offset=msg.offset(),
        key=msg.key() or b"", value=msg.value() or b"", reason=reason, service=service,
        failed_at_ms=int(time.time() * 1000),
    )
    return Outgoing(DEAD_LETTERS.name, msg.topic().encode(), record.SerializeToString())


def is_broker_reachable(bootstrap: str, timeout_s: float = 3.0) -> bool:
    admin = confluent_kafka.admin.AdminClient({"bootstrap.servers": bootstrap})
    try:
        admin.list_topics(timeout=timeout_s)
        return True
    except confluent_kafka.KafkaException:
        return False
