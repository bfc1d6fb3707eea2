"""The rules of data sharing (SYSTEM.md promise 6), as pure functions.

Raw data leaves only under a recorded legal basis, approved by a supervisor who did not ask for it,
once, and only as far as it is still retained: a case destroyed under the retention schedule is
named as unavailable, never reconstructed. A request names cases, never plates or a search.
"""
from dataclasses import dataclass
from datetime import datetime

from services.review.domain import ReviewError

REQUESTERS = frozenset({"officer", "supervisor"})
APPROVERS = frozenset({"supervisor"})  # decide and export
VIEWERS = frozenset({"supervisor", "auditor"})

LEGAL_BASES = ("agreement", "subpoena", "court_order", "statute", "other")
REQUESTED, APPROVED, DENIED, EXPORTED = "requested", "approved", "denied", "exported"
STATUSES = (REQUESTED, APPROVED, DENIED, EXPORTED)
APPROVE, DENY = "approve", "deny"
MAX_CASES = 100
MAX_TEXT = 2000
MAX_NAME = 200


class SharingNotFound(ReviewError):
    pass


class InvalidSharingRequest(ReviewError):
    pass


class SelfApproval(ReviewError):
    pass


class SharingAlreadyDecided(ReviewError):
    pass


class NotExportable(ReviewError):
    pass


@dataclass(frozen=True)
class SharingInput:
    """A request as checked, before it is recorded."""
    case_ids: tuple[str, ...]
    legal_basis: str
    reference: str
    recipient: str
    purpose: str


@dataclass(frozen=True)
class SharingRequest:
    request_id: str
    case_ids: tuple[str, ...]
    legal_basis: str
    reference: str
    recipient: str
    purpose: str
    status: str
    requested_by: str
    requested_at: datetime
    decided_by: str | None = None
    decided_at: datetime | None = None
    decision_reason: str | None = None
    exported_by: str | None = None
    exported_at: datetime | None = None
    exported_case_ids: tuple[str, ...] = ()
    unavailable_case_ids: tuple[str, ...] = ()


def _text(value: str, what: str, limit: int) -> str:
    text = value.strip()
    if not text or len(text) > limit:
        raise InvalidSharingRequest(f"{what} must be 1 to {limit} characters")
    return text


def validated_request(case_ids: list[str], legal_basis: str, reference: str, recipient: str,
                      purpose: str) -> SharingInput:
    """Cases by id (1 to MAX_CASES, each once, in the order given), a known legal basis, and its reference."""
    ids = tuple(dict.fromkeys(c.strip() for c in case_ids if c.strip()))
    if not ids or len(ids) > MAX_CASES or any(len(c) > MAX_NAME for c in ids):
        raise InvalidSharingRequest(f"a sharing request names 1 to {MAX_CASES} case ids")
    if legal_basis not in LEGAL_BASES:
        raise InvalidSharingRequest(f"legal_basis must be one of: {', '.join(LEGAL_BASES)}")
    return SharingInput(ids, legal_basis, _text(reference, "reference", MAX_NAME),
                        _text(recipient, "recipient", MAX_NAME), _text(purpose, "purpose", MAX_TEXT))


def check_known_cases(asked: tuple[str, ...], known: set[str]) -> None:
    unknown = [c for c in asked if c not in known]
    if unknown:
        raise InvalidSharingRequest(f"no case {', '.join(map(repr, unknown))}; a request names existing cases only")


def validated_reason(reason: str) -> str:
    return _text(reason, "a decision's reason", MAX_TEXT)


def status_after_decision(status: str, decision: str, requested_by: str, decider: str) -> str:
    """Only a pending request is decided, once; nobody approves their own request (they may withdraw it)."""
    if decision not in (APPROVE, DENY):
        raise InvalidSharingRequest("decision must be 'approve' or 'deny'")
    if status != REQUESTED:
        raise SharingAlreadyDecided(f"this request is already {status}; only a pending request can be decided")
    if decision == APPROVE and requested_by == decider:
        raise SelfApproval("a supervisor may not approve their own sharing request; another supervisor must")
    return APPROVED if decision == APPROVE else DENIED


def check_exportable(status: str) -> None:
    """Only an approved request is exported, and only once."""
    if status == EXPORTED:
        raise NotExportable("this request was already exported; a new export needs a new request")
    if status != APPROVED:
        raise NotExportable(f"this request is {status}; only an approved request can be exported")


def split_retained(asked: tuple[str, ...], retained: set[str]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(cases still retained, cases no longer available), each in the order asked."""
    return tuple(c for c in asked if c in retained), tuple(c for c in asked if c not in retained)
