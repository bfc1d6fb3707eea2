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
    """One outcome per label (pass a tqdm-wrapped iterable for a progress bar); an image with several
    labelled plates is read once, as its labels come one after the other."""
    outcomes, last = [], None
    for label in labels:
        if last is None or last[0] != label.file:
            last = (label.file, *read_image(reader, folder / label.file))
        _, plates, size = last
        crop = (0, 0, *size) if size is not None and label.crop else None
        outcomes.append(outcome(label, plates, crop))
    return outcomes


def read_image(reader: Reader, path: Path) -> tuple[list[tuple[str, tuple]], tuple[int, int] | None]:
    """The plates read in the image at `path` (text and box), and its width and height (None if unreadable)."""
    image = cv2.imread(str(path), cv2.IMREAD_COLOR)
    if image is None:
        return [], None
    return [(p.text, p.box) for p in reader.read_batch([image])[0]], (image.shape[1], image.shape[0])
