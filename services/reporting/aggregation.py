"""How each event updates the aggregate counts. Pure: no I/O, and never a plate.

Each event becomes Increments: +1 to one row of an aggregate table, plus the event's id, which the
repository remembers so that a replayed event is not counted twice. Rows of a set table (accessors)
are only added, never counted.
"""
import hashlib
import re
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

from alpr_common.events.audit_pb2 import AuditEvent
from alpr_common.events.cases_pb2 import Case, ViolationKind
from alpr_common.events.decisions_pb2 import Citation, Decision, Outcome
from alpr_common.events.reads_pb2 import PlateRead
from alpr_common.events.retention_pb2 import RetentionRecord
from alpr_common.events.sharing_pb2 import LegalBasis, SharingEvent, SharingStatus
from alpr_common.timeutil import from_timestamp
from services.reporting.places import Places

TABLE_KEYS = {
    "reads_daily": ("day", "hour", "tract_id", "zone_id"),
    "cases_daily": ("day", "tract_id", "zone_id", "kind"),
    "decisions_daily": ("day", "outcome", "reason", "zone_id", "kind"),
    "citations_daily": ("day", "tract_id", "zone_id"),
    "destroyed_daily": ("day", "rule", "item_kind", "lived_minutes"),
    "accesses_daily": ("day", "actor_kind", "role", "action", "outcome"),
    "accessors_yearly": ("year", "actor_kind", "role", "actor_digest"),
    "sharing_daily": ("day", "legal_basis", "status"),
}
SET_TABLES = frozenset({"accessors_yearly"})
UNKNOWN_LIFETIME = -1
# Reasons are codes such as `misread` or `valid_permit`; anything else (free text that might name a
# plate) is counted as `other`, so no plate can reach the reporting tables through a reason.
REASON_CODE = re.compile(r"^[a-z]+(_[a-z]+)*$")
# Audit labels (role, action, outcome, actor kind) are names the code chose; anything else is `other`.
LABEL_CODE = re.compile(r"^[a-z][a-z0-9_.:-]{0,59}$")


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


def label_code(label: str) -> str:
    code = label.strip().lower()
    return code if not code or LABEL_CODE.match(code) else "other"


def actor_digest(year: int, actor_kind: str, role: str, actor: str) -> str:
    """One-way, per year: counts distinct actors without keeping who they are."""
    return hashlib.sha256(f"{year}\x1f{actor_kind}\x1f{role}\x1f{actor}".encode()).hexdigest()[:32]


def from_read(read: PlateRead, places: Places, tz: ZoneInfo) -> Increment:
    point, local = _point(read), _time(read, "captured_at").astimezone(tz)
    key = (local.date(), local.hour, places.tract(*point), places.zone(*point))
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


def lived_minutes(record: RetentionRecord) -> int:
    if not record.HasField("item_time"):
        return UNKNOWN_LIFETIME
    lived = _time(record, "destroyed_at") - _time(record, "item_time")
    return max(0, int(lived.total_seconds() // 60))


def from_retention(record: RetentionRecord, tz: ZoneInfo) -> Increment:
    key = (day_of(_time(record, "destroyed_at"), tz), record.rule or "unknown", record.item_kind or "unknown",
           lived_minutes(record))
    return Increment("destroyed_daily", _id(record.record_id, "record_id"), key)


def from_audit(event: AuditEvent, tz: ZoneInfo) -> list[Increment]:
    """One access by role, action and outcome, and the actor among the year's distinct actors of that role."""
    event_id, day = _id(event.event_id, "event_id"), day_of(_time(event, "at"), tz)
    kind, role = label_code(event.actor_kind) or "unknown", label_code(event.role)
    access = (day, kind, role, label_code(event.action) or "unknown", label_code(event.outcome) or "unknown")
    actor = (day.year, kind, role, actor_digest(day.year, kind, role, event.actor))
    return [Increment("accesses_daily", event_id, access), Increment("accessors_yearly", event_id, actor)]


SHARING_BASES = {"OTHER_BASIS": "other"}


def from_sharing(event: SharingEvent, tz: ZoneInfo) -> Increment:
    """One step of a data-sharing request (requested, approved, denied, exported) by its legal basis."""
    basis = SHARING_BASES.get(LegalBasis.Name(event.legal_basis), LegalBasis.Name(event.legal_basis).lower())
    status = SharingStatus.Name(event.status).lower()
    if status == "sharing_status_unspecified":
        raise InvalidEvent("sharing event has no status")
    key = (day_of(_time(event, "at"), tz), "unknown" if basis == "legal_basis_unspecified" else basis, status)
    return Increment("sharing_daily", _id(event.event_id, "event_id"), key)
