"""Text detection on a batch of frames with the PP-OCRv4 detection model."""
import cv2
import numpy as np

from alpr_common.batching import batches
from services.ocr.db_postprocess import DbParams, Region, regions_from_map
from services.ocr.engines import Engine, run_lazily
from services.ocr.geometry import Scaling, fit_to_side

DETECTION_SIDE = 960  # an image is resized so its longer side is this, unless it is a large frame:
# A frame whose longer side is over FULL_RESOLUTION_ABOVE (a wide traffic camera's, 1920 or 3840 px
# across) is detected at its own resolution, up to MAX_SIDE: shrunk to 960 px, a plate a few dozen
# pixels high in it would shrink below what the detector finds. At 1920 px that is 4 times the
# detection work of a 960 px frame. MAX_SIDE keeps the OCR service under 2 GiB on a CPU: a batch of
# eight 3840x2160 frames peaked at 1.6 GiB detected at 1920 px, 2.3 at 2560 and 4.3 at 3840 (with
# the second recognizer and the closer look since, 1.9 GiB at 1920 px: 1919 MiB, 2026-12-03; 1945 MiB in a
# later session, with the same models and buffers).
FULL_RESOLUTION_ABOVE = 1440
MAX_SIDE = 1920


def normalise(image: np.ndarray) -> np.ndarray:
    """BGR uint8 (H, W, 3) to the model's (3, H, W) float input in [-1, 1]."""
    return (image.astype(np.float32) / 127.5 - 1.0).transpose(2, 0, 1)


def detection_side(height: int, width: int, side: int = DETECTION_SIDE,
                   full_resolution_above: int = FULL_RESOLUTION_ABOVE) -> int:
    """The longer side an image is detected at: `side`, or a large frame's own (0: always `side`)."""
    longer = max(height, width)
    return min(longer, MAX_SIDE) if 0 < full_resolution_above < longer else side


def detection_batch(images: list[np.ndarray], side: int = DETECTION_SIDE,
                    full_resolution_above: int = FULL_RESOLUTION_ABOVE) -> tuple[np.ndarray, list[Scaling]]:
    """One (N, 3, H, W) tensor; each image resized, then padded (value 0) to the largest."""
    scalings = [fit_to_side(img.shape[0], img.shape[1], detection_side(*img.shape[:2], side, full_resolution_above))
                for img in images]
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

    def detect(self, images: list[np.ndarray]) -> list[list[Region]]:
        """Text regions per image, corners in that image's pixels; up to max_batch images per model
        call, each call's input made while the engine runs the calls before it."""
        maps = run_lazily(self.engine, lambda chunk: detection_batch(chunk, self.side, self.full_resolution_above),
                          batches(images, self.max_batch))
        return [regions_from_map(m[0, : s.height, : s.width], s, self.params)
                for found, scalings in maps for m, s in zip(found, scalings)]
