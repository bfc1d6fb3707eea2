"""The KafkaTopic resources are the topic catalog, and the committed file is a fresh generation."""
from alpr_cli.deploy_gen import REPLICAS, kafka_topics_yaml
from alpr_common.topics import CATALOG
from tests.deploy.manifests import BASE, documents


def committed_topics() -> list[dict]:
    return documents(BASE / "kafka-topics.yaml")


def test_committed_topics_equal_a_fresh_generation():
    assert (BASE / "kafka-topics.yaml").read_text() == kafka_topics_yaml(), "run `alpr deploy generate` and commit the result"


def test_one_topic_resource_per_catalog_entry_with_its_settings():
    by_name = {doc["spec"]["topicName"]: doc["spec"] for doc in committed_topics()}
    assert set(by_name) == {topic.name for topic in CATALOG}
    for topic in CATALOG:
        spec = by_name[topic.name]
        assert spec["partitions"] == topic.partitions and spec["replicas"] == REPLICAS
        assert spec["config"] == topic.config()
    assert by_name["alpr.audit.v1"]["config"]["retention.ms"] == "-1"  # the audit trail never expires


def test_topics_belong_to_the_strimzi_cluster_and_have_unique_names():
    docs = committed_topics()
    kafka = next(doc for doc in documents(BASE / "kafka.yaml") if doc["kind"] == "Kafka")
    assert {doc["metadata"]["labels"]["strimzi.io/cluster"] for doc in docs} == {kafka["metadata"]["name"]}
    assert len({doc["metadata"]["name"] for doc in docs}) == len(docs)
