"""Legal holds and citation closures as plain rules: what may be asked, and why a request is refused. Pure: no I/O."""
from dataclasses import dataclass
from datetime import datetime

from services.retention.schedule import CaseState

MAX_TEXT = 200


class Refused(ValueError):
    """A hold, release or closure that cannot be done; the message says why and what to do instead."""


@dataclass(frozen=True)
class HoldRequest:
    case_id: str
    reference: str  # e.g. a court order or a records request number
    by: str  # the supervisor placing or lifting it


def hold_request(case_id: str, reference: str, by: str) -> HoldRequest:
    return HoldRequest(_text(case_id, "case id"), _text(reference, "--reference"), _text(by, "--by"))


def actor(by: str) -> str:
    return _text(by, "--by")


def _text(value: str, what: str) -> str:
    value = (value or "").strip()
    if not value:
        raise Refused(f"{what} is empty; say who acts, on which case, and why")
    if len(value) > MAX_TEXT or not value.isprintable():
        raise Refused(f"{what} must be printable text of at most {MAX_TEXT} characters")
    return value


def parse_instant(text: str) -> datetime:
    """An ISO-8601 time with its UTC offset, e.g. 2026-05-01T12:00:00+00:00."""
    try:
        at = datetime.fromisoformat(text)
    except ValueError:
        raise Refused(f"{text!r} is not an ISO-8601 time (e.g. 2026-05-01T12:00:00+00:00)") from None
    if at.tzinfo is None:
        raise Refused(f"{text!r} has no UTC offset; add one, e.g. {text}+00:00")
    return at


def check_closable(case_id: str, state: CaseState, closed_at: datetime | None, at: datetime, now: datetime) -> None:
    """Only a confirmed case has a citation; it closes once, and not in the future."""
    if state != CaseState.CONFIRMED:
        raise Refused(f"case {case_id} is {state.value}; only a confirmed case has a citation to close")
    if closed_at is not None:
        raise Refused(f"the citation of case {case_id} was already closed at {closed_at.isoformat()}")
    if at > now:
        raise Refused(f"--at {at.isoformat()} is in the future (now is {now.isoformat()})")
