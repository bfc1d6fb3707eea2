"""The plates of a batch of frames as observations: every read carries its sighting's fused text.

Reads of one plate in consecutive frames of one camera (`fusion.sightings`) are one observation:
each of them keeps its own frame and box, and all carry the sighting's fused text, character
confidences and confidence, how many reads were fused, and which read came first. A vehicle
uploads a frame every few seconds, so a sighting's frames usually reach the service in separate
batches: `SightingMemory` keeps the reads of the last window per camera, and a new read fuses with
those already emitted (which keep what they were emitted with). The memory lives in the process
only; after a restart, fusion starts afresh.
"""
from collections import defaultdict
from dataclasses import dataclass, replace

from alpr_common.events.frames_pb2 import Frame
from services.ocr.fusion import FusionLimits, Read, fuse, sightings
from services.ocr.geometry import Box
from services.ocr.reader import PlateResult

MAX_REMEMBERED = 10_000  # reads kept for fusion at most, newest first


@dataclass(frozen=True)
class Observation:
    plate: PlateResult           # this read's box; the sighting's text and confidences
    first_read: tuple[str, Box]  # frame id and box of the sighting's first read
    fused_from: int              # reads in the sighting


@dataclass(frozen=True)
class Seen:
    """A read already emitted, kept so that the next frames of its sighting can fuse with it."""
    read: Read
    box: Box


def alone(frame: Frame, plate: PlateResult) -> Observation:
    return Observation(plate, (frame.frame_id, plate.box), 1)


def as_read(frame: Frame, plate: PlateResult) -> Read:
    location = (frame.location.latitude, frame.location.longitude) if frame.HasField("location") else None
    return Read(frame.device_id, frame.camera, frame.frame_id, frame.captured_at.ToNanoseconds() / 1e9, location,
                plate.text, tuple(plate.char_confidences), plate.marks_clear)


def observe(frames: list[Frame], plates: list[list[PlateResult]], limits: FusionLimits,
            earlier: list[Seen]) -> tuple[list[list[Observation]], list[Seen]]:
    """Per frame, one observation per plate read (in the reader's order), fused with the batch's
    other reads and the earlier ones of their sightings; and this batch's reads, to remember."""
    new = {(i, j): Seen(as_read(frame, plate), plate.box) for i, (frame, found) in enumerate(zip(frames, plates))
           for j, plate in enumerate(found)}
    seen = {id(s.read): s for s in [*earlier, *new.values()]}
    place = {id(s.read): at for at, s in new.items()}
    observed: list[list[Observation | None]] = [[None] * len(found) for found in plates]
    for group in sightings([s.read for s in seen.values()], limits):
        if not any(id(read) in place for read in group):
            continue  # earlier reads only: emitted already
        fused = fuse(group)
        first = (group[0].frame_id, seen[id(group[0])].box)
        for i, j in (place[id(read)] for read in group if id(read) in place):
            plate = replace(plates[i][j], text=fused.text, confidence=fused.confidence,
                            char_confidences=list(fused.char_confidences))
            observed[i][j] = Observation(plate, first, fused.fused_from)
    return observed, list(new.values())


def still_recent(seen: list[Seen], window_s: float) -> list[Seen]:
    """The reads within window_s of the newest read of their camera, at most MAX_REMEMBERED."""
    newest: dict[tuple[str, str], float] = defaultdict(float)
    for s in seen:
        camera = (s.read.device_id, s.read.camera)
        newest[camera] = max(newest[camera], s.read.captured_at)
    kept = [s for s in seen if newest[(s.read.device_id, s.read.camera)] - s.read.captured_at <= window_s]
    return sorted(kept, key=lambda s: s.read.captured_at)[-MAX_REMEMBERED:]


class SightingMemory:
    """Observes batch after batch, fusing each read with the remembered reads of its sighting."""

    def __init__(self, limits: FusionLimits | None):
        self.limits = limits
        self.seen: list[Seen] = []

    def observe(self, frames: list[Frame], plates: list[list[PlateResult]]) -> list[list[Observation]]:
        """limits None: every read stands alone."""
        if self.limits is None:
            return [[alone(frame, p) for p in found] for frame, found in zip(frames, plates)]
        replayed = {frame.frame_id for frame in frames}  # a replayed batch supersedes what it emitted before
        cameras = {(frame.device_id, frame.camera) for frame in frames}
        kept = [s for s in self.seen if s.read.frame_id not in replayed]
        earlier = [s for s in kept if (s.read.device_id, s.read.camera) in cameras]  # only these can fuse
        observed, new = observe(frames, plates, self.limits, earlier)
        self.seen = still_recent(kept + new, self.limits.window_s)
        return observed
