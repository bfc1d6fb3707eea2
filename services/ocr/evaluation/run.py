"""Runs the plate reader over a labelled folder, one image at a time, and scores every image."""
from pathlib import Path
from typing import Iterable, Protocol

import cv2
import numpy as np

from services.ocr.evaluation.labels import Label
from services.ocr.evaluation.scoring import Outcome, outcome


class Reader(Protocol):
    def read_batch(self, images: list[np.ndarray]) -> list[list]: ...


def unreadable_images(folder: Path, labels: list[Label]) -> list[str]:
    return [label.file for label in labels if not (folder / label.file).is_file()]


def evaluate(reader: Reader, folder: Path, labels: Iterable[Label]) -> list[Outcome]:
    """One outcome per label (pass a tqdm-wrapped iterable for a progress bar)."""
    outcomes = []
    for label in labels:
        image = cv2.imread(str(folder / label.file), cv2.IMREAD_COLOR)
        plates = reader.read_batch([image])[0] if image is not None else []
        crop = (0, 0, image.shape[1], image.shape[0]) if image is not None and label.crop else None
        outcomes.append(outcome(label, [(p.text, p.box) for p in plates], crop))
    return outcomes
