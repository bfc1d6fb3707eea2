"""The composition root of retention: the inventory consumer and the sweep loop in one process."""
import logging
import threading
import time

import confluent_kafka

from alpr_common import kafka
from alpr_common.audit import AuditTrail
from alpr_common.clock import clock_from_setting
from alpr_common.consumer_loop import decode_batch, run_consumer_loop
from alpr_common.db import resolve_database_url
from alpr_common.events.cases_pb2 import Case
from alpr_common.events.decisions_pb2 import Citation, CitationClosed, Decision
from alpr_common.events.frames_pb2 import Frame
from alpr_common.events.reads_pb2 import FrameRead
from alpr_common.kafka import Outgoing, dead_letter
from alpr_common.storage import open_store
from alpr_common.topics import CASES, CITATION_CLOSURES, CITATIONS, DECISIONS, FRAME_READS, FRAMES
from services.retention import inventory, metrics
from services.retention.case_repository import CaseRepository
from services.retention.plan import due_now
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
    CITATIONS.name: (Citation, inventory.from_citation),
    CITATION_CLOSURES.name: (CitationClosed, inventory.from_citation_closed),
}


def make_handler(repo: InventoryRepository, on_decided=lambda: None):
    """Turn a batch into inventory facts, apply them in one transaction, dead-letter what cannot be used.
    A decision can make evidence due (a rejection replayed late), so it calls `on_decided` to sweep at once."""
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
        if any(isinstance(f, inventory.CaseDecided) for f in facts):
            on_decided()
        return dead
    return handle


class RetentionService:
    def __init__(self, settings: RetentionSettings, group_id: str = GROUP):
        self.settings, self.group_id = settings, group_id
        database_url = resolve_database_url(settings.database_url, settings.data_dir)
        self.repo, self.cases = InventoryRepository(database_url), CaseRepository(database_url)
        self.rules = load_rules(settings.config_path)
        self.clock = clock_from_setting(settings.clock)

    def past_due(self) -> int:
        """Items due by the clock, under no hold, that no sweep has destroyed yet (also sets the metric)."""
        count = len(due_now(self.repo.destroyable_frames(), self.rules, self.clock.now()))
        metrics.ITEMS_PAST_DUE.set(count)
        return count

    def sweeper(self, producer: confluent_kafka.Producer) -> Sweeper:
        return Sweeper(repo=self.repo, store=open_store(self.settings.resolved_storage_url()), producer=producer,
                       audit=AuditTrail(SERVICE, producer), rules=self.rules,
                       clock=self.clock, batch_size=self.settings.sweep_batch_size)

    def run(self, stop: threading.Event, on_sweeper=None) -> None:
        """Consume in a thread; sweep in this one every interval and after each decision, until `stop` is set."""
        bootstrap = self.settings.require_kafka()
        sweeper = self.sweeper(kafka.producer(bootstrap, f"{SERVICE}-sweep"))
        if on_sweeper:
            on_sweeper(sweeper)
        consumer, decided = kafka.consumer(bootstrap, self.group_id, list(ROUTES)), threading.Event()
        loop = threading.Thread(target=run_consumer_loop, name="retention-consumer", daemon=True, kwargs=dict(
            consumer=consumer, producer=kafka.producer(bootstrap, SERVICE), service=SERVICE,
            handle=make_handler(self.repo, decided.set), stop=stop))
        loop.start()
        try:
            while not stop.is_set() and loop.is_alive():
                sweeper.sweep()
                _pause(stop, decided, self.settings.sweep_interval_s)
            if not loop.is_alive() and not stop.is_set():
                raise RuntimeError("the retention consumer stopped; see the error above")
        finally:
            stop.set()
            loop.join(10)
            consumer.close()
            sweeper.audit.close()


def _pause(stop: threading.Event, wake: threading.Event, seconds: float) -> None:
    """Until `seconds` pass, `wake` is set (then cleared) or `stop` is set."""
    deadline = time.monotonic() + seconds
    while not stop.is_set() and not wake.is_set() and (left := deadline - time.monotonic()) > 0:
        wake.wait(min(left, 0.2))
    wake.clear()
