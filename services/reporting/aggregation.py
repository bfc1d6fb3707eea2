"""How each event updates the aggregate counts. Pure: no I/O, and never a plate.

Each event becomes one Increment: +1 to one row of one aggregate table, plus the event's id, which
the repository remembers so that a replayed event is not counted twice.
"""
import re
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

from alpr_common.events.cases_pb2 import Case, ViolationKind
from alpr_common.events.decisions_pb2 import Citation, Decision, Outcome
from alpr_common.events.reads_pb2 import PlateRead
from alpr_common.events.retention_pb2 import RetentionRecord
from alpr_common.timeutil import from_timestamp
from services.reporting.places import Places

TABLE_KEYS = {
    "reads_daily": ("day", "tract_id", "zone_id"),
    "cases_daily": ("day", "tract_id", "zone_id", "kind"),
    "decisions_daily": ("day", "outcome", "reason", "zone_id", "kind"),
    "citations_daily": ("day", "tract_id", "zone_id"),
    "destroyed_daily": ("day", "rule", "item_kind"),
}
# Reasons are codes such as `misread` or `valid_permit`; anything else (free text that might name a
# plate) is counted as `other`, so no plate can reach the reporting tables through a reason.
REASON_CODE = re.compile(r"^[a-z]+(_[a-z]+)*$")


class InvalidEvent(ValueError):
    """An event without the id or time its count needs; it goes to the dead-letter topic."""


@dataclass(frozen=True)
class Increment:
    table: str
    event_id: str
    key: tuple


def tally(increments: list[Increment]) -> Counter:
    """(table, key) -> how many to add."""
    return Counter((i.table, i.key) for i in increments)


def day_of(at: datetime, tz: ZoneInfo) -> date:
    return at.astimezone(tz).date()


def reason_code(reason: str) -> str:
    code = reason.strip().lower().replace(" ", "_").replace("-", "_")
    return code if not code or (len(code) <= 40 and REASON_CODE.match(code)) else "other"


def _id(value: str, what: str) -> str:
    if not value:
        raise InvalidEvent(f"{what} is empty")
    return value


def _time(event, field: str) -> datetime:
    if not event.HasField(field):
        raise InvalidEvent(f"{field} is missing")
    return from_timestamp(getattr(event, field))


def _point(event) -> tuple[float | None, float | None]:
    return (event.location.latitude, event.location.longitude) if event.HasField("location") else (None, None)


def from_read(read: PlateRead, places: Places, tz: ZoneInfo) -> Increment:
    point = _point(read)
    key = (day_of(_time(read, "captured_at"), tz), places.tract(*point), places.zone(*point))
    return Increment("reads_daily", _id(read.read_id, "read_id"), key)


def from_case(case: Case, places: Places, tz: ZoneInfo) -> Increment:
    if not case.sightings:
        raise InvalidEvent("case has no sightings")
    last = case.sightings[-1]
    opened = _time(case, "opened_at") if case.HasField("opened_at") else _time(last, "captured_at")
    kind = ViolationKind.Name(case.kind).lower()
    key = (day_of(opened, tz), places.tract(*_point(last)), case.zone_id or "unknown", kind)
    return Increment("cases_daily", _id(case.case_id, "case_id"), key)


def from_decision(decision: Decision, tz: ZoneInfo) -> Increment:
    outcome = Outcome.Name(decision.outcome).lower()
    key = (day_of(_time(decision, "decided_at"), tz), outcome, reason_code(decision.reason),
           decision.zone_id or "unknown", ViolationKind.Name(decision.kind).lower())
    return Increment("decisions_daily", _id(decision.decision_id, "decision_id"), key)


def from_citation(citation: Citation, places: Places, tz: ZoneInfo) -> Increment:
    at = _time(citation, "violation_at") if citation.HasField("violation_at") else _time(citation, "issued_at")
    key = (day_of(at, tz), places.tract(*_point(citation)), citation.zone_id or "unknown")
    return Increment("citations_daily", _id(citation.citation_id, "citation_id"), key)


def from_retention(record: RetentionRecord, tz: ZoneInfo) -> Increment:
    key = (day_of(_time(record, "destroyed_at"), tz), record.rule or "unknown", record.item_kind or "unknown")
    return Increment("destroyed_daily", _id(record.record_id, "record_id"), key)
