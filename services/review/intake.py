"""Case intake: consume alpr.cases.v1 and admit each new case for review (group id `review`)."""
import logging
import threading

import confluent_kafka
import psycopg

from alpr_common import kafka
from alpr_common.consumer_loop import decode_batch, run_consumer_loop
from alpr_common.crypto import from_proto
from alpr_common.db import connect
from alpr_common.events import cases_pb2
from alpr_common.kafka import Outgoing, dead_letter
from alpr_common.timeutil import from_timestamp
from alpr_common.topics import CASES
from services.review import metrics
from services.review.admission import Adapters, Unreviewable, admit
from services.review.models import Case, Sighting
from services.review.settings import SERVICE

log = logging.getLogger(__name__)


def case_problem(event: cases_pb2.Case) -> str | None:
    """Why a decoded case cannot be reviewed, or None when it can."""
    if not event.case_id:
        return "case without case_id"
    if not event.sightings:
        return "case without sightings (nothing to review)"
    if event.kind == cases_pb2.VIOLATION_KIND_UNSPECIFIED:
        return "case without a violation kind"
    if not all(s.HasField("sealed_plate") and s.sealed_plate.key_id for s in event.sightings):
        return "sighting without sealed_plate: plates arrive sealed under their epoch key, never in clear"
    return None


def case_from_event(event: cases_pb2.Case) -> Case:
    """The case as it arrives: plates sealed under their epoch key, images at their frame's object key."""
    return Case(
        case_id=event.case_id, zone_id=event.zone_id, zone_name=event.zone_name,
        kind=cases_pb2.ViolationKind.Name(event.kind), rule_summary=event.rule_summary,
        limit_minutes=event.limit_minutes, grace_minutes=event.grace_minutes,
        opened_at=from_timestamp(event.opened_at),
        sightings=tuple(Sighting(
            n=n, read_id=s.read_id, frame_id=s.frame_id, object_key=s.object_key,
            captured_at=from_timestamp(s.captured_at), latitude=s.location.latitude,
            longitude=s.location.longitude, confidence=s.confidence,
            box=(s.box.x, s.box.y, s.box.width, s.box.height),
            sealed_plate=from_proto(s.sealed_plate)) for n, s in enumerate(event.sightings)),
    )


def admit_event(adapters: Adapters, conn: psycopg.Connection, event: cases_pb2.Case) -> str | None:
    """Admit one decoded case; the reason to dead-letter it, or None."""
    problem = case_problem(event)
    if problem:
        return problem
    try:
        outcome = admit(adapters, conn, case_from_event(event))
    except Unreviewable as exc:
        return str(exc)
    metrics.CASES_ADMITTED.labels(outcome).inc()
    log.info("case %s", outcome, extra={"fields": {"case_id": event.case_id}})
    return None


def case_handler(database_url: str, adapters: Adapters):
    """The batch handler: admit new cases; dead-letter what cannot be decoded, reviewed or opened."""
    def handle(messages: list[confluent_kafka.Message]) -> list[Outgoing]:
        decoded, dead = decode_batch(messages, cases_pb2.Case, SERVICE)
        with connect(database_url, autocommit=True) as conn:
            for msg, event in decoded:
                if problem := admit_event(adapters, conn, event):
                    dead.append(dead_letter(msg, problem, SERVICE))
        return dead
    return handle


class CaseIntake:
    """Runs the consumer loop in a background thread; restarts it (from the committed offsets) after a failure."""

    def __init__(self, bootstrap: str, database_url: str, adapters: Adapters, group_id: str = SERVICE,
                 restart_delay_s: float = 2.0):
        self.bootstrap, self.database_url, self.adapters, self.group_id = bootstrap, database_url, adapters, group_id
        self.restart_delay_s = restart_delay_s
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._run, name="review-intake", daemon=True)

    @property
    def alive(self) -> bool:
        return self.thread.is_alive()

    def start(self) -> None:
        self.thread.start()

    def close(self, timeout_s: float = 10.0) -> None:
        self.stop.set()
        if self.thread.is_alive():
            self.thread.join(timeout_s)

    def _run(self) -> None:
        producer = kafka.producer(self.bootstrap, f"{SERVICE}-intake")
        while not self.stop.is_set():
            consumer = kafka.consumer(self.bootstrap, self.group_id, [CASES.name])
            try:
                run_consumer_loop(consumer=consumer, producer=producer, service=SERVICE,
                                  handle=case_handler(self.database_url, self.adapters), stop=self.stop)
            except Exception:
                log.exception("case intake failed; restarting from the last committed offsets")
                self.stop.wait(self.restart_delay_s)
            finally:
                consumer.close()
        producer.flush(5)
