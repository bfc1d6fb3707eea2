"""One plate read as the rules see it: who, where, when, how sure, and where the evidence lies."""
from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class Sighting:
    plate: str
    read_id: str
    frame_id: str
    object_key: str
    captured_at: datetime
    lat: float
    lon: float
    confidence: float
    box: tuple[int, int, int, int] = (0, 0, 0, 0)  # x, y, width, height of the plate in the frame
