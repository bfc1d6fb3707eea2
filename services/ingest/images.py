"""The image part of an upload: a real, whole JPEG or PNG within the size and pixel limits."""
import hashlib
from dataclasses import dataclass

import cv2
import numpy as np

from services.ingest.image_header import GIF_MAGICS, declared_dimensions, image_kind, looks_complete
from services.ingest.rejection import FrameRejected

CONTENT_TYPES = {"jpeg": "image/jpeg", "png": "image/png"}
EXTENSIONS = {"jpeg": "jpg", "png": "png"}


@dataclass(frozen=True)
class ImageLimits:
    max_bytes: int
    max_pixels: int
    min_side: int = 64


@dataclass(frozen=True)
class CheckedImage:
    data: bytes
    kind: str
    width: int
    height: int
    sha256: str

    @property
    def content_type(self) -> str:
        return CONTENT_TYPES[self.kind]

    @property
    def extension(self) -> str:
        return EXTENSIONS[self.kind]


def check_image(data: bytes, limits: ImageLimits) -> CheckedImage:
    check_size(data, limits.max_bytes)
    kind = detect_kind(data)
    declared = declared_dimensions(data, kind)
    if declared is None:
        raise FrameRejected("invalid_image", f"image: the {kind.upper()} header is unreadable")
    check_dimensions(*declared, limits)
    width, height = decoded_dimensions(data, kind)
    check_dimensions(width, height, limits)
    return CheckedImage(data, kind, width, height, hashlib.sha256(data).hexdigest())


def check_size(data: bytes, max_bytes: int) -> None:
    if not data:
        raise FrameRejected("invalid_image", "image: the file is empty")
    if len(data) > max_bytes:
        raise FrameRejected("image_too_large", f"image: {len(data)} bytes is over the limit of {max_bytes} bytes", 413)


def detect_kind(data: bytes) -> str:
    kind = image_kind(data)
    if kind is None:
        found = "a GIF" if data.startswith(GIF_MAGICS) else "neither"
        raise FrameRejected("unsupported_image_type", f"image: must be a JPEG or PNG file, this is {found}", 415)
    return kind


def check_dimensions(width: int, height: int, limits: ImageLimits) -> None:
    if width * height > limits.max_pixels:
        raise FrameRejected("too_many_pixels", f"image: {width}x{height} is over the limit of {limits.max_pixels} pixels")
    if min(width, height) < limits.min_side:
        raise FrameRejected("image_too_small", f"image: {width}x{height} is under the minimum of {limits.min_side}x{limits.min_side}")


def decoded_dimensions(data: bytes, kind: str) -> tuple[int, int]:
    """Decode the whole image (OpenCV); a truncated or corrupt file is refused."""
    if not looks_complete(data, kind):
        raise FrameRejected("invalid_image", f"image: the {kind.upper()} file is truncated")
    pixels = cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_UNCHANGED)
    if pixels is None:
        raise FrameRejected("invalid_image", f"image: the {kind.upper()} file could not be decoded")
    return pixels.shape[1], pixels.shape[0]
