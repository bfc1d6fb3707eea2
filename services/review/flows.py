"""What an officer does that reveals or changes data: see a case, open evidence, decide a case."""
import uuid

import confluent_kafka
import psycopg

from alpr_common.clock import Clock
from alpr_common.crypto import KeyStore
from alpr_common.kafka import produce_and_wait
from alpr_common.storage import ObjectStore
from services.review import evidence, repository
from services.review.decision_events import decision_outputs
from services.review.domain import CONFIRM, EvidenceNotFound, check_assignee, image_type, status_after_decision
from services.review.evidence_sheet import Sheet, check_cited, sheet
from services.review.models import Case, DecisionInput, DecisionRecord, Plates, User


def view_case(conn: psycopg.Connection, keystore: KeyStore, case_id: str) -> tuple[Case, Plates]:
    """The case with its plates opened (CaseExpired, CaseShredded: 410)."""
    case = repository.get_case(conn, case_id)
    return case, evidence.opened_plates(keystore, case)


def open_evidence(conn: psycopg.Connection, keystore: KeyStore, store: ObjectStore, clock: Clock, case_id: str,
                  n: int, user: User) -> tuple[bytes, str]:
    """The opened image of sighting n and its content type; the opening is remembered for the confirm rule."""
    case = repository.get_case(conn, case_id)
    sighting = next((s for s in case.sightings if s.n == n), None)
    if sighting is None:
        raise EvidenceNotFound(f"case {case_id!r} has no sighting {n} (it has {len(case.sightings)})")
    data = evidence.opened_image(keystore, store, case, sighting)
    repository.record_evidence_view(conn, case_id, user.name, n, clock.now())
    return data, image_type(data)


def evidence_sheet(conn: psycopg.Connection, keystore: KeyStore, store: ObjectStore, case_id: str) -> Sheet:
    """The evidence sheet of a cited case, with every sighting's photo."""
    case, plates = view_case(conn, keystore, case_id)
    check_cited(case)
    return sheet(case, plates, [evidence.opened_image(keystore, store, case, s) for s in case.sightings])


def decide(conn: psycopg.Connection, keystore: KeyStore, producer: confluent_kafka.Producer, clock: Clock,
           case_id: str, user: User, decision: DecisionInput) -> DecisionRecord:
    """Check the rules, publish the outcome, and only once the broker has it, record it.

    The case row stays locked meanwhile, so two officers cannot decide the same case twice.
    Raises BrokerUnavailable (the case stays open) when the broker does not acknowledge.
    """
    with conn.transaction():
        case = repository.get_case(conn, case_id, for_update=True)
        check_assignee(case.assigned_to, user.name, user.role)
        status = status_after_decision(case.status, decision.outcome,
                                       repository.has_viewed_evidence(conn, case_id, user.name))
        sealing = evidence.sealing(keystore, case) if decision.outcome == CONFIRM else None
        decided_at, decision_id = clock.now(), str(uuid.uuid4())
        out = decision_outputs(case, decision, user.name, decided_at, decision_id, str(uuid.uuid4()), sealing)
        produce_and_wait(producer, out.messages)
        record = DecisionRecord(decision_id=decision_id, outcome=decision.outcome, officer=user.name,
                                decided_at=decided_at, reason=decision.reason,
                                sealed_corrected_plate=out.sealed_corrected_plate, note=decision.note,
                                citation_id=out.citation_id)
        repository.save_decision(conn, case_id, status, record)
    return record
