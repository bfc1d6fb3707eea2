"""The composition root of retention: the inventory consumer and the sweep loop in one process."""
import logging
import threading
import time
from functools import cached_property

import confluent_kafka

from alpr_common import kafka
from alpr_common.audit import AuditTrail
from alpr_common.clock import clock_from_setting
from alpr_common.consumer_loop import decode_batch, run_consumer_loop
from alpr_common.crypto import CryptoSettings, KeyStore, open_keystore
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
from services.retention.ledger import Ledger
from services.retention.plan import Destruction, due, epoch_destructions, schedule_all, soonest_first
from services.retention.repository import InventoryRepository
from services.retention.rules import check_epoch_hours, load_rules
from services.retention.settings import RetentionSettings
from services.retention.shred_repository import ShredRepository
from services.retention.shredding import CaseShredder, EpochShredder
from services.retention.sweep import FrameDestroyer, Sweeper

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
        self.database_url = resolve_database_url(settings.database_url, settings.data_dir)
        self.repo, self.cases = InventoryRepository(self.database_url), CaseRepository(self.database_url)
        self.shreds = ShredRepository(self.database_url)
        self.rules = load_rules(settings.config_path)
        check_epoch_hours(self.rules, CryptoSettings().epoch_hours, str(settings.config_path))
        self.clock = clock_from_setting(settings.clock)

    @cached_property
    def keys(self) -> KeyStore:
        """Opened on first use: holds and closures need no key store. Retention destroys keys, never opens them."""
        return open_keystore(self.database_url, data_dir=self.settings.data_dir, cache_ttl_s=0)

    def planned(self) -> list[Destruction]:
        """Everything with a due time, soonest first: epoch keys, frames and case keys (held ones included)."""
        items = self.repo.destroyable_frames() + self.shreds.shreddable_cases()
        return soonest_first(epoch_destructions(self.keys.epochs()) + schedule_all(items, self.rules))

    def past_due(self) -> int:
        """Items due by the clock, under no hold, that no sweep has destroyed yet (also sets the metric)."""
        count = len(due(self.planned(), self.clock.now()))
        metrics.ITEMS_PAST_DUE.set(count)
        return count

    def sweeper(self, producer: confluent_kafka.Producer) -> Sweeper:
        """Epoch keys first (they need neither broker nor storage to go), then frames, then case keys and copies."""
        audit, store = AuditTrail(SERVICE, producer), open_store(self.settings.resolved_storage_url())
        ledger, size, rules = Ledger(producer, audit), self.settings.sweep_batch_size, self.rules
        return Sweeper(clock=self.clock, audit=audit, steps=[
            EpochShredder(self.keys, self.shreds, ledger, size),
            FrameDestroyer(repo=self.repo, store=store, ledger=ledger, rules=rules, batch_size=size),
            CaseShredder(shreds=self.shreds, keys=self.keys, store=store, ledger=ledger, rules=rules, batch_size=size),
        ])

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
