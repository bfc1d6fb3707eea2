"""The development broker: librdkafka's built-in mock cluster, run as a process of its own.

It speaks the Kafka protocol on a local port but keeps everything in memory (nothing on disk),
and creates topics on first use. It is for development and tests only, never for production.
"""
import signal
import threading

import confluent_kafka

from alpr_common.topics import CATALOG

CLUSTER_ID_PREFIX = "mockCluster"  # how the mock cluster names itself in metadata
BANNER = "DEVELOPMENT BROKER (in memory, nothing on disk, not for production)"


class DevelopmentBroker:
    def __init__(self, brokers: int = 1):
        # The mock cluster lives as long as the client that created it.
        self._owner = confluent_kafka.Producer({
            "test.mock.num.brokers": brokers,
            "bootstrap.servers": "",
            "log_level": 3,
        })
        metadata = self._owner.list_topics(timeout=10)
        self.bootstrap = ",".join(f"{b.host}:{b.port}" for b in metadata.brokers.values())
        self._create_catalog_topics()

    def _create_catalog_topics(self) -> None:
        """A metadata request creates a topic on the mock cluster; consumers then never wait for one."""
        for topic in CATALOG:
            self._owner.list_topics(topic=topic.name, timeout=10)

    def close(self) -> None:
        self._owner = None


def serve_forever(brokers: int = 1, on_ready=print) -> None:
    """Start the broker, report its address, and block until SIGINT or SIGTERM."""
    broker = DevelopmentBroker(brokers)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    on_ready(broker.bootstrap)
    stop.wait()
    broker.close()
