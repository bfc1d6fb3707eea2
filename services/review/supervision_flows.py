"""What supervisors change: who decides a case, and reversing a decision (with new events downstream can act on)."""
import uuid

import confluent_kafka
import psycopg

from alpr_common.clock import Clock
from alpr_common.crypto import KeyStore
from alpr_common.kafka import produce_and_wait
from services.review import evidence, repository, supervision_repository
from services.review.decision_events import decision_outputs
from services.review.domain import CONFIRM, REVERSED, STATUS_AFTER, check_assignable, reversal_outcome
from services.review.models import DecisionInput, ReversalRecord, User
from services.review.users import UserError, may_be_assigned


def assign(conn: psycopg.Connection, clock: Clock, case_id: str, officer: str, supervisor: User) -> None:
    """Give an open case to one officer (or supervisor); only they or a supervisor may then decide it."""
    with conn.transaction():
        check_assignable(repository.get_case(conn, case_id, for_update=True).status)
        if not may_be_assigned(conn, officer):
            raise UserError(f"no active officer or supervisor named {officer!r}")
        supervision_repository.assign(conn, case_id, officer, supervisor.name, clock.now())


def reverse(conn: psycopg.Connection, keystore: KeyStore, producer: confluent_kafka.Producer, clock: Clock,
            case_id: str, supervisor: User, reason: str) -> ReversalRecord:
    """Turn a decision into its opposite: a new Decision event (reason `reversed`), and a Citation when it
    now confirms. A reversed confirmation's Decision (REJECTED, same case key) is what tells downstream the
    citation is void. Recorded only after the broker acknowledged, like a decision."""
    with conn.transaction():
        case = repository.get_case(conn, case_id, for_update=True)
        outcome = reversal_outcome(case.status, case.reversal is not None,
                                   repository.has_viewed_evidence(conn, case_id, supervisor.name))
        sealing = evidence.sealing(keystore, case) if outcome == CONFIRM else None
        at, decision_id = clock.now(), str(uuid.uuid4())
        out = decision_outputs(case, DecisionInput(outcome, reason=REVERSED), supervisor.name, at, decision_id,
                               str(uuid.uuid4()), sealing)
        produce_and_wait(producer, out.messages)
        record = ReversalRecord(decision_id=decision_id, reverses=case.decision.decision_id, outcome=outcome,
                                reason=reason, supervisor=supervisor.name, reversed_at=at, citation_id=out.citation_id)
        supervision_repository.save_reversal(conn, case_id, STATUS_AFTER[outcome], record)
    return record
