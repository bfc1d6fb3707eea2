"""An upload, checked as a whole: metadata and image, with no I/O."""
from dataclasses import dataclass
from datetime import datetime, timedelta

from services.ingest.images import CheckedImage, ImageLimits, check_image
from services.ingest.metadata import FrameMetadata, parse_metadata
from services.ingest.rejection import FrameRejected

__all__ = ["FrameRejected", "Limits", "ValidatedFrame", "validate_frame", "object_key", "check_device_matches"]


@dataclass(frozen=True)
class Limits:
    image: ImageLimits
    max_age: timedelta
    max_future: timedelta


@dataclass(frozen=True)
class ValidatedFrame:
    metadata: FrameMetadata
    image: CheckedImage

    @property
    def object_key(self) -> str:
        return object_key(self.metadata.device_id, self.metadata.frame_id, self.image.extension)


def object_key(device_id: str, frame_id: str, extension: str) -> str:
    return f"frames/{device_id}/{frame_id}.{extension}"


def validate_frame(raw_metadata: str | bytes, image: bytes, *, device_id: str, limits: Limits,
                   now: datetime) -> ValidatedFrame:
    """The upload of the authenticated device_id, or FrameRejected saying what is wrong."""
    metadata = parse_metadata(raw_metadata, now, limits.max_age, limits.max_future)
    check_device_matches(metadata, device_id)
    return ValidatedFrame(metadata, check_image(image, limits.image))


def check_device_matches(metadata: FrameMetadata, authenticated_device: str) -> None:
    if metadata.device_id != authenticated_device:
        raise FrameRejected("wrong_device",
                            f"device_id: the token belongs to device {authenticated_device!r}, not {metadata.device_id!r}", 403)
