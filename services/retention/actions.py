"""What a supervisor (or, until a CitationClosed event exists, an operator) asks of retention.

Each action validates, writes and audits in one transaction: if the audit event is not acknowledged,
nothing is written. The review service's HTTP endpoints should reach these same functions.
"""
from dataclasses import dataclass
from datetime import datetime

from alpr_common.audit import AuditTrail
from services.retention.case_repository import CaseRepository, CaseTransaction
from services.retention.holds import HoldRequest, Refused, check_closable

PLACE, RELEASE, CLOSE = "legal_hold.place", "legal_hold.release", "citation.close"


@dataclass(frozen=True)
class Outcome:
    case_id: str
    live_frames: int  # evidence still held in storage
    destroyed_frames: int  # evidence destroyed before this action


def place_hold(cases: CaseRepository, audit: AuditTrail, hold: HoldRequest, now: datetime) -> Outcome:
    with cases.transaction() as tx:
        _known_case(tx, hold.case_id)
        if tx.active_hold(hold) is not None:
            raise Refused(f"case {hold.case_id} is already held under reference {hold.reference!r}")
        live, destroyed = tx.lock_evidence(hold.case_id)
        tx.place(hold, now)
        _audit(audit, PLACE, hold.by, hold.case_id, "placed", now, reference=hold.reference)
    return Outcome(hold.case_id, live, destroyed)


def release_hold(cases: CaseRepository, audit: AuditTrail, hold: HoldRequest, now: datetime) -> Outcome:
    with cases.transaction() as tx:
        _known_case(tx, hold.case_id)
        hold_id = tx.active_hold(hold)
        if hold_id is None:
            raise Refused(f"case {hold.case_id} has no active hold under reference {hold.reference!r}")
        live, destroyed = tx.lock_evidence(hold.case_id)
        tx.release(hold_id, hold.by, now)
        _audit(audit, RELEASE, hold.by, hold.case_id, "released", now, reference=hold.reference)
    return Outcome(hold.case_id, live, destroyed)


def close_citation(cases: CaseRepository, audit: AuditTrail, case_or_citation_id: str, by: str,
                   at: datetime, now: datetime) -> Outcome:
    """Starts the citation rule's clock at `at`. Replaced by consuming CitationClosed once that event exists."""
    with cases.transaction() as tx:
        case = tx.case(case_or_citation_id)
        if case is None:
            raise Refused(f"no case or citation {case_or_citation_id!r} is known to retention")
        check_closable(case.case_id, case.state, case.closed_at, at, now)
        live, destroyed = tx.lock_evidence(case.case_id)
        tx.close(case.case_id, at)
        _audit(audit, CLOSE, by, case.case_id, "closed", now, closed_at=at.isoformat(), named=case_or_citation_id)
    return Outcome(case.case_id, live, destroyed)


def _known_case(tx: CaseTransaction, case_id: str) -> None:
    case = tx.case(case_id)
    if case is None or case.case_id != case_id:
        raise Refused(f"no case {case_id!r} is known to retention (holds name a case id, not a citation id)")


def _audit(audit: AuditTrail, action: str, by: str, case_id: str, outcome: str, now: datetime, **details: str) -> None:
    audit.record(actor=by, actor_kind="person", role="supervisor", action=action, resource=case_id,
                 outcome=outcome, purpose="retention schedule and legal holds", at=now, details=details)
