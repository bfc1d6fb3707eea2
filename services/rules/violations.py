"""A violation candidate and its identity: one case per plate token, zone, enforcement day and kind."""
import uuid
from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum

from services.rules.sighting import Sighting

CASE_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "urn:alpr:rules:case")


class ViolationKind(str, Enum):
    OVERSTAY = "OVERSTAY"
    NO_PERMIT = "NO_PERMIT"


def case_id(token: bytes, zone_id: str, day: date, kind: ViolationKind) -> str:
    """The same token, zone, day and rule always give the same id, so a replayed read opens nothing new;
    a token is made from the canonical plate, so a look-alike misread ('A8C123') names the same case."""
    return str(uuid.uuid5(CASE_NAMESPACE, f"{token.hex()}|{zone_id}|{day.isoformat()}|{kind.value}"))


@dataclass(frozen=True)
class Violation:
    kind: ViolationKind
    zone_id: str
    day: date  # local date the enforcement window started on
    sightings: tuple[Sighting, ...]  # evidence, earliest first

    @property
    def token(self) -> bytes:
        """The token matched on, as carried by the most confident sighting (all share it: one chalk key)."""
        return max(self.sightings, key=lambda s: s.confidence).token

    @property
    def opened_at(self) -> datetime:
        return self.sightings[-1].captured_at

    @property
    def case_id(self) -> str:
        return case_id(self.token, self.zone_id, self.day, self.kind)
