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
lie whole in no tile are kept, with the tiles' pieces of them dropped; its others are not, as a tile
saw their text closer, unless their text is so large that a tile sees only pieces of its characters:
over LARGE_TEXT detection pixels high at the tiles' scale. A phone's close-up of a plate, 4032 px
wide, has characters about 750 px high there; the tiles found only pieces of them, read as "04" and
"79". 60 of the 751 US plate crops (a fixed random sample, enlarged by a script outside the repo) at
4032 px wide were read 55 times, against 45 before such text was kept from the whole frame, and 55
at 1280 px wide and at their own size. A frame detected at its own resolution (over 1,440 px, up to
MAX_SIDE: detection.py) is one tile in this sense, and is detected whole at 960 px too: at 1920 px
wide the same 60 plates were read 55 times, against 41 before; batches of eight 1920x1080 frames
took about 12% longer (29.9 instead of 26.0 s for 56 frames, medians of three runs each) and
peaked 50 MiB higher (1745-1756 instead of 1695-1698 MiB, this AMD machine). The 3840x2160 mosaics
of real scenes, and the 1920x1080 ones, read the same (`alpr ocr evaluate`, 2026-12-06). Keeping
every region of the whole frame that no tile's region covered most of instead read 54 of the 60, but
the mosaics lost 11 of 213 plates found: a region around a small plate and its surroundings, found
whole, took the place of the plate's own that a tile found inside it.
"""
import math
from dataclasses import astuple, dataclass

from services.ocr.geometry import Box, intersection

WIDE_SIDE = 2880  # the longer side a frame over MAX_SIDE is detected at, in tiles (or its own, if shorter)
TILE_SIDE = 1536  # detection pixels a tile spans at most along a side, its overlap aside
OVERLAP = 192     # detection pixels shared by neighbouring tiles: a plate 256 px wide in a 3840 px frame
SAME_TEXT = 0.5   # the share of a region inside a larger one of another tile that makes it that one's text
LARGE_TEXT = 320  # detection pixels: text higher than this at the tiles' scale is kept from the whole frame
# (a third of DETECTION_SIDE: a 1280 px close-up of a plate, detected whole at 960 px, has characters
# of 200-250 there and is read as well as the plate's own crop)


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


def found_once(boxes: list[Box], found_in: list[Tile | None], tiles: list[Tile], scale: float) -> list[bool]:
    """Which regions to keep, given each one's box in the frame and the tile it was found in (None:
    the whole frame), the tiles seeing the frame at `scale`: a region of the whole frame where it lies
    whole in none of the tiles, or is over LARGE_TEXT high in them; a region of a tile unless it lies
    mostly (SAME_TEXT) inside a larger region of another tile (of two the same size, the first is
    kept), or shares most of itself or of a region of the whole frame kept with that one."""
    def area(box: Box) -> int:
        return box[2] * box[3]

    def whole_kept(box: Box) -> bool:
        return box[3] * scale > LARGE_TEXT or not any(intersection(box, astuple(t)) == area(box) for t in tiles)
    kept_of_whole = [tile is None and whole_kept(box) for box, tile in zip(boxes, found_in)]

    def same_text(j: int, k: int) -> bool:
        """Region k lies mostly inside a larger region j of another tile, or overlaps a region j of the
        whole frame kept by most of the smaller of the two (a tile's piece of it, or a tile's box of it)."""
        shared = intersection(boxes[j], boxes[k])
        if found_in[j] is None:
            return kept_of_whole[j] and shared >= SAME_TEXT * min(area(boxes[j]), area(boxes[k]))
        larger = (area(boxes[j]), -j) > (area(boxes[k]), -k)
        return found_in[j] != found_in[k] and larger and shared >= SAME_TEXT * area(boxes[k])
    return [kept_of_whole[k] if found_in[k] is None else not any(same_text(j, k) for j in range(len(boxes)))
            for k in range(len(boxes))]
