"""One plate read as the rules see it: which token, where, when, how sure, and where the evidence lies.

The rules never hold plate text: `token` is the plate's HMAC under one epoch's key (look-alike reads
share it within that epoch), and `sealed_plate` is the text as read, sealed under the read's epoch
key, passed on untouched as evidence for review.
"""
from dataclasses import dataclass
from datetime import datetime

from alpr_common.crypto import Sealed


@dataclass(frozen=True)
class Sighting:
    token: bytes
    read_id: str
    frame_id: str
    object_key: str
    captured_at: datetime
    lat: float
    lon: float
    confidence: float
    sealed_plate: Sealed
    image_key_id: str = ""  # the key the image at object_key is sealed under
    box: tuple[int, int, int, int] = (0, 0, 0, 0)  # x, y, width, height of the plate in the frame
