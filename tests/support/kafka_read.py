"""Reading topics back in tests: consume from the beginning until a condition holds or time runs out."""
import time
import uuid
from typing import Callable

import confluent_kafka

from alpr_common.kafka import consumer


def read_until(bootstrap: str, topics: list[str], done: Callable[[list[confluent_kafka.Message]], bool],
               timeout_s: float = 30.0) -> list[confluent_kafka.Message]:
    """Every message on the topics from offset 0, read until done(messages) or the deadline."""
    c = consumer(bootstrap, f"test-reader-{uuid.uuid4().hex}", topics)
    messages: list[confluent_kafka.Message] = []
    deadline = time.monotonic() + timeout_s
    try:
        while time.monotonic() < deadline:
            for msg in c.consume(num_messages=500, timeout=0.5):
                if not msg.error():
                    messages.append(msg)
            if done(messages):
                return messages
    finally:
        c.close()
    raise TimeoutError(f"condition not met on {topics} within {timeout_s}s ({len(messages)} messages read)")
