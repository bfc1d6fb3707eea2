"""Batched text recognition with a PP-OCR recognition model and CTC decoding."""
import math

import cv2
import numpy as np

from alpr_common.batching import batches
from services.ocr.ctc import Decoded, ctc_greedy_decode
from services.ocr.detection import normalise
from services.ocr.engines import Engine, run_lazily

HEIGHT = 48          # the model's input height
MIN_WIDTH = 320      # the width it was trained at; narrower crops are padded to it
# A plate's text is narrower (half of it on 1280x720 frames), and a call's time grows with its width:
# padded to 240 instead, 16 crops took 108 instead of 144 ms, but the batch path ran only about 5%
# more frames a second (no more than this machine's noise) and read 1 fewer of the 751 US plate
# crops and 5 fewer of them pasted into scenes exactly, 4 more of the 1280x720 scenes (2026-12-06, AMD).
MAX_BATCH = 16       # crops per model call
# The letter O and the digit 0 are drawn alike on many US plates (and the pipeline folds them
# together: alpr_common.plates): the decoder treats their classes as one, so a plate whose "O" the
# model cannot tell from a "0" is not doubted for it.
ROUND_GLYPH = "0Oo０Ｏｏ"


# Bilinear, as the model was trained. Enlarging crops less than HEIGHT high bicubically instead read 2 more
# of the US plates pasted into scenes as wide as their plates, but 7 fewer at their plates' size, 3 fewer of
# the 108 EU scenes and 1 fewer of the 751 US crops exactly (2026-12-07).
def resize_to_height(crop: np.ndarray, height: int = HEIGHT) -> np.ndarray:
    width = max(1, math.ceil(crop.shape[1] * height / crop.shape[0]))
    return cv2.resize(crop, (width, height), interpolation=cv2.INTER_LINEAR)


def recognition_batch(crops: list[np.ndarray]) -> tuple[np.ndarray, list[float]]:
    """(N, 3, 48, W) with every crop resized to height 48, left-aligned and padded (value 0), and
    the share of W each crop covers."""
    resized = [resize_to_height(c) for c in crops]
    width = max(MIN_WIDTH, *(r.shape[1] for r in resized))
    batch = np.zeros((len(crops), 3, HEIGHT, width), np.float32)
    for i, r in enumerate(resized):
        batch[i, :, :, : r.shape[1]] = normalise(r)
    return batch, [r.shape[1] / width for r in resized]


class TextRecognizer:
    def __init__(self, engine: Engine, alphabet: list[str], max_batch: int = MAX_BATCH):
        self.engine = engine
        self.alphabet = alphabet
        self.max_batch = max_batch
        self.round_glyph = tuple(i for i, c in enumerate(alphabet) if c in ROUND_GLYPH)

    def recognize(self, crops: list[np.ndarray]) -> list[Decoded]:
        """Text of each crop, in the order given; crops of similar shape share a model call. (A
        crop's read depends a little on the width its call pads it to: splitting the calls further,
        for the engine to run more of them side by side, read 5% more frames a second and moved
        reads at the confidence threshold both ways.)"""
        order = sorted(range(len(crops)), key=lambda i: crops[i].shape[1] / crops[i].shape[0])
        chunks = batches(order, self.max_batch)
        outputs = run_lazily(self.engine, lambda chunk: recognition_batch([crops[i] for i in chunk]), chunks)
        results: list[Decoded | None] = [None] * len(crops)
        for chunk, (probabilities, fractions) in zip(chunks, outputs):
            for i, probs, fraction in zip(chunk, probabilities, fractions):
                results[i] = ctc_greedy_decode(probs, self.alphabet, fraction, self.round_glyph)
        return results
