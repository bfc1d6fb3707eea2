import uuid

from alpr_common import kafka
from alpr_common.topic_reader import read_to_end


def test_reads_every_message_then_stops_at_the_end(kafka_bootstrap):
    topic = f"test.read.{uuid.uuid4().hex[:6]}"
    messages = [kafka.Outgoing(topic, f"k{i}".encode(), f"v{i}".encode()) for i in range(20)]
    kafka.produce_and_wait(kafka.producer(kafka_bootstrap, "test"), messages)
    assert sorted(m.value() for m in read_to_end(kafka_bootstrap, topic)) == sorted(m.value for m in messages)


def test_a_topic_that_does_not_exist_reads_as_empty(kafka_bootstrap):
    assert list(read_to_end(kafka_bootstrap, f"test.absent.{uuid.uuid4().hex[:6]}", timeout_s=3)) == []
