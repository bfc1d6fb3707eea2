from alpr_common.devbroker import CLUSTER_ID_PREFIX, DevelopmentBroker
from alpr_common.kafka import consumer
from alpr_common.topics import CATALOG


def test_development_broker_starts_with_every_catalog_topic():
    broker = DevelopmentBroker()
    try:
        c = consumer(broker.bootstrap, "probe", [])
        metadata = c.list_topics(timeout=5)
        c.close()
        assert metadata.cluster_id.startswith(CLUSTER_ID_PREFIX)
        assert {t.name: len(metadata.topics[t.name].partitions) for t in CATALOG} == {t.name: t.partitions for t in CATALOG}
    finally:
        broker.close()
