"""The rules worker as a process: tokenized reads in on a fresh development broker, cases out.

Epochs of 8 hours overlapping by 3 (tests/integration/rules/conftest.py). On Monday 2025-03-03 in
Paris, epoch A (05:00Z) runs 06:00-14:00 and epoch B (10:00Z) 11:00-19:00: A alone from 09:00 to
11:00, both from 11:00 to 14:00, B alone from 14:00 to 16:00.
"""
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
from alpr_common.crypto import KeyStore, from_proto, open_sealed, seal, to_proto, token
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


def read(keystore: KeyStore, read_id: str, plate: str, minutes: int, spot: tuple, north_m: float = 0,
         confidence=0.9) -> kafka.Outgoing:
    """A read as ocr writes it: tokens under every live epoch containing its capture time, the text
    sealed under the newest, no plate_text, keyed by the newest token."""
    at = MONDAY_10AM + timedelta(minutes=minutes)
    newest, *older = keystore.epochs_for(at)
    event = PlateRead(read_id=read_id, frame_id=f"f-{read_id}", device_id="car-7", captured_at=to_timestamp(at),
                      location={"latitude": spot[0] + north_m / 111_195, "longitude": spot[1]},
                      object_key=f"frames/car-7/f-{read_id}.jpg", confidence=confidence, image_key_id=newest.key_id,
                      plate_token=token(newest, plate), overlap_plate_token=token(older[0], plate) if older else b"",
                      sealed_plate=to_proto(seal(newest, plate.encode(), read_id.encode())))
    return kafka.Outgoing(READS.name, event.plate_token.hex().encode(), event.SerializeToString())


def scenario(keystore: KeyStore) -> list[kafka.Outgoing]:
    """The reads in capture-time order, then two broken ones. Made in SCENARIO's order, whose first read
    (10:00, epoch A alone) creates A's keys before any read in the A-B overlap asks for them, as with ocr."""
    minutes = lambda clock: (datetime.fromisoformat(f"2025-03-03T{clock}").replace(tzinfo=MONDAY_10AM.tzinfo)  # noqa: E731
                             - MONDAY_10AM) // timedelta(minutes=1)
    reads = [read(keystore, *args[:2], minutes(args[2]), *args[3:]) for args in SCENARIO]
    without_token = PlateRead.FromString(reads[0].value)
    without_token.ClearField("plate_token")
    broken = [kafka.Outgoing(READS.name, b"garbage", b"not a protobuf"),
              kafka.Outgoing(READS.name, b"no-token", without_token.SerializeToString())]
    return sorted(reads, key=lambda r: PlateRead.FromString(r.value).captured_at.seconds) + broken


SCENARIO = [  # read id, plate, Paris time, spot, ...
    ("ovr-1", "OVR111", "10:00", TIMED_SPOT), ("ovr-2", "OVR111", "12:10", TIMED_SPOT, 5),
    ("ovr-2", "OVR111", "12:10", TIMED_SPOT, 5),  # replayed: must not open a second case
    ("mov-1", "MOV222", "10:00", TIMED_SPOT), ("mov-2", "MOV222", "12:10", TIMED_SPOT, 100),
    ("prm-1", "PRM333", "10:00", PERMIT_SPOT), ("prm-2", "PRM333", "13:20", PERMIT_SPOT),
    ("nop-1", "NOP444", "10:00", PERMIT_SPOT), ("nop-2", "NOP444", "11:00", PERMIT_SPOT),  # A opens, B leaves it
    ("low-1", "LOW555", "10:00", PERMIT_SPOT, 0, 0.3),
    ("lka-1", "LKA123", "10:00", TIMED_SPOT), ("lka-2", "LKA1Z3", "12:10", TIMED_SPOT),  # a look-alike misread
    ("fus-1", "FUS888", "10:00", TIMED_SPOT, 0, 0.3), ("fus-2", "FUS888", "12:10", TIMED_SPOT),  # fused
    ("out-1", "OUT666", "10:00", (40.0, -3.0)),  # in no zone
    # parked across the boundary: A alone, the overlap three times, B alone; one case (A's, at 12:40)
    ("brd-1", "BRD999", "10:30", TIMED_SPOT), ("brd-2", "BRD999", "11:15", TIMED_SPOT),
    ("brd-3", "BRD999", "12:40", TIMED_SPOT), ("brd-4", "BRD999", "13:30", TIMED_SPOT),
    ("brd-5", "BRD999", "15:00", TIMED_SPOT),
    # seen in A alone, then in B alone: 5 hours apart at the same spot, but no epoch holds both
    ("far-1", "FAR777", "09:30", TIMED_SPOT), ("far-2", "FAR777", "14:30", TIMED_SPOT),
]


