"""Text detection on a batch of frames with the PP-OCRv4 detection model."""
import cv2
import numpy as np

from alpr_common.batching import batches
from services.ocr.db_postprocess import DbParams, Region, regions_from_map
from services.ocr.engines import Engine, run_lazily
from services.ocr.geometry import Scaling, bounding_box, fit_to_side
from services.ocr.tiles import Tile, found_once, tiles_of, wide_scale

DETECTION_SIDE = 960  # an image is resized so its longer side is this, unless it is a large frame:
# A frame whose longer side is over FULL_RESOLUTION_ABOVE (a wide traffic camera's, 1920 or 3840 px
# across) is detected at its own resolution, up to MAX_SIDE: shrunk to 960 px, a plate a few dozen
# pixels high in it would shrink below what the detector finds. At 1920 px that is 4 times the
# detection work of a 960 px frame. MAX_SIDE keeps the OCR service under 2 GiB on a CPU: a batch of
# eight 3840x2160 frames peaked at 1.6 GiB detected at 1920 px, 2.3 at 2560 and 4.3 at 3840 (with
# the second recognizer and the closer look since, 1.9 GiB at 1920 px: 1919 MiB, 2026-12-03; 1945 MiB in a
# later session, with the same models and buffers). A frame over MAX_SIDE is detected in tiles, each
# call smaller than a 1920x1080 frame's (tiles.py): 1859 MiB on the same batches, against 1941 MiB
# for the code before, in one session. Also detecting such a frame whole at DETECTION_SIDE (tiles.py) took
# the same batches from 2171-2176 to 2311-2313 MiB on an AMD machine, 2026-12-03 (at 480 px: 2157-2172, but
# 18 instead of 24 of 30 plates 400 px wide read where a 3840x2160 frame's tiles meet; at 720 px: 2243, 21).
# Most of that was a model compiled for the whole-frame pass's 960x544 shape, which the engine no
# longer keeps beside a tile's (engines.py): 1941-1950 MiB on a Xeon, 2026-12-03.
FULL_RESOLUTION_ABOVE = 1440
MAX_SIDE = 1920


def normalise(image: np.ndarray) -> np.ndarray:
    """BGR uint8 (H, W, 3) to the model's (3, H, W) float input in [-1, 1]."""
    return (image.astype(np.float32) / 127.5 - 1.0).transpose(2, 0, 1)


def is_tiled(height: int, width: int, full_resolution_above: int = FULL_RESOLUTION_ABOVE) -> bool:
    """Whether an image is detected in tiles: a large frame (full_resolution_above > 0) over MAX_SIDE."""
    return 0 < full_resolution_above and max(height, width) > MAX_SIDE


def detection_side(height: int, width: int, side: int = DETECTION_SIDE,
                   full_resolution_above: int = FULL_RESOLUTION_ABOVE) -> int:
    """The longer side an untiled image is detected at: `side`, or a large frame's own (0: always `side`)."""
    longer = max(height, width)
    return min(longer, MAX_SIDE) if 0 < full_resolution_above < longer else side


def detection_scale(height: int, width: int, side: int = DETECTION_SIDE,
                    full_resolution_above: int = FULL_RESOLUTION_ABOVE) -> float:
    """Detection pixels per image pixel: the scale at which the image's text reaches the detector."""
    if is_tiled(height, width, full_resolution_above):
        return wide_scale(height, width)
    return detection_side(height, width, side, full_resolution_above) / max(height, width)


def detection_batch(images: list[np.ndarray], sides: list[int] | None = None) -> tuple[np.ndarray, list[Scaling]]:
    """One (N, 3, H, W) tensor; each image resized so its longer side is its side (by default
    detection_side's), then padded (value 0) to the largest."""
    sides = sides or [detection_side(*img.shape[:2]) for img in images]
    scalings = [fit_to_side(img.shape[0], img.shape[1], side) for img, side in zip(images, sides)]
    height = max(s.height for s in scalings)
    width = max(s.width for s in scalings)
    batch = np.zeros((len(images), 3, height, width), np.float32)
    for i, (img, s) in enumerate(zip(images, scalings)):
        batch[i, :, : s.height, : s.width] = normalise(cv2.resize(img, (s.width, s.height)))
    return batch, scalings


class TextDetector:
    def __init__(self, engine: Engine, side: int = DETECTION_SIDE, max_batch: int = 16,
                 params: DbParams = DbParams(), full_resolution_above: int = FULL_RESOLUTION_ABOVE):
        self.engine = engine
        self.side = side
        self.max_batch = max_batch
        self.params = params
        self.full_resolution_above = full_resolution_above

    def pieces(self, height: int, width: int) -> list[tuple[Tile | None, int]]:
        """What of an image each model call sees (None: the whole image), and at what longer side:
        the whole image at self.side; or a large frame at its own resolution, as one tile, or over
        MAX_SIDE in tiles, and whole at self.side as well, for text too wide for any tile or too
        large for them (tiles.py)."""
        side = detection_side(height, width, self.side, self.full_resolution_above)
        if side == self.side:
            return [(None, side)]
        if not is_tiled(height, width, self.full_resolution_above):
            return [(Tile(0, 0, width, height), side), (None, self.side)]
        scale = wide_scale(height, width)
        return [(tile, round(max(tile.width, tile.height) * scale)) for tile in tiles_of(height, width, scale)] + [
            (None, self.side)]

    def detect(self, images: list[np.ndarray]) -> list[list[Region]]:
        """Text regions per image, corners in that image's pixels; up to max_batch pieces (images,
        or tiles of wide frames) per model call, each call's input made while the engine runs the
        calls before it."""
        pieces_of = [self.pieces(*image.shape[:2]) for image in images]
        pieces = [(i, tile, side) for i, image_pieces in enumerate(pieces_of) for tile, side in image_pieces]

        def part(image: np.ndarray, tile: Tile | None) -> np.ndarray:
            return image if tile is None else image[tile.y: tile.y + tile.height, tile.x: tile.x + tile.width]

        def make(chunk: list[tuple[int, Tile | None, int]]) -> tuple[np.ndarray, list[Scaling]]:
            return detection_batch([part(images[i], t) for i, t, _ in chunk], [side for _, _, side in chunk])
        maps = run_lazily(self.engine, make, batches(pieces, self.max_batch))
        outputs = [(m[0, : s.height, : s.width], s) for found_maps, scalings in maps for m, s in zip(found_maps, scalings)]
        found: list[list[tuple[Region, Tile | None]]] = [[] for _ in images]  # each region with its tile
        for (i, tile, _), (probability, scaling) in zip(pieces, outputs):
            offset = np.float32([0, 0] if tile is None else [tile.x, tile.y])
            for r in regions_from_map(probability, scaling, self.params):
                found[i].append((Region(r.corners + offset, r.score), tile))
        return [once(regions, [t for t, _ in image_pieces if t is not None], *image.shape[:2],
                     detection_scale(*image.shape[:2], self.side, self.full_resolution_above))
                for regions, image_pieces, image in zip(found, pieces_of, images)]


def once(regions: list[tuple[Region, Tile | None]], tiles: list[Tile], height: int, width: int,
         scale: float) -> list[Region]:
    """An image's regions, those found twice where its tiles (seen at `scale`) overlap, or in a tile and
    the whole image, kept once (tiles.found_once)."""
    if not tiles:
        return [r for r, _ in regions]  # an image detected whole: no boxes to compare
    keep = found_once([bounding_box(r.corners, height, width) for r, _ in regions], [t for _, t in regions], tiles,
                      scale)
    return [r for (r, _), kept in zip(regions, keep) if kept]
