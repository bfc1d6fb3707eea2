import uuid

from alpr_common import kafka
from alpr_common.lag import consumer_lag


def test_lag_counts_uncommitted_messages_and_drops_after_commit(kafka_bootstrap):
    topic, group = f"test.lag.{uuid.uuid4().hex[:6]}", f"g-{uuid.uuid4().hex}"
    kafka.produce_and_wait(kafka.producer(kafka_bootstrap, "test"), [kafka.Outgoing(topic, b"k", b"v")] * 3)
    assert consumer_lag(kafka_bootstrap, group, [topic]) == {topic: 3}
    c = kafka.consumer(kafka_bootstrap, group, [topic])
    seen = []
    while len(seen) < 3:
        seen += [m for m in c.consume(10, timeout=1) if not m.error()]
    c.commit(asynchronous=False)
    c.close()
    assert consumer_lag(kafka_bootstrap, group, [topic]) == {topic: 0}
