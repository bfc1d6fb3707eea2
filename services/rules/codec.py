"""Translations at the edge: reads in, cases out (protobuf), chalks in the state table (JSON)."""
import time
from datetime import datetime

from google.protobuf.message import DecodeError

from alpr_common.events import cases_pb2
from alpr_common.events.common_pb2 import Box, DeadLetter, GeoPoint
from alpr_common.events.reads_pb2 import PlateRead
from alpr_common.timeutil import from_timestamp, to_timestamp
from alpr_common.plates import normalize_plate
from services.rules.sighting import Sighting
from services.rules.violations import Violation
from services.rules.zones import Zone, rule_summary


def read_from_bytes(value: bytes | None) -> PlateRead:
    """Decode a read; raises DecodeError or ValueError (the dead-letter reason) when it is unusable."""
    try:
        read = PlateRead.FromString(value or b"")
    except DecodeError as exc:
        raise DecodeError(f"not a {PlateRead.DESCRIPTOR.full_name}: {exc}") from exc
    present = {"plate_text": bool(read.plate_text.strip()), "captured_at": read.HasField("captured_at"),
               "location": read.HasField("location")}
    missing = [name for name, there in present.items() if not there]
    if missing:
        raise ValueError(f"{PlateRead.DESCRIPTOR.full_name} without {', '.join(missing)}")
    return read


def dead_letter(message, reason: str, service: str) -> DeadLetter:
    """The dead-letter record for a consumed message (a Faust Message) that could not be used."""
    return DeadLetter(source_topic=message.topic, partition=message.partition, offset=message.offset,
                      key=message.key or b"", value=message.value or b"", reason=reason, service=service,
                      failed_at_ms=int(time.time() * 1000))


def sighting_from_read(read: PlateRead) -> Sighting:
    return Sighting(
        plate=normalize_plate(read.plate_text), read_id=read.read_id, frame_id=read.frame_id,
        object_key=read.object_key, captured_at=from_timestamp(read.captured_at),
        lat=read.location.latitude, lon=read.location.longitude, confidence=read.confidence,
        box=(read.box.x, read.box.y, read.box.width, read.box.height),
    )


def case_event(violation: Violation, zone: Zone) -> cases_pb2.Case:
    return cases_pb2.Case(
        case_id=violation.case_id, plate_text=violation.plate, zone_id=zone.id, zone_name=zone.name,
        kind=cases_pb2.ViolationKind.Value(violation.kind.value),
        sightings=[_sighting_event(s) for s in violation.sightings],
        opened_at=to_timestamp(violation.opened_at), rule_summary=rule_summary(zone),
        limit_minutes=zone.limit_minutes or 0, grace_minutes=zone.grace_minutes,
    )


def _sighting_event(s: Sighting) -> cases_pb2.Sighting:
    x, y, width, height = s.box
    return cases_pb2.Sighting(
        read_id=s.read_id, frame_id=s.frame_id, object_key=s.object_key,
        captured_at=to_timestamp(s.captured_at), location=GeoPoint(latitude=s.lat, longitude=s.lon),
        plate_text=s.plate, confidence=s.confidence, box=Box(x=x, y=y, width=width, height=height),
    )


def chalk_to_json(chalk: Sighting) -> dict:
    return {**chalk.__dict__, "captured_at": chalk.captured_at.isoformat(), "box": list(chalk.box)}


def chalk_from_json(value: dict) -> Sighting:
    return Sighting(**{**value, "captured_at": datetime.fromisoformat(value["captured_at"]),
                       "box": tuple(value["box"])})
