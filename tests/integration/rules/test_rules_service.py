"""The rules worker as a process: reads in on a fresh development broker, cases out."""
import importlib.util
import json
import os
import subprocess
import sys
import time
import uuid
from contextlib import contextmanager
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from alpr_common import kafka
from alpr_common.plates import canonical_plate
from alpr_common.events.audit_pb2 import AuditEvent
from alpr_common.events.cases_pb2 import NO_PERMIT, OVERSTAY, Case
from alpr_common.events.common_pb2 import DeadLetter
from alpr_common.events.reads_pb2 import PlateRead
from alpr_common.timeutil import from_timestamp, to_timestamp
from alpr_common.topics import AUDIT, CASES, DEAD_LETTERS, READS
from services.rules.permits_repository import import_permits_csv
from tests.support.components import development_broker

pytestmark = pytest.mark.integration
MONDAY_10AM = datetime(2025, 3, 3, 10, tzinfo=ZoneInfo("Europe/Paris"))
TIMED_SPOT, PERMIT_SPOT = (48.005, 2.005), (48.005, 2.025)
SCHEDULE = {"days": ["mon", "tue", "wed", "thu", "fri", "sat"], "start": "08:00", "end": "18:00"}


def square(lon: float) -> dict:
    return {"type": "Polygon", "coordinates": [[[lon, 48.0], [lon + 0.01, 48.0], [lon + 0.01, 48.01], [lon, 48.01], [lon, 48.0]]]}


def zone(zone_id: str, kind: str, limit, lon: float) -> dict:
    return {"type": "Feature", "geometry": square(lon), "properties": {
        "id": zone_id, "name": zone_id.title(), "kind": kind, "limit_minutes": limit, "grace_minutes": 5,
        "timezone": "Europe/Paris", "schedule": SCHEDULE}}


def read(read_id: str, plate: str, minutes: int, spot: tuple, north_m: float = 0, confidence=0.9) -> kafka.Outgoing:
    event = PlateRead(read_id=read_id, frame_id=f"f-{read_id}", device_id="car-7", plate_text=plate,
                      captured_at=to_timestamp(MONDAY_10AM + timedelta(minutes=minutes)),
                      location={"latitude": spot[0] + north_m / 111_195, "longitude": spot[1]},
                      object_key=f"frames/car-7/f-{read_id}.jpg", confidence=confidence)
    return kafka.Outgoing(READS.name, canonical_plate(plate).encode(), event.SerializeToString())  # as ocr keys reads


SCENARIO = [
    read("ovr-1", "OVR111", 0, TIMED_SPOT), read("ovr-2", "OVR111", 130, TIMED_SPOT, north_m=5),
    read("ovr-2", "OVR111", 130, TIMED_SPOT, north_m=5),  # replayed: must not open a second case
    read("mov-1", "MOV222", 0, TIMED_SPOT), read("mov-2", "MOV222", 130, TIMED_SPOT, north_m=100),
    read("prm-1", "PRM333", 0, PERMIT_SPOT), read("prm-2", "PRM333", 200, PERMIT_SPOT),
    read("nop-1", "NOP444", 0, PERMIT_SPOT), read("nop-2", "NOP444", 60, PERMIT_SPOT),
    read("low-1", "LOW555", 0, PERMIT_SPOT, confidence=0.3),
    read("lka-1", "LKA123", 0, TIMED_SPOT), read("lka-2", "LKA1Z3", 130, TIMED_SPOT),  # a look-alike misread
    read("fus-1", "FUS888", 0, TIMED_SPOT, confidence=0.3), read("fus-2", "FUS888", 130, TIMED_SPOT),  # fused
    read("out-1", "OUT666", 0, (40.0, -3.0)),  # in no zone
    kafka.Outgoing(READS.name, b"garbage", b"not a protobuf"),
]


@pytest.fixture
def setup(database_url, tmp_path):
    """A fresh development broker, a zone file and one permit holder; yields the worker's environment."""
    zones = tmp_path / "zones.geojson"
    zones.write_text(json.dumps({"type": "FeatureCollection", "features": [
        zone("main-st", "timed", 120, 2.0), zone("res-a", "permit", None, 2.02)]}))
    (tmp_path / "permits.csv").write_text("plate,zone_ids,valid_from,valid_to\nPRM333,res-a,2025-01-01,2025-12-31\n")
    import_permits_csv(database_url, tmp_path / "permits.csv")
    with development_broker() as bootstrap:
        yield {**os.environ, "KAFKA_BOOTSTRAP_SERVERS": bootstrap, "DATABASE_URL": database_url,
               "RULES_ZONES_PATH": str(zones), "ALPR_DATA_DIR": str(tmp_path / "data"), "ALPR_LOG_LEVEL": "WARNING",
               "RULES_SESSION_TIMEOUT_S": "8"}  # a restarted worker gets its partitions back sooner


