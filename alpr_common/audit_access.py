"""The monthly access review for the privacy officer: who accessed what, per user and role."""
from collections import defaultdict
from dataclasses import dataclass
from typing import Iterable

from alpr_common.audit_log import CHECKPOINT_ACTION
from alpr_common.events.audit_pb2 import AuditEvent
from alpr_common.timeutil import from_timestamp


@dataclass(frozen=True)
class AccessRow:
    actor: str
    actor_kind: str
    role: str
    action: str
    outcome: str
    events: int
    resources: int  # distinct resources touched


def parse_month(month: str) -> tuple[int, int]:
    year, _, number = month.partition("-")
    if not (len(year) == 4 and year.isdigit() and number.isdigit() and 1 <= int(number) <= 12):
        raise ValueError(f"{month!r} is not a month as YYYY-MM")
    return int(year), int(number)


def access_review(events: Iterable[AuditEvent], month: str) -> list[AccessRow]:
    """Accesses in the month (UTC), counted by actor, role, action and outcome; checkpoints are not accesses."""
    year, number = parse_month(month)
    resources: dict[tuple[str, ...], list[str]] = defaultdict(list)
    for event in events:
        at = from_timestamp(event.at)
        if (at.year, at.month) == (year, number) and event.action != CHECKPOINT_ACTION:
            resources[(event.actor, event.actor_kind, event.role, event.action, event.outcome)].append(event.resource)
    return [AccessRow(*group, len(touched), len(set(touched))) for group, touched in sorted(resources.items())]
