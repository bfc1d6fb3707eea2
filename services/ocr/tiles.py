"""A wide frame detected in overlapping tiles (pure).

A frame whose longer side is over MAX_SIDE (a wide traffic camera's 3840 px) was detected shrunk to
1,920 px: a plate 100 px wide in it reached the detector 50 px wide, and the detector found 86% of
the plates of the 3840x2160 mosaics (nine real scenes to a frame). Seen at WIDE_SIDE (2880 px) it
found 97%, but one call on a frame that large would take the OCR service over 2 GiB on a CPU
(detection.py). So such a frame is seen at WIDE_SIDE in tiles, each at most about TILE_SIDE
detection pixels a side, each one model call no larger than a 1920x1080 frame's. Neighbouring tiles
share OVERLAP detection pixels, so text up to that wide lies whole in one of them; where text lies
in two, the region of one tile that is mostly inside a larger one of another (the same text, or the
part of it a tile's edge cut off) is dropped.

Text wider than the overlap can lie whole in no tile: a phone's 4032x3024 photo of a car's back,
its plate 1,000 px wide in the middle, where the four tiles meet. Each tile read a piece of it
("5BBM2" and "BM299"), and 18 of 30 such plates were read, against 24 of 30 away from the middle
(25 since).
So the whole frame is also detected, as small as any frame (DETECTION_SIDE), and its regions that
lie whole in no tile are kept, with the tiles' pieces of them dropped; its others are not, as a
tile saw their text closer.
"""
import math
from dataclasses import astuple, dataclass

from services.ocr.geometry import Box, intersection

WIDE_SIDE = 2880  # the longer side a frame over MAX_SIDE is detected at, in tiles (or its own, if shorter)
TILE_SIDE = 1536  # detection pixels a tile spans at most along a side, its overlap aside
OVERLAP = 192     # detection pixels shared by neighbouring tiles: a plate 256 px wide in a 3840 px frame
SAME_TEXT = 0.5   # the share of a region inside a larger one of another tile that makes it that one's text


@dataclass(frozen=True)
class Tile:
    x: int  # the tile's top-left corner and size in the frame's pixels
    y: int
    width: int
    height: int


def wide_scale(height: int, width: int) -> float:
    """Detection pixels per frame pixel for a frame detected in tiles: WIDE_SIDE over its longer side, at most 1."""
    return min(1.0, WIDE_SIDE / max(height, width))


def spans(length: int, scale: float) -> list[tuple[int, int]]:
    """Start and end of each tile along one side of `length` frame pixels, seen at `scale`."""
    count = math.ceil(length * scale / TILE_SIDE)
    core, margin = length / count, OVERLAP / scale / 2
    return [(max(0, round(k * core - margin)), min(length, round((k + 1) * core + margin))) for k in range(count)]


def tiles_of(height: int, width: int, scale: float) -> list[Tile]:
    """The overlapping tiles covering a frame, row by row."""
    return [Tile(x0, y0, x1 - x0, y1 - y0) for y0, y1 in spans(height, scale) for x0, x1 in spans(width, scale)]


def found_once(boxes: list[Box], found_in: list[Tile | None], tiles: list[Tile]) -> list[bool]:
    """Which regions to keep, given each one's box in the frame and the tile it was found in (None:
    the whole frame): a region of the whole frame where it lies whole in none of the tiles; a region
    of a tile unless it lies mostly (SAME_TEXT) inside a larger region of another tile or one of the
    whole frame kept (of two the same size, the first is kept)."""
    def area(box: Box) -> int:
        return box[2] * box[3]

    too_wide = [tile is None and not any(intersection(box, astuple(t)) == area(box) for t in tiles)
                for box, tile in zip(boxes, found_in)]  # whole in no tile

    def other_has_it(k: int) -> bool:
        return any(found_in[j] != found_in[k] and (found_in[j] is not None or too_wide[j])
                   and (area(boxes[j]), -j) > (area(boxes[k]), -k)
                   and intersection(boxes[j], boxes[k]) >= SAME_TEXT * area(boxes[k]) for j in range(len(boxes)))
    return [too_wide[k] if found_in[k] is None else not other_has_it(k) for k in range(len(boxes))]
