"""The composition root of reporting: the consumer that keeps the aggregate counts."""
import threading
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import confluent_kafka

from alpr_common import kafka
from alpr_common.consumer_loop import decode_batch, run_consumer_loop
from alpr_common.db import resolve_database_url
from alpr_common.errors import ConfigError
from alpr_common.events.audit_pb2 import AuditEvent
from alpr_common.events.cases_pb2 import Case
from alpr_common.events.decisions_pb2 import Citation, Decision
from alpr_common.events.reads_pb2 import PlateRead
from alpr_common.events.retention_pb2 import RetentionRecord
from alpr_common.events.sharing_pb2 import SharingEvent
from alpr_common.kafka import Outgoing, dead_letter
from alpr_common.topics import AUDIT, CASES, CITATIONS, DECISIONS, READS, RETENTION, SHARING
from services.reporting import aggregation as agg
from services.reporting import metrics
from services.reporting.places import Places, load_places
from services.reporting.repository import AggregateRepository
from services.reporting.settings import ReportingSettings

SERVICE = GROUP = "reporting"


def routes(places: Places, tz: ZoneInfo) -> dict:
    """Topic -> (event class, event -> its Increments)."""
    return {
        READS.name: (PlateRead, lambda e: [agg.from_read(e, places, tz)]),
        CASES.name: (Case, lambda e: [agg.from_case(e, places, tz)]),
        DECISIONS.name: (Decision, lambda e: [agg.from_decision(e, tz)]),
        CITATIONS.name: (Citation, lambda e: [agg.from_citation(e, places, tz)]),
        RETENTION.name: (RetentionRecord, lambda e: [agg.from_retention(e, tz)]),
        AUDIT.name: (AuditEvent, lambda e: agg.from_audit(e, tz)),
        SHARING.name: (SharingEvent, lambda e: [agg.from_sharing(e, tz)]),
    }


def make_handler(repo: AggregateRepository, table: dict):
    def handle(messages: list[confluent_kafka.Message]) -> list[Outgoing]:
        increments, dead = [], []
        for topic, (event_type, to_increment) in table.items():
            decoded, undecodable = decode_batch([m for m in messages if m.topic() == topic], event_type, SERVICE)
            dead += undecodable
            for msg, event in decoded:
                try:
                    increments.extend(to_increment(event))
                except agg.InvalidEvent as exc:
                    dead.append(dead_letter(msg, str(exc), SERVICE))
        new = repo.count(increments)
        metrics.EVENTS_COUNTED.inc(new)
        metrics.EVENTS_ALREADY_COUNTED.inc(len(increments) - new)
        return dead
    return handle


def zone_info(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ConfigError(f"REPORTING_TIMEZONE must be an IANA time zone such as Europe/Berlin, not {name!r}") from None


def run(settings: ReportingSettings, stop: threading.Event, group_id: str = GROUP) -> None:
    """Consume until `stop` is set."""
    bootstrap = settings.require_kafka()
    for path in (settings.tracts_path, settings.zones_path):
        if path and not path.is_file():
            raise ConfigError(f"{path} does not exist (REPORTING_TRACTS_PATH / REPORTING_ZONES_PATH)")
    table = routes(load_places(settings.tracts_path, settings.zones_path), zone_info(settings.timezone))
    repo = AggregateRepository(resolve_database_url(settings.database_url, settings.data_dir))
    consumer = kafka.consumer(bootstrap, group_id, list(table))
    try:
        run_consumer_loop(consumer=consumer, producer=kafka.producer(bootstrap, SERVICE), service=SERVICE,
                          handle=make_handler(repo, table), stop=stop)
    finally:
        consumer.close()
