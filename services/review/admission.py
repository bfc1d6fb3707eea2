"""Admitting a case: move its evidence off the epoch key onto the case's own key before the epoch is shredded.

A case arrives with each sighting's plate sealed under the key of the epoch it was read in (associated data:
the read id) and its image stored as a blob sealed under that key (associated data: the object key).
Retention destroys epoch keys when their window ends, so admission opens both once, seals them again under
the case's key (the plate bound to its read id; the image copied to `cases/<case_id>/<frame_id>`, bound to
that key) and stores only sealed values. A case whose evidence was already shredded is recorded as expired,
with the reason: gone by design, never an error. A case id seen before changes nothing.
"""
import logging
from dataclasses import dataclass, replace

import psycopg

from alpr_common.audit import AuditTrail
from alpr_common.clock import Clock
from alpr_common.crypto import (CaseKey, KeyDestroyed, KeyStore, SealBroken, UnknownKey, blobs, open_blob, open_sealed, seal,
                                seal_blob)
from alpr_common.errors import ObjectNotFound
from alpr_common.storage import ObjectStore
from alpr_common.storage.layout import case_evidence_key
from services.review import repository
from services.review.domain import EXPIRED
from services.review.models import Case, Sighting
from services.review.settings import SERVICE

log = logging.getLogger(__name__)
STORED, EXPIRED_ON_ARRIVAL, DUPLICATE = "stored", "expired", "duplicate"


class Unreviewable(Exception):
    """Evidence that can never open here (a key this key store never had, a broken seal): dead-lettered."""


class EvidenceGone(Exception):
    """Evidence shredded or deleted before admission: the case is recorded as expired with this reason."""


@dataclass(frozen=True)
class Adapters:
    keystore: KeyStore
    store: ObjectStore
    audit: AuditTrail
    clock: Clock


@dataclass(frozen=True)
class Opened:
    plate: bytes
    image: bytes


def admit(adapters: Adapters, conn: psycopg.Connection, case: Case) -> str:
    """STORED, EXPIRED_ON_ARRIVAL or DUPLICATE; raises Unreviewable, and StorageUnavailable to be retried."""
    if repository.case_exists(conn, case.case_id):
        return DUPLICATE
    try:
        opened = [open_from_epoch(adapters, s) for s in case.sightings]
        sealed = sealed_for_case(adapters, case, opened)
    except EvidenceGone as exc:
        return expire(adapters, conn, case, str(exc))
    _audit(adapters, case.case_id, "allowed",
           {"sightings": str(len(case.sightings)), "sealed_under": sealed.sightings[0].sealed_plate.key_id})
    repository.insert_case(conn, sealed)
    return STORED


def open_from_epoch(adapters: Adapters, s: Sighting) -> Opened:
    try:
        plate = open_sealed(adapters.keystore, s.sealed_plate, s.read_id.encode())
        image = open_blob(adapters.keystore, adapters.store.get(s.object_key), s.object_key)
    except KeyDestroyed as exc:
        raise EvidenceGone(f"the evidence of sighting {s.n} was shredded before review could keep it ({exc})") from None
    except ObjectNotFound:
        raise EvidenceGone(f"the image of sighting {s.n} ({s.object_key}) is no longer in object storage") from None
    except (UnknownKey, SealBroken) as exc:
        raise Unreviewable(f"sighting {s.n} does not open: {exc}") from None
    return Opened(plate, image)


def sealed_for_case(adapters: Adapters, case: Case, opened: list[Opened]) -> Case:
    """The case with every plate sealed under its key and every image copied, sealed, next to it."""
    try:
        key = adapters.keystore.case_key(case.case_id)
    except KeyDestroyed as exc:
        raise EvidenceGone(f"{exc}: the case was admitted once before and shredded since") from None
    return replace(case, sightings=tuple(_resealed(adapters.store, key, s, o) for s, o in zip(case.sightings, opened)))


def _resealed(store: ObjectStore, key: CaseKey, s: Sighting, opened: Opened) -> Sighting:
    where = case_evidence_key(key.case_id, s.frame_id)
    store.put(where, seal_blob(key, opened.image, where), blobs.CONTENT_TYPE)
    return replace(s, sealed_plate=seal(key, opened.plate, s.read_id.encode()), evidence_key=where)


def expire(adapters: Adapters, conn: psycopg.Connection, case: Case, reason: str) -> str:
    """Record the case as expired, without sightings (nothing left to show), and say so on the audit trail."""
    _audit(adapters, case.case_id, "not_found", {"reason": reason})
    repository.insert_case(conn, replace(case, status=EXPIRED, expired_reason=reason, sightings=()))
    log.warning("case expired before review could keep its evidence",
                extra={"fields": {"case_id": case.case_id, "reason": reason}})
    return EXPIRED_ON_ARRIVAL


def _audit(adapters: Adapters, case_id: str, outcome: str, details: dict[str, str]) -> None:
    adapters.audit.record(actor=SERVICE, actor_kind="service", role="service", action="case.intake", resource=case_id,
                          outcome=outcome, details=details, at=adapters.clock.now())