@contextmanager
def rules_worker(env: dict):
    """`alpr rules run` as a process, stopped with SIGTERM; its log is printed when a test fails."""
    log = Path(env["ALPR_DATA_DIR"]).parent / f"worker-{uuid.uuid4().hex[:6]}.log"
    with log.open("w") as out:
        proc = subprocess.Popen([sys.executable, "-m", "alpr_cli.main", "rules", "run"], env=env,
                                stdout=out, stderr=subprocess.STDOUT)
    try:
        yield env["KAFKA_BOOTSTRAP_SERVERS"]
    finally:
        proc.terminate()
        proc.wait(20)
        print(log.read_text()[-3000:])


def consume(bootstrap: str, topic: str, expected: int, settle_s: float = 3.0, timeout_s: float = 60.0) -> list:
    """Every message on the topic once `expected` have arrived and nothing more came for settle_s."""
    consumer = kafka.consumer(bootstrap, f"test-{uuid.uuid4().hex[:6]}", [topic], **{"topic.metadata.refresh.interval.ms": 500})
    found, deadline, quiet_since = [], time.monotonic() + timeout_s, None
    try:
        while time.monotonic() < deadline:
            msg = consumer.poll(0.5)
            if msg is not None and not msg.error():
                found.append(msg)
                quiet_since = None
            elif len(found) >= expected:
                quiet_since = quiet_since or time.monotonic()
                if time.monotonic() - quiet_since > settle_s:
                    break
    finally:
        consumer.close()
    return found


def test_reads_become_exactly_the_expected_cases(setup):
    kafka.produce_and_wait(kafka.producer(setup["KAFKA_BOOTSTRAP_SERVERS"], "test"), SCENARIO)
    with rules_worker(setup) as worker:
        check_cases_audits_and_dead_letters(worker)


def check_cases_audits_and_dead_letters(worker: str):
    messages = consume(worker, CASES.name, expected=4)
    cases = {c.plate_text: c for c in (Case.FromString(m.value()) for m in messages)}
    assert len(messages) == 4 and set(cases) == {"OVR111", "NOP444", "LKA123", "FUS888"}
    assert [(s.read_id, s.plate_text) for s in cases["LKA123"].sightings] == [("lka-1", "LKA123"), ("lka-2", "LKA1Z3")]
    assert [s.read_id for s in cases["FUS888"].sightings] == ["fus-1", "fus-2"]
    overstay, no_permit = cases["OVR111"], cases["NOP444"]
    assert overstay.kind == OVERSTAY and overstay.zone_id == "main-st"
    assert [s.read_id for s in overstay.sightings] == ["ovr-1", "ovr-2"]
    assert overstay.rule_summary == "2 h limit + 5 min grace, Mon-Sat 08:00-18:00"
    assert from_timestamp(overstay.opened_at) == MONDAY_10AM + timedelta(minutes=130)  # capture time, not now
    assert no_permit.kind == NO_PERMIT and [s.read_id for s in no_permit.sightings] == ["nop-1"]
    assert {m.key() for m in messages} == {c.case_id.encode() for c in cases.values()}

    audits = [AuditEvent.FromString(m.value()) for m in consume(worker, AUDIT.name, expected=4)]
    assert sorted(a.resource for a in audits) == sorted(c.case_id for c in cases.values())
    assert {(a.actor, a.actor_kind, a.action) for a in audits} == {("rules", "service", "case.open")}

    dead, = consume(worker, DEAD_LETTERS.name, expected=1)
    letter = DeadLetter.FromString(dead.value())
    assert letter.source_topic == READS.name and letter.value == b"not a protobuf" and "PlateRead" in letter.reason


def test_chalks_survive_a_restart_of_the_worker(setup):
    producer = kafka.producer(setup["KAFKA_BOOTSTRAP_SERVERS"], "test")
    kafka.produce_and_wait(producer, [read("rst-1", "RST777", 0, TIMED_SPOT)])
    with rules_worker(setup) as worker:
        assert consume(worker, "rules-chalks-changelog", expected=1, settle_s=0.5)  # chalked
    if importlib.util.find_spec("rocksdict"):  # RULES_TABLE_STORE=auto: the tables are kept on disk
        assert list(Path(setup["ALPR_DATA_DIR"]).glob("rules/**/chalks-*.db"))
    kafka.produce_and_wait(producer, [read("rst-2", "RST777", 126, TIMED_SPOT)])
    with rules_worker(setup) as worker:
        case, = (Case.FromString(m.value()) for m in consume(worker, CASES.name, expected=1))
    assert [s.read_id for s in case.sightings] == ["rst-1", "rst-2"]
