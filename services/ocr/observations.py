"""The plates of a batch of frames as observations: every read carries its sighting's fused text (pure).

Reads of one plate in consecutive frames of one camera (`fusion.sightings`) are one observation:
each of them keeps its own frame and box, and all carry the sighting's fused text, character
confidences and confidence, how many reads were fused, and which read came first. Fusion looks
only within the batch: a sighting whose frames fall into two batches gives two observations.
"""
from dataclasses import dataclass, replace

from alpr_common.events.frames_pb2 import Frame
from services.ocr.fusion import FusionLimits, Read, fuse, sightings
from services.ocr.geometry import Box
from services.ocr.reader import PlateResult


@dataclass(frozen=True)
class Observation:
    plate: PlateResult           # this read's box; the sighting's text and confidences
    first_read: tuple[str, Box]  # frame id and box of the sighting's first read
    fused_from: int              # reads in the sighting


def alone(frame: Frame, plate: PlateResult) -> Observation:
    return Observation(plate, (frame.frame_id, plate.box), 1)


def as_read(frame: Frame, plate: PlateResult) -> Read:
    location = (frame.location.latitude, frame.location.longitude) if frame.HasField("location") else None
    return Read(frame.device_id, frame.camera, frame.frame_id, frame.captured_at.ToNanoseconds() / 1e9, location,
                plate.text, tuple(plate.char_confidences))


def observe(frames: list[Frame], plates: list[list[PlateResult]], limits: FusionLimits | None) -> list[list[Observation]]:
    """Per frame, one observation per plate read (in the reader's order); limits None: no fusion."""
    if limits is None:
        return [[alone(frame, p) for p in found] for frame, found in zip(frames, plates)]
    reads = {(i, j): as_read(frame, plate) for i, (frame, found) in enumerate(zip(frames, plates))
             for j, plate in enumerate(found)}
    place = {id(read): at for at, read in reads.items()}
    observed: list[list[Observation | None]] = [[None] * len(found) for found in plates]
    for group in sightings(list(reads.values()), limits):
        fused = fuse(group)
        first_i, first_j = place[id(group[0])]
        first = (frames[first_i].frame_id, plates[first_i][first_j].box)
        for i, j in (place[id(read)] for read in group):
            plate = replace(plates[i][j], text=fused.text, confidence=fused.confidence,
                            char_confidences=list(fused.char_confidences))
            observed[i][j] = Observation(plate, first, fused.fused_from)
    return observed
