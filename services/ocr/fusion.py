"""Multi-frame fusion (pure): reads of one plate in consecutive frames of one camera become one.

A parked car is photographed several times as the vehicle passes. Reads are the same sighting
when they come from different frames of the same device and camera, each taken within
`window_s` and `max_apart_m` of the previous one, with texts at most a few edits apart; a
sighting holds at most one read of each frame (two plates in one frame are two cars). Their
characters are aligned (position by position when the lengths agree, by edit distance otherwise)
and each position is decided by a vote weighted by the character confidences (the letter O and the
digit 0 vote as one glyph, which the fused text spells by its layout: round_glyph.py). The fused
confidence of a character is the chance that not every agreeing read is wrong (noisy-OR), times
the share of the vote it won, so agreement raises it.
"""
import math
from collections import defaultdict
from dataclasses import dataclass

from alpr_common.geo import distance_m
from services.ocr.alignment import alignment, edit_distance
from services.ocr.plate_text import plate_confidence
from services.ocr.round_glyph import as_one_glyph, spell_round_glyphs


@dataclass(frozen=True)
class Read:
    device_id: str
    camera: str
    frame_id: str
    captured_at: float  # seconds since the epoch
    location: tuple[float, float] | None  # latitude, longitude of the camera; None when unknown
    text: str
    char_confidences: tuple[float, ...]
    marks_clear: float = 1.0  # the chance that no mark the reader dropped was a character

    @property
    def confidence(self) -> float:
        return plate_confidence(self.char_confidences, self.marks_clear)


@dataclass(frozen=True)
class FusionLimits:
    """How far apart, in time and on the ground, consecutive frames of one sighting may be taken."""
    window_s: float
    max_apart_m: float


@dataclass(frozen=True)
class Fused:
    text: str
    char_confidences: tuple[float, ...]
    fused_from: int  # how many reads were fused
    marks_clear: float = 1.0  # the best of the fused reads': one read that needed no mark dropped clears it

    @property
    def confidence(self) -> float:
        return plate_confidence(self.char_confidences, self.marks_clear)


def max_edits(a: str, b: str) -> int:
    """How far apart two reads of one plate may be: 1 edit, 2 from six characters on."""
    return max(1, min(2, min(len(a), len(b)) // 3))


def follows(previous: Read, read: Read, limits: FusionLimits) -> bool:
    """read may be the next frame of previous's sighting: another frame of the same device and
    camera, taken within the time window and the distance of previous."""
    return ((previous.device_id, previous.camera) == (read.device_id, read.camera)
            and previous.frame_id != read.frame_id
            and abs(read.captured_at - previous.captured_at) <= limits.window_s
            and near(previous, read, limits.max_apart_m))


def similar(a: Read, b: Read) -> bool:
    return edit_distance(a.text, b.text) <= max_edits(a.text, b.text)


def near(a: Read, b: Read, max_apart_m: float) -> bool:
    """Taken at most max_apart_m apart (true when either frame's location is unknown)."""
    if a.location is None or b.location is None:
        return True
    return distance_m(*a.location, *b.location) <= max_apart_m


def reference_read(reads: list[Read]) -> Read:
    """The most confident read of the length with the most mean character confidence behind it (ties:
    longer, as readers drop small stacked characters more often than they invent them)."""
    weight = {n: math.fsum(mean_confidence(r) for r in reads if len(r.text) == n) for n in {len(r.text) for r in reads}}
    length = max(weight, key=lambda n: (weight[n], n))
    return max((r for r in reads if len(r.text) == length), key=lambda r: (r.confidence, r.text))


def mean_confidence(read: Read) -> float:
    """A length-neutral weight (a plate's confidence, a product, favours shorter reads)."""
    return math.fsum(read.char_confidences) / len(read.char_confidences) if read.char_confidences else 0.0


def fuse(reads: list[Read]) -> Fused:
    """One observation from reads of the same plate (at least one)."""
    reference = reference_read(reads)
    votes: list[dict[str, list[float]]] = [defaultdict(list) for _ in reference.text]
    for read in reads:
        for position, j in enumerate(alignment(reference.text, read.text)):
            if j is not None:
                votes[position][as_one_glyph(read.text[j])].append(read.char_confidences[j])
    decided = [decide(position_votes) for position_votes in votes]
    text = spell_round_glyphs("".join(c for c, _ in decided))
    return Fused(text, tuple(p for _, p in decided), len(reads), max(r.marks_clear for r in reads))


def decide(votes: dict[str, list[float]]) -> tuple[str, float]:
    """The character with the most confidence behind it, and its fused confidence."""
    weight = {c: math.fsum(v) for c, v in votes.items()}  # fsum: the same whatever the order of the reads
    winner = max(weight, key=lambda c: (weight[c], c))
    total = math.fsum(weight.values())
    share = weight[winner] / total if total > 0 else 0.0
    return winner, (1 - math.prod(1 - c for c in votes[winner])) * share


def sightings(reads: list[Read], limits: FusionLimits) -> list[list[Read]]:
    """Reads grouped by plate sighting, in time order; a read joins the open group (one holding no
    read of its frame, whose latest read it follows within the limits) whose reads it resembles
    most, else starts a new group."""
    groups: list[list[Read]] = []
    for read in sorted(reads, key=lambda r: (r.captured_at, r.device_id, r.camera, r.frame_id, r.text)):
        open_groups = [g for g in groups if follows(g[-1], read, limits) and any(similar(read, o) for o in g)
                       and all(o.frame_id != read.frame_id for o in g)]
        if open_groups:
            min(open_groups, key=lambda g: min(edit_distance(read.text, o.text) for o in g)).append(read)
        else:
            groups.append([read])
    return groups
