"""Crypto-shredding in a sweep: destroy epoch keys whose window ended, and the keys (and copies) of cases
whose evidence is due. Destroying a key is one UPDATE of one row, whatever was sealed under it."""
import logging
from datetime import datetime

from alpr_common.batching import batches
from alpr_common.crypto import KeyStore
from alpr_common.errors import BrokerUnavailable, StorageUnavailable
from alpr_common.storage import ObjectStore
from alpr_common.storage.layout import case_folder
from services.retention.ledger import Ledger
from services.retention.plan import (Destruction, SweepResult, case_images, due, epoch_destruction,
                                     schedule_all)
from services.retention.rules import Rules
from services.retention.shred_repository import ShredRepository

log = logging.getLogger(__name__)


class EpochShredder:
    """Destroys first, then records every destroyed epoch not yet recorded (whoever destroyed it). Destroying needs
    only PostgreSQL, so a broker outage delays the records, never the shredding; a crash in between loses nothing."""

    def __init__(self, keys: KeyStore, shreds: ShredRepository, ledger: Ledger, batch_size: int):
        self.keys, self.shreds, self.ledger, self.batch_size = keys, shreds, ledger, batch_size

    def sweep(self, now: datetime) -> SweepResult:
        ended = self.keys.epochs_due(now)
        for epoch in ended:
            self.keys.destroy_epoch(epoch.epoch_id, now)  # False: destroyed meanwhile by someone else, also fine
        try:
            self._record_unrecorded(now)
        except BrokerUnavailable as exc:
            log.error("epoch key destructions not yet recorded; the next sweep records them: %s", exc)
        return SweepResult(len(ended), len(ended))

    def _record_unrecorded(self, now: datetime) -> None:
        recorded = self.shreds.recorded_epochs()
        pending = [e for e in self.keys.destroyed_epochs() if e.epoch_id not in recorded]
        for batch in batches(pending, self.batch_size):
            self.ledger.write([(epoch_destruction(e), e.destroyed_at) for e in batch], now)
            self.shreds.mark_recorded([(e.epoch_id, e.destroyed_at) for e in batch], now)


class CaseShredder:
    """A case whose evidence is due loses its key, then its copies under cases/<case_id>/; then the records.
    A crash anywhere repeats harmless work: the case stays unmarked until both are done and recorded."""

    def __init__(self, *, shreds: ShredRepository, keys: KeyStore, store: ObjectStore, ledger: Ledger,
                 rules: Rules, batch_size: int):
        self.shreds, self.keys, self.store, self.ledger = shreds, keys, store, ledger
        self.rules, self.batch_size = rules, batch_size

    def sweep(self, now: datetime) -> SweepResult:
        planned = due(schedule_all(self.shreds.shreddable_cases(), self.rules), now)
        destroyed = released = 0
        try:
            for batch in batches(planned, self.batch_size):
                done, kept = self._shred_batch([d.item_id for d in batch], now)
                destroyed, released = destroyed + done, released + kept
        except BrokerUnavailable as exc:
            log.error("case key destructions not yet recorded; the next sweep repeats them: %s", exc)
        return SweepResult(len(planned) - released, destroyed)

    def _shred_batch(self, case_ids: list[str], now: datetime) -> tuple[int, int]:
        """(shredded, kept): kept cases were held, reopened or decided again since the inventory was read."""
        with self.shreds.claim(case_ids) as claim:
            still_due = due(schedule_all(claim.items, self.rules), now)
            shredded = [d for d in still_due if self._shred(d, now)]
            if shredded:
                self.ledger.write([(x, now) for d in shredded for x in (d, case_images(d))], now)
                claim.mark_shredded([(d.item_id, d.rule) for d in shredded], now)
        return len(shredded), len(case_ids) - len(still_due)

    def _shred(self, case: Destruction, now: datetime) -> bool:
        self.keys.destroy_case_key(case.item_id, now)  # first: the copies are unreadable even if storage is down
        try:
            for key in list(self.store.keys(case_folder(case.item_id))):
                self.store.delete(key)
            return True
        except StorageUnavailable as exc:
            log.error("could not delete the copies of case %s (its key is destroyed): %s", case.item_id, exc)
            return False
