"""The metadata part of an upload: parsed and checked without any I/O."""
import json
import math
from dataclasses import dataclass
from datetime import datetime, timedelta

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from services.ingest.rejection import FrameRejected

ID_PATTERN = r"^[A-Za-z0-9._-]{1,64}$"
DEVICE_ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"
_PATTERN_HELP = {
    "frame_id": "must be 1-64 characters of A-Z a-z 0-9 . _ -",
    "device_id": "must be 1-64 characters of A-Z a-z 0-9 . _ - starting with a letter or digit",
}


@dataclass(frozen=True)
class FrameMetadata:
    frame_id: str
    device_id: str
    captured_at: datetime
    latitude: float
    longitude: float
    heading: float | None = None
    camera: str | None = None


class _MetadataIn(BaseModel):
    model_config = ConfigDict(extra="ignore", strict=True)

    frame_id: str = Field(pattern=ID_PATTERN)
    device_id: str = Field(pattern=DEVICE_ID_PATTERN)
    captured_at: str
    latitude: float = Field(ge=-90, le=90, allow_inf_nan=False)
    longitude: float = Field(ge=-180, le=180, allow_inf_nan=False)
    heading: float | None = Field(None, ge=0, le=360, allow_inf_nan=False)
    camera: str | None = Field(None, max_length=64)


def parse_metadata(raw: str | bytes, now: datetime, max_age: timedelta, max_future: timedelta) -> FrameMetadata:
    fields = _validated_fields(_json_object(raw))
    captured_at = parse_capture_time(fields.captured_at)
    check_capture_time(captured_at, now, max_age, max_future)
    check_location(fields.latitude, fields.longitude)
    return FrameMetadata(
        frame_id=fields.frame_id, device_id=fields.device_id, captured_at=captured_at,
        latitude=fields.latitude, longitude=fields.longitude, heading=fields.heading, camera=fields.camera,
    )


def _json_object(raw: str | bytes) -> dict:
    try:
        value = json.loads(raw)
    except (ValueError, UnicodeDecodeError) as exc:
        raise FrameRejected("malformed_metadata", f"metadata: not valid JSON ({exc})", 400) from None
    if not isinstance(value, dict):
        raise FrameRejected("malformed_metadata", "metadata: must be a JSON object", 400)
    return value


def _validated_fields(value: dict) -> _MetadataIn:
    try:
        return _MetadataIn.model_validate(value)
    except ValidationError as exc:
        raise FrameRejected("invalid_metadata", "; ".join(_describe(e) for e in exc.errors())) from None


def _describe(error: dict) -> str:
    field = ".".join(str(part) for part in error["loc"]) or "metadata"
    if error["type"] == "missing":
        return f"{field}: required"
    if error["type"] == "string_pattern_mismatch" and field in _PATTERN_HELP:
        return f"{field}: {_PATTERN_HELP[field]}"
    return f"{field}: {error['msg']}"


def parse_capture_time(value: str) -> datetime:
    try:
        at = datetime.fromisoformat(value)
    except ValueError:
        raise FrameRejected("invalid_metadata", f"captured_at: {value!r} is not an ISO 8601 time") from None
    if at.tzinfo is None:
        raise FrameRejected("invalid_metadata", "captured_at: must carry a timezone, e.g. 2024-05-01T09:30:00+02:00")
    return at


def check_capture_time(captured_at: datetime, now: datetime, max_age: timedelta, max_future: timedelta) -> None:
    if captured_at > now + max_future:
        raise FrameRejected("captured_at_in_future",
                            f"captured_at: {captured_at.isoformat()} is more than {max_future} ahead of the server time {now.isoformat()}")
    if captured_at < now - max_age:
        raise FrameRejected("captured_at_too_old",
                            f"captured_at: {captured_at.isoformat()} is older than the {max_age} the server accepts")


def check_location(latitude: float, longitude: float) -> None:
    if math.isclose(latitude, 0.0, abs_tol=1e-9) and math.isclose(longitude, 0.0, abs_tol=1e-9):
        raise FrameRejected("invalid_location", "latitude/longitude: (0, 0) is not a real position (no GPS fix?)")
