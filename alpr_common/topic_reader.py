"""Reading a whole topic from offset 0 to its current end (for auditors and reports)."""
import uuid
from typing import Iterator

import confluent_kafka

from alpr_common.kafka import consumer


def read_to_end(bootstrap: str, topic: str, timeout_s: float = 10.0) -> Iterator[confluent_kafka.Message]:
    """Every message now on the topic, partition by partition in offset order within each."""
    c = consumer(bootstrap, f"reader-{uuid.uuid4().hex}", [])
    try:
        metadata = c.list_topics(topic, timeout=timeout_s).topics.get(topic)
        if metadata is None or metadata.error is not None:
            return
        partitions = [confluent_kafka.TopicPartition(topic, p, confluent_kafka.OFFSET_BEGINNING) for p in metadata.partitions]
        ends = {p.partition: c.get_watermark_offsets(p, timeout=timeout_s)[1] for p in partitions}
        c.assign(partitions)
        remaining = {p: end for p, end in ends.items() if end > 0}
        while remaining:
            msg = c.poll(timeout_s)
            if msg is None:
                raise TimeoutError(f"{topic}: no message within {timeout_s}s before the end offsets {remaining}")
            if msg.error():
                continue
            yield msg
            if msg.offset() + 1 >= remaining.get(msg.partition(), 0):
                remaining.pop(msg.partition(), None)
    finally:
        c.close()
