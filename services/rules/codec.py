"""Translations at the edge: reads in, one copy per token out, cases out (protobuf), chalks in the table (JSON).

No plate text passes here: reads carry tokens and the plate sealed under their epoch key, and the
rules pass the sealed plate on untouched. A read that still carries plate_text loses it here.
"""
import base64
import time
from datetime import datetime

from google.protobuf.message import DecodeError

from alpr_common.crypto import EpochSchedule, Sealed, epochs_at, from_proto, to_proto
from alpr_common.crypto.keys import EPOCH_PREFIX
from alpr_common.events import cases_pb2
from alpr_common.events.common_pb2 import Box, DeadLetter, GeoPoint
from alpr_common.events.reads_pb2 import PlateRead, TokenedRead
from alpr_common.timeutil import from_timestamp, to_timestamp
from services.rules.epoch_copies import copies_of
from services.rules.sighting import Sighting
from services.rules.violations import Violation
from services.rules.zones import Zone, rule_summary


def read_from_bytes(value: bytes | None) -> PlateRead:
    """Decode a read; raises DecodeError or ValueError (the dead-letter reason) when it is unusable."""
    read = _decode(PlateRead, value)
    read.ClearField("plate_text")  # the rules never hold plate text, even from a read that carries it
    present = {"plate_token": bool(read.plate_token), "sealed_plate": bool(read.sealed_plate.ciphertext),
               "captured_at": read.HasField("captured_at"), "location": read.HasField("location")}
    missing = [name for name, there in present.items() if not there]
    if missing:
        raise ValueError(f"{PlateRead.DESCRIPTOR.full_name} without {', '.join(missing)}")
    return read


def tokened_reads(read: PlateRead, schedule: EpochSchedule) -> list[TokenedRead]:
    """One copy per token of a valid read (two inside an epoch overlap); ValueError (the dead-letter
    reason) when the read's sealing epoch is not the one its capture time lies in here."""
    epochs = epochs_at(schedule, from_timestamp(read.captured_at))
    if read.sealed_plate.key_id != EPOCH_PREFIX + epochs[0].epoch_id:
        raise ValueError(f"sealed_plate is under {read.sealed_plate.key_id!r} but captured_at lies in epoch "
                         f"{epochs[0].epoch_id}: do ocr and rules use the same ALPR_EPOCH_HOURS and "
                         "ALPR_EPOCH_OVERLAP_HOURS?")
    return [TokenedRead(read=read, token=c.token, epoch_id=c.epoch_id, may_open_case=c.may_open_case)
            for c in copies_of(read.plate_token, read.overlap_plate_token, epochs)]


def tokened_read_from_bytes(value: bytes | None) -> TokenedRead:
    copy = _decode(TokenedRead, value)
    if not copy.token or not copy.epoch_id:
        raise ValueError(f"{TokenedRead.DESCRIPTOR.full_name} without token or epoch_id")
    return copy


def _decode(message_type, value: bytes | None):
    try:
        return message_type.FromString(value or b"")
    except DecodeError as exc:
        raise DecodeError(f"not a {message_type.DESCRIPTOR.full_name}: {exc}") from exc


def dead_letter(message, reason: str, service: str) -> DeadLetter:
    """The dead-letter record for a consumed message (a Faust Message) that could not be used."""
    return DeadLetter(source_topic=message.topic, partition=message.partition, offset=message.offset,
                      key=message.key or b"", value=without_plate_text(message.value or b""), reason=reason,
                      service=service, failed_at_ms=int(time.time() * 1000))


def without_plate_text(value: bytes) -> bytes:
    """A read's bytes with any plate_text removed, so a dead letter never copies a plate; others unchanged."""
    try:
        read = PlateRead.FromString(value)
    except DecodeError:
        return value
    if not read.plate_text:
        return value
    read.ClearField("plate_text")
    return read.SerializeToString()


def sighting_from_copy(copy: TokenedRead) -> Sighting:
    read = copy.read
    return Sighting(
        token=copy.token, read_id=read.read_id, frame_id=read.frame_id, object_key=read.object_key,
        captured_at=from_timestamp(read.captured_at), lat=read.location.latitude, lon=read.location.longitude,
        confidence=read.confidence, sealed_plate=from_proto(read.sealed_plate), image_key_id=read.image_key_id,
        box=(read.box.x, read.box.y, read.box.width, read.box.height),
    )


def case_event(violation: Violation, zone: Zone) -> cases_pb2.Case:
    return cases_pb2.Case(
        case_id=violation.case_id, plate_token=violation.token, zone_id=zone.id, zone_name=zone.name,
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
        confidence=s.confidence, box=Box(x=x, y=y, width=width, height=height),
        sealed_plate=to_proto(s.sealed_plate), image_key_id=s.image_key_id,
    )


class ChalkTable:
    """The chalk table as Sightings; the Faust table underneath holds JSON."""

    def __init__(self, table):
        self.table = table

    def get(self, key: str) -> Sighting | None:
        stored = self.table.get(key)
        return chalk_from_json(stored) if stored else None

    def __setitem__(self, key: str, chalk: Sighting) -> None:
        self.table[key] = chalk_to_json(chalk)

    def __delitem__(self, key: str) -> None:
        del self.table[key]


def chalk_to_json(chalk: Sighting) -> dict:
    sealed = chalk.sealed_plate
    return {**chalk.__dict__, "token": chalk.token.hex(), "captured_at": chalk.captured_at.isoformat(),
            "box": list(chalk.box), "sealed_plate": {"key_id": sealed.key_id, "nonce": _b64(sealed.nonce),
                                                     "ciphertext": _b64(sealed.ciphertext)}}


def chalk_from_json(value: dict) -> Sighting:
    sealed = value["sealed_plate"]
    return Sighting(**{**value, "token": bytes.fromhex(value["token"]),
                       "captured_at": datetime.fromisoformat(value["captured_at"]), "box": tuple(value["box"]),
                       "sealed_plate": Sealed(sealed["key_id"], base64.b64decode(sealed["nonce"]),
                                              base64.b64decode(sealed["ciphertext"]))})


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")
