"""Consumer lag: how many messages a consumer group has not yet committed, per topic."""
import confluent_kafka

from alpr_common.kafka import consumer


def consumer_lag(bootstrap: str, group_id: str, topics: list[str], timeout_s: float = 10.0) -> dict[str, int]:
    """Messages on each topic past the group's committed offsets (all of them if it never committed)."""
    c = consumer(bootstrap, group_id, [])
    try:
        lag: dict[str, int] = {}
        for topic in topics:
            metadata = c.list_topics(topic, timeout=timeout_s).topics.get(topic)
            if metadata is None or metadata.error is not None:
                lag[topic] = 0
                continue
            partitions = [confluent_kafka.TopicPartition(topic, p) for p in metadata.partitions]
            committed = c.committed(partitions, timeout=timeout_s)
            lag[topic] = sum(_partition_lag(c, tp, timeout_s) for tp in committed)
        return lag
    finally:
        c.close()


def _partition_lag(c: confluent_kafka.Consumer, tp: confluent_kafka.TopicPartition, timeout_s: float) -> int:
    low, high = c.get_watermark_offsets(tp, timeout=timeout_s)
    position = tp.offset if tp.offset >= 0 else low
    return max(0, high - position)
