"""The Faust app: plate reads in, one copy per token repartitioned, violation cases out.

Agent `route-reads` checks each read of alpr.reads.v1 and forwards one TokenedRead per token it
carries to alpr.rules-sightings.v1, keyed by that token (two inside an epoch overlap). Agent
`judge-sightings` chalks them: a Faust table writes to the partition of the event being processed,
so the tables ('token hex|zone id' -> chalk, case id -> opened) must be fed by a topic keyed by the
token they are keyed by, which is what the repartition gives. No plate text and no key that opens
a sealed plate is ever used here: the key store only tokenizes the city's permits.
"""
import asyncio
import importlib.util
import logging
from dataclasses import dataclass

import faust
from google.protobuf.message import DecodeError
from prometheus_client import Counter

from alpr_common.audit import AuditTrail
from alpr_common.crypto import EpochSchedule
from alpr_common.errors import ConfigError
from alpr_common.metrics import DEAD_LETTERED, MESSAGES_CONSUMED, MESSAGES_PRODUCED
from alpr_common.topics import CASES, DEAD_LETTERS, READS, RULES_SIGHTINGS
from services.rules import codec
from services.rules.judging import judge_copy
from services.rules.permits import PermitBook
from services.rules.permits_repository import list_permits
from services.rules.settings import RulesSettings
from services.rules.violations import Violation
from services.rules.zone_reload import ZoneFile
from services.rules.zones import Zone

SERVICE = "rules"
log = logging.getLogger(__name__)
CASES_OPENED = Counter("alpr_rules_cases_opened_total", "Violation cases opened", ["kind"])


@dataclass
class Dependencies:
    settings: RulesSettings
    zones: ZoneFile  # reloaded every RULES_ZONES_RELOAD_S when the file changed (and still fits the epochs)
    permits: PermitBook  # tokenizes with the key store's epoch keys; refreshed every RULES_PERMIT_REFRESH_S
    database_url: str
    audit: AuditTrail
    epochs: EpochSchedule  # ALPR_EPOCH_HOURS / ALPR_EPOCH_OVERLAP_HOURS, as ocr tokenizes with


def table_store(choice: str) -> str:
    """The Faust store URL for RULES_TABLE_STORE: auto = RocksDB where rocksdict is installed, else memory.

    Faust's RocksDB store keeps one database per partition, so a key must always arrive on the same
    partition: sightings are keyed by token (alpr.rules-sightings.v1), which is what the tables are keyed by."""
    if choice == "auto":
        choice = "rocksdb" if importlib.util.find_spec("rocksdict") else "memory"
    if choice == "rocksdb" and importlib.util.find_spec("rocksdict") is None:
        raise ConfigError("RULES_TABLE_STORE=rocksdb needs the rocksdict package (pip install rocksdict), "
                          "or set RULES_TABLE_STORE=memory")
    return "rocksdb://" if choice == "rocksdb" else "memory://"


def faust_app(settings: RulesSettings) -> faust.App:
    """Settings that work on a real cluster and on the development broker (no topic creation by request)."""
    datadir = settings.data_dir / SERVICE
    datadir.mkdir(parents=True, exist_ok=True)
    return faust.App(
        SERVICE, broker=[f"kafka://{host}" for host in settings.require_kafka().split(",")],
        store=table_store(settings.table_store), datadir=str(datadir), web_enabled=False, autodiscover=False,
        topic_partitions=4, topic_allow_declare=False, topic_disable_leader=True,
        consumer_auto_offset_reset="earliest", producer_acks=-1,
        broker_session_timeout=settings.session_timeout_s, broker_heartbeat_interval=settings.session_timeout_s / 6,
        key_serializer="raw", value_serializer="raw",
    )


def create_app(deps: Dependencies) -> faust.App:
    app = faust_app(deps.settings)
    reads, sightings, cases, dead_letters = (app.topic(t.name) for t in (READS, RULES_SIGHTINGS, CASES, DEAD_LETTERS))
    chalks = codec.ChalkTable(app.Table("chalks", default=None, partitions=4))  # "token hex|zone id" -> JSON chalk
    opened = app.Table("opened-cases", default=None, partitions=4)  # case id -> opened at, or left to the older epoch
    policy = deps.settings.chalk_policy()

    async def open_case(violation: Violation, zone: Zone) -> None:
        event = codec.case_event(violation, zone)
        delivery = await cases.send(key=violation.case_id.encode(), value=event.SerializeToString())
        await delivery  # the broker has the case before it counts as opened
        await asyncio.to_thread(deps.audit.record, actor=SERVICE, actor_kind="service", role="service",
                                action="case.open", resource=violation.case_id, outcome="opened",
                                details={"zone_id": zone.id, "kind": violation.kind.value})
        opened[violation.case_id] = violation.opened_at.isoformat()
        MESSAGES_PRODUCED.labels(SERVICE, CASES.name).inc()
        CASES_OPENED.labels(violation.kind.value).inc()
        log.info("case opened", extra={"fields": {"case_id": violation.case_id, "zone_id": zone.id,
                                                  "kind": violation.kind.value}})

    async def dead_letter(message, reason: str) -> None:
        record = codec.dead_letter(message, reason, SERVICE)
        await dead_letters.send(key=message.topic.encode(), value=record.SerializeToString())
        DEAD_LETTERED.labels(SERVICE, message.topic).inc()
        log.warning("message dead-lettered", extra={"fields": {"reason": reason, "topic": message.topic,
                                                               "offset": message.offset}})

    @app.agent(reads, name="route-reads")
    async def route_reads(stream):
        async for event in stream.events():
            MESSAGES_CONSUMED.labels(SERVICE, READS.name).inc()
            try:
                copies = codec.tokened_reads(codec.read_from_bytes(event.value), deps.epochs)
            except (DecodeError, ValueError) as exc:
                await dead_letter(event.message, str(exc))
                continue
            for copy in copies:  # delivered before the read's offset is committed (Faust flushes first)
                await sightings.send(key=copy.token.hex().encode(), value=copy.SerializeToString())
                MESSAGES_PRODUCED.labels(SERVICE, RULES_SIGHTINGS.name).inc()

    @app.agent(sightings, name="judge-sightings")
    async def judge_sightings(stream):
        async for event in stream.events():
            MESSAGES_CONSUMED.labels(SERVICE, RULES_SIGHTINGS.name).inc()
            try:
                copy = codec.tokened_read_from_bytes(event.value)
            except (DecodeError, ValueError) as exc:
                await dead_letter(event.message, str(exc))
                continue
            judged = judge_copy(codec.sighting_from_copy(copy), copy.epoch_id, copy.may_open_case,
                                deps.zones.index, deps.permits, chalks, opened, policy)
            if judged:
                await open_case(judged.violation, judged.zone)

    @app.timer(interval=deps.settings.permit_refresh_s)
    async def refresh_permits():
        try:
            deps.permits = deps.permits.with_permits(await asyncio.to_thread(list_permits, deps.database_url))
        except Exception as exc:  # keep the last good book; the next refresh tries again
            log.error("permits not refreshed, keeping the previous ones: %s", exc)

    @app.timer(interval=deps.settings.zones_reload_s)
    async def reload_zones():
        await asyncio.to_thread(deps.zones.reload_if_changed)  # a bad file keeps the old zones

    return app