@pytest.fixture
def setup(database_url, crypto_env, tmp_path):
    """A fresh development broker, a zone file, one permit holder and the key store's settings;
    yields the worker's environment."""
    zones = tmp_path / "zones.geojson"
    zones.write_text(json.dumps({"type": "FeatureCollection", "features": [
        zone("main-st", "timed", 120, 2.0), zone("res-a", "permit", None, 2.02)]}))
    (tmp_path / "permits.csv").write_text("plate,zone_ids,valid_from,valid_to\nPRM333,res-a,2025-01-01,2025-12-31\n")
    import_permits_csv(database_url, tmp_path / "permits.csv")
    with development_broker() as bootstrap:
        yield {**os.environ, **crypto_env, "KAFKA_BOOTSTRAP_SERVERS": bootstrap, "DATABASE_URL": database_url,
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


def test_reads_become_exactly_the_expected_cases(setup, keystore):
    kafka.produce_and_wait(kafka.producer(setup["KAFKA_BOOTSTRAP_SERVERS"], "test"), scenario(keystore))
    with rules_worker(setup) as worker:
        check_cases_audits_and_dead_letters(worker, keystore)


def check_cases_audits_and_dead_letters(worker: str, keystore: KeyStore):
    messages = consume(worker, CASES.name, expected=5)
    cases = {c.sightings[0].read_id.split("-")[0]: c for c in (Case.FromString(m.value()) for m in messages)}
    assert len(messages) == 5 and set(cases) == {"ovr", "nop", "lka", "fus", "brd"}
    assert all(c.plate_text == "" and not any(s.plate_text for s in c.sightings) for c in cases.values())
    lka = [(s.read_id, plate_as_read(keystore, s)) for s in cases["lka"].sightings]
    assert lka == [("lka-1", "LKA123"), ("lka-2", "LKA1Z3")]  # each as read, sealed
    assert [s.read_id for s in cases["fus"].sightings] == ["fus-1", "fus-2"]
    overstay, no_permit, boundary = cases["ovr"], cases["nop"], cases["brd"]
    assert overstay.kind == OVERSTAY and overstay.zone_id == "main-st"
    assert [s.read_id for s in overstay.sightings] == ["ovr-1", "ovr-2"]
    assert overstay.plate_token == token(keystore.keys_for("epoch:20250303T0500Z-8h"), "OVR111")  # A's token
    assert overstay.sightings[1].image_key_id == "epoch:20250303T1000Z-8h"  # copied from the read (sealed under B)
    assert overstay.rule_summary == "2 h limit + 5 min grace, Mon-Sat 08:00-18:00"
    assert from_timestamp(overstay.opened_at) == MONDAY_10AM + timedelta(minutes=130)  # capture time, not now
    # Reads of one car in two epochs are keyed by different tokens, so they may be judged in any order:
    # which sightings a case shows may vary, the one case may not.
    assert no_permit.kind == NO_PERMIT and len(no_permit.sightings) == 1
    first, last = (from_timestamp(s.captured_at) for s in boundary.sightings)
    assert boundary.kind == OVERSTAY and last - first > timedelta(minutes=125)
    assert {s.read_id for s in boundary.sightings} <= {"brd-1", "brd-2", "brd-3", "brd-4"}  # epoch A's sightings
    assert {m.key() for m in messages} == {c.case_id.encode() for c in cases.values()}

    audits = [AuditEvent.FromString(m.value()) for m in consume(worker, AUDIT.name, expected=5)]
    assert sorted(a.resource for a in audits) == sorted(c.case_id for c in cases.values())
    assert {(a.actor, a.actor_kind, a.action) for a in audits} == {("rules", "service", "case.open")}

    letters = [DeadLetter.FromString(m.value()) for m in consume(worker, DEAD_LETTERS.name, expected=2)]
    assert {letter.source_topic for letter in letters} == {READS.name} and len(letters) == 2
    garbage, = (letter for letter in letters if letter.value == b"not a protobuf")
    no_token, = (letter for letter in letters if letter.key == b"no-token")
    assert "PlateRead" in garbage.reason and no_token.reason == "alpr.v1.PlateRead without plate_token"


def plate_as_read(keystore: KeyStore, sighting) -> str:
    """What review sees once it opens the evidence (the rules never do)."""
    return open_sealed(keystore, from_proto(sighting.sealed_plate), sighting.read_id.encode()).decode()


def test_chalks_survive_a_restart_of_the_worker(setup, keystore):
    producer = kafka.producer(setup["KAFKA_BOOTSTRAP_SERVERS"], "test")
    kafka.produce_and_wait(producer, [read(keystore, "rst-1", "RST777", 0, TIMED_SPOT)])
    with rules_worker(setup) as worker:
        assert consume(worker, "rules-chalks-changelog", expected=1, settle_s=0.5)  # chalked
    if importlib.util.find_spec("rocksdict"):  # RULES_TABLE_STORE=auto: the tables are kept on disk
        assert list(Path(setup["ALPR_DATA_DIR"]).glob("rules/**/chalks-*.db"))
    kafka.produce_and_wait(producer, [read(keystore, "rst-2", "RST777", 126, TIMED_SPOT)])  # 12:06, in the overlap
    with rules_worker(setup) as worker:
        case, = (Case.FromString(m.value()) for m in consume(worker, CASES.name, expected=1))
    assert [s.read_id for s in case.sightings] == ["rst-1", "rst-2"]
