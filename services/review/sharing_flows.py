"""Sharing requests' state changes: each one is on alpr.sharing.v1 (acknowledged) before its row commits."""
import uuid
from dataclasses import replace

import confluent_kafka
import psycopg

from alpr_common.clock import Clock
from alpr_common.crypto import KeyStore
from alpr_common.kafka import produce_and_wait
from alpr_common.storage import ObjectStore
from services.review import evidence, repository, sharing_repository
from services.review.domain import CaseExpired, CaseNotFound, CaseShredded
from services.review.models import Case, Plates, User
from services.review.sharing_events import outgoing
from services.review.sharing_rules import (EXPORTED, REQUESTED, SharingInput, SharingRequest,
                                           check_exportable, check_known_cases, split_retained, status_after_decision)


def request(conn: psycopg.Connection, producer: confluent_kafka.Producer, clock: Clock, asked: SharingInput,
            user: User) -> SharingRequest:
    with conn.transaction():
        check_known_cases(asked.case_ids, sharing_repository.existing_cases(conn, asked.case_ids))
        record = SharingRequest(request_id=str(uuid.uuid4()), case_ids=asked.case_ids, legal_basis=asked.legal_basis,
                                reference=asked.reference, recipient=asked.recipient, purpose=asked.purpose,
                                status=REQUESTED, requested_by=user.name, requested_at=clock.now())
        produce_and_wait(producer, outgoing(record))
        sharing_repository.insert(conn, record)
    return record


def decide(conn: psycopg.Connection, producer: confluent_kafka.Producer, clock: Clock, request_id: str,
           decision: str, reason: str, supervisor: User) -> SharingRequest:
    """Approve or deny a pending request; the row stays locked so that two supervisors cannot both decide."""
    with conn.transaction():
        current = sharing_repository.get(conn, request_id, for_update=True)
        status = status_after_decision(current.status, decision, current.requested_by, supervisor.name)
        record = replace(current, status=status, decided_by=supervisor.name, decided_at=clock.now(),
                          decision_reason=reason)
        produce_and_wait(producer, outgoing(record))
        sharing_repository.save_decision(conn, record)
    return record


def export(conn: psycopg.Connection, producer: confluent_kafka.Producer, keystore: KeyStore, store: ObjectStore,
           clock: Clock, request_id: str, supervisor: User) -> tuple[SharingRequest, list[tuple[Case, Plates]]]:
    """The approved request's cases that are still retained (plates opened, evidence still held), once; the
    others are named."""
    with conn.transaction():
        current = sharing_repository.get(conn, request_id, for_update=True)
        check_exportable(current.status)
        cases = [c for c in (_retained(conn, keystore, store, case_id) for case_id in current.case_ids) if c]
        available, unavailable = split_retained(current.case_ids, {case.case_id for case, _ in cases})
        record = replace(current, status=EXPORTED, exported_by=supervisor.name, exported_at=clock.now(),
                          exported_case_ids=available, unavailable_case_ids=unavailable)
        produce_and_wait(producer, outgoing(record))
        sharing_repository.save_export(conn, record)
    return record, cases


def _retained(conn: psycopg.Connection, keystore: KeyStore, store: ObjectStore, case_id: str
              ) -> tuple[Case, Plates] | None:
    """The case with its plates when it, its key and every one of its evidence images still exist; None once
    retention destroyed any of them (or it expired before review could keep its evidence)."""
    try:
        case = repository.get_case(conn, case_id)
        plates = evidence.opened_plates(keystore, case)
    except (CaseNotFound, CaseExpired, CaseShredded):
        return None
    if not case.sightings or not all(store.exists(s.evidence_key) for s in case.sightings):
        return None
    return case, plates
