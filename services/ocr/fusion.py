"""Multi-frame fusion (pure): reads of one plate in consecutive frames of one camera become one.

A parked car is photographed several times as the vehicle passes. Reads are the same sighting
when they come from the same device and camera, each within `window_s` of the previous one,
with texts at most a few edits apart. Their characters are aligned (position by position when
the lengths agree, by edit distance otherwise) and each position is decided by a vote weighted
by the character confidences. The fused confidence of a character is the chance that not every
agreeing read is wrong (noisy-OR), times the share of the vote it won, so agreement raises it.
"""
import math
from collections import defaultdict
from dataclasses import dataclass

from services.ocr.alignment import alignment, edit_distance


@dataclass(frozen=True)
class Read:
    device_id: str
    camera: str
    captured_at: float  # seconds since the epoch
    text: str
    char_confidences: tuple[float, ...]

    @property
    def confidence(self) -> float:
        return math.prod(self.char_confidences)


@dataclass(frozen=True)
class Fused:
    text: str
    char_confidences: tuple[float, ...]
    fused_from: int  # how many reads were fused

    @property
    def confidence(self) -> float:
        return math.prod(self.char_confidences)


def max_edits(a: str, b: str) -> int:
    """How far apart two reads of one plate may be: 1 edit, 2 from six characters on."""
    return max(1, min(2, min(len(a), len(b)) // 3))


def same_plate(a: Read, b: Read, window_s: float) -> bool:
    return ((a.device_id, a.camera) == (b.device_id, b.camera) and abs(a.captured_at - b.captured_at) <= window_s
            and edit_distance(a.text, b.text) <= max_edits(a.text, b.text))


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
                votes[position][read.text[j]].append(read.char_confidences[j])
    decided = [decide(position_votes) for position_votes in votes]
    return Fused("".join(c for c, _ in decided), tuple(p for _, p in decided), len(reads))


def decide(votes: dict[str, list[float]]) -> tuple[str, float]:
    """The character with the most confidence behind it, and its fused confidence."""
    weight = {c: math.fsum(v) for c, v in votes.items()}  # fsum: the same whatever the order of the reads
    winner = max(weight, key=lambda c: (weight[c], c))
    total = math.fsum(weight.values())
    share = weight[winner] / total if total > 0 else 0.0
    return winner, (1 - math.prod(1 - c for c in votes[winner])) * share


def sightings(reads: list[Read], window_s: float) -> list[list[Read]]:
    """Reads grouped by plate sighting, in time order; a read joins the open group whose latest read
    it follows within window_s and whose reads it resembles most, else starts a new group."""
    groups: list[list[Read]] = []
    for read in sorted(reads, key=lambda r: (r.captured_at, r.device_id, r.camera, r.text)):
        open_groups = [g for g in groups if any(same_plate(read, other, window_s) for other in g)
                       and read.captured_at - g[-1].captured_at <= window_s]
        if open_groups:
            min(open_groups, key=lambda g: min(edit_distance(read.text, o.text) for o in g)).append(read)
        else:
            groups.append([read])
    return groups
