"""Text detection on a batch of frames with the PP-OCRv4 detection model."""
import cv2
import numpy as np

from alpr_common.batching import batches
from services.ocr.db_postprocess import DbParams, Region, regions_from_map
from services.ocr.engines import Engine
from services.ocr.geometry import Scaling, fit_to_side
from services.ocr.tiling import merged, tiles

DETECTION_SIDE = 960  # every image is resized so its longer side is this


def normalise(image: np.ndarray) -> np.ndarray:
    """BGR uint8 (H, W, 3) to the model's (3, H, W) float input in [-1, 1]."""
    return (image.astype(np.float32) / 127.5 - 1.0).transpose(2, 0, 1)


def detection_batch(images: list[np.ndarray], side: int = DETECTION_SIDE) -> tuple[np.ndarray, list[Scaling]]:
    """One (N, 3, H, W) tensor; each image resized, then padded (value 0) to the largest."""
    scalings = [fit_to_side(img.shape[0], img.shape[1], side) for img in images]
    height = max(s.height for s in scalings)
    width = max(s.width for s in scalings)
    batch = np.zeros((len(images), 3, height, width), np.float32)
    for i, (img, s) in enumerate(zip(images, scalings)):
        batch[i, :, : s.height, : s.width] = normalise(cv2.resize(img, (s.width, s.height)))
    return batch, scalings


class TextDetector:
    def __init__(self, engine: Engine, side: int = DETECTION_SIDE, max_batch: int = 16,
                 params: DbParams = DbParams()):
        self.engine = engine
        self.side = side
        self.max_batch = max_batch
        self.params = params

    def detect(self, images: list[np.ndarray]) -> list[list[Region]]:
        """Text regions per image, corners in that image's pixels: each image detected whole, and a
        large one in tiles at its own resolution too (tiling.py)."""
        layouts = [tiles(*image.shape[:2], self.side) for image in images]
        views = [view for image, layout in zip(images, layouts)
                 for view in [image] + [image[t.y: t.y + t.height, t.x: t.x + t.width] for t in layout]]
        found = self.detect_views(views)
        regions, first = [], 0
        for image, layout in zip(images, layouts):
            whole, in_tiles = found[first], found[first + 1: first + 1 + len(layout)]
            regions.append(merged(whole, list(zip(layout, in_tiles)), *image.shape[:2]) if layout else whole)
            first += 1 + len(layout)
        return regions

    def detect_views(self, views: list[np.ndarray]) -> list[list[Region]]:
        """Text regions per view, corners in that view's pixels; up to max_batch views per model call."""
        chunks = batches(views, self.max_batch)
        inputs = [detection_batch(chunk, self.side) for chunk in chunks]
        maps = self.engine.run([batch for batch, _ in inputs])
        return [regions_from_map(m[0, : s.height, : s.width], s, self.params)
                for found, (_, scalings) in zip(maps, inputs) for m, s in zip(found, scalings)]
