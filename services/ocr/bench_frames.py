"""The frames a benchmark runs on: a folder of images (with their labels where it has any) or
rendered street scenes, optionally letterboxed to one frame size."""
import random
from dataclasses import dataclass
from pathlib import Path

import click
import cv2
import numpy as np

from services.ocr.evaluation.labels import IMAGE_SUFFIXES, read_labels
from services.ocr.synthetic import parked_car_scene, random_plate_text


@dataclass(frozen=True)
class BenchFrame:
    name: str
    image: np.ndarray
    truth: str | None  # the plate text, where known


def parse_size(text: str) -> tuple[int, int]:
    """'1280x720' -> (1280, 720); ValueError for anything else."""
    width, height = (int(side) for side in text.lower().split("x"))
    if width < 1 or height < 1:
        raise ValueError(f"{text}: sides must be positive")
    return width, height


def size_option(ctx: click.Context, param: click.Parameter, value: str | None) -> tuple[int, int] | None:
    """A click callback: --size WIDTHxHEIGHT as (width, height), or a usage error that says so."""
    try:
        return parse_size(value) if value else None
    except ValueError:
        raise click.BadParameter(f"{value!r} is not WIDTHxHEIGHT, e.g. 1280x720") from None


def letterbox(image: np.ndarray, width: int, height: int) -> np.ndarray:
    """Resized to fit width x height with its aspect ratio kept, centred on black bars."""
    scale = min(width / image.shape[1], height / image.shape[0])
    new_w, new_h = max(1, round(image.shape[1] * scale)), max(1, round(image.shape[0] * scale))
    canvas = np.zeros((height, width, 3), np.uint8)
    top, left = (height - new_h) // 2, (width - new_w) // 2
    canvas[top: top + new_h, left: left + new_w] = cv2.resize(image, (new_w, new_h), interpolation=cv2.INTER_AREA)
    return canvas


def as_jpeg(image: np.ndarray, quality: int = 90) -> np.ndarray:
    return cv2.imdecode(cv2.imencode(".jpg", image, [cv2.IMWRITE_JPEG_QUALITY, quality])[1], cv2.IMREAD_COLOR)


def rendered_frames(count: int, seed: int, size: tuple[int, int]) -> list[BenchFrame]:
    """Rendered parked cars, JPEG-compressed like camera frames."""
    rng = random.Random(seed)
    texts = [random_plate_text(rng) for _ in range(count)]
    return [BenchFrame(f"rendered-{i}", as_jpeg(parked_car_scene(t, seed=seed + i, size=size)), t)
            for i, t in enumerate(texts)]


def folder_frames(folder: Path, limit: int | None) -> list[BenchFrame]:
    """The folder's images in name order, with the plate text its labels give (if any).
    Raises LabelError for a label file that cannot be used."""
    truths = {label.file: label.text for label in read_labels(folder) if label.has_plate}
    paths = sorted(p for p in folder.iterdir() if p.suffix.lower() in IMAGE_SUFFIXES)[:limit]
    frames = [BenchFrame(p.name, cv2.imread(str(p), cv2.IMREAD_COLOR), truths.get(p.name)) for p in paths]
    return [f for f in frames if f.image is not None]


def sized(frames: list[BenchFrame], size: tuple[int, int] | None) -> list[BenchFrame]:
    if size is None:
        return frames
    return [BenchFrame(f.name, letterbox(f.image, *size), f.truth) for f in frames]
