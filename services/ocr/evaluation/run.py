"""Runs the plate reader over a labelled folder, one image at a time, and scores every image."""
from dataclasses import replace
from itertools import groupby
from pathlib import Path
from typing import Iterable, Protocol

import cv2
import numpy as np

from services.ocr.evaluation.labels import Label
from services.ocr.evaluation.scoring import Outcome, outcome, unlabelled_plates


class Reader(Protocol):
    def read_batch(self, images: list[np.ndarray]) -> list[list]: ...


def unreadable_images(folder: Path, labels: list[Label]) -> list[str]:
    return [label.file for label in labels if not (folder / label.file).is_file()]


def evaluate(reader: Reader, folder: Path, labels: Iterable[Label]) -> list[Outcome]:
    """One outcome per label (pass a tqdm-wrapped iterable for a progress bar); an image with several
    labelled plates is read once, as its labels come one after the other. The plates reported on an
    image where none is labelled go with the outcome of its first label."""
    outcomes = []
    for file, group in groupby(labels, key=lambda label: label.file):
        image_labels = list(group)
        plates, size = read_image(reader, folder / file)
        image_outcomes = [outcome(label, plates, (0, 0, *size) if size is not None and label.crop else None)
                          for label in image_labels]
        image_outcomes[0] = replace(image_outcomes[0], unlabelled=unlabelled_plates(image_labels, plates))
        outcomes += image_outcomes
    return outcomes


def read_image(reader: Reader, path: Path) -> tuple[list[tuple[str, tuple]], tuple[int, int] | None]:
    """The plates read in the image at `path` (text and box), and its width and height (None if unreadable)."""
    image = cv2.imread(str(path), cv2.IMREAD_COLOR)
    if image is None:
        return [], None
    return [(p.text, p.box) for p in reader.read_batch([image])[0]], (image.shape[1], image.shape[0])
