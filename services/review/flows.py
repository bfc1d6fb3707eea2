"""The two things an officer does that change or reveal data: open evidence, decide a case."""
import mimetypes
import uuid

import confluent_kafka
import psycopg

from alpr_common.clock import Clock
from alpr_common.errors import ObjectNotFound
from alpr_common.kafka import produce_and_wait
from alpr_common.storage import ObjectStore
from services.review import repository
from services.review.decision_events import decision_outputs
from services.review.domain import EvidenceDestroyed, EvidenceNotFound, check_assignee, status_after_decision
from services.review.evidence_sheet import Sheet, sheet
from services.review.models import DecisionInput, DecisionRecord, User


def open_evidence(conn: psycopg.Connection, store: ObjectStore, clock: Clock, case_id: str, n: int,
                  user: User) -> tuple[bytes, str]:
    """The image of sighting n and its content type; the opening is remembered for the confirm rule."""
    case = repository.get_case(conn, case_id)
    sighting = next((s for s in case.sightings if s.n == n), None)
    if sighting is None:
        raise EvidenceNotFound(f"case {case_id!r} has no sighting {n} (it has {len(case.sightings)})")
    try:
        data = store.get(sighting.object_key)
    except ObjectNotFound:
        raise EvidenceDestroyed(f"the image of sighting {n} was destroyed under the retention schedule") from None
    repository.record_evidence_view(conn, case_id, user.name, n, clock.now())
    return data, mimetypes.guess_type(sighting.object_key)[0] or "application/octet-stream"


def evidence_sheet(conn: psycopg.Connection, store: ObjectStore, case_id: str) -> Sheet:
    """The evidence sheet of a cited case, with every sighting's photo."""
    case = repository.get_case(conn, case_id)
    try:
        images = [store.get(s.object_key) for s in case.sightings]
    except ObjectNotFound:
        raise EvidenceDestroyed(f"a photo of case {case_id!r} was destroyed under the retention schedule") from None
    return sheet(case, images)


def decide(conn: psycopg.Connection, producer: confluent_kafka.Producer, clock: Clock, case_id: str,
           user: User, decision: DecisionInput) -> DecisionRecord:
    """Check the rules, publish the outcome, and only once the broker has it, record it.

    The case row stays locked meanwhile, so two officers cannot decide the same case twice.
    Raises BrokerUnavailable (the case stays open) when the broker does not acknowledge.
    """
    with conn.transaction():
        case = repository.get_case(conn, case_id, for_update=True)
        check_assignee(case.assigned_to, user.name, user.role)
        status = status_after_decision(case.status, decision.outcome,
                                       repository.has_viewed_evidence(conn, case_id, user.name))
        decided_at, decision_id = clock.now(), str(uuid.uuid4())
        outgoing, citation_id = decision_outputs(case, decision, user.name, decided_at, decision_id, str(uuid.uuid4()))
        produce_and_wait(producer, outgoing)
        record = DecisionRecord(decision_id=decision_id, outcome=decision.outcome, officer=user.name,
                                decided_at=decided_at, reason=decision.reason,
                                corrected_plate=decision.corrected_plate, note=decision.note, citation_id=citation_id)
        repository.save_decision(conn, case_id, status, record)
    return record
