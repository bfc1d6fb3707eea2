"""Judging one copy of a read: its zone, its permit, its chalk, and whether a case opens.

Plain code over two mappings, the chalks (key 'token hex|zone id' -> Sighting) and the ids of
cases already opened; the service passes its Faust tables, the tests and the bench pass dicts.
A sighting whose epoch's keys are destroyed is stale (its evidence can no longer be opened): it
is skipped, logged and counted, never judged.
"""
import logging
from dataclasses import dataclass

from prometheus_client import Counter

from alpr_common.crypto import KeyDestroyed, UnknownKey
from services.rules.chalking import ChalkPolicy, chalk_key, decide
from services.rules.epoch_copies import LEFT_TO_OLDER_EPOCH, OPEN, case_step
from services.rules.permits import PermitBook
from services.rules.sighting import Sighting
from services.rules.violations import Violation
from services.rules.zones import Zone, ZoneIndex

log = logging.getLogger(__name__)
SKIPPED = Counter("alpr_rules_sightings_skipped_total", "Sightings not judged because their epoch's keys are "
                  "gone (destroyed: a stale read; unknown: another key store)", ["reason"])


@dataclass(frozen=True)
class Judged:
    zone: Zone
    violation: Violation  # a case to open now


def judge_copy(sighting: Sighting, epoch_id: str, may_open_case: bool, zones: ZoneIndex, permits: PermitBook,
               chalks, opened, policy: ChalkPolicy) -> Judged | None:
    """Update the chalk for this copy of a read; the case it opens, if any (the caller sends it and
    records its id in `opened`)."""
    zone = zones.zone_at(sighting.lat, sighting.lon)
    if zone is None:
        return None
    has_permit = permit_or_stale(permits, sighting, epoch_id, zone)
    if has_permit is None:
        return None
    key = chalk_key(sighting.token, zone.id)
    chalk = chalks.get(key)
    decision = decide(chalk, sighting, zone, has_permit, policy)
    keep_chalk(chalks, key, chalk, decision.chalk)
    violation = decision.violation
    step = case_step(violation, may_open_case, violation is not None and opened.get(violation.case_id) is not None)
    if step == LEFT_TO_OLDER_EPOCH:
        opened[violation.case_id] = LEFT_TO_OLDER_EPOCH
    return Judged(zone, violation) if step == OPEN else None


def keep_chalk(chalks, key: str, old: Sighting | None, new: Sighting | None) -> None:
    """Write the table only when the chalk changed (every write is a changelog message)."""
    if new is None and old is not None:
        del chalks[key]
    elif new != old:
        chalks[key] = new


def permit_or_stale(permits: PermitBook, sighting: Sighting, epoch_id: str, zone: Zone) -> bool | None:
    """Whether a permit covers the sighting; None when its epoch's keys are gone (skip it)."""
    try:
        return permits.covers(sighting.token, epoch_id, zone.id, sighting.captured_at)
    except (KeyDestroyed, UnknownKey) as exc:
        reason = "destroyed" if isinstance(exc, KeyDestroyed) else "unknown"
        SKIPPED.labels(reason).inc()
        log.warning("sighting skipped: epoch key %s", reason,
                    extra={"fields": {"read_id": sighting.read_id, "epoch_id": epoch_id}})
        return None
