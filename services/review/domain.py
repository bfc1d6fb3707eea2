"""The rules of review, as pure functions: who may do what, which decisions are valid, what follows."""
import re

from services.review.models import DecisionInput, Sighting

ROLES = ("officer", "supervisor", "auditor", "vendor", "admin")
CASE_READERS = frozenset({"officer", "supervisor", "auditor"})
EVIDENCE_VIEWERS = frozenset({"officer", "supervisor"})
DECIDERS = frozenset({"officer", "supervisor"})
SUPERVISORS = frozenset({"supervisor"})  # assign cases, reverse decisions
OVERSEERS = frozenset({"supervisor", "auditor"})  # see decisions by officer

OPEN, CONFIRMED, REJECTED, EXPIRED = "open", "confirmed", "rejected", "expired"
STATUSES = (OPEN, CONFIRMED, REJECTED, EXPIRED)  # expired: its evidence was shredded before review could keep it
CONFIRM, REJECT = "confirm", "reject"
STATUS_AFTER = {CONFIRM: CONFIRMED, REJECT: REJECTED}
REJECT_REASONS = ("misread", "valid_permit", "not_parked", "moved", "plate_obstructed", "other")
PLATE = re.compile(r"[A-Z0-9]{2,8}")
MAX_NOTE = 2000
REVERSED = "reversed"  # the reason code on a reversal's Decision event; the supervisor's words stay in the database
OPPOSITE = {CONFIRMED: REJECT, REJECTED: CONFIRM}


class ReviewError(Exception):
    """A request the rules refuse; the message says why, in words an officer understands."""


class CaseNotFound(ReviewError):
    pass


class EvidenceNotFound(ReviewError):
    pass


class EvidenceDestroyed(ReviewError):
    pass


class CaseShredded(ReviewError):
    """The case's key was destroyed (crypto-shredding): its plates and photos can never be read again."""


class CaseExpired(ReviewError):
    """The case arrived after its evidence was shredded, so it can never be reviewed."""


class CaseAlreadyDecided(ReviewError):
    pass


class EvidenceNotViewed(ReviewError):
    pass


class InvalidDecision(ReviewError):
    pass


class CaseAssignedElsewhere(ReviewError):
    pass


class NotReversible(ReviewError):
    pass


class CaseNotCited(ReviewError):
    pass


def normalized_plate(text: str) -> str:
    """A corrected plate: upper case, 2 to 8 letters or digits, no spaces or dashes."""
    plate = text.strip().upper()
    if not PLATE.fullmatch(plate):
        raise InvalidDecision(f"corrected_plate must be 2 to 8 letters A-Z or digits 0-9, not {text!r}")
    return plate


def validated_decision(outcome: str, reason: str | None = None, corrected_plate: str | None = None,
                       note: str | None = None) -> DecisionInput:
    """Check a decision's fields: a rejection needs a known reason; only a confirmation corrects the plate."""
    if outcome not in STATUS_AFTER:
        raise InvalidDecision(f"outcome must be 'confirm' or 'reject', not {outcome!r}")
    if outcome == REJECT and reason not in REJECT_REASONS:
        raise InvalidDecision(f"a rejection needs a reason, one of: {', '.join(REJECT_REASONS)}")
    if outcome == CONFIRM and reason is not None:
        raise InvalidDecision("a reason is given only when rejecting a case")
    if outcome == REJECT and corrected_plate is not None:
        raise InvalidDecision("corrected_plate is given only when confirming a case")
    if note is not None and len(note) > MAX_NOTE:
        raise InvalidDecision(f"note is limited to {MAX_NOTE} characters")
    plate = normalized_plate(corrected_plate) if corrected_plate is not None else None
    return DecisionInput(outcome, reason, plate, note or None)


def status_after_decision(status: str, outcome: str, viewed_evidence: bool) -> str:
    """Only an open case can be decided, and no one confirms a case without having seen its evidence."""
    if status != OPEN:
        raise CaseAlreadyDecided(f"this case is already {status}; only open cases can be decided")
    if outcome == CONFIRM and not viewed_evidence:
        raise EvidenceNotViewed("open at least one evidence image of this case before confirming it")
    return STATUS_AFTER[outcome]


def shown_sighting(sightings: tuple[Sighting, ...]) -> Sighting:
    """The sighting whose plate is the case's: the most confident read (the first of equals)."""
    return min(sightings, key=lambda s: (-s.confidence, s.n))


def image_type(data: bytes) -> str:
    """The content type of an opened image (the copies' keys have no extension to guess from)."""
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    return "image/jpeg" if data.startswith(b"\xff\xd8") else "application/octet-stream"


def may(role: str, allowed: frozenset[str]) -> bool:
    """Deny by default: a role may act only where it is listed."""
    return role in allowed


def check_assignee(assigned_to: str | None, user_name: str, role: str) -> None:
    """An assigned case is decided by its officer, or by a supervisor."""
    if assigned_to and assigned_to != user_name and role not in SUPERVISORS:
        raise CaseAssignedElsewhere(f"this case is assigned to {assigned_to}; ask a supervisor to reassign it")


def check_assignable(status: str) -> None:
    if status != OPEN:
        raise CaseAlreadyDecided(f"this case is already {status}; only open cases can be assigned")


def validated_reversal_reason(reason: str) -> str:
    text = reason.strip()
    if not text or len(text) > MAX_NOTE:
        raise InvalidDecision(f"a reversal needs a reason of 1 to {MAX_NOTE} characters")
    return text


def reversal_outcome(status: str, already_reversed: bool, viewed_evidence: bool) -> str:
    """A decided case may be reversed once, to the opposite outcome; a new confirmation needs the evidence seen."""
    if status not in OPPOSITE:
        raise NotReversible(f"only a decided case can be reversed; this one is {'still open' if status == OPEN else status}")
    if already_reversed:
        raise NotReversible("this decision was already reversed once; a reversal is final")
    if OPPOSITE[status] == CONFIRM and not viewed_evidence:
        raise EvidenceNotViewed("open at least one evidence image of this case before confirming it")
    return OPPOSITE[status]
