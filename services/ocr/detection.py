"""Text detection on a batch of frames with the PP-OCRv4 detection model."""
from concurrent.futures import ThreadPoolExecutor

import cv2
import numpy as np
import onnxruntime

from services.ocr.db_postprocess import DbParams, Region, regions_from_map
from services.ocr.geometry import Scaling, fit_to_side

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
    def __init__(self, session: onnxruntime.InferenceSession, side: int = DETECTION_SIDE,
                 max_batch: int = 16, params: DbParams = DbParams(), workers: int = 1):
        """workers: model calls run side by side (ONNX Runtime lets go of the GIL while it runs)."""
        self.session = session
        self.input_name = session.get_inputs()[0].name
        self.side = side
        self.max_batch = max_batch
        self.params = params
        self.pool = ThreadPoolExecutor(workers, thread_name_prefix="detect") if workers > 1 else None

    def detect(self, images: list[np.ndarray]) -> list[list[Region]]:
        """Text regions per image, corners in that image's pixels; up to max_batch images per model call."""
        chunks = [images[start: start + self.max_batch] for start in range(0, len(images), self.max_batch)]
        detected = self.pool.map(self._detect, chunks) if self.pool else map(self._detect, chunks)
        return [regions for chunk in detected for regions in chunk]

    def _detect(self, images: list[np.ndarray]) -> list[list[Region]]:
        batch, scalings = detection_batch(images, self.side)
        maps = self.session.run(None, {self.input_name: batch})[0][:, 0]
        return [regions_from_map(m[: s.height, : s.width], s, self.params) for m, s in zip(maps, scalings)]
