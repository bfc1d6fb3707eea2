"""Opening a case's sealed evidence for one request, through the key store and the object store.

Review holds every plate and image sealed under the case's own key. Once retention destroys that key
(crypto-shredding), opening raises CaseShredded, which the API answers with 410 Gone.
"""
from contextlib import contextmanager

from alpr_common.crypto import KeyDestroyed, KeyStore, Sealed, open_blob, open_sealed
from alpr_common.crypto.keys import CASE_PREFIX
from alpr_common.errors import ObjectNotFound
from alpr_common.storage import ObjectStore
from services.review.decision_events import Sealing
from services.review.domain import EXPIRED, CaseExpired, CaseShredded, EvidenceDestroyed, shown_sighting
from services.review.models import Case, CaseSummary, Plates, Sighting


@contextmanager
def shredded_is_gone(case_id: str):
    try:
        yield
    except KeyDestroyed:
        raise CaseShredded(f"the key of case {case_id!r} was destroyed under the retention schedule "
                           "(crypto-shredded): its plates and photos can never be read again") from None


def check_readable(case: Case) -> None:
    if case.status == EXPIRED:
        raise CaseExpired(f"case {case.case_id!r} can never be reviewed: {case.expired_reason}")
    if any(s.sealed_plate is None for s in case.sightings):
        raise CaseShredded(f"case {case.case_id!r} was recorded before evidence was sealed; "
                           "its plaintext plates were removed (review migration 0004)")


def open_plate(keystore: KeyStore, sealed: Sealed, bound_to: str) -> str:
    return open_sealed(keystore, sealed, bound_to.encode()).decode()


def opened_plates(keystore: KeyStore, case: Case) -> Plates:
    """Every plate of the case, opened (CaseExpired, CaseShredded)."""
    check_readable(case)
    with shredded_is_gone(case.case_id):
        by_sighting = {s.n: open_plate(keystore, s.sealed_plate, s.read_id) for s in case.sightings}
        sealed = case.decision.sealed_corrected_plate if case.decision else None
        corrected = open_plate(keystore, sealed, case.decision.decision_id) if sealed else None
    return Plates(by_sighting[shown_sighting(case.sightings).n], by_sighting, corrected)


def summary_plates(keystore: KeyStore, summaries: list[CaseSummary]) -> list[tuple[CaseSummary, str | None]]:
    """Each listed case with its plate (None once unreadable), the case keys fetched in one query."""
    keystore.prefetch_case_keys([s.case_id for s in summaries if s.sealed_plate is not None])
    return [(s, summary_plate(keystore, s)) for s in summaries]


def summary_plate(keystore: KeyStore, summary: CaseSummary) -> str | None:
    """The case's plate for a list, or None once it can no longer be read."""
    if summary.sealed_plate is None:
        return None
    try:
        return open_plate(keystore, summary.sealed_plate, summary.plate_read_id)
    except KeyDestroyed:
        return None


def correction(keystore: KeyStore, decision_id: str, sealed: Sealed | None) -> str | None:
    """An officer's correction for a list, or None when there is none or it can no longer be read."""
    if sealed is None:
        return None
    try:
        return open_plate(keystore, sealed, decision_id)
    except KeyDestroyed:
        return None


def sealing(keystore: KeyStore, case: Case) -> Sealing:
    """What a confirmation seals its plates with: the case's key (never created here) and its plate."""
    plates = opened_plates(keystore, case)
    with shredded_is_gone(case.case_id):
        return Sealing(keystore.keys_for(CASE_PREFIX + case.case_id), plates.case)


def opened_image(keystore: KeyStore, store: ObjectStore, case: Case, sighting: Sighting) -> bytes:
    """The image of one sighting (CaseExpired, CaseShredded, EvidenceDestroyed)."""
    check_readable(case)
    try:
        blob = store.get(sighting.evidence_key)
    except ObjectNotFound:
        raise EvidenceDestroyed(f"the image of sighting {sighting.n} was destroyed under the retention schedule") from None
    with shredded_is_gone(case.case_id):
        return open_blob(keystore, blob, sighting.evidence_key)
