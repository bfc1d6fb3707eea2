"""Small plates in large frames: detection in tiles at the frame's own resolution (pure).

The detector sees every frame with its longer side at 960 px. A wide traffic-camera frame (1920 or
3840 px across) is shrunk two to four times for that, and a plate a few dozen pixels high in it
shrinks below what the detector finds. Such a frame is also detected in tiles of 960 px at its own
resolution, overlapping by a quarter of a tile. A tile's region that touches an edge of the tile
inside the frame may be cut (a plate across two tiles): it is dropped, as the neighbouring tile
holds it whole where it is smaller than the overlap. A region of the whole frame that lies inside a
tile is kept as the tile found it, finer; one that no tile holds whole (a large plate close up) is
kept as the whole frame found it, and the tiles' parts of it are dropped.
"""
import math
from dataclasses import dataclass

import numpy as np

from services.ocr.db_postprocess import Region

TILE_ABOVE = 1.5  # frames whose longer side is over this many detection sides are detected in tiles too
OVERLAP = 0.25    # of a tile's side
EDGE = 2.0        # pixels: a region this close to a tile's inner edge may be cut by it
SAME_TEXT = 0.5   # two regions whose overlap is over this share of the smaller one are one text


@dataclass(frozen=True)
class Tile:
    x: int
    y: int
    width: int
    height: int


def tiles(height: int, width: int, side: int) -> list[Tile]:
    """The tiles of a frame, or [] where the frame is small enough to be detected whole."""
    if max(height, width) <= TILE_ABOVE * side:
        return []
    return [Tile(x, y, min(side, width), min(side, height))
            for y in starts(height, side) for x in starts(width, side)]


def starts(length: int, side: int) -> list[int]:
    """Where the tiles along one axis start: evenly spread, overlapping by at least OVERLAP."""
    if length <= side:
        return [0]
    count = math.ceil((length - OVERLAP * side) / (side - OVERLAP * side))
    return [round(k * (length - side) / (count - 1)) for k in range(count)]


def in_frame(region: Region, tile: Tile) -> Region:
    """A region found in a tile, in the frame's pixels."""
    return Region(region.corners + np.array([tile.x, tile.y], np.float32), region.score)


def extent(region: Region) -> tuple[float, float, float, float]:
    """x0, y0, x1, y1 of the region's corners."""
    (x0, y0), (x1, y1) = region.corners.min(axis=0), region.corners.max(axis=0)
    return float(x0), float(y0), float(x1), float(y1)


def cut_by_tile(region: Region, tile: Tile, height: int, width: int) -> bool:
    """The region (in frame pixels) touches an edge of its tile that is not an edge of the frame."""
    x0, y0, x1, y1 = extent(region)
    return ((tile.x > 0 and x0 <= tile.x + EDGE) or (tile.y > 0 and y0 <= tile.y + EDGE)
            or (tile.x + tile.width < width and x1 >= tile.x + tile.width - EDGE)
            or (tile.y + tile.height < height and y1 >= tile.y + tile.height - EDGE))


def inside(region: Region, tile: Tile) -> bool:
    x0, y0, x1, y1 = extent(region)
    return tile.x <= x0 and tile.y <= y0 and x1 <= tile.x + tile.width and y1 <= tile.y + tile.height


def same_text(a: Region, b: Region) -> bool:
    """Two regions overlap by more than SAME_TEXT of the smaller one's bounding box."""
    ax0, ay0, ax1, ay1 = extent(a)
    bx0, by0, bx1, by1 = extent(b)
    overlap = max(0.0, min(ax1, bx1) - max(ax0, bx0)) * max(0.0, min(ay1, by1) - max(ay0, by0))
    smaller = min((ax1 - ax0) * (ay1 - ay0), (bx1 - bx0) * (by1 - by0))
    return smaller > 0 and overlap > SAME_TEXT * smaller


def merged(whole: list[Region], tiled: list[tuple[Tile, list[Region]]], height: int, width: int) -> list[Region]:
    """One list of a frame's regions from the whole-frame pass and its tiles' (regions in tile pixels):
    the tiles' uncut regions, each once, and the whole frame's that no tile holds whole or that the
    tiles missed. A tile's region that is part of a text no tile holds whole is left to that text."""
    held = [any(inside(r, tile) for tile, _ in tiled) for r in whole]
    beyond = [r for r, h in zip(whole, held) if not h]
    kept: list[Region] = []
    for tile, found in tiled:
        for region in (in_frame(r, tile) for r in found):
            if not cut_by_tile(region, tile, height, width) and not any(same_text(region, k) for k in kept + beyond):
                kept.append(region)
    missed = [r for r, h in zip(whole, held) if h and not any(same_text(r, k) for k in kept)]
    return kept + beyond + missed
