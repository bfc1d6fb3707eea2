"""Real audit events, written once through AuditTrail to the broker, and copies of them on fresh topics."""
import uuid

import pytest

from alpr_common import kafka
from alpr_common.audit import AuditTrail
from alpr_common.audit_keys import AuditSettings
from alpr_common.events.audit_pb2 import AuditEvent
from alpr_common.timeutil import to_timestamp
from alpr_common.topics import AUDIT
from tests.support.kafka_read import read_until
from tests.unit.audit.chains import NOW


@pytest.fixture(scope="module")
def written(kafka_bootstrap, tmp_path_factory):
    """Two writers' events as read back from alpr.audit.v1 (13 and 4, checkpoints included) and their registry."""
    registry = tmp_path_factory.mktemp("audit") / "keys.jsonl"
    settings = AuditSettings(checkpoint_every=4, key_registry=registry)
    officer = AuditTrail("review", kafka.producer(kafka_bootstrap, "test-review"), settings)
    vendor = AuditTrail("ingest", kafka.producer(kafka_bootstrap, "test-ingest"), settings)
    for n in range(10):
        officer.record(actor=f"officer-{n % 2}", role="officer", action="case.view", resource=f"case-{n % 3}", outcome="allowed", at=NOW)
    for n in range(3):
        vendor.record(actor="acme", actor_kind="vendor", role="vendor", action="frame.upload", resource=f"f{n}", outcome="denied", at=NOW)
    officer.close(), vendor.close()
    mine = {officer.writer_id.encode(), vendor.writer_id.encode()}
    got = read_until(kafka_bootstrap, [AUDIT.name], lambda msgs: sum(m.key() in mine for m in msgs) >= 17)
    events = [AuditEvent.FromString(m.value()) for m in got if m.key() in mine]
    by_writer = {w: [e for e in events if e.writer_id == w] for w in (officer.writer_id, vendor.writer_id)}
    return by_writer[officer.writer_id], by_writer[vendor.writer_id], registry


def copy_to_new_topic(bootstrap: str, events: list[AuditEvent]) -> tuple[str, list[str]]:
    """The events produced in this order onto a new topic, and the partition/offset each one got."""
    topic, producer, positions = f"test.audit.copy.{uuid.uuid4().hex[:8]}", kafka.producer(bootstrap, "test-copy"), {}
    for i, event in enumerate(events):
        producer.produce(topic, key=event.writer_id.encode(), value=event.SerializeToString(),
                         on_delivery=lambda err, msg, i=i: positions.__setitem__(i, f"{msg.partition()}/{msg.offset()}"))
    producer.flush(15)
    assert len(positions) == len(events), "the broker did not acknowledge every copied event"
    return topic, [positions[i] for i in range(len(events))]


def forged_access(writer_id: str, sequence: int, prev_hash: bytes) -> AuditEvent:
    return AuditEvent(event_id=uuid.uuid4().hex, writer_id=writer_id, sequence=sequence, prev_hash=prev_hash,
                      at=to_timestamp(NOW), actor="intruder", role="officer", action="case.view", resource="case-x")
