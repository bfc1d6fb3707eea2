"""The composition root of retention: the inventory consumer and the sweep loop in one process."""
import logging
import threading

import confluent_kafka

from alpr_common import kafka
from alpr_common.audit import AuditTrail
from alpr_common.clock import clock_from_setting
from alpr_common.consumer_loop import decode_batch, run_consumer_loop
from alpr_common.db import resolve_database_url
from alpr_common.events.cases_pb2 import Case
from alpr_common.events.decisions_pb2 import Decision
from alpr_common.events.frames_pb2 import Frame
from alpr_common.events.reads_pb2 import FrameRead
from alpr_common.kafka import Outgoing, dead_letter
from alpr_common.storage import open_store
from alpr_common.topics import CASES, DECISIONS, FRAME_READS, FRAMES
from services.retention import inventory
from services.retention.repository import InventoryRepository
from services.retention.rules import load_rules
from services.retention.settings import RetentionSettings
from services.retention.sweep import Sweeper

log = logging.getLogger(__name__)
SERVICE = GROUP = "retention"
ROUTES = {
    FRAMES.name: (Frame, inventory.from_frame),
    FRAME_READS.name: (FrameRead, inventory.from_frame_read),
    CASES.name: (Case, inventory.from_case),
    DECISIONS.name: (Decision, inventory.from_decision),
}


def make_handler(repo: InventoryRepository):
    """Turn a batch into inventory facts, apply them in one transaction, dead-letter what cannot be used."""
    def handle(messages: list[confluent_kafka.Message]) -> list[Outgoing]:
        facts, dead = [], []
        for topic, (event_type, to_fact) in ROUTES.items():
            decoded, undecodable = decode_batch([m for m in messages if m.topic() == topic], event_type, SERVICE)
            dead += undecodable
            for msg, event in decoded:
                try:
                    facts.append(to_fact(event))
                except inventory.InvalidEvent as exc:
                    dead.append(dead_letter(msg, str(exc), SERVICE))
        repo.apply(facts)
        return dead
    return handle


class RetentionService:
    def __init__(self, settings: RetentionSettings, group_id: str = GROUP):
        self.settings, self.group_id = settings, group_id
        self.repo = InventoryRepository(resolve_database_url(settings.database_url, settings.data_dir))
        self.rules = load_rules(settings.config_path)

    def sweeper(self, producer: confluent_kafka.Producer) -> Sweeper:
        return Sweeper(repo=self.repo, store=open_store(self.settings.resolved_storage_url()), producer=producer,
                       audit=AuditTrail(SERVICE, producer), rules=self.rules,
                       clock=clock_from_setting(self.settings.clock), batch_size=self.settings.sweep_batch_size)

    def run(self, stop: threading.Event, on_sweeper=None) -> None:
        """Consume in a thread, sweep every interval in this one, until `stop` is set."""
        bootstrap = self.settings.require_kafka()
        sweeper = self.sweeper(kafka.producer(bootstrap, f"{SERVICE}-sweep"))
        if on_sweeper:
            on_sweeper(sweeper)
        consumer = kafka.consumer(bootstrap, self.group_id, list(ROUTES))
        loop = threading.Thread(target=run_consumer_loop, name="retention-consumer", daemon=True, kwargs=dict(
            consumer=consumer, producer=kafka.producer(bootstrap, SERVICE), service=SERVICE,
            handle=make_handler(self.repo), stop=stop))
        loop.start()
        try:
            while not stop.is_set() and loop.is_alive():
                sweeper.sweep()
                stop.wait(self.settings.sweep_interval_s)
            if not loop.is_alive() and not stop.is_set():
                raise RuntimeError("the retention consumer stopped; see the error above")
        finally:
            stop.set()
            loop.join(10)
            consumer.close()
            sweeper.audit.close()
